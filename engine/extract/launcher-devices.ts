// How many accelerators a launch command starts, from every place a launcher states it: SLURM `#SBATCH` and `srun`
// options (`--gres=gpu[:type]:N`, `--gpus-per-node`, `--gpus`, `--gpus-per-task` × tasks, `--nodes`/`-N`,
// `--constraint`, `--partition` named after its GPU), PBS `#PBS -l select=N:ngpus=K`, the `$SLURM_*` variables those
// options set, torchrun `--nproc_per_node` × `--nnodes`, deepspeed `--num_gpus` / `--include host:0,1@host2:0,1` ×
// `--num_nodes`, `accelerate launch --num_processes` (already the total over machines), `mpirun -np`,
// `CUDA_VISIBLE_DEVICES`, and Megatron / torchtitan parallel degrees on the command line. Sources:
//   SLURM sbatch/srun options and output environment variables: https://slurm.schedmd.com/sbatch.html
//   torchrun options: https://pytorch.org/docs/stable/elastic/run.html
//   accelerate launch (`--num_processes`: "the total number of processes to be launched in parallel"):
//     https://huggingface.co/docs/accelerate/package_reference/cli
//   DeepSpeed launcher (`--include`, `--num_gpus`, `--num_nodes`): https://www.deepspeed.ai/getting-started/
//   PBS Pro `select` chunks (`ngpus`): https://2021.help.altair.com/2021.1.2/PBS%20Professional/PBSUserGuide2021.1.2.pdf
//   Megatron-LM arguments (`--tensor-model-parallel-size`, `--pipeline-model-parallel-size`):
//     https://github.com/NVIDIA/Megatron-LM/blob/main/megatron/training/arguments.py
//   torchtitan `[parallelism]` (`data_parallel_shard_degree`, `tensor_parallel_degree`, …; -1 = inferred):
//     https://github.com/pytorch/torchtitan/blob/main/torchtitan/config/job_config.py
import type { Comment, Word } from '../parse/shell';
import type { Fact, FactKey, Span } from '../types';
/** One scheduler option (`--gres=gpu:4`, `-N 2`) with where it is written. */
export interface SchedOpt {
  name: string;
  value: string;
  span: Span;
  /** As written, for notes: `#SBATCH --gres=gpu:a100:8`, `srun -N 2`. */
  text: string;
}

/** Short SLURM options → long names (sbatch/srun man pages). */
const SHORT: Record<string, string> = {
  '-N': '--nodes',
  '-G': '--gpus',
  '-n': '--ntasks',
  '-C': '--constraint',
  '-p': '--partition',
  '-w': '--nodelist',
};

/**
 * A partition named after the GPUs it holds (`--partition=gpu-a100`, `-p h100_80gb`): sites commonly name them so.
 * Only a GPU name standing as its own token counts; `gpu`, `batch` or `long` name none.
 */
const PARTITION_GPU =
  /(?:^|[-_.])(a100|a800|a40|a30|a10g?|h100|h200|h800|h20|l40s?|l20|l4|v100|t4|rtx[-_]?a?\d{4}|a6000|mi\d{3}x?)(?=$|[-_.]|\d+gb)/i;
const normName = (k: string) => SHORT[k] ?? k.replace(/_/g, '-');

/**
 * The GPU a job script's file name is written for (`run_cloudlab_a100.sh`, `train_llama3_8b_h100_fp8.sh`,
 * `run_local_v100.sh`): one GPU word of the name, as a partition name says it — `inferred` (a name, not an option),
 * and none for a name that holds two.
 */
export function hardwareOfName(file: string): Fact | undefined {
  const base = file.split(/[\\/]/).pop() ?? '';
  if (!/\.(sh|bash|zsh|slurm|sbatch)$/i.test(base)) return undefined;
  const stem = base.replace(/\.\w+$/, '');
  const words = [...stem.matchAll(new RegExp(PARTITION_GPU.source, 'gi'))].map((m) => m[1].toLowerCase());
  if (new Set(words).size !== 1) return undefined;
  return {
    origin: 'inferred',
    file,
    key: 'hardware',
    value: words[0],
    note: `${base}: a job script named for ${words[0].toUpperCase()} GPUs`,
  };
}

/**
 * Options of `#SBATCH` lines (`##SBATCH`, `# SBATCH` are comments to SLURM and ignored) and `#PBS -l` lines. Each
 * line is split into words; `--opt=value`, `--opt value` and `-N 2` are all accepted; a `#` after the option starts
 * a comment.
 */
