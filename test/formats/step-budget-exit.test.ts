// How long a hand-written loop runs and how often it saves, where the shape leaves the step budget or the save interval
// out of the loop's own header: a `while True:` over the loader left at a step budget (by a `return`, or by a flag set
// beside the batch loop's `break`), a module-level config dict read inside the training function, and an evaluation
// helper that calls `model.train()` (not the script's own `train()`). Fixtures written for these tests.
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
