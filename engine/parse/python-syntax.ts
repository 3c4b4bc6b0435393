// Small, read-only helpers over the tree-sitter-python syntax tree: calls, keyword arguments, literals,
// module-level constants, and the text edit that sets a keyword argument. Nothing here evaluates user code:
// `literal` only reads Python literals (numbers, strings, True/False/None, negation).
import type { SyntaxNode } from './python';
import type { FactValue, OffsetEdit, Span } from '../types';

export interface KwArg {
  name: string;
  node: SyntaxNode;
  value: SyntaxNode;
}

export interface CallSite {
  node: SyntaxNode;
  /** Dotted callee as written, e.g. "transformers.TrainingArguments" or "model.gradient_checkpointing_enable". */
  callee: string;
  /** Last segment of the callee, e.g. "TrainingArguments". */
  name: string;
  argList: SyntaxNode;
  positional: SyntaxNode[];
  kwargs: Map<string, KwArg>;
  /** True when the call passes `**something`: any argument may be set there. */
  hasSplat: boolean;
}

export const spanOf = (n: SyntaxNode): Span => ({ start: n.startIndex, end: n.endIndex });

/** A CallSite for a `call` node, or undefined when the node is not a plain call with an argument list. */
export function callSite(node: SyntaxNode): CallSite | undefined {
  const fn = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  if (!fn || !argList || argList.type !== 'argument_list') return undefined;
  const callee = fn.text.replace(/\s+/g, '');
  const positional: SyntaxNode[] = [];
  const kwargs = new Map<string, KwArg>();
  let hasSplat = false;
  for (const arg of argList.namedChildren) {
    if (!arg) continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (name && value) kwargs.set(name.text, { name: name.text, node: arg, value });
    } else if (arg.type === 'dictionary_splat') {
      hasSplat = true;
    } else if (arg.type !== 'comment') {
      positional.push(arg);
    }
  }
  return { node, callee, name: callee.split('.').pop() ?? callee, argList, positional, kwargs, hasSplat };
}

/**
 * Calls whose callee ends in one of `names`, found from the text first: a regex locates `name(` and the tree maps
 * each hit to its call node. On a 2,000-line script this touches a handful of nodes instead of walking the tree.
 */
export function findCalls(root: SyntaxNode, text: string, names: readonly string[]): CallSite[] {
  if (names.length === 0) return [];
  const re = new RegExp(`\\b(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*\\(`, 'g');
  const out: CallSite[] = [];
  const seen = new Set<number>();
  for (const m of text.matchAll(re)) {
    const paren = m.index! + m[0].length - 1;
    const tok = root.descendantForIndex(paren, paren + 1);
    const call = tok?.parent?.type === 'argument_list' ? tok.parent.parent : undefined;
    if (!call || call.type !== 'call' || seen.has(call.id)) continue;
    seen.add(call.id);
    const site = callSite(call);
    if (site) out.push(site);
  }
  return out;
}

/** Calls that pass one of the keyword arguments `kwargs` (e.g. tokenizer calls with max_length=). */
export function callsWithKeyword(root: SyntaxNode, text: string, kwargs: readonly string[]): CallSite[] {
  const re = new RegExp(`\\b(?:${kwargs.join('|')})\\s*=(?!=)`, 'g');
  const out: CallSite[] = [];
  const seen = new Set<number>();
  for (const m of text.matchAll(re)) {
    const tok = root.descendantForIndex(m.index!, m.index! + 1);
    const kw = tok?.parent?.type === 'keyword_argument' ? tok.parent : undefined;
    const call = kw?.parent?.type === 'argument_list' ? kw.parent.parent : undefined;
    if (!call || call.type !== 'call' || seen.has(call.id)) continue;
    seen.add(call.id);
    const site = callSite(call);
    if (site) out.push(site);
  }
  return out;
}

