// A loop bound read from a config chosen on the command line (`range(hps.train.epochs + 1)`, `range(args.train.epochs)`
// with `hps = utils.get_hparams()` / `args = load_config(cmd.config)`): the script alone leaves the run length unknown,
// and no one config is the run's. When every config of the repository that writes that key path (two levels at
// least, `train.epochs`) sets it to a count no run reaches (10,000 epochs or more: VITS's `epochs: 20000`, DDSP-SVC's
// `epochs: 100000`), whichever config a run picks, its length is a placeholder. The value stays unknown (no config is
// the run's); the fact takes the form `placeholder-configs` and a note naming the configs, which GML601 reads. When
// every value written is 50 epochs or more (sleep_stage's `train: epochs: 100`), the form is `many-epochs-configs`: a
// long fixed schedule whichever config runs, which GML601 judges as it judges a written count of 50 or more. A
// one-level key (`range(config["num_epochs"])` of a `get_config()` dict, `range(self.num_epochs)` set from argparse)
// may be written anywhere: its values are also those the repository's code and launchers write for that name, read
// only where the whole repository can be read. Not when the script stops itself on the run's progress (an exit under
// a condition on the epoch or step).
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import type { RunDraft } from '../extract/run-draft';
import { configDoc } from '../extract/config-doc';
import type { Linker } from './linker';
import { openLengths } from './open-length';
import { repoTexts } from './repo-defaults';
import { keyValuesIn } from './repo-key-values';

/** An epoch count no run reaches (the rule's threshold for "bounded in name only"). */
export const PLACEHOLDER_EPOCHS = 10_000;
/** Epochs from which a run that validates every epoch should stop early (GML601's threshold for a fixed schedule). */
export const MANY_EPOCHS = 50;
const CODE_FILE = /\.py$/i;
const LAUNCHER_FILE = /\.(sh|bash|zsh|slurm|sbatch|pbs|job)$/i;
const MAX_UP = 5;
const MAX_DEPTH = 3;
const MAX_CONFIGS = 200;
const ROOT_MARKERS = /^(\.git|setup\.py|setup\.cfg|pyproject\.toml|README(\.\w+)?|LICENSE(\.\w+)?)$/i;
const SKIP_DIRS = /^(\.|__pycache__|node_modules|tests?|docs?|third_party|site-packages|build|dist)/i;
const CONFIG_FILE = /\.(ya?ml|json)$/i;

