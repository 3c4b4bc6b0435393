// A module of the project whose training loop runs only when another script calls it — the trainer class of
// `trainer.py`, a `train_epoch` helper, a Keras or Hugging Face training function — has no entry of its own: running
// it (`python trainer.py`) defines its classes and functions and trains nothing (Python reference, "Top-level script
// environment": only the script run, or a `__main__` block in it, executes as the program). Its run is the run of the
// training script that imports it and reaches its loop (./importer-runs, nearest first).
//
// Both sides are kept (round 26 moved the module's run to the importer and its own findings went with it): the
// module's own reading stays a run of the file, judged by the rules so that the findings on the module's lines (fp32 on
// its loop, per-step host syncs, its optimizer) stay where they are, but it is marked `partOf` the importer's script
// (`greenml plan` does not list it as a run of its own); the importer's run is added, shown and not judged again
// (`RunDraft.shownOnly`: its findings on the module's lines would repeat the module's own).
import type { SyntaxNode } from '../parse/python';
import type { RunDraft } from '../extract/run-draft';
import { importerRuns } from './importer-runs';
import type { LinkInput, LinkResult, Linker } from './linker';

/** Runs read from a loop or a framework's training call in the module's own code. */
const LOOP_KINDS = new Set(['torch', 'accelerate', 'vocab', 'keras', 'hf']);
const MAIN_GUARD = /^if\s+__name__\s*==\s*['"]__main__['"]/m;
const DEFINITION = new Set(['function_definition', 'class_definition', 'decorated_definition']);
const IMPORT = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/**
 * True when executing the module runs none of its own code: every top-level statement other than definitions and
 * imports neither loops nor calls a definition of the module (`torch.manual_seed(0)` or `logging.basicConfig()` at the
 * top run, but train nothing).
 */
export function entryLess(root: SyntaxNode): boolean {
  const defs = new Set<string>();
  for (const n of root.namedChildren) {
    const d = n?.type === 'decorated_definition' ? n.childForFieldName('definition') : n;
    const name = d && DEFINITION.has(d.type) ? d.childForFieldName('name')?.text : undefined;
    if (name) defs.add(name);
  }
  for (const n of root.namedChildren) {
    if (!n || DEFINITION.has(n.type) || IMPORT.has(n.type) || n.type === 'comment') continue;
    if (n.type === 'for_statement' || n.type === 'while_statement' || n.type === 'with_statement') return false;
    for (const c of n.descendantsOfType('call')) {
      const f = c?.childForFieldName('function')?.text ?? '';
      if (defs.has(f.split('.')[0])) return false;
    }
  }
  return true;
}

/** Whether a run's entry lies inside a top-level function or class of the file. */
function inDefinition(d: RunDraft, root: SyntaxNode): boolean {
  const { start, end } = d.plan.entry.span;
  let n: SyntaxNode | null = root.descendantForIndex(start, Math.max(start, end - 1));
  while (n?.parent && n.parent.type !== 'module') n = n.parent;
  return !!n && DEFINITION.has(n.type);
}

/**
 * The file's runs; for a module with no entry whose loops a script of its repository runs, its own runs marked
 * `partOf` that script, followed by the script's run (shown, not judged).
 */
export function withImporterRun(
  linker: Linker,
  input: LinkInput,
  drafts: RunDraft[],
  link: (input: LinkInput) => LinkResult,
): RunDraft[] {
  const root = input.tree?.rootNode;
  if (!root || drafts.length === 0 || MAIN_GUARD.test(input.text)) return drafts;
  const id = linker.id(input.file);
  const own = (d: RunDraft) => d.plan.entry.file === id && LOOP_KINDS.has(d.kind) && inDefinition(d, root);
  if (!drafts.every(own) || !entryLess(root)) return drafts;
  const via = importerRuns(linker, input, link, drafts);
  const importer = via[0]?.plan.entry.file;
  if (!importer || importer === id) return drafts;
  for (const d of drafts) d.plan.partOf = importer;
  return [...drafts, ...via.map((d) => ({ ...d, shownOnly: true }))];
}
