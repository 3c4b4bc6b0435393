// The footprint core's public surface. Pure: numbers in, numbers out; imports nothing outside core/.

export type * from './types';

// Data tables and resolvers.
export * from './data/accelerators';
export * from './data/datasets';
export * from './data/grid';
export * from './data/models';
export * from './data/pue';
export * from './data/vision-audio';
export * from './data/embodied';
export * from './data/marginal';
export * from './resolve';

// Estimation.
export { estimate, MEASUREMENT_SPREAD, OVERRIDE_HINTS, workUnits } from './estimate';
export type { FactorKey, Level, Method, WorkPlan } from './estimate';
export {
  estimateMemory,
  estimateMemoryDetailed,
  optimizerBytesPerParam,
  OVERHEAD_GB,
  QLORA_BYTES_PER_PARAM,
  MEMORY_DEFAULTS,
} from './memory';
export type { MemoryDetail } from './memory';
export { saving, combineSavings } from './whatif';
export type { CombinedSaving } from './whatif';

// Measurement and reports.
export { ALPHA3_TO_ALPHA2, calibrateFromCodeCarbon, calibrateFromZeus, MAX_PLAUSIBLE_DEVICE_W } from './calibrate';
export type { CalibrationResult, MeasuredWork, MeasurementRow, ZeusWindow } from './calibrate';
export { modelCardCo2, modelCardYaml, reportJson, sciIntensities } from './report';
export type { ModelCardCo2, ModelCardOptions, SciIntensities } from './report';

// The model's constants, for hovers and docs that explain an estimate.
export {
  approxShape,
  ATTENTION_REFERENCE_SEQ,
  BASE_MFU,
  batchFactor,
  CONV_TF32_SLOWDOWN,
  DEFAULT_PEFT_FRACTION,
  FP8_SLOWDOWN,
  FP32_CEILING,
  GENERIC_ACCELERATOR,
  GENERIC_HARDWARE_SPEED,
  MFU_SPREAD,
  PEFT_UTILISATION,
  peak16,
  planFlops,
  planPrecision,
  PRECISION_SLOWDOWN,
  RECOMPUTE_SHARE,
  scaleFactor,
  sizeFactor,
  VISION_RUN_EFFICIENCY,
  VISION_STEP_UTILISATION,
  visionStepUtilisation,
} from './compute';
export type { Band, FlopsPlan, PrecisionPlan, WorkFamily } from './compute';
export { BUSY_FRACTION, HOST_SHARE, IDLE_SHARE, WORLD_AVERAGE_INTENSITY } from './energy';
