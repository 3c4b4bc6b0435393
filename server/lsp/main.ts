// The language server: wiring only. One handler per LSP method lives in its own file.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  WatchKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver';
import type { Parser } from 'web-tree-sitter';
import { pythonParser } from '../../engine/parse/python';
import { Analyzer } from './analyzer';
import { codeActions, FIX_ALL_KIND, SHOW_DOCS_COMMAND } from './code-actions';
import { docsUrl, findRule } from '../../rules/index';
import { codeLenses } from './code-lens';
import { publishDiagnostics } from './diagnostics';
import { DocumentStore, uriToPath } from './documents';
import { hover } from './hover';
import { inlayHints } from './inlay-hints';
import { SettingsCache } from './settings';
import {
  FOOTPRINT_REQUEST,
  SUMMARY_REQUEST,
  TABLES_REQUEST,
  type FootprintParams,
  type FootprintResult,
  type SummaryParams,
  type SummaryResult,
  type TablesParams,
  type TablesResult,
} from './custom-protocol';
import { footprint, tables } from './footprint';
import { summary } from './summary';
import { NOTEBOOK_SYNC, Notebooks } from './notebooks';

/** Extensions of the files a repository scan reads (code, launchers, configs; engine/link/repo-defaults.ts). */
const WATCHED = [
  'py',
  'pyi',
  'sh',
  'bash',
  'zsh',
  'slurm',
  'sbatch',
  'pbs',
  'job',
  'yaml',
  'yml',
  'json',
  'jsonc',
  'toml',
  'cfg',
  'ini',
  'gin',
  'conf',
];

