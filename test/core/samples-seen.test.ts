// A published run whose source states steps × batch and no dataset size: the labellers write samples = steps × batch
// with epochs null (footprint-19 README, "Format"), and the case's id states both. The scorer reads one pass over them
// (scripts/heldout/footprint-inputs.ts seenOnce), so that the run is estimable as a user stating the steps would get.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate } from '../../core/index';
import { inputsOf, phasesSeen, seenOnce, type FootprintCase } from '../../scripts/heldout/footprint-inputs';

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

// A fine-tune of several phases in one reported duration: the labellers write samples = each phase's examples × its
// epochs, summed, with epochs null (footprint-22 README, "Mixed-phase fine-tunes"), and the id states the phases.
const phased: FootprintCase = {
  ...run,
  id: 'chat-32b-sft-160k-2ep-dpo-110k-1ep-2xa100-72h',
  name: 'a 32B chat fine-tune: SFT on 160k examples for 2 epochs, then DPO on 110k pairs for 1 epoch',
  paramsTotal: 32e9,
  samples: 160_000 * 2 + 110_000,
  seqLen: null,
  devices: 2,
  target: { metric: 'gpuHours', value: 145 },
};

describe('samples a run saw in phases, stated phase by phase in its id', () => {
  it('reads the summed passes as one pass, and the run becomes estimable', () => {
    assert.ok(phasesSeen(phased));
    assert.equal(inputsOf(phased).epochs, 1);
    assert.equal(estimate(inputsOf(phased)).method, 'flops');
    // Two stages of one epoch each.
    assert.ok(phasesSeen({ ...phased, id: 'chat-8b-2stage-dpo-70k-20k-4xrtx6000ada-12h', samples: 90_000 }));
  });

  it('must not: one count is a dataset size, and phases that do not sum to the samples are not passes', () => {
    assert.equal(phasesSeen({ ...phased, id: 'chat-13b-full-ft-41k-rows-4xa100-16h', samples: 41_000 }), false);
    assert.equal(
      inputsOf({ ...phased, id: 'chat-13b-full-ft-41k-rows-4xa100-16h', samples: 41_000 }).epochs,
      undefined,
    );
    assert.equal(phasesSeen({ ...phased, samples: 270_000 }), false);
    assert.equal(inputsOf({ ...phased, samples: 270_000 }).epochs, undefined);
    assert.equal(inputsOf({ ...phased, epochs: 2 }).epochs, 2);
  });
});
