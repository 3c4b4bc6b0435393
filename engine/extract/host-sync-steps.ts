// Where code runs once per training step, for the host reads of GML404 and the media logging beside them: the loops
// that run a step each, the functions of a file run once per step (a step function, a per-step hook, the helpers a
// step calls), and the `if`s between a read and its step that limit it to some steps (guardedIn).
import type { SyntaxNode } from '../parse/python';
import {
  everyStep,
  handedOver,
  limitLocal,
  lossForward,
  RANK,
  returnedBy,
  someSteps,
  switchOn,
} from './host-sync-guard';
import {
  backwardOf,
  HOOK,
  isBackward,
  type IsBackward,
  isOptimizerStep,
  OWN_CALLEE,
  stepFunctions,
} from './host-sync-backward';
import { enclosingDef } from './python-params';
import { contains, loopsAround } from './python-scan';
import { calleeOf, calleeTexts, defNameOf, nodesOfType, treeMemo } from '../parse/nodes-of-type';

/**
 * `for _ in range(grad_accum_every)`, `for i in accumulate_contexts(self.gradient_accumulate_every, …)`: a loop over the
 * micro-batches of one step (gradient accumulation).
 */
const ACCUMULATION_LOOP = /^for\b[^:]*\bin\s+[\w.]+\s*\([^:]*accum/i;

/** Words one of which a file that runs a training step must hold (isBackward, optimizerStepName, HOOK). */
const STEP_WORDS = /backward|scaler|apply_gradients|apply_updates|\.step\b|training_step|compute_loss/i;
/** Or a model's `forward` that computes the training loss (lossForward). */
const FORWARD_LOSS_WORDS = /def\s+forward\s*\(/;

/**
 * Where code runs once per training step, as a map from function to the node that bounds its step, and a test for
 * loops. (1) A loop runs one step per iteration when its own body runs the backward pass or the optimizer step, or
 * calls a step function of this file (`loss = train_step(batch)`). (2) A step function's own body (outside its loops)
 * runs once per step when something runs it every step: a step loop of this file, ignite's `Engine(step)`, the
 * framework (a per-step hook), or, when this file never calls it nor hands it over, whoever imports it — a
 * training-loop module (a `Solver.train_step`, a model's `optimize_parameters`, an algorithm's `update`) is called by
 * a script elsewhere, once per step. (3) A helper of this file called, outside any `if` that limits it to some steps,
 * from code that runs every step (a loss function returning `loss.item()` values, a meter update) runs every step
 * too — followed two calls deep. Loops are classified once each (a file may hold thousands of calls in one loop).
 */
export class StepScopes {
  private readonly stepNames: Set<string>;
  private readonly perStep = new Map<number, SyntaxNode>();
  private readonly kinds = new Map<number, 'step' | 'epoch' | 'inner'>();
  /** For a helper run every step, the call in the step that runs it. */
  private readonly sites = new Map<number, SyntaxNode>();
  readonly isBwd: IsBackward;
  constructor(root: SyntaxNode) {
    // No backward pass, optimizer or loss-scaler step and no per-step hook written anywhere: nothing runs per step
    // (every test below needs one of these words), so the file's calls are not walked — most files of a project.
    if (!STEP_WORDS.test(root.text) && !(FORWARD_LOSS_WORDS.test(root.text) && /loss/.test(root.text))) {
      this.isBwd = isBackward;
      this.stepNames = new Set();
      return;
    }
    const calls = nodesOfType(root, 'call');
    // Each call's callee text, read once per tree: the tests below ask for it several times per call.
    calleeTexts(root);
    const callee = calleeOf;
    this.isBwd = backwardOf(root, calls, callee);
    const steps = stepFunctions(root, this.isBwd, calls, callee);
    this.stepNames = new Set(steps.map((f) => defNameOf(f) ?? ''));
    const fns = new Map<string, SyntaxNode[]>();
    for (const fn of nodesOfType(root, 'function_definition')) {
      const n = fn && defNameOf(fn);
      if (!fn || !n) continue;
      const list = fns.get(n);
      if (list) list.push(fn);
      else fns.set(n, [fn]);
    }
    const byName = new Map<string, SyntaxNode[]>();
    for (const c of calls) {
      const n = OWN_CALLEE.exec(callee(c))?.[1];
      if (!n) continue;
      // Appended in place: a file of thousands of `len(…)` calls would copy the list once per call.
      const list = byName.get(n);
      if (list) list.push(c);
      else byName.set(n, [c]);
    }
    for (const fn of steps) {
      const name = defNameOf(fn) ?? '';
      const callers = (byName.get(name) ?? []).filter((c) => !contains(fn, c));
      const engine = calls.some(
        (c) => /(^|\.)Engine$/.test(callee(c)) && c.childForFieldName('arguments')?.namedChildren[0]?.text === name,
      );
      // A closure its factory returns (`def make_train(…): def train(x, y): … return train`) is called by whoever
      // asked for it, once per step: a step function handed back, not away.
      const returned = fn.parent?.parent?.type === 'function_definition' && returnedBy(fn.parent.parent, name);
      // A closure handed to the optimizer's step (`opt.step(closure)`, LBFGS-style) runs within every step.
      const toOptimizer = calls.some(
        (c) =>
          isOptimizerStep(c) && (c.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a?.text === name),
      );
      const module = callers.length === 0 && (returned || toOptimizer || !handedOver(root, fn, name));
      // A step closure defined in a loop's body and handed over in that body (`(loss, …), etime = gpu_timer(train_step)`,
      // I-JEPA's train.py: https://github.com/facebookresearch/ijepa/blob/main/src/train.py) is made and run once per
      // iteration: handing it to a timer or a wrapper there runs it, as a call there would.
      const around = loopsAround(fn)[0];
      const inLoop = !!around && handedOver(around, fn, name);
      if (HOOK.test(name) || engine || module || inLoop || callers.some((c) => loopsAround(c).length > 0))
        this.perStep.set(fn.id, fn);
    }
    // A model's forward that computes the training loss runs once per step, wherever the step is.
    for (const fn of fns.get('forward') ?? []) if (lossForward(fn)) this.perStep.set(fn.id, fn);
    // Helpers called every step, two levels deep.
    for (let depth = 0; depth < 2; depth++) {
      for (const [name, sites] of byName) {
        for (const fn of fns.get(name) ?? []) {
          if (this.perStep.has(fn.id)) continue;
          const c = sites.find((s) => {
            const bound = contains(fn, s) ? undefined : this.scopeOf(s);
            return !!bound && !guardedIn(s, bound, this.isBwd);
          });
          if (c) {
            this.perStep.set(fn.id, fn);
            this.sites.set(fn.id, c);
          }
        }
      }
    }
  }

  /** A loop that runs the step itself, an epoch loop around a step loop, or a loop inside the step (or elsewhere). */
  private kind(loop: SyntaxNode): 'step' | 'epoch' | 'inner' {
    let k = this.kinds.get(loop.id);
    if (k) return k;
    const calls = loop.childForFieldName('body')?.descendantsOfType('call') ?? [];
    const own = (c: SyntaxNode | null) => !!c && loopsAround(c)[0]?.id === loop.id;
    const name = (c: SyntaxNode) => {
      const f = c.childForFieldName('function');
      return f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : f?.text;
    };
    // The loop that runs the backward pass, or the optimizer step (the outer loop of a micro-batch split: its inner
    // loop accumulates gradients, the outer one steps once per batch), or a step function of this file.
    // A loop whose backward pass sits in a loop over micro-batches nested in it (`for _ in range(grad_accum_every):`)
    // steps once per iteration too (optax's `apply_every`, a GAN trainer's accumulation).
    const accumulated = (c: SyntaxNode | null) => {
      const inner = c ? loopsAround(c)[0] : undefined;
      return !!inner && ACCUMULATION_LOOP.test(inner.text) && loopsAround(inner)[0]?.id === loop.id;
    };
    if (
      calls.some(
        (c) =>
          !!c &&
          ((own(c) && (this.isBwd(c) || isOptimizerStep(c) || this.stepNames.has(name(c) ?? ''))) ||
            (this.isBwd(c) && accumulated(c))),
      )
    )
      k = 'step';
    else k = calls.some((c) => this.isBwd(c)) ? 'epoch' : 'inner';
    this.kinds.set(loop.id, k);
    return k;
  }

  /** The call in the step that runs the helper `node` sits in (followed out through helpers), if it is in one. */
  siteOf(node: SyntaxNode): SyntaxNode | undefined {
    // Only a read in the helper's own body: one in a step loop of that function is bounded by the loop.
    if (this.scopeOf(node)?.type !== 'function_definition') return undefined;
    let site: SyntaxNode | undefined;
    for (let fn = enclosingDef(node), n = 0; fn && this.sites.has(fn.id) && n < 3; n++) {
      site = this.sites.get(fn.id)!;
      fn = this.scopeOf(site)?.type === 'function_definition' ? enclosingDef(site) : undefined;
    }
    return site;
  }

  /** The node that bounds the step `node` runs in (a step loop, or a function run every step), else undefined. */
  scopeOf(node: SyntaxNode): SyntaxNode | undefined {
    const fn = enclosingDef(node);
    const loops = loopsAround(node).filter((l) => !fn || contains(fn, l));
    // Outward from the innermost loop: a loop with no backward pass in it (over metrics, parameters, a tensor's
    // elements) runs within the step of a loop, or of a function run every step, around it; the first loop that runs
    // the step bounds it; a loop whose backward pass sits only in a loop nested inside it is an epoch loop.
    for (const loop of loops) {
      const k = this.kind(loop);
      if (k === 'step') return loop;
      if (k === 'epoch') return undefined;
    }
    if (!fn) return undefined;
    return this.perStep.get(fn.id);
  }
}

/**
 * True when an `if` (or conditional expression) between the read and the step loop limits it to some steps: its
 * condition has a modulo, names the loop's own counter (`if i == 0`, `if batch_idx > warmup`), or reads like a
 * logging interval or a debug switch. An `if` that only chooses between code paths that all run every step (`if mode
 * == "train":`, `if model.name in (…)`, `if scaler is not None:`), or only picks the process (a rank check), does not.
 */
export function guardedIn(node: SyntaxNode, loop: SyntaxNode, isBwd: IsBackward = isBackward): boolean {
  const counters = new Set(
    (loop.childForFieldName('left')?.descendantsOfType('identifier') ?? []).map((n) => n?.text ?? ''),
  );
  if (loop.childForFieldName('left')?.type === 'identifier') counters.add(loop.childForFieldName('left')!.text);
  for (let p = node.parent; p && p.id !== loop.id; p = p.parent) {
    if (p.type !== 'if_statement' && p.type !== 'conditional_expression' && p.type !== 'elif_clause') continue;
    // An `if` that holds the backward pass itself picks which update runs (`if (i + 1) % n_critic == 0:` around a
    // GAN's generator step), one that holds the optimizer step is the accumulation boundary: reads in it run with
    // that update, not at a logging interval. So does a modulo true on (nearly) every step (./host-sync-guard.ts).
    if (p.type !== 'conditional_expression' && p.descendantsOfType('call').some((c) => isBwd(c) || isOptimizerStep(c)))
      continue;
    const cond = p.type === 'conditional_expression' ? p.namedChildren[1] : p.childForFieldName('condition');
    if (!cond) return true;
    // A read in the test itself runs whenever the `if` is reached (`if valid_ids[i][j].item() == 1:`): the `if` limits
    // its branches, not its test — unless the read comes after `and`/`or`, evaluated only when the left side lets it
    // (`if step % 10 == 0 and loss.item() > 5:`).
    if (contains(cond, node) && !shortCircuited(node, cond)) continue;
    if (everyStep(cond)) continue;
    const body = p.type === 'conditional_expression' ? p.namedChildren[0] : p.childForFieldName('consequence');
    const inBody = !!body && body.startIndex <= node.startIndex && node.endIndex <= body.endIndex;
    // The `else` of `if is_train:` where another `if is_train:` of the loop runs the backward pass: the evaluation path.
    const same = (i: SyntaxNode | null) => i?.childForFieldName('condition')?.text === cond.text;
    if (
      !inBody &&
      loop.descendantsOfType('if_statement').some((i) => !!i && same(i) && i.descendantsOfType('call').some(isBwd))
    )
      return true;
    // The body of an `if` written with the same condition as another of the step that holds the backward pass or the
    // optimizer step (`if step % D_update_ratio == 0 and step > D_init_iters:` around the generator's update, then
    // again around the reads of its losses): the reads run with that update, as if they were inside its `if`.
    if (
      inBody &&
      loop
        .descendantsOfType('if_statement')
        .some(
          (i) =>
            !!i && i.id !== p.id && same(i) && i.descendantsOfType('call').some((c) => isBwd(c) || isOptimizerStep(c)),
        )
    )
      continue;
    // A switch on in the default run: its body runs every step, its `else`/`elif` branches never do.
    if (switchOn(cond)) {
      if (inBody) continue;
      return true;
    }
    if (someSteps(cond.text.replace(RANK, ''))) return true;
    const ids = cond.type === 'identifier' ? [cond] : cond.descendantsOfType('identifier');
    if (ids.some((id) => id && counters.has(id.text)) || limitLocal(ids, loop)) return true;
  }
  return false;
}

/** `node` in the right operand of an `and`/`or` within `cond`: Python evaluates it only when the left side lets it. */
function shortCircuited(node: SyntaxNode, cond: SyntaxNode): boolean {
  for (let n = node, p = node.parent; p && n.id !== cond.id; n = p, p = p.parent)
    if (p.type === 'boolean_operator' && p.childForFieldName('right')?.id === n.id) return true;
  return false;
}

/** The step scopes of a file, found once per tree (host reads and media logging ask; so, per tree, does hostSyncFact). */
export const stepScopes = (root: SyntaxNode) => treeMemo(root, 'step-scopes', () => new StepScopes(root));
