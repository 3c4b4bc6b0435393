// How many accelerators a launch command starts: torchrun `--nproc_per_node` × `--nnodes`, deepspeed `--num_gpus` /
// `--include host:0,1@host2:0,1` × `--num_nodes`, composer/fabric counts, `CUDA_VISIBLE_DEVICES`, and whole numbers
// read through the `$SLURM_*` variables the scheduler options set (those options: ./scheduler-options, what they
// request: ./scheduler-resources, re-exported here for the launcher reader). Sources:
//   torchrun options: https://pytorch.org/docs/stable/elastic/run.html
//   accelerate launch (`--num_processes`: "the total number of processes to be launched in parallel"):
//     https://huggingface.co/docs/accelerate/package_reference/cli
//   DeepSpeed launcher (`--include`, `--num_gpus`, `--num_nodes`): https://www.deepspeed.ai/getting-started/
//   Megatron-LM arguments (`--tensor-model-parallel-size`, `--pipeline-model-parallel-size`):
//     https://github.com/NVIDIA/Megatron-LM/blob/main/megatron/training/arguments.py
//   torchtitan `[parallelism]` (`data_parallel_shard_degree`, `tensor_parallel_degree`, …; -1 = inferred):
//     https://github.com/pytorch/torchtitan/blob/main/torchtitan/config/job_config.py
import type { Word } from '../parse/shell';
import type { Fact, FactKey, Span } from '../types';

export { hardwareOfName, schedulerDirectives, srunOptions, type SchedOpt } from './scheduler-options';
export { resources, schedulerDevices, slurmVars, type Resources } from './scheduler-resources';

/** A whole-number word, reading `$SLURM_*` variables the scheduler options set. */
export function intWord(w: Word | undefined, vars: Map<string, number>): number | undefined {
  if (!w) return undefined;
  if (!w.unresolved) return /^\d+$/.test(w.text) ? Number(w.text) : undefined;
  const m = /^\$\{?(\w+)\}?$/.exec(w.text);
  return m ? vars.get(m[1]) : undefined;
}

export interface DeviceFact extends Fact {
  /** True when the count is per node and the scheduler's node count multiplies it. */
  perNode?: boolean;
}

/** torchrun `--nproc_per_node` (a number, `gpu`/`auto` = every visible GPU) × `--nnodes` (a number, `N:N`). */
export function torchrunDevices(
  file: string,
  launcher: string,
  np: { value?: Word; word: Word } | undefined,
  nn: { value?: Word; word: Word } | undefined,
  vars: Map<string, number>,
  visible: number | undefined,
  raw: (s: Span) => string,
): DeviceFact | undefined {
  if (!np?.value) return undefined;
  const span = { start: np.word.span.start, end: np.value.span.end };
  const base = { origin: 'explicit' as const, file, span, key: 'devices' as FactKey };
  let perNode = intWord(np.value, vars);
  let how = raw(span);
  if (perNode === undefined && /^(gpu|auto)$/.test(np.value.text)) {
    perNode = visible ?? vars.get('SLURM_GPUS_ON_NODE');
    if (perNode !== undefined)
      how += ` (every visible GPU: ${visible !== undefined ? `CUDA_VISIBLE_DEVICES lists ${visible}` : `${perNode} per node from the SLURM options`})`;
  }
  if (perNode === undefined)
    return { ...base, value: null, note: `${launcher} ${how}: the process count is not written in this file` };
  const nnText = nn?.value?.text ?? '';
  const elastic = /^(\d+):(\d+)$/.exec(nnText);
  const nodes = elastic && elastic[1] === elastic[2] ? Number(elastic[1]) : intWord(nn?.value, vars);
  if (nn?.value && nodes === undefined)
    return {
      ...base,
      value: null,
      note: `${launcher} ${how} per node, ${raw({ start: nn.word.span.start, end: nn.value.span.end })}: the node count is chosen at launch`,
    };
  const n = nodes ?? 1;
  return {
    ...base,
    value: perNode * n,
    note: `${launcher} ${how}${nn?.value ? ` × ${raw({ start: nn.word.span.start, end: nn.value.span.end })}` : ''}`,
    perNode: !nn?.value,
  };
}

