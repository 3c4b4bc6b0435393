// Optimizer classes and functions of the libraries training scripts build them from, and the name the `optimizer`
// fact takes for each (lower case, Hugging Face `optim` spelling where one exists, so `adamw` means the same thing
// whatever library built it). Read by ../extract/python-optimizer.ts. Each row names where its library documents it
// and, where a class's default changes what it computes, that default (apex and DeepSpeed `FusedAdam` default to
// decoupled weight decay: AdamW).

export interface OptimizerSource {
  url: string;
  year: number;
}

export const OPTIMIZER_SOURCES = {
  torch: { url: 'https://pytorch.org/docs/stable/optim.html#algorithms', year: 2025 },
  keras: { url: 'https://keras.io/api/optimizers/', year: 2025 },
  optax: { url: 'https://optax.readthedocs.io/en/latest/api/optimizers.html', year: 2025 },
  'optax-transforms': { url: 'https://optax.readthedocs.io/en/latest/api/transformations.html', year: 2025 },
  bnb: { url: 'https://huggingface.co/docs/bitsandbytes/main/en/reference/optim/adamw', year: 2025 },
  apex: { url: 'https://nvidia.github.io/apex/optimizers.html', year: 2024 },
  deepspeed: { url: 'https://deepspeed.readthedocs.io/en/latest/optimizers.html', year: 2025 },
  timm: { url: 'https://huggingface.co/docs/timm/reference/optimizers', year: 2025 },
  transformers: { url: 'https://huggingface.co/docs/transformers/main_classes/optimizer_schedules', year: 2025 },
  'torch-optimizer': { url: 'https://pytorch-optimizer.readthedocs.io/en/latest/api.html', year: 2024 },
  lion: { url: 'https://github.com/lucidrains/lion-pytorch', year: 2024 },
  composer: {
    url: 'https://docs.mosaicml.com/projects/composer/en/stable/api_reference/composer.optim.html',
    year: 2024,
  },
  nemo: {
    url: 'https://docs.nvidia.com/nemo-framework/user-guide/latest/nemotoolkit/core/core.html#optimizers',
    year: 2024,
  },
  mmf: { url: 'https://mmf.sh/docs/notes/configuration/', year: 2023 },
  scenic: { url: 'https://github.com/google-research/scenic/blob/main/scenic/train_lib/optimizers.py', year: 2024 },
  tf1: { url: 'https://www.tensorflow.org/api_docs/python/tf/compat/v1/train', year: 2024 },
  'tf1-contrib': { url: 'https://github.com/tensorflow/tensorflow/tree/r1.15/tensorflow/contrib/opt', year: 2019 },
} satisfies Record<string, OptimizerSource>;

type Src = keyof typeof OPTIMIZER_SOURCES;

/** Class or function name (as written, case-insensitive) → the optimizer fact's value, with its source. */
const ROWS: [string, string, Src][] = [
  // torch.optim (also the names keras.optimizers and torch-optimizer use for the same algorithms)
  ['SGD', 'sgd', 'torch'],
  ['Adam', 'adam', 'torch'],
  ['AdamW', 'adamw', 'torch'],
  ['Adagrad', 'adagrad', 'torch'],
  ['Adadelta', 'adadelta', 'torch'],
  ['Adamax', 'adamax', 'torch'],
  ['NAdam', 'nadam', 'torch'],
  ['RAdam', 'radam', 'torch'],
  ['RMSprop', 'rmsprop', 'torch'],
  ['Rprop', 'rprop', 'torch'],
  ['ASGD', 'asgd', 'torch'],
  ['LBFGS', 'lbfgs', 'torch'],
  ['SparseAdam', 'adam_sparse', 'torch'],
  ['Adafactor', 'adafactor', 'torch'],
  ['Muon', 'muon', 'torch'],
  // Keras-only names
  ['Ftrl', 'ftrl', 'keras'],
  ['Lion', 'lion', 'keras'],
  ['Lamb', 'lamb', 'timm'],
  ['LAMB', 'lamb', 'timm'],
  ['Lars', 'lars', 'timm'],
  ['LARS', 'lars', 'timm'],
  ['AdaBelief', 'adabelief', 'torch-optimizer'],
  ['Adan', 'adan', 'timm'],
  ['NovoGrad', 'novograd', 'torch-optimizer'],
  ['Yogi', 'yogi', 'torch-optimizer'],
  ['Ranger', 'ranger', 'torch-optimizer'],
  ['Shampoo', 'shampoo', 'torch-optimizer'],
  // optax functions
  ['sgd', 'sgd', 'optax'],
  ['adam', 'adam', 'optax'],
  ['adamw', 'adamw', 'optax'],
  ['adamax', 'adamax', 'optax'],
  ['adamaxw', 'adamaxw', 'optax'],
  ['adafactor', 'adafactor', 'optax'],
  ['adagrad', 'adagrad', 'optax'],
  ['adabelief', 'adabelief', 'optax'],
  ['adadelta', 'adadelta', 'optax'],
  ['lamb', 'lamb', 'optax'],
  ['lars', 'lars', 'optax'],
  ['lion', 'lion', 'optax'],
  ['nadam', 'nadam', 'optax'],
  ['nadamw', 'nadamw', 'optax'],
  ['radam', 'radam', 'optax'],
  ['rmsprop', 'rmsprop', 'optax'],
  ['novograd', 'novograd', 'optax'],
  ['yogi', 'yogi', 'optax'],
  ['sm3', 'sm3', 'optax'],
  ['noisy_sgd', 'sgd', 'optax'],
  // bitsandbytes (Hugging Face `optim` spellings)
  ['Adam8bit', 'adam_8bit', 'bnb'],
  ['AdamW8bit', 'adamw_8bit', 'bnb'],
  ['PagedAdamW', 'paged_adamw', 'bnb'],
  ['PagedAdamW8bit', 'paged_adamw_8bit', 'bnb'],
  ['PagedAdamW32bit', 'paged_adamw_32bit', 'bnb'],
  ['Lion8bit', 'lion_8bit', 'bnb'],
  ['SGD8bit', 'sgd_8bit', 'bnb'],
  // apex / DeepSpeed fused kernels: FusedAdam and DeepSpeedCPUAdam default to adam_w_mode=True (AdamW)
  ['FusedAdam', 'adamw', 'apex'],
  ['FusedLAMB', 'lamb', 'apex'],
  ['FusedSGD', 'sgd', 'apex'],
  ['DeepSpeedCPUAdam', 'adamw', 'deepspeed'],
  ['DeepSpeedCPUAdagrad', 'adagrad', 'deepspeed'],
  ['OnebitAdam', 'adam', 'deepspeed'],
  // TensorFlow 1 `tf.train.*Optimizer` (tf.compat.v1.train); MomentumOptimizer is SGD with momentum
  ['AdamOptimizer', 'adam', 'tf1'],
  ['GradientDescentOptimizer', 'sgd', 'tf1'],
  ['MomentumOptimizer', 'sgd', 'tf1'],
  ['RMSPropOptimizer', 'rmsprop', 'tf1'],
  ['AdagradOptimizer', 'adagrad', 'tf1'],
  ['AdadeltaOptimizer', 'adadelta', 'tf1'],
  ['FtrlOptimizer', 'ftrl', 'tf1'],
  ['ProximalGradientDescentOptimizer', 'sgd', 'tf1'],
  ['ProximalAdagradOptimizer', 'adagrad', 'tf1'],
  ['AdagradDAOptimizer', 'adagrad', 'tf1'],
  // Keras spells NAdam `Nadam` (keras.optimizers.Nadam); TF1's contrib optimizers: AdamW (decoupled decay), LazyAdam
  // (Adam updating only the rows a sparse gradient touches).
  ['Nadam', 'nadam', 'keras'],
  ['AdamWOptimizer', 'adamw', 'tf1-contrib'],
  ['LazyAdamOptimizer', 'adam', 'tf1-contrib'],
];

