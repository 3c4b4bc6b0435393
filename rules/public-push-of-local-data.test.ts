import { runRuleCases } from '../test/helpers/rule-harness';
import { publicPushOfLocalData } from './public-push-of-local-data';

const script = (data: string, args: string) => `from datasets import load_dataset
from transformers import Trainer, TrainingArguments
train = ${data}
args = TrainingArguments(output_dir="o", bf16=True, ${args})
Trainer(model="Qwen/Qwen2.5-0.5B", args=args, train_dataset=train).train()
`;

runRuleCases(publicPushOfLocalData, [
  {
    name: 'local JSON data pushed to a public repo: the fix makes it private',
    code: script('load_dataset("json", data_files="data/customers.jsonl")', 'push_to_hub=True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, column: 53, endColumn: 69, messageIncludes: 'public Hub repository' }],
    fixes: [
      {
        applicability: 'safe',
        output: script(
          'load_dataset("json", data_files="data/customers.jsonl")',
          'push_to_hub=True, hub_private_repo=True',
        ),
      },
    ],
  },
  {
    name: 'already private',
    code: script('load_dataset("json", data_files="data/customers.jsonl")', 'push_to_hub=True, hub_private_repo=True'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a public Hub dataset',
    code: script('load_dataset("tatsu-lab/alpaca", split="train")', 'push_to_hub=True'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'no push',
    code: script('load_dataset("json", data_files="data/customers.jsonl")', 'save_steps=500'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
