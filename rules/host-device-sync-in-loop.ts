import type { Rule } from './types';
import { written } from './helpers';

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
      'Flags a GPU value read on the host on every training step, in any Python file that holds a training step — a ' +
      'script, or a training-loop module (a solver class whose `train_step`/`optimize_parameters` runs the backward ' +
      "pass and is called by a script elsewhere). Per step means: in the loop that runs `backward()` (or Flax's " +
      "`apply_gradients`, optax's `apply_updates`, LOMO's `fused_backward`) itself or calls a step function of the " +
      'file, not the epoch loop ' +
      "around it; in a step function run every step (a loop of the file, ignite's `Engine(step)`, Lightning's " +
      "`training_step`, a Trainer's `compute_loss`, a model's `forward` that computes the training loss itself (a " +
      'contrastive model returning its loss: the step elsewhere calls it once per step), a step closure a factory ' +
      'returns, or a step no code of the file ' +
      "calls: a module's — a step being a function whose own body runs the backward pass, through a helper of the file " +
      'too, or the optimizer step); in a loop over micro-batches inside the step; or in a helper ' +
      'of the file that such code calls every step (a loss function returning `loss.item()` values), two calls deep — ' +
      'outside any `if` that limits it to some steps (the gradient-accumulation boundary, `if (step + 1) % accum == 0` ' +
      "or accelerate's `sync_gradients`, runs every optimizer step: no limit). Reads: `.item()`, `.cpu()`, " +
      '`.tolist()` of step results, a tensor check a condition takes (`if torch.isnan(loss):`), ' +
      "a step tensor compared in a condition (`if loss > 1.5 * running_loss:`: Python takes the comparison's truth " +
      "value), `loss.to('cpu')`, a gradient copied with `.cpu()` (`p.grad.abs().mean().cpu()`), a batch tensor the " +
      'step moved to the GPU or made there and copies back (`x, y = x.to(device), y.to(device)` or ' +
      '`y = torch.tensor(labels, device=device)` … `y.cpu()`), ' +
      "PyTorch 0.3's `loss.data[0]`, `torch.cuda.synchronize()`, a project's conversion helper given a step value " +
      "(`utils.to_item(loss.data)`, `to_np(pred)`), and the loss tensor printed or logged (`print(loss)`, `wandb.log({'loss': loss})`, " +
      "`writer.add_scalar(..., loss, step)`, `float(loss)`, `logger.info(..., loss)`, a progress bar's " +
      "`set_description`, MLflow's `log_metric`, accelerate's `log`; a module's `self.loss_G` too) — and so are the " +
      'terms summed into the loss when each comes from a call of the step (`dur_loss, prior_loss = model.compute_loss(x)` ' +
      '… `loss = dur_loss + prior_loss`, or added one by one: `total_loss += w * loss`, a weight never taken), the ' +
      'total norm `clip_grad_norm_` returns, a tensor kept from the loss (`loss.detach().mean()`), any value handed ' +
      'over as `x.detach()` (only a tensor has `detach`), and the loss a Lightning `training_step` returns (`return ' +
      'loss`, `return {"loss": loss}`); `add_scalar` on any TensorBoard writer object (`logger.add_scalar`). In a ' +
      'module written for Lightning 1.x (a `training_step` taking `optimizer_idx`, an `*_epoch_end` hook) each ' +
      "`return` of the loss from `training_step` is itself a read: Lightning 1.x's progress bar reads the running " +
      'loss with `.cpu().item()` on every step (Lightning 2 no longer does). A read in the test of an `if` runs ' +
      'whenever the `if` is reached (not after `and`/`or`); reads under an `if` written with the same condition as ' +
      "the one that gates an update (a GAN's generator step) run with that update; a step closure made in the " +
      "loop's body and handed to a timer there (`gpu_timer(train_step)`) runs every iteration. Each line that " +
      'reads is its own finding, on that line ' +
      '(the line that does the waste): two losses read on two lines are two waits, fixed one by one; two reads on one ' +
      'line are one finding. A read in a helper the step calls is reported on its own line (where it is fixed) and on ' +
      'the call in the step that makes it run every step (one finding per call, naming the reads and their lines): ' +
      'a reviewer of the helper sees the read, one of the loop sees which call costs a wait.',
    whyIsThisBad:
      'Reading a GPU tensor on the host waits until every queued kernel has finished: the CPU stops feeding the GPU, ' +
      'which then idles between steps (PyTorch Performance Tuning Guide, "Avoid unnecessary CPU-GPU synchronization").',
    example: 'for x, y in loader:\n    loss = step(x, y)\n    total += loss.item()',
    useInstead:
      'for i, (x, y) in enumerate(loader):\n    loss = step(x, y)\n    total += loss.detach()\n    if i % 100 == 0:\n        print(total.item())',
    fixSafety:
      'Display-only: accumulating on the GPU and logging every N steps depends on the loop. Not flagged: reads under ' +
      'an `if` that limits them to some steps (a logging interval, a debug switch — not one on in the default run, ' +
      '`USE_WANDB = True` or an argparse default True; a rank check alone does not limit them either: that ' +
      "process still waits every step; an `if` that holds the backward pass itself, such as a GAN's every-n-critic " +
      'generator update, is the step, not an interval), reads once per epoch after the batch loop, evaluation and ' +
      'inference loops (no backward pass), a step function the file only hands to something unknown ' +
      "(`register(train_step)`), helpers called only at a logging interval, reads in a helper's own batch loop (a " +
      'function that runs a whole epoch), a condition that tests no tensor (`if loss is None:`, a step counter), reads in ' +
      'the branch of a loss-scale overflow (a skipped step), the batch as the loader yields it (host data), Lightning ' +
      '`self.log` (it accumulates on the device), reinforcement-learning loops that step a CPU environment, CPU runs; ' +
      'a toy run gets information at most.',
  },
  check(ctx) {
    const f = ctx.fact('host_sync');
    if (!written(f) || ctx.cpu) return [];
    // Each read on its own line is its own finding (Fact.also): each is one wait, fixed one by one.
    const sites = [{ span: f.span, value: f.value }, ...(f.also ?? [])];
    // The reads themselves, not the calls in the step that run a helper's reads (those name their own).
    const isCall = (v: unknown) => /\(…\), which runs /.test(String(v));
    const reads = sites.filter((s) => !isCall(s.value)).length - (isCall(f.value) ? 0 : 1);
    return sites.map((s, i) => ({
      file: f.file,
      span: s.span,
      message:
        (/synchronize\(\)$/.test(String(s.value))
          ? `${String(s.value)} on every training step makes the CPU wait for every queued kernel: drop it, or run it only at a timing interval`
          : `${String(s.value)} on every training step makes the CPU wait for the GPU: accumulate on the GPU and read it every N steps`) +
        (i === 0 && reads > 0 ? ` (${reads} more read${reads > 1 ? 's' : ''} in this step).` : '.'),
      fixes: [
        { title: 'Accumulate on the GPU and read every N steps', applicability: 'display-only' as const, edits: [] },
      ],
    }));
  },
};
