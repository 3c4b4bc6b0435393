// Jupyter notebooks in the editor, through LSP 3.17 notebook synchronization (vscode-languageserver's
// `NotebookDocuments`; https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#notebookDocument_synchronization):
// the client sends the notebook and its Python code cells, each cell a text document of its own (VS Code's
// `vscode-notebook-cell:` URIs). After every open and change (a cell's text edited, cells added, removed or moved)
// the code cells, in their order, are written as one nbformat JSON text (./notebook-layout.ts) and analysed as the CLI
// analyses a notebook file (../review/analyze-notebook.ts: IPython lines blanked, `!python train.py …` lines read as
// a launcher); each finding is published on the cell it falls in, at its range in that cell. Hovers, inlay hints,
// CodeLens and the status summary answer on cells from the same analysis. No quick fix edits a cell (the fixes are
// display-only in notebooks); "Suppress … on this line" is offered on plain Python lines, computed on the cell's own
// text, and "Show documentation" everywhere. Nothing is executed.
import {
  CodeActionKind,
  DiagnosticSeverity,
  InlayHintKind,
  NotebookCellKind,
  NotebookDocuments,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type Connection,
  type Diagnostic,
  type DidChangeNotebookDocumentParams,
  type NotebookCell,
  type Disposable,
  type Hover,
  type HoverParams,
  type InlayHint,
  type InlayHintParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_BYTES } from '../review/analyze-file';
import { suppressEdit } from '../review/suppress';
import type { DocumentAnalysis } from '../review/analyze';
import type { Analyzer } from './analyzer';
import { SHOW_DOCS_COMMAND } from './code-actions';
import { runLenses } from './code-lens';
import { safePosition, toDiagnostic } from './convert';
import type { SummaryResult } from './custom-protocol';
import { documentEntry, uriToPath, type OpenDocument } from './documents';
import { hoverAt } from './hover';
import { hintsIn } from './inlay-hints';
import {
  cellAt,
  cellSpan,
  notebookLayout,
  type CellText,
  type LayoutCell,
  type NotebookLayout,
} from './notebook-layout';
import { summaryOf } from './summary';

/** The notebooks and cells the server asks to be synchronised: Jupyter notebooks' Python cells. */
export const NOTEBOOK_SYNC = {
  notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] }],
};

/** Layouts kept per notebook: the current one and those of analyses that may still answer (a large notebook's). */
const LAYOUTS_KEPT = 3;

interface OpenNotebook {
  /** The code cells as nbformat JSON, under the notebook's path: what the analyzer analyses and caches. */
  entry: OpenDocument;
  /** The layout of each recent revision of `entry`. */
  layouts: Map<number, NotebookLayout>;
  /** Why the cells are not analysed (over the size cap), shown on the first cell. */
  skipped?: string;
  /** Cells that were sent diagnostics (to clear those of removed cells). */
  published: Set<string>;
}

/** A cell's position in `layout` and the analysis it answers from. */
interface CellView {
  path: string;
  analysis: DocumentAnalysis;
  layout: NotebookLayout;
  cell: LayoutCell;
  doc: TextDocument;
}

const docs = new WeakMap<LayoutCell, TextDocument>();
/** A cell's text as a document (for positions), as it was when laid out. */
const cellDoc = (c: LayoutCell) => {
  let d = docs.get(c);
  if (!d) docs.set(c, (d = TextDocument.create(c.uri, 'python', 0, c.text)));
  return d;
};
const rangeIn = (c: LayoutCell, start: number, end: number) => ({
  start: cellDoc(c).positionAt(start),
  end: cellDoc(c).positionAt(end),
});

export class Notebooks {
  readonly sync = new NotebookDocuments(TextDocument);
  private readonly open = new Map<string, OpenNotebook>();

