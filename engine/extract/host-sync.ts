// Host-device synchronisations on every training step: a GPU value read on the host inside the loop that runs the
// backward pass — `loss.item()`, `.cpu()`, `.tolist()`, and the loss tensor itself printed or logged (`print(loss)`,
// `print(f"{loss}")`, `wandb.log({"loss": loss})`, `writer.add_scalar("loss", loss, step)`, `float(loss)`,
// `pbar.set_postfix(loss=loss)`), each of which copies the tensor to the host and waits for the GPU (PyTorch
// Performance Tuning Guide, "Avoid unnecessary CPU-GPU synchronization"). Per step means: the innermost loop around
// the read runs the backward pass itself (a read after the batch loop, once per epoch, is not per step), and no `if`
// between the read and that loop limits it to some steps (a logging interval, a rank check; see guardedIn). A step
// may also be a function of the file — `loss = train_step(batch)` in the loop, ignite's `Engine(step)`, Lightning's
// `training_step`: reads in its own body, outside any loop of its, are per step too (see StepScopes).
import type { SyntaxNode } from '../parse/python';
import {
  everyStep,
  handedOver,
  HOST_HELPERS,
  loaderData,
  movedToDevice,
  LOGGERS,
  lossForward,
  limitLocal,
  lossNames,
  passesTensor,
  RANK,
  returnedBy,
  someSteps,
  switchOn,
  STEP_VALUE,
  stepTensors,
  truthRead,
} from './host-sync-guard';
import { comparedTensors, detachedArgument, legacyReads, toHost } from './host-sync-tensors';
import { enclosingDef } from './python-params';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { contains, isBackwardCall, loopsAround } from './python-scan';
import { calleeOf, calleeTexts, defNameOf, nodesOfType, treeMemo } from '../parse/nodes-of-type';

/**
 * The update of a step: PyTorch's backward pass (./python-scan isBackwardCall: `loss.backward()`, `manual_backward`, a
 * loss scaler run on the loss and the optimizer, LOMO's `fused_backward`), and the gradient update of Flax
 * (`state.apply_gradients`) and optax.
 */
/** The callee names `isBackward` can accept: a cheap test first, on a file that may hold thousands of calls. */
const BACKWARD_NAME = /(backward|scaler|apply_gradients|apply_updates)$/i;
const isBackward = (c: SyntaxNode | null): c is SyntaxNode => {
  if (!c) return false;
  return (
    isBackwardCall(c) || /(^|\.)(apply_gradients|apply_updates)$/.test(c.childForFieldName('function')?.text ?? '')
  );
};

type IsBackward = (c: SyntaxNode | null) => c is SyntaxNode;

/**
 * The backward pass of this file: `isBackward`, or a call of a function of the file whose own body runs it (a GAN
 * trainer's `backwards(loss, optimizer)` wrapping apex's scaled loss, a `def backward_G(self): … loss.backward()`).
 */
function backwardOf(root: SyntaxNode, calls: readonly SyntaxNode[], callee: (c: SyntaxNode) => string): IsBackward {
  const helpers = new Set<string>();
  for (const c of calls) {
    if (!BACKWARD_NAME.test(callee(c)) || !isBackward(c)) continue;
    // A function that runs the backward pass in a loop of its own (`def train(…): for x, y in loader: …
    // loss.backward()`) is a whole epoch of steps, not one backward pass: a loop calling it is an epoch loop.
    const fn = enclosingDef(c);
    const name = fn?.childForFieldName('name')?.text;
    if (fn && name && !loopsAround(c).some((l) => contains(fn, l))) helpers.add(name);
  }
  // Aliases (`bwd = partial(loss_backwards, fp16)`, `bwd = loss_backwards`) where a helper is named but not called.
  if ([...helpers].some((h) => new RegExp(`\\b${h}\\b(?![ \\t]*\\()`).test(root.text)))
    for (const a of nodesOfType(root, 'assignment')) {
      const left = a?.childForFieldName('left');
      const right = a?.childForFieldName('right');
      if (left?.type !== 'identifier' || !right) continue;
      const target =
        right.type === 'identifier'
          ? right.text
          : right.type === 'call' && /^(functools\.)?partial$/.test(right.childForFieldName('function')?.text ?? '')
            ? right.childForFieldName('arguments')?.namedChildren[0]?.text
            : undefined;
      if (target && helpers.has(target)) helpers.add(left.text);
    }
  return (c): c is SyntaxNode => {
    if (!c) return false;
    const f = callee(c);
    if (BACKWARD_NAME.test(f) && isBackward(c)) return true;
    const name = OWN_CALLEE.exec(f)?.[1];
    return !!name && helpers.has(name);
  };
}

