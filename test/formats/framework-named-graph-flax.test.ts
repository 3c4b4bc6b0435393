// The framework a run is shown with names the library its own files train with: a PyTorch loop over DGL or PyTorch
// Geometric graphs is a DGL or PyG run, and a JAX loop whose script builds its network with Flax is a Flax run, even
// where no repository scan can say so. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameworkName } from '../../engine/types';
import { analyze, theRun } from './helpers';

const shown = async (files: Record<string, string>, target: string) =>
  frameworkName(theRun(await analyze(files, target)).plan);

const GRAPH_LOOP = (head: string) => `import argparse
import torch
${head}
from models import SAGE

parser = argparse.ArgumentParser()
parser.add_argument("--n-epochs", type=int, default=200)
parser.add_argument("--lr", type=float, default=0.01)
args = parser.parse_args()

g = load_graph()
model = SAGE(g.in_dim, 256, 41).cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
for epoch in range(args.n_epochs):
    logits = model(g, g.ndata["feat"])
    loss = torch.nn.functional.cross_entropy(logits[g.train_mask], g.labels[g.train_mask])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
`;

test('a PyTorch loop over DGL or PyTorch Geometric graphs is shown as dgl or pyg', async () => {
  assert.equal(await shown({ 'train.py': GRAPH_LOOP('import dgl') }, 'train.py'), 'dgl');
  assert.equal(
    await shown({ 'train.py': GRAPH_LOOP('from torch_geometric.datasets import Reddit') }, 'train.py'),
    'pyg',
  );
  // must not: the library named only in a comment, or a plain loop, stays pytorch.
  assert.equal(await shown({ 'train.py': GRAPH_LOOP('# ported from a dgl example') }, 'train.py'), 'pytorch');
});

const JAX_LOOP = (head: string) => `import jax
import jax.numpy as jnp
import optax
${head}

batch_size = 128
num_epochs = 20


def train(params, opt_state, data, tx):
    for epoch in range(num_epochs):
        for batch in data:
            grads = jax.grad(loss_fn)(params, batch)
            updates, opt_state = tx.update(grads, opt_state)
            params = optax.apply_updates(params, updates)
`;

test('a JAX loop whose own script imports Flax is shown as flax; one without Flax stays jax', async () => {
  assert.equal(await shown({ 'train.py': JAX_LOOP('from flax.training import train_state') }, 'train.py'), 'flax');
  assert.equal(await shown({ 'train.py': JAX_LOOP('') }, 'train.py'), 'jax');
});