export function schedulerDirectives(comments: Comment[]): SchedOpt[] {
  const out: SchedOpt[] = [];
  for (const c of comments) {
    const m = /^#(SBATCH|PBS)\s+(.*)$/.exec(c.text.trimEnd());
    if (!m) continue;
    const words = m[2].split(/\s+#/)[0].trim().split(/\s+/);
    const prefix = `#${m[1]}`;
    if (m[1] === 'PBS') {
      for (let i = 0; i < words.length; i++)
        if (words[i] === '-l' && words[i + 1])
          out.push({ name: 'pbs-l', value: words[i + 1], span: c.span, text: `${prefix} -l ${words[i + 1]}` });
      continue;
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w.startsWith('-')) continue;
      const eq = w.indexOf('=');
      if (eq > 0) {
        out.push({
          name: normName(w.slice(0, eq)),
          value: unquote(w.slice(eq + 1)),
          span: c.span,
          text: `${prefix} ${w}`,
        });
      } else if (words[i + 1] !== undefined && !words[i + 1].startsWith('-')) {
        out.push({
          name: normName(w),
          value: unquote(words[i + 1]),
          span: c.span,
          text: `${prefix} ${w} ${words[i + 1]}`,
        });
        i++;
      } else out.push({ name: normName(w), value: '', span: c.span, text: `${prefix} ${w}` });
    }
  }
  return out;
}

