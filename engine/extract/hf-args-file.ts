// HF-args files: YAML/JSON whose keys are TrainingArguments fields (read by `HfArgumentParser.parse_yaml_file`,
// `parse_json_file`, or `python train.py args.json`). Linked to its script, its fields overlay the script's
// arguments (./link); alone, it is a run with transformers' defaults — except precision, which TRL would default
// to bf16: without the script the flavour is unknown, so an unset bf16/fp16 is null with form `reader-default`
// (GML101 says so as information).
import type { Fact, FactKey } from '../types';
import type { ConfigDoc } from './config-doc';
import { topFields } from './config-doc';
import { configRun, deepspeedRef } from './config-run';
import type { FieldWriter, Fields } from './fields';
import { hfDefaults } from './hf-defaults';
import { HF_SCHEMA } from './hf-fields';
import type { RunDraft } from './run-draft';

export function hfArgsFields(doc: ConfigDoc): { fields: Fields; write: FieldWriter } {
  return { fields: topFields(doc), write: (name, v) => doc.set([name], v) };
}

export function extractHfArgsFile(doc: ConfigDoc): RunDraft {
  return configRun({
    doc,
    framework: 'hf-trainer',
    kind: 'hf-args',
    label: 'TrainingArguments file',
    schema: HF_SCHEMA,
    fields: topFields(doc),
    defaults: (facts: Map<FactKey, Fact>) => {
      if (!facts.has('precision')) {
        facts.set('precision', {
          key: 'precision',
          value: null,
          origin: 'assumed',
          note: 'bf16/fp16 not set: transformers would train in fp32, TRL (≥ 0.19) in bf16 — the script that reads this file was not found',
          form: 'reader-default',
        });
      }
      const plan = { facts } as Parameters<typeof hfDefaults>[0];
      hfDefaults(plan, 'transformers', 'TrainingArguments', false);
    },
    entryKey: ['output_dir'],
    refs: deepspeedRef(doc),
    envPrecision: 'unless-mixed',
  });
}
