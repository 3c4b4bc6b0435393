// Rule selection, as Ruff does it: `select`, `ignore` and `per-file-ignores` take codes (`GML101`), code prefixes
// (`GML3` = every GML3xx rule, `GML` / `ALL` = all) or rule names (`mixed-precision-off`). A selector that names no
// rule is an error that names it, wherever it is written (settings, greenml.toml, CLI flags, suppression comments).
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import type { Settings } from '../engine/settings';
import type { Rule } from './types';

/** Does `selector` (a code, a code prefix, a name, or ALL) cover this rule? */
export function covers(selector: string, rule: Pick<Rule, 'code' | 'name'>): boolean {
  const s = selector.trim().toUpperCase();
  if (s === 'ALL' || s === '*') return true;
  return rule.code.startsWith(s) || rule.name.toUpperCase() === s;
}

/** Selectors in `list` that cover no rule of `rules` (an unknown code or a typo such as `GML1O1`). */
export function unknownSelectors(list: readonly string[], rules: readonly Pick<Rule, 'code' | 'name'>[]): string[] {
  return list.filter((s) => s.trim() !== '' && !rules.some((r) => covers(s, r)));
}

/** Every selector the settings name (select, ignore, per-file-ignores values, severity keys). */
export function settingsSelectors(settings: Partial<Settings>): string[] {
  return [
    ...(settings.select ?? []),
    ...(settings.ignore ?? []),
    ...Object.values(settings.perFileIgnores ?? {}).flat(),
    ...Object.keys(settings.severity ?? {}),
  ];
}

function globMatches(glob: string, file: string, base: string | undefined): boolean {
  const rel = base && !path.isAbsolute(glob) ? path.relative(base, file) : file;
  return minimatch(rel.split(path.sep).join('/'), glob, { dot: true, matchBase: !glob.includes('/') });
}

/** Is the rule on for this file: selected, not ignored, not ignored for the file, severity not off? */
export function ruleEnabled(rule: Pick<Rule, 'code' | 'name' | 'optIn'>, settings: Settings, file?: string): boolean {
  if (settings.select && !settings.select.some((s) => covers(s, rule))) return false;
  if (rule.optIn && !settings.select) return false;
  if (settings.ignore?.some((s) => covers(s, rule))) return false;
  const sev = settings.severity[rule.code] ?? settings.severity[rule.name.toUpperCase()];
  if (sev === 'off') return false;
  if (file && settings.perFileIgnores)
    for (const [glob, codes] of Object.entries(settings.perFileIgnores))
      if (codes.some((c) => covers(c, rule)) && globMatches(glob, file, settings.configDir)) return false;
  return true;
}
