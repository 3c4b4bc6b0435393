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
