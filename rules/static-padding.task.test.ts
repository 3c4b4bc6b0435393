import { runRuleCases } from '../test/helpers/rule-harness';
import { staticPadding } from './static-padding';

// What the padded text trains decides GML203: a language model's fixed padding is the waste (a warning), an encoder
// classifier padded to a BERT-sized length is the practice Transformers' own examples follow (not reported), and a
// file that does not say gets information.
const classifier = (head: string, maxLength: string) => `from transformers import AutoTokenizer, ${head}
from transformers import Trainer, TrainingArguments
tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
model = ${head}.from_pretrained("bert-base-uncased", num_labels=3)
def encode(batch):
    return tokenizer(batch["sentence"], padding="max_length", truncation=True, max_length=${maxLength})
train = raw["train"].map(encode, batched=True)
args = TrainingArguments(output_dir="o", per_device_train_batch_size=32, num_train_epochs=3, bf16=True)
Trainer(model=model, args=args, train_dataset=train).train()
`;

// A Lightning module file: the Dataset pads each item with encode_plus (the default collate stacks fixed shapes).
const lightningClassifier = `import torch
import pytorch_lightning as pl
from torch.utils.data import Dataset, DataLoader
from transformers import AutoTokenizer, AutoModelForSequenceClassification

class NoticeDataset(Dataset):
    def __init__(self, df, name, max_len=256):
        self.tok = AutoTokenizer.from_pretrained(name)
        self.df = df
        self.max_len = max_len
    def __len__(self):
        return len(self.df)
    def __getitem__(self, i):
        enc = self.tok.encode_plus(self.df.text[i], max_length=self.max_len, padding="max_length", truncation=True, return_tensors="pt")
        return {"input_ids": enc["input_ids"].flatten(), "labels": torch.tensor(self.df.label[i])}

class Tagger(pl.LightningModule):
    def __init__(self, name):
        super().__init__()
        self.model = AutoModelForSequenceClassification.from_pretrained(name, num_labels=2)
    def training_step(self, batch, batch_idx):
        out = self.model(input_ids=batch["input_ids"], labels=batch["labels"])
        self.log("train_loss", out.loss)
        return out.loss
    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=2e-5)

if __name__ == "__main__":
    loader = DataLoader(NoticeDataset(df, "distilbert-base-uncased"), batch_size=16, num_workers=4)
    pl.Trainer(accelerator="gpu", devices=1, max_epochs=3, precision="16-mixed").fit(Tagger("distilbert-base-uncased"), loader)
`;

// A hand-written loop over an encoder with its own linear head: the file names no head class and no language model.
const customHead = `import torch
from transformers import AutoModel, AutoTokenizer
tokenizer = AutoTokenizer.from_pretrained("roberta-base")
encoder = AutoModel.from_pretrained("roberta-base").cuda()
head = torch.nn.Linear(768, 2).cuda()
optimizer = torch.optim.AdamW(list(encoder.parameters()) + list(head.parameters()), lr=2e-5)
for epoch in range(3):
    for texts, labels in loader:
        enc = tokenizer(texts, padding="max_length", truncation=True, max_length=256, return_tensors="pt").to("cuda")
        loss = torch.nn.functional.cross_entropy(head(encoder(**enc).last_hidden_state[:, 0]), labels.cuda())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

runRuleCases(staticPadding, [
  {
    name: 'must not: a sequence classifier padded to 128 tokens (run_glue.py pads so by default)',
    code: classifier('AutoModelForSequenceClassification', '128'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'must not: an extractive QA head padded to 384 tokens (run_qa.py pads so by default)',
    code: classifier('AutoModelForQuestionAnswering', '384'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'must not: a token classifier padded to a length the file leaves to a variable',
    code: classifier('BertForTokenClassification', 'MAX_LEN').replace(
      'tokenizer = ',
      'MAX_LEN = get_len()\ntokenizer = ',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "must not: a Lightning classifier's Dataset padding each item to self.max_len",
    code: lightningClassifier,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a classifier padded past 512 positions (a long-document model): information',
    code: classifier('AutoModelForSequenceClassification', '4096'),
    settings: { hardware: 'a100' },
    expect: [{ line: 6, severity: 'information', messageIncludes: 'padded to the maximum length' }],
  },
  {
    name: 'a file that names no language model and no head class: information, not a warning',
    code: customHead,
    settings: { hardware: 'a100' },
    expect: [{ line: 9, severity: 'information' }],
  },
  {
    name: 'a file that trains a causal LM beside a classifier: the language model decides, a warning',
    code: classifier('AutoModelForSequenceClassification', '128').replace(
      'model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=3)',
      'model = AutoModelForCausalLM.from_pretrained("gpt2") if LM else AutoModelForSequenceClassification.from_pretrained("bert-base-uncased")',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 6, severity: 'warning' }],
  },
]);
