// Devices in the vocabulary: one table of the spellings that state how many GPUs, TPU chips or processes a run uses —
// in a config, a script's flags or a launcher's variables (`gpus: 8`, `n_gpu`, `ngpus=4`, `--gpus 0,1,2,3`,
// `world_size`, `trainer.devices`, `num_gpus_per_node` with `num_nodes`, MaxText's ICI × DCN parallelism) — each with
// its scope and a public source, and one rule that combines them (`combineDevices`):
//   1. a count of the whole job (`world_size`, `num_processes`) is the devices; a node count does not multiply it;
//   2. else a count per node (`nproc_per_node`, `gpus_per_node`, and the bare `gpus`/`devices`/`n_gpu`, which
//      Lightning, DeepSpeed's launcher and most research trainers read per node) × the nodes (1 when none is written);
//   3. else the product of the degrees inside one slice × the product across slices (MaxText `ici_*` × `dcn_*`).
// A job count smaller than the per-node count beside it cannot be the job's total: it counts nodes (the
// `multiprocessing_distributed` pattern of PyTorch's ImageNet example, `world_size: 1` beside `train_gpu: [0..7]`).
// Lists of device ids (`gpu_ids`, `train_gpu`, yacs `GPUS: (0,1,2,3)` or `GPUS: '0'`) count their ids: one id is one
// device, -1 (`gpu_id: -1`) the CPU.
// A value of -1 or `auto` ("every visible device") states no count: the reading is left to the launcher or settings.
// Launchers' own options (torchrun, SLURM, Kubernetes) are read in ../extract/launcher-devices.ts and kubernetes.ts.
import type { EntrySet } from '../extract/generic';
import type { Fact, FactKey, FactValue } from '../types';
import { A, type Alias, type Target } from './aliases';
import type { Hit } from './read';

/** What one spelling counts. */
export type DeviceScope = 'job' | 'node' | 'nodes' | 'slice' | 'slices';

interface DeviceRow {
  keys: string;
  scope: DeviceScope;
  src: Alias['src'];
  /** The value lists device ids (`gpu_ids: 0,1`, `train_gpu: [0, 1]`, `gpu_id: 0`): a count of ids, one id one device. */
  ids?: boolean;
}

/**
 * The spellings, matched as key-path suffixes like every vocabulary row (lower case, `-` as `_`). Sources: PyTorch
 * torchrun (`--nproc-per-node`, `--nnodes`, `WORLD_SIZE`), Lightning Trainer (`devices` per node × `num_nodes`),
 * accelerate (`num_processes` over all machines, `num_machines`), DeepSpeed launcher (`--num_gpus` per node,
 * `--num_nodes`), verl (`trainer.n_gpus_per_node` × `trainer.nnodes`), BasicSR (`num_gpu`), MaxText
 * (`ici_*_parallelism` within a slice × `dcn_*_parallelism` across slices), Azure ML command jobs
 * (`distribution.process_count_per_instance` per node × `resources.instance_count` nodes), device-id lists (PyTorch
 * `DataParallel(device_ids=…)` as research configs spell them: `gpu_ids`, semseg's `train_gpu`, face.evoLVe's `GPU_ID`).
 */
export const DEVICE_ROWS: DeviceRow[] = [
  {
    keys: 'world_size distributed_world_size num_processes total_gpus total_devices total_num_gpus num_devices n_devices',
    scope: 'job',
    src: ['torchrun', 'accelerate', 'lightning'],
  },
  {
    keys: 'nproc_per_node num_proc_per_node gpus_per_node n_gpus_per_node num_gpus_per_node ngpus_per_node gpus_per_host devices_per_node num_devices_per_node trainer.devices devices gpus n_gpu n_gpus num_gpus ngpus ngpu num_gpu gpu_num gpu_count n_gpu_per_node ranks_per_node procs_per_node ntasks_per_node tasks_per_node',
    scope: 'node',
    src: ['torchrun', 'lightning', 'deepspeed-launcher', 'verl', 'basicsr', 'slurm'],
  },
  {
    keys: 'gpu_ids gpu_id train_gpu train_gpus gpu_list visible_gpus gpu_devices cuda_visible_devices',
    scope: 'node',
    src: ['dataparallel'],
    ids: true,
  },
  // A research config's `device: [0, 1, 2, 3]` (the ST-GCN family's YAMLs: `nn.DataParallel(model, device_ids=
  // self.arg.device)` when more than one): the GPU ids, counted only when written as a list (a scalar `device` may be
  // anything, a token id in a tokenizer's vocabulary among them).
  {
    keys: 'device',
    scope: 'node',
    src: ['dataparallel'],
    ids: true,
  },
  {
    keys: 'num_gpus_per_job gpus_per_job',
    scope: 'job',
    src: ['slurm'],
  },
  {
    keys: 'distribution.process_count_per_instance process_count_per_node',
    scope: 'node',
    src: ['azureml'],
  },
  {
    keys: 'resources.instance_count',
    scope: 'nodes',
    src: ['azureml'],
  },
  {
    keys: 'num_hosts_per_job nodes_per_job',
    scope: 'nodes',
    src: ['slurm'],
  },
  {
    keys: 'num_nodes nnodes n_nodes trainer.num_nodes trainer.nnodes num_machines node_count num_hosts nodes',
    scope: 'nodes',
    src: ['torchrun', 'lightning', 'accelerate', 'deepspeed-launcher', 'verl'],
  },
  {
    keys: 'ici_data_parallelism ici_fsdp_parallelism ici_fsdp_transpose_parallelism ici_sequence_parallelism ici_context_parallelism ici_tensor_parallelism ici_tensor_sequence_parallelism ici_expert_parallelism ici_pipeline_parallelism ici_autoregressive_parallelism',
    scope: 'slice',
    src: ['maxtext'],
  },
  {
    keys: 'dcn_data_parallelism dcn_fsdp_parallelism dcn_fsdp_transpose_parallelism dcn_sequence_parallelism dcn_context_parallelism dcn_tensor_parallelism dcn_tensor_sequence_parallelism dcn_expert_parallelism dcn_pipeline_parallelism dcn_autoregressive_parallelism',
    scope: 'slices',
    src: ['maxtext'],
  },
];

