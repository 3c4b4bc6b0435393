// One device for a plain single-process script (issue 11, a product decision): a script run as `python script.py` that
// trains on the one device it names (`.to("cuda")`, `.cuda()`, `torch.device("cuda:0")`) and shows no way to use more
// runs on one device. Any multi-device mechanism in the script or the modules of its run leaves the count unknown:
// `DataParallel`/`DistributedDataParallel`/FSDP, a process group or `torch.distributed`, `spawn`, a device count, a
// world size or local rank, accelerate, DeepSpeed, Fabric, Lightning or a Hugging Face Trainer (both take every visible
// GPU by default: https://huggingface.co/docs/transformers/main_classes/trainer,
// `device_map="auto"` splits a model over every visible GPU: https://huggingface.co/docs/accelerate/usage_guides/big_modeling,
// https://lightning.ai/docs/pytorch/stable/common/trainer.html#devices), a TensorFlow distribution strategy
// (https://www.tensorflow.org/guide/distributed_training), JAX `pmap`/`pjit`/`shard_map` or device lists
// (https://jax.readthedocs.io/en/latest/multi_process.html; `jax.devices()[0]` names only the first device:
// https://jax.readthedocs.io/en/latest/_autosummary/jax.devices.html), Horovod, Ray, Dask. Without such a wrapper a PyTorch
// model and its tensors live on the device they are moved to (https://pytorch.org/docs/stable/notes/cuda.html). The
// count is `inferred`; a launcher that runs the script says its own count over it (../link/repo-launchers).
import type { Tree } from 'web-tree-sitter';
import type { Fact } from '../types';
import { switchedOff } from './device-switch';
import { visibleInScript } from './visible-devices';
import { codeText } from './python-code-text';
import { libraryTrainer, ownTrainers, trainerCallPattern } from './own-trainers';
import { usedDefinitions, withoutLiteralSettings } from './used-definitions';

/** The first words of the note: how ../link/repo-launchers knows the count was inferred here. */
export const SINGLE_PROCESS = 'single-process script; no data-parallel wrapper or launcher seen';

/**
 * More than one device set up, or possible, somewhere in the run's files: the one device named is not the whole run.
 * A library `Trainer(…)` (Hugging Face, TRL, Lightning) spreads over every visible GPU by default, so it counts too —
 * unless the class is the project's own (./own-trainers), whose calls run what its code shows.
 */
