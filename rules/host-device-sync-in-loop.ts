import type { Rule } from './types';
import { at, written } from './helpers';

/**
 * GML404 host-device-sync-in-loop — `.item()` on every training step.
 */
export const hostDeviceSyncInLoop: Rule = {
  code: 'GML404',
  name: 'host-device-sync-in-loop',
  defaultSeverity: 'information',
  summary: 'A GPU value is read on the host (`.item()`, `print(loss)`) on every training step',
  doc: {
    whatItDoes:
      'Flags a GPU value read on the host on every iteration of a training loop (the loop that runs `backward()` — or ' +
      "Flax's `apply_gradients`, optax's `apply_updates` — " +
      'itself, or calls a step function of the file, not the epoch loop around it) or in a step function run on every ' +
      "step (ignite's `Engine(step)`, Lightning's `training_step`, a Trainer's `compute_loss`), " +
      'outside any `if` that limits it to some steps: `.item()`, `.cpu()` and ' +
      '`.tolist()` of step results, and the loss tensor printed or logged (`print(loss)`, `wandb.log({"loss": loss})`, ' +
      '`writer.add_scalar(..., loss, step)`, `float(loss)`).',
    whyIsThisBad:
      'Reading a GPU tensor on the host waits until every queued kernel has finished: the CPU stops feeding the GPU, ' +
      'which then idles between steps (PyTorch Performance Tuning Guide, "Avoid unnecessary CPU-GPU synchronization").',
    example: 'for x, y in loader:\n    loss = step(x, y)\n    total += loss.item()',
    useInstead:
      'for i, (x, y) in enumerate(loader):\n    loss = step(x, y)\n    total += loss.detach()\n    if i % 100 == 0:\n        print(total.item())',
    fixSafety:
      'Display-only: accumulating on the GPU and logging every N steps depends on the loop. Not flagged: reads under ' +
      'an `if` that limits them to some steps (a logging interval, a debug switch; a rank check alone does not: that ' +
      'process still waits every step), reads once per epoch after the batch loop, Lightning `self.log` ' +
      '(it accumulates on the device), reinforcement-learning loops that step a CPU environment, CPU runs.',
  },
  check(ctx) {
    const f = ctx.fact('host_sync');
    if (!written(f) || ctx.cpu) return [];
    return [
      {
        ...at(f),
        message: `${String(f.value)} on every training step makes the CPU wait for the GPU: accumulate on the GPU and read it every N steps.`,
        fixes: [{ title: 'Accumulate on the GPU and read every N steps', applicability: 'display-only', edits: [] }],
      },
    ];
  },
};
