// A small POSIX-shell word splitter for launcher scripts: commands, words with their spans, quotes, `\` line
// continuations, comments (for #SBATCH), heredocs skipped (job scripts read: ./shell-jobs), and `$VAR` / `${VAR:-default}` (and `${1:-8}`) expanded
// from plain assignments made earlier in the same script; bash arrays (`ARGS=(…)`, `"${ARGS[@]}"`), a variable
// holding several words expanded unquoted (`torchrun $DIST_ARGS train.py`: one word per element, each with the span
// where it is written), and integer arithmetic `$((A * B))` (./shell-arith). Nothing is executed: `$(…)`, backticks
// and unknown variables stay unresolved (./shell-unset); hand-written: npm's splitters give no source offsets.
import type { Span } from '../types';
import { closing, commandValue, scriptDirOf, shellArithmetic } from './shell-arith';
import { unsetInPlainRun } from './shell-unset';
import { forLoop } from './shell-loops';
import { skipWrapper } from './shell-wrappers';
import {
  ASSIGN,
  DECLARE_OPT,
  KEYWORDS,
  type Command,
  type Comment,
  type ShellScript,
  type State,
  type Word,
  WHOLE_EXPANSION,
} from './shell-types';
import {
  commandString,
  directiveText,
  readTarget,
  runsWritten,
  stdinSubmit,
  writesHeredoc,
  writtenPath,
} from './shell-jobs';

export type { Command, Comment, ShellScript, Word } from './shell-types';

/** `preset`: variables known before the script runs (`$SLURM_NNODES` from `#SBATCH` lines, a caller's `$1`). */
export function parseShell(text: string, preset?: Map<string, string>): ShellScript {
  const state: State = {
    vars: new Map(preset ?? []),
    unknown: new Set(),
    positional: new Set(),
    defaulted: new Set(),
    arrays: new Map(),
    varWords: new Map(),
    cases: [],
    ifDepth: 0,
    guarded: false,
    written: new Map(),
  };
  const r = scan(text, 0, text.length, state);
  return { commands: r.commands, comments: r.comments, vars: state.vars, arrays: state.arrays };
}

/**
 * Reads `text` from `from` to `to`. With `flat`, every word goes to `flat` as is (the inside of an array or of a
 * variable's value); otherwise words are grouped into commands and assignments update the state.
 */
