// More rows of the vision/audio FLOPs table (core/data/vision-audio.ts, which holds the conventions and the lookup):
// AlexNet, ResNeXt, Wide ResNet, SE-ResNeXt, MobileNet, EfficientNetV2, torchvision's detection and segmentation networks,
// EfficientDet-D0, and the convolutional speech recognisers Jasper and QuartzNet. Every row carries its source and
// year; FLOPs = 2 × multiply-accumulates, as in the rest of the table.
//
//   [S] torchvision's weights metadata (`_ops` in GMACs at the weights' input, `num_params`), pytorch/vision
//       torchvision/models/*.py, or a paper's table;
//   [D] derived here from the published architecture (resnetMacs, convAsrMacsPerSecond); the test
//       (test/core/vision-more.test.ts) reproduces torchvision's published MACs and parameters with the same function.

import type { ArchitectureInfo } from '../types';
import { tv } from './torchvision-row';

/**
 * ResNet / ResNeXt / Wide ResNet / SE-ResNeXt with bottleneck blocks as torchvision builds them (resnet.py: stride on
 * the 3×3 convolution, "v1.5"; width = ⌊planes · widthPerGroup / 64⌋ · groups; batch-norm weight and bias counted as
 * parameters), optionally with a squeeze-and-excitation module of reduction `se` after each block's last convolution
 * (Hu et al. 2018, §3: two fully connected layers C → C/r → C, with biases). MACs of convolutions and fully connected
 * layers at a square input of side `resolution`; a 1,000-class classifier.
 */
export function resnetMacs(
  blocks: readonly number[],
  opts: {
    groups?: number;
    widthPerGroup?: number;
    se?: number;
    resolution?: number;
    /** Stages (0–3) whose first block keeps stride 1 (SSD's conv4). */
    strideOneStages?: number[];
    /** The 1,000-class classifier (default) or none, for a backbone. */
    classifier?: boolean;
  } = {},
): { macs: number; params: number; side: number; channels: number } {
  const g = opts.groups ?? 1;
  const wpg = opts.widthPerGroup ?? 64;
  const res = opts.resolution ?? 224;
  let macs = 0;
  let params = 0;
  const conv = (h: number, cin: number, cout: number, k: number, groups = 1) => {
    params += (cin * cout * k * k) / groups;
    macs += (h * h * cin * cout * k * k) / groups;
  };
  const bn = (c: number) => (params += 2 * c);
  // A 7×7 stride-2 convolution and a 3×3 stride-2 pooling, both padded: ⌈side / 2⌉ each (224 → 112 → 56; 300 → 150 → 75).
  let h = Math.ceil(res / 2);
  conv(h, 3, 64, 7);
  bn(64);
  h = Math.ceil(h / 2);
  let cin = 64;
  blocks.forEach((n, stage) => {
    const planes = 64 * 2 ** stage;
    const width = Math.floor(planes * (wpg / 64)) * g;
    const out = planes * 4;
    const stride = stage > 0 && !opts.strideOneStages?.includes(stage) ? 2 : 1;
    for (let b = 0; b < n; b++) {
      const ho = b === 0 && stride === 2 ? Math.ceil(h / 2) : h;
      conv(h, cin, width, 1);
      bn(width);
      conv(ho, width, width, 3, g);
      bn(width);
      conv(ho, width, out, 1);
      bn(out);
      if (opts.se) {
        const r = Math.floor(out / opts.se);
        params += out * r + r + r * out + out;
        macs += 2 * out * r;
      }
      if (b === 0) {
        conv(ho, cin, out, 1);
        bn(out);
      }
      cin = out;
      h = ho;
    }
  });
  if (opts.classifier !== false) {
    params += cin * 1000 + 1000;
    macs += cin * 1000;
  }
  return { macs, params, side: h, channels: cin };
}

/**
 * [D] NVIDIA's SSD300 with a ResNet-50 backbone (NVIDIA/DeepLearningExamples PyTorch/Detection/SSD/ssd/model.py): the
 * torchvision ResNet-50 up to conv4 (layer3) with that stage's stride set to 1 (38×38×1,024 at 300 px), five extra
 * blocks (1×1 then 3×3 convolutions: 1,024→256→512, 512→256→512, 512→128→256 at stride 2, then 256→128→256 twice
 * unpadded: 19, 10, 5, 3, 1), and 3×3 location and class heads over the six maps (4, 6, 6, 6, 4, 4 default boxes; 81
 * classes): 8,732 boxes.
 */
