// Reads `greenml.toml` or `[tool.greenml]` from `pyproject.toml` (smol-toml). Bad files give a message, never a
// crash; unknown keys and wrong types are reported so a typo is not silently ignored.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
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
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Interpret a `[tool.greenml]`-shaped table. */
export function readConfigTable(table: Record<string, unknown>, file: string): WorkspaceFile {
  const values: Partial<Settings> = {};
  const problems: string[] = [];
  const unknown: string[] = [];
  const check = (list: string[]) => unknown.push(...unknownSelectors(list, RULES));
  for (const [key, raw] of Object.entries(table)) {
    if (key === 'select' || key === 'ignore') {
      const list = selectorList(raw);
      if (!list) problems.push(`${file}: "${key}" must be a list of rule codes or names`);
      else {
        check(list);
        values[key] = list;
      }
      continue;
    }
    if (key === 'per-file-ignores') {
      const map: Record<string, string[]> = {};
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        problems.push(`${file}: "per-file-ignores" must be a table of glob = [codes]`);
      else
        for (const [glob, v] of Object.entries(raw as Record<string, unknown>)) {
          const list = selectorList(v);
          if (!list) problems.push(`${file}: per-file-ignores."${glob}" must be a list of rule codes or names`);
          else {
            check(list);
            map[glob] = list;
          }
        }
      values.perFileIgnores = map;
      values.configDir = path.dirname(path.resolve(file));
      continue;
    }
    if (key === 'severity' && raw && typeof raw === 'object') {
      const sev: Record<string, RuleSeverity> = {};
      for (const [code, s] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof s === 'string' && SEVERITIES.has(s)) sev[code.toUpperCase()] = s as RuleSeverity;
        else problems.push(`${file}: severity.${code} must be one of ${[...SEVERITIES].join(', ')}`);
      }
      check(Object.keys(sev));
      values.severity = sev;
      continue;
    }
    const name = FILE_KEYS[key];
    if (!name) {
      problems.push(
        `${file}: unknown key "${key}" (known: ${[...Object.keys(FILE_KEYS), 'select', 'ignore', 'per-file-ignores', 'severity'].join(', ')})`,
      );
      continue;
    }
    if (name === 'minSavingKWh') {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0)
        problems.push(`${file}: "${key}" must be a number ≥ 0 (kWh per run)`);
      else values.minSavingKWh = raw;
    } else if (NUMERIC.has(name)) {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0)
        problems.push(`${file}: "${key}" must be a positive number`);
      else (values as Record<string, unknown>)[name] = raw;
    } else if (typeof raw !== 'string' || raw.trim() === '') problems.push(`${file}: "${key}" must be a string`);
    else (values as Record<string, unknown>)[name] = raw.trim();
  }
  problems.push(...unknownCodeProblems(file, unknown));
  return { path: file, values, problems, unknownCodes: unknown.length ? unknown : undefined };
}

export function parseWorkspaceFile(file: string, text: string): WorkspaceFile {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    return { path: file, values: {}, problems: [`${file}: not valid TOML: ${(e as Error).message.split('\n')[0]}`] };
  }
  if (path.basename(file) === 'pyproject.toml') {
    const tool = doc.tool as Record<string, unknown> | undefined;
    const table = tool?.greenml;
    return table && typeof table === 'object'
      ? readConfigTable(table as Record<string, unknown>, file)
      : { path: file, values: {}, problems: [] };
  }
  return readConfigTable(doc, file);
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
        if (!st.isFile() || st.size > 1_000_000) continue;
        text = fs.readFileSync(p, 'utf8');
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
