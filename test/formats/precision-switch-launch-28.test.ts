// A precision chosen by a conditional on an off-by-default switch (`precision=16 if args.fp16 else 32` with `--fp16`
// a store_true flag): the branch the switch's default picks is the script's default, so a launcher that gives the
// switch runs the other branch. Fixtures written for these tests; no repository file is copied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LIGHTNING = (cond: string) => `import argparse
import pytorch_lightning as pl
from model import LitNet

def main(args):
    trainer = pl.Trainer(
        precision=${cond},
        max_epochs=args.epochs,
        accelerator="gpu",
        devices=1,
    )
    trainer.fit(LitNet())

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--fp16", action="store_true")
    parser.add_argument("--epochs", type=int, default=10)
    main(parser.parse_args())
`;

test('a launcher that gives the switch: the branch it selects (fp16), placed on the launcher flag', async () => {
  const a = await analyze(
    { 'proj/train.py': LIGHTNING('16 if args.fp16 else 32'), 'proj/run.sh': 'python train.py --fp16 --epochs 20\n' },
    'proj/run.sh',
  );
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  assert.match(fact(a, 'precision')?.file ?? '', /run\.sh$/);
  assert.equal(fact(a, 'epochs')?.value, 20);
});

test('must not claim mixed precision: the script alone, or a launcher that does not give the switch, stays fp32', async () => {
  const alone = await analyze({ 'proj/train.py': LIGHTNING('16 if args.fp16 else 32') }, 'proj/train.py');
  assert.equal(fact(alone, 'precision')?.value, 'fp32');
  assert.equal(fact(alone, 'precision')?.origin, 'script-default');
  const bare = await analyze(
    { 'proj/train.py': LIGHTNING('16 if args.fp16 else 32'), 'proj/run.sh': 'python train.py --epochs 20\n' },
    'proj/run.sh',
  );
  assert.equal(fact(bare, 'precision')?.value, 'fp32');
});

test('a conditional on a value the file writes (not an option) stays as written, whatever the launcher passes', async () => {
  const fixed = LIGHTNING('16 if USE_AMP else 32').replace('def main(args):', 'USE_AMP = False\n\ndef main(args):');
  const a = await analyze({ 'proj/train.py': fixed, 'proj/run.sh': 'python train.py --fp16\n' }, 'proj/run.sh');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  assert.equal(fact(a, 'precision')?.origin, 'explicit');
});

test('GML101 is not reported for the launcher run that turns the switch on', async () => {
  const a = await analyze(
    { 'proj/train.py': LIGHTNING('16 if args.fp16 else 32'), 'proj/run.sh': 'python train.py --fp16\n' },
    'proj/run.sh',
    { hardware: 'a100' },
  );
  assert.equal(
    a.findings.some((f) => f.code === 'GML101'),
    false,
  );
});
