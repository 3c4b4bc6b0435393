// Entries (../extract/generic) → facts, through the vocabulary (./aliases.ts): each fact from the best-matching
// entry (framework rows before generic rows, longer key suffixes before shorter), with its span, its origin
// (`inferred` when only a generic row read it) and an editor that rewrites that entry's value in its own syntax.
import { modelName } from '../extract/model-name';
import type { Entry, EntrySet } from '../extract/generic';
import { norm } from '../extract/generic';
import { spelled } from '../extract/fields';
import type { Fact, FactKey, FactValue, OffsetEdit, PlanEditor } from '../types';
import type { Target } from './aliases';
import { hits, type Hit } from './hits';
import { ultralyticsOffCudaPrecision, ultralyticsSavesLast } from './ultralytics-train';
import { signature, type Framework } from './frameworks';
import { derive } from './derive';
import { combineDevices, DEVICE_PARTS, multiDeviceOff, oneNamedDevice } from './devices';
import { optimizerValue } from './optimizers';
import {
  acOf,
  bool,
  count,
  devicesOf,
  durationOf,
  number,
  peftOf,
  precisionOf,
  respell,
  type Precision,
} from './values';

export type { Hit } from './hits';

export interface VocabResult {
  facts: Map<FactKey, Fact>;
  /** Quantities that are not facts themselves (tensor/pipeline/data-parallel degrees, nodes). */
  extras: Map<Target, { value: number; hit: Hit }>;
  /** Targets the file writes a value for that could not be read (`batch: -1` for AutoBatch, `${EPOCHS}`): no default replaces them. */
  unread: Set<Target>;
  /** How many distinct training settings were read (batch, run length, precision, optimizer, lr, …). */
  signals: number;
  edit: PlanEditor;
}

