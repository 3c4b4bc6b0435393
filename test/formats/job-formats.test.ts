// Job formats a user runs without a reader of their own (fixtures in test/fixtures/formats/jobs, written for these
// tests): TF-1 TPUEstimator flags and params, latent-diffusion-style YAML, Determined experiments, VISSL, LAVIS run
// configs, ml_collections built with a helper, OpenMMLab config names. Each is a run with the devices it states, and
// the files of the same formats that do not train give none.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { FactKey, FactValue } from '../../engine/types';
import { analyze, theRun } from './helpers';

const DIR = path.resolve('test/fixtures/formats/jobs');
const FILES = Object.fromEntries(fs.readdirSync(DIR).map((n) => [n, fs.readFileSync(path.join(DIR, n), 'utf8')]));

async function facts(file: string) {
  const run = theRun(await analyze(FILES, file));
  const get = (k: FactKey): FactValue | undefined => {
    const f = run.plan.facts.get(k);
    return f && f.origin !== 'assumed' ? f.value : undefined;
  };
  return { run, get };
}

async function noRun(file: string) {
  const a = await analyze(FILES, file);
  assert.deepEqual([a.runs.length, a.linked?.length ?? 0], [0, 0], file);
}

test('a TF-1 estimator script is a run from its absl flag defaults; TPU cores do not count with --use_tpu off', async () => {
  const { run, get } = await facts('estimator_classifier.py');
  assert.equal(run.plan.framework, 'tpu-estimator');
  assert.equal(get('global_batch'), 32, 'TPUEstimator’s train_batch_size is the global batch');
  assert.equal(get('max_steps'), 20000);
  assert.equal(get('seq_len'), 256);
  assert.equal(get('devices'), undefined, 'num_tpu_cores means nothing when use_tpu is False');
  assert.equal(run.plan.facts.get('global_batch')?.origin, 'script-default');
});

test('a TPU params override is a run: cores are its devices, train_batch_size its global batch', async () => {
  const { get } = await facts('tpu_pod_override.yaml');
  assert.deepEqual([get('devices'), get('global_batch'), get('max_steps'), get('micro_batch')], [64, 2048, 40000, 32]);
});

test('a launcher of a multi-GPU TF-1 script: --num_core_per_host GPUs share --train_batch_size', async () => {
  const { get } = await facts('multi_gpu_pretrain.sh');
  assert.deepEqual([get('devices'), get('global_batch'), get('micro_batch')], [4, 64, 16]);
  assert.equal(get('max_steps'), 50000);
});

test('a latent-diffusion-style config is a run; the same format with only a validation split is not', async () => {
  const { run, get } = await facts('vqgan_train.yaml');
  assert.equal(run.plan.framework, 'ldm');
  assert.deepEqual([get('micro_batch'), get('grad_accum'), get('epochs')], [6, 2, 40]);
  assert.equal(get('precision'), 'fp32', 'Lightning’s default precision when the trainer block sets none');
  assert.equal(get('seq_len'), undefined, 'an image model has no sequence length');
  assert.equal(get('devices'), undefined, 'the file states no device count');
  await noRun('vqgan_sample.yaml');
});

test('a latent-diffusion-style config whose trainer block sets no accumulation steps after every batch', async () => {
  const files = {
    ...FILES,
    'vqgan_train.yaml': FILES['vqgan_train.yaml'].replace(/^ *accumulate_grad_batches: 2\n?/m, ''),
  };
  const f = theRun(await analyze(files, 'vqgan_train.yaml')).plan.facts.get('grad_accum');
  assert.deepEqual([f?.value, f?.origin], [1, 'framework-default']);
  // Stated, the config's own count stays (the test above: 2).
});

test('a Determined experiment: slots per trial are its devices, its entrypoint’s flags are its settings', async () => {
  const { run, get } = await facts('det_experiment.yaml');
  assert.equal(run.plan.framework, 'determined');
  assert.deepEqual([get('devices'), get('global_batch'), get('epochs')], [4, 256, 30]);
  assert.equal(run.plan.facts.get('epochs')?.origin, 'inferred');
  await noRun('det_batch_inference.yaml');
});

test('a VISSL config: per-replica batch, epochs, processes per node × nodes, AMP', async () => {
  const { run, get } = await facts('ssl_pretrain_vissl.yaml');
  assert.equal(run.plan.framework, 'vissl');
  assert.deepEqual([get('micro_batch'), get('epochs'), get('devices'), get('precision')], [64, 200, 32, 'fp16']);
});

