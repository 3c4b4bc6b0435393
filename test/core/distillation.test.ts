// Knowledge distillation (RunInputs.teacherParams): the teacher's forward pass on every token is training compute too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate } from '../../core/index';
import type { RunInputs } from '../../core/index';

describe('knowledge distillation', () => {
  it("adds the teacher's forward pass on every token (2·N_teacher) and says so", () => {
    const student: RunInputs = { params: 1.24e9, tokens: 1e11, hardware: 'h100', devices: 8, precision: 'bf16' };
    const plain = estimate(student);
    const distilled = estimate({ ...student, teacherParams: 8e9 });
    const ratio = distilled.gpuHours.mid / plain.gpuHours.mid;
    const flops = (6 * 1.24e9 + 2 * 8e9) / (6 * 1.24e9);
    assert.ok(Math.abs(ratio / flops - 1) < 0.01, `${ratio} vs ${flops}`);
    assert.ok(distilled.assumptions.some((a) => a.key === 'flops' && /2·N_teacher/.test(a.text)));
  });

  it('ignores a teacher size that is not a positive number, with a warning', () => {
    const e = estimate({ params: 1e9, tokens: 1e10, hardware: 'a100', teacherParams: -5 });
    assert.ok(e.warnings.some((w) => /teacherParams/.test(w)));
    assert.ok(e.gpuHours.mid > 0);
  });
});
