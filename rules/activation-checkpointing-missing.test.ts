import { runRuleCases } from '../test/helpers/rule-harness';
import { activationCheckpointingMissing } from './activation-checkpointing-missing';

const script = (
  args: string,
) => `from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments
tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B")
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-3B")
data = raw.map(lambda b: tok(b["text"], truncation=True, max_length=2048), batched=True)
args = TrainingArguments(
    output_dir="out",
    bf16=True,
${args}
)
Trainer(model=model, args=args, train_dataset=data).train()
`;

runRuleCases(activationCheckpointingMissing, [
  {
    name: 'a 3B full fine-tune at micro-batch 2 × 2048 tokens fills an 80 GB GPU: checkpoint and double the micro-batch',
    code: script('    per_device_train_batch_size=2,\n    gradient_accumulation_steps=16,'),
    settings: { hardware: 'a100-80gb' },
    expect: [{ line: 5, severity: 'information', messageIncludes: 'Memory is tight' }],
    fixTitleIncludes: 'Enable gradient checkpointing',
    fixedIncludes: ['gradient_checkpointing=True'],
  },
  {
    name: 'already checkpointing',
    code: script('    per_device_train_batch_size=2,\n    gradient_checkpointing=True,'),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'plenty of memory (H200, 141 GB): not tight',
    code: script('    per_device_train_batch_size=2,'),
    settings: { hardware: 'h200' },
    expect: [],
  },
  {
    name: 'must not: the same run with ZeRO-Offload of the optimizer states keeps less on the GPU than the model counts',
    code: script('    per_device_train_batch_size=2,\n    gradient_accumulation_steps=16,\n    deepspeed="ds.json",'),
    files: {
      '/case/ds.json':
        '{"zero_optimization": {"stage": 2, "offload_optimizer": {"device": "cpu"}}, "bf16": {"enabled": "auto"}}\n',
    },
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
  {
    name: 'unknown hardware: silent',
    code: script('    per_device_train_batch_size=2,'),
    expect: [],
  },
  {
    name: 'must not: the same run with FSDP CPU offload (fsdp="full_shard auto_wrap offload")',
    code: script(
      '    per_device_train_batch_size=2,\n    gradient_accumulation_steps=16,\n    fsdp="full_shard auto_wrap offload",',
    ),
    settings: { hardware: 'a100-80gb' },
    expect: [],
  },
]);
