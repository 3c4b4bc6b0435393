// The loader workers of a script whose training DataLoader is built by a repository helper it calls (./repo-loader
// finds the helpers): `dataloaders = dataset.retrieve_dataloaders(args.batch_size, args.num_workers)` over
// `def retrieve_dataloaders(batch_size, num_workers=1): … DataLoader(…, num_workers=num_workers)`, or
// `build_dataloader(args, dataset, …)` over `DataLoader(…, num_workers=args.num_workers)`. The helper's parameter is
// bound at the script's call (Python's call semantics: by keyword, else by position, `self` bound by the instance,
// else the parameter's default); an attribute of the parameter the script passes its parsed options to
// (`args.num_workers`) is that option's default in the script, which a launcher's flag replaces (./merge). A
// DataLoader that writes no `num_workers` loads in the training process (PyTorch's default 0,
// https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader). A value the helper's module takes from
// a module it imports (`num_workers=Config.num_workers`, a class attribute of the project's config class) is read as
// ./imported-constants reads it for a script, `inferred`. Nothing unless every call agrees.
import * as path from 'node:path';
import { paramOf } from '../extract/python-params';
import { dataLoaderFacts } from '../extract/python-scan';
import { ValueResolver, type Resolved } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal } from '../parse/python-syntax';
import type { Fact } from '../types';
import { ImportWalk, importRoots, type Mod } from './import-walk';
import { importedValue } from './imported-constants';
import type { Linker } from './linker';
import { boundArg, helperCalls, loaderHelpers, type Helper } from './repo-loader';
import { cachedTree } from './tree-cache';

/** The script's runs that state no loader workers, with those of the helper that builds their DataLoader. */
export function withRepoWorkers(linker: Linker, script: Mod, drafts: RunDraft[]): RunDraft[] {
  const id = linker.id(script.file);
  const mine = drafts.filter(
    (d) => (d.plan.entry.file === id || d.plan.files.includes(id)) && !d.plan.facts.has('num_workers'),
  );
  if (mine.length === 0) return drafts;
  const f = repoWorkers(linker, script);
  if (!f) return drafts;
  for (const d of mine) d.plan.facts.set('num_workers', f);
  return drafts;
}

/**
 * Entry scripts whose loop a framework runs (a Lightning `trainer.fit(model, train_loader)`, a JAX loop over a torch
 * DataLoader), which ./imports does not follow into the modules they call: the loader workers of the repository helper
 * that builds their DataLoader, where they state none.
 */
export function withEntryRepoWorkers(linker: Linker, drafts: RunDraft[]): RunDraft[] {
  if (!linker.parser) return drafts;
  const open = (d: RunDraft) =>
    (d.kind === 'lightning' || d.kind === 'jax') && /\.py$/.test(d.plan.entry.file) && !d.plan.facts.has('num_workers');
  for (const entry of new Set(drafts.filter(open).map((d) => d.plan.entry.file))) {
    const file = path.resolve(entry);
    const text = linker.read(file);
    if (!text || !/\bimport\b/.test(text)) continue;
    const script = { file, text, root: cachedTree(file, text, linker.parser).rootNode };
    withRepoWorkers(
      linker,
      script,
      drafts.filter((d) => d.plan.entry.file === entry && open(d)),
    );
  }
  return drafts;
}

/** What the helper's training DataLoader takes as `num_workers`: a value, or a parameter (or its attribute). */
type Source =
  { kind: 'value'; fact: Fact } | { kind: 'param'; param: NonNullable<ReturnType<typeof paramOf>>; attr?: string };

