// The rule contract. A rule speaks in facts, not syntax: it reads the run plan and the estimate, and asks the
// plan's editor for the text edits of its fix. One file per rule, with its doc at the top (Ruff's layout).
import type { Accelerator, Estimate, MemoryBreakdown, RunInputs, Saving } from '../core/index';
import type { Settings } from '../engine/settings';
import type { RunShape } from '../engine/plan';
import type { Fact, FactKey, FactValue, Finding, Fix, RunPlan, Severity, Span } from '../engine/types';

export interface RuleDoc {
  whatItDoes: string;
  whyIsThisBad: string;
  example: string;
  useInstead: string;
  fixSafety: string;
}

export interface RuleContext {
  plan: RunPlan;
  shape: RunShape;
  estimate: Estimate;
  settings: Settings;
  /** The resolved accelerator; undefined when unknown or a CPU run. */
  accelerator?: Accelerator;
  /** True when the run is known to be on CPU. */
  cpu: boolean;
  fact(key: FactKey): Fact | undefined;
  /**
   * True when any of these facts was read through the shared vocabulary without a reader for the file's framework
   * (origin `inferred`): a rule that depends on it reports at most information.
   */
  inferred(...keys: FactKey[]): boolean;
  value(key: FactKey): FactValue | undefined;
  /** The energy and carbon saved by changing some inputs (the core's what-if). */
  saving(change: Partial<RunInputs>): Saving;
  memory(change?: Partial<RunInputs>): MemoryBreakdown | undefined;
  /** Where a finding about a setting that is not written goes: the arguments call. */
  anchor: { file: string; span: Span };
  /** Edits for fact changes in the plan's own syntax, or undefined. */
  edit(changes: Partial<Record<FactKey, FactValue>>): Fix['edits'] | undefined;
}

export type RuleFinding = Omit<Finding, 'code' | 'name' | 'severity' | 'file' | 'span'> & {
  severity?: Severity;
  file?: string;
  span?: Span;
};

export interface Rule {
  code: string;
  name: string;
  defaultSeverity: Severity;
  /** One line for `greenml rules` and hovers. */
  summary: string;
  doc: RuleDoc;
  check(ctx: RuleContext): RuleFinding[];
}

/** A test case for the rule harness (rules/rules.test.ts). */
export interface RuleCase {
  name: string;
  /** Python source. */
  code: string;
  settings?: Partial<Settings>;
  /** Expected findings of this rule: 1-based line of the finding. Empty = must not fire. */
  expect: { line: number; severity?: Severity; messageIncludes?: string }[];
  /** When given, applying the first fix must produce text containing each of these. */
  fixedIncludes?: string[];
  fixTitleIncludes?: string;
}
