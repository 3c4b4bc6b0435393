// The explicit registry of rules (typescript-eslint's rules/index.ts). Codes are stable once shipped.
import { activationCheckpointingMissing } from './activation-checkpointing-missing';
import { batchExceedsMemory } from './batch-exceeds-memory';
import { mixedPrecisionOff } from './mixed-precision-off';
import { noPeriodicCheckpoint } from './no-periodic-checkpoint';
import { fp16WhereBf16Fits } from './fp16-where-bf16-fits';
import { bf16OnPreAmpere } from './bf16-on-pre-ampere';
import { tf32Disabled } from './tf32-disabled';
import { fp32WeightsForFrozenBase } from './fp32-weights-for-frozen-base';
import { tinyMicroBatch } from './tiny-micro-batch';
import { staticPadding } from './static-padding';
import { memorySaverWithoutPressure } from './memory-saver-without-pressure';
import { oversizedEffectiveBatch } from './oversized-effective-batch';
import { nonResumableCheckpoint } from './non-resumable-checkpoint';
import { saveStepsPastRun } from './save-steps-past-run';
import { checkpointChurn } from './checkpoint-churn';
import { hubPushEverySave } from './hub-push-every-save';
import { synchronousDataloader } from './synchronous-dataloader';
import { noPinMemory } from './no-pin-memory';
import { tfdataNoPrefetch } from './tfdata-no-prefetch';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';
import { noGraphCompilation } from './no-graph-compilation';
import { eagerAttention } from './eager-attention';
import { unfusedOptimizer } from './unfused-optimizer';
import { cudnnAutotunerOff } from './cudnn-autotuner-off';
import { dataparallelInsteadOfDdp } from './dataparallel-instead-of-ddp';
import { unboundedTraining } from './unbounded-training';
import { evalTooFrequent } from './eval-too-frequent';
import { loggingOverhead } from './logging-overhead';
import { debugInstrumentationOn } from './debug-instrumentation-on';
import { fullFinetuneWhereLoraFits } from './full-finetune-where-lora-fits';
import { qloraFp32Compute } from './qlora-fp32-compute';
import { hpoWithoutPruning } from './hpo-without-pruning';
import { gridSearchExplosion } from './grid-search-explosion';
import { unboundedSweep } from './unbounded-sweep';
import { highCarbonRegion } from './high-carbon-region';
import { overprovisionedAccelerators } from './overprovisioned-accelerators';
import { credentialInCode } from './credential-in-code';
import { publicPushOfLocalData } from './public-push-of-local-data';
import { fusedLossKernelsAvailable } from './fused-loss-kernels-available';
import type { Rule } from './types';
import { unknownRuleCode } from './unknown-rule-code';
import { unusedSuppression } from './unused-suppression';

export const RULES: readonly Rule[] = [
  highCarbonRegion,
  overprovisionedAccelerators,
  mixedPrecisionOff,
  fp16WhereBf16Fits,
  bf16OnPreAmpere,
  tf32Disabled,
  fp32WeightsForFrozenBase,
  tinyMicroBatch,
  staticPadding,
  memorySaverWithoutPressure,
  activationCheckpointingMissing,
  oversizedEffectiveBatch,
  batchExceedsMemory,
  noPeriodicCheckpoint,
  nonResumableCheckpoint,
  saveStepsPastRun,
  checkpointChurn,
  hubPushEverySave,
  synchronousDataloader,
  noPinMemory,
  tfdataNoPrefetch,
  hostDeviceSyncInLoop,
  noGraphCompilation,
  eagerAttention,
  unfusedOptimizer,
  fusedLossKernelsAvailable,
  cudnnAutotunerOff,
  dataparallelInsteadOfDdp,
  unboundedTraining,
  evalTooFrequent,
  loggingOverhead,
  debugInstrumentationOn,
  fullFinetuneWhereLoraFits,
  qloraFp32Compute,
  hpoWithoutPruning,
  gridSearchExplosion,
  unboundedSweep,
  credentialInCode,
  publicPushOfLocalData,
  unusedSuppression,
  unknownRuleCode,
];

export function findRule(codeOrName: string): Rule | undefined {
  const k = codeOrName.trim().toUpperCase();
  return RULES.find((r) => r.code === k || r.name.toUpperCase() === k);
}

export const DOCS_BASE = 'https://github.com/green-ml-review/green-ml-review/blob/main/docs/rules';
export const docsUrl = (r: Rule) => `${DOCS_BASE}/${r.code}-${r.name}.md`;

export type { Rule, RuleContext } from './types';
