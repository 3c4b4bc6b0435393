import { runRuleCases } from '../test/helpers/rule-harness';
import { loggingOverhead } from './logging-overhead';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")\nargs = TrainingArguments(output_dir="o", bf16=True, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(loggingOverhead, [
  {
    name: 'logging every step of 20,000: the fix logs every 50',
    code: script('max_steps=20000, logging_steps=1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 70, endColumn: 85 }],
    fixes: [{ applicability: 'safe', output: script('max_steps=20000, logging_steps=50') }],
  },
  {
    name: 'a short debugging run',
    code: script('max_steps=200, logging_steps=1'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'every 10 steps',
    code: script('max_steps=20000, logging_steps=10'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a profiler with no schedule',
    code: `import torch\nmodel = Net().cuda()\nwith torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CUDA]) as prof:\n    for x, y in loader:\n        loss = model(x.cuda()).sum()\n        loss.backward()\n        opt.step()\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 3, messageIncludes: 'no schedule' }],
  },
  {
    name: 'a scheduled profiler',
    code: `import torch\nmodel = Net().cuda()\nwith torch.profiler.profile(schedule=torch.profiler.schedule(wait=1, warmup=1, active=3)) as prof:\n    for x, y in loader:\n        loss = model(x.cuda()).sum()\n        loss.backward()\n        opt.step()\n        prof.step()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
