// A run read through the shared vocabulary (../vocabulary): any structured file — a config of a framework nobody
// wrote a reader for, a config given alone, a launcher whose script is elsewhere — becomes a run with its facts,
// its framework's defaults and an editor. Without a recognised framework a file is a run only when it reads as a
// training config (../vocabulary/training-evidence.ts: how the model is optimised, how long or on what batch, and
// settings of three kinds) — so a CI workflow, a compose file, a service manifest or a data config yields nothing.
import type { Entry, EntrySet } from './generic';
import { detectFramework, defaultNote, signature, type Framework } from '../vocabulary/frameworks';
import { readVocabulary, type VocabResult } from '../vocabulary/read';
import type { Fact, FactKey, RunPlan } from '../types';
import type { Ref, RunDraft } from './run-draft';
import { bigVisionModel, olmoCoreFacts, zooModel } from './vocab-models';
import { detectron2ZooModel } from './detection-models';
import { jobFacts, jobSets } from './vocab-jobs';
import { judgeTraining, kindsOf, selfEvident, vetoByName } from '../vocabulary/training-evidence';
import { trains, type TrainingEvidence } from './python-trains';
import { codeDefaults, trainingCallFacts, trainingLabel } from './python-trains-run';
import { torchtitanBatch } from '../vocabulary/torchtitan-batch';
import { sb3Defaults } from './sb3-run';

export const MIN_SIGNALS = 3;

export interface VocabRunOptions {
  /** False when a base config (`_BASE_`, `_base_`, gin `include`) could not be read: framework defaults are then not added. */
  basesComplete?: boolean;
  /** Only a recognised framework makes a run (Python files, whose generic reading is noisier). */
  requireFramework?: boolean;
  /** Settings over the file's own (a launcher's flags and `key=value` overrides for the config it names): read last, not judged. */
  overlays?: EntrySet[];
  /**
   * A Python file: without a recognised framework it is a run when its code trains (./python-trains), or when its
   * settings read as training ones and nothing in it evaluates or predicts (an argparse or constants module).
   */
  python?: {
    evidence: TrainingEvidence;
    settingsModule: boolean;
    /** The file declares command-line or dataclass arguments (`add_argument`, `@dataclass`, absl `DEFINE_*`). */
    declares: boolean;
    inference: boolean;
    text: string;
  };
}

/** The framework and vocabulary reading of entry sets (bases first, the file itself last). */
export function readSets(sets: EntrySet[]): { fw: Framework | undefined; read: VocabResult } {
  const fw = detectFramework(sets);
  return { fw, read: readVocabulary(sets, fw) };
}

export function isTrainingReading(read: VocabResult): boolean {
  const f = read.facts;
  const batchOrLength = ['micro_batch', 'global_batch', 'max_steps', 'epochs', 'train_tokens'].some((k) =>
    f.has(k as FactKey),
  );
  return batchOrLength && read.signals >= MIN_SIGNALS;
}

/**
 * A file without a recognised framework: a run when its settings read as training (../vocabulary/training-evidence),
 * or, for a Python file, when its code trains (./python-trains) in a file not named as infrastructure; a Python
 * file's settings alone make a run only where it runs something and nothing in it evaluates or predicts (an
 * argparse module), or where it is all assignments (a constants module).
 */
function isRun(files: EntrySet[], training: boolean, opts: VocabRunOptions): boolean {
  if (opts.requireFramework) return false;
  const py = opts.python;
  if (!py) return training;
  const file = files[files.length - 1].file;
  if (trains(py.evidence, training) && !vetoByName(file, true)) return true;
  // A module of definitions only (a library's training loop class) runs nothing: the keyword arguments of its calls
  // are no run; one that declares settings (argparse, dataclass fields) is an arguments module.
  return training && (py.settingsModule || ((py.evidence.entry || py.declares) && !py.inference));
}

function torchtitanModel(sets: EntrySet[], facts: Map<FactKey, Fact>) {
  const entry = (k: string) =>
    sets.flatMap((s) => s.entries.map((e) => ({ e, file: s.file }))).find((x) => x.e.path.join('.') === k);
  const name = entry('model.name');
  const flavor = entry('model.flavor');
  if (typeof name?.e.value !== 'string' || (typeof flavor?.e.value !== 'string' && typeof flavor?.e.value !== 'number'))
    return;
  // `llama3` + `8B` → Llama-3-8B, the id the model table knows.
  const n = name.e.value;
  const id = `${n.replace(/^llama(\d)(?:_|\.|$)/i, 'Llama-$1-').replace(/-$/, '')}-${flavor.e.value}`.replace(
    /--/g,
    '-',
  );
  facts.set('model', {
    key: 'model',
    value: id,
    origin: 'explicit',
    file: name.file,
    span: name.e.span,
    note: `model.name = "${n}", model.flavor = "${flavor.e.value}" → ${id}`,
  });
}

