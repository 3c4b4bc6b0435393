// One training update, whatever the library: the gradient a step computes and the update it applies. PyTorch's
// `loss.backward()` + `optimizer.step()` is one spelling (./python-scan `isBackwardCall`); the others are
// - TensorFlow 2 / Keras custom loops: `tape.gradient(loss, vars)` + `optimizer.apply_gradients(…)`
//   (https://www.tensorflow.org/guide/autodiff, 2025);
// - JAX: `jax.grad` / `jax.value_and_grad` (also Flax `nnx.value_and_grad`, Equinox `filter_value_and_grad`) +
//   `optax.apply_updates(params, updates)` / `tx.update(grads, state)` / a Flax `TrainState.apply_gradients(grads=…)`
//   (https://optax.readthedocs.io/en/latest/getting_started.html, 2025), or the legacy `flax.optim` optimizer's
//   `optimizer.apply_gradient(grads)` (Flax 0.3, `flax.optim.Optimizer.apply_gradient`,
//   https://flax.readthedocs.io/en/v0.3.6/flax.optim.html, 2021; removed in Flax 0.6 but kept by published repositories);
// - TensorFlow 1 graphs: `optimizer.minimize(loss)` (gradient and update as one op), `tf.gradients` /
//   `compute_gradients`, and the op run in a loop — `sess.run([d_optim, …])`, `sess.run(train_op, feed_dict=…)`
//   (https://github.com/tensorflow/docs/blob/master/site/en/r1/guide/low_level_intro.md, 2019).
// Read from call names and receivers only; nothing is evaluated.
import type { CallSite } from '../parse/python-syntax';

/** Call names that may compute a gradient or apply an update (for finding candidate calls from the text). */
export const UPDATE_CALL_NAMES = [
  'gradient',
  'gradients',
  'compute_gradients',
  'grad',
  'value_and_grad',
  'filter_grad',
  'filter_value_and_grad',
  'apply_gradients',
  'apply_gradient',
  'apply_updates',
  'minimize',
  'update',
  'run',
];

const receiverOf = (c: CallSite) => (c.callee.includes('.') ? c.callee.slice(0, c.callee.lastIndexOf('.')) : '');

/** Receivers that are an optimizer (`optimizer`, `opt`, `tx`, `G_opt`, `tf.train.AdamOptimizer(lr)`). */
const OPTIMIZER_RECEIVER = /(^|[._])(optimi[sz]er\w*|optim\w*|opt|\w+_opt|opt_\w+|tx|solver)$|Optimizer\([^)]*\)$/i;

/** A call that computes gradients: `tape.gradient`, `jax.grad`, `value_and_grad`, `tf.gradients`, `compute_gradients`. */
export function isGradientCall(c: CallSite): boolean {
  const recv = receiverOf(c);
  switch (c.name) {
    case 'gradient':
      return /tape$/i.test(recv);
    case 'grad':
      return /^(jax|nnx|eqx)$/.test(recv);
    case 'value_and_grad':
    case 'filter_grad':
    case 'filter_value_and_grad':
      return true;
    case 'gradients':
      return /^(tf|tf\.compat\.v1)$/.test(recv);
    case 'compute_gradients':
      return OPTIMIZER_RECEIVER.test(recv);
    default:
      return false;
  }
}

/** A call that applies an update: `apply_gradients`, `optax.apply_updates`, `tx.update(grads, …)`, `opt.minimize(loss)`. */
export function isUpdateCall(c: CallSite): boolean {
  const recv = receiverOf(c);
  switch (c.name) {
    case 'apply_gradients':
      return true;
    case 'apply_gradient':
      // Legacy flax.optim: `new_optimizer = state.optimizer.apply_gradient(grad)`; only on an optimizer.
      return OPTIMIZER_RECEIVER.test(recv);
    case 'apply_updates':
      return recv === 'optax' || OPTIMIZER_RECEIVER.test(recv);
    case 'update':
      // optax's `updates, state = tx.update(grads, state, params)`: an optimizer given gradients.
      return OPTIMIZER_RECEIVER.test(recv) && /grad/i.test(c.positional[0]?.text ?? '');
    case 'minimize':
      // Not scipy's `minimize(fun, x0)`: an optimizer's (TF1, Keras) minimize of a loss.
      return OPTIMIZER_RECEIVER.test(recv) && !/optimize$/.test(recv);
    default:
      return false;
  }
}

/**
 * What a TF1 session runs as a training op: `d_optim`, `train_op`, `self.g_optim`, `optimizer`, `G_train_op`, and
 * `opt_op` — the name TensorFlow's own `tf.compat.v1.train.Optimizer` documentation gives the op `minimize` returns
 * (`opt_op = opt.minimize(cost)`, "Execute opt_op to do one step of training",
 * https://www.tensorflow.org/api_docs/python/tf/compat/v1/train/Optimizer, 2024).
 */
const TRAIN_OP = /(^|[^\w])(\w*train_op\w*|\w*train_step\w*|\w*optim\w*|\w*_opt|\w*opt_op\w*|\w*update_op\w*|train)\b/i;

/** `sess.run([d_optim, …], feed_dict=…)`, `tflib.run([G_train_op], …)`: a graph's training op run (inside a loop, by the caller). */
export function isGraphTrainRun(c: CallSite): boolean {
  if (c.name !== 'run' || !/(^|[._])(sess|session|tflib|mon_sess|sv)$/i.test(receiverOf(c))) return false;
  const first = c.positional[0] ?? c.kwargs.get('fetches')?.value;
  return !!first && TRAIN_OP.test(first.text);
}

/**
 * A reinforcement-learning agent's update (`agent.update(batch)`, `self.agent.update(self.replay_buffer, logger,
 * step)`, `policy.update(…)`): the agent computes its gradients and steps its optimizers inside (jaxrl, pytorch_sac,
 * DrQ, tianshou's `policy.update`); in a loop of the script it is one training update per iteration.
 */
export function isAgentUpdate(c: CallSite): boolean {
  return c.name === 'update' && /(^|[._])(\w*agent|\w*learner|policy|algo|algorithm)$/i.test(receiverOf(c));
}
