// SkyPilot task YAML (`sky launch task.yaml`): `resources:` (accelerators `A100:8`, `{H100: 8}`, cloud, region or
// `infra: aws/us-east-1`), `num_nodes`, `envs`, and the `run:` script, whose commands are read by the launcher parser
// (./launcher) with positions in the YAML file. A task is a launcher: it gives the scripts it runs their hardware,
// device count and region. Nothing here reaches SkyPilot or a cloud.
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { parseYaml, yamlPair, yamlSpan } from '../parse/yaml';
import type { Fact, OffsetEdit, Span } from '../types';
import { parseLauncher, type LaunchCommand } from './launcher';

/** Clouds whose regions the footprint core knows (grid intensity by region). */
const CLOUDS: Record<string, string> = { aws: 'aws', gcp: 'gcp', azure: 'azure' };

/** Cheap test on the text: a SkyPilot task has top-level `resources:` and `run:`. */
export const mayBeSkyPilot = (text: string) => /^resources\s*:/m.test(text) && /^run\s*:/m.test(text);

interface Accel {
  name: string;
  count: number;
}

function parseAccel(s: string): Accel | undefined {
  const m = /^\s*([A-Za-z][\w.-]*)\s*(?::\s*(\d+(?:\.\d+)?))?\s*$/.exec(s);
  return m ? { name: m[1], count: m[2] ? Number(m[2]) : 1 } : undefined;
}

/** `A100:8`, `{A100: 8}`, `[A100:8, H100:8]`, `{A100:8, H100:8}` (any of): the candidates. */
function accelerators(node: unknown): Accel[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') {
    const a = parseAccel(node.value);
    return a ? [a] : undefined;
  }
  if (isSeq(node)) {
    const out = node.items.map((i) => (isScalar(i) && typeof i.value === 'string' ? parseAccel(i.value) : undefined));
    return out.every(Boolean) ? (out as Accel[]) : undefined;
  }
  if (isMap(node)) {
    const out: Accel[] = [];
    for (const p of node.items as Pair[]) {
      if (!isScalar(p.key)) return undefined;
      const v = isScalar(p.value) ? p.value.value : null;
      out.push({
        name: String(p.key.value),
        count: typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : 1,
      });
    }
    return out.length ? out : undefined;
  }
  return undefined;
}

const shellQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

/** The `run:` script's text and where it starts in the file (block scalars keep their raw lines). */
export function runBlock(text: string, node: Node | null | undefined): { body: string; start: number } | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const r = yamlSpan(node as Scalar);
  if (!r) return undefined;
  const raw = text.slice(r.start, r.end);
  const type = (node as Scalar).type;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const nl = raw.indexOf('\n');
    if (nl === -1) return undefined;
    const body = raw.slice(nl + 1);
    // Folded lines are one line to the shell: newlines become spaces (same length, same offsets).
    return { body: type === 'BLOCK_FOLDED' ? body.replace(/\n(?=[ \t]*\S)/g, ' ') : body, start: r.start + nl + 1 };
  }
  if (type === 'PLAIN') return { body: raw, start: r.start };
  if ((type === 'QUOTE_DOUBLE' && !raw.includes('\\')) || (type === 'QUOTE_SINGLE' && !raw.slice(1, -1).includes("''")))
    return { body: raw.slice(1, -1), start: r.start + 1 };
  return undefined;
}

const moveSpan = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });
const moveEdits = (e: OffsetEdit[] | undefined, d: number, file: string) =>
  e?.map((x) => ({ ...x, file, start: x.start + d, end: x.end + d }));