  /**
   * Follow the client's notebook notifications: `changed` after an open or a change (to schedule an analysis),
   * `closed` with the cells whose diagnostics must be cleared.
   */
  listen(connection: Connection, changed: (uri: string) => void, closed: (uri: string, cells: string[]) => void): void {
    const update = (uri: unknown) => {
      if (typeof uri !== 'string') return;
      try {
        this.update(uri);
        changed(uri);
      } catch (e) {
        connection.console.error(`notebook ${uri}: ${(e as Error).stack ?? e}`);
      }
    };
    // After each open and change, whatever it held: `NotebookDocuments` raises no event for cells moved (a structure
    // change that opens and closes no cell), and a malformed change may stop it half-way; the layout follows the
    // state it left either way.
    type Handler<P> = (p: P) => void | Promise<void>;
    const sync = connection.notebooks.synchronization;
    const then =
      <P extends { notebookDocument?: { uri?: unknown } }>(register: (h: Handler<P>) => Disposable) =>
      (h: Handler<P>) =>
        register(async (p) => {
          try {
            await h(p);
          } finally {
            update(p?.notebookDocument?.uri);
          }
        });
    const wrapped = {
      notebooks: {
        synchronization: {
          onDidOpenNotebookDocument: then(sync.onDidOpenNotebookDocument.bind(sync)),
          onDidChangeNotebookDocument: (h: Handler<DidChangeNotebookDocumentParams>) =>
            then(sync.onDidChangeNotebookDocument.bind(sync))((p) => h(this.wellFormed(p))),
          onDidSaveNotebookDocument: sync.onDidSaveNotebookDocument.bind(sync),
          onDidCloseNotebookDocument: sync.onDidCloseNotebookDocument.bind(sync),
        },
      },
    };
    this.sync.listen(wrapped as unknown as Connection);
    this.sync.onDidClose((nb) => {
      const open = this.open.get(nb.uri);
      this.open.delete(nb.uri);
      closed(nb.uri, [...(open?.published ?? [])]);
    });
  }

