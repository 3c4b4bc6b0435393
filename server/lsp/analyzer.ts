// Analysis per open document, cached by document revision (bumped on every applied change, so a reused client
// version cannot return another text's results), settings generation and the state of the related files it read
// (a launcher, a DeepSpeed config: open buffers first, then the disk). Large documents are analyzed on a worker
// thread, so a 2 MB file being edited never holds up requests on other documents; while an analysis is pending,
// hovers and code actions are answered from the last good one (with the text it was computed on). Failures stay
// inside one request: they are logged and give an empty analysis.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, emptyAnalysis, skipReason } from '../review/analyze-file';
import { isNotebook } from '../review/analyze-notebook';
import { analyzeDocument, type DocumentAnalysis } from '../review/analyze';
import { diskReader, linkKind, memoryReader } from '../../engine/link';
import { boundedReader } from '../../engine/link/reader';
import { pythonParser } from '../../engine/parse/python';
import type { Settings } from '../../engine/settings';
import type { DocumentStore, OpenDocument } from './documents';
import type { SettingsCache } from './settings';
import { WorkerAnalyses } from './worker';

/** Documents larger than this are analyzed off the main thread (≈ 100 ms or more of parsing and extraction). */
export const WORKER_MIN_CHARS = 256 * 1024;

/** An analysis and the document text it was computed on (for offsets → positions). */
export interface Analyzed {
  analysis: DocumentAnalysis;
  doc: TextDocument;
  revision: number;
}

interface Entry {
  revision: number;
  generation: number;
  result: Promise<Analyzed>;
  done?: Analyzed;
  /** Related files read and their state (open version or disk mtime) when analyzed. */
  related: Map<string, string>;
}

export class Analyzer {
  private readonly cache = new Map<string, Entry>();
  /** The last completed analysis of each document, whatever its revision. */
  private readonly lastGood = new Map<string, Analyzed>();
  private generation = 0;
  /**
   * Whether the client reports every change of the files a repository scan reads (the watchers the server registers,
   * ./main.ts): then the disk reader's state changes with `generation`, and an unchanged repository is not read again.
   */
  watching = false;
  private readonly disk = diskReader({ changes: () => (this.watching ? this.generation : undefined) });
  private readonly workers = new WorkerAnalyses();

  constructor(
    private readonly docs: DocumentStore,
    private readonly settings: SettingsCache,
    private readonly connection: Connection,
    /** Workspace folders: linked files outside them (and outside greenml.extraRoots) are not read. */
    private readonly roots: () => string[] = () => [],
  ) {}

  /** Forget every cached analysis (settings or a workspace file changed). */
  invalidate(): void {
    this.generation++;
    this.settings.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.lastGood.delete(uri);
  }

  dispose(): void {
    this.workers.dispose();
  }

  /** Open documents whose last analysis read `path` (to re-publish them when it changes). */
  dependents(path: string): string[] {
    return [...this.cache.entries()].filter(([, e]) => e.related.has(path)).map(([uri]) => uri);
  }

  /** Is the cached analysis of this document current? */
  private fresh(entry: OpenDocument, hit: Entry | undefined): hit is Entry {
    return (
      !!hit && hit.revision === entry.revision && hit.generation === this.generation && this.unchanged(hit.related)
    );
  }

  /** The analysis of the document's current text (started now unless cached). */
  analysis(entry: OpenDocument): Promise<DocumentAnalysis> {
    return this.current(entry).then((a) => a.analysis);
  }

  current(entry: OpenDocument): Promise<Analyzed> {
    const uri = entry.doc.uri;
    const hit = this.cache.get(uri);
    if (this.fresh(entry, hit)) return hit.result;
    const related = new Map<string, string>();
    const snapshot = TextDocument.create(uri, entry.doc.languageId, entry.doc.version, entry.doc.getText());
    const e: Entry = { revision: entry.revision, generation: this.generation, related, result: undefined as never };
    e.result = this.run(entry, snapshot, related).then((analysis) => {
      const done = { analysis: analysis ?? emptyAnalysis(entry.path), doc: snapshot, revision: e.revision };
      e.done = done;
      // A superseded analysis (undefined) is no one's last good answer; nor is one older than the last good.
      if (analysis && (this.lastGood.get(uri)?.revision ?? -1) < e.revision) this.lastGood.set(uri, done);
      return done;
    });
    this.cache.set(uri, e);
    return e.result;
  }