/** The value of a Python literal, or undefined when the expression is not a literal. */
export function literal(node: SyntaxNode | null | undefined): FactValue | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'integer':
    case 'float': {
      const v = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(v) ? v : undefined;
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    case 'string': {
      if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
      const content = node.namedChildren
        .filter((c) => c?.type === 'string_content')
        .map((c) => c!.text)
        .join('');
      return content;
    }
    case 'concatenated_string':
      return undefined;
    case 'unary_operator': {
      const arg = node.childForFieldName('argument');
      const v = literal(arg);
      if (typeof v === 'number' && node.text.trimStart().startsWith('-')) return -v;
      return typeof v === 'number' ? v : undefined;
    }
    case 'parenthesized_expression':
      return literal(node.namedChildren[0]);
    case 'call': {
      // `int(1e6)`, `int(2e7)`: a float literal made an integer, as RL scripts write step counts — a constant, not code.
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      if (node.childForFieldName('function')?.text !== 'int' || args.length !== 1) return undefined;
      const v = literal(args[0]);
      return typeof v === 'number' ? Math.trunc(v) : undefined;
    }
    case 'binary_operator': {
      // Constant arithmetic such as 4 * 8 or 2**20 — still literals, never names.
      const l = literal(node.childForFieldName('left'));
      const r = literal(node.childForFieldName('right'));
      const op = node.childForFieldName('operator')?.text;
      if (typeof l !== 'number' || typeof r !== 'number') return undefined;
      if (op === '*') return l * r;
      if (op === '+') return l + r;
      if (op === '-') return l - r;
      if (op === '//') return r === 0 ? undefined : Math.floor(l / r);
      if (op === '/') return r === 0 ? undefined : l / r;
      if (op === '**') return r > 64 ? undefined : l ** r;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Module-level `NAME = <literal>` assignments (last one wins), for resolving `batch_size=BATCH`. */
export function moduleConstants(root: SyntaxNode): Map<string, { value: FactValue; node: SyntaxNode }> {
  const out = new Map<string, { value: FactValue; node: SyntaxNode }>();
  for (const stmt of root.namedChildren) {
    if (stmt?.type !== 'expression_statement') continue;
    const a = stmt.namedChildren[0];
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) continue;
    const v = literal(right);
    if (v !== undefined) out.set(left.text, { value: v, node: right });
  }
  return out;
}

/** The name a call's result is assigned to (`args = TrainingArguments(...)` → "args"). */
export function assignedName(call: SyntaxNode): string | undefined {
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.id) {
    const left = parent.childForFieldName('left');
    if (left?.type === 'identifier') return left.text;
  }
  return undefined;
}

/** The indentation of the line containing `index`. */
function indentOfLine(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart));
  return m ? m[0] : '';
}

/**
 * The edits that set `name=value` pairs in a call: an existing keyword gets its value replaced; missing ones are
 * inserted together after the last argument, following the call's layout (one line, or one argument per line with
 * or without a trailing comma).
 */
export function setKwargs(call: CallSite, pairs: [string, string][], text: string, file: string): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const missing: [string, string][] = [];
  for (const [name, valueText] of pairs) {
    const existing = call.kwargs.get(name);
    if (existing)
      edits.push({ file, start: existing.value.startIndex, end: existing.value.endIndex, newText: valueText });
    else missing.push([name, valueText]);
  }
  if (missing.length === 0) return edits;
  const items = missing.map(([n, v]) => `${n}=${v}`);
  const args = call.argList.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  const open = call.argList.startIndex; // "("
  const close = call.argList.endIndex - 1; // ")"
  if (args.length === 0) {
    edits.push({ file, start: open + 1, end: open + 1, newText: items.join(', ') });
    return edits;
  }
  const last = args[args.length - 1];
  const first = args[0];
  const multiline =
    first.startPosition.row !== call.argList.startPosition.row || last.endPosition.row !== first.startPosition.row;
  const commaAt = text.slice(last.endIndex, close).indexOf(','); // trailing comma after the last argument?
  const afterComma = last.endIndex + commaAt + 1;
  if (multiline) {
    const indent = indentOfLine(text, last.startIndex);
    const lines = items.map((i) => `\n${indent}${i}`);
    if (commaAt !== -1) edits.push({ file, start: afterComma, end: afterComma, newText: lines.join(',') + ',' });
    else edits.push({ file, start: last.endIndex, end: last.endIndex, newText: ',' + lines.join(',') });
  } else if (commaAt !== -1) {
    edits.push({ file, start: afterComma, end: afterComma, newText: ' ' + items.join(', ') });
  } else {
    edits.push({ file, start: last.endIndex, end: last.endIndex, newText: ', ' + items.join(', ') });
  }
  return edits;
}

/** Python source text for a fact value. */
export function pythonLiteral(v: FactValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** The outermost call a node is the only argument of (`cycle(DataLoader(…))`, `iter(…)`), or the node itself. */
export function soleArgumentOf(node: SyntaxNode): SyntaxNode {
  let at = node;
  while (
    at.parent?.type === 'argument_list' &&
    at.parent.namedChildren.length === 1 &&
    at.parent.parent?.type === 'call'
  )
    at = at.parent.parent;
  return at;
}

/** The name a call's value is assigned to, also through wrappers it is the only argument of; '' when none. */
export function assignedTo(node: SyntaxNode): string {
  const p = soleArgumentOf(node).parent;
  return p?.type === 'assignment' ? (p.childForFieldName('left')?.text ?? '') : '';
}
