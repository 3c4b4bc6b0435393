// submitit launchers (https://github.com/facebookincubator/submitit, docs/examples.md and executor parameters): a
// Python file that submits a training function to SLURM through `AutoExecutor(...).update_parameters(nodes=…,
// gpus_per_node=…, tasks_per_node=…, slurm_gres="gpu:8")`. The devices are nodes × GPUs per node, with values read
// through argparse defaults (`--ngpus 8 --nodes 2`, the usual `run_with_submitit.py`). Several `update_parameters`
// calls add up, later ones winning. Without a GPU count (only tasks or CPUs) no device count is claimed.
import type { Tree } from '../parse/python';
import { findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import { ValueResolver } from './python-values';

const KEYS = [
  'nodes',
  'slurm_nodes',
  'gpus_per_node',
  'slurm_gpus_per_node',
  'slurm_gres',
  'gres',
  'tasks_per_node',
  'slurm_ntasks_per_node',
];

/** True when the text may hold a submitit executor (cheap test before parsing anything). */
export const mayBeSubmitit = (text: string) => /\bsubmitit\b/.test(text) && /update_parameters\s*\(/.test(text);

/**
 * The devices a submitit launcher requests, or undefined when it requests none it states. `resolver`: how its
 * arguments are read when a command line runs it (../link/launched-args), else their argparse defaults.
 */
export function submititDevices(
  file: string,
  text: string,
  tree: Tree,
  resolver?: (root: Tree['rootNode'], calls: CallSite[]) => ValueResolver,
): Fact | undefined {
  if (!mayBeSubmitit(text)) return undefined;
  const root = tree.rootNode;
  const calls = findCalls(root, text, ['update_parameters', 'add_argument']);
  const values = resolver ? resolver(root, calls) : new ValueResolver(root, calls);
  const set = new Map<string, { v: unknown; c: CallSite; via?: string; def?: boolean }>();
  for (const c of calls) {
    if (c.name !== 'update_parameters') continue;
    for (const k of KEYS) {
      const kw = c.kwargs.get(k);
      if (!kw) continue;
      const r = values.resolve(kw.value);
      set.set(k.replace(/^slurm_/, ''), { v: r.value, c, via: r.via, def: r.scriptDefault });
    }
  }
  if (set.size === 0) return undefined;
  const num = (k: string) => {
    const v = set.get(k)?.v;
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const gresV = set.get('gres')?.v;
  const gres = typeof gresV === 'string' ? /(?:^|,)gpu(?::[\w-]+)?:(\d+)/.exec(gresV) : null;
  const perNode = num('gpus_per_node') ?? (gres ? Number(gres[1]) : undefined);
  const perNodeKey = set.has('gpus_per_node') ? 'gpus_per_node' : gres ? 'gres' : undefined;
  const last = [...set.values()].pop()!.c;
  const base = { key: 'devices' as const, file, span: spanOf(last.node) };
  const origin = [...set.values()].some((x) => x.def) ? ('script-default' as const) : ('explicit' as const);
  // A GPU count written but not readable here (a variable from elsewhere): unknown, not one.
  if (perNode === undefined)
    return perNodeKey || set.has('gpus_per_node')
      ? { ...base, origin, value: null, note: 'submitit update_parameters: the GPU count is not readable here' }
      : undefined;
  if (set.has('nodes') && num('nodes') === undefined)
    return { ...base, origin, value: null, note: 'submitit update_parameters: the node count is not readable here' };
  const nodes = num('nodes') ?? 1;
  const via = [...set.values()]
    .map((x) => x.via)
    .filter(Boolean)
    .join(', ');
  return {
    ...base,
    origin,
    value: nodes * perNode,
    note: `submitit update_parameters: ${nodes} node${nodes === 1 ? '' : 's'} × ${perNode} GPUs per node${via ? ` (${via})` : ''}`,
  };
}
