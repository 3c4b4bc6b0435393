// Reads `greenml.toml` or `[tool.greenml]` from `pyproject.toml` (smol-toml). Bad files give a message naming the
// file, line and key, never a crash; unknown keys and wrong types are reported so a typo is not silently ignored
// (the CLI exits 2 on any problem; the editor shows them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { readRegularFile } from '../../engine/link/reader';
import { FILE_KEYS, type RuleSeverity, type Settings } from '../../engine/settings';
import { RULES } from '../../rules/index';
import { unknownSelectors } from '../../rules/select';

export interface WorkspaceFile {
  path: string;
  values: Partial<Settings>;
  problems: string[];
  /** Rule selectors that name no rule (errors: the CLI exits 2, the editor marks them in the file). */
  unknownCodes?: string[];
}

/** A list of rule selectors: an array of strings, or one comma-separated string. */
function selectorList(raw: unknown): string[] | undefined {
  if (typeof raw === 'string')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) return raw.map((s) => s.trim()).filter(Boolean);
  return undefined;
}

/** Rule selectors from settings or the file that name no rule, each in an error message that names it. */
export function unknownCodeProblems(where: string, codes: string[]): string[] {
  return codes.map(
    (c) => `${where}: unknown rule "${c}" (no rule has this code, code prefix or name; \`greenml rules\` lists them)`,
  );
}

const NUMERIC = new Set<keyof Settings>([
  'devices',
  'pue',
  'carbonIntensity',
  'datasetSize',
  'checkpointThresholdHours',
]);
const PATH_LISTS = new Set<keyof Settings>(['extraRoots', 'exclude']);
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const MAX_WORKSPACE_FILE_BYTES = 1_000_000;

/**
 * Physical bounds of the numeric keys: a value outside is a typo or a unit mix-up, not a setting. Sources: PUE ≥ 1
 * by definition (The Green Grid, 2007); the dirtiest grids are ≈ 1,000–1,100 g CO2e/kWh (Ember, 2024), so 5,000
 * leaves room for any mix; 1,000,000 devices exceeds any cluster built as of 2025.
 */
export const BOUNDS: Partial<
  Record<keyof Settings, { min: number; max: number; integer?: boolean; aboveMin?: boolean }>
> = {
  devices: { min: 1, max: 1_000_000, integer: true },
  pue: { min: 1, max: 5 },
  carbonIntensity: { min: 0, max: 5000, aboveMin: true },
  datasetSize: { min: 1, max: 1e13, integer: true },
  checkpointThresholdHours: { min: 0, max: 1e6, aboveMin: true },
};

/** Why `n` is outside the bounds of `key`, naming them, or undefined. */
export function outOfBounds(key: keyof Settings, n: number): string | undefined {
  const b = BOUNDS[key];
  if (!b) return undefined;
  if (!Number.isFinite(n)) return `must be a finite number`;
  if ((b.aboveMin ? n <= b.min : n < b.min) || n > b.max || (b.integer && !Number.isInteger(n)))
    return `is outside its bounds: ${b.integer ? 'an integer ' : ''}${b.aboveMin ? 'above' : 'from'} ${b.min} ${b.aboveMin ? 'up ' : ''}to ${b.max}`;
  return undefined;
}

