// A run whose precision or device count nothing it reads states (a config given alone, a script whose loop lives in a
// module the import walk does not reach) takes what its repository fixes, when the repository writes its own training
// update in PyTorch, TensorFlow or JAX: fp32 when nothing anywhere asks for reduced precision (PyTorch, Keras and JAX
// all default to float32), one device when no file sets up more (no wrapper, process group, strategy, distributed
// launcher or device count) and the PyTorch code names a CUDA device. Any word of mixed precision or of several devices
// in the code, a launcher or a config, a library with other defaults, a repository without a training update of its
// own, or one too large to read leaves them unknown. Fixtures written for these tests.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { diskReader, memoryReader, type FileReader } from '../../engine/link';
import { analyzeText } from '../../server/review/analyze-file';
import { analyze, fact, ROOT, settings } from './helpers';

const CONFIG = `experiment: pendulum
algorithm:
  batch_size: 256
  num_epochs: 300
  lr: 0.0003
  optimizer: adam
`;
const TRAINER = `import torch


class Learner:
    def __init__(self, policy, lr):
        self.policy = policy.to("cuda")
        self.opt = torch.optim.Adam(policy.parameters(), lr=lr)

    def update(self, batch):
        loss = self.policy.loss(batch)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
`;
const RUNNER = `import yaml
from agents.learner import Learner
from agents.policy import Policy


def main(path):
    cfg = yaml.safe_load(open(path))
    learner = Learner(Policy(), cfg["algorithm"]["lr"])
    run(learner, cfg)
`;
const repo = (extra: Record<string, string> = {}) => ({
  'proj/README.md': 'an RL project\n',
  'proj/configs/pendulum.yaml': CONFIG,
  'proj/agents/learner.py': TRAINER,
  'proj/agents/policy.py': 'import torch\n\n\nclass Policy(torch.nn.Module):\n    pass\n',
  'proj/run.py': RUNNER,
  ...extra,
});

const stated = async (files: Record<string, string>, key: 'precision' | 'devices', target: string) => {
  const p = fact(await analyze(files, target), key);
  return p && p.origin !== 'assumed' ? p : undefined;
};
const precision = (files: Record<string, string>, target = 'proj/configs/pendulum.yaml') =>
  stated(files, 'precision', target);
const devices = (files: Record<string, string>, target = 'proj/configs/pendulum.yaml') =>
  stated(files, 'devices', target);

test('a config given alone in a PyTorch repository that never lowers the precision: fp32, inferred', async () => {
  const p = await precision(repo());
  assert.equal(p?.value, 'fp32');
  assert.equal(p?.origin, 'inferred');
  assert.match(p?.note ?? '', /no mixed precision anywhere in this repository.*PyTorch trains in fp32/);
});

test('the same in a JAX repository whose update is an optax step', async () => {
  const p = await precision({
    'proj/README.md': 'a JAX project\n',
    'proj/configs/pendulum.yaml': CONFIG,
    'proj/agents/learner.py':
      'import jax\nimport optax\n\n\ndef update(params, opt_state, batch, tx):\n    grads = jax.grad(loss_fn)(params, batch)\n    updates, opt_state = tx.update(grads, opt_state)\n    return optax.apply_updates(params, updates), opt_state\n',
  });
  assert.equal(p?.value, 'fp32');
  assert.match(p?.note ?? '', /JAX trains in fp32/);
});

test('must not report: autocast in any module of the repository', async () => {
  const learner = TRAINER.replace(
    '        loss = self.policy.loss(batch)',
    '        with torch.autocast("cuda", dtype=torch.bfloat16):\n            loss = self.policy.loss(batch)',
  );
  assert.equal(await precision(repo({ 'proj/agents/learner.py': learner })), undefined);
});

test('must not report: a launcher of the repository passes --fp16, or another config turns it on', async () => {
  assert.equal(await precision(repo({ 'proj/scripts/big.sh': 'python run.py configs/big.yaml --fp16\n' })), undefined);
  assert.equal(await precision(repo({ 'proj/configs/big.yaml': CONFIG + 'use_amp: true\n' })), undefined);
  assert.equal(
    await precision(repo({ 'proj/scripts/lit.sh': 'python run.py --trainer.precision 16-mixed\n' })),
    undefined,
  );
});

test('full-precision matmuls asked for by name are fp32; "high" (TF32) is a word of reduced precision', async () => {
  const withCall = (call: string) => TRAINER.replace('import torch\n', `import torch\n\n${call}\n`);
  const highest = await precision(
    repo({ 'proj/agents/learner.py': withCall('torch.set_float32_matmul_precision("highest")') }),
  );
  assert.equal(highest?.value, 'fp32');
  const jaxHighest = await precision(
    repo({ 'proj/agents/learner.py': withCall('jax.config.update("jax_default_matmul_precision", "highest")') }),
  );
  assert.equal(jaxHighest?.value, 'fp32');
  assert.equal(
    await precision(repo({ 'proj/agents/learner.py': withCall('torch.set_float32_matmul_precision("high")') })),
    undefined,
  );
});

