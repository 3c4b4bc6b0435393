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
// The mask head of Mask R-CNN and the keypoint head of Keypoint R-CNN, which torchvision's metadata leaves out (Mask
// R-CNN's `_ops` equal Faster R-CNN's), are counted on the foreground regions they train on (since round 22,
// foregroundHeadMacs below): a Mask R-CNN row has its Faster R-CNN row's FLOPs plus its mask head's.

import type { ArchitectureInfo } from '../types';
import { parseZooDetector, zooDetectorId, type ZooDetector } from './detection-zoo';
import { visionRow } from './torchvision-row';
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
  opts: { rois: number; strideIn1x1: boolean; resolution?: number; imageScale?: number; rpn?: boolean },
) {
  const t = trunk(b, 3, opts.resolution ?? 800);
  let image = t.macs;
  let params = t.params;
  const side = t.side;
  // Region proposal network on the conv4 map (none on precomputed proposals: `rpn` false).
  if (opts.rpn !== false) {
    image += side * side * (1024 * 1024 * 9 + 1024 * C4_ANCHORS * 5);
    params += 1024 * 1024 * 9 + 1024 + 1024 * C4_ANCHORS * 5 + C4_ANCHORS * 5;
  }
  // conv5 on one region: torchvision's bottleneck widths (⌊512 · widthPerGroup / 64⌋ · groups), 14×14 in, 7×7 out.
  const g = b.groups ?? 1;
  const width = Math.floor(512 * ((b.widthPerGroup ?? 64) / 64)) * g;
  let roi = 0;
  const conv = (h: number, cin: number, cout: number, k: number, groups = 1) => {
    params += (cin * cout * k * k) / groups;
    roi += (h * h * cin * cout * k * k) / groups;
  };
  let cin = 1024;
  for (let i = 0; i < (opts.rois > 0 ? 3 : 0); i++) {
    conv(i === 0 && !opts.strideIn1x1 ? 14 : 7, cin, width, 1);
    conv(7, width, width, 3, g);
    conv(7, width, 2048, 1);
    if (i === 0) conv(7, cin, 2048, 1);
    params += 2 * (width + width + 2048) + (i === 0 ? 2 * 2048 : 0);
    cin = 2048;
  }
  // Box predictor after average pooling: classes + background, 4 deltas per class.
  if (opts.rois > 0) {
    roi += 2048 * (COCO_CLASSES + 1 + 4 * COCO_CLASSES);
    params += (2048 + 1) * (COCO_CLASSES + 1 + 4 * COCO_CLASSES);
  }
  return { macs: image * (opts.imageScale ?? 1) + opts.rois * roi, params, perRoi: roi };
}

/**
 * [D] A DC5 Faster R-CNN (Dai et al. 2017; Detectron2's `Base-RCNN-DilatedC5.yaml`: RESNETS.RES5_DILATION 2, the RPN and
 * the box head on res5): the whole backbone with conv5 dilated instead of strided (stride 16, 2,048 channels); a region
 * proposal network on that map (3×3 convolution 2,048 → 2,048, 15 objectness scores and 60 box deltas; none on
 * precomputed proposals); for each of `rois` regions the box head of two fully connected layers (2,048 · 7 · 7 → 1,024
 * → 1,024: FastRCNNConvFCHead, NUM_FC 2) and the box predictor (81 classes, 80 × 4 deltas). Biases counted.
 */
export function dc5DetectorMacs(
  b: Backbone,
  opts: { rois: number; resolution?: number; imageScale?: number; rpn?: boolean },
) {
  const t = resnetMacs(b.blocks, {
    groups: b.groups,
    widthPerGroup: b.widthPerGroup,
    resolution: opts.resolution ?? 800,
    classifier: false,
    strideOneStages: [3],
  });
  let image = t.macs;
  let params = t.params;
  if (opts.rpn !== false) {
    image += t.side * t.side * (2048 * 2048 * 9 + 2048 * C4_ANCHORS * 5);
    params += 2048 * 2048 * 9 + 2048 + 2048 * C4_ANCHORS * 5 + C4_ANCHORS * 5;
  }
  const outputs = COCO_CLASSES + 1 + 4 * COCO_CLASSES;
  const roi = 2048 * 49 * 1024 + 1024 * 1024 + 1024 * outputs;
  if (opts.rois > 0) params += roi + 1024 + 1024 + outputs;
  return { macs: image * (opts.imageScale ?? 1) + opts.rois * roi, params };
}

