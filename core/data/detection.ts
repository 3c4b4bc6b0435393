// Two-stage and one-stage detectors on deeper backbones (round 18): Faster/Mask R-CNN and RetinaNet with a ResNet-101
// or ResNeXt-101 FPN backbone, and Faster/Mask R-CNN with the C4 backbone (ResNet to conv4 on the whole image, conv5 as
// the box head on each region). Derived [D] here, per image as the network sees it at 800×800 (the table's detection
// convention, core/data/vision-more.ts), FLOPs = 2 × MACs; the test (test/core/detection.test.ts) checks each
// derivation against the FLOPs Detectron2 publishes for its model zoo before it is trusted.
//
//   [P] Detectron2 model zoo, FLOPs by its flop counter (fvcore; one multiply-add counted once) averaged over 100 COCO
//       val2017 images at its default test size (800 px short side, 1,333 at most), 1,000 proposals per image; as
//       listed on Papers with Code, "Detectron2 > Faster R-CNN" (updated February 2021): R50-C4 822 G, R101-C4 888 G,
//       R101-FPN 246 G; Carion et al. 2020 (DETR), Table 1, the same counter and images: Faster R-CNN R50-FPN 180 G,
//       R101-FPN 246 G.
//
// The mask head of Mask R-CNN is not counted, as torchvision's metadata does not count it for Mask R-CNN R50-FPN
// (its `_ops` equal Faster R-CNN's): a Mask R-CNN row has its Faster R-CNN row's FLOPs (an FPN one, torchvision's
// parameters of the mask head).

import type { ArchitectureInfo } from '../types';
import { resnetMacs } from './vision-more';

/** [S] Regions per image the box head trains on: detectron2 config/defaults.py ROI_HEADS.BATCH_SIZE_PER_IMAGE = 512
 * (maskrcnn-benchmark and Detectron (Caffe2) TRAIN.BATCH_SIZE_PER_IM: the same 512; 2019). */
export const TRAIN_ROIS_PER_IMAGE = 512;
/** [S] Anchors per position of a C4 region proposal network: 5 sizes (32–512) × 3 aspect ratios (detectron2
 * config/defaults.py ANCHOR_GENERATOR, one feature map for C4; 2019). */
const C4_ANCHORS = 15;
/** [S] COCO's 80 classes and the background (detectron2 ROI_HEADS.NUM_CLASSES = 80; FastRCNNOutputLayers adds one). */
const COCO_CLASSES = 80;

type Backbone = { blocks: readonly number[]; groups?: number; widthPerGroup?: number };
const R50: Backbone = { blocks: [3, 4, 6, 3] };
const R101: Backbone = { blocks: [3, 4, 23, 3] };
const X101_32X8D: Backbone = { blocks: [3, 4, 23, 3], groups: 32, widthPerGroup: 8 };
const X101_64X4D: Backbone = { blocks: [3, 4, 23, 3], groups: 64, widthPerGroup: 4 };

function trunk(b: Backbone, stages: number, resolution: number) {
  return resnetMacs(b.blocks.slice(0, stages), {
    groups: b.groups,
    widthPerGroup: b.widthPerGroup,
    resolution,
    classifier: false,
  });
}

/**
 * [D] An FPN detector on backbone `b`: the torchvision ResNet-50 FPN row (`base`: its `_ops` and `num_params` at 800 px)
 * plus the difference between `b` and ResNet-50 at 800 px (resnetMacs, no classifier). The FPN, the region proposal
 * network and the heads read the same 256-, 512-, 1,024- and 2,048-channel stage outputs from every bottleneck ResNet
 * or ResNeXt, so only the backbone changes. Batch-norm parameters, frozen in detection, are in the difference (< 0.2 M).
 */
export function fpnDetectorMacs(b: Backbone, base: { macs: number; params: number }, resolution = 800) {
  const r50 = trunk(R50, 4, resolution);
  const other = trunk(b, 4, resolution);
  return { macs: base.macs + other.macs - r50.macs, params: base.params + other.params - r50.params };
}

