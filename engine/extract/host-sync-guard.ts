// What a host read in a training step is about (GML404): the names the backward pass is called on, a loss tensor
// passed to a logger, and conditions that limit a read to some steps — the words of an interval or a
// logging switch — and those that look like one but do not: a modulo by 1
// (`iter % log_interval == 0` with `log_interval = 1`, `step % args.gradient_accumulation_steps == 0` whose
// default is 1), a modulo that is true on most steps (`if step % 50:`, `step % 50 != 0`).
import type { SyntaxNode } from '../parse/python';
import { findCalls, type CallSite } from '../parse/python-syntax';
import { ValueResolver } from './python-values';
import { enclosingDef } from './python-params';
import { contains } from './python-scan';
import { nodesOfType } from '../parse/nodes-of-type';
import { addedTerms, returnedLoss } from './host-sync-tensors';

const resolvers = new WeakMap<SyntaxNode, ValueResolver>();
function resolver(root: SyntaxNode): ValueResolver {
  let r = resolvers.get(root);
  if (!r) {
    r = new ValueResolver(root, findCalls(root, root.text, ['add_argument']));
    resolvers.set(root, r);
  }
  return r;
}

const strip = (n: SyntaxNode | null | undefined): SyntaxNode | undefined => {
  let x = n ?? undefined;
  while (x?.type === 'parenthesized_expression' && x.namedChildren.length === 1) x = x.namedChildren[0] ?? undefined;
  return x;
};

/**
 * True when a condition built on a modulo holds on every step, or on all but one step in N, or when it is the
 * accumulation boundary (once per optimizer step).
 */
export function everyStep(cond: SyntaxNode): boolean {
  const c = strip(cond);
  if (!c) return false;
  if (accumulationBoundary(c)) return true;
  if (c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'or')
    return everyStep(c.childForFieldName('left')!) || everyStep(c.childForFieldName('right')!);
  const isMod = (n: SyntaxNode | undefined) =>
    n?.type === 'binary_operator' && n.childForFieldName('operator')?.text === '%';
  // `if step % 50:` — true whenever the step is not a multiple of 50.
  if (isMod(c)) return true;
  if (c.type !== 'comparison_operator' || c.namedChildren.length !== 2) return false;
  const [l, r] = c.namedChildren.map((n) => strip(n));
  const mod = isMod(l) ? l : isMod(r) ? r : undefined;
  if (!mod) return false;
  const op = c.text.slice((l?.endIndex ?? 0) - c.startIndex, (r?.startIndex ?? 0) - c.startIndex).trim();
  if (op === '!=') return true;
  if (op !== '==') return false;
  const n = resolver(mod.tree.rootNode).resolve(mod.childForFieldName('right')).value;
  return n === 1;
}

/**
 * Words of a condition that limits code to some steps: an interval, a logging switch, a loss-scale overflow (a skipped
 * step). Matched per word of the condition's names (`args.log_freq` → args, log, freq; `printFreq` → print, freq), so
 * `torch.cuda.is_available()` (available) or `logits` do not read as `val` or `log`.
 */
const SOME_STEPS_WORD =
  /^(log|logs|logging|logger|print\w*|verbos\w*|debug\w*|steps?|iters?|iteration\w*|interval\w*|freq\w*|every|disp|display\w*|report\w*|\w*writer|wandb|tensorboard|tb\w*|monitor\w*|eval\w*|val|valid\w*|vis|visdom|visual\w*|plot\w*|summar\w*|timing|profil\w*|overflow\w*)$/i;
export const someSteps = (cond: string): boolean =>
  cond.includes('%') ||
  cond
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+|_/)
    .some((w) => SOME_STEPS_WORD.test(w));
/**
 * The gradient-accumulation boundary (`if (step + 1) % args.gradient_accumulation_steps == 0`,
 * `if batch["grad_accum_index"] == args.grad_accum_steps - 1`, accelerate's `if accelerator.sync_gradients`): true
 * once per optimizer step, so a read under it runs on every step of the run. Not when the condition also names an
 * interval or a logging switch (`… and step % args.log_every == 0`).
 */
