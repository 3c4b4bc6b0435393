// The helpers both footprint validation scripts report with (scripts/validation/metrics.ts): one definition of the
// median and of the range a published value is compared with, so that validate:footprint and cv-choices agree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate } from '../../core/index';
import { CASES } from '../../core/validation/cases';
import { inside, median, metricOf, spentSetOf } from '../../scripts/validation/metrics';
import { missingFacts } from '../../scripts/validation/missing';
import { notEstimable, oneFieldAway } from '../../scripts/heldout/not-estimable';
import { inputsOf, type FootprintCase } from '../../scripts/heldout/footprint-inputs';

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

  it('asks a run counted in text samples × epochs for its size only: the tokens follow from the samples', () => {
    const facts = (i: Parameters<typeof estimate>[0], images = false) => missingFacts(estimate(i).warnings, i, images);
    // scGPT-like: 10.3 M cells × 6 epochs of text-like sequences, no parameter count.
    const cells = { samples: 10.3e6, epochs: 6, sampleKind: 'text' as const, hardware: 'a100', devices: 4 };
    assert.deepEqual(facts(cells), ['parameter count']);
    // With the size the same run is estimable: the tokens were never a second missing fact.
    assert.notEqual(estimate({ ...cells, params: 50e6 }).method, 'insufficient-inputs');
    // Must-not: text samples without epochs lack the epochs too; a run with neither samples nor tokens lacks both facts.
    assert.deepEqual(facts({ ...cells, epochs: undefined }), ['parameter count', 'epochs']);
    assert.deepEqual(facts({ sampleKind: 'text', hardware: 'a100', devices: 4 }), [
      'parameter count',
      'training tokens',
    ]);
    // Images that state nothing but their GPUs lack a network, samples and epochs, not a parameter count.
    const bare = { hardware: 'rtx 2080 ti', devices: 4 };
    assert.deepEqual(facts(bare, true), ['FLOPs per sample (architecture)', 'epochs', 'training samples']);
    assert.deepEqual(facts(bare), ['parameter count', 'training tokens']);
  });
});

describe('held-out scorer: why a published run is not estimable', () => {
  const base: FootprintCase = {
    id: 'x',
    name: 'a run',
    quality: 'C',
    modality: 'text',
    paramsTotal: 13e9,
    paramsActive: null,
    tokens: null,
    samples: 41_000,
    epochs: null,
    seqLen: null,
    resolution: null,
    hardware: 'A100 80GB',
    devices: 4,
    precision: null,
    target: { metric: 'gpuHours', value: 64 },
    source: 'test',
  };
  const why = (c: FootprintCase) => notEstimable(c, inputsOf(c), estimate(inputsOf(c)));

  it('names the case fields to state and the fields it states', () => {
    const r = why(base);
    assert.deepEqual(r.needs, ['epochs']);
    assert.deepEqual(r.states, ['paramsTotal', 'samples', 'hardware', 'devices']);
    assert.match(r.line, /lacks epochs → state epochs; states paramsTotal, samples, hardware, devices/);
    // An image run: a network the core knows, not a parameter count.
    const img = why({ ...base, modality: 'vision', paramsTotal: null, samples: null, epochs: 100 });
    assert.match(img.needs[0], /^architecture naming a network the core knows/);
    assert.ok(!img.needs.includes('paramsTotal'), img.line);
    // An accelerator name the core does not know is said; a known one is not.
    assert.equal(why({ ...base, hardware: 'Tenstorrent Wormhole n300' }).unknownHardware, 'Tenstorrent Wormhole n300');
    assert.equal(why(base).unknownHardware, undefined);
  });

  it('counts the cases one field away from estimable apart from those lacking more', () => {
    const reasons = [
      { id: 'a', r: why(base) },
      { id: 'b', r: why({ ...base, id: 'b' }) },
      { id: 'c', r: why({ ...base, paramsTotal: null, samples: null }) },
    ];
    const away = oneFieldAway(reasons);
    assert.deepEqual(away.byField, [['epochs', ['a', 'b']]]);
    assert.equal(away.twoOrMore, 1);
  });
});
