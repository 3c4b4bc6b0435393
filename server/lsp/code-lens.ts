// textDocument/codeLens: one lens per run on the run-defining call: "≈ X kWh · Y kg CO2e · N×GPU · T h"; and, when
// the file has safe fixes, a second one "Apply N safe fixes — saves ≈ X kWh" (the same fixes as fix-all on save).
import type { CodeLens, CodeLensParams, Command } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../review/analyze';
import type { Span } from '../../engine/types';
import * as fmt from '../../engine/format';
import { combineShares } from '../report/data';
import { lensTitle } from '../review/report';
import type { Analyzer } from './analyzer';
import { toRange } from './convert';
import { APPLY_SAFE_FIXES_COMMAND } from './custom-protocol';
import type { DocumentStore } from './documents';

export async function codeLenses(docs: DocumentStore, analyzer: Analyzer, params: CodeLensParams): Promise<CodeLens[]> {
  const entry = docs.get(params.textDocument.uri);
  if (!entry) return [];
  const { analysis, doc } = await analyzer.answer(entry);
  const runs = analysis.runs.filter((r) => r.plan.entry.file === entry.path);
  const lenses: CodeLens[] = runLenses(analysis, entry.path).map((l) => ({
    range: toRange(doc, l.span),
    command: l.command,
  }));
  // One safe fix per finding in this file, as source.fixAll.greenml applies them.
  const safe = analysis.findings.filter(
    (f) => f.file === entry.path && f.fixes.some((x) => x.applicability === 'safe' && x.edits.length > 0),
  );
  if (safe.length && runs.length) {
    // Savings of one run's fixes combine as shares of its energy (two halvings leave a quarter, not nothing).
    const base = runs.reduce((s, r) => s + r.estimate.energyKWh.mid, 0);
    const kWh = combineShares(
      base,
      safe.map((f) => f.savings?.kWh.mid ?? 0),
    );
    const n = safe.length;
    lenses.push({
      range: toRange(doc, runs[0].plan.entry.span),
      command: {
        title: `Apply ${n} safe fix${n === 1 ? '' : 'es'}${kWh > 0 ? ` — saves ≈ ${fmt.energy(kWh)}` : ''}`,
        command: APPLY_SAFE_FIXES_COMMAND,
        arguments: [params.textDocument.uri],
      },
    });
  }
  return lenses;
}

/** One lens per run that `file` defines, on its run-defining call. Also for notebook cells. */
export function runLenses(analysis: DocumentAnalysis, file: string): { span: Span; command: Command }[] {
  return analysis.runs
    .filter((r) => r.plan.entry.file === file)
    .map((r) => ({
      span: r.plan.entry.span,
      command: { title: lensTitle(r), command: 'greenml.showOutput', arguments: [] },
    }));
}