  /**
   * For hovers, code actions, lenses: the current analysis when it is ready or cheap; while a large document's
   * analysis is pending, the last good one (its `doc` says which text its offsets belong to).
   */
  async answer(entry: OpenDocument): Promise<Analyzed> {
    const uri = entry.doc.uri;
    const hit = this.cache.get(uri);
    if (this.fresh(entry, hit) && hit.done) return hit.done;
    const last = this.lastGood.get(uri);
    if (last && entry.doc.getText().length >= WORKER_MIN_CHARS) {
      void this.current(entry).catch(() => undefined);
      return last;
    }
    return this.current(entry);
  }

  private state(path: string): string {
    const open = this.docs.all().find((d) => d.path === path);
    if (open) return `v${open.doc.version}.${open.revision}`;
    try {
      return `m${fs.statSync(path).mtimeMs}`;
    } catch {
      return 'missing';
    }
  }

  private unchanged(related: Map<string, string>): boolean {
    for (const [p, s] of related) if (this.state(p) !== s) return false;
    return true;
  }

  private rootsFor(entry: OpenDocument, settings: Settings): string[] {
    return [...(this.roots().length ? this.roots() : [path.dirname(entry.path)]), ...(settings.extraRoots ?? [])];
  }

  private async run(
    entry: OpenDocument,
    snapshot: TextDocument,
    related: Map<string, string>,
  ): Promise<DocumentAnalysis | undefined> {
    const started = performance.now();
    const text = snapshot.getText();
    const revision = entry.revision;
    try {
      const skip = skipReason(text);
      if (skip) return emptyAnalysis(entry.path, [skip]);
      // A notebook open in the editor: its code cells as nbformat JSON (./notebooks.ts), read as the CLI reads one.
      const notebook = isNotebook(entry.path);
      const kind = linkKind(entry.path, text);
      if (kind === 'other' && !notebook) return emptyAnalysis(entry.path);
      const { settings, file } = await this.settings.get(entry.doc.uri, entry.path);
      // Unsaved buffers of other open documents win over the disk.
      const open = Object.fromEntries(
        this.docs
          .all()
          .filter((d) => d !== entry)
          .map((d) => [d.path, d.doc.getText()]),
      );
      const roots = this.rootsFor(entry, settings);
      let result: DocumentAnalysis;
      if (text.length >= WORKER_MIN_CHARS) {
        // Superseded while waiting for settings: the newer revision's analysis will run instead.
        const r = await this.workers.analyze(
          entry.doc.uri,
          { file: entry.path, text, settings, open, roots },
          () => entry.revision !== revision,
        );
        if (!r) return undefined;
        result = r;
      } else if (notebook) {
        result = await analyzeText(entry.path, text, settings, boundedReader(memoryReader(open, this.disk), roots));
      } else {
        const tree = kind === 'python' ? this.docs.tree(entry) : undefined;
        if (kind === 'python' && !tree) return emptyAnalysis(entry.path);
        result = analyzeDocument(entry.path, text, settings, {
          tree,
          parser: await pythonParser(),
          reader: boundedReader(memoryReader(open, this.disk), roots),
        });
      }
      for (const p of result.sources?.keys() ?? []) if (p !== entry.path) related.set(p, this.state(p));
      // Unknown rule codes are errors on greenml.toml itself (./settings), not repeated on every document.
      if (file?.problems.length) result.messages.push(...file.problems.filter((p) => !/unknown rule "/.test(p)));
      this.connection.console.info(
        `analyzed ${entry.path} v${snapshot.version}: ${result.findings.length} findings, ${result.runs.length} runs in ${(performance.now() - started).toFixed(1)} ms`,
      );
      return result;
    } catch (e) {
      this.connection.console.error(`analysis of ${entry.path} failed: ${(e as Error).stack ?? e}`);
      return emptyAnalysis(entry.path);
    }
  }
}
