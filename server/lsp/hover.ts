// textDocument/hover: on a finding, its message and the saving; on a footprint-relevant argument or the
// run-defining call, the estimate's breakdown and assumptions.
import type { Hover, HoverParams, MarkupContent } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import * as fmt from '../../engine/format';
import { estimateMarkdown } from '../review/report';
import type { Analyzer } from './analyzer';
import { safePosition, toRange } from './convert';
import type { DocumentStore } from './documents';
import type { DocumentAnalysis } from '../review/analyze';
import type { Span } from '../../engine/types';

export async function hover(docs: DocumentStore, analyzer: Analyzer, params: HoverParams): Promise<Hover | null> {
  const entry = docs.get(params.textDocument.uri);
  if (!entry) return null;
  // While a large document's analysis is pending, the last good one answers, with the text it was computed on.
  const { analysis, doc } = await analyzer.answer(entry);
  const h = hoverAt(analysis, entry.path, doc.offsetAt(safePosition(params.position)));
  return h && { contents: h.contents, range: h.span ? toRange(doc, h.span) : undefined };
}

/** The hover at offset `at` of `file` (its contents and the span it is about), or null. Also for notebook cells. */
export function hoverAt(
  analysis: DocumentAnalysis,
  file: string,
  at: number,
): { contents: MarkupContent; span?: Span } | null {
  const inside = (s: { start: number; end: number }) => s.start <= at && at <= s.end;
  const finding = analysis.findings.find((f) => f.file === file && inside(f.span));
  for (const run of [...analysis.runs, ...(analysis.linked ?? [])]) {
    const relevant = run.plan.relevantSpans.find((r) => r.file === file && inside(r.span));
    const onEntry = run.plan.entry.file === file && inside(run.plan.entry.span);
    if (!finding && !relevant && !onEntry) continue;
    const parts: string[] = [];
    if (finding) {
      // The editor already shows the diagnostic's message above the hover; add what it does not say.
      const saving = finding.savings
        ? ` — fixing it saves ≈ ${fmt.range(finding.savings.kWh, fmt.energy)} · ${fmt.range(finding.savings.kgCO2e, fmt.carbon)} (−${fmt.percent(finding.savings.fraction)})`
        : '';
      parts.push(
        `**${finding.code} ${finding.name}**${saving}. Run \`greenml explain ${finding.code}\` for the rule's documentation.`,
      );
      parts.push('---');
    }
    parts.push(estimateMarkdown(run, relevant?.key));
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
      span: finding?.span ?? relevant?.span,
    };
  }
  return null;
}