export function accumulationBoundary(cond: SyntaxNode): boolean {
  const text = cond.text.replace(RANK, '');
  if (!/accum|sync_gradients/i.test(text)) return false;
  const rest = text.replace(/[\w.]*(?:accum|sync_gradients)[\w.]*/gi, ' ');
  return !rest
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+|_/)
    .some((w) => w && !COUNTER_WORD.test(w) && SOME_STEPS_WORD.test(w));
}
/**
 * A logging switch that is on in the default run — `if USE_WANDB:` with `USE_WANDB = True` at the top of the file,
 * `if args.tensorboard:` whose argparse default is True, `if config["enable_tensorboard"]:` on a dict of the command
 * line's options — alone or beside a rank check: what it guards runs on every
 * step, as if no `if` were there. A switch whose value is not known, or is off, still limits the read.
 */
export function switchOn(cond: SyntaxNode): boolean {
  const c = strip(cond);
  if (!c) return false;
  if (c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'and') {
    const parts = [c.childForFieldName('left'), c.childForFieldName('right')];
    const rank = (n: SyntaxNode | null) => !!n && new RegExp(RANK.source, 'i').test(n.text);
    return parts.every((n) => rank(n) || (!!n && switchOn(n))) && parts.some((n) => !rank(n));
  }
  const root = c.tree.rootNode;
  // A name assigned once in the file (a switch flipped inside the loop, `first = False`, is no constant).
  if (c.type === 'identifier')
    return (
      nodesOfType(root, 'assignment').filter((a) => a.childForFieldName('left')?.text === c.text).length === 1 &&
      resolver(root).resolve(c).value === true
    );
  // The options copied into a dict (`config = vars(args)`, `for arg in vars(args): config[arg] = getattr(args, arg)`)
  // and read by key (`if config["enable_tensorboard"]:`): the option's default, unless the code writes that key.
  if (c.type === 'subscript') {
    const obj = c.childForFieldName('value')?.text ?? '';
    const key = /^["'](\w+)["']$/.exec(c.childForFieldName('subscript')?.text ?? '')?.[1];
    if (!key || !/^\w+$/.test(obj)) return false;
    const src = root.text;
    const fromArgs = new RegExp(
      `\\b${obj}\\s*=\\s*(dict\\(\\s*)?vars\\(|\\b${obj}\\[(\\w+)\\]\\s*=\\s*getattr\\(\\s*\\w+\\s*,\\s*\\2\\s*\\)`,
    ).test(src);
    const written = new RegExp(`\\b${obj}\\[\\s*["']${key}["']\\s*\\]\\s*=[^=]`).test(src);
    return fromArgs && !written && resolver(root).declaredDefault(key)?.value === true;
  }
  // A command-line option read through argparse or a dataclass (`args.use_wandb`), not an attribute the code sets.
  if (c.type !== 'attribute') return false;
  const r = resolver(root).resolve(c);
  return r.value === true && !!r.dest;
}
/** The words of a step counter, left once the accumulation names are gone (`(global_step + 1) % … == 0`). */
const COUNTER_WORD = /^(steps?|iters?|iterations?)$/i;

/**
 * Words of a rank check (`if local_rank == 0`, `if accelerator.is_main_process`): it limits the read to one process,
 * not to some steps — that process still waits for its GPU every step, and the others wait for it at the next
 * collective — so they are left out before the words are tested.
 */
export const RANK = /\b\w*(rank|master|main_process|is_main|process_zero)\w*\b/gi;

/** Names `x.backward()` (or `scaler.scale(x).backward()`, `accelerator.backward(x)`) is called on in a loop. */
export function lossNames(loop: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (const c of loop.descendantsOfType('call')) {
    const fn = c?.childForFieldName('function');
    if (!c || !fn) continue;
    const arg0 = c.childForFieldName('arguments')?.namedChildren[0];
    // `accelerator.backward(loss)`, `fabric.backward(loss / n)`, LOMO's `optimizer.fused_backward(loss, lr)`: the loss
    // is the argument, not the object.
    if (/(^|\.)(fused_)?backward$/.test(fn.text) && arg0?.type === 'identifier') out.add(arg0.text);
    else if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'backward') {
      let obj = fn.childForFieldName('object');
      if (obj?.type === 'call') obj = obj.childForFieldName('arguments')?.namedChildren[0] ?? null;
      // `(loss / accum_steps).backward()`: the loss divided by the number of micro-batches.
      obj = strip(obj) ?? null;
      if (obj?.type === 'binary_operator') obj = strip(obj.childForFieldName('left')) ?? null;
      // `loss.backward()`, and a module's `self.loss_G.backward()`.
      if (obj?.type === 'identifier' || (obj?.type === 'attribute' && /^self\.\w+$/.test(obj.text))) out.add(obj.text);
    }
  }
  for (const n of returnedLoss(loop)) out.add(n);
  return out;
}

