// Forward FLOPs per sample of common vision, audio and diffusion models, for per-sample workloads
// (RunInputs.architecture / samples / epochs). Training FLOPs = 3 × forward FLOPs × samples × epochs (estimate.ts).
//
// Convention: FLOPs = 2 × multiply-accumulates (MACs). torchvision's `_ops` metadata, fvcore, ptflops and most vision
// papers ("FLOPs" in He et al. 2016, Tan & Le 2019, Liu et al. 2022) count MACs; every value below is doubled.
//
// Two kinds of row:
//   [S] the MAC count and parameter count from torchvision's weights metadata (`_ops` in GMACs at the weights' crop
//       size, `num_params`), pytorch/vision torchvision/models/*.py — the same numbers as its documentation tables;
//   [D] derived here from the published architecture (layer counts, widths, kernel sizes) by the functions below. Each
//       derivation also counts the parameters, and the test (test/core/vision-audio.test.ts) checks them against the
//       published parameter count, which checks the architecture was read right.
// Only the network the optimizer trains is counted: e.g. Stable Diffusion's frozen VAE and text encoder are not
// (their forward passes are often precomputed), and wav2vec 2.0's quantizer and contrastive head are ignored (< 1 %).

import type { ArchitectureInfo } from '../types';
import { DETECTION_ARCHITECTURES, isZooDetector, zooDetectorRow } from './detection';
import { parseZooDetector, zooDetectorId } from './detection-zoo';
import { TV, tv } from './torchvision-row';
import { FIXED_INPUT_IDS, MORE_ARCHITECTURES, PER_SECOND_AUDIO_IDS } from './vision-more';
import { VIDEO_ARCHITECTURES } from './video';
import { MOBILE_ARCHITECTURES } from './vision-mobile';
import { CONVMIXER_ARCHITECTURES } from './convmixer';
import { YOLO_ARCHITECTURES, YOLO_KEY, YOLO_OTHER } from './yolo';
import { DIFFUSION_UNET_ARCHITECTURES, diffusionUnetFlopsAt } from './diffusion-unet';
import { lookupVitFamily, vitFamilyFlopsAt } from './vision-vit';

/** [I] Decoder tokens per 30-s Whisper training segment: ≈150 spoken words per minute × ≈1.3 BPE tokens per word
 * (≈100) plus special and timestamp tokens. The decoder is 10–25 % of the FLOPs, so ±50 % here moves the total ±5–12 %. */
export const WHISPER_DECODER_TOKENS = 128;

/** [S] wav2vec 2.0 trains on crops of at most 250,000 samples at 16 kHz (Baevski et al. 2020 §4.2); reference 15.6 s. */
export const WAV2VEC2_REFERENCE_SECONDS = 15.625;

// ------------------------------------------------------------------------------------------------ derivations [D]

/** ViT (Dosovitskiy et al. 2021, Table 1 shapes): patch embedding + L × (T·12·d² + 2·T²·d) + classifier, T = (res/p)² + 1. */
export function vitMacs(
  shape: { layers: number; hidden: number; patch: number; mlp: number },
  resolution: number,
): { macs: number; params: number } {
  const { layers: L, hidden: d, patch: p, mlp } = shape;
  const patches = Math.floor(resolution / p) ** 2;
  const T = patches + 1;
  const embed = patches * 3 * p * p * d;
  const perLayer = T * (4 * d * d + 2 * d * mlp) + 2 * T * T * d;
  const head = d * 1000;
  const params =
    3 * p * p * d + d + (T + 1) * d + L * (4 * d * d + 4 * d + 2 * d * mlp + mlp + d + 4 * d) + 2 * d + d * 1000 + 1000;
  return { macs: embed + L * perLayer + head, params };
}

/**
 * Whisper (Radford et al. 2022, Table 1 shapes; openai/whisper model.py): two convolutions over 3,000 log-mel frames
 * (80 bins; the second has stride 2), an encoder of L blocks over 1,500 positions, a decoder of L blocks (self-attention,
 * cross-attention over the 1,500 encoder states, MLP) over `decoderTokens` tokens, and tied output logits.
 */
export function whisperMacs(
  shape: { layers: number; hidden: number; vocab: number },
  decoderTokens = WHISPER_DECODER_TOKENS,
): { macs: number; params: number } {
  const { layers: L, hidden: d, vocab: V } = shape;
  const T = 1500;
  const N = decoderTokens;
  const encoder = 3000 * 80 * d * 3 + T * d * d * 3 + L * (T * 12 * d * d + 2 * T * T * d);
  const decoder =
    L * (N * 4 * d * d + N * N * d + N * 2 * d * d + T * 2 * d * d + 2 * N * T * d + N * 8 * d * d) + N * d * V;
  const block = 4 * d * d + 3 * d + 4 * d + 8 * d * d + 5 * d;
  const params =
    80 * d * 3 +
    d +
    d * d * 3 +
    d +
    T * d +
    L * block +
    2 * d + // encoder (positional table counted as in the paper)
    V * d +
    448 * d +
    L * (2 * (4 * d * d + 3 * d) + 8 * d * d + 5 * d + 6 * d) +
    2 * d; // decoder
  return { macs: encoder + decoder, params };
}

