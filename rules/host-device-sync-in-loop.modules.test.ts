// GML404 on training code that is not a script: training-loop modules, helpers the step calls, nested loops in the
// step, micro-batch loops, Lightning modules without their Trainer, loss scalers. Split from
// host-device-sync-in-loop.test.ts (the script cases) to keep each file small.
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

// A training-loop module: a solver class whose step runs the backward pass, called by a script in another file.
const solver = (step: string, extra = '') => `import torch


class Solver:
    def __init__(self, net):
        self.net = net.cuda()
        self.opt = torch.optim.SGD(self.net.parameters(), lr=0.1)

    def train_step(self, x, y):
        loss_cls, loss_rec = self.net(x.cuda(), y.cuda())
        loss = loss_cls + loss_rec
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
${step}
${extra}`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a module: each read in a step that a script elsewhere calls is its own finding',
    code: solver("        log = {'cls': loss_cls.item()}\n        log['rec'] = loss_rec.item()\n        return log"),
    settings: { hardware: 'a100' },
    expect: [
      { line: 15, column: 23, messageIncludes: 'loss_cls.item() on every training step' },
      { line: 16, column: 22, messageIncludes: 'loss_rec.item()' },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'two reads on one line are one finding',
    code: solver('        return loss_cls.item(), loss_rec.item()'),
    settings: { hardware: 'a100' },
    expect: [{ line: 15, messageIncludes: 'loss_cls.item()', messageExcludes: 'more read' }],
  },
  {
    name: 'a module: its evaluation under no_grad is not a step',
    code: solver(
      '        return loss',
      '    @torch.no_grad()\n    def evaluate(self, loader):\n        for x, y in loader:\n            print(self.net(x.cuda(), y.cuda())[0].item())\n',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a loss helper the step calls every step: reported on the read and on the call in the step',
    code: `import torch
model = Net().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)


def compute_loss(x, y):
    out = model(x)
    loss = torch.nn.functional.cross_entropy(out, y)
    return loss, {"loss": loss.item()}


for x, y in loader:
    loss, stats = compute_loss(x.cuda(), y.cuda())
    opt.zero_grad()
    loss.backward()
    opt.step()
`,
    settings: { hardware: 'a100' },
    expect: [
      {
        line: 9,
        column: 27,
        messageIncludes:
          'loss.item() in compute_loss(…), which the training step calls at line 13, on every training step',
      },
      {
        line: 13,
        column: 19,
        messageIncludes: 'compute_loss(…), which runs loss.item() (line 9), on every training step',
      },
    ],
  },
  {
    name: 'a helper that reads three losses on three lines: three findings there, one on the call that names them',
    code: `import torch
model = Net().cuda()
opt = torch.optim.Adam(model.parameters())


def d_loss(x, y):
    real = model.real_loss(x)
    fake = model.fake_loss(y)
    reg = model.reg_loss(x)
    loss = real + fake + reg
    return loss, dict(real=real.item(),
                      fake=fake.item(),
                      reg=reg.item())


for x, y in loader:
    loss, parts = d_loss(x.cuda(), y.cuda())
    opt.zero_grad()
    loss.backward()
    opt.step()
`,
    settings: { hardware: 'a100' },
    expect: [
      { line: 11, messageIncludes: 'real.item() in d_loss(…)' },
      { line: 12, messageIncludes: 'fake.item() in d_loss(…)' },
      { line: 13, messageIncludes: 'reg.item() in d_loss(…)' },
      { line: 17, messageIncludes: 'd_loss(…), which runs real.item() and 2 more reads (lines 11–13)' },
    ],
  },
  {
    name: 'an epoch loop around train() (its own batch loop runs backward) and evaluate(): the evaluation is not per step',
    code: `import torch
model = Net().cuda()
opt = torch.optim.Adam(model.parameters())


def train(loader):
    for x, y in loader:
        loss = torch.nn.functional.mse_loss(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
        total = loss.item()
    return total


def evaluate(loader):
    preds = torch.cat([model(x.cuda()) for x, _ in loader])
    return preds.cpu().numpy()


for epoch in range(100):
    train(train_loader)
    evaluate(val_loader)
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'a helper called only at a logging interval is not per step',
    code: `import torch
model = Net().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)


def report(loss):
    print(loss.item())


for i, (x, y) in enumerate(loader):
    loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
    opt.zero_grad()
    loss.backward()
    opt.step()
    if i % 100 == 0:
        report(loss)
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'an if that holds the generator update is the step, not a logging interval',
    code: loop(
      '    if (step + 1) % n_critic == 0:\n        g_loss = model.g_loss(x.cuda())\n        g_loss.backward()\n        total += g_loss.item()',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'g_loss.item()' }],
  },
  {
    name: "PyTorch 0.3's loss.data[0] on every step",
    code: loop('    total += loss.data[0]'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 14, endColumn: 26, messageIncludes: 'loss.data[0]' }],
  },
  {
    name: 'a module on CPU is not judged',
    code: solver('        return loss.item()').replace('net.cuda()', 'net.to("cpu")'),
    settings: { hardware: 'cpu' },
    expect: [],
  },
]);

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: "an engine module: timm's loss scaler runs the backward pass; the read and the synchronize are per step",
    code: `import math
import torch


def train_one_epoch(model, criterion, loader, optimizer, device, loss_scaler):
    for samples, targets in loader:
        with torch.cuda.amp.autocast():
            loss = criterion(model(samples.to(device)), targets.to(device))
        loss_value = loss.item()
        optimizer.zero_grad()
        loss_scaler(loss, optimizer, parameters=model.parameters())
        torch.cuda.synchronize()


@torch.no_grad()
def evaluate(loader, model, device):
    for images, target in loader:
        print(model(images.to(device)).argmax(1).eq(target.to(device)).float().mean().item())
`,
    settings: { hardware: 'a100' },
    expect: [
      { line: 9, messageIncludes: 'loss.item()' },
      { line: 12, messageIncludes: 'torch.cuda.synchronize()' },
    ],
  },
  {
    name: 'a model module whose torch import lives in its base class: its optimize_parameters is a step',
    code: `from base_model import BaseModel


class Pix2Pix(BaseModel):
    def optimize_parameters(self):
        self.forward()
        self.optimizer_D.zero_grad()
        self.loss_D = self.criterion(self.netD(self.fake), False)
        self.loss_D.backward()
        self.optimizer_D.step()
        self.stats = {"D": self.loss_D.item()}
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: 'self.loss_D.item()' }],
  },
  {
    name: 'a LightningModule without its Trainer: training_step is the step',
    code: `import torch
import lightning as L


class Classifier(L.LightningModule):
    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = torch.nn.functional.cross_entropy(self(x), y)
        print(loss.item())
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        print(torch.nn.functional.cross_entropy(self(x), y).item())
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 9, messageIncludes: 'loss.item()' }],
  },
  {
    name: "MXNet's loss.backward() and trainer.step() are not PyTorch's",
    code: `from mxnet import autograd, gluon

for x, y in loader:
    with autograd.record():
        loss = loss_fn(net(x), y)
    loss.backward()
    trainer.step(x.shape[0])
    print(loss.mean().asscalar())
`,
    settings: { hardware: 'a100' },
    noRun: true,
    expect: [],
  },
]);

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a loop over metrics inside the step runs every step; a CUDA-availability check is no interval',
    code: `import torch


def pass_epoch(model, loss_fn, loader, optimizer, metrics, device="cpu"):
    for x, y in loader:
        out = model(x.to(device))
        loss = loss_fn(out, y.to(device))
        loss.backward()
        optimizer.step()
        for name, fn in metrics.items():
            stats[name] = fn(out, y).detach().cpu()
        if torch.cuda.is_available():
            torch.cuda.synchronize()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: 'detach().cpu()' }, { line: 13 }],
  },
  {
    name: 'micro-batches: the loop that steps the optimizer is the step; its reads are per step',
    code: `import torch
