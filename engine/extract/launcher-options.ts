// The option words of launcher commands (torchrun, deepspeed, accelerate, mpirun, python): which options take no
// value, and the scan of the options before the script a command runs. Used by ./launcher.ts.
import type { Word } from '../parse/shell';

export const BOOL_OPTS: Record<string, Set<string>> = {
  torchrun: new Set([
    '--standalone',
    '--no-python',
    '--no_python',
    '--run-path',
    '--run_path',
    '--use_env',
    '--use-env',
    '--module',
    '-m',
  ]),
  deepspeed: new Set([
    '--module',
    '--no_python',
    '--no_local_rank',
    '--force_multi',
    '--elastic_training',
    '--bind_cores_to_rank',
    '--enable_each_rank_log',
    '--save_pid',
    '--no_ssh',
    '--no_ssh_check',
  ]),
  accelerate: new Set([
    '--multi_gpu',
    '--cpu',
    '--use_deepspeed',
    '--use_fsdp',
    '--use_megatron_lm',
    '--tpu',
    '--module',
    '-m',
    '--no_python',
    '--debug',
    '--quiet',
    '-q',
    '--same_network',
    '--use_xpu',
  ]),
  // MosaicML's `composer` launcher: switches that take no value (composer --help, 0.2x).
  composer: new Set(['-v', '--verbose', '-m', '--module_mode', '-c', '--command_mode', '--standalone']),
  python: new Set(['-u', '-O', '-OO', '-B', '-b', '-E', '-s', '-S', '-I', '-q', '-v', '-m']),
  srun: new Set([
    '--exclusive',
    '--pty',
    '--unbuffered',
    '-u',
    '-l',
    '--label',
    '--overlap',
    '--kill-on-bad-exit',
    '-K',
    '--allow-run-as-root',
    '--oversubscribe',
    '--tag-output',
    '--verbose',
  ]),
};

/**
 * torchrun's long options, spelled with underscores (torch/distributed/run.py `get_args_parser`). Its parser is a plain
 * `argparse.ArgumentParser`, which accepts any unambiguous prefix of a long option (`--nnode 2` is `--nnodes 2`;
 * Python's argparse documentation, "allow_abbrev").
 */
const TORCHRUN_LONG = [
  '--nnodes',
  '--nproc_per_node',
  '--rdzv_backend',
  '--rdzv_endpoint',
  '--rdzv_id',
  '--rdzv_conf',
  '--standalone',
  '--max_restarts',
  '--monitor_interval',
  '--start_method',
  '--event_log_handler',
  '--role',
  '--module',
  '--no_python',
  '--run_path',
  '--log_dir',
  '--redirects',
  '--tee',
  '--local_ranks_filter',
  '--node_rank',
  '--master_addr',
  '--master_port',
  '--local_addr',
  '--logs_specs',
  '--use_env',
];

/** A torchrun option given in full or by an unambiguous prefix (argparse's abbreviations). */
export function torchrunOpt<T>(opts: Map<string, T>, full: string): T | undefined {
  const given = opts.get(full);
  if (given !== undefined) return given;
  for (const [name, v] of opts) {
    if (name.length < 4 || !full.startsWith(name)) continue;
    if (TORCHRUN_LONG.filter((o) => o.startsWith(name)).length === 1) return v;
  }
  return undefined;
}

/** mpirun `-mca <param> <value>`: two words, the second not the command (docs.open-mpi.org, mpirun(1), v5.0). */
const MPI_PAIR_OPTS = new Set(['-mca', '--mca', '-gmca', '--gmca']);
export const isPython = (w: string) => /(^|\/)python(\d(\.\d+)?)?$/.test(w);

/** Option words before the target: name → value word (undefined for boolean flags). */
export function scanOptions(
  text: string,
  words: Word[],
  i: number,
  bools: Set<string>,
): { opts: Map<string, { value?: Word; word: Word }>; next: number } {
  const opts = new Map<string, { value?: Word; word: Word }>();
  while (
    i < words.length &&
    words[i].text.startsWith('-') &&
    words[i].text !== '-' &&
    words[i].text !== '-m' &&
    words[i].text !== '--module'
  ) {
    const w = words[i];
    const eq = w.text.indexOf('=');
    if (eq > 0) {
      const rawEq = text.slice(w.span.start, w.span.end).indexOf('=');
      const valueWord: Word = {
        ...w,
        text: w.text.slice(eq + 1),
        span: { start: w.span.start + rawEq + 1, end: w.span.end },
      };
      opts.set(w.text.slice(0, eq).replace(/-/g, '_').replace(/^__?/, '--'), { value: valueWord, word: w });
      i++;
    } else if (MPI_PAIR_OPTS.has(w.text)) {
      opts.set(w.text.replace(/-/g, '_').replace(/^__?/, '--'), { value: words[i + 2], word: w });
      i += 3;
    } else if (bools.has(w.text)) {
      opts.set(w.text.replace(/-/g, '_').replace(/^__?/, '--'), { word: w });
      i++;
    } else {
      opts.set(w.text.replace(/-/g, '_').replace(/^__?/, '--'), { value: words[i + 1], word: w });
      i += 2;
    }
  }
  return { opts, next: i };
}
