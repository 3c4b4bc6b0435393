// The launcher's script arguments in a run's schema (HF TrainingArguments names, Lightning CLI's `--trainer.*`, a
// config reader's own fields), for the linker's merge (./linker.ts `enrich`).
import { ADAPTER_SWITCHES, HF_FIELDS } from '../extract/hf-fields';
import type { Fields } from '../extract/fields';
import type { LaunchCommand } from '../extract/launcher';
import type { RunDraft } from '../extract/run-draft';

/** The launcher's script arguments in the run's schema, or undefined when they do not map to it. */
export function launcherFields(draft: RunDraft, cmd: LaunchCommand): Fields | undefined {
  if (draft.kind === 'hf') {
    const out: Fields = new Map();
    for (const [name, f] of cmd.fields) {
      // (The adapter switches of Qwen-style scripts are their own dataclass fields, parsed the same way.)
      const field = draft.fromParser
        ? HF_FIELDS.has(name) || ADAPTER_SWITCHES.has(name)
          ? name
          : undefined
        : draft.flags?.get(name);
      if (field) out.set(field, { ...f, name: field });
    }
    return out.size ? out : undefined;
  }
  if (draft.kind === 'lightning-cli') {
    // `--trainer.precision bf16-mixed`, `--data.batch_size 32` override the YAML.
    const out: Fields = new Map();
    for (const [name, f] of cmd.fields) {
      const m =
        /^(?:trainer\.)?(precision|devices|num_nodes|accelerator|accumulate_grad_batches|max_epochs|max_steps|max_time|enable_checkpointing|strategy)$/.exec(
          name,
        ) ?? /^data\.(?:init_args\.)?(batch_size)$/.exec(name);
      if (m && (name.startsWith('trainer.') || name.startsWith('data.'))) out.set(m[1], { ...f, name: m[1] });
    }
    return out.size ? out : undefined;
  }
  if (draft.rebuild) return cmd.fields.size ? cmd.fields : undefined;
  return undefined;
}
