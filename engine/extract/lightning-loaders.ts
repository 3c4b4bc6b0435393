// The training loaders of a LightningModule file (./step-module): Lightning draws the training batches from the
// module's `train_dataloader()` (https://lightning.ai/docs/pytorch/stable/data/datamodule.html, "LightningModule
// hooks"), so the DataLoader it returns is the run's training loader, and its `num_workers` is judged like a script's
// (GML401). A file holding several LightningModules (one per training stage) has one training loader per class: each
// one left with no workers is its own site (`Fact.also`), so each gets its own finding. Also the loader of a file
// that builds an optimizer for a loop elsewhere (./step-module).
import type { SyntaxNode } from '../parse/python';
import { callSite, callsWithKeyword, findCalls, type CallSite } from '../parse/python-syntax';
import type { Fact, Span } from '../types';
import { nodesOfType } from '../parse/nodes-of-type';
import { methodsOf } from './python-imports';
import { contains, dataLoaderFacts, loaderFactories, type LoaderFacts } from './python-scan';
import { factoryLoaderFacts } from './loader-pick';
import { ValueResolver } from './python-values';

/** The LightningModule classes of the file: bases naming LightningModule, or a class of the file that does. */
function lightningClasses(root: SyntaxNode): SyntaxNode[] {
  const classes = nodesOfType(root, 'class_definition').filter((c): c is SyntaxNode => !!c);
  const direct = new Set(
    classes
      .filter((c) => /LightningModule/.test(c.childForFieldName('superclasses')?.text ?? ''))
      .map((c) => c.childForFieldName('name')?.text ?? ''),
  );
  return classes.filter((c) => {
    const bases = c.childForFieldName('superclasses')?.namedChildren ?? [];
    return direct.has(c.childForFieldName('name')?.text ?? '') || bases.some((b) => !!b && direct.has(b.text));
  });
}

