// Loaded with `node --import` into a process under test (and, inherited through execArgv, its worker threads):
// every way to open a socket, start a process or write a file throws and is recorded. At exit the record is printed
// on stderr as one line, `GREENML_IO_GUARD <json>`, for the test to read. Writes to stdout and stderr (fds 1, 2)
// are the process's output and allowed.
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { isMainThread, threadId } from 'node:worker_threads';

const record = [];
const deny = (what) =>
  function guarded(...args) {
    const detail = typeof args[0] === 'string' || typeof args[0] === 'number' ? String(args[0]) : '';
    record.push(`${what}(${detail})`);
    throw new Error(`io-guard: ${what} is not allowed here`);
  };
const patch = (obj, names, label) => {
  for (const n of names) if (typeof obj[n] === 'function') obj[n] = deny(`${label}.${n}`);
};

patch(childProcess, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'child_process');
patch(net, ['connect', 'createConnection', 'createServer'], 'net');
patch(net.Socket.prototype, ['connect'], 'net.Socket');
patch(net.Server.prototype, ['listen'], 'net.Server');
patch(tls, ['connect', 'createServer'], 'tls');
patch(dgram, ['createSocket'], 'dgram');
patch(http, ['request', 'get', 'createServer'], 'http');
patch(https, ['request', 'get', 'createServer'], 'https');
if (typeof globalThis.fetch === 'function') globalThis.fetch = deny('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = deny('WebSocket');

const WRITERS = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'createWriteStream',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'unlink',
  'unlinkSync',
  'rename',
  'renameSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'truncate',
  'truncateSync',
  'symlink',
  'symlinkSync',
  'link',
  'linkSync',
  'chmod',
  'chmodSync',
  'utimes',
  'utimesSync',
];
patch(fs, WRITERS, 'fs');
patch(
  fs.promises,
  WRITERS.filter((n) => !n.endsWith('Sync') && n !== 'createWriteStream'),
  'fs.promises',
);
const writesFlag = (flags) =>
  typeof flags === 'number'
    ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC)) !== 0
    : typeof flags === 'string' && /[wa+]/.test(flags);
for (const name of ['open', 'openSync']) {
  const original = fs[name];
  fs[name] = function (file, flags, ...rest) {
    if (writesFlag(flags)) return deny(`fs.${name}`)(String(file));
    return original.call(this, file, flags, ...rest);
  };
}
const originalWriteSync = fs.writeSync;
fs.writeSync = function (fd, ...rest) {
  if (fd !== 1 && fd !== 2) return deny('fs.writeSync')(fd);
  return originalWriteSync.call(this, fd, ...rest);
};

process.on('exit', () => {
  originalWriteSync(
    2,
    `\nGREENML_IO_GUARD ${JSON.stringify({ thread: isMainThread ? 'main' : `worker ${threadId}`, denied: record })}\n`,
  );
});
