// Batch readers of development round 25: torchtitan's global batch from its data-parallel degrees and its
// accumulation when no global batch is written. Fixtures written for this project in the style of those files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TITAN = (parallelism: string, training = '') => `# A torchtitan job (written for these tests).
[job]
dump_folder = "./outputs"

[model]
name = "llama3"
flavor = "8B"

[optimizer]
name = "AdamW"
lr = 3e-4

[training]
batch_size = 8
seq_len = 4096
steps = 1000
${training}
[parallelism]
${parallelism}
tensor_parallel_degree = 2
pipeline_parallel_degree = 1
`;

test('torchtitan: the replicate × shard degrees fix the data-parallel degree, so the global batch; no accumulation', async () => {
  const a = await analyze(
    { 'llama3_8b.toml': TITAN('data_parallel_replicate_degree = 4\ndata_parallel_shard_degree = 8') },
    'llama3_8b.toml',
  );
  assert.equal(fact(a, 'micro_batch')?.value, 8);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
  // Tensor-parallel ranks share a batch: 8 × 4 × 8, not × 2 more.
  assert.equal(fact(a, 'global_batch')?.value, 256);
});

test('torchtitan: a written global batch over fixed degrees gives the accumulation', async () => {
  const a = await analyze(
    {
      'llama3_8b.toml': TITAN('data_parallel_shard_degree = 16', 'global_batch_size = 512'),
    },
    'llama3_8b.toml',
  );
  assert.equal(fact(a, 'global_batch')?.value, 512);
  assert.equal(fact(a, 'grad_accum')?.value, 4);
});

test('must not: a shard degree of -1 (the rest of the ranks) fixes no global batch; a written one no accumulation', async () => {
  const rest = await analyze(
    { 'llama3_8b.toml': TITAN('data_parallel_replicate_degree = 2\ndata_parallel_shard_degree = -1') },
    'llama3_8b.toml',
  );
  assert.equal(fact(rest, 'grad_accum')?.value, 1);
  assert.equal(fact(rest, 'global_batch'), undefined);
  const unset = await analyze({ 'llama3_8b.toml': TITAN('') }, 'llama3_8b.toml');
  assert.equal(fact(unset, 'global_batch'), undefined);
  const written = await analyze(
    { 'llama3_8b.toml': TITAN('data_parallel_shard_degree = -1', 'global_batch_size = 512') },
    'llama3_8b.toml',
  );
  assert.equal(fact(written, 'global_batch')?.value, 512);
  assert.equal(fact(written, 'grad_accum'), undefined, 'the accumulation depends on the launch');
});

const ACCUM_LOOP = (inLoop: string) => `import argparse
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

parser = argparse.ArgumentParser()
parser.add_argument('--batch-size', type=int, default=128)
parser.add_argument('--grad-accum-steps', type=int, default=2)
parser.add_argument('--epochs', type=int, default=100)


def train_one_epoch(model, loader, optimizer, args):
    accum_steps = args.grad_accum_steps
    last_accum_steps = len(loader) % accum_steps
    last_batch_idx = len(loader) - 1
    last_batch_idx_to_accum = len(loader) - last_accum_steps
    for batch_idx, (input, target) in enumerate(loader):
        need_update = batch_idx == last_batch_idx or (batch_idx + 1) % accum_steps == 0
${inLoop}
        loss = nn.functional.cross_entropy(model(input.cuda()), target.cuda()) / accum_steps
        loss.backward()
        if need_update:
            optimizer.step()
            optimizer.zero_grad()


def main():
    args = parser.parse_args()
    model = nn.Linear(10, 10).cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(TrainSet(), batch_size=args.batch_size, shuffle=True)
    for epoch in range(args.epochs):
        train_one_epoch(model, loader, optimizer, args)


if __name__ == '__main__':
    main()