export function vocabRun(files: EntrySet[], opts: VocabRunOptions = {}): RunDraft | undefined {
  if (!files.length) return undefined;
  const own = [...files, ...(opts.overlays ?? [])];
  // The framework is the files' (a launcher's overrides do not change it).
  const fw = detectFramework(files);
  const first = { fw, read: readVocabulary(own, fw) };
  // A job's command line (Determined's `entrypoint:`) holds settings of the run too; TPU cores off a TPU do not.
  const sets = jobSets(fw, own);
  const read = sets !== own ? readVocabulary(sets, fw) : first.read;
  const judged = fw ? undefined : judgeTraining(files, read, isTrainingReading(read)).training;
  if (!fw && !isRun(files, !!judged, opts)) return undefined;
  if (fw && read.facts.size === 0 && !fw.defaults) return undefined;
  // A config named for inference or evaluation (`inference_jetstream.yml` on a training base) is not a run either.
  if (fw && vetoByName(files[files.length - 1].file, selfEvident(kindsOf(files[files.length - 1])))) return undefined;
  // A framework that also writes inference files (SpeechBrain's pretrained hyperparameters): no batch or run length,
  // no run.
  if (
    fw?.needsTraining &&
    !['micro_batch', 'global_batch', 'max_steps', 'epochs'].some((k) => read.facts.has(k as FactKey))
  )
    return undefined;
  const main = files[files.length - 1];
  const facts = read.facts;
  if (fw?.id === 'torchtitan') torchtitanModel(sets, facts);
  if (fw?.id === 'torchtitan') torchtitanBatch(facts, signature(sets));
  if (fw?.id === 'olmo-core') olmoCoreFacts(sets, facts);
  if (fw?.id === 'mlcollections') bigVisionModel(sets, facts);
  if (fw?.id === 'mmengine' || fw?.id === 'detectron2-lazy') zooModel(sets, facts, fw.id === 'mmengine');
  if (fw?.id === 'detectron2') detectron2ZooModel(sets, facts, opts.python?.text);
  jobFacts(fw, sets, facts);
  const ev = opts.python?.evidence;
  const trained = !fw && ev && trains(ev, !!judged);
  if (trained) {
    trainingCallFacts(main, ev, fw, facts);
    codeDefaults(main.file, opts.python?.text ?? '', ev, facts);
    sb3Defaults(main.file, opts.python?.text ?? '', facts, ev.calls[0]?.node.tree.rootNode);
  }

  noSaveFolder(sets, facts);
  saveStrategy(sets, facts);
  validationCadence(facts);
  if (fw?.defaults && opts.basesComplete !== false) {
    for (const [key, value, note] of fw.defaults(facts, signature(sets))) {
      if (facts.has(key) || (key === 'periodic_save' && facts.has('save_steps'))) continue;
      // Written but not readable here (`batch: -1` asks Ultralytics for AutoBatch): the default is not what runs.
      if (read.unread.has(key)) continue;
      // A default step budget never stands over a run the files measure in epochs (pySlowFast's `SOLVER.MAX_EPOCH`
      // in a yacs config that looks like detectron2's).
      if (key === 'max_steps' && facts.has('epochs')) continue;
      if (key === 'save_steps') {
        if (facts.get('periodic_save')?.value === 'no') continue;
        facts.set('periodic_save', {
          key: 'periodic_save',
          value: 'steps',
          origin: 'framework-default',
          note: defaultNote(fw, note),
        });
      }
      if (key === 'global_batch' && facts.has('micro_batch')) continue;
      facts.set(key, { key, value, origin: 'framework-default', note: defaultNote(fw, note) });
    }
  }
  const firstSpan = main.entries[0]?.span ?? { start: 0, end: 0 };
  const plan: RunPlan = {
    framework: fw?.id ?? 'config',
    entry: {
      file: main.file,
      span: firstSpan,
      label: fw?.label ?? (trained ? trainingLabel(ev) : 'training config (read through the shared vocabulary)'),
    },
    files: [...new Set(sets.map((s) => s.file))],
    facts,
    edit: read.edit,
    relevantSpans: [...facts.values()].flatMap((f) =>
      f.span && f.file ? [{ file: f.file, span: f.span, key: f.key }] : [],
    ),
  };
  return {
    plan,
    kind: 'vocab',
    envPrecision: 'never',
    openEnded: main.syntax === 'python' || main.syntax === 'shell',
    refs: deepspeedKeyRefs(main),
    adjust:
      fw?.id === 'litgpt'
        ? (p, bf16) => {
            const f = p.facts.get('precision');
            if (f?.origin === 'framework-default' && f.value === 'bf16' && bf16 === false)
              p.facts.set('precision', { ...f, value: 'fp16', note: `${f.note} — this GPU has no bf16: "16-mixed"` });
          }
        : undefined,
  };
}

