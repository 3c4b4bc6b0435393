// A script or config planned alone is its own run: the values it states and its defaults (what `greenml plan FILE`
// and the editor's CodeLens show, and how every labelled set labels a file given alone). A launcher beside it that
// starts it with other flags gives it none of them; the run that launcher starts is the file's launched run
// (`linked`, `plan.launchedBy`), and the rules judge that run — a value the launcher passes is what runs, so the
// default it replaces is not a finding. A launcher analysed itself still merges its flags into the script it starts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, codes, fact, launchedRun, theRun } from './helpers';

const LOOP = `import argparse
import torch
from torch.utils.data import DataLoader

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--batch_size", type=int, default=16)
args = p.parse_args()
model = torch.nn.Linear(8, 2).cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=4)
for epoch in range(args.epochs):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        loss.backward()
        opt.step()
        opt.zero_grad()
`;
const RUN = 'torchrun --nproc_per_node 8 train.py --epochs 30 --batch_size 256\n';
const HF = `import argparse
from transformers import Trainer, TrainingArguments
p = argparse.ArgumentParser()
p.add_argument("--batch_size", type=int, default=8)
p.add_argument("--bf16", action="store_true", default=False)
args = p.parse_args()
targs = TrainingArguments(output_dir="o", per_device_train_batch_size=args.batch_size, bf16=args.bf16)
Trainer(model=m, args=targs).train()
`;

test('a script planned alone keeps its own defaults; the launcher beside it gives them to its launched run only', async () => {
  const a = await analyze({ 'train.py': LOOP, 'run.sh': RUN }, 'train.py', { hardware: 'a100' });
  assert.deepEqual(
    ['epochs', 'micro_batch'].map((k) => [fact(a, k as never)?.value, fact(a, k as never)?.origin]),
    [
      [10, 'script-default'],
      [16, 'script-default'],
    ],
  );
  assert.notEqual(fact(a, 'devices')?.value, 8);
  assert.equal(a.runs.length, 1);
  const launched = launchedRun(a);
  assert.deepEqual(launched.plan.launchedBy, ['/proj/run.sh']);
  assert.match(launched.plan.entry.label, /as run\.sh launches it$/);
  assert.deepEqual(
    ['epochs', 'micro_batch', 'devices'].map((k) => launched.plan.facts.get(k as never)?.value),
    [30, 256, 8],
  );
});

test('must not: a finding on the script about a default the launcher replaces (the rules judge the launched run)', async () => {
  // Alone, the script trains in fp32 on an A100: GML101 (mixed precision off) is its finding.
  const alone = await analyze({ 'train.py': HF }, 'train.py', { hardware: 'a100' });
  assert.ok(codes(alone).includes('GML101'), codes(alone).join(' '));
  // With a launcher that passes --bf16, the run that happens is in bf16: no GML101 on the script, though its own plan
  // still shows its fp32 default.
  const a = await analyze({ 'train.py': HF, 'go.sh': 'python train.py --batch_size 32 --bf16\n' }, 'train.py', {
    hardware: 'a100',
  });
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  assert.equal(launchedRun(a).plan.facts.get('precision')?.value, 'bf16');
  assert.ok(!codes(a).includes('GML101'), codes(a).join(' '));
});

test('a launcher analysed itself merges its flags into the script it starts', async () => {
  const a = await analyze({ 'train.py': LOOP, 'run.sh': RUN }, 'run.sh', { hardware: 'a100' });
  const run = theRun(a);
  assert.equal(run.plan.launchedBy, undefined);
  assert.deepEqual(
    ['epochs', 'micro_batch', 'devices'].map((k) => run.plan.facts.get(k as never)?.value),
    [30, 256, 8],
  );
});

test('must not: a launched run from a launcher beside the script that starts another script', async () => {
  for (const sh of ['python other.py --epochs 30\n', 'python eval.py --epochs 30\necho done\n']) {
    const a = await analyze({ 'train.py': LOOP, 'run.sh': sh }, 'train.py');
    assert.equal((a.linked ?? []).filter((r) => r.plan.launchedBy).length, 0, sh);
    assert.equal(fact(a, 'epochs')?.value, 10);
  }
});

test('a config planned alone keeps its values; a launcher passing it with overrides gives them to its launched run', async () => {
  const yaml =
    'model_name_or_path: Qwen/Qwen2.5-0.5B\nstage: sft\nfinetuning_type: lora\ntemplate: qwen\nper_device_train_batch_size: 2\nnum_train_epochs: 3\n';
  const a = await analyze(
    {
      'sft.yaml': yaml,
      'run.sh': 'llamafactory-cli train sft.yaml num_train_epochs=5 per_device_train_batch_size=8\n',
    },
    'sft.yaml',
  );
  assert.deepEqual([fact(a, 'epochs')?.value, fact(a, 'micro_batch')?.value], [3, 2]);
  const launched = launchedRun(a).plan.facts;
  assert.deepEqual([launched.get('epochs')?.value, launched.get('micro_batch')?.value], [5, 8]);
});
