// The explicit registry of rules (typescript-eslint's rules/index.ts). Codes are stable once shipped.
import { activationCheckpointingMissing } from './activation-checkpointing-missing';
import { batchExceedsMemory } from './batch-exceeds-memory';
import { mixedPrecisionOff } from './mixed-precision-off';
import { noPeriodicCheckpoint } from './no-periodic-checkpoint';
import type { Rule } from './types';
import { unknownRuleCode } from './unknown-rule-code';
import { unusedSuppression } from './unused-suppression';

export const RULES: readonly Rule[] = [
  mixedPrecisionOff,
  activationCheckpointingMissing,
  batchExceedsMemory,
  noPeriodicCheckpoint,
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