/**
 * wav2vec 2.0 (Baevski et al. 2020 §2, §4.2; fairseq wav2vec2.py): seven 512-channel convolutions (kernel/stride 10/5,
 * 3/2 ×4, 2/2 ×2) over 16 kHz audio (≈50 frames per second), a 512→d projection, a convolutional positional embedding
 * (kernel 128, 16 groups) and L transformer blocks.
 */
export function wav2vec2Macs(
  shape: { layers: number; hidden: number; ffn: number },
  seconds: number,
): { macs: number; params: number } {
  const { layers: L, hidden: d, ffn } = shape;
  let frames = Math.round(16000 * seconds);
  let macs = 0;
  let params = 0;
  let cin = 1;
  for (const [k, s] of [
    [10, 5],
    [3, 2],
    [3, 2],
    [3, 2],
    [3, 2],
    [2, 2],
    [2, 2],
  ] as const) {
    params += cin * 512 * k;
    frames = Math.max(1, Math.floor((frames - k) / s) + 1);
    macs += frames * cin * 512 * k;
    cin = 512;
  }
  params += 2 * 512 + 2 * 512 + 512 * d + d + d * (d / 16) * 128 + 2 * d + 2 * d;
  macs += frames * 512 * d + frames * d * (d / 16) * 128;
  params += L * (4 * d * d + 4 * d + 2 * d + 2 * d * ffn + ffn + d + 2 * d);
  macs += L * (frames * (4 * d * d + 2 * d * ffn) + 2 * frames * frames * d);
  return { macs, params };
}

/**
 * Stable Diffusion v1 denoising U-Net (diffusers UNet2DConditionModel config of CompVis/stable-diffusion-v1-4:
 * block_out_channels 320/640/1280/1280, 2 layers per block, cross-attention on the first three levels and the middle,
 * 8 heads, 77 × 768 text context, GEGLU feed-forward) at a latent of side `latent` (= image side / 8). One forward pass
 * = one denoising step; training runs one step per image.
 */
export function sdUnetMacs(latent = 64): { macs: number; params: number } {
  let P = 0;
  let M = 0;
  const conv = (h: number, cin: number, cout: number, k: number) => {
    P += cin * cout * k * k + cout;
    M += h * h * cin * cout * k * k;
  };
  const lin = (t: number, i: number, o: number, bias = true) => {
    P += i * o + (bias ? o : 0);
    M += t * i * o;
  };
  const res = (h: number, cin: number, cout: number) => {
    P += 2 * cin + 2 * cout;
    conv(h, cin, cout, 3);
    lin(1, 1280, cout);
    conv(h, cout, cout, 3);
    if (cin !== cout) conv(h, cin, cout, 1);
  };
  const attn = (h: number, c: number) => {
    const t = h * h;
    P += 2 * c;
    conv(h, c, c, 1);
    P += 2 * c;
    lin(t, c, c, false);
    lin(t, c, c, false);
    lin(t, c, c, false);
    lin(t, c, c);
    M += 2 * t * t * c;
    P += 2 * c;
    lin(t, c, c, false);
    lin(77, 768, c, false);
    lin(77, 768, c, false);
    lin(t, c, c);
    M += 2 * t * 77 * c;
    P += 2 * c;
    lin(t, c, 8 * c);
    lin(t, 4 * c, c);
    conv(h, c, c, 1);
  };
  const s = [latent, latent / 2, latent / 4, latent / 8];
  lin(1, 320, 1280);
  lin(1, 1280, 1280);
  conv(s[0], 4, 320, 3);
  res(s[0], 320, 320);
  attn(s[0], 320);
  res(s[0], 320, 320);
  attn(s[0], 320);
  conv(s[1], 320, 320, 3);
  res(s[1], 320, 640);
  attn(s[1], 640);
  res(s[1], 640, 640);
  attn(s[1], 640);
  conv(s[2], 640, 640, 3);
  res(s[2], 640, 1280);
  attn(s[2], 1280);
  res(s[2], 1280, 1280);
  attn(s[2], 1280);
  conv(s[3], 1280, 1280, 3);
  res(s[3], 1280, 1280);
  res(s[3], 1280, 1280);
  res(s[3], 1280, 1280);
  attn(s[3], 1280);
  res(s[3], 1280, 1280);
  res(s[3], 2560, 1280);
  res(s[3], 2560, 1280);
  res(s[3], 2560, 1280);
  conv(s[2], 1280, 1280, 3);
  res(s[2], 2560, 1280);
  attn(s[2], 1280);
  res(s[2], 2560, 1280);
  attn(s[2], 1280);
  res(s[2], 1920, 1280);
  attn(s[2], 1280);
  conv(s[1], 1280, 1280, 3);
  res(s[1], 1920, 640);
  attn(s[1], 640);
  res(s[1], 1280, 640);
  attn(s[1], 640);
  res(s[1], 960, 640);
  attn(s[1], 640);
  conv(s[0], 640, 640, 3);
  res(s[0], 960, 320);
  attn(s[0], 320);
  res(s[0], 640, 320);
  attn(s[0], 320);
  res(s[0], 640, 320);
  attn(s[0], 320);
  P += 2 * 320;
  conv(s[0], 320, 4, 3);
  return { macs: M, params: P };
}

