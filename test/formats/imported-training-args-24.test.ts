// An entry script that hands its parsed options to a Trainer subclass of its own project
// (`trainer = ProjectSFTTrainer(args)` … `trainer.train()`), whose `__init__` builds the TrainingArguments: the run's
// optimizer and loader workers are what that construction says — a value read from the options by the script's own
// defaults, TrainingArguments' default where the keyword is not written. Where a launcher passes the option the value
// depends on, where the code the script reaches builds two argument sets, or passes `**kwargs`, nothing is claimed.
// Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './helpers';
import type { DocumentAnalysis } from '../../server/review/analyze';

const SCRIPT = `import argparse
from accelerate import Accelerator
from dialog import ProjectSFTTrainer

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name", type=str, default="gpt2")
    parser.add_argument("--train_batch_size", type=int, default=2)
    parser.add_argument("--num_epochs", type=int, default=3)
    parser.add_argument("--use_qlora", action="store_true")
    args = parser.parse_args()
    trainer = ProjectSFTTrainer(args, Accelerator())
    trainer.train()
`;

const trainer = (
  keywords: string,
  more = '',
) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments


class ProjectSFTTrainer(Trainer):
    def __init__(self, args, accelerator):
        model = AutoModelForCausalLM.from_pretrained(args.model_name)
        hf_args = TrainingArguments(
            output_dir="out",
            num_train_epochs=args.num_epochs,
            per_device_train_batch_size=args.train_batch_size,${keywords}
        )${more}
        super().__init__(model=model, args=hf_args)
`;

const QLORA = `
            optim="paged_adamw_8bit" if args.use_qlora else "adamw_torch",
            dataloader_num_workers=4,`;

const project = (module: string, launcher?: string) => ({
  'chat/README.md': 'dialogue SFT\n',
  'chat/dialog/__init__.py': 'from .sft_trainer import ProjectSFTTrainer\n',
  'chat/dialog/sft_trainer.py': module,
  'chat/scripts/train_sft.py': SCRIPT,
  ...(launcher ? { 'chat/scripts/train_sft.sh': launcher } : {}),
});

const runOf = (a: DocumentAnalysis) => {
  const runs = [...a.runs, ...(a.linked ?? [])];
  assert.ok(runs.length > 0, 'no run');
  return runs;
};
const values = (a: DocumentAnalysis, key: 'optimizer' | 'num_workers') =>
  runOf(a).map((r) => {
    const f = r.plan.facts.get(key);
    return f && f.origin !== 'assumed' ? f.value : undefined;
  });

test('the TrainingArguments a Trainer subclass of the project builds: its optimizer and workers', async () => {
  const a = await analyze(project(trainer(QLORA)), 'chat/scripts/train_sft.py');
  assert.deepEqual(values(a, 'optimizer'), ['adamw_torch']);
  assert.deepEqual(values(a, 'num_workers'), [4]);
});

test("keywords it does not write are TrainingArguments' defaults", async () => {
  const a = await analyze(project(trainer('')), 'chat/scripts/train_sft.py');
  assert.match(String(values(a, 'optimizer')[0]), /^adamw/);
  assert.deepEqual(values(a, 'num_workers'), [0]);
});

test('a launcher that passes the option the optimizer depends on: not the default branch', async () => {
  const sh = `accelerate launch scripts/train_sft.py --model_name gpt2 --use_qlora\n`;
  const a = await analyze(project(trainer(QLORA), sh), 'chat/scripts/train_sft.sh');
  for (const v of values(a, 'optimizer')) assert.notEqual(v, 'adamw_torch');
  // The workers do not depend on it.
  assert.ok(values(a, 'num_workers').includes(4));
});

test('two argument sets in the code the script reaches: neither is claimed', async () => {
  const second = `
        eval_args = TrainingArguments(output_dir="eval", dataloader_num_workers=1)`;
  const a = await analyze(project(trainer(QLORA, second)), 'chat/scripts/train_sft.py');
  for (const v of values(a, 'num_workers')) assert.ok(v === undefined || v === null, String(v));
});
