// The engine's entry point: extracted runs → linked plans → completed plans → estimates → rule findings, for one
// document. Related files (configs, launchers, version pins) are read only through the FileReader it is given
// (./link); without one it reads nothing. Both the language server and the CLI call it.
import {
  estimate as coreEstimate,
  estimateMemory,
  resolveAccelerator,
  saving as coreSaving,
  type Accelerator,
  type RunInputs,
} from '../../core/index';
import { RULES } from '../../rules/index';
import type { Rule, RuleContext } from '../../rules/types';
import type { Settings } from '../../engine/settings';
import type { Parser } from 'web-tree-sitter';
import type { Tree } from '../../engine/parse/python';
import type { RunDraft } from '../../engine/extract/run-draft';
import { linkFile, linkKind, memoryReader, type FileReader } from '../../engine/link';
import { completePlan, isCpuLike, runShape } from '../../engine/plan';
import type { AnalyzedRun, Finding, RunPlan, Severity, Span } from '../../engine/types';
import { ruleEnabled } from '../../rules/select';
import { applySuppressions } from './suppress';

export interface DocumentAnalysis {
  file: string;
  runs: AnalyzedRun[];
  findings: Finding[];
  /** Problems worth telling the user (unknown GPU name, unreadable config), not crashes. */
  messages: string[];
  /**
   * Runs defined in another file that this file takes part in (a launcher's script, a config's user), and the runs
   * the launchers beside it start (`plan.launchedBy`): for hovers and the status bar.
   */
  linked?: AnalyzedRun[];
  /** Texts of the related files the runs read (path → text), for positions of their facts. */
  sources?: Map<string, string>;
}

export interface AnalyzeOptions {
  /** The file's Python tree (kept by the caller). */
  tree?: Tree;
  /** Reads related files; without it, nothing is read and each file is a run of its own. */
  reader?: FileReader;
  /** Parses related Python files (scripts a launcher or config names). */
  parser?: Parser;
}

function anchorOf(plan: RunPlan, tree: Tree): { file: string; span: Span } {
  // The arguments call's callee (TrainingArguments / SFTConfig), else the run-defining call's.
  const spans = plan.relevantSpans.filter((s) => s.file === plan.entry.file);
  const node = tree.rootNode.descendantForIndex(spans[0]?.span.start ?? plan.entry.span.start);
  let call = node;
  while (call && call.type !== 'call') call = call.parent;
  const fn = call?.childForFieldName('function');
  return fn
    ? { file: plan.entry.file, span: { start: fn.startIndex, end: fn.endIndex } }
    : { file: plan.entry.file, span: plan.entry.span };
}

export function analyzeRun(
  plan: RunPlan,
  settings: Settings,
  adjust?: RunDraft['adjust'],
): { run: AnalyzedRun; ctxBase: Omit<RuleContext, 'anchor'>; messages: string[] } {
  completePlan(plan, settings);
  if (adjust) {
    const hw = plan.facts.get('hardware')?.value;
    const r = typeof hw === 'string' && !isCpuLike(hw) ? resolveAccelerator(hw) : undefined;
    adjust(plan, r?.ok ? r.value.bf16 : undefined);
  }
  const shape = runShape(plan, settings);
  const messages: string[] = [];
  // CPU and Apple-silicon (MPS) runs: no tensor-core rules, no GPU memory rules.
  const cpu = isCpuLike(plan.facts.get('hardware')?.value);
  let accelerator: Accelerator | undefined;
  if (shape.inputs.hardware && !cpu) {
    const r = resolveAccelerator(shape.inputs.hardware);
    if (r.ok) accelerator = r.value;
    else messages.push(r.message);
  }
  const est = coreEstimate(shape.inputs);
  est.assumptions.unshift(...shape.assumptions);
  // Per-sample workloads (vision, audio): the memory model is a transformer's (sequence × hidden activations), so
  // it says nothing about a ResNet's feature maps — no memory figure and no memory finding rather than a wrong one.
  const perSample = shape.inputs.architecture !== undefined;
  const memory = (change: Partial<RunInputs> = {}) =>
    perSample ? undefined : estimateMemory({ ...shape.inputs, ...change }, accelerator);
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
    inferred: (keys) => keys.some((k) => plan.facts.get(k)?.origin === 'inferred'),
    value: (k) => plan.facts.get(k)?.value,
    saving: (change) => coreSaving(base, { ...base, ...change }),
    memory,
    edit: (changes) => plan.edit?.(changes),
  };
  return { run: { plan, inputs: shape.inputs, estimate: est, totalSteps: shape.totalSteps }, ctxBase, messages };
}

/** A run this small never gets a warning: under 10 M parameters, or under 0.01 GPU-hours when estimated. */
export const TOY_PARAMS = 10e6;
export const TOY_GPU_HOURS = 0.01;

/**
 * A model class of the script's own, counted from its layer constructors (engine/extract/layer-params.ts), is a toy
 * under a million parameters: with no convolution (an MLP's forward pass is 2 FLOPs per parameter per sample), or with
 * convolutions on images of at most 64 px (MNIST, CIFAR: a convolution's FLOPs are its parameters × the output
 * pixels, so its size alone says nothing of a 512-px UNet's cost).
 */
export const TOY_LAYER_PARAMS = 1e6;
export const TOY_CONV_RESOLUTION = 64;

