import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ACCELERATORS } from '../../core/data/accelerators';
import { GRID, WORLD_AVERAGE } from '../../core/data/grid';
import { MODELS } from '../../core/data/models';
import { PUE_TABLE, REGION_PUE, defaultPue, regionPue } from '../../core/data/pue';
import type { Accelerator } from '../../core/types';

const THIS_YEAR = new Date().getFullYear();

function acc(id: string): Accelerator {
  const a = ACCELERATORS.find((x) => x.id === id);
  assert.ok(a, `accelerator ${id} missing`);
  return a;
}

function assertSourced(rows: ReadonlyArray<{ id: string; source: string; year: number }>, what: string): void {
  for (const r of rows) {
    assert.ok(r.source.trim().length >= 10, `${what} ${r.id}: source too short: "${r.source}"`);
    assert.ok(Number.isInteger(r.year) && r.year >= 2014 && r.year <= THIS_YEAR + 1, `${what} ${r.id}: year ${r.year}`);
  }
}

function assertUnique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    assert.ok(!seen.has(id.toLowerCase()), `duplicate ${what} id ${id}`);
    seen.add(id.toLowerCase());
  }
}

describe('accelerators table', () => {
  it('covers every required device, each with its own source and year, ids unique and lower-case', () => {
    const required = [
      'v100-sxm2-16gb',
      'v100-sxm2-32gb',
      'v100-pcie-16gb',
      'v100-pcie-32gb',
      'a100-sxm4-40gb',
      'a100-sxm4-80gb',
      'a100-pcie-40gb',
      'a100-pcie-80gb',
      'h100-sxm',
      'h100-pcie',
      'h200-sxm',
      'b200',
      'l4',
      'l40s',
      'a10g',
      'a10',
      't4',
      'rtx-3090',
      'rtx-4090',
      'mi250x',
      'mi300x',
      'tpu-v3',
      'tpu-v4',
      'tpu-v5e',
      'p100-sxm2-16gb',
      'rtx-a6000',
      // accelerators users asked for (issue 13)
      'a800-sxm4-80gb',
      'a800-pcie-80gb',
      'h800-sxm',
      'h20',
      'l20',
      'gb200',
      'gh200',
      'mi325x',
      'gaudi3',
      'tpu-v5p',
      'tpu-v6e',
      'rtx-5090',
      'apple-m1-max',
      'apple-m4-pro',
      // older and consumer cards users train on (issue 13, round 7)
      'gtx-1080ti',
      'gtx-1080',
      'titan-x-pascal',
      'titan-x-maxwell',
      'titan-xp',
      'titan-v',
      'titan-rtx',
      'k80',
      'rtx-2080ti',
      'quadro-rtx-8000',
      'quadro-rtx-6000',
      'rtx-3080',
      'rtx-3090',
      'rtx-4080',
      'rtx-4090',
      't4',
      'v100-pcie-16gb',
      'v100-pcie-32gb',
      'v100-sxm2-32gb',
      'a10',
      'a10g',
      'l4',
      'l40s',
    ];
    for (const id of required) acc(id);
    assertSourced(ACCELERATORS, 'accelerator');
    assertUnique(
      ACCELERATORS.map((a) => a.id),
      'accelerator',
    );
    for (const a of ACCELERATORS) assert.match(a.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, a.id);
  });

  it('has positive power and memory, and at least one throughput figure per device', () => {
    for (const a of ACCELERATORS) {
      // Laptop SoC GPUs (Apple M1, M2) draw 10–20 W; data-centre parts 50–1,200 W.
      if (a.vendor === 'apple') assert.ok(a.powerW >= 5 && a.powerW < 200, `${a.id} power ${a.powerW}`);
      else assert.ok(a.powerW >= 50 && a.powerW <= 1200, `${a.id} power ${a.powerW}`);
      assert.ok(a.memoryGB >= 8 && a.memoryGB <= 512, `${a.id} memory ${a.memoryGB}`);
      const values = Object.values(a.tflops);
      assert.ok(values.length > 0, `${a.id} has no TFLOPS`);
      for (const v of values) assert.ok(v !== undefined && v > 0 && v <= 5000, `${a.id} TFLOPS ${v}`);
    }
  });

  it('keeps the memory in the display name and the memory field in agreement', () => {
    for (const a of ACCELERATORS) {
      const m = /(\d+) GB/.exec(a.name);
      if (m) assert.equal(Number(m[1]), a.memoryGB, a.id);
    }
  });

  it('uses dense peaks: sparse datasheet figures (A100 624, H100 1979 bf16, L4 242) do not appear as bf16', () => {
    for (const id of ['a100-sxm4-40gb', 'a100-sxm4-80gb', 'a100-pcie-40gb', 'a100-pcie-80gb']) {
      assert.equal(acc(id).tflops.bf16, 312, id);
      assert.equal(acc(id).tflops.tf32, 156, id);
    }
    assert.ok(Math.abs((acc('h100-sxm').tflops.bf16 ?? 0) - 989) < 1);
    assert.ok(Math.abs((acc('h200-sxm').tflops.bf16 ?? 0) - 989) < 1);
    assert.ok((acc('h100-pcie').tflops.bf16 ?? 0) < (acc('h100-sxm').tflops.bf16 ?? 0));
    assert.ok((acc('l4').tflops.bf16 ?? 0) < 200, 'L4 242 is the sparse figure');
  });

  it('is internally consistent per row: tf32 ≈ bf16/2, fp8 ≈ 2×bf16, fp16 = bf16 where both exist', () => {
    // A row that mixed a sparse figure into one precision would break one of these ratios.
    for (const a of ACCELERATORS) {
      const { tf32, bf16, fp16, fp8, fp32 } = a.tflops;
      if (tf32 !== undefined && bf16 !== undefined) {
        assert.ok(Math.abs(tf32 / bf16 - 0.5) < 0.02, `${a.id}: tf32 ${tf32} vs bf16 ${bf16}`);
      }
      if (fp8 !== undefined && bf16 !== undefined) {
        // 2× on NVIDIA and AMD; Gaudi 3 runs fp8 and bf16 matrix math at the same rate.
        const r = fp8 / bf16;
        assert.ok(
          Math.abs(r - 2) < 0.05 || (a.vendor === 'intel' && Math.abs(r - 1) < 0.01),
          `${a.id}: fp8 ${fp8} vs bf16 ${bf16}`,
        );
      }
      if (fp16 !== undefined && bf16 !== undefined) assert.equal(fp16, bf16, a.id);
      if (fp32 !== undefined && a.tensorCores) {
        const half = bf16 ?? fp16;
        assert.ok(half === undefined || half > fp32, `${a.id}: tensor rate should beat plain fp32`);
      }
    }
  });

  it('has no bf16 or tf32 on Pascal, Volta and Turing; bf16 flag matches the table', () => {
    for (const a of ACCELERATORS) {
      assert.equal(a.bf16, a.tflops.bf16 !== undefined, `${a.id}: bf16 flag vs tflops.bf16`);
      if (['kepler', 'maxwell', 'pascal', 'volta', 'turing'].includes(a.arch)) {
        assert.equal(a.bf16, false, a.id);
        assert.equal(a.tflops.tf32, undefined, a.id);
        assert.equal(a.tflops.fp8, undefined, a.id);
      }
      assert.equal(a.tensorCores, !['kepler', 'maxwell', 'pascal', 'apple'].includes(a.arch), `${a.id}: tensor cores`);
    }
    assert.equal(acc('v100-sxm2-16gb').bf16, false);
    assert.equal(acc('t4').bf16, false);
    assert.equal(acc('p100-sxm2-16gb').tensorCores, false);
  });

  it('keeps SXM and PCIe apart: the PCIe part of a family draws less power', () => {
    const pairs: Array<[string, string]> = [
      ['v100-sxm2-16gb', 'v100-pcie-16gb'],
      ['a100-sxm4-40gb', 'a100-pcie-40gb'],
      ['a100-sxm4-80gb', 'a100-pcie-80gb'],
      ['h100-sxm', 'h100-pcie'],
      ['p100-sxm2-16gb', 'p100-pcie-16gb'],
    ];
    for (const [sxm, pcie] of pairs) {
      assert.ok(acc(pcie).powerW < acc(sxm).powerW, `${pcie} vs ${sxm}`);
      assert.ok((acc(pcie).tflops.fp32 ?? 0) <= (acc(sxm).tflops.fp32 ?? 0), `${pcie} vs ${sxm} fp32`);
    }
    assert.notEqual(acc('a100-pcie-40gb').powerW, acc('a100-pcie-80gb').powerW);
  });
});

