// Python launchers: a Python file that builds a command line and hands it to the shell (`os.system`, `subprocess`)
// starts the run of the script it names, with the command's flags, like a `.sh` launcher. A command that runs an
// evaluation script, a tool (`pip`), or a script whose name this review cannot see starts no run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, lineOf, theRun } from './helpers';

// A plain PyTorch training script whose settings are argparse flags.
const TRAIN = `import argparse
import torch
from torch.utils.data import DataLoader

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--batch_size", type=int, default=32)
p.add_argument("--data", type=str, default="data")
args = p.parse_args()

model = torch.nn.Linear(8, 2).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
loader = DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 8)), batch_size=args.batch_size, num_workers=2)
for epoch in range(args.epochs):
    for (x,) in loader:
        loss = model(x.cuda()).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save(model.state_dict(), f"ckpt_{epoch}.pt")
`;

test('python launcher: a command bound to a name and run by os.system is the run of its script, with its flags', async () => {
  const launcher = `import os

command = "python train.py --epochs 3 --batch_size 16"

os.system(command)
`;
  const a = await analyze(
    { 'README.md': '', 'train.py': TRAIN, 'launch/run_small.py': launcher },
    'launch/run_small.py',
  );
  const run = theRun(a);
  assert.match(run.plan.entry.label, /training loop/);
  assert.equal(fact(a, 'epochs')?.value, 3);
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  const e = fact(a, 'epochs')!;
  assert.match(launcher.split('\n')[lineOf(launcher, e.span!.start) - 1], /--epochs 3/, 'the flag in the literal');
});

test('python launcher: subprocess with a list of words, and a command built by concatenation', async () => {
  const list = `import subprocess
subprocess.run(["python", "train.py", "--epochs", "5"], check=True)
`;
  const a = await analyze({ 'README.md': '', 'train.py': TRAIN, 'go.py': list }, 'go.py');
  assert.equal(fact(a, 'epochs')?.value, 5);
  const concat = `import os, sys
root = sys.argv[1]
for scene in ["a", "b"]:
    os.system("python train.py --data " + root + "/" + scene + " --epochs 7")
`;
  const b = await analyze({ 'README.md': '', 'train.py': TRAIN, 'all.py': concat }, 'all.py');
  assert.equal(fact(b, 'epochs')?.value, 7);
});

test('must not: a value the launcher computes stays unknown, not the script default', async () => {
  const launcher = `import os
bs = int(os.environ.get("BS", "8"))
os.system(f"python train.py --batch_size {bs} --epochs 2")
`;
  const a = await analyze({ 'README.md': '', 'train.py': TRAIN, 'run.py': launcher }, 'run.py');
  assert.equal(fact(a, 'epochs')?.value, 2);
  const mb = fact(a, 'micro_batch');
  assert.ok(mb?.value === null || mb?.value === undefined || mb.origin === 'assumed', `micro_batch ${mb?.value}`);
});

test('must not: launchers of evaluation, tools, missing scripts or an unseen script name give no run', async () => {
  const files = { 'README.md': '', 'train.py': TRAIN, 'evaluate.py': 'import torch\nprint(1)\n' };
  for (const body of [
    'import os\nos.system("python evaluate.py --ckpt out/model.pt")\n',
    'import subprocess\nsubprocess.check_call(["pip", "install", "-r", "requirements.txt"])\n',
    'import os\nos.system("python not_here.py --epochs 3")\n',
    'import os, sys\nos.system("python " + sys.argv[1] + " --epochs 3")\n',
  ]) {
    const a = await analyze({ ...files, 'run_all.py': body }, 'run_all.py');
    assert.equal([...a.runs, ...(a.linked ?? [])].length, 0, body);
  }
});
