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
    assert.ok(seenOnce({ ...run, id: 'dit-2m-updates-bs1024-8xa100', samples: 2_048_000_000 }));
  });

  it('must not: a dataset size (another product, or no steps × batch in the id) gets no epochs', () => {
    assert.equal(inputsOf({ ...run, samples: 70_000 }).epochs, undefined);
    assert.equal(inputsOf({ ...run, id: 'vicuna-13b-8xa100' }).epochs, undefined);
    assert.equal(estimate(inputsOf({ ...run, samples: 70_000 })).method, 'insufficient-inputs');
  });

  it('must not: stated tokens win, and stated epochs over samples that are no steps × batch stay', () => {
    assert.equal(seenOnce({ ...run, tokens: 1e9 }), false);
    assert.equal(inputsOf({ ...run, samples: 70_000, epochs: 3 }).epochs, 3);
  });
});

// footprint-23's convention (README, "Format"): samples = the passes the run made, steps × micro batch × GPUs or
// examples × epochs, WITH the stated epochs; the id states the factors. Read as one epoch's samples, the run was counted
// epochs times over (a 192M protein T5: 58 × the published hours).
const passes: FootprintCase = {
  ...run,
  id: 'protein-t5-192m-58ep-970k-iters-micro12-224xv100-120h',
  name: 'a protein T5, 58 epochs (about 970k iterations, micro batch 12 per GPU), 224x V100, 120 h',
  paramsTotal: 192e6,
  samples: 970_189 * 12 * 224,
  epochs: 58,
  hardware: 'V100',
  devices: 224,
  target: { metric: 'gpuHours', value: 26_880 },
};

describe('samples a run saw with the epochs they span, stated by the factors in its id', () => {
  it('reads steps × micro batch × devices as one pass, whatever epochs are stated', () => {
    assert.ok(seenOnce(passes));
    assert.equal(inputsOf(passes).epochs, 1);
    // Read as one epoch's samples, the run was counted 58 times over (tens of times the hours).
    const once = estimate(inputsOf(passes)).gpuHours.mid;
    const over = estimate({ ...inputsOf(passes), epochs: 58 }).gpuHours.mid;
    assert.ok(over / once > 20, `${over} / ${once}`);
  });

  it('reads examples × the epochs after them as one pass', () => {
    const molecules = {
      ...passes,
      id: 'smiles-17m-50m-mols-5ep-1xrtx3090-6.5h',
      samples: 250e6,
      epochs: 5,
      devices: 1,
    };
    assert.ok(seenOnce(molecules));
    assert.equal(inputsOf(molecules).epochs, 1);
    assert.ok(seenOnce({ ...molecules, id: 'chat-7b-sft-160k-2ep-1xa100', samples: 320_000, epochs: null }));
    assert.ok(seenOnce({ ...molecules, id: 'vit-1.2m-img-3-epochs-8xa100', samples: 3_600_000, epochs: 3 }));
  });

  it('must not: a dataset size with its epochs keeps them (the per-epoch convention of footprint-1…18)', () => {
    // The count the id states is the samples (examples per epoch), not count × epochs.
    assert.equal(inputsOf({ ...passes, id: 'smiles-17m-50m-mols-5ep-1xrtx3090', samples: 50e6, epochs: 5 }).epochs, 5);
    assert.equal(inputsOf({ ...passes, id: 'chat-7b-sft-114k-3ep-32xh100', samples: 114_000, epochs: 3 }).epochs, 3);
    // Steps × micro batch × devices that are not the samples.
    assert.equal(inputsOf({ ...passes, samples: 45_000_000 }).epochs, 58);
    // A micro batch without a device count proves nothing.
    // (a micro batch is per device: without the devices, steps × micro batch is no count of passes)
    assert.equal(inputsOf({ ...passes, devices: null, samples: 970_000 * 12 }).epochs, 58);
    // The id's epochs differ from the stated ones.
    assert.equal(inputsOf({ ...passes, id: 'smiles-17m-50m-mols-5ep-1xa100', samples: 250e6, epochs: 10 }).epochs, 10);
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

describe('what the samples of a published run are', () => {
  it('reads a run that names SMILES strings as molecules', () => {
    const smiles = { ...passes, name: 'a 17M transformer encoder pre-trained on 50M ZINC SMILES strings', epochs: 5 };
    assert.equal(inputsOf(smiles).sampleKind, 'molecule');
    assert.equal(inputsOf({ ...smiles, name: 'a SELFIES encoder' }).sampleKind, 'molecule');
  });

  it('must not: other text, and image–text samples that mention molecules, keep their kind', () => {
    assert.equal(inputsOf(passes).sampleKind, 'text');
    assert.equal(inputsOf({ ...passes, name: 'a chemistry chat model on molecules' }).sampleKind, 'text');
    const image = { ...passes, modality: 'multimodal', name: 'molecule images with SMILES captions' };
    assert.equal(inputsOf(image).sampleKind, 'multimodal');
  });
});

describe('the precision a published run states in words', () => {
  const at = (precision: string | null) => inputsOf({ ...passes, precision }).precision;

  it('reads the precision the text starts with, in framework spellings, and fp8 matrix products as fp8', () => {
    assert.equal(at('fp16 (AMP)'), 'fp16');
    assert.equal(at('bf16-mixed'), 'bf16');
    assert.equal(at('float16'), 'fp16');
    assert.equal(at('float32 (the default)'), 'fp32');
    assert.equal(at('bf16 (with fp8 matmuls)'), 'fp8');
    assert.equal(at('fp8 (matrix products)'), 'fp8');
    // A run stated in fp32 is estimated as one: slower than the 16-bit a V100 run is otherwise assumed to use.
    const fp32 = estimate(inputsOf({ ...passes, precision: 'float32 (the default)' })).gpuHours.mid;
    const unstated = estimate(inputsOf({ ...passes, precision: null })).gpuHours.mid;
    assert.ok(fp32 > 2 * unstated, `${fp32} vs ${unstated}`);
  });

  it('must not: text that names no one compute precision gives none', () => {
    assert.equal(at('mixed (AMP)'), undefined);
    assert.equal(at('bf16/fp16 mixed'), undefined);
    assert.equal(at('16-bit (fp16 or bf16 not stated)'), undefined);
    assert.equal(at('int4 base (qLoRA)'), undefined);
    assert.equal(at('4-bit NF4 base, bf16 adapters'), undefined);
    assert.equal(at(null), undefined);
  });
});
