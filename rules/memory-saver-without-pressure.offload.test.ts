// GML204 on FSDP's CPU offload, as each framework spells it (engine/extract/fsdp-offload.ts): the same finding as
// ZeRO-Offload where the run fits half the GPU with everything on it, and silent where the offload is needed, off, or
// only moves a checkpoint to the CPU when it is saved.
import { runRuleCases } from '../test/helpers/rule-harness';
import { memorySaverWithoutPressure } from './memory-saver-without-pressure';

const hfScript = (model: string, extra = '') =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=3, per_device_train_batch_size=8${extra})\nTrainer(model=model, args=args).train()\n`;

const accelerateFsdp = (offload: string) =>
  `compute_environment: LOCAL_MACHINE\ndistributed_type: FSDP\nfsdp_config:\n  fsdp_auto_wrap_policy: TRANSFORMER_BASED_WRAP\n  fsdp_offload_params: ${offload}\n  fsdp_sharding_strategy: FULL_SHARD\nmixed_precision: bf16\nnum_machines: 1\nnum_processes: 1\n`;

/** A hand-written FSDP loop of a causal LM, with what it passes to FullyShardedDataParallel. */
const torchFsdp = (model: string, wrap: string, before = '') =>
  `import torch
from torch.distributed.fsdp import FullyShardedDataParallel as FSDP, CPUOffload
from transformers import AutoModelForCausalLM
${before}model = AutoModelForCausalLM.from_pretrained("${model}", torch_dtype=torch.bfloat16)
model = FSDP(model, ${wrap})
opt = torch.optim.AdamW(model.parameters(), lr=1e-5, fused=True)
for epoch in range(3):
    for batch in loader:
        loss = model(**batch).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

const axolotl = (model: string, offload: string) =>
  `base_model: ${model}\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\nsequence_len: 1024\nmicro_batch_size: 2\nnum_epochs: 1\nbf16: true\nfsdp:\n  - full_shard\n  - auto_wrap\nfsdp_config:\n  fsdp_offload_params: ${offload}\n  fsdp_state_dict_type: FULL_STATE_DICT\n`;

/** A Lightning module fine-tuning a causal LM, trained with the strategy given. */
const lightning = (strategy: string) =>
  `import lightning as L
from lightning.pytorch.strategies import FSDPStrategy
from transformers import AutoModelForCausalLM

class LM(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.model = AutoModelForCausalLM.from_pretrained("openai-community/gpt2")

    def training_step(self, batch, batch_idx):
        return self.model(**batch).loss

trainer = L.Trainer(max_epochs=3, precision="bf16-mixed", strategy=${strategy})
trainer.fit(LM(), train_loader)
`;

const torchtune = (model: string, dir: string, offload: string) =>
  `output_dir: /tmp/out\nmodel:\n  _component_: torchtune.models.${model}\ncheckpointer:\n  _component_: torchtune.training.FullModelHFCheckpointer\n  checkpoint_dir: /tmp/${dir}/\ndataset:\n  _component_: torchtune.datasets.alpaca_cleaned_dataset\nbatch_size: 2\nepochs: 1\ngradient_accumulation_steps: 1\nfsdp_cpu_offload: ${offload}\ndtype: bf16\ndevice: cuda\n`;

const a100 = { hardware: 'a100-80gb' };
const launch = { '/case/launch.sh': 'accelerate launch --config_file acc.yaml train.py\n' };

