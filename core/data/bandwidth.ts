// Memory bandwidth per accelerator (GB/s, the datasheet's peak DRAM/HBM figure), for the roofline ridge that sets how
// much of a small model's step is memory-bound (core/compute.ts ridgeRatio). Rows absent here keep the reference ridge
// (no adjustment). Each row: GB/s, source, year.

export interface BandwidthRow {
  gbs: number;
  source: string;
  year: number;
}

const V100 = 'NVIDIA Tesla V100 datasheet (900 GB/s HBM2, SXM2 and PCIe)';
const A100 = 'NVIDIA A100 Tensor Core GPU datasheet (40 GB: 1,555 GB/s; 80 GB SXM: 2,039 GB/s; 80 GB PCIe: 1,935 GB/s)';
const H100 = 'NVIDIA H100 Tensor Core GPU datasheet (SXM: 3.35 TB/s; PCIe: 2 TB/s; NVL: 3.9 TB/s)';
const H200 = 'NVIDIA H200 Tensor Core GPU datasheet (4.8 TB/s HBM3e)';
const H800 = 'NVIDIA H800 product brief (same memory system as H100: SXM 3.35 TB/s, PCIe 2 TB/s)';
const ADA =
  'NVIDIA Ada Lovelace architecture whitepaper (GeForce RTX 4090: 1,008 GB/s; L40/L40S and RTX 6000 Ada: 864/960 GB/s)';
const AMPERE_GA102 = 'NVIDIA Ampere GA102 GPU architecture whitepaper (RTX 3090: 936 GB/s; RTX A6000: 768 GB/s)';
const TPU =
  'Jouppi et al. 2020, "A Domain-Specific Supercomputer for Training Deep Neural Networks" (CACM 63(7)), Table: HBM bandwidth per chip (TPUv2 700 GB/s, TPUv3 900 GB/s)';

const TURING_PRO = 'NVIDIA Quadro RTX 8000 / 6000 / 5000 datasheets (672 / 672 / 448 GB/s GDDR6)';
const GEFORCE_30 =
  'NVIDIA GeForce RTX 30 series specifications (3090 Ti 1,008; 3080 10 GB 760; 3070 448; 3060 Ti 448; 3060 12 GB 360 GB/s)';
const GEFORCE_50 = 'NVIDIA GeForce RTX 50 series specifications (memory bus width × data rate)';
const GEFORCE_40 =
  'NVIDIA GeForce RTX 40 series specifications (4080 16 GB 716.8; 4070 Ti and 4070 504.2; 4060 Ti 288; 4060 272 GB/s)';
const PASCAL =
  'NVIDIA GeForce GTX 10 series / TITAN X / TITAN Xp / Tesla P40 specifications (1080 Ti 484; 1080 320; 1070 Ti and 1070 256; TITAN X (Pascal) 480; TITAN Xp 547.7; P40 346 GB/s)';
const CDNA2 = 'AMD Instinct MI250 / MI210 datasheets (MI250 3.2 TB/s per package of two GCDs; MI210 1.6 TB/s)';
const TPU_CLOUD =
  'Google Cloud TPU documentation, system architecture (v5e: 819 GB/s; v5p: 2,765 GB/s; v6e Trillium: 1,640 GB/s HBM per chip)';
const APPLE =
  'Apple newsroom announcements of each chip (unified memory bandwidth: M1 68.25; M1 Pro 200; M1 Max 400; M1 Ultra 800; M2 100; M2 Pro 200; M2 Max 400; M2 Ultra 800; M3 Pro 150; M3 Max (40-core GPU) 400; M3 Ultra 819; M4 120; M4 Pro 273; M4 Max (40-core GPU) 546 GB/s)';

