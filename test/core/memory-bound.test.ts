// A run whose model states cannot fit the devices it names trained with memory savings, and the recipes for those
// (PEFT's k-bit preparation, the QLoRA script) turn activation checkpointing on: the estimate adds its recomputation and
// says why (core/memory-bound.ts). A run that fits, or that does not name its devices, is estimated as before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate, type RunInputs } from '../../core/index';

const sevenB: RunInputs = {
  params: 7e9,
  tokens: 1e9,
  seqLen: 2048,
  hardware: 'rtx 4090',
  devices: 1,
  precision: 'bf16',
};
const recomputeOf = (i: RunInputs) => estimate(i).assumptions.find((a) => a.key === 'recompute');
const hours = (i: RunInputs) => estimate(i).gpuHours.mid;

describe('activation checkpointing inferred from memory', () => {
  it('a 7B model trained on one 24 GB card: checkpointing is assumed, said so, and costs time', () => {
    const a = recomputeOf(sevenB);
    assert.ok(a, 'a recompute assumption');
    assert.match(a.text, /assumed, not stated/);
    assert.match(a.text, /112 GB per device/);
    assert.ok(a.override);
    const ratio = hours(sevenB) / hours({ ...sevenB, gradCheckpointing: false });
    assert.ok(ratio > 1.2 && ratio < 1.4, `×${ratio}`);
    assert.equal(hours(sevenB), hours({ ...sevenB, gradCheckpointing: true }));
  });

  it('must not: the same run on eight 80 GB A100s holds its states (14 GB each) and gets no recomputation', () => {
    const fits = { ...sevenB, hardware: 'a100-sxm4-80gb', devices: 8 };
    assert.equal(recomputeOf(fits), undefined);
    assert.equal(hours(fits), hours({ ...fits, gradCheckpointing: false }));
  });

  it('must not: no inference without the devices, beyond one node, or when checkpointing is stated off', () => {
    assert.equal(recomputeOf({ ...sevenB, devices: undefined }), undefined);
    assert.equal(recomputeOf({ ...sevenB, params: 70e9, devices: 16 }), undefined);
    assert.equal(recomputeOf({ ...sevenB, gradCheckpointing: false }), undefined);
    assert.doesNotMatch(recomputeOf({ ...sevenB, gradCheckpointing: true })!.text, /assumed/);
  });
});
