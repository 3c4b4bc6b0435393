// `--hardware`, `--devices` and `--region` for `check` (and the file-scanning `estimate`): a quick try without a
// greenml.toml. They win over the workspace file; a name the tables do not know is a usage error with suggestions.
import type { Command } from 'commander';
import { resolveAccelerator, resolveRegion } from '../../../core/index';
import type { Settings } from '../../../engine/settings';
import { UsageError } from '../options';

export function addRunOptions(cmd: Command): Command {
  return cmd
    .option('--hardware <id>', 'accelerator the runs use, e.g. a100-80gb, h100, l4 (`greenml hardware` lists them)')
    .option('--devices <n>', 'accelerators per run', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--devices must be a whole number ≥ 1, got "${v}"`);
      return n;
    })
    .option('--region <r>', 'aws:us-east-1, gcp:europe-west4, azure:westeurope or an ISO code (`greenml regions`)');
}

/** Lays the flags over the settings (and records them as the source), after checking the names. */
export function applyRunOptions(settings: Settings, o: { hardware?: string; devices?: number; region?: string }): void {
  if (o.hardware !== undefined) {
    const r = resolveAccelerator(o.hardware);
    if (!r.ok) throw new UsageError(r.message);
    settings.hardware = o.hardware;
    settings.sources.hardware = '--hardware';
  }
  if (o.devices !== undefined) {
    settings.devices = o.devices;
    settings.sources.devices = '--devices';
  }
  if (o.region !== undefined) {
    const r = resolveRegion(o.region);
    if (!r.ok) throw new UsageError(r.message);
    settings.region = o.region;
    settings.sources.region = '--region';
  }
}
