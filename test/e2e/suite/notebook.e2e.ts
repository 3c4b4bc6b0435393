// A Jupyter notebook in a real VS Code: its Python cells reach the server through LSP notebook synchronization, and
// the finding of the training cell appears on that cell (what the Problems view lists), follows an edit of the cell,
// and the cell answers hovers. Waits on events only (./helpers.ts `waitFor`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, greenmlDiagnostics, hoverText, positionOf, waitFor, workspaceUri } from './helpers';

describe('Jupyter notebooks in a real VS Code', function () {
  before(async function () {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('flags the notebook training cell with GML301, follows its edit, and hovers on it', async function () {
    const nb = await vscode.workspace.openNotebookDocument(workspaceUri('notebook/train.ipynb'));
    await vscode.window.showNotebookDocument(nb);
    const cell = nb
      .getCells()
      .find((c) => c.kind === vscode.NotebookCellKind.Code && c.document.getText().includes('TrainingArguments('));
    assert.ok(cell, 'the training cell');
    const uri = cell.document.uri;
    const started = Date.now();
    const d = await waitFor('GML301 on the training cell', () => greenmlDiagnostics(uri, 'GML301')[0]);
    console.log(`GML301 on ${uri.toString()} after ${Date.now() - started} ms`);
    assert.match(cell.document.getText(d.range), /save_strategy/);
    // None of the other cells carries it.
    for (const other of nb.getCells().filter((c) => c !== cell))
      assert.deepEqual(greenmlDiagnostics(other.document.uri, 'GML301'), []);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      positionOf(cell.document, 'num_train_epochs'),
    );
    assert.match(hoverText(hovers), /kWh/);

    // The cell edited: checkpoints every epoch, and GML301 goes.
    const edit = new vscode.WorkspaceEdit();
    const at = positionOf(cell.document, '"no"');
    edit.replace(uri, new vscode.Range(at, at.translate(0, 4)), '"epoch"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('GML301 gone after the edit', () => (greenmlDiagnostics(uri, 'GML301').length ? undefined : true));
  });
});
