// A training function started in several processes by `mp.spawn(train, args=(…))` gets the process index first and
// the tuple's values after it (PyTorch: `fn(i, *args)`); `multiprocessing.Process(target=train, args=(…))` gets the
// tuple alone. The run length it reads from a parameter is what that tuple passes, shifted by the index for spawn.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';

const settings = mergeSettings({ values: { hardware: 'a100' }, source: 'test' });
const epochs = async (code: string) => {
  const a = await analyzeText('/w/train.py', code, settings);
  assert.equal(a.runs.length, 1, `runs: ${a.runs.length}`);
  return a.runs[0].plan.facts.get('epochs');
};

const script = (start: string) => `import torch
import torch.multiprocessing as mp
import torch.distributed as dist

def train(rank, world_size, hp, extra=None):
    dist.init_process_group("nccl", rank=rank, world_size=world_size)
    model = Net().to(rank)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    for epoch in range(hp["epochs"]):
        for x, y in loader:
            loss = model(x.to(rank)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()

if __name__ == "__main__":
    hp = {"epochs": 5000, "lr": 4e-4}
    other = {"epochs": 7}
${start}
`;

test('mp.spawn(train, args=(world, hp)): train(rank, world, hp) reads the epochs of that dict', async () => {
  const f = await epochs(script('    mp.spawn(train, args=(6, hp), nprocs=6, join=True)'));
  assert.equal(f?.value, 5000);
});

test('multiprocessing.Process(target=train, args=(0, 6, hp)) passes the tuple as it is', async () => {
  const f = await epochs(script('    p = mp.Process(target=train, args=(0, 6, hp))\n    p.start()'));
  assert.equal(f?.value, 5000);
});

test('must not report: the tuple is shifted by the index, so the third value is not the hp parameter', async () => {
  // args=(2, other, hp) runs train(i, 2, other, hp): the hp parameter is `other` (7 epochs), never the dict named hp.
  const f = await epochs(script('    mp.spawn(train, args=(2, other, hp), nprocs=2)'));
  assert.notEqual(f?.value, 5000);
  assert.equal(f?.value, 7);
});
