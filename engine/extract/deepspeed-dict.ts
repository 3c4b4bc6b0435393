// A DeepSpeed config handed to `deepspeed.initialize(config=…)` (or the older `config_params=`) in the script itself:
// a dict literal, or a name bound once to one, is read with the JSON config's meanings (./deepspeed.ts) through a
// ConfigDoc over the dict's syntax; a string is the path of a JSON file, read by the linker. DeepSpeed takes either
// "as a path or a dictionary" (https://deepspeed.readthedocs.io/en/latest/initialize.html, 2025). A dict that the
// script changes after building it (`cfg["stage"] = …`, `cfg.update(…)`) or that spreads another (`**base`) is not
// read: its values are not the ones written.
import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import type { FactValue, Span } from '../types';
import type { ConfigDoc } from './config-doc';
import { type ConfigOverlay, deepspeedOverlay } from './deepspeed';
import type { Field } from './fields';
import type { ValueResolver } from './python-values';
import type { Ref } from './run-draft';

const short = (s: string) => {
  const t = s.replace(/\s+/g, ' ');
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
};

/** The `initialize` calls of DeepSpeed (`deepspeed.initialize`, `ds.initialize` after `import deepspeed as ds`). */
function initializeCalls(root: SyntaxNode, text: string): CallSite[] {
  if (!/\bimport\s+deepspeed\b|\bfrom\s+deepspeed\s+import\b/.test(text)) return [];
  const alias = /\bimport\s+deepspeed\s+as\s+(\w+)/.exec(text)?.[1];
  const fromImport = /\bfrom\s+deepspeed\s+import\s+[^\n]*\binitialize\b/.test(text);
  return findCalls(root, text, ['initialize']).filter(
    (c) =>
      c.callee === 'deepspeed.initialize' ||
      (alias && c.callee === `${alias}.initialize`) ||
      (fromImport && c.callee === 'initialize'),
  );
}

/** The config argument's dict literal: the literal itself, or the one a name is bound to once (module or function). */
function dictOf(node: SyntaxNode, values: ValueResolver, text: string): SyntaxNode | undefined {
  if (node.type === 'dictionary') return node;
  if (node.type !== 'identifier') return undefined;
  const name = node.text;
  // Changed after it is built: the written values are not the ones DeepSpeed gets.
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`\\b${esc}\\s*(\\[|\\.\\s*(update|setdefault|pop|clear)\\s*\\()`).test(text)) return undefined;
  const local = values.localAssignments(node);
  const bound = local.length ? (local.length === 1 ? local[0] : undefined) : values.moduleBinding(name);
  return bound?.type === 'dictionary' ? bound : undefined;
}

const keyText = (k: SyntaxNode | null): string | undefined =>
  k?.type === 'string' ? k.text.replace(/^[rbuf]*(['"]{1,3})([^]*)\1$/i, '$2') : undefined;

/** `{ "a": 1, "b": {…} }` → its pairs by key; undefined when it spreads another dict or a key is not a string. */
function pairs(dict: SyntaxNode): Map<string, SyntaxNode> | undefined {
  const out = new Map<string, SyntaxNode>();
  for (const c of dict.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.type !== 'pair') return undefined;
    const k = keyText(c.childForFieldName('key'));
    if (k === undefined) return undefined;
    out.set(k, c);
  }
  return out;
}

/** A ConfigDoc over a Python dict literal: values resolved through the script's own bindings; no edits. */
export function dictConfigDoc(
  file: string,
  text: string,
  dict: SyntaxNode,
  values: ValueResolver,
): ConfigDoc | undefined {
  const top = pairs(dict);
  if (!top) return undefined;
  const pairAt = (path: string[]): SyntaxNode | undefined => {
    let d: SyntaxNode | undefined = dict;
    let p: SyntaxNode | undefined;
    for (const k of path) {
      const m: Map<string, SyntaxNode> | undefined = d ? pairs(d) : undefined;
      p = m?.get(k);
      if (!p) return undefined;
      const v = p.childForFieldName('value');
      d = v?.type === 'dictionary' ? v : undefined;
    }
    return p;
  };
  const whole: Span = spanOf(dict);
  return {
    file,
    text,
    syntax: 'json',
    errors: [],
    keys(path = []) {
      if (path.length === 0) return [...top.keys()];
      const v = pairAt(path)?.childForFieldName('value');
      return v?.type === 'dictionary' ? [...(pairs(v)?.keys() ?? [])] : [];
    },
    has: (path) => pairAt(path) !== undefined,
    field(path, name): Field | undefined {
      const p = pairAt(path);
      const v = p?.childForFieldName('value');
      if (!p || !v) return undefined;
      const r = v.type === 'dictionary' || v.type === 'list' ? { value: undefined } : values.resolve(v);
      const value: FactValue | undefined = r.value;
      return {
        name: name ?? path[path.length - 1],
        value: value === undefined ? null : value,
        file,
        span: spanOf(p),
        text: short(p.text),
      };
    },
    length(path) {
      const v = pairAt(path)?.childForFieldName('value');
      return v?.type === 'list' ? v.namedChildren.length : 0;
    },
    set: () => undefined,
    keySpan: (path) => (path.length ? spanOf(pairAt(path)?.childForFieldName('key') ?? dict) : whole),
  };
}

export interface InitializeConfig {
  /** The facts of a dict config written in the script (no edits: the dict is code). */
  overlay?: ConfigOverlay;
  /** A JSON file named as the config (`config="ds_config.json"`). */
  refs: Ref[];
  /** Whether `initialize` is given an optimizer of the script's own (the config's optimizer then is not the one). */
  clientOptimizer: boolean;
}

/**
 * The DeepSpeed config a script passes to `initialize` (undefined when it calls none): the dict's facts when every
 * call passes the same readable dict, the JSON file it names, or neither (the config comes from elsewhere:
 * `args=args` with `--deepspeed_config` on the command line).
 */
export function initializeConfig(
  file: string,
  root: SyntaxNode,
  text: string,
  values: ValueResolver,
): InitializeConfig | undefined {
  const calls = initializeCalls(root, text);
  if (calls.length === 0) return undefined;
  const args = calls.map((c) => c.kwargs.get('config') ?? c.kwargs.get('config_params'));
  const clientOptimizer = calls.some((c) => c.kwargs.has('optimizer'));
  const none: InitializeConfig = { refs: [], clientOptimizer };
  const arg = args[0];
  if (!arg || args.some((a) => a?.value.text !== arg.value.text)) return none;
  const path = values.resolve(arg.value).value;
  if (typeof path === 'string')
    return /\.json$/i.test(path)
      ? { refs: [{ path, role: 'deepspeed', file, span: spanOf(arg.node) }], clientOptimizer }
      : none;
  const dict = dictOf(arg.value, values, text);
  const doc = dict ? dictConfigDoc(file, text, dict, values) : undefined;
  if (!doc) return none;
  const overlay = deepspeedOverlay(doc);
  return { overlay: { ...overlay, edit: () => undefined }, refs: [], clientOptimizer };
}