runRuleCases(memorySaverWithoutPressure, [
  {
    name: 'accelerate FSDP config: fsdp_offload_params true for a 0.5 B model on one 80 GB GPU, set to false in YAML',
    file: '/case/acc.yaml',
    code: accelerateFsdp('true'),
    files: { '/case/train.py': hfScript('Qwen/Qwen2.5-0.5B'), ...launch },
    settings: a100,
    expect: [{ line: 5, column: 3, messageIncludes: "FSDP's CPU offload moves training state to CPU" }],
    fixes: [{ applicability: 'unsafe', titleIncludes: 'no FSDP CPU offload', output: accelerateFsdp('false') }],
  },
  {
    name: 'must not: accelerate FSDP config with fsdp_offload_params false',
    file: '/case/acc.yaml',
    code: accelerateFsdp('false'),
    files: { '/case/train.py': hfScript('Qwen/Qwen2.5-0.5B'), ...launch },
    settings: a100,
    expect: [],
  },
  {
    name: 'must not: accelerate FSDP offload of an 8 B full fine-tune, which needs it on an 80 GB GPU',
    file: '/case/acc.yaml',
    code: accelerateFsdp('true'),
    files: { '/case/train.py': hfScript('meta-llama/Llama-3.1-8B'), ...launch },
    settings: a100,
    expect: [],
  },
  {
    name: 'PyTorch FSDP with CPUOffload(offload_params=True) for GPT-2 on an 80 GB GPU: the keyword set to False',
    code: torchFsdp('openai-community/gpt2', 'cpu_offload=CPUOffload(offload_params=True)'),
    settings: a100,
    expect: [{ line: 5, messageIncludes: "FSDP's CPU offload" }],
    fixes: [
      {
        applicability: 'unsafe',
        output: torchFsdp('openai-community/gpt2', 'cpu_offload=CPUOffload(offload_params=False)'),
      },
    ],
  },
  {
    name: 'Lightning FSDPStrategy(cpu_offload=True) for GPT-2 on an 80 GB GPU: cpu_offload=False',
    code: lightning('FSDPStrategy(cpu_offload=True)'),
    settings: a100,
    expect: [{ line: 13, messageIncludes: "FSDP's CPU offload" }],
    fixes: [{ applicability: 'unsafe', output: lightning('FSDPStrategy(cpu_offload=False)') }],
  },
  {
    name: 'must not: Lightning FSDPStrategy(cpu_offload=False)',
    code: lightning('FSDPStrategy(cpu_offload=False)'),
    settings: a100,
    expect: [],
  },
  {
    name: 'must not: CPUOffload under a command-line flag that is off by default',
    code: torchFsdp(
      'openai-community/gpt2',
      'cpu_offload=offload',
      'import argparse\np = argparse.ArgumentParser()\np.add_argument("--cpu_offload", action="store_true")\nargs = p.parse_args()\noffload = None\nif args.cpu_offload:\n    offload = CPUOffload(offload_params=True)\n',
    ),
    settings: a100,
    expect: [],
  },
  {
    name: 'must not: offloads that only gather a checkpoint on the CPU when it is saved',
    code: torchFsdp(
      'openai-community/gpt2',
      'device_id=torch.cuda.current_device()',
      'from torch.distributed.checkpoint.state_dict import StateDictOptions\nfrom torch.distributed.fsdp import FullStateDictConfig\nsave_opts = StateDictOptions(full_state_dict=True, cpu_offload=True)\nsave_cfg = FullStateDictConfig(offload_to_cpu=True, rank0_only=True)\n',
    ),
    settings: a100,
    expect: [],
  },
  {
    name: 'transformers fsdp="full_shard offload" for a 0.5 B model on an 80 GB GPU: the word offload removed',
    code: hfScript('Qwen/Qwen2.5-0.5B', ', fsdp="full_shard offload"'),
    settings: a100,
    expect: [{ line: 3, messageIncludes: "FSDP's CPU offload" }],
    fixes: [{ applicability: 'unsafe', output: hfScript('Qwen/Qwen2.5-0.5B', ', fsdp="full_shard"') }],
  },
  {
    name: 'must not: transformers fsdp="full_shard auto_wrap" without offload',
    code: hfScript('Qwen/Qwen2.5-0.5B', ', fsdp="full_shard auto_wrap"'),
    settings: a100,
    expect: [],
  },
  {
    name: 'HF-args YAML: fsdp "full_shard auto_wrap offload" for a 0.5 B model, fixed in YAML',
    file: '/case/args.yaml',
    code: 'model_name_or_path: Qwen/Qwen2.5-0.5B\noutput_dir: out\nper_device_train_batch_size: 4\nnum_train_epochs: 3\nbf16: true\nfsdp: "full_shard auto_wrap offload"\n',
    settings: a100,
    expect: [{ line: 6 }],
    fixes: [
      {
        applicability: 'unsafe',
        output:
          'model_name_or_path: Qwen/Qwen2.5-0.5B\noutput_dir: out\nper_device_train_batch_size: 4\nnum_train_epochs: 3\nbf16: true\nfsdp: "full_shard auto_wrap"\n',
      },
    ],
  },
  {
    name: 'axolotl YAML: fsdp_offload_params true for a 0.5 B model on an 80 GB GPU, on that line',
    file: '/case/sft.yml',
    code: axolotl('Qwen/Qwen2.5-0.5B', 'true'),
    settings: a100,
    expect: [{ line: 13 }],
    fixes: [{ applicability: 'unsafe', output: axolotl('Qwen/Qwen2.5-0.5B', 'false') }],
  },
  {
    name: 'must not: axolotl YAML, a QLoRA adapter on a 0.5 B base with the offload (FSDP-QLoRA recipes), as for checkpointing',
    file: '/case/sft.yml',
    code: axolotl('Qwen/Qwen2.5-0.5B', 'true').replace(
      'bf16: true\n',
      'bf16: true\nadapter: qlora\nload_in_4bit: true\n',
    ),
    settings: a100,
    expect: [],
  },
  {
    name: 'must not: axolotl YAML, a 7 B full fine-tune needs the offload',
    file: '/case/sft.yml',
    code: axolotl('mistralai/Mistral-7B-v0.1', 'true'),
    settings: a100,
    expect: [],
  },
  {
    name: 'torchtune YAML: fsdp_cpu_offload True for Llama 3.2 1B on an 80 GB GPU, set to False',
    file: '/case/full.yaml',
    code: torchtune('llama3_2.llama3_2_1b', 'Llama-3.2-1B-Instruct', 'True'),
    settings: { hardware: 'h100' },
    expect: [{ line: 12, column: 1 }],
    fixes: [{ applicability: 'unsafe', output: torchtune('llama3_2.llama3_2_1b', 'Llama-3.2-1B-Instruct', 'False') }],
  },
  {
    name: 'must not: torchtune YAML, Llama 3.1 70B full fine-tune needs the offload',
    file: '/case/full.yaml',
    code: torchtune('llama3_1.llama3_1_70b', 'Meta-Llama-3.1-70B-Instruct', 'True'),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);
