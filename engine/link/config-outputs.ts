// Configs that a training script's run must not be given (./config-readers). A config file that makes no run of its
// own becomes the run of the training script that reads it; two kinds of file are named by such a script without
// being read by it, or are read by a script that does other work:
// - a file the script writes: a snapshot of its settings in the run's output folder (`dump_yaml(cfg,
//   os.path.join(exp_dir, "config.yaml"))`), a summary of its metrics (`summary.save("summary.json")`), the
//   configuration of a model it exports (`write_json(out_dir / "model_config.json", …)`). The script is that
//   file's producer: what it holds was decided elsewhere, and running it (it is no program) trains nothing.
// - a config named, or kept in a folder named, for inference, evaluation, export or data (`infer_highperf.yaml`,
//   `experiments/infer/…/config.yaml`, `data.yaml`): it configures a prediction run or a dataset, which a training
//   script may share keys with but which does not say how a model is trained (../vocabulary/training-evidence
//   `vetoByName`, the same names that veto a config's own run).
import { vetoByName } from '../vocabulary/training-evidence';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Calls that write a file: `save(…)`, `json.dump(…)`, `dump_yaml(…)`, `write_text(…)`, `open(p, "w")`. */
const WRITE = /\b\w*(?:save|dump|write)\w*\s*\(|\bopen\s*\([^)\n]*,\s*(?:mode\s*=\s*)?['"][wax]b?\+?['"]/i;
/**
 * Calls that read one: `load(…)`, `read_…(…)`, `from_yaml(…)`, `open(p)` / `open(p, "r")`, `parse(…)`, and an
 * argument's default (`add_argument("--config", default="config.json")`).
 */
const READ =
  /\b\w*(?:load|read|from_?file|from_yaml|from_json|parse|compose|copy|add_argument)\w*\s*\(|\bdefault\s*=|\bopen\s*\((?![^)\n]*,\s*(?:mode\s*=\s*)?['"][wax])/i;

/**
 * True when the script names `base` (a config's file name) only to write it: every line that names it, or uses the
 * variable a path to it is bound to, writes (or only passes the path on), at least one writes, and none reads.
 */
export function writesOnly(text: string, base: string): boolean {
  const named = new RegExp(`['"/]${esc(base)}['"]`);
  const lines = text.split('\n').filter((l) => !/^\s*#/.test(l));
  let writes = 0;
  for (const line of lines.filter((l) => named.test(l))) {
    if (WRITE.test(line) && !READ.test(line)) {
      writes++;
      continue;
    }
    if (READ.test(line)) return false;
    // Named in passing (`{"model_config.json": config_path}`, a log line): neither read nor written. Bound to a
    // variable (`cfg_path = os.path.join(exp_root, "config.yaml")`): what is done with the variable decides.
    const bound = /^\s*(?:self\.)?(\w+)\s*(?::[^=]+)?=(?!=)/.exec(line)?.[1];
    if (!bound) continue;
    const use = new RegExp(`\\b${esc(bound)}\\b`);
    for (const other of lines) {
      if (other === line || !use.test(other)) continue;
      if (READ.test(other)) return false;
      if (WRITE.test(other)) writes++;
    }
  }
  return writes > 0;
}

/** Folders that hold the configs of other work than training (`experiments/infer/2025…/config.yaml`). */
const OTHER_WORK_FOLDER = /^(infer|inference|predict|prediction|eval|evaluation|serving|serve|deploy|export)$/i;

/**
 * True when a config that makes no run of its own is named, or kept in a folder named, for inference, evaluation,
 * export or data: no training script's run is given to it.
 */
export function configOfOtherWork(file: string): boolean {
  const parts = file.replace(/\\/g, '/').split('/');
  if (/(^|[_.-])(train|training|finetune|fine[_-]?tune|pretrain|sft)([_.-]|$)/i.test(parts[parts.length - 1]))
    return false;
  return !!vetoByName(file) || parts.slice(0, -1).some((p) => OTHER_WORK_FOLDER.test(p));
}
