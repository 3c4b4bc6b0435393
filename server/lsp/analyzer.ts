// Analysis per open document, cached by document version and settings generation. Failures stay inside one
// request: they are logged and give an empty analysis.
import type { Connection } from 'vscode-languageserver';
import { emptyAnalysis, kindOf, skipReason } from '../engine/analyze-file';
import { analyzePython, type DocumentAnalysis } from '../engine/analyze';
import type { DocumentStore, OpenDocument } from './documents';
import type { SettingsCache } from './settings';

export class Analyzer {
  private readonly cache = new Map<string, { version: number; generation: number; result: Promise<DocumentAnalysis> }>();
  private generation = 0;

  constructor(private readonly docs: DocumentStore, private readonly settings: SettingsCache, private readonly connection: Connection) {}

  /** Forget every cached analysis (settings or a workspace file changed). */
  invalidate(): void {
    this.generation++;
    this.settings.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  analysis(entry: OpenDocument): Promise<DocumentAnalysis> {
    const uri = entry.doc.uri;
    const hit = this.cache.get(uri);
    if (hit && hit.version === entry.doc.version && hit.generation === this.generation) return hit.result;
    const result = this.run(entry);
    this.cache.set(uri, { version: entry.doc.version, generation: this.generation, result });
    return result;
  }

  private async run(entry: OpenDocument): Promise<DocumentAnalysis> {
    const started = performance.now();
    const text = entry.doc.getText();
    try {
      const skip = skipReason(text);
      if (skip) return emptyAnalysis(entry.path, [skip]);
      if (kindOf(entry.path) !== 'python') return emptyAnalysis(entry.path);
      const { settings, file } = await this.settings.get(entry.doc.uri, entry.path);
      const tree = this.docs.tree(entry);
      if (!tree) return emptyAnalysis(entry.path);
      const result = analyzePython(entry.path, text, tree, settings);
      if (file?.problems.length) result.messages.push(...file.problems);
      this.connection.console.log(`[info] analyzed ${entry.path} v${entry.doc.version}: ${result.findings.length} findings, ${result.runs.length} runs in ${(performance.now() - started).toFixed(1)} ms`);
      return result;
    } catch (e) {
      this.connection.console.error(`[error] analysis of ${entry.path} failed: ${(e as Error).stack ?? e}`);
      return emptyAnalysis(entry.path);
    }
  }
}
