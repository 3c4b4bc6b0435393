// Related Python files (the script a launcher or config names, a nanoGPT config) parsed once per content, across
// analyses: typing in a YAML config re-links its script on every keystroke, and the script has not changed.
// Trees are immutable once parsed (nothing here calls `tree.edit`), so sharing them between analyses is safe.
// Analyses run synchronously, so a tree handed out is never freed while in use: entries over the cap are freed
// only by `trimTreeCache()`, which the linker calls when its analysis is over.
import type { Parser } from 'web-tree-sitter';
import { parsePython, type Tree } from '../parse/python';

/** Trees kept between analyses (least recently used beyond this are freed). */
export const MAX_CACHED_TREES = 32;

const cache = new Map<string, { text: string; tree: Tree }>();
let parses = 0;

/** The tree of `text` as the file `abs`: from the cache when the text is unchanged, else parsed now. */
export function cachedTree(abs: string, text: string, parser: Parser): Tree {
  const hit = cache.get(abs);
  if (hit && hit.text === text) {
    cache.delete(abs); // re-insert: most recently used last
    cache.set(abs, hit);
    return hit.tree;
  }
  if (hit) {
    cache.delete(abs);
    retired.push(hit.tree);
  }
  const tree = parsePython(parser, text);
  parses++;
  cache.set(abs, { text, tree });
  return tree;
}

const retired: Tree[] = [];

/** Free trees beyond the cap and those replaced by a newer text. Call when no analysis holds a tree. */
export function trimTreeCache(max = MAX_CACHED_TREES): void {
  for (const t of retired.splice(0)) t.delete();
  for (const [k, v] of cache) {
    if (cache.size <= max) break;
    cache.delete(k);
    v.tree.delete();
  }
}

/** How many parses the cache has done since start (for tests and the benchmark). */
export function treeCacheParses(): number {
  return parses;
}
