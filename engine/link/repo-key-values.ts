// The numbers a repository's code and launchers write for one setting, by its last name (`num_epochs`): a dict entry
// (`"num_epochs": 50`), an assignment or keyword (`num_epochs = 100`, `self.num_epochs = 100`, `Config(num_epochs=100)`,
// a dataclass field `num_epochs: int = 100`), an argparse default (`add_argument('--num-epochs', default=100)`), and a
// launcher's flag or override (`--num_epochs 200`, `trainer.max_epochs=300`). Only literal numbers: a value computed
// or read elsewhere (`num_epochs = args.num_epochs`) is plumbing, not a setting. Comments are left out.
// ./project-config-length asks whether every value written agrees that a loop bound the script leaves unknown is long.

/**
 * A number that ends the expression: `100`, `1e6`, `2_000`, `100.0` — not `100 * k`. In code it ends at a comma,
 * bracket, comment or line end; in a launcher at any space or quote too (`--epochs 100 \\`).
 */
const number = (ends: string) => String.raw`(\d[\d_]*(?:\.\d+)?(?:[eE]\+?\d+)?)(?=[ \t]*(?:[${ends}]|$))`;
const NUM = number(String.raw`,)\]}#\n\r;`);
const LAUNCHER_NUM = number(String.raw`,)\]}#\n\r;\\ \t"'`);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `num_epochs` as a flag name: `num_epochs` or `num-epochs`. */
const flagName = (leaf: string) => escape(leaf).replace(/_/g, '[-_]');

const patterns = new Map<string, { code: RegExp[]; launcher: RegExp[] }>();

function patternsOf(leaf: string): { code: RegExp[]; launcher: RegExp[] } {
  let p = patterns.get(leaf);
  if (p) return p;
  const k = escape(leaf);
  p = {
    code: [
      // "num_epochs": 50 (a dict literal), cfg["num_epochs"] = 50
      new RegExp(String.raw`['"]${k}['"]\s*\]?\s*[:=](?!=)\s*${NUM}`, 'gm'),
      // num_epochs = 100, self.num_epochs = 100, f(num_epochs=100), num_epochs: int = 100
      new RegExp(String.raw`(?<![\w'"-])${k}\s*(?::\s*[\w.]+\s*)?=(?!=)\s*${NUM}`, 'gm'),
      // add_argument('--num_epochs', type=int, default=100)
      new RegExp(String.raw`['"]--${flagName(leaf)}['"][^)]*?\bdefault\s*=\s*${NUM}`, 'gm'),
    ],
    launcher: [
      // --num_epochs 200, --num-epochs=200
      new RegExp(String.raw`--${flagName(leaf)}(?:=|[ \t]+)${LAUNCHER_NUM}`, 'gm'),
      // trainer.max_epochs=300, num_epochs=200 (a Hydra override, a variable)
      new RegExp(String.raw`(?<![\w-])(?:[\w.]+\.)?${k}=${LAUNCHER_NUM}`, 'gm'),
    ],
  };
  if (patterns.size > 200) patterns.clear();
  patterns.set(leaf, p);
  return p;
}

/** Lines with their comments removed (a `#` that starts a comment; strings holding `#` are rare in settings). */
const uncommented = (text: string) => text.replace(/(^|[ \t])#[^\n]*/gm, '$1');

/**
 * The literal numbers `text` writes for `leaf`, a code file's (`code`) or a launcher's. Empty when it writes none.
 */
export function keyValuesIn(text: string, leaf: string, kind: 'code' | 'launcher'): number[] {
  if (!text.includes(leaf) && !text.includes(leaf.replace(/_/g, '-'))) return [];
  const body = uncommented(text);
  const out: number[] = [];
  for (const re of patternsOf(leaf)[kind]) {
    re.lastIndex = 0;
    for (const m of body.matchAll(re)) {
      const v = Number(m[1].replace(/_/g, ''));
      if (Number.isFinite(v)) out.push(v);
    }
  }
  return out;
}
