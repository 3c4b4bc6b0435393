// Evaluation in a hand-written training loop: a validation pass in the epoch loop and whether anything stops early
// (GML601), and an evaluation every N steps inside the step loop (GML701).
import type { SyntaxNode } from '../parse/python';
import { spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { contains, loopsAround, moduloGuard } from './python-scan';
import type { ValueResolver } from './python-values';
import { nodesOfType, treeMemo } from '../parse/nodes-of-type';
import { otherEvalBlocks } from './eval-blocks';
import { takenByDefault } from './python-branch';

/** A call that evaluates the model: `evaluate(…)`, `validate(…)`, `val_epoch(…)`, `test(…)`, `model.eval()`. */
const EVAL_CALL = /(^|_)(eval|evaluate|evaluation|valid|validate|validation|val|test)(_|$)/i;

/**
 * A function that evaluates whatever its name (nanoGPT's `estimate_loss`): decorated with
 * `torch.no_grad()`/`torch.inference_mode()` (or running under them) and looping over batches (a loop or a
 * comprehension), or switching a model to `.eval()` and looping, with no backward pass of its own. With `byName`,
 * also a function named for evaluation (`evaluate`, `test`, `validate`, …) with no backward pass.
 */
export function evaluatesOnly(fn: SyntaxNode, byName = false): boolean {
  const name = fn.childForFieldName('name')?.text;
  const body = fn.childForFieldName('body');
  if (!name || !body) return false;
  const decorated =
    fn.parent?.type === 'decorated_definition' ? fn.parent.text.slice(0, fn.startIndex - fn.parent.startIndex) : '';
  // Neither `no_grad`/`inference_mode` nor `.eval` anywhere: no test below can pass (a cheap text test first, as most
  // functions of a long file are neither).
  if (!byName && !/\b(no_grad|inference_mode)\b/.test(decorated) && !/no_grad|inference_mode|\.eval/.test(body.text))
    return false;
  const calls = body.descendantsOfType('call').map((c) => c?.childForFieldName('function')?.text ?? '');
  if (calls.some((c) => /(^|\.)(backward|manual_backward)$/.test(c))) return false;
  if (byName && EVAL_CALL.test(name)) return true;
  const noGrad =
    /\b(no_grad|inference_mode)\b/.test(decorated) || calls.some((c) => /(^|\.)(no_grad|inference_mode)$/.test(c));
  const evalMode = calls.some((c) => /\.eval$/.test(c));
  const loops =
    body.descendantsOfType(['for_statement', 'while_statement', 'list_comprehension', 'generator_expression']).length >
    0;
  return (noGrad || evalMode) && loops;
}

/**
 * Functions of the file that evaluate whatever their name (`evaluatesOnly`), found once per tree. A file without any
 * of the words `evaluatesOnly` first looks for has none, and its functions are not read one by one.
 */
function evaluationFunctions(root: SyntaxNode): ReadonlySet<string> {
  return treeMemo(root, 'evaluation-functions', () => {
    const out = new Set<string>();
    if (!/no_grad|inference_mode|\.eval/.test(root.text)) return out;
    for (const fn of nodesOfType(root, 'function_definition')) {
      const name = fn?.childForFieldName('name')?.text;
      if (fn && name && evaluatesOnly(fn)) out.add(name);
    }
    return out;
  });
}

/** A loop's header, `for epoch in range(…):` up to its colon. */
export function loopHeader(loop: SyntaxNode): { start: number; end: number } {
  const body = loop.childForFieldName('body');
  const colon = loop.children.find((c) => c?.type === ':');
  return { start: loop.startIndex, end: colon?.endIndex ?? body?.startIndex ?? loop.endIndex };
}

/**
 * A validation pass in the epoch loop (outside the step loop; anywhere in it when each epoch is one update, `step`
 * not given), and whether the loop can stop early (a `break` out of the epoch loop, or a patience / early-stopping
 * counter in the file). GML601 reads both.
 */
export function validationFacts(file: string, text: string, epoch: SyntaxNode, step?: SyntaxNode): Fact[] {
  const evalCall = epoch
    .descendantsOfType('call')
    .find(
      (c) =>
        !!c &&
        !(step && contains(step, c)) &&
        EVAL_CALL.test((c.childForFieldName('function')?.text ?? '').split('.').pop() ?? ''),
    );
  // Only a loop that reads as an epoch loop (`for epoch in …`, `range(num_epochs)`): an outer loop over steps with
  // an evaluation every N steps is GML701's business, not early stopping's.
  const looksEpoch =
    /epoch|^ep$|^e$/i.test(epoch.childForFieldName('left')?.text ?? '') ||
    /epoch/i.test(epoch.childForFieldName('right')?.text ?? '');
  if (!looksEpoch) return [];
  if (!evalCall) return patienceStop(file, epoch);
  const out: Fact[] = [
    {
      key: 'validation',
      value: true,
      origin: 'explicit',
      file,
      span: spanOf(evalCall),
      note: `${evalCall.childForFieldName('function')?.text}(…) in the epoch loop: a validation pass every epoch`,
    },
  ];
  const breaks = epoch
    .descendantsOfType('break_statement')
    .filter((b) => !!b && loopsAround(b)[0]?.startIndex === epoch.startIndex);
  const counter = stopCounter(text, epoch.tree.rootNode);
  out.push({
    key: 'early_stopping',
    value: breaks.length > 0 || !!counter,
    origin: 'explicit',
    file,
    // Nothing stops it: the epoch loop's header, the statement that runs every epoch whatever the validation says
    // (where GML601 reports).
    span: breaks[0]
      ? spanOf(breaks[0])
      : counter
        ? { start: counter.index, end: counter.index + counter[0].length }
        : loopHeader(epoch),
    note: breaks[0]
      ? 'a break out of the epoch loop: the run can stop early'
      : counter
        ? `${counter[0]}: an early-stopping counter`
        : 'nothing in the epoch loop stops it early',
  });
  return out;
}

/**
 * No validation pass, but a `break` out of the epoch loop under a patience or early-stopping test (DGI's
 * `if cnt_wait == patience: break` on the training loss): the run can stop early all the same.
 */
function patienceStop(file: string, epoch: SyntaxNode): Fact[] {
  const stop = epoch.descendantsOfType('break_statement').find((b) => {
    if (!b || loopsAround(b)[0]?.startIndex !== epoch.startIndex) return false;
    let p = b.parent;
    while (p && p.type !== 'if_statement' && p.type !== 'elif_clause' && p.id !== epoch.id) {
      if (p.type === 'else_clause') return false; // the branch where the test failed
      p = p.parent;
    }
    const cond = p && p.id !== epoch.id ? p.childForFieldName('condition') : null;
    return !!cond && STOP_WORD.test(cond.text);
  });
  if (!stop) return [];
  return [
    {
      key: 'early_stopping',
      value: true,
      origin: 'explicit',
      file,
      span: spanOf(stop),
      note: 'a break out of the epoch loop when a patience counter runs out: the run can stop early',
    },
  ];
}
const STOP_WORD = /\b\w*(patience|early_?stop)\w*\b/i;

/** An option documented or named as a learning-rate scheduler's (`--lr-patience`, help "… for Plateau LR scheduler"). */
const SCHEDULER_OPTION = /plateau|sched|\blr\b|[-_]lr[-_]|\blr[-_]|learning[-_ ]rate/i;

/**
 * A patience or early-stopping counter in the file (`patience`, `early_stop`, `EarlyStopping(…)`), not the `patience=`
 * of a learning-rate scheduler (`ReduceLROnPlateau(optimizer, patience=3)` lowers the rate after that many epochs
 * without improvement; it stops nothing — PyTorch docs, torch.optim.lr_scheduler.ReduceLROnPlateau).
 */
function stopCounter(text: string, root: SyntaxNode): RegExpExecArray | undefined {
  for (const m of text.matchAll(/\b\w*(patience|early_?stop)\w*\b/gi)) {
    const node = root.descendantForIndex(m.index, m.index + m[0].length - 1);
    if (node && inSchedulerArgs(node)) continue;
    return m;
  }
  return undefined;
}

/**
 * A name inside the arguments of a learning-rate scheduler's call: its `patience=` keyword, or the value passed
 * there (`ReduceLROnPlateau(optimizer, 'min', patience=opt.plateau_patience)`): the scheduler's, not a stopper's.
 * Also the command-line option that declares such a value for a scheduler (timm's train.py and its many copies:
 * `add_argument('--patience-epochs', …, help='patience epochs for Plateau LR scheduler')`, read by timm's
 * `create_scheduler`; https://github.com/huggingface/pytorch-image-models/blob/main/train.py).
 */
function inSchedulerArgs(node: SyntaxNode): boolean {
  for (let p: SyntaxNode | null = node.parent; p; p = p.parent) {
    const args = p.type === 'call' ? p.childForFieldName('arguments') : null;
    const callee = p.type === 'call' ? (p.childForFieldName('function')?.text ?? '') : '';
    if (args && contains(args, node) && /plateau|sched/i.test(callee) && !/early_?stop/i.test(callee)) return true;
    if (args && contains(args, node) && /(^|\.)add_argument$/.test(callee) && SCHEDULER_OPTION.test(args.text))
      return !/early[-_ ]?stop/i.test(args.text);
    if (/statement|definition|block/.test(p.type)) return false;
  }
  return false;
}

/** Objects whose attributes are command-line options (`args.evaluate_during_training`). */
const OPTIONS = /^(self\.)?(args|opt|opts|cfg|config|hparams|flags|FLAGS)$/;

/** The operands of an `and` chain (`a and (b and c)`), parentheses dropped. */
function andOperands(c: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!c) return [];
  if (c.type === 'parenthesized_expression') return andOperands(c.namedChildren[0]);
  if (c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'and')
    return [...andOperands(c.childForFieldName('left')), ...andOperands(c.childForFieldName('right'))];
  return [c];
}

