// Vision and audio models named in a script become the estimate's architecture (as `greenml estimate
// --architecture` does): torchvision, timm, Keras applications and Hugging Face ids; known datasets give the samples
// per epoch, the transforms the resolution. Such a run has no sequence length, and a script that defines or changes
// its own network gets no architecture from the table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { visionBuilders } from '../../engine/extract/python-vision';
import { analyze, codes, fact, theRun, launchedFact, launchedRun } from './helpers';

/** A plain PyTorch loop around `model` (built by `build`), over `data` (a dataset expression). */
const loop = (imports: string, build: string, data = 'train_set', extra = '') => `import torch
${imports}
${extra}
model = ${build}
model.cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
train_set = ${data}
loader = torch.utils.data.DataLoader(train_set, batch_size=64, shuffle=True, num_workers=4)
for epoch in range(10):
    for images, labels in loader:
        loss = torch.nn.functional.cross_entropy(model(images.cuda()), labels.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const CONSTRUCTORS: { name: string; text: string; model: string; arch: string; origin?: string }[] = [
  {
    name: 'torchvision models.resnet50',
    text: loop('import torchvision.models as models', 'models.resnet50(weights=None)'),
    model: 'resnet50',
    arch: 'resnet50',
  },
  {
    name: 'torchvision.models.vit_b_16',
    text: loop('import torchvision', 'torchvision.models.vit_b_16()'),
    model: 'vit_b_16',
    arch: 'vit-b-16',
  },
  {
    name: 'imported builder',
    text: loop('from torchvision.models import resnet18, ResNet18_Weights', 'resnet18(num_classes=10)'),
    model: 'resnet18',
    arch: 'resnet18',
  },
  {
    name: 'torchvision get_model',
    text: loop('from torchvision.models import get_model', 'get_model("efficientnet_b0", weights=None)'),
    model: 'efficientnet_b0',
    arch: 'efficientnet-b0',
  },
  {
    name: 'timm create_model',
    text: loop('import timm', 'timm.create_model("vit_base_patch16_224", pretrained=True)'),
    model: 'vit_base_patch16_224',
    arch: 'vit-b-16',
  },
  {
    name: 'timm Swin',
    text: loop('import timm', 'timm.create_model("swin_tiny_patch4_window7_224", num_classes=100)'),
    model: 'swin_tiny_patch4_window7_224',
    arch: 'swin-t',
  },
  {
    name: 'timm model from an argparse default',
    text: loop(
      'import argparse\nimport timm\np = argparse.ArgumentParser()\np.add_argument("--model", default="resnet50")\nargs = p.parse_args()',
      'timm.create_model(args.model)',
    ),
    model: 'resnet50',
    arch: 'resnet50',
    origin: 'script-default',
  },
  {
    name: 'models.__dict__[args.arch]() (the ImageNet example pattern)',
    text: loop(
      'import argparse\nimport torchvision.models as models\nparser = argparse.ArgumentParser()\nparser.add_argument("-a", "--arch", default="resnet18")\nargs = parser.parse_args()',
      'models.__dict__[args.arch]()',
    ),
    model: 'resnet18',
    arch: 'resnet18',
    origin: 'script-default',
  },
  {
    name: 'torch.hub.load of torchvision',
    text: loop('import torchvision', 'torch.hub.load("pytorch/vision", "convnext_tiny")'),
    model: 'convnext_tiny',
    arch: 'convnext-tiny',
  },
];

for (const c of CONSTRUCTORS)
  test(`vision constructor: ${c.name}`, async () => {
    const a = await analyze({ 'train.py': c.text }, 'train.py', { hardware: 'a100' });
    const m = fact(a, 'model')!;
    assert.deepEqual([m.value, m.origin], [c.model, c.origin ?? 'explicit']);
    const run = theRun(a);
    assert.equal(run.inputs.architecture, c.model);
    assert.ok(!run.plan.facts.has('seq_len'), 'no sequence length for images');
    assert.equal(run.inputs.tokens, undefined);
    assert.ok(run.estimate.assumptions.some((x) => x.key === 'flops' && x.text.includes('forward FLOPs per sample')));
    assert.ok(fact(a, 'params')!.note!.length > 10);
    assert.ok(!codes(a).includes('GML207'), 'no transformer memory model on a convnet');
  });

test('must not: a network the script defines or re-stems is not the table one', async () => {
  const own = loop(
    'import torch.nn as nn\nimport torchvision',
    'resnet18()',
    'torchvision.datasets.CIFAR10("./data", train=True)',
    'def resnet18():\n    return nn.Sequential(nn.Conv2d(3, 64, 3), nn.Flatten(), nn.LazyLinear(10))\n',
  );
  assert.equal(fact(await analyze({ 'train.py': own }, 'train.py'), 'model'), undefined);
  const stem = loop(
    'import torch.nn as nn\nimport torchvision.models as models',
    'models.resnet18(num_classes=10)',
    'train_set',
    '',
  ).replace('model.cuda()', 'model.conv1 = nn.Conv2d(3, 64, 3, 1, 1)\nmodel.maxpool = nn.Identity()\nmodel.cuda()');
  assert.equal(fact(await analyze({ 'train.py': stem }, 'train.py'), 'model'), undefined);
  const unknown = loop('import timm', 'timm.create_model("my_custom_net")');
  assert.equal(fact(await analyze({ 'train.py': unknown }, 'train.py'), 'model'), undefined);
});

const DATASETS: { name: string; data: string; extra?: string; samples: number | undefined; res: number | undefined }[] =
  [
    {
      name: 'CIFAR-10 at its native 32 px',
      data: 'torchvision.datasets.CIFAR10(root="d", train=True, download=True)',
      samples: 50_000,
      res: 32,
    },
    {
      name: 'CIFAR-100',
      data: 'torchvision.datasets.CIFAR100("d", transform=T.Compose([T.RandomCrop(32, padding=4), T.ToTensor()]))',
      samples: 50_000,
      res: 32,
    },
    { name: 'MNIST', data: 'torchvision.datasets.MNIST("d", train=True)', samples: 60_000, res: 28 },
    {
      name: 'ImageNet with RandomResizedCrop(224)',
      data: 'torchvision.datasets.ImageNet("/data", split="train", transform=T.Compose([T.RandomResizedCrop(224), T.ToTensor()]))',
      samples: 1_281_167,
      res: 224,
    },
    {
      name: 'Hub id through load_dataset, crop size as a tuple',
      data: 'load_dataset("uoft-cs/cifar10", split="train")',
      extra: 'from datasets import load_dataset\ntf = T.RandomResizedCrop(size=(96, 96))',
      samples: 50_000,
      res: 96,
    },
    {
      name: 'must not: the test split is not training data',
      data: 'torchvision.datasets.CIFAR10("d", train=False)',
      samples: undefined,
      res: undefined,
    },
    {
      name: 'must not: ImageFolder names no known dataset',
      data: 'torchvision.datasets.ImageFolder("/data/train")',
      samples: undefined,
      res: undefined,
    },
  ];

for (const c of DATASETS)
  test(`vision dataset: ${c.name}`, async () => {
    const text = loop(
      'import torchvision\nimport torchvision.transforms as T\nimport torchvision.models as models',
      'models.resnet18()',
      c.data,
      c.extra,
    );
    const a = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' });
    const ds = fact(a, 'dataset_size')!;
    if (c.samples === undefined) assert.equal(ds.origin, 'assumed');
    else assert.deepEqual([ds.value, ds.origin], [c.samples, 'explicit']);
    assert.equal(fact(a, 'resolution')?.value, c.res);
    const run = theRun(a);
    assert.deepEqual([run.inputs.samples, run.inputs.epochs, run.inputs.resolution], [ds.value, 10, c.res]);
  });

test('a ResNet-50 ImageNet script gets an estimate, not "footprint unknown": 3 × forward FLOPs × images × epochs', async () => {
  const text = loop(
    'import torchvision\nimport torchvision.transforms as T\nimport torchvision.models as models',
    'models.resnet50()',
    'torchvision.datasets.ImageNet("/data", split="train", transform=T.Compose([T.RandomResizedCrop(224), T.ToTensor()]))',
  );
  const run = theRun(await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' }));
  const flops = run.estimate.assumptions.find((x) => x.key === 'flops')!;
  assert.match(flops.text, /ResNet-50 .* × 1\.28 M samples × 10 epochs/);
  assert.ok(run.estimate.gpuHours.mid > 0, 'device-hours estimated');
  assert.equal(run.totalSteps, Math.ceil(1_281_167 / 64) * 10);
});

test('Hugging Face vision and audio ids: ViT, Whisper and wav2vec 2.0 are per-sample runs without a sequence length', async () => {
  const hf = (loader: string, id: string) => `from transformers import ${loader}, Trainer, TrainingArguments