test("an RL project's env/ package is code that is read; a virtual environment named env is not", async () => {
  // The training update lives in agents/env/: without it the repository shows no update of its own.
  const rl = repo({ 'proj/agents/learner.py': 'import torch\n', 'proj/agents/env/cartpole_nn.py': TRAINER });
  assert.equal((await precision(rl))?.value, 'fp32');
  const amp = TRAINER.replace(
    '        loss = self.policy.loss(batch)',
    '        with torch.autocast("cuda"):\n            loss = self.policy.loss(batch)',
  );
  assert.equal(await precision(repo({ 'proj/agents/env/cartpole_nn.py': amp })), undefined);
  // A virtual environment's hundreds of package folders are not the project: they would exhaust the scan's bounds.
  const packages = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`proj/env/lib/pkg${i}/__init__.pyi`, '']));
  const venv = repo({ 'proj/env/pyvenv.cfg': 'home = /usr/bin\n', 'proj/env/bin/python': '', ...packages });
  assert.equal((await precision(venv))?.value, 'fp32');
});

test('must not report: the repository trains through a library whose default is not fp32', async () => {
  assert.equal(
    await precision(
      repo({ 'proj/detect.py': 'from ultralytics import YOLO\n\nYOLO("yolov8n.pt").train(data="x.yaml")\n' }),
    ),
    undefined,
  );
});

test('must not report: no training update of its own in the repository (the loop is a library we cannot see)', async () => {
  assert.equal(
    await precision({
      'proj/README.md': 'configs only\n',
      'proj/configs/pendulum.yaml': CONFIG,
      'proj/run.py':
        'import torch\nimport yaml\nfrom somelib import train\n\ntrain(yaml.safe_load(open("configs/pendulum.yaml")))\n',
    }),
    undefined,
  );
});

test('must not report: a config with no repository folder around it', async () => {
  assert.equal(
    await precision({ 'loose/pendulum.yaml': CONFIG, 'loose/learner.py': TRAINER }, 'loose/pendulum.yaml'),
    undefined,
  );
});

test('one device: a PyTorch repository that moves its model to "cuda" and sets up nothing more', async () => {
  const d = await devices(repo());
  assert.equal(d?.value, 1);
  assert.equal(d?.origin, 'inferred');
  assert.match(d?.note ?? '', /one CUDA device/);
});

test('one device: TensorFlow code, with no distribution strategy anywhere', async () => {
  const d = await devices({
    'proj/README.md': 'a Keras project\n',
    'proj/configs/pendulum.yaml': CONFIG,
    'proj/model.py':
      'import tensorflow as tf\n\n\ndef build():\n    m = tf.keras.Sequential([tf.keras.layers.Dense(4)])\n    m.compile("adam", "mse")\n    return m\n',
    'proj/main.py': 'from model import build\n\nif __name__ == "__main__":\n    build().fit(x, y, epochs=3)\n',
  });
  assert.equal(d?.value, 1);
  assert.match(d?.note ?? '', /TensorFlow\/Keras places work on the first device/);
});

test('must not report one device: DataParallel in a module, a torchrun launcher, a device count in a config', async () => {
  const dp = TRAINER.replace('policy.to("cuda")', 'torch.nn.DataParallel(policy).to("cuda")');
  assert.equal(await devices(repo({ 'proj/agents/learner.py': dp })), undefined);
  assert.equal(await devices(repo({ 'proj/scripts/ddp.sh': 'torchrun --nproc_per_node 4 run.py\n' })), undefined);
  assert.equal(await devices(repo({ 'proj/configs/big.yaml': CONFIG + 'num_gpus: 4\n' })), undefined);
  // Still fp32: the precision is judged apart.
  assert.equal((await precision(repo({ 'proj/agents/learner.py': dp })))?.value, 'fp32');
});

test('must not report one device: PyTorch code that names no CUDA device (it may run on the CPU)', async () => {
  const cpu = TRAINER.replace('policy.to("cuda")', 'policy');
  assert.equal(await devices(repo({ 'proj/agents/learner.py': cpu })), undefined);
});

test('whole-line comments are no mechanism: a licence header "distributed under the License", a commented-out wrapper', async () => {
  const header =
    '# Licensed under the Apache License, Version 2.0.\n# Unless required by applicable law, software\n# distributed under the License is distributed on an "AS IS" BASIS.\n';
  const learner =
    header +
    TRAINER.replace(
      '        self.opt =',
      '        # self.policy = torch.nn.DataParallel(self.policy)\n        self.opt =',
    );
  assert.equal((await devices(repo({ 'proj/agents/learner.py': learner })))?.value, 1);
  // The same words on a line of code still count.
  const live = TRAINER.replace(
    '        self.opt =',
    '        self.policy = torch.nn.DataParallel(self.policy)  # every GPU\n        self.opt =',
  );
  assert.equal(await devices(repo({ 'proj/agents/learner.py': live })), undefined);
});

