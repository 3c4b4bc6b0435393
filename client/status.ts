// The status bar item: the active file's estimated footprint ("Green ML ≈ 1.6 kWh · 0.65 kg CO2e"), refreshed when
// the file's diagnostics change; a click opens its menu: footprint view, set hardware / region / devices, ….
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SUMMARY_REQUEST, type SummaryParams, type SummaryResult } from '../server/lsp/custom-protocol';

const fmt = (n: number) =>
  n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 1 ? n.toFixed(1) : n.toPrecision(2);

export function statusItem(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('greenml.footprint', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Green ML Review footprint';
  item.command = 'greenml.statusMenu';
  let generation = 0;
  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const mine = ++generation;
    if (!editor || !client.isRunning()) return item.hide();
    try {
      const r = await client.sendRequest<SummaryResult>(SUMMARY_REQUEST, {
        uri: editor.document.uri.toString(),
      } satisfies SummaryParams);
      if (mine !== generation) return;
      const known = r.runs.filter((x) => x.kWh > 0);
      if (r.runs.length === 0) return item.hide();
      const kWh = known.reduce((s, x) => s + x.kWh, 0);
      const kg = known.reduce((s, x) => s + x.kgCO2e, 0);
      item.text = known.length ? `$(pulse) ≈ ${fmt(kWh)} kWh · ${fmt(kg)} kg CO2e` : '$(pulse) footprint unknown';
      item.tooltip = new vscode.MarkdownString(
        r.runs.map((x) => `- **${x.label}**: ${x.title}`).join('\n') +
          `\n\n${r.findings} finding(s) in this file. Pre-flight estimates; hover a run for the assumptions. Click to set the hardware, region or devices, or to see the whole workspace's footprint.`,
      );
      item.show();
    } catch {
      item.hide();
    }
  };
  const subs = [
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (e.uris.some((u) => u.toString() === active)) void update();
    }),
    item,
  ];
  void update();
  return vscode.Disposable.from(...subs);
}
