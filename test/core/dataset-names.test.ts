// A published run that names a well-known dataset and states its epochs, but not its size (as model cards and issue
// replies do: "LoRA on LLaMA-7B, Stanford Alpaca, 10 epochs"), is estimated over the dataset's training split, the same
// table `greenml plan` reads when a script loads the dataset by name.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate } from '../../core/index';
import { datasetNamedIn } from '../../core/data/datasets';
import { inputsOf, type FootprintCase } from '../../scripts/heldout/footprint-inputs';

const run: FootprintCase = {
  id: 'llama-7b-lora-alpaca-3ep-2xa100',
  name: 'LoRA (r=8) of LLaMA-7B on Stanford Alpaca, 3 epochs, 2x A100, 2 h',
  quality: 'B',
  modality: 'text',
  architecture: 'decoder-only transformer (LLaMA-7B + LoRA)',
  paramsTotal: 7e9,
  paramsActive: null,
  tokens: null,
  samples: null,
  epochs: 3,
  seqLen: 256,
  resolution: null,
  hardware: 'A100 80GB',
  devices: 2,
  precision: 'bf16',
  target: { metric: 'gpuHours', value: 4 },
  source: 'a model card, 2023',
};

describe('datasets named in a run’s description', () => {
  it('finds ImageNet-1k and Stanford Alpaca by the names papers and cards use, whole and case-blind', () => {
    assert.equal(datasetNamedIn('ConvMixer-1536/20 on ImageNet-1k, 150 epochs')?.trainExamples, 1_281_167);
    assert.equal(datasetNamedIn('ResNet-50 trained on ILSVRC-2012 for 90 epochs')?.trainExamples, 1_281_167);
    assert.equal(datasetNamedIn('fine-tuned on the stanford alpaca instructions')?.trainExamples, 52_002);
  });

  it('must not: a larger ImageNet, a bare "ImageNet", a model named after Alpaca, or two datasets at once', () => {
    assert.equal(datasetNamedIn('ViT-L/16 pre-trained on ImageNet-21k, 90 epochs'), undefined);
    assert.equal(datasetNamedIn('ImageNet-1k-pretrained backbone fine-tuned on COCO'), undefined);
    assert.equal(datasetNamedIn('ResNet-50 on ImageNet, 90 epochs'), undefined);
    assert.equal(datasetNamedIn('alpaca-lora-7b on 1x RTX 3090'), undefined);
    assert.equal(datasetNamedIn('Stanford Alpaca and ImageNet-1k'), undefined);
  });

  it('gives a run that states epochs and no size the training split, and makes it estimable', () => {
    assert.equal(estimate(inputsOf({ ...run, name: 'LoRA of LLaMA-7B, 3 epochs' })).method, 'insufficient-inputs');
    const i = inputsOf(run);
    assert.equal(i.samples, 52_002);
    assert.equal(i.epochs, 3);
    assert.notEqual(estimate(i).method, 'insufficient-inputs');
  });

  it('must not: stated samples or tokens win, no epochs are assumed, and the labeller’s notes are not read', () => {
    assert.equal(inputsOf({ ...run, samples: 20_000 }).samples, 20_000);
    assert.equal(inputsOf({ ...run, tokens: 5e7 }).samples, undefined);
    const noEpochs = inputsOf({ ...run, epochs: null });
    assert.equal(noEpochs.samples, undefined);
    assert.equal(estimate(noEpochs).method, 'insufficient-inputs');
    const inNotes = { ...run, name: 'LoRA of LLaMA-7B, 3 epochs', notes: 'data: Stanford Alpaca' };
    assert.equal(inputsOf(inNotes).samples, undefined);
  });
});
