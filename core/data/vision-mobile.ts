// Mobile image classifiers found by architecture search (MnasNet, MixNet) and ENet, the real-time segmentation network,
// as their papers and torchvision publish them (round 21). FLOPs = 2 × multiply-adds, the table's convention: MnasNet
// and MixNet count "FLOPS" and "Mult-Adds" as multiply-adds, as EfficientNet does (its B0's "0.39B FLOPS" are
// torchvision's 0.386 GMACs); ENet's "GFLOPs" are already 2 × multiply-adds (its Table 3 gives SegNet 286 GFLOPs at
// 640 × 360, twice the ≈ 141 G multiply-adds of SegNet's 26 VGG-16-sized convolutions at that size).

import type { ArchitectureInfo } from '../types';
import { tv, visionRow } from './torchvision-row';

const MNASNET = 'Tan et al. 2019 (MnasNet, CVPR 2019)';
const MIXNET = 'Tan & Le 2019 (MixConv: Mixed Depthwise Convolutional Kernels, BMVC 2019), Table 2';

/** [S] A row of a paper's table: `mMacs` million multiply-adds and `paramsM` million parameters at 224 px. */
function paperRow(
  id: string,
  name: string,
  mMacs: number,
  paramsM: number,
  aliases: string[],
  source: string,
  year: number,
): ArchitectureInfo {
  return visionRow({
    id,
    name,
    family: 'depthwise',
    params: paramsM * 1e6,
    forwardFlops: 2 * mMacs * 1e6,
    resolution: 224,
    note: '224×224 RGB image',
    aliases,
    source: `[S] ${source}: ${name} ${mMacs} M multiply-adds, ${paramsM} M parameters at 224 px`,
    year,
  });
}

export const MOBILE_ARCHITECTURES: readonly ArchitectureInfo[] = [
  // MixNet (timm `mixnet_s` … `mixnet_l`, `tf_mixnet_*`; tensorflow/tpu models/official/mnasnet/mixnet)
  paperRow('mixnet-s', 'MixNet-S', 256, 4.1, ['mixnets', 'tfmixnets'], MIXNET, 2019),
  paperRow('mixnet-m', 'MixNet-M', 360, 5.0, ['mixnetm', 'tfmixnetm'], MIXNET, 2019),
  paperRow('mixnet-l', 'MixNet-L', 565, 7.3, ['mixnetl', 'tfmixnetl'], MIXNET, 2019),
  // MnasNet-A1, with squeeze-and-excitation (timm `mnasnet_a1` = `semnasnet_100`): tensorflow/tpu
  // models/official/mnasnet README ("mnasnet-a1 … 3.9M parameters and 312M Multiply-Adds") and the paper's Table 1.
  paperRow(
    'mnasnet-a1',
    'MnasNet-A1',
    312,
    3.9,
    ['mnasneta1', 'semnasnet100', 'semnasnet'],
    `${MNASNET}, Table 1; tensorflow/tpu models/official/mnasnet README`,
    2019,
  ),
  // torchvision's MNASNet (the B1 network, no squeeze-and-excitation), by depth multiplier.
  tv('mnasnet0-5', 'MNASNet 0.5', 'depthwise', 0.104, 2_218_512, 224, 'mnasnet.py', ['mnasnet05'], MNASNET, 2019),
  tv('mnasnet0-75', 'MNASNet 0.75', 'depthwise', 0.215, 3_170_208, 224, 'mnasnet.py', ['mnasnet075'], MNASNET, 2019),
  tv(
    'mnasnet1-0',
    'MNASNet 1.0',
    'depthwise',
    0.314,
    4_383_312,
    224,
    'mnasnet.py',
    ['mnasnet10', 'mnasnet100', 'mnasnetb1'],
    MNASNET,
    2019,
  ),
  tv('mnasnet1-3', 'MNASNet 1.3', 'depthwise', 0.526, 6_282_256, 224, 'mnasnet.py', ['mnasnet13'], MNASNET, 2019),
  // ENet (Paszke et al. 2016, arXiv 1606.02147, Table 3: 3.83 GFLOPs and 0.37 M parameters for a 640 × 360 input):
  // its reference is the square of the same pixels, √(640 · 360) = 480 px, so a run at 1,024 × 512 scales by the pixels.
  visionRow({
    id: 'enet',
    name: 'ENet',
    family: 'convnet',
    params: 0.37e6,
    forwardFlops: 3.83e9,
    resolution: 480,
    note: '640×360 image (the pixels of a 480×480 square)',
    aliases: [],
    source: '[S] Paszke et al. 2016 (ENet, arXiv 1606.02147), Table 3: 3.83 GFLOPs and 0.37 M parameters at 640 × 360',
    year: 2016,
  }),
];