/**
 * The tensors a step computes that a logger may be handed: the loss `backward()` is called on (lossNames), the terms
 * summed into it when each is assigned from a call in the step (`dur_loss, prior_loss = model.compute_loss(x)` …
 * `loss = sum([dur_loss, prior_loss])`, `loss = l1 + l2`), and the total norm `clip_grad_norm_` returns (a tensor on
 * the gradients' device since PyTorch 1.5). A term written as a product (`kl_weight * kl`) is not taken: either
 * factor may be a Python number.
 */
export function stepTensors(loop: SyntaxNode): Set<string> {
  const out = lossNames(loop);
  const fromCall = new Set<string>();
  const sums: SyntaxNode[] = [];
  for (const a of loop.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = strip(a?.childForFieldName('right'));
    if (!left || right?.type !== 'call') continue;
    const names =
      left.type === 'identifier' ? [left] : /pattern_list|tuple_pattern/.test(left.type) ? left.namedChildren : [];
    for (const n of names) if (n?.type === 'identifier') fromCall.add(n.text);
    if (left.type === 'identifier' && /(^|\.)clip_grad_norm_?$/.test(right.childForFieldName('function')?.text ?? ''))
      out.add(left.text);
  }
  for (const a of loop.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && out.has(left.text) && right) sums.push(right);
  }
  const terms = (n: SyntaxNode | undefined): SyntaxNode[] => {
    const x = strip(n);
    if (!x) return [];
    if (x.type === 'identifier') return [x];
    const op = x.type === 'binary_operator' ? x.childForFieldName('operator')?.text : undefined;
    if (op === '+' || op === '-')
      return [...terms(x.childForFieldName('left') ?? undefined), ...terms(x.childForFieldName('right') ?? undefined)];
    // `(l1 + l2) / 2`: the terms of the sum divided.
    if (op === '/') return terms(x.childForFieldName('left') ?? undefined);
    const arg =
      x.type === 'call' && x.childForFieldName('function')?.text === 'sum'
        ? x.childForFieldName('arguments')?.namedChildren
        : undefined;
    const only = arg?.length === 1 ? arg[0] : undefined;
    const list = only && /^(list|tuple)$/.test(only.type) ? only.namedChildren : [];
    return list.flatMap((e) => terms(e ?? undefined));
  };
  for (const s of sums) for (const t of terms(s)) if (fromCall.has(t.text)) out.add(t.text);
  for (const n of addedTerms(loop, out, fromCall)) out.add(n);
  // `mean_loss = loss.detach().mean()`: still a tensor on the device (not `.item()`, `.cpu()`, `.tolist()`).
  for (const a of loop.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    let x = strip(a?.childForFieldName('right'));
    if (left?.type !== 'identifier') continue;
    let kept = false;
    const method = (n: SyntaxNode | undefined) => {
      const f = n?.type === 'call' ? n.childForFieldName('function') : null;
      return f?.type === 'attribute' ? f : undefined;
    };
    for (let f = method(x); f && TENSOR_KEEPING.test(f.childForFieldName('attribute')?.text ?? ''); f = method(x)) {
      kept = true;
      x = strip(f.childForFieldName('object'));
    }
    if (kept && x?.type === 'identifier' && out.has(x.text)) out.add(left.text);
  }
  for (const n of derivedTensors(loop, out)) out.add(n);
  return out;
}

