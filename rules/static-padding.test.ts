import { runRuleCases } from '../test/helpers/rule-harness';
import { staticPadding } from './static-padding';

const script = (
  tok: string,
  args = '',
) => `from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments
tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-0.5B")
def tokenize(batch):
    return tokenizer(batch["text"], ${tok}, truncation=True, max_length=1024)
train = raw.map(tokenize, batched=True)
args = TrainingArguments(output_dir="o", bf16=True${args})
Trainer(model=AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B"), args=args, train_dataset=train).train()
`;

runRuleCases(staticPadding, [
  {
    name: 'padding="max_length" in the tokenizer of a training run',
    code: script('padding="max_length"'),
    settings: { hardware: 'a100' },
    expect: [
      { line: 4, column: 37, endColumn: 57, severity: 'warning', messageIncludes: 'padded to the maximum length' },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  { name: 'dynamic padding is right', code: script('padding=True'), settings: { hardware: 'a100' }, expect: [] },
  {
    name: 'grouped by length: the padding is mostly gone',
    code: script('padding="max_length"', ', group_by_length=True'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'TPUs want fixed shapes',
    code: script('padding="max_length"'),
    settings: { hardware: 'tpu v4' },
    expect: [],
  },
]);

// Config format: axolotl YAML (`pad_to_sequence_len` without `sample_packing`).
const axolotl = (extra: string) =>
  `base_model: Qwen/Qwen2.5-1.5B\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\nsequence_len: 4096\n${extra}micro_batch_size: 2\nnum_epochs: 1\nbf16: auto\n`;

runRuleCases(staticPadding, [
  {
    name: 'axolotl YAML: pad_to_sequence_len without sample_packing, on that line; packing written in YAML',
    file: '/case/sft.yml',
    code: axolotl('sample_packing: false\npad_to_sequence_len: true\n'),
    expect: [{ line: 7, column: 1, messageIncludes: 'without packing' }],
    fixes: [
      {
        applicability: 'unsafe',
        titleIncludes: 'Pack samples',
        output: axolotl('sample_packing: true\npad_to_sequence_len: true\n'),
      },
      { applicability: 'display-only' },
    ],
  },
  {
    name: 'axolotl YAML: pad_to_sequence_len with sample_packing is how packing is meant to run',
    file: '/case/sft.yml',
    code: axolotl('sample_packing: true\npad_to_sequence_len: true\n'),
    expect: [],
  },
  {
    name: 'axolotl YAML: no pad_to_sequence_len',
    file: '/case/sft.yml',
    code: axolotl('sample_packing: false\n'),
    expect: [],
  },
  {
    name: 'axolotl YAML: pad_to_sequence_len with sample_packing unset: inserted fix',
    file: '/case/sft.yml',
    code: axolotl('pad_to_sequence_len: true\n'),
    expect: [{ line: 6 }],
  },
]);

// The padding decided elsewhere than the tokenizer call: a module constant, a collator, a flag, an HF-args file.
const collated = (
  collator: string,
) => `from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq
from transformers import Seq2SeqTrainer, Seq2SeqTrainingArguments
tokenizer = AutoTokenizer.from_pretrained("google/flan-t5-base")
model = AutoModelForSeq2SeqLM.from_pretrained("google/flan-t5-base")
collator = ${collator}
args = Seq2SeqTrainingArguments(output_dir="o", num_train_epochs=3, bf16=True)
Seq2SeqTrainer(model=model, args=args, train_dataset=train, data_collator=collator).train()
`;

runRuleCases(staticPadding, [
  {
    name: 'a collator told to pad every batch to max_length',
    code: collated('DataCollatorForSeq2Seq(tokenizer, model=model, padding="max_length", max_length=512)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 59, endColumn: 79, severity: 'warning' }],
  },
  {
    name: 'a collator that pads to the longest example of each batch is dynamic padding',
    code: collated('DataCollatorForSeq2Seq(tokenizer, model=model, padding="longest")'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'padding from a module constant',
    code: script('padding=PADDING').replace('def tokenize', 'PADDING = "max_length"\ndef tokenize'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 37 }],
  },
  {
    name: 'padding chosen by a flag that is off by default is not judged',
    code: script('padding="max_length" if args.pad_to_max_length else False'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

const hfArgs = (pad: string) =>
  `model_name_or_path: roberta-base\ntask_name: mnli\ndo_train: true\nmax_seq_length: 256\n${pad}per_device_train_batch_size: 32\nnum_train_epochs: 3\nbf16: true\noutput_dir: out\n`;

runRuleCases(staticPadding, [
  {
    name: 'HF-args YAML of an example script: pad_to_max_length: true, on that line',
    file: '/case/glue.yaml',
    code: hfArgs('pad_to_max_length: true\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 1 }],
  },
  {
    name: 'HF-args YAML: pad_to_max_length: false pads per batch',
    file: '/case/glue.yaml',
    code: hfArgs('pad_to_max_length: false\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Padding the run does not use: a branch a flag turns off, a function the script never calls.
const packed = `import argparse
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments
parser = argparse.ArgumentParser()
parser.add_argument("--data_packing", action="store_true")
parser.add_argument("--max_steps", type=int, default=1000)
args = parser.parse_args()
tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-0.5B")
def preprocess(batch):
    if args.data_packing:
        return pack(tokenizer(batch["text"])["input_ids"], 2048)
    else:
        return tokenizer(batch["text"], max_length=2048, padding="max_length", truncation=True)
train = raw.map(preprocess, batched=True)
targs = TrainingArguments(output_dir="o", bf16=True, max_steps=args.max_steps)
Trainer(model=AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B"), args=targs, train_dataset=train).train()
`;

runRuleCases(staticPadding, [
  {
    name: 'padding in the branch the default run takes (no --data_packing): flagged',
    code: packed,
    settings: { hardware: 'a100' },
    expect: [{ line: 12, severity: 'warning' }],
  },
  {
    name: 'padding in the branch a launcher flag turns off (--data_packing given): not the run',
    code: packed,
    files: { '/case/finetune.sh': 'deepspeed train.py \\\n  --max_steps 250000 \\\n  --data_packing\n' },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'padding in a function the script never calls; the one it maps pads per batch',
    code: script('padding=True').replace(
      'def tokenize(batch):',
      'def tokenize_fixed(batch):\n    return tokenizer(batch["text"], padding="max_length", max_length=1024)\n\n\ndef tokenize(batch):',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Every call of the run that pads to the maximum length: the targets tokenised apart from the inputs.
const seq2seq = `from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, Trainer, TrainingArguments
tokenizer = AutoTokenizer.from_pretrained("google/flan-t5-base")
def tokenize(batch):
    enc = tokenizer(batch["question"], padding="max_length", truncation=True, max_length=512)
    enc["labels"] = tokenizer(batch["answer"], padding="max_length", truncation=True, max_length=128)["input_ids"]
    return enc
train = raw.map(tokenize, batched=True)
args = TrainingArguments(output_dir="o", bf16=True)
Trainer(model=AutoModelForSeq2SeqLM.from_pretrained("google/flan-t5-base"), args=args, train_dataset=train).train()
`;
// A text-to-image run: its captions are padded to the CLIP text encoder's 77 positions, which condition the UNet.
const textToImage = `import torch
from diffusers import UNet2DConditionModel
from transformers import CLIPTokenizer, CLIPTextModel
tokenizer = CLIPTokenizer.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="tokenizer")
text_encoder = CLIPTextModel.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="text_encoder").cuda()
unet = UNet2DConditionModel.from_pretrained("runwayml/stable-diffusion-v1-5", subfolder="unet").cuda()
optimizer = torch.optim.AdamW(unet.parameters(), lr=1e-5)
for epoch in range(100):
    for images, captions in loader:
        ids = tokenizer(captions, padding="max_length", max_length=tokenizer.model_max_length, truncation=True, return_tensors="pt").input_ids
        loss = unet(images.cuda(), 10, text_encoder(ids.cuda())[0]).sample.mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

runRuleCases(staticPadding, [
  {
    name: 'the inputs and the targets each padded to max_length: a finding on each call',
    code: seq2seq,
    settings: { hardware: 'a100' },
    expect: [
      { line: 4, severity: 'warning', messageIncludes: 'padded to the maximum length' },
      { line: 5, severity: 'warning', messageIncludes: 'padded to the maximum length' },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'must not: captions of a text-to-image run padded to the text encoder length',
    code: textToImage,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
