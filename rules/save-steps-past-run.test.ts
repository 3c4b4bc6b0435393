import { runRuleCases } from '../test/helpers/rule-harness';
import { saveStepsPastRun } from './save-steps-past-run';

const script = (
  model: string,
  args: string,
) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("${model}")
args = TrainingArguments(
    output_dir="out",
    bf16=True,
${args}
)
Trainer(model=model, args=args).train()
`;

runRuleCases(saveStepsPastRun, [
  {
    name: 'save_steps larger than the whole run: on that argument, the fix saves every ≈ 30 min',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    max_steps=3000,\n    per_device_train_batch_size=8,\n    gradient_accumulation_steps=8,\n    save_steps=5000,',
    ),
    settings: { hardware: 'h100' },
    expect: [
      { line: 9, column: 5, endColumn: 20, severity: 'warning', messageIncludes: 'save_steps=5000 is not reached' },
    ],
    // An 8 B model: the new interval keeps only the last two checkpoints, so that the fix raises no GML304.
    fixes: [{ applicability: 'safe', outputIncludes: ['save_strategy="steps"', 'save_steps=', 'save_total_limit=2'] }],
  },
  {
    name: 'a short but heavy run (8 steps): the proposed interval ends before the run, and the fix clears the finding',
    code: script(
      'meta-llama/Llama-3.1-70B',
      '    max_steps=8,\n    per_device_train_batch_size=64,\n    gradient_accumulation_steps=64,\n    save_steps=9,',
    ),
    settings: { hardware: 'h100' },
    expect: [{ line: 9, messageIncludes: 'save_steps=9 is not reached' }],
    // ≈ 50 min per step: half an hour of training is one step, well before the run's 8.
    fixes: [
      { applicability: 'safe', titleIncludes: 'Save a checkpoint every 1 step (', outputIncludes: ['save_steps=1,'] },
    ],
  },
  {
    name: 'a save interval inside the run is fine',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    max_steps=3000,\n    per_device_train_batch_size=8,\n    gradient_accumulation_steps=8,\n    save_steps=500,',
    ),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'steps resting on the assumed dataset size: information that names the assumption',
    // Two epochs: one epoch of the assumed 50,000 examples of up to 512 tokens is estimated under an hour since the
    // core takes unpacked examples at part of their length, and a run that short is not flagged.
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    num_train_epochs=2,\n    per_device_train_batch_size=8,\n    gradient_accumulation_steps=8,\n    save_steps=2000,',
    ),
    settings: { hardware: 'h100' },
    expect: [
      {
        line: 9,
        column: 5,
        endColumn: 20,
        severity: 'information',
        messageIncludes: 'assuming 50,000 examples per epoch on one device (set greenml.datasetSize',
      },
    ],
    fixes: [{ applicability: 'safe', outputIncludes: ['save_steps='] }],
  },
  {
    name: 'the same run with its dataset size set: the length is known, so the finding is a warning',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    num_train_epochs=1,\n    per_device_train_batch_size=8,\n    gradient_accumulation_steps=8,\n    save_steps=2000,',
    ),
    settings: { hardware: 'h100', datasetSize: 100_000 },
    expect: [{ line: 9, severity: 'warning', messageExcludes: 'assuming' }],
    fixes: [{ applicability: 'safe', outputIncludes: ['save_steps='] }],
  },
  {
    name: 'assumed dataset size, but the interval falls inside the assumed run: nothing to say',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    num_train_epochs=3,\n    per_device_train_batch_size=8,\n    save_steps=500,',
    ),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'a model the tables do not know: steps known, duration unknown: information',
    code: script('my-org/private-model', '    max_steps=3000,\n    save_steps=5000,'),
    settings: { hardware: 'h100' },
    expect: [{ line: 7, severity: 'information', messageIncludes: 'duration is unknown' }],
    fixes: [{ applicability: 'safe', outputIncludes: ['save_steps=250'] }],
  },
  {
    name: 'a short run needs no checkpoint',
    code: script('openai-community/gpt2', '    max_steps=100,\n    save_steps=5000,'),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);

// Config formats: HF-args YAML, Megatron flags (the message quotes the setting as the file writes it).
const hfYaml = (model: string, extra: string) =>
  `model_name_or_path: ${model}\noutput_dir: out\nper_device_train_batch_size: 4\nnum_train_epochs: 3\nbf16: true\n${extra}`;
const megatron = (save: number) =>
  `#!/bin/bash\ntorchrun --nproc_per_node 8 pretrain_gpt.py \\\n    --num-layers 24 --hidden-size 2048 --num-attention-heads 16 \\\n    --seq-length 2048 --max-position-embeddings 2048 \\\n    --micro-batch-size 4 --global-batch-size 256 \\\n    --train-iters 20000 --bf16 \\\n    --save ckpt --save-interval ${save}\n`;

runRuleCases(saveStepsPastRun, [
  {
    name: 'HF-args YAML: save_steps beyond a 7 B run, on that line',
    file: '/case/sft.yaml',
    code: hfYaml('meta-llama/Llama-2-7b-hf', 'max_steps: 30000\nsave_steps: 50000\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 7, column: 1, messageIncludes: 'save_steps: 50000 is not reached' }],
    fixes: [{ applicability: 'safe', outputIncludes: ['save_steps: '] }],
  },
  {
    name: 'HF-args YAML: save_steps within the run',
    file: '/case/sft.yaml',
    code: hfYaml('meta-llama/Llama-2-7b-hf', 'max_steps: 30000\nsave_steps: 5000\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Megatron flags: --save-interval 50000 past --train-iters 20000, quoted as written',
    file: '/case/pretrain.sh',
    code: megatron(50000),
    settings: { hardware: 'h100' },
    expect: [{ line: 7, messageIncludes: '--save-interval 50000 is not reached' }],
  },
  {
    name: 'Megatron flags: --save-interval 1000',
    file: '/case/pretrain.sh',
    code: megatron(1000),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);
