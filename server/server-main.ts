// Entry of dist/server.js: `node dist/server.js --stdio` (or --node-ipc / --socket, as vscode-languageserver accepts).
import { startServer } from './lsp/main';

startServer();