model = ${loader}.from_pretrained("${id}")
args = TrainingArguments(output_dir="o", per_device_train_batch_size=16, num_train_epochs=3, bf16=True)
Trainer(model=model, args=args, train_dataset=ds).train()
`;
  for (const [loader, id, arch] of [
    ['AutoModelForImageClassification', 'google/vit-base-patch16-224', 'ViT-B/16'],
    ['WhisperForConditionalGeneration', 'openai/whisper-small', 'Whisper small'],
    ['Wav2Vec2ForCTC', 'facebook/wav2vec2-base', 'wav2vec 2.0 BASE'],
    ['AutoModelForImageClassification', 'microsoft/swin-tiny-patch4-window7-224', 'Swin-T'],
  ]) {
    const a = await analyze({ 'train.py': hf(loader, id) }, 'train.py', { hardware: 'a100' });
    const run = theRun(a);
    assert.equal(run.inputs.architecture, id);
    assert.ok(!run.plan.facts.has('seq_len'), `${id}: no sequence length`);
    assert.ok(fact(a, 'params')!.note!.startsWith(arch), `${id}: ${fact(a, 'params')!.note}`);
    assert.ok(
      run.estimate.assumptions.some((x) => x.key === 'flops' && x.text.includes(arch)),
      id,
    );
  }
});

test('must not: a language-model script keeps its token workload and its assumed sequence length', async () => {
  const text = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")
Trainer(model=model, args=TrainingArguments(output_dir="o", num_train_epochs=1)).train()
`;
  const run = theRun(await analyze({ 'train.py': text }, 'train.py'));
  assert.equal(run.inputs.architecture, undefined);
  assert.equal(run.plan.facts.get('seq_len')?.origin, 'assumed');
});

