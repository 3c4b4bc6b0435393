// Trainer classes that are the project's own (issue 11, devices of a plain script). A library `Trainer(…)` — Hugging
// Face's, TRL's `SFTTrainer`/`DPOTrainer`/…, Lightning's — spreads a run over every visible GPU by default
// (https://huggingface.co/docs/transformers/main_classes/trainer: "Trainer … supports distributed training on multiple
// GPUs", DataParallel in one process when several are visible; https://lightning.ai/docs/pytorch/stable/common/trainer.html
// `devices="auto"`), so calling one is a multi-device mechanism. Research code often names its own loop class so
// (`class Trainer:` in `trainers.py`, `class SFTTrainer(Trainer)` over it, pytorch-template's `class
// Trainer(BaseTrainer)`): those calls run whatever the class does, which the texts of the run show. A class is the
// project's when the run defines it (or imports it from one of its own modules) and none of its bases is a library
// trainer; a class deriving from a library trainer (`class MyTrainer(transformers.Trainer)`) is one more use of it.

/** The trainer names whose library classes spread over the visible GPUs (Hugging Face, TRL, Lightning). */
export const TRAINER_NAME = /^(?:SFT|DPO|PPO|GRPO|ORPO|KTO|Reward|Seq2Seq)?Trainer$/;
const CLASS_DEF = /^[ \t]*class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:/gm;
const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm;

/** The last name of a base expression (`transformers.Trainer` → `Trainer`), without arguments or `metaclass=`. */
const baseNames = (bases: string | undefined): string[] =>
  (bases ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b && !b.includes('='))
    .map((b) => b.split('.').pop() ?? b);

/**
 * The class names of the run that are its own trainers (or any own class: only trainer-like names matter to the
 * callers). `local`: whether a module the texts import from is the project's (a relative import always is).
 */
export function ownTrainers(texts: string[], local: (module: string) => boolean = () => false): Set<string> {
  const defs = new Map<string, string[]>();
  for (const t of texts) for (const m of t.matchAll(CLASS_DEF)) if (!defs.has(m[1])) defs.set(m[1], baseNames(m[2]));
  const imported = new Set<string>();
  for (const t of texts)
    for (const m of t.matchAll(FROM_IMPORT)) {
      if (!m[1] && !local(m[2].split('.')[0])) continue;
      for (const part of m[3].replace(/[()\\]/g, ' ').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (name && /^\w+$/.test(name)) imported.add((alias ?? name).trim());
      }
    }
  // A class is own when each base that is trainer-like is own in turn (a fixpoint over the definitions).
  const own = new Set<string>([...imported].filter((n) => !defs.has(n)));
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, bases] of defs)
      if (!own.has(name) && bases.every((b) => !/Trainer$/.test(b) || own.has(b))) {
        own.add(name);
        changed = true;
      }
  }
  return own;
}

/**
 * A library trainer used in this (code) text: called (`Trainer(…)`, `SFTTrainer(…)`) under a name that is not one of
 * `own`, or derived from (`class MyTrainer(Trainer):`). A class's own definition line is not a call of it.
 */
export function libraryTrainer(code: string, own: Set<string>): boolean {
  for (const m of code.matchAll(/\b(\w*Trainer)\s*\(/g)) {
    if (!TRAINER_NAME.test(m[1]) || own.has(m[1])) continue;
    if (/class[ \t]+$/.test(code.slice(Math.max(0, m.index - 12), m.index))) continue;
    return true;
  }
  for (const m of code.matchAll(CLASS_DEF))
    if (baseNames(m[2]).some((b) => TRAINER_NAME.test(b) && !own.has(b))) return true;
  return false;
}

/** A pattern for the calls `libraryTrainer` counts, for ./device-switch (which places each occurrence). */
export function trainerCallPattern(own: Set<string>): string {
  const skip = [...own].filter((n) => TRAINER_NAME.test(n));
  return `(?<!class[ \\t]+)\\b${skip.length ? `(?!(?:${skip.join('|')})\\s*\\()` : ''}(?:SFT|DPO|PPO|GRPO|ORPO|KTO|Reward|Seq2Seq)?Trainer\\s*\\(`;
}
