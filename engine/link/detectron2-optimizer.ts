// The optimizer of a detectron2 yacs config. detectron2's schema has no optimizer key
// (https://github.com/facebookresearch/detectron2/blob/main/detectron2/config/defaults.py): its trainers build the
// optimizer in `DefaultTrainer.build_optimizer`, which calls `detectron2.solver.build_optimizer` — `torch.optim.SGD`
// with SOLVER.MOMENTUM and SOLVER.NESTEROV (https://github.com/facebookresearch/detectron2/blob/main/detectron2/solver/build.py,
// `build_optimizer`; https://detectron2.readthedocs.io/en/latest/modules/engine.html#detectron2.engine.defaults.DefaultTrainer.build_optimizer).
// A project that overrides `build_optimizer` in its Trainer subclass chooses its own: most (MaskFormer, Mask2Former,
// SparseInst, Detic) read `cfg.SOLVER.OPTIMIZER`, a key their `add_*_config(cfg)` declares with a default
// (`cfg.SOLVER.OPTIMIZER = "ADAMW"`), which the config's own `SOLVER.OPTIMIZER` (read by the vocabulary) replaces;
// others build a class directly, read with ../extract/python-optimizer.ts, or hand it to detectron2's
// `maybe_add_gradient_clipping(cfg, torch.optim.SGD)(…)` as a copy of the framework's builder does. An override that
// only delegates (`return build_optimizer(cfg, model)`) chooses nothing. Only for a project whose code imports
// detectron2; the framework's own files (a `detectron2/` package in the tree) are not an override, nor are the files
// of a sub-project with configs of its own (detectron2's `projects/DeepLab/`). Overrides that disagree, or one that
// cannot be read, leave the fact unknown.
import * as path from 'node:path';
import { optimizerFact } from '../extract/python-optimizer';
import { ValueResolver } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import { nodesOfType } from '../parse/nodes-of-type';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { SyntaxNode } from '../parse/python';
import type { Fact } from '../types';
import { optimizerName } from '../vocabulary/optimizers';
import type { Linker } from './linker';
import { projectTop, pythonFiles } from './project-files';
import { cachedTree } from './tree-cache';

