import { runRuleCases } from '../test/helpers/rule-harness';
import { synchronousDataloader } from './synchronous-dataloader';

const loop = (loader: string, device = 'cuda') => `import torch
from torch.utils.data import DataLoader
model = Net().to("${device}")
opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
loader = ${loader}
for epoch in range(20):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.to("${device}")), y.to("${device}"))
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

runRuleCases(synchronousDataloader, [
  {
    name: 'no workers (the default) on a GPU run: on the DataLoader call, the fix adds workers',
    code: loop('DataLoader(train, batch_size=64, shuffle=True)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 10, endColumn: 56, severity: 'warning', messageIncludes: 'the default' }],
    fixes: [{ applicability: 'unsafe', output: loop('DataLoader(train, batch_size=64, shuffle=True, num_workers=4)') }],
  },
  {
    name: 'num_workers=0 written: the fix replaces it',
    code: loop('DataLoader(train, batch_size=64, num_workers=0)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5 }],
    fixes: [{ applicability: 'unsafe', output: loop('DataLoader(train, batch_size=64, num_workers=4)') }],
  },
  {
    name: 'workers already',
    code: loop('DataLoader(train, batch_size=64, num_workers=8)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: 'a CPU run', code: loop('DataLoader(train, batch_size=64)', 'cpu'), expect: [] },
  {
    name: "the Trainer's default is not flagged",
    code: `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)\nTrainer(model="Qwen/Qwen2.5-0.5B", args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