export function readVocabulary(sets: EntrySet[], fw: Framework | undefined): VocabResult {
  const all = hits(sets, fw);
  const facts = new Map<FactKey, Fact>();
  const source = new Map<FactKey, Hit>();
  const extras = new Map<Target, { value: number; hit: Hit }>();
  const fact = (key: FactKey, value: FactValue, h: Hit, note?: string) => {
    if (facts.has(key)) return;
    const inferred = !h.own;
    facts.set(key, {
      key,
      value,
      origin: inferred ? 'inferred' : h.entry.kind === 'default' ? 'script-default' : 'explicit',
      file: fileOf(sets, h.entry),
      span: h.entry.span,
      note: `${inferred ? `inferred from key \`${h.entry.path.join('.')}\`: ` : ''}${note ?? written(h.entry)}`,
      name: spelled(h.entry.path[h.entry.path.length - 1], h.entry.text),
    });
    source.set(key, h);
  };
  // One entry means one thing: the target whose best reading is strongest claims it first (`BATCH_SIZE` in a T5X gin
  // file is the global batch, so it is not also read as a per-device one).
  const used = new Set<Entry>();
  /** Entries a framework row reads as nothing (fairseq's per-batch `max_tokens`, NeMo's `enable_checkpointing`). */
  const ignored = new Set<Entry>();
  // Several checkpoint cadences of one standing (a best-model callback every 1,000 steps and an archive every 50,000):
  // the run saves at the most frequent one.
  const saves = all.get('save_steps');
  if (saves && saves.length > 1) {
    const tied = saves.filter((h) => h.score === saves[0].score);
    const n = (h: Hit) => count(h.entry.value) ?? Infinity;
    if (tied.every((h) => n(h) > 0)) saves.splice(0, tied.length, ...tied.sort((a, b) => n(a) - n(b)));
  }
  const order = [...all.entries()].sort((a, b) => b[1][0].score - a[1][0].score);
  for (const [to, list] of order) {
    if (to === 'precision') continue;
    // A key a later layer sets to an expression (`batch_size: ${eval:…}`) overrides what a base wrote there: unknown.
    const overridden = new Set<string>();
    for (const h of list) {
      if (used.has(h.entry) && !['vision', 'audio', 'resolution'].includes(to)) continue;
      const at = h.entry.path.join('.');
      if (overridden.has(at)) continue;
      const v = h.entry.value;
      if (typeof v === 'string' && /^\$\{/.test(v.trim())) overridden.add(at);
      // A one-number list (`update_freq: [4]`) reads as that number.
      const v1 = v === undefined && h.entry.items === 1 ? h.entry.first : v;
      const last = norm(h.entry.path[h.entry.path.length - 1]);
      let done = true;
      switch (h.alias.read) {
        case 'int': {
          // Loader workers and the ZeRO stage may be 0 (loading in the training process; plain data parallel);
          // other counts are positive.
          const n = (to === 'num_workers' || to === 'zero_stage') && number(v1) === 0 ? 0 : count(v1);
          if (to === 'zero_stage' && n !== undefined && n > 3) {
            done = false;
            break;
          }
          if (n === undefined) done = false;
          else if (
            [
              'nodes',
              'tp',
              'pp',
              'dp',
              'train_samples',
              'arch.layers',
              'arch.hidden',
              'arch.heads',
              'arch.vocab',
              'arch.ffn',
              'arch.experts',
              'arch.topk',
              'arch.moe_ffn',
              'arch.shared_experts',
              'arch.shared_ffn',
            ].includes(to)
          )
            extras.set(to, { value: n, hit: h });
          else fact(to as FactKey, n, h);
          break;
        }
        case 'number': {
          const n = number(v1);
          if (n === undefined || n <= 0) done = false;
          else extras.set(to, { value: n, hit: h });
          break;
        }
        case 'devices':
        case 'device-ids': {
          // yacs/EasyDict configs (upper-case keys) write `GPUS` as device ids: `GPUS: '0'`, `GPUS: (0,1,2,3)`.
          const asWritten = h.entry.path[h.entry.path.length - 1] ?? '';
          const ids = h.alias.read === 'device-ids' || (/^GPUS$/.test(asWritten) && typeof v === 'string');
          // A bare `device` counts ids only as a list (./devices.ts); Ultralytics' own `device` row reads any form.
          const loose = /^device$/i.test(asWritten) && h.alias.src.includes('dataparallel') && !h.entry.items;
          const n = loose ? undefined : devicesOf(v, h.entry.items, ids);
          // A count the file sets again from an expression (`args.world_size = 1`, then `args.world_size =
          // dist.get_world_size()` once the process group is up): the count is the run's, not the literal.
          const reset = list.some(
            (o) =>
              o.entry !== h.entry && o.entry.path.join('.') === at && o.entry.value === undefined && !o.entry.items,
          );
          if (n === undefined || reset) done = false;
          else if (DEVICE_PARTS.includes(to)) extras.set(to, { value: n, hit: h });
          else fact('devices', n, h);
          break;
        }
        case 'bool': {
          const b = bool(v);
          if (b === undefined) done = false;
          else if (to === 'periodic_save') {
            if (!b) fact('periodic_save', 'no', h);
            else done = false;
          } else if (to === 'arch.untied' || to === 'arch.tied') extras.set(to, { value: b ? 1 : 0, hit: h });
          else fact(to as FactKey, b, h);
          break;
        }
        case 'ac': {
          const b = acOf(v);
          if (b === undefined) done = false;
          else fact('grad_checkpointing', b, h);
          break;
        }
        case 'peft': {
          const p = peftOf(v, last);
          if (p === undefined) done = false;
          else fact('peft', p, h);
          break;
        }
        case 'size': {
          // A side in pixels: `640`, or a square written `"1024,1024"` / `1024x1024` (a rectangle is not one side).
          const sides = typeof v === 'string' ? v.split(/\s*[,x×]\s*/i).map((x) => count(x)) : [count(v1)];
          const n = sides[0];
          if (n === undefined || sides.some((x) => x !== n) || sides.length > 2) done = false;
          else fact('resolution', n, h);
          break;
        }
        case 'minutes': {
          // Minutes between checkpoints (SpeechBrain's `ckpt_interval_minutes`); 0 adds none (others may still save).
          const n = number(v1);
          if (n !== undefined && n > 0) fact('periodic_save', 'time', h);
          else done = false;
          break;
        }
        case 'save': {
          const d = durationOf(v);
          const n = number(v);
          if (n !== undefined && n <= 0 && fw?.id === 'ultralytics' && ultralyticsSavesLast(sets))
            fact(
              'periodic_save',
              'epoch',
              h,
              `${h.entry.text}: no numbered checkpoints, but last.pt is saved every epoch`,
            );
          else if (n !== undefined && n <= 0)
            fact('periodic_save', 'no', h, `${h.entry.text} (no periodic checkpoint)`);
          // A wall-clock cadence (`save_interval: 30m`, Levanter's checkpointer).
          else if (
            typeof v === 'string' &&
            /^\s*\d+(\.\d+)?\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hours?)\s*$/i.test(v)
          )
            fact('periodic_save', 'time', h);
          else if (d?.unit === 'epochs' || (d && h.alias.unit === 'epochs' && !byIteration(sets, h.entry)))
            fact('periodic_save', 'epoch', h);
          else if (d?.unit === 'steps') {
            fact('periodic_save', 'steps', h);
            fact('save_steps', d.value, h);
          } else done = false;
          break;
        }
        case 'duration': {
          const d = durationOf(v);
          if (!d) done = false;
          else if (d.unit === 'steps') fact('max_steps', d.value, h);
          else if (d.unit === 'epochs') fact('epochs', d.value, h);
          else if (d.unit === 'tokens') fact('train_tokens', d.value, h);
          else extras.set('train_samples', { value: d.value, hit: h });
          break;
        }
        case 'string': {
          // A switch (`--swiglu`) states a gated MLP by being on.
          if (to === 'arch.glu' && typeof v === 'boolean') {
            extras.set(to, { value: v && /glu|gated/.test(last) ? 1 : 0, hit: h });
            break;
          }
          if (to === 'quantized' && typeof v === 'boolean') {
            extras.set(to, { value: v && /4bit/.test(last) ? 1 : 0, hit: h });
            break;
          }
          // OpenRLHF's `--use_wandb <key>`: W&B is on whenever a key (or a bare switch) is given; the note never
          // repeats the value, which is the API key.
          if (to === 'tracker' && /wandb/.test(last)) {
            const on = v === true || (typeof v === 'string' && !!v.trim() && !/^(false|none|null|0)$/i.test(v.trim()));
            if (on) fact('tracker', 'wandb', h, `--${last} given: the run logs to W&B`);
            else done = false;
            break;
          }
          if (typeof v !== 'string' || !v.trim() || /^\$\{|^\?\?\?$/.test(v)) done = false;
          // A `model:` value that names no model (a model type such as `hf_causal_lm`, a placeholder, a wrapper
          // class) leaves the next spelling (`pretrained_model_name_or_path`) to name it (../extract/model-name.ts).
          else if (to === 'model') {
            const name = modelName(v);
            // One file naming different models under one key (a launcher's `case` arms, a sweep over models): which
            // one runs is not known.
            const file = fileOf(sets, h.entry);
            const other = list.some(
              (o) => o.key === h.key && fileOf(sets, o.entry) === file && modelName(o.entry.value) !== name,
            );
            // `--model_id ETTh1_96_96` beside `--model iTransformer` (Time-Series-Library's launchers): the id names
            // the experiment and `model` the architecture; a hub id (`owner/name`) is a model wherever it is written.
            const experimentId =
              last === 'model_id' &&
              !/^[\w.-]+\/[\w.-]+$/.test(v.trim()) &&
              list.some(
                (o) => fileOf(sets, o.entry) === file && lastKey(o.entry) === 'model' && !!modelName(o.entry.value),
              );
            if (name && !other && !experimentId)
              fact('model', name, h, name === v.trim() ? undefined : `${written(h.entry)} → ${name}`);
            else done = false;
          } else if (to === 'arch.vocab') {
            if (/(^|[\\/])gpt2[-_]vocab\.json$/i.test(v.trim())) extras.set(to, { value: 50257, hit: h });
            else done = false;
          } else if (to === 'arch.glu') extras.set(to, { value: /glu/i.test(v) ? 1 : 0, hit: h });
          else if (to === 'quantized') extras.set(to, { value: /4bit|nf4|fp4|int4|^4$/i.test(v) ? 1 : 0, hit: h });
          else if (to === 'model.flavor') extras.set(to, { value: 0, hit: { ...h } });
          // A wrapper that only says the optimizer comes from torch (S3PRL `name: TorchOptim`): the next spelling
          // (`torch_optim_name: Adam`) names it.
          else if (to === 'optimizer' && /^(torch_?)?optim(izer)?$/i.test(v.trim())) done = false;
          // `optimizer: auto` (Ultralytics' default) names no class: the trainer picks SGD for runs of more than
          // 10,000 iterations, else AdamW, from the dataset's size (ultralytics/engine/trainer.py `build_optimizer`,
          // https://docs.ultralytics.com/modes/train/#train-settings): unknown until the data is.
          else if (to === 'optimizer' && /^auto$/i.test(v.trim()))
            fact(to, null, h, `${written(h.entry)}: the trainer chooses SGD or AdamW from the run's iteration count`);
          else if (to === 'optimizer') fact(to, optimizerValue(v), h);
          else fact(to as FactKey, v, h);
          break;
        }
        case 'present':
          if (to === 'none') ignored.add(h.entry);
          else extras.set(to, { value: 1, hit: h });
          break;
        default:
          done = false;
      }
      if (done) {
        used.add(h.entry);
        // Every entry a framework reads as nothing is set aside, not only the first.
        if (to !== 'none') break;
      }
    }
  }
  // `checkpoint.enable = false` (torchtitan) or `enable_checkpointing: false`: no checkpoint, whatever the interval says.
  const off = (all.get('periodic_save') ?? []).find(
    (h) => h.alias.read === 'bool' && bool(h.entry.value) === false && !ignored.has(h.entry),
  );
  if (off) {
    facts.delete('periodic_save');
    facts.delete('save_steps');
    source.delete('save_steps');
    fact('periodic_save', 'no', off, `${written(off.entry)}: no checkpoint is written`);
  }
  // kohya sd-scripts: `max_train_epochs`, when given, replaces `max_train_steps` (library/train_util.py declares
  // `--max_train_epochs` with the help "training epochs (overrides max_train_steps)",
  // https://github.com/kohya-ss/sd-scripts/blob/main/library/train_util.py): the steps beside it never bound the run.
  const ep = source.get('epochs');
  const epochs = facts.get('epochs')?.value;
  if (
    ep &&
    typeof epochs === 'number' &&
    epochs > 0 &&
    /(^|\.)max_train_epochs$/.test(ep.key) &&
    /(^|\.)max_train_steps$/.test(source.get('max_steps')?.key ?? '')
  ) {
    facts.delete('max_steps');
    source.delete('max_steps');
  }
  // A reinforcement-learning run measured in episodes or environment timesteps (`--n_episodes`,
  // `train.total_timesteps`): its save interval counts those iterations, not optimizer steps (one rollout runs many
  // updates, or none): a periodic save, with no step cadence.
  const has = (re: RegExp) =>
    sets.some((s) => s.entries.some((e) => e.value !== null && re.test(norm(e.path[e.path.length - 1] ?? ''))));
  const rl = has(RL_BUDGET) && has(RL_SETTING);
  if (rl && source.get('save_steps')) {
    facts.delete('save_steps');
    source.delete('save_steps');
  }
  // A framework whose `batch_size` is global (T5X, Ultralytics, detectron2): a generic per-device reading of another
  // batch key is the same number seen twice.
  const g = source.get('global_batch');
  const m = source.get('micro_batch');
  if (g?.alias.fw && m && !m.alias.fw && /(^|\.)batch_size$/.test(m.key)) {
    facts.delete('micro_batch');
    source.delete('micro_batch');
  }
  // Ultralytics' trainer takes one batch setting, `batch`, the images of an iteration over all GPUs
  // (https://docs.ultralytics.com/modes/train/#train-settings): a script's own `--batch-size` option, read by a generic
  // per-device row where no `batch` value was read, is the number it hands over as `batch=`.
  const um = source.get('micro_batch');
  const uf = facts.get('micro_batch');
  if (fw?.id === 'ultralytics' && !g && um && uf && !um.alias.fw && /(^|\.)batch_size$/.test(um.key)) {
    facts.set('global_batch', { ...uf, key: 'global_batch', note: `${uf.note ?? um.key}: Ultralytics' \`batch\`` });
    source.set('global_batch', um);
    facts.delete('micro_batch');
    source.delete('micro_batch');
  }
  // `batch_type: tokens` (OpenNMT) or `numel`/`length` (ESPnet): `batch_size` counts tokens or frames, not samples.
  const bt = sets.flatMap((s) => s.entries).find((e) => norm(e.path[e.path.length - 1]) === 'batch_type');
  const mb = source.get('micro_batch');
  if (
    mb &&
    typeof bt?.value === 'string' &&
    /^(tokens?|numel|length|bins?)$/i.test(bt.value) &&
    /batch_size$/.test(mb.key)
  ) {
    facts.delete('micro_batch');
    source.delete('micro_batch');
  }
  readPrecision(
    (all.get('precision') ?? []).filter((h) => !ignored.has(h.entry)),
    fact,
  );
  if (fw?.id === 'ultralytics') ultralyticsOffCudaPrecision(sets, facts);
  // A framework whose modality depends on the task it configures (fairseq, NeMo): read from the file.
  const own = fw && !fw.modality && fw.modalityOf ? { ...fw, modality: fw.modalityOf(signature(sets)) } : fw;
  multiDeviceOff(sets, facts, extras);
  combineDevices(facts, extras, all, fact, (h) =>
    devicesOf(h.entry.value, h.entry.items, h.alias.read === 'device-ids'),
  );
  oneNamedDevice(sets, facts, extras);
  derive(
    facts,
    extras,
    own,
    fact,
    source.get('seq_len')?.alias.weak === true,
    (k) => !facts.has(k) && (all.get(k) ?? []).some((h) => h.entry.value !== null && !ignored.has(h.entry)),
  );
  const signals =
    [
      'micro_batch',
      'global_batch',
      'max_steps',
      'epochs',
      'train_tokens',
      'precision',
      'grad_accum',
      'optimizer',
      'save_steps',
      'grad_checkpointing',
      'peft',
    ].filter((k) => facts.has(k as FactKey)).length +
    (extras.has('train_samples') ? 1 : 0) +
    // A learning rate is written only where something is trained (evaluation, export and data files have none).
    (extras.has('lr') ? 1 : 0);
  const unread = new Set<Target>();
  for (const [to, list] of all)
    if (
      !facts.has(to as FactKey) &&
      !extras.has(to) &&
      list.some((h) => h.entry.value !== null && !ignored.has(h.entry))
    )
      unread.add(to);
  return { facts, extras, unread, signals, edit: editor(facts, source) };
}

