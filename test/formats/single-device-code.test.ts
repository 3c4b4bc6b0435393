// Issue 11: a plain script given alone gets its one device even where words of multi-device training sit in text that
// runs nothing — a comment, a help text, an unused import — and a JAX script that reads data with PyTorch's loaders.
// What runs still decides: a used wrapper, `device_map="auto"`, a count of JAX devices, or a device named only in a
// comment leave no one-device claim. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact } from './helpers';

/** The device count the files state or imply (not the one the plan assumes when nothing does). */
const stated = (a: DocumentAnalysis) => {
  const f = fact(a, 'devices');
  return f?.origin === 'assumed' ? undefined : f?.value;
};

const TORCH = (imports: string, wrap: string, device = 'model = model.cuda()') => `import argparse
import torch
import torch.nn as nn
${imports}


def main(args):
    model = nn.Linear(32, 10)
    ${device}
    ${wrap}
    opt = torch.optim.SGD(model.parameters(), lr=args.lr)
    for epoch in range(args.epochs):
        x = torch.randn(args.batch_size, 32)
        loss = model(x).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    # local rank for DistributedDataParallel is not used here
    parser.add_argument("--lr", type=float, default=0.1, help="uniformly distributed noise scale")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch_size", type=int, default=64)
    main(parser.parse_args())
`;

const UNUSED = 'import torch.distributed as dist\nfrom torch.nn.parallel import DistributedDataParallel as DDP';

test('a script that names one GPU runs on one device though comments, help texts and unused imports speak of DDP', async () => {
  const a = await analyze({ 'train.py': TORCH(UNUSED, 'pass') }, 'train.py');
  assert.ok(a.runs.length > 0, 'the script is a run');
  const dev = fact(a, 'devices');
  assert.deepEqual([dev?.value, dev?.origin], [1, 'inferred']);
  assert.match(dev?.note ?? '', /single-process script/);
  // must not: the same import, used, wraps the model in DDP (one process per GPU under a launcher).
  const ddp = await analyze({ 'train.py': TORCH(UNUSED, 'model = DDP(model)') }, 'train.py');
  assert.equal(stated(ddp), undefined);
  // must not: DataParallel, called, spreads the model over every visible GPU.
  const dp = await analyze({ 'train.py': TORCH('', 'model = nn.DataParallel(model)') }, 'train.py');
  assert.equal(stated(dp), undefined);
});

test('a CPU script whose only CUDA line is commented out makes no one-GPU claim', async () => {
  const cpu = await analyze(
    { 'train.py': TORCH('', 'pass', '# model = model.cuda()  # uncomment on a GPU') },
    'train.py',
  );
  assert.ok(cpu.runs.length > 0, 'the script is a run');
  assert.equal(stated(cpu), undefined);
});

test('a model loaded with device_map="auto" gets no one-device count from its inputs moved to "cuda"', async () => {
  const src = `from transformers import AutoModelForCausalLM, AutoTokenizer
import torch

model = AutoModelForCausalLM.from_pretrained("gpt2", device_map="auto")
tok = AutoTokenizer.from_pretrained("gpt2")
opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
for step in range(100):
    batch = tok(["hello world"] * 8, return_tensors="pt").to("cuda")
    loss = model(**batch, labels=batch["input_ids"]).loss
    loss.backward()
    opt.step()
    opt.zero_grad()
model.save_pretrained("out")
`;
  const a = await analyze({ 'train.py': src }, 'train.py');
  assert.ok(a.runs.length > 0, 'the script is a run');
  assert.equal(stated(a), undefined);
});

const JAX = (extra: string) => `import torch.utils.data as data
from torchvision.datasets import MNIST
import jax
import jax.numpy as jnp
import optax
from flax import linen as nn
from flax.training import train_state
${extra}

print("Device:", jax.devices()[0])


class MLP(nn.Module):
    @nn.compact
    def __call__(self, x):
        return nn.Dense(10)(nn.relu(nn.Dense(128)(x)))


def numpy_collate(batch):
    return jax.tree_util.tree_map(lambda *x: jnp.stack(x), *batch)


loader = data.DataLoader(MNIST("data", download=True), batch_size=128, shuffle=True, collate_fn=numpy_collate)
model = MLP()
state = train_state.TrainState.create(
    apply_fn=model.apply, params=model.init(jax.random.PRNGKey(0), jnp.ones((1, 784)))["params"], tx=optax.adam(1e-3)
)
for epoch in range(10):
    for x, y in loader:
        grads = jax.grad(lambda p: optax.softmax_cross_entropy_with_integer_labels(model.apply({"params": p}, x), y).mean())(state.params)
        state = state.apply_gradients(grads=grads)
`;

test('a Flax script that reads its data with PyTorch loaders and prints jax.devices()[0] runs on one device', async () => {
  const a = await analyze({ 'train.py': JAX('') }, 'train.py');
  assert.ok(a.runs.length > 0, 'the script is a run');
  const dev = fact(a, 'devices');
  assert.deepEqual([dev?.value, dev?.origin], [1, 'inferred']);
  assert.match(dev?.note ?? '', /JAX places it on the first device/);
  // must not: the script counts every local device (to shard or pmap over them).
  const all = await analyze({ 'train.py': JAX('n_devices = len(jax.devices())') }, 'train.py');
  assert.equal(stated(all), undefined);
  // must not: a PyTorch model beside the JAX one; which framework trains is not the JAX default.
  const mixed = await analyze({ 'train.py': JAX('import torch.nn as tnn\nhead = tnn.Linear(10, 2)') }, 'train.py');
  assert.equal(stated(mixed), undefined);
});

test('a device id chosen by `"cuda:{}".format(args.device_id)` is one device; wrapped in DataParallel it is not', async () => {
  const pick = 'device = torch.device("cuda:{}".format(args.device_id) if torch.cuda.is_available() else "cpu")';
  const one = await analyze({ 'train.py': TORCH('', 'pass', `${pick}\n    model = model.to(device)`) }, 'train.py');
  assert.deepEqual([fact(one, 'devices')?.value, fact(one, 'devices')?.origin], [1, 'inferred']);
  // must not: the same device with the model spread over every visible GPU.
  const dp = await analyze(
    { 'train.py': TORCH('', 'model = nn.DataParallel(model)', `${pick}\n    model = model.to(device)`) },
    'train.py',
  );
  assert.equal(stated(dp), undefined);
});
