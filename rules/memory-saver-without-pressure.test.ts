import { runRuleCases } from '../test/helpers/rule-harness';
import { memorySaverWithoutPressure } from './memory-saver-without-pressure';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, per_device_train_batch_size=8, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(memorySaverWithoutPressure, [
  {
    name: 'gradient checkpointing on a 125 M model on an 80 GB GPU: the fix turns it off',
    code: script('openai-community/gpt2', 'gradient_checkpointing=True'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 3, column: 84, messageIncludes: 'Gradient checkpointing recomputes' }],
    fixes: [
      {
        applicability: 'unsafe',
        titleIncludes: 'Turn off gradient checkpointing',
        output: script('openai-community/gpt2', 'gradient_checkpointing=False'),
      },
    ],
  },
  {
    name: 'an 8 B model needs it on one GPU',
    code: script('meta-llama/Llama-3.1-8B', 'gradient_checkpointing=True'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'unknown hardware: silent',
    code: script('openai-community/gpt2', 'gradient_checkpointing=True'),
    expect: [],
  },
  {
    name: "TRL's default checkpointing is not written: not flagged",
    code: `from trl import SFTConfig, SFTTrainer\nconfig = SFTConfig(output_dir="out")\nSFTTrainer(model="openai-community/gpt2", args=config).train()\n`,
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'empty_cache on every step of a loop',
    code: `import torch\nmodel = Net().cuda()\nfor x, y in loader:\n    loss = model(x.cuda()).sum()\n    loss.backward()\n    opt.step()\n    torch.cuda.empty_cache()\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 7, messageIncludes: 'empty_cache' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'empty_cache every 100 steps is a choice',
    code: `import torch\nmodel = Net().cuda()\nfor step, (x, y) in enumerate(loader):\n    loss = model(x.cuda()).sum()\n    loss.backward()\n    opt.step()\n    if step % 100 == 0:\n        torch.cuda.empty_cache()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
