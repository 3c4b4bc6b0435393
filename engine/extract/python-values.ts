// Resolves the value of an argument expression without running anything: literals, module constants,
// `args.name` looked up in argparse `add_argument("--name", default=...)` and dataclass field defaults
// (./declared-defaults.ts).
import type { SyntaxNode } from '../parse/python';
import { literal, moduleConstants, type CallSite } from '../parse/python-syntax';
import type { FactValue } from '../types';
import { abslDefaults, moduleAssignments } from './python-flags';
import { offByComparison } from './flag-compare';
import { enclosingDef, offParameter, paramOf } from './python-params';
import { integerArithmetic } from './int-arith';
import { bindingsIn } from './local-bindings';
import { noneFill, stringMethod } from './option-fill';
import { importedArg } from './imported-args';
import { optionNamespace } from './python-imports';
import { argparseDefaults, dataclassDefaults, type Declared } from './declared-defaults';
import { nodesOfType } from '../parse/nodes-of-type';
import { firedFunctions } from './python-fire';
import { classOf, methodCallArgs, passedArgs } from './call-args';

export interface Resolved {
  value: FactValue | undefined;
  /** How it was found, for the fact's note. */
  via?: string;
  /** Node holding the value (the literal itself, or the default it came from). */
  node?: SyntaxNode;
  /** True when the value is a default the script declares rather than a value written at the call. */
  scriptDefault?: boolean;
  /** The argparse dest or dataclass field it reads (`args.lr` → "lr"): a launcher flag of that name overrides it. */
  dest?: string;
}

const MAX_DEPTH = 12;

/** One value when every candidate resolves to the same one; unknown otherwise. */
function agree(candidates: Resolved[], at: SyntaxNode | undefined): Resolved {
  if (candidates.length === 0 || candidates.some((c) => c.value === undefined)) return { value: undefined, node: at };
  const first = candidates[0];
  if (candidates.some((c) => c.value !== first.value)) return { value: undefined, node: at };
  return { ...first, scriptDefault: candidates.some((c) => c.scriptDefault) || undefined };
}

// (`model_args`, `data_args`, `script_args`: the dataclasses of a Hugging Face script's HfArgumentParser.)
const FLAG_OBJECT = /^(args|opt|opts|cfg|config|hparams|hparam|params|flags|FLAGS|\w+_args)$/;

export class ValueResolver {
  private readonly constants: Map<string, { value: FactValue; node: SyntaxNode }>;
  private readonly declared: Map<string, Declared>;
  private readonly flagHolders: Map<string, { value: FactValue; node: SyntaxNode; via: string }>;

  constructor(
    private readonly root: SyntaxNode,
    calls: CallSite[],
    /** A name the file takes from a module it imports (`epoch` of `from conf import *`, `C.epochs`): the linker's. */
    private readonly imported?: (name: string) => Resolved | undefined,
  ) {
    this.constants = moduleConstants(root);
    this.declared = argparseDefaults(root, calls, this.constants);
    const absl = abslDefaults(root, root.text);
    for (const [k, d] of absl.byName) if (!this.declared.has(k)) this.declared.set(k, d);
    this.flagHolders = absl.byHolder;
    dataclassDefaults(root, this.declared);
  }

