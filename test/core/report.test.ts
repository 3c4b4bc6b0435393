import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { calibrateFromZeus, estimate, modelCardCo2, modelCardYaml, reportJson, sciIntensities } from '../../core/index';
import type { RunInputs } from '../../core/index';

function near(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} is not within ${rel * 100} % of ${expected}`);
}

const RUN: RunInputs = {
  params: 6.74e9,
  tokens: 2e12,
  hardware: 'a100-80gb',
  devices: 512,
  region: 'aws:us-east-1',
  precision: 'bf16',
};

describe('Hugging Face co2_eq_emissions metadata', () => {
  it('writes grams = co2eKg.mid × 1000, the source, location and hardware', () => {
    const e = estimate(RUN);
    const m = modelCardCo2(e, { trainingType: 'pre-training' });
    assert.equal(m.emissions, e.co2eKg.mid * 1000);
    assert.equal(m.source, 'Green ML Review pre-flight estimate');
    assert.equal(m.training_type, 'pre-training');
    assert.equal(m.geographical_location, 'US East (N. Virginia) (aws:us-east-1)');
    assert.equal(m.hardware_used, '512 x NVIDIA A100 SXM4 80 GB');
  });

  it('keeps embodied, marginal and market-based figures out of the emissions', () => {
    const e = estimate({ ...RUN, embodied: true, marginal: true, marketIntensity: 0 });
    assert.equal(modelCardCo2(e).emissions, e.co2eKg.mid * 1000);
  });

  it('says when the estimate is calibrated, and omits what it does not know', () => {
    const cal = calibrateFromZeus([{ time: 3600, gpu_energy: { 0: 1.08e6 } }]);
    assert.ok(cal.ok);
    const e = estimate({ gpuHours: 10, calibration: cal.value });
    const m = modelCardCo2(e);
    assert.equal(m.source, 'Green ML Review estimate calibrated from Zeus');
    assert.equal(m.training_type, undefined);
    assert.equal(m.geographical_location, undefined, 'world average is not a location');
  });

  it('renders a YAML block with quoted strings', () => {
    const yaml = modelCardYaml({
      emissions: 1234.5678,
      source: 'Green ML Review pre-flight estimate',
      training_type: 'fine-tuning',
      hardware_used: '8 x "GPU"',
    });
    assert.equal(
      yaml,
      'co2_eq_emissions:\n  emissions: 1234.57\n  source: "Green ML Review pre-flight estimate"\n  training_type: "fine-tuning"\n  hardware_used: "8 x \\"GPU\\""',
    );
  });
});

describe('SCI-style intensities', () => {
  it('divide the CO2e (in grams) by 10¹² FLOPs and by 1,000 tokens', () => {
    const e = estimate(RUN);
    const s = sciIntensities(e);
    near(s.perTeraFlopG!.mid, (e.co2eKg.mid * 1000) / (e.work!.flops! / 1e12), 1e-12, 'g per 10¹² FLOPs');
    near(s.perThousandTokensG!.mid, (e.co2eKg.mid * 1000) / (2e12 / 1000), 1e-12, 'g per 1,000 tokens');
    assert.ok(s.perTeraFlopG!.low < s.perTeraFlopG!.mid && s.perTeraFlopG!.mid < s.perTeraFlopG!.high);
    assert.match(s.boundary, /embodied not included/);
    // 6·N·D is the FLOP count.
    near(e.work!.flops!, 6 * 6.74e9 * 2e12, 1e-12, 'FLOPs');
  });

  it('include embodied emissions (O + M) when they were requested', () => {
    const e = estimate({ ...RUN, embodied: true });
    const s = sciIntensities(e);
    near(s.perThousandTokensG!.mid, (e.totalKgCO2e!.mid * 1000) / (2e12 / 1000), 1e-12, 'O + M');
    assert.match(s.boundary, /\+ embodied/);
  });

  it('are per sample for per-sample workloads, and absent without an estimate', () => {
    const e = estimate({ architecture: 'resnet50', samples: 1000, epochs: 2, hardware: 't4' });
    const s = sciIntensities(e);
    near(s.perSampleG!.mid, (e.co2eKg.mid * 1000) / 2000, 1e-12, 'per sample');
    assert.equal(s.perThousandTokensG, undefined);
    const none = reportJson(estimate({}));
    assert.equal(none.modelCard, undefined);
    assert.equal(none.sci.perTeraFlopG, undefined);
  });
});
