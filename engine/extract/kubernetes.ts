// Kubernetes manifests as launchers: the accelerators a training job requests — `resources.limits["nvidia.com/gpu"]`
// (or `amd.com/gpu`, `google.com/tpu`) per container, summed per pod, × the pods (`replicas`, a Job's `parallelism`,
// PyTorchJob / TFJob / MPIJob replica specs, Ray worker groups, JobSet replicated jobs, Volcano tasks) — the GPU model
// from node selectors or affinity (`nvidia.com/gpu.product`, `cloud.google.com/gke-accelerator`,
// `cloud.google.com/gke-tpu-accelerator`, `karpenter.k8s.aws/instance-gpu-name`, `node.kubernetes.io/instance-type`),
// and the container's `command` + `args`, read by the launcher parser with positions in the YAML file. A pod that
// requests no accelerator gets none: Kubernetes only exposes GPUs a container requests through the device plugin
// (https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/). Job kinds: Kubeflow training operator
// (https://www.kubeflow.org/docs/components/trainer/legacy-v1/), KubeRay (https://docs.ray.io/en/latest/cluster/kubernetes/),
// JobSet (https://jobset.sigs.k8s.io/), Volcano (https://volcano.sh/en/docs/vcjob/). Nothing reaches a cluster.
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { yamlSpan } from '../parse/yaml';
import type { Fact, Span } from '../types';
import { parseLauncher, type LaunchCommand } from './launcher';
import type { RunDraft } from './run-draft';

/** Cheap test on the text: a manifest has top-level `apiVersion:` and `kind:`. */
export const mayBeKubernetes = (text: string) => /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text);

const GPU_RESOURCES = ['nvidia.com/gpu', 'amd.com/gpu', 'google.com/tpu', 'habana.ai/gaudi', 'aws.amazon.com/neuron'];
/** Kinds that keep pods running (serving), not jobs that run to completion. */
const SERVICES = ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'Pod'];
/** GKE's earlier Cloud TPU resources count TPU cores (`cloud-tpus.google.com/v2: 8`, `…/preemptible-v3: 32`). */
const TPU_CORES = /^cloud-tpus\.google\.com\/(preemptible-)?v\d+$/;
const GPU_LABELS = [
  'nvidia.com/gpu.product',
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-tpu-accelerator',
  'karpenter.k8s.aws/instance-gpu-name',
  'node.kubernetes.io/instance-type',
  'beta.kubernetes.io/instance-type',
];
const MAX_DOCS = 20;

const get = (node: unknown, ...path: string[]): unknown => {
  let cur = node;
  for (const k of path) {
    if (!isMap(cur)) return undefined;
    const p = (cur.items as Pair[]).find((i) => isScalar(i.key) && String(i.key.value) === k);
    cur = p?.value;
  }
  return cur ?? undefined;
};
const str = (n: unknown) => (isScalar(n) && n.value !== null ? String(n.value) : undefined);
const int = (n: unknown) => {
  const v = isScalar(n) ? n.value : undefined;
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
};

/** A group of identical pods: how many (undefined when not readable), and their pod spec. */
interface PodGroup {
  replicas: number | undefined;
  spec: unknown;
  label: string;
  /** MPIJob workers: processes per worker (`slotsPerWorker`), one per GPU, when the pods request none by name. */
  slots?: unknown;
  /** Kubeflow Trainer's `TrainJob` trainer: one container described in place (`command`, `resourcesPerNode`). */
  single?: boolean;
}

/** The containers of a pod group: its pod spec's, or the trainer block itself. */
const containersOf = (g: PodGroup): unknown[] => {
  if (g.single) return [g.spec];
  const c = get(g.spec, 'containers');
  return isSeq(c) ? c.items : [];
};

