// Runs read through their frameworks' documented settings: RLlib experiment files (`rllib train -f`), verl launchers
// that pass Hydra overrides to `verl.trainer.main_ppo`, Open Catalyst (fairchem) configs and their launchers, and a
// module walk that meets a class naming itself. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const PPO_EXPERIMENT = [
  'breakout-ppo:',
  '    env: BreakoutNoFrameskip-v4',
  '    run: PPO',
  '    stop:',
  '        timesteps_total: 20000000',
  '    config:',
  '        framework: torch',
  '        lr: 0.0003',
  '        train_batch_size: 8000',
  '        sgd_minibatch_size: 400',
  '        num_sgd_iter: 8',
  '        num_workers: 16',
  '        num_envs_per_worker: 4',
  '        num_gpus: 1',
  '',
].join('\n');

test('RLlib PPO experiment: the SGD minibatch is the step batch, num_gpus the devices, rollout workers no loaders', async () => {
  const a = await analyze({ 'ppo.yaml': PPO_EXPERIMENT }, 'ppo.yaml');
  assert.equal(theRun(a).plan.framework, 'rllib');
  assert.equal(fact(a, 'micro_batch')?.value, 400, 'sgd_minibatch_size on one learner GPU, not the rollout batch');
  assert.equal(fact(a, 'global_batch')?.value, 400);
  assert.equal(fact(a, 'devices')?.value, 1);
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  assert.equal(fact(a, 'precision')?.origin, 'framework-default');
  assert.equal(fact(a, 'num_workers'), undefined, 'rollout workers are not data-loader workers');
  assert.equal(fact(a, 'max_steps'), undefined, 'environment timesteps are not optimizer steps');
  assert.equal(fact(a, 'epochs'), undefined, 'num_sgd_iter passes over one rollout are not epochs');
});

test('RLlib off-policy and IMPALA experiments: train_batch_size is the step batch, split over several GPUs', async () => {
  const sac = PPO_EXPERIMENT.replace('run: PPO', 'run: SAC')
    .replace('        sgd_minibatch_size: 400\n', '')
    .replace('train_batch_size: 8000', 'train_batch_size: 512');
  const one = await analyze({ 'sac.yaml': sac }, 'sac.yaml');
  assert.equal(fact(one, 'micro_batch')?.value, 512);
  assert.equal(fact(one, 'global_batch')?.value, 512);
  const two = await analyze(
    { 'impala.yaml': sac.replace('run: SAC', 'run: IMPALA').replace('num_gpus: 1', 'num_gpus: 2') },
    'impala.yaml',
  );
  assert.equal(fact(two, 'global_batch')?.value, 512);
  assert.equal(fact(two, 'devices')?.value, 2);
  assert.equal(fact(two, 'micro_batch'), undefined, "each GPU's share is RLlib's business");
  // PPO without a minibatch size: its train batch is a rollout batch, no step batch is stated.
  const rollout = await analyze(
    { 'ppo.yaml': PPO_EXPERIMENT.replace('        sgd_minibatch_size: 400\n', '') },
    'ppo.yaml',
  );
  assert.equal(fact(rollout, 'micro_batch'), undefined);
  assert.equal(fact(rollout, 'global_batch'), undefined);
});

const VERL = [
  'set -x',
  'python3 -m verl.trainer.main_ppo \\',
  '    data.train_files=$HOME/data/train.parquet \\',
  '    data.train_batch_size=512 \\',
  '    actor_rollout_ref.model.path=Qwen/Qwen2.5-3B-Instruct \\',
  '    actor_rollout_ref.actor.ppo_mini_batch_size=128 \\',
  '    actor_rollout_ref.model.enable_gradient_checkpointing=True \\',
  '    trainer.n_gpus_per_node=4 \\',
  '    trainer.nnodes=2 \\',
  '    trainer.save_freq=25 \\',
  '    trainer.total_epochs=3',
  '',
].join('\n');

test('verl launcher: Hydra overrides read as verl settings (prompt batch no device batch, save_freq in steps)', async () => {
  const a = await analyze({ 'run_ppo.sh': VERL }, 'run_ppo.sh');
  assert.equal(theRun(a).plan.framework, 'verl');
  assert.equal(fact(a, 'micro_batch'), undefined, 'data.train_batch_size counts prompts per step');
  assert.equal(fact(a, 'model')?.value, 'Qwen/Qwen2.5-3B-Instruct');
  assert.equal(fact(a, 'devices')?.value, 8, '4 GPUs per node × 2 nodes');
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 25, 'a step period, though the run is measured in epochs');
  assert.equal(fact(a, 'epochs')?.value, 3);
  assert.equal(fact(a, 'grad_checkpointing')?.value, true);
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  const never = await analyze({ 'run_ppo.sh': VERL.replace('save_freq=25', 'save_freq=-1') }, 'run_ppo.sh');
  assert.equal(fact(never, 'periodic_save')?.value, 'no');
});

