// The run-shape options of `greenml estimate` in explicit mode: what the core needs for mixture-of-experts models,
// distillation, preference pairs, RL rollouts, and small launch-bound steps, beyond parameters and tokens; and the check that the options name a workload.
import { Command } from 'commander';
import {
  architectureFamilyIn,
  lookupArchitecture,
  SAMPLE_KINDS,
  type RunInputs,
  type SampleKind,
} from '../../../core/index';
import { num, UsageError } from '../options';

export function addRunShapeOptions(cmd: Command): Command {
  return cmd
    .option('--active-params <n>', 'active parameters per token (mixture-of-experts)', num('--active-params'))
    .option(
      '--teacher-params <n>',
      'distillation: teacher parameters run forward on every token',
      num('--teacher-params'),
    )
    .option(
      '--micro-batch <n>',
      'sequences per device per step (memory; small steps are launch-bound)',
      num('--micro-batch'),
    )
    .option('--seq-len <n>', 'tokens per sequence', num('--seq-len'))
    .option(
      '--preference <kind>',
      'preference pairs (a chosen and a rejected response per sample): "reference" with a frozen reference model (DPO, IPO), "reference-free" without (ORPO, SimPO, CPO)',
      (v: string) => {
        if (v !== 'reference' && v !== 'reference-free')
          throw new UsageError(`--preference must be reference or reference-free, got "${v}"`);
        return v;
      },
    )
    .option(
      '--rollouts <n>',
      'on-policy RL on prompts (GRPO, RLOO): completions the policy generates per prompt (each --samples is a prompt; --seq-len its prompt plus completion), counted as generated (2·N a token) and trained on',
      (v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--rollouts must be a whole number ≥ 1, got "${v}"`);
        return n;
      },
    )
    .option('--rollout-reference', 'with --rollouts: a KL term runs a frozen reference model forward on every token')
    .option(
      '--encoder',
      'a BERT-style encoder whose code computes the vocabulary projection only at the masked positions (Google BERT, fairseq) or that trains under a task head',
    )
    .option(
      '--tokens-per-sample <n>',
      'with --samples and --epochs: mean tokens one sample holds (after truncation)',
      num('--tokens-per-sample'),
    )
    .option(
      '--sample-kind <kind>',
      `with --samples and --epochs and no --seq-len: what the samples are (${SAMPLE_KINDS.join(', ')}); sets a range of tokens per sample`,
      (v: string) => {
        if (!(SAMPLE_KINDS as string[]).includes(v))
          throw new UsageError(`--sample-kind must be one of ${SAMPLE_KINDS.join(', ')}, got "${v}"`);
        return v;
      },
    );
}

export function runShapeInputs(o: Record<string, unknown>): Partial<RunInputs> {
  return {
    activeParams: o.activeParams as number | undefined,
    teacherParams: o.teacherParams as number | undefined,
    microBatch: o.microBatch as number | undefined,
    seqLen: o.seqLen as number | undefined,
    encoder: o.encoder === true ? true : undefined,
    preference: o.preference as RunInputs['preference'],
    rollout:
      typeof o.rollouts === 'number'
        ? { generations: o.rollouts, ...(o.rolloutReference === true ? { reference: true } : {}) }
        : undefined,
    tokensPerSample: o.tokensPerSample as number | undefined,
    sampleKind: o.sampleKind as SampleKind | undefined,
  };
}

/** The explicit-mode options that name a workload the core can estimate, or a usage error that says what to give. */
export function checkExplicitWorkload(o: {
  params?: number;
  tokens?: number;
  gpuHours?: number;
  architecture?: string;
  flopsPerSample?: number;
  samples?: number;
  epochs?: number;
  seqLen?: number;
  resolution?: number;
  tokensPerSample?: number;
  sampleKind?: string;
}): void {
  const perSample = o.architecture !== undefined || o.flopsPerSample !== undefined;
  // Parameters with samples × epochs and a sequence length (text; the core takes a share of the full length) or a
  // resolution (images of a network the table does not know) are a workload too.
  const paramSamples =
    o.params !== undefined &&
    o.samples !== undefined &&
    o.epochs !== undefined &&
    (o.seqLen !== undefined ||
      o.resolution !== undefined ||
      o.tokensPerSample !== undefined ||
      o.sampleKind !== undefined);
  if (
    o.gpuHours === undefined &&
    !(perSample && o.samples !== undefined) &&
    !paramSamples &&
    (o.params === undefined || o.tokens === undefined)
  ) {
    throw new UsageError(
      'explicit mode needs --gpu-hours, or --params and --tokens, or --architecture (or --flops-per-sample) and --samples, or --params with --samples, --epochs and --seq-len, --tokens-per-sample or --sample-kind (text) or --resolution (images) (with --hardware and --devices); or give paths to scan',
    );
  }
  // A network the table does not know is estimated from --params and --resolution when its words name a family
  // (ViT, ResNet, EfficientNet …: core/workload.ts).
  const familyOnly =
    o.params !== undefined && o.resolution !== undefined && architectureFamilyIn(o.architecture ?? '') !== undefined;
  if (
    o.architecture !== undefined &&
    o.flopsPerSample === undefined &&
    !lookupArchitecture(o.architecture) &&
    !familyOnly
  ) {
    throw new UsageError(
      `unknown --architecture "${o.architecture}"; give --flops-per-sample (forward FLOPs per sample) instead, or --params and --resolution with words naming its family (ViT, ResNet, EfficientNet)`,
    );
  }
}