`;

const LAST_GROUP = `        if batch_idx >= last_batch_idx_to_accum:
            accum_steps = last_accum_steps`;

test('accumulation: a shorter last group set inside the loop (timm train.py) leaves the count of the others', async () => {
  const a = await analyze({ 'train.py': ACCUM_LOOP(LAST_GROUP) }, 'train.py');
  assert.equal(fact(a, 'grad_accum')?.value, 2);
  assert.equal(fact(a, 'global_batch')?.value, 256);
});

test('must not: a count the loop sets again on every batch is not the one before it', async () => {
  const a = await analyze({ 'train.py': ACCUM_LOOP('        accum_steps = last_accum_steps') }, 'train.py');
  assert.equal(fact(a, 'grad_accum')?.value, null);
  assert.equal(fact(a, 'global_batch'), undefined);
});

test('accumulation: a launcher flag for the option a `% N` guard reads replaces its default', async () => {
  const files = {
    'train.py': ACCUM_LOOP(LAST_GROUP),
    'run.sh': 'torchrun --nproc_per_node=4 train.py --batch-size 64 --grad-accum-steps 4\n',
  };
  const a = await analyze(files, 'run.sh');
  assert.equal(fact(a, 'grad_accum')?.value, 4);
  assert.equal(fact(a, 'global_batch')?.value, 64 * 4 * 4);
  const plain = await analyze(
    { ...files, 'run.sh': 'torchrun --nproc_per_node=4 train.py --batch-size 64\n' },
    'run.sh',
  );
  assert.equal(fact(plain, 'grad_accum')?.value, 2, 'without the flag the default stands');
});

const JAX_BATCHES = (helpers: string, call: string) => `import jax
import jax.numpy as jnp
import numpy as np
import optax
import flax.linen as nn


${helpers}


class MLP(nn.Module):
    @nn.compact
    def __call__(self, x):
        return nn.Dense(10)(x)


model = MLP()
params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 784)))
tx = optax.adam(1e-3)
opt_state = tx.init(params)


@jax.jit
def train_step(params, opt_state, x, y):
    def loss_fn(p):
        return optax.softmax_cross_entropy_with_integer_labels(model.apply(p, x), y).mean()

    loss, grads = jax.value_and_grad(loss_fn)(params)
    updates, opt_state = tx.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss


data = Data()
for epoch in range(10):
    for x, y in ${call}:
        params, opt_state, loss = train_step(params, opt_state, x, y)
`;

const DATA = (cls: string, size: string) => `class ${cls}:
    def __init__(self):
        self.x = np.zeros((60000, 784))
        self.y = np.zeros(60000, dtype=np.int32)

    def get_batches(self, ${size}):
        idx = np.random.permutation(len(self.x))
        for i in range(0, len(self.x), batch_size):
            j = idx[i:i + batch_size]
            yield self.x[j], self.y[j]`;

test('no loader in a JAX loop: the size a helper of the file yields batches of, passed or its default', async () => {
  const passed = await analyze(
    { 'train.py': JAX_BATCHES(DATA('Data', 'batch_size=64'), 'data.get_batches(128)') },
    'train.py',
  );
  assert.equal(fact(passed, 'micro_batch')?.value, 128);
  assert.equal(fact(passed, 'global_batch')?.value, 128);
  const byDefault = await analyze(
    { 'train.py': JAX_BATCHES(DATA('Data', 'batch_size=64'), 'data.get_batches()') },
    'train.py',
  );
  assert.equal(fact(byDefault, 'micro_batch')?.value, 64);
});

test('must not: two helpers of that name with other defaults give no batch', async () => {
  const helpers = `${DATA('Data', 'batch_size=64')}\n\n\n${DATA('Other', 'batch_size=32')}`;
  const a = await analyze({ 'train.py': JAX_BATCHES(helpers, 'data.get_batches()') }, 'train.py');
  assert.equal(fact(a, 'micro_batch'), undefined);
});

const TRAINER = (extra: string) => `import argparse
import torch
from torch.utils.data import DataLoader


class Trainer(object):
    def __init__(self, args):
        self.mini_batch_size = args.bs
        self.model = torch.nn.Linear(4, 2).cuda()
        self.opt = torch.optim.Adam(self.model.parameters())
${extra}
    def train(self):
        loader = DataLoader(TrainSet(), batch_size=self.mini_batch_size, shuffle=True)
        for epoch in range(10):
            for x, y in loader:
                loss = self.model(x.cuda()).sum()
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument('--bs', type=int, default=8)
    Trainer(p.parse_args()).train()
`;

test('a trainer class that keeps an option as self.<name> in __init__: the loader batch is that option', async () => {
  const a = await analyze({ 'train.py': TRAINER('') }, 'train.py');
  assert.equal(fact(a, 'micro_batch')?.value, 8);
  const run = await analyze({ 'train.py': TRAINER(''), 'run.sh': 'python train.py --bs 2\n' }, 'run.sh');
  assert.equal(fact(run, 'micro_batch')?.value, 2);
});

test('must not: an attribute the class sets again in another method is not read from __init__', async () => {
  const extra = `
    def shrink(self):
        self.mini_batch_size = 1
`;
  const a = await analyze({ 'train.py': TRAINER(extra) }, 'train.py');
  assert.notEqual(fact(a, 'micro_batch')?.value, 8);
});
