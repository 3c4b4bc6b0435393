// textDocument/publishDiagnostics: findings of this file, plus one information diagnostic for skipped files and
// for problems worth seeing (an unknown GPU name, a bad greenml.toml).
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Analyzer } from './analyzer';
import { toDiagnostic, toRange } from './convert';
import type { OpenDocument } from './documents';

export async function publishDiagnostics(
  connection: Connection,
  analyzer: Analyzer,
  entry: OpenDocument,
): Promise<void> {
  const version = entry.doc.version;
  const revision = entry.revision;
  const analysis = await analyzer.analysis(entry);
  if (entry.revision !== revision) return; // a newer edit will publish
  const diagnostics: Diagnostic[] = analysis.findings
    .map((f, i) => [f, i] as const)
    .filter(([f]) => f.file === entry.path)
    .map(([f, i]) => toDiagnostic(entry.doc, f, i));
  for (const message of analysis.messages) {
    diagnostics.push({
      range: toRange(entry.doc, { start: 0, end: 0 }),
      severity: DiagnosticSeverity.Information,
      source: 'greenml',
      message,
    });
  }
  await connection.sendDiagnostics({ uri: entry.doc.uri, version, diagnostics });
}
