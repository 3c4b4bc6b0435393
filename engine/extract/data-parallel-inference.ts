// Whether a `DataParallel(…)` wrapper only runs inference in the training run: a frozen teacher, a frozen backbone
// whose features a trained head reads, a model kept in `eval()` whose every forward pass runs under `torch.no_grad()`.
// Such a wrapper still splits each batch over the GPUs from one process, but no backward pass and no gradient
// reduction go through it, so it wastes far less than a trained model wrapped the same way (GML506 gives it
// information). Read from the names the wrapper is bound to and every use of them in the file, followed into the
// functions of the file they are passed to: one use that may train (`.train()`, `.parameters()` for an optimizer, a
// forward pass outside `no_grad` on a model whose weights are not frozen, a call the file does not define) and the
// wrapper is judged a training one. Nothing is evaluated.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';

/** Calls that keep the model as it is: device moves, casts, loading and reading weights, walking its modules. */
const KEEPS =
  /^(to|cuda|cpu|half|float|double|bfloat16|load_state_dict|state_dict|modules|named_modules|children|named_children|buffers|named_buffers|apply|share_memory|register_forward_hook|extra_repr)$/;
/** Functions that read or load a model they are given, never train it (`load_checkpoint(path, model)`, `print(model)`). */
const READS =
  /^(load\w*|restore\w*|resume\w*|print|pprint|len|isinstance|hasattr|getattr|id|type|str|repr|count\w*|\w*summary\w*|info|debug|warning)$/i;
/** An attribute of a model that is a number or a setting, not a sub-module (`model.output_dim`, `model.num_classes`). */
const SCALAR_ATTR = /(dim|size|features|channels|classes|num\w*|device|dtype|config|name|training)$/i;
/** A `with` item or decorator that turns gradients off. */
const NO_GRAD =
  /\b(no_grad|inference_mode)\s*\(\s*\)|\bset_grad_enabled\s*\(\s*False\s*\)|@\s*(torch\.)?(no_grad|inference_mode)\b/;
const MAX_NAMES = 8;

/**
 * Why the model `call` (a `DataParallel(…)` call) wraps only runs inference, or undefined when it may train or when
 * its uses cannot all be read.
 */
export function inferenceOnlyWrapper(call: SyntaxNode, root: SyntaxNode): string | undefined {
  const target = sinkOf(call);
  if (!target) return undefined;
  const names = [target.text];
  const arg = call.childForFieldName('arguments')?.namedChildren[0];
  const inner = arg && valueName(arg);
  if (inner && !names.includes(inner)) names.push(inner);
  const defs = functionDefs(root);
  const j: Judgement = { frozen: false, evalMode: false, forward: 0, underNoGrad: 0 };
  for (let i = 0; i < names.length; i++) {
    if (i >= MAX_NAMES) return undefined;
    for (const o of occurrences(root, names[i])) {
      const more = judge(o, j, defs);
      if (more === false) return undefined;
      for (const n of more) if (!names.includes(n)) names.push(n);
    }
  }
  if (j.forward === 0) return undefined;
  if (j.frozen) return `${target.text} is frozen (requires_grad off): it only runs forward passes`;
  if (j.evalMode && j.underNoGrad === j.forward)
    return `${target.text} is in eval() and runs forward only under torch.no_grad()`;
  return undefined;
}

interface Judgement {
  frozen: boolean;
  evalMode: boolean;
  forward: number;
  underNoGrad: number;
}

/** Through device moves and casts (`DataParallel(m).cuda()`), conditional values and parentheses: the expression a value ends in. */
function outerValue(n: SyntaxNode): SyntaxNode {
  let x = n;
  for (;;) {
    const p = x.parent;
    if (!p) return x;
    if (p.type === 'parenthesized_expression' || p.type === 'conditional_expression') {
      // `a if cond else b`: the condition itself is not the value.
      if (p.type === 'conditional_expression' && p.namedChildren[1]?.id === x.id) return x;
      x = p;
      continue;
    }
    const call = p.parent;
    if (
      p.type === 'attribute' &&
      p.childForFieldName('object')?.id === x.id &&
      call?.type === 'call' &&
      call.childForFieldName('function')?.id === p.id &&
      /^(to|cuda|cpu|half|float|double|bfloat16|eval)$/.test(p.childForFieldName('attribute')?.text ?? '')
    ) {
      x = call;
      continue;
    }
    return x;
  }
}

/** The name a value is bound to (`teacher = …`, `self.teacher = …`), or undefined when it goes anywhere else. */
function sinkOf(value: SyntaxNode): SyntaxNode | undefined {
  const v = outerValue(value);
  const a = v.parent;
  if (a?.type !== 'assignment' || a.childForFieldName('right')?.id !== v.id) return undefined;
  const left = a.childForFieldName('left');
  return left && isName(left) ? left : undefined;
}