describe('grid table', () => {
  const cloud = GRID.filter((g) => g.provider !== 'country');
  const countries = GRID.filter((g) => g.provider === 'country');

  it('has at least 45 cloud regions across the three clouds and 35 countries', () => {
    assert.ok(cloud.length >= 45, `cloud regions: ${cloud.length}`);
    assert.ok(countries.length >= 35, `countries: ${countries.length}`);
    for (const p of ['aws', 'gcp', 'azure'] as const) {
      assert.ok(cloud.filter((g) => g.provider === p).length >= 10, p);
    }
  });

  it('every row is sourced, dated, location-based and plausible; ids unique', () => {
    assertSourced(GRID, 'grid');
    assertUnique(
      GRID.map((g) => g.id),
      'grid',
    );
    for (const g of GRID) {
      assert.equal(g.basis, 'location-based annual average', g.id);
      assert.ok(g.gPerKWh > 0 && g.gPerKWh <= 1200, `${g.id}: ${g.gPerKWh}`);
      assert.ok(g.name.length > 0, g.id);
    }
  });

  it('uses the id shapes of each provider, and every cloud region names a country that is in the table', () => {
    const iso = new Set(countries.map((g) => g.id));
    for (const g of countries) assert.match(g.id, /^[A-Z]{2}$/);
    for (const g of cloud) {
      const re =
        g.provider === 'aws'
          ? /^aws:[a-z]{2}(?:-gov)?-[a-z]+-\d$/
          : g.provider === 'gcp'
            ? /^gcp:[a-z]+-[a-z]+\d+$/
            : /^azure:[a-z0-9]+$/;
      assert.match(g.id, re);
      assert.ok(g.country && iso.has(g.country), `${g.id}: country ${g.country} not in table`);
    }
  });

  it('orders well-known grids correctly (guards against swapped or mis-scaled rows)', () => {
    const g = (id: string) => {
      const row = GRID.find((x) => x.id === id);
      assert.ok(row, id);
      return row.gPerKWh;
    };
    assert.ok(g('FR') < g('DE') && g('SE') < g('PL') && g('NO') < g('IN'));
    assert.ok(g('aws:eu-north-1') < g('aws:eu-central-1'));
    assert.ok(g('gcp:us-west1') < g('gcp:us-central1'));
    assert.ok(g('azure:swedencentral') < g('azure:westeurope'));
    // Same Electricity Maps zone, same value, across providers.
    assert.equal(g('aws:us-east-1'), g('azure:eastus'));
    assert.equal(g('aws:us-east-1'), g('gcp:us-east4'));
    assert.ok(WORLD_AVERAGE.gPerKWh > 300 && WORLD_AVERAGE.gPerKWh < 600);
  });
});

