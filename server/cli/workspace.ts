// The CLI's workspace: which folders linked files may be read from (the current folder, or `--root`, plus
// `extra-roots`), and the settings of each file — its own folder's greenml.toml / [tool.greenml], found as the
// editor finds it, unless `--config` names one file for all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realPath } from '../../engine/link/reader';
import { mergeSettings, type Settings } from '../../engine/settings';
import { findWorkspaceFile, loadWorkspaceFile, type WorkspaceFile } from '../config/workspace-file';
import { UsageError } from './options';

/** A folder marks a project when it holds one of these (the root a path outside the current folder belongs to). */
const PROJECT_MARKERS = ['.git', 'greenml.toml', 'pyproject.toml'];

function projectRoot(p: string): string {
  const abs = path.resolve(p);
  let dir = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
  const start = dir;
  for (;;) {
    if (PROJECT_MARKERS.some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
}

/**
 * The folders linked files may come from: each `--root`, or else the current folder; a path given outside the
 * current folder brings its own project (the nearest folder above it with .git, greenml.toml or pyproject.toml, or
 * its own folder).
 */
export function cliRoots(paths: string[], rootOpt: string[] | undefined): string[] {
  if (rootOpt?.length) {
    for (const r of rootOpt)
      if (!fs.existsSync(r) || !fs.statSync(r).isDirectory()) throw new UsageError(`--root ${r}: not a folder`);
    return rootOpt.map((r) => realPath(r) ?? path.resolve(r));
  }
  const cwd = realPath(process.cwd()) ?? process.cwd();
  const roots = [cwd];
  for (const p of paths) {
    const real = realPath(p) ?? path.resolve(p);
    if (real === cwd || real.startsWith(cwd + path.sep)) continue;
    roots.push(realPath(projectRoot(p)) ?? projectRoot(p));
  }
  return [...new Set(roots)];
}

export class CliSettings {
  private readonly byDir = new Map<string, { settings: Settings; file?: WorkspaceFile }>();
  private readonly given?: WorkspaceFile;
  /** Problems of every workspace file read so far, once each. */
  readonly problems = new Set<string>();

  constructor(
    configFile: string | undefined,
    private readonly adjust: (s: Settings) => void = () => {},
  ) {
    if (configFile) this.given = this.note(loadWorkspaceFile(configFile));
  }

  private note(file: WorkspaceFile | undefined): WorkspaceFile | undefined {
    for (const p of file?.problems ?? []) this.problems.add(p);
    return file;
  }

  /** Settings of a file (or folder): the --config file, or the nearest workspace file at or above its folder. */
  for(p: string): { settings: Settings; file?: WorkspaceFile } {
    const abs = path.resolve(p);
    const dir = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
    let hit = this.byDir.get(dir);
    if (!hit) {
      const file = this.given ?? this.note(findWorkspaceFile(dir));
      const settings = mergeSettings({ values: file?.values ?? {}, source: file ? path.basename(file.path) : '' });
      this.adjust(settings);
      hit = { settings, file };
      this.byDir.set(dir, hit);
    }
    return hit;
  }

  /** gitignore-style `exclude` patterns of the workspace file governing a folder. */
  excludes(dir: string): { base: string; patterns: string[] } | undefined {
    const s = this.for(dir).settings;
    return s.exclude?.length ? { base: s.excludeBase ?? dir, patterns: s.exclude } : undefined;
  }

  /** Stop with exit code 2 when a workspace file is invalid: each problem names its file, line and key. */
  assertValid(): void {
    if (this.problems.size === 0) return;
    throw new UsageError(`invalid configuration:\n  ${[...this.problems].join('\n  ')}`);
  }
}
