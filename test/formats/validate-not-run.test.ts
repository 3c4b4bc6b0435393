// A launcher that validates a checkpoint (`python validate.py --model … --checkpoint …`, a copy of timm's validate.py
// beside it) starts no training run, though the script reads flags a timm training script also takes; a k-fold
// `cross_validation.py` trains and stays a run. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './helpers';

const runs = async (files: Record<string, string>, f: string) => {
  const a = await analyze(files, f);
  return a.runs.length + (a.linked?.length ?? 0);
};
const FLAGS = '--model convnext_base --batch-size 64 --amp --num-classes 20 --workers 4';
const VALIDATE = `import argparse
import timm
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="resnet50")
parser.add_argument("--batch-size", type=int, default=256)
parser.add_argument("--amp", action="store_true")
parser.add_argument("--checkpoint", default="")
parser.add_argument("--workers", type=int, default=4)


def validate(args):
    model = timm.create_model(args.model, checkpoint_path=args.checkpoint).cuda()
    model.eval()
    loader = timm.data.create_loader(None, batch_size=args.batch_size, num_workers=args.workers)
    with torch.no_grad():
        for x, y in loader:
            with torch.autocast("cuda", enabled=args.amp):
                out = model(x)


if __name__ == "__main__":
    validate(parser.parse_args())
`;

test('a checkpoint validation launcher is not a run', async () => {
  const cmd = `python validate.py --data-dir data --split validation ${FLAGS} --checkpoint out/checkpoint-0.pth.tar\n`;
  assert.equal(await runs({ 'run-validate.sh': cmd, 'validate.py': VALIDATE }, 'run-validate.sh'), 0);
  const other = { 'check.sh': cmd, 'validate.py': VALIDATE };
  assert.equal(await runs(other, 'check.sh'), 0, 'the script it starts is named for validation');
});

test('must not: a training launcher and a cross-validation launcher are runs', async () => {
  const train = `python train.py --data-dir data --epochs 10 --opt adamw ${FLAGS}\n`;
  assert.equal(await runs({ 'run.sh': train }, 'run.sh'), 1);
  const cv = `python cross_validation.py --data-dir data --epochs 10 --opt adamw ${FLAGS}\n`;
  assert.equal(await runs({ 'run_cross_validation.sh': cv }, 'run_cross_validation.sh'), 1);
});