export function ssd300R50Macs(): { macs: number; params: number } {
  const bb = resnetMacs([3, 4, 6], { resolution: 300, strideOneStages: [2], classifier: false });
  let macs = bb.macs;
  let params = bb.params;
  const conv = (ho: number, cin: number, cout: number, k: number, bias: boolean) => {
    params += cin * cout * k * k + (bias ? cout : 0);
    macs += ho * ho * cin * cout * k * k;
  };
  const maps: [number, number][] = [[bb.side, bb.channels]];
  let [h, c] = maps[0];
  for (const [mid, out, pad] of [
    [256, 512, true],
    [256, 512, true],
    [128, 256, true],
    [128, 256, false],
    [128, 256, false],
  ] as const) {
    conv(h, c, mid, 1, false);
    params += 2 * mid;
    const ho = pad ? Math.ceil(h / 2) : h - 2;
    conv(ho, mid, out, 3, false);
    params += 2 * out;
    maps.push([ho, out]);
    [h, c] = [ho, out];
  }
  [4, 6, 6, 6, 4, 4].forEach((boxes, i) => {
    const [side, ch] = maps[i];
    conv(side, ch, boxes * 4, 3, true);
    conv(side, ch, boxes * 81, 3, true);
  });
  return { macs, params };
}

/** [S] LibriSpeech's 960 training hours in 281,241 utterances (Panayotov et al. 2015, Table 1: train-clean-100,
 * train-clean-360, train-other-500 — 100.6 + 363.6 + 496.7 h; 28,539 + 104,014 + 148,688 utterances, as the
 * openslr/librispeech_asr dataset card lists them): a mean utterance of 12.3 s. */
export const LIBRISPEECH_MEAN_SECONDS = Math.round(((960.9 * 3600) / 281_241) * 100) / 100;

/**
 * [D] Forward MACs per second of audio of a 1-D convolutional recogniser (Jasper, QuartzNet): after the first
 * convolution (stride 2 over 10-ms feature frames) every layer runs at 50 frames per second and each of its weights
 * multiplies once per output frame, so MACs per second ≈ parameters × 50 (Li et al. 2019 §2, Kriman et al. 2020 §2:
 * 10-ms hop, stride-2 prologue; dilation and grouping do not change the count). Batch-norm parameters (< 0.1 %) are
 * counted with the weights.
 */
export function convAsrMacsPerSecond(params: number): number {
  return params * 50;
}

function derivedResnet(
  id: string,
  name: string,
  blocks: readonly number[],
  opts: { groups: number; widthPerGroup: number; se?: number },
  aliases: string[],
  published: string,
  year: number,
): ArchitectureInfo {
  const { macs, params } = resnetMacs(blocks, opts);
  return {
    id,
    name,
    modality: 'vision',
    family: 'convnet',
    params,
    forwardFlops: 2 * macs,
    reference: { resolution: 224, note: '224×224 RGB image' },
    aliases,
    source:
      `[D] resnetMacs (torchvision's bottleneck ResNet, which it reproduces for ResNet-50/101, ResNeXt-50 32x4d, ` +
      `ResNeXt-101 32x8d/64x4d and Wide ResNet-50-2 exactly); ${published}`,
    year,
  };
}

/**
 * AlexNet as torchvision builds it (pytorch/vision torchvision/models/alexnet.py: the single-tower "one weird trick"
 * layout of Krizhevsky 2014, arXiv 1404.5997): five convolutions (11×11/4 to 64, 5×5 to 192, 3×3 to 384, 256, 256; 3×3/2
 * max-pooling after the first, second and fifth), an adaptive 6×6 average pool, and three fully connected layers
 * 9,216 → 4,096 → 4,096 → 1,000, all with biases. MACs of the convolutions and fully connected layers at a square input of
 * side `resolution`: 0.714 GMACs and 61,100,840 parameters at 224 px, torchvision's published `_ops` and `num_params`
 * (test/core/vision-more.test.ts).
 */