const MULTI_DEVICE =
  /DataParallel|FullySharded|\b(fsdp|FSDP)\b|device_count|multi_gpu|launch_distributed|init_process_group|\b[Dd]istributed\b|\bspawn\s*\(|Accelerator\s*\(|\b(import|from)\s+accelerate\b|horovod|\bhvd\b|Strategy\s*\(|tf\.distribute|deepspeed|\bFabric\s*\(|\b(import|from)\s+(pytorch_)?lightning\b|\bLightning\w*|world[_-]?size|\bnproc|LOCAL_RANK|local_rank|\bRANK\b|SLURM_|\bpmap\b|\bpjit\b|shard_map|jax\.(local_)?devices\b(?!\(\s*(['"]\w+['"])?\s*\)\s*\[\s*0\s*\])|\bdask\b|\b(import|from) ray\b|colossalai|megatron|\b(num_gpus|n_gpus|ngpus|num_gpu|n_gpu|gpu_num)\b|list_(physical|logical)_devices|get_available_gpus|tf\.device\(\s*f?['"]\/(device:)?[gG][pP][uU]:(%d|\{)|(?<![A-Za-z])TPU|train_distribute|MultiWorker|multi_worker|jax\.sharding|NamedSharding|PartitionSpec|\bMesh\s*\(|\bxmap\b|jax_utils\.replicate|keras\.distribution|device_map\s*=\s*['"](auto|balanced|balanced_low_0|sequential)['"]/;
/**
 * The mechanisms that need a launcher to start their processes: a process group and the data-parallel wrapper over
 * it, set up from the environment `torchrun` (or `torch.distributed.launch`, `srun`) gives each process — `WORLD_SIZE`,
 * `RANK`, `LOCAL_RANK` (https://pytorch.org/docs/stable/elastic/run.html#environment-variables). A script started by a
 * plain `python script.py` is one process in a world of one: those mechanisms set up nothing more
 * (`init_process_group` is not even called where the script tests the world size, as timm's train.py does). What
 * still starts or uses more in one process stays: `DataParallel`, `spawn`, a device count, library trainers.
 */
const ONE_PROCESS_MECHANISMS = new RegExp(
  MULTI_DEVICE.source
    .replace('DataParallel|', '(?<!Distributed)DataParallel|')
    .replace('init_process_group|', '')
    .replace('\\b[Dd]istributed\\b|', '')
    .replace('world[_-]?size|\\bnproc|LOCAL_RANK|local_rank|\\bRANK\\b|', ''),
);

/** The mechanisms and the library trainer calls (those not in `own`), as one pattern for ./device-switch. */
const mechanismsOf = (own: Set<string>, base = MULTI_DEVICE) => new RegExp(`${base.source}|${trainerCallPattern(own)}`);

/**
 * One CUDA device named: `"cuda"`, `"cuda:0"`, `"gpu"`, a module or tensor moved with `.cuda()` (the current device),
 * or one device id chosen by a setting (`f"cuda:{args.gpu}"`, `"cuda:" + str(args.gpu_id)`, `"cuda:%d" % gpu`,
 * `"cuda:{}".format(args.device_id)`, `torch.cuda.set_device(args.gpu)`, `.cuda(args.gpu)`): a single id is a single
 * device. Not a key named so (`{"gpu":
 * -1}`, `params["gpu"]`): that holds a setting, maybe "no GPU".
 */
export const ONE_CUDA =
  /['"](cuda(:\d+)?|gpu)['"](?!\s*[:\]])|\.cuda\(\)|f['"]cuda:\{\s*[\w.]+\s*\}['"]|['"]cuda:(%d)?['"]\s*[+%]|['"]cuda:\{\}['"]\s*\.format\(\s*[\w.]+\s*\)|cuda\.set_device\(\s*[\w.]+\s*\)|\.cuda\(\s*(args|opt|opts|cfg|config|self\.args|self\.opt)\.\w+\s*\)/;

/**
 * The script imports TensorFlow, Keras, JAX or Flax (the import line), or a library whose models are Keras models
 * (DeepCTR and DeepMatch: "based on tf.keras"; Spektral, KerasCV/KerasNLP/KerasHub, TensorFlow Recommenders), or
 * DeepXDE, whose `Model.train` runs in one process on its backend's default device (multi-GPU only through Horovod).
 */
const TF_JAX =
  /^[ \t]*(import|from)[ \t]+(tensorflow|keras|tf_keras|jax|flax|deepctr|deepmatch|spektral|keras_cv|keras_nlp|keras_hub|tensorflow_recommenders|deepxde)\b.*$/m;

/** A multi-device mechanism in any of these texts; `own`: the project's trainer classes (./own-trainers). */
export function multiDevice(texts: string[], own = ownTrainers(texts), base = MULTI_DEVICE): boolean {
  return texts.map((t) => codeText(withoutLiteralSettings(t))).some((t) => base.test(t) || libraryTrainer(t, own));
}

/**
 * The one device of a plain single-process script: the device the entry names (else one the modules of its run name,
 * when the entry runs something itself), where no file of the run sets up more. `oneProcess`: the run is started by a
 * plain `python script.py`, so a process group that waits for a launcher's processes sets up nothing more.
 */
export function singleDevice(
  file: string,
  text: string,
  tree: Tree,
  all: { file: string; text: string }[] = [],
  given?: (option: string) => boolean,
  oneProcess = false,
): Fact | undefined {
  const base = oneProcess ? ONE_PROCESS_MECHANISMS : MULTI_DEVICE;
  // What each module contributes: its top-level code and the definitions the run uses (./used-definitions).
  const importers = [text, ...all.map((o) => o.text)];
  const others = all.map((o) => ({ file: o.file, text: usedDefinitions(o.file, o.text, importers) }));
  const own = ownTrainers([text, ...others.map((o) => o.text)], localIn(others));
  if (
    multiDevice(
      others.map((o) => o.text),
      own,
      base,
    )
  )
    return undefined;
  // The entry's own mechanisms may all sit behind an option that is off by default (./device-switch).
  const mechanism = multiDevice([text], own, base);
  const off = mechanism ? switchedOff(text, tree.rootNode, mechanismsOf(own, base), given) : undefined;
  if (mechanism && !off) return visibleDataParallel(file, text, tree, own, given);
  // Whether the file runs something at its top level: asked only where it decides.
  let ran: boolean | undefined;
  const runs = () => (ran ??= runsAtTop(text, tree));
  let at: { file: string; m: RegExpExecArray } | undefined;
  // Only what runs names a device: `# model.cuda()` in a comment does not (./python-code-text).
  const m = ONE_CUDA.exec(codeText(text));
  // `.cuda()` alone moves tensors as well as models: in a module of functions that a script calls (no `__main__`
  // guard, nothing run at its top level) the caller places the model, maybe on several devices.
  if (m && (!/^\.cuda\(/.test(m[0]) || runs())) at = { file, m };
  // The device named in a module the script calls (its trainer, its agent): the script itself must run.
  if (!at && !m && runs())
    for (const o of others) {
      const om = ONE_CUDA.exec(codeText(o.text));
      if (om) {
        at = { file: o.file, m: om };
        break;
      }
    }
  // TensorFlow and JAX place a script's work on one device unless it sets up more: TensorFlow picks the visible GPU
  // with the lowest id (https://www.tensorflow.org/guide/gpu), JAX runs on `jax.devices()[0]`
  // (https://jax.readthedocs.io/en/latest/faq.html#controlling-data-and-computation-placement-on-devices).
  // A JAX script may read its data with PyTorch's loaders (JAX's tutorial "Training a simple neural network, with
  // PyTorch data loading", https://jax.readthedocs.io/en/latest/notebooks/Neural_Network_and_Data_Loading.html): torch
  // without its models or optimizers (`torch.nn`, `torch.optim`) trains nothing there.
  const found = !at && runs() ? TF_JAX.exec(text) : null;
  const torchTrains =
    /^\s*(import|from)\s+torch\b/m.test(text) &&
    (!/jax|flax/.test(found?.[0] ?? '') ||
      /\btorch\.(nn|optim)\b|^\s*from\s+torch\s+import\s+[^\n]*\b(nn|optim)\b/m.test(text));
  const tfJax = found && !torchTrains ? found : null;
  if (tfJax) at = { file, m: tfJax };
  // A detectron2 or mmengine trainer that the script runs itself, in its own process (`oneProcessTrainer`).
  const trainer = !at && runs() ? oneProcessTrainer(codeText(text)) : undefined;
  if (trainer) at = { file, m: trainer.m };
  if (!at) return undefined;
  const where = at.file === file ? '' : ' in a module it calls';
  const lib = tfJax && (/jax|flax/.test(tfJax[0]) ? 'JAX' : /deepxde/.test(tfJax[0]) ? 'DeepXDE' : 'TensorFlow');
  const why =
    (lib ? `${lib} places it on the first device` : (trainer?.why ?? at.m[0])) +
    (oneProcess && multiDevice([text, ...others.map((o) => o.text)], own)
      ? '; started by plain `python`: a process group has a world of one'
      : '');
  const switched = off
    ? `; ${off.mechanisms.join(', ')} only when \`${off.condition}\`, not at the defaults${off.defaults.length ? ` (${off.defaults.join(', ')})` : ''}`
    : '';
  return {
    key: 'devices',
    value: 1,
    origin: 'inferred',
    file: at.file,
    span: { start: at.m.index, end: at.m.index + at.m[0].length },
    note: `${SINGLE_PROCESS}: one device (${why}${where})${switched}`,
  };
}

/**
 * Trainers of detection frameworks that train in the one process that calls them, on the default CUDA device, unless
 * the script starts more:
 * - detectron2's `DefaultTrainer` (and `SimpleTrainer`, `AMPTrainer`, or a class derived from one) outside
 *   `detectron2.engine.launch(...)`, which is what starts several processes; in a world of one the trainer wraps no
 *   DDP (`create_ddp_model`, detectron2/engine/defaults.py) and builds the model on `cfg.MODEL.DEVICE`, "cuda" by default
 *   (detectron2/config/defaults.py; https://detectron2.readthedocs.io/en/latest/tutorials/getting_started.html). A
 *   script that moves it to the CPU (`MODEL.DEVICE = "cpu"`) has no GPU count.
 * - mmengine's `Runner(...)` / `Runner.from_cfg(cfg)` with no launcher but `'none'`: `launcher='none'` is the default and
 *   runs without a process group (https://mmengine.readthedocs.io/en/latest/api/generated/mmengine.runner.Runner.html);
 *   a script that chooses its launcher (`launcher=args.launcher`, `cfg.launcher = …`) is left to that choice.
 * The callers have already found no multi-device mechanism (`num_gpus`, `LOCAL_RANK`, a process group) in the run.
 */
function oneProcessTrainer(code: string): { m: RegExpExecArray; why: string } | undefined {
  const base = 'DefaultTrainer|SimpleTrainer|AMPTrainer';
  const d2 = new RegExp(`^[ \\t]*from[ \\t]+detectron2\\.engine(?:\\.\\w+)?[ \\t]+import[^\\n]*\\b(?:${base})\\b`, 'm');
  if (d2.test(code) && !/\blaunch\s*\(/.test(code) && !/MODEL\.DEVICE\s*=\s*['"]cpu/.test(code)) {
    const subclasses = code.matchAll(new RegExp(`^[ \\t]*class[ \\t]+(\\w+)[ \\t]*\\(\\s*(?:${base})\\b`, 'gm'));
    const names = [base, ...[...subclasses].map((c) => c[1])];
    const m = new RegExp(`\\b(?:${names.join('|')})\\s*\\(`).exec(
      code.replace(/^[ \t]*class[^\n]*$/gm, (l) => ' '.repeat(l.length)),
    );
    if (m) return { m, why: `detectron2 trains \`${m[0].replace(/\s*\($/, '')}\` in this process: no \`launch()\`` };
  }
  const runner = /^[ \t]*from[ \t]+mmengine\.runner[ \t]+import[^\n]*\bRunner\b/m;
  const launchers = [...code.matchAll(/\blauncher\b\s*=\s*([^,)\n]*)/g)].map((l) => l[1].trim());
  if (runner.test(code) && launchers.every((l) => /^['"]none['"]$/.test(l))) {
    const m = /\bRunner(?:\.from_cfg)?\s*\(/.exec(code);
    if (m) return { m, why: `mmengine's \`${m[0].replace(/\s*\($/, '')}\` with launcher 'none': one process` };
  }
  return undefined;
}

/** Whether a module an import names is one of the run's own files (`trainers` for `…/trainers.py`, a package folder). */
const localIn =
  (others: { file: string }[]) =>
  (module: string): boolean =>
    others.some((o) =>
      o.file
        .replace(/\\/g, '/')
        .split('/')
        .some((part) => part === module || part === `${module}.py`),
    );

/** The file does something when run: a `__main__` guard, or a loop or call at its top level. */
export function runsAtTop(text: string, tree: Tree): boolean {
  if (/__name__\s*==\s*['"]__main__['"]/.test(text)) return true;
  return tree.rootNode.namedChildren.some(
    (n) =>
      n?.type === 'for_statement' ||
      n?.type === 'while_statement' ||
      (n?.type === 'expression_statement' && n.firstNamedChild?.type === 'call'),
  );
}

/**
 * Processes on several devices, or a library that starts them: every mechanism of MULTI_DEVICE but single-process
 * `DataParallel` (its distributed counterpart stays) and the reads of a device count that `DataParallel` scripts make.
 */
const PROCESSES = new RegExp(
  MULTI_DEVICE.source
    .replace('DataParallel|', 'DistributedDataParallel|')
    .replace('device_count|', '')
    .replace('|\\b(num_gpus|n_gpus|ngpus|num_gpu|n_gpu|gpu_num)\\b', ''),
);

/**
 * A single-process script (no process group, launcher or library that starts processes at its defaults) whose only
 * multi-device mechanism is `DataParallel`, with the GPUs it makes visible to itself fixed by its text
 * (./visible-devices): one visible GPU is one device; several are the count when every `DataParallel` takes all the
 * visible ones (no `device_ids`).
 */
function visibleDataParallel(
  file: string,
  text: string,
  tree: Tree,
  own: Set<string>,
  given?: (option: string) => boolean,
): Fact | undefined {
  if (!/\bDataParallel\w*\s*\(/.test(text)) return undefined;
  const processes = new RegExp(`${PROCESSES.source}|${trainerCallPattern(own)}`);
  if (processes.test(text) && !switchedOff(text, tree.rootNode, processes, given)) return undefined;
  const v = visibleInScript(tree.rootNode, text, given ?? (() => false));
  if (!v) return undefined;
  if (v.n > 1 && /device_ids|\bDataParallel\w*\s*\([^)]*,/.test(text)) return undefined;
  return {
    key: 'devices',
    value: v.n,
    origin: 'inferred',
    file,
    span: v.span,
    note: `${v.note}; DataParallel runs in one process on ${v.n === 1 ? 'that GPU' : 'every visible GPU'}`,
  };
}
