// Frameworks recognised from content whose configs have no reader of their own (./frameworks.ts has the first
// ones): self-supervised vision in the DINOv2 layout, SpeechBrain hyperparameter files, fairseq's structured
// configs, verl RL post-training, MaxText, MMF, CoreNet, and Hugging Face TrainingArguments flags in a launcher whose
// script is not in the tree. Each default names where the framework documents it (./sources.ts).
import type { FactKey, FactValue } from '../types';
import type { Framework, Signature } from './frameworks';

type Row = [FactKey, FactValue, string];
const any = (s: Signature, ...k: string[]) => k.some((x) => s.has(x));
const tops = (s: Signature, ...k: string[]) => k.some((x) => s.top(x));
/** `--checkpointing_steps` of the diffusers training examples. */
const DIFFUSERS_CHECKPOINTING_STEPS = 500;
/** The training loader options of SpeechBrain recipes (their batch is always among them). */
const LOADER_OPTIONS = [
  'dataloader_options.batch_size',
  'train_dataloader_opts.batch_size',
  'dataloader_opts.batch_size',
];

export const MORE_FRAMEWORKS: Framework[] = [
  {
    // compare_gan gin configs (`options.gan_class = @ModularGAN`, run by compare_gan/main.py): a TPUEstimator whose
    // gin-configurable `run_config` saves every `save_checkpoints_steps`, 5000 unless the config sets it.
    id: 'compare-gan',
    label: 'compare_gan gin config',
    src: 'compare-gan',
    modality: 'vision',
    detect: (s) =>
      s.syntax === 'gin' && any(s, 'options.gan_class') && any(s, 'options.batch_size', 'options.training_steps'),
    defaults: (f) =>
      f.has('save_steps')
        ? []
        : [
            ['periodic_save', 'steps', 'run_config.save_checkpoints_steps defaults to 5000 (compare_gan main.py)'],
            ['save_steps', 5000, 'run_config.save_checkpoints_steps defaults to 5000 (compare_gan main.py)'],
          ],
  },
  {
    id: 'dinov2',
    label: 'DINOv2-style self-supervised config',
    src: 'dinov2',
    modality: 'vision',
    detect: (s) =>
      s.syntax === 'yaml' &&
      any(s, 'train.batch_size_per_gpu') &&
      any(s, 'optim.epochs', 'crops.global_crops_size', 'student.arch', 'compute_precision.grad_scaler'),
    // The code merges every config over ssl_default_config.yaml, whose FSDP mixed precision computes in fp16.
    defaults: (f) =>
      f.has('precision')
        ? []
        : [
            [
              'precision',
              'fp16',
              'compute_precision.*.mixed_precision.param_dtype defaults to fp16 (ssl_default_config.yaml)',
            ],
          ],
  },
  {
    id: 'speechbrain',
    label: 'SpeechBrain hyperparameters',
    src: 'speechbrain',
    needsTraining: true,
    modalityOf: (s) => (any(s, 'sample_rate', 'n_mels') ? 'audio' : undefined),
    detect: (s) =>
      s.syntax === 'yaml' &&
      (s.imports.some((i) => /^speechbrain\./.test(i)) || any(s, 'epoch_counter.limit')) &&
      any(s, 'number_of_epochs', 'epoch_counter.limit', 'batch_size'),
    defaults: (f, s) => [
      ...(f.has('precision') ? [] : ([['precision', 'fp32', 'the precision run option defaults to "fp32"']] as Row[])),
      // The loader options a recipe hands `Brain.fit` go to torch's DataLoader (speechbrain/dataio/dataloader.py
      // `make_dataloader`), whose num_workers defaults to 0: loading in the training process
      // (https://pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader).
      ...(any(s, ...LOADER_OPTIONS)
        ? ([['num_workers', 0, 'dataloader options without num_workers: torch’s DataLoader default, 0']] as Row[])
        : []),
      // Recipes save with their Checkpointer at the end of each epoch (on_stage_end).
      ...(s.has('checkpointer.checkpoints_dir') || s.has('checkpointer.recoverables')
        ? ([['periodic_save', 'epoch', 'the recipe’s Checkpointer saves at the end of every epoch']] as Row[])
        : []),
    ],
  },
  {
    id: 'fairseq',
    label: 'fairseq config',
    src: 'fairseq',
    modalityOf: (s) =>
      /audio|speech|wav2vec|hubert|asr/i.test(String(s.value('task._name') ?? '')) ? 'audio' : undefined,
    detect: (s) =>
      // A launcher that runs fairseq's training command (https://fairseq.readthedocs.io/en/latest/command_line_tools.html),
      // whatever flags it gives.
      (s.syntax === 'shell' && s.imports.some((p) => /^fairseq-(hydra-)?train$/.test(p))) ||
      // `fairseq-train … --max-update N --update-freq 8` and `fairseq-hydra-train … optimization.max_update=N`.
      (s.syntax === 'shell' &&
        ((any(s, 'max_update', 'update_freq', 'distributed_world_size', 'save_interval_updates') &&
          any(s, 'arch', 'task', 'criterion', 'max_tokens', 'optimization.max_update', 'distributed_world_size')) ||
          s.imports.some((p) => /^fairseq-(hydra-)?train$/.test(p)))) ||
      ((s.syntax === 'yaml' || s.syntax === 'json') &&
        ['common', 'optimization', 'distributed_training', 'checkpoint', 'dataset', 'task'].filter((k) => s.top(k))
          .length >= 3 &&
        any(
          s,
          'optimization.max_update',
          'optimization.max_epoch',
          'optimization.lr',
          'distributed_training.distributed_world_size',
          'task._name',
        )),
    defaults: (f, s) => [
      ...(f.has('precision')
        ? []
        : ([['precision', 'fp32', 'common.fp16 and common.bf16 default to False: fp32']] as Row[])),
      // dataset.num_workers (`--num-workers`) defaults to 1 DataLoader worker (DatasetConfig in configs.py).
      ['num_workers', 1, 'dataset.num_workers defaults to 1 data loader worker'],
      // `--update-freq` defaults to [1]: parameters are updated after every batch
      // (https://fairseq.readthedocs.io/en/latest/command_line_tools.html, "update parameters every N_i batches").
      ...(f.has('grad_accum')
        ? []
        : ([['grad_accum', 1, 'optimization.update_freq defaults to [1]: one update per batch']] as Row[])),
      // checkpoint.save_interval defaults to 1 epoch unless epoch checkpoints are turned off.
      ...(f.has('periodic_save') ||
      s.value('checkpoint.no_epoch_checkpoints') === true ||
      s.value('checkpoint.no_save') === true ||
      // The same switches on a launcher's command line (`--no-save` reads as save = false).
      (s.syntax === 'shell' && (s.value('epoch_checkpoints') === false || s.value('save') === false))
        ? []
        : ([['periodic_save', 'epoch', 'checkpoint.save_interval defaults to 1: a checkpoint every epoch']] as Row[])),
    ],
  },
  {
    id: 'verl',
    label: 'verl RL post-training config',
    src: 'verl',
    modality: 'text',
    // Its config file, or the Hydra overrides a launcher gives `python3 -m verl.trainer.main_ppo` (`data.…=`,
    // `actor_rollout_ref.…=`, `trainer.…=`).
    detect: (s) =>
      (s.syntax === 'yaml' || s.syntax === 'shell') &&
      s.top('actor_rollout_ref') &&
      tops(s, 'trainer', 'data', 'algorithm'),
    defaults: (f) => [
      ...(f.has('precision')
        ? []
        : ([
            ['precision', 'bf16', 'the actor’s FSDP mixed precision computes in bf16 (param_dtype defaults to bf16)'],
          ] as Row[])),
      ['optimizer', 'adamw', 'the FSDP workers build the actor’s and critic’s optimizers with torch AdamW'],
    ],
  },
  {
    id: 'espnet',
    label: 'ESPnet training config',
    src: 'espnet',
    modalityOf: (s) =>
      tops(s, 'frontend', 'frontend_conf', 'specaug', 'specaug_conf', 'normalize') ? 'audio' : undefined,
    detect: (s) =>
      s.syntax === 'yaml' &&
      tops(s, 'encoder_conf', 'decoder_conf', 'frontend_conf', 'model_conf') &&
      tops(s, 'max_epoch', 'accum_grad', 'batch_bins', 'batch_type', 'optim_conf'),
    defaults: (f) => [
      ...(f.has('precision') ? [] : ([['precision', 'fp32', 'use_amp defaults to false: fp32']] as Row[])),
      ['periodic_save', 'epoch', 'the trainer writes checkpoint.pth (for resuming) at the end of every epoch'],
    ],
  },
  {
    id: 'opennmt',
    label: 'OpenNMT-py config',
    src: 'opennmt',
    modality: 'text',
    // `save_model` is OpenNMT's checkpoint path prefix (a switch `save_model: false` is another project's).
    detect: (s) =>
      s.syntax === 'yaml' &&
      typeof s.value('save_model') === 'string' &&
      tops(s, 'train_steps', 'src_vocab', 'batch_type'),
    defaults: (f) => [
      ...(f.has('precision') ? [] : ([['precision', 'fp32', 'model_dtype defaults to fp32']] as Row[])),
      ...(f.has('save_steps') ? [] : ([['save_steps', 5000, 'save_checkpoint_steps defaults to 5000']] as Row[])),
    ],
  },
  {
    id: 'lerobot',
    label: 'LeRobot training config',
    src: 'lerobot',
    detect: (s) => (s.syntax === 'json' || s.syntax === 'yaml') && any(s, 'policy.type') && any(s, 'dataset.repo_id'),
    defaults: (f) => (f.has('precision') ? [] : [['precision', 'fp32', 'policy.use_amp defaults to false: fp32']]),
  },
  {
    id: 'mlx',
    label: 'MLX LoRA config',
    src: 'mlx',
    modality: 'text',
    detect: (s) => s.syntax === 'yaml' && s.top('iters') && tops(s, 'fine_tune_type', 'lora_parameters', 'lora_layers'),
  },
  {
    id: 'paddledet',
    label: 'PaddleDetection config',
    src: 'paddledet',
    modality: 'vision',
    detect: (s) =>
      s.syntax === 'yaml' && tops(s, 'TrainReader', 'snapshot_epoch', 'worker_num') && tops(s, 'epoch', 'TrainReader'),
    // tools/train.py's `--amp` is off by default and the trainer reads `amp` from the config (`cfg.get('amp', False)`);
    // it steps the optimizer after every batch (ppdet/engine/trainer.py).
    defaults: (f) => [
      ['grad_accum', 1, 'the PaddleDetection trainer steps the optimizer after every batch'],
      ...(f.has('precision')
        ? []
        : ([['precision', 'fp32', 'amp defaults to False (tools/train.py --amp): fp32']] as Row[])),
    ],
  },
  {
    id: 'openrlhf',
    label: 'OpenRLHF launcher',
    src: 'openrlhf',
    modality: 'text',
    detect: (s) => s.syntax === 'shell' && any(s, 'micro_train_batch_size') && any(s, 'train_batch_size', 'pretrain'),
    // Every trainer builds its optimizer with `strategy.create_optimizer`: DeepSpeed's FusedAdam, or DeepSpeedCPUAdam
    // with --adam_offload, both with adam_w_mode=True by default (openrlhf/utils/deepspeed/deepspeed.py;
    // https://deepspeed.readthedocs.io/en/latest/optimizers.html, 2025): AdamW.
    // Its trainers draw batches from `strategy.setup_dataloader(…)`, which builds the loader without `num_workers`
    // (openrlhf/utils/deepspeed/deepspeed.py): PyTorch's default, loading in the training process.
    defaults: () => [
      ['optimizer', 'adamw', 'strategy.create_optimizer builds DeepSpeed FusedAdam in AdamW mode'],
      ['num_workers', 0, 'setup_dataloader passes no num_workers: the DataLoader default 0'],
    ],
  },
  {
    id: 'maxtext',
    label: 'MaxText config',
    src: 'maxtext',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'yaml' &&
      any(s, 'per_device_batch_size') &&
      any(s, 'max_target_length', 'base_emb_dim', 'base_num_decoder_layers', 'remat_policy', 'ici_fsdp_parallelism'),
    defaults: (f) => [
      ...(f.has('precision') ? [] : ([['precision', 'bf16', 'dtype defaults to bfloat16']] as Row[])),
      ...(f.has('grad_checkpointing')
        ? []
        : ([['grad_checkpointing', true, 'remat_policy defaults to "full"']] as Row[])),
    ],
  },
  {
    id: 'mmf',
    label: 'MMF config',
    src: 'mmf',
    // MMF merges every config over mmf/configs/defaults.yaml (its `training:` group).
    detect: (s) =>
      s.syntax === 'yaml' &&
      s.top('training') &&
      tops(s, 'includes', 'model_config', 'dataset_config') &&
      any(s, 'training.max_updates', 'training.batch_size', 'training.max_epochs'),
    defaults: (f) => [
      ...(f.has('precision') ? [] : ([['precision', 'fp32', 'training.fp16 defaults to false: fp32']] as Row[])),
      ['grad_accum', 1, 'training.update_frequency defaults to 1'],
      ['num_workers', 4, 'training.num_workers defaults to 4'],
      ['save_steps', 1000, 'training.checkpoint_interval defaults to 1000 updates'],
    ],
  },
  {
    id: 'corenet',
    label: 'CoreNet config',
    src: 'corenet',
    modalityOf: (s) => {
      const c = String(s.value('dataset.category') ?? '');
      if (/audio/.test(c)) return 'audio';
      if (/language_modeling/.test(c)) return 'text';
      return /classification|segmentation|detection|multi_modal_img_text/.test(c) ? 'vision' : undefined;
    },
    detect: (s) =>
      s.syntax === 'yaml' &&
      s.top('common') &&
      s.top('dataset') &&
      any(s, 'dataset.train_batch_size0', 'common.run_label', 'common.accum_freq'),
    defaults: (f, s) => [
      ['grad_accum', 1, 'common.accum_freq defaults to 1'],
      ...(f.has('precision')
        ? []
        : s.value('common.mixed_precision') === true
          ? ([['precision', 'fp16', 'common.mixed_precision_dtype defaults to float16']] as Row[])
          : ([['precision', 'fp32', 'common.mixed_precision defaults to false: fp32']] as Row[])),
    ],
  },
  {
    // LLaMA-Factory run through its own `src/train.py` (older releases `src/train_bash.py`) rather than
    // `llamafactory-cli`: a launcher's `--stage … --finetuning_type …` flags, or the YAML it hands that script. Its
    // TrainingArguments defaults as below, and what LLaMA-Factory adds: LoRA unless `finetuning_type` says otherwise,
    // and activation checkpointing that it turns on itself unless `disable_gradient_checkpointing` (../extract/llamafactory.ts
    // reads the same settings in a YAML given to `llamafactory-cli train`).
    id: 'llamafactory-args',
    label: 'LLaMA-Factory arguments',
    src: 'llamafactory',
    detect: (s) =>
      (s.syntax === 'shell' || s.syntax === 'yaml') && s.top('stage') && tops(s, 'finetuning_type', 'template'),
    defaults: (f, s) => {
      const off = s.value('disable_gradient_checkpointing');
      const disabled = off === true || off === '' || /^(true|1)$/i.test(String(off ?? 'false'));
      return [
        ['grad_accum', 1, '--gradient_accumulation_steps defaults to 1'],
        ['num_workers', 0, '--dataloader_num_workers defaults to 0 (loading in the main process)'],
        ['optimizer', 'adamw', "--optim defaults to an AdamW ('adamw_torch')"],
        ['peft', 'lora', 'finetuning_type defaults to lora'],
        [
          'grad_checkpointing',
          !disabled,
          disabled
            ? "disable_gradient_checkpointing turns LLaMA-Factory's activation checkpointing off"
            : 'LLaMA-Factory enables gradient checkpointing unless disable_gradient_checkpointing',
        ],
      ];
    },
  },
  {
    // A launcher passing TrainingArguments flags to a script that is not in the tree: the flags' documented
    // defaults for what they leave out. Only those the no-trainer example scripts share (no accumulation, loading in
    // the main process, AdamW: TrainingArguments' `optim` defaults to an AdamW, the no-trainer examples build
    // `torch.optim.AdamW`); checkpoint cadence and length differ between the two and are left out.
    id: 'hf-flags',
    label: 'Hugging Face training flags (script not in the tree)',
    src: 'hf-flags',
    detect: (s) =>
      s.syntax === 'shell' &&
      any(s, 'per_device_train_batch_size') &&
      any(s, 'output_dir', 'num_train_epochs', 'max_steps', 'learning_rate'),
    defaults: () => [
      ['grad_accum', 1, '--gradient_accumulation_steps defaults to 1'],
      ['num_workers', 0, '--dataloader_num_workers defaults to 0 (loading in the main process)'],
      ['optimizer', 'adamw', "--optim defaults to an AdamW ('adamw_torch', 'adamw_hf' in older releases)"],
    ],
  },
  {
    // `accelerate launch train_dreambooth.py --pretrained_model_name_or_path … --train_batch_size …` with the diffusers
    // example script not in the tree: the flags the examples share default alike (train_dreambooth.py,
    // train_text_to_image.py, their LoRA variants): `--dataloader_num_workers` 0, `--gradient_accumulation_steps` 1,
    // `torch.optim.AdamW`, and a checkpoint every `--checkpointing_steps` 500 updates. With `--max_train_steps` at or
    // under 500, that checkpoint is never reached: only the final save.
    id: 'diffusers-flags',
    label: 'diffusers example flags (script not in the tree)',
    src: 'diffusers',
    detect: (s) =>
      s.syntax === 'shell' &&
      s.imports.includes('accelerate') &&
      any(s, 'pretrained_model_name_or_path') &&
      any(s, 'train_batch_size') &&
      any(s, 'max_train_steps', 'num_train_epochs', 'resolution', 'instance_prompt', 'checkpointing_steps'),
    defaults: (f) => {
      const steps = f.get('max_steps')?.value;
      const reached = typeof steps !== 'number' || steps > DIFFUSERS_CHECKPOINTING_STEPS;
      return [
        ['grad_accum', 1, '--gradient_accumulation_steps defaults to 1'],
        ['num_workers', 0, '--dataloader_num_workers defaults to 0 (loading in the main process)'],
        ['optimizer', 'adamw', 'the examples build torch.optim.AdamW (bitsandbytes AdamW8bit with --use_8bit_adam)'],
        reached
          ? ['save_steps', DIFFUSERS_CHECKPOINTING_STEPS, '--checkpointing_steps defaults to 500 updates']
          : [
              'periodic_save',
              'no',
              `--checkpointing_steps defaults to 500 updates, not reached in ${steps} steps: only the final save`,
            ],
      ];
    },
  },
  {
    // A config that holds transformers TrainingArguments under `training_args:` (RL4LMs' supervised `alg.training_args`,
    // passed as `TrainingArguments(**training_args)`): what the block leaves out is TrainingArguments' default.
    // TRL's configs (bf16 on by default) are told apart by their own fields; then no precision is claimed.
    id: 'hf-args-block',
    label: 'Hugging Face TrainingArguments in a config',
    src: 'hf',
    detect: (s) =>
      (s.syntax === 'yaml' || s.syntax === 'json') &&
      any(
        s,
        'training_args.per_device_train_batch_size',
        'training_args.num_train_epochs',
        'training_arguments.per_device_train_batch_size',
        'training_arguments.num_train_epochs',
      ),
    defaults: (f, s) => [
      ['grad_accum', 1, 'gradient_accumulation_steps defaults to 1'],
      ['optimizer', 'adamw_torch', "optim defaults to 'adamw_torch'"],
      ['num_workers', 0, 'dataloader_num_workers defaults to 0 (data loaded in the main process)'],
      ...(f.has('precision') ||
      any(s, 'max_seq_length', 'max_prompt_length', 'dataset_text_field', 'packing', 'beta', 'num_generations')
        ? []
        : ([['precision', 'fp32', 'bf16 and fp16 default to False: training runs in fp32']] as Row[])),
    ],
  },
  {
    id: 'gpt-neo',
    label: 'GPT-Neo (Mesh TensorFlow) config',
    src: 'gpt-neo',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'json' &&
      any(s, 'n_ctx') &&
      any(s, 'n_vocab') &&
      any(s, 'mesh_shape', 'layout') &&
      any(s, 'train_steps'),
    defaults: (f) => (f.has('precision') ? [] : [['precision', 'fp32', 'precision defaults to float32']]),
  },
];
