// On-policy RL in a TRL script (engine/extract/trl-rollouts.ts, engine/plan.ts, core RunInputs.rollout): a GRPOTrainer
// answers each prompt num_generations times (8 by default) and the policy generates every completion before training
// on it; its batch and steps count completions. An SFT script, or a group size the script computes, states none.
// Fixtures written for these tests in the style of TRL's GRPO quickstart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const script = (trainer: string, config: string, extra = '') => `from datasets import load_dataset
from trl import ${trainer}, ${config}

data = load_dataset("org/prompts", split="train")
args = ${config}(
    output_dir="out",
    per_device_train_batch_size=8,
    num_train_epochs=1,
    gradient_checkpointing=False,
    bf16=True,${extra}
)
trainer = ${trainer}(model="org/base-1.5b", args=args, train_dataset=data)
trainer.train()
`;

const run = async (text: string) => {
  const a = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100', devices: 8, datasetSize: 40000 });
  return { rollouts: fact(a, 'rollouts'), r: theRun(a) };
};

test('a GRPOTrainer generates num_generations completions per prompt (8 by default) and trains on each', async () => {
  const sft = await run(script('SFTTrainer', 'SFTConfig'));
  const grpo = await run(script('GRPOTrainer', 'GRPOConfig'));
  const g16 = await run(script('GRPOTrainer', 'GRPOConfig', '\n    num_generations=16,'));
  assert.equal(grpo.rollouts?.value, 8);
  assert.equal(grpo.rollouts?.origin, 'framework-default');
  assert.equal(g16.rollouts?.value, 16);
  assert.deepEqual(g16.r.inputs.rollout, { generations: 16 });
  // The same prompts and length: 8 completions each, each generated (2·N a token) and trained on (6·N).
  const ratio = grpo.r.estimate.gpuHours.mid / sft.r.estimate.gpuHours.mid;
  assert.ok(Math.abs(ratio / ((8 * 8) / 6) - 1) < 0.02, String(ratio));
  assert.ok(grpo.r.estimate.assumptions.some((x) => /the completions generated for each prompt/.test(x.text)));
});

test('must not: steps of a GRPO run count completions, not prompts; an SFT script or a computed group size states no rollouts', async () => {
  const steps = '\n    max_steps=1000,';
  const sft = await run(script('SFTTrainer', 'SFTConfig', steps));
  const grpo = await run(script('GRPOTrainer', 'GRPOConfig', steps));
  // The global batch is in completions (GRPOConfig: divisible by num_generations): the same tokens, generated too.
  assert.equal(grpo.r.inputs.tokens, sft.r.inputs.tokens);
  assert.ok(Math.abs(grpo.r.estimate.gpuHours.mid / sft.r.estimate.gpuHours.mid / (8 / 6) - 1) < 0.02);
  assert.equal(sft.rollouts, undefined);
  const computed = await run(script('GRPOTrainer', 'GRPOConfig', '\n    num_generations=args_g,'));
  assert.equal(computed.rollouts, undefined);
  assert.equal(computed.r.inputs.rollout, undefined);
});
