// The detector rows of round 18 (core/data/detection.ts): each derivation reproduces the FLOPs Detectron2 publishes for
// its model zoo before its rows are trusted; detectors named with their backbone become estimable; names of detectors
// or backbones the table does not hold stay unknown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate, forwardFlopsAt, genericFlopsPerParam, lookupArchitecture } from '../../core/index';
import { c4DetectorMacs, DETECTION_ARCHITECTURES, fpnDetectorMacs } from '../../core/data/detection';
import { inputsOf, networkNamed, type FootprintCase } from '../../scripts/heldout/footprint-inputs';

/** A 4:3 COCO image at detectron2's test size, 800 × 1,067, against the table's 800 × 800. */
const COCO_SCALE = 1067 / 800;

describe('detectors on deeper backbones (core/data/detection.ts)', () => {
  it("reproduces Detectron2's published FLOPs of Faster R-CNN R50-C4 and R101-C4 (822 G and 888 G) within 1 %", () => {
    const r50 = c4DetectorMacs({ blocks: [3, 4, 6, 3] }, { rois: 1000, strideIn1x1: true, imageScale: COCO_SCALE });
    const r101 = c4DetectorMacs({ blocks: [3, 4, 23, 3] }, { rois: 1000, strideIn1x1: true, imageScale: COCO_SCALE });
    assert.ok(Math.abs(r50.macs / 822e9 - 1) < 0.01, `${r50.macs / 1e9} G`);
    assert.ok(Math.abs(r101.macs / 888e9 - 1) < 0.01, `${r101.macs / 1e9} G`);
    // And their published sizes, 34 M and 53 M parameters.
    assert.equal(Math.round(r50.params / 1e6), 34);
    assert.equal(Math.round(r101.params / 1e6), 53);
  });

  it("reproduces the ratio of Detectron2's R101-FPN to R50-FPN (246 / 180 G) within 2 %", () => {
    const base = { macs: 134.38e9, params: 41_755_286 };
    const r101 = fpnDetectorMacs({ blocks: [3, 4, 23, 3] }, base);
    assert.ok(Math.abs(r101.macs / base.macs / (246 / 180) - 1) < 0.02);
    assert.equal(Math.round(r101.params / 1e6), 61);
  });

  it('trains the C4 box head on 512 regions per image, so a training image costs about half an inference one', () => {
    const c4 = lookupArchitecture('Faster R-CNN R50-C4')!;
    assert.equal(c4.id, 'fasterrcnn-r50-c4');
    const inference = c4DetectorMacs({ blocks: [3, 4, 6, 3] }, { rois: 1000, strideIn1x1: true });
    assert.ok(c4.forwardFlops / 2 < 0.6 * inference.macs && c4.forwardFlops / 2 > 0.5 * inference.macs);
  });

  it('looks the detectors up by the names their model zoos use, and keeps them at their own 800-px input', () => {
    assert.equal(lookupArchitecture('faster_rcnn_R_101_FPN')!.id, 'fasterrcnn-r101-fpn');
    assert.equal(lookupArchitecture('mask_rcnn_X_101_32x8d_FPN_1x')!.id, 'maskrcnn-x101-32x8d-fpn');
    assert.equal(lookupArchitecture('retinanet_r101_fpn_2x_coco')!.id, 'retinanet-r101-fpn');
    const x = lookupArchitecture('faster_rcnn_X_101_64x4d_FPN')!;
    assert.equal(forwardFlopsAt(x, { resolution: 1333 }).flops, x.forwardFlops);
    for (const a of DETECTION_ARCHITECTURES) {
      assert.match(a.source, /^\[D\] .*(19|20)\d\d/, a.id);
      assert.ok(a.source.includes(String(a.year)), a.id);
    }
    // ResNeXt-101 32x8d costs more than ResNet-101, the FPN more than the torchvision R50-FPN row.
    const r50 = lookupArchitecture('fasterrcnn_resnet50_fpn')!.forwardFlops;
    const r101 = lookupArchitecture('faster_rcnn_R_101_FPN')!.forwardFlops;
    const x101 = lookupArchitecture('faster_rcnn_X_101_32x8d_FPN')!.forwardFlops;
    assert.ok(r50 < r101 && r101 < x101);
  });

  it('estimates a Detectron 1x schedule on 8 P100 that was not estimable before', () => {
    const e = estimate({
      architecture: 'fasterrcnn-r101-fpn',
      samples: 118_287,
      epochs: 12.17,
      hardware: 'P100 16GB',
      devices: 8,
      precision: 'fp32',
    });
    assert.ok(e.gpuHours.mid > 20 && e.gpuHours.mid < 1000, String(e.gpuHours.mid));
  });

  it("counts Mask and Keypoint R-CNN's heads on their foreground regions: Detectron2's train-time ratios over Faster R-CNN within 10 %", () => {
    // detectron2 MODEL_ZOO.md (8 V100, 2019), train time in s/iter of the same backbone and schedule.
    const published: [string, string, number][] = [
      ['mask_rcnn_R_50_FPN', 'faster_rcnn_R_50_FPN', 0.261 / 0.21],
      ['mask_rcnn_R_101_FPN', 'faster_rcnn_R_101_FPN', 0.34 / 0.286],
      ['mask_rcnn_X_101_32x8d_FPN', 'faster_rcnn_X_101_32x8d_FPN', 0.69 / 0.638],
      ['mask_rcnn_R_50_C4', 'faster_rcnn_R_50_C4', 0.584 / 0.551],
      ['keypoint_rcnn_R_50_FPN', 'faster_rcnn_R_50_FPN', 0.315 / 0.21],
      ['keypoint_rcnn_R_101_FPN', 'faster_rcnn_R_101_FPN', 0.39 / 0.286],
    ];
    for (const [with_, without, ratio] of published) {
      const r = lookupArchitecture(with_)!.forwardFlops / lookupArchitecture(without)!.forwardFlops;
      assert.ok(Math.abs(r / ratio - 1) < 0.1, `${with_}: ${r.toFixed(3)} against ${ratio.toFixed(3)}`);
    }
    // torchvision's builder name reaches the same row, with torchvision's parameter count.
    assert.equal(lookupArchitecture('maskrcnn_resnet50_fpn')!.id, 'maskrcnn-r50-fpn');
    assert.equal(lookupArchitecture('maskrcnn_resnet50_fpn')!.params, 44_401_393);
  });

  it('must not: heads without per-region mask or keypoint branches keep their FLOPs', () => {
    assert.equal(lookupArchitecture('fasterrcnn_resnet50_fpn')!.forwardFlops, 2 * 134.38e9);
    assert.equal(lookupArchitecture('retinanet_resnet50_fpn')!.forwardFlops, 2 * 151.54e9);
    const rpn = lookupArchitecture('rpn_R_50_FPN_1x')!;
    assert.ok(rpn.forwardFlops < lookupArchitecture('fasterrcnn_resnet50_fpn')!.forwardFlops);
  });

  it('must not: detectors and backbones the table does not hold stay unknown', () => {
    for (const n of [
      'faster_rcnn_R_18_FPN',
      'cascade_mask_rcnn_R_50_FPN',
      'cascade_rcnn_R_101_FPN',
      'retinanet_x101_64x4d',
    ])
      assert.equal(lookupArchitecture(n), undefined, n);
    // The generic FLOPs per parameter of unknown networks do not move.
    assert.match(genericFlopsPerParam().basis, /the table's 27 vision rows/);
  });
});

describe('a detector named with its backbone (scripts/heldout/footprint-inputs.ts)', () => {
  const base: FootprintCase = {
    id: 'x-run',
    name: 'a run',
    quality: 'B',
    modality: 'vision',
    paramsTotal: null,
    paramsActive: null,
    tokens: null,
    samples: 118_287,
    epochs: 12,
    seqLen: null,
    resolution: 800,
    hardware: 'V100',
    devices: 8,
    precision: 'fp32',
    target: { metric: 'gpuHours', value: 100 },
    source: 'a model zoo, 2018',
  };
  it('joins the detector and the backbone the text names', () => {
    assert.deepEqual(networkNamed('Faster R-CNN (ResNet-101-FPN backbone, ImageNet-pretrained)').slice(-1), [
      'Faster R-CNN ResNet-101-FPN',
    ]);
    const arch = (a: string) => inputsOf({ ...base, architecture: a }).architecture;
    assert.equal(arch('Faster R-CNN (ResNet-50-C4 backbone, ImageNet-pretrained)'), 'fasterrcnn-r50-c4');
    assert.equal(arch('Mask R-CNN (ResNeXt-101-32x8d-FPN backbone, ImageNet-pretrained)'), 'maskrcnn-x101-32x8d-fpn');
    assert.equal(arch('RetinaNet (ResNet-50-FPN backbone, ImageNet-pretrained)'), 'retinanet-r50-fpn');
    assert.equal(arch('single-shot detector (SSD300, ResNet-50 backbone)'), 'ssd300-r50');
  });
  it('must not: a backbone the table does not hold with that detector gives no architecture', () => {
    const arch = (a: string) => inputsOf({ ...base, architecture: a }).architecture;
    assert.equal(arch('Faster R-CNN (ResNet-18-FPN backbone, ImageNet-pretrained)'), undefined);
    assert.equal(arch('Cascade R-CNN (ResNet-101-FPN backbone)'), undefined);
    assert.equal(arch('detector (Sparse R-CNN, ResNet-50 FPN, ImageNet-pretrained backbone)'), undefined);
    assert.equal(
      arch('hlb-CIFAR10 ConvNet (whitening conv + 3 ConvGroups, base_depth 64, no residual connections)'),
      undefined,
    );
  });
});

describe('the preference objective a published run names (scripts/heldout/footprint-inputs.ts)', () => {
  const run: FootprintCase = {
    id: 'x-run',
    name: 'a run',
    quality: 'B',
    modality: 'text',
    paramsTotal: 7e9,
    paramsActive: null,
    tokens: null,
    samples: 60_000,
    epochs: 1,
    seqLen: null,
    resolution: null,
    hardware: 'H100 80GB',
    devices: 8,
    precision: null,
    target: { metric: 'gpuHours', value: 10 },
    source: 'a model card, 2024',
  };
  it('reads DPO as pairs with a reference model, ORPO as pairs without', () => {
    assert.equal(inputsOf({ ...run, name: 'full DPO fine-tune on 60,000 pairs' }).preference, 'reference');
    assert.equal(inputsOf({ ...run, name: 'ORPO fine-tune on argilla/dpo-mix-7k' }).preference, 'reference-free');
  });
  it('must not: a run stated in tokens, or naming both kinds, or none, has no preference objective', () => {
    assert.equal(inputsOf({ ...run, name: 'speech LM, 1.4B tokens + DPO', tokens: 1.4e9 }).preference, undefined);
    assert.equal(inputsOf({ ...run, name: 'DPO then ORPO' }).preference, undefined);
    assert.equal(inputsOf({ ...run, name: 'SFT on 60,000 instructions' }).preference, undefined);
    assert.equal(inputsOf({ ...run, name: 'fine-tune on the dpo-mix data' }).preference, undefined);
  });
});
