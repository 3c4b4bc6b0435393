// The footprint view: a webview listing every run of the workspace with its estimate, findings, savings, what-if
// table and charts. The server renders the content (greenml/footprint); the view adds a strict Content-Security-Policy
// (no script at all, styles only with this load's nonce) and follows the editor's theme through --vscode-* variables.
// It refreshes when diagnostics or the greenml settings change, so a new hardware or region shows at once.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FOOTPRINT_REQUEST, type FootprintParams, type FootprintResult } from '../server/lsp/custom-protocol';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function themeKind(): 'dark' | 'light' {
  const k = vscode.window.activeColorTheme.kind;
  return k === vscode.ColorThemeKind.Dark || k === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
}

export function requestFootprint(client: LanguageClient): Promise<FootprintResult | null> {
  return client.sendRequest<FootprintResult | null>(FOOTPRINT_REQUEST, {
    theme: themeKind(),
  } satisfies FootprintParams);
}

export function viewHtml(r: FootprintResult | null, nonce: string, cspSource: string): string {
  const body = r ? r.body : '<p>The footprint could not be computed; see Green ML Review: Show Output.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Green ML footprint</title>
<style nonce="${nonce}">${r?.style ?? ''}</style>
</head>
<body>
${body}
</body>
</html>`;
}

export class FootprintView implements vscode.Disposable {
  static readonly viewType = 'greenml.footprint';
  private panel: vscode.WebviewPanel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** The last result shown (the e2e suite reads it through the showFootprint command's return value). */
  last: FootprintResult | null = null;
  private readonly subs: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    const soon = () => this.schedule();
    this.subs = [
      vscode.languages.onDidChangeDiagnostics(soon),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('greenml') && soon()),
      vscode.window.onDidChangeActiveColorTheme(soon),
    ];
  }

  async show(): Promise<FootprintResult | null> {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        FootprintView.viewType,
        'Green ML footprint',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableFindWidget: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else this.panel.reveal(undefined, true);
    return this.refresh();
  }

  private schedule(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 300);
  }

  async refresh(): Promise<FootprintResult | null> {
    const panel = this.panel;
    if (!panel) return null;
    const mine = ++this.generation;
    let r: FootprintResult | null;
    try {
      r = await requestFootprint(this.client);
    } catch (e) {
      panel.webview.html = viewHtml(null, nonce(), panel.webview.cspSource).replace(
        '</body>',
        `<pre>${esc(String(e))}</pre></body>`,
      );
      return null;
    }
    if (mine !== this.generation || !this.panel) return r;
    this.last = r;
    panel.webview.html = viewHtml(r, nonce(), panel.webview.cspSource);
    return r;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subs) s.dispose();
  }
}

function nonce(): string {
  return randomBytes(16).toString('base64');
}
