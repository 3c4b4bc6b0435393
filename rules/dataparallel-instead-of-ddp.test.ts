import { runRuleCases } from '../test/helpers/rule-harness';
import { dataparallelInsteadOfDdp } from './dataparallel-instead-of-ddp';

const loop = (wrap: string) => `import torch
model = Net().cuda()
model = ${wrap}
opt = torch.optim.AdamW(model.parameters())
for x, y in loader:
    loss = model(x.cuda()).sum()
    loss.backward()
    opt.step()
`;

runRuleCases(dataparallelInsteadOfDdp, [
  {
    name: 'DataParallel',
    code: loop('torch.nn.DataParallel(model)'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 3, column: 9, endColumn: 37, severity: 'warning', messageIncludes: 'one process' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'DistributedDataParallel is right',
    code: loop('torch.nn.parallel.DistributedDataParallel(model, device_ids=[rank])'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [],
  },
  {
    name: "a DataParallel subclass (synchronised BatchNorm's DataParallelWithCallback)",
    code: loop('DataParallelWithCallback(model, device_ids=[0, 1])'),
    settings: { hardware: 'a100', devices: 2 },
    expect: [{ line: 3, column: 9, severity: 'warning' }],
  },
  {
    name: 'a class that subclasses DataParallel is defined, not called; DDP is used',
    code:
      'class MyDataParallel(torch.nn.DataParallel):\n    pass\n\n\n' +
      loop('torch.nn.parallel.DistributedDataParallel(model, device_ids=[rank])'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [],
  },
  {
    name: 'a unit test of a parallel module checks code, it trains nothing (no run)',
    code:
      'from .unittest import TorchTestCase\nimport torch\n\n\nclass SyncTestCase(TorchTestCase):\n    def testSyncBN(self):\n' +
      '        bn = DataParallelWithCallback(torch.nn.BatchNorm1d(10).cuda(), device_ids=[0, 1])\n' +
      '        bn(torch.rand(16, 10).cuda()).sum().backward()\n',
    settings: { hardware: 'a100', devices: 2 },
    noRun: true,
    expect: [],
  },
  {
    name: 'two models wrapped: one finding each',
    code: loop('torch.nn.DataParallel(model)\ndisc = torch.nn.DataParallel(Disc().cuda())'),
    settings: { hardware: 'a100', devices: 2 },
    expect: [{ line: 3 }, { line: 4, column: 8 }],
  },
]);