const TARGET: Record<DeviceScope, Target> = {
  job: 'devices',
  node: 'devices.node',
  nodes: 'nodes',
  slice: 'devices.slice',
  slices: 'devices.slices',
};

/** The table as vocabulary rows (read by ./read.ts like any other row). */
export const DEVICE_ALIASES: Alias[] = DEVICE_ROWS.map((r) =>
  A(TARGET[r.scope], r.keys, r.scope === 'nodes' ? 'int' : r.ids ? 'device-ids' : 'devices', r.src),
);

/** The device targets a reading keeps aside until `combineDevices` (not facts themselves). */
export const DEVICE_PARTS: Target[] = ['devices.node', 'nodes', 'devices.slice', 'devices.slices'];

type Put = (k: FactKey, v: FactValue, h: Hit, note?: string) => void;
type Extras = Map<Target, { value: number; hit: Hit }>;

/** A graph's or a dataset's node count is not a machine count: a job of more than this many nodes is not read. */
const MAX_NODES = 4096;

/**
 * The one rule: job count, else per node × nodes, else slice × slices. `all` holds every hit per target (a slice's
 * degrees multiply); degrees of 1 are written, of -1 are "the rest" (the count is then unknown).
 */
export function combineDevices(
  facts: Map<FactKey, Fact>,
  extras: Extras,
  all: Map<Target, Hit[]>,
  put: Put,
  readCount: (h: Hit) => number | undefined,
): void {
  const perNodeHit = extras.get('devices.node');
  // A bare `nodes:` (submitit-style `nodes: 16` beside `tasks_per_node: 8`) counts machines only beside a count that
  // says it is per node; elsewhere it may be a graph's.
  const given = extras.get('nodes');
  const bare = given && /^nodes$/i.test(given.hit.entry.path[given.hit.entry.path.length - 1] ?? '');
  const nodes =
    bare && !/per[_-]?node$/i.test(perNodeHit?.hit.entry.path[perNodeHit.hit.entry.path.length - 1] ?? '')
      ? undefined
      : given;
  const n = nodes && nodes.value <= MAX_NODES ? nodes.value : 1;
  const job = facts.get('devices');
  const perNode = perNodeHit;
  // `world_size: 1` beside eight GPU ids per node: a job count below the per-node one counts nodes.
  if (job && perNode && !nodes && typeof job.value === 'number' && job.value < perNode.value) {
    const total = perNode.value * job.value;
    facts.delete('devices');
    put(
      'devices',
      total,
      perNode.hit,
      `${perNode.hit.entry.text} per node × ${all.get('devices')?.[0]?.entry.text ?? job.value} (fewer than one node holds: the node count) = ${total} devices`,
    );
    return;
  }
  if (job) {
    if (perNode && nodes && typeof job.value === 'number' && perNode.value * n !== job.value && n > 1)
      job.note = `${job.note} (the whole job; ${perNode.hit.entry.text} per node × ${nodes.hit.entry.text} disagree)`;
    return;
  }
  if (perNode) {
    // A node count written but not readable here (`trainer.nnodes=$NNODES`): the total is not known either.
    const unread = nodes
      ? undefined
      : (all.get('nodes') ?? []).find(
          (h) => !/^nodes$/i.test(h.entry.path[h.entry.path.length - 1] ?? '') && readCount(h) === undefined,
        );
    if (unread) {
      put('devices', null, perNode.hit, `${perNode.hit.entry.text} per node × ${unread.entry.text}: not readable here`);
      return;
    }
    const total = perNode.value * n;
    put(
      'devices',
      total,
      perNode.hit,
      nodes && n > 1
        ? `${perNode.hit.entry.text} per node × ${nodes.hit.entry.text} = ${total} devices`
        : `${perNode.hit.entry.text}`,
    );
    return;
  }
  const product = (t: Target) => {
    const hits = all.get(t) ?? [];
    // The last layer's value of each key (an override beats its base), once per key.
    const byKey = new Map<string, Hit>();
    for (const h of hits) {
      const k = h.entry.path.join('.').toLowerCase();
      const cur = byKey.get(k);
      if (!cur || h.score > cur.score) byKey.set(k, h);
    }
    let p = 1;
    const parts: string[] = [];
    for (const h of byKey.values()) {
      const v = readCount(h);
      if (v === undefined) return undefined;
      if (v > 1) parts.push(h.entry.text);
      p *= v;
    }
    return byKey.size ? { p, parts, first: [...byKey.values()][0] } : undefined;
  };
  const slice = product('devices.slice');
  if (!slice) return;
  const slices = product('devices.slices');
  const total = slice.p * (slices?.p ?? 1);
  const parts = [...slice.parts, ...(slices?.parts ?? [])];
  put('devices', total, slice.first, `${parts.join(' × ') || 'every parallel degree 1'} = ${total} devices`);
}

