import { runRuleCases } from '../test/helpers/rule-harness';
import { evalTooFrequent } from './eval-too-frequent';

// Configs of iteration-based trainers that validate every N iterations with no strategy switch (BasicSR-style
// `val.val_freq`, diffusers-style `validation_steps`), read through the shared vocabulary. Fixtures written for
// these tests.
const basicsr = (valFreq: string, length = '  total_iter: 300000') => `name: train_SRx4
model_type: SRModel
scale: 4
num_gpu: 4
datasets:
  train:
    name: DIV2K
    batch_size_per_gpu: 16
    num_worker_per_gpu: 6
network_g:
  type: RRDBNet
  num_block: 23
train:
  optim_g:
    type: Adam
    lr: !!float 2e-4
${length}
val:
  val_freq: ${valFreq}
  save_img: false
logger:
  save_checkpoint_freq: !!float 5e3
`;
const diffusers = (extra: string) => `pretrained_model_name_or_path: runwayml/stable-diffusion-v1-5
train_batch_size: 4
gradient_accumulation_steps: 1
max_train_steps: 20000
learning_rate: 1.0e-5
mixed_precision: fp16
checkpointing_steps: 2000
${extra}
`;

runRuleCases(evalTooFrequent, [
  {
    name: 'BasicSR-style val.val_freq every 2,000 of 300,000 iterations: 150 validations; the fix rewrites val_freq',
    file: '/case/options/train_SRx4.yml',
    code: basicsr('!!float 2e3'),
    expect: [{ line: 19, severity: 'information', messageIncludes: '150 evaluations' }],
    fixes: [{ applicability: 'safe', outputIncludes: ['  val_freq: !!float 10000\n'] }],
  },
  {
    name: 'validation_steps every 100 of 20,000 training steps: 200 validations',
    file: '/case/configs/train.yaml',
    code: diffusers('validation_steps: 100'),
    expect: [{ line: 8, severity: 'information', messageIncludes: '200 evaluations' }],
  },
  {
    name: 'must not: a validation every 10,000 of 300,000 iterations is 30 validations',
    file: '/case/options/train_SRx4.yml',
    code: basicsr('10000'),
    expect: [],
  },
  {
    name: 'must not: a run measured in epochs, whose val_freq may count epochs',
    file: '/case/options/train_SRx4.yml',
    code: basicsr('5', '  epochs: 300'),
    expect: [],
  },
  {
    name: "must not: TrainingArguments' eval_steps without eval_strategy (its default is no evaluation)",
    file: '/case/configs/train.yaml',
    code: diffusers('eval_steps: 20'),
    expect: [],
  },
  {
    name: 'must not: val_check_interval 1.0 is once per epoch',
    file: '/case/configs/train.yaml',
    code: diffusers('val_check_interval: 1.0'),
    expect: [],
  },
]);
