import { runRuleCases } from '../test/helpers/rule-harness';
import { overprovisionedAccelerators } from './overprovisioned-accelerators';

const script = (model: string, steps = 300) =>
  `from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments\nmodel = AutoModelForSequenceClassification.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=${steps}, per_device_train_batch_size=16)\nTrainer(model=model, args=args).train()\n`;
const launch = (n: number) => `#!/bin/bash\nset -e\ntorchrun --nproc_per_node ${n} train.py\n`;

runRuleCases(overprovisionedAccelerators, [
  {
    name: 'eight GPUs from torchrun for a short BERT fine-tune: on the launcher flag',
    file: '/case/launch.sh',
    code: launch(8),
    files: { '/case/train.py': script('google-bert/bert-base-uncased') },
    settings: { hardware: 'a100' },
    expect: [{ line: 3, messageIncludes: '8 devices for a model that fits one' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'one GPU',
    file: '/case/launch.sh',
    code: launch(1),
    files: { '/case/train.py': script('google-bert/bert-base-uncased') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a model that does not fit one GPU',
    file: '/case/launch.sh',
    code: launch(8),
    files: { '/case/train.py': script('meta-llama/Llama-3.1-70B') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'devices from the workspace setting describe the machine, not this run',
    code: script('google-bert/bert-base-uncased'),
    settings: { hardware: 'a100', devices: 8 },
    expect: [],
  },
]);

// Config formats: Megatron shell flags, NeMo YAML, torchtitan TOML (parallel degrees).
const megatron = (layers: number, hidden: number, tp: number) =>
  `#!/bin/bash\ntorchrun --nproc_per_node 8 pretrain_gpt.py \\\n    --num-layers ${layers} --hidden-size ${hidden} --num-attention-heads 16 \\\n    --seq-length 2048 --max-position-embeddings 2048 \\\n    --micro-batch-size 4 --global-batch-size 256 \\\n    --tensor-model-parallel-size ${tp} \\\n    --train-iters 20000 --bf16\n`;
const nemo = (tp: number) =>
  `name: megatron_gpt\ntrainer:\n  devices: 8\n  precision: bf16-mixed\n  max_steps: 20000\nmodel:\n  micro_batch_size: 4\n  global_batch_size: 256\n  tensor_model_parallel_size: ${tp}\n  encoder_seq_length: 2048\n  num_layers: 12\n  hidden_size: 768\n  num_attention_heads: 12\n`;
const titan = (flavor: string, tp: number) =>
  `[model]\nname = "llama3"\nflavor = "${flavor}"\n\n[training]\nlocal_batch_size = 2\nseq_len = 4096\nsteps = 2000\n\n[parallelism]\ndata_parallel_shard_degree = -1\ntensor_parallel_degree = ${tp}\n`;

runRuleCases(overprovisionedAccelerators, [
  {
    name: 'Megatron flags: tensor parallelism 4 for a 350 M model, on the flag, hardware unknown',
    file: '/case/pretrain.sh',
    code: megatron(24, 1024, 4),
    expect: [
      { line: 6, severity: 'information', messageIncludes: 'Tensor parallelism of 4 for a model that fits one' },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'Megatron flags: tensor parallelism 1 is data parallelism',
    file: '/case/pretrain.sh',
    code: megatron(24, 1024, 1),
    expect: [],
  },
  {
    name: 'Megatron flags: tensor parallelism 8 for a 13 B model that does not fit one device',
    file: '/case/pretrain.sh',
    code: megatron(40, 5120, 8),
    expect: [],
  },
  {
    name: 'NeMo YAML: no tensor parallelism, 8 devices for a long run',
    file: '/case/megatron_gpt.yaml',
    code: nemo(1),
    expect: [],
  },
  {
    name: 'torchtitan TOML: tensor parallelism for Llama 3 8B (does not fit one device) is right',
    file: '/case/llama3_8b.toml',
    code: titan('8B', 2),
    expect: [],
  },
]);
