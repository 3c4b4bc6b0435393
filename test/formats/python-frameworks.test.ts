// Python frameworks beyond the HF Trainer: Lightning, accelerate, plain PyTorch loops, Keras, nanoGPT-style globals.
// Each: the facts `greenml plan` shows (value, origin, line), and the rules that must fire — or must not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, applyEdits, codes, fact, lineOf, theRun } from './helpers';

const lightning = (trainerArgs: string, extra = '') => `import lightning as L
from torch.utils.data import DataLoader
${extra}
loader = DataLoader(train_set, batch_size=32, num_workers=4, shuffle=True)
trainer = L.Trainer(${trainerArgs})
trainer.fit(model, loader)
`;

test('Lightning: defaults are 32-true, 1000 epochs and an epoch-end ModelCheckpoint; GML101 proposes bf16-mixed', async () => {
  const code = lightning('accelerator="gpu", devices=2, accumulate_grad_batches=4');
  const a = await analyze({ 'train.py': code }, 'train.py', { hardware: 'a100' });
  const run = theRun(a);
  assert.equal(run.plan.framework, 'lightning');
  const p = fact(a, 'precision')!;
  assert.deepEqual([p.value, p.origin], ['fp32', 'framework-default']);
  assert.match(p.note!, /32-true/);
  assert.deepEqual([fact(a, 'epochs')?.value, fact(a, 'epochs')?.origin], [1000, 'framework-default']);
  assert.deepEqual([fact(a, 'periodic_save')?.value, fact(a, 'periodic_save')?.origin], ['epoch', 'framework-default']);
  assert.deepEqual(
    [
      fact(a, 'devices')?.value,
      fact(a, 'grad_accum')?.value,
      fact(a, 'micro_batch')?.value,
      fact(a, 'num_workers')?.value,
    ],
    [2, 4, 32, 4],
  );
  assert.equal(lineOf(code, fact(a, 'micro_batch')!.span!.start), 4);
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(code, f.span.start), 5, 'on the Trainer call');
  const fixed = applyEdits(code, f.fixes[0].edits);
  assert.match(fixed, /L\.Trainer\(accelerator="gpu", devices=2, accumulate_grad_batches=4, precision="bf16-mixed"\)/);
  assert.ok(!codes(await analyze({ 'train.py': fixed }, 'train.py', { hardware: 'a100' })).includes('GML101'));
});

test('Lightning: precision="16-mixed" on a V100 is mixed precision: no GML101', async () => {
  const a = await analyze({ 'train.py': lightning('precision="16-mixed", max_epochs=5') }, 'train.py', {
    hardware: 'v100',
  });
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  assert.deepEqual(codes(a), []);
});

test('Lightning: explicit precision=32 is flagged where written and the fix swaps the value', async () => {
  const code = lightning('precision=32, max_epochs=3');
  const a = await analyze({ 'train.py': code }, 'train.py', { hardware: 'h100' });
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(code.slice(f.span.start, f.span.end), 'precision=32');
  assert.match(applyEdits(code, f.fixes[0].edits), /precision="bf16-mixed", max_epochs=3/);
});

test('Lightning: ModelCheckpoint(every_n_train_steps=N) is periodic; enable_checkpointing=False is not; bf16-true and fp8 are not fp32', async () => {
  let a = await analyze(
    {
      'train.py': lightning(
        'precision="bf16-true", max_epochs=3, callbacks=[ckpt]',
        'from lightning.pytorch.callbacks import ModelCheckpoint\nckpt = ModelCheckpoint(every_n_train_steps=200)',
      ),
    },
    'train.py',
  );
  assert.deepEqual(
    [fact(a, 'periodic_save')?.value, fact(a, 'save_steps')?.value, fact(a, 'precision')?.value],
    ['steps', 200, 'bf16'],
  );
  a = await analyze(
    { 'train.py': lightning('enable_checkpointing=False, precision="transformer-engine"') },
    'train.py',
    { hardware: 'h100' },
  );
  assert.deepEqual([fact(a, 'periodic_save')?.value, fact(a, 'precision')?.value], ['no', 'fp8']);
  assert.ok(!codes(a).includes('GML101'));
});

