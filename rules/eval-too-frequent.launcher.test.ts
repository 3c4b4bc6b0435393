// GML701 on a launcher of a hand-written loop that evaluates at its logging interval behind a switch (the layout of
// Transformers' pre-Trainer example scripts: `if args.evaluate_during_training:` inside
// `if global_step % args.logging_steps == 0:`): the launcher's `--logging_steps` is the evaluation interval, and the
// evaluation runs only when the launcher gives the switch.
import { runRuleCases } from '../test/helpers/rule-harness';
import { evalTooFrequent } from './eval-too-frequent';

const script = `import argparse
import torch
from transformers import AutoModelForSequenceClassification

parser = argparse.ArgumentParser()
parser.add_argument("--logging_steps", type=int, default=500)
parser.add_argument("--max_steps", type=int, default=100000)
parser.add_argument("--evaluate_during_training", action="store_true")
args = parser.parse_args()
model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased").cuda()
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
global_step = 0
while global_step < args.max_steps:
    for batch in train_loader:
        loss = model(**{k: v.cuda() for k, v in batch.items()}).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        global_step += 1
        if args.logging_steps > 0 and global_step % args.logging_steps == 0:
            if args.evaluate_during_training:
                results = evaluate(args, model)
`;

// The same loop as Transformers' pre-Trainer scripts write it: the switch beside a rank check, with a local_rank option.
const ranked = script
  .replace(
    'parser.add_argument("--evaluate_during_training"',
    'parser.add_argument("--local_rank", type=int, default=-1)\nparser.add_argument("--evaluate_during_training"',
  )
  .replace('if args.evaluate_during_training:', 'if args.local_rank == -1 and args.evaluate_during_training:');

const launcher = (flags: string) => `python train.py \\\n  --max_steps 20000 \\\n${flags}  --output_dir out\n`;

runRuleCases(evalTooFrequent, [
  {
    name: "the launcher's --logging_steps is the interval of the evaluation it switches on",
    file: '/case/run.sh',
    code: launcher('  --evaluate_during_training \\\n  --logging_steps 20 \\\n'),
    files: { '/case/train.py': script },
    settings: { hardware: 'a100' },
    expect: [{ line: 4, messageIncludes: '≈ 1000 evaluations over ≈ 20,000 steps' }],
  },
  {
    name: 'must not: the same interval without --evaluate_during_training runs no evaluation',
    file: '/case/run.sh',
    code: launcher('  --logging_steps 20 \\\n'),
    files: { '/case/train.py': script },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "must not: the switch given with the script's default interval (500 steps: 40 evaluations)",
    file: '/case/run.sh',
    code: launcher('  --evaluate_during_training \\\n'),
    files: { '/case/train.py': script },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'must not: the switch tested beside a rank check (`args.local_rank == -1 and …`) and not given',
    file: '/case/run.sh',
    code: launcher('  --logging_steps 20 \\\n'),
    files: { '/case/train.py': ranked },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'the switch tested beside a rank check, given: the launcher interval counts',
    file: '/case/run.sh',
    code: launcher('  --evaluate_during_training \\\n  --logging_steps 20 \\\n'),
    files: { '/case/train.py': ranked },
    settings: { hardware: 'a100' },
    expect: [{ line: 4, messageIncludes: '≈ 1000 evaluations' }],
  },
]);