/**
 * [D] A C4 Faster R-CNN (Ren et al. 2015; He et al. 2016 §"Object detection"; Detectron2's `*_C4` configs): the
 * backbone to conv4 (stride 16, 1,024 channels) on the whole image; a region proposal network (3×3 convolution
 * 1,024 → 1,024, then 1×1 convolutions for 15 objectness scores and 60 box deltas); and for each of `rois` regions,
 * conv5 (three bottlenecks, 14×14 pooled input, stride 2 → 7×7, 2,048 channels) and the box predictor (2,048 → 81
 * classes and 80 × 4 deltas). `strideIn1x1`: the first bottleneck strides in its 1×1 convolution (MSRA ResNet weights,
 * detectron2 RESNETS.STRIDE_IN_1X1 = True; torchvision and ResNeXt stride in the 3×3). `imageScale` multiplies the
 * whole-image part (the image's pixels over 800²), for the check against a published count at COCO's image sizes.
 */
export function c4DetectorMacs(
  b: Backbone,
  opts: { rois: number; strideIn1x1: boolean; resolution?: number; imageScale?: number },
) {
  const t = trunk(b, 3, opts.resolution ?? 800);
  let image = t.macs;
  let params = t.params;
  const side = t.side;
  // Region proposal network on the conv4 map.
  image += side * side * (1024 * 1024 * 9 + 1024 * C4_ANCHORS * 5);
  params += 1024 * 1024 * 9 + 1024 + 1024 * C4_ANCHORS * 5 + C4_ANCHORS * 5;
  // conv5 on one region: torchvision's bottleneck widths (⌊512 · widthPerGroup / 64⌋ · groups), 14×14 in, 7×7 out.
  const g = b.groups ?? 1;
  const width = Math.floor(512 * ((b.widthPerGroup ?? 64) / 64)) * g;
  let roi = 0;
  const conv = (h: number, cin: number, cout: number, k: number, groups = 1) => {
    params += (cin * cout * k * k) / groups;
    roi += (h * h * cin * cout * k * k) / groups;
  };
  let cin = 1024;
  for (let i = 0; i < 3; i++) {
    conv(i === 0 && !opts.strideIn1x1 ? 14 : 7, cin, width, 1);
    conv(7, width, width, 3, g);
    conv(7, width, 2048, 1);
    if (i === 0) conv(7, cin, 2048, 1);
    params += 2 * (width + width + 2048) + (i === 0 ? 2 * 2048 : 0);
    cin = 2048;
  }
  // Box predictor after average pooling: classes + background, 4 deltas per class.
  roi += 2048 * (COCO_CLASSES + 1 + 4 * COCO_CLASSES);
  params += (2048 + 1) * (COCO_CLASSES + 1 + 4 * COCO_CLASSES);
  return { macs: image * (opts.imageScale ?? 1) + opts.rois * roi, params, perRoi: roi };
}

/** torchvision's ResNet-50 FPN detectors (pytorch/vision detection/*.py weights metadata at 800 px; 2017 papers): Mask
 * R-CNN's `_ops` equal Faster R-CNN's, its `num_params` count the mask head. */
const FASTER_R50_FPN = { macs: 134.38e9, params: 41_755_286 };
const MASK_R50_FPN = { macs: 134.38e9, params: 44_401_393 };
const RETINANET_R50_FPN = { macs: 151.54e9, params: 34_014_999 };

const NOTE =
  "one image as the network sees it: 800×800 (the detectors resize every image to 800 px on its short side, 1,333 at most on the long one; a 4:3 COCO image has about 1.3× this image's pixels)";
const FPN_SOURCE =
  '[D] fpnDetectorMacs: the torchvision ResNet-50 FPN row (pytorch/vision detection weights metadata, _ops at 800 px) ' +
  'plus the backbone difference (resnetMacs at 800 px), which reproduces the ratio of Detectron2 R101-FPN to R50-FPN ' +
  '(246 / 180 GFLOPs, Carion et al. 2020, DETR Table 1)';
const C4_SOURCE =
  `[D] c4DetectorMacs with the ${TRAIN_ROIS_PER_IMAGE} regions per image the box head trains on (detectron2 config/defaults.py, 2019), ` +
  'which at 1,000 regions and COCO image sizes gives the 822 / 888 GFLOPs Detectron2 publishes for Faster R-CNN R50-C4 / ' +
  'R101-C4 (Papers with Code, Detectron2 model zoo, 2021)';

