// A multi-device mechanism that is switched off by default (issue 11, "Devices everywhere"): a script whose
// `DataParallel`, `DistributedDataParallel`, process group or `spawn` runs only under an option that its default run
// does not give — `--local_rank` -1 with DDP only when it is not -1 (`torch.distributed.launch` passes the option,
// https://pytorch.org/docs/stable/distributed.html#launch-utility), a `--multigpus`/`--distributed` switch that is
// off unless given (argparse `store_true`, https://docs.python.org/3/library/argparse.html#action), a world-size
// option that defaults to 1. Read from the syntax: each occurrence of a mechanism is placed in the branch that holds
// it, and a branch is dead when its condition, evaluated over the options' declared defaults, is false (or true, for
// an `else`). Anything not decided leaves the mechanism live, and the count unknown — a switch read from the
// environment among them (`int(os.environ.get("RANK", -1)) != -1`): torchrun sets `RANK`/`WORLD_SIZE` for every
// process it starts without any option in view (https://pytorch.org/docs/stable/elastic/run.html#environment-variables),
// so such a script is written for a launcher the file does not show.
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal } from '../parse/python-syntax';
import type { FactValue } from '../types';
import { ValueResolver } from './python-values';

/** The objects a script keeps its options in (`args.local_rank`, `opts.multigpus`, `self.args.world_size`). */
const OPTIONS = /^(self\.)?(args|opt|opts|cfg|config|hparams|params|flags|FLAGS)$/;
/** Words that name a count, a rank or a switch rather than run anything: reading them sets up nothing. */
const VALUE_WORD =
  /^(world[_-]?size|WORLD_SIZE|local_rank|LOCAL_RANK|rank|RANK|nproc\w*|num_gpus|n_gpus|ngpus|num_gpu|n_gpu|gpu_num|multi_gpu\w*|[Dd]istributed|fsdp|FSDP|use_\w+|\w+_per_node)$/;
/** An expression that reads the process environment. */
const ENV_READ = /\b(os\.environ|environ|getenv)\b/;
/** Calls whose text is for people (a log line, a print): a word in their strings runs nothing. */
const TALK = /(^|\.)(print|info|warning|warn|debug|error|critical|log|write|format|set_description)$/;

const MAX_DEPTH = 4;
type Val = FactValue | undefined;

/** The options that decide it, with their defaults, and the mechanisms switched off. */
export interface SwitchedOff {
  /** The first condition that turns a mechanism off (`args.local_rank != -1`) and the defaults it reads. */
  condition: string;
  defaults: string[];
  mechanisms: string[];
}

class DefaultRun {
  private resolver?: ValueResolver;
  /** Names of the options the condition evaluation read (for the note), with their defaults. */
  readonly read = new Map<string, string>();
  /** Attributes of an options object the script assigns itself (`args.local_rank = rank`): no declared default holds. */
  private assignedNames?: Set<string>;
  private readonly deadCache = new Map<number, boolean>();

  /** Built when a condition is first evaluated: most mechanisms sit under no condition at all. */
  constructor(
    private readonly root: SyntaxNode,
    private readonly text: string,
    private readonly given: (option: string) => boolean,
  ) {}

  get values(): ValueResolver {
    return (this.resolver ??= new ValueResolver(this.root, findCalls(this.root, this.text, ['add_argument'])));
  }

  private get assigned(): Set<string> {
    if (!this.assignedNames) {
      this.assignedNames = new Set();
      for (const m of this.root.text.matchAll(
        /\b(?:self\.)?(?:args|opt|opts|cfg|config|hparams|params|flags|FLAGS)\.(\w+)\s*=[^=]/g,
      ))
        this.assignedNames.add(m[1]);
    }
    return this.assignedNames;
  }

