// MosaicML (Databricks Mosaic AI training) run configurations, submitted with `mcli run -f run.yaml`
// (https://docs.mosaicml.com/projects/mcli/en/latest/training/yaml_schema.html and "Managing Compute",
// https://docs.mosaicml.com/projects/mcli/en/latest/quick_start/managing_clusters.html, 2024): `image:`, `command:`
// (shell lines run in the container, read by the launcher parser at their place in the YAML file), `env_variables:`
// (set before the command runs: a mapping, or the older list of `{key, value}` items), and the GPUs the run gets —
// `compute.gpus` (the run's total: "launch a multi-node cluster … with 16 A100 GPUs: gpus: 16"), or the older
// top-level `gpu_num`; `compute.gpu_type` / `gpu_type` name the accelerator. A run config is a launcher: it gives the
// script its command starts the run's GPU count. A count the command leaves to a variable's default
// (`--nproc_per_node=${LOCAL_WORLD_SIZE:-1}`, the count of a command started outside the platform) gives way to the
// count the run requests. Nothing here reaches MosaicML.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parseYaml, yamlPair, yamlSpan } from '../parse/yaml';
import type { Fact } from '../types';
import { parseLauncher, type LaunchCommand } from './launcher';
import { relocate, runBlock } from './skypilot';

/** Cheap test on the text: `image:` and `command:` at the top level, with `compute:` or the older `gpu_num:`. */
export const mayBeMosaicRun = (text: string) =>
  /^image\s*:/m.test(text) && /^command\s*:/m.test(text) && /^(compute|gpu_num)\s*:/m.test(text);

const COMPUTE_KEYS = ['gpus', 'gpu_type', 'cluster', 'nodes', 'instance'];

const num = (n: unknown) => (isScalar(n) && typeof n.value === 'number' && n.value >= 0 ? n.value : undefined);

/** The command a MosaicML run config starts, with the run's GPU count. Undefined when the text is not such a config. */
export function mosaicmlCommands(file: string, text: string): LaunchCommand[] | undefined {
  if (!mayBeMosaicRun(text)) return undefined;
  const { doc } = parseYaml(text);
  if (!doc || !isMap(doc.contents)) return undefined;
  const command = yamlPair(doc, ['command']).node;
  const compute = yamlPair(doc, ['compute']).node;
  const legacyGpus = yamlPair(doc, ['gpu_num']).node;
  const computeKeys = isMap(compute)
    ? (compute.items as Pair[]).map((p) => (isScalar(p.key) ? String(p.key.value) : ''))
    : [];
  // Precision: Azure ML jobs also have `command:` and `compute:`, but their compute is a name, not a mapping.
  if (!isScalar(command) || typeof command.value !== 'string') return undefined;
  if (!computeKeys.some((k) => COMPUTE_KEYS.includes(k)) && num(legacyGpus) === undefined) return undefined;
  const b = runBlock(text, command as Node);
  if (!b) return undefined;
  const out: string[] = Array.from(text, (ch) => (ch === '\n' ? '\n' : ' '));
  for (let i = 0; i < b.body.length; i++) out[b.start + i] = b.body[i];
  // Double quotes where nothing in the value expands, so a several-word value (`--config_path x.yaml`) splits into
  // its words where the command expands it unquoted, as the shell does; single quotes otherwise.
  const shellQuote = (v: string) => (/[$`"\\]/.test(v) ? `'${v.replace(/'/g, `'\\''`)}'` : `"${v}"`);
  const env = yamlPair(doc, ['env_variables']).node;
  const pairs: [string, string][] = isMap(env)
    ? (env.items as Pair[]).flatMap((p) =>
        isScalar(p.key) && isScalar(p.value) && p.value.value !== null && /^[A-Za-z_]\w*$/.test(String(p.key.value))
          ? [[String(p.key.value), String(p.value.value)] as [string, string]]
          : [],
      )
    : isSeq(env)
      ? env.items.flatMap((i) => {
          if (!isMap(i)) return [];
          const get = (k: string) => (i.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === k)?.value;
          const k = get('key');
          const v = get('value');
          return isScalar(k) && isScalar(v) && v.value !== null && /^[A-Za-z_]\w*$/.test(String(k.value))
            ? [[String(k.value), String(v.value)] as [string, string]]
            : [];
        })
      : [];
  const prefix = pairs.map(([k, v]) => `${k}=${shellQuote(v)}\n`).join('');
  const gpusPath = num(yamlPair(doc, ['compute', 'gpus']).node) !== undefined ? ['compute', 'gpus'] : ['gpu_num'];
  const gpus = num(yamlPair(doc, gpusPath).node);
  const { pair } = yamlPair(doc, gpusPath);
  const k = yamlSpan(pair?.key as Node | undefined);
  const v = yamlSpan(pair?.value as Node | undefined);
  const span = k ? { start: k.start, end: v?.end ?? k.end } : undefined;
  const runFacts: Fact[] =
    gpus !== undefined && gpus > 0
      ? [{ key: 'devices', value: gpus, origin: 'explicit', file, span, note: `${gpusPath.join('.')}: ${gpus}` }]
      : [];
  const d = -prefix.length;
  return parseLauncher(file, prefix + out.join('')).map((cmd) => {
    const c = relocate(cmd, d, file);
    // A count left to a variable (unset, or its default) is the one the run requests.
    c.facts = c.facts.filter(
      (f) => !runFacts.some((t) => t.key === f.key) || (f.value !== null && f.origin === 'explicit'),
    );
    const own = new Set(c.facts.map((f) => f.key));
    for (const f of runFacts) if (!own.has(f.key)) c.facts.push(f);
    return c;
  });
}
