// Which training format a YAML/JSON file is, from its CONTENT (each format's signature keys), never from its
// name: a GitHub workflow or a docker-compose file matches nothing and gives no runs (a Kubernetes manifest is a launcher).
import type { ConfigDoc } from './config-doc';
import { isWandbSweep } from './wandb-sweep';
import { AZURE_KEYS } from './azureml';

export type ConfigFormat =
  | 'deepspeed'
  | 'accelerate'
  | 'axolotl'
  | 'llamafactory'
  | 'torchtune'
  | 'lightning-cli'
  | 'hf-args'
  | 'hydra'
  | 'skypilot'
  | 'dstack'
  | 'kubernetes'
  | 'azureml'
  | 'mosaicml'
  | 'wandb-sweep';

const HF_ARG_KEYS = [
  'per_device_train_batch_size',
  'learning_rate',
  'num_train_epochs',
  'max_steps',
  'gradient_accumulation_steps',
  'bf16',
  'fp16',
  'save_strategy',
  'save_steps',
  'gradient_checkpointing',
];
const TRAINER_KEYS = [
  'precision',
  'max_epochs',
  'max_steps',
  'devices',
  'accelerator',
  'accumulate_grad_batches',
  'callbacks',
  'strategy',
  'num_nodes',
];

export function detectFormat(doc: ConfigDoc): ConfigFormat | undefined {
  const keys = new Set(doc.keys());
  const has = (...k: string[]) => k.some((x) => keys.has(x));
  const dsSection = ['fp16', 'bf16', 'optimizer', 'scheduler'].some((k) =>
    doc.keys([k]).some((x) => x === 'enabled' || x === 'type'),
  );
  if (
    (has('zero_optimization', 'train_micro_batch_size_per_gpu') || (keys.has('train_batch_size') && dsSection)) &&
    !keys.has('output_dir') &&
    !keys.has('base_model')
  )
    return 'deepspeed';
  if (keys.has('compute_environment') && keys.has('distributed_type')) return 'accelerate';
  if (keys.has('base_model') && has('datasets', 'micro_batch_size', 'sequence_len')) return 'axolotl';
  if (
    (keys.has('stage') && keys.has('finetuning_type')) ||
    (keys.has('model_name_or_path') && keys.has('template') && has('stage', 'finetuning_type', 'cutoff_len', 'dataset'))
  )
    return 'llamafactory';
  const components = [...keys].some((k) => doc.keys([k]).includes('_component_'));
  if (
    components &&
    has(
      'dtype',
      'epochs',
      'batch_size',
      'enable_activation_checkpointing',
      'checkpointer',
      'gradient_accumulation_steps',
    )
  )
    return 'torchtune';
  if (isWandbSweep(doc)) return 'wandb-sweep';
  if (doc.syntax === 'yaml' && keys.has('resources') && keys.has('run')) return 'skypilot';
  // A dstack task is a launcher (./dstack): `type: task` and its `commands:` lines.
  if (doc.syntax === 'yaml' && doc.field(['type'])?.value === 'task' && doc.length(['commands']) > 0) return 'dstack';
  // A Kubernetes manifest is a launcher (./kubernetes): its containers' commands and the GPUs its pods request.
  if (doc.syntax === 'yaml' && keys.has('apiVersion') && keys.has('kind') && keys.has('spec')) return 'kubernetes';
  // A MosaicML run config is a launcher (./mosaicml): `image:`, `command:` and the GPUs under `compute:` (or `gpu_num:`).
  if (
    doc.syntax === 'yaml' &&
    keys.has('command') &&
    keys.has('image') &&
    (doc.keys(['compute']).some((k) => ['gpus', 'gpu_type', 'cluster', 'nodes', 'instance'].includes(k)) ||
      typeof doc.field(['gpu_num'])?.value === 'number')
  )
    return 'mosaicml';
  // An Azure ML command job is a launcher (./azureml): its `command:` and the processes its distribution starts.
  if (doc.syntax === 'yaml' && keys.has('command') && AZURE_KEYS.filter((k) => keys.has(k)).length >= 2)
    return 'azureml';
  const defaults = doc.syntax === 'yaml' && doc.length(['defaults']) > 0;
  const lightningCli =
    keys.has('trainer') &&
    doc.keys(['trainer']).some((k) => TRAINER_KEYS.includes(k)) &&
    has('model', 'data', 'seed_everything', 'ckpt_path', 'optimizer', 'lr_scheduler');
  // Trainer arguments under `trainer:` (Lightning CLI, and NeMo-style `Trainer(**cfg.trainer)` configs) stay Lightning
  // unless the file composes others or names the Trainer with `_target_`.
  if (lightningCli && !defaults && !doc.keys(['trainer']).includes('_target_')) return 'lightning-cli';
  // Hydra: a top-level `defaults:` list, or `_target_:` nodes (GitHub workflows' `defaults:` is a mapping).
  if (defaults || (doc.syntax === 'yaml' && hasTarget(doc, [], 0))) return 'hydra';
  if (lightningCli) return 'lightning-cli';
  // The arguments of a diffusers/accelerate example script (`train_batch_size`, `max_train_steps`,
  // `checkpointing_steps`) share `output_dir` and `learning_rate` with TrainingArguments but are not read by it.
  const scriptArgs =
    has('train_batch_size', 'max_train_steps', 'checkpointing_steps') && !has('per_device_train_batch_size');
  if (keys.has('output_dir') && has(...HF_ARG_KEYS) && !scriptArgs) return 'hf-args';
  return undefined;
}

function hasTarget(doc: ConfigDoc, at: string[], depth: number): boolean {
  const keys = doc.keys(at);
  if (keys.includes('_target_')) return true;
  return depth < 3 && keys.slice(0, 50).some((k) => hasTarget(doc, [...at, k], depth + 1));
}