  /**
   * `self.batch_size` inside a class whose `__init__(self, batch_size: int = 32)` declares it (LightningModule /
   * DataModule hyper-parameters, which LightningCLI turns into flags): the parameter's default, when every
   * `__init__` in the file that takes that name agrees on it.
   */
  private initDefault(name: string): { value: FactValue; node: SyntaxNode; via: string } | undefined {
    if (!this.initParams) {
      const params = new Map<string, { value: FactValue; node: SyntaxNode; via: string } | null>();
      for (const top of this.root.namedChildren) {
        const cls = top?.type === 'decorated_definition' ? top.childForFieldName('definition') : top;
        if (cls?.type !== 'class_definition') continue;
        for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
          const fn = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
          if (fn?.type !== 'function_definition' || fn.childForFieldName('name')?.text !== '__init__') continue;
          for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
            if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter') continue;
            const pname = p.childForFieldName('name')?.text;
            const def = p.childForFieldName('value');
            if (!pname || !def) continue;
            const v = literal(def);
            const prev = params.get(pname);
            const mine =
              v === undefined
                ? null
                : {
                    value: v,
                    node: def,
                    via: `default of ${cls.childForFieldName('name')?.text ?? '?'}.__init__(${pname}=…)`,
                  };
            params.set(pname, prev === undefined ? mine : prev && mine && prev.value === mine.value ? prev : null);
          }
        }
      }
      this.initParams = params;
    }
    return this.initParams.get(name) ?? undefined;
  }
  private initParams?: Map<string, { value: FactValue; node: SyntaxNode; via: string } | null>;

  /**
   * `self.mini_batch_size` read in a method of a class whose `__init__` sets it once (`self.mini_batch_size =
   * args.batch_size`, the way trainer classes keep their options): what that one assignment resolves to. Unknown when
   * the class sets it anywhere else too (another method, `+=`).
   */
  private selfAssigned(node: SyntaxNode, attr: string, depth: number): Resolved | undefined {
    let cls: SyntaxNode | null = node.parent;
    while (cls && cls.type !== 'class_definition') cls = cls.parent;
    if (!cls) return undefined;
    const target = `self.${attr}`;
    const within = (x: SyntaxNode) => x.startIndex >= cls.startIndex && x.endIndex <= cls.endIndex;
    const sets = nodesOfType(this.root, 'assignment').filter(
      (a) => a && within(a) && a.childForFieldName('left')?.text === target,
    );
    const updated = nodesOfType(this.root, 'augmented_assignment').some(
      (a) => a && within(a) && a.childForFieldName('left')?.text === target,
    );
    const rhs = sets.length === 1 ? sets[0]?.childForFieldName('right') : undefined;
    const fn = rhs ? enclosingDef(rhs) : undefined;
    if (!rhs || updated || fn?.childForFieldName('name')?.text !== '__init__' || classOf(fn)?.id !== cls.id)
      return undefined;
    const r = this.resolve(rhs, depth + 1);
    if (r.value === undefined) return r.dest ? { ...r, node } : undefined;
    return { ...r, via: `${target} = ${rhs.text}${r.via ? ` (${r.via})` : ''}` };
  }

  /**
   * A name bound inside the function that reads it (or an enclosing one): every plain assignment `name = expr` in
   * that function, or, for a parameter, what every call of the function in this file passes (its default when a
   * call leaves it out). All must agree on one value; any other binding (loop target, unpacking, `+=`) makes it
   * unknown. Undefined when the name is not local to any enclosing function (a module name).
   */
  private localBinding(id: SyntaxNode, depth: number): Resolved | undefined {
    const name = id.text;
    for (let fn = enclosingDef(id); fn; fn = enclosingDef(fn)) {
      const b = this.bindings(fn, name);
      const param = paramOf(fn, name);
      if (!b && !param) continue;
      if (b === 'opaque') return { value: undefined, node: id };
      const candidates: Resolved[] = [];
      for (const expr of b ?? []) {
        if (expr.startIndex <= id.startIndex && id.endIndex <= expr.endIndex) return { value: undefined, node: id };
        candidates.push(this.resolve(expr, depth + 1));
      }
      if (param) candidates.push(this.paramValue(fn, param, depth + 1));
      return agree(candidates, id);
    }
    return undefined;
  }

  /** What the callers of `fn` pass for `param` (by keyword or position); the default where a call leaves it out. */
  private paramValue(
    fn: SyntaxNode,
    param: { name: string; index: number; def?: SyntaxNode },
    depth: number,
  ): Resolved {
    const fname = fn.childForFieldName('name')?.text;
    if (!fname || depth >= MAX_DEPTH) return { value: undefined };
    // A method: what its calls on `self` and on instances of its class pass; none seen, nothing is known (a framework
    // or another module may call it).
    const cls = classOf(fn);
    const calls = cls ? methodCallArgs(this.root, cls, fn) : passedArgs(this.root, fn);
    if (!calls || (cls && calls.length === 0)) return { value: undefined };
    const out: Resolved[] = [];
    for (const c of calls) {
      if (c.splat) return { value: undefined };
      const arg = c.keyword.get(param.name) ?? c.positional[param.index];
      // The process index `spawn` passes first is no value written here.
      if (!arg && param.index < c.positional.length) return { value: undefined };
      if (arg) out.push(this.resolve(arg, depth));
      else if (param.def)
        out.push({
          ...this.resolve(param.def, depth),
          scriptDefault: true,
          via: `default of ${fname}(${param.name}=${param.def.text})`,
        });
      else return { value: undefined };
    }
    if (out.length === 0) {
      if (!param.def) return { value: undefined };
      // `fire.Fire(train)`: every parameter is a command-line flag of its own name (Python Fire's guide,
      // https://google.github.io/python-fire/guide/), which a launcher's `--micro_batch_size 16` sets.
      const fired = firedFunctions(this.root).has(fname);
      return {
        ...this.resolve(param.def, depth),
        scriptDefault: true,
        via: `default of ${fname}(${param.name}=${param.def.text})`,
        ...(fired ? { dest: param.name } : {}),
      };
    }
    return agree(out, undefined);
  }

  /** The dict literal a name or expression stands for (`config = {...}`, or a parameter every caller fills with one). */
  private dictOf(node: SyntaxNode | null | undefined, depth: number): SyntaxNode | undefined {
    if (!node || depth >= MAX_DEPTH) return undefined;
    if (node.type === 'dictionary') return node;
    if (node.type !== 'identifier') return undefined;
    for (let fn = enclosingDef(node); fn; fn = enclosingDef(fn)) {
      const b = this.bindings(fn, node.text);
      const param = paramOf(fn, node.text);
      if (!b && !param) continue;
      if (b === 'opaque' || (b && param) || (b && b.length !== 1)) return undefined;
      if (b) return this.dictOf(b[0], depth + 1);
      const fname = fn.childForFieldName('name')?.text;
      if (!fname || fn.parent?.parent?.type === 'class_definition') return undefined;
      const calls = passedArgs(this.root, fn);
      if (calls.length !== 1 || calls[0].splat) return undefined;
      return this.dictOf(calls[0].keyword.get(param!.name) ?? calls[0].positional[param!.index], depth + 1);
    }
    // Outside any function: a name bound once in the whole file, in the block that reads it (`if args.epochs is None:
    // epoches = {…}; args.epochs = epoches[…]`), or at the module's top level before it (`config = gmf_config` read
    // in the epoch loop below: the statement runs, unconditionally, before the loop).
    // Inside a function that binds no such name: the module's dict, bound once at its top level (`config = {…}` above
    // `def train():` that reads `config["total_steps"]`).
    if (enclosingDef(node)) {
      const m = this.moduleAlias(node.text);
      return m?.type === 'dictionary' ? m : undefined;
    }
    const all = nodesOfType(this.root, 'assignment').filter((a) => a?.childForFieldName('left')?.text === node.text);
    let block: SyntaxNode | null = node.parent;
    while (block && block.type !== 'block' && block.type !== 'module') block = block.parent;
    const only = all.length === 1 ? all[0] : undefined;
    const above = only?.parent?.parent?.type === 'module' && only.endIndex <= node.startIndex;
    return only?.parent?.parent?.id === block?.id || above
      ? this.dictOf(only?.childForFieldName('right'), depth + 1)
      : undefined;
  }

  /**
   * A condition false in the default run: `args.x` (or one operand of a top-level `and`) declared None, False, 0 or ""
   * (`if args.recovery_interval and …`, default 0). Returns the flag's dest. Reads no locals, so never recurses.
   */
  offByDefaultCondition(cond: SyntaxNode | null | undefined): string | undefined {
    if (!cond) return undefined;
    if (cond.type === 'parenthesized_expression' && cond.namedChildren.length === 1)
      return this.offByDefaultCondition(cond.namedChildren[0]);
    if (cond.type === 'boolean_operator' && cond.childForFieldName('operator')?.text === 'and') {
      return (
        this.offByDefaultCondition(cond.childForFieldName('left')) ??
        this.offByDefaultCondition(cond.childForFieldName('right'))
      );
    }
    // `args.interval != -1`, `args.interval > 0`, `args.save_dir is not None` false with the declared default.
    if (cond.type === 'comparison_operator')
      return offByComparison(cond, FLAG_OBJECT, (n) => this.declared.get(n)?.value);
    // `if tpu:` on a parameter that is False / None / 0 at every call (lit-gpt's `setup(devices=8, tpu=False)`).
    if (cond.type === 'identifier') return offParameter(cond, (fn, p) => this.paramValue(fn, p, MAX_DEPTH - 2).value);
    if (cond.type !== 'attribute' || !FLAG_OBJECT.test(cond.childForFieldName('object')?.text ?? '')) return undefined;
    const attr = cond.childForFieldName('attribute')?.text;
    const d = attr ? this.declared.get(attr) : undefined;
    if (!d || !(d.value === null || d.value === false || d.value === 0 || d.value === '')) return undefined;
    return attr;
  }

  /** A function's bindings of a name, found once per function and name (each walks the function's whole body). */
  private readonly bound = new Map<string, SyntaxNode[] | 'opaque' | undefined>();
  private bindings(fn: SyntaxNode, name: string): SyntaxNode[] | 'opaque' | undefined {
    // The resolver reads one file: its functions are told apart by their node ids in that tree.
    const key = fn.tree === this.root.tree ? `${fn.id}\0${name}` : undefined;
    if (key !== undefined && this.bound.has(key)) return this.bound.get(key);
    const b = bindingsIn(fn, name, (cond) => this.offByDefaultCondition(cond) !== undefined);
    if (key !== undefined) this.bound.set(key, b);
    return b;
  }

  /** The right-hand sides assigned to this name in its function (for reading where a local comes from). */
  localAssignments(id: SyntaxNode): SyntaxNode[] {
    for (let fn = enclosingDef(id); fn; fn = enclosingDef(fn)) {
      const b = this.bindings(fn, id.text);
      if (b === 'opaque') return [];
      if (b) return b;
      if (paramOf(fn, id.text)) return [];
    }
    return [];
  }

  /** The default an argparse option or dataclass field declares for `name` (its dest), if any. */
  declaredDefault(name: string): { value: FactValue; node: SyntaxNode; via: string } | undefined {
    return this.declared.get(name);
  }

  /** A module-level name assigned exactly once (./python-flags.ts `moduleAssignments`): its expression. */
  private moduleAlias(name: string): SyntaxNode | undefined {
    return (this.aliases ??= moduleAssignments(this.root)).get(name) ?? undefined;
  }
  private aliases?: Map<string, SyntaxNode | null>;

  /** The expression a module-level name is bound to once (literal or not), if any. */
  moduleBinding(name: string): SyntaxNode | undefined {
    return this.moduleAlias(name) ?? this.constants.get(name)?.node;
  }

  /** A module-level constant by name. */
  constant(name: string): { value: FactValue; node: SyntaxNode } | undefined {
    return this.constants.get(name);
  }

  /** `a / b` of two known numbers (read only inside `int(…)`/`float(…)`, where the float is wanted). */
  private quotient(node: SyntaxNode | undefined | null, depth: number): Resolved | undefined {
    if (node?.type !== 'binary_operator' || node.childForFieldName('operator')?.text !== '/') return undefined;
    const l = this.resolve(node.childForFieldName('left'), depth + 1);
    const r = this.resolve(node.childForFieldName('right'), depth + 1);
    if (typeof l.value !== 'number' || typeof r.value !== 'number' || r.value === 0) return undefined;
    return {
      value: l.value / r.value,
      node,
      via: [l.via, r.via].filter(Boolean).join(', ') || undefined,
      scriptDefault: l.scriptDefault || r.scriptDefault,
    };
  }

  resolve(node: SyntaxNode | null | undefined, depth = 0): Resolved {
    if (!node) return { value: undefined };
    const lit = literal(node);
    if (lit !== undefined) return { value: lit, node };
    if (node.type === 'parenthesized_expression' && node.namedChildren.length === 1)
      return this.resolve(node.namedChildren[0], depth);
    // `A if flag else B` with a flag the file sets to a literal (`end_epoch = Freeze_Epoch if Freeze_Train else
    // UnFreeze_Epoch`, `Freeze_Train = False`): the branch that flag picks; either branch when both give one value.
    if (node.type === 'conditional_expression' && node.namedChildren.length === 3 && depth < MAX_DEPTH) {
      const [yes, cond, no] = node.namedChildren;
      const c = this.resolve(cond, depth + 1);
      if (typeof c.value === 'boolean') {
        const r = this.resolve(c.value ? yes : no, depth + 1);
        // A flag at the script's declared default (`precision=16 if args.fp16 else 32`, `--fp16` store_true): the
        // branch it picks is a script default too, which a launcher passing the flag overrides
        // (https://docs.python.org/3/library/argparse.html#action).
        return c.scriptDefault && r.value !== undefined && r.value !== null
          ? {
              ...r,
              scriptDefault: true,
              via: [r.via, c.dest ? `default of argparse --${c.dest} picks this branch` : c.via]
                .filter(Boolean)
                .join(', '),
            }
          : r;
      }
      const a = this.resolve(yes, depth + 1);
      const b = this.resolve(no, depth + 1);
      if (a.value !== undefined && a.value !== null && a.value === b.value) return a;
      return { value: undefined, node };
    }
    // `config.mixed_precision == 'bf16'` (in `bf16=True if … else False`): equality of two known values.
    if (node.type === 'comparison_operator' && node.namedChildren.length === 2 && depth < MAX_DEPTH) {
      const op = node.children.filter((c) => c && !c.isNamed).map((c) => c?.text ?? '');
      const [l, r] = node.namedChildren.map((c) => this.resolve(c, depth + 1));
      const known = (v: FactValue | undefined) =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
      if (op.length === 1 && (op[0] === '==' || op[0] === '!=') && known(l.value) && known(r.value))
        return { ...l, value: (l.value === r.value) === (op[0] === '=='), node };
    }
    // `int(x)` / `float(x)` of a number: the number (no other call is evaluated).
    if (node.type === 'call' && depth < MAX_DEPTH) {
      const fn = node.childForFieldName('function')?.text;
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      if ((fn === 'int' || fn === 'float') && args.length === 1 && args[0]?.type !== 'keyword_argument') {
        const r = this.quotient(args[0], depth + 1) ?? this.resolve(args[0], depth + 1);
        if (typeof r.value !== 'number') return { value: undefined, node, dest: r.dest };
        return { ...r, value: fn === 'int' ? Math.trunc(r.value) : r.value };
      }
      // `args.dataset.lower()`: the string method of a known string.
      let obj: Resolved = { value: undefined };
      const s = stringMethod(node, (o) => (obj = this.resolve(o, depth + 1)).value);
      if (s !== undefined) return { ...obj, value: s, node };
    }
    // An f-string of known values (`f'huggyllama/llama-{MODEL_SIZE}'`): the text it makes (no format spec read).
    if (node.type === 'string' && depth < MAX_DEPTH && node.namedChildren.some((c) => c?.type === 'interpolation')) {
      let out = '';
      const vias: string[] = [];
      let scriptDefault = false;
      for (const c of node.namedChildren) {
        if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
        if (c.type === 'string_content' || c.type === 'escape_sequence') out += c.text;
        else if (c.type === 'interpolation') {
          const expr = c.namedChildren.filter(
            (x) => x && x.type !== 'format_specifier' && x.type !== 'type_conversion',
          );
          if (expr.length !== 1 || c.namedChildren.length !== 1) return { value: undefined, node };
          const r = this.resolve(expr[0], depth + 1);
          if (typeof r.value !== 'string' && typeof r.value !== 'number') return { value: undefined, node };
          out += String(r.value);
          if (r.via) vias.push(r.via);
          scriptDefault ||= !!r.scriptDefault;
        } else return { value: undefined, node };
      }
      return { value: out, node, via: vias.join(', ') || undefined, scriptDefault: scriptDefault || undefined };
    }
    // Integer arithmetic on two known numbers (`batch_size // MAX_GPU_BATCH_SIZE`).
    if (node.type === 'binary_operator' && depth < MAX_DEPTH) {
      const op = node.childForFieldName('operator')?.text;
      const l = this.resolve(node.childForFieldName('left'), depth + 1);
      const r = this.resolve(node.childForFieldName('right'), depth + 1);
      if (typeof l.value === 'number' && typeof r.value === 'number' && op) {
        const v = integerArithmetic(op, l.value, r.value);
        if (v !== undefined)
          return {
            value: v,
            node,
            via: [l.via, r.via].filter(Boolean).join(', ') || undefined,
            scriptDefault: l.scriptDefault || r.scriptDefault,
          };
      }
      return { value: undefined, node };
    }
    if (node.type === 'identifier') {
      const local = depth < MAX_DEPTH ? this.localBinding(node, depth) : undefined;
      if (local) return local;
      const c = this.constants.get(node.text);
      if (c) return { value: c.value, node: c.node, via: `module constant ${node.text}` };
      // `EPOCHS = args.epochs` once at module level: what it is set to.
      const alias = depth < MAX_DEPTH ? this.moduleAlias(node.text) : undefined;
      if (alias) {
        const r = this.resolve(alias, depth + 1);
        if (r.value !== undefined) return { ...r, via: `${node.text} = ${alias.text}${r.via ? `, ${r.via}` : ''}` };
      }
      const im = this.imported?.(node.text);
      if (im) return im;
    }
    // `config["num_epochs"]` where `config` is bound to a dict literal (directly, or through the function's callers).
    if (node.type === 'subscript' && depth < MAX_DEPTH) {
      // The key written, or one known from the defaults (`epoches[args.dataset.lower()]`).
      const sub = node.childForFieldName('subscript');
      const k = literal(sub) !== undefined ? { value: literal(sub) } : this.resolve(sub, depth + 1);
      const key = k.value;
      const dict = typeof key === 'string' ? this.dictOf(node.childForFieldName('value'), depth + 1) : undefined;
      const pair = dict?.namedChildren.find((p) => p?.type === 'pair' && literal(p.childForFieldName('key')) === key);
      // `hp["batch_size"]` of a dict a module the file imports binds (`from hyper_params import hyper_params as hp`).
      const obj = node.childForFieldName('value');
      const im = !dict && typeof key === 'string' && obj?.type === 'identifier' && this.imported;
      const fromModule = im ? im(`${obj.text}[${JSON.stringify(key)}]`) : undefined;
      if (fromModule) return fromModule;
      // A key the code writes again (`config["save_every"] = …`) is not the literal's value.
      if (pair && obj && keyWritten(this.root, obj.text, key)) return { value: undefined, node };
      if (pair) {
        const r = this.resolve(pair.childForFieldName('value'), depth + 1);
        if (r.value !== undefined)
          return {
            ...r,
            via: r.via ?? `${node.text} = ${pair.childForFieldName('value')?.text} in the dict literal`,
            ...(k.via ? { via: `${node.text} = ${pair.childForFieldName('value')?.text}, with ${k.via}` } : {}),
            scriptDefault: r.scriptDefault || k.scriptDefault,
          };
      }
      return { value: undefined, node };
    }
    if (node.type === 'attribute') {
      const attr = node.childForFieldName('attribute')?.text;
      const d = attr ? this.declared.get(attr) : undefined;
      // Default None, filled by the script when the option is not given (./option-fill.ts).
      const fill = attr && d?.value === null && depth < MAX_DEPTH ? noneFill(this.root, attr) : undefined;
      const r = fill ? this.resolve(fill, depth + 1) : undefined;
      if (d && fill && r && r.value !== undefined && r.value !== null)
        return {
          value: r.value,
          node: r.node ?? fill,
          via: `${d.via} is None, set to ${fill.text}${r.via ? ` (${r.via})` : ''}`,
          scriptDefault: true,
          dest: attr,
        };
      if (d) return { value: d.value, node: d.node, via: d.via, scriptDefault: true, dest: attr };
      const m = attr ? importedArg(this.root, node) : undefined; // the parser a module builds (./imported-args.ts)
      if (m) return { value: m.value, node, via: m.via, scriptDefault: true, dest: attr };
      const holder = attr === 'value' ? this.flagHolders.get(node.childForFieldName('object')?.text ?? '') : undefined;
      if (holder) return { value: holder.value, node: holder.node, via: holder.via, scriptDefault: true };
      const init = attr && node.childForFieldName('object')?.text === 'self' ? this.initDefault(attr) : undefined;
      if (init) return { value: init.value, node: init.node, via: init.via, scriptDefault: true, dest: attr };
      const own = attr && node.childForFieldName('object')?.text === 'self' && depth < MAX_DEPTH;
      const set = own ? this.selfAssigned(node, attr, depth) : undefined;
      if (set) return set;
      const im = node.childForFieldName('object')?.type === 'identifier' ? this.imported?.(node.text) : undefined;
      if (im) return im;
      if (attr && optionNamespace(this.root, node.childForFieldName('object')))
        return { value: undefined, node, dest: attr };
    }
    return { value: undefined, node };
  }
}

/** Whether the file assigns `name["key"]` anywhere (`config["save_every"] = 100`, `config["lr"] *= 0.1`). */
function keyWritten(root: SyntaxNode, name: string, key: FactValue | undefined): boolean {
  return nodesOfType(root, 'assignment')
    .concat(nodesOfType(root, 'augmented_assignment'))
    .some((a) => {
      const left = a?.childForFieldName('left');
      return (
        left?.type === 'subscript' &&
        left.childForFieldName('value')?.text === name &&
        literal(left.childForFieldName('subscript')) === key
      );
    });
}
