// Configs opened alone (session 28, lane "configs"): a Hydra experiment kept in a subfolder of its group and options
// written with their extension are composed with the primary config; a Hydra composition whose `train` switch is off,
// and a LLaMA-Factory config that only evaluates or predicts, are no training run; a `max_tokens` inside a data
// section is not the run's token budget; SpeechBrain's per-part optimizer and `<model>_hub` keys name the optimizer
// and the model. Every fixture is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';

const hydraProject = (extra: Record<string, string> = {}) => ({
  'configs/train.yaml':
    'defaults:\n  - _self_\n  - trainer: one_gpu\n  - data: clips\n  - experiment: null\n\ntrain: True\ntest: True\nseed: 1\n',
  'configs/trainer/default.yaml': '_target_: lightning.pytorch.Trainer\nmax_epochs: 10\naccelerator: cpu\ndevices: 1\n',
  // An option written with its extension, as older lightning-hydra-template layouts do.
  'configs/trainer/one_gpu.yaml': 'defaults:\n  - default.yaml\n\naccelerator: gpu\ndevices: 1\nprecision: 16\n',
  'configs/trainer/four_gpu.yaml': 'defaults:\n  - default.yaml\n\naccelerator: gpu\ndevices: 4\nstrategy: ddp\n',
  'configs/data/clips.yaml': 'loaders:\n  train:\n    batch_size: 32\n    num_workers: 4\n',
  'configs/experiment/audio/small/convnet.yaml':
    '# @package _global_\ndefaults:\n  - override /trainer: four_gpu.yaml\n\ntrain: True\n\ntrainer:\n  max_epochs: 30\n  precision: bf16-mixed\n\nmodule:\n  optimizer:\n    _target_: torch.optim.AdamW\n    lr: 5e-4\n\ndata:\n  loaders:\n    train:\n      batch_size: 64\n',
  'configs/experiment/audio/small/test_only.yaml':
    '# @package _global_\ndefaults:\n  - override /trainer: four_gpu.yaml\n\ntrain: False\ntest: True\n\nmodule:\n  checkpoint: some/checkpoint\n',
  'train.py':
    'import hydra\n\n@hydra.main(version_base=None, config_path="configs", config_name="train")\ndef main(cfg):\n    trainer = hydra.utils.instantiate(cfg.trainer)\n    if cfg.get("train"):\n        trainer.fit(model)\n',
  ...extra,
});