const isName = (n: SyntaxNode) => n.type === 'identifier' || (n.type === 'attribute' && /^self\.\w+$/.test(n.text));

/** The name a model argument reads (`teacher`, `self.teacher`, `teacher.cuda()`), if any. */
function valueName(n: SyntaxNode): string | undefined {
  let x: SyntaxNode | null = n;
  while (x?.type === 'call') {
    const f = x.childForFieldName('function');
    if (
      f?.type !== 'attribute' ||
      !/^(to|cuda|cpu|half|float|eval)$/.test(f.childForFieldName('attribute')?.text ?? '')
    )
      return undefined;
    x = f.childForFieldName('object');
  }
  return x && isName(x) ? x.text : undefined;
}

/** Every place the file reads or binds `name` (a bare name, or `self.x`). */
function occurrences(root: SyntaxNode, name: string): SyntaxNode[] {
  if (name.startsWith('self.'))
    return nodesOfType(root, 'attribute').filter(
      (a) => a.text === name && a.childForFieldName('object')?.text === 'self',
    );
  return nodesOfType(root, 'identifier').filter((n) => {
    if (n.text !== name) return false;
    const p = n.parent;
    // `x.name` (another object's attribute), `f(name=…)` (a keyword), and a parameter's declaration are not uses.
    if (p?.type === 'attribute' && p.childForFieldName('attribute')?.id === n.id) return false;
    if (p?.type === 'keyword_argument' && p.childForFieldName('name')?.id === n.id) return false;
    if (
      p?.type === 'parameters' ||
      ((p?.type === 'default_parameter' || p?.type === 'typed_parameter' || p?.type === 'typed_default_parameter') &&
        p.namedChildren[0]?.id === n.id)
    )
      return false;
    return true;
  });
}

/** Module-level functions and methods of the file, by name (a name defined twice is not followed). */
function functionDefs(root: SyntaxNode): Map<string, SyntaxNode | null> {
  const out = new Map<string, SyntaxNode | null>();
  for (const f of nodesOfType(root, 'function_definition')) {
    const n = f.childForFieldName('name')?.text;
    if (n) out.set(n, out.has(n) ? null : f);
  }
  return out;
}

/** The parameter of `fn` that argument `arg` of `call` binds, by keyword or by position (`self` skipped for methods). */
function parameterFor(fn: SyntaxNode, call: SyntaxNode, arg: SyntaxNode): string | undefined {
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is SyntaxNode => !!p);
  const pname = (p: SyntaxNode) => (p.type === 'identifier' ? p.text : p.namedChildren[0]?.text);
  if (arg.parent?.type === 'keyword_argument') {
    const kw = arg.parent.childForFieldName('name')?.text;
    return params.some((p) => pname(p) === kw) ? kw : undefined;
  }
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.some((a) => a?.type === 'list_splat' || a?.type === 'dictionary_splat')) return undefined;
  const i = args.findIndex((a) => a?.id === arg.id);
  const offset = params[0] && pname(params[0]) === 'self' ? 1 : 0;
  const p = i >= 0 ? params[i + offset] : undefined;
  return p && (p.type === 'identifier' || p.type === 'default_parameter' || p.type === 'typed_parameter')
    ? pname(p)
    : undefined;
}

/** Under `with torch.no_grad():` (or `inference_mode`, `set_grad_enabled(False)`), or in a function decorated so. */
function underNoGrad(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'with_statement') {
      const items = p.namedChildren.find((c) => c?.type === 'with_clause');
      if (items && NO_GRAD.test(items.text)) return true;
    }
    if (p.type === 'function_definition') {
      const d =
        p.parent?.type === 'decorated_definition' ? p.parent.text.slice(0, p.startIndex - p.parent.startIndex) : '';
      return NO_GRAD.test(d);
    }
  }
  return false;
}

/** `for p in m.parameters(): p.requires_grad = False` (or `p.requires_grad_(False)`), unconditionally in the body. */
function freezesAll(paramsCall: SyntaxNode): boolean {
  const loop = paramsCall.parent;
  if (loop?.type !== 'for_statement' || loop.childForFieldName('right')?.id !== paramsCall.id) return false;
  const left = loop.childForFieldName('left');
  const v = left?.type === 'identifier' ? left.text : left?.namedChildren[left.namedChildren.length - 1]?.text;
  const body = loop.childForFieldName('body');
  return (
    !!v &&
    !!body?.namedChildren.some(
      (s) =>
        s?.type === 'expression_statement' &&
        (s.text.replace(/\s+/g, '') === `${v}.requires_grad=False` ||
          s.text.replace(/\s+/g, '') === `${v}.requires_grad_(False)`),
    )
  );
}

