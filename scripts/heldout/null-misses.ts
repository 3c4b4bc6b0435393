// Counts, per fact key, the labelled values `greenml plan` leaves unreported ("got null") over spent held-out facts
// sets, split by why: no run found for the file, or a run found without the key. Also counts right and wrong values,
// so that a change's gain in nulls can be read against what it makes wrong.
//
//   npx tsx scripts/heldout/null-misses.ts OUT_DIR facts-11 … facts-27 [--keys optimizer,grad_accum,num_workers]
//
// Each set's labels are read from docs/evaluation/heldout/<set>/labels.json and its files from
// $GREENML_LABELS (default /work/labels)/facts-heldout-<N>; each plan's JSON is kept in OUT_DIR/<set>/<id>.json
// (delete OUT_DIR to run the plans again). Only spent sets may be named.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Label {
  id: number;
  localPath: string;
  isRun: boolean;
  facts: Record<string, unknown>;
  defaults?: string[];
  unknown: string[];
  mustNotReport: string[];
}
interface PlanRun {
  entry: { path: string };
  files: string[];
  facts: Record<string, { value: unknown; origin: string }>;
}

// GREENML_BIN: a copy of bin/ and dist/ taken for this measurement, so that a rebuild meanwhile does not mix builds.
const BIN = path.resolve(process.env.GREENML_BIN ?? 'bin/greenml.js');
const LABELS = process.env.GREENML_LABELS ?? '/work/labels';
const norm = (s: unknown) =>
  String(s)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

function planOf(root: string, file: string, cache: string): Promise<string> {
  if (fs.existsSync(cache)) return Promise.resolve(fs.readFileSync(cache, 'utf8'));
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, 'plan', file, '--json'], { cwd: root });
    let out = '';
    const timer = setTimeout(() => p.kill(), Number(process.env.GREENML_SCORE_TIMEOUT_MS ?? 300_000));
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', () => {
      clearTimeout(timer);
      fs.writeFileSync(cache, out);
      resolve(out);
    });
  });
}

function pickRun(runs: PlanRun[], root: string, file: string): PlanRun | undefined {
  const abs = (p: string) => path.resolve(root, p);
  return (
    runs.find((r) => abs(r.entry.path) === abs(file)) ??
    runs.find((r) => r.files.some((f) => abs(f) === abs(file))) ??
    runs[0]
  );
}

/** As scripts/heldout/score-facts.ts judges a value (its `same`, and features absent by nature read as off). */
const ABSENT_MEANS_FALSE = new Set(['peft', 'compile', 'early_stopping', 'grad_checkpointing']);
function same(key: string, want: unknown, got: unknown): boolean {
  if (key === 'params' && typeof want === 'number' && typeof got === 'number') return Math.abs(got / want - 1) <= 0.05;
  if (want === false && (got === 'none' || got === 'no')) return true;
  if (key === 'periodic_save' && typeof want === 'boolean' && typeof got === 'string')
    return want === (got !== 'no' && got !== 'none');
  if (typeof want === 'number' || typeof want === 'boolean') return want === got;
  if (key === 'model' || key === 'hardware') {
    const tail = norm(String(got).split('/').pop());
    return norm(got) === norm(want) || tail === norm(want) || (key === 'hardware' && norm(got).includes(norm(want)));
  }
  if (key === 'optimizer') return norm(got).startsWith(norm(want));
  return want === got;
}

async function main() {
  const args = process.argv.slice(2);
  const ki = args.indexOf('--keys');
  // `--keys all`: every labelled key (the scorer's whole judgement, split by key).
  const keyArg = ki >= 0 ? args[ki + 1] : 'optimizer,grad_accum,num_workers';
  let keys = keyArg.split(',');
  const rest = ki >= 0 ? args.filter((_, i) => i !== ki && i !== ki + 1) : args;
  const [outDir, ...sets] = rest;
  type Row = { right: number; wrong: number; noRun: number; unset: number; guardBad: number; guardTotal: number };
  const table: Record<string, Row> = {};
  const detail: string[] = [];
  for (const set of sets) {
    const n = set.replace(/^facts-/, '');
    const root = path.join(LABELS, `facts-heldout-${n}`);
    const { files } = JSON.parse(fs.readFileSync(`docs/evaluation/heldout/facts-${n}/labels.json`, 'utf8')) as {
      files: Label[];
    };
    fs.mkdirSync(path.join(outDir, set), { recursive: true });
    const work = files.filter((l) => l.isRun);
    if (keyArg === 'all')
      keys = [...new Set([...keys, ...work.flatMap((l) => Object.keys(l.facts))])].filter(
        (k) => k !== 'all' && k !== 'framework',
      );
    const outs = new Map<number, string>();
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const l = work[next++];
        outs.set(l.id, await planOf(root, l.localPath, path.join(outDir, set, `${l.id}.json`)));
      }
    };
    await Promise.all([worker(), worker()]);
    for (const l of work) {
      let runs: PlanRun[];
      try {
        runs = (JSON.parse(outs.get(l.id) ?? '') as { runs: PlanRun[] }).runs;
      } catch {
        runs = []; // no output: a crash or a timeout, counted as no run
      }
      const run = pickRun(runs, root, l.localPath);
      for (const key of keys) {
        const row = (table[key] ??= { right: 0, wrong: 0, noRun: 0, unset: 0, guardBad: 0, guardTotal: 0 });
        const f = run?.facts[key];
        const got = f && f.origin !== 'assumed' && f.origin !== 'setting' ? f.value : undefined;
        if ([...l.unknown, ...l.mustNotReport].includes(key)) {
          row.guardTotal++;
          if (got !== undefined && got !== null) {
            row.guardBad++;
            detail.push(`${set}#${l.id} ${key}: must not be reported, got ${JSON.stringify(got)} ${l.localPath}`);
          }
          continue;
        }
        if (!(key in l.facts) || key === 'framework') continue;
        const want = l.facts[key];
        if (want === false && ABSENT_MEANS_FALSE.has(key) && (got === undefined || got === null)) {
          row.right++;
          continue;
        }
        const dflt = l.defaults?.includes(key) ? ' (label: default)' : '';
        if (got === undefined || got === null) {
          if (run) row.unset++;
          else row.noRun++;
          detail.push(
            `${set}#${l.id} ${key}: want ${JSON.stringify(want)}, null${run ? '' : ' (no run)'}${dflt} ${l.localPath}`,
          );
        } else if (same(key, want, got)) row.right++;
        else {
          row.wrong++;
          detail.push(`${set}#${l.id} ${key}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)} ${l.localPath}`);
        }
      }
    }
  }
  console.log('| key | labelled | right | wrong | null: no run | null: run without key | must-stay-unknown reported |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [k, r] of Object.entries(table))
    console.log(
      `| ${k} | ${r.right + r.wrong + r.noRun + r.unset} | ${r.right} | ${r.wrong} | ${r.noRun} | ${r.unset} | ${r.guardBad} / ${r.guardTotal} |`,
    );
  fs.writeFileSync(path.join(outDir, 'detail.txt'), detail.join('\n') + '\n');
}

void main();
