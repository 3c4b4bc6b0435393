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

/** Parse from scratch, or incrementally when `old` is a tree already edited with `tree.edit`. */
export function parsePython(parser: Parser, text: string, old?: Tree): Tree {
  const tree = parser.parse(text, old ?? null);
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
