import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { calibrateFromCodeCarbon, calibrateFromZeus, estimate, saving } from '../../core/index';
import type { Calibration, MeasurementRow, RunInputs } from '../../core/index';

function near(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} is not within ${rel * 100} % of ${expected}`);
}

/** Two flushes of one run (cumulative) and one other run, as CodeCarbon appends them. */
const ROWS: MeasurementRow[] = [
  {
    run_id: 'a',
    duration: '1800',
    gpu_energy: '0.28',
    cpu_energy: '0.04',
    ram_energy: '0.01',
    energy_consumed: '0.33',
    emissions: '0.1',
    gpu_count: '2',
    gpu_model: '2 x NVIDIA A100-SXM4-80GB',
    country_iso_code: 'USA',
    cloud_provider: 'aws',
    cloud_region: 'us-east-1',
    on_cloud: 'Y',
    pue: '1.0',
  },
  {
    run_id: 'a',
    duration: '3600',
    gpu_energy: '0.56',
    cpu_energy: '0.08',
    ram_energy: '0.02',
    energy_consumed: '0.66',
    emissions: '0.2',
    gpu_count: '2',
    gpu_model: '2 x NVIDIA A100-SXM4-80GB',
    country_iso_code: 'USA',
    cloud_provider: 'aws',
    cloud_region: 'us-east-1',
    on_cloud: 'Y',
    pue: '1.0',
  },
  {
    run_id: 'b',
    duration: 3600,
    gpu_energy: 0.56,
    cpu_energy: 0.08,
    ram_energy: 0.02,
    energy_consumed: 0.66,
    emissions: 0.2,
    gpu_count: 2,
    gpu_model: '2 x NVIDIA A100-SXM4-80GB',
    country_iso_code: 'USA',
    cloud_provider: 'aws',
    cloud_region: 'us-east-1',
    on_cloud: 'Y',
    pue: 1,
  },
];

function calibration(rows = ROWS, work?: Parameters<typeof calibrateFromCodeCarbon>[1]): Calibration {
  const r = calibrateFromCodeCarbon(rows, work);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.value;
}

describe('calibrateFromCodeCarbon', () => {
  it('averages GPU and host power per device over runs, taking the latest row of each run_id', () => {
    const c = calibration();
    assert.equal(c.runs, 2);
    assert.equal(c.durationS, 7200);
    assert.equal(c.devices, 2);
    // 1.12 kWh over 7,200 s × 2 GPUs = 280 W; host 0.2 kWh → 50 W per GPU.
    near(c.gpuPowerW, 280, 1e-12, 'GPU W');
    near(c.hostPowerW!, 50, 1e-12, 'host W');
    near(c.itEnergyKWh, 1.32, 1e-12, 'IT kWh');
    near(c.measuredKgCO2e!, 0.4, 1e-12, 'kg');
    assert.equal(c.region, 'aws:us-east-1');
    assert.equal(c.country, 'USA');
    assert.match(c.description, /2 runs, 2 h on 2 × NVIDIA A100-SXM4-80GB/);
  });

  it('derives step time and throughput when the measured work is known', () => {
    const c = calibration(ROWS, { steps: 1000, tokens: 7.2e7 });
    near(c.stepTimeS!, 7.2, 1e-12, 'seconds per step');
    near(c.deviceSecondsPerToken!, (7200 * 2) / 7.2e7, 1e-12, 'device-seconds per token');
  });

  it('flags silent zero GPU energy and implausible power; fails when nothing is usable', () => {
    const zero = calibrateFromCodeCarbon([
      { run_id: 'z', duration: 100, gpu_energy: 0, gpu_count: 1, cpu_energy: 0.001 },
    ]);
    assert.equal(zero.ok, false);
    assert.match(zero.ok ? '' : zero.message, /#1316/);
    const mixed = calibration([...ROWS, { run_id: 'z', duration: 100, gpu_energy: '0', gpu_count: '1' }]);
    assert.ok(mixed.warnings.some((w) => /#1316/.test(w)));
    const huge = calibration([{ run_id: 'h', duration: 3600, gpu_energy: 8, gpu_count: 1 }]);
    assert.ok(huge.warnings.some((w) => /implausible/.test(w)));
    assert.equal(calibrateFromCodeCarbon([]).ok, false);
  });
});

describe('calibrateFromZeus', () => {
  it('reads joules per GPU index and seconds', () => {
    const r = calibrateFromZeus([{ time: 100, gpu_energy: { 0: 30_000, 1: 32_000 }, cpu_energy: 5_000 }], {
      samples: 1000,
    });
    assert.ok(r.ok);
    near(r.value.gpuPowerW, 310, 1e-12, 'W per GPU');
    near(r.value.hostPowerW!, 25, 1e-12, 'host W per GPU');
    near(r.value.deviceSecondsPerSample!, 0.2, 1e-12, 'device-seconds per sample');
  });
});

describe('estimate with a calibration', () => {
  const RUN: RunInputs = { params: 1.3e9, tokens: 2.6e10, hardware: 'a100-80gb', devices: 2, region: 'aws:us-east-1' };

  it('is labelled calibrated and uses the measured power instead of the power model', () => {
    const pre = estimate(RUN);
    assert.equal(pre.label, 'pre-flight estimate');
    const c = calibration();
    const e = estimate({ ...RUN, calibration: c });
    assert.equal(e.label, 'calibrated');
    assert.deepEqual(e.gpuHours, pre.gpuHours, 'no measured work: device-hours from the FLOPs model');
    near(e.energyBreakdownKWh!.accelerators.mid, (e.gpuHours.mid * 280) / 1000, 1e-12, 'measured accelerator power');
    near(e.energyBreakdownKWh!.host.mid, (e.gpuHours.mid * 50) / 1000, 1e-12, 'measured host power');
    assert.ok(e.assumptions.some((a) => a.key === 'calibration' && /280 W per accelerator/.test(a.text)));
    assert.ok(!e.assumptions.some((a) => a.key === 'power'), 'the power model is not used');
    assert.equal(e.calibration, c);
  });

  it('uses the measured throughput for device-hours when the measured work is known', () => {
    const c = calibration(ROWS, { tokens: 7.2e7 });
    const e = estimate({ ...RUN, calibration: c });
    assert.equal(e.method, 'measured-throughput');
    near(e.gpuHours.mid, (2.6e10 * c.deviceSecondsPerToken!) / 3600, 1e-12, 'hours from throughput');
    near(e.gpuHours.high / e.gpuHours.mid, 1.1, 1e-9, '±10 % extrapolation');
    // What-if still works against a measured base: bf16 → fp32 costs more.
    const s = saving({ ...RUN, calibration: c, precision: 'fp32' }, { precision: 'bf16' });
    assert.ok(s.kWh.mid > 0);
  });

  it('takes hardware and region from the measurement when the run does not say, and scales power across GPUs', () => {
    const c = calibration();
    const e = estimate({ params: 1e9, tokens: 1e10, calibration: c });
    assert.equal(e.accelerator?.id, 'a100-sxm4-80gb');
    assert.ok(e.assumptions.some((a) => a.key === 'region' && /aws:us-east-1/.test(a.text)));
    const h = estimate({ params: 1e9, tokens: 1e10, hardware: 'h100', calibration: c });
    near(
      h.energyBreakdownKWh!.accelerators.mid,
      (h.gpuHours.mid * 280 * (700 / 400)) / 1000,
      1e-12,
      'scaled by rated power',
    );
    assert.ok(h.warnings.some((w) => /scaled by the rated powers/.test(w)));
  });

  it('lets an explicit power per device win over the measurement (and says so)', () => {
    const e = estimate({ ...RUN, powerW: 300, calibration: calibration() });
    assert.equal(e.label, 'pre-flight estimate');
    assert.ok(e.warnings.some((w) => /measured power is not used/.test(w)));
  });
});
