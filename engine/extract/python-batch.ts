// A batch the script divides over its processes before handing it to the DataLoader (`batch_size=args.batch_size //
// args.world_size`, `int(args.batch_size / ngpus_per_node)`): the number divided is the run's global batch, and the
// per-device batch depends on how many processes run — unknown until the devices are. Common in DDP scripts.
import type { SyntaxNode } from '../parse/python';
import { spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';

const PROCESSES =
  /world_size|num_gpus|n_gpus?|ngpus|gpus_per_node|device_count|get_world_size|nprocs|num_processes|num_replicas/i;

/** The global batch a DataLoader's per-process batch is computed from, or undefined when it is not so computed. */
export function dividedBatch(loader: CallSite | undefined, values: ValueResolver, file: string): Fact | undefined {
  const arg = loader?.kwargs.get('batch_size')?.value ?? loader?.positional[1];
  if (!arg) return undefined;
  let expr: SyntaxNode | undefined = arg;
  // `args.batch_size = int(args.batch_size / args.world_size)` before the loader reads `args.batch_size`.
  if (arg.type === 'attribute') {
    const root = arg.tree.rootNode;
    const re = root
      .descendantsOfType('assignment')
      .find(
        (a) => a?.childForFieldName('left')?.text === arg.text && a.childForFieldName('right')?.text.includes(arg.text),
      );
    expr = re?.childForFieldName('right') ?? undefined;
  } else if (arg.type === 'identifier') {
    const rhs = values.localAssignments(arg);
    expr = rhs.length === 1 ? rhs[0] : (values.moduleBinding(arg.text) ?? undefined);
  }
  // `int(a / b)`
  if (expr?.type === 'call' && /^(int|math\.floor)$/.test(expr.childForFieldName('function')?.text ?? ''))
    expr = expr.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
  if (expr?.type !== 'binary_operator' || !/^\/\/?$/.test(expr.childForFieldName('operator')?.text ?? ''))
    return undefined;
  const right = expr.childForFieldName('right');
  const left = expr.childForFieldName('left');
  const processes = (n: SyntaxNode) =>
    PROCESSES.test(n.text) || (n.type === 'identifier' && PROCESSES.test(values.moduleBinding(n.text)?.text ?? ''));
  if (!right || !left || !processes(right)) return undefined;
  const r = values.resolve(left);
  if (typeof r.value !== 'number') return undefined;
  return {
    key: 'global_batch',
    value: r.value,
    origin: r.scriptDefault ? 'script-default' : 'explicit',
    file,
    span: spanOf(r.node ?? left),
    note: `${expr.text}: each process loads ${left.text} ÷ processes, so ${r.value} is the global batch${r.via ? ` (${r.via})` : ''}`,
  };
}

/**
 * Loader workers the script divides over the processes of a node before the DataLoader reads them (PyTorch's ImageNet
 * example and the scripts after it: `args.workers = int((args.workers + ngpus_per_node - 1) / ngpus_per_node)`): each
 * process runs a share of the number written, unknown until the devices are. The assignment that divides them.
 */
export function dividedWorkers(loader: CallSite | undefined): SyntaxNode | undefined {
  const arg = loader?.kwargs.get('num_workers')?.value;
  if (arg?.type !== 'attribute') return undefined;
  return (
    arg.tree.rootNode.descendantsOfType('assignment').find((a) => {
      const right = a?.childForFieldName('right');
      return (
        a?.childForFieldName('left')?.text === arg.text &&
        !!right?.text.includes(arg.text) &&
        right
          .descendantsOfType('binary_operator')
          .some(
            (b) =>
              /^\/\/?$/.test(b?.childForFieldName('operator')?.text ?? '') &&
              PROCESSES.test(b?.childForFieldName('right')?.text ?? ''),
          )
      );
    }) ?? undefined
  );
}
