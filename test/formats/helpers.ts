// Runs the engine on a small in-memory project: files by path (relative to /proj), one analyzed like the CLI or the
// editor would, with the linked files read from memory only.
import { mergeSettings, type Settings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';
import type { DocumentAnalysis } from '../../server/review/analyze';
import { memoryReader } from '../../engine/link';
import type { Fact, FactKey, OffsetEdit } from '../../engine/types';

export const ROOT = '/proj';

export function settings(values: Partial<Settings> = {}): Settings {
  return mergeSettings({ values, source: 'test' });
}

export async function analyze(
  files: Record<string, string>,
  target: string,
  values: Partial<Settings> = {},
): Promise<DocumentAnalysis> {
  const abs = Object.fromEntries(Object.entries(files).map(([k, v]) => [`${ROOT}/${k}`, v]));
  return analyzeText(`${ROOT}/${target}`, files[target], settings(values), memoryReader(abs));
}

/** The one run the file takes part in (its own, else a linked one; not a run a launcher beside it starts). */
export function theRun(a: DocumentAnalysis) {
  const runs = [...a.runs, ...(a.linked ?? []).filter((r) => !r.plan.launchedBy)];
  if (runs.length !== 1) throw new Error(`expected one run, got ${runs.length}: ${a.messages.join('; ')}`);
  return runs[0];
}

export function fact(a: DocumentAnalysis, key: FactKey): Fact | undefined {
  return theRun(a).plan.facts.get(key);
}

/**
 * A fact of the run as the launchers beside the file start it: its launched run, or its own run where they give it
 * nothing it does not state itself (then no launched run is made).
 */
export function launchedFact(a: DocumentAnalysis, key: FactKey): Fact | undefined {
  const launched = (a.linked ?? []).some((r) => r.plan.launchedBy);
  return (launched ? launchedRun(a) : theRun(a)).plan.facts.get(key);
}

/** The one run a launcher beside the file starts it with (engine/link.ts `linkFile`: the file's launched run). */
export function launchedRun(a: DocumentAnalysis) {
  const runs = (a.linked ?? []).filter((r) => r.plan.launchedBy);
  if (runs.length !== 1) throw new Error(`expected one launched run, got ${runs.length}`);
  return runs[0];
}

/** 1-based line of an offset in a text. */
export const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

export const codes = (a: DocumentAnalysis) => a.findings.map((f) => f.code).sort();

export function applyEdits(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start))
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
