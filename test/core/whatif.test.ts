import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { combineSavings, estimate, saving } from '../../core/index';
import type { Range, RunInputs, Saving } from '../../core/index';

function ordered(r: Range, what: string): void {
  assert.ok(r.low <= r.mid && r.mid <= r.high, `${what}: ${JSON.stringify(r)} is not ordered`);
}

function wellFormed(s: Saving): void {
  ordered(s.kWh, 'kWh');
  ordered(s.kgCO2e, 'kgCO2e');
  for (const v of [s.kWh.low, s.kWh.mid, s.kWh.high, s.kgCO2e.low, s.kgCO2e.mid, s.kgCO2e.high, s.fraction]) {
    assert.ok(Number.isFinite(v), `non-finite ${v}`);
  }
}

const RUN: RunInputs = {
  params: 1.3e9,
  tokens: 2.6e10,
  hardware: 'a100-80gb',
  devices: 8,
  region: 'aws:us-east-1',
  microBatch: 8,
  seqLen: 2048,
};

describe('saving', () => {
  it('bf16 instead of PyTorch-default fp32 (true fp32 matmuls) on an A100 saves 80–92 % of the energy, every end of the range positive', () => {
    const s = saving({ ...RUN, precision: 'fp32' }, { precision: 'bf16' });
    wellFormed(s);
    assert.ok(s.fraction >= 0.8 && s.fraction <= 0.92, `fraction ${s.fraction}`);
    assert.ok(s.kWh.low > 0 && s.kgCO2e.low > 0);
    const base = estimate({ ...RUN, precision: 'fp32' });
    assert.ok(Math.abs(s.kWh.mid / base.energyKWh.mid - s.fraction) < 1e-9);
    // The saving is less than the whole base energy even at its high end.
    assert.ok(s.kWh.high < base.energyKWh.high);
  });

  it('fp16 instead of fp32 on a V100 (no TF32) saves 55–80 %: less than on an A100, whose fp32 is further behind its tensor cores', () => {
    const s = saving({ ...RUN, hardware: 'v100-sxm2-32gb', precision: 'fp32' }, { precision: 'fp16' });
    wellFormed(s);
    assert.ok(s.fraction >= 0.55 && s.fraction <= 0.8, `fraction ${s.fraction}`);
    assert.ok(s.kWh.low > 0);
    const a100 = saving({ ...RUN, precision: 'fp32' }, { precision: 'bf16' });
    assert.ok(a100.fraction > s.fraction);
  });

  it('bf16 instead of TF32 (TensorFlow/JAX default, or allow_tf32 in PyTorch) saves far less than instead of true fp32', () => {
    const tf32 = saving({ ...RUN, precision: 'fp32', fp32Matmul: 'tf32' }, { precision: 'bf16' });
    const strict = saving({ ...RUN, precision: 'fp32' }, { precision: 'bf16' });
    wellFormed(tf32);
    assert.ok(tf32.fraction >= 0.4 && tf32.fraction <= 0.7, `fraction ${tf32.fraction}`);
    assert.ok(tf32.fraction < strict.fraction - 0.15);
  });

  it('accepts the changed run whole as well as only the change', () => {
    const base: RunInputs = { ...RUN, precision: 'fp32' };
    assert.deepEqual(saving(base, { ...base, precision: 'bf16' }), saving(base, { precision: 'bf16' }));
  });

  it('charges gradient checkpointing 20–33 % more compute', () => {
    const s = saving({ ...RUN, precision: 'bf16' }, { gradCheckpointing: true });
    wellFormed(s);
    assert.ok(s.fraction <= -0.2 && s.fraction >= -0.34, `fraction ${s.fraction}`);
    assert.ok(s.kWh.high < 0, 'a cost at every end of the range');
  });

  it('moving region changes CO2e much more than kWh', () => {
    const s = saving({ ...RUN, precision: 'bf16' }, { region: 'aws:eu-north-1' });
    wellFormed(s);
    assert.ok(s.kgCO2e.mid > 0);
    const base = estimate({ ...RUN, precision: 'bf16' });
    assert.ok(s.kgCO2e.mid / base.co2eKg.mid > 0.5, 'Sweden is far cleaner than Virginia');
    assert.ok(Math.abs(s.fraction) < 0.1, 'energy barely changes (PUE only)');
  });

  it('a larger micro-batch on a small-batch run saves time', () => {
    const s = saving({ ...RUN, precision: 'bf16', microBatch: 1, seqLen: 256 }, { microBatch: 8 });
    wellFormed(s);
    assert.ok(s.fraction > 0.05 && s.fraction < 0.5, `fraction ${s.fraction}`);
  });

  it('no change saves nothing', () => {
    const s = saving(RUN, {});
    assert.deepEqual(s.kWh, { low: 0, mid: 0, high: 0 });
    assert.equal(s.fraction, 0);
  });

  it('saves nothing computable when the base cannot be estimated', () => {
    const s = saving({ params: 1e9, hardware: 'a100' }, { precision: 'bf16' });
    assert.deepEqual(s.kWh, { low: 0, mid: 0, high: 0 });
  });

  it('scales stated GPU-hours by the modelled time ratio', () => {
    const s = saving(
      { gpuHours: 1000, hardware: 'a100-80gb', precision: 'fp32', pue: 1.1, intensity: 400 },
      { precision: 'bf16' },
    );
    wellFormed(s);
    assert.ok(s.fraction >= 0.5 && s.fraction <= 0.95, `fraction ${s.fraction}`);
    assert.ok(s.kWh.low > 0);
  });

  it('scales a stated power per device with the rated power when the hardware changes', () => {
    const base: RunInputs = {
      gpuHours: 1000,
      hardware: 'a100-80gb',
      precision: 'bf16',
      powerW: 300,
      pue: 1,
      intensity: 0,
    };
    const s = saving(base, { hardware: 'h100' });
    // H100: ~3.2× the bf16 peak at ≈0.7× the A100 utilisation, 1.75× the power → less energy.
    assert.ok(s.fraction > 0.1 && s.fraction < 0.6, `fraction ${s.fraction}`);
  });
});

