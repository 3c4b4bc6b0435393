import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

const loop = (body: string) => `import torch
model = Net().cuda()
opt = torch.optim.AdamW(model.parameters())
total = 0.0
for step, (x, y) in enumerate(loader):
    loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
    loss.backward()
    opt.step()
${body}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'loss.item() on every step',
    code: loop('    total += loss.item()'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 14, endColumn: 25, messageIncludes: 'loss.item() on every training step' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'every 100 steps',
    code: loop('    if step % 100 == 0:\n        print(loss.item())'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'after the loop, once',
    code: loop('    pass\nprint(loss.item())'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
