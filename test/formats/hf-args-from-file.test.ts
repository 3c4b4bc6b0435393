// TrainingArguments filled from a JSON file named only on the command line (`parse_json_file(json_file=
// args.train_args_json)`): the batch, length, precision and saves are that file's, not the Trainer's defaults.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const script = (parse: string) => `import argparse
import sys

from transformers import AutoModelForCausalLM, HfArgumentParser, Trainer, TrainingArguments


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_args_json", type=str, required=True)
    parser.add_argument("--model_name_or_path", type=str, default="Qwen/Qwen2.5-0.5B")
    args = parser.parse_args()
    hf_parser = HfArgumentParser(TrainingArguments)
${parse}
    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path)
    trainer = Trainer(model=model, args=train_args, train_dataset=load())
    trainer.train()


if __name__ == "__main__":
    main()
`;

const values = async (src: string) => {
  const a = await analyze({ 'train.py': src }, 'train.py');
  return ['micro_batch', 'epochs', 'save_steps', 'num_workers'].map((k) => {
    const f = fact(a, k as never);
    return f && f.origin !== 'assumed' ? f.value : null;
  });
};

test('TrainingArguments from a JSON named on the command line: no default batch, epochs or save interval', async () => {
  const fromFile = script('    (train_args,) = hf_parser.parse_json_file(json_file=args.train_args_json)');
  // The loader's workers are still the Trainer's default (0).
  assert.deepEqual(await values(fromFile), [null, null, null, 0]);
  // A script that parses its own command line when no JSON is given keeps the defaults of the default run.
  const either = script(`    if len(sys.argv) == 2 and sys.argv[1].endswith(".json"):
        (train_args,) = hf_parser.parse_json_file(json_file=sys.argv[1])
    else:
        (train_args,) = hf_parser.parse_args_into_dataclasses()`);
  assert.deepEqual(await values(either), [8, 3, 500, 0]);
});
