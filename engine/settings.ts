// Resolved settings for one workspace folder: editor settings (from the client) overlaid by the workspace file
// (`greenml.toml`, or `[tool.greenml]` in `pyproject.toml`), which wins. The CLI reads the same file.
import type { Fact, Severity } from './types';

export type RuleSeverity = Severity | 'off';

export interface Settings {
  /** Accelerator name, any spelling `resolveAccelerator` understands. */
  hardware?: string;
  devices?: number;
  /** `aws:us-east-1`, `gcp:europe-west4`, `azure:westeurope`, or an ISO country code. */
  region?: string;
  pue?: number;
  /** g CO2e per kWh; wins over region. */
  carbonIntensity?: number;
  /** Model (hub id) for scripts that take it from the command line. */
  model?: string;
  /** Training examples per epoch when the dataset is not known. */
  datasetSize?: number;
  /** A run longer than this many GPU-hours must be able to survive an interruption (GML301). */
  checkpointThresholdHours: number;
  /** A quantified waste below this many kWh per run is information at most, and hidden by the CLI unless asked. */
  minSavingKWh: number;
  /** Only these rules (codes, code prefixes such as `GML3`, or names); undefined = all. */
  select?: string[];
  /** Skip these rules (codes, prefixes or names). */
  ignore?: string[];
  /** Glob (relative to the workspace file's folder, or absolute) → rules skipped in matching files. */
  perFileIgnores?: Record<string, string[]>;
  /** Folder the per-file-ignores globs are relative to (the workspace file's). */
  configDir?: string;
  severity: Record<string, RuleSeverity>;
  /** More folders (absolute) whose files a link may read, besides the workspace (`greenml.extraRoots`, `extra-roots`). */
  extraRoots?: string[];
  /** gitignore-style patterns of files a folder walk leaves out (`exclude`), relative to `excludeBase`. */
  exclude?: string[];
  excludeBase?: string;
  /**
   * What the analysed notebook's metadata says of its runtime (./extract/notebook-runtime.ts): facts of the file, not
   * settings, that fill only what the code leaves open. Set per notebook by its analysis, never by a workspace file.
   */
  notebookRuntime?: Fact[];
  /** Where each value came from ("greenml.toml", "VS Code settings"), for hovers and `greenml plan`. */
  sources: Partial<Record<keyof Settings, string>>;
}

export const DEFAULT_SETTINGS: Settings = {
  checkpointThresholdHours: 1,
  minSavingKWh: 0.1,
  severity: {},
  sources: {},
};

/** The keys a workspace file may set, with their Settings names. */
export const FILE_KEYS: Record<string, keyof Settings> = {
  hardware: 'hardware',
  devices: 'devices',
  region: 'region',
  pue: 'pue',
  'carbon-intensity': 'carbonIntensity',
  'dataset-size': 'datasetSize',
  model: 'model',
  'checkpoint-threshold-hours': 'checkpointThresholdHours',
  'min-saving-kwh': 'minSavingKWh',
  'extra-roots': 'extraRoots',
  exclude: 'exclude',
};

/** Merge layers, later wins; `sources` records the winner of each key. */
export function mergeSettings(...layers: { values: Partial<Settings>; source: string }[]): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, severity: {}, sources: {} };
  for (const { values, source } of layers) {
    for (const [k, v] of Object.entries(values) as [keyof Settings, unknown][]) {
      if (v === undefined || v === null || v === '' || k === 'sources') continue;
      if (k === 'severity') {
        Object.assign(out.severity, v);
        continue;
      }
      if (k === 'extraRoots') {
        out.extraRoots = [...new Set([...(out.extraRoots ?? []), ...(v as string[])])];
        out.sources.extraRoots = source;
        continue;
      }
      (out as unknown as Record<string, unknown>)[k] = v;
      out.sources[k] = source;
    }
  }
  return out;
}
