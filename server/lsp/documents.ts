// Open documents with their text and an incrementally maintained tree-sitter tree: each content change becomes a
// `tree.edit`, and the next parse reuses the old tree (`parse(text, oldTree)`).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { editFor, parsePython, type Tree } from '../../engine/parse/python';
import type { Parser } from 'web-tree-sitter';
import { kindOf, skipReason } from '../review/analyze-file';

export interface OpenDocument {
  doc: TextDocument;
  path: string;
  tree?: Tree;
  /** Set when the tree no longer matches the text. */
  dirty: boolean;
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
    const entry: OpenDocument = {
      doc: TextDocument.create(uri, languageId, version, text),
      path: uriToPath(uri),
      dirty: true,
    };
    this.docs.set(uri, entry);
    return entry;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.docs.get(uri);
    if (!entry) return undefined;
    for (const change of changes) {
      const before = entry.doc.getText();
      if ('range' in change && entry.tree && !entry.dirty) {
        const start = entry.doc.offsetAt(change.range.start);
        const end = entry.doc.offsetAt(change.range.end);
        entry.tree.edit(editFor(before, start, end, change.text));
      } else {
        entry.tree?.delete();
        entry.tree = undefined;
      }
      entry.doc = TextDocument.update(entry.doc, [change], version);
    }
    entry.dirty = true;
    return entry;
  }

  /** The up-to-date tree for a Python document (re-parsed incrementally when needed), or undefined. */
  tree(entry: OpenDocument): Tree | undefined {
    if (kindOf(entry.path) !== 'python') return undefined;
    const text = entry.doc.getText();
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
