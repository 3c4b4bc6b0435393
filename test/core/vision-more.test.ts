// The rows added to the architecture table in round 17 (core/data/vision-more.ts): the ResNet derivation reproduces
// torchvision's published MACs and parameters before it is trusted for ResNeXt-101 32x4d and SE-ResNeXt; detection
// networks keep their FLOPs whatever resolution is given (they resize every image); a convolutional speech recogniser's
// FLOPs follow the audio's length; names the table does not hold stay unknown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARCHITECTURES, forwardFlopsAt, genericFlopsPerParam, lookupArchitecture } from '../../core/index';
import {
  LIBRISPEECH_MEAN_SECONDS,
  MORE_ARCHITECTURES,
  alexnetMacs,
  convAsrMacsPerSecond,
  resnetMacs,
} from '../../core/data/vision-more';
import { estimate } from '../../core/index';
import { inputsOf, networkNamed, type FootprintCase } from '../../scripts/heldout/footprint-inputs';

describe('round-17 rows of the architecture table', () => {
  it('reproduces torchvision weights metadata exactly with the bottleneck ResNet derivation', () => {
    const tv: [number[], { groups?: number; widthPerGroup?: number }, number, number][] = [
      [[3, 4, 6, 3], {}, 4.089, 25_557_032],
      [[3, 4, 23, 3], {}, 7.801, 44_549_160],
      [[3, 4, 6, 3], { groups: 32, widthPerGroup: 4 }, 4.23, 25_028_904],
      [[3, 4, 23, 3], { groups: 32, widthPerGroup: 8 }, 16.414, 88_791_336],
      [[3, 4, 23, 3], { groups: 64, widthPerGroup: 4 }, 15.46, 83_455_272],
      [[3, 4, 6, 3], { widthPerGroup: 128 }, 11.398, 68_883_240],
    ];
    for (const [blocks, opts, gmacs, params] of tv) {
      const d = resnetMacs(blocks, opts);
      assert.equal(d.params, params, JSON.stringify(opts));
      assert.ok(Math.abs(d.macs / 1e9 - gmacs) < 0.0006, `${d.macs} vs ${gmacs} GMACs`);
    }
  });

  it('gives ResNeXt-101 32x4d and SE-ResNeXt-101 32x4d their derived size (44.2 M and 49.0 M parameters)', () => {
    const rx = lookupArchitecture('resnext101_32x4d')!;
    const se = lookupArchitecture('SE-ResNeXt-101 32x4d')!;
    assert.equal(rx.id, 'resnext101-32x4d');
    assert.equal(Math.round(rx.params / 1e5) / 10, 44.2);
    assert.equal(Math.round(se.params / 1e5) / 10, 49);
    // The squeeze-and-excitation modules add parameters, almost no FLOPs.
    assert.ok(se.forwardFlops / rx.forwardFlops < 1.01);
    assert.match(rx.source, /^\[D\] resnetMacs/);
  });

  it('stores every row with a source, a year and a reference input, none shadowing an older id', () => {
    const older = ARCHITECTURES.filter((a) => !MORE_ARCHITECTURES.includes(a)).map((a) => a.id);
    for (const a of MORE_ARCHITECTURES) {
      assert.ok(!older.includes(a.id), a.id);
      assert.match(a.source, /^\[(S|D)\] .*(19|20)\d\d/, a.id);
      assert.ok(a.source.includes(String(a.year)), `${a.id}: year ${a.year} in its source`);
      assert.ok(a.reference.resolution !== undefined || a.reference.seconds !== undefined, a.id);
    }
    assert.equal(lookupArchitecture('efficientnet_v2_s')!.forwardFlops, 2 * 8.366e9);
    assert.equal(lookupArchitecture('maskrcnn_resnet50_fpn')!.params, 44_401_393);
  });

  it("derives NVIDIA's SSD300 (ResNet-50 to conv4 at stride 1, extra blocks, heads over 8,732 boxes)", () => {
    const ssd = lookupArchitecture('ssd300_resnet50')!;
    assert.equal(ssd.id, 'ssd300-r50');
    // Its backbone is ResNet-50's first three stages: the table's ResNet-50 less conv5 and the classifier.
    const trunk = resnetMacs([3, 4, 6], { classifier: false });
    const full = resnetMacs([3, 4, 6, 3]);
    assert.ok(full.params - trunk.params > 14e6 && trunk.params < ssd.params);
    assert.equal(Math.round(ssd.params / 1e5) / 10, 22.9);
    assert.equal(Math.round(ssd.forwardFlops / 2 / 1e8) / 10, 20.2);
  });

  it('keeps a detection network at its own 800-px input whatever resolution is given', () => {
    const m = lookupArchitecture('maskrcnn_resnet50_fpn')!;
    const r = forwardFlopsAt(m, { resolution: 1333 });
    assert.equal(r.flops, m.forwardFlops);
    assert.match(r.note!, /resizes every image itself/);
    // A classifier still scales with the pixels.
    const mb = lookupArchitecture('mobilenet_v2')!;
    assert.equal(forwardFlopsAt(mb, { resolution: 448 }).flops, 4 * mb.forwardFlops);
  });

  it('counts Jasper and QuartzNet per second of audio: parameters × 50 frames, one LibriSpeech utterance by default', () => {
    assert.equal(LIBRISPEECH_MEAN_SECONDS, 12.3);
    const j = lookupArchitecture('Jasper 10x5 DR')!;
    assert.equal(j.modality, 'audio');
    assert.equal(j.forwardFlops, 2 * convAsrMacsPerSecond(333e6) * 12.3);
    assert.equal(forwardFlopsAt(j, { audioSeconds: 24.6 }).flops, 2 * j.forwardFlops);
    assert.equal(lookupArchitecture('quartznet15x5')!.family, 'depthwise');
  });

  it('must not: names of other networks stay unknown', () => {
    for (const n of [
      'quartznet5x5',
      'fasterrcnn_resnet50_fpn_v2',
      'maskrcnn_resnet50_fpn_v2',
      'seresnext101_32x8d',
      'resnext101',
      'ssd300',
      'jasper',
    ])
      assert.equal(lookupArchitecture(n), undefined, n);
  });

  it('leaves the FLOPs per parameter of networks the table does not hold where they were', () => {
    // The generic basis is the table before round 17: detection and segmentation rows (500–1,600 FLOPs per
    // parameter at 224²) would widen it.
    assert.match(genericFlopsPerParam().basis, /the table's 27 vision rows/);
  });
});

describe('the network a published run names (scripts/heldout/footprint-inputs.ts)', () => {
  const base: FootprintCase = {
    id: 'x-run',
    name: 'a run',
    quality: 'B',
    modality: 'vision',
    paramsTotal: null,
    paramsActive: null,
    tokens: null,
    samples: 1_281_167,
    epochs: 90,
    seqLen: null,
    resolution: 224,
    hardware: 'A100 80GB',
    devices: 8,
    precision: null,
    target: { metric: 'gpuHours', value: 40 },
    source: 'a README, 2024',
  };
  it('reads it from the architecture text in parentheses, as a user would name it', () => {
    assert.deepEqual(networkNamed('two-stage detector (Mask R-CNN, ResNet-50 FPN)'), [
      'Mask R-CNN, ResNet-50 FPN',
      'Mask R-CNN',
    ]);
    assert.equal(
      inputsOf({ ...base, architecture: 'CNN classifier (ResNeXt-101 32x4d)' }).architecture,
      'resnext101-32x4d',
    );
    assert.equal(
      inputsOf({ ...base, architecture: 'two-stage detector (Mask R-CNN, ResNet-50 FPN)' }).architecture,
      'maskrcnn-r50-fpn',
    );
  });
  it('must not: a network the table does not hold gives no architecture', () => {
    assert.equal(
      inputsOf({ ...base, architecture: 'detector (Sparse R-CNN, ResNet-50 FPN, ImageNet-pretrained backbone)' })
        .architecture,
      undefined,
    );
    assert.equal(inputsOf({ ...base, architecture: 'flow-based vocoder (WaveGlow)' }).architecture, undefined);
    assert.equal(inputsOf({ ...base, architecture: 'CNN classifier' }).architecture, undefined);
  });
});

describe('AlexNet (round 25: named by runs of footprint-4 and -21)', () => {
  it("reproduces torchvision's published AlexNet (0.714 GMACs, 61,100,840 parameters) layer by layer", () => {
    const d = alexnetMacs();
    assert.equal(d.params, 61_100_840);
    assert.ok(Math.abs(d.macs / 1e9 - 0.714) < 0.0006, `${d.macs}`);
  });

  it('estimates a run that names AlexNet with its images and epochs, as a user naming torchvision.models.alexnet would', () => {
    const run = { samples: 1_281_167, epochs: 90, resolution: 224, hardware: 'V100', devices: 8 };
    assert.equal(estimate({ ...run, architecture: 'alexnet' }).method, 'flops');
    const named = inputsOf({
      id: 'alexnet-run',
      name: 'a CNN on ImageNet',
      quality: 'B',
      modality: 'vision',
      architecture: 'cnn (AlexNet)',
      paramsTotal: null,
      paramsActive: null,
      tokens: null,
      samples: 1_281_167,
      epochs: 90,
      seqLen: null,
      resolution: 224,
      hardware: 'V100',
      devices: 8,
      precision: null,
      target: { metric: 'gpuHours', value: 40 },
      source: 'a README, 2024',
    });
    assert.equal(named.architecture, 'alexnet');
    // Must-not: its FLOPs are AlexNet's, not the generic convolutional network's FLOPs per parameter (AlexNet holds
    // most of its 61 M parameters in its dense head, ≈ 23 FLOPs per parameter against ResNet-50's ≈ 320).
    const generic = estimate({ ...run, params: 61_100_840, architecture: 'a convolutional network' });
    const row = estimate({ ...run, architecture: 'alexnet' });
    assert.ok(row.gpuHours.mid < generic.gpuHours.mid / 5, `${row.gpuHours.mid} vs ${generic.gpuHours.mid}`);
  });
});