/**
 * One use of the model's name: false when it may train the model or cannot be read; else the names it flows into
 * (an alias, a parameter of a function of the file), recording what it shows in `j`.
 */
function judge(o: SyntaxNode, j: Judgement, defs: Map<string, SyntaxNode | null>): string[] | false {
  const p = o.parent;
  if (!p) return false;
  // Bound: `teacher = …`, `a, teacher = …`.
  if ((p.type === 'assignment' && p.childForFieldName('left')?.id === o.id) || p.type === 'pattern_list') return [];
  // Moved, cast or switched to eval mode on the way (`teacher.cuda().eval()`), or one arm of a conditional value.
  const v = outerValue(o);
  if (v.id !== o.id) {
    if (/^\.\s*eval\s*\(\s*\)/.test(v.text.slice(o.endIndex - v.startIndex))) j.evalMode = true;
    return flow(v, defs);
  }
  if (p.type === 'attribute' && p.childForFieldName('object')?.id === o.id) return member(p, j);
  // A forward pass: `teacher(x)`.
  if (p.type === 'call' && p.childForFieldName('function')?.id === o.id) return forwardPass(p, j);
  return flow(o, defs);
}

/** A method or attribute of the model (`teacher.module.eval()`, `model.output_dim`, `model.extract(x)`). */
function member(first: SyntaxNode, j: Judgement): string[] | false {
  let top = first;
  const attrs = [first.childForFieldName('attribute')?.text ?? ''];
  for (
    let up = top.parent;
    up?.type === 'attribute' && up.childForFieldName('object')?.id === top.id;
    up = top.parent
  ) {
    attrs.push(up.childForFieldName('attribute')?.text ?? '');
    top = up;
  }
  const call =
    top.parent?.type === 'call' && top.parent.childForFieldName('function')?.id === top.id ? top.parent : undefined;
  const method = attrs[attrs.length - 1];
  // Through `.module` (DataParallel's wrapped model) only: `model.backbone.eval()` says nothing of the whole model.
  const whole = attrs.slice(0, -1).every((a) => a === 'module');
  if (!call) {
    // A read: a number or setting is harmless; a sub-module handed on may be trained.
    const value = outerValue(top);
    const t = value.parent?.type;
    const handed = t === 'argument_list' || t === 'keyword_argument' || t === 'assignment' || t === 'return_statement';
    return handed && !SCALAR_ATTR.test(method) ? false : [];
  }
  const args = call.childForFieldName('arguments')?.text.replace(/\s+/g, '') ?? '';
  if (method === 'eval' || (method === 'train' && /^\((mode=)?False\)$/.test(args))) {
    if (whole) j.evalMode = true;
    return [];
  }
  if (method === 'requires_grad_' && /^\((requires_grad=)?False\)$/.test(args)) {
    if (whole) j.frozen = true;
    return [];
  }
  if ((method === 'parameters' || method === 'named_parameters') && whole && freezesAll(call)) {
    j.frozen = true;
    return [];
  }
  if (/^(train|requires_grad_|parameters|named_parameters|zero_grad|backward)$/.test(method)) return false;
  if (KEEPS.test(method)) return [];
  // Any other method (`forward`, `module.encode`, `extract_features`) runs the model.
  return forwardPass(call, j);
}

/** Where a value of the model goes: an alias, a test, an expression of its own, a call it is passed to. */
function flow(v: SyntaxNode, defs: Map<string, SyntaxNode | null>): string[] | false {
  const sink = v.parent;
  if (!sink) return false;
  if (sink.type === 'assignment' && sink.childForFieldName('right')?.id === v.id) {
    const left = sink.childForFieldName('left');
    return left && isName(left) ? [left.text] : false;
  }
  // Tested (`if teacher is not None:`, `if teacher:`), or a statement of its own (`teacher.eval()`).
  if (/^(comparison_operator|not_operator|if_statement|boolean_operator|expression_statement)$/.test(sink.type))
    return [];
  // Passed to a call: the wrapper itself, a reader, or a function of the file that is followed.
  const argList = sink.type === 'keyword_argument' ? sink.parent : sink;
  const call = argList?.type === 'argument_list' ? argList.parent : undefined;
  if (!call || call.type !== 'call') return false;
  const callee = call.childForFieldName('function')?.text ?? '';
  const last = callee.split('.').pop() ?? '';
  if (/DataParallel/.test(last) || READS.test(last)) return [];
  const fn = defs.get(last);
  if (!fn || (callee.includes('.') && !callee.startsWith('self.'))) return false;
  const param = parameterFor(fn, call, v);
  return param ? [param] : false;
}

function forwardPass(call: SyntaxNode, j: Judgement): string[] {
  j.forward++;
  if (underNoGrad(call)) j.underNoGrad++;
  return [];
}
