// `greenml init [DIR]`: writes a commented greenml.toml. Values come from flags; on a terminal the missing ones are
// asked (@inquirer/prompts, searchable over the core's tables). The local GPU is detected with `nvidia-smi` when it
// answers within a few seconds — the only process the CLI ever spawns outside `--changed-since`, and only here:
// check, estimate, plan and the server never spawn anything.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { resolveAccelerator, resolveRegion } from '../../../core/index';
import { UsageError } from '../options';
import { findAccelerators, findRegions } from './tables';

export interface InitValues {
  hardware?: string;
  devices?: number;
  region?: string;
}

export interface DetectedGpu {
  /** Accelerator id the core resolved the name to. */
  id: string;
  /** The name as nvidia-smi printed it. */
  name: string;
  count: number;
}

/**
 * Asks `nvidia-smi` for the GPU names (`--query-gpu=name --format=csv,noheader`). Undefined when it is absent,
 * fails, times out (3 s) or prints a name the tables do not know.
 */
export function detectGpu(timeoutMs = 3000): DetectedGpu | undefined {
  const r = spawnSync('nvidia-smi', ['--query-gpu=name', '--format=csv,noheader'], {
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (r.error || r.status !== 0 || typeof r.stdout !== 'string') return undefined;
  const names = r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  const hit = resolveAccelerator(names[0]);
  if (!hit.ok) return undefined;
  return { id: hit.value.id, name: names[0], count: names.filter((n) => n === names[0]).length };
}

const q = (s: string) => JSON.stringify(s);

/** The file's text: every key commented, the chosen values set, the others left as commented examples. */
export function initToml(v: InitValues, detected?: DetectedGpu): string {
  const hw = v.hardware ? resolveAccelerator(v.hardware) : undefined;
  const rg = v.region ? resolveRegion(v.region) : undefined;
  const line = (set: boolean, text: string) => (set ? text : `# ${text}`);
  return [
    '# Green ML Review settings (https://github.com/green-ml-review/green-ml-review#settings).',
    '# Read by the VS Code extension and the `greenml` CLI for this folder and below; wins over editor settings.',
    '# The same keys work under [tool.greenml] in pyproject.toml.',
    '',
    '# Accelerator the training runs on. Any spelling works ("A100-80GB", "NVIDIA H100 80GB HBM3", "tpu v3");',
    '# `greenml hardware [QUERY]` lists the known ones.',
    ...(detected ? [`# Detected with nvidia-smi: ${detected.count} × ${detected.name}.`] : []),
    ...(hw?.ok ? [`# Resolves to: ${hw.value.name}, ${hw.value.memoryGB} GB, ${hw.value.powerW} W.`] : []),
    line(!!v.hardware, `hardware = ${q(v.hardware ?? 'a100-80gb')}`),
    '',
    '# Number of accelerators the run uses (per run, all nodes together).',
    line(v.devices !== undefined, `devices = ${v.devices ?? 8}`),
    '',
    '# Where the electricity comes from: a cloud region or an ISO country code; `greenml regions [QUERY]` lists them.',
    ...(rg?.ok ? [`# Resolves to: ${rg.value.name}, ${rg.value.gPerKWh} g CO2e/kWh (${rg.value.year}).`] : []),
    line(!!v.region, `region = ${q(v.region ?? 'aws:us-east-1')}`),
    '',
    '# Optional: data-centre PUE (default: the provider’s, from the region) and grid intensity in g CO2e/kWh.',
    '# pue = 1.1',
    '# carbon-intensity = 385',
    '',
    '# Training examples per epoch when the dataset is not a known one (default: 50,000, said in the estimate).',
    '# dataset-size = 120000',
    '',
    '# Model for scripts that take it from the command line (a Hugging Face hub id).',
    '# model = "meta-llama/Llama-3.1-8B"',
    '',
    '# GML301 flags runs longer than this many GPU-hours that save no checkpoint along the way.',
    '# checkpoint-threshold-hours = 1',
    '',
    '# Per-rule severity: error, warning, information, hint or off (by code or name).',
    '# [severity]',
    '# GML101 = "error"',
    '# no-periodic-checkpoint = "off"',
    '',
  ].join('\n');
}

function check(v: InitValues): void {
  if (v.hardware) {
    const r = resolveAccelerator(v.hardware);
    if (!r.ok) throw new UsageError(r.message);
  }
  if (v.region) {
    const r = resolveRegion(v.region);
    if (!r.ok) throw new UsageError(r.message);
  }
  if (v.devices !== undefined && (!Number.isInteger(v.devices) || v.devices < 1))
    throw new UsageError(`--devices must be a whole number ≥ 1, got "${v.devices}"`);
}

/** Asks for what the flags did not give (terminal only). */
async function ask(v: InitValues, detected: DetectedGpu | undefined): Promise<InitValues> {
  const { search, number } = await import('@inquirer/prompts');
  const hardware =
    v.hardware ??
    (await search<string>({
      message: detected ? `Accelerator (detected: ${detected.name}; type to search)` : 'Accelerator (type to search)',
      source: (term) => {
        const rows = findAccelerators(term ?? detected?.id ?? '');
        const list = rows.length ? rows : findAccelerators('');
        return list.map((a) => ({ name: `${a.id}  ${a.name}`, value: a.id, description: `${a.memoryGB} GB` }));
      },
    }));
  const devices =
    v.devices ??
    (await number({ message: 'Accelerators per run', default: detected?.count ?? 1, min: 1, required: true }));
  const region =
    v.region ??
    (await search<string>({
      message: 'Region or country of the electricity (type to search, e.g. "us-east" or "France")',
      source: (term) =>
        findRegions(term ?? '').map((g) => ({
          name: `${g.id}  ${g.name} · ${g.gPerKWh.toFixed(0)} g/kWh`,
          value: g.id,
        })),
    }));
  return { hardware, devices: devices ?? undefined, region };
}

export function registerInit(program: Command, out: (s: string) => void): void {
  program
    .command('init')
    .description('write a commented greenml.toml (asks on a terminal; detects the local GPU with nvidia-smi)')
    .argument('[dir]', 'folder to write greenml.toml into', '.')
    .option('--hardware <id>', 'accelerator, e.g. a100-80gb, h100, l4 (`greenml hardware` lists them)')
    .option('--devices <n>', 'accelerators per run', (s) => Number(s))
    .option('--region <r>', 'aws:us-east-1, gcp:europe-west4, azure:westeurope or an ISO country code')
    .option('--yes', 'ask nothing: use the flags and what was detected')
    .option('--no-detect', 'do not run nvidia-smi')
    .option('--force', 'overwrite an existing greenml.toml')
    .option('--stdout', 'print the file instead of writing it')
    .action(async (dir: string, o) => {
      const file = path.join(dir, 'greenml.toml');
      if (!o.stdout && fs.existsSync(file) && !o.force)
        throw new UsageError(`${file} exists; use --force to overwrite it or --stdout to print a new one`);
      let values: InitValues = { hardware: o.hardware, devices: o.devices, region: o.region };
      check(values);
      const detected = o.detect === false ? undefined : detectGpu();
      if (detected && !values.hardware) values.hardware = detected.id;
      if (detected && values.devices === undefined) values.devices = detected.count;
      const interactive = !o.yes && !o.stdout && process.stdin.isTTY && process.stdout.isTTY;
      if (interactive && (!o.hardware || o.devices === undefined || !o.region)) {
        values = await ask({ hardware: o.hardware, devices: o.devices, region: o.region }, detected);
        check(values);
      }
      const text = initToml(values, detected);
      if (o.stdout) {
        out(text.trimEnd());
        return;
      }
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, text);
      out(`Wrote ${file}${detected ? ` (detected ${detected.count} × ${detected.name})` : ''}.`);
      const missing = (['hardware', 'devices', 'region'] as const).filter((k) => values[k] === undefined);
      if (missing.length) out(`Not set: ${missing.join(', ')} — edit the file, or run \`greenml init --force\`.`);
      out('Next: greenml check .   (the VS Code extension reads the same file)');
    });
}
