// A script whose training loop sits in a function that running the script never calls: ASTGCN's train_ASTGCN_r.py
// defines `train_main()` but its `__main__` block has `# train_main()` commented out and only calls `predict_main(…)`,
// so `python train_ASTGCN_r.py` trains nothing. The file gets no run of its own; a script that imports the function
// still reads its loop (./imports-merge reads modules through `pythonRuns`, not through this filter).
import type { Tree } from '../parse/python';
import { DYNAMIC_CALL, unusedFunction } from '../extract/python-branch';
import type { RunDraft } from '../extract/run-draft';

/** False for a hand-written loop of the file itself whose module-level function nothing in the file calls. */
export function calledWhenRun(d: RunDraft, id: string, tree: Tree | undefined): boolean {
  if (!tree || d.plan.entry.file !== id || (d.kind !== 'torch' && d.kind !== 'accelerate')) return true;
  const root = tree.rootNode;
  if (DYNAMIC_CALL.test(root.text)) return true;
  const { start, end } = d.plan.entry.span;
  const node = root.descendantForIndex(start, Math.max(start, end - 1));
  return !node || !unusedFunction(node, root);
}
