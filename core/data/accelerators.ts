// Accelerator specs: rated board power and DENSE peak throughput per precision.
//
// Rules this table follows:
// - Every TFLOPS figure is dense (no 2:4 structured sparsity). NVIDIA datasheets since Ampere print the
//   sparse figure with an asterisk; those are halved here. Example: A100 "BF16 624*" -> 312.
// - Tensor-core figures are with FP32 accumulate, the mode mixed-precision training uses. GeForce cards run
//   FP16/BF16 with FP32 accumulate at half the FP16-accumulate rate (RTX 3090: 71, not 142).
// - `fp32` is the plain (non-tensor-core) FP32 rate, what PyTorch uses for fp32 matmuls when TF32 is off.
//   AMD CDNA rows use the FP32 *matrix* rate, since rocBLAS runs fp32 GEMMs on the matrix cores.
// - A missing key means the hardware has no such mode: V100/T4/P100 have no bf16 and no tf32; only Hopper,
//   Ada, Blackwell and CDNA3 have fp8. TPUs list bf16 only (fp32 matmuls are emulated in several bf16 passes).
// - SXM and PCIe parts are separate rows (different power and clocks); so are memory sizes.
// - `powerW` is the rated board power (TDP/TGP/max). Google publishes no power figure for recent TPUs: the
//   TPU rows say where their number comes from, and TPU v5e's is our assumption.
//
// Bare-name defaults (used by resolveAccelerator in ../resolve.ts when the spelling does not pin a variant):
//   "a100" -> a100-sxm4-80gb; "a100 40gb" -> a100-sxm4-40gb; "a100 pcie" -> a100-pcie-80gb;
//   "h100" -> h100-sxm; "h200" -> h200-sxm; "v100" -> v100-sxm2-16gb; "v100 pcie" -> v100-pcie-16gb;
//   "p100" -> p100-sxm2-16gb.

import type { Accelerator } from '../types';

const ML_ENG = 'stas00/ml-engineering compute/accelerator/README.md';
/** GeForce RTX 50 series (Blackwell, 2025): NVIDIA's product pages give CUDA cores, boost clock, total graphics power and
 * memory; FP32 = cores × 2 × boost clock [D] (huggingface.js hardware.ts, from TechPowerUp: RTX 5080 56.28, RTX 5070 30.84,
 * RTX 5060 Ti 23.7 TFLOPS, the same). */
const GEFORCE_50 = 'NVIDIA GeForce RTX 50 series specifications (2025)';
const ADA =
  'NVIDIA Ada Lovelace whitepaper, https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf';

/**
 * [I] An MI250/MI250X count is read as packages (OAM modules, the datasheet's unit), but ROCm and PyTorch show each of
 * a package's two GCDs as a device, and many papers and clusters count those: device-hours of GCDs are twice those of
 * packages. The package rows carry this band (throughput per counted device 0.5–1×) so that the range covers both
 * readings; "mi250x-gcd" / "MI250X GCD" names one GCD and has no band.
 */
const MI250_COUNT = {
  low: 0.5,
  high: 1,
  note:
    'counted as packages (two GCDs each); if the count is of GCDs (ROCm devices, one per process), name "mi250x-gcd" or ' +
    '"mi250-gcd": the range covers both readings',
  perCount: true,
};

