// Does a training loop's saving keep only the model? A checkpoint that holds the weights alone (no optimizer,
// scheduler, scaler or step) cannot resume a run — the PyTorch tutorial "Saving and loading a general checkpoint"
// lists what resuming needs, and the TrainingArguments docs say of `save_only_model` that it "prevents resuming
// training from the checkpoint". Each save call of the loop is read as one of:
// - weights: `torch.save(model.state_dict(), …)`, `torch.save(model, …)`, `torch.save({"model": …, "args": args}, …)`
//   (a dict, written there or assigned to a local in the same function, that names no training state),
//   `fabric.save(path, {"model": model})`, `model.save_pretrained(…)`, Keras `model.save_weights(…)`, or a function of
//   this file whose own saves are all of those and that is handed no optimizer;
// - beside the point: a tokenizer's, processor's or config's `save_pretrained`, a record of the run (`torch.save(history,
//   …)`: curves, metrics, logs) — no training state either way;
// - anything else — `accelerator.save_state`, a dict with the optimizer, an object the file builds elsewhere, a
//   helper of another file — may hold the training state, and keeps silence.
// The loop's saving is weights-only when it has at least one weights save and nothing that may hold more.
import type { SyntaxNode } from '../parse/python';
import { enclosingDef } from './python-params';
import { spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';
import { nodesOfType } from '../parse/nodes-of-type';

/** Words of training state beyond the weights: an optimizer (`optimizer`, `g_optim`, `G_opt`, optax's `opt_state`), a scheduler, a loss scaler. */
const TRAINING_STATE = /optim|sched|scaler|opt_state|(?:^|[^a-z])opt(?:[^a-z]|$)|_opt\b|\bopt_/i;
/** Objects whose `save_pretrained` writes no weights: tokenizers, processors, configs, adapters' configs. */
const AUX_RECEIVER = /tokeni[sz]er|processor|feature_extractor|config|vocab/i;
/** A module pickled whole (`torch.save(model, path)`): a name that reads as a network. */
const MODULE_NAME = /^(self\.)?\w*(model|net|generator|discriminator|encoder|decoder)\w*(\.module)?$/i;

/**
 * A record of the run pickled beside the weights (`torch.save(history, …)`: loss and accuracy curves, metrics, logs):
 * no training state either way, like a tokenizer's files.
 */
const RECORD = /^(self\.)?(train_|training_)?(history|hist|logs?|metrics|stats|losses|loss_history|curves)$/i;

type Kind = 'weights' | 'aux' | 'more';

/** The text that decides what an object holds: a dict written there, or a local's assignments and item writes. */
function contentsOf(obj: SyntaxNode, values: ValueResolver): string | undefined {
  if (obj.type === 'dictionary' || obj.type === 'call' || obj.type === 'attribute') return obj.text;
  if (obj.type !== 'identifier') return undefined;
  const rhs = reaching(obj, values.localAssignments(obj));
  // A module pickled whole (`torch.save(model, path)`): a network's name, bound to no dict.
  if (MODULE_NAME.test(obj.text) && rhs.every((r) => r.type !== 'dictionary'))
    return rhs.some((r) => TRAINING_STATE.test(r.text)) ? rhs.map((r) => r.text).join('\n') : obj.text;
  if (rhs.length === 0) return undefined;
  // A dict filled key by key (`state["optimizer"] = opt.state_dict()`) in the same function.
  const fn = enclosingDef(obj);
  const writes = (fn?.descendantsOfType('assignment') ?? [])
    .filter((a) => a?.childForFieldName('left')?.type === 'subscript')
    .filter((a) => a?.childForFieldName('left')?.childForFieldName('value')?.text === obj.text)
    .map((a) => a?.text ?? '');
  return [...rhs.map((r) => r.text), ...writes].join('\n');
}

/**
 * The assignments of a local that can reach its use: from the last one before it in a block that holds the use (it
 * always runs first) on; every one when none does (`state = {…}` in an earlier `if` of the same loop, `state = {…, "opt":
 * opt}` after the loop, are not what `torch.save(state, …)` inside it writes).
 */
function reaching(use: SyntaxNode, rhs: SyntaxNode[]): SyntaxNode[] {
  const before = rhs.filter((r) => r.endIndex <= use.startIndex);
  const holds = (r: SyntaxNode) => {
    const block = r.parent?.parent?.parent;
    return (
      r.parent?.type === 'assignment' &&
      block?.type === 'block' &&
      block.startIndex <= use.startIndex &&
      use.endIndex <= block.endIndex
    );
  };
  let last = -1;
  before.forEach((r, i) => {
    if (holds(r)) last = i;
  });
  return last < 0 ? rhs : before.slice(last);
}

/** What the object saved holds, from its text: training state, the weights alone, or unknown. */
function holds(text: string | undefined): Kind {
  if (text === undefined || TRAINING_STATE.test(text)) return 'more';
  if (/\.state_dict\(\)|\bparams\b|\bweights\b/.test(text) || MODULE_NAME.test(text.trim())) return 'weights';
  // A dict of the module itself (`{"model": model, "epoch": epoch}`): the weights and counters, nothing to resume.
  if (/^\{[^]*\}$/.test(text.trim()) && /:\s*(self\.)?\w*(model|net)\w*\s*[,}]/i.test(text)) return 'weights';
  return 'more';
}

