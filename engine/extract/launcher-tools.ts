// Launch commands that are spelled differently from the ones ./launcher reads, brought to those spellings, and the
// launch facts a training script's own flags state:
//   `python -m accelerate.commands.launch …` is `accelerate launch …` (the module the `accelerate` entry point runs:
//     https://github.com/huggingface/accelerate/blob/main/setup.py, console_scripts);
//   `colossalai run --nproc_per_node 4 [--hostfile f]` starts torchrun on each host of the host file
//     (https://colossalai.org/docs/basics/launch_colossalai/): processes per node × hosts, the host count unknown
//     when a host file is given;
//   `python multiproc.py --nproc_per_node 8 train.py …`: a copy of `torch.distributed.launch` kept in the repository
//     (NVIDIA DeepLearningExamples' multiproc.py) — a script whose first argument is `--nproc_per_node` and which
//     then names another Python script is read as that launcher;
//   `--zero_stage N` (DeepSpeed-Chat, OpenRLHF, ColossalAI scripts) and ColossalAI `--plugin zero2` / `zero1_cpu`
//     (https://colossalai.org/docs/basics/booster_plugins/): the ZeRO stage;
//   a DGX system named as an option value (`--platform DGXA100`): its GPU (DGX-1V and DGX-2 hold V100s (a bare DGX-1 may hold P100s: none), DGX A100
//     A100s, DGX H100 H100s: https://www.nvidia.com/en-us/data-center/dgx-platform/).
import { modelName } from './model-name';
import type { Word } from '../parse/shell';
import type { Fact } from '../types';
import type { Fields } from './fields';
import type { Ref } from './run-draft';
import type { DeviceFact } from './launcher-devices';

export interface Normalised {
  words: Word[];
  /** The launcher as written, for notes (`colossalai run`, `python ./multiproc.py`). */
  via?: string;
  /** `colossalai run --hostfile f`: processes run on every host listed there. */
  hostfile?: Word;
}

const isPython = (w: string | undefined) => !!w && /(^|\/)python(\d(\.\d+)?)?$/.test(w);
const PYTHON_OPT = /^-[uOBbEsSIqv]+$/;

