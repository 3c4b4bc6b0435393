// Entry of dist/cli.js (bin/greenml.js). The same bundle runs the CLI's worker threads.
import { main } from './cli/main';
import { workerMain } from './cli/pool';

// `greenml plan … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void workerMain().then((isWorker) => {
  if (!isWorker) void main(process.argv.slice(2));
});
