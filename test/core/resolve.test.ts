import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ACCELERATORS } from '../../core/data/accelerators';
import { GRID } from '../../core/data/grid';
import { MODELS } from '../../core/data/models';
import { listAccelerators, lookupModel, resolveAccelerator, resolveRegion } from '../../core/resolve';

function accId(name: string): string {
  const r = resolveAccelerator(name);
  assert.ok(r.ok, `"${name}" did not resolve: ${r.ok ? '' : r.message}`);
  return r.value.id;
}

function regionId(name: string): string {
  const r = resolveRegion(name);
  assert.ok(r.ok, `"${name}" did not resolve: ${r.ok ? '' : r.message}`);
  return r.value.id;
}

describe('resolveAccelerator', () => {
  const cases: Array<[string, string]> = [
    // bare names take the family default
    ['a100', 'a100-sxm4-80gb'],
    ['A100', 'a100-sxm4-80gb'],
    ['h100', 'h100-sxm'],
    ['v100', 'v100-sxm2-16gb'],
    ['h200', 'h200-sxm'],
    // memory / form factor pick the variant
    ['A100-80GB', 'a100-sxm4-80gb'],
    ['a100-40gb', 'a100-sxm4-40gb'],
    ['a100 pcie', 'a100-pcie-80gb'],
    ['v100 32gb', 'v100-sxm2-32gb'],
    ['v100 pcie', 'v100-pcie-16gb'],
    // nvidia-smi spellings
    ['NVIDIA A100-SXM4-80GB', 'a100-sxm4-80gb'],
    ['NVIDIA A100-SXM4-40GB', 'a100-sxm4-40gb'],
    ['NVIDIA A100 80GB PCIe', 'a100-pcie-80gb'],
    ['NVIDIA A100-PCIE-40GB', 'a100-pcie-40gb'],
    ['NVIDIA A100-SXM4-40GB MIG 1g.5gb', 'a100-sxm4-40gb'],
    ['H100 80GB HBM3', 'h100-sxm'],
    ['NVIDIA H100 80GB HBM3', 'h100-sxm'],
    ['NVIDIA H100 PCIe', 'h100-pcie'],
    ['NVIDIA H100 NVL', 'h100-nvl'],
    ['Tesla V100-SXM2-16GB', 'v100-sxm2-16gb'],
    ['Tesla V100-SXM2-32GB', 'v100-sxm2-32gb'],
    ['Tesla V100-PCIE-32GB', 'v100-pcie-32gb'],
    ['Tesla V100S-PCIE-32GB', 'v100s-pcie-32gb'],
    ['Tesla P100-PCIE-16GB', 'p100-pcie-16gb'],
    ['Tesla T4', 't4'],
    ['t4', 't4'],
    ['NVIDIA GeForce RTX 3090', 'rtx-3090'],
    ['rtx 4090', 'rtx-4090'],
    ['RTX4090', 'rtx-4090'],
    ['NVIDIA RTX A6000', 'rtx-a6000'],
    ['NVIDIA RTX 6000 Ada Generation', 'rtx-6000-ada'],
    ['l4', 'l4'],
    ['NVIDIA L4', 'l4'],
    ['L40S', 'l40s'],
    ['NVIDIA L40', 'l40'],
    ['a10g', 'a10g'],
    ['NVIDIA A10G', 'a10g'],
    ['NVIDIA A10', 'a10'],
    ['NVIDIA H200', 'h200-sxm'],
    ['B200', 'b200'],
    // AMD
    ['mi300x', 'mi300x'],
    ['AMD Instinct MI300X', 'mi300x'],
    ['AMD Instinct MI250X', 'mi250x'],
    ['MI250', 'mi250'],
    // rows added for issue #13 point 5, spelled as nvidia-smi / rocm-smi / users write them
    ['Tesla P40', 'p40'],
    ['NVIDIA A30', 'a30'],
    ['NVIDIA A40', 'a40'],
    ['NVIDIA GeForce RTX 3080', 'rtx-3080'],
    ['RTX 3080 10GB', 'rtx-3080'],
    ['NVIDIA GeForce RTX 3070', 'rtx-3070'],
    ['NVIDIA GeForce RTX 4080', 'rtx-4080'],
    ['AMD Instinct MI210', 'mi210'],
    ['mi210', 'mi210'],
    ['Huawei Ascend 910', 'ascend-910'],
    ['Ascend910', 'ascend-910'],
    // TPUs
    ['tpu v3', 'tpu-v3'],
    ['TPU-v3', 'tpu-v3'],
    ['tpu-v4', 'tpu-v4'],
    ['TPUv4', 'tpu-v4'],
    ['v5e', 'tpu-v5e'],
    ['tpu v5e', 'tpu-v5e'],
    ['v5litepod-8', 'tpu-v5e'],
    // cloud instance types
    ['p4d.24xlarge', 'a100-sxm4-40gb'],
    ['p4de.24xlarge', 'a100-sxm4-80gb'],
    ['ml.p5.48xlarge', 'h100-sxm'],
    ['ml.g5.2xlarge', 'a10g'],
    ['g4dn.xlarge', 't4'],
    ['a2-ultragpu-8g', 'a100-sxm4-80gb'],
    ['a3-highgpu-8g', 'h100-sxm'],
    ['Standard_NC24ads_A100_v4', 'a100-pcie-80gb'],
  ];
  for (const [input, id] of cases) {
    it(`"${input}" -> ${id}`, () => assert.equal(accId(input), id));
  }

  it('resolves every canonical id and display name to its own row', () => {
    for (const a of ACCELERATORS) {
      assert.equal(accId(a.id), a.id);
      assert.equal(accId(a.id.toUpperCase()), a.id);
      assert.equal(accId(a.name), a.id);
    }
  });

  it('suggests close matches for an unknown name ("a1000" -> an A100, default first)', () => {
    const r = resolveAccelerator('a1000');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.message, /^Unknown accelerator "a1000"\. Did you mean: /);
    assert.ok(r.suggestions.length >= 1 && r.suggestions.length <= 5);
    assert.equal(r.suggestions[0], 'a100-sxm4-80gb');
    assert.ok(r.suggestions.every((s) => ACCELERATORS.some((a) => a.id === s)));
    for (const s of r.suggestions) assert.ok(r.message.includes(s), `message lists ${s}`);
  });

  it('suggests within the family when the spelling names a variant that does not exist', () => {
    const r = resolveAccelerator('H100 96GB');
    assert.equal(r.ok, false);
    if (!r.ok) assert.ok(r.suggestions.length > 0 && r.suggestions.every((s) => s.startsWith('h100-')));
    const ti = resolveAccelerator('RTX 3080 Ti');
    assert.equal(ti.ok, false, 'a 3080 Ti is not a 3080');
    if (!ti.ok) assert.ok(ti.suggestions.includes('rtx-3080'));
    // GH200 is not an H200: since round 24 it is its own row (a Grace Hopper superchip), never the H200's.
    const gh = resolveAccelerator('gh200');
    assert.ok(gh.ok && gh.value.id === 'gh200', 'GH200 is not an H200');
  });

  it('keeps near-names apart: each resolves to its own row or to none, never to a neighbour', () => {
    const own: Array<[string, string]> = [
      ['a40', 'a40'],
      ['NVIDIA RTX A4000', 'rtx-a4000'],
      ['RTX A5000', 'rtx-a5000'],
      ['NVIDIA RTX A6000', 'rtx-a6000'],
      ['a4', 'unknown'], // no such NVIDIA part; must not be taken for the A40
      ['p40', 'p40'],
      ['l40', 'l40'],
      ['a30', 'a30'],
      ['a10', 'a10'],
      ['rtx 3090', 'rtx-3090'],
      ['rtx 3080', 'rtx-3080'],
      ['rtx 4080', 'rtx-4080'],
      ['rtx 4090', 'rtx-4090'],
      ['MI250', 'mi250'],
      ['MI250X', 'mi250x'],
      ['MI210', 'mi210'],
      // GeForce Ti cards are rows of their own, never the plain card (and the plain card never the Ti).
      ['RTX 3090 Ti', 'rtx-3090ti'],
      ['GeForce RTX 3060', 'rtx-3060'],
      ['RTX 3060 Ti', 'rtx-3060ti'],
      ['RTX 4060', 'rtx-4060'],
      ['RTX 4060 Ti', 'rtx-4060ti-16gb'],
      ['RTX 4060 Ti 8GB', 'rtx-4060ti-8gb'],
      ['RTX 4070', 'rtx-4070'],
      ['RTX 4070 Ti', 'rtx-4070ti'],
      ['RTX 2080 Ti', 'rtx-2080ti'],
      ['NVIDIA TITAN RTX', 'titan-rtx'],
      // MI250/MI250X: the package unless a GCD is named.
      ['MI250X GCD', 'mi250x-gcd'],
      ['mi250x-gcd', 'mi250x-gcd'],
      ['AMD Instinct MI250 (GCD)', 'mi250-gcd'],
      ['Ascend 910B', 'ascend-910b'],
      ['Ascend 910 B', 'ascend-910b'],
      ['Ascend 910B3', 'ascend-910b'],
      ['Ascend 910', 'ascend-910'],
    ];
    for (const [input, id] of own) {
      const r = resolveAccelerator(input);
      assert.equal(r.ok ? r.value.id : 'unknown', id, input);
    }
    // Different products sharing a prefix with a row: none of them is that row.
    for (const input of [
      'RTX A4500',
      'Tesla P4',
      'Quadro P4000',
      'Quadro P400',
      'RTX 3080 Ti',
      'RTX 4070 Super',
      'RTX 4060 Ti Super',
      'RTX 3060 8GB',
      'RTX 2080',
      'RTX 3080 12GB',
      'RTX 4080 Super',
      'RTX 3070 Ti',
      'MI2100',
      'Ascend 910C',
    ]) {
      const r = resolveAccelerator(input);
      assert.equal(r.ok, false, `${input} -> ${r.ok ? r.value.id : ''}`);
    }
  });

  it('resolves workstation and older cards as sources write them, and says which card a shared number means', () => {
    const own: Array<[string, string]> = [
      ['Quadro RTX 8000 48GB', 'quadro-rtx-8000'],
      ['NVIDIA Quadro RTX 8000', 'quadro-rtx-8000'],
      ['RTX 8000', 'quadro-rtx-8000'],
      ['Quadro RTX 6000', 'quadro-rtx-6000'],
      ['Quadro RTX 5000 16GB', 'quadro-rtx-5000'],
      ['RTX 6000 Ada', 'rtx-6000-ada'],
      ['GeForce GTX TITAN X 12GB', 'titan-x-maxwell'],
      ['TITAN X Maxwell', 'titan-x-maxwell'],
      ['NVIDIA TITAN X', 'titan-x-pascal'],
      ['Tesla V100 (memory not stated)', 'v100-sxm2-16gb'],
      ['Tesla P100 16GB', 'p100-sxm2-16gb'],
    ];
    for (const [input, id] of own) {
      const r = resolveAccelerator(input);
      assert.equal(r.ok ? r.value.id : r.message, id, input);
    }
    // The 8000 and the 48 GB make one card; the 6000 alone is two generations: the message names both spellings.
    assert.equal(resolveAccelerator('Quadro RTX 8000').ok && resolveAccelerator('Quadro RTX 8000 48GB').ok, true);
    const shared = resolveAccelerator('RTX 6000');
    assert.equal(shared.ok, false);
    if (!shared.ok) {
      assert.match(shared.message, /"Quadro RTX 6000" or "RTX 6000 Ada"/);
      assert.ok(shared.suggestions.includes('quadro-rtx-6000') && shared.suggestions.includes('rtx-6000-ada'));
    }
    // A Turing Quadro computes like the TITAN RTX (full-rate FP16 tensor math), at half the speed of an Ampere A6000.
    const q = resolveAccelerator('Quadro RTX 8000');
    const t = resolveAccelerator('TITAN RTX');
    assert.ok(q.ok && t.ok && q.value.tflops.fp16 === t.value.tflops.fp16 && !q.value.bf16);
    const maxwell = resolveAccelerator('GTX TITAN X');
    const pascal = resolveAccelerator('TITAN X (Pascal)');
    assert.ok(maxwell.ok && pascal.ok && maxwell.value.tflops.fp32! < pascal.value.tflops.fp32!);
  });

  it('refuses a spelling naming two devices, and names both', () => {
    const r = resolveAccelerator('a100 or h100');
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(new Set(r.suggestions), new Set(['a100-sxm4-80gb', 'h100-sxm']));
  });

  it('returns a message without suggestions for nonsense, and never throws', () => {
    const r = resolveAccelerator('xyz');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.deepEqual(r.suggestions, []);
      assert.match(r.message, /Unknown accelerator "xyz"/);
    }
    for (const bad of ['', '   ', '-', '\u0000', 'x'.repeat(5000), undefined, null, 42] as unknown[]) {
      const res = resolveAccelerator(bad as string);
      assert.equal(res.ok, false);
    }
  });

  it('lists every accelerator for help text', () => {
    const list = listAccelerators();
    assert.equal(list.length, ACCELERATORS.length);
    for (const { id, name } of list) {
      assert.ok(id && name);
      assert.equal(accId(id), id);
    }
  });
});

