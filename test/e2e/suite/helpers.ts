// Small helpers shared by the end-to-end tests. They wait on events (with a deadline as a bound), never a fixed time.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'green-ml-review.green-ml-review';

/**
 * Waits on events for `probe` to return a value that is not undefined: it is tried at once, then again on each
 * event that can change its answer (diagnostics published, a document or the configuration changed, the active
 * editor changed), and on a slow backstop tick (1 s) for what raises no event (a provider's registration while the
 * extension starts). `timeoutMs` is a bound on the wait, not a pause: nothing sleeps a fixed time.
 */
const WAIT_MS = Number(process.env.GREENML_E2E_WAIT_MS ?? 30_000);

export function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let lastError: unknown;
    let running = false;
    let again = false;
    let done = false;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearInterval(retry);
      for (const s of subscriptions) s.dispose();
      f();
    };
    const attempt = async () => {
      if (done) return;
      if (running) {
        again = true; // an event arrived during the try: try once more after it
        return;
      }
      running = true;
      try {
        do {
          again = false;
          try {
            const value = await probe();
            lastError = undefined;
            if (value !== undefined) return finish(() => resolve(value));
          } catch (e) {
            lastError = e;
          }
        } while (again && !done);
      } finally {
        running = false;
      }
    };
    const deadline = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
            ),
          ),
        ),
      timeoutMs,
    );
    // A backstop, not the mechanism: a provider's registration raises no event.
    const retry = setInterval(() => void attempt(), 1000);
    subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(() => void attempt()),
      vscode.workspace.onDidChangeTextDocument(() => void attempt()),
      vscode.workspace.onDidChangeConfiguration(() => void attempt()),
      vscode.window.onDidChangeActiveTextEditor(() => void attempt()),
    );
    void attempt();
  });
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
