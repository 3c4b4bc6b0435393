import { runRuleCases } from '../test/helpers/rule-harness';
import { publicPushOfLocalData } from './public-push-of-local-data';

const script = (data: string, args: string) => `from datasets import load_dataset
from transformers import Trainer, TrainingArguments
train = ${data}
args = TrainingArguments(output_dir="o", bf16=True, ${args})
Trainer(model="Qwen/Qwen2.5-0.5B", args=args, train_dataset=train).train()
`;

const loopPush = (push: string) => `import pandas as pd
import torch
from transformers import AutoModelForSequenceClassification
df = pd.read_csv("data/tickets.csv")
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=4).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
for epoch in range(3):
    for batch in loader:
        out = model(**{k: v.cuda() for k, v in batch.items()})
        out.loss.backward()
        opt.step()
        opt.zero_grad()
model.save_pretrained("ticket-router")
${push}
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
  {
    name: 'a plain loop on a local CSV that ends with model.push_to_hub: the fix adds private=True',
    code: loopPush('model.push_to_hub("acme/ticket-router")'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, column: 1, messageIncludes: 'public Hub repository' }],
    fixes: [{ applicability: 'safe', output: loopPush('model.push_to_hub("acme/ticket-router", private=True)') }],
  },
  {
    name: 'model.push_to_hub(..., private=True)',
    code: loopPush('model.push_to_hub("acme/ticket-router", private=True)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
