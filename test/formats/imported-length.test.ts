// A run length the script reads from a config module it imports (`from conf import *` with `epoch = 1000` in
// conf.py, also through a module that star-imports it; `from config import EPOCHS`; `import config as C` …
// `C.epochs`): the loop's epoch count, so that the rules that need the run length (GML601 unbounded-training,
// GML301 no-periodic-checkpoint) see it. Precision first: a name the script binds itself, a name two modules give
// different values, a value set under a condition, or a module outside the tree leave it unknown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LOOP = (bound: string, imports: string) => `import torch
${imports}


def train_epoch(model, loader, opt):
    model.train()
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()


def evaluate(model, loader):
    model.eval()
    with torch.no_grad():
        return sum(model(x.cuda()).argmax(1).eq(y.cuda()).sum().item() for x, y in loader)


def run(total_epoch):
    model = Net().cuda()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(${bound}):
        train_epoch(model, train_loader, opt)
        acc = evaluate(model, val_loader)
        torch.save(model.state_dict(), "last.pt")


run(total_epoch=epoch)
`;

const CONF = 'import torch\n\nbatch_size = 128\nepoch = 1000\nclip = 1.0\n';

test('an epoch count from a config module the script star-imports through another module: the run length, inferred', async () => {
  const files = {
    'train.py': LOOP('total_epoch', 'from data import *'),
    'data.py': 'from conf import *\n\ntrain_loader = make_loader(batch_size)\n',
    'conf.py': CONF,
  };
  const a = await analyze(files, 'train.py');
  const ep = fact(a, 'epochs');
  assert.deepEqual([ep?.value, ep?.origin], [1000, 'inferred']);
  assert.match(ep?.note ?? '', /epoch = 1000 in conf\.py/);
  // GML601: 1000 epochs, a validation pass every epoch, nothing that stops early — on the epoch loop.
  const f = a.findings.find((x) => x.code === 'GML601');
  assert.ok(f, JSON.stringify(a.findings.map((x) => x.code)));
  assert.match(f.message, /1000 epochs/);
  assert.equal(files['train.py'].slice(0, f.span.start).split('\n').length, 23);
});

test('`from config import EPOCHS` and `import config as C` … `C.epochs`: the module constant', async () => {
  const named = await analyze(
    {
      'train.py': LOOP('total_epoch', 'from config import EPOCHS as epoch'),
      'config.py': 'EPOCHS = 300\n',
    },
    'train.py',
  );
  assert.equal(fact(named, 'epochs')?.value, 300);
  const mod = await analyze(
    {
      'train.py': LOOP('C.epochs', 'import config as C\nepoch = 0'),
      'config.py': 'epochs = 120\nlr = 0.1\n',
    },
    'train.py',
  );
  assert.equal(fact(mod, 'epochs')?.value, 120);
});

test('must not: the script binds or sets the name itself, two modules disagree, a value under a condition, no module in the tree', async () => {
  const own = await analyze(
    { 'train.py': LOOP('total_epoch', 'from conf import *\nepoch = int(input())'), 'conf.py': CONF },
    'train.py',
  );
  assert.equal(fact(own, 'epochs')?.value, null);
  const two = await analyze(
    {
      'train.py': LOOP('total_epoch', 'from conf import *\nfrom other import *'),
      'conf.py': CONF,
      'other.py': 'epoch = 20\n',
    },
    'train.py',
  );
  assert.equal(fact(two, 'epochs')?.value, null);
  const cond = await analyze(
    {
      'train.py': LOOP('total_epoch', 'from conf import *'),
      'conf.py': 'import os\nepoch = 1000\nif os.environ.get("QUICK"):\n    epoch = 2\n',
    },
    'train.py',
  );
  assert.equal(fact(cond, 'epochs')?.value, null);
  const set = await analyze(
    {
      'train.py': LOOP('C.epochs', 'import config as C\nepoch = 0\nC.epochs = int(input())'),
      'config.py': 'epochs = 120\n',
    },
    'train.py',
  );
  assert.equal(fact(set, 'epochs')?.value, null);
  const missing = await analyze({ 'train.py': LOOP('total_epoch', 'from conf import *') }, 'train.py');
  assert.equal(fact(missing, 'epochs')?.value, null);
  assert.equal(
    missing.findings.find((x) => x.code === 'GML601'),
    undefined,
  );
});

test('GML301: a loop that saves nothing, 300 epochs from `from config import EPOCHS`: the length it rests on is named', async () => {
  const script = `import torch
