// The training loader of a LightningModule a script fits (`trainer.fit(model)` with `model = LitNet(batch_size, …)`):
// Lightning draws the training batches from the module's `train_dataloader()` when `fit` is handed no loaders
// (https://lightning.ai/docs/pytorch/stable/data/datamodule.html, "LightningModule hooks"), so the DataLoader that
// method returns sets the run's per-device batch (`micro_batch`) and its loader workers (`num_workers`). Modules keep
// their batch size as a constructor argument (`self.batch_size = batch_size` in `__init__`, read back as
// `DataLoader(…, batch_size=self.batch_size)`): the value is the argument the script passes where it builds the module
// (Python's call semantics: by keyword, else by position, `self` bound by the instance, else the parameter's default),
// resolved in the script (its constants, locals, argparse defaults — a launcher's flag replaces those, ../link/merge).
// A DataLoader that writes no `num_workers` loads in the training process (PyTorch's default 0,
// https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader). The module is a class of the script or
// one it imports from the project. Nothing unless the method builds exactly one DataLoader, the class sets the
// attribute once, and the script builds the module once.
import * as path from 'node:path';
import { definitionOf, importBindings, methodsOf } from '../extract/python-imports';
import { paramOf } from '../extract/python-params';
import { ValueResolver } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal, spanOf, type CallSite } from '../parse/python-syntax';
import { nodesOfType } from '../parse/nodes-of-type';
import type { Fact, FactKey } from '../types';
import { fittedClass, oneFit } from './fitted-module';
import { ImportWalk, importRoots } from './import-walk';
import type { Linker } from './linker';

/** Fills `micro_batch` / `num_workers` of Lightning runs from the `train_dataloader()` of the module they fit. */
export function withFittedLoader(linker: Linker, drafts: RunDraft[]): RunDraft[] {
  if (!linker.parser) return drafts;
  const open = (d: RunDraft, k: FactKey) => {
    const f = d.plan.facts.get(k);
    return !f || (f.value === null && f.origin !== 'script-default');
  };
  for (const d of drafts) {
    if (!open(d, 'micro_batch') && !open(d, 'num_workers')) continue;
    const one = oneFit(linker, d);
    if (!one) continue;
    const { file, text, root, fit } = one;
    // The module handed alone (loaders given to `fit` are read by ../extract/lightning).
    if (fit.positional.length > 1 || fit.kwargs.has('train_dataloaders') || fit.kwargs.has('datamodule')) continue;
    const facts = loaderFacts(linker, file, text, root, fit);
    for (const f of facts) if (open(d, f.key)) d.plan.facts.set(f.key, f);
  }
  return drafts;
}