/** [S] Peak memory bandwidth by accelerator id (core/data/accelerators.ts). */
export const MEMORY_BANDWIDTH: Record<string, BandwidthRow> = {
  'p100-sxm2-16gb': { gbs: 732, source: 'NVIDIA Tesla P100 datasheet (732 GB/s HBM2)', year: 2016 },
  'p100-pcie-16gb': { gbs: 732, source: 'NVIDIA Tesla P100 datasheet (732 GB/s HBM2)', year: 2016 },
  'v100-sxm2-16gb': { gbs: 900, source: V100, year: 2017 },
  'v100-sxm2-32gb': { gbs: 900, source: V100, year: 2018 },
  'v100-pcie-16gb': { gbs: 900, source: V100, year: 2017 },
  'v100-pcie-32gb': { gbs: 900, source: V100, year: 2018 },
  t4: { gbs: 320, source: 'NVIDIA T4 datasheet (320 GB/s GDDR6)', year: 2018 },
  'titan-rtx': { gbs: 672, source: 'NVIDIA TITAN RTX product page (672 GB/s GDDR6)', year: 2018 },
  'rtx-2080ti': { gbs: 616, source: 'NVIDIA Turing architecture whitepaper (RTX 2080 Ti: 616 GB/s)', year: 2018 },
  'a100-sxm4-40gb': { gbs: 1555, source: A100, year: 2020 },
  'a100-sxm4-80gb': { gbs: 2039, source: A100, year: 2021 },
  'a100-pcie-40gb': { gbs: 1555, source: A100, year: 2020 },
  'a100-pcie-80gb': { gbs: 1935, source: A100, year: 2021 },
  a10g: {
    gbs: 600,
    source: 'NVIDIA A10 datasheet (600 GB/s GDDR6; the A10G of AWS G5 instances has the same memory)',
    year: 2021,
  },
  a10: { gbs: 600, source: 'NVIDIA A10 datasheet (600 GB/s GDDR6)', year: 2021 },
  'rtx-3090': { gbs: 936, source: AMPERE_GA102, year: 2020 },
  'rtx-a6000': { gbs: 768, source: AMPERE_GA102, year: 2020 },
  'rtx-a5000': { gbs: 768, source: 'NVIDIA RTX A5000 datasheet (768 GB/s GDDR6)', year: 2021 },
  'rtx-4090': { gbs: 1008, source: ADA, year: 2022 },
  l40s: { gbs: 864, source: 'NVIDIA L40S datasheet (864 GB/s GDDR6)', year: 2023 },
  l40: { gbs: 864, source: ADA, year: 2022 },
  l4: { gbs: 300, source: 'NVIDIA L4 datasheet (300 GB/s GDDR6)', year: 2023 },
  'h100-sxm': { gbs: 3350, source: H100, year: 2022 },
  'h100-pcie': { gbs: 2000, source: H100, year: 2022 },
  'h100-nvl': { gbs: 3900, source: H100, year: 2023 },
  'h200-sxm': { gbs: 4800, source: H200, year: 2024 },
  'h200-nvl': { gbs: 4800, source: H200, year: 2024 },
  gh200: { gbs: 4000, source: 'NVIDIA GH200 Grace Hopper Superchip datasheet (96 GB HBM3 at 4 TB/s)', year: 2023 },
  'h800-sxm': { gbs: 3350, source: H800, year: 2023 },
  'h800-pcie': { gbs: 2000, source: H800, year: 2023 },
  mi250x: { gbs: 3277, source: 'AMD Instinct MI250X datasheet (3.2 TB/s HBM2e per package)', year: 2021 },
  'mi250x-gcd': {
    gbs: 1638,
    source: 'AMD Instinct MI250X datasheet (3.2 TB/s per package of two GCDs: half per GCD)',
    year: 2021,
  },
  mi300x: { gbs: 5300, source: 'AMD Instinct MI300X datasheet (5.3 TB/s HBM3)', year: 2023 },
  'tpu-v2': { gbs: 700, source: TPU, year: 2020 },
  'tpu-v3': { gbs: 900, source: TPU, year: 2020 },
  'tpu-v4': {
    gbs: 1200,
    source: 'Jouppi et al. 2023, "TPU v4" (ISCA 2023, arXiv 2304.01433), Table: 32 GiB HBM2 at 1,200 GB/s per chip',
    year: 2023,
  },
  // Added in round 30 (issue 13: every accelerator `greenml hardware` lists gets the small-model knee of its own
  // roofline; before, the 63 rows below kept the reference ridge). No row: Ascend 910/910B (no datasheet figure at hand)
  // and the GC200 IPU (its model runs from on-chip SRAM, not a DRAM roofline).
  h20: { gbs: 4000, source: 'NVIDIA H20 product brief (96 GB HBM3 at 4.0 TB/s)', year: 2024 },
  b200: { gbs: 8000, source: 'NVIDIA DGX B200 / HGX B200 datasheets (8 TB/s HBM3e per GPU)', year: 2024 },
  gb200: {
    gbs: 8000,
    source: 'NVIDIA GB200 NVL72 datasheet (576 TB/s HBM3e for 72 Blackwell GPUs: 8 TB/s per GPU)',
    year: 2024,
  },
  'rtx-5090': {
    gbs: 1792,
    source: 'NVIDIA GeForce RTX 5090 specifications (32 GB GDDR7, 1,792 GB/s)',
    year: 2025,
  },
  'a800-sxm4-80gb': {
    gbs: 2039,
    source: 'NVIDIA A800 datasheet (memory system of the A100: 80 GB SXM 2,039 GB/s)',
    year: 2022,
  },
  'a800-pcie-80gb': { gbs: 1935, source: 'NVIDIA A800 datasheet (80 GB PCIe 1,935 GB/s)', year: 2022 },
  'a800-pcie-40gb': { gbs: 1555, source: 'NVIDIA A800 datasheet (40 GB PCIe 1,555 GB/s)', year: 2022 },
  a30: { gbs: 933, source: 'NVIDIA A30 datasheet (24 GB HBM2, 933 GB/s)', year: 2021 },
  a40: { gbs: 696, source: 'NVIDIA A40 datasheet (48 GB GDDR6, 696 GB/s)', year: 2020 },
  l20: { gbs: 864, source: 'NVIDIA L20 specifications (48 GB GDDR6, 864 GB/s)', year: 2023 },
  'rtx-6000-ada': { gbs: 960, source: ADA, year: 2022 },
  'v100s-pcie-32gb': { gbs: 1134, source: 'NVIDIA V100S datasheet (32 GB HBM2, 1,134 GB/s)', year: 2019 },
  'titan-v': { gbs: 652.8, source: 'NVIDIA TITAN V specifications (12 GB HBM2, 652.8 GB/s)', year: 2017 },
  'quadro-rtx-8000': { gbs: 672, source: TURING_PRO, year: 2018 },
  'quadro-rtx-6000': { gbs: 672, source: TURING_PRO, year: 2018 },
  'quadro-rtx-5000': { gbs: 448, source: TURING_PRO, year: 2018 },
  'rtx-a4000': { gbs: 448, source: 'NVIDIA RTX A4000 datasheet (16 GB GDDR6, 448 GB/s)', year: 2021 },
  'rtx-3090ti': { gbs: 1008, source: GEFORCE_30, year: 2022 },
  'rtx-3080': { gbs: 760, source: GEFORCE_30, year: 2020 },
  'rtx-3070': { gbs: 448, source: GEFORCE_30, year: 2020 },
  'rtx-3060ti': { gbs: 448, source: GEFORCE_30, year: 2020 },
  'rtx-3060': { gbs: 360, source: GEFORCE_30, year: 2021 },
  'rtx-4080': { gbs: 716.8, source: GEFORCE_40, year: 2022 },
  'rtx-5080': { gbs: 960, source: GEFORCE_50 + ' (256-bit GDDR7 at 30 Gbps)', year: 2025 },
  'rtx-5070ti': { gbs: 896, source: GEFORCE_50 + ' (256-bit GDDR7 at 28 Gbps)', year: 2025 },
  'rtx-5070': { gbs: 672, source: GEFORCE_50 + ' (192-bit GDDR7 at 28 Gbps)', year: 2025 },
  'rtx-5060ti-16gb': { gbs: 448, source: GEFORCE_50 + ' (128-bit GDDR7 at 28 Gbps)', year: 2025 },
  'rtx-5060ti-8gb': { gbs: 448, source: GEFORCE_50 + ' (128-bit GDDR7 at 28 Gbps)', year: 2025 },
  'rtx-5060': { gbs: 448, source: GEFORCE_50 + ' (128-bit GDDR7 at 28 Gbps)', year: 2025 },
  'rtx-4070ti': { gbs: 504.2, source: GEFORCE_40, year: 2023 },
  'rtx-4070': { gbs: 504.2, source: GEFORCE_40, year: 2023 },
  'rtx-4060ti-16gb': { gbs: 288, source: GEFORCE_40, year: 2023 },
  'rtx-4060ti-8gb': { gbs: 288, source: GEFORCE_40, year: 2023 },
  'rtx-4060': { gbs: 272, source: GEFORCE_40, year: 2023 },
  'gtx-1080ti': { gbs: 484, source: PASCAL, year: 2017 },
  'gtx-1080': { gbs: 320, source: PASCAL, year: 2016 },
  'gtx-1070ti': { gbs: 256, source: PASCAL, year: 2017 },
  'gtx-1070': { gbs: 256, source: PASCAL, year: 2016 },
  'titan-x-pascal': { gbs: 480, source: PASCAL, year: 2016 },
  'titan-xp': { gbs: 547.7, source: PASCAL, year: 2017 },
  p40: { gbs: 346, source: PASCAL, year: 2016 },
  'titan-x-maxwell': {
    gbs: 336.5,
    source: 'NVIDIA GeForce GTX TITAN X specifications (12 GB GDDR5, 336.5 GB/s)',
    year: 2015,
  },
  k80: {
    gbs: 240,
    source: 'NVIDIA Tesla K80 datasheet (480 GB/s per board of two GK210 GPUs: half per GPU, as the row is one GPU)',
    year: 2014,
  },
  mi250: { gbs: 3277, source: CDNA2, year: 2021 },
  'mi250-gcd': { gbs: 1638, source: CDNA2 + ': half per GCD', year: 2021 },
  mi210: { gbs: 1638, source: CDNA2, year: 2022 },
  mi325x: { gbs: 6000, source: 'AMD Instinct MI325X datasheet (256 GB HBM3E, 6 TB/s)', year: 2024 },
  gaudi1: {
    gbs: 1000,
    source: 'Habana Gaudi launch material, 2019 (HL-205: 32 GB HBM2, 1 TB/s)',
    year: 2019,
  },
  gaudi2: { gbs: 2450, source: 'Intel Gaudi 2 product brief (96 GB HBM2E, 2.45 TB/s)', year: 2022 },
  gaudi3: { gbs: 3700, source: 'Intel Gaudi 3 AI accelerator white paper (128 GB HBM2E, 3.7 TB/s)', year: 2024 },
  'tpu-v5e': { gbs: 819, source: TPU_CLOUD, year: 2023 },
  'tpu-v5p': { gbs: 2765, source: TPU_CLOUD, year: 2023 },
  'tpu-v6e': { gbs: 1640, source: TPU_CLOUD, year: 2024 },
  'apple-m1': { gbs: 68.25, source: APPLE, year: 2020 },
  'apple-m1-pro': { gbs: 200, source: APPLE, year: 2021 },
  'apple-m1-max': { gbs: 400, source: APPLE, year: 2021 },
  'apple-m1-ultra': { gbs: 800, source: APPLE, year: 2022 },
  'apple-m2': { gbs: 100, source: APPLE, year: 2022 },
  'apple-m2-pro': { gbs: 200, source: APPLE, year: 2023 },
  'apple-m2-max': { gbs: 400, source: APPLE, year: 2023 },
  'apple-m2-ultra': { gbs: 800, source: APPLE, year: 2023 },
  'apple-m3-pro': { gbs: 150, source: APPLE, year: 2023 },
  'apple-m3-max': { gbs: 400, source: APPLE, year: 2023 },
  'apple-m3-ultra': { gbs: 819, source: APPLE, year: 2025 },
  'apple-m4': { gbs: 120, source: APPLE, year: 2024 },
  'apple-m4-pro': { gbs: 273, source: APPLE, year: 2024 },
  'apple-m4-max': { gbs: 546, source: APPLE, year: 2024 },
};
