// dstack task configurations (`.dstack.yml`, `type: task`; https://dstack.ai/docs/concepts/tasks/ and
// https://dstack.ai/docs/reference/dstack.yml/task/): `commands:` (shell lines, read by the launcher parser like a
// shell launcher's, at their positions in the YAML file), `env:` (set before the commands run), `nodes:` and
// `resources.gpu`. A task is a launcher: it gives the scripts it runs their GPU model and device count.
// Nothing here reaches dstack or a cloud.
//
// `resources.gpu` forms read (dstack docs, "Resources"):
// | form                               | GPU model      | devices per node                           |
// | `H100:8`, `A100:40GB:2`, `80GB:8`  | the name, if any | the count                                |
// | `24GB..:1`, `nvidia:2`             | none           | the count                                  |
// | `H100`, `24GB..`, `A100:1..2`      | the name, if any | unknown: no count, or a range ("1.." by default) |
// | `{name: [H100, A100], count: 8}`   | unknown (any of) | `count` when it is one number            |
// Devices = per node × `nodes` (multi-node tasks run the commands on every node).
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { parseYaml, yamlPair, yamlSpan } from '../parse/yaml';
import type { Fact } from '../types';
import { parseLauncher, type LaunchCommand } from './launcher';
import { relocate, runBlock } from './skypilot';

