// Entry of dist/cli.js (bin/greenml.js). The same bundle runs the CLI's worker threads.
import { main } from './cli/main';
import { workerMain } from './cli/pool';

void workerMain().then((isWorker) => {
  if (!isWorker) void main(process.argv.slice(2));
});
