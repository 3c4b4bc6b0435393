// The VS Code side: starts the language server (dist/server.js over IPC), forwards the `greenml` settings,
// gives an output channel with a trace setting, and a restart command. Only this folder imports `vscode`.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { statusItem } from './status';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const SELECTOR: LanguageClientOptions['documentSelector'] = [
  { scheme: 'file', language: 'python' },
  { scheme: 'untitled', language: 'python' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'toml' },
  { scheme: 'file', language: 'ini' },
  { scheme: 'file', language: 'shellscript' },
  { scheme: 'file', language: 'javascript' },
  { scheme: 'file', language: 'typescript' },
  // Python cells of Jupyter notebooks: their text reaches the server through notebook synchronization (the server's
  // notebookDocumentSync), and this filter sends them hover, CodeLens, inlay hint and code action requests.
  { notebook: 'jupyter-notebook', language: 'python' },
];

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: {
      configurationSection: 'greenml',
      // Workspace settings, version pins, and the files a run links to (launchers, configs).
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{greenml.toml,pyproject.toml,requirements*.txt}'),
        vscode.workspace.createFileSystemWatcher('**/*.{sh,bash,slurm,sbatch,yaml,yml,json,toml,ini,cfg}'),
      ],
    },
  };
  return new LanguageClient('greenml', 'Green ML Review', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Green ML Review', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('greenml.restartServer', async () => {
      output.appendLine('[info] restarting the language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('greenml.showOutput', () => output.show(true)),
  );
  registerCommands(context, client, output);
  await client.start();
  context.subscriptions.push(statusItem(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