/** A network called in the step (`out, _ = model(x)`, `logits = self.net(x)`): its outputs are on the device. */
const NETWORK = /^(self\.)?\w*(model|net|generator|discriminator|encoder|decoder)\w*(\.module)?$/i;
/** A tensor made on the GPU in the step (`total = torch.tensor(0.).cuda(rank)`, `torch.zeros(1, device="cuda")`). */
const MADE_ON_GPU =
  /^torch\.(tensor|zeros|ones|full|empty|zeros_like|ones_like)\s*\([\s\S]*(\.cuda\s*\(|device\s*=\s*['"]?cuda)/;
/** Tensor methods whose result is a tensor again (on the same device): reductions, comparisons, casts. */
const TENSOR_RESULT =
  /^(detach|clone|mean|sum|float|double|half|long|int|bool|squeeze|unsqueeze|view|reshape|flatten|abs|sqrt|max|min|argmax|argmin|topk|eq|ne|gt|lt|ge|le|softmax|log_softmax|sigmoid|exp|log|norm)$/;

/**
 * Tensors derived on the device from the step's tensors and from what its network returns, in the order they are
 * assigned: `_, pred = out.max(1)`, `correct = (pred == target).float()`, `accuracy = correct.sum() / n` — and
 * tensors the step makes on the GPU itself (an accumulator `torch.tensor(0.).cuda()` to which reads are added: a CUDA
 * tensor plus a float is a CUDA tensor). Not a value read off the device (`.item()`, `.cpu()`, `.tolist()`, `.size()`,
 * `.shape`): those are host values.
 */
function derivedTensors(loop: SyntaxNode, known: Set<string>): Set<string> {
  const out = new Set<string>();
  const host = new Set<string>();
  const has = (name: string) => known.has(name) || out.has(name);
  const tensor = (n: SyntaxNode | null | undefined): boolean => {
    const x = strip(n);
    if (!x) return false;
    if (x.type === 'identifier') return has(x.text);
    if (x.type === 'subscript') return tensor(x.childForFieldName('value'));
    if (x.type === 'binary_operator')
      return tensor(x.childForFieldName('left')) || tensor(x.childForFieldName('right'));
    if (x.type === 'comparison_operator') return x.namedChildren.some((c) => tensor(c));
    if (x.type !== 'call') return false;
    const fn = x.childForFieldName('function');
    if (fn?.type === 'attribute' && TENSOR_RESULT.test(fn.childForFieldName('attribute')?.text ?? ''))
      return tensor(fn.childForFieldName('object'));
    return false;
  };
  for (const a of loop.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = strip(a?.childForFieldName('right'));
    if (!left || !right) continue;
    const names =
      left.type === 'identifier' ? [left] : /pattern_list|tuple_pattern/.test(left.type) ? left.namedChildren : [];
    const callee = right.type === 'call' ? (right.childForFieldName('function')?.text ?? '') : '';
    const fromNet = right.type === 'call' && NETWORK.test(callee);
    const made = left.type === 'identifier' && MADE_ON_GPU.test(right.text);
    const device = fromNet || made || tensor(right);
    for (const n of names) if (n?.type === 'identifier' && n.text !== '_') (device ? out : host).add(n.text);
  }
  // A name also bound to a host value in the step (`acc = acc.item()`) may be either when it is read: not taken.
  for (const n of host) out.delete(n);
  return out;
}

/** Tensor methods whose result is a tensor on the same device. */
const TENSOR_KEEPING = /^(detach|clone|mean|sum|float|double|half|squeeze|unsqueeze|view|reshape|flatten|abs|sqrt)$/;

/** A name of `names` itself as an argument (not `loss.item()`, `loss.shape`) inside a print/log call: that name. */
export function passesTensor(call: CallSite, names: Set<string>): string | undefined {
  return call.argList.descendantsOfType(['identifier', 'attribute']).find((id) => {
    if (!id || !names.has(id.text)) return false;
    const p = id.parent;
    return (
      !!p &&
      ['argument_list', 'interpolation', 'keyword_argument', 'pair', 'binary_operator', 'tuple'].includes(p.type) &&
      !(p.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id)
    );
  })?.text;
}

/**
 * `if torch.isnan(loss):`, `assert torch.isfinite(loss).all()`, `while loss.isinf().any():`, `math.isnan(grad_norm)`: a
 * tensor check whose truth value a condition takes is copied to the host (Python's `bool` of a CUDA tensor waits for
 * the GPU). Returns the tensor checked, when it is one the step computed (`value`); a check used as a tensor
 * (`loss[torch.isnan(loss)]`, `torch.where(…)`) stays on the device.
 */
export function truthRead(call: CallSite, value: RegExp): string | undefined {
  // `math.isnan(grad_norm)`: Python's math functions take a float, so a tensor is read to the host wherever the call
  // is — not a name the file assigns a host number (`grad_norm = clip_grad_norm_(…).item()`: that read is the `.item()`).
  if (/^math\.(isnan|isinf|isfinite)$/.test(call.callee)) {
    const arg = call.positional[0]?.text ?? '';
    const host = call.node.tree.rootNode
      .descendantsOfType('assignment')
      .some(
        (a) =>
          a?.childForFieldName('left')?.text === arg &&
          /\.(item|tolist|cpu|numpy)\(\)|\b(float|int)\(/.test(a.childForFieldName('right')?.text ?? ''),
      );
    return /^[\w.]+$/.test(arg) && value.test(arg) && !host ? arg : undefined;
  }
  const m = /^torch\.(isnan|isinf|isfinite)$|^(.+)\.(isnan|isinf|isfinite)$/.exec(call.callee);
  const checked = m?.[1] ? call.positional[0]?.text : m?.[2];
  if (!checked || checked.startsWith('torch') || !value.test(checked)) return undefined;
  let n: SyntaxNode = call.node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === 'assert_statement') return checked;
    if (['if_statement', 'elif_clause', 'while_statement'].includes(p.type))
      return p.childForFieldName('condition')?.id === n.id ? checked : undefined;
    // `.any()`, `.all()`, `not …`, `… or …`, parentheses: still the condition's value.
    const wraps =
      ['not_operator', 'boolean_operator', 'parenthesized_expression'].includes(p.type) ||
      (p.type === 'attribute' && /^(any|all)$/.test(p.childForFieldName('attribute')?.text ?? '')) ||
      (p.type === 'call' && p.childForFieldName('function')?.id === n.id);
    if (!wraps) return undefined;
  }
  return undefined;
}

/**
 * `for image, target in loader: … [label.tolist() for label in target]`: the batch as the loader yields it, read
 * before the loop moves it anywhere (no `target = target.to(device)` above the read), is host data: no wait.
 */
export function loaderData(call: CallSite, loop: SyntaxNode): boolean {
  let name = call.callee.replace(/\.\w+$/, '');
  if (!/^\w+$/.test(name) || loop.type !== 'for_statement') return false;
  // A comprehension's variable over the batch: the batch is what is read.
  for (let p = call.node.parent; p && p.id !== loop.id; p = p.parent)
    for (const clause of p.type.endsWith('comprehension') || p.type === 'generator_expression' ? p.namedChildren : [])
      if (clause?.type === 'for_in_clause' && clause.childForFieldName('left')?.text === name) {
        const over = clause.childForFieldName('right');
        name = over?.type === 'identifier' ? over.text : '';
      }
  const batch = loop.childForFieldName('left')?.descendantsOfType('identifier') ?? [];
  if (!name || !batch.some((n) => n?.text === name)) return false;
  const body = loop.childForFieldName('body');
  return !body?.descendantsOfType(['assignment', 'augmented_assignment']).some(
    (a) =>
      !!a &&
      a.startIndex < call.node.startIndex &&
      !!a
        .childForFieldName('left')
        ?.descendantsOfType('identifier')
        .some((n) => n?.text === name),
  );
}

/** A loss function called by name: `F.cross_entropy(…)`, `nn.MSELoss()(…)`, a module's `self.criterion(…)`. */
const LOSS_CALL =
  /(^|\.)(cross_entropy|binary_cross_entropy(_with_logits)?|nll_loss|mse_loss|l1_loss|smooth_l1_loss|kl_div|ctc_loss|criterion|loss_fn|loss_fct|compute_loss)$/;

/**
 * A model's `forward` that computes the training loss itself (`loss = F.cross_entropy(logits, labels)` … `return
 * loss, …`): the training step calls it once per step (MoCo-style contrastive models, models that return their loss),
 * so what its own body reads runs every step.
 */
export function lossForward(fn: SyntaxNode): boolean {
  if (fn.childForFieldName('name')?.text !== 'forward' || fn.parent?.parent?.type !== 'class_definition') return false;
  const body = fn.childForFieldName('body');
  if (!body) return false;
  const loss = body.descendantsOfType('assignment').some((a) => {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    return (
      left?.type === 'identifier' &&
      /loss/i.test(left.text) &&
      right?.type === 'call' &&
      LOSS_CALL.test(right.childForFieldName('function')?.text ?? '')
    );
  });
  const returned = body
    .descendantsOfType('return_statement')
    .some((r) => !!r && enclosingDef(r)?.id === fn.id && /\bloss\b/.test(r.text));
  return loss && returned;
}

/**
 * Calls that format or convert what they are given on the host: print, float, loggers (W&B, TensorBoard, MLflow,
 * Python's logging, accelerate's tracker), progress-bar text. Lightning's `self.log` is not one (it accumulates on
 * the device).
 */
export const LOGGERS =
  /^(print|[\w.]*(accelerator|fabric)\.print|float|wandb\.log|run\.log|[\w.]*\.add_scalars?|[\w.]*\.set_postfix|[\w.]*\.set_description|tqdm\.write|[\w.]*logger\.(info|debug|warning)|logging\.(info|debug|warning)|mlflow\.log_metrics?|[\w.]*accelerator\.log)$/;

/** Helpers named for a conversion to a host value (a project's `utils.to_item`, `to_np`, `to_numpy`). */
export const HOST_HELPERS = ['to_item', 'to_scalar', 'to_python_float', 'to_np', 'to_numpy', 'tensor2numpy'];
/** A value the step computed: the loss, outputs, predictions, accuracies, norms. */
export const STEP_VALUE = /loss|out|pred|logit|acc|norm|grad|score/i;

/**
 * A name in a condition that the step assigns an interval (`early_phase = batch_idx % freq == 0 and step < 2000` …
 * `if early_phase or late_phase:`): the condition limits code to some steps like the interval written out. Not an
 * accumulation boundary or a modulo true on nearly every step (everyStep), and not a name assigned anything else too.
 */
export function limitLocal(ids: (SyntaxNode | null)[], scope: SyntaxNode): boolean {
  const names = new Set(ids.map((i) => i?.text ?? ''));
  const rhs = new Map<string, SyntaxNode[]>();
  for (const a of scope.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type !== 'identifier' || !right || !names.has(left.text)) continue;
    rhs.set(left.text, [...(rhs.get(left.text) ?? []), right]);
  }
  return [...rhs.values()].some((rs) =>
    rs.every((r) => !everyStep(r) && /%/.test(r.text) && someSteps(r.text.replace(RANK, ''))),
  );
}

/**
 * `labels = labels.to(device)` (or `.cuda()`, or `torch.tensor(labels, device=device)`) earlier in the step loop: the
 * name holds a tensor on the GPU, so a later `labels.cpu()` in the same step copies it back and waits for the GPU.
 */
export function movedToDevice(name: string, read: SyntaxNode, loop: SyntaxNode): boolean {
  if (!/^\w+$/.test(name)) return false;
  return loop.descendantsOfType('assignment').some((a) => {
    if (!a || a.endIndex > read.startIndex) return false;
    const right = movedValue(a.childForFieldName('left'), a.childForFieldName('right'), name);
    const callee = right?.type === 'call' ? (right.childForFieldName('function')?.text ?? '') : '';
    const args = right?.childForFieldName('arguments');
    const onDevice = (t: string) => /device|cuda|gpu|rank/i.test(t);
    // `labels = torch.tensor(labels, device=device)`: made on the device from host data.
    const made =
      /^torch\.(tensor|as_tensor|zeros|ones|full|empty|arange)$/.test(callee) &&
      (args?.namedChildren ?? []).some(
        (a) =>
          a?.type === 'keyword_argument' &&
          a.childForFieldName('name')?.text === 'device' &&
          onDevice(a.childForFieldName('value')?.text ?? ''),
      );
    return made || /\.cuda$/.test(callee) || (/\.to$/.test(callee) && onDevice(args?.text ?? ''));
  });
}

/**
 * The value an assignment gives `name`: `labels = …`, or its element of a tuple assigned element by element
 * (`data, target = data.to(device), target.to(device)`, the PyTorch MNIST example's step:
 * https://github.com/pytorch/examples/blob/main/mnist/main.py).
 */
function movedValue(left: SyntaxNode | null, right: SyntaxNode | null, name: string): SyntaxNode | undefined {
  if (!left || !right) return undefined;
  if (left.type === 'identifier') return left.text === name ? right : undefined;
  if (!/pattern_list|tuple_pattern/.test(left.type) || !/expression_list|tuple/.test(right.type)) return undefined;
  const names = left.namedChildren;
  const values = right.namedChildren;
  if (names.length !== values.length) return undefined;
  const i = names.findIndex((n) => n?.type === 'identifier' && n.text === name);
  return i >= 0 ? (values[i] ?? undefined) : undefined;
}

/**
 * `name` handed over as a value somewhere outside `fn` (`register(train_step)`, `Engine(self.update)`): not a call of
 * it, and not another object's attribute of the same name (`results.update(…)` is a dict's).
 */
export function handedOver(root: SyntaxNode, fn: SyntaxNode, name: string): boolean {
  return nodesOfType(root, 'identifier').some((id) => {
    if (!id || id.text !== name || contains(fn, id)) return false;
    let ref: SyntaxNode = id;
    const p = id.parent;
    if (p?.type === 'attribute') {
      if (p.childForFieldName('attribute')?.id !== id.id) return false;
      if (!/^(self|cls)$/.test(p.childForFieldName('object')?.text ?? '')) return false;
      ref = p;
    } else if (p?.type === 'function_definition' || p?.type === 'keyword_argument') return false;
    return !(ref.parent?.type === 'call' && ref.parent.childForFieldName('function')?.id === ref.id);
  });
}

/** `return name` in the body of `factory` itself (not of a function nested deeper). */
export function returnedBy(factory: SyntaxNode, name: string): boolean {
  return factory
    .descendantsOfType('return_statement')
    .some((r) => !!r && r.namedChildren[0]?.text === name && enclosingDef(r)?.id === factory.id);
}
