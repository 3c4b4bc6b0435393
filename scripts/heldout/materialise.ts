// Rebuilds a held-out set's folder of public files from local git mirrors, so the scorers can be run again anywhere.
// The files are others' code and never enter this repository: each labels.json names the repository and commit of
// every file, and this script writes that commit's tree under `<out>/files/<owner>__<name>/` (the `localPath` prefix
// the labels use), so a launcher finds the script it runs and a script the configs it reads, as in a clone.
//
//   npx tsx scripts/heldout/materialise.ts docs/evaluation/heldout/facts-16/labels.json --mirrors DIR --out DIR
//
// `--mirrors DIR` holds one git directory per repository, named `<owner>+<name>` (a bare repository, or one with
// `repo/` or `repo/.git/` inside). A repository missing there, or a commit the mirror lacks, is listed and skipped;
// a labelled file whose blob differs from the label's is reported (the label was made on other bytes).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

interface FileLabel {
  repo: string;
  path: string;
  commit: string;
  blob?: string;
  localPath: string;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { mirrors: { type: 'string' }, out: { type: 'string' } },
});
if (positionals.length !== 1 || !values.mirrors || !values.out) {
  console.error('usage: materialise.ts <labels.json | cases.json> --mirrors DIR --out DIR');
  process.exit(2);
}
const labels = JSON.parse(fs.readFileSync(positionals[0], 'utf8')) as { files: FileLabel[] };
const out = path.resolve(values.out);

function gitDir(repo: string): string | undefined {
  const base = path.join(values.mirrors as string, repo.replace('/', '+'));
  for (const d of [path.join(base, 'repo', '.git'), path.join(base, 'repo'), base])
    if (fs.existsSync(path.join(d, 'HEAD')) && fs.existsSync(path.join(d, 'objects'))) return d;
  return undefined;
}

const byRepoCommit = new Map<string, FileLabel[]>();
for (const f of labels.files) {
  const key = `${f.repo}@${f.commit}`;
  byRepoCommit.set(key, [...(byRepoCommit.get(key) ?? []), f]);
}

let written = 0;
const problems: string[] = [];
for (const [key, files] of byRepoCommit) {
  const { repo, commit } = files[0];
  const git = gitDir(repo);
  if (!git) {
    problems.push(`${repo}: no mirror`);
    continue;
  }
  const prefix = files[0].localPath.slice(0, files[0].localPath.length - files[0].path.length);
  const dest = path.join(out, prefix);
  fs.mkdirSync(dest, { recursive: true });
  const tree = spawnSync('git', ['--git-dir', git, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 30 });
  if (tree.status !== 0) {
    problems.push(`${key}: ${tree.stderr.toString().trim().split('\n')[0]}`);
    continue;
  }
  // Blob by blob, not `git archive`: snapshots may lack large files, and one missing blob must not lose the tree.
  const blobs = tree.stdout
    .toString()
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t');
      const [mode, type, sha] = meta.split(' ');
      return { mode, type, sha, file };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000');
  const batch = spawnSync('git', ['--git-dir', git, 'cat-file', '--batch'], {
    input: blobs.map((b) => b.sha).join('\n') + '\n',
    maxBuffer: 8 << 30,
  });
  let at = 0;
  const buf = batch.stdout;
  for (const b of blobs) {
    const nl = buf.indexOf(10, at);
    const header = buf.subarray(at, nl).toString();
    at = nl + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    const target = path.join(dest, b.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, buf.subarray(at, at + size));
    at += size + 1;
  }
  for (const f of files) {
    const local = path.join(out, f.localPath);
    if (!fs.existsSync(local)) {
      problems.push(`${repo}/${f.path}: not in ${commit.slice(0, 10)}`);
      continue;
    }
    if (f.blob) {
      const blob = execFileSync('git', ['hash-object', local]).toString().trim();
      if (blob !== f.blob) problems.push(`${repo}/${f.path}: blob ${blob.slice(0, 10)}, label ${f.blob.slice(0, 10)}`);
    }
    written++;
  }
}
console.log(`${written} / ${labels.files.length} labelled files in ${out}`);
for (const p of problems) console.log(`  ${p}`);
process.exit(problems.length ? 1 : 0);
