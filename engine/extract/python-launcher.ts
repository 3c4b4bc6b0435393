// Python launchers: a Python file that assembles a command line and hands it to the shell (`os.system(cmd)`,
// `subprocess.run([...])`, `os.popen(cmd)`), as research repositories write `running_command/run_train_x.py` or a
// driver that trains one scene after another. The command is read by the shell launcher parser (./launcher), so the
// script it runs, its flags and its devices reach the run exactly as from a `.sh` launcher.
//
// What is read (Python documentation, `os.system`, `subprocess` — https://docs.python.org/3/library/subprocess.html):
// - a string literal, a name bound once in the file to one, `+` concatenations, f-strings, `"…".format(…)` and
//   `"…" % …`: every part that is not a literal is a value this review cannot see, written as an unset shell variable
//   (`${GREENML_PY_1}`), so a flag given one stays unknown and a script path given one is not followed;
// - a list of words (`subprocess.run(["python", "train.py", "--lr", lr])`), `cmd.split()` and `shlex.split(cmd)`.
// Nothing is evaluated. A command whose text sits in one plain literal keeps its offsets (facts point at the flag,
// edits write there); a composed one points every fact at the literal or call it came from and offers no edit.
import type { SyntaxNode } from '../parse/python';
import { nodesOfType } from '../parse/nodes-of-type';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Span } from '../types';
import { parseLauncher, type LaunchCommand } from './launcher';
import { relocate } from './skypilot';

/** Cheap test on the text. */
export const mayBePythonLauncher = (text: string) =>
  /\bos\.(system|popen)\s*\(|\bsubprocess\.(run|call|check_call|check_output|Popen)\s*\(/.test(text);

const CALLS = ['system', 'popen', 'run', 'call', 'check_call', 'check_output', 'Popen'];
const CALLEE = /^(os\.(system|popen)|subprocess\.(run|call|check_call|check_output|Popen))$/;
const MAX_DEPTH = 4;

interface Piece {
  text: string;
  /** Where the text sits in the file when it is a literal's content copied 1:1. */
  at?: number;
}

class CommandText {
  private unread = 0;
  constructor(private readonly root: SyntaxNode) {}

  /** A value this review cannot see: an unset shell variable, so the shell parser leaves it unresolved. */
  hole(): Piece {
    this.unread++;
    return { text: `\${GREENML_PY_${this.unread}}` };
  }

  /** The one assignment of `name` in the file, or undefined when it is bound more than once or not at all. */
  private binding(name: string): SyntaxNode | undefined {
    let found: SyntaxNode | undefined;
    let count = 0;
    for (const a of nodesOfType(this.root, ['assignment', 'augmented_assignment', 'for_statement'])) {
      const left = a.childForFieldName('left');
      if (!left) continue;
      const names = left.type === 'identifier' ? [left.text] : nodesOfType(left, 'identifier').map((n) => n.text);
      if (!names.includes(name)) continue;
      count++;
      found =
        a.type === 'assignment' && left.type === 'identifier' ? (a.childForFieldName('right') ?? undefined) : undefined;
    }
    return count === 1 ? found : undefined;
  }

  /** A string literal's pieces: content copied 1:1 when it has no escape, interpolations as holes. */
  private stringPieces(node: SyntaxNode): Piece[] {
    const out: Piece[] = [];
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_content') {
        const exact = !c.text.includes('\\') && c.namedChildren.length === 0;
        out.push(exact ? { text: c.text, at: c.startIndex } : { text: unescape(c.text) });
      } else if (c.type === 'interpolation') out.push(this.hole());
      else if (c.type === 'escape_sequence') out.push({ text: unescape(c.text) });
    }
    return out;
  }

  /** The pieces of a string expression; undefined when the expression is not one (a number, a call result). */
  pieces(node: SyntaxNode | null | undefined, depth = 0, top = true): Piece[] | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case 'string': {
        const p = this.stringPieces(node);
        // `"…{}…".format(x)` / `"…%s…" % x` are handled by the caller; a plain literal is itself.
        return p.length ? p : [{ text: '' }];
      }
      case 'concatenated_string':
        return node.namedChildren.flatMap((c) => (c ? (this.pieces(c, depth, false) ?? [this.hole()]) : []));
      case 'parenthesized_expression':
        return this.pieces(node.namedChildren[0], depth, top);
      case 'identifier': {
        const bound = this.binding(node.text);
        const p = bound ? this.pieces(bound, depth + 1, false) : undefined;
        return p ?? (top ? undefined : [this.hole()]);
      }
      case 'binary_operator': {
        const op = node.childForFieldName('operator')?.text;
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        if (op === '+') {
          // Depth counts names followed, not operands: `"python x.py -s " + a + " -m " + b + …` nests deep.
          const a = this.pieces(l, depth, false);
          const b = this.pieces(r, depth, false);
          if (!a && !b) return undefined;
          return [...(a ?? [this.hole()]), ...(b ?? [this.hole()])];
        }
        if (op === '%' && l?.type === 'string')
          return this.withHoles(this.stringPieces(l), /%(\([^)]*\))?[-#0 +]*\d*(\.\d+)?[sdifgeEr]/g);
        return top ? undefined : [this.hole()];
      }
      case 'call': {
        const fn = node.childForFieldName('function');
        const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
        const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
        if (attr === 'format' && obj?.type === 'string') return this.withHoles(this.stringPieces(obj), /\{[^{}]*\}/g);
        // `str(x)`: a value this review does not see, inside a command.
        return top ? undefined : [this.hole()];
      }
      default:
        return top ? undefined : [this.hole()];
    }
  }

  /** Placeholders of a format string replaced by holes (the copied text is no longer 1:1 where one was). */
  private withHoles(pieces: Piece[], re: RegExp): Piece[] {
    return pieces.map((p) => {
      if (!re.test(p.text)) return p;
      re.lastIndex = 0;
      return { text: p.text.replace(re, () => this.hole().text) };
    });
  }

  /** The words of a list of arguments, each quoted for the shell; undefined when it is not a list of words. */
  words(node: SyntaxNode, depth = 0): Piece[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (node.type === 'identifier') {
      const bound = this.binding(node.text);
      return bound ? this.words(bound, depth + 1) : undefined;
    }
    if (node.type !== 'list' && node.type !== 'tuple') return undefined;
    const out: Piece[] = [];
    for (const item of node.namedChildren) {
      if (!item || item.type === 'comment') continue;
      if (item.type === 'list_splat') return undefined;
      const p = this.pieces(item, depth, false) ?? [this.hole()];
      const text = p.map((x) => x.text).join('');
      // A word with an unseen part is unseen as a whole (quoting would make the hole a literal).
      const word = text.includes('${GREENML_PY_')
        ? this.hole().text
        : /^[\w./=:,@%+-]+$/.test(text)
          ? text
          : quote(text);
      out.push({ text: word });
      out.push({ text: ' ' });
    }
    return out;
  }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** The command argument of a launching call: its first positional or `args=`. */