describe('resolveRegion', () => {
  const cases: Array<[string, string]> = [
    ['aws:us-east-1', 'aws:us-east-1'],
    ['us-east-1', 'aws:us-east-1'],
    ['AWS:US-EAST-1', 'aws:us-east-1'],
    ['us-east-1a', 'aws:us-east-1'],
    ['gcp:europe-west4', 'gcp:europe-west4'],
    ['europe-west4', 'gcp:europe-west4'],
    ['europe-west4-b', 'gcp:europe-west4'],
    ['us-east1', 'gcp:us-east1'],
    ['azure:westeurope', 'azure:westeurope'],
    ['westeurope', 'azure:westeurope'],
    ['West Europe', 'azure:westeurope'],
    ['eastus', 'azure:eastus'],
    ['FR', 'FR'],
    ['fr', 'FR'],
    ['country:de', 'DE'],
    ['France', 'FR'],
    ['germany', 'DE'],
    ['United States', 'US'],
    ['USA', 'US'],
    ['UK', 'GB'],
    ['South Korea', 'KR'],
    ['US East (N. Virginia)', 'aws:us-east-1'],
    ['world', 'world'],
  ];
  for (const [input, id] of cases) {
    it(`"${input}" -> ${id}`, () => assert.equal(regionId(input), id));
  }

  it('resolves every row by id, and every cloud row by its bare region name to the same row', () => {
    for (const g of GRID) {
      assert.equal(regionId(g.id), g.id);
      if (g.provider !== 'country') assert.equal(regionId(g.id.slice(g.id.indexOf(':') + 1)), g.id, `bare ${g.id}`);
    }
  });

  it('suggests nearby regions for a typo, within the named provider', () => {
    const typo = resolveRegion('us-est-1');
    assert.equal(typo.ok, false);
    if (!typo.ok) {
      assert.equal(typo.suggestions[0], 'aws:us-east-1');
      assert.match(typo.message, /^Unknown region "us-est-1"\. Did you mean: /);
    }
    const wrong = resolveRegion('aws:eu-west-9');
    assert.equal(wrong.ok, false);
    if (!wrong.ok) {
      assert.ok(wrong.suggestions.length > 0 && wrong.suggestions.length <= 5);
      assert.ok(wrong.suggestions.every((s) => s.startsWith('aws:eu-')));
    }
  });

  it('explains unknown providers and empty input, and never throws', () => {
    const r = resolveRegion('oracle:us-ashburn-1');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /aws:, gcp: or azure:/);
    for (const bad of ['', ':', 'zz', 'xx:yy', undefined, null, {}] as unknown[]) {
      assert.equal(resolveRegion(bad as string).ok, false);
    }
  });
});