test('a LAVIS run config is read as LAVIS, not as detectron2 (lower-case `model:` and `datasets:`)', async () => {
  const { run, get } = await facts('caption_finetune_lavis.yaml');
  assert.equal(run.plan.framework, 'lavis');
  assert.deepEqual([get('micro_batch'), get('epochs'), get('precision')], [16, 5, 'fp16']);
  assert.equal(get('global_batch'), undefined, 'detectron2’s default IMS_PER_BATCH does not apply');
  // `run.world_size` is replaced by the launcher's WORLD_SIZE: the file alone states no device count.
  assert.equal(get('devices'), undefined);
  // The runner's own choices: AdamW, no accumulation, a checkpoint per epoch when no validation split is given.
  assert.deepEqual([get('optimizer'), get('grad_accum'), get('periodic_save')], ['adamw', 1, 'epoch']);
});

test('an ml_collections config built with a helper (`d(batch_size_train=…)`): global batch and steps', async () => {
  const { get } = await facts('diffusion_cfg.py');
  assert.deepEqual([get('global_batch'), get('max_steps')], [256, 500000]);
});

test('must not: an OpenMMLab config name (`4xb16`) tells its devices in a note, not as the count of the run', async () => {
  // The config states no count; the launcher that starts it does (`dist_train.sh config.py 2`, or one process).
  const { run, get } = await facts('rtmdet-s_4xb16-100e_parts.py');
  assert.deepEqual([get('devices'), get('micro_batch'), get('epochs')], [null, 16, 100]);
  assert.match(run.plan.facts.get('devices')?.note ?? '', /4xb16/);
  await noRun('runtime_base.py');
});

test('a pycls config: TRAIN.BATCH_SIZE is the total over NUM_GPUS, OPTIM.MAX_EPOCH the epochs', async () => {
  const { run, get } = await facts('regnet_4gpu.yaml');
  assert.equal(run.plan.framework, 'pycls');
  assert.deepEqual([get('global_batch'), get('devices'), get('micro_batch'), get('epochs')], [512, 4, 128, 60]);
});

test('a PaddleSeg config with a lower-case `_base_` is PaddleSeg, not detectron2: its own iterations', async () => {
  const { run, get } = await facts('seg_unet_40k.yml');
  assert.equal(run.plan.framework, 'paddleseg');
  assert.deepEqual([get('max_steps'), get('micro_batch')], [40000, 8]);
  assert.equal(run.plan.facts.get('save_steps')?.origin, undefined, 'no detectron2 checkpoint default');
});

test('a launcher running an in-tree module (`python -m pkg.train`) gives the module’s run with its flags', async () => {
  const script = FILES['estimator_classifier.py'];
  const launcher = `python3 -m jobs.estimator_classifier --num_train_steps=3000 --use_tpu=True --num_tpu_cores=8\n`;
  const a = await analyze({ 'jobs/estimator_classifier.py': script, 'run.sh': launcher }, 'run.sh');
  const run = theRun(a);
  assert.equal(run.plan.facts.get('max_steps')?.value, 3000);
  assert.equal(run.plan.facts.get('devices')?.value, 8, 'on a TPU the cores are the devices');
});

test('a config class’s debug branch (`if self.debug: self.num_train_steps = 20`) is not the run’s setting', async () => {
  const py = `class PretrainConfig(object):
  def __init__(self, debug=False):
    self.debug = debug
    self.learning_rate = 2e-4
    self.num_train_steps = 400000
    self.train_batch_size = 256
    self.max_seq_length = 256
    self.use_tpu = False
    self.iterations_per_loop = 200
    if self.debug:
      self.train_batch_size = 4
      self.num_train_steps = 10
    else:
      self.learning_rate = 1e-4
`;
  const { get } = await facts2({ 'pretrain_config.py': py }, 'pretrain_config.py');
  assert.deepEqual([get('max_steps'), get('global_batch'), get('seq_len')], [400000, 256, 256]);
  assert.equal(get('max_steps'), 400000, 'the non-debug branch and the body are read');
});

async function facts2(files: Record<string, string>, file: string) {
  const run = theRun(await analyze(files, file));
  return { get: (k: FactKey) => run.plan.facts.get(k)?.value };
}
