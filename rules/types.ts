// The rule contract. A rule speaks in facts, not syntax: it reads the run plan and the estimate, and asks the
// plan's editor for the text edits of its fix. One file per rule, with its doc at the top (Ruff's layout).
import type { Accelerator, Estimate, MemoryBreakdown, RunInputs, Saving } from '../core/index';
import type { Settings } from '../engine/settings';
import type { RunShape } from '../engine/plan';
import type { Applicability, Fact, FactKey, FactValue, Finding, Fix, RunPlan, Severity, Span } from '../engine/types';

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
   * (origin `inferred`): a rule that depends on it reports at most information. (Assumed facts are each rule's own
   * business, as before: an assumed sequence length or device count does not silence a memory finding.)
   */
  inferred(keys: FactKey[]): boolean;
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
  /**
   * False for rules whose finding is not energy waste (a leaked credential, an unknown rule code): their severity
   * does not follow the size of the run. Default true.
   */
  waste?: boolean;
  /** Off unless `select` names it (its code, a prefix of it, its name, or ALL): advice that is not clear waste. */
  optIn?: boolean;
  /** Rules about the document itself (suppression comments), produced by the review step, not by `check`. */
  document?: boolean;
  check(ctx: RuleContext): RuleFinding[];
}

/** A fix a case expects, in order: its title (a substring), applicability, and the text after applying it. */
export interface ExpectedFix {
  titleIncludes?: string;
  applicability: Applicability;
  /** The whole file after the fix, exactly. */
  output?: string;
  /** Or: substrings the fixed file must contain. */
  outputIncludes?: string[];
}

/** A test case for the rule harness (test/helpers/rule-harness.ts). Everything is analysed in memory. */
export interface RuleCase {
  name: string;
  /** Source of the file under test (Python unless `file` says otherwise). */
  code: string;
  /** Path of the file under test (default /case/train.py); its extension picks the language. */
  file?: string;
  /** Other files of the run, by absolute path (launchers, configs, version pins), read from memory only. */
  files?: Record<string, string>;
  settings?: Partial<Settings>;
  /**
   * Expected findings of this rule, in order: 1-based line and column of the start, and optionally of the end.
   * Empty = must not fire (and the case first checks that a run was extracted, unless `noRun`).
   */
  expect: {
    line: number;
    column?: number;
    endLine?: number;
    endColumn?: number;
    severity?: Severity;
    messageIncludes?: string;
    messageExcludes?: string;
  }[];
  /** The fixes of the first finding, in order (each applied, re-parsed and re-analysed). */
  fixes?: ExpectedFix[];
  /** The first finding offers no fix. */
  noFix?: boolean;
  /** A must-not-fire case where no run is expected (document-level rules, a file with no training run). */
  noRun?: boolean;
  /** Legacy shorthand: the first fix's title contains this / its output contains these. */
  fixTitleIncludes?: string;
  fixedIncludes?: string[];
}