describe('lookupModel', () => {
  const cases: Array<[string, string]> = [
    ['gpt2', 'openai-community/gpt2'],
    ['openai-community/gpt2', 'openai-community/gpt2'],
    ['GPT2-Medium', 'openai-community/gpt2-medium'],
    ['gpt2-large', 'openai-community/gpt2-large'],
    ['gpt2-xl', 'openai-community/gpt2-xl'],
    ['./checkpoints/Llama-2-7b-hf', 'meta-llama/Llama-2-7b-hf'],
    ['./checkpoints/Llama-2-7b-hf/', 'meta-llama/Llama-2-7b-hf'],
    ['C:\\models\\Qwen2.5-0.5B', 'Qwen/Qwen2.5-0.5B'],
    ['out/gpt2/checkpoint-500', 'openai-community/gpt2'],
    ['./llama-2-7b/config.json', 'meta-llama/Llama-2-7b-hf'],
    ['https://huggingface.co/microsoft/phi-2', 'microsoft/phi-2'],
    ['meta-llama/Llama-2-7b-chat-hf', 'meta-llama/Llama-2-7b-hf'],
    ['meta-llama/Llama-2-70b-chat-hf', 'meta-llama/Llama-2-70b-hf'],
    ['meta-llama/Meta-Llama-3-8B-Instruct', 'meta-llama/Meta-Llama-3-8B'],
    ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-8B'],
    ['meta-llama/Llama-3.1-405B', 'meta-llama/Llama-3.1-405B'],
    ['meta-llama/Llama-3.2-1B-Instruct', 'meta-llama/Llama-3.2-1B'],
    ['mistralai/Mistral-7B-Instruct-v0.2', 'mistralai/Mistral-7B-v0.1'],
    ['mistralai/Mistral-7B-Instruct-v0.3', 'mistralai/Mistral-7B-v0.3'],
    ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mistralai/Mixtral-8x7B-v0.1'],
    ['Qwen/Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-7B'],
    ['Qwen/Qwen3-8B-Base', 'Qwen/Qwen3-8B'],
    ['google/gemma-2-9b-it', 'google/gemma-2-9b'],
    ['TheBloke/Llama-2-7B-Chat-GPTQ', 'meta-llama/Llama-2-7b-hf'],
    ['bert-base-uncased', 'google-bert/bert-base-uncased'],
    ['bert-large-cased', 'google-bert/bert-large-cased'],
    ['roberta-base', 'FacebookAI/roberta-base'],
    ['distilbert-base-uncased', 'distilbert/distilbert-base-uncased'],
    ['t5-small', 'google-t5/t5-small'],
    ['t5-base', 'google-t5/t5-base'],
    ['google/flan-t5-large', 'google/flan-t5-large'],
    ['EleutherAI/pythia-1b-deduped', 'EleutherAI/pythia-1b'],
  ];
  for (const [input, id] of cases) {
    it(`"${input}" -> ${id}`, () => assert.equal(lookupModel(input)?.id, id));
  }

  it('finds every row by full id, upper-cased id, and bare last segment (no two rows collide)', () => {
    for (const m of MODELS) {
      assert.equal(lookupModel(m.id)?.id, m.id);
      assert.equal(lookupModel(m.id.toUpperCase())?.id, m.id);
      assert.equal(lookupModel(m.id.split('/').pop()!)?.id, m.id);
      assert.equal(lookupModel(`/data/runs/${m.id.split('/').pop()}/`)?.id, m.id);
    }
  });

  it('returns undefined for unknown models rather than guessing', () => {
    for (const id of [
      'unknown/model',
      't5',
      'bert',
      'llama',
      'my-finetune',
      '',
      './',
      undefined as unknown as string,
    ]) {
      assert.equal(lookupModel(id), undefined, String(id));
    }
  });
});

describe('accelerators the spent published sets ran on', () => {
  it('knows the Graphcore Mk2 IPU and TPU v2 by the names runs give them, each row with source and year', () => {
    for (const n of ['Graphcore Mk2 IPU', 'GC200', 'Colossus GC200', 'Mk2 IPU']) assert.equal(accId(n), 'gc200', n);
    for (const n of ['TPU v2', 'TPUv2', 'tpu-v2', 'TPU v2-8']) assert.equal(accId(n), 'tpu-v2', n);
    // A bare "IPU" also names the first generation (GC2) and Bow: not read as the Mk2.
    assert.equal(resolveAccelerator('IPU').ok, false);
    for (const id of ['gc200', 'tpu-v2']) {
      const row = listAccelerators().find((a) => a.id === id)!;
      assert.ok(row.year >= 2017 && row.source.includes(String(row.year)), id);
    }
  });
});