test('a node count the launcher leaves to a variable: the total device count is unknown, not one node', async () => {
  const a = await analyze({ 'run_ppo.sh': VERL.replace('trainer.nnodes=2', 'trainer.nnodes=$NNODES') }, 'run_ppo.sh');
  assert.equal(fact(a, 'devices')?.value, null);
});

test('a module whose (decorated) class builds itself in a method: the walk through it ends', async () => {
  const files = {
    'prepare.py': [
      'from batches import Batch',
      '',
      'parts = Batch(list(range(64))).split(4)',
      'print(len(parts))',
      '',
    ].join('\n'),
    'batches.py': [
      'from dataclasses import dataclass',
      '',
      '',
      '@dataclass',
      'class Batch:',
      '    items: list',
      '',
      '    def split(self, n):',
      '        return [Batch(self.items[i::n]) for i in range(n)]',
      '',
    ].join('\n'),
  };
  const a = await analyze(files, 'prepare.py');
  assert.deepEqual(
    a.messages.filter((m) => /failed/.test(m)),
    [],
  );
  assert.equal(a.runs.length, 0, 'nothing trains');
});

const OCP_CONFIG = [
  'trainer: forces',
  'model:',
  '  name: dimenet_plus_plus',
  '  hidden_channels: 192',
  'optim:',
  '  batch_size: 6',
  '  num_workers: 4',
  '  lr_initial: 0.0001',
  '  max_epochs: 20',
  '  eval_every: 2500',
  '',
].join('\n');

test('Open Catalyst config alone: its trainer defaults (AdamW, fp32 without --amp, a checkpoint each eval_every)', async () => {
  const a = await analyze({ 'configs/dpp.yml': OCP_CONFIG }, 'configs/dpp.yml');
  assert.equal(theRun(a).plan.framework, 'fairchem');
  assert.equal(fact(a, 'micro_batch')?.value, 6);
  assert.equal(fact(a, 'epochs')?.value, 20);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  assert.equal(fact(a, 'precision')?.value, 'fp32');
  assert.equal(fact(a, 'periodic_save')?.value, 'steps');
  assert.equal(fact(a, 'save_steps')?.value, 2500);
  assert.equal(fact(a, 'devices')?.origin ?? 'assumed', 'assumed', 'the GPU count comes from the command line');
  const noEval = await analyze(
    { 'configs/dpp.yml': OCP_CONFIG.replace('  eval_every: 2500\n', '') },
    'configs/dpp.yml',
  );
  assert.equal(fact(noEval, 'periodic_save')?.value, 'epoch', 'eval_every defaults to one epoch of steps');
  assert.equal(fact(noEval, 'save_steps'), undefined);
  const never = await analyze(
    { 'configs/dpp.yml': OCP_CONFIG.replace('eval_every: 2500', 'checkpoint_every: -1') },
    'configs/dpp.yml',
  );
  assert.equal(fact(never, 'periodic_save')?.value, 'no');
});

test('Open Catalyst launcher: --config-yml links the config; --num-gpus per machine × --num-nodes', async () => {
  const main = 'import submitit\nfrom ocpmodels.common.flags import flags\nargs = flags.get_parser().parse_args()\n';
  const submit =
    'python main.py --distributed --num-gpus 4 --num-nodes 8 --mode train --config-yml configs/dpp.yml --amp --submit\n';
  const a = await analyze({ 'main.py': main, 'configs/dpp.yml': OCP_CONFIG, 'submit.sh': submit }, 'submit.sh');
  assert.equal(fact(a, 'devices')?.value, 32);
  assert.equal(fact(a, 'global_batch')?.value, 192, '6 per GPU × 32 GPUs');
  assert.equal(fact(a, 'precision')?.value, 'fp16', '--amp');
  assert.equal(fact(a, 'epochs')?.value, 20);
  const unread = await analyze(
    {
      'main.py': main,
      'configs/dpp.yml': OCP_CONFIG,
      'submit.sh': submit.replace('--num-nodes 8', '--num-nodes $NODES'),
    },
    'submit.sh',
  );
  assert.equal(fact(unread, 'devices')?.value, null, 'a machine count not readable here');
  const oneNode = await analyze(
    {
      'main.py': main,
      'configs/dpp.yml': OCP_CONFIG,
      'run.sh': submit.replace(' --num-nodes 8', '').replace(' --submit', ''),
    },
    'run.sh',
  );
  assert.equal(fact(oneNode, 'devices')?.value, 4);
  assert.equal(fact(oneNode, 'precision')?.value, 'fp16');
});
