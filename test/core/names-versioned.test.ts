// A network or accelerator named as users write it (round 27, issue 13): a version number with a dot in a network's
// name ("ResNet-50 v1.5") and the first-generation Habana Gaudi (HL-205, AWS DL1). Must-not cases: names the tables do
// not hold stay unknown, and the neighbours of the new spellings keep their own rows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, lookupArchitecture, resolveAccelerator } from '../../core/index';

const id = (name: string, exact = false) => lookupArchitecture(name, { exact })?.id;
const acc = (name: string) => {
  const r = resolveAccelerator(name);
  return r.ok ? r.value.id : undefined;
};

describe('a network named with a dotted version number', () => {
  it('resolves "ResNet-50 v1.5" exactly to the torchvision ResNet-50 (torchvision is v1.5), and the deeper ones too', () => {
    assert.equal(id('ResNet-50 v1.5', true), 'resnet50');
    assert.equal(id('resnet50 v1.5', true), 'resnet50');
    assert.equal(id('ResNet-101 v1.5', true), 'resnet101');
    assert.equal(id('ResNet-152 v1.5', true), 'resnet152');
    assert.equal(id('wav2vec 2.0 base', true), 'wav2vec2-base');
  });

  it('still drops a checkpoint tag after a dot', () => {
    assert.equal(id('vit_base_patch16_224.augreg_in21k', true), 'vit-b-16');
    assert.equal(id('openai/whisper-small.en', true), 'whisper-small');
    assert.equal(id('resnet50.a1_in1k', true), 'resnet50');
  });

  it('must not: a version the table does not hold stays unknown when asked exactly', () => {
    assert.equal(id('ResNet-200 v1.5', true), undefined);
    assert.equal(id('whisper-large-v3.5', true), undefined);
    assert.equal(id('stable diffusion 2.1', true), undefined);
    assert.equal(id('SDXL 1.0', true), undefined);
    assert.equal(id('ResNet-50 v1.5 classifier', true), undefined);
  });

  it('estimates a stated ResNet-50 v1.5 ImageNet run', () => {
    const e = estimate({
      architecture: lookupArchitecture('ResNet-50 v1.5', { exact: true })?.id,
      samples: 1_281_167,
      epochs: 35,
      hardware: 'A100 SXM4 80GB',
      devices: 8,
      precision: 'fp16',
    });
    assert.equal(e.method, 'flops');
  });
});

describe('first-generation Habana Gaudi', () => {
  it('resolves the names users and logs give it', () => {
    for (const n of ['Habana Gaudi', 'Habana Gaudi 32GB', 'Gaudi', 'Gaudi1', 'HL-205', 'dl1.24xlarge', 'gaudi1'])
      assert.equal(acc(n), 'gaudi1', n);
  });

  it('must not take the later generations', () => {
    assert.equal(acc('Gaudi 2'), 'gaudi2');
    assert.equal(acc('Habana Gaudi2 96GB'), 'gaudi2');
    assert.equal(acc('Intel Gaudi 3'), 'gaudi3');
    assert.equal(acc('HL-225H'), 'gaudi2');
    assert.equal(acc('HL-325L'), 'gaudi3');
  });

  it('has a sourced row: 350 W, bf16 peak below Gaudi 2, 32 GB', () => {
    const r = resolveAccelerator('gaudi1');
    assert.ok(r.ok);
    const g = r.value;
    assert.equal(g.powerW, 350);
    assert.equal(g.memoryGB, 32);
    assert.ok(g.tflops.bf16! > 100 && g.tflops.bf16! < 432);
    assert.equal(g.year, 2019);
    assert.match(g.source, /HL-205/);
  });
});

describe('GeForce RTX 50 series below the 5090', () => {
  it('resolves each card to its own row, at twice the FP32 rate in 16-bit tensor math like the RTX 5090 row', () => {
    const rows: Array<[string, string, number]> = [
      ['RTX 5080', 'rtx-5080', 56.3],
      ['NVIDIA GeForce RTX 5070 Ti', 'rtx-5070ti', 43.9],
      ['RTX 5070 Ti 16GB', 'rtx-5070ti', 43.9],
      ['RTX 5070', 'rtx-5070', 30.8],
      ['RTX 5060 Ti', 'rtx-5060ti-16gb', 23.7],
      ['RTX 5060 Ti 8GB', 'rtx-5060ti-8gb', 23.7],
      ['RTX 5060', 'rtx-5060', 19.2],
    ];
    for (const [name, want, fp32] of rows) {
      const r = resolveAccelerator(name);
      assert.ok(r.ok, name);
      assert.equal(r.value.id, want, name);
      assert.equal(r.value.tflops.fp32, fp32, name);
      assert.equal(r.value.tflops.bf16, Math.round(2 * fp32 * 10) / 10, name);
    }
  });

  it('must not: laptop parts and neighbours keep their own rows or none', () => {
    assert.equal(acc('RTX 5070 Ti Mobile'), undefined);
    assert.equal(acc('RTX 5070 Ti Laptop'), undefined);
    assert.equal(acc('RTX 4070 Ti'), 'rtx-4070ti');
    assert.equal(acc('RTX 5090'), 'rtx-5090');
  });

  it('a small model on one RTX 5070 Ti takes about twice as long as on an RTX 5090 (half its 16-bit peak)', () => {
    const run = { params: 77e6, tokens: 80e6, seqLen: 1024, devices: 1, precision: 'bf16' as const };
    const slow = estimate({ ...run, hardware: 'RTX 5070 Ti' }).gpuHours.mid;
    const fast = estimate({ ...run, hardware: 'RTX 5090' }).gpuHours.mid;
    assert.ok(slow / fast > 1.8 && slow / fast < 3, `${slow} / ${fast}`);
  });
});
