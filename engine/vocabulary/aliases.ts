// The vocabulary: each spelling of a training knob (matched as a key-path suffix, lower case, `-` as `_`; a leading
// `^` anchors it at the top level), the fact it means, how its value is read, its scope (per-device or global batch)
// and unit (steps, epochs, tokens, samples), the frameworks it is specific to (none: any file), and where those
// frameworks document it (./sources.ts). Framework rows beat generic rows, a longer suffix a shorter one; facts read
// through a generic row in a file of no known framework are `inferred`.
import { A, type Alias } from './alias-types';

export { A } from './alias-types';
export type { Alias, Reader, Target } from './alias-types';

export const ALIASES: Alias[] = [
  // --- precision ---
  A('precision', 'precision trainer.precision trainer.mp mixed_precision training.mixed_precision', 'precision', [
    'lightning',
    'composer',
    'accelerate',
    'diffusers',
    'litgpt',
    'olmo',
    'nemo',
    'neox',
  ]),
  A('precision', 'mixed_precision_param training.mixed_precision_param', 'precision', ['torchtitan'], {
    fw: ['torchtitan'],
  }),
  A('precision', 'param_dtype mixed_precision.param_dtype compute_dtype train_dtype amp_dtype', 'precision', [
    'torchtitan',
    'torchtune',
    'timm',
    'composer',
  ]),
  A('precision', '^dtype training.dtype train.dtype trainer.dtype model.dtype network.t5config.dtype', 'precision', [
    'torchtune',
    't5x',
  ]),
  A('precision', 'bf16 bf16.enabled use_bf16', 'precision', ['hf', 'deepspeed', 'megatron', 'neox'], {
    on: 'bf16',
  }),
  A('precision', 'fp16 fp16.enabled use_fp16 half', 'precision', ['hf', 'deepspeed', 'megatron', 'neox'], {
    on: 'fp16',
  }),
  A('precision', 'fp8 fp8_format fp8.enabled use_fp8', 'precision', ['megatron'], { on: 'fp8' }),
  A('precision', 'solver.amp.enabled train.amp.enabled', 'precision', ['detectron2', 'lazyconfig'], {
    on: 'fp16',
    off: 'fp32',
  }),
  A('precision', 'amp use_amp enable_amp amp.enabled', 'precision', ['timm', 'ultralytics', 'pytorch'], {
    on: 'fp16',
    off: 'fp32',
  }),
  A('precision', 'half_precision', 'precision', ['mlcollections'], { on: 'fp16', off: 'fp32' }),
  A('precision', 'optim_wrapper.type', 'precision', ['mmengine'], { fw: ['mmengine'] }),
  A('precision', 'optim_wrapper.dtype', 'precision', ['mmengine'], { fw: ['mmengine'] }),
  // mmcv 1.x: `fp16 = dict(loss_scale='dynamic')` (or a number) turns on the Fp16OptimizerHook.
  A('precision', '^fp16.loss_scale', 'precision', ['mmengine'], { on: 'fp16', fw: ['mmengine'] }),
  // mmseg/mmdet 1.x `optimizer_config = dict(type='DistOptimizerHook', use_fp16=False)`: the hook's own switch.
  A('precision', 'optimizer_config.use_fp16', 'precision', ['mmengine'], { on: 'fp16', off: 'fp32', fw: ['mmengine'] }),
  // --- batch: per-device and global ---
  A(
    'micro_batch',
    'micro_batch_size train.micro_batch_size train_micro_batch_size_per_gpu per_device_train_batch_size device_train_microbatch_size local_batch_size training.local_batch_size batch_size_per_device batch_size_per_gpu samples_per_gpu per_gpu_batch_size train_batch_size_per_device',
    'int',
    ['megatron', 'litgpt', 'deepspeed', 'hf', 'olmo', 'torchtitan', 'mmengine', 'neox', 'composer'],
    { scope: 'per-device' },
  ),
  A('micro_batch', 'train_batch_size', 'int', ['diffusers', 'accelerate'], {
    scope: 'per-device',
    fw: ['diffusers', 'generic'],
  }),
  A('micro_batch', 'training.batch_size', 'int', ['torchtitan'], { scope: 'per-device', fw: ['torchtitan'] }),
  A('micro_batch', 'train_dataloader.batch_size data.samples_per_gpu', 'int', ['mmengine'], {
    scope: 'per-device',
    fw: ['mmengine'],
  }),
  // `batchsize` (one word) is the same knob in research configs (the neural-operator repositories' `train: batchsize: 8`
  // read by `DataLoader(batch_size=config['train']['batchsize'])`).
  A(
    'micro_batch',
    'batch_size train.batch_size training.batch_size data.batch_size dataloader.batch_size train_loader.batch_size fit.batch_size batchsize train.batchsize training.batchsize data.batchsize',
    'int',
    ['pytorch', 'lightning', 'timm', 'keras'],
    // pycls's and PySlowFast's TRAIN.BATCH_SIZE is the total over their GPUs (a row of their own).
    { scope: 'per-device', notFw: ['pycls', 'pyslowfast'] },
  ),
  A(
    'global_batch',
    'global_batch_size train.global_batch_size global_train_batch_size training.global_batch_size total_batch_size effective_batch_size',
    'int',
    ['megatron', 'litgpt', 'olmo', 'composer', 'torchtitan', 'open-lm'],
    { scope: 'global' },
  ),
  A('global_batch', 'train_batch_size', 'int', ['deepspeed'], { scope: 'global', fw: ['gpt-neox', 'deepspeed'] }),
  A('global_batch', 'solver.ims_per_batch dataloader.train.total_batch_size', 'int', ['detectron2', 'lazyconfig'], {
    scope: 'global',
    fw: ['detectron2', 'detectron2-lazy'],
  }),
  A('global_batch', 'trainer.train_batch_size', 'int', ['levanter'], { scope: 'global', fw: ['levanter'] }),
  A('global_batch', 'batch train.batch', 'int', ['ultralytics'], { scope: 'global', fw: ['ultralytics'] }),
  A('global_batch', 'batch_size batch_size utils.datasetconfig.batch_size', 'int', ['t5x'], {
    scope: 'global',
    fw: ['t5x'],
  }),
  A(
    'grad_accum',
    'gradient_accumulation_steps batch_accumulation_per_replica grad_accum grad_acc grad_accum_steps accumulate_grad_batches gradient_accumulation accum_iter accumulation_steps gradient_accumulation_iters accum_freq',
    'int',
    ['hf', 'lightning', 'deepspeed', 'torchtune', 'neox', 'litgpt', 'composer', 'open-lm', 'open-clip'],
  ),
  // --- run length ---
  A(
    'max_steps',
    'max_steps train_iters max_iter max_iters num_train_steps train_steps total_steps max_train_steps training.steps num_steps total_iters train_cfg.max_iters solver.max_iter train.max_iter trainer.max_steps iterations',
    'int',
    [
      'hf',
      'megatron',
      'detectron2',
      'lazyconfig',
      'mmengine',
      'torchtitan',
      'diffusers',
      'neox',
      'litgpt',
      'composer',
      'olmo',
    ],
    { unit: 'steps' },
  ),
  A('max_steps', 'train_steps train_script.train.total_steps', 'int', ['t5x'], { unit: 'steps', fw: ['t5x'] }),
  A(
    'epochs',
    'epochs num_epochs max_epochs num_train_epochs train_epochs train.epochs trainer.max_epochs train_cfg.max_epochs total_epochs runner.max_epochs n_epochs',
    'int',
    ['hf', 'lightning', 'mmengine', 'ultralytics', 'timm', 'keras', 'litgpt', 'composer', 'darts'],
    { unit: 'epochs' },
  ),
  // A run's token budget (LitGPT's `train.max_tokens`). A `max_tokens` inside another section is not: the tokens of
  // one batch (fairseq-style data loaders: `datamodule.max_tokens: 6000`, fairseq's `dataset.max_tokens`) or of one
  // generation; only a top-level one is read as the budget.
  A(
    'train_tokens',
    '^max_tokens train.max_tokens train_tokens total_tokens training.max_tokens num_tokens',
    'int',
    ['litgpt', 'composer'],
    { unit: 'tokens', notFw: ['fairseq'] },
  ),
  A('train_samples', 'train_samples max_samples', 'int', ['megatron'], {
    unit: 'samples',
    fw: ['megatron', 'nemo'],
  }),
  A('duration', 'max_duration', 'duration', ['composer', 'olmo']),
  // --- sequence length ---
  A(
    'seq_len',
    'seq_len seq_length max_seq_len max_seq_length sequence_len sequence_length max_sequence_length context_length block_size encoder_seq_length cutoff_len train.max_seq_length training.seq_len data.seq_length',
    'int',
    ['torchtitan', 'megatron', 'litgpt', 'olmo', 'composer', 'hf', 'neox', 'nemo', 't5x'],
  ),
  A('seq_len', 'model_max_length max_length', 'int', ['hf'], { weak: true }),
  // --- evaluation cadence: TrainingArguments' names, also in launchers and configs whose script is not in view ---
  A('eval_strategy', 'evaluation_strategy eval_strategy', 'string', ['hf']),
  A('eval_steps', 'eval_steps eval_interval interval_val val_interval', 'int', ['hf'], { unit: 'steps' }),
  // --- logging cadence and tracker (TrainingArguments' names; GML702 reads them) ---
  A('logging_steps', 'logging_steps', 'int', ['hf'], { unit: 'steps' }),
  A('tracker', 'report_to', 'string', ['hf']),
  // --- checkpoint content: TrainingArguments' `save_only_model` ("prevents resuming training from the checkpoint"),
  // also on the command line of launchers whose Trainer-based script is not in the tree (ms-swift, LLaMA-Factory) ---
  A('save_only_model', 'save_only_model', 'bool', ['hf']),
  // --- checkpoint cadence ---
  A(
    'save_steps',
    'save_interval save_steps save_every_n_steps checkpointing_steps checkpoint_every checkpoint.interval checkpoint_interval ckpt_interval every_n_train_steps save_freq checkpoint_period solver.checkpoint_period train.checkpointer.period checkpointsaveconfig.period savecheckpointconfig.period checkpoint_factor save_every save_frequency checkpoint_frequency checkpoint.frequency save_ckpt_freq ckpt_freq save_model_freq save_model_every',
    'save',
    [
      'megatron',
      'torchtitan',
      'torchtune',
      'diffusers',
      'detectron2',
      'lazyconfig',
      'olmo',
      'composer',
      't5x',
      'neox',
      'litgpt',
      'mmengine',
      'nemo',
    ],
    { unit: 'steps' },
  ),
  A(
    'save_steps',
    'save_period default_hooks.checkpoint.interval checkpoint_config.interval',
    'save',
    ['ultralytics', 'mmengine'],
    { unit: 'epochs', fw: ['ultralytics', 'mmengine'] },
  ),
  A('periodic_save', 'enable_checkpoint checkpoint.enable_checkpoint checkpoint.enable enable_checkpointing', 'bool', [
    'torchtitan',
    'lightning',
  ]),
  // --- data loading, compile, activation checkpointing, PEFT, optimizer ---
  A(
    'num_workers',
    'num_workers workers dataloader_num_workers dataloader.num_workers workers_per_gpu num_dataloader_workers num_data_workers train_dataloader.num_workers data.workers_per_gpu',
    'int',
    ['pytorch', 'hf', 'detectron2', 'mmengine', 'timm', 'ultralytics'],
  ),
  A(
    'compile',
    'compile torch_compile torchcompile compile.enable use_torch_compile use_compile compile_model training.compile',
    'bool',
    ['torchtitan', 'hf', 'timm', 'olmo', 'litgpt', 'composer'],
  ),
  // Not `recompute_method`: Megatron-LM and NeMo read the method only under a `recompute_granularity` (null: none).
  A(
    'grad_checkpointing',
    'activation_checkpointing gradient_checkpointing enable_activation_checkpointing checkpoint_activations recompute_granularity recompute_activations activation_checkpoint.mode activations_checkpoint_granularity grad_checkpointing fsdp_config.activation_checkpointing use_gradient_checkpointing activation_checkpointing.mode grad_checkpoint use_grad_checkpoint',
    'ac',
    ['megatron', 'torchtitan', 'hf', 'olmo', 'composer', 'timm', 'nemo', 'neox'],
  ),
  A(
    'peft',
    'lora_r lora_rank lora.r lora.rank peft peft_type use_lora finetuning_type adapter peft.peft_scheme lora_config.r',
    'peft',
    ['peft', 'litgpt', 'nemo'],
  ),
  A(
    'optimizer',
    'optimizer optim opt optimizer.name optimizer.type optimizer._component_ optim_wrapper.optimizer.type solver.optimizer optimizer.class_path optimizer._target_ optim._target_ optim.name optim.type optim.optimizer optimizer_type optimizer_name',
    'string',
    [
      'hf',
      'timm',
      'mmengine',
      'olmo',
      'ultralytics',
      'litgpt',
      'torchtitan',
      'composer',
      'neox',
      'megatron',
      'hydra',
      'hydra-defaults',
      'espnet',
      'wenet',
    ],
  ),
  A('optimizer', 'optimizer.class', 'string', ['torchdrug']),
  A('optimizer', 'optimizer.target', 'string', ['target-params']),
  A('lr', 'lr learning_rate base_lr solver.base_lr optimizer.lr max_lr peak_lr optim.lr', 'number', [
    'hf',
    'megatron',
    'detectron2',
    'litgpt',
    'torchtitan',
    'olmo',
    'composer',
    'timm',
    'mmengine',
    'neox',
    'lazyconfig',
    't5x',
  ]),
  // --- parallelism (device counts: ./devices.ts; devices from launchers: ../extract/launcher-devices.ts) ---
  A(
    'tp',
    'tensor_model_parallel_size tensor_parallel_degree tensor_parallel_size tp_size model_parallel_size parallelism.tensor_parallel_degree partitioning.pjitpartitioner.num_partitions',
    'int',
    ['megatron', 'torchtitan', 'neox', 'nemo', 't5x'],
  ),
  A(
    'pp',
    'pipeline_model_parallel_size pipeline_parallel_degree pipe_parallel_size pp_size pipeline_parallel_size',
    'int',
    ['megatron', 'torchtitan', 'neox', 'nemo'],
  ),
  A('dp', 'data_parallel_shard_degree data_parallel_replicate_degree dp_size data_parallel_size', 'int', [
    'torchtitan',
    'megatron',
  ]),
  // --- model: a named checkpoint, else its architecture ---
  A(
    'model',
    'model_name_or_path model_path_or_name pretrained_model_name_or_path base_model model_name model_id hf_model_name pretrained_model_name model.pretrained_model_name_or_path model.name model.model_name model arch hf_checkpoint',
    'string',
    ['hf', 'litgpt', 'composer', 'torchtitan', 'timm', 'ultralytics'],
  ),
  // LitGPT's `checkpoint_dir` is the downloaded model a run starts from (`checkpoints/EleutherAI/pythia-160m`,
  // litgpt/finetune/full.py `setup(checkpoint_dir=…)`). Elsewhere a `checkpoint_dir` is where a run writes its own
  // checkpoints (`"checkpoint_dir": "runs/exp1/ckpt"` beside `"model": "densenet"`): an output folder, no model.
  A('model', 'checkpoint_dir', 'string', ['litgpt'], { fw: ['litgpt'] }),
  // The class a config instantiates as the model (Hydra `_target_`, LightningCLI `class_path`; the network inside a
  // LightningModule wrapper, which ../extract/model-name.ts does not take for the model), a GAN's generator
  // (BasicSR's `network_g`, ParallelWaveGAN/ESPnet's `generator_type`), the pretrained encoder DPR-style configs name,
  // and a model config file (`--model_config configs/llama_60m.json`: its stem is the model).
  A(
    'model',
    'model._target_ model.net._target_ model.network._target_ model.class_path net.class_path network.class_path',
    'string',
    ['hydra', 'lightning-cli'],
  ),
  A('model', 'network_g.type generator_type pretrained_model_cfg model_config model_config_path', 'string', [
    'basicsr',
    'espnet',
    'dpr',
    'galore',
  ]),
  A('model.flavor', 'model.flavor', 'string', ['torchtitan'], { fw: ['torchtitan'] }),
  A('arch.layers', 'n_layers num_layers n_layer num_hidden_layers model.n_layers model_config.n_layer nlayers', 'int', [
    'olmo',
    'megatron',
    'litgpt',
    'hf',
    'composer',
  ]),
  A('arch.hidden', 'd_model hidden_size n_embd dim model_dim emb_dim model.d_model n_embed', 'int', [
    'olmo',
    'megatron',
    'litgpt',
    'hf',
    't5x',
  ]),
  A('arch.heads', 'n_heads num_attention_heads n_head num_heads', 'int', ['olmo', 'megatron', 'litgpt', 'hf']),
  A('arch.vocab', 'vocab_size padded_vocab_size n_vocab embedding_size vocab', 'int', [
    'olmo',
    'megatron',
    'litgpt',
    'hf',
  ]),
  A('arch.ffn', 'ffn_hidden_size intermediate_size d_ff mlp_dim ffn_dim mlp_hidden_size', 'int', [
    'megatron',
    'hf',
    'olmo',
    't5x',
  ]),
  A('arch.mlp_ratio', 'mlp_ratio expansion_ratio', 'number', ['olmo', 'composer']),
  // Mixture-of-experts (Hugging Face MixtralConfig / Qwen2MoeConfig / DeepseekV3Config / OlmoeConfig, Megatron-LM's
  // --num-experts, --moe-router-topk, --moe-ffn-hidden-size): the total and active sizes follow (./derive.ts).
  A('arch.experts', 'num_local_experts num_experts n_routed_experts moe_num_experts', 'int', ['hf-moe', 'megatron']),
  A('arch.topk', 'num_experts_per_tok num_experts_per_token moe_router_topk moe_top_k', 'int', ['hf-moe', 'megatron']),
  A('arch.moe_ffn', 'moe_intermediate_size moe_ffn_hidden_size', 'int', ['hf-moe', 'megatron']),
  A('arch.shared_experts', 'n_shared_experts num_shared_experts', 'int', ['hf-moe']),
  A('arch.shared_ffn', 'shared_expert_intermediate_size moe_shared_expert_intermediate_size', 'int', [
    'hf-moe',
    'megatron',
  ]),
  A('arch.glu', 'swiglu activation activation_type mlp_class_name bias_activation_fusion gated_linear_unit', 'string', [
    'megatron',
    'olmo',
    'litgpt',
  ]),
  A('arch.untied', 'untie_embeddings_and_output_weights no_weight_tying', 'bool', ['megatron', 'neox']),
  A('quantized', 'quantize quantization load_in_4bit bnb_4bit_quant_type quantization.bits', 'string', [
    'litgpt',
    'peft',
  ]),
  A('arch.tied', 'weight_tying tie_word_embeddings tie_embeddings share_embeddings', 'bool', ['olmo', 'hf']),
  // --- modality signals (no sequence length for images or audio) ---
  A(
    'vision',
    'imgsz image_size img_size resolution crop_size input.min_size_train img_scale train_crop_size patch_size',
    'present',
    ['ultralytics', 'timm', 'detectron2', 'mmengine', 'diffusers'],
  ),
  A('audio', 'sample_rate sampling_rate n_mels num_mel_bins audio_length', 'present', ['hf']),
  // --- Python-config frameworks (./frameworks-py.ts) ---
  // JAX trainers split `config.batch_size` over every device: it is the global batch (Flax examples, big_vision).
  A('global_batch', 'batch_size input.batch_size batch_size_train', 'int', ['flax-imagenet', 'big-vision'], {
    scope: 'global',
    fw: ['mlcollections'],
  }),
  A('save_steps', 'ckpt_steps checkpoint_steps', 'save', ['big-vision'], { unit: 'steps', fw: ['mlcollections'] }),
  A('model', 'model_name', 'string', ['big-vision'], { fw: ['mlcollections'] }),
  // Research-code spellings of run length, checkpoint cadence and per-replica batch (any file; read as `inferred`).
  A('max_steps', 'n_iters num_iters num_iterations max_iterations', 'int', ['score-sde', 'mesh-jax'], {
    unit: 'steps',
  }),
  A(
    'save_steps',
    'snapshot_freq ckpt_every save_every_steps checkpoint_freq save_interval_steps',
    'save',
    ['score-sde', 'mesh-jax'],
    { unit: 'steps' },
  ),
  A('micro_batch', 'per_replica_batch batch_size_per_replica', 'int', ['mesh-jax'], { scope: 'per-device' }),
  // Gradient boosting counts its run in boosting rounds (one tree per round and class): the run's iterations.
  A('max_steps', 'num_boost_round num_round n_estimators num_trees', 'int', ['xgboost', 'lightgbm'], {
    unit: 'steps',
  }),
  // DeepChem's `model.fit(dataset, nb_epoch=…)` (the Keras 1 spelling); Flair's `mini_batch_size`.
  A('epochs', 'nb_epoch', 'int', ['deepchem'], { unit: 'epochs' }),
  A('micro_batch', 'mini_batch_size', 'int', ['flair'], { scope: 'per-device' }),

  // The split named after the quantity (`batch_size_train`, `num_steps_train`: variational diffusion models).
  A('micro_batch', 'batch_size_train', 'int', ['vdm']),
  A('max_steps', 'num_steps_train', 'int', ['vdm'], { unit: 'steps' }),
  A('epochs', 'max_epoch', 'int', ['blip'], { unit: 'epochs' }),
  // BasicSR option files (Real-ESRGAN, GFPGAN and other restoration models): per-GPU loaders, iterations, a
  // generator optimizer `optim_g` beside a discriminator's.
  A('num_workers', 'num_worker_per_gpu', 'int', ['basicsr']),
  A('max_steps', 'total_iter', 'int', ['basicsr'], { unit: 'steps' }),
  A('save_steps', 'save_checkpoint_freq', 'save', ['basicsr'], { unit: 'steps' }),
  A('optimizer', 'optim_g.type', 'string', ['basicsr']),
  A('lr', 'init_lr', 'number', ['blip']),
  // DeePMD-kit input JSON: `training.numb_steps` is the run length, `learning_rate.start_lr` the initial rate.
  A('max_steps', 'training.numb_steps', 'int', ['deepmd'], { unit: 'steps' }),
  A('lr', 'learning_rate.start_lr start_lr', 'number', ['deepmd']),
  // spaCy config.cfg (INI): `[training.optimizer] learn_rate`; `max_steps` and `max_epochs` are the generic rows.
  A('lr', 'training.optimizer.learn_rate', 'number', ['spacy']),
  // OLMo-core states batch sizes in tokens: ../extract/vocab-models.ts divides them by the sequence length.
  A('precision', 'autocast_precision', 'precision', ['olmo-core'], { fw: ['olmo-core'] }),
  A('micro_batch', 'rank_microbatch_size', 'int', ['olmo-core'], { scope: 'per-device', fw: ['olmo-core'] }),
  A('global_batch', 'global_batch_size', 'int', ['olmo-core'], { scope: 'global', fw: ['olmo-core'] }),
  A('duration', 'max_duration', 'duration', ['olmo-core'], { fw: ['olmo-core'] }),
  // RWKV-LM's train.py flags (`--micro_bsz`, `--ctx_len`, `--grad_cp 1`) and InternEvo's `data.micro_bsz` (samples in
  // one micro-batch of one process).
  A('micro_batch', 'micro_bsz', 'int', ['rwkv', 'internevo'], { scope: 'per-device' }),
  A('seq_len', 'ctx_len', 'int', ['rwkv']),
  A('grad_checkpointing', 'grad_cp', 'ac', ['rwkv']),
  // The training images' side in pixels (the training crop); kept only for a vision run (./derive.ts).
  A(
    'resolution',
    'imgsz image_size img_size crop_size train_crop_size resolution global_crops_size crops.global_crops_size',
    'size',
    ['ultralytics', 'timm', 'diffusers', 'dinov2'],
  ),
];
