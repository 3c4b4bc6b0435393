// A script whose training loop sits in a function that running the script never calls: ASTGCN's train_ASTGCN_r.py
// defines `train_main()` but its `__main__` block has `# train_main()` commented out and only calls `predict_main(…)`,
// so `python train_ASTGCN_r.py` trains nothing. The file gets no run of its own; a script that imports the function
// still reads its loop (./imports-merge reads modules through `pythonRuns`, not through this filter).
import type { Tree } from '../parse/python';
import { uncalledByMain } from '../extract/python-branch';
import type { RunDraft } from '../extract/run-draft';

/** False for a hand-written loop of the file itself in a function its `__main__` block never reaches. */
export function calledWhenRun(d: RunDraft, id: string, tree: Tree | undefined): boolean {
  if (!tree || d.plan.entry.file !== id || (d.kind !== 'torch' && d.kind !== 'accelerate')) return true;
  const root = tree.rootNode;
  const { start, end } = d.plan.entry.span;
  const node = root.descendantForIndex(start, Math.max(start, end - 1));
  return !node || !uncalledByMain(node, root);
}
