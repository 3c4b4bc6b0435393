// The parameters of a model class the script defines, counted from the torch.nn layer constructors of its `__init__`
// (`nn.Conv2d(1, 16, kernel_size=5)`, `nn.Linear(7*7*32, num_classes)`), for the rules' toy-run check: a two-layer
// MNIST convnet states no size anywhere, and fp32 on its V100 is no finding. Counted with the formulas of PyTorch's
// documentation (torch.nn.Linear: in×out weights + out bias; Conv: out × in/groups × kernel + out; BatchNorm and
// LayerNorm: weight and bias; Embedding: num × dim). Precision first: one class, the one the script trains (the
// object its optimizer, parallel wrapper or Trainer.fit takes, or `model`), built only from layers of that list, from
// classes of the same file built the same way, and from sizes written as numbers (or arithmetic on the constructor's
// defaults and arguments); a loop, a branch, a helper call, a recurrent or attention layer, an upsampling layer or a
// class inheriting from another class leaves the count unknown.
import type { SyntaxNode } from '../parse/python';
import { spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { calleeOf, nodesOfType } from '../parse/nodes-of-type';

const OPTIMIZER = /(?:^|\.)(Adam\w*|SGD|RMSprop|Adagrad|Adadelta|NAdam|RAdam|AdamW)$/;
const PARALLEL = /(?:^|\.)(DistributedDataParallel|DataParallel|DDP)$/;
const SAME_MODULE = /^(to|cuda|cpu|float|double|train)$/;
/** Module bases whose own parameters are none (torch.nn.Module, Lightning's LightningModule). */
const MODULE_BASE = /^\(\s*(?:(?:torch\.)?nn\.Module|Module|(?:\w+\.)?LightningModule)\s*\)$/;
/** torch.nn modules without parameters. */
const NO_PARAMS =
  /^(ReLU6?|LeakyReLU|GELU|SiLU|ELU|SELU|CELU|Mish|Softplus|Hardswish|Hardsigmoid|Hardtanh|Sigmoid|Tanh|Softmax|LogSoftmax|Dropout\w*|AlphaDropout|MaxPool[123]d|AvgPool[123]d|AdaptiveAvgPool[123]d|AdaptiveMaxPool[123]d|Flatten|Identity|ZeroPad2d|ConstantPad[123]d|ReflectionPad[123]d)$/;

const CONSTANT = /^(string|float|true|false|none|unary_operator)$/;

interface Count {
  params: number;
  conv: boolean;
}
type Env = Map<string, number>;

/** The `layer_params` fact of the model the script trains, when its class is defined in this file and countable. */
export function layerParamsFact(file: string, root: SyntaxNode, text: string): Fact | undefined {
  const classes = new Map<string, SyntaxNode>();
  for (const c of root.namedChildren) {
    const def = c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    const name = def?.type === 'class_definition' ? def.childForFieldName('name')?.text : undefined;
    if (def && name) classes.set(name, def);
  }
  const fromNn = new Set(
    [...text.matchAll(/^from\s+torch\.nn\s+import\s+\(?([\w\s,]+)\)?/gm)].flatMap((m) =>
      m[1].split(',').map((s) => s.trim()),
    ),
  );
  const cls = trainedClass(root, classes, fromNn);
  if (!cls) return undefined;
  const scope: Scope = { classes, fromNn, depth: 0, plain: new Set() };
  // A model built as one `nn.Sequential(...)` of layers (a tutorial's MLP): counted like a class's `__init__`.
  const counted = cls.type === 'call' ? countCall(cls, new Map(), scope) : countClass(cls, new Map(), scope);
  if (!counted || counted.params <= 0) return undefined;
  const name = cls.type === 'call' ? cls.childForFieldName('function') : cls.childForFieldName('name');
  if (!name) return undefined;
  return {
    key: 'layer_params',
    value: counted.params,
    origin: 'explicit',
    file,
    span: spanOf(name),
    form: counted.conv ? 'convolutional' : undefined,
    note: `${name.text}: ${counted.params.toLocaleString('en-US')} parameters counted from its torch.nn layer constructors`,
  };
}

/**
 * The class of the object the script trains, when every assignment of the trained names builds one class of the file,
 * or the `nn.Sequential(...)` call when that is what they build.
 */
export function trainedClass(
  root: SyntaxNode,
  classes: Map<string, SyntaxNode>,
  fromNn: Set<string> = new Set(),
): SyntaxNode | undefined {
  const names = new Set<string>(['model']);
  // Nodes by their start: tree-sitter hands out a new object on each access.
  const found = new Map<number, SyntaxNode>();
  for (const call of nodesOfType(root, 'call')) {
    const callee = calleeOf(call);
    const first = call.childForFieldName('arguments')?.namedChildren.find((a) => a && a.type !== 'comment');
    if (!first) continue;
    if (OPTIMIZER.test(callee)) {
      const m = /^([A-Za-z_]\w*)(?:\.module)?\.parameters\(\s*\)$/.exec(first.text);
      if (m?.[1] === 'self') {
        const owner = enclosingClass(call);
        if (owner) found.set(owner.startIndex, owner);
      } else if (m) names.add(m[1]);
    } else if ((PARALLEL.test(callee) || /\.fit$/.test(callee)) && first.type === 'identifier') names.add(first.text);
  }
  for (const a of nodesOfType(root, 'assignment')) {
    const left = a.childForFieldName('left')?.text;
    if (!left || !names.has(left)) continue;
    let rhs = a.childForFieldName('right');
    while (rhs?.type === 'call') {
      const fn = rhs.childForFieldName('function');
      if (fn?.type !== 'attribute' || !SAME_MODULE.test(fn.childForFieldName('attribute')?.text ?? '')) break;
      rhs = fn.childForFieldName('object');
    }
    if (rhs?.type !== 'call') return undefined;
    const callee = calleeOf(rhs);
    // A wrapper of the same module (`model = DDP(model)`, `torch.compile(model)`) builds nothing new.
    if (PARALLEL.test(callee) || callee === 'torch.compile') continue;
    if (/^(?:torch\.)?nn\.Sequential$/.test(callee) || (callee === 'Sequential' && fromNn.has('Sequential'))) {
      found.set(rhs.startIndex, rhs);
      continue;
    }
    const c = classes.get(callee);
    if (!c) return undefined;
    found.set(c.startIndex, c);
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

function enclosingClass(n: SyntaxNode): SyntaxNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'class_definition') return p;
  return undefined;
}

interface Scope {
  classes: Map<string, SyntaxNode>;
  fromNn: Set<string>;
  depth: number;
  /** Names bound to a constant that is no size (a dropout rate, a string): they hold no module. */
  plain: Set<string>;
}

/** A class's parameters with its constructor's parameters bound to `args`, or undefined when not countable. */
function countClass(cls: SyntaxNode, args: Env, scope: Scope): Count | undefined {
  if (scope.depth > 4) return undefined;
  const bases = cls.childForFieldName('superclasses')?.text ?? '';
  if (!MODULE_BASE.test(bases)) return undefined;
  const body = cls.childForFieldName('body');
  const init = body?.namedChildren.find(
    (s) => s?.type === 'function_definition' && s.childForFieldName('name')?.text === '__init__',
  );
  if (!body || !init) return undefined;
  // Layers built outside `__init__` (in `forward`, a `build()` helper) are not counted: nothing is claimed.
  for (const call of nodesOfType(body, 'call'))
    if (!within(call, init) && layerName(call, scope) !== undefined) return undefined;
  const env: Env = new Map();
  const plain = new Set<string>();
  scope = { ...scope, plain };
  for (const p of init.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    const name = (p.childForFieldName('name') ?? p).text;
    if (p.type === 'identifier' || p.type === 'typed_parameter') {
      const v = name === 'self' ? undefined : args.get(name);
      if (v !== undefined) env.set(name, v);
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const dflt = p.childForFieldName('value');
      const v = args.get(name) ?? num(dflt, new Map());
      if (v !== undefined) env.set(name, v);
      else if (!args.has(name) && dflt && CONSTANT.test(dflt.type)) plain.add(name);
    } else return undefined; // *args, **kwargs
  }
  const total: Count = { params: 0, conv: false };
  for (const st of init.childForFieldName('body')?.namedChildren ?? []) {
    if (!st || st.type === 'comment' || st.type === 'pass_statement') continue;
    if (st.type !== 'expression_statement') return undefined; // a loop, a branch, a nested function
    const e = st.namedChildren[0];
    if (!e) continue;
    if (e.type === 'string') continue; // a docstring
    if (e.type === 'assignment') {
      const left = e.childForFieldName('left');
      const right = e.childForFieldName('right');
      if (!left || !right) return undefined;
      const v = num(right, env);
      if (v !== undefined) {
        env.set(left.text, v);
        continue;
      }
      if (CONSTANT.test(right.type) || plain.has(right.text)) {
        plain.add(left.text);
        continue;
      }
      const c = countValue(right, env, scope);
      if (!c) return undefined;
      add(total, c);
    } else if (e.type === 'call') {
      if (/^super\(.*\)\.__init__$/.test(calleeOf(e))) continue;
      return undefined;
    } else return undefined;
  }
  return total;
}

/** What an assigned value builds: a layer, a container of layers, or nothing (a number, a string, a name). */
function countValue(n: SyntaxNode, env: Env, scope: Scope): Count | undefined {
  if (n.type === 'call') return countCall(n, env, scope);
  if (n.type === 'list' || n.type === 'tuple')
    return sum(
      n.namedChildren.filter((x): x is SyntaxNode => !!x && x.type !== 'comment'),
      env,
      scope,
    );
  // A constant holds no module; a name holds none only when it is bound to a constant (a module passed in as an
  // argument, `self.backbone = backbone`, is not counted); anything that computes (a comprehension) is not counted.
  if (/^(string|integer|float|true|false|none)$/.test(n.type)) return { params: 0, conv: false };
  if ((n.type === 'identifier' || n.type === 'attribute') && (env.has(n.text) || scope.plain.has(n.text)))
    return { params: 0, conv: false };
  return undefined;
}

function sum(nodes: readonly SyntaxNode[], env: Env, scope: Scope): Count | undefined {
  const total: Count = { params: 0, conv: false };
  for (const x of nodes) {
    const c = countValue(x, env, scope);
    if (!c) return undefined;
    add(total, c);
  }
  return total;
}

function layerName(call: SyntaxNode, scope: Scope): string | undefined {
  const callee = calleeOf(call);
  const m = /^(?:torch\.)?nn\.(\w+)$/.exec(callee);
  if (m) return m[1];
  return scope.fromNn.has(callee) ? callee : undefined;
}

function countCall(call: SyntaxNode, env: Env, scope: Scope): Count | undefined {
  const argList = call.childForFieldName('arguments');
  const all = (argList?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  if (all.some((a) => /splat/.test(a.type))) return undefined;
  const pos = all.filter((a) => a.type !== 'keyword_argument');
  const kw = new Map<string, SyntaxNode>();
  for (const a of all) {
    const v = a.type === 'keyword_argument' ? a.childForFieldName('value') : null;
    if (v) kw.set(a.childForFieldName('name')?.text ?? '', v);
  }
  const arg = (i: number, name: string) => pos[i] ?? kw.get(name);
  const int = (i: number, name: string, dflt?: number) => {
    const node = arg(i, name);
    return node ? num(node, env) : dflt;
  };
  const flag = (i: number, name: string) => {
    const node = arg(i, name);
    return !node ? true : node.type === 'true' ? true : node.type === 'false' ? false : undefined;
  };
  const layer = layerName(call, scope);
  if (layer === undefined) {
    const cls = scope.classes.get(calleeOf(call));
    if (!cls) return undefined;
    const init = cls
      .childForFieldName('body')
      ?.namedChildren.find(
        (s) => s?.type === 'function_definition' && s.childForFieldName('name')?.text === '__init__',
      );
    const names = (init?.childForFieldName('parameters')?.namedChildren ?? [])
      .map((p) => (p?.childForFieldName('name') ?? p)?.text ?? '')
      .filter((n) => n !== 'self');
    const bound: Env = new Map();
    for (let i = 0; i < pos.length; i++) {
      const v = num(pos[i], env);
      if (v === undefined || i >= names.length) return undefined;
      bound.set(names[i], v);
    }
    for (const [k, node] of kw) {
      const v = num(node, env);
      if (v === undefined) return undefined;
      bound.set(k, v);
    }
    return countClass(cls, bound, { ...scope, depth: scope.depth + 1 });
  }
  if (NO_PARAMS.test(layer)) return { params: 0, conv: false };
  if (layer === 'Sequential') return sum(pos, env, scope);
  if (layer === 'ModuleList') return pos.length === 1 ? countValue(pos[0], env, scope) : undefined;
  if (layer === 'Linear') {
    const i = int(0, 'in_features');
    const o = int(1, 'out_features');
    const b = flag(2, 'bias');
    return i !== undefined && o !== undefined && b !== undefined
      ? { params: i * o + (b ? o : 0), conv: false }
      : undefined;
  }
  const conv = /^Conv([123])d$/.exec(layer);
  if (conv) {
    const i = int(0, 'in_channels');
    const o = int(1, 'out_channels');
    const k = kernel(arg(2, 'kernel_size'), Number(conv[1]), env);
    const g = int(6, 'groups', 1);
    const b = flag(7, 'bias');
    if (i === undefined || o === undefined || k === undefined || g === undefined || b === undefined || g < 1)
      return undefined;
    if (i % g !== 0) return undefined;
    return { params: o * (i / g) * k + (b ? o : 0), conv: true };
  }
  // BatchNorm(num_features, eps, momentum, affine=True), GroupNorm(num_groups, num_channels, eps, affine=True),
  // LayerNorm(normalized_shape, eps, elementwise_affine=True, bias=True): a weight and a bias per feature.
  if (/^(BatchNorm[123]d|GroupNorm)$/.test(layer)) {
    const n = layer === 'GroupNorm' ? int(1, 'num_channels') : int(0, 'num_features');
    const affine = flag(3, 'affine');
    return n !== undefined && affine !== undefined ? { params: affine ? 2 * n : 0, conv: false } : undefined;
  }
  if (layer === 'LayerNorm') {
    const n = shape(arg(0, 'normalized_shape'), env);
    const affine = flag(2, 'elementwise_affine');
    const bias = flag(3, 'bias');
    if (n === undefined || affine === undefined || bias === undefined) return undefined;
    return { params: affine ? n * (bias ? 2 : 1) : 0, conv: false };
  }
  if (layer === 'Embedding') {
    const n = int(0, 'num_embeddings');
    const d = int(1, 'embedding_dim');
    return n !== undefined && d !== undefined ? { params: n * d, conv: false } : undefined;
  }
  if (layer === 'PReLU') {
    const n = int(0, 'num_parameters', 1);
    return n !== undefined ? { params: n, conv: false } : undefined;
  }
  // Recurrent, attention, transposed-convolution and upsampling layers, and anything else: not counted.
  return undefined;
}

/** A kernel size: one number for every dimension, or a tuple of them; the product. */
function kernel(n: SyntaxNode | undefined, dims: number, env: Env): number | undefined {
  if (!n) return undefined;
  const one = num(n, env);
  if (one !== undefined) return one ** dims;
  return shape(n, env);
}

/** A shape written as a number or a tuple/list of numbers: the product. */
function shape(n: SyntaxNode | undefined, env: Env): number | undefined {
  if (!n) return undefined;
  const one = num(n, env);
  if (one !== undefined) return one;
  if (n.type !== 'tuple' && n.type !== 'list') return undefined;
  let p = 1;
  for (const x of n.namedChildren) {
    const v = x ? num(x, env) : undefined;
    if (v === undefined) return undefined;
    p *= v;
  }
  return p;
}

/** A non-negative integer written as a literal, a bound name or arithmetic on them. */
function num(n: SyntaxNode | null | undefined, env: Env): number | undefined {
  if (!n) return undefined;
  switch (n.type) {
    case 'integer': {
      const v = Number(n.text.replace(/_/g, ''));
      return Number.isSafeInteger(v) ? v : undefined;
    }
    case 'identifier':
    case 'attribute':
      return env.get(n.text);
    case 'parenthesized_expression':
      return num(n.namedChildren[0], env);
    case 'binary_operator': {
      const a = num(n.childForFieldName('left'), env);
      const b = num(n.childForFieldName('right'), env);
      if (a === undefined || b === undefined) return undefined;
      const op = n.childForFieldName('operator')?.text;
      const v =
        op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '//' && b > 0 ? Math.floor(a / b) : NaN;
      return Number.isSafeInteger(v) && v >= 0 ? v : undefined;
    }
    default:
      return undefined;
  }
}

function within(n: SyntaxNode, outer: SyntaxNode): boolean {
  return outer.startIndex <= n.startIndex && n.endIndex <= outer.endIndex;
}

function add(total: Count, c: Count): void {
  total.params += c.params;
  total.conv ||= c.conv;
}
