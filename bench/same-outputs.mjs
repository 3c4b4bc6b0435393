// Same outputs before and after a performance change: runs `greenml plan --json` and `greenml check --format json`
// of two built trees (A: the code before, B: after) over the same folders, from inside each folder (so that paths are
// relative and equal), and compares the outputs byte for byte. `--bench-tree` adds the CLI case of `npm run bench`
// (1,000 copies of a 150-line Hugging Face script in 20 folders).
//
//   node bench/same-outputs.mjs <treeA> <treeB> [--bench-tree] [FOLDER…]
//
// Exit code 0 when every output is identical, 1 otherwise (the first differing line is printed).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { padded, runCli, writeCliTree } from './cli-tree.mjs';

const [treeA, treeB, ...rest] = process.argv.slice(2);
if (!treeA || !treeB) {
  console.error('usage: node bench/same-outputs.mjs <treeA> <treeB> [--bench-tree] [FOLDER…]');
  process.exit(2);
}
const folders = rest.filter((a) => a !== '--bench-tree').map((f) => path.resolve(f));
let benchDir;
if (rest.includes('--bench-tree')) {
  // The tree of bench/run.ts's cliThroughput: the example script padded with the same filler to 150 lines.
  benchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-same-'));
  writeCliTree(benchDir, padded(fs.readFileSync(path.join(treeB, 'examples/hf-finetune-fp32/train.py'), 'utf8'), 150));
  folders.push(benchDir);
}

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (tree, folder, args) => {
  const r = runCli(tree, args, { cwd: folder, env });
  return { out: r.stdout ?? '', err: r.stderr ?? '', status: r.status };
};

let differ = 0;
for (const folder of folders) {
  for (const args of [
    ['plan', '.', '--json'],
    ['check', '.', '--exit-zero', '--format', 'json'],
  ]) {
    const a = run(treeA, folder, args);
    const b = run(treeB, folder, args);
    const same = a.out === b.out && a.status === b.status;
    const label = `${path.basename(folder)} ${args[0]}`;
    if (same) console.log(`same      ${label}: ${a.out.length} bytes, exit ${a.status}`);
    else {
      differ++;
      const la = a.out.split('\n');
      const lb = b.out.split('\n');
      const i = la.findIndex((l, k) => l !== lb[k]);
      console.log(`DIFFERENT ${label}: ${a.out.length} vs ${b.out.length} bytes, exit ${a.status} vs ${b.status}`);
      console.log(`  line ${i + 1}:\n  A: ${la[i]?.slice(0, 300)}\n  B: ${lb[i]?.slice(0, 300)}`);
    }
  }
}
if (benchDir) fs.rmSync(benchDir, { recursive: true, force: true });
process.exit(differ ? 1 : 0);
