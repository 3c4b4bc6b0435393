// End-to-end: the footprint features in a real VS Code — "Set hardware…" from the status item's commands changes
// the workspace setting and the estimate, the footprint view opens as a webview with its charts, the
// "Apply N safe fixes" CodeLens applies the safe fixes, "Explain rule…", "Export report" and the walkthrough.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor, workspaceUri } from './helpers';

const FP32_SCRIPT = 'train_fp32.py';

interface FootprintResultLike {
  body: string;
  runs: number;
  findings: number;
  kWh: number;
}

async function runLens(uri: vscode.Uri, test: (title: string) => boolean): Promise<vscode.CodeLens> {
  return waitFor('a CodeLens', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    return lenses?.find((l) => l.command && test(l.command.title));
  });
}

describe('Green ML Review footprint features', function () {
  before(async function () {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('the status item opens the menu, and "Set hardware…" updates the setting and the estimate', async function () {
    const doc = await openFixture(FP32_SCRIPT);
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    const titles = (pkg.contributes.commands as { command: string; title: string }[]).map((c) => c.title);
    for (const t of [
      'Set Hardware…',
      'Set Region…',
      'Set Devices…',
      'Show Footprint',
      'Explain Rule…',
      'Export Report',
    ])
      assert.ok(titles.includes(t), `command "${t}" not contributed`);
    const before = await runLens(doc.uri, (t) => /kWh/.test(t) && /A100/.test(t));
    const config = () => vscode.workspace.getConfiguration('greenml', doc.uri);
    try {
      assert.equal(await vscode.commands.executeCommand('greenml.setHardware', 'h100-sxm'), 'h100-sxm');
      assert.equal(config().get('hardware'), 'h100-sxm');
      await vscode.commands.executeCommand('greenml.setDevices', 4);
      assert.equal(config().get('devices'), 4);
      await vscode.commands.executeCommand('greenml.setRegion', 'FR');
      const after = await runLens(doc.uri, (t) => /4×H100/.test(t));
      console.log(`lens before: ${before.command?.title}\nlens after:  ${after.command?.title}`);
      assert.notEqual(after.command?.title, before.command?.title);
    } finally {
      for (const k of ['hardware', 'devices', 'region'])
        await config().update(k, k === 'hardware' ? 'a100-80gb' : undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('"Show footprint" opens a webview with every run, findings and charts', async function () {
    await openFixture(FP32_SCRIPT);
    const r = await vscode.commands.executeCommand<FootprintResultLike | null>('greenml.showFootprint');
    assert.ok(r, 'no footprint');
    assert.ok(r.runs >= 2, `runs ${r.runs}`);
    assert.ok(r.findings >= 1 && r.kWh > 0);
    assert.ok((r.body.match(/<svg\b/g) ?? []).length >= 2, 'charts missing');
    const tab = await waitFor('the footprint tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /greenml\.footprint/.test(t.input.viewType)),
    );
    assert.equal(tab.label, 'Green ML footprint');
  });

  it('the "Apply N safe fixes" CodeLens applies the safe fixes', async function () {
    const doc = await openFixture(FP32_SCRIPT);
    const lens = await runLens(doc.uri, (t) => /^Apply \d+ safe fix/.test(t));
    console.log(`fix-all lens: ${lens.command?.title}`);
    const applied = await vscode.commands.executeCommand<boolean>(
      lens.command?.command ?? '',
      ...(lens.command?.arguments ?? []),
    );
    assert.equal(applied, true);
    assert.match(doc.getText(), /save_strategy="steps"/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Explain rule…" shows the rule page; "Export report" writes the HTML file', async function () {
    assert.equal(await vscode.commands.executeCommand('greenml.explainRule', 'GML101'), 'GML101');
    const md = await waitFor('the rule document', () =>
      vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && /GML101/.test(d.getText())),
    );
    assert.match(md.getText(), /mixed-precision-off/);
    const target = workspaceUri('greenml-report.html');
    assert.equal(await vscode.commands.executeCommand('greenml.exportReport', target), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<svg\b/);
    assert.match(html, /train_fp32\.py/);
  });

  it('contributes a walkthrough from opening a script to applying a fix and setting the hardware', async function () {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    const w = pkg.contributes.walkthroughs[0];
    assert.deepEqual(
      w.steps.map((s: { id: string }) => s.id),
      ['open', 'hardware', 'fix', 'footprint'],
    );
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${w.id}`, false);
    await waitFor('the walkthrough tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => /Get started with Green ML Review|Walkthrough|Welcome/i.test(t.label)),
    );
  });
});