/** `num_workers` of the DataLoaders the file's LightningModules return from `train_dataloader`, where it is 0. */
export function lightningLoaderWorkers(
  file: string,
  root: SyntaxNode,
  text: string,
  values: ValueResolver,
): Fact | undefined {
  if (!/def\s+train_dataloader\s*\(/.test(text)) return undefined;
  const loaders = findCalls(root, text, ['DataLoader']).filter((c) => c.name === 'DataLoader');
  const sites: (Fact & { span: Span })[] = [];
  for (const cls of lightningClasses(root)) {
    const method = methodsOf(cls).get('train_dataloader');
    const own = method ? loaders.filter((c) => contains(method, c.node)) : [];
    // One loader returned: several (a choice by stage or flag) cannot be told apart here.
    if (own.length !== 1) continue;
    const f = dataLoaderFacts(file, own, values).facts.find((x) => x.key === 'num_workers');
    if (f?.value === 0 && f.span) sites.push({ ...f, span: f.span });
  }
  const [first, ...rest] = sites;
  if (!first) return undefined;
  return rest.length
    ? { ...first, also: rest.map((r) => ({ span: r.span, value: r.value, note: r.note, argInsert: r.argInsert })) }
    : first;
}

/**
 * `num_workers` of the training loader a file builds and hands to a loop in another file (a script that calls an
 * imported `train_one_epoch`, or a `Solver(data, model, optimizer)` whose `train()` loops): its DataLoader, or a
 * loader class or factory of the repository given `num_workers` (./loader-pick `factoryLoaderFacts`).
 */
export function scriptLoaderWorkers(file: string, root: SyntaxNode, text: string): Fact | undefined {
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument']));
  const loaders = findCalls(root, text, ['DataLoader']);
  const factories = loaderFactories(callsWithKeyword(root, text, ['num_workers']));
  return dataLoaderFacts(file, loaders, values, factories).facts.find((x) => x.key === 'num_workers');
}

/**
 * The call that builds what a script hands `trainer.fit` to train on (`trainer.fit(model, dm)`,
 * `fit(model, datamodule=dm)`, `fit(model, train_dataloaders=…)`), given a `batch_size`: the call itself or the one
 * call a name passed there is assigned (`dm = CIFAR10DataModule(batch_size=64)`). Lightning's `fit(model,
 * train_dataloaders=None, val_dataloaders=None, datamodule=None)` also takes a LightningDataModule in the second
 * position (https://lightning.ai/docs/pytorch/stable/common/trainer.html#fit); a DataModule's loaders take the batch
 * it is built with (https://lightning.ai/docs/pytorch/stable/data/datamodule.html).
 */
/** Whether a statement sits under an `if`, `try` or loop of its function or module. */
function conditional(n: SyntaxNode): boolean {
  for (let p = n.parent; p && p.type !== 'function_definition' && p.type !== 'module'; p = p.parent)
    if (/^(if|elif|else|try|except|for|while)_?/.test(p.type)) return true;
  return false;
}

function fittedData(root: SyntaxNode, text: string): CallSite | undefined {
  const sites: CallSite[] = [];
  for (const fit of findCalls(root, text, ['fit']).filter((c) => c.name === 'fit' && c.callee.includes('.'))) {
    const arg = fit.kwargs.get('datamodule')?.value ?? fit.kwargs.get('train_dataloaders')?.value ?? fit.positional[1];
    if (!arg) continue;
    if (arg.type === 'call') {
      const c = callSite(arg);
      if (c) sites.push(c);
      continue;
    }
    if (arg.type !== 'identifier') continue;
    // The binding in effect at the fit: the last assignment before it, none of them under a condition (a notebook
    // that builds the same DataModule again in a later cell rebinds the name).
    const bound = nodesOfType(root, 'assignment').filter(
      (a): a is SyntaxNode =>
        !!a && a.childForFieldName('left')?.text === arg.text && a.startIndex < fit.node.startIndex,
    );
    const plain = bound.every((a) => !conditional(a));
    const right = plain ? bound[bound.length - 1]?.childForFieldName('right') : undefined;
    const c = right?.type === 'call' ? callSite(right) : undefined;
    if (c) sites.push(c);
  }
  const withBatch = sites.filter((c) => c.kwargs.has('batch_size'));
  // Several fits over differently built data (one per stage or fold): which batch trains is not one value.
  return withBatch.length === 1 || new Set(withBatch.map((c) => c.node.id)).size === 1 ? withBatch[0] : undefined;
}

/**
 * The training loader of a Lightning script: its own `DataLoader(…)`, else a loader factory given `batch_size` or
 * `num_workers` (./loader-pick), else what it hands `fit` built with a `batch_size` (a LightningDataModule defined in
 * another module: `trainer.fit(model, CIFAR10DataModule(batch_size=64))`), its batch as the run's micro-batch.
 */
export function lightningScriptLoader(
  file: string,
  root: SyntaxNode,
  text: string,
  calls: CallSite[],
  values: ValueResolver,
): LoaderFacts {
  const factories = loaderFactories(callsWithKeyword(root, text, ['batch_size', 'num_workers']));
  const own = dataLoaderFacts(file, calls, values, factories);
  // A loader whose batch is written (or PyTorch's default 1 where none is): that is the batch. One whose batch is
  // the DataModule's own attribute (`DataLoader(…, batch_size=self.batch_size)`, value unknown here) takes the batch
  // the DataModule handed to fit is built with.
  const ownBatch = own.facts.find((f) => f.key === 'micro_batch');
  if (ownBatch ? ownBatch.value !== null : calls.some((c) => c.name === 'DataLoader')) return own;
  const data = fittedData(root, text);
  if (!data) return own;
  const batch = factoryLoaderFacts(file, [data], values).facts.find((f) => f.key === 'micro_batch');
  if (!batch) return own;
  const fact = {
    ...batch,
    origin: batch.origin === 'explicit' ? ('inferred' as const) : batch.origin,
    note: `${batch.note}: the batch of the loaders fit() trains on`,
  };
  return { facts: [...own.facts.filter((f) => f.key !== 'micro_batch'), fact] };
}
