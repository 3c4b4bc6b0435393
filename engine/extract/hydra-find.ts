// Which compositions a Hydra file takes part in: the primary configs above it whose defaults reach it (directly, or
// when its option is chosen for its group: `experiment=x`, `trainer=ddp`), else the file on its own; and the Python
// script whose `@hydra.main(config_path=…, config_name=…)` names a primary.
import * as path from 'node:path';
import { Composer, hasDefaultsList, type HydraReader } from './hydra-compose';
import type { HydraSpec } from './hydra';

const MAX_CANDIDATES = 12;
/** Folders above a file searched for its primary config (`configs/experiment/a/b/x.yaml` is four below). */
const MAX_UP = 4;
const MAX_SCRIPTS = 20;

const isYaml = (n: string) => /\.ya?ml$/i.test(n);
/** Training entry configs first, evaluation/export ones last. */
const rank = (n: string) =>
  /train|fit|sft|tune/i.test(n) ? 0 : /^(eval|test|predict|infer|export|serve|sample|generate|bench)/i.test(n) ? 2 : 1;

/**
 * The ways a file below a config root is chosen for a group: its folder as the group and its stem as the option
 * (`trainer/ddp.yaml` → `trainer=ddp`), and, for a file in a subfolder of a group, the group above with the rest of
 * the path as the option (`experiment/fixedbb/pifold.yaml` → `experiment=fixedbb/pifold`): Hydra names an option by
 * its path under the group's folder (https://hydra.cc/docs/tutorials/basic/your_first_app/config_groups/, 2024), and
 * a primary's `experiment: null` chooses nothing until the command line names one.
 */
function groupChoices(rel: string[]): [string, string][] {
  const dirs = rel.slice(0, -1);
  const stem = rel[rel.length - 1].replace(/\.ya?ml$/i, '');
  const out: [string, string][] = [];
  for (let k = dirs.length; k >= 1; k--) out.push([dirs.slice(0, k).join('/'), [...dirs.slice(k), stem].join('/')]);
  return out;
}

/** The compositions `file` is part of (at most a few), nearest config root first. */
export function hydraSpecs(file: string, reader: HydraReader): HydraSpec[] {
  const abs = path.resolve(file);
  const id = reader.id(abs);
  let root = path.dirname(abs);
  for (let up = 1; up <= MAX_UP; up++) {
    const parent = path.dirname(root);
    if (parent === root) break;
    root = parent;
    const rel = path.relative(root, abs).split(path.sep);
    const specs: HydraSpec[] = [];
    const names = reader
      .list(root)
      .filter(isYaml)
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const name of names.slice(0, MAX_CANDIDATES)) {
      // An evaluation/export entry composes the same Trainer without training: only when nothing else does.
      if (rank(name) === 2 && specs.length > 0) break;
      const candidate = path.join(root, name);
      const text = reader.read(candidate);
      if (!text || !hasDefaultsList(text)) continue;
      const composer = new Composer(reader, root);
      if (composer.compose(candidate).files.includes(id)) specs.push({ composer, primary: candidate, orphan: false });
      else {
        for (const [group, option] of groupChoices(rel)) {
          const overrides = [
            {
              name: group,
              group: true,
              field: { name: group, value: option, file: id, span: { start: 0, end: 0 }, text: `${group}=${option}` },
            },
          ];
          if (composer.compose(candidate, overrides).files.includes(id)) {
            specs.push({ composer, primary: candidate, orphan: false, overrides });
            break;
          }
        }
      }
      if (specs.length >= 3) break;
    }
    if (specs.length) return specs;
  }
  return [{ composer: new Composer(reader, path.dirname(abs)), primary: abs, orphan: true }];
}

/** `@hydra.main(config_path="../configs", config_name="train")` in a script's text. */
export function hydraMain(text: string): { configPath: string; configName?: string } | undefined {
  const m = /@(?:hydra\.)?main\s*\(([^)]*)\)/.exec(text);
  if (!m || !/\bhydra\b/.test(text)) return undefined;
  const args = m[1];
  const str = (k: string) => new RegExp(`\\b${k}\\s*=\\s*(?:r?["']([^"']*)["'])`).exec(args)?.[1];
  const configPath = str('config_path') ?? /^\s*r?["']([^"']*)["']/.exec(args)?.[1];
  if (configPath === undefined) return undefined;
  return { configPath, configName: str('config_name') };
}

/** The primary config a Hydra script reads (`--config-name` on its command line wins). */
export function hydraPrimary(
  script: string,
  text: string,
  reader: HydraReader,
  configName?: string,
): string | undefined {
  const main = hydraMain(text);
  const name = configName ?? main?.configName;
  if (!main || !name) return undefined;
  const dir = path.resolve(path.dirname(path.resolve(script)), main.configPath);
  return [`${name}.yaml`, `${name}.yml`, name]
    .map((n) => path.join(dir, n))
    .find((f) => isYaml(f) && reader.read(f) !== undefined);
}

/** Scripts near a primary config whose @hydra.main names it. */
export function hydraScripts(primary: string, reader: HydraReader): string[] {
  const abs = path.resolve(primary);
  const dir = path.dirname(abs);
  const parent = path.dirname(dir);
  const out: string[] = [];
  let read = 0;
  for (const d of [...new Set([dir, parent, path.join(parent, 'src'), path.join(parent, 'scripts')])]) {
    for (const n of reader
      .list(d)
      .filter((x) => /\.py$/.test(x))
      .sort()) {
      if (read++ >= MAX_SCRIPTS) return out;
      const f = path.join(d, n);
      const text = reader.read(f);
      if (text && /hydra/.test(text) && hydraPrimary(f, text, reader) === abs) out.push(f);
    }
  }
  return out;
}