export function alexnetMacs(resolution = 224): { macs: number; params: number } {
  let macs = 0;
  let params = 0;
  let side = resolution;
  let cin = 3;
  const out = (h: number, k: number, stride: number, pad: number) => Math.floor((h + 2 * pad - k) / stride) + 1;
  const conv = (cout: number, k: number, stride: number, pad: number) => {
    side = out(side, k, stride, pad);
    macs += side * side * cin * cout * k * k;
    params += cin * cout * k * k + cout;
    cin = cout;
  };
  const pool = () => (side = out(side, 3, 2, 0));
  conv(64, 11, 4, 2);
  pool();
  conv(192, 5, 1, 2);
  pool();
  conv(384, 3, 1, 1);
  conv(256, 3, 1, 1);
  conv(256, 3, 1, 1);
  for (const [i, o] of [
    [256 * 6 * 6, 4096],
    [4096, 4096],
    [4096, 1000],
  ]) {
    macs += i * o;
    params += i * o + o;
  }
  return { macs, params };
}

const ALEXNET = alexnetMacs();

const RESNEXT = 'Xie et al. 2017 (ResNeXt), Table 1';
const WRN = 'Zagoruyko & Komodakis 2016 (Wide ResNet)';
const MOBILE_V2 = 'Sandler et al. 2018 (MobileNetV2), Table 2';
const MOBILE_V3 = 'Howard et al. 2019 (MobileNetV3), Tables 1–2';
const EFFV2 = 'Tan & Le 2021 (EfficientNetV2), Table 4';
/** Detection networks: torchvision's GeneralizedRCNNTransform resizes every image to 800 px on its short side
 * (1,333 at most on the long one) before the network, so the input's own size does not change their FLOPs. */
const DETECTION_NOTE =
  "one image as the network sees it: 800×800 (torchvision's detection transform resizes every image to 800 px on its " +
  'short side, 1,333 at most on the long one; a 4:3 COCO image becomes 800×1,067, about 1.3× these FLOPs)';
/** The fixed input of networks that resize every image themselves: a stated resolution does not scale them. */
export const FIXED_INPUT_IDS: ReadonlySet<string> = new Set([
  'fasterrcnn-r50-fpn',
  'maskrcnn-r50-fpn',
  'retinanet-r50-fpn',
]);

const SSD_R50 = ssd300R50Macs();