interface Judged {
  kind: Kind;
  /** The call that writes the weights: the save itself, or the first one inside a saving function of the file. */
  at: SyntaxNode;
  /** The call that builds what a saving function of the file writes (the dict handed to it), when that decides. */
  call?: SyntaxNode;
}

function kindOf(call: SyntaxNode, values: ValueResolver, helpers: Map<string, SyntaxNode>, depth: number): Judged {
  const callee = call.childForFieldName('function')?.text ?? '';
  const name = callee.split('.').pop() ?? '';
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const receiver = callee.includes('.') ? callee.slice(0, callee.lastIndexOf('.')) : '';
  const judged = (kind: Kind, at = call): Judged => ({ kind, at });
  // A saving function of this file (`save_ckpt(model, epoch)`, `self.save_model()`): judged by its own saves, and
  // reported where it writes the weights (the line to change), unless it is handed the optimizer.
  const own = /^((self|cls)\.)?\w+$/.test(callee) ? helpers.get(name) : undefined;
  if (own && depth === 0) {
    if (TRAINING_STATE.test(call.text)) return judged('more');
    const inner = own
      .descendantsOfType('call')
      .filter((c): c is SyntaxNode => !!c)
      .map((c) => kindOfSave(c, values, helpers, depth + 1))
      .filter((k): k is Judged => !!k);
    const first = inner.find((k) => k.kind === 'weights');
    if (!inner.some((k) => k.kind === 'more') && first) return judged('weights', first.at);
    // A saving function that writes what it is handed (`def save_checkpoint(state, is_best, …): torch.save(state, …)`)
    // handed a dict written at the call (`save_checkpoint({"epoch": …, "state_dict": model.state_dict()}, …)`): what it
    // writes is that dict. Reported where it writes and on the call that builds the dict (where the optimizer goes).
    const handed = handedSave(call, own);
    if (handed && holds(handed.dict.text) === 'weights') return { kind: 'weights', at: handed.save, call };
    return judged('more');
  }
  if (name === 'save_pretrained' || name === 'save_model')
    return judged(AUX_RECEIVER.test(receiver) ? 'aux' : TRAINING_STATE.test(call.text) ? 'more' : 'weights');
  if (name === 'save_weights') return judged('weights');
  if (/^(torch|xm|accelerator|self\.accelerator)\.save$/.test(callee) && args[0])
    return judged(RECORD.test(args[0].text) ? 'aux' : holds(contentsOf(args[0], values)));
  // Lightning Fabric: `fabric.save(path, state)`.
  if (/(^|\.)fabric\.save$/.test(callee) && args[1]) return judged(holds(contentsOf(args[1], values)));
  // A saving helper of another file handed the checkpoint's contents as dicts written at the call
  // (`save_checkpoint(path, {"epoch": e, "state_dict": net.state_dict()}, is_best)`): what it writes is what it is
  // given; the weights alone when no dict (nor anything else passed) names training state.
  const dicts = args.filter((a): a is SyntaxNode => a?.type === 'dictionary');
  if (/save|ckpt|checkpoint/i.test(name) && dicts.length > 0 && !TRAINING_STATE.test(call.text))
    return judged(dicts.some((d) => holds(d.text) === 'weights') ? 'weights' : 'more');
  return judged('more');
}

/**
 * A saving function of the file whose only saves write one of its parameters (`torch.save(state, filename)`), called
 * with a dict for that parameter (by position or keyword): the dict and the save that writes it.
 */
