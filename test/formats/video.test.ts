// Video networks a script builds (core/data/video.ts): torchvision's `models.video` builders and PyTorchVideo's hub
// models are the run's architecture, as `greenml estimate --architecture` takes them; a hub model the table does not
// hold stays unknown. A video network never gets a sequence length.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

/** A plain PyTorch loop around `model` over Kinetics-400 clips. */
const loop = (imports: string, build: string) => `import torch
import torchvision
${imports}
model = ${build}
model.cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
train_set = torchvision.datasets.Kinetics("/data/k400", frames_per_clip=16, num_classes="400", split="train")
loader = torch.utils.data.DataLoader(train_set, batch_size=8, shuffle=True, num_workers=8)
for epoch in range(45):
    for clips, _, labels in loader:
        loss = torch.nn.functional.cross_entropy(model(clips.cuda()), labels.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const BUILT: { name: string; imports: string; build: string; model: string; id: string }[] = [
  {
    name: 'torchvision.models.video.r3d_18',
    imports: '',
    build: 'torchvision.models.video.r3d_18(weights=None)',
    model: 'r3d_18',
    id: 'r3d-18',
  },
  {
    name: 'mvit_v2_s imported from torchvision.models.video',
    imports: 'from torchvision.models.video import mvit_v2_s',
    build: 'mvit_v2_s()',
    model: 'mvit_v2_s',
    id: 'mvit-v2-s',
  },
  {
    name: 'PyTorchVideo hub slowfast_r50',
    imports: '',
    build: 'torch.hub.load("facebookresearch/pytorchvideo", "slowfast_r50", pretrained=True)',
    model: 'slowfast_r50',
    id: 'slowfast-r50-8x8',
  },
];

for (const c of BUILT)
  test(`video network in a script: ${c.name}`, async () => {
    const a = await analyze({ 'train.py': loop(c.imports, c.build) }, 'train.py', { hardware: 'v100' });
    assert.equal(fact(a, 'model')?.value, c.model);
    const run = theRun(a);
    assert.equal(run.inputs.architecture, c.model);
    assert.ok(!run.plan.facts.has('seq_len'), 'no sequence length for a video network');
    assert.equal(run.inputs.tokens, undefined);
  });

test('must not: a PyTorchVideo hub model the table does not hold stays unknown', async () => {
  for (const name of ['x3d_m', 'mvit_base_32x3']) {
    const build = `torch.hub.load("facebookresearch/pytorchvideo", "${name}", pretrained=True)`;
    const a = await analyze({ 'train.py': loop('', build) }, 'train.py', { hardware: 'v100' });
    assert.equal(theRun(a).inputs.architecture, undefined, name);
    assert.equal(fact(a, 'params'), undefined, name);
  }
});