/** The pod groups of one manifest, by kind. */
function podGroups(root: unknown): PodGroup[] {
  const kind = str(get(root, 'kind')) ?? '';
  const spec = get(root, 'spec');
  const replicasOf = (n: unknown, def = 1) => (n === undefined ? def : int(n));
  if (kind === 'Pod') return [{ replicas: 1, spec, label: 'Pod' }];
  if (/volcano\.sh/.test(str(get(root, 'apiVersion')) ?? '')) {
    const tasks = get(spec, 'tasks');
    return isSeq(tasks)
      ? tasks.items.map((t) => ({
          replicas: replicasOf(get(t, 'replicas')),
          spec: get(t, 'template', 'spec'),
          label: 'Volcano task',
        }))
      : [];
  }
  if (kind === 'Job')
    return [{ replicas: replicasOf(get(spec, 'parallelism')), spec: get(spec, 'template', 'spec'), label: 'Job' }];
  if (kind === 'CronJob')
    return [
      {
        replicas: replicasOf(get(spec, 'jobTemplate', 'spec', 'parallelism')),
        spec: get(spec, 'jobTemplate', 'spec', 'template', 'spec'),
        label: 'CronJob',
      },
    ];
  if (['Deployment', 'StatefulSet', 'ReplicaSet'].includes(kind))
    return [{ replicas: replicasOf(get(spec, 'replicas')), spec: get(spec, 'template', 'spec'), label: kind }];
  // Kubeflow training operator: PyTorchJob, TFJob, MPIJob, XGBoostJob, PaddleJob, JAXJob.
  const replicaSpecs = isMap(spec)
    ? (spec.items as Pair[]).find((p) => isScalar(p.key) && /ReplicaSpecs$/.test(String(p.key.value)))
    : undefined;
  if (replicaSpecs && isMap(replicaSpecs.value))
    return (replicaSpecs.value.items as Pair[])
      .filter((p) => isScalar(p.key) && String(p.key.value) !== 'Evaluator')
      .map((p) => ({
        replicas: replicasOf(get(p.value, 'replicas')),
        spec: get(p.value, 'template', 'spec'),
        label: `${kind} ${String((p.key as Scalar).value)}`,
        slots:
          kind === 'MPIJob' && String((p.key as Scalar).value) === 'Worker' ? get(spec, 'slotsPerWorker') : undefined,
      }));
  if (kind === 'RayJob' || kind === 'RayCluster') {
    const cluster = kind === 'RayJob' ? get(spec, 'rayClusterSpec') : spec;
    const out: PodGroup[] = [
      { replicas: 1, spec: get(cluster, 'headGroupSpec', 'template', 'spec'), label: 'Ray head' },
    ];
    const workers = get(cluster, 'workerGroupSpecs');
    if (isSeq(workers))
      for (const w of workers.items)
        out.push({ replicas: replicasOf(get(w, 'replicas')), spec: get(w, 'template', 'spec'), label: 'Ray workers' });
    return out;
  }
  // Kubeflow Trainer (https://www.kubeflow.org/docs/components/trainer/, 2025): a TrainJob's `trainer` runs on
  // `numNodes` nodes with `resourcesPerNode` each; a (Cluster)TrainingRuntime is a JobSet whose `node` job runs on
  // `mlPolicy.numNodes` nodes.
  if (kind === 'TrainJob') {
    const trainer = get(spec, 'trainer');
    return trainer === undefined
      ? []
      : [{ replicas: replicasOf(get(trainer, 'numNodes')), spec: trainer, label: 'TrainJob nodes', single: true }];
  }
  if (kind === 'ClusterTrainingRuntime' || kind === 'TrainingRuntime') {
    const jobs = get(spec, 'template', 'spec', 'replicatedJobs');
    const nodes = replicasOf(get(spec, 'mlPolicy', 'numNodes'));
    if (!isSeq(jobs)) return [];
    return jobs.items.map((j) => ({
      replicas: str(get(j, 'name')) === 'node' ? nodes : replicasOf(get(j, 'replicas')),
      spec: get(j, 'template', 'spec', 'template', 'spec'),
      label: `${kind} ${str(get(j, 'name')) ?? 'job'}`,
    }));
  }
  if (kind === 'JobSet') {
    const jobs = get(spec, 'replicatedJobs');
    if (!isSeq(jobs)) return [];
    return jobs.items.map((j) => {
      const r = replicasOf(get(j, 'replicas'));
      const p = replicasOf(get(j, 'template', 'spec', 'parallelism'));
      return {
        replicas: r !== undefined && p !== undefined ? r * p : undefined,
        spec: get(j, 'template', 'spec', 'template', 'spec'),
        label: 'JobSet job',
      };
    });
  }
  return [];
}