export const ACCELERATORS: readonly Accelerator[] = [
  // ---------------------------------------------------------------- NVIDIA Pascal (no tensor cores)
  {
    id: 'p100-sxm2-16gb',
    name: 'NVIDIA Tesla P100 SXM2 16 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 300,
    tflops: { fp32: 10.6, fp16: 21.2 },
    memoryGB: 16,
    bf16: false,
    tensorCores: false,
    source: 'NVIDIA Tesla P100 datasheet (NVLink version: 300 W, FP32 10.6, FP16 21.2 TFLOPS)',
    year: 2016,
  },
  {
    id: 'p100-pcie-16gb',
    name: 'NVIDIA Tesla P100 PCIe 16 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 250,
    tflops: { fp32: 9.3, fp16: 18.7 },
    memoryGB: 16,
    bf16: false,
    tensorCores: false,
    source: 'NVIDIA Tesla P100 datasheet (PCIe version: 250 W, FP32 9.3, FP16 18.7 TFLOPS)',
    year: 2016,
  },
  {
    id: 'p40',
    name: 'NVIDIA Tesla P40 24 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 250,
    tflops: { fp32: 12 },
    memoryGB: 24,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA Tesla P40 datasheet, https://images.nvidia.com/content/pdf/tesla/184427-Tesla-P40-Datasheet-NV-Final-Letter-Web.pdf ' +
      '(FP32 12 TFLOPS with GPU Boost, INT8 47 TOPS, 250 W, 24 GB GDDR5) [R]. No fp16 key: GP102 runs FP16 at 1/64 of the FP32 rate, ' +
      'so mixed precision gains nothing on it',
    year: 2016,
  },

  {
    id: 'gtx-1080ti',
    name: 'NVIDIA GeForce GTX 1080 Ti 11 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 250,
    tflops: { fp32: 11.3 },
    memoryGB: 11,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA GeForce GTX 1080 Ti specifications (2017: 3,584 CUDA cores, 1,582 MHz boost = 11.3 TFLOPS FP32, 11 GB GDDR5X, 250 W) [R]; ' +
      'mlco2/impact data/gpus.csv (250 W, FP32 11.34). No fp16 key: GP102 runs FP16 arithmetic at 1/64 of the FP32 rate, so ' +
      'mixed precision saves memory, not time',
    year: 2017,
  },
  {
    id: 'gtx-1080',
    name: 'NVIDIA GeForce GTX 1080 8 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 180,
    tflops: { fp32: 8.9 },
    memoryGB: 8,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA GeForce GTX 1080 specifications (2016: 2,560 CUDA cores, 1,733 MHz boost = 8.9 TFLOPS FP32, 8 GB GDDR5X, 180 W) [R]; ' +
      'mlco2/impact data/gpus.csv (180 W, FP32 8.87). No fp16 key (GP104: FP16 at 1/64 rate)',
    year: 2016,
  },
  {
    id: 'gtx-1070ti',
    name: 'NVIDIA GeForce GTX 1070 Ti 8 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 180,
    tflops: { fp32: 8.2 },
    memoryGB: 8,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA GeForce GTX 1070 Ti specifications (2017: 2,432 CUDA cores, 1,683 MHz boost = 8.2 TFLOPS FP32, 8 GB GDDR5, 180 W) [R]. ' +
      'No fp16 key (GP104: FP16 at 1/64 rate)',
    year: 2017,
  },
  {
    id: 'gtx-1070',
    name: 'NVIDIA GeForce GTX 1070 8 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 150,
    tflops: { fp32: 6.5 },
    memoryGB: 8,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA GeForce GTX 1070 specifications (2016: 1,920 CUDA cores, 1,683 MHz boost = 6.5 TFLOPS FP32, 8 GB GDDR5, 150 W) [R]. ' +
      'No fp16 key (GP104: FP16 at 1/64 rate)',
    year: 2016,
  },
  {
    id: 'titan-x-pascal',
    name: 'NVIDIA TITAN X (Pascal) 12 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 250,
    tflops: { fp32: 11 },
    memoryGB: 12,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA TITAN X (Pascal) specifications (2016: 3,584 CUDA cores, 1,531 MHz boost = 11.0 TFLOPS FP32, 12 GB GDDR5X, 250 W) [R]; ' +
      'mlco2/impact data/gpus.csv (250 W, FP32 10.97). "TITAN X" resolves here; "GTX TITAN X" is the 2015 Maxwell card (titan-x-maxwell)',
    year: 2016,
  },
  {
    id: 'titan-x-maxwell',
    name: 'NVIDIA GeForce GTX TITAN X (Maxwell) 12 GB',
    vendor: 'nvidia',
    arch: 'maxwell',
    powerW: 250,
    tflops: { fp32: 6.6 },
    memoryGB: 12,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA GeForce GTX TITAN X specifications (2015: 3,072 CUDA cores, 1,075 MHz boost = 6.6 TFLOPS FP32, no fast FP16, ' +
      '12 GB GDDR5, 250 W) [R]; NVIDIA GeForce GTX 980 whitepaper (Maxwell GM2xx: FP16 at the FP32 rate). "GTX TITAN X" ' +
      'and "TITAN X Maxwell" resolve here, a bare "TITAN X" to the 2016 Pascal card',
    year: 2015,
  },
  {
    id: 'titan-xp',
    name: 'NVIDIA TITAN Xp 12 GB',
    vendor: 'nvidia',
    arch: 'pascal',
    powerW: 250,
    tflops: { fp32: 12.1 },
    memoryGB: 12,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA TITAN Xp specifications (2017: 3,840 CUDA cores, 1,582 MHz boost = 12.1 TFLOPS FP32, 12 GB GDDR5X, 250 W) [R]; ' +
      'mlco2/impact data/gpus.csv (250 W, FP32 12.15)',
    year: 2017,
  },
  {
    id: 'k80',
    name: 'NVIDIA Tesla K80 (one GK210 GPU, 12 GB)',
    vendor: 'nvidia',
    arch: 'kepler',
    powerW: 150,
    tflops: { fp32: 4.37 },
    memoryGB: 12,
    bf16: false,
    tensorCores: false,
    source:
      'NVIDIA Tesla K80 datasheet (2014: a board of two GK210 GPUs, 4,992 CUDA cores, up to 8.73 TFLOPS FP32 with GPU Boost, 24 GB, ' +
      '300 W) [R], halved: frameworks, nvidia-smi and cloud instances (AWS p2.xlarge, a Google Cloud "1 x K80") count each GK210 as ' +
      'one GPU. No fp16 key (Kepler has no fast FP16)',
    year: 2014,
  },

  // ---------------------------------------------------------------- NVIDIA Volta / Turing
  {
    id: 'v100-sxm2-16gb',
    name: 'NVIDIA Tesla V100 SXM2 16 GB',
    vendor: 'nvidia',
    arch: 'volta',
    powerW: 300,
    tflops: { fp32: 15.7, fp16: 125 },
    memoryGB: 16,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA V100 datasheet (SXM2: Tensor 125 TFLOPS, FP32 15.7, 300 W); cli99/llm-analysis v100-sxm-16gb.json (125)',
    year: 2017,
  },
  {
    id: 'v100-sxm2-32gb',
    name: 'NVIDIA Tesla V100 SXM2 32 GB',
    vendor: 'nvidia',
    arch: 'volta',
    powerW: 300,
    tflops: { fp32: 15.7, fp16: 125 },
    memoryGB: 32,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA V100 datasheet (SXM2: Tensor 125 TFLOPS, FP32 15.7, 300 W); cli99/llm-analysis v100-sxm-32gb.json (125)',
    year: 2018,
  },
  {
    id: 'v100-pcie-16gb',
    name: 'NVIDIA Tesla V100 PCIe 16 GB',
    vendor: 'nvidia',
    arch: 'volta',
    powerW: 250,
    tflops: { fp32: 14, fp16: 112 },
    memoryGB: 16,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA V100 datasheet (PCIe: Tensor 112 TFLOPS, FP32 14, 250 W); cli99/llm-analysis v100-pcie-16gb.json (112)',
    year: 2017,
  },
  {
    id: 'v100-pcie-32gb',
    name: 'NVIDIA Tesla V100 PCIe 32 GB',
    vendor: 'nvidia',
    arch: 'volta',
    powerW: 250,
    tflops: { fp32: 14, fp16: 112 },
    memoryGB: 32,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA V100 datasheet (PCIe: Tensor 112 TFLOPS, FP32 14, 250 W); cli99/llm-analysis v100-pcie-32gb.json (112)',
    year: 2018,
  },
  {
    id: 'v100s-pcie-32gb',
    name: 'NVIDIA Tesla V100S PCIe 32 GB',
    vendor: 'nvidia',
    arch: 'volta',
    powerW: 250,
    tflops: { fp32: 16.4, fp16: 130 },
    memoryGB: 32,
    bf16: false,
    tensorCores: true,
    source: 'NVIDIA V100S datasheet (PCIe: Tensor 130 TFLOPS, FP32 16.4, 250 W)',
    year: 2019,
  },
  {
    id: 'titan-v',
    name: 'NVIDIA TITAN V 12 GB',
    vendor: 'nvidia',
    arch: 'volta',
    powerW: 250,
    tflops: { fp32: 14.9, fp16: 110 },
    memoryGB: 12,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA TITAN V specifications (2017: GV100, 5,120 CUDA cores, 640 tensor cores, "110 deep learning TFLOPS", 1,455 MHz boost = ' +
      '14.9 TFLOPS FP32, 12 GB HBM2, 250 W) [R]; mlco2/impact data/gpus.csv (250 W, FP32 14.9)',
    year: 2017,
  },
  {
    id: 't4',
    name: 'NVIDIA T4 16 GB',
    vendor: 'nvidia',
    arch: 'turing',
    powerW: 70,
    tflops: { fp32: 8.1, fp16: 65 },
    memoryGB: 16,
    bf16: false,
    tensorCores: true,
    source: 'NVIDIA T4 datasheet (FP32 8.1, mixed FP16/FP32 65 TFLOPS, 70 W); mlco2/impact data/gpus.csv',
    year: 2018,
  },

  {
    id: 'rtx-2080ti',
    name: 'NVIDIA GeForce RTX 2080 Ti 11 GB',
    vendor: 'nvidia',
    arch: 'turing',
    powerW: 250,
    tflops: { fp32: 13.4, fp16: 53.8 },
    memoryGB: 11,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA Turing architecture whitepaper (2018), https://images.nvidia.com/aem-dam/en-zz/Solutions/design-visualization/technologies/turing-architecture/NVIDIA-Turing-Architecture-Whitepaper.pdf ' +
      '(RTX 2080 Ti reference: FP32 13.4; FP16 tensor with FP32 accumulate 53.8, 107.6 only with FP16 accumulate; 250 W) [R]; ' +
      'mlco2/impact data/gpus.csv (250 W, FP32 13.45, 11 GB)',
    year: 2018,
  },
  {
    id: 'titan-rtx',
    name: 'NVIDIA TITAN RTX 24 GB',
    vendor: 'nvidia',
    arch: 'turing',
    powerW: 280,
    tflops: { fp32: 16.3, fp16: 130.5 },
    memoryGB: 24,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA TITAN RTX product page, https://www.nvidia.com/en-us/deep-learning-ai/products/titan-rtx/ ("130 Tensor TFLOPS": full-rate ' +
      'FP16 with FP32 accumulate, unlike GeForce Turing) [R]; mlco2/impact data/gpus.csv (280 W, FP32 16.31, 24 GB)',
    year: 2018,
  },

  // Quadro RTX (Turing TU102/TU104): like the TITAN RTX, full-rate FP16 tensor math with FP32 accumulate.
  {
    id: 'quadro-rtx-8000',
    name: 'NVIDIA Quadro RTX 8000 48 GB',
    vendor: 'nvidia',
    arch: 'turing',
    powerW: 295,
    tflops: { fp32: 16.3, fp16: 130.5 },
    memoryGB: 48,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA Quadro RTX 8000 data sheet (2018: 4,608 CUDA cores, FP32 16.3 TFLOPS, Tensor 130.5 TFLOPS, 48 GB GDDR6, ' +
      'max power 295 W) [R]; NVIDIA Turing architecture whitepaper (2018), Appendix A (Quadro RTX 6000: FP16 tensor with ' +
      'FP32 accumulate 130.5 TFLOPS)',
    year: 2018,
  },
  {
    id: 'quadro-rtx-6000',
    name: 'NVIDIA Quadro RTX 6000 24 GB',
    vendor: 'nvidia',
    arch: 'turing',
    powerW: 295,
    tflops: { fp32: 16.3, fp16: 130.5 },
    memoryGB: 24,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA Quadro RTX 6000 data sheet (2018: 4,608 CUDA cores, FP32 16.3 TFLOPS, Tensor 130.5 TFLOPS, 24 GB GDDR6, ' +
      'max power 295 W) [R]; NVIDIA Turing architecture whitepaper (2018), Appendix A',
    year: 2018,
  },
  {
    id: 'quadro-rtx-5000',
    name: 'NVIDIA Quadro RTX 5000 16 GB',
    vendor: 'nvidia',
    arch: 'turing',
    powerW: 265,
    tflops: { fp32: 11.2, fp16: 89.2 },
    memoryGB: 16,
    bf16: false,
    tensorCores: true,
    source:
      'NVIDIA Quadro RTX 5000 data sheet (2018: 3,072 CUDA cores, FP32 11.2 TFLOPS, Tensor 89.2 TFLOPS, 16 GB GDDR6, ' +
      'total board power 265 W) [R]',
    year: 2018,
  },

  // ---------------------------------------------------------------- NVIDIA Ampere
  {
    id: 'a100-sxm4-40gb',
    name: 'NVIDIA A100 SXM4 40 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 400,
    tflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312 },
    memoryGB: 40,
    bf16: true,
    tensorCores: true,
    source: `NVIDIA A100 datasheet (SXM: BF16 312 dense / 624 sparse, TF32 156, FP32 19.5, 400 W); ${ML_ENG}`,
    year: 2020,
  },
  {
    id: 'a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 400,
    tflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312 },
    memoryGB: 80,
    bf16: true,
    tensorCores: true,
    source: `NVIDIA A100 datasheet (SXM: BF16 312 dense / 624 sparse, TF32 156, FP32 19.5, 400 W); ${ML_ENG}. Default for a bare "A100"`,
    year: 2020,
  },
  {
    id: 'a100-pcie-40gb',
    name: 'NVIDIA A100 PCIe 40 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 250,
    tflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312 },
    memoryGB: 40,
    bf16: true,
    tensorCores: true,
    source: 'NVIDIA A100 datasheet (PCIe 40 GB: 250 W; same peak TFLOPS as SXM); Green Algorithms TDP_gpu.csv',
    year: 2020,
  },
  {
    id: 'a100-pcie-80gb',
    name: 'NVIDIA A100 PCIe 80 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 300,
    tflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312 },
    memoryGB: 80,
    bf16: true,
    tensorCores: true,
    source: `NVIDIA A100 datasheet (PCIe 80 GB: 300 W; same peak TFLOPS as SXM); Green Algorithms TDP_gpu.csv; ${ML_ENG}`,
    year: 2021,
  },
  // A800: the export variant of the A100 for China (NVLink cut from 600 to 400 GB/s; compute, memory and power as the A100).
  ...(
    [
      ['a800-sxm4-80gb', 'NVIDIA A800 SXM4 80 GB', 400, 80, 'SXM 80 GB: 400 W'],
      ['a800-pcie-80gb', 'NVIDIA A800 PCIe 80 GB', 300, 80, 'PCIe 80 GB: 300 W'],
      ['a800-pcie-40gb', 'NVIDIA A800 PCIe 40 GB', 250, 40, 'PCIe 40 GB: 250 W'],
    ] as const
  ).map(([id, name, powerW, memoryGB, what]): Accelerator => ({
    id,
    name,
    vendor: 'nvidia',
    arch: 'ampere',
    powerW,
    tflops: { fp32: 19.5, tf32: 156, fp16: 312, bf16: 312 },
    memoryGB,
    bf16: true,
    tensorCores: true,
    source:
      `NVIDIA A800 Tensor Core GPU datasheet (Nov 2022; ${what}; BF16 312 dense / 624 sparse, TF32 156, FP32 19.5 TFLOPS as ` +
      'the A100; NVLink 400 GB/s instead of 600)',
    year: 2022,
  })),
  {
    id: 'a10',
    name: 'NVIDIA A10 24 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 150,
    tflops: { fp32: 31.2, tf32: 62.5, fp16: 125, bf16: 125 },
    memoryGB: 24,
    bf16: true,
    tensorCores: true,
    source: 'NVIDIA A10 datasheet (BF16 125 dense / 250 sparse, TF32 62.5, FP32 31.2, 150 W)',
    year: 2021,
  },
  {
    id: 'a10g',
    name: 'NVIDIA A10G 24 GB (AWS)',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 300,
    tflops: { fp32: 31.2, tf32: 35, fp16: 70, bf16: 70 },
    memoryGB: 24,
    bf16: true,
    tensorCores: true,
    source:
      'No NVIDIA datasheet (AWS-only part, EC2 G5 instances). FP16 70 from cli99/llm-analysis a10g-pcie-24gb.json, TF32 taken as half of it. ' +
      'Power: nvidia-smi on G5 instances reports a 300 W enforced power limit (the A10 card is 150 W; mlco2/impact data/gpus.csv lists 150 W), ' +
      'so the cloud part is rated 300 W here [R]',
    year: 2021,
  },
  {
    id: 'a30',
    name: 'NVIDIA A30 24 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 165,
    tflops: { fp32: 10.3, tf32: 82, fp16: 165, bf16: 165 },
    memoryGB: 24,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA A30 datasheet, https://www.nvidia.com/en-us/data-center/products/a30-gpu/ (TF32 82 / BF16 165 dense, 165 / 330 sparse; ' +
      'FP32 10.3; 165 W; 24 GB HBM2) [R]',
    year: 2021,
  },
  {
    id: 'a40',
    name: 'NVIDIA A40 48 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 300,
    tflops: { fp32: 37.4, tf32: 74.8, fp16: 149.7, bf16: 149.7 },
    memoryGB: 48,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA A40 datasheet, https://images.nvidia.com/content/Solutions/data-center/a40/nvidia-a40-datasheet.pdf (TF32 74.8 / ' +
      'BF16 149.7 dense, 149.6 / 299.4 sparse; FP32 37.4; 300 W max power; 48 GB GDDR6). Not the RTX A4000/A5000 (rows of their own)',
    year: 2020,
  },
  {
    id: 'rtx-3090',
    name: 'NVIDIA GeForce RTX 3090 24 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 350,
    tflops: { fp32: 35.6, tf32: 35.6, fp16: 71, bf16: 71 },
    memoryGB: 24,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA Ampere GA102 whitepaper (RTX 3090: FP16/BF16 tensor with FP32 accumulate 71 dense; 142 only with FP16 accumulate; TF32 35.6); ' +
      'mlco2/impact data/gpus.csv (350 W, FP32 35.58)',
    year: 2020,
  },
  {
    id: 'rtx-3080',
    name: 'NVIDIA GeForce RTX 3080 10 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 320,
    tflops: { fp32: 29.8, tf32: 29.8, fp16: 59.5, bf16: 59.5 },
    memoryGB: 10,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA Ampere GA102 whitepaper, https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf ' +
      '(RTX 3080: FP16/BF16 tensor with FP32 accumulate 59.5 dense, 119 only with FP16 accumulate; TF32 29.8; FP32 29.8; 320 W; ' +
      '10 GB GDDR6X) [R]. The 12 GB and Ti cards are other products, not in the table',
    year: 2020,
  },
  {
    id: 'rtx-3070',
    name: 'NVIDIA GeForce RTX 3070 8 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 220,
    tflops: { fp32: 20.3, tf32: 20.3, fp16: 40.6, bf16: 40.6 },
    memoryGB: 8,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA Ampere GA102 whitepaper (appendix, GA104), https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf ' +
      '(RTX 3070: FP16/BF16 tensor with FP32 accumulate 40.6 dense, 81.3 only with FP16 accumulate; TF32 20.3; FP32 20.3; 220 W; 8 GB) [R]',
    year: 2020,
  },
  {
    id: 'rtx-3090ti',
    name: 'NVIDIA GeForce RTX 3090 Ti 24 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 450,
    tflops: { fp32: 40, tf32: 40, fp16: 80, bf16: 80 },
    memoryGB: 24,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA GeForce RTX 3090 Ti specifications, https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3090-3090ti/ ' +
      '(10,752 CUDA cores at 1.86 GHz boost = 40.0 FP32 TFLOPS; 450 W total graphics power; 24 GB GDDR6X). Tensor FP16/BF16 with ' +
      'FP32 accumulate = 2 × FP32, the GeForce GA102 ratio of the Ampere GA102 whitepaper (RTX 3090: 71 vs 35.6) [I]',
    year: 2022,
  },
  {
    id: 'rtx-3060',
    name: 'NVIDIA GeForce RTX 3060 12 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 170,
    tflops: { fp32: 12.7, tf32: 12.7, fp16: 25.5, bf16: 25.5 },
    memoryGB: 12,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA GeForce RTX 3060 family specifications, https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3060-3060ti/ ' +
      '(RTX 3060 12 GB: 3,584 CUDA cores at 1.78 GHz boost = 12.7 FP32 TFLOPS; 170 W total graphics power). Tensor FP16/BF16 with FP32 ' +
      'accumulate = 2 × FP32, the GeForce Ampere ratio of the GA102 whitepaper [I]. The 8 GB RTX 3060 is a slower card, not this row',
    year: 2021,
  },
  {
    id: 'rtx-3060ti',
    name: 'NVIDIA GeForce RTX 3060 Ti 8 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 200,
    tflops: { fp32: 16.2, tf32: 16.2, fp16: 32.4, bf16: 32.4 },
    memoryGB: 8,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA GeForce RTX 3060 family specifications, https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3060-3060ti/ ' +
      '(RTX 3060 Ti: 4,864 CUDA cores at 1.665 GHz boost = 16.2 FP32 TFLOPS; 200 W total graphics power; 8 GB). Tensor FP16/BF16 with FP32 ' +
      'accumulate = 2 × FP32, the GeForce Ampere ratio of the GA102 whitepaper [I]',
    year: 2020,
  },
  {
    id: 'rtx-a6000',
    name: 'NVIDIA RTX A6000 48 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 300,
    tflops: { fp32: 38.7, tf32: 77.4, fp16: 154.8, bf16: 154.8 },
    memoryGB: 48,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA RTX A6000 datasheet (tensor 309.7 TFLOPS sparse -> 154.8 dense, FP32 38.7, 300 W); cli99/llm-analysis a6000-48gb.json (154.8)',
    year: 2020,
  },
  {
    id: 'rtx-a5000',
    name: 'NVIDIA RTX A5000 24 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 230,
    tflops: { fp32: 27.8, tf32: 55.6, fp16: 111.1, bf16: 111.1 },
    memoryGB: 24,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA RTX A5000 datasheet, https://www.nvidia.com/en-us/design-visualization/rtx-a5000/ (tensor 222.2 TFLOPS sparse -> 111.1 dense, ' +
      'FP32 27.8, 230 W max power, 24 GB GDDR6) [R]; TF32 taken as half of the FP16 tensor rate as in the RTX A6000 row',
    year: 2021,
  },
  {
    id: 'rtx-a4000',
    name: 'NVIDIA RTX A4000 16 GB',
    vendor: 'nvidia',
    arch: 'ampere',
    powerW: 140,
    tflops: { fp32: 19.2, tf32: 38.4, fp16: 76.7, bf16: 76.7 },
    memoryGB: 16,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA RTX A4000 datasheet, https://www.nvidia.com/en-us/design-visualization/rtx-a4000/ (tensor 153.4 TFLOPS sparse -> 76.7 dense, ' +
      'FP32 19.2, 140 W max power, 16 GB GDDR6) [R]; TF32 taken as half of the FP16 tensor rate as in the RTX A6000 row',
    year: 2021,
  },

  // ---------------------------------------------------------------- NVIDIA Ada Lovelace
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090 24 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 450,
    tflops: { fp32: 82.6, tf32: 82.6, fp16: 165.2, bf16: 165.2, fp8: 330.3 },
    memoryGB: 24,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA Ada Lovelace (AD102) whitepaper (RTX 4090 with FP32 accumulate: FP16/BF16 165.2, FP8 330.3 dense; double with FP16 accumulate); ' +
      'mlco2/impact data/gpus.csv (450 W, FP32 82.6)',
    year: 2022,
  },
  {
    id: 'rtx-4080',
    name: 'NVIDIA GeForce RTX 4080 16 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 320,
    tflops: { fp32: 48.7, tf32: 48.7, fp16: 97.5, bf16: 97.5, fp8: 194.9 },
    memoryGB: 16,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA Ada Lovelace whitepaper, https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf ' +
      '(RTX 4080 16 GB with FP32 accumulate: FP16/BF16 97.5, FP8 194.9 dense; double with FP16 accumulate; FP32 48.7; 320 W) [R]. ' +
      'The 4080 Super is another product, not in the table',
    year: 2022,
  },
  {
    id: 'rtx-4070ti',
    name: 'NVIDIA GeForce RTX 4070 Ti 12 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 285,
    tflops: { fp32: 40.1, tf32: 40.1, fp16: 80.2, bf16: 80.2, fp8: 160.4 },
    memoryGB: 12,
    bf16: true,
    tensorCores: true,
    source:
      `${ADA} (announced as the "RTX 4080 12 GB", AD104 with 7,680 CUDA cores at 2.61 GHz: FP32 40.1; FP16/BF16 tensor with FP32 accumulate ` +
      '80.2 dense, FP8 160.4; 285 W; released as the RTX 4070 Ti) [R]',
    year: 2023,
  },
  {
    id: 'rtx-4070',
    name: 'NVIDIA GeForce RTX 4070 12 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 200,
    tflops: { fp32: 29.1, tf32: 29.1, fp16: 58.3, bf16: 58.3, fp8: 116.6 },
    memoryGB: 12,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA GeForce RTX 4070 family specifications, https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4070-family/ ' +
      '(RTX 4070: 5,888 CUDA cores at 2.475 GHz boost = 29.1 FP32 TFLOPS; 200 W total graphics power; 12 GB GDDR6X). Tensor rates = 2× ' +
      '(FP16/BF16 with FP32 accumulate) and 4× (FP8) FP32, the GeForce Ada ratios of the Ada whitepaper (RTX 4090: 165.2, 330.3 vs 82.6) [I]',
    year: 2023,
  },
  {
    id: 'rtx-4060ti-16gb',
    name: 'NVIDIA GeForce RTX 4060 Ti 16 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 165,
    tflops: { fp32: 22.1, tf32: 22.1, fp16: 44.1, bf16: 44.1, fp8: 88.3 },
    memoryGB: 16,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA GeForce RTX 4060 family specifications, https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4060-4060ti/ ' +
      '(RTX 4060 Ti: 4,352 CUDA cores at 2.535 GHz boost = 22.1 FP32 TFLOPS; 165 W total graphics power with 16 GB). Tensor rates from ' +
      'the GeForce Ada ratios of the Ada whitepaper (2× and 4× FP32) [I]',
    year: 2023,
  },
  {
    id: 'rtx-4060ti-8gb',
    name: 'NVIDIA GeForce RTX 4060 Ti 8 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 160,
    tflops: { fp32: 22.1, tf32: 22.1, fp16: 44.1, bf16: 44.1, fp8: 88.3 },
    memoryGB: 8,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA GeForce RTX 4060 family specifications, https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4060-4060ti/ ' +
      "(RTX 4060 Ti 8 GB: the 16 GB card's GPU at 160 W total graphics power). Tensor rates from the GeForce Ada ratios [I]",
    year: 2023,
  },
  {
    id: 'rtx-4060',
    name: 'NVIDIA GeForce RTX 4060 8 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 115,
    tflops: { fp32: 15.1, tf32: 15.1, fp16: 30.2, bf16: 30.2, fp8: 60.5 },
    memoryGB: 8,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA GeForce RTX 4060 family specifications, https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4060-4060ti/ ' +
      '(RTX 4060: 3,072 CUDA cores at 2.46 GHz boost = 15.1 FP32 TFLOPS; 115 W total graphics power; 8 GB). Tensor rates from the ' +
      'GeForce Ada ratios of the Ada whitepaper (2× and 4× FP32) [I]',
    year: 2023,
  },
  {
    id: 'rtx-6000-ada',
    name: 'NVIDIA RTX 6000 Ada Generation 48 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 300,
    tflops: { fp32: 91.1, tf32: 182.1, fp16: 364.2, bf16: 364.2, fp8: 728.5 },
    memoryGB: 48,
    bf16: true,
    tensorCores: true,
    source: 'NVIDIA RTX 6000 Ada datasheet (FP8 1457 sparse -> 728.5 dense, FP32 91.1, 300 W); Ada Lovelace whitepaper',
    year: 2022,
  },
  {
    id: 'l4',
    name: 'NVIDIA L4 24 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 72,
    tflops: { fp32: 30.3, tf32: 60, fp16: 121, bf16: 121, fp8: 242 },
    memoryGB: 24,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA L4 datasheet (TF32 120 / BF16 242 / FP8 485 are sparse; dense is half); mlco2/impact data/gpus.csv (72 W, 24 GB). ' +
      '"242 FP16" in other tables is the sparse figure',
    year: 2023,
  },
  {
    id: 'l20',
    name: 'NVIDIA L20 48 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 275,
    tflops: { fp32: 59.4, tf32: 59.8, fp16: 119.5, bf16: 119.5, fp8: 239 },
    memoryGB: 48,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA L20 (China-market AD102 part, Nov 2023): 275 W, 48 GB GDDR6 at 864 GB/s, FP16/BF16 tensor 119.5 and FP8 239 TFLOPS ' +
      "as reported from NVIDIA's product brief [R] (≈32 % of the L40S, consistent with dense figures); FP32 59.4 = 11,776 CUDA cores " +
      '× 2 × 2.52 GHz [D]; TF32 taken as half of FP16 as on the L40S [I]',
    year: 2023,
  },
  {
    id: 'l40',
    name: 'NVIDIA L40 48 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 300,
    tflops: { fp32: 90.5, tf32: 90.5, fp16: 181, bf16: 181, fp8: 362 },
    memoryGB: 48,
    bf16: true,
    tensorCores: true,
    source: 'NVIDIA L40 datasheet (TF32 181 / BF16 362 / FP8 724 sparse; dense is half; FP32 90.5, 300 W)',
    year: 2022,
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S 48 GB',
    vendor: 'nvidia',
    arch: 'ada',
    powerW: 350,
    tflops: { fp32: 91.6, tf32: 183, fp16: 362, bf16: 362, fp8: 733 },
    memoryGB: 48,
    bf16: true,
    tensorCores: true,
    source: `NVIDIA L40S datasheet (TF32 366 / BF16 733 / FP8 1466 sparse; dense is half; 350 W); ${ML_ENG}`,
    year: 2023,
  },

  // ---------------------------------------------------------------- NVIDIA Hopper
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM5 80 GB',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 700,
    tflops: { fp32: 67, tf32: 494.5, fp16: 989, bf16: 989, fp8: 1979 },
    memoryGB: 80,
    bf16: true,
    tensorCores: true,
    source:
      `NVIDIA H100 datasheet (SXM: BF16 1979 / FP8 3958 are sparse; dense 989 / 1979; up to 700 W); ${ML_ENG}; ` +
      'cli99/llm-analysis h100-sxm-80gb.json (989); Llama 3 paper (700 W TDP)',
    year: 2022,
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 PCIe 80 GB',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 350,
    tflops: { fp32: 51, tf32: 378, fp16: 756, bf16: 756, fp8: 1513 },
    memoryGB: 80,
    bf16: true,
    tensorCores: true,
    source: `NVIDIA H100 datasheet (PCIe: BF16 1513 / FP8 3026 sparse; dense 756 / 1513; 300-350 W configurable, max used); ${ML_ENG}`,
    year: 2022,
  },
  {
    id: 'h100-nvl',
    name: 'NVIDIA H100 NVL 94 GB',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 400,
    tflops: { fp32: 60, tf32: 417.5, fp16: 835.5, bf16: 835.5, fp8: 1670.5 },
    memoryGB: 94,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA H100 NVL datasheet, per GPU (TF32 835 / BF16 1671 / FP8 3341 sparse; dense is half; 350-400 W configurable, max used)',
    year: 2023,
  },
  {
    id: 'h200-sxm',
    name: 'NVIDIA H200 SXM 141 GB',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 700,
    tflops: { fp32: 67, tf32: 494.5, fp16: 989, bf16: 989, fp8: 1979 },
    memoryGB: 141,
    bf16: true,
    tensorCores: true,
    source: `NVIDIA H200 datasheet (SXM: same compute as H100 SXM, 141 GB HBM3e, up to 700 W); ${ML_ENG}`,
    year: 2024,
  },
  {
    id: 'h200-nvl',
    name: 'NVIDIA H200 NVL 141 GB',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 600,
    tflops: { fp32: 60, tf32: 417.5, fp16: 835.5, bf16: 835.5, fp8: 1670.5 },
    memoryGB: 141,
    bf16: true,
    tensorCores: true,
    source: 'NVIDIA H200 datasheet (NVL: TF32 835 / BF16 1671 / FP8 3341 sparse; dense is half; up to 600 W)',
    year: 2024,
  },

  {
    id: 'gh200',
    name: 'NVIDIA GH200 Grace Hopper Superchip (H100 GPU, 96 GB)',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 1000,
    tflops: { fp32: 67, tf32: 494.5, fp16: 989, bf16: 989, fp8: 1979 },
    memoryGB: 96,
    bf16: true,
    tensorCores: true,
    source:
      "NVIDIA GH200 Grace Hopper Superchip datasheet (one Grace CPU and one Hopper GPU with the H100 SXM's tensor " +
      'throughput: dense BF16 989, FP8 1979; 96 GB HBM3 at 4 TB/s, or 144 GB HBM3e at 4.9 TB/s; module TDP configurable ' +
      '450–1000 W for CPU, GPU and memory together, max used: a count is of superchips, one GPU each; the rating ' +
      'holds the Grace CPU, so the host share the estimate adds on top errs high)',
    year: 2023,
  },
  {
    id: 'h800-sxm',
    name: 'NVIDIA H800 SXM5 80 GB',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 700,
    tflops: { fp32: 67, tf32: 494.5, fp16: 989, bf16: 989, fp8: 1979 },
    memoryGB: 80,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA H800 datasheet (export variant of the H100 SXM: same tensor throughput, BF16 1979 / FP8 3958 sparse, ' +
      'NVLink cut to 400 GB/s, up to 700 W); DeepSeek-V3 technical report (arXiv 2412.19437) trains on H800 SXM',
    year: 2023,
  },
  {
    id: 'h800-pcie',
    name: 'NVIDIA H800 PCIe 80 GB',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 350,
    tflops: { fp32: 51, tf32: 378, fp16: 756, bf16: 756, fp8: 1513 },
    memoryGB: 80,
    bf16: true,
    tensorCores: true,
    source: 'NVIDIA H800 PCIe datasheet (same compute as the H100 PCIe: BF16 1513 sparse -> 756 dense; 350 W)',
    year: 2023,
  },
  {
    id: 'h20',
    name: 'NVIDIA H20 96 GB',
    vendor: 'nvidia',
    arch: 'hopper',
    powerW: 400,
    tflops: { fp32: 44, tf32: 74, fp16: 148, bf16: 148, fp8: 296 },
    memoryGB: 96,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA H20 product brief (export variant of Hopper: FP16/BF16 148, FP8 296, TF32 74 dense, FP32 44 TFLOPS, 96 GB HBM3 at 4.0 TB/s, 400 W)',
    year: 2024,
  },

  // ---------------------------------------------------------------- NVIDIA Blackwell
  {
    id: 'b200',
    name: 'NVIDIA B200 SXM 180 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 1000,
    tflops: { fp32: 80, tf32: 1125, fp16: 2250, bf16: 2250, fp8: 4500 },
    memoryGB: 180,
    bf16: true,
    tensorCores: true,
    source:
      `${ML_ENG} (dense BF16 2250, FP8 4500); NVIDIA DGX/HGX B200 datasheet (1000 W max TGP; 180 GB usable per GPU). ` +
      'DGX B200 ships power-capped nearer 700 W',
    year: 2024,
  },

  {
    id: 'gb200',
    name: 'NVIDIA GB200 (per Blackwell GPU) 186 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 1200,
    tflops: { fp32: 80, tf32: 1250, fp16: 2500, bf16: 2500, fp8: 5000 },
    memoryGB: 186,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA GB200 NVL72 datasheet, per superchip (1 Grace + 2 B200): FP8 20 PF, BF16 10 PF, TF32 5 PF sparse; dense is half, ' +
      'per GPU a quarter (FP8 5000, BF16 2500, TF32 1250), FP32 160 TFLOPS per superchip; 384 GB HBM3e per superchip (186 GB usable per GPU); ' +
      'up to 1200 W per GPU (the superchip is configurable to 2700 W with the Grace CPU)',
    year: 2024,
  },
  {
    id: 'rtx-5090',
    name: 'NVIDIA GeForce RTX 5090 32 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 575,
    tflops: { fp32: 104.8, tf32: 104.8, fp16: 209.5, bf16: 209.5, fp8: 419 },
    memoryGB: 32,
    bf16: true,
    tensorCores: true,
    source:
      'NVIDIA RTX Blackwell GPU architecture whitepaper (GB202, RTX 5090: FP32 104.8; FP16/BF16 tensor with FP32 accumulate 209.5 dense, ' +
      'FP8 419 dense; 575 W total graphics power, 32 GB GDDR7)',
    year: 2025,
  },
  {
    id: 'rtx-5080',
    name: 'NVIDIA GeForce RTX 5080 16 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 360,
    tflops: { fp32: 56.3, tf32: 56.3, fp16: 112.6, bf16: 112.6, fp8: 225.2 },
    memoryGB: 16,
    bf16: true,
    tensorCores: true,
    source:
      `${GEFORCE_50} (GB203, 10,752 CUDA cores at 2.62 GHz boost: FP32 56.3 [D]; FP16/BF16 tensor with FP32 accumulate ` +
      "112.6 dense and FP8 225.2 at the RTX 5090 row's 2× and 4× of FP32; 360 W total graphics power, 16 GB GDDR7)",
    year: 2025,
  },
  {
    id: 'rtx-5070ti',
    name: 'NVIDIA GeForce RTX 5070 Ti 16 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 300,
    tflops: { fp32: 43.9, tf32: 43.9, fp16: 87.8, bf16: 87.8, fp8: 175.6 },
    memoryGB: 16,
    bf16: true,
    tensorCores: true,
    source:
      `${GEFORCE_50} (GB203, 8,960 CUDA cores at 2.45 GHz boost: FP32 43.9 [D]; FP16/BF16 tensor with FP32 accumulate ` +
      "87.8 dense and FP8 175.6 at the RTX 5090 row's 2× and 4× of FP32; 300 W total graphics power, 16 GB GDDR7)",
    year: 2025,
  },
  {
    id: 'rtx-5070',
    name: 'NVIDIA GeForce RTX 5070 12 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 250,
    tflops: { fp32: 30.8, tf32: 30.8, fp16: 61.6, bf16: 61.6, fp8: 123.2 },
    memoryGB: 12,
    bf16: true,
    tensorCores: true,
    source:
      `${GEFORCE_50} (GB205, 6,144 CUDA cores at 2.51 GHz boost: FP32 30.8 [D]; FP16/BF16 tensor with FP32 accumulate ` +
      "61.6 dense and FP8 123.2 at the RTX 5090 row's 2× and 4× of FP32; 250 W total graphics power, 12 GB GDDR7)",
    year: 2025,
  },
  {
    id: 'rtx-5060ti-16gb',
    name: 'NVIDIA GeForce RTX 5060 Ti 16 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 180,
    tflops: { fp32: 23.7, tf32: 23.7, fp16: 47.4, bf16: 47.4, fp8: 94.8 },
    memoryGB: 16,
    bf16: true,
    tensorCores: true,
    source:
      `${GEFORCE_50} (GB206, 4,608 CUDA cores at 2.57 GHz boost: FP32 23.7 [D]; FP16/BF16 tensor with FP32 accumulate ` +
      "47.4 dense and FP8 94.8 at the RTX 5090 row's 2× and 4× of FP32; 180 W total graphics power, 16 GB GDDR7)",
    year: 2025,
  },
  {
    id: 'rtx-5060ti-8gb',
    name: 'NVIDIA GeForce RTX 5060 Ti 8 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 180,
    tflops: { fp32: 23.7, tf32: 23.7, fp16: 47.4, bf16: 47.4, fp8: 94.8 },
    memoryGB: 8,
    bf16: true,
    tensorCores: true,
    source:
      `${GEFORCE_50} (GB206, 4,608 CUDA cores at 2.57 GHz boost: FP32 23.7 [D]; FP16/BF16 tensor with FP32 accumulate ` +
      "47.4 dense and FP8 94.8 at the RTX 5090 row's 2× and 4× of FP32; 180 W total graphics power, 8 GB GDDR7)",
    year: 2025,
  },
  {
    id: 'rtx-5060',
    name: 'NVIDIA GeForce RTX 5060 8 GB',
    vendor: 'nvidia',
    arch: 'blackwell',
    powerW: 145,
    tflops: { fp32: 19.2, tf32: 19.2, fp16: 38.4, bf16: 38.4, fp8: 76.8 },
    memoryGB: 8,
    bf16: true,
    tensorCores: true,
    source:
      `${GEFORCE_50} (GB206, 3,840 CUDA cores at 2.5 GHz boost: FP32 19.2 [D]; FP16/BF16 tensor with FP32 accumulate ` +
      "38.4 dense and FP8 76.8 at the RTX 5090 row's 2× and 4× of FP32; 145 W total graphics power, 8 GB GDDR7)",
    year: 2025,
  },

  // ---------------------------------------------------------------- AMD Instinct
  {
    id: 'mi250',
    name: 'AMD Instinct MI250 128 GB (package: 2 GCDs)',
    vendor: 'amd',
    arch: 'cdna2',
    powerW: 560,
    tflops: { fp32: 90.5, fp16: 362.1, bf16: 362.1 },
    memoryGB: 128,
    bf16: true,
    tensorCores: true,
    source:
      'AMD Instinct MI250 datasheet (OAM, both GCDs: FP16/BF16 362.1, FP32 matrix 90.5, 560 W peak board power); cli99/llm-analysis mi250-128gb.json. ' +
      'One package = two GCDs; one process sees one GCD (the mi250-gcd row)',
    year: 2021,
    speedBand: MI250_COUNT,
  },
  {
    id: 'mi250-gcd',
    name: 'AMD Instinct MI250, one GCD 64 GB',
    vendor: 'amd',
    arch: 'cdna2',
    powerW: 280,
    tflops: { fp32: 45.3, fp16: 181, bf16: 181 },
    memoryGB: 64,
    bf16: true,
    tensorCores: true,
    source:
      'Half of the AMD Instinct MI250 datasheet figures (two GCDs per OAM package: FP16/BF16 362.1, FP32 matrix 90.5, 560 W), as ROCm ' +
      'shows each GCD as one device with 64 GB',
    year: 2021,
  },
  {
    id: 'mi250x',
    name: 'AMD Instinct MI250X 128 GB (package: 2 GCDs)',
    vendor: 'amd',
    arch: 'cdna2',
    powerW: 560,
    tflops: { fp32: 95.7, fp16: 383, bf16: 383 },
    memoryGB: 128,
    bf16: true,
    tensorCores: true,
    source:
      `AMD Instinct MI250X datasheet (both GCDs: FP16/BF16 383, FP32 matrix 95.7 / vector 47.9, 560 W peak board power, 500 W TDP); ${ML_ENG}; ` +
      'cli99/llm-analysis mi250x-128gb.json (383). One process sees one GCD (half of these figures: the mi250x-gcd row)',
    year: 2021,
    speedBand: MI250_COUNT,
  },
  {
    id: 'mi250x-gcd',
    name: 'AMD Instinct MI250X, one GCD 64 GB',
    vendor: 'amd',
    arch: 'cdna2',
    powerW: 280,
    tflops: { fp32: 47.9, fp16: 191.5, bf16: 191.5 },
    memoryGB: 64,
    bf16: true,
    tensorCores: true,
    source:
      'Half of the AMD Instinct MI250X datasheet figures (two GCDs per OAM package: FP16/BF16 383, FP32 matrix 95.7, 560 W); ' +
      'OLCF Frontier user guide, https://docs.olcf.ornl.gov/systems/frontier_user_guide.html (each MI250X has 2 GCDs, each seen as a GPU)',
    year: 2021,
  },
  {
    id: 'mi210',
    name: 'AMD Instinct MI210 64 GB',
    vendor: 'amd',
    arch: 'cdna2',
    powerW: 300,
    tflops: { fp32: 45.3, fp16: 181, bf16: 181 },
    memoryGB: 64,
    bf16: true,
    tensorCores: true,
    source:
      'AMD Instinct MI210 (PCIe card, ONE CDNA2 GCD, so one device per process): FP16/BF16 matrix 181, FP32 matrix 45.3 / vector 22.6 ' +
      'TFLOPS, 300 W TDP, 64 GB HBM2e; AMD product page https://www.amd.com/en/products/accelerators/instinct/mi200/mi210.html and ' +
      'AnandTech, https://www.anandtech.com/show/17326/amd-releases-instinct-mi210-accelerator-cdna-2-on-a-pcie-card (2022)',
    year: 2022,
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X 192 GB',
    vendor: 'amd',
    arch: 'cdna3',
    powerW: 750,
    tflops: { fp32: 163.4, tf32: 653.7, fp16: 1307.4, bf16: 1307.4, fp8: 2614.9 },
    memoryGB: 192,
    bf16: true,
    tensorCores: true,
    source: `AMD Instinct MI300X datasheet (dense: BF16 1307.4, FP8 2614.9, TF32 653.7, FP32 163.4; 750 W peak board power); ${ML_ENG}`,
    year: 2023,
  },

  {
    id: 'mi325x',
    name: 'AMD Instinct MI325X 256 GB',
    vendor: 'amd',
    arch: 'cdna3',
    powerW: 1000,
    tflops: { fp32: 163.4, tf32: 653.7, fp16: 1307.4, bf16: 1307.4, fp8: 2614.9 },
    memoryGB: 256,
    bf16: true,
    tensorCores: true,
    source:
      'AMD Instinct MI325X datasheet (same CDNA3 compute as MI300X: BF16 1307.4, FP8 2614.9 dense; 256 GB HBM3e at 6 TB/s; 1000 W peak board power)',
    year: 2024,
  },

  // ---------------------------------------------------------------- Intel Gaudi
  {
    id: 'gaudi1',
    name: 'Habana Gaudi (HL-205) 32 GB',
    vendor: 'intel',
    arch: 'gaudi',
    powerW: 350,
    tflops: { bf16: 160 },
    memoryGB: 32,
    bf16: true,
    tensorCores: true,
    source:
      'Habana Labs Gaudi, first generation (HL-2000 processor on the HL-205 OAM card; AWS EC2 DL1): 32 GB HBM2 at 1 TB/s ' +
      '(Habana Gaudi launch material, 2019) and 350 W TDP [R]. Habana publishes no matrix peak for this generation: ' +
      '160 TFLOPS bf16 is a spec database\'s figure [R] (hmc-tech.com Intel Gaudi page, "159.91 TFLOPS BF16 Tensor", 16 nm, ' +
      "released 17 June 2019), 0.37 × Gaudi 2's 432. No fp32 matrix rate (fp32 runs get the generic AMP speed-up)",
    year: 2019,
  },
  {
    id: 'gaudi2',
    name: 'Intel Gaudi 2 96 GB',
    vendor: 'intel',
    arch: 'gaudi2',
    powerW: 600,
    tflops: { fp16: 432, bf16: 432, fp8: 865 },
    memoryGB: 96,
    bf16: true,
    tensorCores: true,
    source:
      'Intel Gaudi 2 (HL-225H OAM) specifications: MME BF16 432 TFLOPS, FP8 865 TFLOPS, 96 GB HBM2e at 2.45 TB/s, 600 W TDP. ' +
      'No fp32 matrix rate is published (fp32 runs are modelled with the generic AMP speed-up)',
    year: 2022,
  },
  {
    id: 'gaudi3',
    name: 'Intel Gaudi 3 128 GB',
    vendor: 'intel',
    arch: 'gaudi3',
    powerW: 900,
    tflops: { fp16: 1835, bf16: 1835, fp8: 1835 },
    memoryGB: 128,
    bf16: true,
    tensorCores: true,
    source:
      'Intel Gaudi 3 AI accelerator white paper (HL-325L OAM: 1835 TFLOPS matrix BF16 and FP8 alike, 128 GB HBM2e at 3.7 TB/s, 900 W TDP)',
    year: 2024,
  },
  // ---------------------------------------------------------------- Huawei Ascend
  {
    id: 'ascend-910',
    name: 'Huawei Ascend 910 32 GB',
    vendor: 'other',
    arch: 'davinci',
    powerW: 310,
    tflops: { fp16: 256 },
    memoryGB: 32,
    bf16: false,
    tensorCores: true,
    source:
      'Huawei launch announcement (23 Aug 2019), https://www.huawei.com/en/news/2019/8/huawei-ascend-910-most-powerful-ai-processor ' +
      '(FP16 256 TFLOPS, INT8 512 TOPS, maximum power 310 W against 350 W planned); reported e.g. by ' +
      'https://pureai.com/articles/2019/09/03/nws-huawei-ascend-910-processor.aspx. First generation only: the 910B is the ascend-910b ' +
      'row; the 910C has no published figures and is not in the table. 32 GB HBM2 [R]. Huawei publishes no FP32 rate, so fp32 work is ' +
      'modelled at the FP16 rate like the TPU rows (optimistic)',
    year: 2019,
  },

  {
    id: 'ascend-910b',
    name: 'Huawei Ascend 910B 64 GB',
    vendor: 'other',
    arch: 'davinci',
    powerW: 400,
    tflops: { fp16: 320, bf16: 320 },
    memoryGB: 64,
    bf16: true,
    tensorCores: true,
    source:
      'No vendor datasheet. Gitee AI compute docs, https://ai.gitee.com/docs/compute/clusters_gpu/ascend_gpu (910B: FP16 280 TFLOPS, ' +
      '64 GB HBM2e, BF16 supported; 2025); boardor.com, "Huawei Ascend 910B outperforms H20" (FP16 ≈ 320 TFLOPS, 64 GB HBM2e; 2025); ' +
      'the variants sold as 910B (B1–B4) are reported at 280–376 TFLOPS FP16 [R], hence the band; 400 W for the B2/B3 variants [R]. ' +
      'Huawei publishes no FP32 rate, so fp32 work is modelled at the FP16 rate like the TPU rows (optimistic)',
    year: 2025,
    speedBand: {
      low: 280 / 320,
      high: 376 / 320,
      note: 'the chips sold as Ascend 910B differ by variant (280–376 TFLOPS FP16 reported, no vendor datasheet)',
    },
  },

  // ---------------------------------------------------------------- Google TPU (per chip)
  {
    id: 'tpu-v2',
    name: 'Google Cloud TPU v2 (per chip)',
    vendor: 'google',
    arch: 'tpu',
    powerW: 280,
    tflops: { bf16: 46 },
    memoryGB: 16,
    bf16: true,
    tensorCores: true,
    source:
      'Jouppi et al. 2020, "A Domain-Specific Supercomputer for Training Deep Neural Networks" (CACM 63(7), ' +
      'https://dl.acm.org/doi/10.1145/3360307, the paper the Cloud TPU v2 docs cite for its architecture): 46 BF16 TFLOPS ' +
      'peak, 16 GiB HBM and 280 W TDP per chip (two TensorCores; a "v2-8" is four chips); Google I/O 2017 announced 180 ' +
      'TFLOPS per four-chip board. No measured chip power: the rated 280 W × the load fraction, as for GPUs',
    year: 2017,
  },
  {
    id: 'tpu-v3',
    name: 'Google Cloud TPU v3 (per chip)',
    vendor: 'google',
    arch: 'tpu',
    powerW: 450,
    tflops: { bf16: 123 },
    memoryGB: 32,
    bf16: true,
    tensorCores: true,
    source:
      'Google Cloud TPU v3 docs (123 BF16 TFLOPS, 32 GiB HBM per chip); 450 W chip TDP from Jouppi et al. 2021, "Ten Lessons From Three ' +
      'Generations Shaped Google\'s TPUv4i" (ISCA 2021), Table 1',
    year: 2018,
    chipPowerW: {
      low: 175,
      mid: 220,
      high: 262,
      source:
        'Jouppi et al. 2023, "TPU v4" (ISCA 2023, arXiv 2304.01433), chip power table: TPU v3 measured minimum / mean / maximum 175 / 220 / 262 W ' +
        'running production workloads [R]. Used instead of the 450 W TDP × busy fraction, which the chips do not approach; the host share is added ' +
        'as for GPUs. Independent of the Patterson et al. 2021 runs in core/validation/cases.ts',
    },
  },
  {
    id: 'tpu-v4',
    name: 'Google Cloud TPU v4 (per chip)',
    vendor: 'google',
    arch: 'tpu',
    powerW: 192,
    tflops: { bf16: 275 },
    memoryGB: 32,
    bf16: true,
    tensorCores: true,
    source:
      'Google Cloud TPU v4 docs (275 BF16 TFLOPS, 32 GiB HBM); 192 W chip maximum from Jouppi et al. 2023 (ISCA, TPU v4; mean 170 W). ' +
      'PaLM measured 378.5 W per chip including host',
    year: 2021,
    systemPowerW: {
      low: 321,
      mid: 378.5,
      high: 407,
      source:
        'Chowdhery et al. 2022, "PaLM" (arXiv 2204.02311), App. B: 378.5 W measured system power per TPU v4 chip, host included. ' +
        'Range [I]: the relative spread of the four TPU v3 measurements (245–310 W around 288.5 W)',
    },
  },
  {
    id: 'tpu-v5e',
    name: 'Google Cloud TPU v5e (per chip)',
    vendor: 'google',
    arch: 'tpu',
    powerW: 200,
    tflops: { bf16: 197 },
    memoryGB: 16,
    bf16: true,
    tensorCores: true,
    source:
      `Google Cloud TPU v5e docs (197 BF16 TFLOPS, 16 GiB HBM); ${ML_ENG}. Google publishes no power: 200 W is our assumption ` +
      '(TPU v4 max 192 W, TPU v4i TDP 175 W), not a published figure',
    year: 2023,
  },
  {
    id: 'tpu-v5p',
    name: 'Google Cloud TPU v5p (per chip)',
    vendor: 'google',
    arch: 'tpu',
    powerW: 350,
    tflops: { bf16: 459 },
    memoryGB: 95,
    bf16: true,
    tensorCores: true,
    source:
      'Google Cloud TPU v5p docs (459 BF16 TFLOPS, 95 GB HBM2e at 2765 GB/s per chip). Google publishes no power: 350 W is our ' +
      'assumption [I] (TPU v4 192 W maximum for 275 TFLOPS, scaled by less than the compute), not a published figure',
    year: 2023,
  },
  {
    id: 'tpu-v6e',
    name: 'Google Cloud TPU v6e Trillium (per chip)',
    vendor: 'google',
    arch: 'tpu',
    powerW: 300,
    tflops: { bf16: 918 },
    memoryGB: 32,
    bf16: true,
    tensorCores: true,
    source:
      'Google Cloud TPU v6e docs (918 BF16 TFLOPS, 32 GB HBM at 1638 GB/s per chip; Google: 67 % more energy-efficient than v5e). ' +
      'No published power: 300 W is our assumption [I], not a published figure',
    year: 2024,
  },

  // ---------------------------------------------------------------- Graphcore IPU (per IPU)
  {
    id: 'gc200',
    name: 'Graphcore Colossus Mk2 GC200 IPU',
    vendor: 'other',
    arch: 'ipu',
    powerW: 300,
    tflops: { fp32: 62.5, fp16: 250 },
    memoryGB: 65,
    bf16: false,
    tensorCores: true,
    source:
      'Graphcore IPU-Machine M2000 datasheet (docs.graphcore.ai, 2020: four GC200 IPUs, "1 petaFLOPS FP16.16 AI compute", so 250 ' +
      "TFLOPS FP16 per IPU; FP32 a quarter of it, 62.5 [R]; 900 MB In-Processor-Memory SRAM per IPU); IPU Programmer's Guide §2 " +
      '(a 1U IPU-Machine holds four IPUs and up to 260 GB of memory, In-Processor-Memory plus DRAM Streaming Memory, which ' +
      'Poplar uses for weights and optimizer states): 65 GB per IPU. Graphcore publishes power per IPU-Machine, not per IPU: ' +
      '300 W is our assumption [I], not a published figure. FP16.16 is FP16 with FP16 accumulation; no FP16.32 rate is ' +
      'published, so 16-bit work is read at 250. No bf16 (IPUs train in FP16 with stochastic rounding)',
    year: 2020,
  },

  // ---------------------------------------------------------------- Apple silicon (GPU of the SoC; no tensor cores)
  // Apple publishes FP32 TFLOPS only for M1/M2-generation GPUs; the GPU runs fp16 at the fp32 rate. PyTorch MPS has no
  // TF32 and no fp8. M3/M4: no Apple figure; GPU cores × 128 ALUs × 2 × clock [I]. Power is the GPU share of the package
  // under load as measured by `powermetrics` in reviews — no Apple figure exists, so every Apple power value is [I]: ≈60 W
  // for the 38–40-core Max GPUs, ≈1.6 W per GPU core for the others (the M2 Max value scaled).
  // [id, name, power W, fp32 = fp16 TFLOPS, memory GB, year, source]
  ...(
    [
      [
        'apple-m1',
        'Apple M1 (8-core GPU) 16 GB',
        13,
        2.6,
        16,
        2020,
        'Apple M1 announcement, Nov 2020 (8-core GPU, 2.6 TFLOPS, up to 16 GB); GPU power ≈13 W = 8 cores × 1.6 W [I]',
      ],
      [
        'apple-m1-pro',
        'Apple M1 Pro (16-core GPU) 32 GB',
        26,
        5.2,
        32,
        2021,
        'Apple M1 Pro/Max announcement, Oct 2021 (16-core GPU, 5.2 TFLOPS, up to 32 GB); GPU power ≈26 W = 16 cores × 1.6 W [I]',
      ],
      [
        'apple-m1-max',
        'Apple M1 Max (32-core GPU) 64 GB',
        51,
        10.4,
        64,
        2021,
        'Apple M1 Pro/Max announcement, Oct 2021 (32-core GPU, 10.4 TFLOPS, up to 64 GB); GPU power ≈51 W = 32 cores × 1.6 W [I]',
      ],
      [
        'apple-m1-ultra',
        'Apple M1 Ultra (64-core GPU) 128 GB',
        102,
        21,
        128,
        2022,
        'Apple M1 Ultra announcement, Mar 2022 (64-core GPU, 21 TFLOPS, up to 128 GB); GPU power ≈102 W = 64 cores × 1.6 W [I]',
      ],
      [
        'apple-m2',
        'Apple M2 (10-core GPU) 24 GB',
        16,
        3.6,
        24,
        2022,
        'Apple M2 announcement, Jun 2022 (10-core GPU, 3.6 TFLOPS, up to 24 GB); GPU power ≈16 W = 10 cores × 1.6 W [I]',
      ],
      [
        'apple-m2-pro',
        'Apple M2 Pro (19-core GPU) 32 GB',
        30,
        6.8,
        32,
        2023,
        'Apple M2 Pro/Max announcement, Jan 2023 (19-core GPU, 6.8 TFLOPS, up to 32 GB); GPU power ≈30 W = 19 cores × 1.6 W [I]',
      ],
      [
        'apple-m2-max',
        'Apple M2 Max (38-core GPU) 96 GB',
        60,
        13.6,
        96,
        2023,
        'Apple M2 Max announcement, Jan 2023 (38-core GPU, 13.6 TFLOPS, up to 96 GB unified memory); GPU power ≈60 W under load [I]',
      ],
      [
        'apple-m2-ultra',
        'Apple M2 Ultra (76-core GPU) 192 GB',
        120,
        27.2,
        192,
        2023,
        'Apple M2 Ultra announcement, Jun 2023 (76-core GPU, 27.2 TFLOPS, up to 192 GB unified memory); GPU power ≈2 × M2 Max [I]',
      ],
      [
        'apple-m3-pro',
        'Apple M3 Pro (18-core GPU) 36 GB',
        29,
        7.4,
        36,
        2023,
        'Apple M3 family announcement, Oct 2023 (18-core GPU, up to 36 GB); 7.4 = 18 × 128 × 2 × 1.6 GHz [I]; GPU power ≈29 W = 18 cores × 1.6 W [I]',
      ],
      [
        'apple-m3-max',
        'Apple M3 Max (40-core GPU) 128 GB',
        60,
        16.4,
        128,
        2023,
        'Apple M3 Max announcement, Oct 2023 (40-core GPU, up to 128 GB); no Apple TFLOPS figure: 16.4 = 40 cores × 128 ALUs × 2 × 1.6 GHz [I]; GPU power ≈60 W [I]',
      ],
      [
        'apple-m3-ultra',
        'Apple M3 Ultra (80-core GPU) 512 GB',
        120,
        32.8,
        512,
        2025,
        'Apple Mac Studio announcement, Mar 2025 (M3 Ultra, 80-core GPU, up to 512 GB); 32.8 = 80 × 128 × 2 × 1.6 GHz [I]; GPU power ≈2 × M3 Max [I]',
      ],
      [
        'apple-m4',
        'Apple M4 (10-core GPU) 32 GB',
        16,
        4.6,
        32,
        2024,
        'Apple M4 announcements, 2024 (10-core GPU, up to 32 GB); 4.6 = 10 × 128 × 2 × 1.8 GHz [I]; GPU power ≈16 W = 10 cores × 1.6 W [I]',
      ],
      [
        'apple-m4-pro',
        'Apple M4 Pro (20-core GPU) 64 GB',
        32,
        9.2,
        64,
        2024,
        'Apple M4 Pro announcement, Oct 2024 (20-core GPU, up to 64 GB); 9.2 = 20 × 128 × 2 × 1.8 GHz [I]; GPU power ≈32 W = 20 cores × 1.6 W [I]',
      ],
      [
        'apple-m4-max',
        'Apple M4 Max (40-core GPU) 128 GB',
        60,
        18.4,
        128,
        2024,
        'Apple M4 Max announcement, Oct 2024 (40-core GPU, up to 128 GB); no Apple TFLOPS figure: 18.4 = 40 cores × 128 ALUs × 2 × 1.8 GHz [I]; GPU power ≈60 W [I]',
      ],
    ] as const
  ).map(([id, name, powerW, tf, memoryGB, year, source]): Accelerator => ({
    id,
    name,
    vendor: 'apple',
    arch: 'apple',
    powerW,
    tflops: { fp32: tf, fp16: tf },
    memoryGB,
    bf16: false,
    tensorCores: false,
    source,
    year,
  })),
];
