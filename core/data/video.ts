// Forward FLOPs per clip of video classification networks, for per-sample workloads whose samples are clips
// (Kinetics-400 trains on ≈ 240,000 clips an epoch). One sample = one training clip (one view): the frames and crop of
// the row's reference input. Training FLOPs = 3 × forward FLOPs × clips × epochs, as for images (estimate.ts).
//
// Convention: FLOPs = 2 × multiply-accumulates, as in core/data/vision-audio.ts. PySlowFast / PyTorchVideo and
// torchvision count video FLOPs with fvcore-style MAC counters ("GFLOPs" in their tables are GMACs); every value below
// is doubled. A paper's inference figure over several views (10 clips × 3 crops) is divided by its views: training
// runs one view per sample.
//
// A clip of other frames than the row's is another workload: the table has no frame count to scale by, so a run that
// states another clip length names its FLOPs per sample (--flops-per-sample). A different crop scales as for images,
// (side / reference)².
//
// Sources:
//   PyTorchVideo model zoo (facebookresearch/pytorchvideo docs/model_zoo.md, 2021), Kinetics-400 table: "frame length x
//   sample rate", "Flops (G)" (one view) and "Params (M)", 224-pixel crops; its torch.hub builders (`slowfast_r50`,
//   `i3d_r50`, …, pytorchvideo/models/hub) load these checkpoints.
//   torchvision weights metadata (pytorch/vision torchvision/models/video/*.py): `_ops` (GMACs of one 16-frame clip) and
//   `num_params`.
//   TimeSformer (Bertasius, Wang, Torresani, ICML 2021, arXiv 2102.05095), Table 2: 0.59 inference TFLOPs over 3 views
//   (one temporal clip × 3 spatial crops) of 8 frames at 224², 121.4 M parameters.

import type { ArchitectureInfo } from '../types';
import { TV, visionRow } from './torchvision-row';

/**
 * [I] Throughput of a video-classification training run relative to the core's image model at the same FLOPs: 1/8.
 * Video models train "an order of magnitude slower than training their counterpart image models" (Wu et al. 2020, A
 * Multigrid Method for Efficiently Training Video Models, CVPR 2020, abstract): clips are decoded on the CPU and 3D
 * convolution kernels run less efficiently than 2D ones. Measured: PySlowFast trains SlowFast R50 4x16 at 43.2 clips/s
 * and PaddleVideo at 99.5 clips/s on 8 V100 16GB (PaddlePaddle/PaddleVideo docs/en/benchmark.md, 2021), 6–14× below what
 * the image model gives the same FLOPs on those GPUs (fp32 or mixed precision); 1/8 is their middle. Not fitted on the
 * development cases (their video runs state no epochs).
 */
export const VIDEO_RUN_FACTOR = {
  factor: 0.125,
  why: 'video clips (CPU decoding, 3D kernels: video models train about 8× slower than image models of the same FLOPs)',
  source:
    'Wu et al. 2020 (Multigrid training, CVPR 2020); PaddlePaddle/PaddleVideo docs/en/benchmark.md 2021 (SlowFast on 8 V100: 43.2 clips/s PySlowFast, 99.5 PaddleVideo)',
} as const;

const PTV = 'PyTorchVideo model zoo, Kinetics-400 table (facebookresearch/pytorchvideo docs/model_zoo.md, 2021)';

/**
 * [S] A row of the PyTorchVideo model zoo: `gflops` as its table gives them (GMACs of one view), `paramsM` its
 * "Params (M)", the clip `frames × rate` it names; 224-pixel crops.
 */
function ptv(
  id: string,
  name: string,
  gflops: number,
  paramsM: number,
  clip: string,
  aliases: string[],
  paper: string,
  year: number,
): ArchitectureInfo {
  return visionRow({
    id,
    name,
    family: 'convnet',
    params: paramsM * 1e6,
    forwardFlops: 2 * gflops * 1e9,
    resolution: 224,
    note: `one ${clip} clip (frames × sample rate) at 224×224`,
    aliases,
    source: `[S] ${PTV}: ${name}, ${gflops} GFLOPs (MACs) a view, ${paramsM} M parameters; ${paper}`,
    year,
  });
}

/** [S] A torchvision video row: `_ops` GMACs and `num_params` of one 16-frame clip at `side`² (file under models/video). */
function tvVideo(
  id: string,
  name: string,
  family: ArchitectureInfo['family'],
  gmacs: number,
  params: number,
  side: number,
  file: string,
  aliases: string[],
  paper: string,
  year: number,
): ArchitectureInfo {
  return visionRow({
    id,
    name,
    family,
    params,
    forwardFlops: 2 * gmacs * 1e9,
    resolution: side,
    note: `one 16-frame clip at ${side}×${side}`,
    aliases,
    source: `[S] ${TV}/video/${file} weights metadata (_ops ${gmacs} GMACs of a 16-frame clip at ${side} px, num_params ${params.toLocaleString('en-US')}); ${paper}`,
    year,
  });
}

const SLOWFAST = 'Feichtenhofer et al. 2019 (SlowFast Networks for Video Recognition)';
const NONLOCAL = 'Wang et al. 2018 (Non-local Neural Networks: C2D and I3D ResNet baselines)';
const CSN = 'Tran et al. 2019 (Video Classification with Channel-Separated Convolutional Networks)';
const R21D = 'Tran et al. 2018 (A Closer Look at Spatiotemporal Convolutions for Action Recognition)';

