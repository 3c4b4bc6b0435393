// A training script that declares an option named like an OpenMMLab config key (`--optimizer_config`, `--train_cfg`)
// is a script, not an mmengine config: its plain PyTorch loop keeps its own run facts. An mmengine config assigns
// those keys (`optimizer_config = dict(grad_clip=None)`). Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameworkName } from '../../engine/types';
import { analyze, theRun } from './helpers';

const SCRIPT = `import argparse
import torch
from torch.utils.data import DataLoader
from optim.wrapper import StepOptimizer


def main(args):
    model = build(args).cuda()
    stepper = StepOptimizer(args.optimizer_config, model)
    loader = DataLoader(dataset(args), batch_size=args.batch_size, shuffle=True)
    for epoch in range(args.max_epochs):
        for batch in loader:
            loss = model(batch).loss
            stepper.step(loss)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--optimizer_config", type=str, default="optimizer.json")
    p.add_argument("--lr", type=float, default=1e-6)
    p.add_argument("--batch_size", type=int, default=2)
    p.add_argument("--max_epochs", type=int, default=300)
    main(p.parse_args())
`;

const MM_CONFIG = `model = dict(type='MyNet', depth=50)
data = dict(samples_per_gpu=8, workers_per_gpu=2)
optimizer = dict(type='SGD', lr=0.02, momentum=0.9)
optimizer_config = dict(grad_clip=None)
runner = dict(type='EpochBasedRunner', max_epochs=12)
`;

test('a script that declares --optimizer_config is read as a PyTorch script with its own epochs and batch', async () => {
  const run = theRun(await analyze({ 'proj/train.py': SCRIPT }, 'proj/train.py'));
  assert.notEqual(run.plan.framework, 'mmengine');
  assert.equal(frameworkName(run.plan), 'pytorch');
  assert.equal(run.plan.facts.get('epochs')?.value, 300);
  assert.equal(run.plan.facts.get('micro_batch')?.value, 2);
});

test('must not: a config that assigns optimizer_config (mmcv 1.x) is still an mmengine config', async () => {
  const run = theRun(await analyze({ 'proj/configs/net.py': MM_CONFIG }, 'proj/configs/net.py'));
  assert.equal(run.plan.framework, 'mmengine');
  assert.equal(run.plan.facts.get('epochs')?.value, 12);
});
