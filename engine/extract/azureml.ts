// Azure Machine Learning command jobs (`$schema: …/commandJob.schema.json`, or a top-level `command:` with Azure ML's
// `compute:`/`environment:`/`distribution:`/`resources:` keys; https://learn.microsoft.com/en-us/azure/machine-learning/reference-yaml-job-command):
// the `command:` line, read by the launcher parser at its place in the YAML file and run in the job's `code:` folder,
// and the processes the job starts — `distribution.process_count_per_instance` per node × `resources.instance_count`
// nodes, read through the vocabulary's one device table (../vocabulary/devices.ts). A distributed job that writes no
// per-instance count starts one process per node (the same page: "process_count_per_instance … defaults to 1").
// A job without `distribution:` starts the command once; how many GPUs it drives is the script's affair.
// `${{inputs.x}}` is replaced by the job's own `inputs.x` value where it is a plain number or word.
// Nothing here reaches Azure.
import * as path from 'node:path';
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { parseYaml, yamlPair, yamlSpan } from '../parse/yaml';
import type { Fact } from '../types';
import { readVocabulary } from '../vocabulary/read';
import { yamlEntries } from './generic/yaml-json';
import { parseLauncher, type LaunchCommand } from './launcher';
import { relocate, runBlock } from './skypilot';

export const AZURE_KEYS = ['compute', 'environment', 'distribution', 'resources', 'code', 'experiment_name'];

/** Cheap test on the text: Azure ML's job schema, or `command:` with two of its keys at the top level. */
export const mayBeAzureJob = (text: string) =>
  /azuremlschemas\.azureedge\.net\/.*commandJob/.test(text) ||
  (/^command\s*:/m.test(text) && AZURE_KEYS.filter((k) => new RegExp(`^${k}\\s*:`, 'm').test(text)).length >= 2);

/** The job's devices: per instance × instances through the device table; one process per instance when unwritten. */
function jobDevices(file: string, text: string, doc: Parameters<typeof yamlPair>[0]): Fact | undefined {
  const dist = yamlPair(doc, ['distribution']);
  if (!isMap(dist.node)) return undefined;
  const set = yamlEntries(file, text);
  const own = set ? readVocabulary([set], undefined).facts.get('devices') : undefined;
  if (own && typeof own.value === 'number')
    return { ...own, origin: 'explicit', note: own.note?.replace(/^inferred from key `[^`]*`: /, '') };
  const n = yamlPair(doc, ['resources', 'instance_count']);
  const count = isScalar(n.node) && typeof n.node.value === 'number' ? n.node.value : 1;
  const at = yamlSpan(dist.pair?.key as Node | undefined);
  return {
    origin: 'explicit',
    file,
    span: at,
    key: 'devices',
    value: count,
    note: `distribution without process_count_per_instance: one process on each of ${count} instance${count === 1 ? '' : 's'}`,
  };
}

/** The command an Azure ML command job runs, with the job's devices. Undefined when the text is not such a job. */
export function azuremlCommands(file: string, text: string): LaunchCommand[] | undefined {
  if (!mayBeAzureJob(text)) return undefined;
  const { doc } = parseYaml(text);
  if (!doc || !isMap(doc.contents)) return undefined;
  const command = yamlPair(doc, ['command']).node;
  const b = runBlock(text, command as Node);
  if (!b) return undefined;
  // `${{inputs.epochs}}` → the input's value (same length kept impossible: the command is parsed apart, then moved).
  const inputs = yamlPair(doc, ['inputs']).node;
  const values = new Map<string, string>();
  for (const p of isMap(inputs) ? (inputs.items as Pair[]) : [])
    if (isScalar(p.key) && isScalar(p.value) && /^[\w.-]+$/.test(String(p.value.value ?? '')))
      values.set(String(p.key.value), String(p.value.value));
  const body = b.body.replace(/\$\{\{\s*inputs\.(\w+)\s*\}\}/g, (m, k: string) => {
    const v = values.get(k);
    return v !== undefined && v.length <= m.length ? v.padEnd(m.length) : m;
  });
  const code = yamlPair(doc, ['code']).node;
  const folder = isScalar(code) && typeof code.value === 'string' && !/^azureml:/.test(code.value) ? code.value : '';
  const dev = jobDevices(file, text, doc);
  return parseLauncher(file, body).map((cmd) => {
    const c = relocate(cmd, b.start, file);
    // The command runs in the `code:` folder: its script is found there.
    if (c.target && folder && c.target.kind === 'script' && !path.isAbsolute(c.target.path))
      c.target = { ...c.target, path: path.posix.join(folder.replace(/^\.\//, ''), c.target.path) };
    if (dev && !c.facts.some((f) => f.key === 'devices' && f.value !== null)) {
      c.facts = c.facts.filter((f) => f.key !== 'devices');
      c.facts.push(dev);
    }
    c.scheduled = true;
    return c;
  });
}
