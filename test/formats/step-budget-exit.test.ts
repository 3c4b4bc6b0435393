// How long a hand-written loop runs and how often it saves, where the shape leaves the step budget or the save interval
// out of the loop's own header: a `while True:` over the loader left at a step budget (by a `return`, or by a flag set
// beside the batch loop's `break`), a module-level config dict read inside the training function, an evaluation
// helper that calls `model.train()` (not the script's own `train()`), and a config given alone whose reading script
// saves every N steps. Fixtures written for these tests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, fact } from './helpers';

const FLAG_EXIT = `import argparse
import torch
parser = argparse.ArgumentParser()
parser.add_argument("--max_train_steps", type=int, default=700000)
parser.add_argument("--validation_steps", type=int, default=1000)
args = parser.parse_args()
model = torch.nn.Linear(3, 3).cuda()
opt = torch.optim.AdamW(model.parameters())
loader = torch.utils.data.DataLoader(range(10), batch_size=8)
step = 0
done = False
while True:
    for batch in loader:
        loss = model(batch).sum()
        loss.backward()
        opt.step()
        step += 1
        if step % args.validation_steps == 0:
            torch.save(model.state_dict(), "m.pt")
        if step >= args.max_train_steps:
            done = True
            break
    if done:
        break
`;

test('a `while True:` over the loader left by a flag at a step budget: max_steps is that budget', async () => {
  const a = await analyze({ 'train.py': FLAG_EXIT }, 'train.py');
  const steps = fact(a, 'max_steps');
  assert.equal(steps?.value, 700000);
  assert.equal(steps?.origin, 'script-default');
  assert.equal(fact(a, 'save_steps')?.value, 1000);
  // Not a run without end.
  assert.equal(fact(a, 'epochs'), undefined);
});

test('a `while True:` that nothing leaves keeps no step budget, however the batch loop breaks', async () => {
  const code = FLAG_EXIT.replace('    if done:\n        break\n', '    print("next pass")\n');
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'max_steps'), undefined);
  assert.equal(fact(a, 'epochs')?.form, 'no-limit');
});

test('a `return` at the step budget inside `while True:` ends the run there', async () => {
  const code = `import argparse
import torch


def train(args):
    model = torch.nn.Linear(3, 3).cuda()
    opt = torch.optim.AdamW(model.parameters())
    loader = torch.utils.data.DataLoader(range(10), batch_size=8)
    global_step = 0
    while True:
        model.train()
        for batch in loader:
            loss = model(batch).sum()
            loss.backward()
            opt.step()
            global_step += 1
            if global_step >= args.train_steps:
                return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_steps", type=int, default=100000)
    train(parser.parse_args())


if __name__ == "__main__":
    main()
`;
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.equal(fact(a, 'max_steps')?.value, 100000);
  // The batch loop's own index restarts every pass: a return at it is no run budget.
  const own = code
    .replace('for batch in loader:', 'for i, batch in enumerate(loader):')
    .replace('global_step >= args.train_steps', 'i >= args.train_steps');
  const b = await analyze({ 'train.py': own }, 'train.py');
  assert.equal(fact(b, 'max_steps'), undefined);
});

const DICT_CONFIG = `import torch
from accelerate import Accelerator

config = {
    "batch_size": 8,
    "total_steps": 80000,
    "save_every": 80000 // 30,
}
model = torch.nn.Linear(3, 3)
optimizer = torch.optim.AdamW(model.parameters())
train_loader = torch.utils.data.DataLoader(range(10), batch_size=config["batch_size"])
accelerator = Accelerator()
model, optimizer, train_loader = accelerator.prepare(model, optimizer, train_loader)


def train():
    model.train()
    for batch_idx, x in enumerate(train_loader):
        loss = model(x).sum()
        accelerator.backward(loss)
        optimizer.step()
        if batch_idx % config["save_every"] == 0 and accelerator.is_main_process:
            torch.save(model.state_dict(), "last.pth")
            generate()
        if batch_idx >= config["total_steps"]:
            break


def generate():
    model.eval()
    with torch.no_grad():
        out = model(torch.zeros(3))
    model.train()
    return out


if __name__ == "__main__":
    train()
`;

