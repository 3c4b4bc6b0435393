import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  BLOOM_G_PER_DEVICE_HOUR,
  embodiedPerDeviceHour,
  estimate,
  IDLE_SHARE,
  resolveAccelerator,
  saving,
} from '../../core/index';
import type { RunInputs } from '../../core/index';

function near(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} is not within ${rel * 100} % of ${expected}`);
}

const RUN: RunInputs = { params: 1.3e9, tokens: 2.6e10, hardware: 'a100-80gb', devices: 8, region: 'aws:us-east-1' };

describe('energy options: all off by default', () => {
  it('adds no component and no assumption unless asked', () => {
    const e = estimate(RUN);
    assert.equal(e.idleKWh, undefined);
    assert.equal(e.developmentKWh, undefined);
    assert.equal(e.embodiedKgCO2e, undefined);
    assert.equal(e.totalKgCO2e, undefined);
    assert.equal(e.marginal, undefined);
    assert.equal(e.marketBased, undefined);
    for (const k of ['idle', 'development-runs', 'embodied', 'marginal', 'market-based']) {
      assert.ok(!e.assumptions.some((a) => a.key === k), `${k} listed although off`);
    }
  });
});

describe('idle and infrastructure energy (includeIdle)', () => {
  it('adds exactly 59 % of the dynamic (accelerator) energy, inside energy and CO2e, and lists it', () => {
    const off = estimate(RUN);
    const on = estimate({ ...RUN, includeIdle: true });
    assert.equal(IDLE_SHARE, 0.59);
    near(on.idleKWh!.mid, 0.59 * on.energyBreakdownKWh!.accelerators.mid, 1e-12, 'idle = 59 % of accelerator energy');
    near(
      on.energyKWh.mid,
      off.energyKWh.mid + 0.59 * off.energyBreakdownKWh!.accelerators.mid,
      1e-12,
      'energy grows by the idle term',
    );
    near(on.co2eKg.mid / on.energyKWh.mid, off.co2eKg.mid / off.energyKWh.mid, 1e-12, 'same intensity');
    const b = on.energyBreakdownKWh!;
    near(b.accelerators.mid + b.host.mid + b.facility.mid + b.idle!.mid, on.energyKWh.mid, 1e-12, 'breakdown adds up');
    const a = on.assumptions.find((x) => x.key === 'idle');
    assert.ok(a && /59 %/.test(a.text) && /Luccioni/.test(a.source ?? ''), JSON.stringify(a));
  });

  it("reproduces BLOOM's dynamic + idle energy from its GPU-hours (Luccioni et al. 2022)", () => {
    const e = estimate({ gpuHours: 1_082_990, powerW: 400, pue: 1, intensity: 57, includeIdle: true });
    near(e.energyKWh.mid, 433_196 + 256_646, 0.005, 'BLOOM dynamic + idle');
    near(e.idleKWh!.mid, 256_646, 0.005, 'BLOOM idle');
  });
});

describe('development runs (devRunsMultiplier)', () => {
  it('scales energy, CO2e and embodied by total ÷ final and reports the extra as its own component', () => {
    const off = estimate(RUN);
    const on = estimate({ ...RUN, devRunsMultiplier: 1.5 });
    near(on.energyKWh.mid, 1.5 * off.energyKWh.mid, 1e-12, 'energy × 1.5');
    near(on.co2eKg.mid, 1.5 * off.co2eKg.mid, 1e-12, 'CO2e × 1.5');
    near(on.developmentKWh!.mid, 0.5 * off.energyKWh.mid, 1e-12, 'development share');
    assert.deepEqual(on.gpuHours, off.gpuHours, "the run's own device-hours do not change");
    assert.ok(on.assumptions.some((a) => a.key === 'development-runs' && /OLMo/.test(a.text)));
    const emb1 = estimate({ ...RUN, embodied: true });
    const emb15 = estimate({ ...RUN, embodied: true, devRunsMultiplier: 1.5 });
    near(emb15.embodiedKgCO2e!.mid, 1.5 * emb1.embodiedKgCO2e!.mid, 1e-12, 'embodied × 1.5');
  });

  it('rejects a multiplier below 1 with a warning', () => {
    const e = estimate({ ...RUN, devRunsMultiplier: 0.5 });
    assert.equal(e.developmentKWh, undefined);
    assert.ok(e.warnings.some((w) => /devRunsMultiplier/.test(w)));
  });
});

describe('embodied emissions (embodied)', () => {
  it('are reported separately: co2eKg does not change, totalKgCO2e = co2eKg + embodied', () => {
    const off = estimate(RUN);
    const on = estimate({ ...RUN, embodied: true });
    assert.deepEqual(on.co2eKg, off.co2eKg);
    assert.deepEqual(on.energyKWh, off.energyKWh);
    assert.ok(
      on.embodiedKgCO2e!.low > 0 &&
        on.embodiedKgCO2e!.low < on.embodiedKgCO2e!.mid &&
        on.embodiedKgCO2e!.mid < on.embodiedKgCO2e!.high,
    );
    near(on.totalKgCO2e!.mid, on.co2eKg.mid + on.embodiedKgCO2e!.mid, 1e-12, 'total');
    const a = on.assumptions.find((x) => x.key === 'embodied');
    assert.ok(a && /LLMCarbon/.test(a.source ?? '') && /BLOOM/.test(a.source ?? ''), JSON.stringify(a));
  });

  it("spans LLMCarbon's die-area figure to BLOOM's server figure per device-hour, uncapped", () => {
    const a100 = resolveAccelerator('a100-80gb');
    assert.ok(a100.ok);
    const p = embodiedPerDeviceHour(a100.value);
    // LLMCarbon: 8.26 cm² × 1.6 kg/cm² + 80 GB × 0.4 kg/GB + 133.9 kg / 8, over 5 years.
    near(p.low, ((8.26 * 1.6 + 80 * 0.4 + (111.6 * 1.2) / 8) * 1000) / (5 * 8760), 1e-9, 'LLMCarbon A100');
    // BLOOM: (150 kg + 2,500 kg / 8) over 6 years at 85 % = 10.35 g/h; × 1,082,990 GPU-h = 11.2 t.
    near(BLOOM_G_PER_DEVICE_HOUR, 10.35, 0.002, 'BLOOM g/h');
    near((BLOOM_G_PER_DEVICE_HOUR * 1_082_990) / 1e6, 11.2, 0.005, 'BLOOM 11.2 t');
    near(p.mid, Math.sqrt(p.low * p.high), 1e-12, 'geometric mean');
    const e = estimate({ gpuHours: 1000, hardware: 'a100-80gb', embodied: true });
    near(e.embodiedKgCO2e!.low, p.low, 1e-9, 'low per 1000 h, kg');
    near(e.embodiedKgCO2e!.high, p.high, 1e-9, 'high per 1000 h, kg');
  });

  it('does not change savings of a change that keeps the hours (embodied is not operational)', () => {
    const s = saving({ ...RUN, embodied: true, precision: 'fp32' }, { precision: 'bf16' });
    const t = saving({ ...RUN, precision: 'fp32' }, { precision: 'bf16' });
    near(s.kWh.mid, t.kWh.mid, 1e-12, 'same kWh saving');
  });
});

describe('TPU v3 power basis: measured chip power (Jouppi et al.), independent of the Patterson runs', () => {
  it('uses 175–262 W per TPU v3 chip (mid 220 W) plus the host share, not 450 W × load', () => {
    const e = estimate({ gpuHours: 1000, hardware: 'tpu-v3', pue: 1, intensity: 0 });
    const accel = e.energyBreakdownKWh!.accelerators;
    near(accel.mid, 220, 1e-9, 'chip kWh per 1,000 chip-hours');
    assert.ok(e.energyBreakdownKWh!.host.mid > 0, 'host share added');
    assert.ok(e.energyKWh.mid < 0.45 * 1000, 'well below the 450 W TDP');
    assert.ok(e.assumptions.some((a) => a.key === 'power' && /Jouppi/.test(a.source ?? '')));
    assert.ok(
      !e.assumptions.some((a) => /Patterson et al\. 2021 Table 4: measured average system power/.test(a.source ?? '')),
    );
  });

  it('reproduces T5, Meena and GShard energy (Patterson Table 4) within 10 %', () => {
    near(
      estimate({ gpuHours: 512 * 20 * 24, hardware: 'tpu-v3', devices: 512, pue: 1.12 }).energyKWh.mid,
      85_700,
      0.1,
      'T5',
    );
    near(
      estimate({ gpuHours: 1024 * 30 * 24, hardware: 'tpu-v3', devices: 1024, pue: 1.09 }).energyKWh.mid,
      232_000,
      0.1,
      'Meena',
    );
    near(
      estimate({ gpuHours: 1024 * 3.1 * 24, hardware: 'tpu-v3', devices: 1024, pue: 1.09 }).energyKWh.mid,
      24_100,
      0.1,
      'GShard',
    );
  });
});
