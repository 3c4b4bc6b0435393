// Resolves the value of an argument expression without running anything: literals, module constants,
// `args.name` looked up in argparse `add_argument("--name", default=...)` and dataclass field defaults.
import type { SyntaxNode } from '../parse/python';
import { literal, moduleConstants, type CallSite } from '../parse/python-syntax';
import type { FactValue } from '../types';

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

export class ValueResolver {
  private readonly constants: Map<string, { value: FactValue; node: SyntaxNode }>;
  private readonly declared = new Map<string, { value: FactValue; node: SyntaxNode; via: string }>();

  constructor(private readonly root: SyntaxNode, calls: CallSite[]) {
    this.constants = moduleConstants(root);
    for (const c of calls) {
      if (c.name !== 'add_argument') continue;
      const flag = literal(c.positional.find((p) => typeof literal(p) === 'string' && String(literal(p)).startsWith('--')));
      const def = c.kwargs.get('default');
      if (typeof flag !== 'string' || !def) continue;
      const v = literal(def.value) ?? this.constants.get(def.value.text)?.value;
      const dest = literal(c.kwargs.get('dest')?.value);
      const name = typeof dest === 'string' ? dest : flag.replace(/^--/, '').replace(/-/g, '_');
      if (v !== undefined) this.declared.set(name, { value: v, node: def.value, via: `default of argparse ${flag}` });
    }
    // Dataclass fields: `name: type = value` or `name: type = field(default=value)`, in top-level classes.
    for (const cls of root.namedChildren.map((n) => (n?.type === 'decorated_definition' ? n.childForFieldName('definition') : n))) {
      if (cls?.type !== 'class_definition') continue;
      const body = cls?.childForFieldName('body');
      if (!cls || !body) continue;
      const clsName = cls.childForFieldName('name')?.text ?? '?';
      for (const stmt of body.namedChildren) {
        const a = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
        if (a?.type !== 'assignment') continue;
        const left = a.childForFieldName('left');
        let right = a.childForFieldName('right');
        if (left?.type !== 'identifier' || !right) continue;
        if (right.type === 'call' && right.childForFieldName('function')?.text.endsWith('field')) {
          const def = right.childForFieldName('arguments')?.namedChildren.find(
            (k) => k?.type === 'keyword_argument' && k.childForFieldName('name')?.text === 'default',
          );
          right = def?.childForFieldName('value') ?? null;
          if (!right) continue;
        }
        const v = literal(right);
        if (v !== undefined) this.declared.set(left.text, { value: v, node: right, via: `default of field ${clsName}.${left.text}` });
      }
    }
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
            const mine = v === undefined ? null : { value: v, node: def, via: `default of ${cls.childForFieldName('name')?.text ?? '?'}.__init__(${pname}=…)` };
            params.set(pname, prev === undefined ? mine : prev && mine && prev.value === mine.value ? prev : null);
          }
        }
      }
      this.initParams = params;
    }
    return this.initParams.get(name) ?? undefined;
  }
  private initParams?: Map<string, { value: FactValue; node: SyntaxNode; via: string } | null>;

  /** A module-level constant by name. */
  constant(name: string): { value: FactValue; node: SyntaxNode } | undefined {
    return this.constants.get(name);
  }

  resolve(node: SyntaxNode | null | undefined): Resolved {
    if (!node) return { value: undefined };
    const lit = literal(node);
    if (lit !== undefined) return { value: lit, node };
    if (node.type === 'identifier') {
      const c = this.constants.get(node.text);
      if (c) return { value: c.value, node: c.node, via: `module constant ${node.text}` };
    }
    if (node.type === 'attribute') {
      const attr = node.childForFieldName('attribute')?.text;
      const d = attr ? this.declared.get(attr) : undefined;
      if (d) return { value: d.value, node: d.node, via: d.via, scriptDefault: true, dest: attr };
      const init = attr && node.childForFieldName('object')?.text === 'self' ? this.initDefault(attr) : undefined;
      if (init) return { value: init.value, node: init.node, via: init.via, scriptDefault: true, dest: attr };
      if (attr && /^(args|opt|opts|cfg|config|hparams|training_args|train_args|script_args|model_args)$/.test(node.childForFieldName('object')?.text ?? '')) {
        return { value: undefined, node, dest: attr };
      }
    }
    return { value: undefined, node };
  }
}