test('Lightning: accelerator="cpu" or "mps" runs are not GPU runs: no GML101', async () => {
  for (const acc of ['cpu', 'mps']) {
    const a = await analyze({ 'train.py': lightning(`accelerator="${acc}", max_epochs=2`) }, 'train.py', {
      hardware: 'a100',
    });
    assert.equal(fact(a, 'hardware')?.value, acc);
    assert.ok(!codes(a).includes('GML101'), acc);
  }
});

test('Lightning: the HF extractor leaves lightning.Trainer alone', async () => {
  const a = await analyze(
    { 'train.py': 'from pytorch_lightning import Trainer\nTrainer(max_epochs=1).fit(model)\n' },
    'train.py',
  );
  assert.equal(theRun(a).plan.framework, 'lightning');
});

const accelerate = (args: string) => `import torch
from accelerate import Accelerator
accelerator = Accelerator(${args})
loader = torch.utils.data.DataLoader(ds, batch_size=16, shuffle=True)
for epoch in range(3):
    for batch in loader:
        with accelerator.accumulate(model):
            loss = model(**batch).loss
            accelerator.backward(loss)
            optimizer.step()
        if step % 500 == 0:
            accelerator.save_state("ckpt")
`;

test('accelerate: mixed_precision="no" is fp32 where written; the fix writes mixed_precision="bf16"', async () => {
  const code = accelerate('mixed_precision="no", gradient_accumulation_steps=4');
  const a = await analyze({ 'train.py': code }, 'train.py', { hardware: 'a100' });
  assert.equal(theRun(a).plan.framework, 'accelerate');
  assert.deepEqual(
    [
      fact(a, 'precision')?.value,
      fact(a, 'grad_accum')?.value,
      fact(a, 'epochs')?.value,
      fact(a, 'periodic_save')?.value,
      fact(a, 'save_steps')?.value,
    ],
    ['fp32', 4, 3, 'steps', 500],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(code, f.span.start), 3);
  assert.match(
    applyEdits(code, f.fixes[0].edits),
    /Accelerator\(mixed_precision="bf16", gradient_accumulation_steps=4\)/,
  );
});

test('accelerate: Accelerator() without mixed_precision may get it from `accelerate launch`: information only', async () => {
  const a = await analyze({ 'train.py': accelerate('') }, 'train.py', { hardware: 'a100' });
  assert.equal(fact(a, 'precision')?.origin, 'assumed');
  assert.equal(a.findings.find((x) => x.code === 'GML101')?.severity, 'information');
  const bf = await analyze({ 'train.py': accelerate('mixed_precision="bf16"') }, 'train.py', { hardware: 'a100' });
  assert.ok(!codes(bf).includes('GML101'));
});

const loop = (body: string, device = 'cuda') => `import torch
from torch.utils.data import DataLoader
model = Net().to("${device}")
opt = torch.optim.AdamW(model.parameters())
loader = DataLoader(train_set, batch_size=64, shuffle=True)
for epoch in range(10):
    for x, y in loader:
${body}
        opt.step()
        opt.zero_grad()
torch.save(model.state_dict(), "final.pt")
`;
const plain = '        loss = model(x.cuda()).sum()\n        loss.backward()';

test('plain PyTorch: no autocast is fp32 by default (no fix: autocast is not a one-token edit); the loop shape gives epochs and batch', async () => {
  const code = loop(plain);
  const a = await analyze({ 'train.py': code }, 'train.py', { hardware: 'a100' });
  assert.equal(theRun(a).plan.framework, 'pytorch');
  assert.deepEqual([fact(a, 'precision')?.value, fact(a, 'precision')?.origin], ['fp32', 'framework-default']);
  assert.deepEqual([fact(a, 'micro_batch')?.value, fact(a, 'epochs')?.value], [64, 10]);
  assert.equal(lineOf(code, fact(a, 'epochs')!.span!.start), 6);
  assert.equal(fact(a, 'periodic_save')?.value, 'no', 'torch.save after the loop is not periodic');
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.deepEqual(f.fixes, []);
  assert.equal(lineOf(code, f.span.start), 9, 'anchored on loss.backward()');
});

