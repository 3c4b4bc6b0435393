// `--changed-since REF`: review only the files changed since a git revision (a pull request's base, the previous
// commit). The one place `check` starts a process, and only when this flag is given: `git merge-base REF HEAD` and
// `git diff --name-only` (read-only plumbing; nothing of the user's code runs).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../options';

function git(args: string[], cwd: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) return { ok: false, out: '', err: r.error.message };
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '').trim() };
}

/**
 * Absolute paths of the files added, copied, modified or renamed between the merge base of REF and HEAD and the
 * working tree (so uncommitted edits count too). Deleted files are left out: there is nothing to review.
 */
export function changedFiles(ref: string, cwd = process.cwd()): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since takes a git revision, got "${ref}"`);
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok) throw new UsageError(`--changed-since needs a git repository: ${top.err || 'git not found'}`);
  const base = git(['merge-base', ref, 'HEAD'], cwd);
  const from = base.ok ? base.out.trim() : ref;
  const diff = git(['diff', '--name-only', '--diff-filter=ACMR', '-z', from, '--'], cwd);
  if (!diff.ok) throw new UsageError(`--changed-since ${ref}: ${diff.err}`);
  const root = top.out.trim();
  return new Set(
    diff.out
      .split('\0')
      .filter(Boolean)
      .map((f) => path.resolve(root, f)),
  );
}

export function addChangedSince(cmd: Command): Command {
  return cmd.option(
    '--changed-since <ref>',
    'review only files changed since this git revision (e.g. origin/main); runs `git diff --name-only`',
  );
}
