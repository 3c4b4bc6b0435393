// A nanoGPT-style config (`config/x.py`: `name = value` globals, imports such as `import time`) no launcher names: the
// run of a `train*.py` beside its folder whose globals it overrides, when most of its settings are its globals — the
// run nanoGPT's README gives it (`python train.py config/x.py`).
import * as path from 'node:path';
import { globalFields, globalWriter } from '../extract/nanogpt';
import type { FieldLayer, RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';
import { cachedTree } from './tree-cache';

export function nanogptUsers(linker: Linker, file: string, text: string): RunDraft[] {
  const parser = linker.parser;
  if (!parser || !/^configs?$/i.test(path.basename(path.dirname(path.resolve(file))))) return [];
  const abs = path.resolve(file);
  const own = abs === path.resolve(linker.input.file) ? linker.input.tree : undefined;
  const tree = own ?? cachedTree(abs, text, parser);
  const g = globalFields(linker.id(file), tree.rootNode);
  const code = tree.rootNode.namedChildren.filter((n) => n && !/^(comment|import_\w+)$/.test(n.type));
  if (g.size === 0 || g.size !== code.length) return [];
  const parent = path.dirname(path.dirname(abs));
  for (const name of linker.listDir(parent).filter((n) => /^train\w*\.py$/.test(n))) {
    const script = path.join(parent, name);
    const st = linker.read(script);
    if (!st || !/configurator|exec\(open\(/.test(st)) continue;
    const runs = linker.pythonRuns(script, st).filter((d) => d.kind === 'nanogpt' && d.rebuild);
    if (runs.length === 0) continue;
    const scriptTree = linker.treeOf(script);
    if (!scriptTree) continue;
    const globals = globalFields(linker.id(script), scriptTree.rootNode);
    const shared = [...g.keys()].filter((k) => globals.has(k)).length;
    if (shared * 2 < g.size) continue;
    const layer: FieldLayer = {
      kind: 'config',
      fields: g,
      write: globalWriter(linker.id(file), text, g),
      complete: true,
    };
    return runs.map((d) => linker.enrich(d.rebuild!([layer])));
  }
  return [];
}
