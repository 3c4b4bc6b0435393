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
};
