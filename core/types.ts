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

/** What a run's training samples are, as far as their length in tokens goes (core/data/sample-tokens.ts). */
export type SampleKind = 'text' | 'instruction' | 'classification' | 'molecule' | 'multimodal';

export type Vendor = 'nvidia' | 'amd' | 'google' | 'intel' | 'apple' | 'other';

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
  /**
   * Measured average *system* power per device (host share included), used instead of the rated power × busy
   * fraction + host share when the vendor publishes no usable board power (TPUs). Added, optional.
   */
  systemPowerW?: { low: number; mid: number; high: number; source: string };
  /**
   * Measured chip power in training (minimum / mean / maximum over production workloads), used instead of the rated
   * power × load fraction where the rating is a thermal limit far above what the chip draws (TPU v3). The host share is
   * added on top. Added, optional.
   */
  chipPowerW?: { low: number; mid: number; high: number; source: string };
  /**
   * Uncertain throughput per counted device, as multipliers at the hardware factor's low and high levels: a row whose
   * figures vary between variants sold under one name (Ascend 910B), or whose count may be of halves (an MI250X package
   * is two GCDs, and ROCm shows each GCD as a device). The note says why; the estimate lists it. Added, optional.
   */
  speedBand?: {
    low: number;
    high: number;
    note: string;
    /** The band is about what a device count counts (halves of a package): power per counted device scales with it. */
    perCount?: boolean;
  };
}

export type ResolveResult<T> = { ok: true; value: T } | { ok: false; message: string; suggestions: string[] };

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
  /** Electricity Maps zone of a cloud region, when known (e.g. "US-MIDA-PJM"). Added, optional. */
  zone?: string;
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
  /**
   * Width of a factorised vocabulary embedding (added, optional): ALBERT's E = 128 (Lan et al. 2020 §3.1), projected
   * to the hidden width; the vocabulary projection of masked-LM is V × E, not V × H. Absent: the hidden width.
   */
  embedding?: number;
}

export interface ModelInfo {
  /** Hub id as users write it, e.g. "meta-llama/Llama-2-7b-hf". */
  id: string;
  params: number;
  /**
   * Parameters a token's compute passes through, where they differ from the stored count: fewer for mixture-of-experts
   * (the active experts), more for cross-layer parameter sharing (ALBERT: each shared layer counted once per use).
   * Absent for dense models (equal to params).
   */
  activeParams?: number;
  shape?: ModelShape;
  source: string;
  year: number;
}

/** Everything the core may use to estimate a training run. All optional: what is missing becomes an assumption. */
export interface RunInputs {
  /**
   * The model the run names, in any spelling (added, optional): only for what the estimate says when neither table
   * sizes it; its size comes from `params`, `architecture` or `flopsPerSample`.
   */
  model?: string;
  /** Total parameters. */
  params?: number;
  /**
   * Parameters a token's compute passes through: fewer than params for MoE (active experts), more for a model that
   * shares its layers' weights (ALBERT's compute-equivalent count). Drives compute; params drives memory.
   */
  activeParams?: number;
  /** Training tokens (sum over epochs). */
  tokens?: number;
  /**
   * Knowledge distillation (added, optional): parameters of the teacher whose forward pass runs on every training token
   * (2 FLOPs per teacher parameter per token, no backward pass). Several teachers: the sum.
   */
  teacherParams?: number;
  /**
   * Preference optimisation on pairs (added, optional; core/compute.ts PREFERENCE): each training sample is a prompt with
   * a chosen and a rejected response, and both sequences run through the policy's forward and backward passes, so
   * samples × tokens per sample (or × sequence length) count two sequences per sample. `reference`: a frozen reference
   * model (the policy before training) also runs its forward pass on both, 2·N per token (DPO and IPO as TRL's
   * DPOTrainer runs them, Rafailov et al. 2023); `reference-free`: no reference model (ORPO, SimPO, CPO). Tokens stated
   * are the tokens the policy trains on, both sequences counted.
   */
  preference?: 'reference' | 'reference-free';
  /**
   * On-policy reinforcement learning on prompts (added, optional; core/compute.ts ROLLOUT): each training sample is a
   * prompt the policy answers `generations` times (GRPO's group, Shao et al. 2024; TRL GRPOConfig num_generations), and
   * each prompt with its completion is generated by the policy (2·N per token: the prompt's prefill and the decoding) and
   * then trained on (6·N per token), so samples × tokens per sample (or × sequence length: prompt plus completion) count
   * `generations` sequences per sample. `reference`: a frozen reference model's forward pass on every token too (a KL
   * term, GRPOConfig beta > 0). Tokens stated are the tokens the policy trains on, every completion counted. Wins over
   * `preference`.
   */
  rollout?: { generations: number; reference?: boolean };
  /** Stated device-hours; when given, FLOPs are not used for time. */
  gpuHours?: number;
  /** Accelerator name in any spelling; resolved by resolveAccelerator. */
  hardware?: string;
  devices?: number;
  precision?: Precision;
  /**
   * What float32 matmuls run as when precision is fp32 (added, optional): 'tf32' when the framework does so by default
   * (TensorFlow ≥ 2.4 and JAX on Ampere+ GPUs) or the script enables it; 'fp32' when TF32 is off for convolutions too
   * (`torch.backends.cudnn.allow_tf32 = False`). Undefined = PyTorch's default: true fp32 matmuls, TF32 convolutions.
   */
  fp32Matmul?: 'tf32' | 'fp32';
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
  /**
   * Weights, gradients and optimizer states all kept in 16-bit, with no fp32 master copy: pure bf16 training
   * (torchtune `dtype: bf16`, Lightning "bf16-true", a model loaded in bf16 and trained as is).
   */
  pureHalf?: boolean;
  /** ZeRO stage 0–3 (FSDP full shard = 3). */
  zeroStage?: 0 | 1 | 2 | 3;
  /** SGD with momentum (default true); only used when optimizer is "sgd". Added by the estimator (optional). */
  momentum?: boolean;