model = Net().cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for step, (data, targets) in enumerate(loader):
    optimizer.zero_grad()
    for chunk, target in zip(data.chunk(4), targets.chunk(4)):
        loss = criterion(model(chunk.cuda()), target.cuda())
        loss.backward()
    optimizer.step()
    loss_meter.update(loss.item())
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 10, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'the epoch loop around the step loop is not per step',
    code: `import torch
model = Net().cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(90):
    for x, y in loader:
        loss = criterion(model(x.cuda()), y.cuda())
        loss.backward()
        optimizer.step()
    scheduler.step()
    for name, p in model.named_parameters():
        print(name, p.norm().item())
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: "a library function's device='cpu' default is the caller's choice, not a CPU run",
    code: `import torch


def pass_epoch(model, loss_fn, loader, optimizer, device="cpu"):
    for x, y in loader:
        loss = loss_fn(model(x.to(device)), y.to(device))
        loss.backward()
        optimizer.step()
        total = loss.detach().cpu()
`,
    expect: [{ line: 9, messageIncludes: 'loss.detach().cpu()' }],
  },
  {
    name: 'a comparison with the CPU device tests where the run is, it does not put it there',
    code: `import torch


class Trainer(BaseTrainer):
    def _train_epoch(self, epoch):
        if self.device == torch.device("cpu"):
            self.prefetch = False
        for x, y in self.loader:
            loss = self.loss(self.model(x), y)
            loss.backward()
            self.optimizer.step()
            self.meter.update(loss.item())
`,
    expect: [{ line: 12, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'a script that puts everything on the CPU is a CPU run',
    code: `import torch
device = torch.device("cpu")
model = Net().to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = loss_fn(model(x.to(device)), y.to(device))
    loss.backward()
    optimizer.step()
    print(loss.item())
`,
    expect: [],
  },
]);

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: "a module of algorithms: each class's update is a step (a dict's .update is not a reference to it)",
    code: `import torch


class ERM(torch.nn.Module):
    def update(self, minibatches):
        loss = self.loss(minibatches)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return {"loss": loss.item()}


class Mixup(ERM):
    def update(self, minibatches):
        objective = self.mix(minibatches)
        self.optimizer.zero_grad()
        objective.backward()
        self.optimizer.step()
        results = {}
        results.update({"loss": objective.item()})
        return results
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 10 }, { line: 20 }],
  },
]);

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: "Python's logging and a progress bar's description format the loss tensor every step",
    code: loop('    logger.info("step %d loss %s", step, loss)\n    pbar.set_description(f"loss {loss:.3f}")'),
    settings: { hardware: 'a100' },
    expect: [
      { line: 9, messageIncludes: 'logger.info' },
      { line: 10, messageIncludes: 'set_description' },
    ],
  },
  {
    name: 'logging at an interval, or text without the tensor, is not a read',
    code: loop('    logger.info("step done")\n    if step % 50 == 0:\n        logger.info("loss %s", loss)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "a module's loss attribute printed in its step",
    code: `from base_model import BaseModel


class GAN(BaseModel):
    def optimize_parameters(self):
        self.loss_G = self.criterion(self.netD(self.fake), True)
        self.loss_G.backward()
        self.optimizer_G.step()
        print("G", self.loss_G)
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 9, messageIncludes: 'print' }],
  },
]);