describe('PUE defaults', () => {
  it('gives an ordered, sourced range per provider, with the unknown site worst', () => {
    for (const [key, e] of Object.entries(PUE_TABLE)) {
      assert.ok(e.low >= 1 && e.low <= e.mid && e.mid <= e.high && e.high <= 2.5, key);
      assert.ok(e.source.length > 20 && e.year >= 2020, key);
    }
    for (const p of ['aws', 'gcp', 'azure'] as const) assert.ok(defaultPue(p).mid < defaultPue('unknown').mid, p);
  });

  it('falls back to the unknown-site default for country, custom and missing providers', () => {
    assert.deepEqual(defaultPue(), PUE_TABLE.unknown);
    assert.deepEqual(defaultPue('country'), PUE_TABLE.unknown);
    assert.deepEqual(defaultPue('custom'), PUE_TABLE.unknown);
    // A copy: callers cannot corrupt the table.
    const d = defaultPue('aws');
    d.mid = 9;
    assert.notEqual(PUE_TABLE.aws.mid, 9);
  });

  it('has per-region values only for regions in the grid table, inside the provider range', () => {
    for (const [id, v] of Object.entries(REGION_PUE)) {
      const row = GRID.find((g) => g.id === id);
      assert.ok(row, `${id} not in GRID`);
      const p = defaultPue(row.provider);
      assert.ok(v >= p.low && v <= p.high, `${id}: ${v} outside ${p.low}-${p.high}`);
      const r = regionPue(id);
      assert.ok(r && r.low <= r.mid && r.mid <= r.high && r.mid === v);
    }
    assert.equal(regionPue('AWS:US-EAST-1')?.mid, REGION_PUE['aws:us-east-1']);
    assert.equal(regionPue('aws:nowhere-1'), undefined);
  });
});

