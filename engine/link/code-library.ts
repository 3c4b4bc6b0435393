// The framework a user names for a run that a generic reader made: a training script, a launcher or a config read
// through the shared vocabulary has the reader id `config` (or the config library's, `mlcollections`), which says how
// it was read, not what trains it. The run's own Python files say it: the library they import and train with
// (PyTorch, TensorFlow, Keras, JAX/Flax, Lightning; DGL or PyG over PyTorch, also for a PyTorch loop's run); a run with no Python file of its own (a launcher whose script
// is elsewhere, a config given alone) takes the library of its repository's code, where one dominates; a launcher
// that runs a framework's training program (`fairseq-train`, `tune run`) names that framework.
//
// `RunPlan.library` carries the name; `framework` keeps the reader id that the rules decide on.
import * as path from 'node:path';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';
import { repoLibraries } from './repo-defaults';

/** Reader ids that name a way of reading, not a framework. */
const GENERIC = new Set(['config', 'mlcollections']);
const LAUNCHER = /\.(sh|bash|zsh|slurm|sbatch|pbs|job)$/i;

const imports = (lib: string) => new RegExp(`^[ \\t]*(?:from|import)[ \\t]+(?:${lib})\\b`, 'm');
/**
 * Most specific first. Lightning only where the file builds a Trainer or a LightningModule (a `seed_everything`
 * import trains nothing); JAX/Flax over PyTorch and TensorFlow, which JAX code often imports for data loading
 * (`torch.utils.data`, `tf.data`/tfds); PyTorch over TensorFlow, which PyTorch code imports for TensorBoard logging.
 */