function workersSource(walk: ImportWalk, h: Helper): Source | undefined {
  const within = findCalls(h.mod.root, h.mod.text, ['DataLoader']).filter(
    (c) => c.node.startIndex >= h.fn.startIndex && c.node.endIndex <= h.fn.endIndex,
  );
  // A name the helper's module takes from a module it imports (`num_workers=Config.num_workers` with
  // `from config import Config`, a class attribute; `hp.num_workers` of `import hparams as hp`): ./imported-constants,
  // with the script's import roots (the run's `sys.path`).
  let imported = false;
  const values = new ValueResolver(h.mod.root, [], (name) => {
    const r = importedValue(walk, h.mod, name);
    imported ||= !!r;
    return r;
  });
  const read = dataLoaderFacts(h.mod.file, within, values).facts.find((x) => x.key === 'num_workers');
  // A value found by following imports is `inferred`, as ./imported-constants gives it.
  const f = read && imported ? { ...read, origin: 'inferred' as const } : read;
  if (!f) return undefined;
  const at = f.span && h.fn.descendantForIndex(f.span.start, f.span.end);
  const node = at?.type === 'keyword_argument' ? at.childForFieldName('value') : at;
  const obj = node?.type === 'attribute' ? node.childForFieldName('object') : node;
  const param = obj?.type === 'identifier' ? paramOf(h.fn, obj.text) : undefined;
  const attr = node?.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
  if (param && (node?.type === 'identifier' || attr)) return { kind: 'param', param, attr };
  return typeof f.value === 'number' ? { kind: 'value', fact: f } : undefined;
}

/** The workers the script's calls of its loader helpers give; undefined unless all agree on a number. */
export function repoWorkers(linker: Linker, script: Mod): Fact | undefined {
  if (!linker.parser || /\bDataLoader\s*\(/.test(script.text)) return undefined;
  const values = new ValueResolver(script.root, findCalls(script.root, script.text, ['add_argument']));
  const found: { r: Resolved; at?: SyntaxNode; attr?: string; via: string; fact?: Fact }[] = [];
  const walk = new ImportWalk(linker, importRoots(linker, script.file, script.text), new Set());
  for (const h of loaderHelpers(linker, script)) {
    const src = workersSource(walk, h);
    const name = h.fn.childForFieldName('name')?.text;
    if (!src || !name) continue;
    for (const site of helperCalls(script, h, name)) {
      const via = `${site.callee}(…) in ${path.basename(h.mod.file)}`;
      if (src.kind === 'value') {
        found.push({ r: { value: src.fact.value }, via, fact: src.fact });
        continue;
      }
      const arg = boundArg(site, h, src.param);
      if (!src.attr) {
        // Not passed: the parameter's default, as the helper declares it.
        const r = arg ? values.resolve(arg) : { value: literal(src.param.def) };
        found.push({ r, at: arg, via });
      } else if (arg?.type === 'identifier' || arg?.type === 'attribute') {
        // `build_dataloader(args, …)`: the option the helper reads from the parsed arguments it is given.
        const d = values.declaredDefault(src.attr);
        const r = d ? { ...d, scriptDefault: true } : { value: undefined };
        found.push({ r, at: arg, attr: src.attr, via });
      } else found.push({ r: { value: undefined }, via });
    }
  }
  const numbers = new Set(found.map((x) => x.r.value));
  const first = found[0];
  if (!first || numbers.size !== 1 || typeof first.r.value !== 'number') return undefined;
  const arg = first.at && `${first.at.text}${first.attr ? `.${first.attr}` : ''}`;
  const written = arg ? `${arg}${first.r.via ? ` (${first.r.via})` : ''}: ` : '';
  // No place: the value is decided between the script's call and the helper's DataLoader, where no one edit fits.
  return {
    key: 'num_workers',
    value: first.r.value,
    origin: first.fact?.origin ?? (first.r.scriptDefault ? 'script-default' : 'explicit'),
    file: linker.id(first.fact ? (first.fact.file ?? script.file) : script.file),
    note: first.fact
      ? `the DataLoader built by ${first.via}: ${first.fact.note}`
      : `${written}num_workers of the DataLoader built by ${first.via}`,
  };
}