describe('models table', () => {
  it('covers the required families, each row sourced, ids unique', () => {
    assertSourced(MODELS, 'model');
    assertUnique(
      MODELS.map((m) => m.id),
      'model',
    );
    const has = (re: RegExp, n: number) =>
      assert.ok(MODELS.filter((m) => re.test(m.id)).length >= n, `${re}: fewer than ${n}`);
    has(/Llama-2-/, 3);
    has(/Llama-3/, 6);
    has(/Mistral-7B/, 1);
    has(/Mixtral-8x7B/, 1);
    has(/Qwen2\.5-/, 5);
    has(/Qwen3-/, 3);
    has(/gemma/, 4);
    has(/phi-2|Phi-3/i, 2);
    has(/gpt2/, 4);
    has(/bert-(?:base|large)-(?:un)?cased/, 4);
    has(/roberta/, 2);
    has(/distilbert-base/, 1);
    has(/\/t5-/, 5);
    has(/flan-t5/, 3);
    has(/pythia/, 3);
  });

  it('gives MoE rows fewer active than total parameters', () => {
    const moe = MODELS.filter((m) => m.activeParams !== undefined && m.activeParams < m.params);
    assert.ok(moe.some((m) => m.id.includes('Mixtral-8x7B')));
    for (const m of moe) assert.ok(m.activeParams! < m.params * 0.5, m.id);
    // The other rows with activeParams share layers (ALBERT): compute-equivalent above the stored count.
    for (const m of MODELS.filter((r) => r.activeParams !== undefined && r.activeParams >= r.params))
      assert.match(m.id, /albert/, m.id);
  });

  it('has parameter counts consistent with each decoder/encoder shape (catches typos in layers or width)', () => {
    // params ≈ layers × (attention + MLP) + embeddings. Attention is 2h² (grouped-query) to 4h²; the MLP has 2
    // (plain) or 3 (gated) matrices of h × ffn; embeddings are counted once (tied) or twice. The best of these
    // variants must land within 12 %. Encoder-decoder (T5) and MoE rows have other layouts and are skipped.
    for (const m of MODELS) {
      if (m.activeParams !== undefined || /t5-/.test(m.id)) continue;
      const s = m.shape;
      assert.ok(s && s.ffn && s.vocab, `${m.id}: shape incomplete`);
      let best = Infinity;
      for (const attn of [2, 4]) {
        for (const mats of [2, 3]) {
          for (const emb of [1, 2]) {
            const est = s.layers * (attn * s.hidden ** 2 + mats * s.hidden * s.ffn!) + emb * s.vocab! * s.hidden;
            best = Math.min(best, Math.abs(est / m.params - 1));
          }
        }
      }
      assert.ok(best < 0.12, `${m.id}: shape implies a parameter count ${(best * 100).toFixed(0)} % off`);
    }
  });
});
