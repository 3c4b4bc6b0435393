import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRuleCases } from '../test/helpers/rule-harness';
import { niceSaveSteps, noPeriodicCheckpoint } from './no-periodic-checkpoint';

const script = (
  model: string,
  args: string,
) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("${model}")
train = load_dataset("tatsu-lab/alpaca", split="train")
args = TrainingArguments(
    output_dir="out",
    bf16=True,
${args}
)
Trainer(model=model, args=args, train_dataset=train).train()
`;

const RESNET = `import torch
import torchvision
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

model = torchvision.models.resnet50().cuda()
train = datasets.ImageFolder("/data/imagenet/train", transforms.ToTensor())
loader = DataLoader(train, batch_size=256, shuffle=True, num_workers=8, pin_memory=True)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for epoch in range(90):
    for x, y in loader:
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

runRuleCases(noPeriodicCheckpoint, [
  {
    name: 'save_strategy="no" on a multi-hour run: warning on that argument, fix saves every N steps',
    code: script('Qwen/Qwen2.5-1.5B', '    num_train_epochs=3,\n    save_strategy="no",'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 8, severity: 'warning', messageIncludes: 'cannot survive an interruption' }],
    fixTitleIncludes: 'saves ≈',
    fixedIncludes: ['save_strategy="steps"', 'save_steps='],
  },
  {
    name: 'the Trainer default (every 500 steps) is periodic',
    code: script('Qwen/Qwen2.5-1.5B', '    num_train_epochs=3,'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'a short run (GPT-2, 200 steps) needs no checkpoint',
    code: script('gpt2', '    max_steps=200,\n    save_strategy="no",'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'run length resting on an assumed dataset size: information, and the message says so',
    code: script('Qwen/Qwen2.5-1.5B', '    num_train_epochs=3,\n    save_strategy="no",').replace(
      'train = load_dataset("tatsu-lab/alpaca", split="train")',
      'train = load_dataset("my-org/private-data", split="train")',
    ),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 8, severity: 'information', messageIncludes: 'assuming the dataset size' }],
  },
  {
    name: 'run length unknown (model not in the table): information only',
    code: script('my-org/private-model', '    save_strategy="no",'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 7, severity: 'information' }],
  },
  {
    name: 'a 90-epoch ResNet-50 loop on ImageNet that saves nothing: every run, not only transformers',
    code: RESNET,
    settings: { hardware: 'a100', datasetSize: 1_281_167 },
    expect: [{ line: 14, severity: 'warning', messageIncludes: 'cannot survive an interruption' }],
    noFix: true,
  },
  {
    name: 'the same loop saving every epoch',
    code: RESNET.replace(
      '        opt.zero_grad()\n',
      '        opt.zero_grad()\n    torch.save(model.state_dict(), f"ckpt_{epoch}.pt")\n',
    ),
    settings: { hardware: 'a100', datasetSize: 1_281_167 },
    expect: [],
  },
  {
    name: 'an 8-step run never gets a save_steps past its end',
    code: script(
      'meta-llama/Llama-3.1-70B',
      '    max_steps=8,\n    per_device_train_batch_size=1024,\n    save_strategy="no",',
    ),
    settings: { hardware: 'a100', devices: 1 },
    expect: [{ line: 9 }],
    fixes: [{ applicability: 'safe', outputIncludes: ['save_steps=1,'] }],
  },
]);

test('the proposed interval is always shorter than the run, or there is none', () => {
  for (const total of [1, 2, 3, 8, 9, 39, 40, 41, 400, 12_345])
    for (const wall of [0, 0.01, 1, 6.7, 100]) {
      const s = niceSaveSteps(total, wall);
      if (s !== undefined) assert.ok(s >= 1 && s < total, `${total} steps, ${wall} h → ${s}`);
    }
  assert.equal(niceSaveSteps(1, 10), undefined);
});