test('an edited buffer decides, and its revert does too: a fix added then undone in the editor brings fp32 back', async () => {
  // The editor analyses the buffer (not the disk) of the file being edited, one analysis after another. A verdict made
  // while the buffer asked for reduced precision must not outlive the revert to the text on disk.
  const files = repo();
  const abs = Object.fromEntries(Object.entries(files).map(([k, v]) => [`${ROOT}/${k}`, v]));
  const target = `${ROOT}/proj/configs/pendulum.yaml`;
  const precisionOf = async (text: string) => {
    const p = fact(await analyzeText(target, text, settings(), memoryReader(abs)), 'precision');
    return p && p.origin !== 'assumed' ? p.value : undefined;
  };
  assert.equal(await precisionOf(CONFIG), 'fp32');
  assert.equal(await precisionOf(CONFIG + 'amp_dtype: bfloat16\n'), 'bf16', 'the buffer now states bf16');
  assert.equal(await precisionOf(CONFIG), 'fp32', 'reverted: the verdict of the edited buffer is not reused');
});

const absolute = (files: Record<string, string>, root = ROOT) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [`${root}/${k}`, v]));
const precisionWith = async (reader: FileReader, target: string, text: string) => {
  const p = fact(await analyzeText(target, text, settings(), reader), 'precision');
  return p && p.origin !== 'assumed' ? p.value : undefined;
};

test('another file edited in its buffer: the verdict made before the edit is not reused', async () => {
  // The editor lays the unsaved buffers of the other open files over the disk; the disk itself has not changed.
  const files = absolute(repo());
  const target = `${ROOT}/proj/configs/pendulum.yaml`;
  assert.equal(await precisionWith(memoryReader(files), target, CONFIG), 'fp32');
  const learner = TRAINER.replace('loss = self.policy.loss(batch)', 'loss = self.policy.loss(batch).half()');
  const edited = { ...files, [`${ROOT}/proj/agents/learner.py`]: learner };
  assert.equal(await precisionWith(memoryReader(edited), target, CONFIG), undefined);
  assert.equal(await precisionWith(memoryReader(files), target, CONFIG), 'fp32', 'and back once the edit is undone');
});

test('an unchanged repository is not read again: a second analysis reads none of the files only the scan reads', async () => {
  // A launcher and a config that no run of the analysed file links: only the repository scan reads them.
  const files = absolute(
    repo({ 'proj/tools/plot.sh': 'python plot_curves.py --dpi 200\n', 'proj/tools/style.toml': 'dpi = 200\n' }),
    '/unread',
  );
  const target = '/unread/proj/configs/pendulum.yaml';
  const reads: string[] = [];
  const inner = memoryReader(files);
  const counting: FileReader = {
    read: (f) => (reads.push(f), inner.read(f)),
    list: (d) => inner.list(d),
    state: inner.state,
  };
  assert.equal(await precisionWith(counting, target, CONFIG), 'fp32');
  // style.toml is read by the repository scan only (plot.sh, a launcher, is also read by the launcher steps of
  // ./link/repo-launchers at each analysis, which keep no scan).
  const scanOnly = (f: string) => /tools\/style\.toml$/.test(f);
  assert.equal(reads.filter(scanOnly).length, 1, 'the first analysis scans the repository');
  reads.length = 0;
  assert.equal(await precisionWith(counting, target, CONFIG), 'fp32');
  assert.deepEqual(reads.filter(scanOnly), [], 'the second analysis reuses the scan: nothing it read has changed');
});

test('a file changed on disk: seen at once by a reader that cannot tell, and after the notification by one that can', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-repo-defaults-'));
  try {
    for (const [f, text] of Object.entries(repo())) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
    const target = path.join(dir, 'proj/configs/pendulum.yaml');
    const learner = path.join(dir, 'proj/agents/learner.py');
    let changes = 0;
    const watched = diskReader({ changes: () => changes });
    const plain = diskReader();
    assert.equal(await precisionWith(watched, target, CONFIG), 'fp32');
    assert.equal(await precisionWith(plain, target, CONFIG), 'fp32');
    // Written with another size, so that the disk cache (modification time and size) sees it at once.
    fs.writeFileSync(learner, TRAINER.replace('loss.backward()', 'torch.cuda.amp.GradScaler().scale(loss).backward()'));
    assert.equal(
      await precisionWith(plain, target, CONFIG),
      undefined,
      'no notification needed: every file read again',
    );
    changes++;
    assert.equal(await precisionWith(watched, target, CONFIG), undefined, 'after the change notification');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