/**
 * The 2015 U-Net (Ronneberger et al. 2015, Fig. 1): unpadded 3×3 convolutions, 64→1024 channels over five levels,
 * 2×2 up-convolutions, a 1×1 output layer, one input channel and two classes; a 572×572 input gives a 388×388 map.
 */
export function unet2015Macs(): { macs: number; params: number; output: number } {
  let P = 0;
  let M = 0;
  const conv = (h: number, cin: number, cout: number) => {
    P += cin * cout * 9 + cout;
    const o = h - 2;
    M += o * o * cin * cout * 9;
    return o;
  };
  const up = (h: number, cin: number, cout: number) => {
    P += cin * cout * 4 + cout;
    M += (2 * h) ** 2 * cin * cout;
    return 2 * h;
  };
  let h = 572;
  let c = 1;
  for (const w of [64, 128, 256, 512]) {
    h = conv(conv(h, c, w), w, w) / 2;
    c = w;
  }
  h = conv(conv(h, 512, 1024), 1024, 1024);
  for (const w of [512, 256, 128, 64]) h = conv(conv(up(h, 2 * w, w), 2 * w, w), w, w);
  P += 64 * 2 + 2;
  M += h * h * 64 * 2;
  return { macs: M, params: P, output: h };
}

// ------------------------------------------------------------------------------------------------ shapes

const VIT = {
  'vit-ti-16': { layers: 12, hidden: 192, patch: 16, mlp: 768 },
  'vit-s-16': { layers: 12, hidden: 384, patch: 16, mlp: 1536 },
  'vit-b-16': { layers: 12, hidden: 768, patch: 16, mlp: 3072 },
  'vit-b-32': { layers: 12, hidden: 768, patch: 32, mlp: 3072 },
  'vit-l-16': { layers: 24, hidden: 1024, patch: 16, mlp: 4096 },
  'vit-h-14': { layers: 32, hidden: 1280, patch: 14, mlp: 5120 },
} as const;

const WHISPER = {
  'whisper-tiny': { layers: 4, hidden: 384, vocab: 51865 },
  'whisper-base': { layers: 6, hidden: 512, vocab: 51865 },
  'whisper-small': { layers: 12, hidden: 768, vocab: 51865 },
  'whisper-medium': { layers: 24, hidden: 1024, vocab: 51865 },
  'whisper-large': { layers: 32, hidden: 1280, vocab: 51865 },
} as const;

const WAV2VEC2 = {
  'wav2vec2-base': { layers: 12, hidden: 768, ffn: 3072 },
  'wav2vec2-large': { layers: 24, hidden: 1024, ffn: 4096 },
} as const;

// ------------------------------------------------------------------------------------------------ the table

function vit(id: keyof typeof VIT, name: string, aliases: string[], source?: string): ArchitectureInfo {
  const { macs, params } = vitMacs(VIT[id], 224);
  return {
    id,
    name,
    modality: 'vision',
    family: 'transformer',
    params,
    forwardFlops: 2 * macs,
    reference: { resolution: 224, note: '224×224 RGB image' },
    aliases,
    source:
      source ??
      `[D] from the shape in Dosovitskiy et al. 2021 (ViT) Table 1; matches ${TV}/vision_transformer.py _ops ` +
        '(17.564 / 4.409 / 61.555 / 167.295 GMACs for B/16, B/32, L/16, H/14 at 224 px; B/32 num_params 88,224,232)',
    year: 2021,
  };
}

function whisper(id: keyof typeof WHISPER, name: string, published: string, aliases: string[]): ArchitectureInfo {
  const { macs, params } = whisperMacs(WHISPER[id]);
  return {
    id,
    name,
    modality: 'audio',
    family: 'transformer',
    params,
    forwardFlops: 2 * macs,
    reference: {
      seconds: 30,
      note: `one 30-s segment (encoder over 1,500 positions + decoder over ${WHISPER_DECODER_TOKENS} tokens)`,
    },
    aliases,
    source: `[D] from the shape in Radford et al. 2022 (Whisper) Table 1 (${published} parameters); decoder length is an assumption (WHISPER_DECODER_TOKENS)`,
    year: 2022,
  };
}

function wav2vec2(id: keyof typeof WAV2VEC2, name: string, published: string, aliases: string[]): ArchitectureInfo {
  const { macs, params } = wav2vec2Macs(WAV2VEC2[id], WAV2VEC2_REFERENCE_SECONDS);
  return {
    id,
    name,
    modality: 'audio',
    family: 'transformer',
    params,
    forwardFlops: 2 * macs,
    reference: {
      seconds: WAV2VEC2_REFERENCE_SECONDS,
      note: `${WAV2VEC2_REFERENCE_SECONDS} s of 16 kHz audio (the pre-training crop)`,
    },
    aliases,
    source: `[D] from the architecture in Baevski et al. 2020 (wav2vec 2.0) §2 and §4.2 (${published} parameters)`,
    year: 2020,
  };
}

const SD = sdUnetMacs(64);
const UNET2015 = unet2015Macs();

