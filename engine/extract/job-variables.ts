// The variables a scheduler sets before a job script runs, as its directives determine them, for the lines of the
// script that compute with them (`NNODES=$SLURM_NNODES`, `WORLD_SIZE=$((SLURM_NNODES * 8))`, `num_node=$NHOSTS`):
//   - SLURM `#SBATCH` options → `SLURM_NNODES`, `SLURM_JOB_NUM_NODES`, `SLURM_GPUS_ON_NODE`, `SLURM_NTASKS`, … (the
//     output environment variables of sbatch: https://slurm.schedmd.com/sbatch.html#SECTION_OUTPUT-ENVIRONMENT-VARIABLES);
//   - Grid Engine `#$ -l rt_F=N` / `rt_AF=N` on ABCI (a whole compute node per unit: "Full" nodes,
//     https://docs.abci.ai/en/job-execution/) → `NHOSTS`, the number of hosts of the job (Grid Engine qsub(1),
//     ENVIRONMENTAL VARIABLES: "NHOSTS: the number of hosts in use by a parallel job").
// PBS and LSF set no node count in a variable a script reads directly (their host files are read at run time).
import type { Comment } from '../parse/shell';
import { resources, slurmVars } from './scheduler-resources';
import type { SchedOpt } from './scheduler-options';

/** ABCI's whole-node resource types: `rt_F` (V100 nodes), `rt_AF` (A100 nodes). */
const WHOLE_NODE = /(?:^|,)rt_A?F=(\d+)(?=,|$)/;

/** Variable → value (as the shell would see it) for the job this script's directives request. */
export function jobVariables(file: string, comments: Comment[], directives: SchedOpt[]): Map<string, string> {
  const out = new Map<string, string>();
  const slurm = directives.filter((o) => o.text.startsWith('#SBATCH'));
  if (slurm.length) for (const [k, v] of slurmVars(resources(file, slurm))) out.set(k, String(v));
  for (const c of comments) {
    const m = /^#\$\s+(.*)$/.exec(c.text.trim());
    const words = m?.[1].split(/\s+/) ?? [];
    for (let i = 0; i < words.length - 1; i++) {
      const n = words[i] === '-l' ? WHOLE_NODE.exec(words[i + 1])?.[1] : undefined;
      if (n && Number(n) > 0) out.set('NHOSTS', n);
    }
  }
  return out;
}
