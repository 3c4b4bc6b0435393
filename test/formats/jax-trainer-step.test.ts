// JAX training steps reached through the wrappers real trainers use: a jitted step kept on the trainer object
// (`self.train_step = jax.jit(train_step)`, the TrainerModule of the UvA deep-learning JAX tutorials), a pmapped
// partial application (`jax.pmap(functools.partial(train_step, …))`, Google Research and Flax examples), and the
// epoch count a trainer method takes from the call that runs it. Fixtures written for this project in those styles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, theRun } from './helpers';

const TRAINER = (call: string) => `import jax
import optax
from flax.training import train_state

class TrainerModule:
    def __init__(self, model, lr=1e-3):
        self.model = model
        self.create_functions()

    def create_functions(self):
        def train_step(state, batch):
            def loss_fn(params):
                return ((state.apply_fn({'params': params}, batch[0]) - batch[1]) ** 2).mean()
            loss, grads = jax.value_and_grad(loss_fn)(state.params)
            state = state.apply_gradients(grads=grads)
            return state, loss
        self.train_step = jax.jit(train_step)

    def init(self, params):
        self.state = train_state.TrainState.create(apply_fn=self.model.apply, params=params, tx=optax.adam(1e-3))

    def train_model(self, train_loader, num_epochs=500):
        for epoch_idx in range(1, num_epochs + 1):
            self.train_epoch(train_loader)

    def train_epoch(self, train_loader):
        for batch in train_loader:
            self.state, loss = self.train_step(self.state, batch)

${call}
`;

test('a jitted step kept on the trainer: its batch loop and the epoch loop of the method that runs it', async () => {
  const text = TRAINER('trainer = TrainerModule(model=None)\ntrainer.train_model(train_loader=[], num_epochs=300)');
  const f = theRun(await analyze({ 'ae.py': text }, 'ae.py')).plan.facts;
  assert.equal(f.get('epochs')?.value, 300);
  // Left out at the call: the method's default.
  const d = TRAINER('trainer = TrainerModule(model=None)\ntrainer.train_model([])');
  assert.equal(theRun(await analyze({ 'ae.py': d }, 'ae.py')).plan.facts.get('epochs')?.value, 500);
});

test('must not: a call of the same method name on an object of another class says nothing of this one', async () => {
  const text = TRAINER(
    'trainer = TrainerModule(model=None)\nother = Baseline()\nother.train_model([], num_epochs=7)\ntrainer.run()',
  );
  const f = theRun(await analyze({ 'ae.py': text }, 'ae.py')).plan.facts;
  assert.notEqual(f.get('epochs')?.value, 7);
});

test('a pmapped partial of the step: the loops around the calls of its alias', async () => {
  const text = `import functools
import jax
import optax
from flax.training import train_state

NUM_EPOCHS = 40

def train_step(state, batch, learning_rate_fn):
    def loss_fn(params):
        return ((state.apply_fn({'params': params}, batch['x']) - batch['y']) ** 2).mean()
    grads = jax.grad(loss_fn)(state.params)
    grads = jax.lax.pmean(grads, axis_name='batch')
    return state.apply_gradients(grads=grads)

def main(state, loader):
    tx = optax.sgd(0.1, momentum=0.9)
    p_train_step = jax.pmap(functools.partial(train_step, learning_rate_fn=lambda s: 0.1), axis_name='batch')
    for epoch in range(NUM_EPOCHS):
        for batch in loader:
            state = p_train_step(state, batch)

main(None, [])
`;
  const f = theRun(await analyze({ 'train.py': text }, 'train.py')).plan.facts;
  assert.equal(f.get('epochs')?.value, 40);
  assert.equal(f.get('periodic_save')?.value, 'no');
});
