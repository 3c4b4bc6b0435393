// The footprint core's public surface. Pure: numbers in, numbers out; imports nothing outside core/.

export type * from './types';

// Data tables and resolvers.
export * from './data/accelerators';
export * from './data/datasets';
export * from './data/grid';
export * from './data/models';
export * from './data/pue';
export * from './resolve';

// Estimation.
export { estimate, OVERRIDE_HINTS } from './estimate';
export type { FactorKey, Level, Method } from './estimate';
export { estimateMemory, estimateMemoryDetailed, optimizerBytesPerParam, OVERHEAD_GB, QLORA_BYTES_PER_PARAM, MEMORY_DEFAULTS } from './memory';
export type { MemoryDetail } from './memory';
export { saving, combineSavings } from './whatif';
export type { CombinedSaving } from './whatif';

// The model's constants, for hovers and docs that explain an estimate.
export {
  approxShape,
  ATTENTION_REFERENCE_SEQ,
  BASE_MFU,
  batchFactor,
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
} from './compute';
export type { Band, FlopsPlan, PrecisionPlan } from './compute';
export { BUSY_FRACTION, HOST_SHARE, WORLD_AVERAGE_INTENSITY } from './energy';