/** `hps.train.epochs`, `self.args.train.epochs`, `cfg["train"]["epochs"]` (a `+ 1` after it) → ['train', 'epochs']. */
export function boundKeyPath(expr: string): string[] | undefined {
  const s = expr.trim().replace(/\s*[-+]\s*\d+$/, '');
  const dotted = /^(?:self\.)?\w+((?:\.\w+)+)$/.exec(s);
  if (dotted) return dotted[1].slice(1).split('.');
  const sub = /^(?:self\.)?\w+((?:\[\s*['"]\w+['"]\s*\])+)$/.exec(s);
  return sub ? [...sub[1].matchAll(/['"](\w+)['"]/g)].map((m) => m[1]) : undefined;
}

/** The repository's root above `file` (the nearest folder holding a root marker), else the file's folder. */
function repoTop(linker: Linker, file: string): string {
  let dir = path.dirname(path.resolve(file));
  for (let i = 0; i <= MAX_UP; i++) {
    if (linker.listDir(dir).some((n) => ROOT_MARKERS.test(n))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.dirname(path.resolve(file));
}

/** YAML and JSON files under `top`, at most MAX_DEPTH folders down. */
function configFiles(linker: Linker, top: string): string[] {
  const out: string[] = [];
  const queue: [string, number][] = [[top, 0]];
  let listed = 0;
  for (let next = queue.shift(); next && listed < 400 && out.length < MAX_CONFIGS; next = queue.shift()) {
    const [dir, depth] = next;
    listed++;
    for (const n of linker.listDir(dir)) {
      const f = path.join(dir, n);
      if (CONFIG_FILE.test(n)) out.push(f);
      else if (!n.includes('.') && depth < MAX_DEPTH && !SKIP_DIRS.test(n)) queue.push([f, depth + 1]);
    }
  }
  return out.slice(0, MAX_CONFIGS);
}

export function withProjectConfigLength(
  linker: Linker,
  file: string,
  tree: { rootNode: SyntaxNode } | undefined,
  drafts: RunDraft[],
): void {
  if (!tree) return;
  const open = openLengths(linker, file, drafts).filter((o) => o.k === 'epochs');
  if (open.length === 0) return;
  // Whether the script stops itself (a walk of its `if` statements): asked only where a bound reads a key path.
  let stops: boolean | undefined;
  let configs: string[] | undefined;
  for (const { d, f } of open) {
    if (!f.span) continue;
    const node = tree.rootNode.descendantForIndex(f.span.start, f.span.end);
    const keys = node && node.startIndex === f.span.start && node.endIndex === f.span.end && boundKeyPath(node.text);
    if (!keys) continue;
    if ((stops ??= ownStop(tree.rootNode))) return;
    configs ??= configFiles(linker, repoTop(linker, file));
    const found = valuesOf(linker, file, configs, keys);
    if (!found || found.length === 0) continue;
    const least = Math.min(...found.map((x) => x.value));
    const form =
      least >= PLACEHOLDER_EPOCHS ? 'placeholder-configs' : least >= MANY_EPOCHS ? 'many-epochs-configs' : undefined;
    if (!form) continue;
    const names = found.map((x) => `${path.basename(x.file)}: ${x.value}`);
    const bound = form === 'placeholder-configs' ? PLACEHOLDER_EPOCHS : MANY_EPOCHS;
    d.plan.facts.set('epochs', {
      ...f,
      form,
      note: `${f.note ?? 'epochs'}: every ${found.every((x) => CONFIG_FILE.test(x.file)) ? 'config' : 'config, script and launcher'} of the repository that sets ${keys.join('.')} gives ${bound.toLocaleString('en-US')} or more (${names.slice(0, 3).join(', ')}${names.length > 3 ? `, and ${names.length - 3} more` : ''})`,
    });
  }
}

/**
 * Every value the repository writes for the key path `keys`: its YAML and JSON configs (the path from the top); for a
 * one-level key (`params.num_epochs`, `config["num_epochs"]`), which any file may set, or a path no YAML or JSON config
 * sets, also the literal numbers its code and launchers write for the last name (./repo-key-values), and only where
 * the whole repository can be read (./repo-defaults `repoTexts`), so that no value left unread could disagree.
 * Undefined when a value is not a number.
 */
function valuesOf(
  linker: Linker,
  file: string,
  configs: string[],
  keys: string[],
): { file: string; value: number }[] | undefined {
  const leaf = keys[keys.length - 1];
  const found: { file: string; value: number }[] = [];
  for (const c of configs) {
    const text = linker.read(c);
    if (text === undefined || !text.includes(leaf)) continue;
    const v = keyValue(c, text, keys);
    if (v === undefined) continue;
    if (typeof v !== 'number') return undefined;
    found.push({ file: c, value: v });
  }
  // A key path some YAML or JSON config sets is read from those configs; one none sets may come from a Python config
  // (a dataclass `epochs: int = 50` of a configs package), read by its last name like a one-level key.
  if (keys.length > 1 && found.length > 0) return found;
  const texts = repoTexts(linker, file);
  if (!texts) return undefined;
  const own = path.resolve(file);
  for (const [f, stored] of texts) {
    const kind = CODE_FILE.test(f) ? 'code' : LAUNCHER_FILE.test(f) ? 'launcher' : undefined;
    const text = path.resolve(f) === own ? linker.input.text : stored;
    if (!kind || text === undefined) continue;
    for (const value of keyValuesIn(text, leaf, kind)) found.push({ file: f, value });
  }
  return found;
}

/**
 * The value at `keys` of the config `file` whose text is `text`, remembered per file, text and key path: a script is
 * analysed again on every keystroke, and a repository may hold more configs that write the key than the parsed
 * configs ../extract/config-doc keeps (each would be parsed again on each analysis). Results are read, never changed.
 */
const VALUES = new Map<string, { text: string; value: unknown }>();
const MAX_VALUES = 1000;
/** Characters of config text held by VALUES (texts the disk reader may have let go of). */
const MAX_VALUE_CHARS = 8 * 1024 * 1024;
let valueChars = 0;

function keyValue(file: string, text: string, keys: string[]): unknown {
  const id = `${file}\u0000${keys.join('\u0000')}`;
  const hit = VALUES.get(id);
  if (hit && hit.text === text) return hit.value;
  const value = configDoc(file, text)?.field(keys)?.value;
  if (VALUES.size >= MAX_VALUES || valueChars + text.length > MAX_VALUE_CHARS) {
    VALUES.clear();
    valueChars = 0;
  }
  VALUES.set(id, { text, value });
  valueChars += text.length;
  return value;
}

/**
 * A stop of the script's own on the run's progress (RVC's `if epoch >= hps.total_epoch: … os._exit(0)` in the function
 * the epoch loop calls, a total given on the command line): the configs' count is not the run's length.
 */
function ownStop(root: SyntaxNode): boolean {
  return root.descendantsOfType('if_statement').some((s) => {
    const cond = s?.childForFieldName('condition')?.text ?? '';
    const body = s?.childForFieldName('consequence')?.text ?? '';
    return /epoch|step|iter/i.test(cond) && /\b(os\._exit|sys\.exit|exit|quit)\s*\(|\braise\s+SystemExit\b/.test(body);
  });
}
