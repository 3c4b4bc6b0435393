import { runRuleCases } from '../test/helpers/rule-harness';
import { tinyMicroBatch } from './tiny-micro-batch';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(tinyMicroBatch, [
  {
    name: 'micro-batch 1 × 16 for a 0.5 B model on an 80 GB GPU: a larger micro-batch, same global batch',
    code: script('Qwen/Qwen2.5-0.5B', 'per_device_train_batch_size=1, gradient_accumulation_steps=16'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 3, column: 53, messageIncludes: 'same global batch' }],
    fixes: [
      {
        applicability: 'unsafe',
        titleIncludes: 'Use micro-batch 8 × 2',
        output: script('Qwen/Qwen2.5-0.5B', 'per_device_train_batch_size=8, gradient_accumulation_steps=2'),
      },
    ],
  },
  {
    name: 'auto_find_batch_size leaves the batch to the Trainer',
    code: script(
      'Qwen/Qwen2.5-0.5B',
      'per_device_train_batch_size=1, gradient_accumulation_steps=16, auto_find_batch_size=True',
    ),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'a 70 B model at micro-batch 1 is memory-bound: nothing larger fits',
    code: script('meta-llama/Llama-3.1-70B', 'per_device_train_batch_size=1, gradient_accumulation_steps=16'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'unknown hardware: silent',
    code: script('Qwen/Qwen2.5-0.5B', 'per_device_train_batch_size=1, gradient_accumulation_steps=16'),
    expect: [],
  },
  {
    name: 'little accumulation is not flagged',
    code: script('Qwen/Qwen2.5-0.5B', 'per_device_train_batch_size=2, gradient_accumulation_steps=4'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
]);
