import { runRuleCases } from '../test/helpers/rule-harness';
import { noGraphCompilation } from './no-graph-compilation';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=3000, per_device_train_batch_size=8, gradient_accumulation_steps=8, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(noGraphCompilation, [
  {
    name: 'torch_compile=False on a multi-hour run: the fix compiles',
    code: script('meta-llama/Llama-3.1-8B', 'torch_compile=False'),
    settings: { hardware: 'h100' },
    expect: [{ line: 3, messageIncludes: 'Compilation is off' }],
    fixes: [{ applicability: 'unsafe', output: script('meta-llama/Llama-3.1-8B', 'torch_compile=True') }],
  },
  {
    name: 'the default (not written) is not flagged',
    code: script('meta-llama/Llama-3.1-8B', 'save_steps=500'),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'a short run does not recover the compile time',
    code: script('openai-community/gpt2', 'torch_compile=False').replace('max_steps=3000', 'max_steps=100'),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);
