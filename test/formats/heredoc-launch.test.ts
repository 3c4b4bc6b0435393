// A launcher that reads its command into a variable from a heredoc (`read -r -d '' CMD <<EOF … EOF`, then
// `deepspeed --module $CMD`), and a project's own trainer class that shares a name with TRL's. Fixtures written for
// this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShell } from '../../engine/parse/shell';
import { analyze, codes, fact, lineOf, theRun } from './helpers';

const LAUNCHER = [
  'set -x',
  '',
  "read -r -d '' cmds <<EOF",
  'openrlhf.cli.train_sft \\',
  '   --max_len 4096 \\',
  '   --train_batch_size 128 \\',
  '   --micro_train_batch_size 4 \\',
  '   --pretrain meta-llama/Meta-Llama-3-8B \\',
  '   --save_steps -1 \\',
  '   --max_epochs 2 \\',
  '   --bf16',
  'EOF',
  '',
  'if [[ ${1} != "slurm" ]]; then',
  '    deepspeed --module $cmds',
  'fi',
  '',
].join('\n');

test("shell: `read -r -d '' NAME <<EOF` gives NAME the heredoc's words, each with the span where it is written", () => {
  const s = parseShell(LAUNCHER);
  const run = s.commands.find((c) => c.words[0]?.text === 'deepspeed');
  assert.ok(run, 'the deepspeed command is read');
  const words = run.words.map((w) => w.text);
  assert.deepEqual(words.slice(0, 5), ['deepspeed', '--module', 'openrlhf.cli.train_sft', '--max_len', '4096']);
  const save = run.words.find((w) => w.text === '--save_steps');
  assert.ok(save);
  assert.equal(lineOf(LAUNCHER, save.span.start), 9, 'the flag is where the heredoc writes it');
  assert.ok(!s.commands.some((c) => c.words[0]?.text === 'openrlhf.cli.train_sft'), 'the body is no command');
});

test('shell: a heredoc fed to another command (cat) binds nothing', () => {
  const s = parseShell(['cat <<EOF > ds.json', '{"a": 1}', 'EOF', 'echo $cmds', ''].join('\n'));
  const echo = s.commands.find((c) => c.words[0]?.text === 'echo');
  assert.equal(echo?.words[1]?.unresolved, true);
});

// The project's own SFTTrainer (not TRL's): its script is no TRL run, and the launcher's OpenRLHF flags stand.
const OWN_TRAINER_SCRIPT = [
  'import argparse',
  'from openrlhf.trainer import SFTTrainer',
  '',
  'def train(args):',
  '    trainer = SFTTrainer(model=None, strategy=None, optim=None, max_epochs=args.max_epochs)',
  '    trainer.fit(args)',
  '',
  'if __name__ == "__main__":',
  '    parser = argparse.ArgumentParser()',
  '    parser.add_argument("--max_epochs", type=int, default=2)',
  '    parser.add_argument("--save_steps", type=int, default=-1)',
  '    train(parser.parse_args())',
  '',
].join('\n');

test("a heredoc launcher of OpenRLHF whose module is in the tree: the launcher's run, --save_steps -1 saves nothing", async () => {
  const files = { 'examples/train_sft.sh': LAUNCHER, 'openrlhf/cli/train_sft.py': OWN_TRAINER_SCRIPT };
  const a = await analyze(files, 'examples/train_sft.sh', { hardware: 'h100' });
  assert.equal(theRun(a).plan.framework, 'openrlhf');
  const save = fact(a, 'periodic_save');
  assert.equal(save?.value, 'no');
  assert.equal(lineOf(LAUNCHER, save?.span?.start ?? -1), 9);
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.ok(codes(a).includes('GML301'), `GML301 expected, got ${codes(a).join(', ')}`);
});