function loaderFacts(linker: Linker, file: string, text: string, root: SyntaxNode, fit: CallSite): Fact[] {
  const cls = fittedClass(root, fit);
  if (!cls || cls.includes('.')) return [];
  const build = constructionOf(root, cls);
  if (!build) return [];
  // The class: defined in the script, or imported from a module of the project.
  let def = definitionOf(root, cls);
  let modFile = file;
  if (def?.kind !== 'def') {
    const b = importBindings(root).find((x) => x.local === cls && x.symbol);
    const mod = b?.symbol
      ? new ImportWalk(linker, importRoots(linker, file, text), new Set()).module(file, b.module)
      : undefined;
    def = mod && b?.symbol ? definitionOf(mod.root, b.symbol) : undefined;
    modFile = mod?.file ?? file;
  }
  if (def?.kind !== 'def' || def.node.type !== 'class_definition') return [];
  const methods = methodsOf(def.node);
  const method = methods.get('train_dataloader');
  const init = methods.get('__init__');
  if (!method) return [];
  const loaders = nodesOfType(method, 'call').filter((c) =>
    /(^|\.)DataLoader$/.test(c?.childForFieldName('function')?.text ?? ''),
  );
  if (loaders.length !== 1) return [];
  const loader = loaders[0];
  const args = loader.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.some((a) => a?.type === 'dictionary_splat' || a?.type === 'list_splat')) return [];
  const kw = (name: string) =>
    args
      .find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)
      ?.childForFieldName('value') ?? undefined;
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument']));
  const where = path.basename(modFile);
  const out: Fact[] = [];
  const read = (key: 'micro_batch' | 'num_workers', kwarg: string) => {
    const v = kw(kwarg);
    if (!v) {
      if (key === 'num_workers')
        out.push({
          key,
          value: 0,
          origin: 'framework-default',
          file: linker.id(modFile),
          span: spanOf(loader),
          note: `${cls}.train_dataloader() (${where}) builds its DataLoader without num_workers: PyTorch's default 0`,
        });
      return;
    }
    const lit = literal(v);
    if (typeof lit === 'number') {
      out.push({
        key,
        value: lit,
        origin: 'explicit',
        file: linker.id(modFile),
        span: spanOf(v),
        note: `DataLoader(${kwarg}=${v.text}) in ${cls}.train_dataloader() (${where})`,
      });
      return;
    }
    // `self.batch_size`, set once in `__init__` from one of its parameters.
    const attr = /^self\.(\w+)$/.exec(v.text)?.[1];
    const param = attr && init ? initParam(init, attr) : undefined;
    if (!param || !init) return;
    const p = paramOf(init, param);
    if (!p) return;
    const passed = build.keyword.get(param) ?? build.positional[p.index - 1];
    const at = passed ?? p.def;
    if (!at) return;
    const r = passed ? values.resolve(passed) : { value: literal(at), node: at, via: undefined, scriptDefault: false };
    if (typeof r.value !== 'number') return;
    out.push({
      key,
      value: r.value,
      origin: r.scriptDefault ? 'script-default' : 'explicit',
      file: passed ? linker.id(file) : linker.id(modFile),
      span: spanOf(at),
      note: `DataLoader(${kwarg}=${v.text}) in ${cls}.train_dataloader() (${where}), ${v.text} = ${param} of ${cls}(…) = ${passed ? passed.text : `${at.text}, its default`}${r.via ? ` (${r.via})` : ''}`,
    });
  };
  read('micro_batch', 'batch_size');
  read('num_workers', 'num_workers');
  return out;
}

/** The parameter of `__init__` that `self.<attr>` is set from, when `__init__` sets it once and nothing else does. */
function initParam(init: SyntaxNode, attr: string): string | undefined {
  const cls = init.parent?.parent?.type === 'class_definition' ? init.parent.parent : init.parent?.parent?.parent;
  const scope = cls ?? init;
  const sets = [...nodesOfType(scope, 'assignment'), ...nodesOfType(scope, 'augmented_assignment')].filter(
    (a) => a?.childForFieldName('left')?.text === `self.${attr}`,
  );
  if (sets.length !== 1 || sets[0].type !== 'assignment') return undefined;
  const set = sets[0];
  if (!(init.startIndex <= set.startIndex && set.endIndex <= init.endIndex)) return undefined;
  const rhs = set.childForFieldName('right');
  return rhs?.type === 'identifier' && paramOf(init, rhs.text) ? rhs.text : undefined;
}

/** The arguments of the one call that builds the fitted module (`LitNet(…)` handed to fit, or bound once to its name). */
function constructionOf(
  root: SyntaxNode,
  cls: string,
): { positional: SyntaxNode[]; keyword: Map<string, SyntaxNode> } | undefined {
  const builds = nodesOfType(root, 'call').filter((c) => c?.childForFieldName('function')?.text === cls);
  if (builds.length !== 1) return undefined;
  const args = builds[0].childForFieldName('arguments')?.namedChildren ?? [];
  if (args.some((a) => a?.type === 'dictionary_splat' || a?.type === 'list_splat')) return undefined;
  const positional: SyntaxNode[] = [];
  const keyword = new Map<string, SyntaxNode>();
  for (const a of args) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value');
      if (k && v) keyword.set(k, v);
    } else positional.push(a);
  }
  return { positional, keyword };
}
