// A torchvision script whose DataLoader has no workers is input-bound: the estimate says so and costs more hours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, theRun } from '../formats/helpers';

const script = (workers: string) => `import torch
import torchvision
model = torchvision.models.resnet50()
model.cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
train_set = torchvision.datasets.ImageNet("/data", split="train")
loader = torch.utils.data.DataLoader(train_set, batch_size=256, shuffle=True${workers})
for epoch in range(90):
    for images, labels in loader:
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = torch.nn.functional.cross_entropy(model(images.cuda()), labels.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

test('num_workers=0 on an image run: input-bound, said in the estimate, more device-hours than with workers', async () => {
  const none = theRun(await analyze({ 'train.py': script('') }, 'train.py', { hardware: 'a100' })).estimate;
  const eight = theRun(
    await analyze({ 'train.py': script(', num_workers=8') }, 'train.py', { hardware: 'a100' }),
  ).estimate;
  assert.equal(none.method, 'flops', none.warnings.join('; '));
  assert.ok(none.assumptions.some((a) => a.key === 'input-bound' && /num_workers=0/.test(a.text)));
  assert.ok(!eight.assumptions.some((a) => a.key === 'input-bound'));
  assert.ok(none.gpuHours.mid > 2 * eight.gpuHours.mid, `${none.gpuHours.mid} vs ${eight.gpuHours.mid}`);
});
