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
