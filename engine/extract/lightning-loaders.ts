// The training loaders of a LightningModule file (./step-module): Lightning draws the training batches from the
// module's `train_dataloader()` (https://lightning.ai/docs/pytorch/stable/data/datamodule.html, "LightningModule
// hooks"), so the DataLoader it returns is the run's training loader, and its `num_workers` is judged like a script's
// (GML401). A file holding several LightningModules (one per training stage) has one training loader per class: each
// one left with no workers is its own site (`Fact.also`), so each gets its own finding. Also the loader of a file
// that builds an optimizer for a loop elsewhere (./step-module).
import type { SyntaxNode } from '../parse/python';
import { callsWithKeyword, findCalls } from '../parse/python-syntax';
import type { Fact, Span } from '../types';
import { nodesOfType } from '../parse/nodes-of-type';
import { methodsOf } from './python-imports';
import { contains, dataLoaderFacts, loaderFactories } from './python-scan';
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