  /**
   * A change without what `NotebookDocuments` would trip on and keep tripping on: cells that are not cells (a `null`
   * spliced into its list breaks every later change), data of cells the notebook does not hold.
   */
  private wellFormed(p: DidChangeNotebookDocumentParams): DidChangeNotebookDocumentParams {
    const cells = p?.change?.cells;
    if (!cells) return p;
    const isCell = (c: unknown): c is NotebookCell =>
      typeof c === 'object' && c !== null && typeof (c as NotebookCell).document === 'string';
    const held = new Set((this.sync.getNotebookDocument(p.notebookDocument?.uri)?.cells ?? []).map((c) => c?.document));
    const array = cells.structure?.array;
    const whole = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0);
    // Data of no cell it holds: dropped (with none left, no data at all: the library's loop reads past the end).
    const data = Array.isArray(cells.data) ? cells.data.filter((c) => isCell(c) && held.has(c.document)) : [];
    return {
      ...p,
      change: {
        ...p.change,
        cells: {
          ...cells,
          structure: cells.structure && {
            ...cells.structure,
            array: {
              start: whole(array?.start),
              deleteCount: whole(array?.deleteCount),
              cells: Array.isArray(array?.cells) ? array.cells.filter(isCell) : undefined,
            },
          },
          data: data.length ? data : undefined,
        },
      },
    };
  }

  /** The analysed document of an open notebook (by the notebook's URI). */
  get(uri: string): OpenDocument | undefined {
    return this.open.get(uri)?.entry;
  }

  all(): OpenDocument[] {
    return [...this.open.values()].map((o) => o.entry);
  }

  /** Is this the URI of a cell of an open notebook? */
  isCell(uri: string): boolean {
    const nb = typeof uri === 'string' ? this.sync.findNotebookDocumentForCell(uri) : undefined;
    return !!nb && this.open.has(nb.uri);
  }

  /** Lay the notebook's code cells out again after a change. */
  private update(uri: string): void {
    const nb = this.sync.getNotebookDocument(uri);
    if (!nb) return;
    const cells: CellText[] = [];
    for (const cell of Array.isArray(nb.cells) ? nb.cells : []) {
      if (cell?.kind !== NotebookCellKind.Code || typeof cell.document !== 'string') continue;
      const doc = this.sync.getCellTextDocument(cell);
      if (doc && doc.languageId === 'python') cells.push({ uri: doc.uri, text: doc.getText() });
    }
    const size = cells.reduce((s, c) => s + c.text.length, 0);
    const skipped =
      size > MAX_FILE_BYTES
        ? `notebook not reviewed: its code cells hold ${(size / 1024 / 1024).toFixed(1)} MB of text, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`
        : undefined;
    const layout = notebookLayout(skipped ? cells.map((c) => ({ uri: c.uri, text: '' })) : cells);
    // Under the notebook's own path (a `.ipynb` name even for an untitled notebook), so that it is read as one.
    const path = uriToPath(uri);
    const entry = documentEntry(uri, 'json', typeof nb.version === 'number' ? nb.version : 0, layout.json);
    if (!/\.ipynb$/i.test(path)) entry.path = `${path}.ipynb`;
    const prev = this.open.get(uri);
    const layouts = prev?.layouts ?? new Map<number, NotebookLayout>();
    layouts.set(entry.revision, layout);
    for (const r of [...layouts.keys()].slice(0, Math.max(0, layouts.size - LAYOUTS_KEPT))) layouts.delete(r);
    this.open.set(uri, { entry, layouts, skipped, published: prev?.published ?? new Set() });
  }

  /** Publish the notebook's diagnostics, each on its cell; cells without any (or no longer there) are cleared. */
  async publish(connection: Connection, analyzer: Analyzer, uri: string): Promise<void> {
    const nb = this.open.get(uri);
    if (!nb) return;
    const { entry } = nb;
    const a = await analyzer.current(entry);
    if (this.open.get(uri)?.entry !== entry) return; // a newer change will publish
    const layout = nb.layouts.get(a.revision);
    if (!layout) return;
    const byCell = new Map<string, Diagnostic[]>(layout.cells.map((c) => [c.uri, []]));
    a.analysis.findings.forEach((f, i) => {
      const s = f.file === entry.path ? cellSpan(layout, f.span) : undefined;
      if (s)
        byCell.get(s.cell.uri)?.push(toDiagnostic(cellDoc(s.cell), { ...f, span: { start: s.start, end: s.end } }, i));
    });
    const first = layout.cells[0];
    for (const message of [...(nb.skipped ? [nb.skipped] : []), ...a.analysis.messages])
      if (first)
        byCell.get(first.uri)?.push({
          range: rangeIn(first, 0, 0),
          severity: DiagnosticSeverity.Information,
          source: 'greenml',
          message,
        });
    const sends = [...byCell].map(([cell, diagnostics]) => connection.sendDiagnostics({ uri: cell, diagnostics }));
    for (const cell of nb.published)
      if (!byCell.has(cell)) sends.push(connection.sendDiagnostics({ uri: cell, diagnostics: [] }));
    nb.published = new Set(byCell.keys());
    await Promise.all(sends);
  }

  /** The analysis that answers requests on a cell, with the cell as it was laid out for it. */
  private async view(analyzer: Analyzer, cellUri: string): Promise<CellView | undefined> {
    const nbDoc = this.sync.findNotebookDocumentForCell(cellUri);
    const nb = nbDoc && this.open.get(nbDoc.uri);
    if (!nb) return undefined;
    const a = await analyzer.answer(nb.entry);
    const layout = nb.layouts.get(a.revision);
    const cell = layout?.cells.find((c) => c.uri === cellUri);
    if (!layout || !cell) return undefined;
    return { path: nb.entry.path, analysis: a.analysis, layout, cell, doc: cellDoc(cell) };
  }

  /** A JSON span as a range of `v.cell`, or undefined when it lies in another cell. */
  private rangeOf(v: CellView, span: { start: number; end: number }) {
    const s = cellSpan(v.layout, span);
    return s && s.cell === v.cell ? rangeIn(v.cell, s.start, s.end) : undefined;
  }

  async hover(analyzer: Analyzer, p: HoverParams): Promise<Hover | null> {
    const v = await this.view(analyzer, p.textDocument.uri);
    if (!v) return null;
    const h = hoverAt(v.analysis, v.path, v.cell.at[v.doc.offsetAt(safePosition(p.position))]);
    if (!h) return null;
    const range = h.span && this.rangeOf(v, h.span);
    // A hover resting on a span that begins in another cell (a run's call spanning cells) is not this cell's.
    return h.span && !range ? null : { contents: h.contents, range };
  }

  async inlayHints(analyzer: Analyzer, p: InlayHintParams): Promise<InlayHint[]> {
    const v = await this.view(analyzer, p.textDocument.uri);
    if (!v) return [];
    const at = (pos: unknown) => v.cell.at[v.doc.offsetAt(safePosition(pos as never))];
    return hintsIn(v.analysis, v.path, at(p.range?.start), at(p.range?.end)).flatMap((h) => {
      const c = cellAt(v.layout, h.offset);
      if (c?.cell !== v.cell) return [];
      return [
        { position: v.doc.positionAt(c.offset), label: ` ${h.text}`, kind: InlayHintKind.Type, paddingLeft: true },
      ];
    });
  }

  async codeLenses(analyzer: Analyzer, p: CodeLensParams): Promise<CodeLens[]> {
    const v = await this.view(analyzer, p.textDocument.uri);
    if (!v) return [];
    return runLenses(v.analysis, v.path).flatMap((l) => {
      const range = this.rangeOf(v, l.span);
      return range ? [{ range, command: l.command }] : [];
    });
  }

  async summary(analyzer: Analyzer, cellUri: string): Promise<SummaryResult> {
    const v = await this.view(analyzer, cellUri);
    return v ? summaryOf(v.analysis, v.path) : { runs: [], findings: 0 };
  }

  /**
   * Quick fixes on a cell: the findings' fixes are display-only in a notebook (their advice is in the message), so
   * only "Suppress GMLxxx on this line" — on a plain Python line, computed on the cell's current text, never on a
   * stale one — and "Show documentation for GMLxxx".
   */
  async codeActions(analyzer: Analyzer, p: CodeActionParams): Promise<CodeAction[]> {
    const v = await this.view(analyzer, p.textDocument.uri);
    if (!v || (p.context?.only && !p.context.only.some((k) => CodeActionKind.QuickFix.startsWith(k)))) return [];
    const from = v.doc.offsetAt(safePosition(p.range?.start));
    const to = v.doc.offsetAt(safePosition(p.range?.end));
    const current = this.sync.cellTextDocuments.get(p.textDocument.uri)?.getText();
    const actions: CodeAction[] = [];
    const seen = new Set<string>();
    v.analysis.findings.forEach((f, i) => {
      const s = f.file === v.path ? cellSpan(v.layout, f.span) : undefined;
      if (!s || s.cell !== v.cell || s.end < from || s.start > to || seen.has(f.code)) return;
      seen.add(f.code);
      const diagnostics = [toDiagnostic(v.doc, { ...f, span: { start: s.start, end: s.end } }, i)];
      const text = v.cell.text;
      const line = text.slice(text.lastIndexOf('\n', s.start - 1) + 1).trimStart();
      const plain = current === text && !/^[!%?]/.test(line) && !/^\s*%%/.test(text);
      const sup = plain ? suppressEdit(`${v.path}.py`, text, s.start, f.code) : undefined;
      if (sup)
        actions.push({
          title: `Suppress ${f.code} on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          edit: { changes: { [v.cell.uri]: [{ range: rangeIn(v.cell, sup.start, sup.end), newText: sup.newText }] } },
        });
      actions.push({
        title: `Show documentation for ${f.code}`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title: `Show documentation for ${f.code}`, command: SHOW_DOCS_COMMAND, arguments: [f.code] },
      });
    });
    return actions;
  }
}
