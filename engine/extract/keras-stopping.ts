// Whether a Keras `fit()` that evaluates a validation set can stop early (GML601): an early-stopping callback has to
// reach the call's `callbacks`. One built and never passed (`early_stopping = EarlyStopping(…)` left out of
// `callbacks=[logging, checkpoint]`) stops nothing. The callbacks are followed through the names they are bound to
// (`callbacks = [...]`, `callbacks.append(x)`, `callbacks += [...]`, `*cbs`); an expression this cannot follow (a
// function's result) counts as a possible stopper when the file builds one anywhere.
import type { SyntaxNode } from '../parse/python';
import { spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';
import { nodesOfType } from '../parse/nodes-of-type';

/** A callback class or factory that ends training when a monitored value stops improving. */
const STOPPER = /early_?stop/i;
const MAX_DEPTH = 4;

type Stops = boolean | null;

const or = (a: Stops, b: Stops): Stops => (a === true || b === true ? true : a === null || b === null ? null : false);

/** Every place a name is bound or grown in the file: `n = x`, `n += x`, `n.append(x)`, `n.extend(x)`, `n.insert(i, x)`. */
function bindings(root: SyntaxNode, name: string): { values: SyntaxNode[]; elements: SyntaxNode[] } {
  const values: SyntaxNode[] = [];
  const elements: SyntaxNode[] = [];
  for (const a of nodesOfType(root, ['assignment', 'augmented_assignment'])) {
    if (a?.childForFieldName('left')?.text !== name) continue;
    const right = a.childForFieldName('right');
    if (right) values.push(right);
  }
  for (const c of nodesOfType(root, 'call')) {
    const fn = c?.childForFieldName('function');
    if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.text !== name) continue;
    const method = fn.childForFieldName('attribute')?.text;
    const args = (c?.childForFieldName('arguments')?.namedChildren ?? []).filter((x): x is SyntaxNode => !!x);
    if (method === 'append' && args[0]) elements.push(args[0]);
    else if (method === 'insert' && args[1]) elements.push(args[1]);
    else if (method === 'extend' && args[0]) values.push(args[0]);
  }
  return { values, elements };
}

/** Whether one callback (an element of the list) stops early. */
function element(root: SyntaxNode, node: SyntaxNode, depth: number): Stops {
  if (node.type === 'call') return STOPPER.test(node.childForFieldName('function')?.text ?? '');
  if (node.type === 'list_splat') return list(root, node.namedChildren[0], depth + 1);
  if (node.type === 'identifier') {
    if (STOPPER.test(node.text)) return true;
    if (depth >= MAX_DEPTH) return null;
    const { values } = bindings(root, node.text);
    if (values.length === 0) return null;
    return values.map((v) => element(root, v, depth + 1)).reduce(or, false);
  }
  if (node.type === 'conditional_expression')
    return node.namedChildren
      .slice(0, 1)
      .concat(node.namedChildren.slice(2))
      .reduce<Stops>((s, n) => or(s, n ? element(root, n, depth + 1) : null), false);
  return null;
}

/** Whether a callbacks expression (a list, a name bound to lists, a sum of lists) holds a stopper. */
function list(root: SyntaxNode, node: SyntaxNode | null | undefined, depth: number): Stops {
  if (!node || depth > MAX_DEPTH) return null;
  if (node.type === 'list' || node.type === 'tuple')
    return node.namedChildren.reduce<Stops>(
      (s, n) => (n && n.type !== 'comment' ? or(s, element(root, n, depth)) : s),
      false,
    );
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+')
    return or(
      list(root, node.childForFieldName('left'), depth + 1),
      list(root, node.childForFieldName('right'), depth + 1),
    );
  if (node.type === 'parenthesized_expression') return list(root, node.namedChildren[0], depth + 1);
  if (node.type === 'none') return false;
  if (node.type === 'identifier') {
    const { values, elements } = bindings(root, node.text);
    if (values.length === 0) return null;
    let s = values.map((v) => list(root, v, depth + 1)).reduce(or, false);
    for (const e of elements) s = or(s, element(root, e, depth + 1));
    return s;
  }
  return null;
}

/**
 * Per `fit()`/`fit_generator()` call that evaluates a validation set (`validation_data`/`validation_split`): whether
 * a stopper reaches its callbacks (true), cannot (false), or cannot be told (null), and its epochs argument.
 */