/** Accelerators one pod requests (limits, else requests), with the span of the first such request. */
function podAccelerators(g: PodGroup): { count: number; at?: Span; text?: string } {
  let count = 0;
  let at: Span | undefined;
  let text: string | undefined;
  for (const c of containersOf(g)) {
    // A container's requests repeat its limits: read from the limits, else from the requests.
    for (const block of ['limits', 'requests']) {
      const res = get(c, g.single ? 'resourcesPerNode' : 'resources', block);
      let own = 0;
      for (const p of isMap(res) ? (res.items as Pair[]) : []) {
        const name = isScalar(p.key) ? String(p.key.value) : '';
        const n = GPU_RESOURCES.includes(name) || TPU_CORES.test(name) ? int(p.value) : undefined;
        if (!n || n <= 0) continue;
        own += n;
        at ??= yamlSpan(p.value as Node);
        text ??= `${name}: ${n}`;
      }
      count += own;
      if (own > 0) break;
    }
  }
  return { count, at, text };
}

/** The accelerator named by a node selector or a required node-affinity term with one value. */
function podHardware(spec: unknown): { value: string; at?: Span; text: string } | undefined {
  for (const label of GPU_LABELS) {
    const v = get(spec, 'nodeSelector', label);
    const s = str(v);
    if (s) return { value: normalise(s), at: yamlSpan(v as Node), text: `${label}: ${s}` };
  }
  const terms = get(
    spec,
    'affinity',
    'nodeAffinity',
    'requiredDuringSchedulingIgnoredDuringExecution',
    'nodeSelectorTerms',
  );
  if (isSeq(terms))
    for (const t of terms.items) {
      const exprs = get(t, 'matchExpressions');
      if (!isSeq(exprs)) continue;
      for (const e of exprs.items) {
        const key = str(get(e, 'key'));
        const values = get(e, 'values');
        if (
          key &&
          GPU_LABELS.includes(key) &&
          str(get(e, 'operator')) === 'In' &&
          isSeq(values) &&
          values.items.length === 1
        ) {
          const v = str(values.items[0]);
          if (v) return { value: normalise(v), at: yamlSpan(values.items[0] as Node), text: `${key} In [${v}]` };
        }
      }
    }
  return undefined;
}

/** `nvidia-tesla-a100` → `a100`, `tpu-v5-lite-podslice` → `tpu v5e` (GKE label values); others lower-cased. */
function normalise(v: string): string {
  const s = v.toLowerCase();
  const tpu = /^tpu-(v\d+)(-lite)?/.exec(s);
  if (tpu) return `tpu ${tpu[1]}${tpu[2] ? 'e' : /^tpu-v6e/.test(s) ? 'e' : /^tpu-v5p/.test(s) ? 'p' : ''}`;
  return s.replace(/^nvidia-(tesla-)?/, '');
}

/**
 * A YAML scalar that holds a whole shell script (the `-c` argument of a shell, a RayJob's `entrypoint`), where its text
 * starts: a literal block's own lines, a plain scalar's lines folded to one, a simply quoted string's inside.
 * Undefined for what cannot be placed in the file's offsets (escapes, doubled quotes, folded blocks).
 */
function scriptBody(text: string, node: unknown): { start: number; body: string } | undefined {
  const s = isScalar(node) ? yamlSpan(node as Node) : undefined;
  if (!s) return undefined;
  const raw = text.slice(s.start, s.end);
  const type = (node as Scalar).type;
  if (type === 'BLOCK_LITERAL') {
    const nl = raw.indexOf('\n');
    return nl === -1 ? undefined : { start: s.start + nl + 1, body: raw.slice(nl + 1) };
  }
  if (type === 'PLAIN') return { start: s.start, body: raw.replace(/\n/g, ' ') };
  if (type === 'QUOTE_DOUBLE' && !raw.includes('\\')) return { start: s.start + 1, body: raw.slice(1, -1) };
  if (type === 'QUOTE_SINGLE' && !raw.slice(1, -1).includes("''"))
    return { start: s.start + 1, body: raw.slice(1, -1) };
  return undefined;
}

/**
 * A container's command line as a shell script at the same offsets as the YAML text: `bash -c <script>` keeps the
 * script's own lines (block scalars only); a list of plain or simply quoted words keeps each word in place and blanks
 * the YAML around them. Undefined when the words cannot be placed (escapes, args before the command).
 */