/** torchvision's ResNet-50 FPN detectors (pytorch/vision detection/*.py weights metadata at 800 px; 2017 papers): Mask
 * R-CNN's `_ops` equal Faster R-CNN's, its `num_params` count the mask head; Keypoint R-CNN (keypoint_rcnn.py, COCO_V1:
 * `_ops` 137.42, `num_params` 59,137,258; 2017) adds its keypoint head's parameters and the few detections it runs on. */
const FASTER_R50_FPN = { macs: 134.38e9, params: 41_755_286 };
const MASK_R50_FPN = { macs: 134.38e9, params: 44_401_393 };
const RETINANET_R50_FPN = { macs: 151.54e9, params: 34_014_999 };
const KEYPOINT_R50_FPN = { macs: 137.42e9, params: 59_137_258 };

/** [S] Proposals per image the box head runs on at test time, where torchvision's `_ops` are counted
 * (rpn_post_nms_top_n_test = 1,000, torchvision/models/detection/faster_rcnn.py). */
const TEST_PROPOSALS = 1000;
/** [D] torchvision's FPN box head on one region: TwoMLPHead (256 · 7 · 7 → 1,024 → 1,024) and FastRCNNPredictor (91
 * classes, 91 × 4 deltas), biases counted (faster_rcnn.py). */
const FPN_BOX = {
  macs: 256 * 49 * 1024 + 1024 * 1024 + 1024 * 455,
  params: 256 * 49 * 1024 + 1024 * 1024 + 1024 * 455 + 2 * 1024 + 455,
};
/** [D] torchvision's RPNHead (rpn.py: 3×3 convolution 256 → 256, 3 objectness scores and 12 box deltas a position) on
 * the five FPN levels P2–P6 of an 800-px image (strides 4–32, then P6 a stride-2 pooling of P5: 200², 100², 50², 25²,
 * 13² positions). */
const FPN_RPN = (() => {
  const perPosition = 256 * 256 * 9 + 256 * 15;
  const positions = 200 ** 2 + 100 ** 2 + 50 ** 2 + 25 ** 2 + 13 ** 2;
  return { macs: positions * perPosition, params: perPosition + 256 + 15 };
})();
const less = (a: { macs: number; params: number }, b: { macs: number; params: number }, n = 1) => ({
  macs: a.macs - n * b.macs,
  params: a.params - b.params,
});
/** The ResNet-50 FPN row each head of an FPN detector starts from: torchvision's, or [D] Faster R-CNN's less its box head
 * on the 1,000 test proposals (an RPN alone) or less its RPN head (Fast R-CNN on precomputed proposals). */
const FPN_BASE: Record<ZooDetector['head'], { macs: number; params: number }> = {
  faster: FASTER_R50_FPN,
  mask: MASK_R50_FPN,
  keypoint: KEYPOINT_R50_FPN,
  retinanet: RETINANET_R50_FPN,
  rpn: less(FASTER_R50_FPN, FPN_BOX, TEST_PROPOSALS),
  fast: less(FASTER_R50_FPN, FPN_RPN),
};

/**
 * [D] The per-region heads of Mask and Keypoint R-CNN in training. Both run on the sampled foreground regions only, and
 * neither is in the rows above: torchvision's `_ops` are counted on an image the untrained network detects nothing in
 * (Mask R-CNN's equal Faster R-CNN's), and the C4 and DC5 derivations count the box head. Per region:
 *
 *   mask (He et al. 2017, Figure 4; detectron2 modeling/roi_heads/mask_head.py MaskRCNNConvUpsampleHead with
 *   configs/Base-RCNN-FPN.yaml and Base-RCNN-DilatedC5.yaml ROI_MASK_HEAD NUM_CONV 4, POOLER_RESOLUTION 14, CONV_DIM 256;
 *   Base-RCNN-C4.yaml's Res5ROIHeads: NUM_CONV 0 on the 7×7, 2,048-channel conv5 output the box head computed):
 *   3×3 convolutions at 14×14, a 2×2 stride-2 transposed convolution to 28×28 (to 14×14 for C4), a 1×1 predictor of
 *   80 class masks;
 *   keypoint (detectron2 modeling/roi_heads/keypoint_head.py KRCNNConvDeconvUpsampleHead, config/defaults.py
 *   ROI_KEYPOINT_HEAD CONV_DIMS (512,) × 8, POOLER_RESOLUTION 14, NUM_KEYPOINTS 17): eight 3×3 convolutions at 14×14
 *   from the 256 FPN channels, a 4×4 stride-2 transposed convolution to 17 heat maps.
 *
 * Foreground regions per image: the sampler keeps at most 512 × 0.25 = 128 (ROI_HEADS.BATCH_SIZE_PER_IMAGE,
 * POSITIVE_FRACTION); how many an image has is not a default. The counts below are those at which the heads' FLOPs
 * reproduce the published cost of the heads, Detectron2's train times of Mask or Keypoint R-CNN over Faster R-CNN on
 * the same backbone and schedule (MODEL_ZOO.md, 8 V100, 2019; facebookresearch/detectron2 commit 02478d2e): mask
 * R50-FPN 0.261 / 0.210 s/iter, R101-FPN 0.340 / 0.286, X101-FPN 0.690 / 0.638 (62, 64 and 45 regions; test/core/
 * detection.test.ts checks the three ratios); keypoint R50-FPN 0.315 / 0.210 (person regions only).
 */
