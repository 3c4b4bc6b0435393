// GeForce cards halve FP16/BF16 tensor math with FP32 accumulate; a convolutional step slows only in its tensor-bound
// share (core/compute.ts geforceConvUtilisation), a transformer keeps the halved peak.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, geforceConvUtilisation, halfRateAccumulate, resolveAccelerator } from '../../core/index';

const hw = (name: string) => {
  const r = resolveAccelerator(name);
  assert.ok(r.ok, name);
  return r.value;
};

describe('convolutional networks on half-rate GeForce cards', () => {
  it('knows which cards halve the FP32-accumulate tensor rate: GeForce RTX, not TITAN, workstation or data-centre cards', () => {
    for (const n of ['rtx 2080 ti', 'rtx 3090', 'rtx 4060 ti 16gb', 'rtx 4090', 'rtx 5090'])
      assert.ok(halfRateAccumulate(hw(n)), n);
    for (const n of ['titan rtx', 'rtx a6000', 'rtx 6000 ada', 'a100', 't4', 'gtx 1080 ti'])
      assert.ok(!halfRateAccumulate(hw(n)), n);
  });

  it('puts a ResNet-50 on an RTX 2080 Ti 1.1–1.6× behind a TITAN RTX of the same chip (measured on ResNet-9: 1.30×), not 2.4×', () => {
    const run = { architecture: 'resnet50', samples: 1281167, epochs: 1, devices: 1, precision: 'fp16' } as const;
    const ratio =
      estimate({ ...run, hardware: 'rtx 2080 ti' }).gpuHours.mid /
      estimate({ ...run, hardware: 'titan rtx' }).gpuHours.mid;
    assert.ok(ratio > 1.1 && ratio < 1.6, `${ratio}`);
  });

  it('keeps the halved peak for a transformer: a GPT-2-size run on an RTX 3090 over 1.8× the time of an RTX A6000', () => {
    const run = { params: 124e6, tokens: 1e9, devices: 1, precision: 'bf16' } as const;
    const ratio =
      estimate({ ...run, hardware: 'rtx 3090' }).gpuHours.mid /
      estimate({ ...run, hardware: 'rtx a6000' }).gpuHours.mid;
    assert.ok(ratio > 1.8, `${ratio}`);
  });

  it('slows a step by its tensor-bound share only: never below the full-rate utilisation, never above twice it', () => {
    for (const u of [0.02, 0.1, 0.16, 0.4, 0.75]) {
      const g = geforceConvUtilisation(u);
      assert.ok(g >= u && g <= 2 * u, `${u} → ${g}`);
    }
    assert.ok(Math.abs(geforceConvUtilisation(0.75) - 0.75) < 1e-9, 'a fully tensor-bound step slows by the full 2×');
  });
});