const RESNET_PAPER = 'He et al. 2016 (ResNet), Table 1';
const EFFNET_PAPER = 'Tan & Le 2019 (EfficientNet), Table 2';
const CONVNEXT_PAPER = 'Liu et al. 2022 (ConvNeXt), Table 1';
const SWIN_PAPER = 'Liu et al. 2021 (Swin Transformer), Table 1';
/** DeiT's ViT-Ti and ViT-S shapes (Touvron et al. 2021, Table 1: 192 / 384 wide, 3 / 6 heads, 12 layers), whose
 * "FLOPs" are MACs as in the rest of the vision literature. */
const DEIT_SOURCE = (published: string) =>
  `[D] from the shape in Touvron et al. 2021 (DeiT) Table 1 (${published} as published, FLOPs meaning multiply-accumulates); timm vit_*_patch16_224 parameter counts 5,717,416 / 22,050,664 reproduced`;

export const ARCHITECTURES: readonly ArchitectureInfo[] = [
  // ------------------------------------------------------------------ ResNet (v1.5 as in torchvision)
  // torchvision's ResNet puts the downsampling stride on the 3×3 convolution of the bottleneck, "also known as ResNet
  // V1.5" (torchvision models docs, resnet50; NVIDIA DeepLearningExamples "ResNet50 v1.5"), so a "v1.5" name is these rows.
  tv('resnet18', 'ResNet-18', 'convnet', 1.814, 11_689_512, 224, 'resnet.py', ['resnet18'], RESNET_PAPER, 2016),
  tv('resnet34', 'ResNet-34', 'convnet', 3.664, 21_797_672, 224, 'resnet.py', ['resnet34'], RESNET_PAPER, 2016),
  tv(
    'resnet50',
    'ResNet-50',
    'convnet',
    4.089,
    25_557_032,
    224,
    'resnet.py',
    ['resnet50', 'resnet50v15', 'rn50'],
    RESNET_PAPER,
    2016,
  ),
  tv(
    'resnet101',
    'ResNet-101',
    'convnet',
    7.801,
    44_549_160,
    224,
    'resnet.py',
    ['resnet101', 'resnet101v15', 'rn101'],
    RESNET_PAPER,
    2016,
  ),
  tv(
    'resnet152',
    'ResNet-152',
    'convnet',
    11.514,
    60_192_808,
    224,
    'resnet.py',
    ['resnet152', 'resnet152v15', 'rn152'],
    RESNET_PAPER,
    2016,
  ),
  // ------------------------------------------------------------------ ViT
  vit(
    'vit-ti-16',
    'ViT-Ti/16 (DeiT-Ti)',
    ['vitti16', 'vittiny16', 'vittinypatch16', 'vittinypatch16224', 'deittinypatch16224', 'deitti'],
    DEIT_SOURCE('5.7 M parameters, 1.3 GFLOPs'),
  ),
  vit(
    'vit-s-16',
    'ViT-S/16 (DeiT-S)',
    ['vits16', 'vitsmall16', 'vitsmallpatch16', 'vitsmallpatch16224', 'deitsmallpatch16224', 'deits'],
    DEIT_SOURCE('22 M parameters, 4.6 GFLOPs'),
  ),
  vit('vit-b-16', 'ViT-B/16', ['vitb16', 'vitbase16', 'vitbasepatch16', 'vitbasepatch16224']),
  vit('vit-b-32', 'ViT-B/32', ['vitb32', 'vitbase32', 'vitbasepatch32', 'vitbasepatch32224']),
  vit('vit-l-16', 'ViT-L/16', ['vitl16', 'vitlarge16', 'vitlargepatch16', 'vitlargepatch16224']),
  vit('vit-h-14', 'ViT-H/14', ['vith14', 'vithuge14', 'vithugepatch14', 'vithugepatch14224']),
  // ------------------------------------------------------------------ EfficientNet (torchvision crop sizes)
  tv(
    'efficientnet-b0',
    'EfficientNet-B0',
    'depthwise',
    0.386,
    5_288_548,
    224,
    'efficientnet.py',
    ['efficientnetb0', 'effnetb0', 'tfefficientnetb0'],
    EFFNET_PAPER,
    2019,
  ),
  tv(
    'efficientnet-b1',
    'EfficientNet-B1',
    'depthwise',
    0.687,
    7_794_184,
    240,
    'efficientnet.py',
    ['efficientnetb1', 'effnetb1', 'tfefficientnetb1'],
    EFFNET_PAPER,
    2019,
  ),
  tv(
    'efficientnet-b2',
    'EfficientNet-B2',
    'depthwise',
    1.088,
    9_109_994,
    288,
    'efficientnet.py',
    ['efficientnetb2', 'effnetb2', 'tfefficientnetb2'],
    EFFNET_PAPER,
    2019,
  ),
  tv(
    'efficientnet-b3',
    'EfficientNet-B3',
    'depthwise',
    1.827,
    12_233_232,
    300,
    'efficientnet.py',
    ['efficientnetb3', 'effnetb3', 'tfefficientnetb3'],
    EFFNET_PAPER,
    2019,
  ),
  tv(
    'efficientnet-b4',
    'EfficientNet-B4',
    'depthwise',
    4.394,
    19_341_616,
    380,
    'efficientnet.py',
    ['efficientnetb4', 'effnetb4', 'tfefficientnetb4'],
    EFFNET_PAPER,
    2019,
  ),
  tv(
    'efficientnet-b5',
    'EfficientNet-B5',
    'depthwise',
    10.266,
    30_389_784,
    456,
    'efficientnet.py',
    ['efficientnetb5', 'effnetb5', 'tfefficientnetb5'],
    EFFNET_PAPER,
    2019,
  ),
  tv(
    'efficientnet-b6',
    'EfficientNet-B6',
    'depthwise',
    19.068,
    43_040_704,
    528,
    'efficientnet.py',
    ['efficientnetb6', 'effnetb6', 'tfefficientnetb6'],
    EFFNET_PAPER,
    2019,
  ),
  tv(
    'efficientnet-b7',
    'EfficientNet-B7',
    'depthwise',
    37.746,
    66_347_960,
    600,
    'efficientnet.py',
    ['efficientnetb7', 'effnetb7', 'tfefficientnetb7'],
    EFFNET_PAPER,
    2019,
  ),
  // ------------------------------------------------------------------ ConvNeXt
  tv(
    'convnext-tiny',
    'ConvNeXt-T',
    'convnet',
    4.456,
    28_589_128,
    224,
    'convnext.py',
    ['convnexttiny', 'convnextt'],
    CONVNEXT_PAPER,
    2022,
  ),
  tv(
    'convnext-small',
    'ConvNeXt-S',
    'convnet',
    8.684,
    50_223_688,
    224,
    'convnext.py',
    ['convnextsmall', 'convnexts'],
    CONVNEXT_PAPER,
    2022,
  ),
  tv(
    'convnext-base',
    'ConvNeXt-B',
    'convnet',
    15.355,
    88_591_464,
    224,
    'convnext.py',
    ['convnextbase', 'convnextb'],
    CONVNEXT_PAPER,
    2022,
  ),
  // ------------------------------------------------------------------ Swin Transformer (v1, window 7)
  tv(
    'swin-t',
    'Swin-T',
    'transformer',
    4.491,
    28_288_354,
    224,
    'swin_transformer.py',
    ['swint', 'swintiny', 'swintinypatch4window7224'],
    SWIN_PAPER,
    2021,
  ),
  tv(
    'swin-s',
    'Swin-S',
    'transformer',
    8.741,
    49_606_258,
    224,
    'swin_transformer.py',
    ['swins', 'swinsmall', 'swinsmallpatch4window7224'],
    SWIN_PAPER,
    2021,
  ),
  tv(
    'swin-b',
    'Swin-B',
    'transformer',
    15.431,
    87_768_224,
    224,
    'swin_transformer.py',
    ['swinb', 'swinbase', 'swinbasepatch4window7224'],
    SWIN_PAPER,
    2021,
  ),
  // ------------------------------------------------------------------ U-Nets
  {
    id: 'unet-2015',
    name: 'U-Net (Ronneberger et al. 2015)',
    modality: 'vision',
    family: 'convnet',
    params: UNET2015.params,
    forwardFlops: 2 * UNET2015.macs,
    reference: { resolution: 572, note: "572×572 single-channel tile (388×388 output), the paper's configuration" },
    aliases: ['unet', 'unet2015', 'ronnebergerunet'],
    source:
      '[D] from the architecture in Ronneberger et al. 2015, Fig. 1 (2 classes); scaled by (resolution / 572)² for other tile sizes',
    year: 2015,
  },
  {
    id: 'sd-unet-v1',
    name: 'Stable Diffusion v1 U-Net (one denoising step)',
    modality: 'vision',
    family: 'convnet',
    params: SD.params,
    forwardFlops: 2 * SD.macs,
    reference: {
      resolution: 512,
      note: '512×512 image = 64×64×4 latent, 77-token text context; one denoising step per training image',
    },
    aliases: [
      'sdunetv1',
      'stablediffusionv1',
      'stablediffusionv14',
      'stablediffusionv15',
      'sdv1',
      'sd14',
      'sd15',
      'sdv14',
      'sdv15',
      'unet2dconditionmodel',
    ],
    source:
      '[D] from the diffusers UNet2DConditionModel config of CompVis/stable-diffusion-v1-4 (859,520,964 parameters reproduced exactly); ' +
      'Rombach et al. 2022 (latent diffusion). Excludes the frozen VAE encoder and CLIP text encoder',
    year: 2022,
  },
  // ------------------------------------------------------------------ Whisper (encoder + decoder, per 30 s)
  whisper('whisper-tiny', 'Whisper tiny', '39 M', ['whispertiny']),
  whisper('whisper-base', 'Whisper base', '74 M', ['whisperbase']),
  whisper('whisper-small', 'Whisper small', '244 M', ['whispersmall']),
  whisper('whisper-medium', 'Whisper medium', '769 M', ['whispermedium']),
  whisper('whisper-large', 'Whisper large (v1–v3)', '1,550 M', ['whisperlarge', 'whisperlargev2', 'whisperlargev3']),
  // ------------------------------------------------------------------ wav2vec 2.0
  wav2vec2('wav2vec2-base', 'wav2vec 2.0 BASE', '95 M', ['wav2vec2base', 'wav2vec20base', 'wav2vecbase']),
  wav2vec2('wav2vec2-large', 'wav2vec 2.0 LARGE', '317 M', ['wav2vec2large', 'wav2vec20large', 'wav2veclarge']),
  // ------------------------------------------------------------------ ResNeXt, MobileNet, EfficientNetV2, detection,
  // segmentation, convolutional speech recognition (core/data/vision-more.ts)
  ...MORE_ARCHITECTURES,
  // Faster/Mask R-CNN and RetinaNet on ResNet-101 and ResNeXt-101 FPN backbones, C4 detectors (core/data/detection.ts)
  ...DETECTION_ARCHITECTURES,
  // Video classification networks, FLOPs per clip (core/data/video.ts)
  ...VIDEO_ARCHITECTURES,
  // YOLOv5 detection, segmentation and classification, FLOPs per image from Ultralytics' README (core/data/yolo.ts)
  ...YOLO_ARCHITECTURES,
  // Pixel-space diffusion U-Nets (DDPM, ADM), the paper's network for the run's resolution (core/data/diffusion-unet.ts)
  ...DIFFUSION_UNET_ARCHITECTURES,
  // MixNet, MnasNet and ENet from their papers and torchvision (core/data/vision-mobile.ts)
  ...MOBILE_ARCHITECTURES,
  // ConvMixer, derived from its paper's structure and checked against timm's model cards (core/data/convmixer.ts)
  ...CONVMIXER_ARCHITECTURES,
];
/** The rows the FLOPs per parameter of networks the table does not hold are taken from (genericFlopsPerParam): the
 * table's rows before round 17, so that adding detection and segmentation rows does not move those estimates. */
