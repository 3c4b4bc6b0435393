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

// nanoGPT-style configs: `compile = False` in a config file of the training script. The run cannot be estimated
// (its own model class, hardware unknown) — flagged only when the file states a long run, never on MPS or CPU.
const nano = (extra: string) => `import torch
from model import GPT, GPTConfig

batch_size = 12
block_size = 1024
gradient_accumulation_steps = 40
${extra}
model = GPT(GPTConfig(n_layer=12, n_head=12, n_embd=768)).to(device)
if compile:
    model = torch.compile(model)
optimizer = torch.optim.AdamW(model.parameters(), lr=6e-4)
for iter_num in range(max_iters):
    logits, loss = model(X, Y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
`;

runRuleCases(noGraphCompilation, [
  {
    name: 'compile off on an 8-GPU CUDA run that cannot be estimated: information saying what the length rests on',
    code: nano("max_iters = 600000\ndevice = 'cuda'\ncompile = False"),
    files: { '/case/run.sh': 'torchrun --standalone --nproc_per_node=8 train.py\n' },
    expect: [{ line: 9, column: 1, endColumn: 16, severity: 'information', messageIncludes: '8 devices written' }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['compile = True'] }],
  },
  {
    name: 'compile off on MPS (a Mac): torch.compile is not the fix there',
    code: nano("max_iters = 600000\ndevice = 'mps'\ncompile = False"),
    files: { '/case/run.sh': 'torchrun --standalone --nproc_per_node=8 train.py\n' },
    expect: [],
  },
  {
    name: 'compile off on a 600,000-iteration run on one GPU of a model the core cannot size: one weak sign is not enough',
    code: nano("max_iters = 600000\ndevice = 'cuda'\ncompile = False"),
    expect: [],
  },
]);

// A project's own training config read through the vocabulary (`use_compile:` is torch.compile's switch, as
// `use_torch_compile`). Its model is the project's own: the run cannot be estimated, and a million optimizer steps is
// long whatever the model (a strong sign alone); 200,000 steps alone is not.
const videoConfig = (steps: number, compile: string) => `# model
model: VidT-L/2
num_frames: 16
image_size: 256

# train
learning_rate: 1e-4
local_batch_size: 4
max_train_steps: ${steps}
ckpt_every: 10000
num_workers: 8
use_compile: ${compile}
mixed_precision: True
`;

runRuleCases(noGraphCompilation, [
  {
    name: 'use_compile: False in a config of 1,000,000 steps: information saying what the length rests on',
    file: '/case/configs/train.yaml',
    code: videoConfig(1_000_000, 'False'),
    expect: [{ line: 12, column: 1, severity: 'information', messageIncludes: '1,000,000 steps written' }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['use_compile: True'] }],
  },
  {
    name: 'use_compile: False in a config of 200,000 steps: no other sign of a long run',
    file: '/case/configs/train.yaml',
    code: videoConfig(200_000, 'False'),
    expect: [],
  },
  {
    name: 'use_compile: True',
    file: '/case/configs/train.yaml',
    code: videoConfig(1_000_000, 'True'),
    expect: [],
  },
]);