  /** The value of an expression in the default run, when the syntax decides it. */
  value(n: SyntaxNode | null | undefined, depth = 0): Val {
    if (!n || depth > MAX_DEPTH) return undefined;
    const lit = literal(n);
    if (lit !== undefined) return lit;
    switch (n.type) {
      case 'parenthesized_expression':
        return n.namedChildren.length === 1 ? this.value(n.namedChildren[0], depth) : undefined;
      case 'not_operator': {
        const v = this.truth(n.childForFieldName('argument'), depth);
        return v === undefined ? undefined : !v;
      }
      case 'boolean_operator': {
        const a = this.truth(n.childForFieldName('left'), depth);
        const b = this.truth(n.childForFieldName('right'), depth);
        if (n.childForFieldName('operator')?.text === 'and')
          return a === false || b === false ? false : a === true && b === true ? true : undefined;
        return a === true || b === true ? true : a === false && b === false ? false : undefined;
      }
      case 'comparison_operator':
        return this.compare(n, depth);
      case 'attribute': {
        const obj = n.childForFieldName('object')?.text ?? '';
        const name = n.childForFieldName('attribute')?.text ?? '';
        if (!OPTIONS.test(obj) || this.assigned.has(name) || this.given(name)) return undefined;
        const d = this.values.declaredDefault(name);
        if (d) this.read.set(name, `${name} ${JSON.stringify(d.value)}`);
        return d?.value;
      }
      case 'identifier': {
        // A name bound once in its function, else once at module level (`ddp = world_size != 1`); not a parameter.
        for (let p = n.parent; p; p = p.parent)
          if (
            p.type === 'function_definition' &&
            new RegExp(`\\b${n.text}\\b`).test(p.childForFieldName('parameters')?.text ?? '')
          )
            return undefined;
        const local = this.values.localAssignments(n);
        const rhs = local.length === 1 ? local[0] : local.length === 0 ? this.values.moduleBinding(n.text) : undefined;
        return rhs ? this.value(rhs, depth + 1) : undefined;
      }
      case 'call':
        return this.call(n, depth);
    }
    return undefined;
  }

  private truth(n: SyntaxNode | null | undefined, depth: number): boolean | undefined {
    const v = this.value(n, depth);
    return v === undefined ? undefined : !(v === null || v === false || v === 0 || v === '');
  }