/** The budget of a reinforcement-learning run: episodes or environment timesteps, not optimizer steps. */
const RL_BUDGET = /^((n_|num_|max_|total_|train_)?episodes|(max_|total_)timesteps)$/;
/** A setting only a reinforcement-learning run has (a diffusion model's `timesteps` is no episode budget). */
const RL_SETTING = /^(env|env_id|env_name|gamma|discount|gae_lambda|buffer_size|replay_size|buffer_length|tau)$/;

/** A checkpoint hook told to count iterations (mmengine `CheckpointHook(interval=5000, by_epoch=False)`). */
function byIteration(sets: EntrySet[], e: Entry): boolean {
  const parent = e.path.slice(0, -1).map(norm).join('.');
  return sets.some((s) =>
    s.entries.some(
      (x) =>
        norm(x.path[x.path.length - 1]) === 'by_epoch' &&
        x.path.slice(0, -1).map(norm).join('.') === parent &&
        bool(x.value) === false,
    ),
  );
}

/** The entry as written, with its full key path when the text shows only the last key (`fp16.enabled (enabled: true)`). */
function written(e: Entry): string {
  const last = e.path[e.path.length - 1];
  return e.path.length > 1 && !e.text.includes(e.path.join('.')) && e.text.replace(/^["']/, '').startsWith(last)
    ? `${e.path.join('.')} (${e.text})`
    : e.text;
}

function fileOf(sets: EntrySet[], e: Entry): string {
  return sets.find((s) => s.entries.includes(e))?.file ?? sets[sets.length - 1].file;
}

/** Precision from every spelling present: a named precision wins; then a switch that is on; then switches that are all off. */
function readPrecision(list: Hit[], fact: (k: FactKey, v: FactValue, h: Hit, note?: string) => void) {
  // `amp_dtype: bfloat16` means something only when the AMP switch it belongs to is on.
  const ampOff = list.some((h) => h.alias.off && bool(h.entry.value) === false);
  for (const h of list) {
    if (h.alias.on || (ampOff && /amp_dtype|optim_wrapper\.dtype/.test(h.key))) continue;
    const b = bool(h.entry.value);
    if (b !== undefined && h.alias.read === 'precision' && typeof h.entry.value === 'boolean') continue;
    const p = precisionOf(h.entry.value);
    if (p) return fact('precision', p, h);
  }
  // Switches that are on (`--bf16`, `fp16.enabled: true`, `--fp8-format hybrid`); FP8 runs its matmuls in FP8 over
  // bf16 weights, so with several on the narrowest wins.
  const on = (h: Hit) => {
    const v = h.entry.value;
    if (/loss_scale$/.test(h.key) && typeof v === 'number') return v > 0; // a static loss scale: on
    return bool(v) === true || (typeof v === 'string' && bool(v) === undefined && !/^(none|null|)$/i.test(v.trim()));
  };
  const rank = { fp8: 0, bf16: 1, fp16: 2 } as const;
  const ons = list
    .flatMap((h) => (h.alias.on && on(h) ? [{ h, p: h.alias.on }] : []))
    .sort((a, b) => rank[a.p] - rank[b.p]);
  if (ons.length) return fact('precision', ons[0].p, ons[0].h);
  const offs = list.filter((h) => bool(h.entry.value) === false);
  const decisive = offs.find((h) => h.alias.off);
  if (decisive) return fact('precision', 'fp32', decisive);
  // `bf16: false` and `fp16: false` both written: fp32.
  const offKinds = new Set(offs.map((h) => h.alias.on));
  if (offKinds.has('bf16') && offKinds.has('fp16'))
    return fact('precision', 'fp32', offs[0], `${offs.map((h) => h.entry.text).join(', ')}`);
}

/** Rewrites the entry that set each fact, in its own syntax; undefined when a change cannot be written there. */
function editor(facts: Map<FactKey, Fact>, source: Map<FactKey, Hit>): PlanEditor {
  return (changes) => {
    const edits: OffsetEdit[] = [];
    for (const [key, value] of Object.entries(changes) as [FactKey, FactValue][]) {
      const h = source.get(key);
      const cur = facts.get(key);
      if (!h?.entry.set || !cur || cur.span !== h.entry.span) return undefined;
      let raw: FactValue | undefined = value;
      if (key === 'precision') {
        const old = h.entry.value;
        if (typeof old === 'boolean') raw = h.alias.on === value ? true : h.alias.off === value ? false : undefined;
        else raw = respell(old, value as Precision);
      } else if (key === 'grad_checkpointing' && typeof h.entry.value !== 'boolean') raw = undefined;
      else if (key === 'periodic_save') raw = undefined;
      if (raw === undefined) return undefined;
      const e = h.entry.set(raw);
      if (!e) return undefined;
      edits.push(...e);
    }
    return edits;
  };
}

/** The last key of an entry's path, normalised (`--model-id` → `model_id`). */
const lastKey = (e: Entry) => norm(e.path[e.path.length - 1] ?? '');