test('a module-level config dict read inside train(), with an evaluation helper that calls model.train()', async () => {
  const a = await analyze({ 'train.py': DICT_CONFIG }, 'train.py');
  assert.equal(fact(a, 'max_steps')?.value, 80000);
  assert.equal(fact(a, 'save_steps')?.value, 2666);
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  // The helper's `model.train()` is no call of train(): the batch loop is not its own epoch loop.
  assert.equal(fact(a, 'epochs'), undefined);
});

test('a dict key the code writes again is not the literal’s value', async () => {
  const code = DICT_CONFIG.replace('def train():\n', 'def train():\n    config["save_every"] = 500\n');
  const a = await analyze({ 'train.py': code }, 'train.py');
  assert.notEqual(fact(a, 'save_steps')?.value, 2666);
  assert.equal(fact(a, 'max_steps')?.value, 80000);
});

const READER = `import argparse
import torch
from omegaconf import OmegaConf
parser = argparse.ArgumentParser()
parser.add_argument("--config", type=str, default="configs/base.yaml")
parser.add_argument("--checkpointing_steps", type=int, default=500)
args = parser.parse_args()
config = OmegaConf.load(args.config)
model = torch.nn.Linear(3, 3).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=config["optimizer"]["lr"])
loader = torch.utils.data.DataLoader(range(10), batch_size=config["training"]["batch_size"], num_workers=2)
global_step = 0
for epoch in range(config["training"]["epochs"]):
    for batch in loader:
        loss = model(batch).sum()
        loss.backward()
        opt.step()
        global_step += 1
        if global_step % args.checkpointing_steps == 0:
            torch.save(model.state_dict(), f"ckpt-{global_step}.pt")
`;
const CONFIG = `seed: 1
training:
  epochs: 50
  batch_size: 16
  root: /data/images
optimizer:
  lr: 0.0001
`;

test('a config given alone: the reading script’s save every N steps (its option default) is the run’s', async () => {
  const a = await analyze({ 'train.py': READER, 'configs/base.yaml': CONFIG }, 'configs/base.yaml');
  assert.equal(fact(a, 'epochs')?.value, 50);
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  const every = fact(a, 'save_steps');
  assert.equal(every?.value, 500);
  assert.equal(every?.origin, 'inferred');
});

test('a config given alone whose reading script saves once per epoch gets no step interval', async () => {
  const code = READER.replace(
    '        if global_step % args.checkpointing_steps == 0:\n            torch.save(model.state_dict(), f"ckpt-{global_step}.pt")\n',
    '    if epoch % 5 == 0:\n        torch.save(model.state_dict(), f"ckpt-{epoch}.pt")\n',
  );
  const a = await analyze({ 'train.py': code, 'configs/base.yaml': CONFIG }, 'configs/base.yaml');
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch');
  assert.equal(fact(a, 'save_steps'), undefined);
});

test('a config given alone whose reading script saves at a config key it leaves out gets no interval of another config', async () => {
  const code = READER.replace('% args.checkpointing_steps', '% config["training"]["save_every"]').replace(
    'model = torch.nn',
    'torch.manual_seed(config["seed"])\nroot = config["training"]["root"]\nmodel = torch.nn',
  );
  const base = CONFIG.replace('  root: /data/images\n', '  root: /data/images\n  save_every: 1000\n');
  const other = CONFIG.replace('epochs: 50', 'epochs: 80');
  const a = await analyze(
    { 'train.py': code, 'configs/base.yaml': base, 'configs/other.yaml': other },
    'configs/other.yaml',
  );
  assert.equal(fact(a, 'epochs')?.value, 80);
  assert.notEqual(fact(a, 'save_steps')?.value, 1000);
});