export function isToy(ctx: Pick<RuleContext, 'shape' | 'estimate' | 'fact'>): boolean {
  const p = ctx.shape.inputs.params;
  if (p !== undefined && p > 0 && p < TOY_PARAMS) return true;
  const counted = ctx.fact('layer_params');
  if (p === undefined && ctx.shape.inputs.architecture === undefined && typeof counted?.value === 'number') {
    const res = ctx.fact('resolution')?.value;
    const smallImages = typeof res === 'number' && res > 0 && res <= TOY_CONV_RESOLUTION;
    if (counted.value < TOY_LAYER_PARAMS && (counted.form !== 'convolutional' || smallImages)) return true;
  }
  const e = ctx.estimate;
  return e.method !== 'insufficient-inputs' && e.gpuHours.high > 0 && e.gpuHours.high < TOY_GPU_HOURS;
}

/** The whole run, estimated on a length that is not assumed, costs less than the saving threshold. */
export function cheapRun(ctx: Pick<RuleContext, 'shape' | 'estimate'>, settings: Settings): boolean {
  const e = ctx.estimate;
  return (
    e.method !== 'insufficient-inputs' &&
    !ctx.shape.stepsAssumed &&
    e.energyKWh.high > 0 &&
    e.energyKWh.high < settings.minSavingKWh
  );
}

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export function runRule(rule: Rule, ctx: RuleContext, settings: Settings): Finding[] {
  if (rule.document || !ruleEnabled(rule, settings)) return [];
  const user = settings.severity[rule.code] ?? settings.severity[rule.name.toUpperCase()]; // both readers upper-case keys
  const toy = rule.waste !== false && isToy(ctx);
  return rule
    .check(ctx)
    .map((f): Finding => {
      let severity = f.severity ?? rule.defaultSeverity;
      // Severity follows the saving: a quantified waste under the threshold, or any waste of a toy run, is
      // information at most, and marked minor (the CLI hides it unless asked).
      const small = rule.waste !== false && !!f.savings && f.savings.kWh.mid < settings.minSavingKWh;
      // A waste with no quantified saving on a run whose whole estimate (its high end, on a length that is not
      // assumed) is under the threshold: no change to the run can save more than the run costs.
      const cheap = rule.waste !== false && !f.savings && cheapRun(ctx, settings);
      const minor = !!f.minor || small || toy || cheap;
      if (minor && RANK[severity] > RANK.information) severity = 'information';
      // A finding on a fact read through the shared vocabulary (origin inferred) is information at most.
      const on =
        f.span && f.file
          ? [...ctx.plan.facts.values()].find((x) => x.file === f.file && x.span?.start === f.span!.start)
          : undefined;
      if (on?.origin === 'inferred' && RANK[severity] > RANK.information) severity = 'information';
      return {
        code: rule.code,
        name: rule.name,
        message: f.message,
        fixes: f.fixes,
        savings: f.savings,
        // A user's severity wins; otherwise the rule's (lowered by the rule when it is unsure).
        severity: user && user !== 'off' ? user : severity,
        minor: minor || undefined,
        file: f.span && f.file ? f.file : ctx.anchor.file,
        span: f.span && f.file ? f.span : ctx.anchor.span,
      };
    })
    .filter((f) => !settings.perFileIgnores || ruleEnabled(rule, settings, f.file));
}

/** Analyze Python text with its tree, reading no other file (the benchmark's and the harness's entry). */
export function analyzePython(file: string, text: string, tree: Tree, settings: Settings): DocumentAnalysis {
  return analyzeDocument(file, text, settings, { tree });
}

/**
 * Analyze one document of any supported kind: its runs, merged with the files linked to it (when a reader is
 * given), checked by every rule. Findings are those located in this document; runs whose entry is elsewhere are
 * returned as `linked`.
 */
export function analyzeDocument(
  file: string,
  text: string,
  settings: Settings,
  opts: AnalyzeOptions = {},
): DocumentAnalysis {
  const runs: AnalyzedRun[] = [];
  const linked: AnalyzedRun[] = [];
  const findings: Finding[] = [];
  const link = linkFile({ file, text, tree: opts.tree, parser: opts.parser, reader: opts.reader ?? memoryReader({}) });
  const messages: string[] = [...link.messages];
  // A script or config with launchers beside it: its plan is its own values, its findings are the runs those
  // launchers start (a value a launcher passes is what runs: no finding about the default it replaces).
  const judged = link.drafts.some((d) => d.plan.launchedBy) ? (d: RunDraft) => !!d.plan.launchedBy : () => true;
  try {
    for (const draft of link.drafts) {
      try {
        const { run, ctxBase, messages: m } = analyzeRun(draft.plan, settings, draft.adjust);
        messages.push(...m);
        const entered = run.plan.entry.file === file;
        const own = entered && !run.plan.launchedBy;
        (own ? runs : linked).push(run);
        // An importer's run shown with an entryless module: the module's own run is judged (../engine/link/entryless-module).
        if (!judged(draft) || draft.shownOnly) continue;
        const anchor =
          draft.anchor ??
          (entered && opts.tree && linkKind(file, text) === 'python'
            ? anchorOf(run.plan, opts.tree)
            : { file: run.plan.entry.file, span: run.plan.entry.span });
        const ctx: RuleContext = { ...ctxBase, anchor };
        for (const rule of RULES) {
          try {
            // Findings located in other files are theirs: they are reported when that file is analyzed.
            findings.push(...runRule(rule, ctx, settings).filter((f) => f.file === file));
          } catch (e) {
            messages.push(`rule ${rule.code} failed on ${file}: ${(e as Error).message}`);
          }
        }
      } catch (e) {
        messages.push(`the run at ${draft.plan.entry.label} could not be estimated: ${(e as Error).message}`);
      }
    }
  } finally {
    link.dispose();
  }
  const kept = applySuppressions(file, text, findings, settings);
  return { file, runs, findings: kept, messages: [...new Set(messages)], linked, sources: link.sources };
}
