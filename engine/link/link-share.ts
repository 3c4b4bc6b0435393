// What the two links of one analysis share (../link.ts `linkFile`: a file's own runs, then, when launchers were set
// aside, the same file linked as those launchers start it). The runs read from a Python file and the folders listed do
// not depend on whether a launcher may give its values, so the second link takes them from the first instead of
// extracting and listing again — the extraction of a long training script is most of an analysis. Each link gets its
// own copy of the runs: the linking steps after extraction change a run's facts in place.
import type { Ref, RunDraft } from '../extract/run-draft';

interface Extracted {
  text: string;
  runs: RunDraft[];
  splats: Ref[];
}

export class LinkShare {
  /** Folder → its names in name order, as the reader lists them (the same reader serves both links). */
  readonly lists = new Map<string, string[]>();
  private readonly python = new Map<string, Extracted>();

  /** The runs extracted from the Python file `abs` with this text, as a copy no other link has touched. */
  pythonRuns(abs: string, text: string): { runs: RunDraft[]; splats: Ref[] } | undefined {
    const hit = this.python.get(abs);
    return hit && hit.text === text ? { runs: hit.runs.map(copyDraft), splats: hit.splats } : undefined;
  }

  /** Keep what was extracted from `abs` (copied now, before the linking steps change it). */
  keep(abs: string, text: string, runs: RunDraft[], splats: Ref[]): void {
    this.python.set(abs, { text, runs: runs.map(copyDraft), splats });
  }
}

/**
 * A run with its own plan, facts and lists: the values are copied (facts, spans and flags are data); the
 * functions a reader attached (`adjust`, `rebuild`, the plan's editor) are shared, as they read only what their
 * reader built and change nothing of it.
 */
function copyDraft(d: RunDraft): RunDraft {
  const p = d.plan;
  return {
    ...d,
    plan: {
      ...p,
      entry: structuredClone(p.entry),
      files: [...p.files],
      facts: new Map([...p.facts].map(([k, f]) => [k, structuredClone(f)])),
      relevantSpans: structuredClone(p.relevantSpans),
      launchedBy: p.launchedBy && [...p.launchedBy],
    },
    // The same references (never changed in place): the linker knows the unpacked HF-args files by identity.
    refs: [...d.refs],
    flags: d.flags && new Map(d.flags),
    anchor: d.anchor && structuredClone(d.anchor),
  };
}
