// The helpers both footprint validation scripts report with (scripts/validation/metrics.ts): one definition of the
// median and of the range a published value is compared with, so that validate:footprint and cv-choices agree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate } from '../../core/index';
import { CASES } from '../../core/validation/cases';
import { inside, median, metricOf, spentSetOf } from '../../scripts/validation/metrics';
import { missingFacts } from '../../scripts/validation/missing';

describe('validation metrics', () => {
  it('takes the median of the finite values, the mean of the middle two for an even count', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([NaN, 5, Infinity, 1]), 3);
    assert.ok(Number.isNaN(median([NaN])));
  });

  it('compares accelerator-only energy with the accelerators share of the estimate', () => {
    const e = estimate({ params: 1e9, tokens: 2e10, hardware: 'h100', devices: 8 });
    const acc = metricOf(e, 'acceleratorKWh');
    assert.deepEqual(acc, e.energyBreakdownKWh!.accelerators);
    assert.ok(acc.mid < metricOf(e, 'energyKWh').mid);
    assert.deepEqual(metricOf(e, 'gpuHours'), e.gpuHours);
  });

  it('names the spent set of a published run and none for the project own cases', () => {
    const spent = CASES.find((c) => c.notes?.startsWith('footprint-'))!;
    assert.match(spentSetOf(spent)!, /^footprint-\d+$/);
    assert.equal(spentSetOf(CASES.find((c) => !c.notes?.startsWith('footprint-'))!), undefined);
    assert.ok(inside(100.4, { low: 50, mid: 80, high: 100 }));
    assert.ok(!inside(101, { low: 50, mid: 80, high: 100 }));
  });

  it('names the fact a run the core cannot estimate lacks', () => {
    const facts = (i: Parameters<typeof estimate>[0]) => missingFacts(estimate(i).warnings, i);
    // A decoder whose card gives its size and GPUs but no length.
    assert.deepEqual(facts({ params: 336e6, hardware: 'v100', devices: 8 }), ['training tokens']);
    // Tokens but no size.
    assert.deepEqual(facts({ tokens: 1e9, hardware: 'v100', devices: 1 }), ['parameter count']);
    // A detector trained for 36 epochs over 118,287 images: the images' FLOPs are what is missing, not a parameter count.
    assert.deepEqual(facts({ samples: 118_287, epochs: 36, hardware: 'v100', devices: 8 }), [
      'FLOPs per sample (architecture)',
    ]);
    assert.deepEqual(facts({ samples: 3e6, hardware: 'a100', devices: 8 }), [
      'FLOPs per sample (architecture)',
      'epochs',
    ]);
    // A segmentation net trained for 84 epochs over images it does not count.
    assert.deepEqual(facts({ epochs: 84, hardware: 'v100', devices: 16 }), [
      'FLOPs per sample (architecture)',
      'training samples',
    ]);
    // An estimable run lacks nothing.
    assert.deepEqual(facts({ params: 1e9, tokens: 2e10, hardware: 'h100', devices: 8 }), []);
  });
});
