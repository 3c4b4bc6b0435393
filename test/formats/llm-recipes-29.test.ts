// LLM fine-tuning recipes as users write them (development round 29, lane llm): a TRL/HF config built inside the
// `@hydra.main` function from a nested section of the primary config (`cfg.training.grpo.per_device_train_batch_size`)
// takes the values at those key paths; TRL's online-RL trainers (GRPO, RLOO, PPO …) get no sequence length from
// SFTConfig's `max_length` default. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const YAML = `model:
  name: Qwen/Qwen2.5-0.5B-Instruct
training:
  sft:
    per_device_train_batch_size: 16
    gradient_accumulation_steps: 1
    num_train_epochs: 10
  grpo:
    per_device_train_batch_size: 8
    gradient_accumulation_steps: 4
    max_steps: 150
    gradient_checkpointing: false
`;

const SCRIPT = (section: string, cls: string) => `import hydra
from trl import ${cls}Config, ${cls}Trainer

@hydra.main(version_base=None, config_path="config", config_name="train")
def main(cfg):
    args = ${cls}Config(
        output_dir="out",
        per_device_train_batch_size=cfg.training.${section}.per_device_train_batch_size,
        gradient_accumulation_steps=cfg.training.${section}.gradient_accumulation_steps,
        max_steps=cfg.training.${section}.max_steps,
        gradient_checkpointing=cfg.training.${section}.gradient_checkpointing,
    )
    ${cls}Trainer(model=cfg.model.name, args=args, train_dataset=None).train()

if __name__ == "__main__":
    main()
`;

test('Hydra: a TRL config built from cfg.training.grpo.* takes the values of that section', async () => {
  const a = await analyze({ 'config/train.yaml': YAML, 'train.py': SCRIPT('grpo', 'GRPO') }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 8);
  assert.equal(fact(a, 'grad_accum')?.value, 4);
  assert.equal(fact(a, 'max_steps')?.value, 150);
  assert.equal(fact(a, 'grad_checkpointing')?.value, false);
});

test('must not: a key path missing from the section (sft has no max_steps) stays unknown, not another section’s', async () => {
  const a = await analyze({ 'config/train.yaml': YAML, 'train.py': SCRIPT('sft', 'SFT') }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  assert.notEqual(fact(a, 'max_steps')?.value, 150);
  assert.ok(fact(a, 'max_steps')?.value == null);
});

const TRL = (cls: string, extra = '') => `from trl import ${cls}Config, ${cls}Trainer

cfg = ${cls}Config(output_dir="out", per_device_train_batch_size=4, num_train_epochs=2${extra})
trainer = ${cls}Trainer(model="Qwen/Qwen2.5-0.5B-Instruct", args=cfg, train_dataset=None)
trainer.train()
`;

const reported = (f: { origin: string } | undefined) => !!f && f.origin !== 'assumed';

test('must not: a GRPO run gets no sequence length from SFTConfig’s max_length default', async () => {
  const a = await analyze({ 'train.py': TRL('GRPO', ', max_completion_length=256') }, 'train.py');
  assert.equal(reported(fact(a, 'seq_len')), false);
  assert.equal(fact(a, 'micro_batch')?.value, 4);
});

test('SFT and DPO configs keep TRL’s max_length default of 1024', async () => {
  for (const cls of ['SFT', 'DPO']) {
    const a = await analyze({ 'train.py': TRL(cls) }, 'train.py');
    assert.equal(fact(a, 'seq_len')?.value, 1024, cls);
    assert.equal(fact(a, 'seq_len')?.origin, 'framework-default', cls);
  }
});