  private compare(n: SyntaxNode, depth: number): Val {
    if (n.namedChildren.length !== 2) return undefined;
    const [l, r] = n.namedChildren;
    if (!l || !r) return undefined;
    const op = n.text
      .slice(l.endIndex - n.startIndex, r.startIndex - n.startIndex)
      .trim()
      .replace(/\s+/g, ' ');
    const a = this.value(l, depth);
    if (a === undefined) return undefined;
    if (op === 'in' || op === 'not in') {
      if (r.type !== 'list' && r.type !== 'tuple' && r.type !== 'set') return undefined;
      const items = r.namedChildren.map((c) => literal(c));
      if (items.some((x) => x === undefined)) return undefined;
      return items.includes(a) === (op === 'in');
    }
    const b = this.value(r, depth);
    if (b === undefined) return undefined;
    if (op === 'is' || op === 'is not') return (a === b) === (op === 'is');
    // Values of different kinds (a string from the environment beside a number) are not decided here.
    if (typeof a !== typeof b && a !== null && b !== null) return undefined;
    if (op === '==' || op === '!=') return (a === b) === (op === '==');
    if (typeof a !== 'number' || typeof b !== 'number') return undefined;
    return { '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b }[op];
  }

  private call(n: SyntaxNode, depth: number): Val {
    const fn = n.childForFieldName('function')?.text ?? '';
    const args = n.childForFieldName('arguments')?.namedChildren ?? [];
    if ((fn === 'int' || fn === 'bool') && args.length === 1) {
      const v = this.value(args[0], depth + 1);
      if (fn === 'bool') return v === undefined ? undefined : !(v === null || v === false || v === 0 || v === '');
      const x = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
      return typeof x === 'number' && Number.isInteger(x) ? x : undefined;
    }
    // A module-level function without parameters that returns one expression (`def should_distribute(): return …`).
    if (/^\w+$/.test(fn) && args.length === 0) {
      const def = this.root.namedChildren.find(
        (c) => c?.type === 'function_definition' && c.childForFieldName('name')?.text === fn,
      );
      const body = def?.childForFieldName('body')?.namedChildren.filter((c) => c?.type !== 'comment') ?? [];
      if (def && def.childForFieldName('parameters')?.namedChildren.length === 0 && body.length >= 1) {
        const last = body[body.length - 1];
        const onlyDoc = body
          .slice(0, -1)
          .every((s) => s?.type === 'expression_statement' && s.firstNamedChild?.type === 'string');
        if (last?.type === 'return_statement' && onlyDoc) return this.value(last.firstNamedChild, depth + 1);
      }
    }
    return undefined;
  }

  /** The condition that makes the code at `node` unreachable in the default run, if one does. */
  deadBy(node: SyntaxNode, depth = 0): string | undefined {
    for (let p: SyntaxNode | null = node, c: SyntaxNode | null = null; p; c = p, p = p.parent) {
      if (p.type === 'if_statement' && c) {
        const cond = p.childForFieldName('condition');
        if (c.id === p.childForFieldName('consequence')?.id) {
          if (this.truth(cond, 0) === false) return cond?.text;
        } else if (c.type === 'elif_clause' || c.type === 'else_clause') {
          // Earlier conditions that hold take the branch first; an `elif` whose own condition is false is dead too.
          const alts = p.namedChildren.filter((x) => x?.type === 'elif_clause' || x?.type === 'else_clause');
          const before = [
            cond,
            ...alts
              .slice(
                0,
                alts.findIndex((x) => x?.id === c.id),
              )
              .map((x) => x?.childForFieldName('condition')),
          ];
          const taken = before.find((x) => this.truth(x, 0) === true);
          if (taken) return `not ${taken.text}`;
          if (c.type === 'elif_clause' && this.truth(c.childForFieldName('condition'), 0) === false)
            return c.childForFieldName('condition')?.text;
        }
      }
      if (p.type === 'conditional_expression' && c && p.namedChildren.length === 3) {
        const [yes, cond, no] = p.namedChildren;
        const t = this.truth(cond, 0);
        if (c.id === yes?.id && t === false) return cond?.text;
        if (c.id === no?.id && t === true) return `not ${cond?.text}`;
      }
      if (p.type === 'function_definition') return this.deadFunction(p, depth);
    }
    return undefined;
  }

  /**
   * A module-level function whose every use is dead code. One the file never names stays live: a framework may call it
   * (`tf.compat.v1.app.run()` runs `main`).
   */
  private deadFunction(fn: SyntaxNode, depth: number): string | undefined {
    // A decorated function is handed to its decorator (`@hydra.main`), which may run it.
    if (fn.parent?.type !== 'module' || depth >= MAX_DEPTH) return undefined;
    const name = fn.childForFieldName('name')?.text;
    if (!name) return undefined;
    const cached = this.deadCache.get(fn.id);
    if (cached === false) return undefined;
    let why: string | undefined;
    for (const m of this.root.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
      const at = this.root.startIndex + m.index;
      if (at >= fn.startIndex && at < fn.endIndex) continue;
      const id = this.root.descendantForIndex(at, at + name.length - 1);
      if (id?.type !== 'identifier' || id.text !== name) continue;
      const d = this.deadBy(id, depth + 1);
      if (!d) {
        this.deadCache.set(fn.id, false);
        return undefined;
      }
      why ??= d;
    }
    return why;
  }
}

const inside = (n: SyntaxNode, test: (p: SyntaxNode) => boolean): boolean => {
  for (let p: SyntaxNode | null = n; p; p = p.parent) if (test(p)) return true;
  return false;
};

/** What the word at `node` is when it sets up nothing: a comment, an import, an option's declaration, a log line. */
function inert(node: SyntaxNode): boolean {
  return inside(node, (p) => {
    if (p.type === 'comment' || p.type === 'import_statement' || p.type === 'import_from_statement') return true;
    // A string is data (a docstring, a key path `"train.dist.local_rank"`), unless it names a variable read from the
    // environment (`os.environ["LOCAL_RANK"]`, `os.getenv("WORLD_SIZE")`, `"RANK" in os.environ`), which a launcher sets.
    if (p.type === 'string')
      return !ENV_READ.test(p.parent?.parent?.text ?? '') && !ENV_READ.test(p.parent?.text ?? '');
    if (p.type !== 'call') return false;
    const fn = p.childForFieldName('function')?.text ?? '';
    return /(^|\.)(add_argument|DEFINE_\w+)$/.test(fn) || TALK.test(fn);
  });
}

/** A count, rank or switch read or bound (`args.local_rank`, `world_size = …`): a value, not a mechanism. */
function valueRead(node: SyntaxNode): boolean {
  if (node.type !== 'identifier' || !VALUE_WORD.test(node.text)) return false;
  const p = node.parent;
  if (p?.type === 'attribute' && p.childForFieldName('attribute')?.id === node.id)
    return OPTIONS.test(p.childForFieldName('object')?.text ?? '');
  if (p?.type === 'attribute') return false; // `torch.distributed` as a module
  return p?.type !== 'call' || p.childForFieldName('function')?.id !== node.id;
}

/**
 * `n = torch.cuda.device_count()` (`args.n_gpu = …`) whose value is only compared or logged (`if args.n_gpu > 0:`
 * seeds every GPU): counting the GPUs starts nothing; what a comparison turns on is read as a mechanism of its own.
 */
function countOnly(node: SyntaxNode, root: SyntaxNode): boolean {
  if (node.type !== 'identifier' || node.text !== 'device_count') return false;
  let call: SyntaxNode | null = node.parent;
  while (call && call.type === 'attribute') call = call.parent;
  const assign = call?.type === 'call' ? call.parent : null;
  if (assign?.type !== 'assignment' || assign.childForFieldName('right')?.id !== call?.id) return false;
  const target = assign.childForFieldName('left');
  const name =
    target?.type === 'attribute'
      ? target.childForFieldName('attribute')?.text
      : target?.type === 'identifier'
        ? target.text
        : undefined;
  if (!name) return false;
  for (const m of root.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
    const at = root.startIndex + m.index;
    if (at >= assign.startIndex && at < assign.endIndex) continue;
    const id = root.descendantForIndex(at, at + name.length - 1);
    if (!id || inert(id)) continue;
    if (id.type !== 'identifier') return false;
    const e = id.parent?.type === 'attribute' ? id.parent : id;
    if (e.parent?.type === 'assignment' && e.parent.childForFieldName('left')?.id === e.id) continue; // set again
    if (e.parent?.type !== 'comparison_operator') return false;
  }
  return true;
}

/**
 * Whether every multi-device mechanism `pattern` finds in `text` (the entry script) is switched off in the script's
 * default run; undefined when one may run, or when none is switched off (nothing to say). `given`: an option the
 * command that runs the script sets (its default then does not hold).
 */
export function switchedOff(
  text: string,
  root: SyntaxNode,
  pattern: RegExp,
  given: (option: string) => boolean = () => false,
): SwitchedOff | undefined {
  const run = new DefaultRun(root, text, given);
  let condition: string | undefined;
  const mechanisms = new Set<string>();
  for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
    const word = /^[\w.]+/.exec(m[0])?.[0] ?? m[0];
    const node = root.descendantForIndex(m.index, m.index + Math.max(0, word.length - 1));
    if (!node) return undefined;
    if (inert(node) || valueRead(node) || countOnly(node, root)) continue;
    const dead = run.deadBy(node);
    if (!dead) return undefined;
    condition ??= dead;
    mechanisms.add(node.type === 'identifier' ? node.text : word);
  }
  if (!condition || mechanisms.size === 0) return undefined;
  return { condition, defaults: [...run.read.values()], mechanisms: [...mechanisms] };
}