function handedSave(call: SyntaxNode, fn: SyntaxNode): { dict: SyntaxNode; save: SyntaxNode } | undefined {
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? [])
    .map((p) => (p?.type === 'identifier' ? p.text : (p?.childForFieldName('name')?.text ?? '')))
    .filter((n) => n !== 'self' && n !== 'cls');
  const saves = fn
    .descendantsOfType('call')
    .filter(
      (c): c is SyntaxNode =>
        !!c && /^(torch|xm|accelerator|self\.accelerator)\.save$/.test(c.childForFieldName('function')?.text ?? ''),
    );
  const written = saves.map((c) => c.childForFieldName('arguments')?.namedChildren[0]?.text ?? '');
  const name = written[0];
  if (!name || !written.every((w) => w === name)) return undefined;
  const i = params.indexOf(name);
  if (i < 0) return undefined;
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a);
  const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  const arg = kw ? kw.childForFieldName('value') : args.filter((a) => a.type !== 'keyword_argument')[i];
  return arg?.type === 'dictionary' && saves[0] ? { dict: arg, save: saves[0] } : undefined;
}

/** A save call's kind, or undefined for a call that saves nothing. */
function kindOfSave(c: SyntaxNode, values: ValueResolver, helpers: Map<string, SyntaxNode>, depth: number) {
  const callee = c.childForFieldName('function')?.text ?? '';
  const name = callee.split('.').pop() ?? '';
  if (!/save|ckpt|checkpoint/i.test(name) || /save_(image|fig|plot|hyperparameters)|savefig|savetxt/i.test(name))
    return undefined;
  return kindOf(c, values, helpers, depth);
}

/**
 * `save_only_model` (form `weights-only-save`) when every save of a training loop keeps only the model, on the first
 * such save. `saves` are the loop's save calls, `root` the file (for its saving functions).
 */
export function weightsOnlyFact(file: string, root: SyntaxNode, saves: SyntaxNode[], values: ValueResolver): Fact[] {
  if (saves.length === 0) return [];
  const helpers = new Map<string, SyntaxNode>();
  for (const fn of nodesOfType(root, 'function_definition')) {
    const n = fn?.childForFieldName('name')?.text;
    if (fn && n) helpers.set(n, fn);
  }
  const judged = saves.map((c) => kindOf(c, values, helpers, 0));
  if (judged.some((j) => j.kind === 'more')) return [];
  // A save of the best model so far (`if acc > best_acc: … torch.save(…)`, a `best.pth`) is the run's result, kept
  // for the test, not a point to resume from: the checkpoints are the other saves. A loop that saves only its best
  // model is not judged here.
  const weights = judged.filter((j, i) => j.kind === 'weights' && !bestSave(saves[i] ?? j.at) && !bestSave(j.at));
  const sites = weights.flatMap((j) => (j.call ? [j.at, j.call] : [j.at]));
  const [first, ...rest] = [...new Map(sites.map((c) => [c.startPosition.row, c])).values()];
  if (!first) return [];
  const note = (c: SyntaxNode) =>
    `${c.childForFieldName('function')?.text ?? 'save'}(…) keeps the model alone: no optimizer, scheduler or step to resume from`;
  return [
    {
      key: 'save_only_model',
      value: true,
      origin: 'explicit',
      file,
      span: spanOf(first),
      note: note(first),
      form: 'weights-only-save',
      ...(rest.length ? { also: rest.map((c) => ({ span: spanOf(c), value: true, note: note(c) })) } : {}),
    },
  ];
}

/**
 * A save that is no checkpoint along the way: the best model so far, under an `if` (within its loop or function) that
 * tests a best value or an improvement (`if acc > best_acc:`, `if is_best:`), or a save made once, under an `if` that
 * pins the loop's counter to one value (`if epoch == args.num_epochs:`, the final export). A save to a path named
 * "best" made every epoch is neither.
 */
export function bestSave(save: SyntaxNode): boolean {
  const conds: SyntaxNode[] = [];
  let p = save.parent;
  for (; p && !/^(for_statement|while_statement|function_definition)$/.test(p.type); p = p.parent) {
    const cond = p.type === 'if_statement' || p.type === 'elif_clause' ? p.childForFieldName('condition') : null;
    if (cond) conds.push(cond);
  }
  if (conds.some((c) => /best|improv/i.test(c.text))) return true;
  const counters = new Set(
    p?.type === 'for_statement'
      ? (p.childForFieldName('left')?.descendantsOfType('identifier') ?? []).map((id) => id?.text ?? '')
      : [],
  );
  if (p?.childForFieldName('left')?.type === 'identifier') counters.add(p.childForFieldName('left')?.text ?? '');
  return conds.some(
    (c) =>
      c.type === 'comparison_operator' &&
      /==/.test(c.text) &&
      !/%/.test(c.text) &&
      c.descendantsOfType('identifier').some((id) => !!id && counters.has(id.text)),
  );
}