/** A switch that turns several devices off: `use_multi_gpu: False` (Informer/Autoformer-style scripts), `multi_gpu: false`. */
const MULTI_SWITCH = /^(use_?)?multi_?(gpus?|devices?)$/i;

/**
 * `use_multi_gpu: False` beside `devices: '0,1,2,3'`: the list of ids is not what the run uses — with several devices
 * switched off the run takes one (the single `gpu: 0` these scripts declare beside the switch). Said as inferred, at
 * the switch.
 */
export function multiDeviceOff(sets: EntrySet[], facts: Map<FactKey, Fact>, extras: Extras): void {
  for (const s of sets) {
    const e = s.entries.find((x) => MULTI_SWITCH.test(x.path[x.path.length - 1] ?? '') && x.value === false);
    if (!e) continue;
    extras.delete('devices.node');
    extras.delete('nodes');
    const job = facts.get('devices');
    if (job && typeof job.value === 'number' && job.value > 1) facts.delete('devices');
    if (!facts.has('devices'))
      facts.set('devices', {
        key: 'devices',
        value: 1,
        origin: 'inferred',
        file: s.file,
        span: e.span,
        note: `${e.path.join('.')} is off: one device, not several`,
      });
    return;
  }
}

/** A key turning several processes on or off (`train.distributed: False`, `use_ddp`, `ddp`). */
const DIST_SWITCH = /^(use_?)?(distributed|ddp|multi_?gpus?|multiprocessing_distributed)$/i;

/**
 * A config that places the run on one device it names and counts none: `device: cuda:0` (`torch.device(cfg.device)`
 * puts the model and its batches on that GPU, https://pytorch.org/docs/stable/tensor_attributes.html#torch-device),
 * or `device: cuda` beside `distributed: False` (one process, on the current device). One device, inferred; any
 * switch that turns several processes on, or a device count, keeps it unknown.
 */
export function oneNamedDevice(sets: EntrySet[], facts: Map<FactKey, Fact>, extras: Extras): void {
  if (facts.has('devices') || DEVICE_PARTS.some((t) => extras.has(t))) return;
  const entries = sets.flatMap((s) => s.entries.map((e) => ({ e, file: s.file })));
  const last = (e: EntrySet['entries'][number]) => e.path[e.path.length - 1] ?? '';
  const switches = entries.filter(({ e }) => DIST_SWITCH.test(last(e)));
  if (switches.some(({ e }) => e.value !== false)) return;
  const named = entries.filter(({ e }) => /^device$/i.test(last(e)) && typeof e.value === 'string');
  if (named.length === 0) return;
  const v = named[named.length - 1];
  const dev = String(v.e.value).trim();
  const one = /^cuda:\d+$/.test(dev) || (dev === 'cuda' && switches.length > 0);
  if (!one) return;
  facts.set('devices', {
    key: 'devices',
    value: 1,
    origin: 'inferred',
    file: v.file,
    span: v.e.span,
    note: `${v.e.path.join('.')}: ${dev}${switches.length ? ` with ${switches[0].e.path.join('.')} off` : ''}: one device`,
  });
}