function scan(
  text: string,
  from: number,
  to: number,
  state: State,
  flat?: Word[],
): { commands: Command[]; comments: Comment[] } {
  const { vars, unknown, positional, defaulted, arrays, varWords } = state;
  const unset = (raw: string) => unsetInPlainRun(raw, text, (v) => vars.has(v) || unknown.has(v));
  const commands: Command[] = [];
  const comments: Comment[] = [];
  let i = from;
  const n = to;
  let words: Word[] = [];
  let heredocs: string[] = [];
  /** The file the current command's output goes to (`cat > job.sh <<EOF`), as written. */
  let redirectTo: string | undefined;
  /** Span of each assignment word's value as written (for the words of a several-word value). */
  const assignments = new Map<Word, Span>();

  const endCommand = (end: number) => {
    if (flat) {
      flat.push(...words);
      words = [];
      return;
    }
    redirectTo = undefined;
    if (words.length > 0 && !words[0].quoted && (words[0].text === 'case' || words[0].text === 'esac')) {
      if (words[0].text === 'case') state.cases.push(new Map());
      else state.cases.pop();
    }
    // Run only when a test holds (`if [ $W -gt 112 ]; then W=112; fi`, `[ … ] && W=112`).
    const head = words.length > 0 && !words[0].quoted ? words[0].text : '';
    state.ifDepth = Math.max(0, state.ifDepth + (head === 'if' ? 1 : head === 'fi' ? -1 : 0));
    const conditional = state.ifDepth > 0 || state.guarded;
    if (words.length > 0) state.guarded = false;
    const loop = flat ? undefined : forLoop(words, (w) => text.slice(w.span.start, w.span.end));
    if (loop) {
      // `for ep in 3; do …`: ./shell-loops — one word binds the name, a sweep leaves it unknown.
      varWords.delete(loop.name);
      arrays.delete(loop.name);
      positional.delete(loop.name);
      defaulted.delete(loop.name);
      if (loop.value !== undefined && !conditional) {
        vars.set(loop.name, loop.value);
        unknown.delete(loop.name);
      } else {
        vars.delete(loop.name);
        unknown.add(loop.name);
      }
    }
    if (words.length > 0 && !loop) {
      const env = new Map<string, string>();
      let k = 0;
      // Leading keywords (then, do, …) and `export`/`local` belong to the shell, not the command.
      while (k < words.length && KEYWORDS.has(words[k].text) && !words[k].quoted) k++;
      let exported = false;
      if (
        k < words.length &&
        (words[k].text === 'export' || words[k].text === 'local' || words[k].text === 'declare')
      ) {
        exported = true;
        k++;
        while (k < words.length && DECLARE_OPT.test(words[k].text)) k++;
      }
      const assign = () => {
        while (k < words.length && ASSIGN.test(words[k].text) && !words[k].text.startsWith('=')) {
          const m = ASSIGN.exec(words[k].text)!;
          env.set(m[1], m[2]);
          k++;
        }
      };
      assign();
      // `env NAME=value … command` (env(1)): the command runs with those variables, as if they were written before
      // it. `env` followed by no assignment prints the environment and stays a command of its own. A process wrapper
      // (`taskset -c 0-3`, `nohup`, `timeout 2h`: ./shell-wrappers) runs the command after it, with the same variables
      // (`CUDA_VISIBLE_DEVICES=0 nohup python train.py &`).
      for (let more = !exported; more;) {
        more = false;
        if (words[k]?.text === 'env' && !words[k].quoted && ASSIGN.test(words[k + 1]?.text ?? '')) {
          k++;
          assign();
          more = true;
        }
        const after = skipWrapper(words, k);
        if (after > k) {
          k = after;
          assign();
          more = true;
        }
      }
      const rest = words.slice(k);
      if (rest.length === 0 || exported) {
        for (const [name, v] of env) {
          const w = words.find((x) => x.text.startsWith(`${name}=`));
          const valueAt = w && assignments.get(w);
          // The value's own words (`"--nproc_per_node $GPUS --nnodes 2"`), read with the variables known here.
          const own: Word[] = [];
          if (valueAt && /\s/.test(v)) {
            const raw = text.slice(valueAt.start, valueAt.end);
            const q = /^"[^]*"$/.test(raw) ? 1 : 0;
            if (!raw.startsWith("'")) scan(text, valueAt.start + q, valueAt.end - q, state, own);
          }
          // `if [ -n "$2" ]; then STEPS=$2; fi` after `STEPS=20000`: run without arguments, the default stands.
          const raw = valueAt ? text.slice(valueAt.start, valueAt.end) : '';
          if (w?.unresolved && unset(raw) && vars.has(name) && !unknown.has(name)) continue;
          // Set from what is not read here (`W=$(nproc)`), then assigned only when a test holds: still unknown.
          if (conditional && unknown.has(name) && !positional.has(name)) continue;
          // `case $1 in a) P="--x 1";; b) P="--x 2";; esac`: which arm runs is the caller's choice.
          const arms = state.cases[state.cases.length - 1];
          const seen = arms?.get(name) ?? { values: new Set<string>(), flags: new Map<string, Set<string>>() };
          arms?.set(name, seen);
          seen.values.add(v);
          const otherArm = seen.values.size > 1;
          own.forEach((x, j) => {
            if (/^--?[A-Za-z]/.test(x.text) && own[j + 1] && !own[j + 1].text.startsWith('-'))
              seen.flags.set(x.text, (seen.flags.get(x.text) ?? new Set<string>()).add(own[j + 1].text));
          });
          // The words stay (a flag is still written); a flag's value that differs between arms is unknown.
          const differs = (j: number) => j > 0 && (seen.flags.get(own[j - 1].text)?.size ?? 0) > 1;
          if (own.length > 1)
            varWords.set(name, otherArm ? own.map((x, j) => (differs(j) ? { ...x, unresolved: true } : x)) : own);
          else varWords.delete(name);
          arrays.delete(name);
          if (w?.defaulted && !otherArm) defaulted.add(name);
          else defaulted.delete(name);
          if (w?.unresolved && unset(raw)) positional.add(name);
          else positional.delete(name);
          if (w?.unresolved || (otherArm && own.length <= 1)) {
            unknown.add(name);
            vars.delete(name);
          } else {
            unknown.delete(name);
            vars.set(name, v);
          }
        }
      } else {
        const fromDefault = words.filter((x) => x.defaulted).map((x) => x.span);
        commands.push({
          words: rest,
          env,
          span: { start: rest[0].span.start, end },
          ...(fromDefault.length ? { defaulted: fromDefault } : {}),
        });
        // `srun … bash -c "accelerate launch … train.py …"`, `sbatch --wrap="python train.py"`, `sbatch job.sh` after
        // `cat > job.sh <<EOF`: the commands of the string or of the written job run too, read where written.
        const str = commandString(text, rest);
        if (str) readJob(str.span, str.submit ? rest : undefined);
        const job = runsWritten(rest, state.written);
        const at = job && state.written.get(job.path);
        if (job && at) {
          state.written.delete(job.path);
          readJob(at, job.submit ? rest : undefined);
        }
      }
    }
    words = [];
  };
  /** A job script written in this one (./shell-jobs): its commands and scheduler directives, as the script's own. */
  const readJob = (at: Span, submit: Word[] | undefined) => {
    const r = scan(text, at.start, at.end, state);
    commands.push(...(submit ? r.commands.map((c) => ({ ...c, submit })) : r.commands));
    comments.push(...r.comments.map((c) => ({ ...c, text: directiveText(c.text, vars) })));
  };
  type Expansion = { value: string; ok: boolean; defaulted?: boolean };
  const expand = (name: string, fallback: string | undefined, assign = false): Expansion => {
    const arr = arrays.get(name);
    if (arr) return arr[0] ? { value: arr[0].text, ok: !arr[0].unresolved } : { value: '', ok: true };
    const v = vars.get(name);
    if (v !== undefined && v !== '') return { value: v, ok: true, defaulted: defaulted.has(name) };
    // The default as the shell reads it: `${X:-""}` is empty, `${X:-'a b'}` is `a b`; `${X:=8}` also assigns it.
    if (fallback !== undefined && (!unknown.has(name) || positional.has(name))) {
      const value = fallback.replace(/^"([^"]*)"$|^'([^']*)'$/, '$1$2');
      if (assign && /^[A-Za-z_]/.test(name) && !/\$/.test(value)) {
        vars.set(name, value);
        unknown.delete(name);
        positional.delete(name);
        defaulted.add(name);
      }
      return { value, ok: true, defaulted: true };
    }
    return { value: `$${name}`, ok: false };
  };
  /** Integer arithmetic over the variables known here (`raw` stands when it cannot be read). */
  const arith = (expr: string, raw: string, next: number): Expansion & { next: number } => {
    let fromDefault = false;
    const v = shellArithmetic(expr, (name) => {
      fromDefault ||= defaulted.has(name);
      return unknown.has(name) ? undefined : vars.get(name);
    });
    if (v === undefined) return { value: raw, ok: false, next };
    return { value: String(v), ok: true, next, ...(fromDefault ? { defaulted: true } : {}) };
  };
  /** `` `…` ``: the substitutions `$(…)` reads (`` `expr 736 / $NUM_NODES` ``); anything else stays unresolved. */
  const tick = (j: number): Expansion & { next: number } => {
    const close = text.indexOf('`', j + 1);
    const next = close === -1 ? n : close + 1;
    const v = commandValue(text.slice(j + 1, next - 1), (name) => (unknown.has(name) ? undefined : vars.get(name)));
    return v === undefined ? { value: text.slice(j, next), ok: false, next } : { value: String(v), ok: true, next };
  };
  /** Reads `$…` at position j (text[j] === '$'); returns the expansion and the position after it. */
  const dollar = (j: number): Expansion & { next: number } => {
    const c = text[j + 1];
    // `$[ … ]`: bash's older spelling of `$(( … ))` (bash manual, "Arithmetic Expansion": deprecated, still read).
    const square = c === '[' ? text.indexOf(']', j + 2) : -1;
    if (square !== -1 && !text.slice(j + 2, square).includes('\n'))
      return arith(text.slice(j + 2, square), text.slice(j, square + 1), square + 1);
    if (c === '(') {
      let depth = 0;
      let k = j + 1;
      for (; k < n; k++) {
        if (text[k] === '(') depth++;
        else if (text[k] === ')' && --depth === 0) break;
      }
      const next = Math.min(k + 1, n);
      // `$(( … ))`: integer arithmetic over the variables known here.
      if (text[j + 2] === '(') return arith(text.slice(j + 3, Math.max(j + 3, k - 1)), text.slice(j, next), next);
      const inner = text.slice(j + 2, k);
      const counted = commandValue(inner, (name) => (unknown.has(name) ? undefined : vars.get(name)));
      if (counted !== undefined) return { value: String(counted), ok: true, next };
      // `$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)`: the launcher's own folder (or one above it), relative.
      const self = scriptDirOf(inner);
      if (self !== undefined) return { value: self, ok: true, next };
      return { value: text.slice(j, k + 1), ok: false, next };
    }
    if (c === '{') {
      const close = text.indexOf('}', j + 2);
      if (close === -1) return { value: text.slice(j), ok: false, next: n };
      const inner = text.slice(j + 2, close);
      // `${A[@]}`, `${A[2]}`, `${#A[@]}` of an array this script assigns.
      const a = /^(#?)([A-Za-z_]\w*)\[([@*]|\d+)\]$/.exec(inner);
      const arr = a ? arrays.get(a[2]) : undefined;
      if (a && arr) {
        const pick = /\d/.test(a[3]) ? arr.slice(Number(a[3]), Number(a[3]) + 1) : arr;
        return a[1]
          ? { value: String(arr.length), ok: true, next: close + 1 }
          : { value: pick.map((w) => w.text).join(' '), ok: pick.every((w) => !w.unresolved), next: close + 1 };
      }
      // Positional parameters with a default (`GPUS=${5:-8}`): the default, as for an unset variable.
      const m = /^([A-Za-z_][A-Za-z0-9_]*|\d+)(?::?([-=])(.*))?$/s.exec(inner);
      if (!m) return { value: text.slice(j, close + 1), ok: false, next: close + 1 };
      return { ...expand(m[1], m[3], m[2] === '='), next: close + 1 };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(j + 1, j + 65));
    if (m) return { ...expand(m[0], undefined), next: j + 1 + m[0].length };
    if (c !== undefined && /[0-9@*#?$!-]/.test(c)) return { ...expand(c, undefined), next: j + 2 };
    return { value: '$', ok: true, next: j + 1 };
  };
  while (i < n) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
      i += 3;
      continue;
    }
    if (c === '\n') {
      // `read -r -d '' CMD <<EOF … EOF`: the heredoc's body is the value of CMD (OpenRLHF's launchers, then
      // `deepspeed --module $CMD`).
      const into = heredocs.length === 1 && !flat ? readTarget(words) : undefined;
      const line = words;
      const to = redirectTo;
      endCommand(i);
      i++;
      // Heredoc bodies that started on the line just ended: skipped, unless a job script (./shell-jobs).
      for (const delim of heredocs) {
        const re = new RegExp(`^[\\t ]*${delim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\t ]*$`, 'm');
        const rest = text.slice(i);
        const m = re.exec(rest);
        const body = { start: i, end: m ? i + m.index : n };
        if (into) {
          const own: Word[] = [];
          scan(text, body.start, body.end, state, own);
          if (own.length > 1) varWords.set(into, own);
          else varWords.delete(into);
          arrays.delete(into);
          unknown.delete(into);
          vars.set(into, own.map((w) => w.text).join(' '));
        } else if (!flat && heredocs.length === 1) {
          const submit = stdinSubmit(line);
          const path = to !== undefined && writesHeredoc(line) ? writtenPath(to, vars) : undefined;
          if (submit) readJob(body, submit);
          else if (path) state.written.set(path, body);
        }
        i = m ? i + m.index + m[0].length : n;
      }
      heredocs = [];
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      const eol = text.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      comments.push({ text: text.slice(i, end), span: { start: i, end } });
      i = end;
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      endCommand(i);
      if (!flat && (c === '&' || c === '|') && text[i + 1] === c) state.guarded = true;
      i++;
      continue;
    }
    if ((c === '<' || c === '>') && text[i + 1] !== '(') {
      // Redirections: skip the operator and its target word.
      if (text.startsWith('<<', i)) {
        const m = /^<<-?\s*['"]?([A-Za-z_0-9]+)['"]?/.exec(text.slice(i));
        if (m) {
          heredocs.push(m[1]);
          i += m[0].length;
          continue;
        }
      }
      i++;
      const out = c === '>' && text[i] !== '&';
      while (i < n && /[<>&0-9]/.test(text[i])) i++;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
      const target = i;
      while (i < n && !/[\s;&|]/.test(text[i])) i++;
      if (out && !flat) redirectTo = text.slice(target, i);
      continue;
    }
    // A word that is only an expansion of several words: those words, each with the span where it is written.
    const whole = c === '$' || c === '"' ? WHOLE_EXPANSION.exec(text.slice(i, Math.min(n, i + 200))) : null;
    if (whole) {
      const name = whole[1] ?? whole[2] ?? whole[3] ?? whole[4];
      const many = whole[1] || whole[2] ? arrays.get(name) : !arrays.has(name) ? varWords.get(name) : undefined;
      if (many) {
        words.push(...many.map((w) => ({ ...w })));
        i += whole[0].length;
        continue;
      }
    }
    // A word.
    const start = i;
    let value = '';
    let unresolved = false;
    let fromDefault = false;
    let quoted = false;
    let array = false;
    let valueStart = -1;
    while (i < n) {
      const d = text[i];
      if (valueStart === -1 && d === '=' && !quoted && /^[A-Za-z_]\w*\+?$/.test(value)) valueStart = i + 1;
      if (d === '(' && !quoted && /^[A-Za-z_]\w*\+?=$/.test(value)) {
        // `NAME=( … )` / `NAME+=( … )`: a bash array.
        const close = closing(text, i, n);
        const els: Word[] = [];
        scan(text, i + 1, close, state, els);
        const name = value.replace(/\+?=$/, '');
        arrays.set(name, value.endsWith('+=') ? [...(arrays.get(name) ?? []), ...els] : els);
        varWords.delete(name);
        i = Math.min(close + 1, n);
        array = true;
        break;
      }
      if (d === '\\') {
        if (text[i + 1] === '\n') {
          i += 2;
          break;
        }
        value += text[i + 1] ?? '';
        i += 2;
      } else if (d === "'") {
        quoted = true;
        const close = text.indexOf("'", i + 1);
        const end = close === -1 ? n : close;
        value += text.slice(i + 1, end);
        i = end + 1;
      } else if (d === '"') {
        quoted = true;
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n) {
            if (text[i + 1] !== '\n') value += '"\\$`'.includes(text[i + 1]) ? text[i + 1] : text[i] + text[i + 1];
            i += 2;
          } else if (text[i] === '$' || text[i] === '`') {
            const e = text[i] === '$' ? dollar(i) : tick(i);
            value += e.value;
            unresolved ||= !e.ok;
            fromDefault ||= !!e.defaulted;
            i = e.next;
          } else value += text[i++];
        }
        i++;
      } else if (d === '$' || d === '`') {
        const e = d === '$' ? dollar(i) : tick(i);
        value += e.value;
        unresolved ||= !e.ok;
        fromDefault ||= !!e.defaulted;
        i = e.next;
      } else if (/[\s;&|<>()]/.test(d)) {
        break;
      } else {
        value += d;
        i++;
      }
    }
    if (array) continue;
    // A separator not taken above (a Unicode space, `<(`) ends an empty word: step over it (found by fuzzing).
    if (i === start) {
      i++;
      continue;
    }
    const word: Word = { text: value, span: { start, end: Math.min(i, n) }, unresolved, quoted };
    if (fromDefault) word.defaulted = true;
    if (valueStart !== -1) assignments.set(word, { start: valueStart, end: word.span.end });
    words.push(word);
  }
  endCommand(n);
  return { commands, comments };
}