const GENERIC_BASIS = ARCHITECTURES.filter(
  (a) =>
    !MORE_ARCHITECTURES.includes(a) &&
    !DETECTION_ARCHITECTURES.includes(a) &&
    !VIDEO_ARCHITECTURES.includes(a) &&
    !YOLO_ARCHITECTURES.includes(a) &&
    !DIFFUSION_UNET_ARCHITECTURES.includes(a) &&
    !MOBILE_ARCHITECTURES.includes(a) &&
    !CONVMIXER_ARCHITECTURES.includes(a),
);

// ------------------------------------------------------------------------------------------------ lookup

function compact(s: string): string {
  return s.replace(/[^a-z0-9]/g, '');
}

const INDEX = ARCHITECTURES.map((a) => ({
  a,
  keys: new Set([compact(a.id), compact(a.name.toLowerCase()), ...a.aliases]),
  whole: new Set(a.exactAliases ?? []),
}));

/**
 * Find an architecture from a loose name: "resnet50", "ResNet-50", "torchvision.models.resnet50", "timm vit_base_patch16_224",
 * "vit_base_patch16_224.augreg_in21k", "openai/whisper-small", "openai/whisper-small.en", "facebook/wav2vec2-base-960h",
 * "runwayml/stable-diffusion-v1-5", "torchvision.models.video.r3d_18". Exact key (or a whole-name-only spelling,
 * `exactAliases`) first, then the longest known key (of 6 characters or more) the name starts
 * with, unless a key ending in a digit would run on into more digits ("resnet50" is not "resnet500"); `exact`: the key
 * alone, for free text that may name a variant ("resnet-152 x4 width"). Undefined if none:
 * Stable Diffusion XL or 2.x, for instance, are not Stable Diffusion v1.
 */