export const MASK_FOREGROUND_ROIS = 60;
export const KEYPOINT_FOREGROUND_ROIS = 20;
const FPN_MASK_ROI = 4 * 14 * 14 * 9 * 256 * 256 + 14 * 14 * 256 * 256 * 4 + 28 * 28 * 256 * COCO_CLASSES;
const DC5_MASK_ROI =
  14 * 14 * 9 * (2048 * 256 + 3 * 256 * 256) + 14 * 14 * 256 * 256 * 4 + 28 * 28 * 256 * COCO_CLASSES;
const C4_MASK_ROI = 7 * 7 * 2048 * 256 * 4 + 14 * 14 * 256 * COCO_CLASSES;
const KEYPOINT_ROI = 14 * 14 * 9 * (256 * 512 + 7 * 512 * 512) + 14 * 14 * 512 * 17 * 16;

/** [D] MACs per training image of the foreground heads above (none for the other heads). */
export function foregroundHeadMacs(head: ZooDetector['head'], neck: ZooDetector['neck']): number {
  if (head === 'keypoint') return KEYPOINT_FOREGROUND_ROIS * KEYPOINT_ROI;
  if (head !== 'mask') return 0;
  return MASK_FOREGROUND_ROIS * (neck === 'fpn' ? FPN_MASK_ROI : neck === 'dc5' ? DC5_MASK_ROI : C4_MASK_ROI);
}

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
const DC5_SOURCE =
  `[D] dc5DetectorMacs with the ${TRAIN_ROIS_PER_IMAGE} regions per image the box head trains on (detectron2 config/defaults.py), ` +
  'which at 1,000 regions and COCO image sizes gives 336 G (+5 %) and 166 M parameters against the 320 GFLOPs and 166 M of Faster ' +
  'R-CNN R50-DC5 (Carion et al. 2020, DETR Table 1)';

const HEAD: Record<ZooDetector['head'], { name: string; paper: string }> = {
  faster: { name: 'Faster R-CNN', paper: 'Ren et al. 2015 (Faster R-CNN)' },
  mask: {
    name: 'Mask R-CNN',
    paper: `He et al. 2017 (Mask R-CNN); its mask head on ${MASK_FOREGROUND_ROIS} foreground regions an image (Detectron2 MODEL_ZOO.md train times, 2019)`,
  },
  keypoint: {
    name: 'Keypoint R-CNN',
    paper: `He et al. 2017 (Mask R-CNN, keypoint head); its keypoint head on ${KEYPOINT_FOREGROUND_ROIS} person regions an image (Detectron2 MODEL_ZOO.md train times, 2019)`,
  },
  retinanet: { name: 'RetinaNet', paper: 'Lin et al. 2017 (Focal Loss for Dense Object Detection)' },
  rpn: { name: 'RPN', paper: 'Ren et al. 2015 (Faster R-CNN), its region proposal network alone' },
  fast: { name: 'Fast R-CNN', paper: 'Girshick 2015 (Fast R-CNN), the box head on precomputed proposals' },
};
const NECK = {
  fpn: { name: 'FPN', source: FPN_SOURCE, paper: 'Lin et al. 2017 (FPN)', year: 2017 },
  c4: { name: 'C4', source: C4_SOURCE, paper: 'He et al. 2016 (ResNet, C4 detection)', year: 2019 },
  dc5: { name: 'DC5', source: DC5_SOURCE, paper: 'Dai et al. 2017 (dilated conv5)', year: 2020 },
} as const;
const BLOCKS = { 50: [3, 4, 6, 3], 101: [3, 4, 23, 3], 152: [3, 8, 36, 3] } as const;

