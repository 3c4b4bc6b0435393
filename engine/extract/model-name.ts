// What a model name says by itself, for models the core's table does not know: the size it states
// ("Qwen2-7B-Instruct" → 7 B, "deepseek-coder-6.7b" → 6.7 B, "pythia-410m" → 410 M), and whether the "name" is in
// fact a local folder (`./work_dirs/stage1/`, `/mnt/ckpt/run-3`) that names no model at all.
//
// A stated size is the model's rounded published size (within about 10 % of the real count for the families
// checked: Llama 2/3, Qwen2/2.5, DeepSeek-Coder, Pythia, OPT), so it is reported as `inferred` with that caveat.
// Mixture-of-experts names ("8x7B", "A2.7B") state no total size and give none.
import type { Fact, FactKey } from '../types';
import { HUB_FAMILIES, HUB_OWNERS } from '../vocabulary/hub-owners';

/**
 * The model name the size tables may look up: none for the project's own class of a table's name (form `own-class`,
 * ./python-model.ts), whose size is its code's.
 */
export function tableModel(plan: { facts: ReadonlyMap<FactKey, Fact> }): string | undefined {
  const m = plan.facts.get('model');
  return typeof m?.value === 'string' && m.form !== 'own-class' ? m.value : undefined;
}

/** Parameters stated by a size token of the name's last segment (`7B`, `1.5b`, `410M`), or undefined. */
export function sizeFromName(name: string): number | undefined {
  const seg = name.replace(/\/+$/, '').split('/').pop() ?? '';
  if (/\d+x\d+(\.\d+)?[bm]\b/i.test(seg) || /(^|[-_])moe([-_]|$)/i.test(seg)) return undefined;
  const sizes = [...seg.matchAll(/(?:^|[-_.])(\d+(?:\.\d+)?)([bm])(?=$|[-_.])/gi)].map(
    (m) => Number(m[1]) * (m[2].toLowerCase() === 'b' ? 1e9 : 1e6),
  );
  // One size only ("Llama-2-7b" yes; "vit-b16-350m-1b-tokens" is ambiguous).
  if (sizes.length !== 1 || !(sizes[0] >= 1e6 && sizes[0] <= 2e12)) return undefined;
  return sizes[0];
}

/**
 * True for a filesystem path rather than a hub id or a name: absolute, `./`, `../`, `~`, a trailing `/`, or three
 * or more segments (a hub id is `owner/name`).
 */
export function isLocalPath(name: string): boolean {
  const s = name.trim();
  return /^(\/|\.\.?\/|~)/.test(s) || s.endsWith('/') || s.split('/').filter(Boolean).length >= 3;
}

const OWNERS = new Map(HUB_OWNERS.map((o) => [o.toLowerCase(), o]));
const HUB_NAME = /^[A-Za-z0-9][\w.-]*$/;

/**
 * The hub checkpoint a local folder is a copy of (the labels' and an engineer's reading: the run trains that model),
 * or undefined for a folder that names none:
 * - the Hugging Face cache's own folder, `models--<owner>--<name>` (with its `snapshots/<hash>` below it):
 *   https://huggingface.co/docs/huggingface_hub/guides/manage-cache;
 * - a mirror kept in the hub's `<owner>/<name>` layout under any folder, the owner a publisher of checkpoints
 *   (../vocabulary/hub-owners: `/scratch/public_models/huggingface/Qwen/Qwen3-4B` → `Qwen/Qwen3-4B`);
 * - a folder named exactly as one publisher's release (`/lustre/proj/CodeLlama-7b-Instruct-hf` →
 *   `codellama/CodeLlama-7b-Instruct-hf`): what `git clone https://huggingface.co/<owner>/<name>` leaves.
 * A run's output folder (`out/llama-3-sft/checkpoint-500`) names no release and gives none.
 */
export function hubIdOfLocalPath(raw: string): string | undefined {
  const parts = raw.trim().replace(/\\/g, '/').replace(/\/+$/, '').split('/');
  const cache = parts.map((p) => /^models--([A-Za-z0-9][\w.-]*)--([A-Za-z0-9][\w.-]*)$/.exec(p)).find((m) => !!m);
  if (cache) return `${cache[1]}/${cache[2]}`;
  const name = parts[parts.length - 1] ?? '';
  const owner = OWNERS.has((parts[parts.length - 2] ?? '').toLowerCase()) ? parts[parts.length - 2] : undefined;
  // A release name has a size, a version or a hyphen (`gpt2`, `bert-base-uncased`, `Qwen3-4B`); a save does not count.
  if (!HUB_NAME.test(name) || !/[-\d]/.test(name) || /^(checkpoint|ckpt|step|epoch|global_step)[-_]?\d*$/i.test(name))
    return undefined;
  if (owner) return `${owner}/${name}`;
  const family = HUB_FAMILIES.find((f) => f.name.test(name));
  return family ? `${family.owner}/${name}` : undefined;
}

