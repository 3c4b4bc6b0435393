// The arguments each call in a file passes to one of its functions: direct calls (`train(model, hp)`), and the
// calls that start it in other processes — `torch.multiprocessing.spawn(train, args=(a, b), nprocs=n)` runs
// `train(i, a, b)` with the process index first ("fn(i, *args)", https://pytorch.org/docs/stable/multiprocessing.html
// #spawning-subprocesses), `multiprocessing.Process(target=train, args=(a, b))` runs `train(a, b)`
// (https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Process). Used by ./python-values to follow
// a parameter into what its callers pass.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';

export interface PassedArgs {
  /** Positional arguments in order; undefined where the call passes something not written here (the process index). */
  positional: (SyntaxNode | undefined)[];
  keyword: Map<string, SyntaxNode>;
  /** `*xs` or `**kw` among them: which parameter gets what is not known. */
  splat: boolean;
}

const SPAWN = /^((torch\.)?(multiprocessing|mp)\.)?(spawn|start_processes)$/;
const PROCESS = /^((torch\.)?(multiprocessing|mp)\.)?Process$/;

/** What each call of `fn` (by its name, outside its own body) passes; spawned and process-started calls included. */
export function passedArgs(root: SyntaxNode, fn: SyntaxNode): PassedArgs[] {
  const name = fn.childForFieldName('name')?.text;
  if (!name) return [];
  const out: PassedArgs[] = [];
  for (const c of nodesOfType(root, 'call')) {
    if (!c || (fn.startIndex <= c.startIndex && c.endIndex <= fn.endIndex)) continue;
    const callee = c.childForFieldName('function')?.text ?? '';
    const args = (c.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a);
    const kw = (k: string) =>
      args
        .find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === k)
        ?.childForFieldName('value') ?? undefined;
    if (callee === name) {
      out.push(split(args));
      continue;
    }
    const spawn = SPAWN.test(callee);
    if (!spawn && !PROCESS.test(callee)) continue;
    const target = spawn ? (kw('fn') ?? args.find((a) => a.type !== 'keyword_argument')) : kw('target');
    if (target?.text !== name) continue;
    const tuple = kw('args');
    const passed = tuple ? unpacked(tuple) : [];
    if (!passed) {
      out.push({ positional: [], keyword: new Map(), splat: true });
      continue;
    }
    const inner = split(passed);
    out.push(spawn ? { ...inner, positional: [undefined, ...inner.positional] } : inner);
  }
  return out;
}

/** The class whose body defines `fn` directly (a method, decorated or not), else undefined. */
export function classOf(fn: SyntaxNode): SyntaxNode | undefined {
  const def = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const owner = def.parent?.type === 'block' ? def.parent.parent : undefined;
  return owner?.type === 'class_definition' ? owner : undefined;
}

/**
 * What each call of a plain method `fn` of class `cls` passes: `self.<name>(…)` inside the class, and `x.<name>(…)`
 * on a name the file binds to an instance (`trainer = TrainerModule(…)` … `trainer.train_model(num_epochs=500)`).
 * Positions count the method's own parameters (`self` first, never passed). Undefined for a static or class method,
 * `__init__` (called through the class) and a name bound to anything but the class.
 */
export function methodCallArgs(root: SyntaxNode, cls: SyntaxNode, fn: SyntaxNode): PassedArgs[] | undefined {
  const name = fn.childForFieldName('name')?.text;
  const clsName = cls.childForFieldName('name')?.text;
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent.text : '';
  if (!name || !clsName || name.startsWith('__') || /@(staticmethod|classmethod)\b/.test(decorated)) return undefined;
  const instances = new Set<string>();
  for (const a of nodesOfType(root, 'assignment')) {
    const right = a?.childForFieldName('right');
    const left = a?.childForFieldName('left');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    if (right.childForFieldName('function')?.text === clsName) instances.add(left.text);
    else if (instances.has(left.text)) return undefined;
  }
  const out: PassedArgs[] = [];
  for (const c of nodesOfType(root, 'call')) {
    if (!c || (fn.startIndex <= c.startIndex && c.endIndex <= fn.endIndex)) continue;
    const callee = c.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== name) continue;
    const object = callee.childForFieldName('object')?.text ?? '';
    const inside = cls.startIndex <= c.startIndex && c.endIndex <= cls.endIndex;
    if (!(object === 'self' && inside) && !instances.has(object)) continue;
    const passed = split((c.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a));
    out.push({ ...passed, positional: [undefined, ...passed.positional] });
  }
  return out;
}

function split(args: SyntaxNode[]): PassedArgs {
  const keyword = new Map<string, SyntaxNode>();
  const positional: SyntaxNode[] = [];
  let splat = false;
  for (const a of args) {
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') splat = true;
    else if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value');
      if (k && v) keyword.set(k, v);
    } else positional.push(a);
  }
  return { positional, keyword, splat };
}

/** The elements of a tuple or list written in place (`args=(a, b)`, `args=(a,)`), else undefined. */
function unpacked(n: SyntaxNode): SyntaxNode[] | undefined {
  let x: SyntaxNode | null = n;
  while (x?.type === 'parenthesized_expression' && x.namedChildren.length === 1) x = x.namedChildren[0];
  if (x?.type !== 'tuple' && x?.type !== 'list') return undefined;
  return x.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
}
