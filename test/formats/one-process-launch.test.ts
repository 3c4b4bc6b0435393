// A script that can join a process group (DDP set up from the environment `torchrun` gives each process, as timm's
// train.py does) started by a plain `python train.py`: one process in a world of one, so one device. Under `torchrun`
// the launcher's count holds; a script planned alone, or one that spreads over GPUs in its own process
// (`DataParallel`), states no count. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact, launchedFact } from './helpers';

const stated = (f: ReturnType<typeof fact>) => (f?.origin === 'assumed' ? undefined : f?.value);
const alone = (a: DocumentAnalysis) => stated(fact(a, 'devices'));
const launched = (a: DocumentAnalysis) => stated(launchedFact(a, 'devices'));

const TRAIN = (wrap: string) => `import argparse
import os
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--local_rank", type=int, default=0)
    args = parser.parse_args()
    world_size = int(os.environ.get("WORLD_SIZE", 1))
    distributed = world_size > 1
    device = torch.device("cuda")
    if distributed:
        dist.init_process_group(backend="nccl")
        device = torch.device(f"cuda:{args.local_rank}")
    model = torch.nn.Linear(16, 4).to(device)
    ${wrap}
    if distributed:
        model = DDP(model, device_ids=[args.local_rank])
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for epoch in range(args.epochs):
        for step in range(100):
            x = torch.randn(args.batch_size, 16, device=device)
            loss = model(x).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()


if __name__ == "__main__":
    main()
`;

test('a DDP-capable script started by plain python is one process on one device', async () => {
  const files = { 'train.py': TRAIN(''), 'run.sh': 'python train.py --batch-size 64 --epochs 2\n' };
  const a = await analyze(files, 'run.sh');
  assert.equal(launched(a), 1);
  assert.match(launchedFact(a, 'devices')?.note ?? '', /plain `python`/);
  // must not: the same script under torchrun takes the launcher's count.
  const tr = await analyze({ ...files, 'run.sh': 'torchrun --nproc_per_node=4 train.py --batch-size 64\n' }, 'run.sh');
  assert.equal(launched(tr), 4);
});

test('must not: the DDP-capable script planned alone, or spreading over GPUs in its own process, states no count', async () => {
  assert.equal(alone(await analyze({ 'train.py': TRAIN('') }, 'train.py')), undefined);
  const dp = { 'train.py': TRAIN('model = torch.nn.DataParallel(model)'), 'run.sh': 'python train.py --epochs 2\n' };
  assert.equal(launched(await analyze(dp, 'run.sh')), undefined);
  const spawn = {
    'train.py': TRAIN('torch.multiprocessing.spawn(main, nprocs=torch.cuda.device_count())'),
    'run.sh': 'python train.py --epochs 2\n',
  };
  assert.equal(launched(await analyze(spawn, 'run.sh')), undefined);
});