describe('combineSavings', () => {
  it('applies changes in sequence instead of summing them', () => {
    const base: RunInputs = { ...RUN, precision: 'fp32' };
    const changes: RunInputs[] = [{ precision: 'bf16' }, { region: 'aws:eu-north-1' }];
    const c = combineSavings(base, changes);
    wellFormed(c);
    assert.equal(c.steps.length, 2);
    const separate = changes.map((ch) => saving(base, ch));
    const naive = separate[0].kgCO2e.mid + separate[1].kgCO2e.mid;
    assert.ok(c.kgCO2e.mid < naive, `${c.kgCO2e.mid} should be below the naive sum ${naive}`);
    // The steps add up to the total, and the total equals saving(base, all changes).
    assert.ok(Math.abs(c.steps[0].kgCO2e.mid + c.steps[1].kgCO2e.mid - c.kgCO2e.mid) < 1e-6 * c.kgCO2e.mid);
    const all = saving(base, { precision: 'bf16', region: 'aws:eu-north-1' });
    assert.ok(Math.abs(all.kgCO2e.mid - c.kgCO2e.mid) < 1e-9 * c.kgCO2e.mid);
    // Never more than the whole base footprint.
    assert.ok(c.kgCO2e.mid < estimate(base).co2eKg.mid);
  });

  it('combines checkpointing with the micro-batch it makes possible', () => {
    const base: RunInputs = { ...RUN, precision: 'bf16', microBatch: 1, seqLen: 256 };
    const c = combineSavings(base, [{ gradCheckpointing: true }, { microBatch: 16 }]);
    wellFormed(c);
    assert.ok(c.steps[0].fraction < 0 && c.steps[1].fraction > 0);
  });
});
