// End-to-end tests: run inside a real VS Code extension host (code-server here and in CI, or a downloaded
// VS Code through @vscode/test-electron) against the fixture workspace test/e2e/workspace/ (copied to a
// temporary folder by the runner, so setting changes never touch the checkout).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  codeOf,
  greenmlDiagnostics,
  hoverText,
  openFixture,
  positionOf,
  quickFixes,
  waitFor,
  waitForDiagnostic,
} from './helpers';

const FP32_SCRIPT = 'train_fp32.py';

describe('Green ML Review in a real VS Code', function () {
  before(async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    // In the packaged-extension phase the runner says where the installed copy must live, so a stale
    // development copy cannot pass for the .vsix.
    const expected = process.env.GREENML_E2E_EXPECT_EXTENSION_UNDER;
    if (expected)
      assert.ok(
        ext.extensionPath.startsWith(expected),
        `extension loaded from ${ext.extensionPath}, expected under ${expected}`,
      );
    console.log(
      `testing ${EXTENSION_ID} ${ext.packageJSON.version} from ${ext.extensionPath} in VS Code ${vscode.version}`,
    );
    await ext.activate();
  });

  afterEach(async function () {
    // Undo in-memory edits (the quick-fix test) so each test starts from the file on disk.
    // Only the fixtures: the editor itself may hold other dirty models (user settings.json while it writes them).
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.path ?? '/';
    for (const doc of vscode.workspace.textDocuments.filter(
      (d) => d.isDirty && d.uri.scheme === 'file' && d.uri.path.startsWith(root + '/'),
    )) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('flags the fp32 HF script with GML101', async function () {
    const doc = await openFixture(FP32_SCRIPT);
    const started = Date.now();
    const d = await waitForDiagnostic(doc.uri, 'GML101');
    console.log(`GML101 after ${Date.now() - started} ms: ${d.message}`);
    assert.equal(d.source, 'greenml');
    assert.ok(d.severity <= vscode.DiagnosticSeverity.Warning, `severity ${d.severity}`);
  });

  it('hover on TrainingArguments shows the energy in kWh', async function () {
    const doc = await openFixture(FP32_SCRIPT);
    await waitForDiagnostic(doc.uri, 'GML101');
    const call = positionOf(doc, 'TrainingArguments(\n').translate(0, 3);
    const text = await waitFor('a hover mentioning kWh', async () => {
      const t = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, call),
      );
      return /kWh/.test(t) ? t : undefined;
    });
    console.log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
  });

  it('CodeLens shows the run estimate in kWh and CO2e', async function () {
    const doc = await openFixture(FP32_SCRIPT);
    const title = await waitFor('a CodeLens with kWh and CO2e', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        doc.uri,
        10,
      );
      return (lenses ?? []).map((l) => l.command?.title ?? '').find((t) => /kWh/.test(t) && /CO2e/.test(t));
    });
    console.log(`CodeLens: ${title}`);
  });

  it('"Use bf16" quick fix states its saving, adds bf16=True and clears GML101', async function () {
    const doc = await openFixture(FP32_SCRIPT);
    const d = await waitForDiagnostic(doc.uri, 'GML101');
    const fix = await waitFor('a "Use bf16" quick fix', async () =>
      (await quickFixes(doc.uri, d.range)).find((a) => a.title.startsWith('Use bf16')),
    );
    console.log(`quick fix: ${fix.title}`);
    assert.match(fix.title, /saves ≈ .*kWh/, 'the fix title should state the saving');
    assert.ok(fix.edit, 'the quick fix carries no edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the quick fix');
    assert.match(doc.getText(), /bf16=True/);
    await waitFor('GML101 to disappear after the fix', () =>
      greenmlDiagnostics(doc.uri, 'GML101').length === 0 ? true : undefined,
    );
  });

  it('follows a change of greenml.hardware without a restart', async function () {
    const doc = await openFixture(FP32_SCRIPT);
    const config = vscode.workspace.getConfiguration('greenml', doc.uri);
    assert.equal(config.get('hardware'), 'a100-80gb', 'fixture setting missing');
    const d = await waitForDiagnostic(doc.uri, 'GML101');
    assert.ok(
      (await quickFixes(doc.uri, d.range)).some((a) => a.title.startsWith('Use bf16')),
      'A100 should get the bf16 fix',
    );
    await config.update('hardware', 'v100', vscode.ConfigurationTarget.Workspace);
    try {
      // V100 has no bf16: the finding must now name the V100 and offer fp16 instead.
      const fix = await waitFor('GML101 to name the V100 and offer fp16', async () => {
        const now = greenmlDiagnostics(doc.uri, 'GML101')[0];
        if (!now || !/V100/.test(now.message)) return undefined;
        const titles = (await quickFixes(doc.uri, now.range)).map((a) => a.title);
        return titles.some((t) => t.startsWith('Use bf16')) ? undefined : titles.find((t) => /fp16/.test(t));
      });
      console.log(
        `on V100: ${fix}; ${greenmlDiagnostics(doc.uri, 'GML101')
          .map((x) => `${codeOf(x)} ${x.message}`)
          .join('; ')}`,
      );
    } finally {
      await config.update('hardware', 'a100-80gb', vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the bf16 fix to come back on A100', async () => {
      const now = greenmlDiagnostics(doc.uri, 'GML101')[0];
      return now && (await quickFixes(doc.uri, now.range)).some((a) => a.title.startsWith('Use bf16'))
        ? true
        : undefined;
    });
  });

  it('reviews a YAML training config and fixes it in YAML', async function () {
    const doc = await openFixture('configs/axolotl_fp32.yaml');
    const diag = await waitFor(
      'a GML101 diagnostic on the axolotl config',
      () => greenmlDiagnostics(doc.uri, 'GML101')[0],
    );
    assert.equal(diag.range.start.line, 10, 'on the `bf16: false` line');
    const fix = (await quickFixes(doc.uri, diag.range)).find((a) => a.title.startsWith('Use bf16'));
    assert.ok(fix?.edit, 'a bf16 quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /^bf16: true$/m);
    await waitFor('GML101 to disappear from the YAML', () =>
      greenmlDiagnostics(doc.uri, 'GML101').length === 0 ? true : undefined,
    );
  });
});
