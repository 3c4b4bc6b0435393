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
    name: "loss.data[0] (PyTorch 0.3's way to read the loss) on every step",
    code: loop('    total += loss.data[0]'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 14, messageIncludes: 'loss.data[0] on every training step' }],
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
