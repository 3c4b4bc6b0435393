// A script that parses TrainingArguments from the command line (`HfArgumentParser((ModelArguments,
// TrainingArguments))`) but builds no Trainer and trains in its own accelerate loop: its run is the loop's (its own
// precision and save cadence), not the Trainer's defaults (fp32 from bf16/fp16 False, a save every 500 steps). A
// parser-only script with no loop of its own still gives the Trainer-arguments run. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, theRun } from './helpers';

const head = `from dataclasses import dataclass, field
import torch
from accelerate import Accelerator
from transformers import AutoModel, HfArgumentParser, TrainingArguments


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="openai/clip-vit-base-patch32")


def main():
    parser = HfArgumentParser((ModelArguments, TrainingArguments))
    model_args, training_args = parser.parse_args_into_dataclasses()
    model = AutoModel.from_pretrained(model_args.model_name_or_path)
`;

const ownLoop = `${head}    accelerator = Accelerator(mixed_precision="bf16")
    optimizer = torch.optim.AdamW(model.parameters(), lr=training_args.learning_rate)
    loader = torch.utils.data.DataLoader(train_set, batch_size=32, shuffle=True)
    model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
    step = 0
    for epoch in range(10):
        for batch in loader:
            loss = model(**batch).loss
            accelerator.backward(loss)
            optimizer.step()
            optimizer.zero_grad()
            step += 1
            if step % 2000 == 0:
                accelerator.save_state(f"ckpt-{step}")


if __name__ == "__main__":
    main()
`;

test('TrainingArguments parsed but trained in its own accelerate loop: the loop is the run', async () => {
  const run = theRun(await analyze({ 'train.py': ownLoop }, 'train.py'));
  assert.notEqual(run.plan.framework, 'hf-trainer');
  assert.equal(run.plan.facts.get('precision')?.value, 'bf16');
  assert.equal(run.plan.facts.get('save_steps')?.value, 2000);
});

test('must not: a parser-only script with no loop of its own keeps the Trainer-arguments run', async () => {
  const noLoop = `${head}    run_training(model, training_args)


if __name__ == "__main__":
    main()
`;
  const run = theRun(await analyze({ 'train.py': noLoop }, 'train.py'));
  assert.equal(run.plan.framework, 'hf-trainer');
});