/** A launch command in the spelling ./launcher reads (the first words replaced by synthetic ones, same spans). */
export function normaliseCommand(words: Word[]): Normalised {
  const as = (text: string, w: Word): Word => ({ ...w, text, quoted: false, unresolved: false });
  // A launcher named by its path in an environment (`/opt/conda/envs/x/bin/torchrun`, `~/.local/bin/deepspeed`):
  // the same console script as its bare name (pip installs `torchrun`, `deepspeed`, `accelerate` into the env's bin/).
  const tool =
    /^(?:~|\.{0,2})?\/(?:[^/\s$`]+\/)*(torchrun|deepspeed|accelerate|llamafactory-cli|tune|xtuner|axolotl)$/.exec(
      words[0]?.unresolved ? '' : (words[0]?.text ?? ''),
    );
  if (tool) return normaliseCommand([as(tool[1], words[0]), ...words.slice(1)]);
  const env = projectRunner(words);
  if (env) {
    const cmd = words.slice(env.next);
    // `uv run train.py`, `uv run -m pkg.train`: a Python file or module is run with the project's Python.
    const script = env.name === 'uv run' && !cmd[0].unresolved && /\.py$|^-m$|^--module$/.test(cmd[0].text);
    const inner = normaliseCommand(script ? [as('python', words[0]), ...cmd] : cmd);
    return { ...inner, via: inner.via ?? env.name };
  }
  if (isPython(words[0]?.text)) {
    let k = 1;
    while (k < words.length && PYTHON_OPT.test(words[k].text)) k++;
    if (words[k]?.text === '-m' && words[k + 1]?.text === 'accelerate.commands.launch')
      return {
        words: [as('accelerate', words[0]), as('launch', words[k + 1]), ...words.slice(k + 2)],
        via: 'python -m accelerate.commands.launch',
      };
    const script = words[k];
    const next = words[k + 1]?.text ?? '';
    if (
      script &&
      /\.py$/.test(script.text) &&
      /^--nproc[-_]per[-_]node(=|$)/.test(next) &&
      words.slice(k + 2).some((w) => /\.py$/.test(w.text))
    )
      return { words: [as('torchrun', script), ...words.slice(k + 1)], via: `python ${script.text}` };
  }
  if (words[0]?.text === 'colossalai' && words[1]?.text === 'run') {
    const rest = words.slice(2);
    const h = rest.findIndex((w) => w.text === '--hostfile' || w.text.startsWith('--hostfile='));
    const hostfile = h === -1 ? undefined : rest[h].text.includes('=') ? rest[h] : (rest[h + 1] ?? rest[h]);
    // `--hostfile f` is not a torchrun option: drop it (and its value) so the script is found after the options.
    const kept = h === -1 ? rest : rest.filter((_, i) => i !== h && !(i === h + 1 && !rest[h].text.includes('=')));
    return { words: [as('torchrun', words[0]), ...kept], via: 'colossalai run', hostfile };
  }
  return { words };
}

/**
 * A command run in a project's environment: `uv run [opts] …` (https://docs.astral.sh/uv/reference/cli/#uv-run),
 * `poetry run …` (https://python-poetry.org/docs/cli/#run), `pipenv run …`, `pdm run …`, `conda run -n env …`
 * (https://docs.conda.io/projects/conda/en/stable/commands/run.html): the command after the runner's options.
 */
function projectRunner(words: Word[]): { name: string; next: number } | undefined {
  const [a, b] = [words[0]?.text, words[1]?.text];
  if (b !== 'run' || !a || !/^(uv|poetry|pipenv|pdm|conda|mamba|micromamba)$/.test(a)) return undefined;
  let k = 2;
  while (k < words.length && words[k].text.startsWith('-') && !/^-m$|^--module$/.test(words[k].text)) {
    const takesValue = !words[k].text.includes('=') && RUNNER_VALUE_OPT.test(words[k].text);
    k += takesValue ? 2 : 1;
  }
  return k < words.length ? { name: `${a} run`, next: k } : undefined;
}
/** Runner options followed by a value (uv's `--with pkg`, `--python 3.11`; conda's `-n env`, `--prefix p`). */
const RUNNER_VALUE_OPT =
  /^(-n|-p|--name|--prefix|--cwd|--python|--with|--with-editable|--with-requirements|--project|--directory|--extra|--group|--only-group|--env-file|--package|--index|--index-url|--extra-index-url)$/;

/** ZeRO stage and hardware stated by a training script's flags. */
export function scriptFlagFacts(file: string, fields: Fields): Fact[] {
  const out: Fact[] = [];
  const zs = fields.get('zero_stage');
  const plugin = fields.get('plugin');
  const pm = typeof plugin?.value === 'string' ? /^(?:low_level_)?zero([123])(?:_cpu)?$/.exec(plugin.value) : null;
  if (zs && typeof zs.value === 'number' && [0, 1, 2, 3].includes(zs.value))
    out.push({ key: 'zero_stage', value: zs.value, origin: 'explicit', file, span: zs.span, note: zs.text });
  else if (plugin && pm)
    out.push({
      key: 'zero_stage',
      value: Number(pm[1]),
      origin: 'explicit',
      file,
      span: plugin.span,
      note: plugin.text,
    });
  // The script's own device-count flags (`--gpu_ids 0,1,2,3`, `--ngpu 2`, `--num_gpus 8`): the GPUs it uses.
  // A count per machine beside the script's machine count (detectron2's `--num-gpus 8 --num-machines 2`, Open
  // Catalyst's `--num-gpus 8 --num-nodes 16 --submit`): all of them.
  const nodeFlag = NODE_FLAGS.map((k) => fields.get(k)).find((f) => f !== undefined);
  const nodes = typeof nodeFlag?.value === 'number' && Number.isInteger(nodeFlag.value) ? nodeFlag.value : undefined;
  for (const name of DEVICE_FLAGS) {
    const f = fields.get(name);
    const n = f ? deviceCount(name, f.value) : undefined;
    if (!f || n === undefined) continue;
    const perNode = name !== 'world_size' && nodeFlag !== undefined;
    // A machine count not readable here (`--num-nodes $NODES`): the total is not known.
    const total = !perNode ? n : nodes !== undefined && nodes >= 1 ? n * nodes : null;
    out.push({
      key: 'devices',
      value: total,
      origin: 'explicit',
      file,
      span: f.span,
      note:
        perNode && nodeFlag
          ? `${f.text} per machine × ${nodeFlag.text}${total === null ? ': not readable here' : ` = ${total} GPUs`}`
          : `${f.text}: ${n} GPU${n === 1 ? '' : 's'}`,
    });
    break;
  }
  for (const f of fields.values()) {
    const m = typeof f.value === 'string' ? /^DGX-?(1V|2V?|A100|H100|H200|B200)$/i.exec(f.value) : null;
    if (!m) continue;
    const gpu = /^[12]/.test(m[1]) ? 'v100' : m[1].toLowerCase();
    out.push({
      key: 'hardware',
      value: gpu,
      origin: 'explicit',
      file,
      span: f.span,
      note: `${f.text}: a DGX ${m[1]} holds ${gpu.toUpperCase()} GPUs`,
    });
    break;
  }
  return out;
}

/** Notes name the launcher as written; a host file leaves the total device count unknown. */
export function applyVia(lc: { facts: Fact[]; tool: string }, norm: Normalised): void {
  if (!norm.via) return;
  for (const f of lc.facts)
    if (f.key === 'devices' && f.note) {
      f.note = f.note.replace(/^(torchrun|accelerate launch)/, norm.via);
      if (norm.hostfile && typeof f.value === 'number') {
        f.value = null;
        f.note += ` on every host of ${norm.hostfile.text.replace(/^--hostfile=/, '')}: the host count is not in this file`;
        delete (f as { perNode?: boolean }).perNode;
      }
    }
}

/**
 * `$(dirname "$0")/train.py`, `$(dirname ${BASH_SOURCE[0]})/train.py`: a script beside the launcher, named through
 * the launcher's own folder (the linker resolves a relative path against that folder first).
 */
export function scriptDirWord(w: Word): Word {
  const m = /^\$\(dirname\s+["']?\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?["']?\)\/(.+)$/.exec(w.text);
  return m && !/[$`]/.test(m[1]) ? { ...w, text: m[1], unresolved: false } : w;
}

/**
 * `--cfg-path x.yaml`, `--config configs/a.yaml`, `--config-yml` (Open Catalyst): a config file the script reads
 * (LAVIS, Swin, many research repos); torchtitan's `--job.config_file x.toml` (its run_train.sh:
 * https://github.com/pytorch/torchtitan/blob/main/run_train.sh, `torchrun … -m torchtitan.train --job.config_file`).
 */
export function configRefs(file: string, fields: Fields): Ref[] {
  const out: Ref[] = [];
  for (const [name, f] of fields)
    if (
      /^(cfg|config|config_file|config_path|config_yml|cfg_path|cfg_file|cfg_options|job\.config_file)$/.test(name) &&
      typeof f.value === 'string' &&
      /\.(ya?ml|json|toml)$/i.test(f.value)
    )
      out.push({ path: f.value, role: 'config', file, span: f.span });
  return out;
}

/** Flags that name the architecture a script builds (`--arch resnet50`, `--model vit_base_patch16_224`) or its config file. */
const MODEL_FLAGS = [
  'model',
  'arch',
  'architecture',
  'model_name',
  'model_id',
  'network',
  'model_config',
  'model_type',
  // The diffusers training examples' and kohya sd-scripts' flag for the checkpoint they fine-tune
  // (https://github.com/huggingface/diffusers/blob/main/examples/dreambooth/train_dreambooth_lora_sd3.py,
  // https://github.com/kohya-ss/sd-scripts/blob/main/library/train_util.py `add_sd_models_arguments`).
  'pretrained_model_name_or_path',
];

/**
 * The model a launcher's flags name, when the value names one (./model-name.ts: not a size or kind word such as
 * `large` or `causal`, not a placeholder); a model config file names the model by its stem
 * (`--model_config configs/llama_60m.json`). `model_type` only when it is a name the tables know (`bert` is a family).
 */
export function launcherModel(file: string, fields: Fields, known: (name: string) => boolean): Fact | undefined {
  for (const name of MODEL_FLAGS) {
    const f = fields.get(name);
    const v = modelName(f?.value);
    if (!f || !v || (name === 'model_type' && !known(v))) continue;
    return {
      key: 'model',
      value: v,
      origin: 'explicit',
      file,
      span: f.span,
      note: v === f.value ? f.text : `${f.text} → ${v}`,
    };
  }
  // A Hugging Face hub id (`owner/name`) given to a flag that loads weights (`--pretrained-ckpt`, `--model_path`):
  // not a folder of this tree (`checkpoints/last`, `output/run1`), and a name with a size or one the tables know.
  for (const name of HUB_FLAGS) {
    const f = fields.get(name);
    const v = f?.value;
    const m = typeof v === 'string' ? /^([A-Za-z0-9][\w.-]*)\/([A-Za-z][\w.-]*)$/.exec(v) : null;
    if (!f || !m || LOCAL_DIR.test(m[1]) || /\.(py|ya?ml|json|pt|pth|bin|ckpt|safetensors)$/i.test(m[2])) continue;
    if (!/\d/.test(m[2]) && !known(v as string)) continue;
    return { key: 'model', value: v as string, origin: 'explicit', file, span: f.span, note: f.text };
  }
  return undefined;
}

const HUB_FLAGS = ['pretrained', 'pretrained_ckpt', 'pretrained_model', 'from_pretrained', 'model_path', 'hf_model'];
const LOCAL_DIR =
  /^(checkpoints?|ckpts?|outputs?|output_dir|models?|runs?|work_dirs?|exps?|experiments|save[sd]?|results|data|weights|pretrained|logs?|tmp|cache)$/i;

/** True while word k of a wrapper command (`srun …`) is still among the wrapper's options (no program named yet). */
export function wrapped(words: Word[], k: number, bools: Set<string>): boolean {
  for (let j = 1; j < k; j++) if (!words[j].text.startsWith('-') && !words[j - 1].text.startsWith('-')) return false;
  // The value of the option before it (`-p $PARTITION`) is not extra options.
  const prev = words[k - 1].text;
  return !(prev.startsWith('-') && !prev.includes('=') && !bools.has(prev));
}

const DEVICE_FLAGS = ['gpu_ids', 'num_gpus', 'num_gpu', 'n_gpus', 'n_gpu', 'ngpu', 'gpus', 'world_size'];
const NODE_FLAGS = ['num_nodes', 'num_machines', 'nnodes', 'n_nodes'];

/** `0,1,2,3` → 4 (ids), `-1` → none (CPU in pix2pix-style scripts), a whole number ≥ 1 → itself (counts). */
function deviceCount(name: string, v: unknown): number | undefined {
  if (typeof v === 'string' && /^\s*\d+(\s*,\s*\d+)+\s*,?\s*$/.test(v))
    return v.split(',').filter((x) => x.trim()).length;
  // A single id (`--gpu_ids 0`) is one GPU; elsewhere a number is a count.
  if (name === 'gpu_ids')
    return (typeof v === 'number' && v >= 0) || (typeof v === 'string' && /^\d+$/.test(v)) ? 1 : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100_000 ? v : undefined;
}

/**
 * `tune run`: `--nproc_per_node` × `--nnodes` (torchrun's options, which torchtune passes on), else a recipe named
 * `*_single_device` (`lora_finetune_single_device`), which runs in one process on one device
 * (https://pytorch.org/torchtune/stable/recipes/recipes_overview.html: "single-device" recipes; the `_distributed`
 * ones are launched with `--nproc_per_node`).
 */
export function tuneDevices(
  file: string,
  recipe: Word | undefined,
  opts: Map<string, { value?: Word; word: Word }>,
): DeviceFact | undefined {
  const np = opts.get('--nproc_per_node');
  const n = np?.value && !np.value.unresolved && /^\d+$/.test(np.value.text) ? Number(np.value.text) : undefined;
  if (np?.value && n) {
    const nn = opts.get('--nnodes')?.value;
    const nodes = nn && !nn.unresolved && /^\d+$/.test(nn.text) ? Number(nn.text) : 1;
    const note = `tune run --nproc_per_node ${np.value.text}`;
    return { origin: 'explicit', file, span: np.word.span, key: 'devices', value: n * nodes, note, perNode: !nn };
  }
  if (!np && recipe && !recipe.unresolved && /_single_device$/.test(recipe.text))
    return {
      origin: 'explicit',
      file,
      span: recipe.span,
      key: 'devices',
      value: 1,
      note: `tune run ${recipe.text}: a single-device recipe, one process on one device`,
    };
  return undefined;
}