/** The 1-based line of `key` in the text (inside `[tool.greenml]` for pyproject.toml), or undefined. */
function lineOf(text: string, key: string, section?: string): number | undefined {
  const lines = text.split(/\r?\n/);
  let inSection = section === undefined;
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^\\s*(?:"${esc}"|'${esc}'|${esc})\\s*=`);
  const header = new RegExp(`^\\s*\\[\\s*(?:"${esc}"|'${esc}'|${esc})\\s*\\]`);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (section !== undefined && /^\s*\[/.test(l)) inSection = new RegExp(`^\\s*\\[\\s*${section}`).test(l);
    if (inSection && (re.test(l) || header.test(l))) return i + 1;
  }
  return undefined;
}

/** Interpret a `[tool.greenml]`-shaped table; `text` (when given) locates each problem's line. */
export function readConfigTable(
  table: Record<string, unknown>,
  file: string,
  text?: string,
  section?: string,
): WorkspaceFile {
  const at = (key: string) => {
    const line = text === undefined ? undefined : lineOf(text, key, section);
    return `${file}${line ? `:${line}` : ''}`;
  };
  const values: Partial<Settings> = {};
  const problems: string[] = [];
  const unknown: string[] = [];
  const check = (list: string[]) => unknown.push(...unknownSelectors(list, RULES));
  for (const [key, raw] of Object.entries(table)) {
    if (key === 'select' || key === 'ignore') {
      const list = selectorList(raw);
      if (!list) problems.push(`${at(key)}: "${key}" must be a list of rule codes or names`);
      else {
        check(list);
        values[key] = list;
      }
      continue;
    }
    if (key === 'per-file-ignores') {
      const map: Record<string, string[]> = {};
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        problems.push(`${at(key)}: "per-file-ignores" must be a table of glob = [codes]`);
      else
        for (const [glob, v] of Object.entries(raw as Record<string, unknown>)) {
          const list = selectorList(v);
          if (!list) problems.push(`${at(glob)}: per-file-ignores."${glob}" must be a list of rule codes or names`);
          else {
            check(list);
            map[glob] = list;
          }
        }
      values.perFileIgnores = map;
      values.configDir = path.dirname(path.resolve(file));
      continue;
    }
    if (key === 'severity' && raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const sev: Record<string, RuleSeverity> = {};
      for (const [code, s] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof s === 'string' && SEVERITIES.has(s)) sev[code.toUpperCase()] = s as RuleSeverity;
        else problems.push(`${at(code)}: severity.${code} must be one of ${[...SEVERITIES].join(', ')}`);
      }
      check(Object.keys(sev));
      values.severity = sev;
      continue;
    }
    const name = FILE_KEYS[key];
    if (!name) {
      problems.push(
        `${at(key)}: unknown key "${key}" (known: ${[...Object.keys(FILE_KEYS), 'select', 'ignore', 'per-file-ignores', 'severity'].join(', ')})`,
      );
      continue;
    }
    if (name === 'minSavingKWh') {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0)
        problems.push(`${at(key)}: "${key}" must be a number ≥ 0 (kWh per run)`);
      else values.minSavingKWh = raw;
    } else if (NUMERIC.has(name)) {
      const bad = typeof raw === 'number' ? outOfBounds(name, raw) : undefined;
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        problems.push(`${at(key)}: "${key}" must be a number, got ${JSON.stringify(raw) ?? String(raw)}`);
      else if (bad) problems.push(`${at(key)}: "${key}" = ${raw} ${bad}`);
      else (values as Record<string, unknown>)[name] = raw;
    } else if (PATH_LISTS.has(name)) {
      const list = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && x.trim() !== ''))
        problems.push(`${at(key)}: "${key}" must be a list of strings`);
      else {
        const dir = path.dirname(path.resolve(file));
        (values as Record<string, unknown>)[name] =
          name === 'extraRoots' ? list.map((x: string) => path.resolve(dir, x)) : list;
        if (name === 'exclude') values.excludeBase = dir;
      }
    } else if (typeof raw !== 'string' || raw.trim() === '') problems.push(`${at(key)}: "${key}" must be a string`);
    else (values as Record<string, unknown>)[name] = raw.trim();
  }
  // Each unknown rule with the line that names it.
  const lineWith = (c: string) => {
    const i = text?.split(/\r?\n/).findIndex((l) => l.includes(`"${c}"`) || l.includes(`'${c}'`) || l.includes(c));
    return i !== undefined && i >= 0 ? `${file}:${i + 1}` : file;
  };
  for (const c of unknown) problems.push(...unknownCodeProblems(lineWith(c), [c]));
  return { path: file, values, problems, unknownCodes: unknown.length ? unknown : undefined };
}

export function parseWorkspaceFile(file: string, text: string): WorkspaceFile {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    // A project's pyproject.toml that does not configure greenml is not ours to reject: the review goes on without it.
    if (path.basename(file) === 'pyproject.toml' && !/^\s*\[\s*tool\s*\.\s*greenml\b/m.test(text))
      return { path: file, values: {}, problems: [] };
    const line = e instanceof TomlError ? `:${e.line}` : '';
    return {
      path: file,
      values: {},
      problems: [`${file}${line}: not valid TOML: ${(e as Error).message.split('\n')[0]}`],
    };
  }
  if (path.basename(file) === 'pyproject.toml') {
    const tool = doc.tool as Record<string, unknown> | undefined;
    const table = tool?.greenml;
    return table && typeof table === 'object'
      ? readConfigTable(table as Record<string, unknown>, file, text, 'tool\\.greenml')
      : { path: file, values: {}, problems: [] };
  }
  return readConfigTable(doc, file, text);
}

/** Read and parse a workspace file; an unreadable one (missing, a FIFO, a device, too large) is one problem. */
export function loadWorkspaceFile(file: string): WorkspaceFile {
  let text: string;
  try {
    text = readRegularFile(file, MAX_WORKSPACE_FILE_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      path: file,
      values: {},
      problems: [`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`],
    };
  }
  return parseWorkspaceFile(file, text);
}

/**
 * The nearest workspace file at or above `dir` (stopping at `stopAt` when given): greenml.toml first, then a
 * pyproject.toml that has [tool.greenml].
 */
export function findWorkspaceFile(dir: string, stopAt?: string): WorkspaceFile | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of ['greenml.toml', 'pyproject.toml']) {
      const p = path.join(current, name);
      let text: string;
      try {
        const st = fs.statSync(p);
        if (!st.isFile() || st.size > MAX_WORKSPACE_FILE_BYTES) continue;
        text = readRegularFile(p, MAX_WORKSPACE_FILE_BYTES);
      } catch {
        continue;
      }
      const wf = parseWorkspaceFile(p, text);
      if (name === 'greenml.toml' || Object.keys(wf.values).length > 0 || wf.problems.length > 0) return wf;
    }
    const parent = path.dirname(current);
    if (parent === current || (stopAt && path.resolve(stopAt) === current)) return undefined;
    current = parent;
  }
}
