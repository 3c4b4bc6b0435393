// A torchtune config planned alone: the recipe its header names decides the process count (torchtune registers every
// `*_single_device` recipe with `supports_distributed=False`), and the configs of recipes that train nothing
// (generate, eleuther_eval, quantize: no `optimizer`, no `epochs`) give no run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { analyze, fact, launchedFact } from './helpers';

const stated = (a: DocumentAnalysis) => {
  const f = fact(a, 'devices');
  return f?.origin === 'assumed' ? undefined : f?.value;
};

const BODY = `model:
  _component_: torchtune.models.llama3_2.lora_llama3_2_1b
  lora_rank: 8
checkpointer:
  checkpoint_dir: CKPT
batch_size: 2
epochs: 1
gradient_accumulation_steps: 4
optimizer:
  _component_: torch.optim.AdamW
  lr: 3e-4
dtype: bf16
`;
const header = (recipe: string) =>
  `# Config for LoRA finetuning in ${recipe}.py\n# using a Llama3.2 1B model\n#\n# To launch, run:\n#   tune run ${recipe} --config this\n\n`;

test('a config written for a single-device recipe runs on one device; one for a distributed recipe states no count', async () => {
  const one = await analyze({ 'c.yaml': header('lora_finetune_single_device') + BODY }, 'c.yaml');
  assert.equal(stated(one), 1);
  assert.equal(fact(one, 'devices')?.origin, 'inferred');
  assert.match(fact(one, 'devices')?.note ?? '', /lora_finetune_single_device/);
  // must not: the distributed recipe, whose count `tune run --nproc_per_node` gives.
  const dist = await analyze({ 'c.yaml': header('lora_finetune_distributed') + BODY }, 'c.yaml');
  assert.equal(stated(dist), undefined);
  // must not: a header written below the first key is not the config's header.
  const late = await analyze({ 'c.yaml': `${BODY}# Config for LoRA in lora_finetune_single_device.py\n` }, 'c.yaml');
  assert.equal(stated(late), undefined);
});

test('a Jinja template with a single-device header states no count: the program that renders it picks the recipe', async () => {
  const tpl = header('lora_finetune_single_device') + BODY.replace('CKPT', '{{model_dir}}');
  assert.equal(stated(await analyze({ 'c.yaml': tpl }, 'c.yaml')), undefined);
});

test('a launcher that runs a single-device config on more processes gives its own count', async () => {
  const a = await analyze(
    {
      'c.yaml': header('lora_finetune_single_device') + BODY,
      'run.sh': 'tune run --nproc_per_node 4 lora_finetune_distributed --config c.yaml\n',
    },
    'c.yaml',
  );
  assert.equal(launchedFact(a, 'devices')?.value, 4);
});

test('generate, eval and quantize configs (no optimizer, no epochs) are not training runs', async () => {
  const gen = `# Config for running the InferenceRecipe in generate.py\nmodel:\n  _component_: torchtune.models.llama3_2.llama3_2_1b\ncheckpointer:\n  checkpoint_dir: CKPT\ndevice: cuda\ndtype: bf16\nprompt:\n  user: Hello\nmax_new_tokens: 300\n`;
  const quant = `model:\n  _component_: torchtune.models.phi3.phi3_mini\ncheckpointer:\n  checkpoint_dir: CKPT\ndtype: bf16\nquantizer:\n  _component_: torchtune.training.quantization.Int8DynActInt4WeightQuantizer\n  groupsize: 256\n`;
  for (const text of [gen, quant]) assert.equal((await analyze({ 'c.yaml': text }, 'c.yaml')).runs.length, 0, text);
  // must not: a training config is still a run.
  assert.equal((await analyze({ 'c.yaml': BODY }, 'c.yaml')).runs.length, 1);
});
