// `TrainingArguments(**yaml.safe_load(open("args.yaml")))`, `**json.load(open("args.json"))` — also through one name
// (`cfg = yaml.safe_load(open(…))`, `with open(…) as f: cfg = json.load(f)`) and `Path(…).read_text()`: the file
// with a literal path is the call's other arguments, linked as an HF-args file (./hf-args-file). With it found, the
// call's arguments are all visible, so unwritten ones are framework defaults, not guesses.
import type { SyntaxNode, Tree } from '../parse/python';
import { callSite, findCalls, literal, spanOf } from '../parse/python-syntax';
import type { Fact, FactKey, RunPlan } from '../types';
import type { Ref, RunDraft } from './run-draft';
import { nodesOfType } from '../parse/nodes-of-type';

export const ARG_CLASSES = [
  'TrainingArguments',
  'Seq2SeqTrainingArguments',
  'SFTConfig',
  'DPOConfig',
  'GRPOConfig',
  'ORPOConfig',
  'KTOConfig',
  'RewardConfig',
];
const LOADER = /^(yaml\.(safe_)?load|yaml\.full_load|json\.loads?|tomllib\.loads?)$/;

/** The literal path a loader call reads: `open("x")`, `Path("x").read_text()`, `open(Path("x"))`. */
function pathOf(node: SyntaxNode | null | undefined, withNames: Map<string, SyntaxNode>): SyntaxNode | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return withNames.get(node.text);
  if (node.type !== 'call') return undefined;
  const c = callSite(node);
  if (!c) return undefined;
  if (c.callee === 'open' || c.name === 'Path') {
    const a = c.positional[0];
    return a && typeof literal(a) === 'string' ? a : a?.type === 'call' ? pathOf(a, withNames) : undefined;
  }
  if (c.name === 'read_text' || c.name === 'read') {
    const obj = node.childForFieldName('function')?.childForFieldName('object');
    return pathOf(obj, withNames);
  }
  return undefined;
}

/** `with open("x") as f:` → f → the "x" node. */
function withAliases(root: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const item of nodesOfType(root, 'with_item')) {
    const v = item?.childForFieldName('value');
    if (v?.type !== 'as_pattern') continue;
    const call = v.namedChildren[0];
    const alias = v.childForFieldName('alias')?.text ?? v.namedChildren[v.namedChildren.length - 1]?.text;
    const p = call ? pathOf(call, new Map()) : undefined;
    if (p && alias) out.set(alias.replace(/^as\s+/, ''), p);
  }
  return out;
}

/** The path literal behind `**<expr>` (a loader call, or a name assigned one in this file). */
function splatPath(
  expr: SyntaxNode,
  root: SyntaxNode,
  text: string,
  withNames: Map<string, SyntaxNode>,
): SyntaxNode | undefined {
  const fromLoader = (n: SyntaxNode | null | undefined) => {
    const c = n?.type === 'call' ? callSite(n) : undefined;
    return c && LOADER.test(c.callee) ? pathOf(c.positional[0], withNames) : undefined;
  };
  if (expr.type === 'call') return fromLoader(expr);
  if (expr.type !== 'identifier') return undefined;
  const name = expr.text;
  const loads = findCalls(root, text, ['safe_load', 'load', 'loads', 'full_load']).filter(
    (c) =>
      LOADER.test(c.callee) &&
      c.node.parent?.type === 'assignment' &&
      c.node.parent.childForFieldName('left')?.text === name,
  );
  return loads.length === 1 ? fromLoader(loads[0].node) : undefined;
}

/** HF-args files a script unpacks into its arguments call. */
export function splatRefs(file: string, text: string, tree: Tree): Ref[] {
  if (!/\*\*/.test(text) || !/\b(yaml|json|tomllib)\.\w*load/.test(text)) return [];
  const root = tree.rootNode;
  const withNames = withAliases(root);
  const out: Ref[] = [];
  for (const c of findCalls(root, text, ARG_CLASSES)) {
    if (!c.hasSplat) continue;
    for (const arg of c.argList.namedChildren) {
      if (arg?.type !== 'dictionary_splat') continue;
      const p = arg.namedChildren[0] ? splatPath(arg.namedChildren[0], root, text, withNames) : undefined;
      const v = p ? literal(p) : undefined;
      if (p && typeof v === 'string' && /\.(ya?ml|json)$/i.test(v))
        out.push({ path: v, role: 'hf-args', file, span: spanOf(p) });
    }
  }
  return out;
}

const OPEN_NOTE = / — \w+ arguments can also come from the command line or \*\*kwargs, which this review cannot see$/;

/**
 * The run once its unpacked file is linked: defaults are what runs (the call and the file hold every argument), and
 * changes to values the file holds or lacks go to the file, those written in the call stay in the call.
 */
export function splatLinked(draft: RunDraft, argsFile: string): RunDraft {
  const facts = new Map<FactKey, Fact>();
  for (const [k, f] of draft.plan.facts) {
    let g = f.note && OPEN_NOTE.test(f.note) ? { ...f, note: f.note.replace(OPEN_NOTE, '') } : f;
    if (k === 'precision' && g.origin === 'assumed')
      g = {
        ...g,
        origin: 'framework-default',
        note: `${g.note} (neither the call nor ${argsFile.split(/[\\/]/).pop()} sets bf16/fp16)`,
      };
    facts.set(k, g);
  }
  const script = draft.plan.entry.file;
  const base = draft.plan.edit;
  const plan: RunPlan = {
    ...draft.plan,
    facts,
    edit: (changes) =>
      (Object.keys(changes) as FactKey[]).every(
        (k) => facts.get(k)?.file === script && facts.get(k)?.origin === 'explicit',
      )
        ? base?.(changes)
        : undefined,
  };
  return { ...draft, plan };
}
