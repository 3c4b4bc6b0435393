// The size of a model class the script defines, counted from its torch.nn layer constructors, and the toy-run check
// that reads it: a small convnet on MNIST/CIFAR-sized images, or a small MLP, gets no warning; anything the count
// cannot see stays unknown, and the warning stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';

const settings = mergeSettings({ values: { hardware: 'v100' }, source: 'test' });
const run = async (code: string) => {
  const a = await analyzeText('/w/train.py', code, settings);
  assert.equal(a.runs.length, 1, `runs: ${a.runs.length}`);
  return { plan: a.runs[0].plan, gml101: a.findings.find((f) => f.code === 'GML101') };
};

const script = (cls: string, data: string, build = 'model = ConvNet().cuda()') => `import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as T
from torch.utils.data import DataLoader

${cls}

${build}
${data}
loader = DataLoader(train, batch_size=100, shuffle=True, num_workers=4, pin_memory=True)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(100):
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
const convnet = `class ConvNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=5, padding=2), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 5, padding=2), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(7 * 7 * 32, num_classes)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))`;
const mnist = 'train = torchvision.datasets.MNIST("data", train=True, transform=T.ToTensor())';

test('a two-convolution MNIST net: its parameters counted, and fp32 on a V100 is information, not a warning', async () => {
  const { plan, gml101 } = await run(script(convnet, mnist));
  // 16·1·25+16 + 2·16 + 32·16·25+32 + 2·32 + 1568·10+10 (torch.nn.Conv2d, BatchNorm2d and Linear as documented).
  assert.equal(plan.facts.get('layer_params')?.value, 29034);
  assert.equal(plan.facts.get('layer_params')?.form, 'convolutional');
  assert.equal(gml101?.severity, 'information');
});

test('a LightningModule: the class whose configure_optimizers trains self.parameters(), handed to Trainer.fit', async () => {
  const lit = convnet
    .replace('class ConvNet(nn.Module)', 'class LitConvNet(L.LightningModule)')
    .concat(
      '\n\n    def training_step(self, batch, i):\n        return nn.functional.cross_entropy(self(batch[0]), batch[1])',
      '\n\n    def configure_optimizers(self):\n        return torch.optim.SGD(self.parameters(), lr=0.1)',
    );
  const code = `import torch
import torch.nn as nn
import lightning as L
import torchvision
import torchvision.transforms as T
from torch.utils.data import DataLoader

${lit}

${mnist}
net = LitConvNet()
trainer = L.Trainer(accelerator="gpu", devices=1, max_epochs=20)
trainer.fit(net, DataLoader(train, batch_size=100, num_workers=4))
`;
  const { plan } = await run(code);
  assert.equal(plan.facts.get('layer_params')?.value, 29034);
});

test('must not report: the convnet on images of unknown size keeps the warning (a convolution costs per pixel)', async () => {
  const { plan, gml101 } = await run(script(convnet, 'train = ImageFolderLike("data")'));
  assert.equal(plan.facts.get('layer_params')?.value, 29034);
  assert.equal(gml101?.severity, 'warning');
});

test('must not report: a layer built in a loop or by a helper leaves the size unknown, and the warning stays', async () => {
  const looped = convnet.replace(
    '        self.fc = nn.Linear(7 * 7 * 32, num_classes)',
    '        self.blocks = nn.ModuleList()\n        for _ in range(depth):\n            self.blocks.append(nn.Linear(512, 512))\n        self.fc = nn.Linear(7 * 7 * 32, num_classes)',
  );
  const a = await run(script(looped, mnist));
  assert.equal(a.plan.facts.get('layer_params'), undefined);
  assert.equal(a.gml101?.severity, 'warning');
  const helper = convnet.replace('nn.Linear(7 * 7 * 32, num_classes)', 'make_head(7 * 7 * 32, num_classes)');
  assert.equal((await run(script(helper, mnist))).plan.facts.get('layer_params'), undefined);
});

test('must not report: a module passed in, a size from the command line, or a model built elsewhere is not counted', async () => {
  const passedIn = convnet
    .replace('def __init__(self, num_classes=10)', 'def __init__(self, backbone, num_classes=10)')
    .replace('        self.fc =', '        self.backbone = backbone\n        self.fc =');
  assert.equal(
    (await run(script(passedIn, mnist, 'model = ConvNet(resnet50()).cuda()'))).plan.facts.get('layer_params'),
    undefined,
  );
  const sized = convnet.replace('nn.Linear(7 * 7 * 32, num_classes)', 'nn.Linear(args.hidden, num_classes)');
  assert.equal((await run(script(sized, mnist))).plan.facts.get('layer_params'), undefined);
  const elsewhere = script(convnet, mnist, 'model = torchvision.models.resnet50().cuda()\nprobe = ConvNet()');
  assert.equal((await run(elsewhere)).plan.facts.get('layer_params'), undefined);
});

test('must not report: a class whose model assignments disagree (a flag picks another network) is not counted', async () => {
  const code = script(convnet, mnist, 'model = ConvNet().cuda()\nif big:\n    model = build_big()');
  assert.equal((await run(code)).plan.facts.get('layer_params'), undefined);
});

const sequentialMlp = (hidden: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader

model = nn.Sequential(
    nn.Linear(512, ${hidden}),
    nn.ReLU(),
    nn.Linear(${hidden}, 10),
)
model = nn.DataParallel(model).cuda()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(100):
    for x, y in DataLoader(train, batch_size=64, num_workers=4, pin_memory=True):
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

test('a model built as one nn.Sequential of layers: counted, and DataParallel around the toy MLP is information', async () => {
  const a = await analyzeText('/w/train.py', sequentialMlp('256'), settings);
  assert.equal(a.runs.length, 1);
  // 512·256+256 + 256·10+10 (torch.nn.Linear as documented).
  assert.equal(a.runs[0].plan.facts.get('layer_params')?.value, 133898);
  assert.equal(a.findings.find((f) => f.code === 'GML506')?.severity, 'information');
});

test('must not report: an nn.Sequential with a size from the command line is not counted, and the warning stays', async () => {
  const a = await analyzeText('/w/train.py', sequentialMlp('args.hidden'), settings);
  assert.equal(a.runs.length, 1);
  assert.equal(a.runs[0].plan.facts.get('layer_params'), undefined);
  assert.equal(a.findings.find((f) => f.code === 'GML506')?.severity, 'warning');
});
