// Small helpers shared by the end-to-end tests. They poll with a deadline instead of sleeping a fixed time.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'green-ml-review.green-ml-review';

/** Polls `probe` until it returns a value that is not undefined, or throws with `what` after `timeoutMs`. */
const WAIT_MS = Number(process.env.GREENML_E2E_WAIT_MS ?? 30_000);

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e; // e.g. a provider not registered yet: try again until the deadline
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test instance was opened without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** A diagnostic's code as a string; LSP codes with a documentation link arrive as `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function greenmlDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'greenml' && (code === undefined || codeOf(d) === code));
}

/** Waits until the document has a greenml diagnostic with `code` that satisfies `accept`. */
export function waitForDiagnostic(
  uri: vscode.Uri,
  code: string,
  accept: (d: vscode.Diagnostic) => boolean = () => true,
  timeoutMs?: number,
) {
  return waitFor(`a ${code} diagnostic on ${uri.path}`, () => greenmlDiagnostics(uri, code).find(accept), timeoutMs);
}

export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // A provider may also return bare Commands (whose `command` is a string id); keep only CodeActions.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Finds the first occurrence of `needle` in the document, for positions that survive edits above it. */
export function positionOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(offset);
}
