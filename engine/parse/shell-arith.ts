// Shell arithmetic `$(( … ))` over whole numbers, for launchers that compute a count from variables they set
// (`NODES=$((GPUS / GPUS_PER_NODE))`, `--num_processes $((NNODES * GPUS_PER_NODE))`). Written by hand: the subset is
// + - * / % and parentheses on integers (POSIX "Arithmetic Expansion",
// https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_02_06_04), which a dozen lines of
// recursive descent cover, and nothing here may ever evaluate user text as code (no `eval`, no `Function`). Also the
// other two things ./shell reads inside `$(…)` and `( … )`: a device-list count and the closing parenthesis.

/**
 * The value of an arithmetic expression whose names are looked up with `lookup` (a name with no whole-number value
 * makes the whole expression unknown). Undefined for anything outside the subset: comparisons, assignments,
 * `?:`, bit operations, division by zero.
 */
export function shellArithmetic(expr: string, lookup: (name: string) => string | undefined): number | undefined {
  const tokens = expr.match(/\$?\{?[A-Za-z_][A-Za-z0-9_]*\}?|\d+|[-+*/%()]|\S/g) ?? [];
  let k = 0;
  let failed = false;
  const fail = (): number => {
    failed = true;
    return 0;
  };
  const atom = (): number => {
    const t = tokens[k++];
    if (t === undefined) return fail();
    if (t === '(') {
      const v = sum();
      if (tokens[k++] !== ')') return fail();
      return v;
    }
    if (t === '-') return -atom();
    if (t === '+') return atom();
    if (/^\d+$/.test(t)) return Number(t);
    const name = /^\$?\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(t)?.[1];
    const v = name === undefined ? undefined : lookup(name);
    return v !== undefined && /^\s*-?\d+\s*$/.test(v) ? Number(v) : fail();
  };
  const product = (): number => {
    let v = atom();
    while (tokens[k] === '*' || tokens[k] === '/' || tokens[k] === '%') {
      const op = tokens[k++];
      const r = atom();
      if (op === '*') v *= r;
      else if (r === 0) return fail();
      else v = op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[k] === '+' || tokens[k] === '-') v = tokens[k++] === '+' ? v + product() : v - product();
    return v;
  };
  if (tokens.length === 0) return undefined;
  const v = sum();
  return failed || k !== tokens.length || !Number.isSafeInteger(v) ? undefined : v;
}

/** The `)` closing the `(` at `open` (quotes and nested parentheses skipped), or `n`. */
export function closing(text: string, open: number, n: number): number {
  let depth = 0;
  for (let k = open; k < n; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === "'" || c === '"') {
      const q = text.indexOf(c, k + 1);
      if (q === -1 || q >= n) return n;
      k = q;
    } else if (c === '#' && /\s/.test(text[k - 1] ?? ' ')) {
      const eol = text.indexOf('\n', k);
      if (eol === -1) return n;
      k = eol;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return n;
}

/**
 * The one command substitution read without running anything: the number of items of a list of device ids held in
 * a variable the script sets, split on commas or on blanks (`$(echo $CUDA_VISIBLE_DEVICES | awk -F "," '{print NF}')`,
 * `$(echo $gpus | awk -F ' ' '{print NF}')` for `gpus="0 1 2 3"`, `… | tr ',' '\n' | wc -l`, `… | wc -w`), which
 * launchers use to count their GPUs. Anything else stays unresolved.
 */
export function listCount(inner: string, lookup: (name: string) => string | undefined): number | undefined {
  const m =
    /^\s*echo\s+"?\$\{?(\w+)\}?"?\s*\|\s*(?:awk\s+(?:-F\s*(?:"([^"]*)"|'([^']*)'|(,)))?\s*'\{\s*print\s+NF\s*\}'|tr\s+(?:"([^"]*)"|'([^']*)')\s+(?:"\\n"|'\\n')\s*\|\s*wc\s+-l|(wc\s+-w))\s*$/.exec(
      inner,
    );
  const v = m ? lookup(m[1]) : undefined;
  if (!m || v === undefined) return undefined;
  const sep = (m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? ' ').trim() === ',' ? ',' : ' ';
  const items = v.split(sep === ',' ? ',' : /\s+/).filter((x) => x.trim());
  return items.length > 0 && items.every((x) => /^\s*\d+\s*$/.test(x)) ? items.length : undefined;
}

/**
 * `expr 736 / $NUM_NODES`, `expr $NNODES \* $GPUS_PER_NODE`: expr(1)'s integer arithmetic, each operand and operator a
 * word of its own (POSIX expr, https://pubs.opengroup.org/onlinepubs/9699919799/utilities/expr.html: `*` written
 * `\*` or quoted against the shell's globbing, division truncating), over the same subset as `$(( … ))`.
 */
function exprValue(inner: string, lookup: (name: string) => string | undefined): number | undefined {
  const m = /^\s*expr\s+(.+?)\s*$/s.exec(inner);
  const words = m?.[1].split(/\s+/).map((w) => w.replace(/^\\(?=[-+*/%()])|^(['"])([-+*/%])\1$/, '$2'));
  const operand = /^(?:\d+|\$\{?[A-Za-z_]\w*\}?)$/;
  if (!words || !words.every((w, i) => (i % 2 === 0 ? operand.test(w) : /^[-+*/%]$/.test(w)))) return undefined;
  return words.length % 2 === 1 ? shellArithmetic(words.join(' '), lookup) : undefined;
}

/** What `$(…)` or backticks yield when nothing need run: a device-list count (`listCount`) or `expr` arithmetic. */
export function commandValue(inner: string, lookup: (name: string) => string | undefined): number | undefined {
  return listCount(inner, lookup) ?? exprValue(inner, lookup);
}

/** `$0`, `${0}`, `${BASH_SOURCE[0]}`, `$BASH_SOURCE`, quoted or not: the launcher's own path. */
const SELF = String.raw`"?\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?"?`;
/** `$(realpath $0)`, `$(readlink -f "$0")`: the same path, resolved. */
const REAL = String.raw`(?:${SELF}|"?\$\(\s*(?:realpath|readlink\s+-f)\s+${SELF}\s*\)"?)`;
/** `dirname X`, `"$(dirname X)"`, with `/..` steps after it: the folder as written (group 1: the steps). */
const DIR = String.raw`"?\$\(\s*dirname\s+(?:--\s+)?${REAL}\s*\)((?:/\.\.)*)/?"?`;
const SCRIPT_DIR = [
  new RegExp(String.raw`^dirname\s+(?:--\s+)?${REAL}$`),
  new RegExp(String.raw`^cd\s+(?:--\s+)?${DIR}\s*(?:[&>\/\w\s]*?)(?:&&|;)\s*pwd(?:\s+-P)?$`),
  new RegExp(String.raw`^(?:realpath|readlink\s+-f)\s+${DIR}$`),
];

/**
 * The folder a launcher names through its own path (`$(dirname "$0")`, `$(cd "$(dirname "${BASH_SOURCE[0]}")/.." &&
 * pwd)`, `$(realpath "$(dirname "$0")/..")`): `.` or `..` steps relative to the launcher's folder, which is where the
 * linker resolves a relative path first. Undefined for any other command.
 */
export function scriptDirOf(inner: string): string | undefined {
  const t = inner.trim().replace(/\s+/g, ' ');
  for (const re of SCRIPT_DIR) {
    const m = re.exec(t);
    if (!m) continue;
    const ups = (m[1] ?? '').split('/..').length - 1;
    return ups === 0 ? '.' : Array(ups).fill('..').join('/');
  }
  return undefined;
}
