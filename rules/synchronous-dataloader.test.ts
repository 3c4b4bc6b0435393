import { runRuleCases } from '../test/helpers/rule-harness';
import { synchronousDataloader } from './synchronous-dataloader';

const loop = (loader: string, device = 'cuda') => `import torch
from torch.utils.data import DataLoader
model = Net().to("${device}")
opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
loader = ${loader}
for epoch in range(20):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.to("${device}")), y.to("${device}"))
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

runRuleCases(synchronousDataloader, [
  {
    name: 'no workers (the default) on a GPU run: on the DataLoader call, the fix adds workers',
    code: loop('DataLoader(train, batch_size=64, shuffle=True)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 10, endColumn: 56, severity: 'warning', messageIncludes: 'the default' }],
    fixes: [{ applicability: 'unsafe', output: loop('DataLoader(train, batch_size=64, shuffle=True, num_workers=4)') }],
  },
  {
    name: 'num_workers=0 written: the fix replaces it',
    code: loop('DataLoader(train, batch_size=64, num_workers=0)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5 }],
    fixes: [{ applicability: 'unsafe', output: loop('DataLoader(train, batch_size=64, num_workers=4)') }],
  },
  {
    name: 'workers already',
    code: loop('DataLoader(train, batch_size=64, num_workers=8)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: 'a CPU run', code: loop('DataLoader(train, batch_size=64)', 'cpu'), expect: [] },
  {
    name: "the Trainer's default is not flagged",
    code: `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)\nTrainer(model="Qwen/Qwen2.5-0.5B", args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'in-memory tensors (TensorDataset): indexing is no per-sample work',
    code: loop('DataLoader(TensorDataset(features, labels), batch_size=512, shuffle=True)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a TensorDataset assigned to a name first',
    code: loop('DataLoader(ds, batch_size=512, shuffle=True)').replace(
      'loader = ',
      'ds = torch.utils.data.TensorDataset(torch.load("x.pt"), torch.load("y.pt"))\nloader = ',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'workers from an argparse option whose default is 8',
    code: loop('DataLoader(train, batch_size=64, shuffle=True, num_workers=args.workers)').replace(
      'model = ',
      'import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("-j", "--workers", default=8, type=int)\nargs = parser.parse_args()\nmodel = ',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'workers from an argparse option whose default is 0: on the argument',
    code: loop('DataLoader(train, batch_size=64, shuffle=True, num_workers=args.workers)').replace(
      'model = ',
      'import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--workers", type=int, default=0)\nargs = parser.parse_args()\nmodel = ',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 57 }],
  },
  {
    name: 'a loader built in a helper function, workers left out',
    code: `import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms


def make_loaders(root, bs):
    tf = transforms.Compose([transforms.RandomResizedCrop(224), transforms.ToTensor()])
    train_loader = DataLoader(datasets.ImageFolder(root, tf), batch_size=bs, shuffle=True)
    return train_loader


def main():
    model = Net().cuda()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(90):
        for x, y in make_loaders("/data/train", 256):
            loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
            loss.backward()
            opt.step()
            opt.zero_grad()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 8, column: 20 }],
  },
]);

// The Trainer's default num_workers=0: silent on text, information on images decoded and augmented per sample.
const hfVision = (args: string) => `from datasets import load_dataset
from transformers import AutoModelForImageClassification, Trainer, TrainingArguments
from torchvision.transforms import Compose, RandomResizedCrop, ToTensor

ds = load_dataset("food101", split="train")
model = AutoModelForImageClassification.from_pretrained("google/vit-base-patch16-224", num_labels=101)
tf = Compose([RandomResizedCrop(224), ToTensor()])
ds.set_transform(lambda b: {"pixel_values": [tf(x) for x in b["image"]], "labels": b["label"]})
args = TrainingArguments(output_dir="o", per_device_train_batch_size=64, num_train_epochs=5, bf16=True${args})
Trainer(model=model, args=args, train_dataset=ds).train()
`;

runRuleCases(synchronousDataloader, [
  {
    name: 'HF Trainer on images, workers left at the default: information on the arguments call, the fix adds workers',
    code: hfVision(''),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 8, severity: 'information', messageIncludes: 'the default' }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['dataloader_num_workers=4'] }],
  },
  {
    name: 'HF Trainer on images with dataloader_num_workers=8',
    code: hfVision(', dataloader_num_workers=8'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'HF Trainer on text, workers left at the default: pre-tokenised text loads cheaply',
    code: `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
args = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=3)
Trainer(model=model, args=args, train_dataset=tokenized).train()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Loader settings in a dict chosen by the device (`{…} if use_cuda else {}`, as pytorch/examples' MNIST writes it):
// the GPU run's settings are the ones judged.
const gpuKwargs = (kwargs: string) => `import argparse
import torch
from torch.utils.data import DataLoader
parser = argparse.ArgumentParser()
parser.add_argument("--workers", type=int, default=0)
args = parser.parse_args()
use_cuda = torch.cuda.is_available()
device = torch.device("cuda" if use_cuda else "cpu")
loader_kwargs = ${kwargs}
loader = DataLoader(train, batch_size=64, shuffle=True, **loader_kwargs)
model = Net().to(device)
for epoch in range(20):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.to(device)), y.to(device))
        loss.backward()
        opt.step()
`;

runRuleCases(synchronousDataloader, [
  {
    name: 'workers from a flag whose default is 0, in the GPU-only loader settings: flagged where they are set',
    code: gpuKwargs('{"num_workers": args.workers, "pin_memory": True} if use_cuda else {}'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9 }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['{"num_workers": 4, "pin_memory": True} if use_cuda'] }],
  },
  {
    name: 'workers in the GPU-only loader settings',
    code: gpuKwargs('{"num_workers": 4, "pin_memory": True} if use_cuda else {}'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a dict chosen by something other than the device: not read (either may be the run)',
    code: gpuKwargs('{"num_workers": args.workers} if args.debug else {"num_workers": 8}'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