test('plain PyTorch: autocast (bf16 or fp16), GradScaler, .half() and TF32 are not fp32: no GML101', async () => {
  const variants = [
    '        with torch.autocast("cuda", dtype=torch.bfloat16):\n            loss = model(x).sum()\n        loss.backward()',
    '        with torch.cuda.amp.autocast():\n            loss = model(x).sum()\n        scaler.scale(loss).backward()',
    '        with torch.amp.autocast(device_type="cuda", dtype=amp_dtype):\n            loss = model(x).sum()\n        loss.backward()',
  ];
  for (const body of variants) {
    const a = await analyze({ 'train.py': loop(body) }, 'train.py', { hardware: 'a100' });
    assert.ok(!codes(a).includes('GML101'), body);
  }
  const half = await analyze(
    { 'train.py': loop(plain).replace('Net().to("cuda")', 'Net().cuda().half()') },
    'train.py',
    { hardware: 'a100' },
  );
  assert.equal(fact(half, 'precision')?.value, 'fp16');
  const tf32 = await analyze(
    { 'train.py': `torch.backends.cuda.matmul.allow_tf32 = True\n${loop(plain)}` },
    'train.py',
    { hardware: 'a100' },
  );
  assert.deepEqual([fact(tf32, 'precision')?.value, codes(tf32).includes('GML101')], ['tf32', false]);
});

test('plain PyTorch: MPS and CPU runs get no GML101', async () => {
  for (const device of ['mps', 'cpu']) {
    const a = await analyze(
      { 'train.py': loop('        loss = model(x).sum()\n        loss.backward()', device) },
      'train.py',
      { hardware: 'a100' },
    );
    assert.equal(fact(a, 'hardware')?.value, device);
    assert.ok(!codes(a).includes('GML101'), device);
  }
});

test('a "cpu" that is a checkpoint load target, or a file run by accelerate, does not make the run a CPU run', async () => {
  const accel = `import torch
from accelerate import Accelerator
accelerator = Accelerator()
model, opt, loader = accelerator.prepare(Net(), torch.optim.AdamW(params), loader)
state = torch.load("init.pt", map_location="cpu")
for epoch in range(10):
    for x, y in loader:
        loss = model(x).sum()
        accelerator.backward(loss)
        opt.step()
`;
  let a = await analyze({ 'train.py': accel }, 'train.py', { hardware: 'a100' });
  assert.notEqual(fact(a, 'hardware')?.value, 'cpu');
  assert.ok(codes(a).includes('GML101'));
  // A file that names only "cpu" as its device, beside a load to the CPU, stays a CPU run.
  a = await analyze(
    {
      'train.py': loop('        loss = model(x).sum()\n        loss.backward()', 'cpu').replace(
        'from torch.utils.data import DataLoader\n',
        'from torch.utils.data import DataLoader\nstate = torch.load("init.pt", map_location="cpu")\n',
      ),
    },
    'train.py',
    { hardware: 'a100' },
  );
  assert.equal(fact(a, 'hardware')?.value, 'cpu');
});

test('plain PyTorch: torch.save every N steps inside the loop is periodic; a step function called from the epoch loop is followed', async () => {
  const saving = loop(`${plain}\n        if step % 1000 == 0:\n            torch.save(model.state_dict(), "ckpt.pt")`);
  let a = await analyze({ 'train.py': saving }, 'train.py');
  assert.deepEqual([fact(a, 'periodic_save')?.value, fact(a, 'save_steps')?.value], ['steps', 1000]);
  const split = `import torch
def train_one_epoch(model, loader, opt):
    for x, y in loader:
        loss = model(x).sum()
        loss.backward()
        opt.step()

def main():
    for epoch in range(5):
        train_one_epoch(model, loader, opt)
        save_checkpoint(model, epoch)

main()
`;
  a = await analyze({ 'train.py': split }, 'train.py');
  assert.deepEqual([fact(a, 'epochs')?.value, fact(a, 'periodic_save')?.value], [5, 'epoch']);
});

