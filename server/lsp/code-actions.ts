// textDocument/codeAction: one quick fix per finding fix whose finding overlaps the requested range, then
// "Suppress GMLxxx on this line" and "Show documentation for GMLxxx" (vscode-eslint's pair), and a
// `source.fixAll.greenml` action that applies only safe fixes (Ruff's semantics).
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analyzer } from './analyzer';
import { safePosition, toDiagnostic, toRange } from './convert';
import type { DocumentStore } from './documents';
import type { Fix } from '../../engine/types';
import { suppressEdit } from '../review/suppress';

/** The server-side command behind "Show documentation for GMLxxx" (opens the rule's page). */
export const SHOW_DOCS_COMMAND = 'greenml.showDocumentation';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.greenml`;

export async function codeActions(
  docs: DocumentStore,
  analyzer: Analyzer,
  params: CodeActionParams,
  versionedEdits = false,
): Promise<CodeAction[]> {
  const entry = docs.get(params.textDocument.uri);
  if (!entry) return [];
  const { analysis, doc, revision } = await analyzer.answer(entry);
  // From an analysis of an older text (a large document still being re-analyzed), edits are sent versioned, so
  // the client applies them only to the text they were computed on; a client without versioned edits gets none.
  const stale = revision !== entry.revision;
  if (stale && !versionedEdits) return [];
  const from = doc.offsetAt(safePosition(params.range?.start));
  const to = doc.offsetAt(safePosition(params.range?.end));
  const workspaceEdit = (edits: TextEdit[]): WorkspaceEdit =>
    stale
      ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
      : { changes: { [doc.uri]: edits } };
  const only = params.context.only;
  const edits = (fix: Fix): TextEdit[] =>
    fix.edits.filter((e) => e.file === entry.path).map((e) => ({ range: toRange(doc, e), newText: e.newText }));
  const actions: CodeAction[] = [];
  if (!only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k === CodeActionKind.QuickFix)) {
    analysis.findings.forEach((f, i) => {
      if (f.file !== entry.path || f.span.end < from || f.span.start > to) return;
      f.fixes.forEach((fix, j) => {
        if (fix.edits.length === 0) return; // display-only advice lives in the message
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(doc, f, i)],
          isPreferred: j === 0 && fix.applicability !== 'display-only',
          edit: workspaceEdit(edits(fix)),
        });
      });
    });
    // Suppress and document actions after every fix, once per rule on the requested range.
    const seen = new Set<string>();
    analysis.findings.forEach((f, i) => {
      if (f.file !== entry.path || f.span.end < from || f.span.start > to || seen.has(f.code)) return;
      seen.add(f.code);
      const text = doc.getText();
      const sup = suppressEdit(entry.path, text, f.span.start, f.code);
      if (sup)
        actions.push({
          title: `Suppress ${f.code} on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(doc, f, i)],
          edit: { changes: { [doc.uri]: [{ range: toRange(doc, sup), newText: sup.newText }] } },
        });
      actions.push({
        title: `Show documentation for ${f.code}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(doc, f, i)],
        command: { title: `Show documentation for ${f.code}`, command: SHOW_DOCS_COMMAND, arguments: [f.code] },
      });
    });
  }
  if (only?.some((k) => FIX_ALL_KIND.startsWith(k))) {
    // One safe fix per finding; skip fixes whose edits overlap an earlier one.
    const all: TextEdit[] = [];
    const taken: { start: number; end: number }[] = [];
    for (const f of analysis.findings) {
      const fix = f.fixes.find((x) => x.applicability === 'safe');
      if (!fix || f.file !== entry.path) continue;
      if (fix.edits.some((e) => taken.some((t) => e.start <= t.end && t.start <= e.end))) continue;
      taken.push(...fix.edits);
      all.push(...edits(fix));
    }
    if (all.length)
      actions.push({
        title: 'Green ML Review: apply all safe fixes',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(all),
      });
  }
  return actions;
}
