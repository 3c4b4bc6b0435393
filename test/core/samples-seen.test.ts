// A published run whose source states steps × batch and no dataset size: the labellers write samples = steps × batch
// with epochs null (footprint-19 README, "Format"), and the case's id states both. The scorer reads one pass over them
// (scripts/heldout/footprint-inputs.ts seenOnce), so that the run is estimable as a user stating the steps would get.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate } from '../../core/index';
import { inputsOf, seenOnce, type FootprintCase } from '../../scripts/heldout/footprint-inputs';

const run: FootprintCase = {
  id: 'dna-lm-base-110m-2m-steps-bs256-8xa100-5d',
  name: 'a DNA language model, 2M steps of batch 256, 8x A100, 5 days',
  quality: 'B',
  modality: 'text',
  architecture: 'transformer',
  paramsTotal: 110e6,
  paramsActive: null,
  tokens: null,
  samples: 2_000_000 * 256,
  epochs: null,
  seqLen: 512,
  resolution: null,
  hardware: 'A100 80GB',
  devices: 8,
  precision: null,
  target: { metric: 'gpuHours', value: 960 },
  source: 'a model card, 2023',
};

describe('samples a run saw, stated as steps × batch in its id', () => {
  it('reads one pass over them, and the run becomes estimable', () => {
    assert.ok(seenOnce(run));
    assert.equal(inputsOf(run).epochs, 1);
    assert.equal(estimate(inputsOf(run)).method, 'flops');
    assert.ok(seenOnce({ ...run, id: 'vit-l-100k-it-bs4096-128xv100', samples: 409_600_000 }));
    assert.ok(seenOnce({ ...run, id: 'tts-200k-steps-bs16-1xrtx3090-3d', samples: 3_200_000 }));
  });

  it('must not: a dataset size (another product, or no steps × batch in the id) gets no epochs', () => {
    assert.equal(inputsOf({ ...run, samples: 70_000 }).epochs, undefined);
    assert.equal(inputsOf({ ...run, id: 'vicuna-13b-8xa100' }).epochs, undefined);
    assert.equal(estimate(inputsOf({ ...run, samples: 70_000 })).method, 'insufficient-inputs');
  });

  it('must not: stated epochs or tokens win', () => {
    assert.equal(inputsOf({ ...run, epochs: 3 }).epochs, 3);
    assert.equal(seenOnce({ ...run, tokens: 1e9 }), false);
  });
});
