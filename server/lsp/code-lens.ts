// textDocument/codeLens: one lens per run on the run-defining call: "≈ X kWh · Y kg CO2e · N×GPU · T h".
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { lensTitle } from '../review/report';
import type { Analyzer } from './analyzer';
import { toRange } from './convert';
import type { DocumentStore } from './documents';

export async function codeLenses(docs: DocumentStore, analyzer: Analyzer, params: CodeLensParams): Promise<CodeLens[]> {
  const entry = docs.get(params.textDocument.uri);
  if (!entry) return [];
  const { analysis, doc } = await analyzer.answer(entry);
  return analysis.runs
    .filter((r) => r.plan.entry.file === entry.path)
    .map((r) => ({
      range: toRange(doc, r.plan.entry.span),
      command: { title: lensTitle(r), command: 'greenml.showOutput', arguments: [] },
    }));
}
