// A real protocol client (vscode-languageserver-protocol) talking to `node dist/server.js --stdio`.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';

export interface LspSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  stderr: () => string;
  /** Resolves with the next diagnostics for the URI that satisfy `until`. */
  diagnostics(
    uri: string,
    until?: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  open(file: string, text: string, languageId?: string): string;
  close(): Promise<void>;
  /** Capabilities the server registered with this client (`client/registerCapability`), by method. */
  registered: Map<string, unknown>;
}

export async function startServer(
  root: string,
  configuration: Record<string, unknown> = {},
  command = [path.resolve('dist/server.js'), '--stdio'],
  /** The client reports changes of the files the server asks it to watch. */
  opts: { watchedFiles?: boolean } = {},
): Promise<LspSession> {
  const proc = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const connection = createProtocolConnection(
    new StreamMessageReader(proc.stdout!),
    new StreamMessageWriter(proc.stdin!),
  );
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: {
    uri: string;
    until: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p);
    for (const w of [...waiters])
      if (w.uri === p.uri && w.until(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map(() => configuration),
  );
  const registered = new Map<string, unknown>();
  connection.onRequest(
    'client/registerCapability',
    (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      for (const r of p.registrations) registered.set(r.method, r.registerOptions);
      return null;
    },
  );
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        ...(opts.watchedFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: proc,
    stderr: () => err,
    registered,
    diagnostics(uri, until = () => true, timeoutMs = 10_000) {
      const have = latest.get(uri);
      if (have && until(have)) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${err}`)),
          timeoutMs,
        );
        waiters.push({ uri, until, resolve: (p) => (clearTimeout(t), resolve(p)) });
      });
    },
    open(file, text, languageId = 'python') {
      const uri = pathToFileURL(file).href;
      latest.delete(uri);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    async close() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      proc.kill();
    },
  };
}