  // --- per-sample workloads (vision, audio, diffusion); all optional, added ---
  /**
   * Architecture id in any spelling ("resnet50", "torchvision.models.resnet50", "timm vit_base_patch16_224",
   * "openai/whisper-small"); resolved by lookupArchitecture (core/data/vision-audio.ts). Sets the forward FLOPs per
   * sample and the utilisation family.
   */
  architecture?: string;
  /** Forward FLOPs per sample (2 × multiply-accumulates); wins over the architecture's table value. */
  flopsPerSample?: number;
  /** Training samples per epoch (images, audio clips, diffusion training examples). */
  samples?: number;
  /** Passes over the samples; default 1 (stated as an assumption). */
  epochs?: number;
  /**
   * Tokens one training sample holds (added, optional): with samples × epochs, the run's tokens when it states neither
   * tokens nor a sequence length. Wins over `sampleKind`.
   */
  tokensPerSample?: number;
  /**
   * What the training samples are (added, optional): text of a kind not stated, instruction or chat records,
   * sentences to classify, molecules as SMILES/SELFIES strings (since round 27), or image–text samples. With samples × epochs and no tokens or sequence length, sets the
   * tokens per sample as a range (core/data/sample-tokens.ts). A model the models table knows has text samples.
   */
  sampleKind?: SampleKind;
  /**
   * A BERT-style text encoder whose vocabulary projection runs only at the masked positions (added, optional): masked-LM
   * pre-training with code that gathers them before the output layer (google-research/bert run_pretraining.py and the
   * TensorFlow/JAX code descended from it, fairseq RoBERTa, NVIDIA's BERT), or a fine-tune under a task head, which has
   * none. 6·N per token overcounts such a run (core/compute.ts MLM_OUTPUT_FRACTION). Hugging Face Transformers'
   * *ForMaskedLM classes compute the projection at every position: leave it unset for them.
   */
  encoder?: boolean;
  /** Input side in pixels for vision models; FLOPs scale with (resolution / reference)². */
  resolution?: number;
  /** Seconds of audio per sample (wav2vec 2.0); FLOPs scale linearly. Whisper always pads to 30 s. */
  audioSeconds?: number;
  /**
   * DataLoader worker processes per device (added, optional). 0 on an image workload makes the run input-bound: the
   * training process decodes images itself and the accelerator waits (core/input-bound.ts). Undefined = not capped.
   */
  dataLoaderWorkers?: number;

  // --- scope options: off unless set, each listed in the assumptions when on ---
  /** Add idle and infrastructure energy: +59 % of the accelerators' dynamic energy (Luccioni et al. 2022, BLOOM). */
  includeIdle?: boolean;
  /** Report embodied (manufacturing) emissions amortised per device-hour, separately from co2eKg. */
  embodied?: boolean;
  /** Total ÷ final run: energy, CO2e and embodied of development runs before the final one (OLMo: 1.5). */
  devRunsMultiplier?: number;

  // --- carbon sensitivities: never mixed into co2eKg ---
  /** Report a marginal-intensity sensitivity where the table has one for the region (core/data/marginal.ts). */
  marginal?: boolean;
  /** Marginal intensity in g CO2e/kWh to use for the sensitivity (wins over the table; implies marginal). */
  marginalGPerKWh?: number;
  /** Market-based intensity in g CO2e/kWh (contracts, certificates); reported apart from the location-based figure. */
  marketIntensity?: number;

  // --- measurement ---
  /** Measured power (and, when the measured work is known, throughput) from core/calibrate.ts. */
  calibration?: Calibration;
}