/** Validation cadences that need no strategy switch (../vocabulary/aliases.ts); TrainingArguments' `eval_steps` does. */
const NO_SWITCH = /^(val_freq|validation_steps|val_check_interval|eval_interval|val_interval)$/;

/**
 * A validation interval in steps on a run measured in steps (BasicSR `val_freq` with `total_iter`, `validation_steps`
 * with `max_train_steps`): the run evaluates every that many steps (eval_strategy "steps", GML701). Not
 * TrainingArguments' `eval_steps`, which does nothing while `eval_strategy` keeps its default "no"; not on a run
 * measured in epochs, whose interval may count epochs; not an interval of one (a `val_check_interval: 1.0` is a
 * fraction of an epoch written as a float).
 */
function validationCadence(facts: Map<FactKey, Fact>) {
  const ev = facts.get('eval_steps');
  const name = (ev?.name ?? '').toLowerCase().replace(/-/g, '_');
  if (!ev || facts.has('eval_strategy') || typeof ev.value !== 'number' || ev.value < 2) return;
  if (!NO_SWITCH.test(name) || !facts.has('max_steps')) return;
  facts.set('eval_strategy', {
    ...ev,
    key: 'eval_strategy',
    value: 'steps',
    note: `${ev.note}: a validation every ${ev.value} steps`,
  });
}

/** The switch of a checkpoint section (`checkpoint.enabled`, `ckpt.enable`). */
const CHECKPOINT_SWITCH = /(^|\.)(checkpoint|checkpointing|ckpt)s?\.enabled?$/i;

/**
 * Composer writes checkpoints only into a `save_folder`
 * (https://docs.mosaicml.com/projects/composer/en/stable/trainer/checkpointing.html, 2024): a config that writes the
 * key empty saves nothing, whatever its `save_interval` says. Likewise a checkpoint section switched off.
 */
function noSaveFolder(sets: EntrySet[], facts: Map<FactKey, Fact>) {
  const entries = sets.flatMap((s) => s.entries);
  // A checkpoint section switched off (`checkpoint: {enabled: False, frequency: 1}`): its period is not in force.
  const off = entries.filter((e) => e.value === false && CHECKPOINT_SWITCH.test(e.path.join('.'))).pop();
  const folder = off ?? entries.filter((e) => e.path.length === 1 && e.path[0] === 'save_folder').pop();
  if (!folder || (folder !== off && folder.value !== null && folder.value !== '')) return;
  const cadence = facts.get('periodic_save');
  facts.delete('save_steps');
  facts.set('periodic_save', {
    key: 'periodic_save',
    value: 'no',
    origin: cadence?.origin ?? 'inferred',
    file: sets.find((s) => s.entries.includes(folder))?.file,
    span: folder.span,
    note: `${folder.text}: ${folder === off ? 'checkpointing off' : 'no checkpoint folder'}, so no checkpoint is written${cadence ? ` (${cadence.note})` : ''}`,
  });
}

/**
 * transformers' `save_strategy` written in a config or on a command line the vocabulary reads (an HF-args YAML, a
 * launcher's flags): "no" saves nothing during training and "epoch" saves at the end of each epoch, and under either
 * the Trainer never reads `save_steps`, which is only the "number of updates steps before two checkpoint saves if
 * save_strategy="steps"" (https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments.save_strategy).
 * A leftover `save_steps: 500` beside `save_strategy: "no"` is no cadence.
 */
function saveStrategy(sets: EntrySet[], facts: Map<FactKey, Fact>) {
  const set = [...sets].reverse().find((s) => s.entries.some(isStrategy));
  const e = set?.entries.filter(isStrategy).pop();
  if (!set || !e) return;
  // YAML 1.1 readers take a bare `no` for false.
  const v =
    e.value === false
      ? 'no'
      : String(e.value)
          .trim()
          .toLowerCase()
          .replace(/^intervalstrategy\./, '');
  if (v !== 'no' && v !== 'epoch') return;
  const cadence = facts.get('periodic_save');
  facts.delete('save_steps');
  facts.set('periodic_save', {
    key: 'periodic_save',
    value: v,
    origin: cadence && cadence.origin !== 'framework-default' ? cadence.origin : 'inferred',
    file: set.file,
    span: e.span,
    note: `${e.text}: ${v === 'no' ? 'no checkpoint is saved during training' : 'a checkpoint at the end of each epoch'}, whatever save_steps says`,
  });
}
const isStrategy = (e: Entry) =>
  e.path[e.path.length - 1] === 'save_strategy' && (typeof e.value === 'string' || e.value === false);

