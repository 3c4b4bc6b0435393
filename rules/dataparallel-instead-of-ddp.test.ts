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

// Where the wrapper runs: the default training run, a flag's branch, an evaluation-only path.
const script = (body: string) => `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--dp", action="store_true")
parser.add_argument("--testOnly", action="store_true")
parser.add_argument("--parallel", type=int, default=1)
args = parser.parse_args()
model = Net().cuda()
${body}opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(200):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

runRuleCases(dataparallelInsteadOfDdp, [
  {
    name: 'DataParallel in the branch of a test-only flag that exits: evaluation, not training',
    code: script(
      'if args.testOnly:\n    net = torch.nn.DataParallel(model)\n    net.eval()\n    evaluate(net, test_loader)\n    raise SystemExit(0)\n',
    ),
    settings: { hardware: 'a100', devices: 4 },
    expect: [],
  },
  {
    name: 'DataParallel in an evaluation function (no backward pass): not training',
    code: script(
      'def evaluate(model, loader):\n    model = torch.nn.DataParallel(model)\n    model.eval()\n    with torch.no_grad():\n        return [model(x.cuda()) for x, _ in loader]\n\n\n',
    ).replace('        opt.step()\n', '        opt.step()\n    evaluate(model, val_loader)\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [],
  },
  {
    name: 'DataParallel under a store_true flag (off by default): information',
    code: script('if args.dp:\n    model = torch.nn.DataParallel(model)\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 10, severity: 'information' }],
  },
  {
    name: 'DataParallel under a config flag whose value is not in view: information',
    code: script('if config["use_dp"]:\n    model = torch.nn.DataParallel(model)\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 10, severity: 'information' }],
  },
  {
    name: 'DataParallel under a flag that is on by default: a warning',
    code: script('if args.parallel:\n    model = torch.nn.DataParallel(model)\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 10, severity: 'warning' }],
  },
  {
    name: 'DataParallel whenever several GPUs are visible: a warning',
    code: script('if torch.cuda.device_count() > 1:\n    model = torch.nn.DataParallel(model)\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 10, severity: 'warning' }],
  },
  {
    name: 'DataParallel when the requested GPU count is over 1 (`--parallel` defaults to 1): information',
    code: script('if args.parallel > 1:\n    model = torch.nn.DataParallel(model)\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 10, severity: 'information' }],
  },
  {
    name: 'the same test through a name bound once (`is_parallel = args.parallel > 1`): information',
    code: script('is_parallel = args.parallel > 1\nif is_parallel:\n    model = torch.nn.DataParallel(model)\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 11, severity: 'information' }],
  },
  {
    name: 'a GPU-count flag whose default asks for several GPUs: a warning',
    code: script('if args.parallel > 1:\n    model = torch.nn.DataParallel(model)\n').replace(
      'type=int, default=1',
      'type=int, default=4',
    ),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 10, severity: 'warning' }],
  },
  {
    name: 'DataParallel in a helper the script never calls',
    code: script('def wrap(m):\n    return torch.nn.DataParallel(m)\n\n\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [],
  },
]);

// A trainer class that keeps its options (`self.args`): the flag is read the same way; its default is not in view.
runRuleCases(dataparallelInsteadOfDdp, [
  {
    name: 'DataParallel under `self.args.use_multi_gpu` in a module (the default is set elsewhere): information',
    code: `import torch
import torch.nn as nn


class Exp:
    def __init__(self, args):
        self.args = args
        self.model = self._build_model().cuda()

    def _build_model(self):
        model = Net(self.args).float()
        if self.args.use_multi_gpu and self.args.use_gpu:
            model = nn.DataParallel(model, device_ids=self.args.device_ids)
        return model

    def train(self, loader):
        for x, y in loader:
            loss = (self.model(x.cuda()) - y.cuda()).pow(2).mean()
            loss.backward()
            self.opt.step()
`,
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 13, severity: 'information' }],
  },
]);

// A wrapper around a model that only runs inference in the training run (a frozen teacher, a frozen backbone whose
// features a trained head reads): information that says so, never a warning. Any use that may train it keeps the
// warning.
const distil = (teacher: string, step = '    with torch.no_grad():\n        t = teacher(x.cuda())\n') => `import torch
import torch.nn as nn
import torch.nn.functional as F
student = Student().cuda()
teacher = Teacher()
teacher.load_state_dict(torch.load("teacher.pt"))
${teacher}opt = torch.optim.SGD(student.parameters(), lr=0.1)
for x, y in loader:
    s = student(x.cuda())