/** [D] MACs (at 800 × 800, the training regions of C4 and DC5 heads, the foreground regions of the mask and keypoint
 * heads) and parameters of a model-zoo detector. */
export function zooDetectorMacs(d: ZooDetector): { macs: number; params: number } {
  const b: Backbone = { blocks: BLOCKS[d.depth], groups: d.groups, widthPerGroup: d.widthPerGroup };
  const rpn = d.head !== 'fast';
  const rois = d.head === 'rpn' ? 0 : TRAIN_ROIS_PER_IMAGE;
  const net =
    d.neck === 'fpn'
      ? fpnDetectorMacs(b, FPN_BASE[d.head])
      : d.neck === 'c4'
        ? c4DetectorMacs(b, { rois, strideIn1x1: !b.groups, rpn })
        : dc5DetectorMacs(b, { rois, rpn });
  return { macs: net.macs + foregroundHeadMacs(d.head, d.neck), params: net.params };
}

const rows = new Map<string, ArchitectureInfo>();

/** The table row of a model-zoo detector (core/data/detection-zoo.ts), built once per network. */
export function zooDetectorRow(d: ZooDetector, aliases: string[] = []): ArchitectureInfo {
  const id = zooDetectorId(d);
  const known = rows.get(id);
  if (known) return known;
  const { macs, params } = zooDetectorMacs(d);
  const neck = NECK[d.neck];
  const backbone = d.groups ? `X${d.depth}-${d.groups}x${d.widthPerGroup}d` : `R${d.depth}`;
  const papers = [
    HEAD[d.head].paper,
    neck.paper,
    ...(d.groups ? ['Xie et al. 2017 (ResNeXt)'] : []),
    ...(d.depth === 152 ? ['He et al. 2016 (ResNet-152: bottlenecks 3, 8, 36, 3)'] : []),
  ];
  const row = visionRow({
    id,
    name: `${HEAD[d.head].name} ${backbone}-${neck.name}`,
    family: 'convnet',
    params,
    forwardFlops: 2 * macs,
    resolution: 800,
    note: NOTE,
    aliases,
    source: `${neck.source}; ${papers.join(', ')}`,
    year: neck.year,
  });
  rows.set(id, row);
  return row;
}

/** Whether a row is a detector that resizes every image itself (a model-zoo id parses back to its network). */
export function isZooDetector(a: ArchitectureInfo): boolean {
  return parseZooDetector(a.id) !== undefined;
}

/** The rows the table lists (round 18), with the builder names of torchvision-style spellings; the model-zoo names of
 * every other head, backbone and neck build their row when looked up (core/data/vision-audio.ts). */
function row(id: string, aliases: string[]): ArchitectureInfo {
  const d = parseZooDetector(id);
  if (!d) throw new Error(`not a model-zoo detector id: ${id}`);
  return zooDetectorRow(d, aliases);
}
export const DETECTION_ARCHITECTURES: readonly ArchitectureInfo[] = [
  // torchvision's `maskrcnn_resnet50_fpn` (its weights metadata, plus the mask head its `_ops` leave out).
  row('maskrcnn-r50-fpn', ['maskrcnnresnet50fpn', 'maskrcnnr50fpn']),
  row('fasterrcnn-r101-fpn', ['fasterrcnnresnet101fpn']),
  row('maskrcnn-r101-fpn', ['maskrcnnresnet101fpn']),
  row('fasterrcnn-x101-32x8d-fpn', ['fasterrcnnresnext10132x8dfpn']),
  row('maskrcnn-x101-32x8d-fpn', ['maskrcnnresnext10132x8dfpn']),
  row('fasterrcnn-x101-64x4d-fpn', ['fasterrcnnresnext10164x4dfpn']),
  row('maskrcnn-x101-64x4d-fpn', ['maskrcnnresnext10164x4dfpn']),
  row('retinanet-r101-fpn', ['retinanetresnet101fpn']),
  row('fasterrcnn-r50-c4', ['fasterrcnnresnet50c4']),
  row('maskrcnn-r50-c4', ['maskrcnnresnet50c4']),
  row('fasterrcnn-r101-c4', ['fasterrcnnresnet101c4']),
];
