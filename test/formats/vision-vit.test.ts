// Vision transformers and DETR-style detectors a script builds by name (core/data/vision-vit.ts): timm names with
// their resolution, torchvision's vit_l_32, MAE's pre-training constructors, DETR from its hub. A ViT named without
// its patch size, or a checkpoint loaded from a hub the engine does not read, stays unknown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

/** A plain PyTorch loop around `model` over ImageNet's training split. */
const loop = (imports: string, build: string, crop = 224) => `import torch
import torchvision
import torchvision.transforms as T
${imports}
model = ${build}
model.cuda()
opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
train_set = torchvision.datasets.ImageNet("/data", split="train", transform=T.Compose([${crop ? `T.RandomResizedCrop(${crop}), ` : ''}T.ToTensor()]))
loader = torch.utils.data.DataLoader(train_set, batch_size=64, shuffle=True, num_workers=8)
for epoch in range(30):
    for images, labels in loader:
        loss = torch.nn.functional.cross_entropy(model(images.cuda()), labels.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const flopsText = (a: Awaited<ReturnType<typeof analyze>>) =>
  theRun(a).estimate.assumptions.find((x) => x.key === 'flops')?.text ?? '';

test('timm ViT-L/14 (CLIP weights) and torchvision vit_l_32 are estimated from their shape', async () => {
  for (const [imports, build, row] of [
    ['import timm', 'timm.create_model("vit_large_patch14_clip_224.openai", pretrained=True)', 'ViT-L/14'],
    ['', 'torchvision.models.vit_l_32(weights=None)', 'ViT-L/32'],
  ]) {
    const a = await analyze({ 'train.py': loop(imports, build) }, 'train.py', { hardware: 'a100' });
    const run = theRun(a);
    assert.ok(flopsText(a).includes(row), flopsText(a));
    assert.ok(run.estimate.gpuHours.mid > 0, `${build}: device-hours estimated`);
    assert.ok(!run.plan.facts.has('seq_len'), 'no sequence length for an image network');
  }
});

test("with no crop in the script, a timm name's resolution sets the FLOPs: vit_base_patch16_384 costs more than _224", async () => {
  const at = async (name: string) =>
    theRun(
      await analyze({ 'train.py': loop('import timm', `timm.create_model("${name}")`, 0) }, 'train.py', {
        hardware: 'a100',
      }),
    ).estimate.gpuHours.mid;
  assert.ok((await at('vit_base_patch16_384')) > 2 * (await at('vit_base_patch16_224')));
});

test("MAE's pre-training constructor gets MAE's FLOPs (encoder on 25 % of the patches), not a full ViT-L's", async () => {
  const text = `import argparse
import torch
import models_mae
parser = argparse.ArgumentParser()
parser.add_argument("--model", default="mae_vit_large_patch16", type=str)
parser.add_argument("--epochs", default=800, type=int)
args = parser.parse_args()
model = models_mae.__dict__[args.model](norm_pix_loss=True)
model.cuda()
opt = torch.optim.AdamW(model.parameters(), lr=1.5e-4)
for epoch in range(args.epochs):
    for images, _ in loader:
        loss, _, _ = model(images.cuda(), mask_ratio=0.75)
        loss.backward()
        opt.step()
`;
  const a = await analyze({ 'main_pretrain.py': text }, 'main_pretrain.py', { hardware: 'a100' });
  assert.equal(fact(a, 'model')?.value, 'mae_vit_large_patch16');
  assert.match(flopsText(a), /MAE pre-training, ViT-L\/16/);
});

test('DETR from its torch hub takes the published GFLOPs', async () => {
  const build = 'torch.hub.load("facebookresearch/detr", "detr_resnet50", pretrained=False)';
  const a = await analyze({ 'train.py': loop('', build) }, 'train.py', { hardware: 'v100' });
  assert.equal(fact(a, 'model')?.value, 'detr_resnet50');
  assert.match(flopsText(a), /DETR \(ResNet-50\)/);
});

test('must not: a ViT with no patch size, or a DINOv2 hub checkpoint, gets no FLOPs', async () => {
  const text = `import torch
import models_vit
model = models_vit.__dict__["vit_large"](num_classes=1000)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
for epoch in range(30):
    for images, labels in loader:
        loss = torch.nn.functional.cross_entropy(model(images.cuda()), labels.cuda())
        loss.backward()
        opt.step()
`;
  for (const t of [text, loop('', 'torch.hub.load("facebookresearch/dinov2", "dinov2_vitl14")')]) {
    const a = await analyze({ 'train.py': t }, 'train.py', { hardware: 'a100' });
    const run = theRun(a);
    assert.equal(run.inputs.architecture, undefined);
    assert.equal(run.estimate.gpuHours.mid, 0, 'no estimate');
  }
});
