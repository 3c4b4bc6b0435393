// Frameworks recognised from a file's CONTENT (keys, tables, imports), never from its name alone, and what each
// does when a setting is not written (origin `framework-default`, the note naming the default and its source).
// Defaults are added only where the vocabulary alone would be wrong and the framework's own default is documented.
import type { Fact, FactKey, FactValue } from '../types';
import type { EntrySet } from '../extract/generic';
import { norm } from '../extract/generic';
import { PY_FRAMEWORKS } from './frameworks-py';
import { cite, type SourceId } from './sources';
import { MORE_FRAMEWORKS } from './frameworks-more';
import { JOB_FRAMEWORKS } from './frameworks-jobs';

export type Modality = 'text' | 'vision' | 'audio';

export interface Framework {
  id: string;
  label: string;
  src: SourceId;
  modality?: Modality;
  /** The modality when it depends on the task the file configures (fairseq's `task._name`, NeMo's audio keys). */
  modalityOf?: (s: Signature) => Modality | undefined;
  /** A file of this framework is a run only when it states a batch or a run length (it also writes inference files). */
  needsTraining?: boolean;
  detect(s: Signature): boolean;
  /** Defaults for facts the file does not set. */
  defaults?: (facts: Map<FactKey, Fact>, s: Signature) => [FactKey, FactValue, string][];
}

/** What detection looks at: key-path suffixes, top-level keys, imports, syntax. */
export interface Signature {
  syntax: EntrySet['syntax'];
  file: string;
  has(suffix: string): boolean;
  top(key: string): boolean;
  /** A top-level key spelled exactly so (yacs writes `MODEL:`, LAVIS `model:`). */
  topExact(key: string): boolean;
  /** A top-level key the file assigns (`optimizer_config = dict(...)`), not an option it declares (argparse `--optimizer_config`). */
  topAssigned(key: string): boolean;
  value(suffix: string): unknown;
  imports: string[];
}

export function signature(sets: EntrySet[]): Signature {
  const paths = sets.flatMap((s) => s.entries.map((e) => ({ p: e.path.map(norm), e })));
  const match = (suffix: string) => {
    const k = suffix.split('.').map(norm);
    return paths.filter(({ p }) => p.length >= k.length && k.every((x, i) => p[p.length - k.length + i] === x));
  };
  const tops = new Set(paths.map(({ p }) => p[0]));
  const exact = new Set(paths.map(({ e }) => e.path[0]));
  const assigned = new Set(paths.filter(({ e }) => e.kind === 'value').map(({ p }) => p[0]));
  const last = sets[sets.length - 1];
  return {
    syntax: last.syntax,
    file: last.file,
    has: (suffix) => match(suffix).length > 0,
    top: (key) => tops.has(norm(key)),
    topExact: (key) => exact.has(key),
    topAssigned: (key) => assigned.has(norm(key)),
    value: (suffix) => match(suffix).pop()?.e.value,
    imports: sets.flatMap((s) => s.imports ?? []),
  };
}

type Row = [FactKey, FactValue, string];
const any = (s: Signature, ...k: string[]) => k.some((x) => s.has(x));
const tops = (s: Signature, ...k: string[]) => k.some((x) => s.top(x));

