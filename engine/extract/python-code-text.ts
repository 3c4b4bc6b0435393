// The parts of a Python text that run, for pattern tests over whole texts (issue 11: devices right wherever a file
// states them). Comments, prose strings (a string with whitespace inside: help texts, log messages, docstrings) and
// imports whose names the file never uses are replaced by spaces of the same length, so offsets stay valid. A word in
// a comment (`# local rank for DistributedDataParallel`), a help text (`help='uniformly distributed latent vector'`)
// or an unused import (`from torch.nn.parallel import DistributedDataParallel as DDP`, never called) runs nothing.
// Strings without whitespace stay: `os.environ["LOCAL_RANK"]` and `"cuda"` are values the code uses.

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** Comments and prose strings blanked; string delimiters and code kept. */
function withoutProse(text: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out.push(blank(text.slice(i, stop)));
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const q = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < text.length && !text.startsWith(q, j)) {
        if (text[j] === '\\') j++;
        else if (q.length === 1 && text[j] === '\n') break;
        j++;
      }
      const body = text.slice(i + q.length, Math.min(j, text.length));
      out.push(q, /\s/.test(body) ? blank(body) : body);
      if (j < text.length && text.startsWith(q, j)) out.push(q);
      i = Math.min(j + (text.startsWith(q, j) ? q.length : 0), text.length);
      continue;
    }
    out.push(c);
    i++;
  }
  return out.join('');
}

const IMPORT = /^[ \t]*(?:import[ \t]+([\w., \t]+)|from[ \t]+[\w.]+[ \t]+import[ \t]+(\([^)]*\)|[^\n]*))/gm;

/** The names an import line binds: `import a.b as x` binds x, `import a.b` binds a, `from m import (x as y, z)` y and z. */
function boundNames(m: RegExpExecArray): string[] {
  const list = (m[1] ?? m[2] ?? '').replace(/[()\\]/g, ' ');
  return list
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/))
    .map((p) => (p[1] ?? p[0] ?? '').split('.')[0].trim())
    .filter((n) => n.length > 0);
}

/** The text that runs: prose blanked, then imports none of whose names the rest of the code uses. */
export function codeText(text: string): string {
  const code = withoutProse(text);
  const unused: [number, number][] = [];
  for (let m = IMPORT.exec(code); m; m = IMPORT.exec(code)) {
    const names = boundNames(m);
    if (names.length === 0 || names.includes('*')) continue;
    const rest = code.slice(0, m.index) + code.slice(m.index + m[0].length);
    if (!names.some((n) => new RegExp(`(^|[^\\w.])${n}\\b`).test(rest))) unused.push([m.index, m[0].length]);
  }
  let out = code;
  for (const [at, len] of unused) out = out.slice(0, at) + blank(out.slice(at, at + len)) + out.slice(at + len);
  return out;
}