/** A command parsed from the synthetic script, moved to the YAML file's offsets. */
export function relocate(cmd: LaunchCommand, d: number, file: string): LaunchCommand {
  const fact = (f: Fact): Fact => ({ ...f, file, span: f.span && moveSpan(f.span, d) });
  const word = <W extends { span: Span }>(w: W): W => ({ ...w, span: moveSpan(w.span, d) });
  const editEnv = cmd.editEnv;
  return {
    ...cmd,
    file,
    span: moveSpan(cmd.span, d),
    target: cmd.target && { ...cmd.target, word: word(cmd.target.word) },
    fields: new Map([...cmd.fields].map(([k, f]) => [k, { ...f, file, span: moveSpan(f.span, d) }])),
    write: (name, v) => moveEdits(cmd.write(name, v), d, file),
    facts: cmd.facts.map(fact),
    envFacts: cmd.envFacts.map(fact),
    editEnv: editEnv && ((v) => moveEdits(editEnv(v), d, file)),
    refs: cmd.refs.map((r) => ({ ...r, file, span: moveSpan(r.span, d) })),
    positionals: cmd.positionals.map(word),
  };
}

/**
 * `file_mounts:` entries that copy a local folder of the task's tree to a remote path (`/sft: ./sft`), as
 * [remote, local] with the longest remote path first. Buckets (`s3://…`, `source:` maps) and home-relative or
 * absolute local paths are left out: only a path relative to the task file can be found beside it.
 */
