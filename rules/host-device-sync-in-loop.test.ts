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
  {
    name: 'the loss tensor printed on every step',
    code: loop('    print(f"step {step} loss {loss}")'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 5, messageIncludes: 'print(f"step {step} loss {loss}")' }],
  },
  {
    name: 'the loss tensor logged to W&B on every step',
    code: loop('    wandb.log({"loss": loss, "step": step})'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 5 }],
  },
  {
    name: 'predictions copied to the host on every step',
    code: loop('    preds.append(logits.argmax(1).cpu())'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9 }],
  },
  {
    name: 'only the loss shape printed: no tensor read',
    code: loop('    print(loss.shape, step)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'logged under a conditional expression',
    code: loop('    print(loss.item()) if step % 50 == 0 else None'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'read once per epoch, after the batch loop (a while loop around it)',
    code: `import torch
model = Net().cuda()
opt = torch.optim.AdamW(model.parameters())
epoch = 0
while epoch < 90:
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(epoch, loss.item())
    epoch += 1
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a while loop of steps in a helper function, read with scaler-scaled backward',
    code: `import torch
scaler = torch.cuda.amp.GradScaler()


def train(model, opt, max_iters):
    it = 0
    while it < max_iters:
        x, y = get_batch()
        loss = model(x.cuda(), y.cuda())
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
        writer.add_scalar("train/loss", loss, it)
        it += 1
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 13, column: 9 }],
  },
  {
    name: 'CPU runs',
    code: loop('    total += loss.item()').replace(/\.cuda\(\)/g, '.to("cpu")'),
    expect: [],
  },
  {
    name: 'an if that only picks a code path (mode, model kind) still runs every step',
    code: loop('    if mode == "train":\n        total += loss.item()'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, column: 18 }],
  },
  {
    name: 'an if on the loop counter limits it',
    code: loop('    if step == 0:\n        print(loss.item())'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'an if on the main process still reads every step there (the other ranks wait for it)',
    code: loop('    if is_main_process:\n        wandb.log({"loss": loss.item()})'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, column: 28 }],
  },
  {
    name: 'a rank check with a logging interval limits it',
    code: loop('    if rank == 0 and step % 100 == 0:\n        wandb.log({"loss": loss.item()})'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'reinforcement learning: the action goes to a CPU environment every step',
    code: `import torch
policy = Policy().cuda()
opt = torch.optim.Adam(policy.parameters(), lr=1e-3)
state = env.reset()
for t in range(100000):
    dist = policy(torch.as_tensor(state).cuda())
    action = dist.sample()
    state, reward, done, info = env.step(action.item())
    loss = -dist.log_prob(action) * reward
    opt.zero_grad()
    loss.backward()
    opt.step()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A step written as a function: the loop calls it, ignite's Engine runs it, or the framework calls its hook.
const stepFn = (read: string, runner: string) => `import torch
model = Net().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(engine, batch):
    x, y = batch[0].cuda(), batch[1].cuda()
    loss = torch.nn.functional.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
${read}


${runner}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'ignite: a step function handed to Engine reads the loss on every step',
    code: stepFn(
      '    return {"loss": loss.item()}',
      'trainer = Engine(train_step)\ntrainer.run(loader, max_epochs=90)',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, column: 21, endColumn: 32, messageIncludes: 'loss.item() on every training step' }],
  },
  {
    name: 'a step function called in the batch loop: its read runs every step',
    code: stepFn(
      '    return loss.item()',
      'for epoch in range(90):\n    for batch in loader:\n        train_step(None, batch)',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, column: 12 }],
  },
  {
    name: 'the loop reads the loss a step function returns',
    code: stepFn(
      '    return loss',
      'total = 0.0\nfor epoch in range(90):\n    for batch in loader:\n        total += train_step(None, batch).item()',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 18, column: 18 }],
  },
  {
    name: 'the step function reads under a logging interval',
    code: stepFn(
      '    if engine.state.iteration % 100 == 0:\n        print(loss.item())',
      'trainer = Engine(train_step)\ntrainer.run(loader, max_epochs=90)',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'an evaluation step handed to Engine runs no backward pass: its reads are not per training step',
    code: `import torch
model = Net().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
    opt.zero_grad()
    loss.backward()
    opt.step()


def eval_step(engine, batch):
    with torch.no_grad():
        return model(batch[0].cuda()).argmax(1).cpu()


evaluator = Engine(eval_step)
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a step function nothing in view runs every step is not judged',
    code: stepFn('    return loss.item()', 'register(train_step)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a step function in a reinforcement-learning file (a gym environment feeds it)',
    code:
      'import gym\n' +
      stepFn('    return loss.item()', 'trainer = Engine(train_step)\ntrainer.run(loader, max_epochs=90)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

const lightning = (step: string) => `import torch
import lightning as L


class Classifier(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Linear(1024, 10)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = torch.nn.functional.cross_entropy(self.net(x), y)
${step}
        return loss

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters())


trainer = L.Trainer(max_epochs=90, accelerator="gpu", devices=1)
trainer.fit(Classifier(), train_loader)
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'Lightning: .item() in training_step is read on every step (self.log takes the tensor)',
    code: lightning('        self.log("train_loss", loss.item())'),
    settings: { hardware: 'a100' },
    expect: [{ line: 13, column: 32, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'Lightning: self.log of the tensor accumulates on the device',
    code: lightning('        self.log("train_loss", loss)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Lightning: read every 50 batches',
    code: lightning('        if batch_idx % 50 == 0:\n            print(loss.item())'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// JAX / Flax: the jitted step applies the gradients; reading its loss on the host every step blocks async dispatch.
const flax = (read: string) => `import jax
import optax
from flax.training import train_state

tx = optax.adamw(1e-3)
state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)


@jax.jit
def train_step(state, batch):
    def loss_fn(params):
        return cross_entropy(state.apply_fn(params, batch["x"]), batch["y"])

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


for epoch in range(90):
    for batch in loader:
        state, loss = train_step(state, batch)
${read}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'Flax: the loss of a jitted step read with .item() every step',
    code: flax('        history.append(loss.item())'),
    settings: { hardware: 'a100' },
    expect: [{ line: 21, column: 24 }],
  },
  {
    name: 'Flax: the loss kept on the device, read after the epoch',
    code: flax('        history.append(loss)\n    print(jax.device_get(history[-1]))'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

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
    name: 'a loss helper the step calls every step: its reads are per step',
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
    expect: [{ line: 9, column: 27, messageIncludes: 'loss.item()' }],
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
