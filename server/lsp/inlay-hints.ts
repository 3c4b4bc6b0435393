// textDocument/inlayHint: short numbers after the arguments they follow from — memory per device after the
// micro-batch, the wall-clock interval after save_steps, and the run's duration after epochs / max_steps.
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import * as fmt from '../../engine/format';
import type { AnalyzedRun, FactKey } from '../../engine/types';
import type { Analyzer } from './analyzer';
import { safePosition } from './convert';
import type { DocumentStore } from './documents';
import type { DocumentAnalysis } from '../review/analyze';

function label(run: AnalyzedRun, key: FactKey): string | undefined {
  const e = run.estimate;
  const totalSteps = run.totalSteps;
  const known = e.method !== 'insufficient-inputs';
  switch (key) {
    case 'micro_batch': {
      const m = e.memoryGBPerDevice;
      return m ? `≈ ${fmt.num(m.totalGB.mid)}${m.deviceGB ? `/${fmt.num(m.deviceGB)}` : ''} GB per device` : undefined;
    }
    case 'save_steps': {
      const steps = run.plan.facts.get('save_steps')?.value;
      if (!known || typeof steps !== 'number' || !totalSteps || steps >= totalSteps) return undefined;
      return `≈ every ${fmt.hours((steps / totalSteps) * e.wallHours.mid)}`;
    }
    case 'epochs':
    case 'max_steps':
      return known ? `≈ ${fmt.hours(e.wallHours.mid)} · ${fmt.energy(e.energyKWh.mid)}` : undefined;
    default:
      return undefined;
  }
}

export async function inlayHints(
  docs: DocumentStore,
  analyzer: Analyzer,
  params: InlayHintParams,
): Promise<InlayHint[]> {
  const entry = docs.get(params.textDocument.uri);
  if (!entry) return [];
  const { analysis, doc } = await analyzer.answer(entry);
  const from = doc.offsetAt(safePosition(params.range?.start));
  const to = doc.offsetAt(safePosition(params.range?.end));
  return hintsIn(analysis, entry.path, from, to).map((h) => ({
    position: doc.positionAt(h.offset),
    label: ` ${h.text}`,
    kind: InlayHintKind.Type,
    paddingLeft: true,
  }));
}

/** The hints of `file` between offsets `from` and `to`: where each goes and its words. Also for notebook cells. */
export function hintsIn(
  analysis: DocumentAnalysis,
  file: string,
  from: number,
  to: number,
): { offset: number; text: string }[] {
  const hints: { offset: number; text: string }[] = [];
  for (const run of analysis.runs) {
    // One duration hint per run: on max_steps when it bounds the run, else on epochs.
    const steps = run.plan.facts.get('max_steps')?.value;
    const durationKey: FactKey = typeof steps === 'number' && steps > 0 ? 'max_steps' : 'epochs';
    for (const r of run.plan.relevantSpans) {
      if (r.file !== file || r.span.end < from || r.span.start > to) continue;
      if (run.plan.facts.get(r.key)?.span?.start !== r.span.start) continue; // only the argument that set the fact
      if ((r.key === 'epochs' || r.key === 'max_steps') && r.key !== durationKey) continue;
      const text = label(run, r.key);
      if (text) hints.push({ offset: r.span.end, text });
    }
  }
  return hints;
}