function localMounts(node: unknown): [string, string][] {
  if (!isMap(node)) return [];
  const out: [string, string][] = [];
  for (const p of node.items as Pair[]) {
    if (!isScalar(p.key) || !isScalar(p.value) || typeof p.key.value !== 'string' || typeof p.value.value !== 'string')
      continue;
    const remote = p.key.value.replace(/\/+$/, '');
    const local = p.value.value;
    if (!remote || /:\/\/|^[~/$]|\.\.(\/|$)/.test(local) || /[$`*?]/.test(remote)) continue;
    out.push([remote, local]);
  }
  return out.sort((a, b) => b[0].length - a[0].length);
}

/**
 * The commands a SkyPilot task runs, with the task's hardware, device count (GPUs per node × `num_nodes`) and
 * region added where the command does not set them. Undefined when the text is not a SkyPilot task.
 */
export function skypilotCommands(file: string, text: string): LaunchCommand[] | undefined {
  if (!mayBeSkyPilot(text)) return undefined;
  const { doc } = parseYaml(text);
  if (!doc || !isMap(doc.contents)) return undefined;
  const resources = yamlPair(doc, ['resources']);
  const run = yamlPair(doc, ['run']);
  if (!run.pair || (resources.node !== undefined && resources.node !== null && !isMap(resources.node)))
    return undefined;
  const block = runBlock(text, run.node);
  if (!block) return [];
  const factAt = (p: string[]) => {
    const { pair } = yamlPair(doc, p);
    const k = yamlSpan(pair?.key as Node | undefined);
    const v = yamlSpan(pair?.value as Node | undefined);
    return k ? { start: k.start, end: v?.end ?? k.end } : undefined;
  };
  const base = (p: string[]) => ({ origin: 'explicit' as const, file, span: factAt(p) });
  const taskFacts: Fact[] = [];
  const nodesNode = yamlPair(doc, ['num_nodes']).node;
  const nodes =
    isScalar(nodesNode) && typeof nodesNode.value === 'number' && nodesNode.value >= 1 ? nodesNode.value : 1;
  const acc = accelerators(yamlPair(doc, ['resources', 'accelerators']).node);
  const accSpan = factAt(['resources', 'accelerators']);
  const accText = accSpan && text.slice(accSpan.start, accSpan.end).replace(/\s+/g, ' ');
  if (acc && acc.length === 1) {
    taskFacts.push({
      ...base(['resources', 'accelerators']),
      key: 'hardware',
      value: acc[0].name.toLowerCase(),
      note: accText,
    });
    taskFacts.push({
      ...base(['resources', 'accelerators']),
      key: 'devices',
      value: acc[0].count * nodes,
      note: `${accText}${nodes > 1 ? ` × num_nodes: ${nodes}` : ''}`,
    });
  } else if (acc && acc.length > 1) {
    taskFacts.push({
      ...base(['resources', 'accelerators']),
      key: 'hardware',
      value: null,
      note: `${accText}: any of these, chosen at launch`,
    });
    if (new Set(acc.map((a) => a.count)).size === 1)
      taskFacts.push({
        ...base(['resources', 'accelerators']),
        key: 'devices',
        value: acc[0].count * nodes,
        note: `${accText}${nodes > 1 ? ` × num_nodes: ${nodes}` : ''}`,
      });
  } else if (
    !['accelerators', 'instance_type', 'any_of', 'ordered', 'image_id'].some(
      (k) => yamlPair(doc, ['resources', k]).pair,
    )
  ) {
    taskFacts.push({
      ...base(['resources']),
      key: 'hardware',
      value: 'cpu',
      note: 'resources: no accelerators, no instance_type: a CPU machine',
    });
  }
  const infra = yamlPair(doc, ['resources', 'infra']).node;
  const cloud = yamlPair(doc, ['resources', 'cloud']).node;
  const region = yamlPair(doc, ['resources', 'region']).node;
  const infraParts = isScalar(infra) && typeof infra.value === 'string' ? infra.value.split('/') : undefined;
  const provider = CLOUDS[String(infraParts?.[0] ?? (isScalar(cloud) ? cloud.value : '')).toLowerCase()];
  const regionId = infraParts?.[1] ?? (isScalar(region) && typeof region.value === 'string' ? region.value : undefined);
  if (provider && regionId)
    taskFacts.push({
      ...base(infraParts ? ['resources', 'infra'] : ['resources', 'region']),
      key: 'region',
      value: `${provider}:${regionId}`,
      note: infraParts
        ? `infra: ${infra && isScalar(infra) ? infra.value : ''}`
        : `cloud: ${provider}, region: ${regionId}`,
    });
  // `envs:` are set before `run:` runs: they become assignments ahead of the script, so `$MODEL` resolves.
  const envs = yamlPair(doc, ['envs']).node;
  const prefix = isMap(envs)
    ? (envs.items as Pair[])
        .filter(
          (p) =>
            isScalar(p.key) &&
            /^[A-Za-z_]\w*$/.test(String(p.key.value)) &&
            isScalar(p.value) &&
            p.value.value !== null,
        )
        .map((p) => `${String((p.key as Scalar).value)}=${shellQuote(String((p.value as Scalar).value))}\n`)
        .join('')
    : '';
  const d = block.start - prefix.length;
  const mounts = localMounts(yamlPair(doc, ['file_mounts']).node);
  return parseLauncher(file, prefix + block.body).map((cmd) => {
    const c = relocate(cmd, d, file);
    // `python /sft/train.py` with `file_mounts: {/sft: ./sft}`: the script is the task folder's ./sft/train.py.
    const t = c.target;
    if (t && t.kind !== 'module' && !t.word.unresolved) {
      const m = mounts.find(([remote]) => t.path.startsWith(`${remote}/`));
      if (m) c.target = { ...t, path: `${m[1].replace(/\/+$/, '')}/${t.path.slice(m[0].length + 1)}` };
    }
    // A count left to a variable (`--nproc_per_node=$SKYPILOT_NUM_GPUS_PER_NODE`) is the task's.
    c.facts = c.facts.filter((f) => f.value !== null || !taskFacts.some((t) => t.key === f.key));
    const own = new Set(c.facts.map((f) => f.key));
    const devices = c.facts.find((f) => f.key === 'devices');
    // torchrun --nproc_per_node=N / deepspeed --num_gpus N count one node's processes.
    if (
      devices &&
      nodes > 1 &&
      /--nproc_per_node|--num_gpus/.test(devices.note ?? '') &&
      !/--nnodes|--num_nodes/.test(devices.note ?? '') &&
      typeof devices.value === 'number'
    ) {
      devices.value *= nodes;
      devices.note = `${devices.note} × num_nodes: ${nodes} (${file.split('/').pop()})`;
    }
    for (const f of taskFacts) if (!own.has(f.key)) c.facts.push(f);
    return c;
  });
}