from config import EPOCHS
model = Net().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(EPOCHS):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
  const a = await analyze({ 'train.py': script, 'config.py': 'EPOCHS = 300\n' }, 'train.py');
  const f = a.findings.find((x) => x.code === 'GML301');
  assert.ok(f, JSON.stringify(a.findings.map((x) => x.code)));
  assert.equal(f.severity, 'information');
  assert.match(f.message, /300 epochs/);
  // must not: the module sets a short run.
  const short = await analyze({ 'train.py': script, 'config.py': 'EPOCHS = 3\n' }, 'train.py');
  assert.equal(
    short.findings.find((x) => x.code === 'GML301'),
    undefined,
  );
});

// A Hydra script: the loop reads `cfg.<key>` of the primary config `@hydra.main` names, composed with its defaults.
const HYDRA = (bound: string) => `import hydra
import torch


@hydra.main(config_path="conf", config_name="config")
def main(cfg):
    model = Net().cuda()
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr)
    for epoch in range(${bound}):
        model.train()
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            acc = sum(model(x.cuda()).argmax(1).eq(y.cuda()).sum().item() for x, y in val_loader)


if __name__ == "__main__":
    main()
`;

test("a Hydra script's epoch loop over `cfg.trainer.epochs`: the value its composed primary config gives", async () => {
  const files = {
    'train.py': HYDRA('cfg.trainer.epochs'),
    'conf/config.yaml': 'defaults:\n  - trainer: long\n  - _self_\nlr: 0.1\n',
    'conf/trainer/long.yaml': 'epochs: 300\n',
  };
  const a = await analyze(files, 'train.py');
  const ep = fact(a, 'epochs');
  assert.deepEqual([ep?.value, ep?.origin], [300, 'inferred']);
  assert.match(ep?.note ?? '', /trainer\.epochs = 300 in long\.yaml/);
  const f = a.findings.find((x) => x.code === 'GML601');
  assert.ok(f, JSON.stringify(a.findings.map((x) => x.code)));
  assert.match(f.message, /300 epochs/);
  // must not: a key the config does not hold, or a value it leaves to the command line (`???`).
  const none = await analyze({ ...files, 'train.py': HYDRA('cfg.trainer.max_epochs') }, 'train.py');
  assert.equal(fact(none, 'epochs')?.value, null);
  const missing = await analyze({ ...files, 'conf/trainer/long.yaml': 'epochs: ???\n' }, 'train.py');
  assert.equal(fact(missing, 'epochs')?.value, null);
});

// A dict of hyper-parameters a module binds (`hyper_params = {"batch_size": 64, …}` in hyper_params.py), imported by
// name and read by key in the script: its loader's batch and workers and its loop's length.
const HP = `hyper_params = {
    "batch_size": 64,
    "num_workers": 12,
    "num_epochs": 50,
    "dev": False,
}
`;
const HP_MAIN = `import torch
from torch.utils import data
from hyper_params import hyper_params as hp

model = torch.nn.Linear(4, 2).cuda()
opt = torch.optim.Adam(model.parameters())
loader = data.DataLoader(range(100), batch_size=hp["batch_size"], shuffle=True, num_workers=hp["num_workers"])
epochs = hp["num_epochs"]
for epoch in range(epochs):
    for x in loader:
        loss = model(x.cuda()).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

test('`hp["batch_size"]` of a dict a module binds, imported by name: the batch, workers and epochs, inferred', async () => {
  const a = await analyze({ 'main.py': HP_MAIN, 'hyper_params.py': HP }, 'main.py');
  const got = ['micro_batch', 'num_workers', 'epochs'].map((k) => fact(a, k as 'epochs')?.value);
  assert.deepEqual(got, [64, 12, 50]);
  assert.equal(fact(a, 'micro_batch')?.origin, 'inferred');
  assert.match(fact(a, 'micro_batch')?.note ?? '', /hyper_params\["batch_size"\] = 64 in hyper_params\.py/);
});

test('must not: a dict the module changes after binding it, or binds twice', async () => {
  const updated = HP + 'hyper_params.update(batch_size=8)\n';
  const b = await analyze({ 'main.py': HP_MAIN, 'hyper_params.py': updated }, 'main.py');
  assert.equal(fact(b, 'micro_batch')?.value ?? null, null);
  const twice = HP + 'if False:\n    hyper_params = {"batch_size": 1}\n';
  const c = await analyze({ 'main.py': HP_MAIN, 'hyper_params.py': twice }, 'main.py');
  assert.equal(fact(c, 'micro_batch')?.value ?? null, null);
});
