// What an extractor hands to the linker: a run plan from one file, plus what the linker needs to merge other files
// into it (the schema its settings follow, the files it names, how launch-time settings reach it).
import type { Fact, FactKey, RunPlan, Span } from '../types';
import type { FieldWriter, Fields, Schema } from './fields';
import type { HfFlavour } from './hf-defaults';

/** A file a run names: `--deepspeed ds.json`, `parse_yaml_file("args.yaml")`, a nanoGPT config file. */
export interface Ref {
  path: string;
  role: 'deepspeed' | 'hf-args' | 'accelerate-config' | 'nanogpt-config' | 'config';
  file: string;
  span: Span;
  /** The folder the naming command runs in, when the linker could tell (paths are relative to it first). */
  base?: string;
}

/** A layer of named settings on top of a run: a config file or a launcher's flags. */
export interface FieldLayer {
  kind: 'config' | 'launcher';
  fields: Fields;
  write: FieldWriter;
  /** True when the layer is a full command line / whole file, so absent flags mean framework defaults. */
  complete: boolean;
}

export interface RunDraft {
  plan: RunPlan;
  /** The format or framework: 'hf', 'lightning', 'accelerate', 'torch', 'keras', 'nanogpt', 'axolotl', … */
  kind: string;
  /** Schema of the run's named settings; configs and launcher flags of the same schema are merged through it. */
  schema?: Schema;
  /** Rebuilds the plan with more layers of this schema's fields (config-file runs: YAML + `key=value` overrides). */
  rebuild?: (layers: FieldLayer[]) => RunDraft;
  /**
   * How `accelerate launch --mixed_precision` / `ACCELERATE_MIXED_PRECISION` reaches this run: 'unless-mixed' (HF
   * TrainingArguments: unless bf16/fp16 is on), 'if-unset' (Accelerator(): unless mixed_precision is passed), 'never'.
   */
  envPrecision: 'unless-mixed' | 'if-unset' | 'never';
  /** True when settings may come from the command line and the review cannot see them. */
  openEnded: boolean;
  /** HF scripts: command-line flag (argparse dest) → TrainingArguments field. */
  flags?: Map<string, string>;
  /** HF scripts whose arguments come from HfArgumentParser: every TrainingArguments field is a flag. */
  fromParser?: boolean;
  flavour?: HfFlavour;
  refs: Ref[];
  /** Where findings about unwritten settings go, when not at the entry (an HF script whose arguments all come from a YAML file). */
  anchor?: { file: string; span: Span };
  /** Called once hardware is known (e.g. bf16 "auto" becomes fp16 on a GPU without bf16). */
  adjust?: (plan: RunPlan, bf16Capable: boolean | undefined) => void;
  /** Shown as a run the file takes part in, not judged with it (an importer's run of an entryless module). */
  shownOnly?: boolean;
}

/** Sets each fact the plan does not have yet. */
export function addDefaults(facts: Map<FactKey, Fact>, defaults: Fact[]): void {
  for (const d of defaults) if (!facts.has(d.key)) facts.set(d.key, d);
}

export const frameworkDefault = (key: FactKey, value: Fact['value'], note: string): Fact => ({
  key,
  value,
  origin: 'framework-default',
  note,
});