function commandText(text: string, container: unknown): string | undefined {
  const items: Node[] = [];
  for (const k of ['command', 'args']) {
    const n = get(container, k);
    if (isSeq(n)) items.push(...(n.items as Node[]));
    else if (n !== undefined) return undefined;
  }
  if (items.length === 0 || !items.every(isScalar)) return undefined;
  const out = Array.from(text, () => ' ');
  const place = (s: Span, body: string) => {
    for (let i = 0; i < body.length; i++) out[s.start + i] = body[i];
  };
  const words = items.map((n) => str(n) ?? '');
  const shell = /^(\/bin\/)?(ba|z)?sh$/.test(words[0] ?? '') && /^-l?c$/.test(words[1] ?? '');
  // `["/bin/bash", "-c", "--"]` + `args: ["cd /data; python train.py"]`: `--` ends the shell's options.
  const at = shell && words[2] === '--' ? 3 : 2;
  let last = -1;
  for (let i = 0; i < items.length; i++) {
    const s = yamlSpan(items[i]);
    if (!s || s.start < last) return undefined;
    last = s.end;
    const raw = text.slice(s.start, s.end);
    const type = (items[i] as Scalar).type;
    if (shell && i === at) {
      const script = scriptBody(text, items[i]);
      if (!script) return undefined;
      place({ start: script.start, end: s.end }, script.body);
      continue;
    }
    if (shell && i < at) continue;
    if (type === 'PLAIN' && !/[\n#]/.test(raw)) place(s, raw);
    else if (
      (type === 'QUOTE_DOUBLE' && !raw.includes('\\')) ||
      (type === 'QUOTE_SINGLE' && !raw.slice(1, -1).includes("'"))
    )
      place(s, raw);
    else return undefined;
  }
  return out.join('');
}

/** A RayJob's `spec.entrypoint`: the command the job runs on its cluster, placed at its own offsets in the text. */
function entrypointText(text: string, root: unknown): string | undefined {
  if (str(get(root, 'kind')) !== 'RayJob') return undefined;
  const script = scriptBody(text, get(root, 'spec', 'entrypoint'));
  if (!script) return undefined;
  const out = Array.from(text, () => ' ');
  for (let i = 0; i < script.body.length; i++) out[script.start + i] = script.body[i];
  return out.join('');
}

/** The accelerators a manifest's pods request (per pod × pods, summed over groups) and their GPU model, as facts. */
function jobResources(file: string, root: unknown) {
  const groups = podGroups(root).filter((g) => g.spec !== undefined);
  if (groups.length === 0) return undefined;
  const base = { origin: 'explicit' as const, file };
  const jobFacts: Fact[] = [];
  let total: number | undefined = 0;
  const notes: string[] = [];
  let at: Span | undefined;
  for (const g of groups) {
    let acc = podAccelerators(g);
    const slots = int(g.slots);
    if (acc.count === 0 && slots && slots > 0)
      acc = { count: slots, at: yamlSpan(g.slots as Node), text: `slotsPerWorker: ${slots}` };
    if (acc.count === 0) continue;
    at ??= acc.at;
    if (g.replicas === undefined || total === undefined) total = undefined;
    else total += g.replicas * acc.count;
    notes.push(`${g.label}: ${g.replicas ?? '?'} × ${acc.text}`);
  }
  if (notes.length > 0)
    jobFacts.push({
      ...base,
      span: at,
      key: 'devices',
      value: total ?? null,
      note: `${notes.join(' + ')}${total === undefined ? ' (a pod count is not readable here)' : ''}`,
    });
  const hw = groups.map((g) => podHardware(g.spec)).find(Boolean);
  if (hw) jobFacts.push({ ...base, span: hw.at, key: 'hardware', value: hw.value, note: hw.text });
  else if (notes.length === 0)
    jobFacts.push({
      ...base,
      span: yamlSpan(get(root, 'kind') as Node),
      key: 'hardware',
      value: 'cpu',
      note: 'no container requests a GPU or TPU (resources.limits): the pods get none',
    });
  return { groups, jobFacts, notes };
}

/** Kubeflow training-operator jobs: their pods train by definition (https://www.kubeflow.org/docs/components/trainer/legacy-v1/). */
const TRAINING_JOB = /^(PyTorch|TF|MPI|XGBoost|Paddle|JAX|MX)Job$/;

/**
 * A training-operator job whose containers run their image's entry point (no `command` this review can read): the run
 * is what the job requests — its accelerators and GPU model — and nothing else, with a label that says so.
 */
export function imageJobRuns(file: string, text: string): RunDraft[] {
  if (!mayBeKubernetes(text)) return [];
  const docs = manifestDocuments(text);
  const out: RunDraft[] = [];
  for (const doc of docs.slice(0, MAX_DOCS)) {
    const root = doc.contents;
    const kind = str(get(root, 'kind')) ?? '';
    if (!isMap(root) || !TRAINING_JOB.test(kind)) continue;
    const job = jobResources(file, root);
    if (!job || job.notes.length === 0) continue;
    const facts = new Map(job.jobFacts.map((f) => [f.key, f]));
    const span = yamlSpan(get(root, 'kind') as Node) ?? { start: 0, end: 0 };
    out.push({
      plan: {
        framework: `${kind}`,
        entry: { file, span, label: `${kind} (its image's entry point trains: the command is not in this file)` },
        files: [file],
        facts,
        relevantSpans: job.jobFacts.flatMap((f) => (f.span ? [{ file, span: f.span, key: f.key }] : [])),
        edit: undefined,
      },
      kind: 'launcher',
      envPrecision: 'never',
      openEnded: true,
      refs: [],
      anchor: { file, span },
    });
  }
  return out;
}

/**
 * The commands a manifest's training containers run, each with the job's accelerators (per pod × pods) and GPU model
 * where the command does not state them. Undefined when the text is not a Kubernetes manifest.
 */
export function kubernetesCommands(file: string, text: string): LaunchCommand[] | undefined {
  if (!mayBeKubernetes(text)) return undefined;
  const docs = manifestDocuments(text);
  const out: LaunchCommand[] = [];
  for (const doc of docs.slice(0, MAX_DOCS)) {
    const root = doc.contents;
    if (!isMap(root) || !str(get(root, 'apiVersion'))) continue;
    const job = jobResources(file, root);
    if (!job) continue;
    const { groups, jobFacts, notes } = job;
    const pods = groups.reduce((n, g) => n + (g.replicas ?? 0), 0);
    // Master and Worker pods of one job run the same command: one run.
    const seen = new Set<string>();
    // The containers' commands; a RayJob's entrypoint runs on the cluster its pod groups make.
    const scripts: string[] = [];
    const entry = entrypointText(text, root);
    if (entry) scripts.push(entry);
    for (const g of groups)
      for (const c of containersOf(g)) {
        const script = commandText(text, c);
        if (script) scripts.push(script);
      }
    for (const script of scripts) {
      for (const cmd of parseLauncher(file, script)) {
        const key = `${cmd.tool} ${cmd.target?.path} ${[...cmd.fields.values()].map((f) => f.text).join(' ')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const own = cmd.facts.find((f) => f.key === 'devices');
        // A per-pod count (`torchrun --nproc_per_node=8` without --nnodes) runs in every pod of the job.
        const perPod =
          own &&
          /--nproc[_-]per[_-]node|--num_gpus/.test(own.note ?? '') &&
          !/--nnodes|--num_nodes/.test(own.note ?? '');
        // A RayJob's entrypoint runs once, on the head: its count is not repeated over the pods.
        if (own && typeof own.value === 'number' && perPod && pods > 1 && script !== entry) {
          own.value *= pods;
          own.note = `${own.note} × ${pods} pods`;
        }
        cmd.facts = cmd.facts.filter((f) => f.value !== null || !jobFacts.some((j) => j.key === f.key));
        const keys = new Set(cmd.facts.map((f) => f.key));
        for (const f of jobFacts) if (!keys.has(f.key)) cmd.facts.push(f);
        // A job (not a long-running service) that asks for accelerators runs to completion: a training launch
        // unless its script is named for another job (../launcher-run.ts).
        cmd.scheduled = notes.length > 0 && !SERVICES.includes(str(get(root, 'kind')) ?? '');
        out.push(cmd);
      }
    }
  }
  return out;
}

/** The YAML documents of a manifest, lenient (no strict mode, repeated keys allowed); none when it does not parse. */
function manifestDocuments(text: string): Document[] {
  try {
    const docs = parseAllDocuments(text, { strict: false, uniqueKeys: false }) as Document[];
    return Array.isArray(docs) ? docs : [];
  } catch {
    return [];
  }
}
