// Preference optimisation in a TRL script (engine/extract/huggingface.ts preferenceOf, engine/plan.ts runShape): a
// DPOTrainer trains on pairs with a frozen reference model, an ORPOTrainer on pairs without one; the same script with
// SFTTrainer, or a reference model the script computes, states no preference objective.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const script = (trainer: string, config: string, extra = '') => `from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import ${trainer}, ${config}

model = AutoModelForCausalLM.from_pretrained("org/base-7b")
tokenizer = AutoTokenizer.from_pretrained("org/base-7b")
data = load_dataset("org/pairs", split="train")
args = ${config}(
    output_dir="out",
    per_device_train_batch_size=4,
    gradient_accumulation_steps=4,
    max_steps=1000,
    max_length=1024,
    bf16=True,${extra}
)
trainer = ${trainer}(model=model, args=args, train_dataset=data, processing_class=tokenizer)
trainer.train()
`;

const run = async (text: string) => {
  const a = await analyze({ 'train.py': text }, 'train.py', { hardware: 'h100', devices: 1 });
  return { pref: fact(a, 'preference')?.value, r: theRun(a) };
};

test('a DPOTrainer trains on pairs with a reference model; an ORPOTrainer on pairs without', async () => {
  const dpo = await run(script('DPOTrainer', 'DPOConfig'));
  const orpo = await run(script('ORPOTrainer', 'ORPOConfig'));
  const sft = await run(script('SFTTrainer', 'SFTConfig'));
  assert.equal(dpo.pref, 'reference');
  assert.equal(orpo.pref, 'reference-free');
  assert.equal(dpo.r.inputs.preference, 'reference');
  // The same steps × batch × length: pairs are two sequences, and the reference model adds its forward pass.
  assert.equal(orpo.r.inputs.tokens, 2 * (sft.r.inputs.tokens ?? NaN));
  assert.equal(dpo.r.inputs.tokens, orpo.r.inputs.tokens);
  assert.ok(dpo.r.estimate.gpuHours.mid > 1.2 * orpo.r.estimate.gpuHours.mid);
  assert.ok(dpo.r.estimate.assumptions.some((x) => /a chosen and a rejected response/.test(x.text)));
});

test('must not: an SFT script, or a DPO reference model the script computes, states no preference objective', async () => {
  assert.equal((await run(script('SFTTrainer', 'SFTConfig'))).pref, undefined);
  const computed = await run(script('DPOTrainer', 'DPOConfig', '\n    reference_free=args_ref_free,'));
  assert.equal(computed.pref, undefined);
  assert.equal(computed.r.inputs.preference, undefined);
  const free = await run(script('DPOTrainer', 'DPOConfig', '\n    reference_free=True,'));
  assert.equal(free.pref, 'reference-free');
});