${step}    loss = F.kl_div(F.log_softmax(s, -1), F.softmax(t, -1))
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

runRuleCases(dataparallelInsteadOfDdp, [
  {
    name: 'a teacher in eval() whose forward passes all run under no_grad: information, says it only runs inference',
    code: distil('teacher = nn.DataParallel(teacher).cuda()\nteacher.eval()\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 7, column: 11, severity: 'information', messageIncludes: 'only runs inference' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'a teacher frozen by requires_grad, its forward outside no_grad: information',
    code: distil(
      'teacher = nn.DataParallel(teacher.cuda())\nfor p in teacher.parameters():\n    p.requires_grad = False\n',
      '    t = teacher(x.cuda())\n',
    ),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 7, severity: 'information', messageIncludes: 'only runs inference' }],
  },
  {
    name: 'a teacher passed to a training function of the file, used there under no_grad in eval(): information',
    code: `import torch
import torch.nn as nn
import torch.nn.functional as F


def train_epoch(model, teacher_model, loader, opt):
    model.train()
    teacher_model.eval()
    for x, y in loader:
        with torch.no_grad():
            t = teacher_model(x.cuda())
        loss = F.mse_loss(model(x.cuda()), t)
        opt.zero_grad()
        loss.backward()
        opt.step()


student = Student().cuda()
teacher = nn.DataParallel(Teacher()).cuda()
load_checkpoint("teacher.pt", teacher)
opt = torch.optim.Adam(student.parameters())
for epoch in range(10):
    train_epoch(student, teacher, loader, opt)
`,
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 19, severity: 'information', messageIncludes: 'only runs inference' }],
  },
  {
    name: 'a frozen backbone under no_grad and a trained head, both wrapped: information for one, a warning for the other',
    code: `import torch
import torch.nn.functional as F
backbone = torch.nn.DataParallel(Backbone().cuda())
head = torch.nn.DataParallel(torch.nn.Linear(512, 10).cuda())
opt = torch.optim.SGD(head.parameters(), lr=0.1)
for epoch in range(90):
    backbone.eval()
    head.train()
    for x, y in loader:
        with torch.no_grad():
            f = backbone(x.cuda())
        loss = F.cross_entropy(head(f), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`,
    settings: { hardware: 'a100', devices: 4 },
    expect: [
      { line: 3, severity: 'information', messageIncludes: 'only runs inference' },
      { line: 4, severity: 'warning', messageIncludes: 'one process' },
    ],
  },
]);

// Where it must stay a warning: any sign that the wrapped model trains.
runRuleCases(dataparallelInsteadOfDdp, [
  {
    name: 'eval() and no_grad for validation, but the training forward pass runs outside no_grad: a warning',
    code: `import torch
model = torch.nn.DataParallel(Net().cuda())
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(90):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        acc = sum((model(x.cuda()).argmax(1) == y.cuda()).sum() for x, y in val_loader)
`,
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 2, severity: 'warning' }],
  },
  {
    name: 'a teacher in eval() under no_grad whose parameters reach an optimizer: a warning',
    code: distil(
      'teacher = nn.DataParallel(teacher).cuda()\nteacher.eval()\nopt_t = torch.optim.SGD(teacher.parameters(), lr=0.01)\n',
    ),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 7, severity: 'warning' }],
  },
  {
    name: 'a teacher in eval() under no_grad but passed to a library call that may train it: a warning',
    code: distil('teacher = nn.DataParallel(teacher).cuda()\nteacher.eval()\nengine.fit(teacher, loader)\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 7, severity: 'warning' }],
  },
  {
    name: 'only a sub-module frozen (`teacher.backbone.parameters()`): a warning',
    code: distil(
      'teacher = nn.DataParallel(teacher.cuda())\nfor p in teacher.backbone.parameters():\n    p.requires_grad = False\n',
      '    t = teacher(x.cuda())\n',
    ),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 7, severity: 'warning' }],
  },
  {
    name: 'in eval() but one forward pass outside no_grad and its weights not frozen: a warning',
    code: distil('teacher = nn.DataParallel(teacher).cuda()\nteacher.eval()\n', '    t = teacher(x.cuda())\n'),
    settings: { hardware: 'a100', devices: 4 },
    expect: [{ line: 7, severity: 'warning' }],
  },
]);
