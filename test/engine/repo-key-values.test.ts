// The numbers a repository's code and launchers write for one setting (engine/link/repo-key-values.ts), which decide
// whether every value of an unknown epoch count is long (GML601, GML302): literal settings count, plumbing and
// comments do not, and a longer name that ends the same is another setting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyValuesIn } from '../../engine/link/repo-key-values';

test('code: dict entries, assignments, keywords, dataclass fields and argparse defaults are settings', () => {
  const code = [
    'def get_config():',
    '    return {"batch_size": 8, "num_epochs": 60}',
    'cfg["num_epochs"] = 70',
    'self.num_epochs = 80',
    'run(num_epochs=90, lr=1e-3)',
    'class C:',
    '    num_epochs: int = 100',
    "parser.add_argument('--num-epochs', type=int, default=110, help='epochs')",
  ].join('\n');
  assert.deepEqual(
    keyValuesIn(code, 'num_epochs', 'code').sort((a, b) => a - b),
    [60, 70, 80, 90, 100, 110],
  );
});

test('code: values read from elsewhere, expressions, comparisons, comments and longer names are not settings', () => {
  const code = [
    'num_epochs = args.num_epochs',
    'num_epochs = 10 * k',
    'if num_epochs == 5:',
    '    pass',
    '# num_epochs = 3',
    'warmup_num_epochs = 2',
    "parser.add_argument('--num_epochs', type=int)",
  ].join('\n');
  assert.deepEqual(keyValuesIn(code, 'num_epochs', 'code'), []);
});

test('launchers: a flag with a space or "=", and an override', () => {
  const sh =
    'python train.py \\\n  --num_epochs 200 \\\n  --lr 1e-3\npython train.py --num-epochs=30\npython main.py trainer.num_epochs=40\n';
  assert.deepEqual(
    keyValuesIn(sh, 'num_epochs', 'launcher').sort((a, b) => a - b),
    [30, 40, 200],
  );
  assert.deepEqual(keyValuesIn('python train.py --max_num_epochs 5\n', 'num_epochs', 'launcher'), []);
});