export const FRAMEWORKS: Framework[] = [
  {
    id: 'torchtitan',
    label: 'torchtitan job config',
    src: 'torchtitan',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'toml' &&
      (any(s, 'training.mixed_precision_param', 'parallelism.data_parallel_shard_degree') ||
        (s.top('job') && s.top('training') && tops(s, 'parallelism', 'model', 'checkpoint'))),
    defaults: () => [
      ['precision', 'bf16', 'training.mixed_precision_param defaults to "bfloat16" (FSDP computes in bf16)'],
      ['periodic_save', 'no', 'checkpoint.enable_checkpoint defaults to false: no checkpoint is written'],
      ['grad_checkpointing', true, 'activation_checkpoint.mode defaults to "selective"'],
      ['compile', false, 'compile is off by default'],
      ['seq_len', 2048, 'training.seq_len defaults to 2048'],
      ['max_steps', 10000, 'training.steps defaults to 10000'],
    ],
  },
  {
    id: 't5x',
    label: 'T5X gin config',
    src: 't5x',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'gin' &&
      any(
        s,
        'train_script.train.total_steps',
        'savecheckpointconfig.period',
        'pjitpartitioner.num_partitions',
        'train_steps',
        'utils.datasetconfig.batch_size',
      ),
    defaults: () => [['precision', 'bf16', 'T5X models compute activations in bfloat16 unless the gin sets dtype']],
  },
  {
    // PySlowFast (yacs, and its forks such as TimeSformer): `TRAIN.BATCH_SIZE` is the batch over the machine's
    // `NUM_GPUS` (its loader gives each GPU BATCH_SIZE / NUM_GPUS), `SOLVER.OPTIMIZING_METHOD` the optimizer.
    id: 'pyslowfast',
    label: 'PySlowFast config',
    src: 'pyslowfast',
    modality: 'vision',
    detect: (s) =>
      s.syntax === 'yaml' &&
      s.topExact('TRAIN') &&
      s.topExact('SOLVER') &&
      (any(s, 'solver.optimizing_method', 'data_loader.num_workers', 'train.checkpoint_period', 'num_shards') ||
        // Video forks (TimeSformer, MViT): clips of `DATA.NUM_FRAMES` frames.
        (any(s, 'train.batch_size') && any(s, 'data.num_frames', 'data.sampling_rate'))),
    defaults: (f) => [
      ['optimizer', 'sgd', 'SOLVER.OPTIMIZING_METHOD defaults to "sgd"'],
      ['grad_accum', 1, 'the trainer steps the optimizer after every batch (no gradient accumulation)'],
      ...(f.has('precision')
        ? []
        : ([['precision', 'fp32', 'no mixed precision unless TRAIN.MIXED_PRECISION']] as Row[])),
    ],
  },
  {
    id: 'detectron2',
    label: 'detectron2 config',
    src: 'detectron2',
    modality: 'vision',
    detect: (s) =>
      // `_BASE_` names one file in detectron2 (a list is PaddleDetection's).
      (s.syntax === 'yaml' &&
        // detectron2's schema (detectron2/config/defaults.py) has no `TRAIN` node, and its yacs merge rejects a key
        // the schema lacks: a YAML with one is another project's own yacs schema (PySlowFast's video configs,
        // ./frameworks-jobs.ts; SegmenTron's `TRAIN.EPOCHS`), whose defaults are not detectron2's.
        !s.topExact('TRAIN') &&
        (s.topExact('SOLVER') ||
          (s.topExact('_BASE_') && typeof s.value('_BASE_') === 'string') ||
          (s.topExact('MODEL') && (s.topExact('INPUT') || s.topExact('DATASETS'))))) ||
      (s.syntax === 'python' && any(s, '_c.solver.max_iter', '_c.solver.ims_per_batch', 'cfg.solver.ims_per_batch')),
    defaults: () => [
      ['global_batch', 16, 'SOLVER.IMS_PER_BATCH defaults to 16 (images per step over all GPUs)'],
      ['max_steps', 40000, 'SOLVER.MAX_ITER defaults to 40000'],
      ['precision', 'fp32', 'SOLVER.AMP.ENABLED defaults to False: fp32 training'],
      ['save_steps', 5000, 'SOLVER.CHECKPOINT_PERIOD defaults to 5000 iterations'],
      ['num_workers', 4, 'DATALOADER.NUM_WORKERS defaults to 4'],
      ['grad_accum', 1, 'the trainers step the optimizer after every batch (no gradient accumulation)'],
    ],
  },
  {
    id: 'detectron2-lazy',
    label: 'detectron2 LazyConfig',
    src: 'lazyconfig',
    modality: 'vision',
    detect: (s) =>
      s.syntax === 'python' &&
      (s.imports.some((i) => /^detectron2\.config|common\.train$|^\.\.?common/.test(i)) ||
        any(s, 'dataloader.train.total_batch_size')) &&
      any(
        s,
        'train.max_iter',
        'dataloader.train.total_batch_size',
        'train.amp.enabled',
        'optimizer.lr',
        'train.init_checkpoint',
      ),
    defaults: (_f, s) =>
      s.imports.some((i) => /common\.train$/.test(i))
        ? [
            ['precision', 'fp32', 'train.amp.enabled defaults to False (configs/common/train.py)'],
            ['save_steps', 5000, 'train.checkpointer.period defaults to 5000 (configs/common/train.py)'],
          ]
        : [],
  },
  {
    id: 'mmengine',
    label: 'OpenMMLab (mmengine) config',
    src: 'mmengine',
    modality: 'vision',
    // Its keys as a config assigns them: a training script that declares `--optimizer_config` or `--train_cfg` as
    // options (EveryDream2trainer's train.py, an argparse default) is no mmengine config.
    detect: (s) =>
      s.syntax === 'python' &&
      (s.topAssigned('_base_') ||
        [
          'train_cfg',
          'train_dataloader',
          'optim_wrapper',
          'default_hooks',
          'checkpoint_config',
          'optimizer_config',
        ].some((k) => s.topAssigned(k)) ||
        any(s, 'data.samples_per_gpu', 'runner.max_epochs', 'runner.max_iters')),
    // Applied only when every `_base_` file was read (vocab-run.ts): a base may choose AmpOptimWrapper.
    defaults: (f) => [
      ...(f.has('precision')
        ? []
        : ([['precision', 'fp32', 'no AmpOptimWrapper (or fp16 = dict(...)): OptimWrapper trains in fp32']] as Row[])),
      ['grad_accum', 1, 'optim_wrapper.accumulative_counts defaults to 1 (no gradient accumulation)'],
    ],
  },
  {
    id: 'ultralytics',
    label: 'Ultralytics training',
    src: 'ultralytics',
    modality: 'vision',
    detect: (s) =>
      (s.syntax === 'python' &&
        s.imports.some((i) => /^ultralytics\b/.test(i)) &&
        (any(s, 'train.epochs', 'train.data', 'train.imgsz', 'train.batch') ||
          // `model.train(data=str(cfg), epochs=args.epochs, …)`: values read from elsewhere, beside train settings of
          // Ultralytics' own (https://docs.ultralytics.com/modes/train/#train-settings) written as literals.
          any(s, ...ULTRALYTICS_TRAIN_ONLY))) ||
      // A `model.train(cfg=...)` / `yolo train cfg=...` file: image size, a run length or batch, a model or dataset
      // (`mode: predict` and other modes are not training).
      (s.syntax === 'yaml' &&
        s.top('imgsz') &&
        tops(s, 'epochs', 'batch') &&
        tops(s, 'model', 'data', 'task') &&
        !/^(predict|val|export|track|benchmark)$/i.test(String(s.value('mode') ?? 'train'))) ||
      // A launcher running the `yolo` CLI (`yolo detect train data=x.yaml epochs=50 batch=16`,
      // https://docs.ultralytics.com/usage/cli/): its `key=value` arguments are the train settings. The shell reader
      // drops `yolo` commands of other modes (`yolo predict`, `yolo val`), so a program `yolo` seen here trains.
      (s.syntax === 'shell' && s.imports.includes('yolo') && tops(s, 'epochs', 'batch', 'imgsz', 'data', 'model')),
    defaults: (_f, s) => [
      ['epochs', 100, 'epochs defaults to 100'],
      ['global_batch', 16, 'batch defaults to 16 images per step over all GPUs'],
      // AMP runs on CUDA only: check_amp returns False for a model on the CPU or MPS ("AMP only used on CUDA devices",
      // ultralytics/utils/checks.py `check_amp`, called by ultralytics/engine/trainer.py `_setup_train`).
      ultralyticsOffCuda(s.value('device'))
        ? [
            'precision',
            'fp32',
            `device=${String(s.value('device'))}: amp is used on CUDA only, so training runs in fp32`,
          ]
        : ['precision', 'fp16', 'amp defaults to True: automatic mixed precision (fp16 autocast)'],
      ['num_workers', 8, 'workers defaults to 8 per process'],
      [
        'periodic_save',
        'epoch',
        'last.pt and best.pt are written every epoch (save_period=-1 adds no numbered checkpoints)',
      ],
    ],
  },
  {
    id: 'olmo',
    label: 'OLMo training config',
    src: 'olmo',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'yaml' &&
      any(s, 'global_train_batch_size', 'device_train_microbatch_size') &&
      any(s, 'model.d_model', 'model.n_layers') &&
      !s.top('max_seq_len') &&
      any(s, 'model.max_sequence_length', 'save_folder', 'data.paths', 'save_interval'),
  },
  {
    id: 'llm-foundry',
    label: 'llm-foundry (Composer) config',
    src: 'composer',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'yaml' &&
      any(s, 'global_train_batch_size', 'device_train_microbatch_size') &&
      // Its YAML alone, or as the `parameters:` of a MosaicML platform run spec.
      (tops(s, 'max_seq_len', 'train_loader', 'variables') ||
        any(s, 'parameters.max_seq_len', 'parameters.variables.max_seq_len', 'parameters.train_loader.name')),
    // Composer writes checkpoints only into a `save_folder` (llm-foundry's train config defaults it to None).
    defaults: (_f, s) =>
      any(s, 'save_folder', 'checkpoint_saver.folder', 'checkpoint_saver.save_interval')
        ? []
        : [
            [
              'periodic_save',
              'no',
              'no save_folder: Composer writes no checkpoint (save_interval alone saves nothing)',
            ],
          ],
  },
  {
    id: 'litgpt',
    label: 'LitGPT config',
    src: 'litgpt',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'yaml' &&
      tops(s, 'checkpoint_dir', 'model_name', 'model_config', 'out_dir') &&
      any(s, 'train.micro_batch_size', 'train.global_batch_size', 'train.max_tokens', 'train.epochs'),
    defaults: (f, s) => [
      ['precision', 'bf16', 'precision unset: LitGPT picks "bf16-mixed" on GPUs with bf16 ("16-mixed" otherwise)'],
      ['save_steps', 1000, 'train.save_interval defaults to 1000 steps'],
      // A pre-training config (`train.max_tokens`, which litgpt/pretrain.py requires, and no `checkpoint_dir`, which
      // finetuning requires): pretrain.py compiles the model unconditionally (`model = torch.compile(model)` in main(),
      // https://github.com/Lightning-AI/litgpt/blob/main/litgpt/pretrain.py).
      ...(any(s, 'train.max_tokens') && !tops(s, 'checkpoint_dir')
        ? ([['compile', true, 'litgpt pretrain compiles the model (torch.compile) unconditionally']] as Row[])
        : []),
      ...(f.has('epochs') || f.has('max_steps') || f.has('train_tokens')
        ? []
        : ([['epochs', 1, 'train.epochs defaults to 1 (finetuning)']] as [FactKey, FactValue, string][])),
    ],
  },
  {
    id: 'gpt-neox',
    label: 'GPT-NeoX config',
    src: 'neox',
    modality: 'text',
    detect: (s) =>
      (s.syntax === 'yaml' || s.syntax === 'json') &&
      any(s, 'num_layers', 'num-layers') &&
      any(s, 'train_iters', 'train-iters') &&
      any(s, 'hidden_size', 'hidden-size'),
    defaults: (_f, s) => [
      ['num_workers', 2, 'num_workers defaults to 2 data loader workers (neox_args.py)'],
      // DeepSpeed derives the accumulation from `train_batch_size` when that is given with the micro-batch.
      ...(any(s, 'train_batch_size', 'train-batch-size')
        ? []
        : ([['grad_accum', 1, 'gradient_accumulation_steps defaults to 1 (deepspeed_args.py)']] as Row[])),
    ],
  },
  {
    id: 'megatron',
    label: 'Megatron-LM arguments',
    src: 'megatron',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'shell' &&
      any(s, 'micro_batch_size', 'global_batch_size') &&
      any(s, 'train_iters', 'train_samples', 'num_layers', 'tensor_model_parallel_size'),
    defaults: (f) => [
      ['precision', 'fp32', 'neither --bf16 nor --fp16: Megatron-LM trains in fp32'],
      // `--optimizer adam` is the default, built as apex FusedAdam / torch AdamW (decoupled weight decay).
      ['optimizer', 'adamw', '--optimizer defaults to adam (FusedAdam with decoupled weight decay: AdamW)'],
      ['num_workers', 2, '--num-workers defaults to 2 data loader workers'],
      [
        'grad_checkpointing',
        false,
        'no --recompute-granularity / --recompute-activations: no activation recomputation',
      ],
      ...(f.has('save_steps')
        ? []
        : ([['periodic_save', 'no', 'no --save-interval: no periodic checkpoint']] as [FactKey, FactValue, string][])),
    ],
  },
  {
    id: 'nemo',
    label: 'NeMo config',
    src: 'nemo',
    modalityOf: (s) =>
      any(s, 'model.sample_rate', 'model.train_ds.sample_rate', 'model.preprocessor.sample_rate') ? 'audio' : undefined,
    detect: (s) =>
      s.syntax === 'yaml' &&
      s.top('trainer') &&
      s.top('model') &&
      (s.top('exp_manager') ||
        any(s, 'model.micro_batch_size', 'exp_manager.checkpoint_callback_params.every_n_train_steps')),
  },
  {
    id: 'levanter',
    label: 'Levanter config',
    src: 'levanter',
    modality: 'text',
    detect: (s) =>
      s.syntax === 'yaml' && any(s, 'trainer.mp', 'trainer.per_device_parallelism', 'trainer.model_axis_size'),
  },
  {
    id: 'timm',
    label: 'timm training arguments',
    src: 'timm',
    modality: 'vision',
    detect: (s) =>
      (s.syntax === 'yaml' &&
        s.top('model') &&
        s.top('batch_size') &&
        tops(s, 'aa', 'smoothing', 'mixup', 'reprob', 'drop_path', 'model_ema')) ||
      (s.syntax === 'python' &&
        s.imports.some((i) => /^timm\b/.test(i)) &&
        any(s, 'batch_size') &&
        any(s, 'amp', 'model')),
    defaults: (f) => [
      ...(f.has('precision') ? [] : ([['precision', 'fp32', 'no --amp: timm train.py trains in fp32']] as Row[])),
      ['grad_accum', 1, '--grad-accum-steps defaults to 1'],
      ['periodic_save', 'epoch', 'the CheckpointSaver of train.py writes a checkpoint after every epoch'],
    ],
  },
  {
    id: 'diffusers',
    label: 'diffusers/accelerate training script',
    src: 'diffusers',
    detect: (s) =>
      s.syntax === 'python' &&
      s.imports.some((i) => /^(diffusers|accelerate)\b/.test(i)) &&
      any(s, 'train_batch_size') &&
      any(s, 'mixed_precision'),
  },
  ...MORE_FRAMEWORKS,
  ...JOB_FRAMEWORKS,
  ...PY_FRAMEWORKS,
];

/** The framework a set of entries belongs to (the file's own, with its bases), if any. */
export function detectFramework(sets: EntrySet[]): Framework | undefined {
  if (!sets.length) return undefined;
  const s = signature(sets);
  return FRAMEWORKS.find((f) => {
    try {
      return f.detect(s);
    } catch {
      return false;
    }
  });
}

export const defaultNote = (f: Framework, note: string) => `${f.label}: ${note} (${cite(f.src)})`;

/** `model.train(...)` arguments only Ultralytics' trainer takes (its train settings; not `epochs`/`device`/`batch`). */
const ULTRALYTICS_TRAIN_ONLY = [
  'train.imgsz',
  'train.patience',
  'train.close_mosaic',
  'train.mosaic',
  'train.hsv_h',
  'train.fliplr',
  'train.lr0',
  'train.lrf',
  'train.nbs',
  'train.cos_lr',
  'train.exist_ok',
  'train.save_period',
  'train.single_cls',
  'train.rect',
];

/** An Ultralytics `device` that is not CUDA (`'cpu'`, `'mps'`): one where its AMP check turns mixed precision off. */
function ultralyticsOffCuda(device: unknown): boolean {
  return typeof device === 'string' && /^\s*(cpu|mps)\s*$/i.test(device);
}
