// Vocabulary rows of frameworks whose configs are read through the vocabulary alone (no reader of their own):
// self-supervised vision (DINO/DINOv2), SpeechBrain hyperparameter files, fairseq's structured configs, verl RL
// post-training, MaxText, Levanter, Ultralytics, NeMo, nanotron, ESPnet, OpenNMT-py, LeRobot, Coqui TTS, Scenic,
// MMF, CoreNet, mmengine accumulation; validation cadences of iteration-based trainers (a generic row). Each other
// row names the framework it is specific to (`fw`) and
// where that framework documents the key (./sources.ts).
import { A, type Alias } from './aliases';

export const FRAMEWORK_ROWS: Alias[] = [
  // DINO: `saveckp_freq` checkpoints every N epochs.
  A('save_steps', 'saveckp_freq', 'save', ['dino', 'dinov2'], { unit: 'epochs', fw: ['dinov2'] }),
  // SpeechBrain: the epoch counter's limit, the gradient accumulation run option, time-based checkpoints, the optimizer.
  A('epochs', 'number_of_epochs epoch_counter.limit', 'int', ['speechbrain'], { unit: 'epochs' }),
  A('grad_accum', 'grad_accumulation_factor', 'int', ['speechbrain']),
  A('periodic_save', 'ckpt_interval_minutes ckpt_interval_steps', 'minutes', ['speechbrain'], { fw: ['speechbrain'] }),
  A('precision', 'auto_mix_prec', 'precision', ['speechbrain'], { on: 'fp16', fw: ['speechbrain'] }),
  // `opt_class: !name:torch.optim.Adam`: the optimizer constructor the Brain class is given.
  // Recipes that fine-tune a pretrained encoder name one constructor per part (`whisper_opt_class`, `wav2vec_opt_class`
  // for the encoder beside `model_opt_class`/`adam_opt_class` for the head) and the encoder's Hub id as `<model>_hub`
  // (`whisper_hub: openai/whisper-tiny`, `wav2vec2_hub: facebook/wav2vec2-large-lv60`).
  A(
    'optimizer',
    'opt_class whisper_opt_class wav2vec_opt_class wav2vec2_opt_class wavlm_opt_class hubert_opt_class ssl_opt_class',
    'string',
    ['speechbrain'],
    { fw: ['speechbrain'] },
  ),
  A('model', 'whisper_hub wav2vec2_hub wav2vec_hub wavlm_hub hubert_hub ssl_hub', 'string', ['speechbrain'], {
    fw: ['speechbrain'],
  }),
  // fairseq: updates are optimizer steps; `update_freq` is gradient accumulation; `max_tokens` is the tokens of one
  // batch on one GPU (not the run's tokens); `checkpoint.save_interval` counts epochs.
  A('max_steps', 'max_update optimization.max_update', 'int', ['fairseq'], { unit: 'steps', fw: ['fairseq'] }),
  A('epochs', 'max_epoch optimization.max_epoch', 'int', ['fairseq'], { unit: 'epochs', fw: ['fairseq'] }),
  A('grad_accum', 'update_freq optimization.update_freq', 'int', ['fairseq'], { fw: ['fairseq'] }),
  // `--max-sentences` is fairseq's older name of `--batch-size` (`batch_size`, `"argparse_alias": "--max-sentences"` in
  // fairseq/dataclass/configs.py; the RoBERTa pre-training README's `MAX_SENTENCES=16 # Number of sequences per batch`):
  // the sentences of one batch on one GPU.
  A('micro_batch', 'max_sentences dataset.max_sentences', 'int', ['fairseq'], { scope: 'per-device', fw: ['fairseq'] }),
  // denoising-diffusion-pytorch's Trainer and the projects that copy its names: accumulation and total steps.
  A('grad_accum', 'gradient_accumulate_every training.gradient_accumulate_every', 'int', ['ddpm-trainer']),
  A('max_steps', 'train_num_steps', 'int', ['ddpm-trainer'], { unit: 'steps' }),
  // S3PRL runner configs: `runner.gradient_accumulate_steps`, and `optimizer: {name: TorchOptim, torch_optim_name: Adam}`.
  A('grad_accum', 'gradient_accumulate_steps runner.gradient_accumulate_steps', 'int', ['s3prl']),
  A('optimizer', 'torch_optim_name optimizer.torch_optim_name', 'string', ['s3prl']),
  A('devices', 'distributed_world_size distributed_training.distributed_world_size', 'devices', ['fairseq']),
  A('save_steps', 'save_interval_updates checkpoint.save_interval_updates', 'save', ['fairseq'], {
    unit: 'steps',
    fw: ['fairseq'],
  }),
  A('save_steps', 'checkpoint.save_interval', 'save', ['fairseq'], { unit: 'epochs', fw: ['fairseq'] }),
  A('seq_len', 'tokens_per_sample task.tokens_per_sample', 'int', ['fairseq'], { fw: ['fairseq'] }),
  // fairseq's cap on the tokens of one batch: the sentences of a batch are then a cap too (./derive.ts).
  A('batch_tokens', 'dataset.max_tokens max_tokens', 'present', ['fairseq'], { fw: ['fairseq'] }),
  A('none', 'dataset.max_tokens max_tokens', 'present', ['fairseq'], { fw: ['fairseq'] }),
  // verl: the actor's micro-batch per GPU; `data.train_batch_size` counts prompts per step, not samples per device.
  A('micro_batch', 'actor.ppo_micro_batch_size_per_gpu', 'int', ['verl'], { scope: 'per-device', fw: ['verl'] }),
  A('none', 'data.train_batch_size', 'present', ['verl'], { fw: ['verl'] }),
  A('model', 'actor_rollout_ref.model.path', 'string', ['verl'], { fw: ['verl'] }),
  A('grad_checkpointing', 'enable_gradient_checkpointing', 'ac', ['verl']),
  // MaxText: per-device batch, steps, target length, rematerialisation, the base model dimensions.
  A('micro_batch', 'per_device_batch_size', 'int', ['maxtext'], { scope: 'per-device' }),
  A('max_steps', '^steps', 'int', ['maxtext'], { unit: 'steps', fw: ['maxtext'] }),
  A('seq_len', 'max_target_length', 'int', ['maxtext'], { fw: ['maxtext'] }),
  A('grad_checkpointing', 'remat_policy', 'ac', ['maxtext'], { fw: ['maxtext'] }),
  A('arch.hidden', 'base_emb_dim', 'int', ['maxtext'], { fw: ['maxtext'] }),
  A('arch.layers', 'base_num_decoder_layers', 'int', ['maxtext'], { fw: ['maxtext'] }),
  A('arch.heads', 'base_num_query_heads', 'int', ['maxtext'], { fw: ['maxtext'] }),
  A('arch.ffn', 'base_mlp_dim', 'int', ['maxtext'], { fw: ['maxtext'] }),
  // Levanter: examples per device per micro-step.
  A('micro_batch', 'trainer.per_device_parallelism', 'int', ['levanter'], { scope: 'per-device', fw: ['levanter'] }),
  // Ultralytics: `device` names GPU ids — `device=0` one GPU, `device=0,1,2,3` or `[0, 1]` several; `cpu`, `mps` and
  // -1 (the idlest GPU, picked at launch) state no count (https://docs.ultralytics.com/modes/train/#train-settings).
  A('devices', 'device', 'device-ids', ['ultralytics'], { fw: ['ultralytics'] }),
  // Ultralytics' nominal batch, which sets its gradient accumulation (./ultralytics-batch.ts).
  A('nbs', 'nbs train.nbs', 'number', ['ultralytics'], { fw: ['ultralytics'] }),
  // Ultralytics' early-stopping patience in epochs (./ultralytics-train.ts).
  A('patience', 'patience train.patience', 'number', ['ultralytics'], { fw: ['ultralytics'] }),
  A('max_steps', 'trainer.total_training_steps', 'int', ['verl'], { unit: 'steps', fw: ['verl'] }),
  // verl: `trainer.save_freq` counts training steps (-1: no checkpoint during training).
  A('save_steps', 'trainer.save_freq', 'save', ['verl'], { unit: 'steps', fw: ['verl'] }),
  // fairchem / Open Catalyst: `optim.checkpoint_every` steps between checkpoints (-1: none).
  A('save_steps', 'optim.checkpoint_every', 'save', ['fairchem'], { unit: 'steps', fw: ['fairchem'] }),
  // RLlib: `num_workers` are rollout actors, not data-loader workers; its batches are read in ../extract/vocab-jobs.ts
  // (`train_batch_size` is a rollout batch for PPO, the learner's batch for off-policy algorithms).
  A('none', 'config.num_workers config.train_batch_size config.sgd_minibatch_size', 'present', ['rllib'], {
    fw: ['rllib'],
  }),
  // Classy Vision task configs (JSON): the per-process batch of the train split, the batch the optimizer step covers
  // (`simulated_global_batchsize`, reached by accumulation over the processes), the train loader's workers.
  A('micro_batch', 'dataset.train.batchsize_per_replica', 'int', ['classy-vision'], {
    scope: 'per-device',
    fw: ['classy-vision'],
  }),
  A('global_batch', 'simulated_global_batchsize', 'int', ['classy-vision'], { fw: ['classy-vision'] }),
  A('num_workers', 'dataset.train.num_workers', 'int', ['classy-vision'], { fw: ['classy-vision'] }),
  // LAVIS: `run.world_size` is replaced by the launcher's WORLD_SIZE (one process without a launcher), so it states no
  // device count (lavis/common/dist_utils.py `init_distributed_mode`).
  A('none', 'run.world_size', 'present', ['lavis'], { fw: ['lavis'] }),
  // nanotron: parallel degrees under `parallelism:`.
  A('tp', 'parallelism.tp', 'int', ['nanotron']),
  A('pp', 'parallelism.pp', 'int', ['nanotron']),
  A('dp', 'parallelism.dp', 'int', ['nanotron']),
  A('seq_len', 'tokens.sequence_length', 'int', ['nanotron']),
  // ESPnet: epochs, accumulation; `batch_bins` is a budget of frames, not samples.
  A('epochs', 'max_epoch', 'int', ['espnet'], { unit: 'epochs', fw: ['espnet'] }),
  A('grad_accum', 'accum_grad', 'int', ['espnet']),
  A('none', 'batch_bins', 'present', ['espnet'], { fw: ['espnet'] }),
  // OpenNMT-py: accumulation (a one-item list), model dtype, checkpoint steps.
  A('grad_accum', 'accum_count', 'int', ['opennmt']),
  A('precision', 'model_dtype', 'precision', ['opennmt'], { fw: ['opennmt'] }),
  A('save_steps', 'save_checkpoint_steps', 'save', ['opennmt'], { unit: 'steps' }),
  // LeRobot: the run length is `steps`.
  A('max_steps', '^steps', 'int', ['lerobot'], { unit: 'steps', fw: ['lerobot'] }),
  // Coqui TTS trainer: AMP switch, checkpoint steps, loader workers.
  A('precision', 'mixed_precision', 'precision', ['coqui'], { on: 'fp16' }),
  A('save_steps', 'save_step', 'save', ['coqui'], { unit: 'steps' }),
  A('num_workers', 'num_loader_workers', 'int', ['coqui']),
  // TF Model Garden: the runtime's mixed precision policy.
  A('precision', 'mixed_precision_dtype runtime.mixed_precision_dtype', 'precision', ['tfmodels']),
  // MLX LoRA: iterations, saves, checkpointing, the fine-tuning type.
  A('max_steps', 'iters', 'int', ['mlx'], { unit: 'steps', fw: ['mlx'] }),
  A('save_steps', 'steps_per_save', 'save', ['mlx'], { unit: 'steps' }),
  A('grad_checkpointing', 'grad_checkpoint', 'ac', ['mlx']),
  A('peft', 'fine_tune_type', 'peft', ['mlx']),
  // kohya-style and list-of-process diffusion trainers.
  A('epochs', 'max_train_epochs', 'int', ['kohya'], { unit: 'epochs' }),
  A('save_steps', 'save_every_n_epochs', 'save', ['kohya'], { unit: 'epochs' }),
  A('num_workers', 'max_data_loader_n_workers', 'int', ['kohya']),
  A('max_steps', 'train.steps', 'int', ['aitoolkit'], { unit: 'steps' }),
  // PaddleDetection: `epoch`, `snapshot_epoch` (a checkpoint every N epochs), `worker_num`.
  A('epochs', '^epoch', 'int', ['paddledet'], { unit: 'epochs', fw: ['paddledet'] }),
  A('save_steps', 'snapshot_epoch', 'save', ['paddledet'], { unit: 'epochs', fw: ['paddledet'] }),
  A('num_workers', 'worker_num', 'int', ['paddledet'], { fw: ['paddledet'] }),
  // OpenRLHF: the per-GPU micro-batch, the global batch, the length, the model being trained.
  A('micro_batch', 'micro_train_batch_size', 'int', ['openrlhf'], { scope: 'per-device' }),
  A('global_batch', 'train_batch_size', 'int', ['openrlhf'], { scope: 'global', fw: ['openrlhf'] }),
  A('seq_len', 'max_len', 'int', ['openrlhf'], { fw: ['openrlhf'] }),
  A('model', 'pretrain', 'string', ['openrlhf'], { fw: ['openrlhf'] }),
  // LitGPT: `train.log_interval` optimizer steps between logging calls (litgpt/args.py `TrainArgs`; pretrain.py logs
  // every `log_interval × accumulation` iterations, the finetune scripts every `log_interval` iterations).
  A('logging_steps', 'train.log_interval', 'int', ['litgpt'], { unit: 'steps', fw: ['litgpt'] }),
  // OpenRLHF's `--use_wandb` takes the W&B API key (its trainers call `wandb.login(key=args.use_wandb)` and log to
  // W&B whenever it is set): the tracker is W&B (read in ./read.ts without the value, which is a secret).
  A('tracker', 'use_wandb', 'string', ['openrlhf'], { fw: ['openrlhf'] }),
  // TPUEstimator: `train_batch_size` is the global batch; TPU cores (or XLNet's GPUs per host) and hosts.
  A('global_batch', 'train_batch_size', 'int', ['tpu-estimator'], { scope: 'global', fw: ['tpu-estimator'] }),
  A('devices', 'num_tpu_cores tpu_num_cores num_cores', 'devices', ['tpu-estimator'], { fw: ['tpu-estimator'] }),
  A('devices.node', 'num_core_per_host', 'devices', ['tpu-estimator'], { fw: ['tpu-estimator'] }),
  A('nodes', 'num_hosts', 'int', ['tpu-estimator'], { fw: ['tpu-estimator'] }),
  // TensorFlow Estimator `RunConfig(save_checkpoints_steps=N)` (gin `run_config.save_checkpoints_steps`): a checkpoint
  // every N global steps.
  A('save_steps', 'save_checkpoints_steps run_config.save_checkpoints_steps', 'save', ['tf-estimator'], {
    unit: 'steps',
  }),
  // llama-recipes `train_config.batch_size_training`: the batch of each process's DataLoader (a DistributedSampler
  // under FSDP/DDP); an older `micro_batch_size` beside it wins.
  A('micro_batch', 'batch_size_training train_config.batch_size_training', 'int', ['llama-recipes'], {
    scope: 'per-device',
    weak: true,
  }),
  // compare_gan: `options.batch_size` is the global batch ("On TPUs each core will get a fraction of this").
  A('global_batch', 'options.batch_size', 'int', ['compare-gan'], { scope: 'global', fw: ['compare-gan'] }),
  // Determined: GPUs per trial, the searcher's length in batches, epochs or records.
  A('devices', 'slots_per_trial resources.slots_per_trial', 'devices', ['determined']),
  A('max_steps', 'searcher.max_length.batches', 'int', ['determined'], { unit: 'steps', fw: ['determined'] }),
  A('epochs', 'searcher.max_length.epochs', 'int', ['determined'], { unit: 'epochs', fw: ['determined'] }),
  A('train_samples', 'searcher.max_length.records', 'int', ['determined'], { fw: ['determined'] }),
  // VISSL: per-replica batch, epochs, processes per node, AMP, checkpoints every N epochs.
  A('micro_batch', 'data.train.batchsize_per_replica', 'int', ['vissl'], { scope: 'per-device' }),
  A('epochs', 'optimizer.num_epochs', 'int', ['vissl'], { unit: 'epochs', fw: ['vissl'] }),
  A('devices.node', 'distributed.num_proc_per_node', 'devices', ['vissl']),
  A('nodes', 'distributed.num_nodes', 'int', ['vissl']),
  A('precision', 'amp_params.use_amp', 'precision', ['vissl'], { on: 'fp16', off: 'fp32' }),
  A('save_steps', 'checkpoint.checkpoint_frequency', 'save', ['vissl'], { unit: 'epochs', fw: ['vissl'] }),
  A('num_workers', 'data.num_dataloader_workers', 'int', ['vissl']),
  A('grad_checkpointing', 'activation_checkpointing.use_activation_checkpointing', 'ac', ['vissl']),
  // LAVIS: the run's per-GPU batch, epochs, processes and AMP switch under `run:`.
  A('micro_batch', 'run.batch_size_train', 'int', ['lavis'], { scope: 'per-device', fw: ['lavis'] }),
  A('epochs', 'run.max_epoch', 'int', ['lavis'], { unit: 'epochs', fw: ['lavis'] }),
  A('precision', 'run.amp', 'precision', ['lavis'], { on: 'fp16', fw: ['lavis'] }),
  A('lr', 'run.init_lr', 'number', ['lavis'], { fw: ['lavis'] }),
  // pycls: the total mini-batch and epochs; PaddleSeg: iterations. ALBERT's classifier names its steps `train_step`.
  A('global_batch', 'train.batch_size', 'int', ['pycls'], { scope: 'global', fw: ['pycls'] }),
  A('epochs', 'optim.max_epoch', 'int', ['pycls'], { unit: 'epochs', fw: ['pycls'] }),
  // PySlowFast (and its forks: TimeSformer, MViT): TRAIN.BATCH_SIZE is split over NUM_GPUS of each machine (the
  // loader divides it), so it is the batch of all processes of one shard. The optimizer's name; checkpoint period in
  // epochs.
  A('global_batch', 'train.batch_size', 'int', ['pyslowfast'], { scope: 'global', fw: ['pyslowfast'] }),
  A('optimizer', 'solver.optimizing_method', 'string', ['pyslowfast'], { fw: ['pyslowfast'] }),
  A('save_steps', 'train.checkpoint_period', 'save', ['pyslowfast'], { unit: 'epochs', fw: ['pyslowfast'] }),
  // InternEvo: `data.micro_num` micro-batches accumulated per optimizer step (each of `micro_bsz` packed samples).
  A('grad_accum', 'data.micro_num', 'int', ['internevo']),
  A('max_steps', '^iters', 'int', ['paddleseg'], { unit: 'steps', fw: ['paddleseg'] }),
  A('max_steps', 'train_step', 'int', ['tpu-estimator'], { unit: 'steps', fw: ['tpu-estimator'] }),
  // NeMo: exp_manager writes the checkpoints and requires `trainer.enable_checkpointing: false`.
  A('none', 'trainer.enable_checkpointing', 'present', ['nemo'], { fw: ['nemo'] }),
  // Scenic (ml_collections): run length in epochs or steps, the model's dtype, an optax transformation by name.
  A('epochs', 'num_training_epochs', 'int', ['scenic'], { unit: 'epochs' }),
  A('max_steps', 'num_training_steps', 'int', ['scenic'], { unit: 'steps' }),
  A('precision', 'model_dtype_str', 'precision', ['scenic']),
  A('optimizer', 'optax_name optimizer.optax_name', 'string', ['scenic']),
  // MMF: `training.batch_size` is the batch over all GPUs; updates are optimizer steps; `update_frequency` accumulates.
  A('global_batch', 'training.batch_size', 'int', ['mmf'], { scope: 'global', fw: ['mmf'] }),
  A('micro_batch', 'training.batch_size_per_device', 'int', ['mmf'], { scope: 'per-device', fw: ['mmf'] }),
  A('max_steps', 'max_updates training.max_updates', 'int', ['mmf'], { unit: 'steps' }),
  A('grad_accum', 'training.update_frequency', 'int', ['mmf'], { fw: ['mmf'] }),
  // CoreNet: the per-GPU batch at the base resolution, iterations between checkpoints, accumulation.
  A('micro_batch', 'dataset.train_batch_size0 train_batch_size0', 'int', ['corenet'], { scope: 'per-device' }),
  A('save_steps', 'save_interval_freq common.save_interval_freq', 'save', ['corenet'], { unit: 'steps' }),
  A('grad_accum', 'common.accum_freq accum_freq', 'int', ['corenet']),
  // mmengine: gradient accumulation of the optimizer wrapper.
  A('grad_accum', 'optim_wrapper.accumulative_counts accumulative_counts', 'int', ['mmengine']),
  // Megatron-LM / GPT-NeoX launchers name GPT-2's BPE files instead of a vocabulary size: its 50,257 tokens
  // (https://huggingface.co/openai-community/gpt2/blob/main/config.json, 2019). A stated size wins (weak row).
  A('arch.vocab', 'vocab_file', 'string', ['megatron', 'neox'], { weak: true }),
  // Megatron-DeepSpeed's GPT launchers name each GPT-3 shape by its size in billions (`## GPT-3 Small 125M`,
  // `model_size=0.125` above `num_layers=12`, `hidden_size=768`), a nominal size that counts the embeddings the layer
  // shape leaves out when no vocabulary is stated (../vocabulary/derive.ts).
  A('arch.nominal_b', 'model_size', 'number', ['megatron-deepspeed'], { fw: ['megatron'], variable: true }),
  // The ZeRO stage where a trainer's own config states it (DeepSpeed's `zero_optimization.stage`, accelerate's
  // `deepspeed_config.zero_stage`, trainers' `zero_stage`); 0 is a stage (../extract/deepspeed.ts reads DeepSpeed files).
  A('zero_stage', 'zero_stage zero_optimization.stage deepspeed_config.zero_stage', 'int', ['deepspeed', 'accelerate']),
  // GPT-Neo (Mesh TensorFlow): the batch over the whole mesh, the context trained on, the optimizer by name.
  A('global_batch', 'train_batch_size', 'int', ['gpt-neo'], { scope: 'global', fw: ['gpt-neo'] }),
  A('seq_len', 'n_ctx', 'int', ['gpt-neo'], { fw: ['gpt-neo'] }),
  A('optimizer', 'opt_name', 'string', ['gpt-neo']),
  A('grad_checkpointing', 'recompute_grad', 'ac', ['gpt-neo']),
  // Research launchers' checkpoint cadence in steps (Open-Sora-Plan's VAE trainer).
  A('save_steps', 'save_ckpt_step save_ckpt_steps', 'save', ['opensora'], { unit: 'steps' }),
  // OpenNMT-py: the quantization of a LoRA fine-tune's frozen weights (`bnb_NF4`: QLoRA).
  A('quantized', 'quant_type', 'string', ['opennmt']),
  // Validation cadences of iteration-based trainers that have no strategy switch: BasicSR's `val.val_freq`
  // (iterations), the diffusers training scripts' `validation_steps` ("Run validation every X steps"), the
  // `val_check_interval` of Lightning-style trainers (an int counts training batches). ../extract/vocab-run.ts reads
  // them as evaluation every N steps on a run measured in steps.
  A('eval_steps', 'val_freq validation_steps val_check_interval', 'int', ['basicsr', 'diffusers', 'lightning'], {
    unit: 'steps',
  }),
  // LLaVA and the projects built on its train.py: `--lora_enable True` trains LoRA adapters, off by default.
  A('peft', 'lora_enable', 'peft', ['llava']),
];
