// Entry of dist/cli.js (bin/greenml.js).
import { main } from './cli/main';

void main(process.argv.slice(2));
