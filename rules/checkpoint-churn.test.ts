import { runRuleCases } from '../test/helpers/rule-harness';
import { checkpointChurn } from './checkpoint-churn';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=3000, per_device_train_batch_size=8, gradient_accumulation_steps=8, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(checkpointChurn, [
  {
    name: 'an 8 B model saved every 10 steps: the fix saves about every 30 minutes',
    code: script('meta-llama/Llama-3.1-8B', 'save_steps=10, save_total_limit=3, max_length=1024'),
    settings: { hardware: 'h100' },
    expect: [{ line: 3, messageIncludes: 'A checkpoint every 10 steps' }],
    fixes: [{ applicability: 'safe', titleIncludes: 'Save every' }],
  },
  {
    name: 'many checkpoints of an 8 B model with no limit: keep the last two',
    code: script('meta-llama/Llama-3.1-8B', 'save_steps=100'),
    settings: { hardware: 'h100' },
    expect: [{ line: 3, messageIncludes: '30 checkpoints' }],
    fixes: [{ applicability: 'safe', output: script('meta-llama/Llama-3.1-8B', 'save_steps=100, save_total_limit=2') }],
  },
  {
    name: 'a small model may save often',
    code: script('openai-community/gpt2', 'save_steps=10'),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'the default interval with a limit',
    code: script('meta-llama/Llama-3.1-8B', 'save_total_limit=2'),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);

runRuleCases(checkpointChurn, [
  {
    name: 'a framework without save_total_limit (a plain loop saving every 100 steps) gets no advice about it',
    code: `import torch\nfrom transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B").cuda()\nfor step in range(3000):\n    loss = model(**next(batches)).loss\n    loss.backward()\n    opt.step()\n    if step % 100 == 0:\n        torch.save(model.state_dict(), f"ckpt_{step}.pt")\n`,
    settings: { hardware: 'h100' },
    expect: [],
  },
]);

// Config format: HF-args YAML.
const hfYaml = (model: string, extra: string) =>
  `model_name_or_path: ${model}\noutput_dir: out\nper_device_train_batch_size: 4\nnum_train_epochs: 3\nbf16: true\n${extra}`;

runRuleCases(checkpointChurn, [
  {
    name: 'HF-args YAML: a 7 B model saved every 10 steps, on that line',
    file: '/case/sft.yaml',
    code: hfYaml(
      'meta-llama/Llama-2-7b-hf',
      'max_seq_length: 2048\nmax_steps: 30000\nsave_steps: 10\nsave_total_limit: 2\n',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 8, column: 1 }],
  },
  {
    name: 'HF-args YAML: every 2000 steps, the last two kept',
    file: '/case/sft.yaml',
    code: hfYaml(
      'meta-llama/Llama-2-7b-hf',
      'max_seq_length: 2048\nmax_steps: 30000\nsave_steps: 2000\nsave_total_limit: 2\n',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
