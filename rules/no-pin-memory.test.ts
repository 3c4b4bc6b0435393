import { runRuleCases } from '../test/helpers/rule-harness';
import { noPinMemory } from './no-pin-memory';

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

const ownModel = (data: string) => `import torch
import torchvision
import torchvision.transforms as T
from torch.utils.data import DataLoader
from models import WideResNet
${data}
loader = DataLoader(train, batch_size=128, shuffle=True, num_workers=4)
model = WideResNet(depth=28).cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(200):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

// A script whose training step lives in a trainer class of its own project (`trainer.train_step(…)`), the layout of
// many detection and GAN repositories.
const delegated = (move: string) => `import torch
from torch.utils.data import DataLoader
from trainer import Trainer
from data import ImageFolderDataset
dataset = ImageFolderDataset("data/train")
dataloader = DataLoader(dataset, batch_size=1, shuffle=True, num_workers=8)
trainer = Trainer()
for epoch in range(14):
    for img, label in dataloader:
        trainer.train_step(img${move}, label${move})
`;
const stepModule = (setup: string) => `import torch
${setup}
class Trainer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Conv2d(3, 64, 3)
        self.optimizer = torch.optim.SGD(self.net.parameters(), lr=1e-3)

    def train_step(self, img, label):
        self.optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(self.net(img), label)
        loss.backward()
        self.optimizer.step()
`;

runRuleCases(noPinMemory, [
  {
    name: 'a GPU loop without pinned memory: the fix pins it',
    code: loop('DataLoader(train, batch_size=64, num_workers=4)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 10, messageIncludes: 'pageable memory' }],
    fixes: [
      { applicability: 'safe', output: loop('DataLoader(train, batch_size=64, num_workers=4, pin_memory=True)') },
    ],
  },
  {
    name: 'pin_memory=False written',
    code: loop('DataLoader(train, batch_size=64, num_workers=4, pin_memory=False)'),
    settings: { hardware: 'h100' },
    expect: [{ line: 5, column: 58 }],
    fixes: [
      { applicability: 'safe', output: loop('DataLoader(train, batch_size=64, num_workers=4, pin_memory=True)') },
    ],
  },
  {
    name: 'pinned already',
    code: loop('DataLoader(train, batch_size=64, num_workers=4, pin_memory=True)'),
    expect: [],
  },
  { name: 'CPU runs do not pin', code: loop('DataLoader(train, batch_size=64)', 'cpu'), expect: [] },
  {
    name: 'hardware not named: information, since the file moves batches to CUDA',
    code: loop('DataLoader(train, batch_size=64, num_workers=4)'),
    expect: [{ line: 5, severity: 'information' }],
  },
  {
    name: 'a script that never names CUDA (it runs where torch puts it, the CPU) is not judged',
    code: `import torch
from torch.utils.data import DataLoader
loader = DataLoader(train, batch_size=64, num_workers=4)
for epoch in range(20):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
`,
    expect: [],
  },
  {
    name: 'a text model: token batches are too small for pinning to matter',
    code: `import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification
