// One optimizer step per update for a run whose update lives in the modules it calls: an RL agent's
// `agent.update(batch)` whose optimizers step in `sac.py`, a learner's jitted update in `learner.py`. The script
// reader cannot see the step (./extract/python-trains-run gives no accumulation default to such loops); the run's
// files can: when one of them shows a training update (PyTorch `backward()` + `step()`, TF2 `tape.gradient` +
// `apply_gradients`, JAX `grad`/`value_and_grad` + an optax, `TrainState` or legacy `flax.optim` update, a TF1 graph's
// `compute_gradients`/`tf.gradients` + `apply_gradients` or `optimizer.minimize(loss)` run by a session) and none of
// them shows accumulation (../extract/code-signs `ACCUMULATION`: `% accum`, `MultiSteps`, `every_k`, `no_sync` …), each update
// is one step: `grad_accum 1`.
import * as path from 'node:path';
import { ACCUMULATION, withoutComments } from '../extract/code-signs';
import type { RunDraft } from '../extract/run-draft';
import type { Linker } from './linker';

const UPDATES: [RegExp, RegExp][] = [
  [/\.backward\s*\(/, /\b\w*opt\w*\.step\s*\(/i],
  [/\btape\.gradient\s*\(/, /\.apply_gradients\s*\(/],
  [
    /\b(value_and_grad|jax\.grad|nnx\.grad)\s*\(/,
    // `optimizer.apply_gradient(grad)`: Flax 0.3's `flax.optim.Optimizer` (./python-update, same source).
    /\.apply_gradients?\s*\(|\bapply_updates\s*\(|\.update\s*\(\s*grads?\b/,
  ],
  // TensorFlow 1 graphs: the op `apply_gradients` or `minimize` returns is one step each time a session runs it
  // (https://www.tensorflow.org/api_docs/python/tf/compat/v1/train/Optimizer, 2024: "Execute opt_op to do one step"),
  // the optimizer held in a name (`opt.minimize(loss)`) or built in place (`tf.train.AdamOptimizer(lr).minimize(loss)`).
  [
    /\.compute_gradients\s*\(|\btf\.gradients\s*\(|\b\w*opt\w*\.minimize\s*\(|\w*Optimizer\s*\([^\n]*\)\s*\.minimize\s*\(/i,
    /\bsess\w*\.run\s*\(/i,
  ],
];

const showsUpdate = (code: string) => UPDATES.some(([grad, step]) => grad.test(code) && step.test(code));

/**
 * How often one part is updated is not accumulation: an RL target network's copy (`target_update_interval`), a
 * delayed actor (`step % actor_update_freq`), an auxiliary loss (`cpc_update_freq`) — each of those updates zeroes
 * its gradients and steps once. (A bare `update_freq` is fairseq's accumulation count and still counts.)
 */
const UPDATE_CADENCE = /\b\w*target_update\w*|\b\w+_update_(freq|frequency|interval|period|every)\w*/gi;
const accumulates = (code: string) =>
  ACCUMULATION.test(code.replace(UPDATE_CADENCE, '')) || TF1_ACCUMULATION.test(code);
/** TF1 accumulation: gradients summed into variables (`accum_vars`, `tf.assign_add(acc, grad)`) and applied later. */
const TF1_ACCUMULATION = /\baccum\w*|\bassign_add\s*\([^)]*grad/i;

/** Sets `grad_accum 1` on the runs of `script` that have none, from the Python files each run is made of. */
export function withUpdateAccumulation(linker: Linker, script: string, drafts: RunDraft[]): void {
  const id = path.resolve(linker.id(script));
  for (const d of drafts) {
    const cur = d.plan.facts.get('grad_accum');
    if (cur && cur.origin !== 'assumed') continue;
    const files = d.plan.files.filter((f) => /\.py$/.test(f));
    if (!files.some((f) => path.resolve(f) === id)) continue;
    const codes = files.map((f) => withoutComments(linker.read(f) ?? ''));
    const where = codes.findIndex(showsUpdate);
    if (where < 0 || codes.some(accumulates)) continue;
    d.plan.facts.set('grad_accum', {
      key: 'grad_accum',
      value: 1,
      origin: 'framework-default',
      file: files[where],
      note: `${path.basename(files[where])} steps the optimizer once per update and no file of the run accumulates gradients`,
    });
  }
}
