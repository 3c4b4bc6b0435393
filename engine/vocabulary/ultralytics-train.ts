// Ultralytics train settings its trainer reinterprets: the early stop, the per-epoch checkpoint, AMP off CUDA.
//
// Early stop. The trainer stops when validation fitness has not improved for `patience` epochs
// (ultralytics/utils/torch_utils.py `EarlyStopping`, "patience: 100 # (int) epochs to wait for no observable
// improvement for early stopping of training" in ultralytics/cfg/default.yaml,
// https://docs.ultralytics.com/modes/train/#train-settings). A stop can end the run early only when the run is longer
// than the patience: with `epochs <= patience` the last epoch comes first. Both default to 100, so a run with neither
// written has no early stop. A run length that is written but not readable (`epochs=$EPOCHS`) decides nothing.
import type { EntrySet } from '../extract/generic';
import type { Fact, FactKey, FactValue } from '../types';
import type { Hit } from './read';

const DEFAULT_EPOCHS = 100;
const DEFAULT_PATIENCE = 100;

type Put = (k: FactKey, v: FactValue, h: Hit, note?: string) => void;

/** `early_stopping` of an Ultralytics run: true when its epochs exceed its patience (both as written or defaulted). */
export function ultralyticsStop(
  facts: Map<FactKey, Fact>,
  patience: { value: number; hit: Hit } | undefined,
  epochsUnread: boolean,
  put: Put,
): void {
  if (facts.has('early_stopping')) return;
  const ep = facts.get('epochs');
  if ((!ep && epochsUnread) || (ep && typeof ep.value !== 'number')) return;
  // A run bounded by steps is not compared here.
  if (facts.has('max_steps')) return;
  const epochs = typeof ep?.value === 'number' ? ep.value : DEFAULT_EPOCHS;
  const p = patience?.value ?? DEFAULT_PATIENCE;
  const stops = epochs > p;
  const pSaid = patience ? `patience ${p}` : `patience defaults to ${p}`;
  const eSaid = ep ? `epochs ${epochs}` : `epochs defaults to ${epochs}`;
  const note = stops
    ? `${pSaid} < ${eSaid}: Ultralytics stops after ${p} epochs without improvement`
    : `${pSaid} ≥ ${eSaid}: the run ends before Ultralytics' patience can stop it`;
  if (patience) {
    put('early_stopping', stops, { ...patience.hit, own: false }, note);
    const f = facts.get('early_stopping');
    if (f) f.note = note;
  } else
    facts.set('early_stopping', {
      key: 'early_stopping',
      value: stops,
      origin: ep && ep.origin !== 'framework-default' ? 'inferred' : 'framework-default',
      file: ep?.file,
      span: ep?.span,
      note,
    });
}

/**
 * Ultralytics writes `last.pt` (and `best.pt`) at the end of every epoch whenever `save` is on, its default;
 * `save_period` only adds numbered `epochN.pt` files, and -1 (its default) adds none (ultralytics/engine/trainer.py
 * `save_model`; "save_period: -1 # (int) Save checkpoint every x epochs (disabled if < 1)" in
 * ultralytics/cfg/default.yaml). So `save_period` ≤ 0 still saves every epoch unless `save` is off.
 */
export function ultralyticsSavesLast(sets: EntrySet[]): boolean {
  return !sets.some((s) =>
    s.entries.some((e) => e.path[e.path.length - 1] === 'save' && (e.value === false || e.value === 'False')),
  );
}

/**
 * `amp=True` on a CPU or MPS device: the trainer's AMP check turns mixed precision off off CUDA ("AMP only used on
 * CUDA devices", ultralytics/utils/checks.py `check_amp`, called by ultralytics/engine/trainer.py `_setup_train`), so
 * the run trains in fp32 whatever `amp` says.
 */
export function ultralyticsOffCudaPrecision(sets: EntrySet[], facts: Map<FactKey, Fact>): void {
  const p = facts.get('precision');
  if (!p || p.value === 'fp32') return;
  const dev = sets
    .flatMap((s) => s.entries)
    .find(
      (e) =>
        e.path[e.path.length - 1] === 'device' && typeof e.value === 'string' && /^\s*(cpu|mps)\s*$/i.test(e.value),
    );
  if (dev && typeof dev.value === 'string')
    facts.set('precision', {
      ...p,
      value: 'fp32',
      note: `${p.note ?? 'amp'}, but device=${dev.value}: AMP is used on CUDA only`,
    });
}
