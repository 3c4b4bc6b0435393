// How long a hand-written training loop runs, read from its own shape: the step budget of a `while` loop or of a
// loop that breaks at a step count, a `for` loop's `range(…)`, and a `while True:` that nothing leaves (used by
// ./python-loop).
import type { SyntaxNode } from '../parse/python';
import { callSite } from '../parse/python-syntax';
import { loopsAround } from './python-scan';
import { unparen } from './accum-global';

/**
 * The step budget of a `while` step loop: `while it < N:` / `while it <= N:`, or `while True:` with a `break` of its
 * own under `if it >= N:` / `it > N` / `it == N` (nanoGPT's `if iter_num > max_iters: break`). The counter must not
 * count epochs. Returns N's node.
 */
export function whileBound(loop: SyntaxNode): SyntaxNode | undefined {
  if (loop.type !== 'while_statement') return undefined;
  const cond = loop.childForFieldName('condition');
  if (!endlessWhile(loop)) return counterBound(cond, /^<=?$/);
  return breakBound(loop);
}

/** `while True:` / `while 1:`. */
export const endlessWhile = (loop: SyntaxNode): boolean =>
  loop.type === 'while_statement' && /^(True|1)$/.test(loop.childForFieldName('condition')?.text ?? '');

/** `counter OP N` with a step counter (`it`, `self.step`, not an epoch counter) on the left: N's node. */
function counterBound(cmp: SyntaxNode | null | undefined, ops: RegExp): SyntaxNode | undefined {
  if (cmp?.type !== 'comparison_operator' || cmp.namedChildren.length !== 2) return undefined;
  const [left, right] = cmp.namedChildren;
  if (!left || !right) return undefined;
  const op = cmp.text.slice(left.endIndex - cmp.startIndex, right.startIndex - cmp.startIndex).trim();
  // `if global_step % t_total == 0: break`: the first multiple of the budget ends the run.
  const modulo =
    left.type === 'binary_operator' && left.childForFieldName('operator')?.text === '%' && right.text === '0';
  const [counter, budget] = modulo ? [left.childForFieldName('left'), left.childForFieldName('right')] : [left, right];
  if (!counter || !budget || !/^(identifier|attribute)$/.test(counter.type) || /epoch/i.test(counter.text))
    return undefined;
  // A bound read from the data (`len(loader)`, `loader.num_batches`) is the end of an epoch, not a step budget.
  if (/\blen\(|loader|dataset/i.test(budget.text)) return undefined;
  if (modulo ? op !== '==' || !ops.test('==') : !ops.test(op)) return undefined;
  return budget;
}

/**
 * The step budget of a loop that leaves by its own `break` under `if counter >= N:` (also `>`, `==`), or by a `return`
 * there (`if global_step >= args.train_steps: return`, which leaves every loop around it at once).
 */
export function breakBound(loop: SyntaxNode): SyntaxNode | undefined {
  for (const b of loop.childForFieldName('body')?.descendantsOfType(['break_statement', 'return_statement']) ?? []) {
    if (!b || loopsAround(b)[0]?.id !== loop.id) continue;
    const guard = b.parent?.type === 'block' ? b.parent.parent : undefined;
    if (guard?.type !== 'if_statement') continue;
    const n = counterBound(guard.childForFieldName('condition'), /^(>=?|==)$/);
    if (n) return n;
  }
  return undefined;
}

/**
 * `while True:` (or `while 1:`) that nothing leaves: no `break` of its own (one inside a nested loop leaves that
 * loop), no `return`, `raise`, `sys.exit()`/`exit()`/`quit()`/`os._exit()` inside it. A training loop of that shape
 * runs until the process is killed. Any way out — a step budget, a time limit, an early stop — keeps it bounded.
 */
export function neverEnds(loop: SyntaxNode): boolean {
  if (loop.type !== 'while_statement' || !/^(True|1)$/.test(loop.childForFieldName('condition')?.text ?? ''))
    return false;
  const body = loop.childForFieldName('body');
  if (!body) return false;
  if (body.descendantsOfType(['return_statement', 'raise_statement']).length > 0) return false;
  if (
    body
      .descendantsOfType('call')
      .some((c) => /^((sys|os)\.)?(_?exit|quit)$/.test(c?.childForFieldName('function')?.text ?? ''))
  )
    return false;
  return !body.descendantsOfType('break_statement').some((b) => !!b && loopsAround(b)[0]?.id === loop.id);
}

/**
 * `for epoch in range(N):` around the update with no batch loop inside it (full-batch training, as graph and PINN
 * scripts do, or an epoch function this reader does not follow): the loop counts epochs, not steps.
 */
export function epochNamedLoop(step: SyntaxNode, bound: SyntaxNode | undefined): boolean {
  const range = step.childForFieldName('right');
  return (
    step.type === 'for_statement' &&
    !!bound &&
    !!range &&
    range.startIndex <= bound.startIndex &&
    bound.endIndex <= range.endIndex &&
    /epoch|^ep$/i.test(step.childForFieldName('left')?.text ?? '')
  );
}

/**
 * A loop bound named for timesteps, iterations, updates or episodes (`range(int(args.max_timesteps))`,
 * `range(args.updates_per_step)`, `range(num_eval_episodes)`) counts those, not passes over the data: never epochs.
 * Around a call whose body is not in view (`aroundCall`), a bound named for steps counts steps too (RAD's and CURL's
 * `for step in range(args.num_train_steps): … agent.update(…)`); around a batch loop of its own, the shape says epochs.
 */
export const notEpochs = (bound: string, aroundCall = false): boolean =>
  /time_?steps?|iters?\b|iterations?|updates?|episodes?|eval/i.test(bound) || (aroundCall && /steps?\b/i.test(bound));

/**
 * Whether a batch loop's break at `budget` ends the run: the counter it compares counts steps over the whole run —
 * not the batch loop's own index (`for step, batch in enumerate(loader)` restarts every epoch), not reset inside the
 * epoch loop.
 */
export function countsAcrossEpochs(budget: SyntaxNode, step: SyntaxNode, epoch: SyntaxNode): boolean {
  // Only under a bounded epoch loop (`for epoch in range(E)`: past the budget each epoch breaks at once), or a
  // `while True:` that something leaves (a `return`, a flag set beside the break: `if break_while: break`), and not at
  // a multiple (`step % 100 == 0` leaves the batch loop every 100 steps, and the epochs go on).
  if (epoch.type !== 'for_statement' && !(endlessWhile(epoch) && !neverEnds(epoch))) return false;
  const cmp = budget.parent;
  const counter = cmp?.type === 'comparison_operator' ? cmp.namedChildren[0] : undefined;
  if (!counter || !/^(identifier|attribute)$/.test(counter.type)) return false;
  const own = step.childForFieldName('left')?.descendantsOfType('identifier') ?? [];
  if (own.some((id) => id?.text === counter.text)) return false;
  // A reset assigns the counter anew; `iter_num = iter_num + 1` (SSL4MIS, MisMatch) counts on, as `+=` does.
  const body = epoch.childForFieldName('body');
  const mentions = (n: SyntaxNode | null) =>
    !!n && (n.text === counter.text || n.descendantsOfType(counter.type).some((x) => x?.text === counter.text));
  return !(body?.descendantsOfType('assignment') ?? []).some(
    (a) => a?.childForFieldName('left')?.text === counter.text && !mentions(a.childForFieldName('right')),
  );
}

/**
 * `for step in progress:` with `progress = range(1, all_steps + 1)` (then maybe `tqdm(progress)`): a loop over a name
 * bound to a range counts steps, not a pass over the data, whatever its bound.
 */
export function overNamedRange(step: SyntaxNode, root: SyntaxNode): boolean {
  const it = step.childForFieldName('right');
  if (it?.type !== 'identifier') return false;
  return root
    .descendantsOfType('assignment')
    .some(
      (a) =>
        a?.childForFieldName('left')?.text === it.text &&
        /^((tqdm\.)?(tqdm|trange)\(\s*)?range\(|^(tqdm\.)?trange\(/.test(a.childForFieldName('right')?.text ?? ''),
    );
}

/**
 * The count a `for` loop's `range(…)` runs (through `tqdm(…)`/`enumerate(…)`, `trange(…)`), as written. `startOf`
 * reads a start the text alone does not settle (`range(args.start_epoch, args.epochs + 1)` with `--start-epoch`
 * defaulting to 1 runs `args.epochs` times).
 */
export const rangeArg = (loop: SyntaxNode, startOf?: (n: SyntaxNode) => unknown): SyntaxNode | undefined =>
  loop.type === 'for_statement' ? rangeOf(loop.childForFieldName('right'), startOf) : undefined;

/**
 * An epoch loop over a name bound once, before it in the same function, to a range (`epochs = trange(args.epochs)`
 * then `for epoch in epochs:` — tqdm's progress bar kept to set its postfix): the count of that range.
 */
export function namedRangeArg(loop: SyntaxNode, startOf?: (n: SyntaxNode) => unknown): SyntaxNode | undefined {
  const it = loop.type === 'for_statement' ? loop.childForFieldName('right') : null;
  if (it?.type !== 'identifier') return undefined;
  let scope: SyntaxNode | null = loop.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  if (!scope) return undefined;
  const bound = scope
    .descendantsOfType('assignment')
    .filter((a): a is SyntaxNode => !!a && a.childForFieldName('left')?.text === it.text);
  if (bound.length !== 1 || bound[0].startIndex > loop.startIndex) return undefined;
  return rangeOf(bound[0].childForFieldName('right'), startOf);
}

function rangeOf(iterable: SyntaxNode | null, startOf?: (n: SyntaxNode) => unknown): SyntaxNode | undefined {
  let right = iterable;
  // `tqdm(range(n), desc=…)`, `enumerate(range(n))`: a progress bar or a counter around the range.
  for (let i = 0; i < 2 && right?.type === 'call'; i++) {
    const w = callSite(right);
    if (!w || !/^(tqdm|tqdm\.tqdm|tqdm\.auto\.tqdm|enumerate)$/.test(w.callee) || w.positional[0]?.type !== 'call')
      break;
    right = w.positional[0];
  }
  const c = right?.type === 'call' ? callSite(right) : undefined;
  // `trange(n)` is tqdm's `tqdm(range(n))`.
  if (c?.callee !== 'range' && !/^(tqdm\.)?trange$/.test(c?.callee ?? '')) return undefined;
  if (!c) return undefined;
  if (c.positional.length === 1) return c.positional[0];
  // `range(1, n + 1)` runs n times: the count is `n`; so does `range(start_epoch + 1, n + 1)` from a resume counter.
  const [start, stop] = c.positional;
  const plusOne = (n: SyntaxNode | undefined) =>
    n?.type === 'binary_operator' &&
    n.childForFieldName('operator')?.text === '+' &&
    n.childForFieldName('right')?.text === '1';
  const fromOne = (n: SyntaxNode | undefined) =>
    n?.text === '1' || (plusOne(n) && /start/i.test(n?.childForFieldName('left')?.text ?? ''));
  if (fromOne(start) && plusOne(stop)) return stop.childForFieldName('left') ?? stop;
  // A start held in a name (`args.start_epoch`): its value when one is known. From 1 up to `n + 1` is `n` passes, from
  // 0 up to `n` is `n`; any other start leaves a count that is no written value.
  const s = start && start.type !== 'integer' && startOf ? startOf(start) : undefined;
  if (s === 1 && plusOne(stop)) return stop.childForFieldName('left') ?? stop;
  if (typeof s === 'number' && s !== 0) return undefined;
  return stop;
}

/**
 * The pass count of a `while` epoch loop that counts its own epochs (VideoPose3D's `epoch = 0` … `while epoch <
 * args.epochs:` … `epoch += 1`; SSAST's and DARTS' `while epoch < args.n_epochs + 1:` from 1; `while epoch <= N:` from
 * 1): the node of N, or undefined when the start the statements before it leave (`epoch = 0`, `a, epoch = 0, 0` then
 * `epoch += 1`, at the loop's own level — a resume inside an `if` is not the default run) does not make N passes.
 */
export function whileEpochCount(loop: SyntaxNode): SyntaxNode | undefined {
  const cond = loop.type === 'while_statement' ? unparen(loop.childForFieldName('condition')) : undefined;
  if (cond?.type !== 'comparison_operator' || cond.namedChildren.length !== 2) return undefined;
  const [counter, bound] = cond.namedChildren;
  if (!counter || !bound || !/^(identifier|attribute)$/.test(counter.type) || !/epoch|^ep$/i.test(counter.text))
    return undefined;
  const op = cond.text.slice(counter.endIndex - cond.startIndex, bound.startIndex - cond.startIndex).trim();
  if (op !== '<' && op !== '<=') return undefined;
  // The loop must count: `epoch += 1` or `epoch = epoch + 1` at the level of its body.
  const steps = (s: SyntaxNode | null | undefined) =>
    (s?.type === 'expression_statement' ? s.namedChildren[0] : undefined) ?? undefined;
  const increments = (loop.childForFieldName('body')?.namedChildren ?? []).some((s) => {
    const a = steps(s);
    const left = a?.childForFieldName('left')?.text;
    const right = a?.childForFieldName('right')?.text.replace(/\s+/g, '');
    return (
      left === counter.text &&
      ((a?.type === 'augmented_assignment' && a.childForFieldName('operator')?.text === '+=' && right === '1') ||
        (a?.type === 'assignment' && right === `${counter.text}+1`))
    );
  });
  if (!increments) return undefined;
  // The start: the statements before the loop in its own block, in order.
  let start: number | undefined;
  for (const s of loop.parent?.namedChildren ?? []) {
    if (!s || s.startIndex >= loop.startIndex) break;
    const a = steps(s);
    if (!a) continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (!left || !right) continue;
    if (a.type === 'augmented_assignment' && left.text === counter.text) {
      start =
        start !== undefined && a.childForFieldName('operator')?.text === '+=' && /^\d+$/.test(right.text)
          ? start + Number(right.text)
          : undefined;
      continue;
    }
    if (a.type !== 'assignment') continue;
    const names = left.type === 'pattern_list' || left.type === 'tuple_pattern' ? left.namedChildren : [left];
    const values = right.type === 'expression_list' || right.type === 'tuple' ? right.namedChildren : [right];
    const i = names.findIndex((n) => n?.text === counter.text);
    if (i < 0) continue;
    const v = names.length === values.length ? values[i]?.text : undefined;
    start = v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
  }
  const plusOne =
    bound.type === 'binary_operator' &&
    bound.childForFieldName('operator')?.text === '+' &&
    bound.childForFieldName('right')?.text === '1';
  if (op === '<=' && start === 1) return bound;
  if (op === '<' && start === 0) return bound;
  if (op === '<' && start === 1 && plusOne) return bound.childForFieldName('left') ?? undefined;
  return undefined;
}

/**
 * `for phase in ['train', 'val']:` between the batch loop and the epoch loop (PyTorch's transfer-learning tutorial,
 * https://pytorch.org/tutorials/beginner/transfer_learning_tutorial.html): a pass over named phases inside each
 * epoch, not a loop of the run's length.
 */
export const phaseLoop = (loop: SyntaxNode): boolean => {
  const it = loop.type === 'for_statement' ? loop.childForFieldName('right') : null;
  return (
    !!it &&
    (it.type === 'list' || it.type === 'tuple') &&
    it.namedChildCount > 0 &&
    it.namedChildren.every((c) => c?.type === 'string')
  );
};
