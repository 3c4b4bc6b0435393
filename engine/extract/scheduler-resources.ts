// What a job's scheduler options request (./scheduler-options reads them): the GPU type (`--gres=gpu:a100:8`, a GPU
// partition, queue or constraint, PBS `gpu_model`, LSF `gmodel`), GPUs per node, for the job or per task, nodes and tasks, a job that
// requests no GPU (a CPU run); the `$SLURM_*` variables those options set, and the devices they give a command that
// states none. Sources:
//   SLURM sbatch/srun options and output environment variables: https://slurm.schedmd.com/sbatch.html
//   PBS Pro `select` chunks (`ngpus`): https://2021.help.altair.com/2021.1.2/PBS%20Professional/PBSUserGuide2021.1.2.pdf
import type { Fact } from '../types';
import { hardwareOfName, PARTITION_GPU, type SchedOpt } from './scheduler-options';

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
  /**
   * The GPU the script's file name is written for (./scheduler-options `hardwareOfName`), only for a script with no
   * `#SBATCH`/`#PBS`/`#BSUB` option: a scheduled job runs on the node its scheduler allocates, so a GPU word in its
   * file name (`h100_4device.slurm` on a partition that names no chip) says nothing of the node.
   */
  named?: Fact;
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
      case '--constraint': {
        // A single feature naming a GPU (`a100`, `h100-80gb`); `a100|h100` is a choice made at launch. `volta32gb`
        // (a site feature named after the architecture, as on FAIR's cluster): Volta's only data-centre GPU is the
        // V100; other architecture names (ampere, hopper) cover several GPUs and say none.
        // `--constraint="[v100]"`: SLURM's "matching OR" brackets around one feature are that feature
        // (https://slurm.schedmd.com/sbatch.html#OPT_constraint).
        const feature = o.value.replace(/^(["'])(.*)\1$/, '$2').replace(/^\[([^|&,[\]]+)\]$/, '$1');
        if (/^[A-Za-z][\w-]*$/.test(feature) && /\d/.test(feature)) {
          const volta = /^volta[-_]?(\d+gb)?$/i.exec(feature);
          r.hardware ??= {
            origin: 'explicit',
            file,
            span: o.span,
            key: 'hardware',
            value: volta ? `v100${volta[1] ? `-${volta[1].toLowerCase()}` : ''}` : feature.toLowerCase(),
            note: volta ? `${o.text}: Volta data-centre GPUs are V100s` : o.text,
          };
        }
        break;
      }
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
      case 'lsf-gpu': {
        // LSF `-gpu "num=2:mode=exclusive_process:gmodel=TeslaV100_SXM2_32GB"`: `num` GPUs per host (1 when not
        // written, `-gpu -` the defaults), `gmodel` the GPU's model name as the host reports it.
        // https://www.ibm.com/docs/en/spectrum-lsf/10.1.0?topic=o-gpu
        const n = /(?:^|:)num=(\d+)/.exec(o.value);
        r.perNode = { value: n ? Number(n[1]) : 1, opt: o };
        const model = /(?:^|:)gmodel=([^:]+)/.exec(o.value)?.[1];
        const named = model && /(a100|a800|a40|a30|a10g?|h100|h200|h800|l40s?|v100|t4|a6000)/i.exec(model);
        if (named) hw(named[1], o);
        break;
      }
    }
  }
  // SLURM and PBS give a job no GPU it does not request; LSF may (a queue's or the cluster's default GPU requirement).
  if (!opts.some((o) => /^#(SBATCH|PBS|BSUB)\b/.test(o.text))) r.named = hardwareOfName(file);
  const job = opts.filter((o) => /^#(SBATCH|PBS)\b/.test(o.text));
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
