// Open documents with their text and an incrementally maintained tree-sitter tree: each content change becomes a
// `tree.edit`, and the next parse reuses the old tree (`parse(text, oldTree)`).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { editFor, parsePython, type Tree } from '../../engine/parse/python';
import { forgetNodes } from '../../engine/parse/nodes-of-type';
import type { Parser } from 'web-tree-sitter';
import { linkKind } from '../../engine/link';
import { skipReason } from '../review/analyze-file';

export interface OpenDocument {
  doc: TextDocument;
  path: string;
  tree?: Tree;
  /** Set when the tree no longer matches the text. */
  dirty: boolean;
  /**
   * Bumped on every applied change: analyses are cached by revision, not by the client's version number, so a
   * reused or older version can never return results computed for another text.
   */
  revision: number;
}

let revisions = 0;

/** A document entry with a fresh revision (an open file, or a notebook's code cells as one text: ./notebooks.ts). */
export function documentEntry(uri: string, languageId: string, version: number, text: string): OpenDocument {
  return {
    doc: TextDocument.create(uri, languageId, version, text),
    path: uriToPath(uri),
    dirty: true,
    revision: ++revisions,
  };
}

/** Why a content change's range cannot be applied (reversed, out of range, not whole numbers), or undefined. */
export function rangeProblem(doc: TextDocument, change: TextDocumentContentChangeEvent): string | undefined {
  if (typeof (change as { text?: unknown }).text !== 'string') return 'the change has no text';
  if (!('range' in change)) return undefined;
  type Pos = { line?: unknown; character?: unknown } | undefined;
  const r = change.range as { start?: Pos; end?: Pos } | undefined;
  const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2 ** 31 - 1;
  if (!r?.start || !r.end || ![r.start.line, r.start.character, r.end.line, r.end.character].every(ok))
    return `invalid range ${JSON.stringify(r)}: positions must be whole numbers ≥ 0`;
  const s = r.start as { line: number; character: number };
  const e = r.end as { line: number; character: number };
  // A character past the end of its line means the end of that line (LSP 3.17, Position).
  if (s.line >= doc.lineCount || e.line >= doc.lineCount)
    return `range ${s.line}:${s.character}-${e.line}:${e.character} is past the document's ${doc.lineCount} lines`;
  if (s.line > e.line || (s.line === e.line && s.character > e.character))
    return `reversed range ${s.line}:${s.character}-${e.line}:${e.character}`;
  return undefined;
}

/**
 * Trees kept for incremental re-parsing. Older documents drop theirs (re-parsed in full on their next edit, ~15 ms
 * for 2,000 lines), so memory stays bounded with many files open.
 */
export const MAX_TREES = 16;

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();
  /** URIs holding a tree, least recently parsed first. */
  private readonly withTree: string[] = [];

  constructor(private readonly parser: () => Parser | undefined) {}

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const entry = documentEntry(uri, languageId, version, text);
    this.docs.set(uri, entry);
    return entry;
  }

  /**
   * Apply content changes in order. A change whose range is invalid (reversed, past the end, fractional) is not
   * applied — its problem is returned to be logged — so the text and the tree never disagree.
   */
  change(
    uri: string,
    version: number,
    changes: TextDocumentContentChangeEvent[],
  ): { entry: OpenDocument; problems: string[] } | undefined {
    const entry = this.docs.get(uri);
    if (!entry) return undefined;
    const problems: string[] = [];
    if (!(typeof version === 'number' && Number.isInteger(version)))
      problems.push(`version ${JSON.stringify(version)} is not a whole number`);
    else if (version <= entry.doc.version)
      problems.push(`version ${version} is not newer than ${entry.doc.version}; applied, results recomputed`);
    const v = typeof version === 'number' && Number.isInteger(version) ? version : entry.doc.version;
    for (const change of Array.isArray(changes) ? changes : []) {
      const problem = rangeProblem(entry.doc, change);
      if (problem) {
        problems.push(`${problem}: change not applied`);
        continue;
      }
      const before = entry.doc.getText();
      if ('range' in change && entry.tree && !entry.dirty) {
        const start = entry.doc.offsetAt(change.range.start);
        const end = entry.doc.offsetAt(change.range.end);
        entry.tree.edit(editFor(before, start, end, change.text));
        forgetNodes(entry.tree);
      } else {
        entry.tree?.delete();
        entry.tree = undefined;
      }
      entry.doc = TextDocument.update(entry.doc, [change], v);
    }
    // The client is at `version` now, whatever was rejected: publish under it.
    if (entry.doc.version !== v) entry.doc = TextDocument.update(entry.doc, [], v);
    entry.dirty = true;
    entry.revision = ++revisions;
    return { entry, problems };
  }

  /** The up-to-date tree for a Python document (re-parsed incrementally when needed), or undefined. */
  tree(entry: OpenDocument): Tree | undefined {
    const text = entry.doc.getText();
    if (linkKind(entry.path, text) !== 'python') return undefined;
    if (skipReason(text)) return undefined;
    if (!entry.dirty && entry.tree) return entry.tree;
    const parser = this.parser();
    if (!parser) return undefined;
    const next = parsePython(parser, text, entry.tree);
    entry.tree?.delete();
    entry.tree = next;
    entry.dirty = false;
    this.touch(entry.doc.uri);
    return next;
  }

  private touch(uri: string): void {
    const i = this.withTree.indexOf(uri);
    if (i !== -1) this.withTree.splice(i, 1);
    this.withTree.push(uri);
    while (this.withTree.length > MAX_TREES) {
      const old = this.docs.get(this.withTree.shift()!);
      old?.tree?.delete();
      if (old) {
        old.tree = undefined;
        old.dirty = true;
      }
    }
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  close(uri: string): void {
    const i = this.withTree.indexOf(uri);
    if (i !== -1) this.withTree.splice(i, 1);
    this.docs.get(uri)?.tree?.delete();
    this.docs.delete(uri);
  }
}

export function uriToPath(uri: string): string {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : u.path;
  } catch {
    return uri;
  }
}
