// A Megatron-DeepSpeed GPT launcher names its shape by size (`## GPT-3 Small 125M`, `model_size=0.125` above
// `num_layers=12`, `hidden_size=768`). Without a stated vocabulary the layer count leaves the embeddings out, so the
// named size is the model's; a named size that disagrees with the shape, or a stated vocabulary, leaves the count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const launcher = (size: string, tokenizer: string) => `#!/bin/bash
seq_len=2048
## GPT-3 Small 125M
model_size=${size}
num_layers=12
hidden_size=768
num_attn_heads=12
global_batch_size=256
train_tokens=$((300 * 1000 * 1000 * 1000))
deepspeed pretrain_gpt.py \\
  --num-layers \${num_layers} \\
  --hidden-size \${hidden_size} \\
  --num-attention-heads \${num_attn_heads} \\
  --seq-length \${seq_len} \\
  --max-position-embeddings \${seq_len} \\
  --micro-batch-size 4 \\
  --global-batch-size \${global_batch_size} \\
  --train-tokens \${train_tokens} \\
  ${tokenizer} \\
  --fp16
`;

test('the size a Megatron-DeepSpeed launcher names its GPT shape by, when no vocabulary is stated', async () => {
  const sh = launcher('0.125', '--tokenizer-type SentencePieceTokenizer --tokenizer-model tok.model');
  const a = await analyze({ 'run.sh': sh }, 'run.sh');
  assert.equal(fact(a, 'params')?.value, 125_000_000);
  assert.equal(fact(a, 'train_tokens')?.value, 300_000_000_000);
});

test('a named size that disagrees with the shape is not taken: the layers are counted', async () => {
  const sh = launcher('1.3', '--tokenizer-type SentencePieceTokenizer --tokenizer-model tok.model');
  const a = await analyze({ 'run.sh': sh }, 'run.sh');
  assert.equal(fact(a, 'params')?.value, 12 * 12 * 768 * 768);
});

test("GPT-2's vocabulary states the embeddings: the count includes them, not the named size", async () => {
  const sh = launcher('0.125', '--vocab-file gpt2-vocab.json --merge-file gpt2-merges.txt');
  const a = await analyze({ 'run.sh': sh }, 'run.sh');
  assert.equal(fact(a, 'params')?.value, 12 * 12 * 768 * 768 + 50257 * 768);
});
