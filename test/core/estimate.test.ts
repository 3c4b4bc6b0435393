import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, GENERIC_ACCELERATOR, peak16, resolveAccelerator } from '../../core/index';
import { RANGE_CAP } from '../../core/ranges';
import type { Estimate, Range, RunInputs } from '../../core/index';
import { CASES } from '../../core/validation/cases';

function near(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} is not within ${rel * 100} % of ${expected}`);
}

function ordered(r: Range, what: string): void {
  assert.ok(r.low <= r.mid && r.mid <= r.high, `${what}: ${JSON.stringify(r)} is not ordered`);
}

function wellFormed(e: Estimate): void {
  for (const [k, r] of [
    ['gpuHours', e.gpuHours],
    ['energyKWh', e.energyKWh],
    ['co2eKg', e.co2eKg],
    ['wallHours', e.wallHours],
  ] as const) {
    ordered(r, k);
    for (const v of [r.low, r.mid, r.high]) assert.ok(Number.isFinite(v) && v >= 0, `${k} has ${v}`);
    if (r.low > 0) assert.ok(r.high / r.low <= RANGE_CAP + 1e-9, `${k} spans ${r.high / r.low}× (> ${RANGE_CAP}×)`);
  }
  assert.ok(e.assumptions.length > 0, 'an estimate lists its assumptions');
  for (const a of e.assumptions) {
    assert.ok(a.key.length > 0 && a.text.length > 0, `assumption ${JSON.stringify(a)} lacks key or text`);
  }
}

describe('estimate: stated GPU-hours', () => {
  it("reproduces Llama 2 7B's published convention (GPU-h × 400 W × PUE 1.1 × 0.385 kg/kWh)", () => {
    const e = estimate({ gpuHours: 184_320, powerW: 400, pue: 1.1, intensity: 385 });
    assert.equal(e.method, 'stated-gpu-hours');
    near(e.energyKWh.mid, 81_100.8, 0.01, 'energy');
    near(e.co2eKg.mid, 31_223.8, 0.01, 'CO2e');
    // Nothing is uncertain: every range has zero width.
    for (const r of [e.gpuHours, e.energyKWh, e.co2eKg]) assert.equal(r.low, r.high);
    assert.equal(e.pue, 1.1);
    assert.equal(e.warnings.length, 0);
    wellFormed(e);
  });

  it('ignores parameters and tokens when GPU-hours are stated', () => {
    const stated: RunInputs = { gpuHours: 1000, hardware: 'a100-80gb', devices: 8, region: 'aws:us-east-1' };
    const a = estimate(stated);
    const b = estimate({ ...stated, params: 70e9, tokens: 2e12, precision: 'fp32' });
    assert.equal(b.method, 'stated-gpu-hours');
    assert.deepEqual(b.gpuHours, a.gpuHours);
    assert.deepEqual(b.energyKWh, a.energyKWh);
    assert.deepEqual(b.co2eKg, a.co2eKg);
    assert.equal(a.gpuHours.mid, 1000);
    near(a.wallHours.mid, 125, 1e-9, 'wall hours = GPU-hours / devices');
  });

  it('uses given power as is: energy = hours × W × PUE, no busy factor, no host share', () => {
    const e = estimate({ gpuHours: 500, hardware: 'h100', powerW: 550, pue: 1.2, intensity: 100 });
    near(e.energyKWh.mid, 500 * 0.55 * 1.2, 1e-9, 'energy');
    assert.equal(e.energyKWh.low, e.energyKWh.high);
    assert.equal(e.energyBreakdownKWh?.host.mid, 0);
  });

  it('models power as a load-dependent fraction of the rating plus a host share when power is not given', () => {
    const e = estimate({ gpuHours: 1000, hardware: 'a100-80gb', pue: 1.0, intensity: 0 });
    const perHour = e.energyKWh.mid / 1000;
    // A large dense run: 400 W × (0.75–0.95 over the run) × (1.2–1.4 host): between 0.36 and 0.53 kWh per device-hour.
    assert.ok(perHour > 0.36 && perHour < 0.53, `kWh per device-hour ${perHour}`);
    assert.ok(e.energyKWh.low < e.energyKWh.mid && e.energyKWh.mid < e.energyKWh.high);
    assert.ok(
      e.assumptions.some((a) => a.key === 'power' && /Morrison/.test(a.source ?? '') && /H200/.test(a.source ?? '')),
    );
    assert.ok(e.assumptions.some((a) => a.key === 'host-overhead'));
    const parts = e.energyBreakdownKWh!;
    near(parts.accelerators.mid + parts.host.mid + parts.facility.mid, e.energyKWh.mid, 1e-9, 'breakdown adds up');
  });
});

describe('estimate: from FLOPs', () => {
  it("brackets Llama 2 7B's published 184,320 A100 GPU-hours", () => {
    const e = estimate({ params: 6.74e9, tokens: 2e12, hardware: 'a100-80gb', devices: 2048, precision: 'bf16' });
    assert.equal(e.method, 'flops');
    assert.ok(e.gpuHours.low <= 184_320 && 184_320 <= e.gpuHours.high, `range ${JSON.stringify(e.gpuHours)}`);
    near(e.wallHours.mid, e.gpuHours.mid / 2048, 1e-9, 'wall hours');
    // Energy per device-hour is physical for a 400 W part (with PUE 1.2–2.0 of an unknown site).
    const kWhPerHour = e.energyKWh.mid / e.gpuHours.mid;
    assert.ok(kWhPerHour > 0.3 && kWhPerHour < 0.9, `kWh per GPU-hour ${kWhPerHour}`);
    // No region: the world average is assumed and said so.
    assert.equal(e.grid?.gPerKWh, 475);
    assert.ok(
      e.assumptions.some(
        (a) => a.key === 'intensity' && /world average/.test(a.text) && /IEA 2019/.test(a.source ?? ''),
      ),
    );
    near(e.co2eKg.mid, (e.energyKWh.mid * 475) / 1000, 1e-9, 'CO2e = energy × intensity');
    assert.ok(e.assumptions.some((a) => a.key === 'mfu' && a.override && a.source));
    wellFormed(e);
  });

  it('lets an explicit intensity win over the region, and takes PUE from the region', () => {
    const base: RunInputs = { params: 1e9, tokens: 2e10, hardware: 'h100', devices: 8, region: 'gcp:europe-west4' };
    const r = estimate(base);
    assert.notEqual(r.grid?.gPerKWh, 475);
    assert.ok(r.pue > 1 && r.pue < 1.2, `PUE ${r.pue} for a GCP region`);
    const i = estimate({ ...base, intensity: 10 });
    assert.equal(i.grid?.gPerKWh, 10);
    near(i.co2eKg.mid, (i.energyKWh.mid * 10) / 1000, 1e-9, 'CO2e at 10 g/kWh');
  });

  it('runs PyTorch-default fp32 (true fp32 matmuls) 5–12× slower than bf16 on an A100, TF32 in between, not 16× (the ratio of peaks)', () => {
    const run: RunInputs = { params: 1.3e9, tokens: 5e10, hardware: 'a100-80gb', devices: 8 };
    const bf16 = estimate({ ...run, precision: 'bf16' });
    const fp32 = estimate({ ...run, precision: 'fp32' });
    const ratio = fp32.gpuHours.mid / bf16.gpuHours.mid;
    assert.ok(ratio >= 5 && ratio <= 12, `fp32/bf16 step-time ratio ${ratio}`);
    assert.ok(fp32.assumptions.some((a) => a.key === 'precision-speed' && /allow_tf32/.test(a.text)));
    const tf32 = estimate({ ...run, precision: 'tf32' });
    const r32 = tf32.gpuHours.mid / bf16.gpuHours.mid;
    assert.ok(r32 >= 1.8 && r32 <= 3, `tf32/bf16 ${r32}`);
  });

  it('gives small models a lower utilisation than large ones', () => {
    const hw: RunInputs = { tokens: 1e10, hardware: 'a100-80gb', devices: 8, precision: 'bf16' };
    const small = estimate({ ...hw, params: 70e6 });
    const large = estimate({ ...hw, params: 7e9 });
    const perFlop = (e: Estimate, n: number) => e.gpuHours.mid / (6 * n * 1e10);
    assert.ok(perFlop(small, 70e6) > 1.2 * perFlop(large, 7e9));
  });

  it('adds attention FLOPs at long context', () => {
    const run: RunInputs = { params: 7e9, tokens: 1e10, hardware: 'h100', devices: 8, precision: 'bf16' };
    const short = estimate({ ...run, seqLen: 2048 });
    const long = estimate({ ...run, seqLen: 32_768 });
    assert.ok(long.gpuHours.mid > 1.5 * short.gpuHours.mid, `${long.gpuHours.mid} vs ${short.gpuHours.mid}`);
  });

  it('counts 6·N_active·D for mixture-of-experts models, at a lower utilisation than a dense model', () => {
    const dense = estimate({ params: 13e9, tokens: 1e11, hardware: 'h100', devices: 64 });
    const moe = estimate({ params: 47e9, activeParams: 13e9, tokens: 1e11, hardware: 'h100', devices: 64 });
    near(moe.work!.flops!, dense.work!.flops!, 1e-9, 'same active parameters, same FLOPs');
    assert.ok(moe.gpuHours.mid > dense.gpuHours.mid, 'experts run less efficiently');
    const allParams = estimate({ params: 47e9, tokens: 1e11, hardware: 'h100', devices: 64 });
    assert.ok(moe.gpuHours.mid < allParams.gpuHours.mid, 'but far below 6 × total parameters');
  });

  it('uses a given MFU as the mid utilisation', () => {
    const a100 = resolveAccelerator('a100-80gb');
    assert.ok(a100.ok);
    const e = estimate({ params: 1e9, tokens: 1e10, hardware: 'a100-80gb', precision: 'bf16', mfu: 0.5 });
    near(e.gpuHours.mid, 6e19 / (peak16(a100.value) * 1e12 * 0.5) / 3600, 1e-9, 'hours at 50 % MFU');
  });
});

describe('estimate: missing and bad inputs', () => {
  it('warns about unknown hardware with suggestions and estimates with a generic A100-class GPU', () => {
    // The RTX 5050 (2025) has no row (the RTX 5080 had none before round 31).
    const e = estimate({ params: 7e9, tokens: 1e11, hardware: 'rtx 5050', devices: 1 });
    assert.equal(e.method, 'flops');
    assert.ok(
      e.warnings.some((w) => /rtx 5050/.test(w) && /rtx-5090/.test(w)),
      JSON.stringify(e.warnings),
    );
    assert.equal(e.accelerator, undefined);
    const hw = e.assumptions.find((a) => a.key === 'hardware');
    assert.ok(hw && hw.text.includes(GENERIC_ACCELERATOR.name) && hw.override, JSON.stringify(hw));
    assert.ok(e.gpuHours.mid > 0);
    wellFormed(e);
  });

  it('a CPU named as the hardware is not estimated as a GPU; Apple silicon and unknown GPUs still are', () => {
    for (const hardware of ['cpu', 'Intel Xeon Platinum 8380', 'AMD EPYC 7763', 'Intel Core Ultra 9 185H laptop CPU']) {
      const e = estimate({ params: 6e6, tokens: 8e7, hardware, devices: 1 });
      assert.equal(e.method, 'insufficient-inputs', hardware);
      assert.equal(e.gpuHours.mid, 0, hardware);
      assert.ok(
        e.warnings.some((w) => w.includes(`"${hardware}" is a CPU`)),
        JSON.stringify(e.warnings),
      );
    }
    assert.equal(estimate({ params: 6e6, tokens: 8e7, hardware: 'apple m2 max' }).method, 'flops');
    assert.equal(estimate({ params: 6e6, tokens: 8e7, hardware: 'rtx 5080' }).method, 'flops');
  });

  it('returns insufficient-inputs, zero ranges and a warning naming the tokens when tokens are missing', () => {
    const e = estimate({ params: 7e9, hardware: 'a100' });
    assert.equal(e.method, 'insufficient-inputs');
    for (const r of [e.gpuHours, e.energyKWh, e.co2eKg, e.wallHours]) assert.deepEqual(r, { low: 0, mid: 0, high: 0 });
    assert.ok(
      e.warnings.some((w) => /tokens/.test(w) && !/parameter count/.test(w)),
      JSON.stringify(e.warnings),
    );
    // Memory is still estimated from the parameter count.
    assert.ok(e.memoryGBPerDevice && e.memoryGBPerDevice.weightsGB > 0);
  });

  it('names both missing inputs when parameters and tokens are both unknown', () => {
    const e = estimate({});
    assert.equal(e.method, 'insufficient-inputs');
    assert.ok(e.warnings.some((w) => /parameter count/.test(w) && /tokens/.test(w)));
    assert.equal(e.memoryGBPerDevice, undefined);
  });

  it('never throws on nonsense and says what it ignored', () => {
    const inputs = [
      { params: NaN, tokens: -5, gpuHours: Infinity },
      { params: 1e9, tokens: 1e10, devices: 0, pue: 0.5, intensity: -1, mfu: 7 },
      { params: 1e9, tokens: 1e10, hardware: '', region: 'atlantis' },
      { gpuHours: 10, precision: 'bf16', hardware: 'v100' },
      { params: 1e9, tokens: 1e10, hardware: 'p100', precision: 'fp8' },
    ] as RunInputs[];
    for (const i of inputs) {
      const e = estimate(i);
      wellFormed(e);
    }
    assert.ok(estimate(inputs[1]).warnings.some((w) => /mfu/.test(w)));
    assert.ok(estimate(inputs[2]).warnings.some((w) => /atlantis/i.test(w)));
    assert.ok(
      estimate(inputs[3]).warnings.some((w) => /bf16/.test(w)),
      'bf16 on V100 is flagged',
    );
  });
});

describe('estimate: development cases', () => {
  it('reproduces every convention case exactly and beats plain 6ND at 40 % MFU on device-hours', () => {
    for (const c of CASES.filter((x) => x.tier === 'convention')) {
      const e = estimate(c.inputs);
      const v = c.target.metric === 'co2eKg' ? e.co2eKg.mid : e.energyKWh.mid;
      near(v, c.target.value, 0.005, c.id);
    }
    const errors: number[] = [];
    const baseline: number[] = [];
    // Token workloads only: 6·N·D is undefined for per-sample (vision) cases, whose baseline is their own.
    for (const c of CASES.filter(
      (x) =>
        x.tier === 'device-hours' &&
        x.quality === 'A' &&
        x.inputs.architecture === undefined &&
        x.inputs.flopsPerSample === undefined &&
        x.inputs.tokens !== undefined &&
        (x.inputs.activeParams ?? x.inputs.params) !== undefined &&
        x.inputs.hardware !== undefined &&
        resolveAccelerator(x.inputs.hardware).ok,
    )) {
      const e = estimate(c.inputs);
      errors.push(Math.abs(e.gpuHours.mid / c.target.value - 1));
      const r = resolveAccelerator(c.inputs.hardware!);
      assert.ok(r.ok, c.id);
      const n = c.inputs.activeParams ?? c.inputs.params!;
      const b = (6 * n * c.inputs.tokens!) / (peak16(r.value) * 1e12 * 0.4) / 3600;
      assert.ok(Number.isFinite(b), `${c.id}: baseline ${b}`);
      baseline.push(Math.abs(b / c.target.value - 1));
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    assert.ok(errors.length >= 20);
    assert.ok(errors.every(Number.isFinite) && baseline.every(Number.isFinite));
    // In-sample, quality-A token runs: 12 % on the cases before round 10, 16 % with the spent published sets' runs,
    // 18 % with footprint-9's (its six Gradient stages 60–80 % off) and with footprint-10's. Round 13's centre per regime
    // (21 %, bound loosened to 22 %) was reverted in round 14: it gained nothing on sets left out of the fit
    // (docs/evaluation/dev-footprint-14.md), so the bound is back at 20 %.
    assert.ok(median(errors) < 0.2, `median device-hours error ${median(errors)}`);
    assert.ok(median(errors) < median(baseline), `${median(errors)} vs baseline ${median(baseline)}`);
  });
});
