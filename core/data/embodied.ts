// Embodied (manufacturing) emissions of accelerators, amortised per device-hour. Used only when RunInputs.embodied is on,
// and reported apart from the operational CO2e (Estimate.embodiedKgCO2e).
//
// Two published methods bound the figure; they differ by about 7×, so the estimate shows both ends:
//   low  — LLMCarbon's die-area method (Faiz et al., ICLR 2024; SotaroKaneda/MLCarbon embodied.py, data/hardware.csv):
//          die area × carbon per area of its process node + memory GB × 0.4 kg/GB + the device's share of the host
//          ("others": 111.6 cm² at 12 nm per node), over a 5-year life at full use;
//   high — the BLOOM study (Luccioni et al. 2022, §3.2): 150 kg per GPU + 2,500 kg per 8-GPU server, over a 6-year life
//          at 85 % use = 10.35 g per GPU-hour, which reproduces its 11.2 t for 1,082,990 A100 GPU-hours;
//   mid  — [I] the geometric mean of the two (no source prefers either).

/** [S] LLMCarbon data/hardware.csv: kg CO2e per cm² of die by process node (TSMC). */
export const CARBON_PER_AREA: Readonly<Record<string, number>> = { '16nm': 1.0, '12nm': 1.2, '7nm': 1.6, '4nm': 1.8 };

/** [S] LLMCarbon data/hardware.csv: DRAM/HBM 0.4 kg CO2e per GB. */
export const MEMORY_KG_PER_GB = 0.4;

/** [S] LLMCarbon data/hardware.csv: host "others" per node, 111.6 cm² at 12 nm (1.2 kg/cm²) = 133.9 kg. */
export const HOST_KG_PER_NODE = 111.6 * 1.2;

/** [S] LLMCarbon: amortisation over a 5-year life. */
export const LLMCARBON_LIFETIME_H = 5 * 8760;

/** [S] Luccioni et al. 2022: (150 kg + 2,500 kg / 8) per GPU over 6 years at 85 % use. */
export const BLOOM_G_PER_DEVICE_HOUR = ((150 + 2500 / 8) * 1000) / (6 * 8760 * 0.85);

export interface DieInfo {
  /** Accelerator ids this die covers (prefix match on Accelerator.id). */
  prefixes: string[];
  dieMm2: number;
  node: keyof typeof CARBON_PER_AREA;
  /** Devices per host node, for the host share. */
  perNode: number;
  source: string;
}

export const DIES: readonly DieInfo[] = [
  {
    prefixes: ['v100'],
    dieMm2: 815,
    node: '12nm',
    perNode: 8,
    source: 'LLMCarbon data/hardware.csv (V100: TSMC 12 nm, 815 mm²); NVIDIA Tesla V100 whitepaper 2017',
  },
  {
    prefixes: ['a100'],
    dieMm2: 826,
    node: '7nm',
    perNode: 8,
    source: 'NVIDIA A100 Tensor Core GPU Architecture whitepaper 2020 (GA100: 826 mm², TSMC 7N); CPA from LLMCarbon',
  },
  {
    prefixes: ['h100', 'h200'],
    dieMm2: 814,
    node: '4nm',
    perNode: 8,
    source: 'LLMCarbon data/hardware.csv (H100: TSMC 4 nm, 814 mm²); H200 uses the same GH100 die',
  },
  {
    prefixes: ['tpu-v3'],
    dieMm2: 700,
    node: '16nm',
    perNode: 4,
    source: 'LLMCarbon data/hardware.csv (TPU v3: TSMC 16 nm, 700 mm²); 4 chips per host [I]',
  },
  {
    prefixes: ['tpu-v4'],
    dieMm2: 400,
    node: '7nm',
    perNode: 4,
    source: 'LLMCarbon data/hardware.csv (TPU v4: TSMC 7 nm, 400 mm²); 4 chips per host [I]',
  },
];

export interface EmbodiedPlan {
  /** g CO2e per device-hour. */
  low: number;
  mid: number;
  high: number;
  text: string;
  source: string;
}

/** Embodied g CO2e per device-hour for an accelerator (its id and memory). */
export function embodiedPerDeviceHour(accel: { id: string; name: string; memoryGB: number }): EmbodiedPlan {
  const die = DIES.find((d) => d.prefixes.some((p) => accel.id.startsWith(p)));
  const assumed = die === undefined;
  const d = die ?? DIES[1];
  const chipKg = (d.dieMm2 / 100) * CARBON_PER_AREA[d.node];
  const memKg = accel.memoryGB * MEMORY_KG_PER_GB;
  const hostKg = HOST_KG_PER_NODE / d.perNode;
  const low = ((chipKg + memKg + hostKg) * 1000) / LLMCARBON_LIFETIME_H;
  const high = Math.max(low, BLOOM_G_PER_DEVICE_HOUR);
  const mid = Math.sqrt(low * high);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    low,
    mid,
    high,
    text:
      `Embodied emissions ${r(low)}–${r(high)} g CO2e per device-hour (mid ${r(mid)}): low = LLMCarbon die-area method ` +
      `(${assumed ? `die unknown for ${accel.name}: an A100-class 826 mm² 7 nm die assumed` : `${d.dieMm2} mm² at ${d.node}`}: ` +
      `${r(chipKg)} kg chip + ${r(memKg)} kg for ${accel.memoryGB} GB memory + ${r(hostKg)} kg host share, over 5 years); ` +
      "high = BLOOM's server-level figure (150 kg per GPU + 2,500 kg per 8-GPU server over 6 years at 85 % use); " +
      'reported apart from the operational CO2e',
    source: `Faiz et al. 2024 (LLMCarbon) embodied.py and data/hardware.csv; ${d.source}; Luccioni et al. 2022 (BLOOM) §3.2`,
  };
}