test('Keras: float32 policy by default; set_global_policy("mixed_float16") on V100 is fine; fit() without callbacks saves nothing', async () => {
  const code = `import keras
model = keras.Sequential([keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, batch_size=256, epochs=40)
`;
  let a = await analyze({ 'train.py': code }, 'train.py', { hardware: 'a100' });
  assert.equal(theRun(a).plan.framework, 'keras');
  assert.deepEqual(
    [
      fact(a, 'precision')?.value,
      fact(a, 'micro_batch')?.value,
      fact(a, 'epochs')?.value,
      fact(a, 'periodic_save')?.value,
    ],
    ['fp32', 256, 40, 'no'],
  );
  assert.deepEqual(
    a.findings.find((f) => f.code === 'GML101')?.fixes,
    [],
    'inserting a policy call is not a one-token edit',
  );
  a = await analyze(
    { 'train.py': `from keras import mixed_precision\nmixed_precision.set_global_policy("mixed_float16")\n${code}` },
    'train.py',
    { hardware: 'v100' },
  );
  assert.deepEqual([fact(a, 'precision')?.value, codes(a).includes('GML101')], ['fp16', false]);
  const explicit =
    `import keras\nkeras.mixed_precision.set_global_policy("float32")\n${code.split('\n').slice(1).join('\n')}`.replace(
      'epochs=40)',
      'epochs=40, callbacks=[keras.callbacks.BackupAndRestore("/tmp/b", save_freq=500)])',
    );
  a = await analyze({ 'train.py': explicit }, 'train.py', { hardware: 'a100' });
  assert.deepEqual([fact(a, 'periodic_save')?.value, fact(a, 'save_steps')?.value], ['steps', 500]);
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.match(applyEdits(explicit, f.fixes[0].edits), /set_global_policy\("mixed_bfloat16"\)/);
});

const nano = (dtype: string) => `import torch
out_dir = 'out'
eval_interval = 250
always_save_checkpoint = False
gradient_accumulation_steps = 5 * 8
batch_size = 12
block_size = 512
max_iters = 2000
dtype = ${dtype}
compile = False
exec(open('configurator.py').read())
while True:
    with ctx:
        logits, loss = model(X, Y)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
`;

test("nanoGPT-style globals: dtype = 'float32' is fp32 where written; the fix writes 'bfloat16' in the same quotes", async () => {
  const code = nano("'float32'");
  const a = await analyze({ 'train.py': code }, 'train.py', { hardware: 'a100' });
  assert.equal(theRun(a).plan.framework, 'nanogpt');
  assert.deepEqual(
    ['precision', 'micro_batch', 'grad_accum', 'seq_len', 'max_steps', 'periodic_save', 'save_steps', 'compile'].map(
      (k) => fact(a, k as never)?.value,
    ),
    // always_save_checkpoint = False: a checkpoint only when the validation loss improves, so no save cadence.
    ['fp32', 12, 40, 512, 2000, 'steps', undefined, false],
  );
  const f = a.findings.find((x) => x.code === 'GML101')!;
  assert.equal(lineOf(code, f.span.start), 9);
  assert.match(applyEdits(code, f.fixes[0].edits), /^dtype = 'bfloat16'$/m);
});

test('nanoGPT-style globals: the default dtype expression (bf16 where supported, else fp16) is mixed precision', async () => {
  const a = await analyze(
    { 'train.py': nano("'bfloat16' if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else 'float16'") },
    'train.py',
    { hardware: 'a100' },
  );
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.ok(!codes(a).includes('GML101'));
});

test('plain PyTorch: torch.compile and torch.utils.checkpoint are read; manual accumulation `if (i + 1) % 8 == 0: opt.step()` too', async () => {
  const code = `import torch
from torch.utils.checkpoint import checkpoint
model = torch.compile(Net().cuda())
loader = torch.utils.data.DataLoader(ds, batch_size=4, num_workers=2)
for epoch in range(2):
    for i, (x, y) in enumerate(loader):
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = checkpoint(model, x, use_reentrant=False).sum()
        loss.backward()
        if (i + 1) % 8 == 0:
            opt.step()
            opt.zero_grad()
`;
  const a = await analyze({ 'train.py': code }, 'train.py', { hardware: 'a100' });
  assert.deepEqual(
    ['compile', 'grad_checkpointing', 'grad_accum', 'micro_batch', 'num_workers', 'precision'].map(
      (k) => fact(a, k as never)?.value,
    ),
    [true, true, 8, 4, 2, 'bf16'],
  );
  assert.equal(lineOf(code, fact(a, 'grad_accum')!.span!.start), 10);
});
