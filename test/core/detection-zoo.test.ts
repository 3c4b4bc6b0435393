// Detectors as the detection model zoos name them (core/data/detection-zoo.ts, round 21): Detectron, maskrcnn-benchmark,
// Detectron2, mmdetection and torchvision spell one convention (head, backbone, neck, schedule), and every network it
// names that the table can derive gets its FLOPs; a name that also names something that changes the network does not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate, lookupArchitecture, parseZooDetector } from '../../core/index';
import { dc5DetectorMacs, foregroundHeadMacs } from '../../core/data/detection';
import { inputsOf, type FootprintCase } from '../../scripts/heldout/footprint-inputs';

/** A 4:3 COCO image at detectron2's test size, 800 × 1,067, against the table's 800 × 800. */
const COCO_SCALE = 1067 / 800;
const id = (n: string) => lookupArchitecture(n)?.id;

describe('detectors named as the model zoos name them', () => {
  it('reads the head, backbone and neck of every zoo spelling into one network', () => {
    // Detectron (Caffe2), maskrcnn-benchmark, Detectron2, mmdetection 2.x and 3.x, torchvision builders.
    assert.equal(id('e2e_mask_rcnn_X-101-64x4d-FPN_2x'), 'maskrcnn-x101-64x4d-fpn');
    assert.equal(id('e2e_faster_rcnn_R_50_C4_1x'), 'fasterrcnn-r50-c4');
    assert.equal(id('COCO-Detection/faster_rcnn_R_50_DC5_3x.yaml'), 'fasterrcnn-r50-dc5');
    assert.equal(id('mask_rcnn_x101_32x4d_fpn_2x_coco'), 'maskrcnn-x101-32x4d-fpn');
    assert.equal(id('faster-rcnn_r50_caffe_c4_1x_coco'), 'fasterrcnn-r50-c4');
    assert.equal(id('retinanet_X-101-32x8d-FPN_1x'), 'retinanet-x101-32x8d-fpn');
    assert.equal(id('keypoint_rcnn_X_101_32x8d_FPN_3x'), 'keypointrcnn-x101-32x8d-fpn');
    assert.equal(id('keypointrcnn_resnet50_fpn'), 'keypointrcnn-r50-fpn');
    assert.equal(id('e2e_mask_rcnn_X-152-32x8d-FPN-IN5k_1.44x'), 'maskrcnn-x152-32x8d-fpn');
    assert.equal(id('rpn_R-50-FPN_1x'), 'rpn-r50-fpn');
    assert.equal(id('fast_rcnn_R-50-C4_2x'), 'fastrcnn-r50-c4');
    // The ResNet-50 FPN networks keep torchvision's published rows.
    assert.equal(id('faster_rcnn_R_50_FPN_3x'), 'fasterrcnn-r50-fpn');
    assert.equal(id('Detectron Mask R-CNN R-50-FPN, 2x schedule on COCO'), 'maskrcnn-r50-fpn');
  });

  it('orders the networks by their work: an RPN alone and Fast R-CNN below Faster R-CNN; deeper and wider backbones cost more', () => {
    const f = (n: string) => lookupArchitecture(n)!.forwardFlops;
    // The FPN's RPN head (3×3 convolution on 53,294 positions, 31.6 G) costs more than the box head on 1,000 proposals.
    assert.ok(f('fast_rcnn_R-50-FPN') < f('rpn_R-50-FPN') && f('rpn_R-50-FPN') < f('faster_rcnn_R_50_FPN'));
    assert.ok(f('faster_rcnn_R_101_FPN') < f('faster_rcnn_R_152_FPN'));
    assert.ok(f('faster_rcnn_X_101_32x4d_FPN') < f('faster_rcnn_X_101_32x8d_FPN'));
    assert.ok(f('rpn_R-50-C4') < f('faster_rcnn_R_50_C4') / 4, 'a C4 RPN runs no conv5 on 512 regions');
    // Keypoint R-CNN R50-FPN is torchvision's row (_ops 137.42 GMACs, 59,137,258 parameters) plus its keypoint head on
    // the person regions it trains on (core/data/detection.ts foregroundHeadMacs, since round 22).
    const kp = lookupArchitecture('keypoint_rcnn_R_50_FPN_1x')!;
    assert.equal(kp.forwardFlops, 2 * (137.42e9 + foregroundHeadMacs('keypoint', 'fpn')));
    assert.equal(kp.params, 59_137_258);
  });

  it("reproduces DETR's Faster R-CNN R50-DC5 (320 GFLOPs, 166 M parameters) within 6 %", () => {
    const r50 = dc5DetectorMacs({ blocks: [3, 4, 6, 3] }, { rois: 1000, imageScale: COCO_SCALE });
    assert.ok(Math.abs(r50.macs / 320e9 - 1) < 0.06, `${r50.macs / 1e9} G`);
    assert.equal(Math.round(r50.params / 1e6), 166);
  });

  it('reads the schedule: 1x = 90,000 iterations of 16 images, 2x twice, s1x 130,000, 1.44x', () => {
    assert.equal(parseZooDetector('e2e_faster_rcnn_R-50-FPN_1x')!.scheduleImages, 1_440_000);
    assert.equal(parseZooDetector('mask_rcnn_R_101_FPN_3x')!.scheduleImages, 4_320_000);
    assert.equal(parseZooDetector('e2e_keypoint_rcnn_R-50-FPN_s1x')!.scheduleImages, 2_080_000);
    assert.equal(parseZooDetector('e2e_mask_rcnn_X-152-32x8d-FPN-IN5k_1.44x')!.scheduleImages, 2_073_600);
  });

  it('must not: cascade, group-norm, deformable or other-backbone detectors, and unnamed necks, stay unknown', () => {
    for (const n of [
      'cascade_mask_rcnn_R_50_FPN_3x',
      'mask_rcnn_R_50_FPN_3x_gn',
      'faster_rcnn_r50_fpn_dconv_c3-c5_1x_coco',
      'faster_rcnn_hrnetv2p_w32_1x_coco',
      'retinanet_R_50_C4',
      'retinanet_r50_nasfpn_crop640_50e_coco',
      'e2e_faster_rcnn_fbnet_600',
      'faster_rcnn_X_101_FPN',
      'fasterrcnn_resnet50_fpn_v2',
    ])
      assert.equal(parseZooDetector(n), undefined, n);
    // A device count after the network is no schedule.
    assert.equal(parseZooDetector('Faster R-CNN R-50-FPN on 8x V100')!.scheduleImages, undefined);
  });
});