function commandArg(node: SyntaxNode): SyntaxNode | undefined {
  const args = node.childForFieldName('arguments');
  const first = args?.namedChildren.find((c) => c && c.type !== 'keyword_argument' && c.type !== 'comment');
  if (first) return first;
  const kw = args?.namedChildren.find(
    (c) => c?.type === 'keyword_argument' && c.childForFieldName('name')?.text === 'args',
  );
  return kw?.childForFieldName('value') ?? undefined;
}

/** Every fact, word and field of a composed command pointed at the span it came from; no edit offered. */
function pin(cmd: LaunchCommand, span: Span, file: string): LaunchCommand {
  return {
    ...cmd,
    file,
    span,
    target: cmd.target && { ...cmd.target, word: { ...cmd.target.word, span } },
    fields: new Map([...cmd.fields].map(([k, f]) => [k, { ...f, file, span }])),
    write: () => undefined,
    facts: cmd.facts.map((f) => ({ ...f, file, span: f.span && span })),
    envFacts: cmd.envFacts.map((f) => ({ ...f, file, span: f.span && span })),
    editEnv: undefined,
    refs: cmd.refs.map((r) => ({ ...r, file, span })),
    positionals: cmd.positionals.map((w) => ({ ...w, span })),
  };
}

/** The commands a Python file hands to the shell, each read as a launcher line. */
export function pythonLauncherCommands(file: string, text: string, root: SyntaxNode): LaunchCommand[] {
  if (!mayBePythonLauncher(text)) return [];
  const out: LaunchCommand[] = [];
  const reader = new CommandText(root);
  for (const c of findCalls(root, text, CALLS)) {
    if (!CALLEE.test(c.callee)) continue;
    const arg = commandArg(c.node);
    if (!arg) continue;
    let pieces: Piece[] | undefined;
    let source = arg;
    // `cmd.split()`, `shlex.split(cmd)`: the string's words.
    const fn = arg.type === 'call' ? arg.childForFieldName('function') : undefined;
    if (fn?.text === 'shlex.split') source = commandArg(arg) ?? arg;
    else if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'split')
      source = fn.childForFieldName('object') ?? arg;
    pieces = source === arg && arg.type !== 'call' ? reader.words(arg) : undefined;
    pieces ??= reader.pieces(source);
    if (!pieces) continue;
    const at = pieces.length === 1 ? pieces[0].at : undefined;
    const cmdText = pieces.map((p) => p.text).join('');
    for (const cmd of parseLauncher(file, cmdText)) {
      if (at !== undefined) out.push(relocate(cmd, at, file));
      else {
        // A literal holding the whole command (bound to a name) is the better anchor than the call.
        const lit = source.type === 'identifier' ? undefined : source;
        out.push(pin(cmd, spanOf(lit ?? c.node), file));
      }
    }
  }
  return out;
}