/**
 * Words that name a kind of model, a task, a size or a placeholder rather than a model: a value made only of them
 * (`hf_causal_lm`, `seq2seq`, `custom`, `large`, `base`) names none, and the next spelling of the model may.
 */
const KIND_WORDS = new Set(
  (
    'hf huggingface hugging face mpt causal lm clm mlm masked seq2seq s2s encoder decoder enc dec model models custom ' +
    'default base auto none null true false pretrained pretrain finetune classifier classification regression ' +
    'generator discriminator net network module image text vision language tiny small medium large huge xl ' +
    'local remote hub scratch name path dir file config type arch architecture my your simple dummy toy'
  ).split(' '),
);
/**
 * Classes that wrap the model rather than name it (a LightningModule, a task or experiment object, a parallel wrapper;
 * a "model interface", `MInterface`/`PlModelInterface`, the LightningModule of the pytorch-lightning-template layout
 * that builds or is handed the network it trains).
 */
const WRAPPER_CLASS =
  /^(Lit|Lightning|Composer)[A-Z]|^HuggingFaceModel$|(LitModule|LightningModule|Module|System|Task|Wrapper|Trainer|Experiment|Runner|Pipeline|Solver|Engine|DataParallel|Parallel|Interface)$/;
/** Stems of config files that do not name the model (`configs/config.json`, `model.yaml`). */
const GENERIC_STEM =
  /^(config|configs|cfg|model|models|default|defaults|base|params|hparams|args|settings|train|training|arch|architecture|model_config|model_cfg|hyperparams)$/i;

/** Stems of saved weights that name a save, not a model. */
const SAVE_STEM = /^(last|best|latest|final|checkpoint|ckpt|model|weights|pytorch_model|epoch[\w-]*|step[\w-]*)$/i;

/**
 * The model a written value names, the one judgement every reader of a `model` value uses (config keys, launcher
 * flags, a script's arguments and constructors): a hub id or name as written (`meta-llama/Llama-3.1-8B`,
 * `vit_base_patch16_224`, `pose_hrnet`); the class at the end of a dotted import path (`boltz.model.model.Boltz1` →
 * `Boltz1`); the stem of a model config file (`configs/llama_60m.json` → `llama_60m`); a local folder as written
 * (../plan.ts decides what it names). Undefined for placeholders (`${MODEL}`, `???`, `<path>`), words that name a kind
 * of model rather than one (`hf_causal_lm`, `seq2seq`, `large`), wrapper classes (`MNISTLitModule`) and version
 * numbers: precision before recall, a value that does not name a model is not reported as one.
 */
export function modelName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const v = raw.trim().replace(/^["']|["']$/g, '');
  if (v.length < 2 || /[\s$<>{}?*|,;]|^-/.test(v) || /^v?\d+(\.\d+)*$/i.test(v)) return undefined;
  // A model config file: its stem is the model's name (`d=1024_l=24_h=8.json` states its shape).
  const file = /(?:^|[\\/])([^\\/]+)\.(json|ya?ml|toml|cfg|py)$/i.exec(v);
  if (file) {
    const stem = file[1];
    if (GENERIC_STEM.test(stem) || !/[A-Za-z]/.test(stem)) return undefined;
    return /^[A-Za-z][\w.+=-]*$/.test(stem) && /[A-Za-z]{2}|\d/.test(stem)
      ? nameOrUndefined(stem.replace(/=/g, '_')) && stem
      : undefined;
  }
  if (v.includes('=')) return undefined;
  // A weights file is kept as written when its stem names a model (`yolov8n.pt`), not a save (`last.ckpt`, `model.pt`).
  const weights = /(?:^|[\\/])([^\\/]+)\.(pt|pth|bin|ckpt|safetensors|h5|pkl|npz|onnx|gguf)$/i.exec(v);
  if (weights) return !/[\\/]/.test(v) && !SAVE_STEM.test(weights[1]) && nameOrUndefined(weights[1]) ? v : undefined;
  // A timm tag (`vit_base_patch16_224.augreg_in21k`) is not an import path: only `module.path.ClassName` is.
  if (!/[\\/]/.test(v) && /^[a-z_][\w]*(\.[a-z_]\w*)+\.[A-Z]\w*$/.test(v))
    return nameOrUndefined(v.slice(v.lastIndexOf('.') + 1));
  // LitGPT's download folder holds a hub checkpoint as `checkpoints/<owner>/<name>` (`litgpt download` writes there).
  const hub = /^(?:\.\/)?checkpoints\/([A-Za-z][\w.-]*\/[A-Za-z][\w.-]*)\/?$/.exec(v);
  if (hub) return hub[1];
  if (/[\\/]/.test(v)) return v;
  return nameOrUndefined(v);
}

function nameOrUndefined(v: string): string | undefined {
  if (!/^[A-Za-z][\w.+-]*$/.test(v) || WRAPPER_CLASS.test(v)) return undefined;
  const words = v
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[-_.]+/)
    .filter(Boolean);
  return words.every((w) => KIND_WORDS.has(w)) ? undefined : v;
}
