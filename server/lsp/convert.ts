// Engine (UTF-16 offsets, internal severities) → LSP (0-based positions, protocol enums).
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findRule, docsUrl } from '../../rules/index';
import type { Finding, Severity, Span } from '../../engine/types';

/** A request's position made whole: fractional, negative or missing numbers never reach offset arithmetic. */
export function safePosition(p: { line?: unknown; character?: unknown } | undefined): Position {
  const whole = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  return { line: whole(p?.line), character: whole(p?.character) };
}

export const toRange = (doc: TextDocument, span: Span): Range => ({
  start: doc.positionAt(span.start),
  end: doc.positionAt(span.end),
});

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, f: Finding, index: number): Diagnostic {
  const rule = findRule(f.code);
  return {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: rule ? { href: docsUrl(rule) } : undefined,
    source: 'greenml',
    message: `${f.message} [${f.name}]`,
    data: { index, version: doc.version },
  };
}
