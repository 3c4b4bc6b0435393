// The networks added to the architecture table in round 17 (core/data/vision-more.ts) are estimated when a script
// builds them, as `greenml estimate --architecture` does: torchvision's ResNeXt, MobileNet, EfficientNetV2, detection
// and segmentation builders, timm names, Keras applications. A name the table does not hold stays unknown, and an
// image network never gets a sequence length.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

/** A plain PyTorch loop around `model` over ImageNet's training split at a 224-px crop. */
const loop = (imports: string, build: string, crop = 224) => `import torch
import torchvision
import torchvision.transforms as T
${imports}
model = ${build}
model.cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
train_set = torchvision.datasets.ImageNet("/data", split="train", transform=T.Compose([T.RandomResizedCrop(${crop}), T.ToTensor()]))
loader = torch.utils.data.DataLoader(train_set, batch_size=64, shuffle=True, num_workers=8)
for epoch in range(90):
    for images, labels in loader:
        loss = torch.nn.functional.cross_entropy(model(images.cuda()), labels.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const BUILT: { name: string; imports: string; build: string; model: string; row: string }[] = [
  {
    name: 'torchvision.models.efficientnet_b4',
    imports: '',
    build: 'torchvision.models.efficientnet_b4(weights=None)',
    model: 'efficientnet_b4',
    row: 'EfficientNet-B4',
  },
  {
    name: 'timm resnext101_32x8d',
    imports: 'import timm',
    build: 'timm.create_model("resnext101_32x8d", pretrained=False)',
    model: 'resnext101_32x8d',
    row: 'ResNeXt-101 32x8d',
  },
  {
    name: 'timm seresnext101_32x4d',
    imports: 'import timm',
    build: 'timm.create_model("seresnext101_32x4d")',
    model: 'seresnext101_32x4d',
    row: 'SE-ResNeXt-101 32x4d',
  },
  {
    name: 'torchvision mobilenet_v3_large',
    imports: 'import torchvision.models as models',
    build: 'models.mobilenet_v3_large(num_classes=1000)',
    model: 'mobilenet_v3_large',
    row: 'MobileNetV3-Large',
  },
  {
    name: 'torchvision efficientnet_v2_s, imported',
    imports: 'from torchvision.models import efficientnet_v2_s',
    build: 'efficientnet_v2_s()',
    model: 'efficientnet_v2_s',
    row: 'EfficientNetV2-S',
  },
  {
    name: 'torchvision.models.detection.maskrcnn_resnet50_fpn',
    imports: '',
    build: 'torchvision.models.detection.maskrcnn_resnet50_fpn(weights=None, num_classes=91)',
    model: 'maskrcnn_resnet50_fpn',
    row: 'Mask R-CNN R50-FPN',
  },
  {
    name: 'deeplabv3_resnet50 imported from torchvision.models.segmentation',
    imports: 'from torchvision.models.segmentation import deeplabv3_resnet50',
    build: 'deeplabv3_resnet50(num_classes=21)',
    model: 'deeplabv3_resnet50',
    row: 'DeepLabV3 ResNet-50',
  },
];

for (const c of BUILT)
  test(`round-17 network in a script: ${c.name}`, async () => {
    const a = await analyze({ 'train.py': loop(c.imports, c.build) }, 'train.py', { hardware: 'a100' });
    assert.equal(fact(a, 'model')?.value, c.model);
    const run = theRun(a);
    assert.equal(run.inputs.architecture, c.model);
    assert.ok(!run.plan.facts.has('seq_len'), 'no sequence length for an image network');
    assert.equal(run.inputs.tokens, undefined);
    const flops = run.estimate.assumptions.find((x) => x.key === 'flops')!;
    assert.ok(flops.text.includes(c.row), flops.text);
    assert.match(flops.text, /× 1\.28 M samples × 90 epochs/);
    assert.ok(run.estimate.gpuHours.mid > 0, 'device-hours estimated');
  });

test('Keras EfficientNetV2S is the EfficientNetV2-S row', async () => {
  const text = `import tensorflow as tf
model = tf.keras.applications.EfficientNetV2S(weights=None, classes=10)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=5, batch_size=32)
`;
  const a = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a, 'model')?.value, 'EfficientNetV2S');
  assert.ok(theRun(a).estimate.assumptions.some((x) => x.key === 'flops' && x.text.includes('EfficientNetV2-S')));
});

test("a detection network's FLOPs do not follow the script's crop: torchvision resizes every image to 800 px", async () => {
  const build = 'torchvision.models.detection.fasterrcnn_resnet50_fpn(weights=None)';
  const at = async (crop: number) => {
    const run = theRun(await analyze({ 'train.py': loop('', build, crop) }, 'train.py', { hardware: 'a100' }));
    return run.estimate.assumptions.find((x) => x.key === 'flops')!.text;
  };
  const small = await at(320);
  assert.match(small, /resizes every image itself/);
  assert.equal(small.replace(/320 px/g, ''), (await at(640)).replace(/640 px/g, ''));
});

test('must not: a network the table does not hold stays unknown, and an image network gets no sequence length', async () => {
  for (const build of [
    'timm.create_model("seresnext101_32x8d")',
    'timm.create_model("resnext101")',
    'torchvision.models.detection.fasterrcnn_resnet50_fpn_v2(weights=None)',
    'timm.create_model("quartznet5x5")',
  ]) {
    const a = await analyze({ 'train.py': loop('import timm', build) }, 'train.py', { hardware: 'a100' });
    const run = theRun(a);
    assert.equal(run.inputs.architecture, undefined, build);
    assert.equal(fact(a, 'params'), undefined, build);
    assert.equal(run.estimate.gpuHours.mid, 0, `${build}: no estimate`);
    assert.equal(fact(a, 'modality')?.value, 'vision', build);
    assert.ok(!run.plan.facts.has('seq_len'), `${build}: no sequence length`);
    assert.equal(run.inputs.seqLen, undefined, build);
  }
  const convnet = await analyze(
    { 'train.py': loop('import timm', 'timm.create_model("resnext50_32x4d")') },
    'train.py',
    { hardware: 'a100' },
  );
  assert.equal(theRun(convnet).inputs.seqLen, undefined);
});
