import { runRuleCases } from '../test/helpers/rule-harness';
import { nonResumableCheckpoint } from './non-resumable-checkpoint';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=3000, per_device_train_batch_size=8, gradient_accumulation_steps=8, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'weights-only checkpoints on a multi-hour run: the fix saves full checkpoints',
    code: script('meta-llama/Llama-3.1-8B', 'save_only_model=True'),
    settings: { hardware: 'h100' },
    expect: [{ line: 3, severity: 'warning', messageIncludes: 'cannot resume' }],
    fixes: [{ applicability: 'safe', output: script('meta-llama/Llama-3.1-8B', 'save_only_model=False') }],
  },
  {
    name: 'a short run',
    code: script('openai-community/gpt2', 'save_only_model=True').replace('max_steps=3000', 'max_steps=50'),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'full checkpoints',
    code: script('meta-llama/Llama-3.1-8B', 'save_total_limit=2'),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);
