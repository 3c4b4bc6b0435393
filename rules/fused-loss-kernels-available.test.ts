import { runRuleCases } from '../test/helpers/rule-harness';
import { fusedLossKernelsAvailable } from './fused-loss-kernels-available';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=3000, per_device_train_batch_size=8, gradient_accumulation_steps=8${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(fusedLossKernelsAvailable, [
  {
    name: 'a 30-hour Llama fine-tune without Liger: the fix turns it on',
    code: script('meta-llama/Llama-3.1-8B', ''),
    settings: { hardware: 'h100', select: ['GML504'] },
    expect: [{ line: 3, severity: 'information', messageIncludes: 'Liger' }],
    fixes: [{ applicability: 'unsafe', output: script('meta-llama/Llama-3.1-8B', ', use_liger_kernel=True') }],
  },
  {
    name: 'Liger on',
    code: script('meta-llama/Llama-3.1-8B', ', use_liger_kernel=True'),
    settings: { hardware: 'h100', select: ['GML504'] },
    expect: [],
  },
  {
    name: 'GPT-2 is not supported',
    code: script('openai-community/gpt2-xl', ''),
    settings: { hardware: 'h100', select: ['GML504'] },
    expect: [],
  },
  {
    name: 'a short run',
    code: script('Qwen/Qwen2.5-0.5B', '').replace('max_steps=3000', 'max_steps=50'),
    settings: { hardware: 'h100', select: ['GML504'] },
    expect: [],
  },
  {
    name: 'unknown hardware',
    code: script('meta-llama/Llama-3.1-8B', ''),
    settings: { select: ['GML504'] },
    expect: [],
  },
  {
    name: 'off unless selected',
    code: script('meta-llama/Llama-3.1-8B', ''),
    settings: { hardware: 'h100', select: undefined },
    expect: [],
  },
]);
