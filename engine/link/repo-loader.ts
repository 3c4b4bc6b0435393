// The batch of a script whose training DataLoader is built by a repository helper it calls with its batch size:
// `dataloaders = dataset.retrieve_dataloaders(args.batch_size, args.num_workers)` (a function of an imported module),
// `train_loader = sample_generator.instance_a_train_loader(config['num_negative'], config['batch_size'])` (a method of
// an imported class), where the helper's `DataLoader(…, batch_size=batch_size)` takes its parameter. The parameter is
// bound at the script's call (Python's call semantics: by keyword, else by position, `self` bound by the instance),
// so the batch is the value the script passes, read with the script's own defaults. A run whose script builds a
// DataLoader itself, or whose calls pass different values, takes nothing.
import * as path from 'node:path';
import { importBindings, importedUses, definitionOf, methodsOf } from '../extract/python-imports';
import { paramOf } from '../extract/python-params';
import { dataLoaderFacts } from '../extract/python-scan';
import { ValueResolver, type Resolved } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import type { SyntaxNode } from '../parse/python';
import { callSite, findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import { nodesOfType } from '../parse/nodes-of-type';
import type { Fact } from '../types';
import { ImportWalk, importRoots, type Mod } from './import-walk';
import { importedParserArgs } from './imported-args';
import { withImportedArgs } from '../extract/imported-args';
import { importedValue } from './imported-constants';
import type { Linker } from './linker';

/** Libraries, never the project's own code. */
const LIBRARY = /^(torch|numpy|os|sys|transformers|tensorflow|jax|lightning|pytorch_lightning|deepspeed|keras)\b/;

export interface Helper {
  mod: Mod;
  fn: SyntaxNode;
  /** Called as a method of an instance: the first parameter (`self`) is bound by it. */
  method: boolean;
}

/** The script's runs that state no micro-batch, with the one its loader helper is called with. */
export function withRepoLoader(linker: Linker, script: Mod, drafts: RunDraft[]): RunDraft[] {
  const id = linker.id(script.file);
  // No micro-batch, or one a module's loader could not read (its `batch_size` is the helper's parameter).
  const open = (f?: Fact) => !f || (f.value === null && f.file !== id);
  const mine = drafts.filter(
    (d) => (d.plan.entry.file === id || d.plan.files.includes(id)) && open(d.plan.facts.get('micro_batch')),
  );
  if (mine.length === 0 || !linker.parser || /\bDataLoader\s*\(/.test(script.text)) return drafts;
  const f = helperBatch(linker, script);
  if (!f) return drafts;
  for (const d of mine) {
    d.plan.facts.set('micro_batch', f);
    if (f.span) d.plan.relevantSpans.push({ file: id, span: f.span, key: 'micro_batch' });
  }
  return drafts;
}

/** The micro-batch the script passes to the helpers that build its DataLoader; undefined unless all agree. */
function helperBatch(linker: Linker, script: Mod): Fact | undefined {
  // A value the script takes from its project's config (`get_dataloaders(batch_size=config.BATCH_SIZE)` with
  // `config = Config()`, `cfg.batch_size` of a config module): read as ./imported-constants reads a loop bound.
  const walk = new ImportWalk(linker, importRoots(linker, script.file, script.text), new Set());
  let taken = 0;
  const values = new ValueResolver(script.root, findCalls(script.root, script.text, ['add_argument']), (name) => {
    const r = importedValue(walk, script, name);
    if (r) taken++;
    return r;
  });
  const found: { r: Resolved; arg: SyntaxNode; via: string; imported: boolean }[] = [];
  // Read with the options of the parser a module builds for the script (`args = options.get_train_args()`).
  const parsed = importedParserArgs(linker, script.file, script.text, script.root);
  for (const h of loaderHelpers(linker, script)) {
    const param = loaderParam(h);
    const name = h.fn.childForFieldName('name')?.text;
    if (!param || !name) continue;
    for (const site of helperCalls(script, h, name)) {
      const arg = boundArg(site, h, param);
      if (!arg) continue;
      taken = 0;
      const r = withImportedArgs(script.root.tree, parsed, () => values.resolve(arg));
      found.push({ r, arg, via: `${site.callee}(…) in ${path.basename(h.mod.file)}`, imported: taken > 0 });
    }
  }
  const numbers = new Set(found.map((x) => x.r.value));
  const first = found[0];
  if (!first || numbers.size !== 1 || typeof first.r.value !== 'number') return undefined;
  return {
    key: 'micro_batch',
    value: first.r.value,
    origin: first.r.scriptDefault ? 'script-default' : first.imported ? 'inferred' : 'explicit',
    file: linker.id(script.file),
    span: spanOf(first.arg),
    note: `${first.arg.text}${first.r.via ? ` (${first.r.via})` : ''}: the batch_size of the DataLoader built by ${first.via}`,
  };
}

/** The script's calls of a helper by its name (`build_dataloader(…)`, `dataset.retrieve_dataloaders(…)`), no `**`. */
export function helperCalls(script: Mod, h: Helper, name: string): CallSite[] {
  const out: CallSite[] = [];
  for (const c of nodesOfType(script.root, 'call')) {
    const callee = c?.childForFieldName('function');
    const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
    const site = c && last === name ? callSite(c) : undefined;
    if (site && !site.hasSplat) out.push(site);
  }
  return out;
}

/** The argument a call binds to the helper's parameter: by keyword, else by position (`self` bound by the instance). */
export const boundArg = (site: CallSite, h: Helper, param: { name: string; index: number }) =>
  site.kwargs.get(param.name)?.value ?? site.positional[param.index - (h.method ? 1 : 0)];

/** The script's imported functions, and methods it calls on imported classes, that build a DataLoader. */
export function loaderHelpers(linker: Linker, script: Mod): Helper[] {
  const out: Helper[] = [];
  const walk = new ImportWalk(linker, importRoots(linker, script.file, script.text), new Set());
  const bindings = importBindings(script.root).filter((b) => !LIBRARY.test(b.module));
  for (const use of importedUses(script.root, bindings)) {
    let mod = walk.module(script.file, use.module);
    let def = mod && mod.file !== script.file ? definitionOf(mod.root, use.symbol) : undefined;
    // A package that re-exports it (`from .get_dataloader import get_data_loader` in `lib/data/__init__.py`).
    if (mod && def?.kind === 'import' && def.binding.symbol) {
      mod = walk.module(mod.file, def.binding.module);
      def = mod && definitionOf(mod.root, def.binding.symbol);
    }
    if (!mod || def?.kind !== 'def' || !/\bDataLoader\s*\(/.test(def.node.text)) continue;
    if (def.node.type === 'function_definition') out.push({ mod, fn: def.node, method: false });
    else
      for (const [name, fn] of methodsOf(def.node))
        if (/\bDataLoader\s*\(/.test(fn.text) && new RegExp(`\\.${name}\\s*\\(`).test(script.text))
          out.push({ mod, fn, method: true });
  }
  return out;
}

/** The helper's parameter its training DataLoader takes as `batch_size` (the loader ../extract/python-scan picks). */
function loaderParam(h: Helper): ReturnType<typeof paramOf> {
  const within = findCalls(h.mod.root, h.mod.text, ['DataLoader']).filter(
    (c) => c.node.startIndex >= h.fn.startIndex && c.node.endIndex <= h.fn.endIndex,
  );
  const values = new ValueResolver(h.mod.root, []);
  const micro = dataLoaderFacts(h.mod.file, within, values).facts.find((f) => f.key === 'micro_batch');
  const at = micro?.span && h.fn.descendantForIndex(micro.span.start, micro.span.end);
  const node = at?.type === 'keyword_argument' ? at.childForFieldName('value') : at;
  return node?.type === 'identifier' ? paramOf(h.fn, node.text) : undefined;
}