/** deepspeed `--num_gpus N` or `--include host:0,1[@host2:0,1]` (all hosts listed), × `--num_nodes`. */
export function deepspeedDevices(
  file: string,
  opts: Map<string, { value?: Word; word: Word }>,
  vars: Map<string, number>,
  visible: number | undefined,
  raw: (s: Span) => string,
): DeviceFact | undefined {
  const g = opts.get('--num_gpus');
  const inc = opts.get('--include');
  const nnOpt = opts.get('--num_nodes');
  const nodes = intWord(nnOpt?.value, vars);
  const at = (o: { value?: Word; word: Word }) => ({ start: o.word.span.start, end: (o.value ?? o.word).span.end });
  const base = { origin: 'explicit' as const, file, key: 'devices' as FactKey };
  if (inc?.value && !inc.value.unresolved) {
    const hosts = inc.value.text.split('@');
    const counts = hosts.map((h) => (/^[\w.-]+:\d+(,\d+)*$/.test(h) ? h.split(':')[1].split(',').length : undefined));
    if (counts.every((c) => c !== undefined))
      return {
        ...base,
        span: at(inc),
        value: counts.reduce<number>((a, b) => a + (b ?? 0), 0),
        note: `deepspeed ${raw(at(inc))}${hosts.length > 1 ? ` (${hosts.length} hosts)` : ''}`,
      };
  }
  const perNode = intWord(g?.value, vars);
  // `--hostfile` without `--num_nodes`: every host listed there, a file this review does not read.
  const hostfile = opts.get('--hostfile');
  if (g && perNode !== undefined && hostfile?.value && nodes === undefined)
    return {
      ...base,
      span: at(g),
      value: null,
      note: `deepspeed ${raw(at(g))} on every host of ${raw(at(hostfile))}: the host count is not in this file`,
    };
  if (g && perNode !== undefined)
    return {
      ...base,
      span: at(g),
      value: perNode * (nodes ?? 1),
      note: `deepspeed ${raw(at(g))}${nnOpt?.value && nodes ? ` × ${raw(at(nnOpt))}` : ''}`,
      perNode: nodes === undefined,
    };
  // Without --num_gpus / --include, deepspeed starts one process per visible GPU on each node.
  if (visible !== undefined && !g)
    return {
      ...base,
      value: visible * (nodes ?? 1),
      note: `deepspeed on every visible GPU (CUDA_VISIBLE_DEVICES lists ${visible})`,
      perNode: nodes === undefined,
    };
  return undefined;
}

/**
 * accelerate launch `--num_processes N` (the total over all machines: `--num_machines` does not multiply it). Without
 * it and without `--config_file`, current accelerate starts one process per visible GPU (`launch.py`
 * `_validate_launch_command`: `args.num_processes = torch.cuda.device_count()`, with the warning "`--num_processes` was
 * set to a value of …"; https://github.com/huggingface/accelerate/blob/main/src/accelerate/commands/launch.py), so a
 * `CUDA_VISIBLE_DEVICES` list on the command or exported before it gives the count — `inferred`, since a default
 * config saved by `accelerate config` on the user's machine (outside the repository) would override it.
 */
export function accelerateDevices(
  file: string,
  opts: Map<string, { value?: Word; word: Word }>,
  vars: Map<string, number>,
  visible: number | undefined,
  raw: (s: Span) => string,
  launch: Span,
): DeviceFact | undefined {
  const np = opts.get('--num_processes');
  const nm = opts.get('--num_machines');
  const at = (o: { value?: Word; word: Word }) => ({ start: o.word.span.start, end: (o.value ?? o.word).span.end });
  if (np?.value) {
    const n = intWord(np.value, vars);
    return {
      origin: 'explicit',
      file,
      key: 'devices',
      span: at(np),
      value: n ?? null,
      note: `accelerate launch ${raw(at(np))}${nm?.value ? ` (the total over ${raw(at(nm))})` : ''}${n === undefined ? ': the count is not written in this file' : ''}`,
    };
  }
  if (visible === undefined || opts.has('--config_file') || (nm?.value && nm.value.text !== '1')) return undefined;
  return {
    origin: 'inferred',
    file,
    key: 'devices',
    span: launch,
    value: visible,
    note: `accelerate launch without --num_processes or --config_file: one process per visible GPU (CUDA_VISIBLE_DEVICES lists ${visible}), unless a default config saved by \`accelerate config\` on the machine says otherwise`,
  };
}

/** `composer -n 8` / `fabric run --devices 4 --num-nodes 2`: per node × nodes, or `--world_size` for the total. */
export function composerDevices(
  file: string,
  name: string,
  opts: Map<string, { value?: Word; word: Word }>,
  vars: Map<string, number>,
  raw: (s: Span) => string,
): DeviceFact | undefined {
  const per = opts.get('--nproc') ?? opts.get('--n') ?? opts.get('--devices');
  const nodes = opts.get('--num_nodes');
  const world = opts.get('--world_size');
  const at = (o: { value?: Word; word: Word }) => ({ start: o.word.span.start, end: (o.value ?? o.word).span.end });
  const base = { origin: 'explicit' as const, file, key: 'devices' as FactKey };
  const total = intWord(world?.value, vars);
  if (world && total !== undefined)
    return { ...base, span: at(world), value: total, note: `${name} ${raw(at(world))}` };
  if (!per?.value) return undefined;
  const n = intWord(per.value, vars);
  const m = nodes ? intWord(nodes.value, vars) : 1;
  return {
    ...base,
    span: at(per),
    value: n !== undefined && m !== undefined ? n * m : null,
    note: `${name} ${raw(at(per))}${nodes ? ` × ${raw(at(nodes))}` : ''}${n === undefined || m === undefined ? ': the count is not written in this file' : ''}`,
    perNode: !nodes,
  };
}

/** `CUDA_VISIBLE_DEVICES=0,1,2,3` → 4 (an empty list or `-1` hides every GPU). */
export function visibleCount(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = v.trim();
  if (/^\d+(,\d+)*,?$/.test(s)) return s.split(',').filter(Boolean).length;
  if (/^GPU-[\w-]+(,GPU-[\w-]+)*$/.test(s)) return s.split(',').length;
  return undefined;
}