test('every torchvision / Keras builder the reader knows is a row of the architecture table', () => {
  assert.deepEqual(visionBuilders(), []);
});

test('Keras applications: the builder and its input_shape give the architecture and resolution; modality is stated', async () => {
  const text = `import tensorflow as tf
model = tf.keras.applications.ResNet50(weights=None, input_shape=(160, 160, 3), classes=10)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=5, batch_size=32)
`;
  const a = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' });
  assert.deepEqual(
    ['model', 'resolution', 'modality'].map((k) => fact(a, k as never)?.value),
    ['ResNet50', 160, 'vision'],
  );
  assert.match(theRun(a).estimate.assumptions.find((x) => x.key === 'flops')!.text, /ResNet-50 .*for 160 px/);
});

test('timm DeiT-sized ViTs are rows of the table (parameter counts reproduced from the shape)', async () => {
  const a = await analyze(
    { 'train.py': loop('import timm', 'timm.create_model("vit_small_patch16_224")') },
    'train.py',
  );
  assert.equal(fact(a, 'params')?.value, 22_050_664);
  const ti = await analyze(
    { 'train.py': loop('import timm', 'timm.create_model("deit_tiny_patch16_224")') },
    'train.py',
  );
  assert.equal(fact(ti, 'params')?.value, 5_717_416);
});

test('a launcher flag replaces the argparse default model: `python train.py --model vit_base_patch16_224`', async () => {
  const script = loop(
    'import argparse\nimport timm\np = argparse.ArgumentParser()\np.add_argument("--model", default="resnet50")\nargs = p.parse_args()',
    'timm.create_model(args.model)',
  );
  const a = await analyze(
    { 'train.py': script, 'run.sh': 'torchrun --nproc_per_node 4 train.py --model vit_base_patch16_224\n' },
    'train.py',
    { hardware: 'a100' },
  );
  // The script alone keeps its own default (resnet50); the run as run.sh launches it takes the flag.
  assert.equal(theRun(a).inputs.architecture, 'resnet50');
  const run = launchedRun(a);
  assert.deepEqual([launchedFact(a, 'model')?.value, launchedFact(a, 'devices')?.value], ['vit_base_patch16_224', 4]);
  assert.equal(run.inputs.architecture, 'vit_base_patch16_224');
  assert.match(run.estimate.assumptions.find((x) => x.key === 'flops')!.text, /ViT-B\/16/);
});
