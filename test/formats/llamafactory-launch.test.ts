// LLaMA-Factory run through its own `src/train.py` (older releases `src/train_bash.py`) instead of `llamafactory-cli`
// (development round 24): the launcher's `--stage … --finetuning_type …` flags with LLaMA-Factory's defaults, its
// activation checkpointing above all. Fixtures written for this project in the style of those launchers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const LAUNCH = (script: string, flags: string) => `export LLAMA_FACTORY=/opt/LLaMA-Factory
CUDA_VISIBLE_DEVICES=0,1 torchrun --nproc_per_node 2 ${script} \\
    --stage sft \\
    --do_train \\
    --model_name_or_path Qwen/Qwen1.5-0.5B \\
    --template qwen \\
    --dataset alpaca_en \\
    --cutoff_len 1024 \\
    --per_device_train_batch_size 4 \\
    --gradient_accumulation_steps 8 \\
    --learning_rate 1e-5 \\
    --num_train_epochs 2 \\
    --output_dir out \\
    --bf16 ${flags}
`;

test('LLaMA-Factory flags to its train.py: checkpointing on by default, LoRA unless finetuning_type says otherwise', async () => {
  const full = await analyze({ 'run.sh': LAUNCH('$LLAMA_FACTORY/src/train.py', '--finetuning_type full') }, 'run.sh');
  assert.deepEqual(
    [fact(full, 'grad_checkpointing')?.value, fact(full, 'grad_checkpointing')?.origin],
    [true, 'framework-default'],
  );
  assert.equal(fact(full, 'peft')?.value, 'none');
  const lora = await analyze({ 'run.sh': LAUNCH('src/train_bash.py', '') }, 'run.sh');
  assert.deepEqual([fact(lora, 'grad_checkpointing')?.value, fact(lora, 'peft')?.value], [true, 'lora']);
});

test('must not: --disable_gradient_checkpointing turns LLaMA-Factory checkpointing off', async () => {
  const a = await analyze(
    { 'run.sh': LAUNCH('src/train.py', '--finetuning_type full --disable_gradient_checkpointing True') },
    'run.sh',
  );
  assert.equal(fact(a, 'grad_checkpointing')?.value, false);
});

test('must not: TrainingArguments flags (a chat template among them) without LLaMA-Factory stage get no such default', async () => {
  const a = await analyze({ 'run.sh': LAUNCH('train_sft.py', '').replace('    --stage sft \\\n', '') }, 'run.sh');
  assert.notEqual(fact(a, 'grad_checkpointing')?.value, true);
  assert.notEqual(fact(a, 'peft')?.value, 'lora');
});