/**
 * Facts a framework reader left out, filled from the vocabulary (origin `inferred` unless the framework's own row read
 * them); none for a key in `skip`.
 */
export function fillFromVocabulary(draft: RunDraft, sets: EntrySet[], skip?: ReadonlySet<FactKey>): RunDraft {
  const { read } = readSets(sets);
  const facts = draft.plan.facts;
  let added = false;
  for (const [k, f] of read.facts) {
    if (skip?.has(k)) continue;
    const cur = facts.get(k);
    if (cur && cur.origin !== 'assumed') continue;
    // The model a framework reader did not name: the vocabulary's reading of it (a name, never a model type; see
    // ../extract/model-name.ts).
    if (k === 'modality' && f.value === 'text') continue;
    // An image or audio run: no sequence length is assumed for it.
    if (k === 'modality' && facts.get('seq_len')?.origin === 'assumed') facts.delete('seq_len');
    facts.set(k, f.origin === 'explicit' ? f : { ...f, origin: 'inferred' });
    draft.plan.relevantSpans.push(...(f.span && f.file ? [{ file: f.file, span: f.span, key: k }] : []));
    added = true;
  }
  return added ? draft : draft;
}

/**
 * An epoch loop whose bound the loop reader could not read around a batch loop that breaks at a step budget it did
 * read (SSL4MIS's `max_epoch = max_iterations // len(trainloader) + 1`): the budget ends the run, and no config's
 * epoch count stands for that loop's bound.
 */
export const stepBudgetEnds = (facts: Map<FactKey, Fact>): boolean =>
  facts.get('epochs')?.value === null &&
  typeof facts.get('max_steps')?.value === 'number' &&
  facts.get('max_steps')?.origin !== 'inferred';

/** Keys a script reader may leave unread (an expression it cannot follow) that the file's own settings can state. */
const UNREAD_FILLED: FactKey[] = ['micro_batch', 'epochs', 'max_steps', 'global_batch'];

/**
 * A loop reader's facts written in the script as expressions it could not follow (`batch_size=batch_size` handed
 * down from `BATCH_SIZE = 128`): the file's own settings read through the vocabulary state them (origin `inferred`).
 */
export function fillUnread(draft: RunDraft, sets: EntrySet[]): void {
  const facts = draft.plan.facts;
  const { read } = readSets(sets);
  for (const k of UNREAD_FILLED) {
    const cur = facts.get(k);
    const f = read.facts.get(k);
    if (!cur || cur.value !== null || !f || typeof f.value !== 'number') continue;
    // Unknown because a launcher passes a value this review cannot see (`--epochs "$EPOCHS"`): it stays unknown.
    if (cur.file !== draft.plan.entry.file) continue;
    // A batch the reader found divided over the processes is the global one: per device it stays unknown.
    if (k === 'micro_batch' && facts.has('global_batch')) continue;
    if (k === 'epochs' && stepBudgetEnds(facts)) continue;
    facts.set(k, {
      ...f,
      origin: 'inferred',
      note: `${f.note ?? k} (the loop's ${cur.note ?? 'value'} is not a literal)`,
    });
    if (f.span && f.file) draft.plan.relevantSpans.push({ file: f.file, span: f.span, key: k });
  }
}

/**
 * The DeepSpeed JSON a YAML/JSON config names under a `deepspeed:` key (HF TrainingArguments' `deepspeed`, written in
 * a `training_args:` block or at the top): the linker reads it where its content is a DeepSpeed config. One path only.
 */
function deepspeedKeyRefs(set: EntrySet): Ref[] {
  if (set.syntax !== 'yaml' && set.syntax !== 'json') return [];
  const named = set.entries.filter(
    (e) => /^(deepspeed|deepspeed_config)$/i.test(e.path[e.path.length - 1] ?? '') && typeof e.value === 'string',
  );
  const paths = [...new Set(named.map((e) => String(e.value)))];
  if (paths.length !== 1 || !/\.json$/i.test(paths[0])) return [];
  return [{ path: paths[0], role: 'deepspeed', file: set.file, span: named[0].span }];
}

/** Loader facts whose key the config files write with more than one value (`num_workers: 6` and `num_workers: 0`). */
export function severalValues(sets: EntrySet[]): Set<FactKey> {
  const leaf: [string, FactKey][] = [
    ['num_workers', 'num_workers'],
    ['batch_size', 'micro_batch'],
  ];
  const out = new Set<FactKey>();
  for (const [name, key] of leaf) {
    const values = new Set(
      sets.flatMap((s) =>
        s.entries.filter((e) => e.path[e.path.length - 1] === name).map((e) => JSON.stringify(e.value)),
      ),
    );
    if (values.size > 1) out.add(key);
  }
  return out;
}
