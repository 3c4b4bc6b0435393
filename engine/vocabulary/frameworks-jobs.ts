// Frameworks recognised from content whose files are training jobs rather than one library's config (same contract
// as ./frameworks.ts): TensorFlow TPUEstimator flags and params, the instantiate-from-config YAML of latent-diffusion
// and its forks, Determined experiment configs, VISSL configs, Classy Vision task configs, LAVIS/BLIP-2 run configs, pycls and PaddleSeg configs, RLlib
// experiment files, Open Catalyst (fairchem) trainer configs. Each default names where
// the framework documents it (./sources.ts).
import type { Framework, Signature } from './frameworks';
import type { FactKey, FactValue } from '../types';

const any = (s: Signature, ...k: string[]) => k.some((x) => s.has(x));
const tops = (s: Signature, ...k: string[]) => k.some((x) => s.top(x));

export const JOB_FRAMEWORKS: Framework[] = [
  {
    // pycls (yacs): `TRAIN.BATCH_SIZE` is the total mini-batch over `NUM_GPUS`, `OPTIM.MAX_EPOCH` the run length.
    id: 'pycls',
    label: 'pycls config',
    src: 'pycls',
    modality: 'vision',
    detect: (s) =>
      s.syntax === 'yaml' &&
      s.topExact('OPTIM') &&
      s.topExact('TRAIN') &&
      any(s, 'optim.max_epoch', 'train.batch_size', 'num_gpus'),
    defaults: (f) =>
      f.has('precision') ? [] : [['precision', 'fp32', 'TRAIN.MIXED_PRECISION defaults to False: fp32']],
  },
  {
    // PaddleSeg: `batch_size` per card, `iters` the run length, datasets under `train_dataset:`.
    id: 'paddleseg',
    label: 'PaddleSeg config',
    src: 'paddleseg',
    modality: 'vision',
    detect: (s) => s.syntax === 'yaml' && s.top('iters') && tops(s, 'batch_size', 'train_dataset'),
  },
  {
    // TF-1 `tf.estimator` / TPUEstimator scripts (absl flags) and their params files: `train_batch_size` is the
    // global batch ("the global training batch size"), split over the TPU cores or GPUs.
    id: 'tpu-estimator',
    label: 'TensorFlow (TPU)Estimator settings',
    src: 'tpu-estimator',
    detect: (s) =>
      (s.syntax === 'python' || s.syntax === 'yaml' || s.syntax === 'shell' || s.syntax === 'json') &&
      any(s, 'use_tpu', 'iterations_per_loop', 'num_tpu_cores', 'num_core_per_host', 'tpu_name') &&
      any(s, 'train_batch_size', 'train_steps', 'num_train_steps'),
  },
  {
    // latent-diffusion, taming-transformers and their forks: `model: {target, params}`, a `data:` module with a
    // training split (a config whose data has only a validation split samples, it does not train) and the
    // Lightning trainer's settings under `lightning:`; main.py builds a Lightning Trainer whose precision is 32 unless
    // `lightning.trainer.precision` says otherwise.
    id: 'ldm',
    label: 'latent-diffusion-style config (instantiate from `target`/`params`)',
    src: 'lightning',
    needsTraining: true,
    modalityOf: (s) =>
      any(s, 'resolution', 'image_size', 'crop_size', 'size', 'first_stage_config', 'ddconfig') ? 'vision' : undefined,
    detect: (s) =>
      s.syntax === 'yaml' &&
      s.top('model') &&
      /^\w+(\.\w+)+$/.test(String(s.value('model.target') ?? '')) &&
      (any(s, 'data.params.train.target') || s.top('lightning')),
    // The Trainer steps after every batch unless `lightning.trainer.accumulate_grad_batches` says otherwise
    // (latent-diffusion's main.py sets 1 when the key is absent; Lightning's Trainer defaults to 1:
    // https://lightning.ai/docs/pytorch/stable/common/trainer.html#accumulate-grad-batches).
    defaults: (f) => {
      const rows: [FactKey, FactValue, string][] = [];
      if (!f.has('precision'))
        rows.push(['precision', 'fp32', 'lightning.trainer.precision unset: the Trainer runs in 32-bit']);
      if (!f.has('grad_accum'))
        rows.push(['grad_accum', 1, 'lightning.trainer.accumulate_grad_batches unset: one optimizer step per batch']);
      // main.py always gives the Trainer a ModelCheckpoint with `save_last: True` (merged under
      // `lightning.modelcheckpoint`), which writes last.ckpt at the end of every epoch, as Lightning's default
      // checkpoint callback does (https://github.com/CompVis/latent-diffusion/blob/main/main.py `default_modelckpt_cfg`;
      // https://lightning.ai/docs/pytorch/stable/api/lightning.pytorch.callbacks.ModelCheckpoint.html). A step cadence the
      // config writes (`every_n_train_steps`) is read as such instead.
      rows.push(['periodic_save', 'epoch', 'main.py’s ModelCheckpoint (save_last) writes last.ckpt every epoch']);
      return rows;
    },
  },
  {
    // Determined experiment configs: `resources.slots_per_trial` GPUs, `searcher.max_length` in batches, epochs or
    // records, the command line under `entrypoint:`.
    id: 'determined',
    label: 'Determined experiment config',
    src: 'determined',
    needsTraining: true,
    detect: (s) =>
      s.syntax === 'yaml' &&
      s.top('searcher') &&
      tops(s, 'entrypoint', 'hyperparameters', 'resources') &&
      any(s, 'searcher.name', 'searcher.metric'),
  },
  {
    // VISSL: per-replica batch, epochs and the processes per node under `config:`.
    id: 'vissl',
    label: 'VISSL config',
    src: 'vissl',
    modality: 'vision',
    detect: (s) =>
      s.syntax === 'yaml' &&
      any(s, 'data.train.batchsize_per_replica', 'distributed.num_proc_per_node') &&
      any(s, 'optimizer.num_epochs', 'data.train.batchsize_per_replica'),
    defaults: (f) =>
      f.has('precision') ? [] : [['precision', 'fp32', 'MODEL.AMP_PARAMS.USE_AMP defaults to False: fp32']],
  },
  {
    // Classy Vision task configs (`classy_train.py --config_file x.json`): `dataset.train.batchsize_per_replica` per
    // process, `num_epochs`, `optimizer.name`; AMP only with `amp_args` (apex O1/O2 or torch autocast: fp16); the
    // optimizer steps every batch unless `simulated_global_batchsize` asks for accumulation; ClassyDataset loads with 4
    // workers; classy_train.py always adds a CheckpointHook with `--checkpoint_period` 1 (a checkpoint per epoch).
    id: 'classy-vision',
    label: 'Classy Vision task config',
    src: 'classy-vision',
    modality: 'vision',
    detect: (s) =>
      s.syntax === 'json' &&
      any(s, 'dataset.train.batchsize_per_replica') &&
      any(s, 'num_epochs', 'optimizer.name', 'loss.name'),
    defaults: (f, s) => {
      const rows: [FactKey, FactValue, string][] = [];
      const amp = any(s, 'amp_args.opt_level', 'amp_args.amp_type');
      const level = String(s.value('amp_args.opt_level') ?? '');
      if (!f.has('precision') && !/^O0$/i.test(level))
        rows.push(
          amp
            ? ['precision', 'fp16', 'amp_args turns on mixed precision (apex or torch AMP, float16)']
            : ['precision', 'fp32', 'no amp_args: fp32'],
        );
      if (!any(s, 'simulated_global_batchsize'))
        rows.push(['grad_accum', 1, 'no simulated_global_batchsize: the optimizer steps after every batch']);
      rows.push(['num_workers', 4, 'ClassyDataset loads with DEFAULT_NUM_WORKERS = 4']);
      rows.push(['periodic_save', 'epoch', 'classy_train.py adds a CheckpointHook with checkpoint_period 1']);
      return rows;
    },
  },
  {
    // LAVIS / BLIP-2 style run configs: `model: {arch, model_type}`, `datasets:`, and the run's settings under `run:`.
    id: 'lavis',
    label: 'LAVIS-style run config',
    src: 'lavis',
    detect: (s) =>
      s.syntax === 'yaml' &&
      s.top('run') &&
      any(s, 'model.arch') &&
      any(s, 'run.task', 'run.batch_size_train', 'run.max_epoch', 'run.runner'),
    // The runner (lavis/runners/runner_base.py) builds torch.optim.AdamW, reads `run.accum_grad_iters` (default 1) and,
    // without `run.valid_splits`, saves a checkpoint at the end of every epoch (with them, only the best one).
    defaults: (f, s) => [
      ...(f.has('precision') ? [] : ([['precision', 'fp32', 'run.amp unset: fp32']] as [FactKey, FactValue, string][])),
      ['optimizer', 'adamw', 'the runner builds torch.optim.AdamW'],
      ['grad_accum', 1, 'run.accum_grad_iters defaults to 1'],
      ...(any(s, 'run.valid_splits')
        ? []
        : ([['periodic_save', 'epoch', 'no run.valid_splits: the runner saves a checkpoint after every epoch']] as [
            FactKey,
            FactValue,
            string,
          ][])),
    ],
  },
  {
    // Open Catalyst Project / fairchem trainer configs (`main.py --mode train --config-yml …`): the settings of the
    // run under `optim:` (`lr_initial`, per-process `batch_size`, `max_epochs`, `eval_every`); AMP and the GPU count
    // come from the command line (`--amp`, `--num-gpus`).
    id: 'fairchem',
    label: 'Open Catalyst (fairchem) config',
    src: 'fairchem',
    detect: (s) =>
      s.syntax === 'yaml' &&
      any(s, 'optim.lr_initial') &&
      tops(s, 'model', 'trainer', 'includes', 'dataset', 'task') &&
      any(s, 'optim.max_epochs', 'optim.max_steps', 'optim.eval_every', 'optim.batch_size'),
    defaults: (f, s) => {
      const every = s.value('optim.eval_every');
      const rows: [FactKey, FactValue, string][] = [];
      if (!f.has('precision')) rows.push(['precision', 'fp32', 'AMP only with --amp on the command line: fp32']);
      if (!f.has('optimizer')) rows.push(['optimizer', 'adamw', 'optim.optimizer defaults to "AdamW"']);
      if (!f.has('grad_accum')) rows.push(['grad_accum', 1, 'the trainer steps the optimizer after every batch']);
      if (!f.has('save_steps') && !f.has('periodic_save'))
        rows.push(
          typeof every === 'number' && every > 0
            ? ['save_steps', every, 'checkpoint_every defaults to eval_every: checkpoint.pt every eval_every steps']
            : ['periodic_save', 'epoch', 'eval_every defaults to one epoch of steps, checkpoint_every to eval_every'],
        );
      return rows;
    },
  },
  {
    // RLlib experiment files (`rllib train -f exp.yaml`): `<name>: {run: PPO, env: …, stop: …, config: {…}}`, the
    // algorithm's settings under `config:` (../extract/vocab-jobs.ts reads its batches).
    id: 'rllib',
    label: 'RLlib experiment',
    src: 'rllib',
    detect: (s) =>
      s.syntax === 'yaml' &&
      /^([A-Z][A-Z0-9_]*|contrib\/\w+)$/.test(String(s.value('run') ?? '')) &&
      any(s, 'env', 'env.grid_search', 'config.env') &&
      any(s, 'config.num_gpus', 'config.num_workers', 'config.train_batch_size', 'config.framework', 'config.lr'),
    // RLlib's policies compute in float32: its common config has no mixed-precision setting.
    defaults: (f) => (f.has('precision') ? [] : [['precision', 'fp32', 'policies compute in float32']]),
  },
];
