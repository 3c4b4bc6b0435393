// ConvMixer (Trockman & Kolter, "Patches Are All You Need?", arXiv 2201.09792, TMLR 2023), the three networks timm
// ships (`convmixer_1536_20`, `convmixer_768_32`, `convmixer_1024_20_ks9_p14`; pytorch-image-models
// timm/models/convmixer.py, whose weight names give each network's kernel and patch: `…_ks9_p7`, `…_ks7_p7_relu`,
// `…_ks9_p14`). Derived from the structure at 224 px (round 23): a patch-embedding convolution (kernel = stride = patch)
// to (224 / patch)² positions, then `depth` blocks of a depthwise k × k convolution and a pointwise 1 × 1 convolution,
// each with its bias and batch norm, then a linear head to 1,000 classes. The parameters reproduce the timm model cards'
// (21.1 M for 768/32, 24.4 M for 1024/20, 51.6 M for 1536/20). The cards' GMACs (19.5 for 768/32, 5.5 for 1024/20) are the
// patch and pointwise convolutions alone; the depthwise ones add 6 % and 8 % (deepghs/timms's ONNX exports, which count
// them: 51.4 G for 1536/20, 6.0 G for 1024/20, against 51.1 G and 5.95 G here).

import type { ArchitectureInfo } from '../types';
import { visionRow } from './torchvision-row';

const PAPER = 'Trockman & Kolter, "Patches Are All You Need?" (arXiv 2201.09792, 2022; TMLR 2023)';

/** [D] A ConvMixer-`dim`/`depth` with `kernel` × `kernel` depthwise convolutions and `patch` × `patch` patches at 224 px. */
function convMixer(dim: number, depth: number, kernel: number, patch: number, aliases: string[]): ArchitectureInfo {
  const positions = (224 / patch) ** 2;
  const stem = 3 * patch * patch * dim;
  const block = kernel * kernel * dim + dim * dim;
  const macs = (stem + depth * block) * positions + dim * 1000;
  // weights + biases + batch-norm scale and shift: the stem, each block's two convolutions, the head
  const params = stem + 3 * dim + depth * (block + 6 * dim) + dim * 1000 + 1000;
  const id = patch === 7 ? `convmixer-${dim}-${depth}` : `convmixer-${dim}-${depth}-ks${kernel}-p${patch}`;
  return visionRow({
    id,
    name: `ConvMixer-${dim}/${depth}${patch === 7 ? '' : ` (kernel ${kernel}, patch ${patch})`}`,
    // The dense-convolution family, not the depthwise one (EfficientNet-B0's 1.6 % of peak, core/compute.ts): 92–97 %
    // of the multiply-adds are 1 × 1 convolutions over 768–1,536 channels, matrix products of the ResNet's arithmetic
    // intensity or more, and a 9 × 9 depthwise kernel does 40 multiply-adds per value it moves, not EfficientNet's 4–12.
    family: 'convnet',
    params,
    forwardFlops: 2 * macs,
    resolution: 224,
    note: '224×224 RGB image',
    aliases,
    source: `[D] ${PAPER}, §2 (the network); kernel ${kernel} and patch ${patch} from timm convmixer.py's weight names`,
    year: 2022,
  });
}

export const CONVMIXER_ARCHITECTURES: readonly ArchitectureInfo[] = [
  convMixer(1536, 20, 9, 7, ['convmixer153620ks9p7']),
  convMixer(768, 32, 7, 7, ['convmixer76832ks7p7', 'convmixer76832ks7p7relu']),
  convMixer(1024, 20, 9, 14, ['convmixer102420']),
];
