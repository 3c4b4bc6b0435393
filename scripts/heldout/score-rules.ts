// Scores the rules on a held-out set of public training files labelled by hand with what must and must not be
// flagged (docs/evaluation/heldout/rules-*/labels.json). The files stay outside the repository: pass their folder.
//
//   npx tsx scripts/heldout/score-rules.ts docs/evaluation/heldout/rules-1/labels.json /path/to/rules-heldout-1 [--json OUT]
//
// Scoring (decided before the first score):
// - `greenml check --show-minor` (what the editor shows); a clear finding (mustFlag) is raised when it reports a finding of that rule whose range covers the
//   labelled line, at any severity (information included: it is shown in the editor);
// - a trap (mustNotFlag) is hit when a finding of that rule at warning or error covers the labelled line, or anywhere in
//   the file when the label has no line; information on a trap is counted apart ("soft");
// - codes are the labeller's; CODE_ALIASES maps a labeller's code to this project's codes where the numbering differs
//   (filled from the rules' definitions, never from scores); a set whose codeScheme starts with "project codes" uses
//   this project's codes and gets no aliases.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Item {
  code: string;
  line: number | null;
  why: string;
}
interface Label {
  id: number;
  repo: string;
  path: string;
  localPath: string;
  mustFlag: Item[];
  mustNotFlag: Item[];
}
interface Finding {
  code: string;
  severity: string;
  range: { start: { line: number }; end: { line: number } };
}

/**
 * The labeller followed the rule catalogue's numbering, where GML401 covers both data-loader workers and pinned memory
 * and GML305 covers every kind of checkpoint churn (too often, keeping everything, a hub push per save); this project
 * split each in two. The privacy group had no code when the set was labelled (PRIV001/PRIV002).
 */
export const CODE_ALIASES: Record<string, string[]> = {
  GML401: ['GML401', 'GML402'],
  GML305: ['GML304', 'GML305'],
  PRIV001: ['GML951'],
  PRIV002: ['GML952'],
};
const BIN = path.resolve('bin/greenml.js');
/** Aliases apply to sets labelled in the catalogue's numbering (rules-1); a set in this project's codes is taken as is. */
let aliases: Record<string, string[]> = CODE_ALIASES;
const codesOf = (c: string) => aliases[c] ?? [c];
const covers = (f: Finding, line: number | null) =>
  line === null || (f.range.start.line <= line && line <= f.range.end.line);

function main() {
  const [labelsFile, root, ...rest] = process.argv.slice(2);
  if (!labelsFile || !root) throw new Error('usage: score-rules.ts LABELS.json FOLDER [--json OUT]');
  const out = rest[0] === '--json' ? rest[1] : undefined;
  const { files, codeScheme } = JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as {
    files: Label[];
    codeScheme?: string;
  };
  if (codeScheme?.startsWith('project codes')) aliases = {};
  let raised = 0;
  let clear = 0;
  let traps = 0;
  let trapHits = 0;
  let soft = 0;
  let crashes = 0;
  const perCode: Record<string, { raised: number; clear: number; trapHits: number; traps: number }> = {};
  const rows: unknown[] = [];
  for (const l of files) {
    const r = spawnSync(
      process.execPath,
      [BIN, 'check', l.localPath, '--format', 'json', '--exit-zero', '--show-minor'],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 28, // a whole repository's runs can pass the 1 MB default
        timeout: Number(process.env.GREENML_SCORE_TIMEOUT_MS ?? 30_000), // a hang counts as a crash; raise it on a loaded machine
      },
    );
    let findings: Finding[] = [];
    try {
      const j = JSON.parse(r.stdout) as { files: { path: string; findings: Finding[] }[] };
      const mine = j.files.filter((f) => path.resolve(root, f.path) === path.resolve(root, l.localPath));
      findings = mine.flatMap((f) => f.findings);
    } catch {
      crashes++;
    }
    const notes: string[] = [];
    for (const m of l.mustFlag) {
      const code = m.code;
      const pc = (perCode[code] ??= { raised: 0, clear: 0, trapHits: 0, traps: 0 });
      clear++;
      pc.clear++;
      if (findings.some((f) => codesOf(code).includes(f.code) && covers(f, m.line))) {
        raised++;
        pc.raised++;
      } else notes.push(`missed ${code} at line ${m.line}`);
    }
    for (const t of l.mustNotFlag) {
      const code = t.code;
      const pc = (perCode[code] ??= { raised: 0, clear: 0, trapHits: 0, traps: 0 });
      traps++;
      pc.traps++;
      const hits = findings.filter((f) => codesOf(code).includes(f.code) && covers(f, t.line));
      if (hits.some((f) => f.severity === 'warning' || f.severity === 'error')) {
        trapHits++;
        pc.trapHits++;
        notes.push(`TRAP ${code} at line ${t.line}: ${t.why}`);
      } else if (hits.length) {
        soft++;
        notes.push(`soft trap ${code} at line ${t.line} (information)`);
      }
    }
    rows.push({
      id: l.id,
      file: `${l.repo}/${l.path}`,
      findings: findings.map((f) => `${f.code}@${f.range.start.line}:${f.severity}`),
      notes,
    });
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : 'n/a');
  console.log(`clear findings raised on the right line: ${raised} / ${clear} (${pct(raised, clear)})`);
  console.log(`traps hit at warning or error: ${trapHits} / ${traps}; traps with an information finding: ${soft}`);
  console.log(`files: ${files.length}; crashes: ${crashes}`);
  for (const [c, v] of Object.entries(perCode).sort())
    console.log(`  ${c.padEnd(8)} raised ${v.raised}/${v.clear}  trap hits ${v.trapHits}/${v.traps}`);
  if (out) fs.writeFileSync(out, JSON.stringify({ raised, clear, trapHits, traps, soft, perCode, rows }, null, 2));
}

main();