/** What a measurement log says about a run (core/calibrate.ts). Power figures are per device, before PUE. */
export interface Calibration {
  source: 'codecarbon' | 'zeus';
  /** One line for the assumptions, e.g. "CodeCarbon emissions.csv: 2 runs, 1.5 h on 1 × NVIDIA A100-SXM4-80GB". */
  description: string;
  /** Runs (CodeCarbon run_id) or windows (Zeus) aggregated. */
  runs: number;
  /** Measured wall-clock seconds, summed over runs. */
  durationS: number;
  /** Accelerators measured (gpu_count). */
  devices: number;
  /** Accelerator model as the log names it, e.g. "1 x NVIDIA A100-SXM4-80GB" or "NVIDIA H100 80GB HBM3". */
  gpuModel?: string;
  /** Measured average accelerator power per device, W. */
  gpuPowerW: number;
  /** Measured average host power (CPU + RAM) per device, W, when the log has it. */
  hostPowerW?: number;
  /** Measured IT energy (accelerators + CPU + RAM), kWh, before any PUE. */
  itEnergyKWh: number;
  /** Emissions the tool itself reported, kg (its own intensity and PUE). */
  measuredKgCO2e?: number;
  /** PUE the tool applied to its energy_consumed (CodeCarbon `pue` column). */
  pue?: number;
  /** Country as the log writes it (CodeCarbon: ISO 3166 alpha-3, e.g. "USA"). */
  country?: string;
  /** "provider:region" when the log names a cloud region. */
  region?: string;
  /** Seconds per optimizer step, when the measured steps are known. */
  stepTimeS?: number;
  /** Device-seconds per training token, when the measured tokens are known. */
  deviceSecondsPerToken?: number;
  /** Device-seconds per training sample, when the measured samples are known. */
  deviceSecondsPerSample?: number;
  /** Problems found in the log (zero GPU energy, suspected double counting…). */
  warnings: string[];
}

/** A forward-FLOPs entry of core/data/vision-audio.ts. */
export interface ArchitectureInfo {
  /** Canonical id, e.g. "resnet50", "vit-b-16", "whisper-small". */
  id: string;
  name: string;
  modality: 'vision' | 'audio';
  /**
   * Utilisation family: "convnet" (dense convolutions: ResNet, U-Net, ConvNeXt), "depthwise" (depthwise-separable
   * convolutions: EfficientNet), "transformer" (ViT, Whisper, wav2vec 2.0).
   */
  family: 'convnet' | 'depthwise' | 'transformer';
  params: number;
  /** Forward FLOPs per sample at the reference input (2 × multiply-accumulates). */
  forwardFlops: number;
  /** Reference input: side in pixels (vision) or seconds of audio. */
  reference: { resolution?: number; seconds?: number; note: string };
  /** Other spellings matched exactly after normalisation (lower case, separators removed). */
  aliases: string[];
  /**
   * Spellings matched only whole, never as the start of a longer name (added, optional): a family's bare name whose
   * longer spellings are other networks ("TimeSformer" is the base model; "TimeSformer-L" and "-HR" are not).
   */
  exactAliases?: string[];
  /**
   * Throughput of whole runs of this network relative to the family's utilisation model (added, optional), for work its
   * FLOPs do not count: video clips decoded on the CPU and 3D convolution kernels (core/data/video.ts). Multiplies the
   * run's utilisation; the time it adds lies outside the training steps, so no precision speeds it up.
   */
  runFactor?: { factor: number; why: string; source: string };
  source: string;
  year: number;
  /**
   * The precision the network's reference training code runs in, where it has no mixed-precision option (DETR's):
   * assumed when a run states none (core/prepare.ts).
   */
  trainedIn?: { precision: Precision; source: string };
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
  /** "calibrated" when measured power or throughput (RunInputs.calibration) replaced the model. */
  label: 'pre-flight estimate' | 'calibrated';
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
  energyBreakdownKWh?: { accelerators: Range; host: Range; facility: Range; idle?: Range; development?: Range };
  /** Idle and infrastructure energy (RunInputs.includeIdle), already inside energyKWh and co2eKg. */
  idleKWh?: Range;
  /** Development runs' energy (RunInputs.devRunsMultiplier > 1), already inside energyKWh and co2eKg. */
  developmentKWh?: Range;
  /** Embodied emissions (RunInputs.embodied), NOT inside co2eKg. */
  embodiedKgCO2e?: Range;
  /** co2eKg + embodiedKgCO2e, when embodied is on. */
  totalKgCO2e?: Range;
  /** Marginal-intensity sensitivity (RunInputs.marginal), NOT inside co2eKg. */
  marginal?: { gPerKWh: number; co2eKg: Range; label: string; year?: number; source: string };
  /** Market-based figure (RunInputs.marketIntensity), NOT inside co2eKg. */
  marketBased?: { gPerKWh: number; co2eKg: Range };
  /** What the run computes, when known: model FLOPs (no recomputation), tokens, samples (× epochs). */
  work?: { flops?: number; tokens?: number; samples?: number };
  /** The measurement that calibrated the estimate. */
  calibration?: Calibration;
}

export interface Saving {
  kWh: Range;
  kgCO2e: Range;
  /** Fraction of the base energy saved (0..1), mid value. */
  fraction: number;
}
