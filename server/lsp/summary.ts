// greenml/summary (a custom request): the footprint of every run the document defines or links to, for the
// client's status bar item. Same words as the CodeLens.
import type { Analyzer } from './analyzer';
import type { DocumentStore } from './documents';
import type { DocumentAnalysis } from '../review/analyze';
import { lensTitle } from '../review/report';
import type { SummaryParams, SummaryResult } from './custom-protocol';

export async function summary(docs: DocumentStore, analyzer: Analyzer, params: SummaryParams): Promise<SummaryResult> {
  const entry = docs.get(params.uri);
  if (!entry) return { runs: [], findings: 0 };
  return summaryOf((await analyzer.answer(entry)).analysis, entry.path);
}

/** The runs `file` defines or links to and its number of findings. Also for a notebook's cells (the notebook's). */
export function summaryOf(a: DocumentAnalysis, file: string): SummaryResult {
  const runs = [...a.runs, ...(a.linked ?? [])].map((r) => ({
    label: r.plan.entry.label,
    title: lensTitle(r),
    kWh: r.estimate.energyKWh.mid,
    kgCO2e: r.estimate.co2eKg.mid,
  }));
  return { runs, findings: a.findings.filter((f) => f.file === file).length };
}