const BUILD_URL = 'https://github.com/facebookresearch/detectron2/blob/main/detectron2/solver/build.py';
/** The project's declared default of the key (`cfg.SOLVER.OPTIMIZER = "ADAMW"` in `add_*_config`). */
const DECLARED = /\bSOLVER\.OPTIMIZER\s*=\s*['"]([\w-]+)['"]/g;
/** Files of the framework itself (the detectron2 repository, or a copy of its package): not the project's override. */
const FRAMEWORK_FILE = /(^|[\\/])detectron2[\\/]/;
const IMPORTS_D2 = /^\s*(from|import)\s+detectron2\b/m;
const CONFIG_DIR = /^(configs?|conf|cfgs?)$/i;

/** Fills `optimizer` in the detectron2 runs of a config that state none (or only a default). */
export function withDetectron2Optimizer(linker: Linker, file: string, text: string, drafts: RunDraft[]): RunDraft[] {
  const open = (fw: string) =>
    drafts.filter(
      (d) =>
        d.plan.framework === fw &&
        (!d.plan.facts.has('optimizer') || d.plan.facts.get('optimizer')?.origin === 'assumed'),
    );
  const lazy = open('detectron2-lazy');
  const o = lazy.length > 0 ? lazyOptimizer(linker.id(file), text) : undefined;
  if (o) for (const d of lazy) d.plan.facts.set('optimizer', o);
  const yacs = open('detectron2');
  const y = yacs.length > 0 && linker.parser ? detectron2Optimizer(linker, file) : undefined;
  if (y) for (const d of yacs) d.plan.facts.set('optimizer', y);
  return drafts;
}

/**
 * A LazyConfig's `optimizer`: `L(torch.optim.AdamW)(…)`, or one of detectron2's `configs/common/optim.py` objects
 * (`SGD = L(torch.optim.SGD)(…)`, `AdamW = L(torch.optim.AdamW)(…)`,
 * https://github.com/facebookresearch/detectron2/blob/main/configs/common/optim.py) imported as `optimizer` or taken
 * with `model_zoo.get_config("common/optim.py").SGD`.
 */
function lazyOptimizer(file: string, text: string): Fact | undefined {
  const m =
    /^optimizer\s*=\s*L\(\s*(?:[\w.]*\.)?(\w+)\s*\)/m.exec(text) ??
    /^from\s+[\w.]*\bcommon\.optim\s+import\s+(\w+)\s+as\s+optimizer\b/m.exec(text) ??
    /^optimizer\s*=\s*model_zoo\.get_config\(\s*['"]common\/optim\.py['"]\s*\)\.(\w+)/m.exec(text);
  const value = m && optimizerName(m[1]);
  if (!m || !value) return undefined;
  const start = m.index;
  return {
    key: 'optimizer',
    value,
    origin: 'explicit',
    file,
    span: { start, end: start + m[0].length },
    note: `${m[0].trim()} (detectron2 LazyConfig optimizer)`,
  };
}

function detectron2Optimizer(linker: Linker, config: string): Fact | undefined {
  const top = projectTop(linker, config);
  const rel = (f: string) => path.relative(top, f);
  const texts = pythonFiles(linker, top, config)
    .map((f) => ({ f, text: linker.read(f) }))
    .filter((x): x is { f: string; text: string } => x.text !== undefined);
  const own = texts.filter((x) => !FRAMEWORK_FILE.test(rel(x.f)) && !otherProject(linker, top, config, x.f));
  if (!own.some((x) => IMPORTS_D2.test(x.text)) && !texts.some((x) => FRAMEWORK_FILE.test(rel(x.f)))) return undefined;
  const overrides = own
    .flatMap((x) => (/\bdef\s+build_optimizer\s*\(/.test(x.text) ? buildOptimizers(linker, x.f, x.text) : []))
    .filter((o) => !delegates(o.fn));
  if (overrides.length === 0)
    return {
      key: 'optimizer',
      value: 'sgd',
      origin: 'framework-default',
      note: `detectron2 config: no build_optimizer override in the project, so DefaultTrainer.build_optimizer builds torch.optim.SGD (${BUILD_URL})`,
    };
  const found = overrides.map((o) => overrideOptimizer(linker, own, o));
  const values = new Set(found.map((f) => f?.value));
  return values.size === 1 && found[0] && typeof found[0].value === 'string' ? found[0] : undefined;
}

/** A file of a sub-project with its own configs folder, which the config is not in (`projects/DeepLab/train_net.py`). */
function otherProject(linker: Linker, top: string, config: string, file: string): boolean {
  for (let d = path.dirname(file); d.length > top.length && d.startsWith(top); d = path.dirname(d)) {
    if (!path.relative(d, config).startsWith('..')) return false;
    if (linker.listDir(d).some((n) => CONFIG_DIR.test(n))) return true;
  }
  return false;
}

/** A function's body without its string literals (docstrings name `torch.optim.Optimizer`). */
const code = (fn: SyntaxNode) =>
  (fn.childForFieldName('body')?.text ?? '').replace(
    /[rbuf]*("""[\s\S]*?"""|'''[\s\S]*?'''|"[^"\n]*"|'[^'\n]*')/g,
    '""',
  );

/** An override that reads no optimizer setting and names no class, only calling the builder it overrides. */
const delegates = (fn: SyntaxNode) =>
  !/\bSOLVER\.OPTIMIZER\b|\boptim\.\w+|Optimizer\s*\(|\b(Adam\w*|SGD)\s*\(/.test(code(fn)) &&
  /\bbuild_optimizer\s*\(/.test(code(fn));

interface Override {
  file: string;
  text: string;
  root: SyntaxNode;
  fn: SyntaxNode;
}

function buildOptimizers(linker: Linker, file: string, text: string): Override[] {
  if (!linker.parser) return [];
  const root = cachedTree(path.resolve(file), text, linker.parser).rootNode;
  return nodesOfType(root, 'function_definition')
    .filter((fn): fn is SyntaxNode => fn?.childForFieldName('name')?.text === 'build_optimizer')
    .map((fn) => ({ file, text, root, fn }));
}

/** What one override builds: the class the project's `SOLVER.OPTIMIZER` default names, else the class it constructs. */
function overrideOptimizer(linker: Linker, own: { f: string; text: string }[], o: Override): Fact | undefined {
  const id = linker.id(o.file);
  const base = path.basename(o.file);
  if (/\bSOLVER\.OPTIMIZER\b/.test(o.fn.text)) {
    const declared = own.flatMap((x) => [...x.text.matchAll(DECLARED)].map((m) => ({ f: x.f, name: m[1] })));
    const d = declared[0];
    const how =
      d && `builds cfg.SOLVER.OPTIMIZER, which ${path.basename(d.f)} sets to "${d.name}" and the config leaves`;
    return d && builtBy(o, id, one(declared.map((x) => optimizerName(x.name))), how);
  }
  const values = new ValueResolver(o.root, findCalls(o.root, o.text, ['add_argument']));
  const f = optimizerFact(id, o.text, o.root, values, [o.fn]);
  if (f) return { ...f, origin: 'inferred', note: `${f.note} in build_optimizer() (${base})` };
  // `maybe_add_gradient_clipping(cfg, torch.optim.SGD)(params, …)`: the one torch class the builder names.
  const refs = [...code(o.fn).matchAll(/\btorch\.optim\.(\w+)\b(?!\.)/g)]
    .map((m) => optimizerName(m[1]))
    .filter((v) => v !== undefined);
  const how = `wraps a torch.optim class (detectron2's maybe_add_gradient_clipping pattern, ${BUILD_URL})`;
  return builtBy(o, id, one(refs), how);
}

/** The one value of a list whose items all agree; undefined when empty, unknown or disagreeing. */
function one(values: (string | undefined)[]): string | undefined {
  const set = new Set(values);
  return values.length > 0 && set.size === 1 ? values[0] : undefined;
}

/** The fact an override gives, at its name. */
function builtBy(o: Override, file: string, value: string | undefined, how: string): Fact | undefined {
  if (!value) return undefined;
  const span = spanOf(o.fn.childForFieldName('name') ?? o.fn);
  const note = `build_optimizer() (${path.basename(o.file)}) ${how}`;
  return { key: 'optimizer', value, origin: 'inferred', file, span, note };
}
