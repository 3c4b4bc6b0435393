// Which of a file's `DataLoader(…)` calls is the training one (./python-scan `dataLoaderFacts`), and, where none can
// be told apart, the loader settings every one of them shares; what a library's loader factory is given.
import type { SyntaxNode } from '../parse/python';
import { assignedTo, soleArgumentOf, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';
import { outsideEvalBranches } from './loader-batch';

/**
 * The name of a tuple target a call is assigned to by position: `train_loader` for the first call of
 * `train_loader, val_loader = DataLoader(…), DataLoader(…)`; '' when the call is not one element of such a pair.
 */
function tupleTarget(node: SyntaxNode): string {
  const at = soleArgumentOf(node);
  const list = at.parent;
  const assign = list?.type === 'expression_list' ? list.parent : undefined;
  const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : undefined;
  if (!list || !left || (left.type !== 'pattern_list' && left.type !== 'tuple_pattern')) return '';
  // A `\` continuation or a comment between the elements is a named node too.
  const items = (n: SyntaxNode) =>
    n.namedChildren.filter((c) => c && c.type !== 'line_continuation' && c.type !== 'comment');
  const values = items(list);
  const targets = items(left);
  if (values.length !== targets.length) return '';
  const i = values.findIndex((v) => v?.id === at.id);
  return i >= 0 ? (targets[i]?.text ?? '') : '';
}

/** What a loader call is assigned to or returned from (`train_loader = …`, `def train_dataloader(): return …`). */
export function loaderName(c: CallSite): string {
  const a = assignedTo(c.node) || tupleTarget(c.node); // also `train_loader = cycle(DataLoader(…))`
  const ret =
    c.node.parent?.type === 'return_statement'
      ? (c.node.parent.parent?.parent?.childForFieldName('name')?.text ?? '')
      : '';
  return `${a} ${ret}`;
}

/**
 * A name that says training: `train_loader`, `train_dataloader()`, and Kaldi-style recipes' `tr_loader` (their data
 * sets are `tr` and `cv`, as in ESPnet's and Conv-TasNet's `tr_dataset`/`cv_dataset`).
 */
export const TRAINING_LOADER = /train|(?:^|[\s_])tr(?:_|\s|$)/i;

/**
 * The training loader: the only one, the one named for training, the one that shuffles, the one over a dataset named
 * for training, else the only one not built for an evaluation split (./loader-batch `outsideEvalBranches`).
 */
export function trainingLoader(loaders: CallSite[]): CallSite | undefined {
  if (loaders.length === 1) return loaders[0];
  return (
    loaders.find((c) => TRAINING_LOADER.test(loaderName(c))) ??
    loaders.find((c) => c.kwargs.get('shuffle')?.value.type === 'true') ??
    overTrainingData(loaders) ??
    outsideEvalBranches(loaders, loaderName)
  );
}

/**
 * The one loader over a dataset named for training (`DataLoader(train_ds, …)` beside `DataLoader(val_ds, …)`), for
 * loaders returned together from a builder (`return DataLoader(train_ds, …), DataLoader(val_ds, …)`) that no name
 * tells apart.
 */
function overTrainingData(loaders: CallSite[]): CallSite | undefined {
  const data = (c: CallSite) => (c.positional[0] ?? c.kwargs.get('dataset')?.value)?.text ?? '';
  const over = loaders.filter((c) => TRAINING_LOADER.test(data(c)) && !/val|test|eval/i.test(data(c)));
  return over.length === 1 ? over[0] : undefined;
}

/**
 * When the training loader cannot be told apart (`if split == 'val': DataLoader(…, num_workers=4) else:
 * DataLoader(…, num_workers=4)`), a keyword every loader of the file writes alike, or none writes (each then takes
 * PyTorch's default): whichever is the training loader, it has that setting. Undefined when they differ, or when a
 * loader passes `**kwargs` (the keyword may be set there).
 */
export function sharedSetting(loaders: CallSite[], kw: string): { site: CallSite; written: boolean } | undefined {
  if (loaders.length < 2 || loaders.some((c) => c.hasSplat)) return undefined;
  const texts = new Set(loaders.map((c) => c.kwargs.get(kw)?.value.text ?? ''));
  if (texts.size !== 1) return undefined;
  return { site: loaders[0], written: loaders[0].kwargs.has(kw) };
}

/**
 * A loader factory of a library (timm's `create_loader(ds, batch_size=…, num_workers=…)`, `build_dataloader(…)`):
 * a call whose name contains "loader" and that passes batch_size / num_workers by keyword. Its own defaults are
 * not known, so only the keyword values that resolve to numbers become facts; nothing else is assumed.
 */
export function factoryLoaderFacts(file: string, factories: CallSite[], values: ValueResolver): { facts: Fact[] } {
  const training = (c: CallSite) =>
    TRAINING_LOADER.test(loaderName(c)) ||
    ['is_training', 'training', 'train'].some((k) => c.kwargs.get(k)?.value.type === 'true');
  const train =
    factories.length === 1
      ? factories[0]
      : factories.filter(training).length === 1
        ? factories.find(training)
        : undefined;
  if (!train) return { facts: [] };
  const facts: Fact[] = [];
  for (const [kw, key] of [
    ['batch_size', 'micro_batch'],
    ['num_workers', 'num_workers'],
  ] as const) {
    const a = train.kwargs.get(kw);
    const r = a ? values.resolve(a.value) : undefined;
    if (!a || typeof r?.value !== 'number') continue;
    facts.push({
      key,
      value: r.value,
      origin: r.scriptDefault ? 'script-default' : 'explicit',
      file,
      span: spanOf(a.node),
      note: `${train.callee}(${kw}=${a.value.text})${r.via ? ` (${r.via})` : ''}`,
    });
  }
  // No `call`: the factory is not a DataLoader, so no batch-size edit is offered on it.
  return { facts };
}

/** Loader-factory calls (see factoryLoaderFacts) among calls found by keyword. */
export const loaderFactories = (calls: CallSite[]) =>
  calls.filter(
    (c) =>
      /loader/i.test(c.name) && c.name !== 'DataLoader' && (c.kwargs.has('batch_size') || c.kwargs.has('num_workers')),
  );

/**
 * The `DataLoader(…)` calls of a file that are not its training loader, where one is named for training
 * (`train_loader = DataLoader(…, num_workers=args.nw)`, `valid_loader = DataLoader(…, num_workers=0)`): their
 * settings are the evaluation pass's, so the shared-vocabulary reader (./generic/python) must not take them as the
 * run's. Empty when no loader, or every loader, is named for training.
 */
export function heldOutLoaderIds(root: SyntaxNode): Set<number> {
  const loaders = root
    .descendantsOfType('call')
    .filter((c): c is SyntaxNode => !!c && /(^|\.)DataLoader$/.test(c.childForFieldName('function')?.text ?? ''));
  const named = loaders.map((node) => ({ node, train: TRAINING_LOADER.test(loaderName({ node } as CallSite)) }));
  if (loaders.length < 2 || !named.some((l) => l.train)) return new Set();
  return new Set(named.filter((l) => !l.train).map((l) => l.node.id));
}
