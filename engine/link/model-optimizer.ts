// The optimizer of a config whose model is a LightningModule it names for instantiation — latent-diffusion's
// `model: {target: pkg.models.Cls, params: …}` or a Lightning CLI config's `model: {class_path: pkg.Cls}`: the
// Trainer calls that module's `configure_optimizers()` and steps what it returns
// (https://lightning.ai/docs/pytorch/stable/common/lightning_module.html#configure-optimizers). The class is looked
// for in the project's own modules (`pkg/models.py`, `pkg/models/__init__.py`), its method read — or, where the class
// does not define it, that of a base class of the same file — with ../extract/python-optimizer.ts, so that branches
// the code cannot decide and optimizers that disagree leave the fact unknown. A scheduler, an EMA or a class that
// is not found gives nothing.
import * as path from 'node:path';
import { optimizerFact } from '../extract/python-optimizer';
import { ValueResolver } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import type { ConfigDoc } from '../extract/config-doc';
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Linker } from './linker';
import { projectTop } from './project-files';
import { cachedTree } from './tree-cache';

const MAX_BASES = 3;
const MAX_UP = 3;

/** Fills `optimizer` (as `inferred`) in each draft that has none, from the named model class's `configure_optimizers`. */
export function withModelClassOptimizer(linker: Linker, file: string, doc: ConfigDoc, drafts: RunDraft[]): RunDraft[] {
  const missing = drafts.filter((d) => !d.plan.facts.get('optimizer')?.value);
  if (missing.length === 0 || !linker.parser) return drafts;
  const named = doc.field(['model', 'target'])?.value ?? doc.field(['model', 'class_path'])?.value;
  if (typeof named !== 'string' || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(named)) return drafts;
  const f = modelClassOptimizer(linker, file, named);
  if (f) for (const d of missing) d.plan.facts.set('optimizer', f);
  return drafts;
}

function modelClassOptimizer(linker: Linker, file: string, named: string) {
  const parts = named.split('.');
  const cls = parts.pop() ?? '';
  const mod = moduleFile(linker, file, parts);
  const o = mod && classMethodOptimizer(linker, mod, cls, 'configure_optimizers');
  return o && { ...o, note: `${o.note}, the model ${named} the config instantiates` };
}

/** The optimizer that method `name` of class `cls` in module file `mod` builds (read as a script), if one. */
export function classMethodOptimizer(linker: Linker, mod: string, cls: string, name: string) {
  const text = linker.read(mod);
  if (text === undefined || !linker.parser) return undefined;
  const root = cachedTree(mod, text, linker.parser).rootNode;
  const method = methodOf(root, cls, name, 0);
  if (!method) return undefined;
  // The method alone, after the module's imports, read as a script: what it builds is what the Trainer steps.
  const imports = text.match(/^(from|import)[ \t][^\n(#]*(\([^)]*\))?/gm) ?? [];
  const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', method.startIndex) + 1))?.[0].length ?? 0;
  const body = method.text
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.slice(Math.min(indent, l.length - l.trimStart().length))))
    .join('\n');
  const synth = `${imports.join('\n')}\n\n${body}\n`;
  const tree = cachedTree(`${mod}#${cls}.${name}`, synth, linker.parser);
  const values = new ValueResolver(tree.rootNode, findCalls(tree.rootNode, synth, ['add_argument']));
  const o = optimizerFact(linker.id(mod), synth, tree.rootNode, values);
  if (!o || typeof o.value !== 'string') return undefined;
  return {
    ...o,
    origin: 'inferred' as const,
    span: spanOf(method.childForFieldName('name') ?? method),
    note: `${o.note} in ${cls}.${name}() (${path.basename(mod)})`,
  };
}

/** `pkg/sub/mod.py` or `pkg/sub/mod/__init__.py`, from the config's project folder or up to MAX_UP folders above it. */
function moduleFile(linker: Linker, file: string, parts: string[]): string | undefined {
  let dir = projectTop(linker, file);
  for (let i = 0; i <= MAX_UP; i++) {
    for (const rel of [`${parts.join('/')}.py`, `${parts.join('/')}/__init__.py`]) {
      const p = path.join(dir, rel);
      if (linker.listDir(path.dirname(p)).includes(path.basename(p))) return p;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** Method `method` of top-level class `name`, or of its bases defined in the same module. */
function methodOf(root: SyntaxNode, name: string, method: string, depth: number): SyntaxNode | undefined {
  const cls = root.namedChildren.find(
    (n) => n?.type === 'class_definition' && n.childForFieldName('name')?.text === name,
  );
  if (!cls) return undefined;
  for (const s of cls.childForFieldName('body')?.namedChildren ?? []) {
    const fn = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === method) return fn;
  }
  if (depth >= MAX_BASES) return undefined;
  for (const b of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (b?.type !== 'identifier') continue;
    const m = methodOf(root, b.text, method, depth + 1);
    if (m) return m;
  }
  return undefined;
}
