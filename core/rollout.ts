// On-policy reinforcement learning on prompts (RunInputs.rollout): what the policy computes to generate the sequences
// it trains on. Read by core/compute.ts (FLOPs per token) and core/workload.ts (sequences per sample).
import type { RunInputs } from './types';

/**
 * [S] The policy's FLOPs per token to generate a rollout before training on it: one forward pass over the prompt (its
 * prefill) and over each completion token as it is decoded, 2·N per token (Kaplan et al. 2020, §2.1: the forward pass
 * of a decoder costs 2·N per token; huggingface/trl GRPOTrainer `_generate_and_score_completions` generates every
 * completion with the policy, in the trainer or in vLLM, before the loss is computed; Shao et al. 2024, DeepSeekMath,
 * §4.1: a group of G outputs sampled per question). Decoding runs far below the training steps' utilisation (one token
 * per sequence per forward pass, memory-bound), which the utilisation model does not know: the estimate counts its
 * FLOPs at the training utilisation, a floor.
 */
export const ROLLOUT_GENERATION_PER_PARAM = 2;

/** Valid rollouts: a whole number of generations per prompt, at least one. */
export function rolloutOf(inputs: RunInputs): { generations: number; reference: boolean } | undefined {
  const r = inputs.rollout;
  if (!r || !Number.isInteger(r.generations) || r.generations < 1) return undefined;
  return { generations: r.generations, reference: r.reference === true };
}