/** Documents at least this large are re-analyzed after a pause in edits rather than at once. */
const DEBOUNCE_MIN_CHARS = 100_000;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  let parser: Parser | undefined;
  const parserReady = pythonParser().then((p) => (parser = p));
  let roots: string[] = [];
  let codeLensRefresh = false;
  let inlayRefresh = false;
  let versionedEdits = false;
  let watchers = false;
  const docs = new DocumentStore(() => parser);
  const settings = new SettingsCache(connection, () => roots);
  const analyzer = new Analyzer(docs, settings, connection, () => roots);
  const pending = new Map<string, { cancel: () => void }>();
  // Jupyter notebooks: their code cells analysed as one notebook, diagnostics published per cell (./notebooks.ts).
  const notebooks = new Notebooks();
  const entryOf = (uri: string) => docs.get(uri) ?? notebooks.get(uri);

  /**
   * Re-analysis after changes, coalesced: each event restarts the wait, so a burst of edits gives one analysis of
   * its final state. Small documents wait for the next turn of the event loop; large ones (whose analysis is
   * costly) for a pause in typing, longer the larger they are.
   */
  const schedule = (uri: string) => {
    pending.get(uri)?.cancel();
    const fire = () => {
      pending.delete(uri);
      const entry = docs.get(uri);
      const publish = entry
        ? () => publishDiagnostics(connection, analyzer, entry)
        : notebooks.get(uri) && (() => notebooks.publish(connection, analyzer, uri));
      if (publish) parserReady.then(publish).catch((e) => connection.console.error(String(e)));
    };
    const size = entryOf(uri)?.doc.getText().length ?? 0;
    if (size < DEBOUNCE_MIN_CHARS) {
      const t = setImmediate(fire);
      pending.set(uri, { cancel: () => clearImmediate(t) });
    } else {
      const t = setTimeout(fire, Math.min(300, 50 + size / 10_000));
      pending.set(uri, { cancel: () => clearTimeout(t) });
    }
  };
  const refreshAll = () => {
    analyzer.invalidate();
    for (const d of [...docs.all(), ...notebooks.all()]) schedule(d.doc.uri);
    if (codeLensRefresh) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (inlayRefresh) connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
  };
  // Requests wait for the grammar (a few ms at start), then never fail: errors give empty results.
  const guard =
    <P, R>(name: string, empty: R, fn: (p: P) => Promise<R>) =>
    async (p: P): Promise<R> => {
      try {
        await parserReady;
        return await fn(p);
      } catch (e) {
        connection.console.error(`${name}: ${(e as Error).stack ?? e}`);
        return empty;
      }
    };

  connection.onInitialize((params): InitializeResult => {
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (roots.length === 0 && params.rootUri) roots = [uriToPath(params.rootUri)];
    settings.supportsConfiguration = !!params.capabilities.workspace?.configuration;
    codeLensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    inlayRefresh = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
    watchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        notebookDocumentSync: NOTEBOOK_SYNC,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [SHOW_DOCS_COMMAND] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'greenml', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => {
    if (settings.supportsConfiguration)
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'greenml' })
        .catch(() => undefined);
    // Every file a whole-repository scan reads (engine/link/repo-defaults.ts) and every deletion (a folder's too):
    // once the client reports them, an unchanged repository is not read again at each keystroke.
    if (watchers)
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: `**/*.{${WATCHED.join(',')}}` },
            { globPattern: '**/{[Mm]akefile,README*,readme*,Readme*,LICEN[CS]E*,licen[cs]e*,requirements*.txt,.git}' },
            { globPattern: '**/*', kind: WatchKind.Delete },
          ],
        })
        .then(() => (analyzer.watching = true))
        .catch(() => undefined);
  });
  connection.onDidOpenTextDocument((p) => {
    docs.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
    schedule(p.textDocument.uri);
  });
  connection.onDidChangeTextDocument((p) => {
    const changed = docs.change(p.textDocument?.uri, p.textDocument?.version, p.contentChanges);
    if (!changed) return;
    const { entry, problems } = changed;
    for (const m of problems) connection.console.warn(`didChange ${entry.path}: ${m}`);
    schedule(p.textDocument.uri);
    // Open files whose run reads this one (a script's launcher, a DeepSpeed config) re-publish too.
    for (const uri of analyzer.dependents(entry.path)) if (uri !== p.textDocument.uri) schedule(uri);
  });
  connection.onDidCloseTextDocument((p) => {
    pending.get(p.textDocument.uri)?.cancel();
    pending.delete(p.textDocument.uri);
    docs.close(p.textDocument.uri);
    analyzer.forget(p.textDocument.uri);
    connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] }).catch(() => undefined);
  });
  notebooks.listen(connection, schedule, (uri, cells) => {
    pending.get(uri)?.cancel();
    pending.delete(uri);
    analyzer.forget(uri);
    for (const cell of cells) connection.sendDiagnostics({ uri: cell, diagnostics: [] }).catch(() => undefined);
  });
  connection.onDidChangeConfiguration(refreshAll);
  connection.onDidChangeWatchedFiles(refreshAll);
  const cell = (p: { textDocument?: { uri?: unknown } }) => notebooks.isCell(p?.textDocument?.uri as string);
  connection.onHover(guard('hover', null, (p) => (cell(p) ? notebooks.hover(analyzer, p) : hover(docs, analyzer, p))));
  connection.onCodeAction(
    guard('codeAction', [], (p) =>
      cell(p) ? notebooks.codeActions(analyzer, p) : codeActions(docs, analyzer, p, versionedEdits),
    ),
  );
  connection.onExecuteCommand(
    guard('executeCommand', null, async (p) => {
      const rule = p.command === SHOW_DOCS_COMMAND ? findRule(String(p.arguments?.[0] ?? '')) : undefined;
      if (rule) await connection.window.showDocument({ uri: docsUrl(rule), external: true });
      return null;
    }),
  );
  connection.onCodeLens(
    guard('codeLens', [], (p) => (cell(p) ? notebooks.codeLenses(analyzer, p) : codeLenses(docs, analyzer, p))),
  );
  connection.onRequest(
    SUMMARY_REQUEST,
    guard<SummaryParams, SummaryResult>('summary', { runs: [], findings: 0 }, (p) =>
      notebooks.isCell(p?.uri) ? notebooks.summary(analyzer, p.uri) : summary(docs, analyzer, p),
    ),
  );
  connection.onRequest(
    FOOTPRINT_REQUEST,
    guard<FootprintParams, FootprintResult | null>('footprint', null, (p) => footprint(docs, settings, roots, p ?? {})),
  );
  connection.onRequest(
    TABLES_REQUEST,
    guard<TablesParams, TablesResult>('tables', { hardware: [], regions: [], rules: [] }, (p) =>
      tables(settings, p ?? {}),
    ),
  );
  connection.languages.inlayHint.on(
    guard('inlayHint', [], (p) => (cell(p) ? notebooks.inlayHints(analyzer, p) : inlayHints(docs, analyzer, p))),
  );
  connection.onShutdown(() => analyzer.dispose());
  connection.listen();
}