/** Cheap test on the text: a task has top-level `type: task` and `commands:`. */
export const mayBeDstack = (text: string) =>
  /^type\s*:\s*["']?task["']?\s*$/m.test(text) && /^commands\s*:/m.test(text);

const VENDORS = new Set(['nvidia', 'amd', 'google', 'intel', 'tenstorrent']);

interface GpuSpec {
  names: string[];
  count: number | undefined;
}

/** One count token: `8` → 8, `2..2` → 2, a range or none → undefined. */
function countOf(v: unknown): number | undefined {
  const s = String(v ?? '').trim();
  if (/^\d+$/.test(s)) return Number(s);
  const r = /^(\d+)\.\.(\d+)$/.exec(s);
  return r && r[1] === r[2] ? Number(r[1]) : undefined;
}

function gpuSpec(node: unknown): GpuSpec | undefined {
  if (isScalar(node) && typeof node.value === 'number') return { names: [], count: countOf(node.value) };
  if (isScalar(node) && typeof node.value === 'string') {
    const names: string[] = [];
    let count: number | undefined;
    for (const t of node.value.split(':').map((x) => x.trim())) {
      if (/^\d+(\.\.\d*)?$|^\.\.\d+$/.test(t)) count = countOf(t);
      else if (/^\d*(\.\d+)?(GB|MB|TB)?\.\.|GB$|MB$|TB$/i.test(t)) continue;
      else if (/^[A-Za-z][\w-]*(,[A-Za-z][\w-]*)*$/.test(t)) {
        for (const n of t.split(',')) if (!VENDORS.has(n.toLowerCase())) names.push(n);
      } else return undefined;
    }
    return { names, count };
  }
  if (isMap(node)) {
    const name = (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'name')?.value;
    const count = (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'count')?.value;
    const names = isScalar(name)
      ? [String(name.value)]
      : isSeq(name)
        ? name.items.map((i) => (isScalar(i) ? String(i.value) : ''))
        : [];
    return { names: names.filter(Boolean), count: isScalar(count) ? countOf(count.value) : undefined };
  }
  return undefined;
}

/**
 * The commands a dstack task runs, with the task's GPU model and device count (per node × `nodes`) where the
 * command does not set them. Undefined when the text is not a dstack task.
 */
export function dstackCommands(file: string, text: string): LaunchCommand[] | undefined {
  if (!mayBeDstack(text)) return undefined;
  const { doc } = parseYaml(text);
  if (!doc || !isMap(doc.contents)) return undefined;
  const type = yamlPair(doc, ['type']).node;
  const commands = yamlPair(doc, ['commands']).node;
  if (!isScalar(type) || type.value !== 'task' || !isSeq(commands)) return undefined;
  // Precision: a `type: task` YAML of another tool is not a dstack task unless it is named so or has dstack's keys.
  const keys = (doc.contents.items as Pair[]).map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  if (!/\.dstack\.ya?ml$/i.test(file) && !['resources', 'python', 'image', 'nodes'].some((k) => keys.includes(k)))
    return undefined;
  // The command lines at their own offsets; everything else blank (newlines kept, so each item is its own line).
  const out: string[] = Array.from(text, (ch) => (ch === '\n' ? '\n' : ' '));
  for (const item of commands.items) {
    const b = runBlock(text, item as Node);
    if (!b) continue;
    const body = b.body.replace(/\n/g, isScalar(item) && (item as Scalar).type === 'PLAIN' ? ' ' : '\n');
    for (let i = 0; i < body.length; i++) out[b.start + i] = body[i];
  }
  const shellQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
  // `env:` as `- KEY=value` items or a map: assignments ahead of the commands, so `$MODEL` resolves.
  const env = yamlPair(doc, ['env']).node;
  const pairs: [string, string][] = isSeq(env)
    ? env.items.flatMap((i) => {
        const m = isScalar(i) && typeof i.value === 'string' ? /^([A-Za-z_]\w*)=(.*)$/.exec(i.value) : null;
        return m ? [[m[1], m[2]] as [string, string]] : [];
      })
    : isMap(env)
      ? (env.items as Pair[]).flatMap((p) =>
          isScalar(p.key) && isScalar(p.value) && p.value.value !== null && /^[A-Za-z_]\w*$/.test(String(p.key.value))
            ? [[String(p.key.value), String(p.value.value)] as [string, string]]
            : [],
        )
      : [];
  const prefix = pairs.map(([k, v]) => `${k}=${shellQuote(v)}\n`).join('');
  const factAt = (p: string[]) => {
    const { pair } = yamlPair(doc, p);
    const k = yamlSpan(pair?.key as Node | undefined);
    const v = yamlSpan(pair?.value as Node | undefined);
    return k ? { start: k.start, end: v?.end ?? k.end } : undefined;
  };
  const nodesNode = yamlPair(doc, ['nodes']).node;
  const nodes =
    isScalar(nodesNode) && typeof nodesNode.value === 'number' && nodesNode.value >= 1 ? nodesNode.value : 1;
  const gpuNode = yamlPair(doc, ['resources', 'gpu']).node;
  const spec = gpuNode == null ? undefined : gpuSpec(gpuNode);
  const taskFacts: Fact[] = [];
  const at = factAt(['resources', 'gpu']);
  const gpuText = at && text.slice(at.start, at.end).replace(/\s+/g, ' ');
  const base = { origin: 'explicit' as const, file, span: at };
  const onNodes = nodes > 1 ? ` × nodes: ${nodes}` : '';
  if (spec && spec.names.length === 1)
    taskFacts.push({ ...base, key: 'hardware', value: spec.names[0].toLowerCase(), note: gpuText });
  else if (spec && spec.names.length > 1)
    taskFacts.push({ ...base, key: 'hardware', value: null, note: `${gpuText}: any of these, chosen at launch` });
  if (spec && spec.count !== undefined)
    taskFacts.push({ ...base, key: 'devices', value: spec.count * nodes, note: `${gpuText}${onNodes}` });
  else if (spec)
    taskFacts.push({
      ...base,
      key: 'devices',
      value: null,
      note: `${gpuText}: no single GPU count, dstack provisions one or more${onNodes}`,
    });
  const d = -prefix.length;
  return parseLauncher(file, prefix + out.join('')).map((cmd) => {
    const c = relocate(cmd, d, file);
    // A count left to a variable (`--nproc_per_node=$DSTACK_GPUS_PER_NODE`) is the task's.
    c.facts = c.facts.filter((f) => f.value !== null || !taskFacts.some((t) => t.key === f.key));
    const own = new Set(c.facts.map((f) => f.key));
    const devices = c.facts.find((f) => f.key === 'devices');
    // torchrun --nproc_per_node=N / deepspeed --num_gpus N count one node's processes.
    if (
      devices &&
      nodes > 1 &&
      typeof devices.value === 'number' &&
      /--nproc_per_node|--num_gpus/.test(devices.note ?? '') &&
      !/--nnodes|--num_nodes/.test(devices.note ?? '')
    ) {
      devices.value *= nodes;
      devices.note = `${devices.note} × nodes: ${nodes} (${file.split('/').pop()})`;
    }
    for (const f of taskFacts) if (!own.has(f.key)) c.facts.push(f);
    return c;
  });
}
