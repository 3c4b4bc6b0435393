// The engine's entry point: extracted runs → completed plans → estimates → rule findings, for one document.
// Pure apart from the parse tree it is given; both the language server and the CLI call it.
import { estimate as coreEstimate, estimateMemory, resolveAccelerator, saving as coreSaving, type Accelerator, type RunInputs } from '../../core/index';
import { RULES } from '../../rules/index';
import type { Rule, RuleContext } from '../../rules/types';
import type { Settings } from '../config/settings';
import type { Tree } from './parse/python';
import { extractHuggingFace } from './extract/huggingface';
import { completePlan, runShape } from './plan';
import { suppressedCodes } from './suppression';
import type { AnalyzedRun, Finding, RunPlan, Span } from './types';

export interface DocumentAnalysis {
  file: string;
  runs: AnalyzedRun[];
  findings: Finding[];
  /** Problems worth telling the user (unknown GPU name, unreadable config), not crashes. */
  messages: string[];
}

function anchorOf(plan: RunPlan, tree: Tree): { file: string; span: Span } {
  // The arguments call's callee (TrainingArguments / SFTConfig), else the run-defining call's.
  const spans = plan.relevantSpans.filter((s) => s.file === plan.entry.file);
  const node = tree.rootNode.descendantForIndex(spans[0]?.span.start ?? plan.entry.span.start);
  let call = node;
  while (call && call.type !== 'call') call = call.parent;
  const fn = call?.childForFieldName('function');
  return fn ? { file: plan.entry.file, span: { start: fn.startIndex, end: fn.endIndex } } : { file: plan.entry.file, span: plan.entry.span };
}

export function analyzeRun(plan: RunPlan, settings: Settings): { run: AnalyzedRun; ctxBase: Omit<RuleContext, 'anchor'> ; messages: string[] } {
  completePlan(plan, settings);
  const shape = runShape(plan, settings);
  const messages: string[] = [];
  const cpu = plan.facts.get('hardware')?.value === 'cpu';
  let accelerator: Accelerator | undefined;
  if (shape.inputs.hardware) {
    const r = resolveAccelerator(shape.inputs.hardware);
    if (r.ok) accelerator = r.value;
    else messages.push(r.message);
  }
  const est = coreEstimate(shape.inputs);
  est.assumptions.unshift(...shape.assumptions);
  const memory = (change: Partial<RunInputs> = {}) => estimateMemory({ ...shape.inputs, ...change }, accelerator);
  const base = { ...shape.inputs };
  est.memoryGBPerDevice ??= memory();
  const ctxBase: Omit<RuleContext, 'anchor'> = {
    plan,
    shape,
    estimate: est,
    settings,
    accelerator: cpu ? undefined : accelerator,
    cpu,
    fact: (k) => plan.facts.get(k),
    value: (k) => plan.facts.get(k)?.value,
    saving: (change) => coreSaving(base, { ...base, ...change }),
    memory,
    edit: (changes) => plan.edit?.(changes),
  };
  return { run: { plan, inputs: shape.inputs, estimate: est, totalSteps: shape.totalSteps }, ctxBase, messages };
}

function runRule(rule: Rule, ctx: RuleContext, settings: Settings): Finding[] {
  const severity = settings.severity[rule.code] ?? settings.severity[rule.name];
  if (severity === 'off') return [];
  return rule.check(ctx).map((f) => ({
    code: rule.code,
    name: rule.name,
    message: f.message,
    fixes: f.fixes,
    savings: f.savings,
    // A user's severity wins; otherwise the rule's (lowered by the rule when it is unsure).
    severity: severity ?? f.severity ?? rule.defaultSeverity,
    file: f.span && f.file ? f.file : ctx.anchor.file,
    span: f.span && f.file ? f.span : ctx.anchor.span,
  }));
}

export function analyzePython(file: string, text: string, tree: Tree, settings: Settings): DocumentAnalysis {
  const runs: AnalyzedRun[] = [];
  const findings: Finding[] = [];
  const messages: string[] = [];
  for (const extracted of extractHuggingFace(file, text, tree)) {
    const { run, ctxBase, messages: m } = analyzeRun(extracted.plan, settings);
    messages.push(...m);
    runs.push(run);
    const ctx: RuleContext = { ...ctxBase, anchor: anchorOf(run.plan, tree) };
    for (const rule of RULES) {
      try {
        findings.push(...runRule(rule, ctx, settings));
      } catch (e) {
        messages.push(`rule ${rule.code} failed on ${file}: ${(e as Error).message}`);
      }
    }
  }
  const suppressed = suppressedCodes(text);
  const kept = findings.filter((f) => {
    if (f.file !== file) return true;
    const line = text.slice(0, f.span.start).split('\n').length - 1;
    const codes = suppressed.get(line);
    return !(codes && (codes.has('*') || codes.has(f.code) || codes.has(f.name.toUpperCase())));
  });
  return { file, runs, findings: kept, messages: [...new Set(messages)] };
}