/**
 * `for _ in range(grad_accum_every)`, `for i in accumulate_contexts(self.gradient_accumulate_every, …)`: a loop over the
 * micro-batches of one step (gradient accumulation).
 */
const ACCUMULATION_LOOP = /^for\b[^:]*\bin\s+[\w.]+\s*\([^:]*accum/i;

/**
 * Functions of this file that are one training step each: their own body runs the backward pass outside any loop of
 * theirs (`def train_step(engine, batch): … loss.backward()`), or they are a framework's per-step hook, which runs
 * the backward pass itself (Lightning `training_step`, a Trainer subclass's `compute_loss`).
 */
function stepFunctions(
  root: SyntaxNode,
  isBwd: IsBackward,
  calls: readonly SyntaxNode[],
  callee: (c: SyntaxNode) => string,
): SyntaxNode[] {
  // The backward passes and optimizer steps, each under the function whose own body holds it: one pass over the
  // file's calls, not one per function (a file may hold thousands of calls).
  const own = new Map<number, SyntaxNode[]>();
  for (const c of calls) {
    if (!isBwd(c) && !optimizerStepName(callee(c))) continue;
    const fn = enclosingDef(c);
    if (!fn) continue;
    const list = own.get(fn.id);
    if (list) list.push(c);
    else own.set(fn.id, [c]);
  }
  const out: SyntaxNode[] = [];
  for (const fn of nodesOfType(root, 'function_definition')) {
    const name = fn && defNameOf(fn);
    if (!fn || !name) continue;
    const hook = HOOK.test(name) && fn.parent?.parent?.type === 'class_definition';
    // Its own body runs the backward pass, or the optimizer step (a step whose backward passes sit in loops over
    // discriminator steps or micro-batches: `for _ in range(n_accum): loss.backward()` then `G.optim.step()`).
    const steps = (own.get(fn.id) ?? []).some((c) => !loopsAround(c).some((l) => contains(fn, l)));
    if (hook || steps) out.push(fn);
  }
  return out;
}

const HOOK = /^(training_step|compute_loss)$/;

/** Words one of which a file that runs a training step must hold (isBackward, optimizerStepName, HOOK). */
const STEP_WORDS = /backward|scaler|apply_gradients|apply_updates|\.step\b|training_step|compute_loss/i;
/** Or a model's `forward` that computes the training loss (lossForward). */
const FORWARD_LOSS_WORDS = /def\s+forward\s*\(/;

/** The name a call of a function of this file goes by: `name(…)`, `self.name(…)`, `cls.name(…)`; else undefined. */
const OWN_CALLEE = /^(?:(?:self|cls)\.)?(\w+)$/;

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
      if (HOOK.test(name) || engine || module || callers.some((c) => loopsAround(c).length > 0))
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

/** `optimizer.step()`, `opt_g.step()`, `scaler.step(optimizer)`: the update of a training step (not a scheduler's). */
const optimizerStepName = (f: string): boolean =>
  /(^|[._])(optim\w*|opt\w*|scaler)\.step$/i.test(f) && !/sched/i.test(f);
const isOptimizerStep = (c: SyntaxNode | null): boolean => !!c && optimizerStepName(calleeOf(c));

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

interface Read {
  node: SyntaxNode;
  value: string;
  note: string;
}

/** The step scopes of a file, found once per tree (host reads and media logging ask; so, per tree, does hostSyncFact). */
export const stepScopes = (root: SyntaxNode) => treeMemo(root, 'step-scopes', () => new StepScopes(root));
/**
 * Every host read of a GPU value on every training step, in file order, one per line (a line that reads twice is one
 * thing to fix). Each is reported: a reviewer — and a user fixing them one by one — sees `loss_a.item()` and
 * `loss_b.item()` two lines apart as two waits.
 */
export function hostSyncReads(root: SyntaxNode, text: string): Read[] {
  const calls = findCalls(root, text, [
    'item',
    'cpu',
    'to',
    'tolist',
    'print',
    'float',
    'log',
    'add_scalar',
    'add_scalars',
    'set_postfix',
    'set_description',
    'write',
    'info',
    'debug',
    'warning',
    'log_metric',
    'log_metrics',
    'synchronize',
    'isnan',
    'isinf',
    'isfinite',
    ...HOST_HELPERS,
  ]);
  const scopes = stepScopes(root);
  const rl = /\benv\w*\.step\s*\(|\bgym\b|\bgymnasium\b/;
  const perStep = (node: SyntaxNode): SyntaxNode | undefined => {
    const loop = scopes.scopeOf(node);
    if (!loop || guardedIn(node, loop, scopes.isBwd)) return undefined;
    // Reinforcement learning: the action must reach a CPU environment every step (`env.step(action.item())`), so
    // the read is the algorithm, not waste. A step function may be fed by an environment elsewhere in the file.
    if (rl.test(loop.text) || (loop.type === 'function_definition' && rl.test(text))) return undefined;
    return loop;
  };
  const out: Read[] = [];
  // The step's tensors, found once per step loop (a loop may hold thousands of calls).
  const tensorsOf = new Map<number, Set<string>>();
  const tensors = (loop: SyntaxNode) =>
    tensorsOf.get(loop.id) ?? tensorsOf.set(loop.id, stepTensors(loop)).get(loop.id)!;
  for (const c of calls) {
    // A helper whose name says it converts to a host value (`utils.to_item(loss.data)`, `to_np(pred)`), given a
    // value the step computed: the same read, one call away.
    const helper =
      HOST_HELPERS.includes(c.name) && c.positional.length === 1 && STEP_VALUE.test(c.positional[0]?.text ?? '');
    // `loss.to('cpu')` is `loss.cpu()` (./host-sync-tensors toHost).
    const read =
      helper ||
      (['item', 'cpu', 'tolist'].includes(c.name) && c.positional.length === 0 && c.callee.includes('.')) ||
      toHost(c);
    const logger = LOGGERS.test(c.callee);
    // `if torch.isnan(loss):` (./host-sync-guard truthRead).
    const truth = truthRead(c, STEP_VALUE);
    if (truth && perStep(c.node))
      out.push({ node: c.node, value: `if ${c.callee}(…)`, note: `${c.callee}(${truth}) tested on every step` });
    if (truth) continue;
    // `torch.cuda.synchronize()`: the wait itself, written out.
    const sync = /(^|\.)cuda\.synchronize$/.test(c.callee);
    if (!read && !logger && !sync) continue;
    const loop = perStep(c.node);
    if (!loop) continue;
    if (sync)
      out.push({
        node: c.node,
        value: `${c.callee}()`,
        note: `${c.callee}() on every training step waits for the GPU`,
      });
    else if (read) {
      // `.cpu()` on a module or on data that has not been to the GPU (`x.cpu()` before `.to(device)`) is no sync;
      // only reads of values computed in the step are taken: the loss (by name, or the tensor `backward()` is called
      // on: `c.backward()` … `c.data.cpu()`), outputs, predictions.
      // A gradient (`param.grad.abs().mean().cpu()`) is on the parameter's device, filled by the backward pass.
      const stepValue = /loss|out|pred|logit|acc|y_hat|score|\.grad\b/i.test(c.callee);
      const base = c.callee.split('.')[0] ?? '';
      const copy = c.name === 'cpu' || c.name === 'to';
      if (copy && !stepValue && !tensors(loop).has(base) && !movedToDevice(base, c.node, loop)) continue;
      if (!helper && loaderData(c, loop)) continue;
      out.push({
        node: c.node,
        value: helper ? `${c.callee}(…)` : c.name === 'to' ? c.node.text : `${c.callee}()`,
        note: `${c.name === 'to' ? c.node.text : `${c.callee}()`} on every training step waits for the GPU`,
      });
    } else {
      const name = passesTensor(c, tensors(loop)) ?? detachedArgument(c);
      if (name)
        out.push({
          node: c.node,
          value: c.node.text.length <= 40 ? c.node.text : `${c.callee}(…)`,
          note: `${c.callee}(…) of ${lossNames(loop).has(name) ? 'the loss tensor' : `the tensor ${name}`} on every training step copies it to the host and waits for the GPU`,
        });
    }
  }
  // `loss.data[0]` (PyTorch ≤ 0.3) and `if loss > best:` (./host-sync-tensors).
  out.push(...legacyReads(root, text, perStep), ...comparedTensors(root, perStep, tensors));
  // A read in a helper the step calls (`grad_norm = clip_gradients(model)` returning `….item()`) is reported twice:
  // on its own line, where the fix goes, naming the call that makes it per step; and on that call in the step, which
  // is what runs every step and where a fix may decide how often to read (one finding per call, naming its reads).
  const bySite = new Map<number, { site: SyntaxNode; reads: Read[] }>();
  for (const r of out) {
    const site = scopes.siteOf(r.node);
    if (!site) continue;
    const entry = bySite.get(site.id);
    if (entry) entry.reads.push({ ...r });
    else bySite.set(site.id, { site, reads: [{ ...r }] });
    const name = site.childForFieldName('function')?.text ?? 'helper';
    const line = site.startPosition.row + 1;
    const fn = enclosingDef(r.node)?.childForFieldName('name')?.text ?? name;
    Object.assign(r, {
      value: `${r.value} in ${fn}(…), which the training step calls at line ${line},`,
      note: `${r.note} (${fn}(…) is called by the training step at line ${line})`,
    });
  }
  for (const { site, reads } of bySite.values()) {
    const name = site.childForFieldName('function')?.text ?? 'helper';
    reads.sort((a, b) => a.node.startIndex - b.node.startIndex);
    const rows = [...new Set(reads.map((r) => r.node.startPosition.row + 1))];
    const where = rows.length > 1 ? `lines ${rows[0]}–${rows[rows.length - 1]}` : `line ${rows[0]}`;
    const first = reads[0];
    if (!first) continue;
    const more = reads.length > 1 ? ` and ${reads.length - 1} more read${reads.length > 2 ? 's' : ''}` : '';
    out.push({
      node: site,
      value: `${name}(…), which runs ${first.value}${more} (${where}),`,
      note: `${name}(…) runs ${first.value}${more} (${where})`,
    });
  }
  out.sort((a, b) => a.node.startIndex - b.node.startIndex);
  const lines = new Set<number>();
  return out.filter((r) => !lines.has(r.node.startPosition.row) && !!lines.add(r.node.startPosition.row));
}

export function hostSyncFact(file: string, root: SyntaxNode, text: string): Fact | undefined {
  const [first, ...rest] = treeMemo(root, 'host-sync', () => hostSyncReads(root, text));
  if (!first) return undefined;
  return {
    key: 'host_sync',
    value: first.value,
    origin: 'explicit',
    file,
    span: spanOf(first.node),
    note: first.note,
    ...(rest.length ? { also: rest.map((r) => ({ span: spanOf(r.node), value: r.value, note: r.note })) } : {}),
  };
}