export function lookupArchitecture(id: string, opts: { exact?: boolean } = {}): ArchitectureInfo | undefined {
  if (typeof id !== 'string') return undefined;
  let s = id.trim().toLowerCase();
  if (s.length === 0) return undefined;
  s = s.replace(/^hf[-_]hub:/, '').replace(/\(.*$/, '');
  // A name with "++" is a successor network of another shape (DDPM++ and NCSN++, Song et al. 2021; UNet++, Zhou et al.
  // 2018), not the network its letters compact to.
  if (/\+\+/.test(s)) return undefined;
  s = s.replace(/^(?:torchvision\.models\.(?:video\.)?|tv\.|models\.(?:video\.)?|timm[\s:/.]+)/, '');
  s =
    s
      .split('/')
      .filter((p) => p.length > 0)
      .pop() ?? s;
  // A checkpoint or tag suffix after a dot goes ("vit_base_patch16_224.augreg_in21k", "whisper-small.en"); a version
  // number with a dot stays ("ResNet-50 v1.5", "stable-diffusion-v1.5"): its digits are the name the aliases hold.
  s = s.replace(/\.(?!\d).*$/, '');
  const key = compact(s);
  if (key.length === 0) return undefined;
  const exact = INDEX.find((e) => e.keys.has(key) || e.whole.has(key));
  if (exact) return exact.a;
  // A detector as the detection model zoos name it (core/data/detection-zoo.ts): a whole name, read before any prefix.
  const zoo = parseZooDetector(s);
  if (zoo) return INDEX.find((e) => e.a.id === zooDetectorId(zoo))?.a ?? zooDetectorRow(zoo);
  if (opts.exact) return undefined;
  let best: { a: ArchitectureInfo; len: number } | undefined;
  for (const e of INDEX) {
    for (const k of e.keys) {
      // torchvision's `*_fpn_v2` detection networks are other networks (heavier heads) than the `*_fpn` rows.
      // Ultralytics' anchor-free `yolov5nu` … `yolov5xu`, pose and oriented-box models are other networks (./yolo.ts).
      const rest = key.slice(k.length);
      const runsOn =
        (/\d$/.test(k) && /^\d/.test(rest)) ||
        (/fpn$/.test(k) && /^v\d/.test(rest)) ||
        (YOLO_KEY.test(k) && YOLO_OTHER.test(rest));
      if (k.length >= 6 && key.startsWith(k) && !runsOn && (!best || k.length > best.len))
        best = { a: e.a, len: k.length };
    }
  }
  return best?.a ?? lookupVitFamily(id, (k) => INDEX.find((e) => e.a.id === k)?.a);
}

/**
 * Forward FLOPs per sample at the given input: ViT and the SD U-Net are recomputed from their shape (attention grows
 * faster than the pixel count); wav2vec 2.0 from the audio length; other vision rows scale with (resolution /
 * reference)²; Whisper always pads to 30 s. Returns the FLOPs and a note on any scaling.
 */
export function forwardFlopsAt(
  a: ArchitectureInfo,
  opts: { resolution?: number; audioSeconds?: number } = {},
): { flops: number; note?: string } {
  const vitFamily = vitFamilyFlopsAt(a, opts.resolution);
  if (vitFamily) return vitFamily;
  const diffusion = diffusionUnetFlopsAt(a, opts.resolution);
  if (diffusion) return diffusion;
  const res = opts.resolution;
  if ((FIXED_INPUT_IDS.has(a.id) || isZooDetector(a)) && res !== undefined && res !== a.reference.resolution)
    return {
      flops: a.forwardFlops,
      note: `the network resizes every image itself (to ${a.reference.resolution} px on the short side), so ${res} px does not change its FLOPs`,
    };
  if (
    a.modality === 'vision' &&
    res !== undefined &&
    res > 0 &&
    a.reference.resolution !== undefined &&
    res !== a.reference.resolution
  ) {
    if (a.id in VIT)
      return {
        flops: 2 * vitMacs(VIT[a.id as keyof typeof VIT], res).macs,
        note: `recomputed for ${res} px (${Math.floor(res / VIT[a.id as keyof typeof VIT].patch) ** 2} patches)`,
      };
    if (a.id === 'sd-unet-v1') {
      const latent = Math.max(8, Math.round(res / 64) * 8);
      return {
        flops: 2 * sdUnetMacs(latent).macs,
        note: `recomputed for a ${latent}×${latent} latent (${latent * 8} px)`,
      };
    }
    const f = (res / a.reference.resolution) ** 2;
    return {
      flops: a.forwardFlops * f,
      note: `× (${res} / ${a.reference.resolution})² = × ${Math.round(f * 100) / 100} for ${res} px`,
    };
  }
  if (
    a.id in WAV2VEC2 &&
    opts.audioSeconds !== undefined &&
    opts.audioSeconds > 0 &&
    opts.audioSeconds !== WAV2VEC2_REFERENCE_SECONDS
  ) {
    return {
      flops: 2 * wav2vec2Macs(WAV2VEC2[a.id as keyof typeof WAV2VEC2], opts.audioSeconds).macs,
      note: `recomputed for ${opts.audioSeconds} s of audio`,
    };
  }
  if (
    PER_SECOND_AUDIO_IDS.has(a.id) &&
    opts.audioSeconds !== undefined &&
    opts.audioSeconds > 0 &&
    a.reference.seconds !== undefined &&
    opts.audioSeconds !== a.reference.seconds
  ) {
    const f = opts.audioSeconds / a.reference.seconds;
    return {
      flops: a.forwardFlops * f,
      note: `× ${opts.audioSeconds} / ${a.reference.seconds} s of audio = × ${Math.round(f * 100) / 100}`,
    };
  }
  if (a.id in WHISPER && opts.audioSeconds !== undefined && opts.audioSeconds !== 30) {
    return {
      flops: a.forwardFlops,
      note: 'Whisper pads every input to 30 s, so the audio length does not change the FLOPs',
    };
  }
  return { flops: a.forwardFlops };
}

// ------------------------------------------------------------------------------------------------ networks not in the table

/**
 * The family a free-text architecture names ("a ViT-L", "cnn (resnet-50) + projection head", "U-Net"), for a network
 * the table does not hold; undefined when it names none. Words, not model ids: a name the table knows is looked up
 * instead (lookupArchitecture).
 */
export function architectureFamilyIn(text: string): ArchitectureInfo['family'] | undefined {
  const t = text.toLowerCase();
  if (/efficientnet|mobilenet|depthwise|mbconv/.test(t)) return 'depthwise';
  if (/\b(vit|deit|swin|beit|dino|dit|transformer)/.test(t)) return 'transformer';
  if (/resnet|resnext|convnext|vgg|alexnet|densenet|u-?net|\bcnn\b|conv/.test(t)) return 'convnet';
  return undefined;
}

/**
 * Forward FLOPs per parameter per 224 × 224 image, from the vision rows of the table (each row's forward FLOPs ÷
 * parameters ÷ (reference resolution / 224)²): the median and the 10th–90th percentile over the rows of one family, or
 * of all rows when the family is unknown (ViT/16 ≈ 400, ResNets ≈ 310–380, EfficientNets ≈ 150, ViT-B/32 100, the
 * 2015 U-Net ≈ 1,500). For networks the table does not hold; each row's own source and year stand behind it.
 * Within a named family the 10th–90th percentile of its rows; with no family the whole span of the table.
 */
export function genericFlopsPerParam(family?: ArchitectureInfo['family']): {
  low: number;
  mid: number;
  high: number;
  basis: string;
} {
  const rows = GENERIC_BASIS.filter(
    (a) => a.modality === 'vision' && a.reference.resolution !== undefined && (!family || a.family === family),
  );
  const xs = rows
    .map((a) => a.forwardFlops / a.params / ((a.reference.resolution ?? 224) / 224) ** 2)
    .sort((a, b) => a - b);
  const q = (p: number) => {
    const pos = (xs.length - 1) * p;
    const lo = Math.floor(pos);
    return xs[lo] + (xs[Math.ceil(pos)] - xs[lo]) * (pos - lo);
  };
  // A named family: the 10th–90th percentile of its rows. No family: the whole span of the table (a masked or
  // multi-view objective, a U-Net at full resolution or a network with large dense heads may lie anywhere in it).
  return family
    ? {
        low: q(0.1),
        mid: q(0.5),
        high: q(0.9),
        basis: `10th–90th percentile of the table's ${rows.length} ${family} rows`,
      }
    : {
        low: q(0),
        mid: q(0.5),
        high: q(1),
        basis: `the whole span of the table's ${rows.length} vision rows; the family is not named`,
      };
}

// ------------------------------------------------------------------------------------------------ repeated blocks

/**
 * Repeated blocks of convolutional networks, for the launch floor of small batches (core/launch-bound.ts): in eager
 * PyTorch each block launches about as many kernels as a transformer layer (a bottleneck: 3 × convolution + batch norm +
 * ReLU, the residual add and ReLU ≈ 11 forward kernels; a pre-norm decoder layer ≈ 10–12), so a block is taken as one
 * layer of host time [I]. Counts from the papers' architecture tables; EfficientNet-B1–B7 by the compound depth
 * coefficient d of Tan & Le 2019 §3.3 (per stage ⌈repeats × d⌉ over the B0 stages 1, 2, 2, 3, 3, 4, 1; d = 1.1, 1.2,
 * 1.4, 1.8, 2.2, 2.6, 3.1 as in torchvision efficientnet.py).
 */
export const CONV_BLOCKS: Readonly<Record<string, { blocks: number; source: string; year: number }>> = {
  resnet18: { blocks: 8, source: `${RESNET_PAPER}: basic blocks 2, 2, 2, 2`, year: 2016 },
  resnet34: { blocks: 16, source: `${RESNET_PAPER}: basic blocks 3, 4, 6, 3`, year: 2016 },
  resnet50: { blocks: 16, source: `${RESNET_PAPER}: bottlenecks 3, 4, 6, 3`, year: 2016 },
  resnet101: { blocks: 33, source: `${RESNET_PAPER}: bottlenecks 3, 4, 23, 3`, year: 2016 },
  resnet152: { blocks: 50, source: `${RESNET_PAPER}: bottlenecks 3, 8, 36, 3`, year: 2016 },
  'convnext-tiny': { blocks: 18, source: `${CONVNEXT_PAPER}: blocks 3, 3, 9, 3`, year: 2022 },
  'convnext-small': { blocks: 36, source: `${CONVNEXT_PAPER}: blocks 3, 3, 27, 3`, year: 2022 },
  'convnext-base': { blocks: 36, source: `${CONVNEXT_PAPER}: blocks 3, 3, 27, 3`, year: 2022 },
  'efficientnet-b0': {
    blocks: 16,
    source: 'Tan & Le 2019 (EfficientNet), Table 1: MBConv 1, 2, 2, 3, 3, 4, 1',
    year: 2019,
  },
  'efficientnet-b1': { blocks: 23, source: 'Tan & Le 2019 §3.3, d = 1.1: 2, 3, 3, 4, 4, 5, 2', year: 2019 },
  'efficientnet-b2': { blocks: 23, source: 'Tan & Le 2019 §3.3, d = 1.2: 2, 3, 3, 4, 4, 5, 2', year: 2019 },
  'efficientnet-b3': { blocks: 26, source: 'Tan & Le 2019 §3.3, d = 1.4: 2, 3, 3, 5, 5, 6, 2', year: 2019 },
  'efficientnet-b4': { blocks: 32, source: 'Tan & Le 2019 §3.3, d = 1.8: 2, 4, 4, 6, 6, 8, 2', year: 2019 },
  'efficientnet-b5': { blocks: 39, source: 'Tan & Le 2019 §3.3, d = 2.2: 3, 5, 5, 7, 7, 9, 3', year: 2019 },
  'efficientnet-b6': { blocks: 45, source: 'Tan & Le 2019 §3.3, d = 2.6: 3, 6, 6, 8, 8, 11, 3', year: 2019 },
  'efficientnet-b7': { blocks: 55, source: 'Tan & Le 2019 §3.3, d = 3.1: 4, 7, 7, 10, 10, 13, 4', year: 2019 },
};
