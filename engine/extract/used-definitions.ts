// What a module of a run contributes to it (issue 11, devices of a plain script): its top-level statements, which run
// on import, and the definitions the run uses — the names the other files import from it, and the definitions those
// name in turn. A module of several trainer classes (`trainers.py` with an `SFTTrainer` the script builds beside an
// `FSDPRewardModelTrainer` it never names) sets up only what the used ones do. The rest is blanked to spaces of the
// same length (offsets stay valid), so that ./python-code-text then also blanks the imports only they used.
// Anything not decided — the module imported whole and passed around, a star import — keeps the whole text.
//
// A setting written as a literal (`_C.LOCAL_RANK = 0` in a yacs config, `multi_gpu = False`, `world_size = 1`) is a
// value, not a mechanism: a launcher or the code that reads it sets up the processes, and those are looked for on
// their own (`torch.distributed.launch` passes `--local_rank`, https://pytorch.org/docs/stable/distributed.html).

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** A top-level `def`/`class` with its decorators, from its first line to the next line that starts at column 0. */
interface Definition {
  name: string;
  start: number;
  end: number;
}

function definitions(text: string): Definition[] {
  const out: Definition[] = [];
  const lines = text.split('\n');
  let at = 0;
  let open: Definition | undefined;
  let decorated: number | undefined;
  for (const line of lines) {
    const top = /^\S/.test(line) && !line.startsWith('#');
    if (top && open) {
      out.push(open);
      open = undefined;
    }
    const d = /^(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)/.exec(line);
    if (d) {
      open = { name: d[1], start: decorated ?? at, end: 0 };
      decorated = undefined;
    } else if (/^@/.test(line)) decorated ??= at;
    else if (top) decorated = undefined;
    at += line.length + 1;
    if (open) open.end = at - 1;
  }
  if (open) out.push(open);
  return out;
}

/** The module's name as imports write it: the file's stem, or its package folder for `__init__.py`. */
function moduleName(file: string): string {
  const parts = file.replace(/\\/g, '/').split('/');
  const base = parts[parts.length - 1] ?? '';
  return base === '__init__.py' ? (parts[parts.length - 2] ?? '') : base.replace(/\.pyi?$/, '');
}

/**
 * The names the `importers` take from the module `name`: `from …name import a, b as c` gives a and b; the module bound
 * whole (`import pkg.name as m`, `from pkg import name`) gives the attributes read from it (`m.a`). undefined: not
 * decided (a star import, the module object used otherwise, or no import of it found).
 */
function usedNames(name: string, importers: string[]): Set<string> | undefined {
  const out = new Set<string>();
  let found = false;
  const mod = `(?:\\.*|[\\w.]*\\.)${name}`;
  for (const t of importers) {
    for (const m of t.matchAll(
      new RegExp(`^[ \\t]*from[ \\t]+${mod}[ \\t]+import[ \\t]+(\\([^)]*\\)|[^\\n]*)`, 'gm'),
    )) {
      found = true;
      for (const part of m[1].replace(/[()\\]/g, ' ').split(',')) {
        const n = part.trim().split(/\s+/)[0];
        if (n === '*') return undefined;
        if (n) out.add(n);
      }
    }
    const whole = [
      ...t.matchAll(new RegExp(`^[ \\t]*import[ \\t]+[\\w.]*?\\b${name}(?:[ \\t]+as[ \\t]+(\\w+))?[ \\t]*$`, 'gm')),
      ...t.matchAll(
        new RegExp(
          `^[ \\t]*from[ \\t]+[\\w.]+[ \\t]+import[ \\t]+(?:[^\\n]*,[ \\t]*)?${name}(?:[ \\t]+as[ \\t]+(\\w+))?\\b`,
          'gm',
        ),
      ),
    ];
    for (const m of whole) {
      found = true;
      const alias = m[1] ?? name;
      const uses = [...t.matchAll(new RegExp(`(?<![\\w.])${alias}\\b(\\.\\w+)?`, 'g'))].filter(
        (u) => u.index !== m.index + m[0].lastIndexOf(alias),
      );
      // The module object itself handed on (`run(trainers)`): what it is used for is not read here.
      for (const u of uses) {
        if (!u[1]) {
          if (!/^[ \t]*(import|from)\b/.test(t.slice(t.lastIndexOf('\n', u.index) + 1, u.index + 1))) return undefined;
          continue;
        }
        out.add(u[1].slice(1));
      }
    }
  }
  return found ? out : undefined;
}

/** The module's text with the top-level definitions no file of the run uses blanked (see the head of this file). */
export function usedDefinitions(file: string, text: string, importers: string[]): string {
  const wanted = usedNames(moduleName(file), importers);
  if (!wanted) return text;
  const defs = definitions(text);
  if (defs.length === 0) return text;
  const byName = new Map(defs.map((d) => [d.name, d]));
  // Top-level statements run on import: the definitions they name are used too.
  let rest = text;
  for (const d of defs) rest = rest.slice(0, d.start) + blank(rest.slice(d.start, d.end)) + rest.slice(d.end);
  const kept = new Set<string>();
  const queue = [...wanted, ...[...rest.matchAll(/\b\w+\b/g)].map((m) => m[0])].filter((n) => byName.has(n));
  for (let n = queue.pop(); n !== undefined; n = queue.pop()) {
    const d = byName.get(n);
    if (!d || kept.has(n)) continue;
    kept.add(n);
    for (const m of text.slice(d.start, d.end).matchAll(/\b\w+\b/g))
      if (byName.has(m[0]) && !kept.has(m[0])) queue.push(m[0]);
  }
  let out = text;
  for (const d of defs)
    if (!kept.has(d.name)) out = out.slice(0, d.start) + blank(out.slice(d.start, d.end)) + out.slice(d.end);
  return out;
}

/** Words of a rank, a count or a multi-device switch. */
const SETTING =
  /^(LOCAL_RANK|local_rank|RANK|rank|WORLD_SIZE|world_size|NUM_GPUS|num_gpus|n_gpus?|ngpus?|num_gpu|gpu_num|multi_gpu|MULTI_GPU|distributed|DISTRIBUTED)$/;

/**
 * Assignments of a literal to a rank (any number, None), or to a count or switch that keeps one device (0, 1, -1,
 * False, None), blanked: `_C.LOCAL_RANK = 0`, `multi_gpu = False`. A count above one or a switch turned on stays.
 */
export function withoutLiteralSettings(text: string): string {
  return text.replace(
    /^([ \t]*)([\w.]*?)(\w+)([ \t]*(?::[ \t]*\w+[ \t]*)?=[ \t]*)(-?\d+|None|False|True)([ \t]*(?:#[^\n]*)?)$/gm,
    (all, _i, _obj, word: string, _eq, value: string) => {
      if (!SETTING.test(word)) return all;
      const rank = /rank/i.test(word);
      const keepsOne = /^(-1|0|1|None|False)$/.test(value);
      return (rank && value !== 'True' && value !== 'False') || (!rank && keepsOne) ? blank(all) : all;
    },
  );
}
