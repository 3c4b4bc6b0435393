// A command that asks its script for evaluation alone: an evaluation-only switch (detectron2's `--eval-only`, "perform
// evaluation only", detectron2/engine/defaults.py `default_argument_parser`; the `--test-only` of torchvision's
// references/classification/train.py) that the script tests before it trains (`if args.eval_only: … return res`
// ahead of `trainer.train()`). The script then evaluates a checkpoint and trains nothing: the command starts no run.
import type { LaunchCommand } from '../extract/launcher';

const EVAL_ONLY = /^(eval|test|evaluate|evaluation)_only$/;
const flagName = (s: string) => s.replace(/^-+/, '').replace(/-/g, '_').toLowerCase();

/** True when `cmd` turns on an evaluation-only switch that `scriptText` tests in an `if`. */
export function evaluationOnly(cmd: LaunchCommand, scriptText: string): boolean {
  const on = [...cmd.fields].find(([k, f]) => EVAL_ONLY.test(flagName(k)) && f.value !== false && f.value !== 'False');
  return !!on && new RegExp(`\\bif\\s+(?:self\\.)?\\w+\\.${flagName(on[0])}\\s*:`).test(scriptText);
}
