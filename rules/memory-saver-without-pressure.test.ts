import { runRuleCases } from '../test/helpers/rule-harness';
import { memorySaverWithoutPressure } from './memory-saver-without-pressure';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, per_device_train_batch_size=8, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(memorySaverWithoutPressure, [
  {
    name: 'gradient checkpointing on a 125 M model on an 80 GB GPU: the fix turns it off',
    code: script('openai-community/gpt2', 'gradient_checkpointing=True'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 3, column: 84, messageIncludes: 'Gradient checkpointing recomputes' }],
    fixes: [
      {
        applicability: 'unsafe',
        titleIncludes: 'Turn off gradient checkpointing',
        output: script('openai-community/gpt2', 'gradient_checkpointing=False'),
      },
    ],
  },
  {
    name: 'an 8 B model needs it on one GPU',
    code: script('meta-llama/Llama-3.1-8B', 'gradient_checkpointing=True'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'unknown hardware: GPT-2 uses little of even a 24 GB card, information saying so',
    code: script('openai-community/gpt2', 'gradient_checkpointing=True'),
    expect: [{ line: 3, severity: 'information', messageIncludes: 'hardware not stated' }],
  },
  {
    name: 'unknown hardware: an 8 B model may need it, silent',
    code: script('meta-llama/Llama-3.1-8B', 'gradient_checkpointing=True'),
    expect: [],
  },
  {
    name: "TRL's default checkpointing is not written: not flagged",
    code: `from trl import SFTConfig, SFTTrainer\nconfig = SFTConfig(output_dir="out")\nSFTTrainer(model="openai-community/gpt2", args=config).train()\n`,
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'empty_cache on every step of a loop',
    code: `import torch\nmodel = Net().cuda()\nfor x, y in loader:\n    loss = model(x.cuda()).sum()\n    loss.backward()\n    opt.step()\n    torch.cuda.empty_cache()\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 7, messageIncludes: 'empty_cache' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'empty_cache every 100 steps is a choice',
    code: `import torch\nmodel = Net().cuda()\nfor step, (x, y) in enumerate(loader):\n    loss = model(x.cuda()).sum()\n    loss.backward()\n    opt.step()\n    if step % 100 == 0:\n        torch.cuda.empty_cache()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Config formats: axolotl YAML, torchtune YAML.
const axolotl = (model: string) =>
  `base_model: ${model}\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\nsequence_len: 1024\nmicro_batch_size: 4\nnum_epochs: 3\nbf16: auto\ngradient_checkpointing: true\n`;
const torchtune = (model: string) =>
  `output_dir: /tmp/out\nmodel:\n  _component_: torchtune.models.${model}\ncheckpointer:\n  _component_: torchtune.training.FullModelHFCheckpointer\n  checkpoint_dir: /tmp/${model.includes('8b') ? 'Meta-Llama-3.1-8B-Instruct' : 'Llama-3.2-1B-Instruct'}/\ndataset:\n  _component_: torchtune.datasets.alpaca_cleaned_dataset\nbatch_size: 4\nepochs: 1\ngradient_accumulation_steps: 1\nenable_activation_checkpointing: True\ndtype: bf16\ndevice: cuda\n`;

runRuleCases(memorySaverWithoutPressure, [
  {
    name: 'axolotl YAML: checkpointing on a 0.5 B model, on that line; turned off in YAML',
    file: '/case/sft.yml',
    code: axolotl('Qwen/Qwen2.5-0.5B'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 9, column: 1 }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['gradient_checkpointing: false'] }],
  },
  {
    name: 'axolotl YAML: a 7 B full fine-tune needs it',
    file: '/case/sft.yml',
    code: axolotl('mistralai/Mistral-7B-v0.1'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'torchtune YAML: activation checkpointing on Llama 3.2 1B on an 80 GB GPU, on that line',
    file: '/case/full.yaml',
    code: torchtune('llama3_2.llama3_2_1b'),
    settings: { hardware: 'h100' },
    expect: [{ line: 12, column: 1 }],
  },
  {
    name: 'torchtune YAML: Llama 3.2 1B with the hardware unknown may need it on a 24 GB card, silent',
    file: '/case/full.yaml',
    code: torchtune('llama3_2.llama3_2_1b'),
    expect: [],
  },
  {
    name: 'torchtune YAML: Llama 3.1 8B full fine-tune needs it',
    file: '/case/full.yaml',
    code: torchtune('llama3_1.llama3_1_8b'),
    expect: [],
  },
]);

// ZeRO-Offload in the DeepSpeed config a Trainer script names: the finding is on the offload device, in the config.
const hfDeepspeed = (model: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=3, per_device_train_batch_size=8, deepspeed="ds_config.json")\nTrainer(model=model, args=args).train()\n`;
const dsConfig = (zero: string) =>
  `{\n  "train_micro_batch_size_per_gpu": "auto",\n  "bf16": {"enabled": "auto"},\n  "zero_optimization": {\n${zero}\n  }\n}\n`;
const STAGE2_CPU = '    "stage": 2,\n    "offload_optimizer": {"device": "cpu", "pin_memory": true}';
const STAGE3_NVME =
  '    "stage": 3,\n    "offload_optimizer": {"device": "nvme", "nvme_path": "/local_nvme"},\n    "offload_param": {"device": "nvme", "nvme_path": "/local_nvme"}';

const accelerateConfig = (device: string) =>
  `compute_environment: LOCAL_MACHINE\ndeepspeed_config:\n  gradient_accumulation_steps: 1\n  offload_optimizer_device: ${device}\n  offload_param_device: none\n  zero_stage: 2\ndistributed_type: DEEPSPEED\nmixed_precision: bf16\nnum_machines: 1\nnum_processes: 1\n`;

runRuleCases(memorySaverWithoutPressure, [
  {
    name: 'ZeRO-Offload to the CPU for a 0.5 B model on an 80 GB GPU: on the device, the fix keeps the state on the GPU',
    file: '/case/ds_config.json',
    code: dsConfig(STAGE2_CPU),
    files: { '/case/train.py': hfDeepspeed('Qwen/Qwen2.5-0.5B') },
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 6, column: 27, endColumn: 42, messageIncludes: 'ZeRO-Offload moves training state to CPU' }],
    fixes: [{ applicability: 'unsafe', output: dsConfig(STAGE2_CPU.replace('"cpu"', '"none"')) }],
  },
  {
    name: 'ZeRO-3 offloading optimizer and weights to NVMe: both put back on the GPU',
    file: '/case/ds_config.json',
    code: dsConfig(STAGE3_NVME),
    files: { '/case/train.py': hfDeepspeed('Qwen/Qwen2.5-0.5B') },
    settings: { hardware: 'h100' },
    expect: [{ line: 6, messageIncludes: 'NVMe' }],
    fixes: [{ applicability: 'unsafe', output: dsConfig(STAGE3_NVME.replaceAll('"nvme"', '"none"')) }],
  },
  {
    name: 'must not: an 8 B full fine-tune needs the offload on an 80 GB GPU',
    file: '/case/ds_config.json',
    code: dsConfig(STAGE2_CPU),
    files: { '/case/train.py': hfDeepspeed('meta-llama/Llama-3.1-8B') },
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'must not: offload device "none" is no offload',
    file: '/case/ds_config.json',
    code: dsConfig(STAGE2_CPU.replace('"cpu"', '"none"')),
    files: { '/case/train.py': hfDeepspeed('Qwen/Qwen2.5-0.5B') },
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'must not: hardware unknown, a 0.5 B model may need the offload on a 24 GB card',
    file: '/case/ds_config.json',
    code: dsConfig(STAGE2_CPU),
    files: { '/case/train.py': hfDeepspeed('Qwen/Qwen2.5-0.5B') },
    expect: [],
  },
  {
    name: 'hardware unknown, GPT-2 fits half a 24 GB card: information that says so',
    file: '/case/ds_config.json',
    code: dsConfig(STAGE2_CPU),
    files: { '/case/train.py': hfDeepspeed('openai-community/gpt2') },
    expect: [{ line: 6, severity: 'information', messageIncludes: 'hardware not stated' }],
  },
  {
    name: 'accelerate config: offload_optimizer_device cpu for a 0.5 B model launched on one 80 GB GPU, fixed in YAML',
    file: '/case/acc.yaml',
    code: accelerateConfig('cpu'),
    files: {
      '/case/train.py': hfDeepspeed('Qwen/Qwen2.5-0.5B').replace(', deepspeed="ds_config.json"', ''),
      '/case/launch.sh': 'accelerate launch --config_file acc.yaml train.py\n',
    },
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 4, column: 3 }],
    fixes: [{ applicability: 'unsafe', output: accelerateConfig('none') }],
  },
]);
