// A training script that builds its trainer from a config at run time:
//   trainer = hydra.utils.instantiate(cfg.trainer, callbacks=callbacks)      (the Lightning-Hydra template)
//   trainer = Trainer(**cfg.trainer.train_params)
// sets the trainer's precision wherever that config does (`precision: 16-mixed` in configs/trainer/gpu.yaml). Where
// the linker finds the config, its value (or its framework's default) is the run's; where it does not — a config
// group the defaults list names but the tree lacks, a node read from a file passed at launch — the precision is not
// known. The script's own code showing no autocast is then no reason for PyTorch's fp32 default: that would be a
// precision the file does not state, and a false fp32 is a false GML101 (fp32 → bf16) alarm. Hydra's `instantiate`
// builds the `_target_` class with the node's keys as its arguments
// (https://hydra.cc/docs/advanced/instantiate_objects/overview/).
import type { Fact } from '../types';

const HYDRA = /^\s*(?:import\s+hydra\b|from\s+hydra\b|from\s+omegaconf\b|import\s+omegaconf\b)/m;
// `instantiate(cfg.trainer …)`, `hydra.utils.instantiate(config.trainer)`, `instantiate(cfg["trainer"])`.
const INSTANTIATED = /\binstantiate\s*\(\s*\w+(?:\.\w+)*(?:\.trainer\b|\[\s*["']trainer["']\s*\])/;
// `Trainer(**cfg.trainer…)`, `pl.Trainer(**config["trainer"])`: every keyword from the config node.
const SPLAT = /\bTrainer\s*\(\s*(?:[^()]*,\s*)?\*\*\s*\w+(?:\.\w+|\[\s*["']\w+["']\s*\])*/;

/** The precision fact of a script whose trainer a config builds (value unknown, `assumed`); undefined otherwise. */
export function configBuiltTrainer(code: string): Omit<Fact, 'file'> | undefined {
  const m = (HYDRA.test(code) && INSTANTIATED.exec(code)) || SPLAT.exec(code);
  if (!m) return undefined;
  return {
    key: 'precision',
    value: null,
    origin: 'assumed',
    note: `the trainer is built from a config (${m[0].replace(/\s+/g, ' ').trim()}…): its precision is that config's, not read here`,
  };
}
