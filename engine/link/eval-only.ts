// A command that asks its script for evaluation alone: an evaluation-only switch (detectron2's `--eval-only`, "perform
// evaluation only", detectron2/engine/defaults.py `default_argument_parser`; the `--test-only` of torchvision's
// references/classification/train.py) that the script tests before it trains (`if args.eval_only: … return res`
// ahead of `trainer.train()`). The script then evaluates a checkpoint and trains nothing: the command starts no run.
// A bare `--eval` / `--test` / `--evaluate` counts too when the script's own parser documents it as such: the DeiT /
// MAE / ConvNeXt family declares `parser.add_argument('--eval', action='store_true', help='Perform evaluation only')`
// (facebookresearch/deit main.py, facebookresearch/mae main_finetune.py) and returns after `evaluate(…)` under
// `if args.eval:`. Without "only" in its help, a bare `--eval` may just turn on evaluation during training.
import type { LaunchCommand } from '../extract/launcher';

const EVAL_ONLY = /^(eval|test|evaluate|evaluation)_only$/;
const EVAL_WORD = /^(eval|test|evaluate|evaluation)$/;
const flagName = (s: string) => s.replace(/^-+/, '').replace(/-/g, '_').toLowerCase();

/** Whether the script declares `--<flag>` as a store_true switch whose help says it does that alone ("… only"). */
function documentedOnly(flag: string, scriptText: string): boolean {
  const decl = new RegExp(`add_argument\\(\\s*['"]--${flag}['"]([^)]*)\\)`).exec(scriptText)?.[1] ?? '';
  return /store_true/.test(decl) && /help\s*=\s*['"][^'"]*\bonly\b/i.test(decl);
}

/** True when `cmd` turns on an evaluation-only switch that `scriptText` tests in an `if`. */
export function evaluationOnly(cmd: LaunchCommand, scriptText: string): boolean {
  const on = [...cmd.fields].find(
    ([k, f]) =>
      f.value !== false &&
      f.value !== 'False' &&
      (EVAL_ONLY.test(flagName(k)) || (EVAL_WORD.test(flagName(k)) && documentedOnly(flagName(k), scriptText))),
  );
  if (!on) return false;
  // `if args.eval:`, `if args.resume and args.eval:` — not `if not args.eval:` nor `if args.eval_x:`.
  const name = flagName(on[0]);
  const attr = `(?:self\\.)?\\w+\\.${name}(?![\\w.(\\[])`;
  return new RegExp(`\\bif\\s+(?:${attr}|[^\\n:#]*\\band\\s+${attr})\\s*(?:and\\b[^\\n:#]*)?:`).test(scriptText);
}
