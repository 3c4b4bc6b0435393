// A small POSIX-shell word splitter for launcher scripts: commands, words with their spans, quotes, `\` line
// continuations, comments (for #SBATCH), heredocs skipped, and `$VAR` / `${VAR:-default}` expanded from plain
// assignments made earlier in the same script. Nothing is executed: `$(…)`, backticks and unknown variables stay
// unresolved and are marked so. Written by hand rather than taken from npm: the libraries that exist
// (shell-quote, string-argv) give no source offsets, which fixes and findings need, and the subset launchers use is
// small.
import type { Span } from '../types';

export interface Word {
  /** The word after quote removal and variable expansion. */
  text: string;
  /** Span of the word as written. */
  span: Span;
  /** True when it holds a command substitution or a variable this script does not assign. */
  unresolved: boolean;
  /** True when any part of it was quoted. */
  quoted: boolean;
}

export interface Command {
  words: Word[];
  /** `NAME=value` words before the command name. */
  env: Map<string, string>;
  span: Span;
}

export interface Comment {
  text: string;
  span: Span;
}

export interface ShellScript {
  commands: Command[];
  comments: Comment[];
  /** Variables assigned in the script (last value wins). */
  vars: Map<string, string>;
}

const KEYWORDS = new Set([
  'then',
  'do',
  'else',
  'elif',
  'if',
  'while',
  'until',
  '!',
  '{',
  '(',
  'time',
  'exec',
  'nohup',
]);
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

export function parseShell(text: string): ShellScript {
  const vars = new Map<string, string>();
  /** Variables assigned from something this reader cannot evaluate: their `${X:-default}` is not the default. */
  const unknown = new Set<string>();
  const commands: Command[] = [];
  const comments: Comment[] = [];
  let i = 0;
  const n = text.length;
  let words: Word[] = [];
  let heredocs: string[] = [];

  const endCommand = (end: number) => {
    if (words.length > 0) {
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
      }
      while (k < words.length && ASSIGN.test(words[k].text) && !words[k].text.startsWith('=')) {
        const m = ASSIGN.exec(words[k].text)!;
        env.set(m[1], m[2]);
        k++;
      }
      const rest = words.slice(k);
      if (rest.length === 0 || exported) {
        for (const [name, v] of env) {
          if (words.find((w) => w.text.startsWith(`${name}=`))?.unresolved) {
            unknown.add(name);
            vars.delete(name);
          } else {
            unknown.delete(name);
            vars.set(name, v);
          }
        }
      } else {
        commands.push({ words: rest, env, span: { start: rest[0].span.start, end } });
      }
    }
    words = [];
  };

  const expand = (name: string, fallback: string | undefined): { value: string; ok: boolean } => {
    const v = vars.get(name);
    if (v !== undefined && v !== '') return { value: v, ok: true };
    if (fallback !== undefined && !unknown.has(name)) return { value: fallback, ok: true };
    return { value: `$${name}`, ok: false };
  };

  /** Reads `$…` at position j (text[j] === '$'); returns the expansion and the position after it. */
  const dollar = (j: number): { value: string; ok: boolean; next: number } => {
    const c = text[j + 1];
    if (c === '(') {
      let depth = 0;
      let k = j + 1;
      for (; k < n; k++) {
        if (text[k] === '(') depth++;
        else if (text[k] === ')' && --depth === 0) break;
      }
      return { value: text.slice(j, k + 1), ok: false, next: Math.min(k + 1, n) };
    }
    if (c === '{') {
      const close = text.indexOf('}', j + 2);
      if (close === -1) return { value: text.slice(j), ok: false, next: n };
      const inner = text.slice(j + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::?[-=](.*))?$/s.exec(inner);
      if (!m) return { value: text.slice(j, close + 1), ok: false, next: close + 1 };
      return { ...expand(m[1], m[2]), next: close + 1 };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(j + 1, j + 65));
    if (m) return { ...expand(m[0], undefined), next: j + 1 + m[0].length };
    if (c !== undefined && /[0-9@*#?$!-]/.test(c)) return { value: `$${c}`, ok: false, next: j + 2 };
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
      endCommand(i);
      i++;
      // Skip heredoc bodies that started on the line just ended.
      for (const delim of heredocs) {
        const re = new RegExp(`^[\\t ]*${delim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\t ]*$`, 'm');
        const rest = text.slice(i);
        const m = re.exec(rest);
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
      while (i < n && /[<>&0-9]/.test(text[i])) i++;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
      while (i < n && !/[\s;&|]/.test(text[i])) i++;
      continue;
    }
    // A word.
    const start = i;
    let value = '';
    let unresolved = false;
    let quoted = false;
    while (i < n) {
      const d = text[i];
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
          } else if (text[i] === '$') {
            const e = dollar(i);
            value += e.value;
            unresolved ||= !e.ok;
            i = e.next;
          } else if (text[i] === '`') {
            const close = text.indexOf('`', i + 1);
            unresolved = true;
            value += text.slice(i, close === -1 ? n : close + 1);
            i = close === -1 ? n : close + 1;
          } else value += text[i++];
        }
        i++;
      } else if (d === '$') {
        const e = dollar(i);
        value += e.value;
        unresolved ||= !e.ok;
        i = e.next;
      } else if (d === '`') {
        const close = text.indexOf('`', i + 1);
        unresolved = true;
        value += text.slice(i, close === -1 ? n : close + 1);
        i = close === -1 ? n : close + 1;
      } else if (/[\s;&|<>()]/.test(d)) {
        break;
      } else {
        value += d;
        i++;
      }
    }
    // A separator the cases above do not take (a Unicode space, `<(` of a process substitution) ends an empty
    // word: step over it, or the loop would never advance (found by the fuzz suite).
    if (i === start) {
      i++;
      continue;
    }
    words.push({ text: value, span: { start, end: Math.min(i, n) }, unresolved, quoted });
  }
  endCommand(n);
  return { commands, comments, vars };
}
