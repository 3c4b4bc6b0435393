// GML404 where the step is spelled through the file's own functions: a step closure a factory hands back, a backward
// pass wrapped in a helper (and that helper bound with functools.partial), and a step whose backward passes run in a
// loop over micro-batches (PyTorch accumulation, optax's apply_every). Split from the other GML404 test files to keep
// each file small.
import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

// A factory returning the step closure a script elsewhere calls once per batch (`train = make_step(...)`).
const factory = (tail: string) => `import torch


def make_step(gen, disc, cfg):
    def step(real, labels):
        disc.opt.zero_grad()
        for _ in range(cfg["d_steps"]):
            d_loss = disc.loss(gen.sample(labels), real)
            d_loss.backward()
        disc.opt.step()
        gen.opt.zero_grad()
        g_loss = disc.loss_g(gen.sample(labels))
        g_loss.backward()
        gen.opt.step()
${tail}
    return step
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a step closure its factory returns: each read in it is per step',
    code: factory("        return {'g': g_loss.item(), 'd': d_loss.item()}"),
    settings: { hardware: 'a100' },
    expect: [{ line: 15, column: 22, messageIncludes: 'g_loss.item() on every training step' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'a closure its factory returns that runs no update (a sampler) is not a step',
    code:
      factory('        return g_loss') +
      `

def make_sampler(gen):
    @torch.no_grad()
    def sample(labels):
        images = gen(labels)
        return images.cpu().numpy(), images.mean().item()
    return sample
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "a closure's read under a logging interval is not per step",
    code: factory(
      "        if cfg['step'] % cfg['log_every'] == 0:\n            print(g_loss.item())\n        return g_loss",
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A trainer class whose backward pass goes through a helper of the file, bound with functools.partial, inside a
// loop over micro-batches; its `train` is called once per step by a script elsewhere.
const trainer = (inner: string, after = '') => `from functools import partial

import torch


def scaled_backward(fp16, loss, optimizer):
    if fp16:
        with amp.scale_loss(loss, optimizer) as scaled:
            scaled.backward()
    else:
        loss.backward()


class Trainer:
    def train(self):
        bwd = partial(scaled_backward, self.fp16)
        total = 0.0
        self.opt.zero_grad()
        for i in range(self.grad_accum_every):
            loss = self.model(next(self.loader).cuda()).mean()
            bwd(loss / self.grad_accum_every, self.opt)
${inner}
        self.opt.step()
${after}`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a backward helper bound with partial, in a micro-batch loop: the read there runs every micro-step',
    code: trainer('            total += loss.detach().item() / self.grad_accum_every'),
    settings: { hardware: 'a100' },
    expect: [{ line: 22, column: 22, messageIncludes: 'loss.detach().item()' }],
  },
  {
    name: 'a read once the accumulated step is done, in the same train(): per step too',
    code: trainer('            total += loss.detach()', '        self.last_loss = float(total.item())\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 24, messageIncludes: 'total.item()' }],
  },
]);

// JAX with optax's apply_every: the outer loop is one optimizer step, its inner loop the micro-batches.
const jax = (read: string) => `import jax
import optax

optim = optax.chain(optax.adamw(3e-4), optax.apply_every(4))
opt_state = optim.init(params)
for i in range(100_000):
    for _ in range(grad_accum_every):
        loss, grads = loss_fn(params, next(train_iter))
        updates, opt_state = optim.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
${read}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'JAX: a read after the micro-batch loop of each optimizer step is per step',
    code: jax("    print(f'loss: {loss.item()}')"),
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'JAX: the same read under a logging interval is not',
    code: jax("    if i % 100 == 0:\n        print(f'loss: {loss.item()}')"),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'an epoch loop around a batch loop is not a micro-batch loop: a read after the batches is once per epoch',
    code: `import torch
for epoch in range(90):
    for x, y in loader:
        loss = model(x.cuda(), y.cuda())
        loss.backward()
        opt.step()
    print(loss.item())
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A project's conversion helper (`utils.to_item`, `to_np`): the read one call away.
const converting = (line: string) => `import torch
import utils

for step, (x, y) in enumerate(loader):
    loss = model(x.cuda(), y.cuda())
    opt.zero_grad()
    loss.backward()
    opt.step()
${line}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'utils.to_item(loss.data) on every step',
    code: converting('    total += utils.to_item(loss.data)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 14, messageIncludes: 'utils.to_item(…)' }],
  },
  {
    name: 'to_np of the input batch (not a value the step computed): not flagged',
    code: converting('    grid = to_np(x[:8])'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A closure handed to the optimizer's step (LBFGS style): the optimizer runs it within every step.
runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a read in a closure given to opt.step(closure)',
    code: `import torch


class Trainer:
    def step(self, batch):
        def closure():
            self.opt.zero_grad()
            loss = self.model(batch.cuda())
            loss.backward()
            self.stats["loss"] = loss.item()
            return loss

        self.opt.step(closure)

    def fit(self, loader, epochs):
        for epoch in range(epochs):
            for batch in loader:
                self.step(batch)
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 10, column: 34, messageIncludes: 'loss.item()' }],
  },
]);

// Conditions that look like an interval but hold on (nearly) every step.
const intervals = (guard: string, head = '') => `import torch
${head}model = Net().cuda()
opt = torch.optim.AdamW(model.parameters())
for it, (x, y) in enumerate(loader):
    loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
    loss.backward()
${guard}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a logging interval of 1 is every step',
    code: intervals(
      '    opt.step()\n    if it % log_interval == 0:\n        print(f"loss {loss.item():.4f}")',
      'log_interval = 1\n',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'a logging interval of 10 limits the read',
    code: intervals(
      '    opt.step()\n    if it % log_interval == 0:\n        print(f"loss {loss.item():.4f}")',
      'log_interval = 10\n',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a bare modulo as the condition holds on all but one step in 50',
    code: intervals('    opt.step()\n    if it % 50:\n        print(f"loss {loss.item():.4f}")'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9 }],
  },
  {
    name: 'a read at the accumulation boundary, beside the optimizer step, runs every optimizer step',
    code: intervals(
      '    if (it + 1) % accum == 0:\n        total += loss.item()\n        opt.step()\n        opt.zero_grad()',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 8 }],
  },
  {
    name: 'accelerate: the loss given to accelerator.backward, formatted into accelerator.print every step',
    code: `import torch
from accelerate import Accelerator
accelerator = Accelerator()
model, opt, loader = accelerator.prepare(Net(), torch.optim.AdamW(params), loader)
for step, batch in enumerate(loader):
    loss = model(**batch).loss
    accelerator.backward(loss)
    accelerator.print(f"step {step} loss {loss}")
    opt.step()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 8 }],
  },
]);
