// Python parsing with web-tree-sitter and the tree-sitter-python grammar.
// The WASM files sit beside the bundle in dist/ (copied by scripts/build.mjs); in tests they are read from
// node_modules. Parsing never throws on user text: a broken file gives a tree with ERROR nodes.
import { Parser, Language, type Tree, type Edit } from 'web-tree-sitter';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type { Tree, Node as SyntaxNode } from 'web-tree-sitter';

let ready: Promise<Parser> | undefined;

function findWasm(file: string, pkgPath: string): string {
  // Bundled: dist/<file> next to the running script. Source/tests: node_modules/<pkg>/<file>.
  const candidates = [
    path.join(__dirname, file),
    path.join(__dirname, '..', 'dist', file),
    path.join(process.cwd(), 'dist', file),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return require.resolve(pkgPath);
}

/** The shared Python parser, loaded once. */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
    const runtime = findWasm('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    const grammar = findWasm('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm');
    const language = await Language.load(fs.readFileSync(grammar));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}

/** Consecutive comment lines beyond this many are blanked before parsing (see `withoutLongCommentRuns`). */
export const MAX_COMMENT_RUN = 32;

/**
 * tree-sitter-python takes time quadratic in a run of comment lines that follows a statement (measured with
 * web-tree-sitter 0.25 and tree-sitter-python 0.25: 20,000 indented comment lines after a `def` take ≈ 40 s), so a
 * file of comments would hang the review. Comment lines in runs longer than MAX_COMMENT_RUN are replaced by spaces of
 * the same length before parsing: offsets, lines and columns are unchanged and nothing the review reads is lost
 * (suppression comments are read from the text, not the tree). Whitespace lines parse in linear time.
 */
export function withoutLongCommentRuns(text: string): string {
  if (text.length < 4096) return text;
  // A run: comment lines, with blank or whitespace-only lines between them.
  const re = /^[ \t]*#[^\n]*(?:\n[ \t]*(?:#[^\n]*)?)*/gm;
  const parts: string[] = [];
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const comments = m[0].split('\n').filter((l) => /^[ \t]*#/.test(l)).length;
    if (comments <= MAX_COMMENT_RUN) continue;
    parts.push(text.slice(last, m.index), m[0].replace(/[^\n]/g, ' '));
    last = m.index + m[0].length;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

/** Parse from scratch, or incrementally when `old` is a tree already edited with `tree.edit`. */
export function parsePython(parser: Parser, text: string, old?: Tree): Tree {
  const tree = parser.parse(withoutLongCommentRuns(text), old ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** A tree-sitter edit for replacing [start, end) of `before` with `insert` (indices in UTF-16 code units). */
export function editFor(before: string, start: number, end: number, insert: string): Edit {
  const point = (text: string, index: number) => {
    let row = 0;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
      row++;
      lineStart = i + 1;
    }
    return { row, column: index - lineStart };
  };
  const after = before.slice(0, start) + insert;
  return {
    startIndex: start,
    oldEndIndex: end,
    newEndIndex: start + insert.length,
    startPosition: point(before, start),
    oldEndPosition: point(before, end),
    newEndPosition: point(after, after.length),
  };
}