export function fitStopping(
  root: SyntaxNode,
  text: string,
  fits: CallSite[],
): { call: CallSite; stops: Stops; epochs?: SyntaxNode }[] {
  const buildsStopper = STOPPER.test(text);
  return fits
    .filter((f) => f.kwargs.has('validation_data') || f.kwargs.has('validation_split'))
    .map((f) => {
      const cb = f.kwargs.get('callbacks')?.value;
      let stops: Stops = cb ? list(root, cb, 0) : f.hasSplat ? null : false;
      // What cannot be followed stops early only if the file builds a stopper at all.
      if (stops === null && !buildsStopper) stops = false;
      return { call: f, stops, epochs: f.kwargs.get('epochs')?.value };
    });
}

/**
 * The value a name holds where a call uses it: the last assignment before the call on its path (the statements
 * before it in each block around it, up to the module), `A if C else B` read by its condition when that is known.
 * A binding inside a compound statement before the call (an `if` that may or may not have run) leaves it unknown.
 */
function valueAt(node: SyntaxNode, values: ValueResolver, depth = 0): number | null {
  if (depth > MAX_DEPTH) return null;
  if (node.type === 'conditional_expression') {
    const [a, c, b] = node.namedChildren;
    const cond = c ? values.resolve(c).value : undefined;
    if (typeof cond === 'boolean' && a && b) return valueAt(cond ? a : b, values, depth + 1);
    return null;
  }
  if (node.type === 'identifier') {
    const name = node.text;
    for (let stmt: SyntaxNode | null = node; stmt; stmt = stmt.parent) {
      const block = stmt.parent;
      if (!block || (block.type !== 'block' && block.type !== 'module')) continue;
      const before = block.namedChildren.filter((c): c is SyntaxNode => !!c && c.endIndex <= stmt!.startIndex);
      for (const b of before.reverse()) {
        const a = b.type === 'expression_statement' ? b.namedChildren[0] : undefined;
        if (a?.type === 'assignment' && a.childForFieldName('left')?.text === name) {
          const right = a.childForFieldName('right');
          return right ? valueAt(right, values, depth + 1) : null;
        }
        if (
          b.type !== 'expression_statement' &&
          b
            .descendantsOfType(['assignment', 'augmented_assignment'])
            .some((x) => x?.childForFieldName('left')?.text === name)
        )
          return null;
      }
    }
  }
  const v = values.resolve(node).value;
  return typeof v === 'number' ? v : null;
}

/**
 * The `early_stopping` fact of a Keras run whose fit validates: false on the fit call when no stopper reaches it
 * (where GML601 reports), true or null otherwise; undefined when the fit does not validate. `also` lists every fit
 * of the file that validates with nothing that stops early — the run's own fit first when it is one of them — each
 * with the epoch count it runs at that call (null when unknown): a script that trains a frozen stage and then an
 * unfrozen one gets a finding per stage.
 */
export function kerasEarlyStopping(
  file: string,
  root: SyntaxNode,
  text: string,
  fits: CallSite[],
  fit: CallSite,
  values: ValueResolver,
): Fact | undefined {
  const all = fitStopping(root, text, fits);
  const mine = all.find((s) => s.call.node.id === fit.node.id);
  if (!mine) return undefined;
  const open = all.filter((s) => s.stops === false);
  open.sort((a, b) => (a === mine ? -1 : b === mine ? 1 : a.call.node.startIndex - b.call.node.startIndex));
  return {
    key: 'early_stopping',
    value: mine.stops,
    origin: 'explicit',
    file,
    span: spanOf(fit.node),
    note:
      mine.stops === true
        ? 'an EarlyStopping callback is passed to fit()'
        : mine.stops === null
          ? 'fit() callbacks not readable: an EarlyStopping built in this file may reach them'
          : STOPPER.test(text)
            ? 'an EarlyStopping callback is built but not passed in fit(callbacks=…): nothing stops early'
            : 'no EarlyStopping callback in fit()',
    ...(open.length
      ? {
          also: open.map((s) => ({
            span: spanOf(s.call.node),
            value: s.epochs ? valueAt(s.epochs, values) : 1,
            note: 'a fit() that validates with nothing that stops early',
          })),
        }
      : {}),
  };
}
