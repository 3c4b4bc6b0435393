// Analysis per open document, cached by document version, settings generation and the state of the related files
// it read (a launcher, a DeepSpeed config: open buffers first, then the disk). Failures stay inside one request:
// they are logged and give an empty analysis.
import * as fs from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import { emptyAnalysis, kindOf, skipReason } from '../review/analyze-file';
import { analyzeDocument, type DocumentAnalysis } from '../review/analyze';
import * as path from 'node:path';
import { diskReader, memoryReader } from '../../engine/link';
import { boundedReader } from '../../engine/link/reader';
import { pythonParser } from '../../engine/parse/python';
import type { DocumentStore, OpenDocument } from './documents';
import type { SettingsCache } from './settings';

interface Entry {
  version: number;
  generation: number;
  result: Promise<DocumentAnalysis>;
  /** Related files read and their state (open version or disk mtime) when analyzed. */
  related: Map<string, string>;
}

export class Analyzer {
  private readonly cache = new Map<string, Entry>();
  private generation = 0;
  private readonly disk = diskReader();

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
  }

  /** Open documents whose last analysis read `path` (to re-publish them when it changes). */
  dependents(path: string): string[] {
    return [...this.cache.entries()].filter(([, e]) => e.related.has(path)).map(([uri]) => uri);
  }

  analysis(entry: OpenDocument): Promise<DocumentAnalysis> {
    const uri = entry.doc.uri;
    const hit = this.cache.get(uri);
    if (hit && hit.version === entry.doc.version && hit.generation === this.generation && this.unchanged(hit.related))
      return hit.result;
    const related = new Map<string, string>();
    const result = this.run(entry, related);
    this.cache.set(uri, { version: entry.doc.version, generation: this.generation, result, related });
    return result;
  }

  private state(path: string): string {
    const open = this.docs.all().find((d) => d.path === path);
    if (open) return `v${open.doc.version}`;
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

  private async run(entry: OpenDocument, related: Map<string, string>): Promise<DocumentAnalysis> {
    const started = performance.now();
    const text = entry.doc.getText();
    try {
      const skip = skipReason(text);
      if (skip) return emptyAnalysis(entry.path, [skip]);
      const kind = kindOf(entry.path);
      if (kind === 'unsupported') return emptyAnalysis(entry.path);
      const { settings, file } = await this.settings.get(entry.doc.uri, entry.path);
      const tree = kind === 'python' ? this.docs.tree(entry) : undefined;
      if (kind === 'python' && !tree) return emptyAnalysis(entry.path);
      // Unsaved buffers of other open documents win over the disk.
      const open = Object.fromEntries(
        this.docs
          .all()
          .filter((d) => d !== entry)
          .map((d) => [d.path, d.doc.getText()]),
      );
      const result = analyzeDocument(entry.path, text, settings, {
        tree,
        parser: await pythonParser(),
        reader: boundedReader(memoryReader(open, this.disk), [
          ...(this.roots().length ? this.roots() : [path.dirname(entry.path)]),
          ...(settings.extraRoots ?? []),
        ]),
      });
      for (const p of result.sources?.keys() ?? []) if (p !== entry.path) related.set(p, this.state(p));
      // Unknown rule codes are errors on greenml.toml itself (./settings), not repeated on every document.
      if (file?.problems.length) result.messages.push(...file.problems.filter((p) => !/unknown rule "/.test(p)));
      this.connection.console.info(
        `analyzed ${entry.path} v${entry.doc.version}: ${result.findings.length} findings, ${result.runs.length} runs in ${(performance.now() - started).toFixed(1)} ms`,
      );
      return result;
    } catch (e) {
      this.connection.console.error(`analysis of ${entry.path} failed: ${(e as Error).stack ?? e}`);
      return emptyAnalysis(entry.path);
    }
  }
}
