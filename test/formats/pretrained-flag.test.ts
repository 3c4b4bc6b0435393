// The checkpoint a diffusers or kohya-style launcher fine-tunes (`--pretrained_model_name_or_path=$MODEL_NAME`, the
// variable exported above it) is the run's model, in a bash or a zsh launcher alike; a value the launcher cannot read
// (`$1`) names none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TRAIN = `import argparse
import torch
from diffusers import UNet2DConditionModel

parser = argparse.ArgumentParser()
parser.add_argument("--pretrained_model_name_or_path", type=str, default=None, required=True)
parser.add_argument("--train_batch_size", type=int, default=4)
parser.add_argument("--max_train_steps", type=int, default=1000)
args = parser.parse_args()

unet = UNet2DConditionModel.from_pretrained(args.pretrained_model_name_or_path, subfolder="unet").cuda()
optimizer = torch.optim.AdamW(unet.parameters(), lr=1e-4)
loader = torch.utils.data.DataLoader(list(range(64)), batch_size=args.train_batch_size)
step = 0
while step < args.max_train_steps:
    for batch in loader:
        loss = unet(batch.cuda()).sample.mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        step += 1
`;

const launcher = (model: string) => `export MODEL_NAME="acme/sd-mini-2"
accelerate launch train.py \\
  --pretrained_model_name_or_path=${model} \\
  --train_batch_size=1 \\
  --max_train_steps=500
`;

test('the checkpoint a launcher passes as --pretrained_model_name_or_path, in a zsh launcher too', async () => {
  for (const name of ['run.sh', 'run.zsh']) {
    const a = await analyze({ 'train.py': TRAIN, [name]: launcher('$MODEL_NAME') }, name);
    assert.equal(fact(a, 'model')?.value, 'acme/sd-mini-2', name);
    assert.equal(fact(a, 'micro_batch')?.value, 1, name);
    assert.equal(fact(a, 'max_steps')?.value, 500, name);
  }
});

test("a checkpoint the launcher's caller passes ($1) names no model", async () => {
  const a = await analyze({ 'train.py': TRAIN, 'run.sh': launcher('$1') }, 'run.sh');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});