const unquote = (s: string) => s.replace(/^(['"])(.*)\1$/, '$2');

/** srun options (already split by the launcher's option scanner) as scheduler options. */
export function srunOptions(
  opts: Map<string, { value?: Word; word: Word }>,
  tool: string,
  raw: (w: Word) => string,
): SchedOpt[] {
  const out: SchedOpt[] = [];
  for (const [k, o] of opts) {
    if (o.value?.unresolved) continue;
    // The option scanner spells `-N` as `--N`: one letter after the dashes is a short option.
    const name = normName(/^--\w$/.test(k) ? k.slice(1) : `--${k.slice(2).replace(/_/g, '-')}`);
    const span = { start: o.word.span.start, end: (o.value ?? o.word).span.end };
    out.push({
      name,
      value: o.value?.text ?? '',
      span,
      text: `${tool} ${raw(o.word)}${o.value && !raw(o.word).includes('=') ? ` ${o.value.text}` : ''}`,
    });
  }
  return out;
}

/** What the scheduler options say about the job's accelerators. Later options win (srun over #SBATCH). */
export interface Resources {
  hardware?: Fact;
  /** GPUs per node (`--gres=gpu:8`, `--gpus-per-node=8`, PBS `ngpus`). */
  perNode?: { value: number; opt: SchedOpt };
  /** GPUs for the whole job (`--gpus=16`, `-G 16`). */
  total?: { value: number; opt: SchedOpt };
  gpusPerTask?: { value: number; opt: SchedOpt };
  nodes?: { value: number; opt: SchedOpt };
  tasksPerNode?: { value: number; opt: SchedOpt };
  tasks?: { value: number; opt: SchedOpt };
  /**
   * A batch job whose options request no accelerator at all (no `--gres`/`--gpus*`, no GPU partition, constraint or
   * account): the scheduler gives it no GPU (SLURM: "GPUs are not allocated unless requested",
   * https://slurm.schedmd.com/gres.html), so a command that states no device count of its own runs on CPUs.
   */
  cpu?: Fact;
}

/** `gpu:8`, `gpu:a100:8`, `gpu:a100:8,tmpfs:10G` → type and count. */
function gres(v: string): { type?: string; count: number } | undefined {
  for (const part of v.split(',')) {
    const m = /^gpu(?::([A-Za-z][\w.-]*))?(?::(\d+))?(?:\(.*\))?$/.exec(part.trim());
    if (m) return { type: m[1], count: m[2] ? Number(m[2]) : 1 };
  }
  return undefined;
}

/** `8`, `a100:8` (SLURM `--gpus*`). */
function typedCount(v: string): { type?: string; count: number } | undefined {
  const m = /^(?:([A-Za-z][\w.-]*):)?(\d+)$/.exec(v.trim());
  return m ? { type: m[1], count: Number(m[2]) } : undefined;
}

export function resources(file: string, opts: SchedOpt[]): Resources {
  const r: Resources = {};
  const hw = (type: string | undefined, o: SchedOpt) => {
    if (type)
      r.hardware = { origin: 'explicit', file, span: o.span, key: 'hardware', value: type.toLowerCase(), note: o.text };
  };
  for (const o of opts) {
    const int = /^\d+$/.test(o.value) ? Number(o.value) : undefined;
    switch (o.name) {
      case '--gres': {
        const g = gres(o.value);
        if (g) {
          r.perNode = { value: g.count, opt: o };
          hw(g.type, o);
        }
        break;
      }
      case '--gpus-per-node': {
        const g = typedCount(o.value);
        if (g) {
          r.perNode = { value: g.count, opt: o };
          hw(g.type, o);
        }
        break;
      }
      case '--gpus': {
        const g = typedCount(o.value);
        if (g) {
          r.total = { value: g.count, opt: o };
          hw(g.type, o);
        }
        break;
      }
      case '--gpus-per-task': {
        const g = typedCount(o.value);
        if (g) {
          r.gpusPerTask = { value: g.count, opt: o };
          hw(g.type, o);
        }
        break;
      }
      case '--nodes': {
        // `--nodes=2` or `--nodes=2-4` (min-max: the count is chosen at launch, so not stated).
        if (int !== undefined) r.nodes = { value: int, opt: o };
        break;
      }
      case '--nodelist': {
        // `--nodelist=dill-sage`: the job runs on the hosts named (https://slurm.schedmd.com/sbatch.html#OPT_nodelist);
        // a bracketed range (`gpu[01-04]`) or a host file is not counted here. `--nodes` says it where both are written.
        const hosts = o.value.split(',').filter((h) => h.trim());
        if (hosts.length && hosts.every((h) => /^[A-Za-z0-9][\w.-]*$/.test(h.trim())))
          r.nodes ??= { value: hosts.length, opt: o };
        break;
      }
      case '--ntasks-per-node':
      case '--tasks-per-node':
        if (int !== undefined) r.tasksPerNode = { value: int, opt: o };
        break;
      case '--ntasks':
        if (int !== undefined) r.tasks = { value: int, opt: o };
        break;
      case '--constraint':
        // A single feature naming a GPU (`a100`, `h100-80gb`); `a100|h100` is a choice made at launch. `volta32gb`
        // (a site feature named after the architecture, as on FAIR's cluster): Volta's only data-centre GPU is the
        // V100; other architecture names (ampere, hopper) cover several GPUs and say none.
        if (/^[A-Za-z][\w-]*$/.test(o.value) && /\d/.test(o.value)) {
          const volta = /^volta[-_]?(\d+gb)?$/i.exec(o.value);
          r.hardware ??= {
            origin: 'explicit',
            file,
            span: o.span,
            key: 'hardware',
            value: volta ? `v100${volta[1] ? `-${volta[1].toLowerCase()}` : ''}` : o.value.toLowerCase(),
            note: volta ? `${o.text}: Volta data-centre GPUs are V100s` : o.text,
          };
        }
        break;
      case '--partition': {
        const g = PARTITION_GPU.exec(o.value);
        if (g && !o.value.includes(','))
          r.hardware ??= {
            origin: 'explicit',
            file,
            span: o.span,
            key: 'hardware',
            value: g[1].toLowerCase(),
            note: `${o.text}: a partition named after its ${g[1].toUpperCase()} GPUs`,
          };
        break;
      }
      case 'pbs-l': {
        // `select=2:ngpus=4:ncpus=32` (PBS Pro), `nodes=2:ppn=8:gpus=4` (Torque).
        const sel = /(?:^|:)(?:select|nodes)=(\d+)/.exec(o.value);
        const g = /(?:^|:)n?gpus=(\d+)/.exec(o.value);
        if (g) r.perNode = { value: Number(g[1]), opt: o };
        if (sel && g) r.nodes = { value: Number(sel[1]), opt: o };
        const t = /(?:^|:)gpu_(?:model|type)=([A-Za-z][\w-]*)/.exec(o.value);
        if (t) hw(t[1], o);
        break;
      }
    }
  }
  const job = opts.filter((o) => o.text.startsWith('#'));
  if (job.length && !r.perNode && !r.total && !r.gpusPerTask && !r.hardware)
    if (!opts.some((o) => /gpu|gres|cuda|tpu|accel/i.test(`${o.name}=${o.value}`) || PARTITION_GPU.test(o.value)))
      r.cpu = {
        origin: 'inferred',
        file,
        span: job[0].span,
        key: 'hardware',
        value: 'cpu',
        note: `the job requests no GPU (${job.length > 3 ? `${job[0].text}, … ${job.length} options` : job.map((o) => o.text).join(', ')}): a CPU run`,
      };
  return r;
}

/** The `$SLURM_*` variables the options set, for launch commands that read them (`--nnodes $SLURM_NNODES`). */
export function slurmVars(r: Resources): Map<string, number> {
  const v = new Map<string, number>();
  if (r.nodes) for (const n of ['SLURM_NNODES', 'SLURM_JOB_NUM_NODES']) v.set(n, r.nodes.value);
  if (r.perNode) for (const n of ['SLURM_GPUS_ON_NODE', 'SLURM_GPUS_PER_NODE']) v.set(n, r.perNode.value);
  if (r.tasksPerNode) v.set('SLURM_NTASKS_PER_NODE', r.tasksPerNode.value);
  const tasks = r.tasks?.value ?? (r.tasksPerNode ? r.tasksPerNode.value * (r.nodes?.value ?? 1) : undefined);
  if (tasks !== undefined) for (const n of ['SLURM_NTASKS', 'SLURM_NPROCS']) v.set(n, tasks);
  if (r.total) v.set('SLURM_GPUS', r.total.value);
  return v;
}

/** A whole-number word, reading `$SLURM_*` variables the scheduler options set. */
export function intWord(w: Word | undefined, vars: Map<string, number>): number | undefined {
  if (!w) return undefined;
  if (!w.unresolved) return /^\d+$/.test(w.text) ? Number(w.text) : undefined;
  const m = /^\$\{?(\w+)\}?$/.exec(w.text);
  return m ? vars.get(m[1]) : undefined;
}

/** Devices the scheduler options give a command that states none: total, GPUs per task × tasks, or per node × nodes. */
export function schedulerDevices(file: string, r: Resources, direct: boolean): Fact | undefined {
  const at = (o: SchedOpt, value: number, note: string): Fact => ({
    origin: 'explicit',
    file,
    span: o.span,
    key: 'devices',
    value,
    note,
  });
  const nodes = r.nodes?.value ?? 1;
  const nodesNote = r.nodes && nodes > 1 ? ` × ${nodes} nodes (${r.nodes.opt.text})` : '';
  if (r.total)
    return at(
      r.total.opt,
      r.total.value,
      `${r.total.opt.text}: ${r.total.value} GPU${r.total.value === 1 ? '' : 's'} for the job`,
    );
  // `--gpus-per-task=1` with `--ntasks-per-node=8`: one GPU per process launched by srun.
  if (r.gpusPerTask && direct) {
    const tasks = r.tasks?.value ?? (r.tasksPerNode ? r.tasksPerNode.value * nodes : undefined);
    if (tasks !== undefined)
      return at(
        r.gpusPerTask.opt,
        r.gpusPerTask.value * tasks,
        `${r.gpusPerTask.opt.text} × ${tasks} tasks (${(r.tasks ?? r.tasksPerNode)?.opt.text}${r.tasks ? '' : nodesNote})`,
      );
  }
  // `--ntasks=64 --ntasks-per-node=8 --gres=gpu:8` and no node count: srun starts 64 processes, at most 8 to a node
  // (`--ntasks` takes precedence and `--ntasks-per-node` is then a maximum: https://slurm.schedmd.com/srun.html), one
  // per GPU — 64 devices, on 8 nodes or more. Tasks that do not fill whole nodes one per GPU: not counted here.
  if (r.perNode && !r.nodes && r.tasks && r.tasksPerNode && r.tasks.value > r.perNode.value) {
    const t = r.tasks;
    const perGpu = direct && r.tasksPerNode.value === r.perNode.value && t.value % r.perNode.value === 0;
    return perGpu
      ? at(
          t.opt,
          t.value,
          `${t.opt.text} processes, ${r.tasksPerNode.opt.text} with ${r.perNode.opt.text}: one GPU per process`,
        )
      : {
          ...at(t.opt, 0, ''),
          value: null,
          note: `${t.opt.text} with ${r.tasksPerNode.opt.text} and ${r.perNode.opt.text}: the GPUs each process uses are not written in this file`,
        };
  }
  // `-n 384` tasks with `--gpus-per-node=8` and no node count: the job spans nodes the file does not count.
  if (r.perNode && !r.nodes && !r.tasksPerNode && r.tasks && r.tasks.value > r.perNode.value)
    return {
      ...at(r.perNode.opt, 0, ''),
      value: null,
      note: `${r.perNode.opt.text} for ${r.tasks.opt.text} tasks: the node count (so the GPU count) is not written in this file`,
    };
  if (r.perNode)
    return at(
      r.perNode.opt,
      r.perNode.value * nodes,
      `${r.perNode.opt.text}: ${r.perNode.value} GPU${r.perNode.value === 1 ? '' : 's'} per node${nodesNote}`,
    );
  return undefined;
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