/**
 * The option an `if` around the evaluation tests as a plain switch among its `and` operands, the evaluation in its
 * body (`if args.local_rank == -1 and args.evaluate_during_training:`): the evaluation runs only when it is on.
 */
function evalSwitch(call: SyntaxNode, step: SyntaxNode): string | undefined {
  for (let p = call.parent; p && p.id !== step.id; p = p.parent) {
    const then = p.type === 'if_statement' ? p.childForFieldName('consequence') : null;
    if (!then || !contains(then, call)) continue;
    for (const op of andOperands(p.childForFieldName('condition')))
      if (op.type === 'attribute' && OPTIONS.test(op.childForFieldName('object')?.text ?? ''))
        return op.childForFieldName('attribute')?.text;
  }
  return undefined;
}

/**
 * An evaluation every N steps inside the step loop (`if it % 500 == 0: evaluate(model)`): GML701 reads it as
 * eval_strategy "steps" with eval_steps N (the operand N, which a fix replaces).
 */
export function stepEvalFacts(file: string, step: SyntaxNode, values: ValueResolver): Fact[] {
  const out: Fact[] = [];
  // An evaluation every N steps inside the step loop (`if it % 500 == 0: evaluate(model)`): GML701 reads it as
  // eval_strategy "steps" with eval_steps N.
  const evaluators = evaluationFunctions(step.tree.rootNode);
  const evaluates = (c: SyntaxNode) => {
    const callee = c.childForFieldName('function')?.text ?? '';
    const name = callee.split('.').pop() ?? '';
    return EVAL_CALL.test(name) || (/^((self|cls)\.)?\w+$/.test(callee) && evaluators.has(name));
  };
  const inStep = step
    .descendantsOfType('call')
    .filter((c): c is SyntaxNode => !!c && loopsAround(c)[0]?.id === step.id);
  const evalCall = inStep.find(evaluates);
  const evalEvery = evalCall ? moduloGuard(evalCall, step, values) : undefined;
  // `if step % args.train.interval_val == 0: test(…)` with an interval the file does not give: an evaluation every N
  // steps all the same (GML601 reads that the run evaluates), N unknown (GML701 needs N and skips it).
  if (evalCall && evalEvery && evalEvery.value === undefined) {
    const note = `${evalCall.childForFieldName('function')?.text}(…) under ${evalEvery.node.text} in the training loop (interval not known)`;
    const at = { origin: 'explicit' as const, file, span: spanOf(evalEvery.node), note };
    out.push({ key: 'eval_strategy', value: 'steps', ...at }, { key: 'eval_steps', value: null, ...at });
  }
  if (evalCall && evalEvery && evalEvery.value !== undefined && evalEvery.value > 0) {
    // The evaluation behind a command-line switch (`if args.evaluate_during_training:`, the layout of Transformers'
    // pre-Trainer example scripts): a launcher that leaves the switch out runs no evaluation (../link/merge.ts).
    const flag = evalSwitch(evalCall, step);
    const branch = flag && takenByDefault({ flag, given: true }, values) === false ? flag : undefined;
    const at = {
      origin: evalEvery.scriptDefault ? ('script-default' as const) : ('explicit' as const),
      file,
      span: spanOf(evalEvery.node),
      ...(branch ? { branch: { flag: branch, given: true } } : {}),
    };
    // The interval's option named as its default's source (`default of argparse --logging_steps`): a launcher's
    // `--logging_steps 5` replaces the default the script declares (../link/merge.ts), as for a save interval.
    const note = `${evalCall.childForFieldName('function')?.text}(…) under ${evalEvery.node.text} in the training loop`;
    const source = evalEvery.scriptDefault && evalEvery.via ? ` (${evalEvery.via})` : '';
    const operand = evalEvery.node.childForFieldName('right');
    // Other blocks count by the name of what they call (a sampling function also runs under no_grad and loops).
    const named = (c: SyntaxNode) => EVAL_CALL.test(c.childForFieldName('function')?.text.split('.').pop() ?? '');
    const also = otherEvalBlocks(inStep, evalEvery.node, step, values, named);
    out.push(
      { key: 'eval_strategy', value: 'steps', ...at, note },
      {
        key: 'eval_steps',
        value: evalEvery.value,
        ...at,
        ...(operand ? { span: spanOf(operand), form: 'operand' as const } : {}),
        ...(also.length ? { also } : {}),
        note: note + source,
      },
    );
  }
  return out;
}