model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased").to("cuda")
opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
loader = DataLoader(train, batch_size=32, shuffle=True, num_workers=2)
for epoch in range(3):
    for batch in loader:
        loss = model(**{k: v.to("cuda") for k, v in batch.items()}).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "a model class of the project's own on CIFAR-10 with a random crop: images, so pinning matters",
    code: ownModel(
      'train = torchvision.datasets.CIFAR10("data", train=True, transform=T.Compose([T.RandomCrop(32, padding=4), T.ToTensor()]))',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 7, severity: 'information', messageIncludes: 'pageable memory' }],
    fixes: [
      {
        applicability: 'safe',
        output: ownModel(
          'train = torchvision.datasets.CIFAR10("data", train=True, transform=T.Compose([T.RandomCrop(32, padding=4), T.ToTensor()]))',
        ).replace('num_workers=4)', 'num_workers=4, pin_memory=True)'),
      },
    ],
  },
  {
    name: 'the same model class over data of an unknown kind (no image size anywhere): its name says nothing of the data, judged',
    code: ownModel('train = load_records("data.pt")'),
    settings: { hardware: 'a100' },
    expect: [{ line: 7, messageIncludes: 'pageable memory' }],
  },
  {
    name: 'a model class named for text (a language model of the project) over data of an unknown kind is not judged',
    code: ownModel('train = load_records("data.pt")')
      .replace(/WideResNet\(depth=28\)/, 'GPTLanguageModel(n_layer=6)')
      .replace('import WideResNet', 'import GPTLanguageModel'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a hub model the tables do not know (not a class of the project) over data of an unknown kind: text, not judged',
    code: ownModel('train = load_records("data.pt")')
      .replace(/WideResNet\(depth=28\)/, 'AutoModel.from_pretrained("acme-lab/encoder-v2")')
      .replace('from models import WideResNet', 'from transformers import AutoModel'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a script whose step runs in its trainer module, batches moved with .cuda(): information on its DataLoader',
    code: delegated('.cuda()'),
    files: { '/case/trainer.py': stepModule('') },
    expect: [{ line: 6, column: 14, severity: 'information', messageIncludes: 'the default' }],
    fixes: [
      {
        applicability: 'safe',
        outputIncludes: ['DataLoader(dataset, batch_size=1, shuffle=True, num_workers=8, pin_memory=True)'],
      },
    ],
  },
  {
    name: 'the same script when neither it nor the trainer module names CUDA is not judged',
    code: delegated(''),
    files: { '/case/trainer.py': stepModule('') },
    expect: [],
  },
  {
    name: 'the same script when the trainer module hands the batches to Accelerate is not judged',
    code: delegated('.cuda()'),
    files: { '/case/trainer.py': stepModule('from accelerate import Accelerator\naccelerator = Accelerator()') },
    expect: [],
  },
  {
    name: 'batches moved to a device index under nn.DataParallel (CUDA devices only): information',
    code: ownModel(
      'train = torchvision.datasets.CIFAR10("data", train=True, transform=T.Compose([T.RandomCrop(32, padding=4), T.ToTensor()]))',
    )
      .replace('model = WideResNet(depth=28).cuda()', 'model = torch.nn.DataParallel(WideResNet(depth=28).to(rank))')
      .replace(/\.cuda\(\)/g, '.to(rank)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 7, severity: 'information', messageIncludes: 'pageable memory' }],
  },
  {
    name: 'the same loop under DistributedDataParallel, which runs on CPUs too (gloo), names no GPU: not judged',
    code: ownModel(
      'train = torchvision.datasets.CIFAR10("data", train=True, transform=T.Compose([T.RandomCrop(32, padding=4), T.ToTensor()]))',
    )
      .replace(
        'model = WideResNet(depth=28).cuda()',
        'model = torch.nn.parallel.DistributedDataParallel(WideResNet(depth=28).to(rank))',
      )
      .replace(/\.cuda\(\)/g, '.to(rank)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a model loaded from a path the command line gives, over sequences of a stated length: tokens, not judged',
    code: `import argparse
import torch
from torch.utils.data import DataLoader
from transformers import GPT2LMHeadModel
from dataset import DialogueDataset
parser = argparse.ArgumentParser()
parser.add_argument("--max_len", default=150, type=int)
parser.add_argument("--pretrained_model", default="", type=str)
args = parser.parse_args()
train = DialogueDataset("data/train.pkl", args.max_len)
loader = DataLoader(train, batch_size=8, shuffle=True, num_workers=4)
model = GPT2LMHeadModel.from_pretrained(args.pretrained_model).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=2.6e-5)
for epoch in range(100):
    for input_ids, labels in loader:
        loss = model(input_ids.cuda(), labels=labels.cuda()).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
