// Reads `greenml.toml` or `[tool.greenml]` from `pyproject.toml` (smol-toml). Bad files give a message, never a
// crash; unknown keys and wrong types are reported so a typo is not silently ignored.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { FILE_KEYS, type RuleSeverity, type Settings } from '../../engine/settings';

export interface WorkspaceFile {
  path: string;
  values: Partial<Settings>;
  problems: string[];
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
  for (const [key, raw] of Object.entries(table)) {
    if (key === 'severity' && raw && typeof raw === 'object') {
      const sev: Record<string, RuleSeverity> = {};
      for (const [code, s] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof s === 'string' && SEVERITIES.has(s)) sev[code.toUpperCase()] = s as RuleSeverity;
        else problems.push(`${file}: severity.${code} must be one of ${[...SEVERITIES].join(', ')}`);
      }
      values.severity = sev;
      continue;
    }
    const name = FILE_KEYS[key];
    if (!name) {
      problems.push(`${file}: unknown key "${key}" (known: ${[...Object.keys(FILE_KEYS), 'severity'].join(', ')})`);
      continue;
    }
    if (NUMERIC.has(name)) {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0)
        problems.push(`${file}: "${key}" must be a positive number`);
      else (values as Record<string, unknown>)[name] = raw;
    } else if (typeof raw !== 'string' || raw.trim() === '') problems.push(`${file}: "${key}" must be a string`);
    else (values as Record<string, unknown>)[name] = raw.trim();
  }
  return { path: file, values, problems };
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
