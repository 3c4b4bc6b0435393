// The extension's commands: the status item's menu, "Set hardware…" / "Set region…" / "Set devices…" (quick picks
// over the core's tables, written to the workspace settings — the estimate follows at once), "Show footprint",
// "Explain rule…", "Export report", and "Apply N safe fixes" behind the CodeLens.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  APPLY_SAFE_FIXES_COMMAND,
  TABLES_REQUEST,
  type TablesParams,
  type TablesResult,
} from '../server/lsp/custom-protocol';
import { FootprintView, requestFootprint } from './footprint-view';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('greenml');

async function tables(client: LanguageClient): Promise<TablesResult> {
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  return client.sendRequest<TablesResult>(TABLES_REQUEST, { uri } satisfies TablesParams);
}

/** greenml.toml (or [tool.greenml]) wins over the editor setting: say so instead of writing a setting with no effect. */
function overridden(t: TablesResult, key: 'hardware' | 'devices' | 'region'): string | undefined {
  const s = t.sources?.[key];
  return s && s !== 'VS Code settings' && !/setting/i.test(s) ? s : undefined;
}

async function write(key: 'hardware' | 'devices' | 'region', value: string | number, t: TablesResult): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('greenml').update(key, value, target);
  const winner = overridden(t, key);
  if (winner)
    void vscode.window.showWarningMessage(
      `greenml.${key} was saved, but ${winner} sets ${key} for this folder and wins over editor settings.`,
    );
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  output: vscode.LogOutputChannel,
): FootprintView {
  const view = new FootprintView(client);
  const pick = async <T extends vscode.QuickPickItem>(items: T[], title: string, active?: string) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = title;
    qp.items = items;
    qp.matchOnDetail = true;
    qp.placeholder = 'Type to search';
    const current = items.find((i) => i.description === 'current' || i.label === active);
    if (current) qp.activeItems = [current];
    const chosen = await new Promise<T | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0]));
      qp.onDidHide(() => resolve(undefined));
      qp.show();
    });
    qp.dispose();
    return chosen;
  };
  const config = () => vscode.workspace.getConfiguration('greenml');
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('greenml.setHardware', async (id?: string) => {
      const t = await tables(client);
      if (typeof id !== 'string') {
        const now = config().get<string>('hardware');
        const items = t.hardware.map((h) => ({
          label: h.label,
          detail: h.detail,
          description: h.id === now ? 'current' : undefined,
          id: h.id,
        }));
        id = (await pick(items, 'Green ML Review: accelerator the training runs on'))?.id;
      }
      if (id) await write('hardware', id, t);
      return id;
    }),
    vscode.commands.registerCommand('greenml.setRegion', async (id?: string) => {
      const t = await tables(client);
      if (typeof id !== 'string') {
        const now = config().get<string>('region');
        const items = t.regions.map((g) => ({
          label: g.label,
          detail: g.detail,
          description: g.id === now ? 'current' : undefined,
          id: g.id,
        }));
        id = (await pick(items, 'Green ML Review: where the electricity comes from'))?.id;
      }
      if (id) await write('region', id, t);
      return id;
    }),
    vscode.commands.registerCommand('greenml.setDevices', async (n?: number) => {
      const t = await tables(client);
      if (typeof n !== 'number') {
        const text = await vscode.window.showInputBox({
          title: 'Green ML Review: accelerators per run',
          value: String(config().get<number>('devices') || 1),
          validateInput: (v) => (/^[1-9]\d{0,5}$/.test(v.trim()) ? undefined : 'A whole number ≥ 1'),
        });
        n = text ? Number(text.trim()) : undefined;
      }
      if (n) await write('devices', n, t);
      return n;
    }),
    vscode.commands.registerCommand('greenml.showFootprint', () => view.show()),
    vscode.commands.registerCommand('greenml.explainRule', async (code?: string) => {
      const t = await tables(client);
      let rule = t.rules.find((r) => r.code === code || r.name === code);
      if (!rule)
        rule = await pick(
          t.rules.map((r) => ({ ...r, label: `${r.code} ${r.name}`, detail: r.summary })),
          'Green ML Review: explain a rule',
        );
      if (!rule) return undefined;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: rule.markdown });
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
      return rule.code;
    }),
    vscode.commands.registerCommand('greenml.exportReport', async (target?: vscode.Uri) => {
      const r = await requestFootprint(client);
      if (!r) return undefined;
      if (!target) {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        target = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, 'greenml-report.html') : undefined,
          filters: { 'HTML report': ['html'], Markdown: ['md'] },
        });
      }
      if (!target) return undefined;
      const text = /\.md$/i.test(target.path) ? r.markdown : r.html;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      void vscode.window.showInformationMessage(
        `Green ML Review: report written to ${vscode.workspace.asRelativePath(target)}.`,
      );
      return target.toString();
    }),
    vscode.commands.registerCommand(APPLY_SAFE_FIXES_COMMAND, async (uri?: string) => {
      const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
      if (!target) return false;
      const doc = await vscode.workspace.openTextDocument(target);
      const whole = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        target,
        whole,
        FIX_ALL_KIND.value,
      );
      const fixAll = actions?.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind) && a.edit);
      return fixAll?.edit ? vscode.workspace.applyEdit(fixAll.edit) : false;
    }),
    vscode.commands.registerCommand('greenml.statusMenu', async () => {
      const items: (vscode.QuickPickItem & { command: string })[] = [
        {
          label: '$(graph) Show footprint',
          detail: 'Every run of the workspace, with charts',
          command: 'greenml.showFootprint',
        },
        { label: '$(circuit-board) Set hardware…', command: 'greenml.setHardware' },
        { label: '$(globe) Set region…', command: 'greenml.setRegion' },
        { label: '$(layers) Set devices…', command: 'greenml.setDevices' },
        { label: '$(book) Explain rule…', command: 'greenml.explainRule' },
        { label: '$(export) Export report', command: 'greenml.exportReport' },
        { label: '$(output) Show output', command: 'greenml.showOutput' },
      ];
      const chosen = await vscode.window.showQuickPick(items, { title: 'Green ML Review' });
      if (chosen) await vscode.commands.executeCommand(chosen.command);
    }),
  );
  output.appendLine('[info] commands registered');
  return view;
}
