// Entry of dist/server.js: `node dist/server.js --stdio` (or --node-ipc / --socket, as vscode-languageserver accepts).
// The same bundle runs the analysis worker thread for large documents.
import { startServer } from './lsp/main';
import { analysisWorkerMain } from './lsp/worker';

if (!analysisWorkerMain()) startServer();