const LIBRARIES: [string, (text: string) => boolean][] = [
  [
    'lightning',
    (t) =>
      imports('pytorch_lightning|lightning(?:\\.pytorch)?').test(t) && /\bTrainer\s*\(|\bLightningModule\b/.test(t),
  ],
  ['flax', (t) => imports('flax').test(t)],
  ['jax', (t) => imports('jax').test(t)],
  // Graph-learning libraries over PyTorch, named as their users name them: DGL (`import dgl`, https://www.dgl.ai/) and
  // PyTorch Geometric (`torch_geometric`, https://pytorch-geometric.readthedocs.io/), whose graphs, samplers and
  // message-passing layers the loop runs on.
  ['dgl', (t) => imports('dgl').test(t)],
  ['pyg', (t) => imports('torch_geometric').test(t)],
  ['pytorch', (t) => imports('torch').test(t)],
  ['tensorflow', (t) => imports('tensorflow').test(t)],
  ['keras', (t) => imports('keras|tf_keras').test(t)],
];

/** The training library Python source imports (the most specific of several), or undefined. */
export function codeLibrary(texts: readonly string[]): string | undefined {
  for (const [name, uses] of LIBRARIES) if (texts.some(uses)) return name;
  return undefined;
}

/**
 * Training programs a launcher runs, by the framework whose recipe they are: the console scripts each project installs
 * (fairseq's setup.py `fairseq-train`/`fairseq-hydra-train`; torchtune's `tune run`,
 * https://pytorch.org/torchtune/stable/tune_cli.html; `llamafactory-cli train`, LLaMA-Factory's README; `axolotl
 * train` and `-m axolotl.cli.train`, axolotl's docs; Ultralytics' `yolo train`, https://docs.ultralytics.com/usage/cli/;
 * `litgpt finetune|pretrain`, LitGPT's README; OpenNMT-py's `onmt_train`; `allennlp train`; `ludwig train`; ParlAI's
 * `parlai train_model`; tensor2tensor's `t2t-trainer`).
 */
const PROGRAMS: [string, RegExp][] = [
  ['fairseq', /(?:^|[\s;&|(])fairseq-(?:hydra-)?train\b/m],
  ['torchtune', /(?:^|[\s;&|(])tune\s+run\b/m],
  ['llamafactory', /(?:^|[\s;&|(])llamafactory-cli\s+train\b/m],
  ['axolotl', /(?:^|[\s;&|(])axolotl\s+train\b|-m\s+axolotl\.cli\.train\b/m],
  ['ultralytics', /(?:^|[\s;&|(])yolo\s+(?:\w+\s+)?train\b/m],
  ['litgpt', /(?:^|[\s;&|(])litgpt\s+(?:finetune\w*|pretrain)\b/m],
  ['opennmt', /(?:^|[\s;&|(])onmt_train\b/m],
  ['allennlp', /(?:^|[\s;&|(])allennlp\s+train\b/m],
  ['ludwig', /(?:^|[\s;&|(])ludwig\s+train\b/m],
  ['parlai', /(?:^|[\s;&|(])parlai\s+train_model\b/m],
  ['tensor2tensor', /(?:^|[\s;&|(])t2t-trainer\b/m],
];

/** The framework of the training program a launcher runs (comment lines skipped), or undefined. */
export function launchedProgram(text: string): string | undefined {
  const code = text.replace(/^[ \t]*#.*$/gm, '');
  return PROGRAMS.find(([, re]) => re.test(code))?.[0];
}

/** Share of the library-importing files of a repository one family must hold to name the repository's library. */
const DOMINANT = 0.75;

/**
 * The repository's library: the family (PyTorch; TensorFlow and Keras; JAX and Flax) of at least three quarters of its
 * code files that import one — JAX code imports PyTorch or TensorFlow for data, PyTorch code TensorFlow for logging.
 * Flax where any file imports it, Keras where standalone Keras outnumbers TensorFlow.
 */
function repoLibrary(counts: ReadonlyMap<string, number> | undefined): string | undefined {
  if (!counts) return undefined;
  const n = (lib: string) => Math.max(0, counts.get(lib) ?? 0);
  const tf = n('tensorflow') + n('keras') + n('tf_keras');
  const families: [string, number][] = [
    ['pytorch', n('torch')],
    [n('keras') > n('tensorflow') ? 'keras' : 'tensorflow', tf],
    [n('flax') > 0 ? 'flax' : 'jax', n('jax') + n('flax')],
  ];
  const all = families.reduce((a, [, c]) => a + c, 0);
  const top = families.sort((a, b) => b[1] - a[1])[0];
  return all > 0 && top[1] >= DOMINANT * all ? top[0] : undefined;
}

/** OpenMMLab scopes (`default_scope`, `type='mmdet.X'`) by the codebase that registers them. */
const SCOPES: Record<string, string> = {
  mmdet: 'mmdetection',
  mmseg: 'mmsegmentation',
  mmcls: 'mmclassification',
  mmpretrain: 'mmpretrain',
  mmpose: 'mmpose',
  mmaction: 'mmaction2',
  mmocr: 'mmocr',
  mmdet3d: 'mmdetection3d',
  mmrotate: 'mmrotate',
  mmtrack: 'mmtracking',
  mmedit: 'mmediting',
  mmagic: 'mmagic',
};
/**
 * Root model types by the codebase whose registry holds them: mmdetection's detectors
 * (https://github.com/open-mmlab/mmdetection/blob/main/mmdet/models/detectors/__init__.py), mmsegmentation's
 * segmentors (mmseg/models/segmentors/__init__.py), mmpretrain's/mmcls's classifiers (models/classifiers), mmpose's
 * pose estimators (mmpose/models/pose_estimators, 0.x `TopDown`), mmaction2's recognizers (models/recognizers).
 */
const ROOT_TYPES: [string, RegExp][] = [
  [
    'mmdetection',
    /^(ATSS|RPN|FastRCNN|FasterRCNN|MaskRCNN|CascadeRCNN|HybridTaskCascade|RetinaNet|FCOS|GridRCNN|MaskScoringRCNN|RepPointsDetector|FOVEA|FSAF|NASFCOS|PointRend|GFL|CornerNet|PAA|YOLOV3|YOLACT|VFNet|DETR|TridentFasterRCNN|SparseRCNN|SCNet|SOLO|SOLOv2|DeformableDETR|AutoAssign|YOLOF|CenterNet|YOLOX|PanopticFPN|QueryInst|LAD|TOOD|MaskFormer|DDOD|Mask2Former|RTMDet|DINO|ConditionalDETR|DABDETR|CondInst|BoxInst|SingleStageDetector|TwoStageDetector|KnowledgeDistillationSingleStageDetector)$/,
  ],
  ['mmsegmentation', /^(EncoderDecoder|CascadeEncoderDecoder)$/],
  ['mmpretrain', /^ImageClassifier$/],
  ['mmpose', /^(TopDown|BottomUp|TopdownPoseEstimator|BottomupPoseEstimator)$/],
  ['mmaction2', /^(Recognizer2D|Recognizer3D|RecognizerGCN)$/],
];

/** The OpenMMLab codebase an mmengine/mmcv config (with its `_base_` files) is a recipe of, or undefined. */
export function mmCodebase(texts: readonly string[]): string | undefined {
  for (const t of texts) {
    const scope = /^default_scope\s*=\s*['"](\w+)['"]/m.exec(t)?.[1];
    if (scope && SCOPES[scope]) return SCOPES[scope];
  }
  for (const t of texts) {
    const type = /^model\s*=\s*dict\(\s*type\s*=\s*['"](?:(\w+)\.)?(\w+)['"]/m.exec(t);
    if (!type) continue;
    if (type[1] && SCOPES[type[1]]) return SCOPES[type[1]];
    const hit = ROOT_TYPES.find(([, re]) => re.test(type[2]));
    if (hit) return hit[0];
  }
  return undefined;
}

/**
 * Reader ids whose run is named here: the generic ones, mmengine (by codebase), JAX's loop reader (Flax), the PyTorch
 * loop reader (a graph library it trains with).
 */
const NAMED = (fw: string) => GENERIC.has(fw) || fw === 'mmengine' || fw === 'jax' || fw === 'pytorch';

/** Names the library of each run whose reader id is generic (see the head of this file). */
export function withCodeLibrary(linker: Linker, file: string, drafts: RunDraft[]): RunDraft[] {
  if (!drafts.some((d) => NAMED(d.plan.framework) && !d.plan.library)) return drafts;
  let counts: ReadonlyMap<string, number> | undefined | null = null;
  const repo = () => (counts === null ? (counts = repoLibraries(linker, file)) : counts);
  return drafts.map((d) => {
    const fw = d.plan.framework;
    if (d.plan.library || !NAMED(fw)) return d;
    const read = (re: RegExp) =>
      d.plan.files
        .filter((f) => re.test(f))
        .map((f) => linker.read(path.resolve(f)))
        .filter((t): t is string => t !== undefined);
    let library: string | undefined;
    if (fw === 'mmengine') library = mmCodebase(read(/\.py$/i));
    else if (fw === 'pytorch') {
      const lib = codeLibrary(read(/\.py$/i));
      library = lib === 'dgl' || lib === 'pyg' ? lib : undefined;
    } else {
      if (fw !== 'jax')
        library =
          read(LAUNCHER)
            .map(launchedProgram)
            .find((p) => p) ?? codeLibrary(read(/\.py$/i));
      // JAX code builds its networks with Flax where the run's own files import it (`from flax import linen as nn`,
      // `flax.training.train_state`), or the repository does (the model modules, not the script).
      if (fw === 'jax' && codeLibrary(read(/\.py$/i)) === 'flax') library = 'flax';
      if ((fw === 'jax' || library === 'jax') && (repo()?.get('flax') ?? 0) > 0) library = 'flax';
      if (fw !== 'jax') library ??= repoLibrary(repo());
    }
    return library ? { ...d, plan: { ...d.plan, library } } : d;
  });
}
