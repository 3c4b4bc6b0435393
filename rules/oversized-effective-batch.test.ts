import { runRuleCases } from '../test/helpers/rule-harness';
import { oversizedEffectiveBatch } from './oversized-effective-batch';

const script = (args: string, optim = '') => `from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments
train = load_dataset("imdb", split="train")
model = AutoModelForSequenceClassification.from_pretrained("roberta-base")
args = TrainingArguments(output_dir="o", bf16=True, ${args}${optim})
Trainer(model=model, args=args, train_dataset=train).train()
`;

runRuleCases(oversizedEffectiveBatch, [
  {
    name: 'global batch 4,096 over 25,000 examples: 7 steps in the run',
    code: script('per_device_train_batch_size=64, gradient_accumulation_steps=64, num_train_epochs=1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, messageIncludes: 'only 7 optimizer steps' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'a normal batch has hundreds of steps',
    code: script('per_device_train_batch_size=32, num_train_epochs=1'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'max_steps makes the length deliberate',
    code: script('per_device_train_batch_size=64, gradient_accumulation_steps=64, max_steps=5'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a LAMB large-batch recipe is deliberate',
    code: script(
      'per_device_train_batch_size=64, gradient_accumulation_steps=64, num_train_epochs=1',
      ', optim="lamb"',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Config format: axolotl YAML with a small dataset stated in the config.
const axolotl = (accum: number, optimizer = 'adamw_torch') =>
  `base_model: Qwen/Qwen2.5-0.5B\ndatasets:\n  - path: mhenrichsen/alpaca_2k_test\n    type: alpaca\nsequence_len: 1024\nmicro_batch_size: 8\ngradient_accumulation_steps: ${accum}\nnum_epochs: 1\noptimizer: ${optimizer}\nbf16: auto\n`;

runRuleCases(oversizedEffectiveBatch, [
  {
    name: 'axolotl YAML: global batch 1024 over the 2,000 examples of its one dataset, on the accumulation line',
    file: '/case/sft.yml',
    code: axolotl(128),
    expect: [{ line: 7, column: 1, messageIncludes: 'optimizer step' }],
  },
  {
    name: 'axolotl YAML: a LAMB large-batch recipe is deliberate',
    file: '/case/sft.yml',
    code: axolotl(128, 'lamb'),
    expect: [],
  },
  {
    name: 'axolotl YAML: global batch 32',
    file: '/case/sft.yml',
    code: axolotl(4),
    expect: [],
  },
]);
