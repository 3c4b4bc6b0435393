// The footprint core's public surface. Pure: numbers in, numbers out; imports nothing outside core/.

export type * from './types';

// Data tables and resolvers.
export * from './data/accelerators';
export { MEMORY_BANDWIDTH } from './data/bandwidth';
export type { BandwidthRow } from './data/bandwidth';
export * from './data/datasets';
export * from './data/sample-tokens';
export * from './data/grid';
export * from './data/models';
export * from './data/pue';
export * from './data/vision-audio';
export { parseZooDetector, zooDetectorId, ONE_X_IMAGES, type ZooDetector } from './data/detection-zoo';
export { maeMacs, multiCropMacs, mocoV3Macs, plainVitMacs, VIT_SHAPES } from './data/vision-vit';
export * from './data/embodied';
export * from './data/marginal';
export * from './resolve';

// Estimation.
export { estimate, MEASUREMENT_SPREAD, OVERRIDE_HINTS, workUnits } from './estimate';
export type { EstimateOptions } from './estimate';
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
  DEFAULT_PEFT_FRACTION,
  FP32_BYTES_FACTOR,
  FP8_SLOWDOWN,
  GENERIC_ACCELERATOR,
  GENERIC_HARDWARE_SPEED,
  LLM_RUN_EFFICIENCY,
  BERT_VOCAB,
  encoderHidden,
  MLM_OUTPUT_FRACTION,
  MATMUL_EFFICIENCY,
  mathSlowdown,
  MFU_SPREAD,
  peak16,
  peftStepRatio,
  planFlops,
  planPrecision,
  PRECISION_SLOWDOWN,
  RECOMPUTE_SHARE,
  scaleFactor,
  sizeFactor,
  sizeFactorAt,
  sizeFactorOn,
  sizeKnee,
  ridgeRatio,
  REFERENCE_RIDGE,
  VISION_RUN_EFFICIENCY,
  VISION_STEP_UTILISATION,
  visionStepUtilisation,
  geforceConvUtilisation,
  halfRateAccumulate,
} from './compute';
export type { Band, FlopsPlan, PrecisionOptions, PrecisionPlan, WorkFamily, WorkKind } from './compute';
export { defaultConstants, fitConstants, PRIORS } from './fit';
export type { FittedConstants } from './fit';
export { MAIN_PROCESS_IMAGES_PER_S } from './input-bound';
export {
  HOST_SHARE,
  IDLE_POWER_FRACTION,
  IDLE_SHARE,
  powerFraction,
  RUN_STEP_SHARE,
  STEP_POWER,
  WORLD_AVERAGE_INTENSITY,
} from './energy';
export { estimateStep } from './step';
export type { StepEstimate } from './step';
export { deviceFit } from './device-fit';
export type { DeviceFit } from './device-fit';
export { BATCH_LAW, dataParallelComm, DP_COMM_TOKENS, globalBatchTokens } from './comm-bound';
