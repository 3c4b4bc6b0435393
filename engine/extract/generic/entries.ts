// The generic reader's output: every setting a structured source writes, as a key path with its value, its span and
// (where the syntax allows) a writer that replaces the value in the file's own syntax. One shape for YAML, TOML,
// INI, JSON, Python config objects, shell flags, environment variables and gin bindings, so the vocabulary
// (../../vocabulary) is written once for all of them.
import type { FactValue, OffsetEdit, Span } from '../../types';

export type EntrySyntax = 'yaml' | 'json' | 'toml' | 'ini' | 'python' | 'shell' | 'gin';

export interface Entry {
  /** Key path as written, outermost first: ['training', 'micro_batch_size'], ['_C', 'SOLVER', 'IMS_PER_BATCH']. */
  path: string[];
  /** The value; undefined when written but not readable here (an expression, a shell variable, a mapping). */
  value: FactValue | undefined;
  /** Number of items when the value is a list (`devices: [0, 1, 2, 3]`). */
  items?: number;
  /** The number of a one-item list (`update_freq: [4]`, `lr: [0.0005]`). */
  first?: number;
  /** The top-level key a HyperPyYAML `!ref <key>` names (its value is that key's). */
  ref?: string;
  /** Key and value: what a finding or a hover underlines. */
  span: Span;
  /** As written, for notes. */
  text: string;
  /** 'default' for a default the script declares (argparse, dataclass field); 'env' for an environment variable. */
  kind: 'value' | 'default' | 'env';
  /**
   * An environment variable read as a setting of the run: `CUDA_VISIBLE_DEVICES` naming one GPU for every training
   * command of a shell script (../generic/shell.ts `oneVisibleGpu`). Other environment variables are not read.
   */
  setting?: true;
  /** The called function, for keyword arguments (`model.train(epochs=3)` → 'train'; `dict(...)` → undefined). */
  callee?: string;
  /** Replaces the value in place; undefined when it cannot be written there. */
  set?: (v: FactValue) => OffsetEdit[] | undefined;
}

/**
 * A file this one inherits from. `optional`: when it is not here, nothing is missing (MaxText's `base.yml` holds the
 * framework defaults); `prefix`: its keys sit under this path (a Hydra group choice, `cluster: fair_cluster`).
 */
export interface Base {
  path: string;
  span: Span;
  optional?: boolean;
  prefix?: string[];
  /** Other names the file may have (`.yml` for `.yaml`). */
  alt?: string[];
}

export interface EntrySet {
  file: string;
  syntax: EntrySyntax;
  entries: Entry[];
  /** Files this one inherits from (`_BASE_:` in detectron2, `_base_ = [...]` in mmengine, gin `include`). */
  bases: Base[];
  /** Module names a Python file imports (for framework detection). */
  imports?: string[];
}

/** Caps: a generic reader never walks a huge or deeply nested document to exhaustion. */
export const MAX_ENTRIES = 4000;
export const MAX_DEPTH = 10;

export const shortText = (s: string) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 77)}…` : one;
};

/** Normalised key for matching: lower case, `-` as `_`. */
export const norm = (k: string) => k.toLowerCase().replace(/-/g, '_');
