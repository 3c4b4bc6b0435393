// The optimizer of a config whose model is a LightningModule it names for instantiation — latent-diffusion's
// `model: {target: pkg.models.Cls, params: …}` or a Lightning CLI config's `model: {class_path: pkg.Cls}`: the
// Trainer calls that module's `configure_optimizers()` and steps what it returns
// (https://lightning.ai/docs/pytorch/stable/common/lightning_module.html#configure-optimizers). The class is looked
// for in the project's own modules (`pkg/models.py`, `pkg/models/__init__.py`), its method read — or, where the class
// does not define it, that of a base class of the same file — with ./repo-optimizer's reader, so that branches
// the code cannot decide and optimizers that disagree leave the fact unknown. A scheduler, an EMA or a class that
// is not found gives nothing. A Lightning CLI config that names no model class takes the class its project's script
// gives `LightningCLI(Model, …)` in code (since session 25).
import * as path from 'node:path';
import type { RunDraft } from '../extract/run-draft';
import type { ConfigDoc } from '../extract/config-doc';
import type { Fact } from '../types';
import type { Linker } from './linker';
import { importRoots } from './import-walk';
import { projectTop } from './project-files';
import { classMethodOptimizer, methodOptimizer } from './repo-optimizer';
import { cliClassArgs, withCliDataWorkers } from './cli-data-workers';
import { methodsOf } from '../extract/python-imports';
import type { SyntaxNode } from '../parse/python';

const MAX_UP = 3;

/** Fills `optimizer` (as `inferred`) in each draft that has none, from the named model class's `configure_optimizers`. */
export function withModelClassOptimizer(linker: Linker, file: string, doc: ConfigDoc, drafts: RunDraft[]): RunDraft[] {
  // The same LightningCLI call's DataModule: its training loader's workers (./cli-data-workers).
  withCliDataWorkers(linker, file, doc, drafts);
  const missing = drafts.filter((d) => !d.plan.facts.get('optimizer')?.value);
  if (missing.length === 0 || !linker.parser) return drafts;
  const named = doc.field(['model', 'target'])?.value ?? doc.field(['model', 'class_path'])?.value;
  const cli = named === undefined && drafts.some((d) => d.kind === 'lightning-cli');
  if (!cli && (typeof named !== 'string' || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(named))) return drafts;
  const f = cli
    ? cliModelOptimizer(linker, file, doc.keys(['model']))
    : modelClassOptimizer(linker, file, String(named));
  if (f) for (const d of missing) d.plan.facts.set('optimizer', f);
  return drafts;
}

/**
 * A Lightning run composed from Hydra configs (`_target_: pkg.tasks.Img2Img`, instantiated with
 * `hydra.utils.instantiate` and handed to `trainer.fit`,
 * https://hydra.cc/docs/advanced/instantiate_objects/overview/): the `configure_optimizers` of the one project class
 * among the composed configs' targets that defines it. Targets that are library classes, or project classes without
 * the method, give nothing; several that disagree leave the fact unknown.
 */
export function withTargetClassOptimizer(linker: Linker, drafts: RunDraft[]): RunDraft[] {
  if (!linker.parser) return drafts;
  for (const d of drafts) {
    if (d.plan.framework !== 'lightning' || d.plan.facts.get('optimizer')?.value) continue;
    const found = new Map<string, Fact>();
    for (const f of d.plan.files.filter((x) => /\.ya?ml$/i.test(x))) {
      const text = linker.read(path.resolve(f));
      for (const m of text?.matchAll(/^[ \t]*_target_:[ \t]*['"]?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)['"]?[ \t]*$/gm) ??
        []) {
        if (/^(torch|lightning|pytorch_lightning|hydra|omegaconf|transformers)\./.test(m[1])) continue;
        const o = modelClassOptimizer(linker, f, m[1]);
        if (o && typeof o.value === 'string') found.set(o.value, o);
      }
    }
    if (found.size === 1) d.plan.facts.set('optimizer', [...found.values()][0]);
  }
  return drafts;
}

/**
 * A Lightning CLI config that names no model class: the class is given in code, `LightningCLI(LitModel, DataModule)`
 * (https://lightning.ai/docs/pytorch/stable/cli/lightning_cli_intermediate.html), in a script of the config's project
 * — the script `fit --config` runs. Its `configure_optimizers()` (the class defined in that script or imported from the
 * project); nothing unless the project's LightningCLI calls agree on one optimizer.
 */
function cliModelOptimizer(linker: Linker, file: string, keys: string[]): Fact | undefined {
  const found: Fact[] = [];
  for (const { script, arg, def } of cliClassArgs(linker, file, 'model_class', 0)) {
    // The config's `model:` keys are the class's `__init__` arguments (LightningCLI rejects others): a class that
    // does not take them is not the one this config configures.
    if (!arg || !def || !takesKeys(def.node, keys)) return undefined;
    const o = methodOptimizer(linker, def.mod, def.node, 'configure_optimizers');
    if (!o) return undefined;
    found.push({ ...o, note: `${o.note}, the model LightningCLI(${arg.text}, …) in ${path.basename(script)} builds` });
  }
  return found.length > 0 && found.every((o) => o.value === found[0].value) ? found[0] : undefined;
}

/** Whether a class's `__init__` takes every key (a `**kwargs` takes any; no `__init__` of its own: not known, no). */
function takesKeys(cls: SyntaxNode, keys: string[]): boolean {
  const init = methodsOf(cls).get('__init__');
  if (!init) return keys.length === 0;
  const params = init.childForFieldName('parameters')?.namedChildren ?? [];
  if (params.some((p) => p?.type === 'dictionary_splat_pattern')) return true;
  const names = new Set(
    params.map((p) =>
      p?.type === 'identifier' ? p.text : (p?.childForFieldName('name')?.text ?? p?.namedChildren[0]?.text),
    ),
  );
  return keys.every((k) => names.has(k));
}

function modelClassOptimizer(linker: Linker, file: string, named: string) {
  const parts = named.split('.');
  const cls = parts.pop() ?? '';
  const mod = moduleFile(linker, file, parts);
  const o = mod && classMethodOptimizer(linker, mod, cls, 'configure_optimizers');
  return o && { ...o, note: `${o.note}, the model ${named} the config instantiates` };
}

/**
 * `pkg/sub/mod.py` or `pkg/sub/mod/__init__.py`, from the config's project folder or up to MAX_UP folders above it,
 * or from a folder the project's top-level scripts put on `sys.path` (instruct-pix2pix's
 * `sys.path.append("./stable_diffusion")` before `instantiate_from_config` imports `ldm.models…`).
 */
function moduleFile(linker: Linker, file: string, parts: string[]): string | undefined {
  const top = projectTop(linker, file);
  const dirs = [top];
  for (let i = 0, d = top; i < MAX_UP && path.dirname(d) !== d; i++) dirs.push((d = path.dirname(d)));
  for (const n of linker.listDir(top).filter((x) => x.endsWith('.py'))) {
    const text = linker.read(path.join(top, n));
    if (text && /sys\.path\.(append|insert)\s*\(/.test(text))
      for (const r of importRoots(linker, path.join(top, n), text)) if (!dirs.includes(r)) dirs.push(r);
  }
  for (const dir of dirs)
    for (const rel of [`${parts.join('/')}.py`, `${parts.join('/')}/__init__.py`]) {
      const p = path.join(dir, rel);
      if (linker.listDir(path.dirname(p)).includes(path.basename(p))) return p;
    }
  return undefined;
}
