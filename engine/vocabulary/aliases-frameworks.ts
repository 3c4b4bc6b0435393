// Vocabulary rows of frameworks whose configs are read through the vocabulary alone (no reader of their own):
// self-supervised vision (DINO/DINOv2), SpeechBrain hyperparameter files, fairseq's structured configs, verl RL
// post-training, MaxText, Levanter, Ultralytics, NeMo. Each row names the framework it is specific to (`fw`) and
// where that framework documents the key (./sources.ts).
import { A, type Alias } from './aliases';

export const FRAMEWORK_ROWS: Alias[] = [
  // DINO: `saveckp_freq` checkpoints every N epochs.
  A('save_steps', 'saveckp_freq', 'save', ['dino', 'dinov2'], { unit: 'epochs', fw: ['dinov2'] }),
  // SpeechBrain: the epoch counter's limit, the gradient accumulation run option, and time-based checkpoints.
  A('epochs', 'number_of_epochs epoch_counter.limit', 'int', ['speechbrain'], { unit: 'epochs' }),
  A('grad_accum', 'grad_accumulation_factor', 'int', ['speechbrain']),
  A('periodic_save', 'ckpt_interval_minutes ckpt_interval_steps', 'minutes', ['speechbrain'], { fw: ['speechbrain'] }),
  A('precision', 'auto_mix_prec', 'precision', ['speechbrain'], { on: 'fp16', fw: ['speechbrain'] }),
  // fairseq: updates are optimizer steps; `update_freq` is gradient accumulation; `max_tokens` is the tokens of one
  // batch on one GPU (not the run's tokens); `checkpoint.save_interval` counts epochs.
  A('max_steps', 'max_update optimization.max_update', 'int', ['fairseq'], { unit: 'steps', fw: ['fairseq'] }),
  A('epochs', 'max_epoch optimization.max_epoch', 'int', ['fairseq'], { unit: 'epochs', fw: ['fairseq'] }),
  A('grad_accum', 'update_freq optimization.update_freq', 'int', ['fairseq'], { fw: ['fairseq'] }),
  A('devices', 'distributed_world_size distributed_training.distributed_world_size', 'devices', ['fairseq']),
  A('save_steps', 'save_interval_updates checkpoint.save_interval_updates', 'save', ['fairseq'], {
    unit: 'steps',
    fw: ['fairseq'],
  }),
  A('save_steps', 'checkpoint.save_interval', 'save', ['fairseq'], { unit: 'epochs', fw: ['fairseq'] }),
  A('seq_len', 'tokens_per_sample task.tokens_per_sample', 'int', ['fairseq'], { fw: ['fairseq'] }),
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
  // Ultralytics: `device: 0,1,2,3` names the GPUs.
  A('devices', 'device', 'devices', ['ultralytics'], { fw: ['ultralytics'] }),
  // NeMo: exp_manager writes the checkpoints and requires `trainer.enable_checkpointing: false`.
  A('none', 'trainer.enable_checkpointing', 'present', ['nemo'], { fw: ['nemo'] }),
];