/**
 * Names configs give optimizers in a framework's registry (matched lower case, `-` as `_`): Composer's decoupled
 * AdamW/SGDW, MMF's `adam_w`, NeMo's apex-backed `fused_adam` / `distributed_fused_adam` (adam_w_mode on by
 * default), OpenNMT-py's `fusedadam` (no weight decay: Adam), Scenic's and Flax's `momentum` (SGD with momentum).
 */
const CONFIG_NAMES: [string, string, Src][] = [
  ['decoupled_adamw', 'adamw', 'composer'],
  ['decoupled_sgdw', 'sgd', 'composer'],
  ['adam_w', 'adamw', 'mmf'],
  ['fused_adam', 'adamw', 'nemo'],
  ['distributed_fused_adam', 'adamw', 'nemo'],
  ['fusedadam', 'adam', 'apex'],
  ['momentum', 'sgd', 'scenic'],
  ['nesterov', 'sgd', 'scenic'],
];

const BY_NAME = new Map(ROWS.map(([n, v]) => [n.toLowerCase(), v]));
const BY_CONFIG_NAME = new Map(CONFIG_NAMES.map(([n, v]) => [n, v]));

/** Names a script may call an optimizer by (for a text search). */
export const OPTIMIZER_NAMES = [...new Set(ROWS.map(([n]) => n))];

/** The optimizer fact's value for a class or function name, if the table knows it. */
export function optimizerName(name: string): string | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/**
 * optax building blocks: a chain of `scale_by_adam` (+ `add_decayed_weights`: AdamW) or of `trace` (momentum) with
 * only a learning-rate scale is the optimizer the same-named alias builds (optax defines `sgd` and `adamw` so).
 */
export const OPTAX_TRANSFORMS: Record<string, string> = {
  scale_by_adam: 'adam',
  scale_by_adamax: 'adamax',
  scale_by_lion: 'lion',
  scale_by_belief: 'adabelief',
  scale_by_rms: 'rmsprop',
  scale_by_yogi: 'yogi',
  scale_by_radam: 'radam',
  scale_by_factored_rms: 'adafactor',
};

/**
 * An optimizer as a config writes it, in the fact's spelling: a class path (`torch.optim.AdamW`,
 * `apex.optimizers.FusedAdam`), a class or function name (`Adam`), a Hydra option named after it (`adamw-apex`).
 * Other strings (Hugging Face's `adamw_torch_fused`, `paged_adamw_8bit`) are kept as written.
 */
export function optimizerValue(v: string): string {
  const s = v.trim();
  const last = s.split(/[.:]/).pop() ?? s;
  const key = s.toLowerCase().replace(/-/g, '_');
  return (
    optimizerName(s) ??
    optimizerName(last) ??
    BY_CONFIG_NAME.get(key) ??
    OPTAX_TRANSFORMS[key] ??
    optimizerName(last.split('-')[0]) ??
    s
  );
}