test('Hydra: an experiment two folders below its group is composed with the primary (`experiment=audio/small/convnet`)', async () => {
  const a = await analyze(hydraProject(), 'configs/experiment/audio/small/convnet.yaml');
  // The trainer group the experiment overrides (written `four_gpu.yaml`), its own epochs and precision.
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.equal(fact(a, 'epochs')?.value, 30);
  assert.equal(fact(a, 'precision')?.value, 'bf16');
  // What the Trainer reader leaves to the rest of the config: the loader's batch, the optimizer.
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('Hydra: a defaults entry written with its extension (`- default.yaml`) is the same file', async () => {
  const a = await analyze(hydraProject(), 'configs/trainer/one_gpu.yaml');
  assert.equal(fact(a, 'epochs')?.value, 10, 'max_epochs from trainer/default.yaml');
  assert.equal(fact(a, 'precision')?.value, 'fp16');
});

test('Hydra: a composition whose `train` switch is off trains nothing — no run; the training primary still has one', async () => {
  const off = await analyze(hydraProject(), 'configs/experiment/audio/small/test_only.yaml');
  assert.equal(off.runs.length, 0, 'an evaluation experiment (train: False) is no run');
  const primary = await analyze(hydraProject(), 'configs/train.yaml');
  assert.equal(theRun(primary).plan.framework, 'lightning');
  assert.equal(fact(primary, 'micro_batch')?.value, 32);
  // A `train:` section (another layout's training settings) is not the switch.
  const section = await analyze(
    hydraProject({
      'configs/train.yaml': 'defaults:\n  - _self_\n  - trainer: one_gpu\n\ntrain:\n  lr: 1e-3\n  seed: 3\n',
    }),
    'configs/train.yaml',
  );
  assert.equal(theRun(section).plan.framework, 'lightning');
});

test('Hydra: an evaluation entry (`eval.yaml`) composing the Trainer is no run unless it turns `train` on', async () => {
  const evalEntry =
    'defaults:\n  - _self_\n  - trainer: one_gpu\n  - data: clips\n\ntask_name: eval\nckpt_path: logs/last.ckpt\n';
  const a = await analyze(hydraProject({ 'configs/eval.yaml': evalEntry }), 'configs/eval.yaml');
  assert.equal(a.runs.length, 0);
  assert.equal((a.linked ?? []).length, 0, 'nor a run of a script that reads it');
  const b = await analyze(hydraProject({ 'configs/eval.yaml': `${evalEntry}train: True\n` }), 'configs/eval.yaml');
  assert.equal(fact(b, 'precision')?.value, 'fp16');
});

const lfTrain =
  'model_name_or_path: Qwen/Qwen2.5-1.5B\nstage: sft\ndo_train: true\nfinetuning_type: lora\ndataset: demo\ntemplate: qwen\nper_device_train_batch_size: 2\nnum_train_epochs: 2\n';

test('LLaMA-Factory: a config that predicts or evaluates without do_train is no run; a training one is', async () => {
  const predict =
    'model_name_or_path: Qwen/Qwen2.5-1.5B\nadapter_name_or_path: saves/lora\nstage: sft\ndo_predict: true\nfinetuning_type: lora\neval_dataset: demo\ntemplate: qwen\nper_device_eval_batch_size: 1\npredict_with_generate: true\n';
  const evaluation =
    'model_name_or_path: Qwen/Qwen2.5-1.5B\nadapter_name_or_path: saves/lora\nfinetuning_type: lora\ntask: mmlu_test\ntemplate: fewshot\nn_shot: 5\nbatch_size: 4\n';
  for (const [name, text] of [
    ['predict.yaml', predict],
    ['mmlu.yaml', evaluation],
  ]) {
    const a = await analyze({ [name]: text }, name);
    assert.equal(a.runs.length, 0, name);
  }
  const t = await analyze({ 'sft.yaml': lfTrain }, 'sft.yaml');
  assert.deepEqual([fact(t, 'micro_batch')?.value, fact(t, 'epochs')?.value], [2, 2]);
  // `do_eval` beside `do_train` is a training run that also evaluates.
  const both = await analyze({ 'sft.yaml': `${lfTrain}do_eval: true\n` }, 'sft.yaml');
  assert.equal(fact(both, 'epochs')?.value, 2);
  // A training config that leaves do_train to the command line (`llamafactory-cli train x.yaml`) keeps its run.
  const bare = await analyze({ 'sft.yaml': lfTrain.replace('do_train: true\n', '') }, 'sft.yaml');
  assert.equal(fact(bare, 'micro_batch')?.value, 2);
});

test('max_tokens inside a data section is a batch budget, not the run’s tokens; a run’s token budget still is', async () => {
  const data =
    'trainer:\n  max_epochs: 20\nmodel:\n  hidden: 128\noptimizer:\n  type: adamw\n  lr: 1e-3\ndatamodule:\n  max_tokens: 6000\n  num_workers: 4\n';
  const a = await analyze({ 'exp.yaml': data }, 'exp.yaml');
  assert.equal(fact(a, 'train_tokens'), undefined);
  const budget =
    'optimizer:\n  type: adamw\n  lr: 3e-4\ntrain:\n  max_tokens: 3000000000\n  micro_batch_size: 8\n  global_batch_size: 512\n';
  const b = await analyze({ 'pretrain.yaml': budget }, 'pretrain.yaml');
  assert.equal(fact(b, 'train_tokens')?.value, 3000000000);
});

test('SpeechBrain: `whisper_hub` names the model and `whisper_opt_class` the optimizer', async () => {
  const hparams =
    'seed: 1\n__set_seed: !apply:torch.manual_seed [!ref <seed>]\nwhisper_hub: openai/whisper-tiny\nnumber_of_epochs: 4\nbatch_size: 8\nlr_whisper: 1e-5\n\nepoch_counter: !new:speechbrain.utils.epoch_loop.EpochCounter\n    limit: !ref <number_of_epochs>\n\nwhisper: !new:speechbrain.lobes.models.huggingface_transformers.whisper.Whisper\n    source: !ref <whisper_hub>\n    save_path: pretrained\n\nwhisper_opt_class: !name:torch.optim.AdamW\n    lr: !ref <lr_whisper>\n\ntrain_loader_kwargs:\n    batch_size: !ref <batch_size>\n';
  const a = await analyze({ 'hparams/train.yaml': hparams }, 'hparams/train.yaml');
  assert.equal(fact(a, 'model')?.value, 'openai/whisper-tiny');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
  // An audio model: no sequence length is assumed for it.
  assert.equal(fact(a, 'seq_len'), undefined);
});
