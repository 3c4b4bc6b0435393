// Ray Tune searches: `tune.run(trainable, config=…, num_samples=N, scheduler=…)` (the older API) and
// `tune.Tuner(trainable, param_space=…, tune_config=tune.TuneConfig(num_samples=N, scheduler=…))`. Without a
// scheduler Ray uses FIFOScheduler, which runs every trial to its end; ASHA/HyperBand/PBT stop or replace poor ones
// (Ray docs, "Tune Trial Schedulers"). Trials = num_samples (default 1) × the product of the `tune.grid_search([...])`
// list lengths in the search space (Ray docs, "Tune Search Space API"). Facts: sweep = "ray", sweep_trials, and
// sweep_pruner (false for no scheduler or FIFOScheduler).
import type { SyntaxNode } from '../parse/python';
import { spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';

/** The dict literal an argument is, or that a name is assigned at the start of a line. */
type DictOf = (n: SyntaxNode | undefined) => SyntaxNode | undefined;

function gridProduct(space: SyntaxNode | undefined): number | undefined {
  if (!space) return undefined;
  let product = 1;
  for (const call of space.descendantsOfType('call')) {
    const fn = call?.childForFieldName('function')?.text ?? '';
    if (!call || !/(^|\.)grid_search$/.test(fn)) continue;
    const list = call.childForFieldName('arguments')?.namedChildren[0];
    if (list?.type !== 'list' && list?.type !== 'tuple') return undefined;
    product *= list.namedChildren.length;
  }
  return product;
}

export function rayTuneFacts(file: string, calls: CallSite[], values: ValueResolver, dictOf: DictOf): Fact[] {
  const run = calls.find(
    (c) => /(^|\.)tune\.run$/.test(c.callee) || (c.name === 'Tuner' && /tune|Tuner/.test(c.callee)),
  );
  if (!run) return [];
  const tuneConfig = calls.find((c) => c.name === 'TuneConfig');
  const kw = (name: string) => run.kwargs.get(name) ?? tuneConfig?.kwargs.get(name);
  const scheduler = kw('scheduler');
  const samples = kw('num_samples');
  const n = samples ? values.resolve(samples.value).value : 1;
  const spaceArg = run.kwargs.get('config')?.value ?? run.kwargs.get('param_space')?.value;
  const grid = spaceArg ? gridProduct(dictOf(spaceArg) ?? spaceArg) : 1;
  const trials = typeof n === 'number' && grid !== undefined ? n * grid : null;
  const base = { origin: 'explicit' as const, file };
  return [
    { ...base, key: 'sweep', value: 'ray', span: spanOf(run.node), note: `${run.callee}(…): a Ray Tune search` },
    {
      ...base,
      key: 'sweep_trials',
      value: trials,
      span: spanOf(samples?.node ?? run.node),
      note:
        trials === null
          ? 'Ray Tune trials: not readable'
          : `${trials} trials (num_samples=${samples ? samples.value.text : '1, the default'}${grid && grid > 1 ? ` × a grid of ${grid}` : ''})`,
    },
    {
      ...base,
      origin: scheduler ? 'explicit' : 'framework-default',
      key: 'sweep_pruner',
      value: scheduler ? !/FIFOScheduler/.test(scheduler.value.text) : false,
      span: spanOf(scheduler?.node ?? run.node),
      note: scheduler
        ? `scheduler=${scheduler.value.text}`
        : 'no scheduler: Ray Tune runs every trial to its end (FIFOScheduler)',
    },
  ];
}
