// A repository module with no entry of its own (a trainer class, a per-epoch helper) that a script of the repository
// imports and runs: `greenml plan` shows it as part of that script's run, not as a run of its own, while the rules
// still judge the module's own code on its own lines (engine/link/entryless-module.ts, engine/link/importer-runs.ts).
// Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './helpers';

const LOOP_CLASS = (tail = '') => `import torch

class Runner:
    def __init__(self, net, batches, n_epochs):
        self.net = net
        self.batches = batches
        self.n_epochs = n_epochs
        self.sgd = torch.optim.SGD(net.parameters(), lr=0.05)

    def run(self):
        for ep in range(self.n_epochs):
            for xb, yb in self.batches:
                self.sgd.zero_grad()
                err = torch.nn.functional.l1_loss(self.net(xb), yb)
                err.backward()
                self.sgd.step()
                print(err.item())
${tail}`;

const ENTRY = `import torch
from torch.utils.data import DataLoader, TensorDataset
from core.runner import Runner

def main():
    net = torch.nn.Linear(8, 1).cuda()
    batches = DataLoader(TensorDataset(torch.zeros(100, 8), torch.zeros(100, 1)), batch_size=20)
    Runner(net, batches, n_epochs=7).run()

if __name__ == "__main__":
    main()
`;

type Analysis = Awaited<ReturnType<typeof analyze>>;
/** What `greenml plan` lists for the file: its runs that are not part of another script's, and its linked runs. */
const planned = (a: Analysis) =>
  [...a.runs.filter((r) => !r.plan.partOf), ...(a.linked ?? [])].filter((r) => !r.plan.launchedBy);
const findingsAt = (a: Analysis) => a.findings.map((f) => `${f.code}@${f.file}:${f.span?.start ?? ''}`).sort();

test('a trainer class with no entry is part of the run of the script that imports and runs it', async () => {
  const files = { 'run_train.py': ENTRY, 'core/__init__.py': '', 'core/runner.py': LOOP_CLASS() };
  const a = await analyze(files, 'core/runner.py');
  const runs = planned(a);
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/run_train.py');
  assert.equal(runs[0].plan.facts.get('micro_batch')?.value, 20);
  assert.equal(runs[0].plan.facts.get('epochs')?.value, 7);
  // The module's own reading stays, marked as part of the script's run.
  assert.ok(a.runs.length > 0 && a.runs.every((r) => r.plan.partOf === '/proj/run_train.py'));
});

test("the module's own findings stay on its own lines when it is part of an importer's run", async () => {
  const alone = await analyze({ 'core/__init__.py': '', 'core/runner.py': LOOP_CLASS() }, 'core/runner.py');
  const files = { 'run_train.py': ENTRY, 'core/__init__.py': '', 'core/runner.py': LOOP_CLASS() };
  const a = await analyze(files, 'core/runner.py');
  assert.ok(a.findings.length > 0);
  assert.ok(a.findings.every((f) => f.file === '/proj/core/runner.py'));
  assert.deepEqual(findingsAt(a), findingsAt(alone));
});

test("a per-epoch helper called in the script's own loop: the script's run", async () => {
  const helper = `def one_epoch(net, batches, opt, loss_fn):
    for xb, yb in batches:
        opt.zero_grad()
        loss_fn(net(xb), yb).backward()
        opt.step()
`;
  const script = `import torch
from epoch_step import one_epoch

net = torch.nn.Linear(3, 1)
opt = torch.optim.Adam(net.parameters())
data = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(9, 3), torch.zeros(9, 1)), batch_size=3)
for ep in range(4):
    one_epoch(net, data, opt, torch.nn.MSELoss())
`;
  const runs = planned(await analyze({ 'fit.py': script, 'epoch_step.py': helper }, 'epoch_step.py'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/fit.py');
});

test('must not: a module no script imports keeps its own run', async () => {
  const runs = planned(await analyze({ 'core/__init__.py': '', 'core/runner.py': LOOP_CLASS() }, 'core/runner.py'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/core/runner.py');
  assert.equal(runs[0].plan.partOf, undefined);
});

test('must not: a module with a `__main__` block is an entry of its own', async () => {
  const own = LOOP_CLASS('\nif __name__ == "__main__":\n    Runner(torch.nn.Linear(8, 1), [], 2).run()\n');
  const a = await analyze({ 'run_train.py': ENTRY, 'core/__init__.py': '', 'core/runner.py': own }, 'core/runner.py');
  assert.ok(planned(a).some((r) => r.plan.entry.file === '/proj/core/runner.py'));
  assert.ok(a.runs.every((r) => !r.plan.partOf));
});

test('must not: a script importing only a constant of the module does not take its run', async () => {
  const other = `import torch
from core.runner import WIDTH

net = torch.nn.Linear(WIDTH, 1)
opt = torch.optim.Adam(net.parameters())
for step in range(10):
    opt.zero_grad()
    net(torch.zeros(2, WIDTH)).sum().backward()
    opt.step()
`;
  const files = { 'other.py': other, 'core/__init__.py': '', 'core/runner.py': LOOP_CLASS('\nWIDTH = 8\n') };
  const runs = planned(await analyze(files, 'core/runner.py'));
  assert.equal(runs.length, 1);
  assert.equal(runs[0].plan.entry.file, '/proj/core/runner.py');
});
