// accelerate config YAML (`accelerate launch --config_file x.yaml`, written by `accelerate config`): mixed_precision
// (reaches the script through ACCELERATE_MIXED_PRECISION), num_processes (total over machines), distributed_type,
// use_cpu, the DeepSpeed section (zero_stage, offload devices, deepspeed_config_file) and FSDP's offload. It configures a launch: it adds to the run of
// the script it launches; given alone (accelerateRun) it is the plan of what it states, whatever script a launcher runs.
import type { Fact, FactKey, FactValue, OffsetEdit } from '../types';
import type { ConfigDoc } from './config-doc';
import { bool, fact, int } from './fields';
import { ACCELERATE_SCHEMA } from './torch-loop';
import { offloadOf, type ConfigOverlay } from './deepspeed';
import { fsdpConfigOffload } from './fsdp-offload';
import type { Ref, RunDraft } from './run-draft';

export function accelerateOverlay(doc: ConfigDoc): ConfigOverlay {
  const facts: Fact[] = [];
  const envFacts: Fact[] = [];
  const mp = doc.field(['mixed_precision']);
  if (mp) envFacts.push(...ACCELERATE_SCHEMA.toFacts(new Map([['mixed_precision', mp]]), { complete: true }));
  const dist = String(doc.field(['distributed_type'])?.value ?? '');
  const np = doc.field(['num_processes']);
  if (np && int(np.value) !== undefined && int(np.value)! > 0)
    facts.push(fact('devices', int(np.value)!, np, `${np.text} (distributed_type: ${dist || '?'})`));
  const cpu = doc.field(['use_cpu']);
  if (
    (cpu && bool(cpu.value) === true) ||
    (dist === 'NO' && /cpu/i.test(String(doc.field(['compute_environment'])?.value ?? '')))
  )
    facts.push(fact('hardware', 'cpu', cpu ?? doc.field(['distributed_type'])!));
  const stage = doc.field(['deepspeed_config', 'zero_stage'], 'zero_stage');
  if (stage && int(stage.value) !== undefined) facts.push(fact('zero_stage', int(stage.value)!, stage));
  // `offload_optimizer_device` / `offload_param_device`: none, cpu or nvme (`accelerate config`'s DeepSpeed questions,
  // https://huggingface.co/docs/accelerate/usage_guides/deepspeed).
  const offload = offloadOf(doc, [
    ['deepspeed_config', 'offload_optimizer_device'],
    ['deepspeed_config', 'offload_param_device'],
  ]);
  facts.push(...offload.facts);
  // FSDP's offload (`fsdp_config.fsdp_offload_params: true`) is the same fact (./fsdp-offload.ts).
  const fsdp = fsdpConfigOffload(doc);
  if (fsdp.fact && !offload.facts.length) facts.push(fsdp.fact);
  const refs: Ref[] = [];
  const dsFile = doc.field(['deepspeed_config', 'deepspeed_config_file'], 'deepspeed_config_file');
  if (dsFile && typeof dsFile.value === 'string' && dsFile.value)
    refs.push({ path: dsFile.value, role: 'deepspeed', file: doc.file, span: dsFile.span });
  return {
    file: doc.file,
    facts,
    envFacts,
    refs,
    relevantSpans: [...facts, ...envFacts]
      .filter((f) => f.span)
      .map((f) => ({ file: doc.file, span: f.span!, key: f.key })),
    edit: (changes) => {
      const edits: OffsetEdit[] = [];
      for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
        const e =
          key === 'offload' && v === 'none'
            ? (offload.keepOnGpu() ?? fsdp.keepOnGpu())
            : key === 'precision' && (v === 'bf16' || v === 'fp16')
              ? doc.set(['mixed_precision'], v)
              : undefined;
        if (!e) return undefined;
        edits.push(...e);
      }
      return edits;
    },
  };
}

/**
 * An accelerate config given alone: one file that any number of launchers pass to any script (`accelerate launch
 * --config_file x.yaml train.py …`), so its plan holds only what it states — processes, mixed precision (bf16/fp16/fp8;
 * "no" leaves the script's own dtype unknown), ZeRO stage, CPU — and never a batch, length, model or optimizer.
 */
export function accelerateRun(doc: ConfigDoc): RunDraft {
  const o = accelerateOverlay(doc);
  const env = (o.envFacts ?? []).filter((f) => f.key !== 'precision' || (f.value !== null && f.value !== 'fp32'));
  const facts = new Map<FactKey, Fact>([...o.facts, ...env].map((f) => [f.key, f]));
  const first = doc.keys()[0] ?? '';
  return {
    plan: {
      framework: 'accelerate',
      entry: { file: doc.file, span: doc.keySpan([first]), label: 'accelerate config' },
      files: [doc.file],
      facts,
      edit: o.edit,
      relevantSpans: o.relevantSpans,
    },
    kind: 'accelerate-config',
    envPrecision: 'never',
    openEnded: true,
    refs: [],
  };
}