export const MORE_ARCHITECTURES: readonly ArchitectureInfo[] = [
  // ------------------------------------------------------------------ AlexNet (since round 25: named by runs of footprint-4 and -21)
  {
    id: 'alexnet',
    name: 'AlexNet',
    modality: 'vision',
    family: 'convnet',
    params: ALEXNET.params,
    forwardFlops: 2 * ALEXNET.macs,
    reference: { resolution: 224, note: '224×224 RGB image' },
    aliases: ['alexnet'],
    source:
      "[D] alexnetMacs (torchvision's AlexNet, pytorch/vision torchvision/models/alexnet.py since 2017, layer by layer, " +
      'reproducing its published 0.714 GMACs and 61,100,840 parameters); Krizhevsky et al. 2012 (AlexNet); ' +
      'Krizhevsky 2014, "One weird trick" (the single-tower layout)',
    year: 2017,
  },
  // ------------------------------------------------------------------ ResNeXt, Wide ResNet, SE-ResNeXt
  tv(
    'resnext50-32x4d',
    'ResNeXt-50 32x4d',
    'convnet',
    4.23,
    25_028_904,
    224,
    'resnet.py',
    ['resnext5032x4d', 'resnext50'],
    RESNEXT,
    2017,
  ),
  tv(
    'resnext101-32x8d',
    'ResNeXt-101 32x8d',
    'convnet',
    16.414,
    88_791_336,
    224,
    'resnet.py',
    ['resnext10132x8d'],
    RESNEXT,
    2017,
  ),
  tv(
    'resnext101-64x4d',
    'ResNeXt-101 64x4d',
    'convnet',
    15.46,
    83_455_272,
    224,
    'resnet.py',
    ['resnext10164x4d'],
    RESNEXT,
    2017,
  ),
  derivedResnet(
    'resnext101-32x4d',
    'ResNeXt-101 32x4d',
    [3, 4, 23, 3],
    { groups: 32, widthPerGroup: 4 },
    ['resnext10132x4d'],
    `${RESNEXT} (32 groups of width 4; 44.18 M parameters derived)`,
    2017,
  ),
  derivedResnet(
    'se-resnext50-32x4d',
    'SE-ResNeXt-50 32x4d',
    [3, 4, 6, 3],
    { groups: 32, widthPerGroup: 4, se: 16 },
    ['seresnext5032x4d'],
    'Hu et al. 2018 (Squeeze-and-Excitation Networks), §3 and Table 2 (SE modules of reduction 16 on ResNeXt-50 32x4d)',
    2018,
  ),
  derivedResnet(
    'se-resnext101-32x4d',
    'SE-ResNeXt-101 32x4d',
    [3, 4, 23, 3],
    { groups: 32, widthPerGroup: 4, se: 16 },
    ['seresnext10132x4d'],
    'Hu et al. 2018 (Squeeze-and-Excitation Networks), §3 and Table 2 (SE modules of reduction 16 on ResNeXt-101 32x4d)',
    2018,
  ),
  tv(
    'wide-resnet50-2',
    'Wide ResNet-50-2',
    'convnet',
    11.398,
    68_883_240,
    224,
    'resnet.py',
    ['wideresnet502', 'wrn502', 'wideresnet50'],
    WRN,
    2016,
  ),
  tv(
    'wide-resnet101-2',
    'Wide ResNet-101-2',
    'convnet',
    22.753,
    126_886_696,
    224,
    'resnet.py',
    ['wideresnet1012', 'wrn1012', 'wideresnet101'],
    WRN,
    2016,
  ),
  // ------------------------------------------------------------------ MobileNet
  tv(
    'mobilenet-v2',
    'MobileNetV2',
    'depthwise',
    0.301,
    3_504_872,
    224,
    'mobilenetv2.py',
    ['mobilenetv2', 'mobilenetv2100'],
    MOBILE_V2,
    2018,
  ),
  tv(
    'mobilenet-v3-large',
    'MobileNetV3-Large',
    'depthwise',
    0.217,
    5_483_032,
    224,
    'mobilenetv3.py',
    ['mobilenetv3large', 'mobilenetv3large100'],
    MOBILE_V3,
    2019,
  ),
  tv(
    'mobilenet-v3-small',
    'MobileNetV3-Small',
    'depthwise',
    0.057,
    2_542_856,
    224,
    'mobilenetv3.py',
    ['mobilenetv3small', 'mobilenetv3small100'],
    MOBILE_V3,
    2019,
  ),
  // ------------------------------------------------------------------ EfficientNetV2 (torchvision's crop sizes)
  tv(
    'efficientnet-v2-s',
    'EfficientNetV2-S',
    'depthwise',
    8.366,
    21_458_488,
    384,
    'efficientnet.py',
    ['efficientnetv2s', 'effnetv2s', 'tfefficientnetv2s'],
    EFFV2,
    2021,
  ),
  tv(
    'efficientnet-v2-m',
    'EfficientNetV2-M',
    'depthwise',
    24.582,
    54_139_356,
    480,
    'efficientnet.py',
    ['efficientnetv2m', 'effnetv2m', 'tfefficientnetv2m'],
    EFFV2,
    2021,
  ),
  tv(
    'efficientnet-v2-l',
    'EfficientNetV2-L',
    'depthwise',
    56.08,
    118_515_272,
    480,
    'efficientnet.py',
    ['efficientnetv2l', 'effnetv2l', 'tfefficientnetv2l'],
    EFFV2,
    2021,
  ),
  // ------------------------------------------------------------------ detection (per image as the network sees it)
  tv(
    'fasterrcnn-r50-fpn',
    'Faster R-CNN R50-FPN',
    'convnet',
    134.38,
    41_755_286,
    800,
    'detection/faster_rcnn.py',
    ['fasterrcnnresnet50fpn', 'fasterrcnnr50fpn'],
    'Ren et al. 2015 (Faster R-CNN), Lin et al. 2017 (FPN)',
    2017,
    DETECTION_NOTE,
  ),
  // Mask R-CNN R50-FPN: core/data/detection.ts (torchvision's `_ops` leave its mask head out).
  tv(
    'retinanet-r50-fpn',
    'RetinaNet R50-FPN',
    'convnet',
    151.54,
    34_014_999,
    800,
    'detection/retinanet.py',
    ['retinanetresnet50fpn', 'retinanetr50fpn'],
    'Lin et al. 2017 (Focal Loss for Dense Object Detection)',
    2017,
    DETECTION_NOTE,
  ),
  tv(
    'ssd300-vgg16',
    'SSD300 (VGG-16)',
    'convnet',
    34.858,
    35_641_826,
    300,
    'detection/ssd.py',
    ['ssd300vgg16'],
    'Liu et al. 2016 (SSD)',
    2016,
  ),
  {
    id: 'efficientdet-d0',
    name: 'EfficientDet-D0',
    modality: 'vision',
    family: 'depthwise',
    params: 3_900_000,
    forwardFlops: 2 * 2.5e9,
    reference: { resolution: 512, note: '512×512 RGB image' },
    aliases: ['efficientdetd0', 'tfefficientdetd0'],
    source:
      '[S] Tan, Pang & Le 2020 (EfficientDet), Table 2: D0 at 512 px, 3.9 M parameters, 2.5 B FLOPs (multiply-adds, as ' +
      'in Tan & Le 2019, where EfficientNet-B0 is 0.39 B)',
    year: 2020,
  },
  {
    id: 'ssd300-r50',
    name: 'SSD300 (ResNet-50, NVIDIA)',
    modality: 'vision',
    family: 'convnet',
    params: SSD_R50.params,
    forwardFlops: 2 * SSD_R50.macs,
    reference: { resolution: 300, note: '300×300 RGB image' },
    aliases: ['ssd300r50', 'ssd300resnet50', 'nvidiassd300'],
    source:
      '[D] ssd300R50Macs, from NVIDIA/DeepLearningExamples PyTorch/Detection/SSD/ssd/model.py (© 2018–2019; its README: ' +
      '"SSD300 v1.1", the ResNet-50 backbone of torchvision with conv4 at stride 1); Liu et al. 2016 (SSD)',
    year: 2019,
  },
  // ------------------------------------------------------------------ segmentation
  tv(
    'deeplabv3-r50',
    'DeepLabV3 ResNet-50',
    'convnet',
    178.722,
    42_004_074,
    520,
    'segmentation/deeplabv3.py',
    ['deeplabv3resnet50', 'deeplabv3r50'],
    'Chen et al. 2017 (DeepLabv3), output stride 8',
    2017,
  ),
  tv(
    'deeplabv3-r101',
    'DeepLabV3 ResNet-101',
    'convnet',
    258.743,
    60_996_202,
    520,
    'segmentation/deeplabv3.py',
    ['deeplabv3resnet101', 'deeplabv3r101'],
    'Chen et al. 2017 (DeepLabv3), output stride 8',
    2017,
  ),
  // ------------------------------------------------------------------ speech recognition (per utterance)
  convAsr(
    'jasper-10x5',
    'Jasper 10x5 DR',
    'convnet',
    333_000_000,
    ['jasper10x5', 'jasper10x5dr', 'jasper10x5denseresidual', 'jasperdr10x5'],
    2019,
  ),
  convAsr('quartznet-15x5', 'QuartzNet 15x5', 'depthwise', 18_900_000, ['quartznet15x5'], 2020),
];

function convAsr(
  id: string,
  name: string,
  family: ArchitectureInfo['family'],
  params: number,
  aliases: string[],
  year: number,
): ArchitectureInfo {
  return {
    id,
    name,
    modality: 'audio',
    family,
    params,
    forwardFlops: 2 * convAsrMacsPerSecond(params) * LIBRISPEECH_MEAN_SECONDS,
    reference: {
      seconds: LIBRISPEECH_MEAN_SECONDS,
      note: `one LibriSpeech utterance (mean ${LIBRISPEECH_MEAN_SECONDS} s); FLOPs grow with the audio's length`,
    },
    aliases,
    source:
      `[D] convAsrMacsPerSecond: ${(params / 1e6).toFixed(1)} M parameters × 50 frames per second of audio, ` +
      'parameters as published by Kriman et al. 2020 (QuartzNet), which compares QuartzNet 15x5 (18.9 M) with Jasper DR ' +
      '10x5 (333 M; Li et al. 2019)',
    year,
  };
}

/** Rows whose FLOPs scale linearly with the seconds of audio (per-second basis × the utterance's length). */
export const PER_SECOND_AUDIO_IDS: ReadonlySet<string> = new Set(['jasper-10x5', 'quartznet-15x5']);
