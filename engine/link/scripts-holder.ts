import * as path from 'node:path';

/**
 * The folder holding the nearest `scripts/`-like folder above `dir` (`run_scripts`, `shell`, `training_scripts`), or
 * undefined. DeepSpeed-Chat's steps keep launchers in `training_scripts/<model>/<setting>/run_1.3b.sh`, run from the
 * step's folder beside `main.py` (DeepSpeedExamples applications/DeepSpeed-Chat/training/step1_supervised_finetuning
 * README: `bash training_scripts/opt/single_gpu/run_1.3b.sh`).
 */
export function scriptsHolder(dir: string): string | undefined {
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d))
    if (/^(\w+[_-])?(scripts?|shells?)$/i.test(path.basename(d))) return path.dirname(d);
  return undefined;
}