const ROWS: readonly ArchitectureInfo[] = [
  // ------------------------------------------------------------------ PyTorchVideo / PySlowFast 3D convnets
  ptv('c2d-r50-8x8', 'C2D R50 8x8', 25.89, 24.33, '8x8', ['c2dr50', 'c2d8x8r50'], NONLOCAL, 2018),
  ptv('i3d-r50-8x8', 'I3D R50 8x8', 37.53, 28.04, '8x8', ['i3dr50', 'i3d8x8r50'], NONLOCAL, 2018),
  ptv('slow-r50-4x16', 'Slow R50 4x16', 27.55, 32.45, '4x16', ['slow4x16r50'], SLOWFAST, 2019),
  ptv('slow-r50-8x8', 'Slow R50 8x8', 54.52, 32.45, '8x8', ['slowr50', 'slow8x8r50'], SLOWFAST, 2019),
  ptv('slowfast-r50-4x16', 'SlowFast R50 4x16', 36.69, 34.48, '4x16', ['slowfast4x16r50'], SLOWFAST, 2019),
  ptv('slowfast-r50-8x8', 'SlowFast R50 8x8', 65.71, 34.57, '8x8', ['slowfastr50', 'slowfast8x8r50'], SLOWFAST, 2019),
  ptv(
    'slowfast-r101-8x8',
    'SlowFast R101 8x8',
    127.2,
    62.83,
    '8x8',
    ['slowfastr101', 'slowfast8x8r101'],
    SLOWFAST,
    2019,
  ),
  ptv('csn-r101-32x2', 'CSN R101 32x2', 75.62, 22.21, '32x2', ['csn32x2r101', 'ircsnr10132x2'], CSN, 2019),
  ptv('r2plus1d-r50-16x4', 'R(2+1)D R50 16x4', 76.45, 28.11, '16x4', ['r2plus1d16x4r50'], R21D, 2018),
  // ------------------------------------------------------------------ torchvision.models.video
  tvVideo('r3d-18', 'R3D-18', 'convnet', 40.697, 33_371_472, 112, 'resnet.py', ['r3d18'], R21D, 2018),
  tvVideo('mc3-18', 'MC3-18', 'convnet', 43.343, 11_695_440, 112, 'resnet.py', ['mc318'], R21D, 2018),
  tvVideo('r2plus1d-18', 'R(2+1)D-18', 'convnet', 40.519, 31_505_325, 112, 'resnet.py', ['r2plus1d18'], R21D, 2018),
  tvVideo(
    's3d',
    'S3D',
    'convnet',
    17.979,
    8_320_048,
    224,
    's3d.py',
    [],
    'Xie et al. 2018 (Rethinking Spatiotemporal Feature Learning: S3D)',
    2018,
  ),
  tvVideo(
    'mvit-v1-b',
    'MViT-B 16x4 (MViTv1)',
    'transformer',
    70.599,
    36_610_672,
    224,
    'mvit.py',
    ['mvitv1b', 'mvitb16x4', 'mvitbase16x4'],
    'Fan et al. 2021 (Multiscale Vision Transformers)',
    2021,
  ),
  tvVideo(
    'mvit-v2-s',
    'MViTv2-S',
    'transformer',
    64.224,
    34_537_744,
    224,
    'mvit.py',
    ['mvitv2s', 'mvitv2small'],
    'Li et al. 2022 (MViTv2: Improved Multiscale Vision Transformers)',
    2022,
  ),
  tvVideo(
    'swin3d-t',
    'Video Swin-T',
    'transformer',
    43.882,
    28_158_070,
    224,
    'swin_transformer.py',
    ['swin3dt', 'videoswint', 'videoswintiny'],
    'Liu et al. 2022 (Video Swin Transformer)',
    2022,
  ),
  tvVideo(
    'swin3d-s',
    'Video Swin-S',
    'transformer',
    82.841,
    49_816_678,
    224,
    'swin_transformer.py',
    ['swin3ds', 'videoswins', 'videoswinsmall'],
    'Liu et al. 2022 (Video Swin Transformer)',
    2022,
  ),
  tvVideo(
    'swin3d-b',
    'Video Swin-B',
    'transformer',
    140.667,
    88_048_984,
    224,
    'swin_transformer.py',
    ['swin3db', 'videoswinb', 'videoswinbase'],
    'Liu et al. 2022 (Video Swin Transformer)',
    2022,
  ),
  // ------------------------------------------------------------------ TimeSformer (divided space-time, 8 × 224²)
  {
    id: 'timesformer-base',
    name: 'TimeSformer (divided space-time, 8×224²)',
    modality: 'vision',
    family: 'transformer',
    params: 121_400_000,
    // 0.59 TFLOPs (MACs) over 3 views → 196.7 GMACs a clip, doubled.
    forwardFlops: 2 * (0.59e12 / 3),
    reference: { resolution: 224, note: 'one 8-frame clip at 224×224' },
    aliases: ['timesformerbase', 'timesformerdivst', 'timesformerdividedspacetime'],
    // "TimeSformer-L" (96 frames) and "TimeSformer-HR" (16 × 448²) are other networks: the bare name only whole.
    exactAliases: ['timesformer'],
    source:
      '[S] Bertasius et al. 2021 (TimeSformer, ICML 2021), Table 2: 0.59 inference TFLOPs (MACs) over 3 views (1 clip × 3 crops) ' +
      '= 196.7 GMACs a clip of 8 frames at 224², 121.4 M parameters',
    year: 2021,
  },
];

/** Every video row, with the video run factor. */
export const VIDEO_ARCHITECTURES: readonly ArchitectureInfo[] = ROWS.map((a) => ({
  ...a,
  runFactor: VIDEO_RUN_FACTOR,
}));
