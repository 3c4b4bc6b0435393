// JAX / Flax training scripts: optax optimizer, the jitted update step and its loops, Orbax checkpoints, and
// precision only from a dtype written at a Flax module — judged only with known hardware, and only where XLA really
// computes float32 matmuls in fp32 (not TF32 on Ampere+, not bf16 passes on TPU).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze, applyEdits, codes, fact, lineOf, theRun } from './helpers';

const FIX = path.resolve('test/fixtures/formats/jax');
const fixture = (name: string) => fs.readFileSync(path.join(FIX, name), 'utf8');

test('Flax + optax + Orbax: bf16 compute from the module dtype, adamw, epochs, batch constant, saves every 1000 steps', async () => {
  const text = fixture('train_flax.py');
  for (const hardware of ['', 'a100', 'h100', 'tpu v4']) {
    const a = await analyze({ 'train.py': text }, 'train.py', hardware ? { hardware } : {});
    assert.equal(theRun(a).plan.framework, 'jax');
    const row = (k: string) => [
      fact(a, k as never)?.value,
      fact(a, k as never)?.span && lineOf(text, fact(a, k as never)!.span!.start),
    ];
    assert.deepEqual(row('precision'), ['bf16', 25]);
    assert.deepEqual(row('optimizer'), ['adamw', 27]);
    // The epoch count where it is written (the module constant), not the range() that reads it.
    assert.deepEqual(row('epochs'), [12, 9]);
    assert.deepEqual(row('micro_batch'), [256, 10]);
    assert.deepEqual([fact(a, 'periodic_save')?.value, ...row('save_steps')], ['steps', 1000, 29]);
    // jax.jit is how JAX runs, not torch.compile: no compile fact.
    assert.equal(fact(a, 'compile'), undefined);
    assert.deepEqual(codes(a), [], hardware);
  }
});

test('Flax dtype=jnp.float32 with matmul precision "highest": GML101 only once the hardware is known; the fix writes jnp.bfloat16', async () => {
  const text = fixture('train_fp32.py');
  const unknown = await analyze({ 'train.py': text }, 'train.py');
  // 20,000 steps that save nothing, of a model the tables cannot size: GML301 as information naming the length.
  const gml301 = unknown.findings.filter((x) => x.code === 'GML301');
  assert.deepEqual(
    gml301.map((x) => [x.severity, /20,000 steps written/.test(x.message)]),
    [['information', true]],
  );
  const others = (a: Awaited<ReturnType<typeof analyze>>) => codes(a).filter((c) => c !== 'GML301');
  // float32 as written, but no finding until the hardware says what XLA runs it as.
  assert.deepEqual([fact(unknown, 'precision')?.value, others(unknown)], ['fp32', []]);
  const a = await analyze({ 'train.py': text }, 'train.py', { hardware: 'a100' });
  assert.deepEqual(
    [fact(a, 'precision')?.value, fact(a, 'max_steps')?.value, fact(a, 'optimizer')?.value],
    ['fp32', 20000, 'sgd'],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(text, f.span.start), 13);
  const fixed = applyEdits(text, f.fixes[0].edits);
  assert.match(fixed, /nn\.Dense\(1024, dtype=jnp\.bfloat16\)/);
  assert.match(fixed, /nn\.Dense\(1, dtype=jnp\.bfloat16\)/);
  assert.deepEqual(others(await analyze({ 'train.py': fixed }, 'train.py', { hardware: 'a100' })), []);
});

test("Flax dtype=float32 under XLA's default matmul precision: TF32 on Ampere+, bf16 passes on TPU — only older tensor-core GPUs are fp32", async () => {
  const text = fixture('train_fp32.py').replace('jax.config.update("jax_default_matmul_precision", "highest")\n', '');
  const p = async (hardware: string) => {
    const a = await analyze({ 'train.py': text }, 'train.py', { hardware });
    return [fact(a, 'precision')?.value, codes(a).filter((c) => c !== 'GML301')];
  };
  assert.deepEqual(await p('a100'), ['tf32', []]);
  assert.deepEqual(await p('h100'), ['tf32', []]);
  assert.deepEqual(await p('tpu v4'), [null, []]);
  assert.deepEqual(await p('cpu'), ['fp32', []]);
  assert.deepEqual(await p('v100'), ['fp32', ['GML101']]);
});