function row(
  id: string,
  name: string,
  d: { macs: number; params: number },
  aliases: string[],
  source: string,
  paper: string,
  year: number,
): ArchitectureInfo {
  return {
    id,
    name,
    modality: 'vision',
    family: 'convnet',
    params: Math.round(d.params),
    forwardFlops: 2 * d.macs,
    reference: { resolution: 800, note: NOTE },
    aliases,
    source: `${source}; ${paper}`,
    year,
  };
}

const FASTER = 'Ren et al. 2015 (Faster R-CNN), Lin et al. 2017 (FPN)';
const MASK = 'He et al. 2017 (Mask R-CNN); its mask head not counted';
const RETINA = 'Lin et al. 2017 (Focal Loss for Dense Object Detection)';
const RESNEXT = 'Xie et al. 2017 (ResNeXt)';

const fpn = (b: Backbone, base = FASTER_R50_FPN) => fpnDetectorMacs(b, base);
const c4 = (b: Backbone) => c4DetectorMacs(b, { rois: TRAIN_ROIS_PER_IMAGE, strideIn1x1: !b.groups });

/** Detector rows derived from their backbone; all resize every image themselves (FIXED_INPUT_IDS). */
export const DETECTION_ARCHITECTURES: readonly ArchitectureInfo[] = [
  row('fasterrcnn-r101-fpn', 'Faster R-CNN R101-FPN', fpn(R101), ['fasterrcnnresnet101fpn'], FPN_SOURCE, FASTER, 2017),
  row(
    'maskrcnn-r101-fpn',
    'Mask R-CNN R101-FPN',
    fpn(R101, MASK_R50_FPN),
    ['maskrcnnresnet101fpn'],
    FPN_SOURCE,
    MASK,
    2017,
  ),
  row(
    'fasterrcnn-x101-32x8d-fpn',
    'Faster R-CNN X101-32x8d-FPN',
    fpn(X101_32X8D),
    ['fasterrcnnresnext10132x8dfpn'],
    FPN_SOURCE,
    `${FASTER}, ${RESNEXT}`,
    2017,
  ),
  row(
    'maskrcnn-x101-32x8d-fpn',
    'Mask R-CNN X101-32x8d-FPN',
    fpn(X101_32X8D, MASK_R50_FPN),
    ['maskrcnnresnext10132x8dfpn'],
    FPN_SOURCE,
    `${MASK}, ${RESNEXT}`,
    2017,
  ),
  row(
    'fasterrcnn-x101-64x4d-fpn',
    'Faster R-CNN X101-64x4d-FPN',
    fpn(X101_64X4D),
    ['fasterrcnnresnext10164x4dfpn'],
    FPN_SOURCE,
    `${FASTER}, ${RESNEXT}`,
    2017,
  ),
  row(
    'maskrcnn-x101-64x4d-fpn',
    'Mask R-CNN X101-64x4d-FPN',
    fpn(X101_64X4D, MASK_R50_FPN),
    ['maskrcnnresnext10164x4dfpn'],
    FPN_SOURCE,
    `${MASK}, ${RESNEXT}`,
    2017,
  ),
  row(
    'retinanet-r101-fpn',
    'RetinaNet R101-FPN',
    fpn(R101, RETINANET_R50_FPN),
    ['retinanetresnet101fpn'],
    FPN_SOURCE,
    RETINA,
    2017,
  ),
  row('fasterrcnn-r50-c4', 'Faster R-CNN R50-C4', c4(R50), ['fasterrcnnresnet50c4'], C4_SOURCE, FASTER, 2019),
  row('maskrcnn-r50-c4', 'Mask R-CNN R50-C4', c4(R50), ['maskrcnnresnet50c4'], C4_SOURCE, MASK, 2019),
  row('fasterrcnn-r101-c4', 'Faster R-CNN R101-C4', c4(R101), ['fasterrcnnresnet101c4'], C4_SOURCE, FASTER, 2019),
];

export const DETECTION_IDS: ReadonlySet<string> = new Set(DETECTION_ARCHITECTURES.map((a) => a.id));
