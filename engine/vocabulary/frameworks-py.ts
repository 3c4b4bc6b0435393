// Frameworks whose configs are Python code (a `Trainer(...)` call, a config builder, a `get_config()` returning a
// ConfigDict), recognised from imports and keys; same contract as ./frameworks.ts. Their defaults are added only where
// the vocabulary alone would be wrong and the framework documents its own.
import type { FactKey, FactValue } from '../types';
import type { Framework, Signature } from './frameworks';

const any = (s: Signature, ...k: string[]) => k.some((x) => s.has(x));
const imports = (s: Signature, re: RegExp) => s.imports.some((i) => re.test(i));

export const PY_FRAMEWORKS: Framework[] = [
  {
    // MosaicML Composer: `Trainer(max_duration="30ep", precision=...)` in a script.
    id: 'composer',
    label: 'Composer Trainer',
    src: 'composer-numerics',
    detect: (s) =>
      s.syntax === 'python' && imports(s, /^composer\b/) && any(s, 'trainer.max_duration', 'trainer.train_dataloader'),
    defaults: (f, s) => {
      const out: [FactKey, FactValue, string][] = [];
      if (!f.has('precision')) {
        const device = s.value('trainer.device');
        // "If the precision argument is not specified, the Trainer defaults to using amp_fp16 on GPU and fp32 on CPU."
        if (device === 'gpu') out.push(['precision', 'fp16', 'precision unset on device="gpu": amp_fp16']);
        else if (device === 'cpu') out.push(['precision', 'fp32', 'precision unset on device="cpu": fp32']);
        else
          out.push([
            'precision',
            null,
            'precision unset and the device not fixed: amp_fp16 on a GPU, fp32 on a CPU (unknown here)',
          ]);
      }
      if (!f.has('periodic_save') && !f.has('save_steps') && !any(s, 'trainer.save_folder'))
        out.push(['periodic_save', 'no', 'no save_folder: no checkpoint is written']);
      else if (!f.has('periodic_save') && !f.has('save_steps'))
        out.push(['periodic_save', 'epoch', 'save_folder set, save_interval defaults to "1ep"']);
      return out;
    },
  },
  {
    // OLMo-core: config builders (`TransformerConfig.llama2_1B()`, `TrainerConfig(...)`) in a launch script;
    // batch sizes are in tokens (./olmo-core.ts turns them into sequences).
    id: 'olmo-core',
    label: 'OLMo-core training script',
    src: 'olmo-core',
    modality: 'text',
    detect: (s) => s.syntax === 'python' && imports(s, /^olmo_core\b/),
  },
  {
    // DI-engine (ding) experiment configs: `main_config`/`create_config` dicts run by `serial_pipeline` in one process.
    // The policy's defaults (ding/policy/base_policy.py): `cuda=False`, `multi_gpu=False` (data-parallel only when set);
    // the learner saves a checkpoint every `save_ckpt_after_iter=10000` iterations (ding/worker/learner/base_learner.py);
    // the serial pipeline stops when the evaluator's return reaches `env.stop_value` (ding/entry/serial_entry.py). The
    // policies build no autocast or gradient scaler, and step their optimizer once per sampled batch.
    id: 'di-engine',
    label: 'DI-engine config',
    src: 'di-engine',
    detect: (s) =>
      s.syntax === 'python' &&
      imports(s, /^ding\b/) &&
      any(s, 'policy.learn.batch_size', 'policy.learn.update_per_collect'),
    defaults: (f, s) => {
      const out: [FactKey, FactValue, string][] = [
        ['precision', 'fp32', 'DI-engine policies train in fp32 (no autocast or gradient scaler)'],
        ['grad_accum', 1, 'one optimizer step per sampled batch'],
      ];
      if (s.value('policy.cuda') === true && s.value('policy.multi_gpu') !== true && !f.has('devices'))
        out.push(['devices', 1, 'policy.cuda on and multi_gpu off (its default): one process on one GPU']);
      if (!f.has('save_steps') && !f.has('periodic_save') && !any(s, 'hook.save_ckpt_after_iter'))
        out.push(['save_steps', 10000, 'the learner saves a checkpoint every 10000 iterations (save_ckpt_after_iter)']);
      if (any(s, 'env.stop_value') && !f.has('early_stopping'))
        out.push(['early_stopping', true, 'the pipeline stops once the evaluation return reaches env.stop_value']);
      return out;
    },
  },
  {
    // ml_collections `get_config()` for JAX/Flax trainers (Flax examples, big_vision, scenic): `batch_size` is the
    // global batch, split over every device by the trainer.
    id: 'mlcollections',
    label: 'ml_collections config (JAX)',
    src: 'mlcollections',
    detect: (s) =>
      s.syntax === 'python' &&
      imports(s, /^ml_collections\b/) &&
      any(
        s,
        'batch_size',
        'input.batch_size',
        'num_epochs',
        'total_epochs',
        'total_steps',
        'num_train_steps',
        'batch_size_train',
        'num_steps_train',
      ),
  },
];