describe("a published run named by its zoo's config (scripts/heldout/footprint-inputs.ts)", () => {
  const run: FootprintCase = {
    id: 'x-keypoint-r-50-fpn-s1x-coco-8xp100',
    name: 'Keypoint R-CNN R-50-FPN, s1x schedule',
    quality: 'B',
    modality: 'vision',
    paramsTotal: null,
    paramsActive: null,
    tokens: null,
    samples: null,
    epochs: null,
    seqLen: null,
    resolution: null,
    hardware: 'P100 16GB',
    devices: 8,
    precision: 'fp32',
    target: { metric: 'gpuHours', value: 200 },
    source: 'a model zoo, 2018',
  };
  it('trains on the images its schedule names when it states no samples or epochs, and becomes estimable', () => {
    const i = inputsOf(run);
    assert.equal(i.architecture, 'keypointrcnn-r50-fpn');
    assert.equal(i.samples! * i.epochs!, 2_080_000);
    assert.notEqual(estimate(i).method, 'insufficient-inputs');
    // Stated samples keep their count; the schedule gives the epochs over them.
    const coco = inputsOf({ ...run, samples: 118_287 });
    assert.equal(coco.samples, 118_287);
    assert.ok(Math.abs(coco.epochs! - 2_080_000 / 118_287) < 1e-9);
  });
  it('must not: stated epochs win over the schedule, and a run named without a schedule gets none', () => {
    const stated = inputsOf({ ...run, samples: 118_287, epochs: 12 });
    assert.equal(stated.epochs, 12);
    const unnamed = inputsOf({ ...run, id: 'x-run', name: 'Keypoint R-CNN R-50-FPN on 8x P100' });
    assert.equal(unnamed.samples, undefined);
    assert.equal(unnamed.epochs, undefined);
  });
});
