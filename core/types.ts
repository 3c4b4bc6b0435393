// The footprint core's public types. The core is pure: numbers in, numbers out, no parsing, no I/O,
// and it imports nothing from the rest of the project.

/** A value known only within a range. Every estimate the core returns is one of these. */
export interface Range {
  low: number;
  mid: number;
  high: number;
}

/** One assumption that shaped an estimate, shown to the user in hovers and `greenml estimate`. */
export interface Assumption {
  /** Stable key, e.g. "mfu", "power", "pue", "intensity", "tokens", "host-overhead". */
  key: string;
  /** One human sentence, e.g. "Model FLOPs utilisation 30–50 % (mid 40 %), typical of large A100 runs". */
  text: string;
  /** How the user changes it, e.g. "set greenml.pue or `pue` in greenml.toml"; absent if it cannot be changed. */
  override?: string;
  /** Citation with year, e.g. "Patterson et al. 2021, Table 4". */
  source?: string;
}

export type Precision = 'fp32' | 'tf32' | 'fp16' | 'bf16' | 'fp8';

export type Vendor = 'nvidia' | 'amd' | 'google' | 'other';

export interface Accelerator {
  /** Canonical id, lower-case, e.g. "a100-sxm4-80gb", "h100-sxm", "v100-sxm2-32gb", "tpu-v3". */
  id: string;
  /** Display name, e.g. "NVIDIA A100 SXM4 80 GB". */
  name: string;
  vendor: Vendor;
  /** Architecture/generation, e.g. "volta", "turing", "ampere", "ada", "hopper", "blackwell", "cdna2", "tpu". */
  arch: string;
  /** Rated board power (TDP / TGP) in watts. */
  powerW: number;
  /** Dense peak TFLOPS per precision (no sparsity). Missing key = not supported in hardware. */
  tflops: Partial<Record<Precision, number>>;
  memoryGB: number;
  /** bf16 supported in tensor cores / matrix units. */
  bf16: boolean;
  /** fp16 (or bf16) tensor cores or matrix units exist (Volta and newer; not Pascal). */
  tensorCores: boolean;
  /** Where the numbers come from, with year. */
  source: string;
  year: number;
}

export type ResolveResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; suggestions: string[] };

export type Provider = 'aws' | 'gcp' | 'azure' | 'country' | 'custom';

export interface GridIntensity {
  /** "aws:us-east-1", "gcp:europe-west4", "azure:westeurope", or an ISO 3166 alpha-2 code such as "FR". */
  id: string;
  provider: Provider;
  /** Display name, e.g. "US East (N. Virginia)". */
  name: string;
  /** Location-based annual average intensity, g CO2e per kWh. */
  gPerKWh: number;
  basis: 'location-based annual average';
  year: number;
  source: string;
  /** ISO country the region sits in, when known. */
  country?: string;
}

/** Optimizer kinds the memory model knows. */
export type OptimizerKind = 'adamw' | 'adamw-8bit' | 'sgd' | 'adafactor';

/** Parameter-efficient fine-tuning. */
export interface PeftSpec {
  method: 'lora' | 'qlora';
  /** Fraction of parameters trained, default ≈ 0.5 %. */
  trainableFraction?: number;
}

/** Shape of a transformer, used for activation memory and attention FLOPs. */
export interface ModelShape {
  layers: number;
  hidden: number;
  heads: number;
  /** Vocabulary size. */
  vocab?: number;
  /** Intermediate (MLP) size, if known. */
  ffn?: number;
}

export interface ModelInfo {
  /** Hub id as users write it, e.g. "meta-llama/Llama-2-7b-hf". */
  id: string;
  params: number;
  /** Active parameters per token (MoE); equal to params for dense models. */
  activeParams?: number;
  shape?: ModelShape;
  source: string;
  year: number;
}

/** Everything the core may use to estimate a training run. All optional: what is missing becomes an assumption. */
export interface RunInputs {
  /** Total parameters. */
  params?: number;
  /** Active parameters per token (MoE). */
  activeParams?: number;
  /** Training tokens (sum over epochs). */
  tokens?: number;
  /** Stated device-hours; when given, FLOPs are not used for time. */
  gpuHours?: number;
  /** Accelerator name in any spelling; resolved by resolveAccelerator. */
  hardware?: string;
  devices?: number;
  precision?: Precision;
  /** Model FLOPs utilisation override (0..1). When given, used as the mid value. */
  mfu?: number;
  /** Average power per device in watts, used as is (no utilisation factor, no host share). */
  powerW?: number;
  pue?: number;
  /** Region id (see GridIntensity.id) or ISO country code. */
  region?: string;
  /** g CO2e per kWh; wins over region. */
  intensity?: number;
  // --- memory inputs ---
  microBatch?: number;
  seqLen?: number;
  gradCheckpointing?: boolean;
  optimizer?: OptimizerKind;
  peft?: PeftSpec;
  shape?: ModelShape;
  /** ZeRO stage 0–3 (FSDP full shard = 3). */
  zeroStage?: 0 | 1 | 2 | 3;
  /** SGD with momentum (default true); only used when optimizer is "sgd". Added by the estimator (optional). */
  momentum?: boolean;
}

export interface MemoryBreakdown {
  weightsGB: number;
  gradientsGB: number;
  optimizerGB: number;
  activationsGB: number;
  /** Framework/CUDA context overhead. */
  overheadGB: number;
  totalGB: Range;
  /** Device memory, when hardware is known. */
  deviceGB?: number;
  /** totalGB.mid / deviceGB. */
  fraction?: number;
}

export interface Estimate {
  gpuHours: Range;
  energyKWh: Range;
  co2eKg: Range;
  /** Hours of wall-clock time = gpuHours / devices. */
  wallHours: Range;
  memoryGBPerDevice?: MemoryBreakdown;
  /** "stated-gpu-hours" | "flops" — how device-hours were obtained. */
  method: string;
  /** The accelerator used, if resolved. */
  accelerator?: Accelerator;
  /** The intensity used, if any. */
  grid?: { gPerKWh: number; label: string; year?: number; source?: string };
  pue: number;
  devices: number;
  assumptions: Assumption[];
  /** Problems with the inputs the user should know about (unknown GPU, etc.). */
  warnings: string[];
  /**
   * Where energyKWh goes (added, optional): accelerators alone, host (CPU, memory, network), and facility overhead
   * (PUE − 1). Mid values add up to energyKWh.mid.
   */
  energyBreakdownKWh?: { accelerators: Range; host: Range; facility: Range };
}

export interface Saving {
  kWh: Range;
  kgCO2e: Range;
  /** Fraction of the base energy saved (0..1), mid value. */
  fraction: number;
}