const script = (model: string, extra = '') => `import jax
import jax.numpy as jnp
import flax.linen as nn
import optax
${extra}
model = ${model}
x0 = jnp.ones((8, 16), dtype=jnp.float32)
params = model.init(jax.random.PRNGKey(0), x0)
tx = optax.chain(optax.clip_by_global_norm(1.0), optax.adamw(1e-3))
tx = optax.MultiSteps(tx, every_k_schedule=8)
opt_state = tx.init(params)

@jax.jit
def step(params, opt_state, batch):
    grads = jax.grad(loss)(params, batch)
    updates, opt_state = tx.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state

for epoch in range(3):
    for batch in loader:
        params, opt_state = step(params, opt_state, batch)
`;

test('JAX without any module dtype computes in float32 (TF32 matmuls on Ampere+) and gets no finding; a bfloat16 anywhere leaves it open; MultiSteps is accumulation', async () => {
  for (const [hardware, precision] of [
    ['', 'fp32'],
    ['a100', 'tf32'],
    ['v100', 'fp32'],
    ['t4', 'fp32'],
  ]) {
    const a = await analyze({ 'train.py': script('nn.Dense(4)') }, 'train.py', hardware ? { hardware } : {});
    assert.deepEqual(
      [fact(a, 'precision')?.value, fact(a, 'grad_accum')?.value, fact(a, 'epochs')?.value],
      [precision, 8, 3],
      hardware,
    );
    assert.deepEqual(codes(a), [], hardware);
  }
  // Batches cast to bfloat16 before the step: the module computes in its inputs' dtype, so nothing is claimed.
  const cast = await analyze(
    {
      'train.py': script('nn.Dense(4)').replace(
        '    for batch in loader:\n',
        '    for batch in loader:\n        batch = batch.astype(jnp.bfloat16)\n',
      ),
    },
    'train.py',
  );
  assert.equal(fact(cast, 'precision')?.value, null);
  const pure = await analyze(
    { 'train.py': script('nn.Dense(4, dtype=jnp.bfloat16, param_dtype=jnp.bfloat16)') },
    'train.py',
    { hardware: 'a100' },
  );
  assert.deepEqual([fact(pure, 'precision')?.value, fact(pure, 'model_dtype')?.value], ['bf16', 'bf16']);
  const cpu = await analyze(
    { 'train.py': script('nn.Dense(4, dtype=jnp.float32)', 'jax.config.update("jax_platform_name", "cpu")') },
    'train.py',
    { hardware: 'v100' },
  );
  assert.deepEqual([fact(cpu, 'hardware')?.value, codes(cpu)], ['cpu', []]);
});

test('Flax scripts that parse TrainingArguments but train with optax are JAX runs, not HF Trainer runs', async () => {
  const text = `from transformers import FlaxAutoModelForCausalLM, HfArgumentParser, TrainingArguments
import jax, jax.numpy as jnp, optax
from flax.training import train_state
(training_args,) = HfArgumentParser(TrainingArguments).parse_args_into_dataclasses()
model = FlaxAutoModelForCausalLM.from_pretrained("gpt2", dtype=jnp.bfloat16)
state = train_state.TrainState.create(apply_fn=model.__call__, params=model.params, tx=optax.adamw(1e-4))
def train_step(state, batch):
    grads = jax.grad(loss_fn)(state.params, batch)
    return state.apply_gradients(grads=grads)
p_train_step = jax.pmap(train_step, "batch")
for epoch in range(int(training_args.num_train_epochs)):
    for batch in loader:
        state = p_train_step(state, batch)
`;
  const a = await analyze({ 'run_clm_flax.py': text }, 'run_clm_flax.py', { hardware: 'a100' });
  assert.deepEqual(
    [theRun(a).plan.framework, fact(a, 'precision')?.value, fact(a, 'model')?.value, fact(a, 'epochs')?.value],
    ['jax', 'bf16', 'gpt2', null],
  );
  assert.deepEqual(codes(a), []);
});

test('JAX code that does not train with optax gets nothing: inference, a loss without an update, plain jax.grad SGD', async () => {
  const cases = [
    'import jax\nimport flax.linen as nn\nmodel = nn.Dense(3, dtype=jnp.float32)\nout = jax.jit(model.apply)(params, x)\n',
    'import jax, optax\nloss = optax.softmax_cross_entropy(logits, labels).mean()\n',
    'import jax\nfor i in range(100):\n    g = jax.grad(f)(w)\n    w = w - 0.1 * g\n',
  ];
  for (const text of cases) {
    const a = await analyze({ 'x.py': text }, 'x.py', { hardware: 'v100' });
    assert.deepEqual([a.runs.length, a.findings.length], [0, 0], text);
  }
});
