// Host-device synchronisations on every training step: a GPU value read on the host inside the loop that runs the
// backward pass — `loss.item()`, `.cpu()`, `.tolist()`, and the loss tensor itself printed or logged (`print(loss)`,
// `print(f"{loss}")`, `wandb.log({"loss": loss})`, `writer.add_scalar("loss", loss, step)`, `float(loss)`,
// `pbar.set_postfix(loss=loss)`), each of which copies the tensor to the host and waits for the GPU (PyTorch
// Performance Tuning Guide, "Avoid unnecessary CPU-GPU synchronization"). Per step means: the innermost loop around
// the read runs the backward pass itself (a read after the batch loop, once per epoch, is not per step), and no `if`
// between the read and that loop limits it to some steps (a logging interval, a rank check; see guardedIn). A step
// may also be a function of the file — `loss = train_step(batch)` in the loop, ignite's `Engine(step)`, Lightning's
// `training_step`: reads in its own body, outside any loop of its, are per step too (see StepScopes).
import type { SyntaxNode } from '../parse/python';
import {
  HOST_HELPERS,
  loaderData,
  movedToDevice,
  LOGGERS,
  lossNames,
  passesTensor,
  STEP_VALUE,
  stepTensors,
  truthRead,
} from './host-sync-guard';
import { isStringFormat, keptArgument, percentReads } from './host-sync-format';
import { lightningReturns } from './host-sync-lightning';
import { guardedIn, stepScopes } from './host-sync-steps';
import { comparedTensors, detachedArgument, legacyReads, toHost } from './host-sync-tensors';
import { enclosingDef } from './python-params';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { treeMemo } from '../parse/nodes-of-type';

interface Read {
  node: SyntaxNode;
  value: string;
  note: string;
}

/**
 * Every host read of a GPU value on every training step, in file order, one per line (a line that reads twice is one
 * thing to fix). Each is reported: a reviewer — and a user fixing them one by one — sees `loss_a.item()` and
 * `loss_b.item()` two lines apart as two waits.
 */
export function hostSyncReads(root: SyntaxNode, text: string): Read[] {
  const calls = findCalls(root, text, [
    'item',
    'cpu',
    'to',
    'tolist',
    'print',
    'float',
    'log',
    'add_scalar',
    'add_scalars',
    'set_postfix',
    'set_description',
    'write',
    'info',
    'debug',
    'warning',
    'log_metric',
    'log_metrics',
    'format',
    'synchronize',
    'isnan',
    'isinf',
    'isfinite',
    ...HOST_HELPERS,
  ]);
  const scopes = stepScopes(root);
  const rl = /\benv\w*\.step\s*\(|\bgym\b|\bgymnasium\b/;
  const perStep = (node: SyntaxNode): SyntaxNode | undefined => {
    const loop = scopes.scopeOf(node);
    if (!loop || guardedIn(node, loop, scopes.isBwd)) return undefined;
    // Reinforcement learning: the action must reach a CPU environment every step (`env.step(action.item())`), so
    // the read is the algorithm, not waste. A step function may be fed by an environment elsewhere in the file.
    if (rl.test(loop.text) || (loop.type === 'function_definition' && rl.test(text))) return undefined;
    return loop;
  };
  const out: Read[] = [];
  // The step's tensors, found once per step loop (a loop may hold thousands of calls).
  const tensorsOf = new Map<number, Set<string>>();
  const tensors = (loop: SyntaxNode) =>
    tensorsOf.get(loop.id) ?? tensorsOf.set(loop.id, stepTensors(loop)).get(loop.id)!;
  for (const c of calls) {
    // A helper whose name says it converts to a host value (`utils.to_item(loss.data)`, `to_np(pred)`), given a
    // value the step computed: the same read, one call away.
    const helper =
      HOST_HELPERS.includes(c.name) && c.positional.length === 1 && STEP_VALUE.test(c.positional[0]?.text ?? '');
    // `loss.to('cpu')` is `loss.cpu()` (./host-sync-tensors toHost).
    const read =
      helper ||
      (['item', 'cpu', 'tolist'].includes(c.name) && c.positional.length === 0 && c.callee.includes('.')) ||
      toHost(c);
    // `"… {:.4f}".format(step, loss)`: the string is built from the tensor (./host-sync-format).
    const logger = LOGGERS.test(c.callee) || isStringFormat(c);
    // `if torch.isnan(loss):` (./host-sync-guard truthRead).
    const truth = truthRead(c, STEP_VALUE);
    if (truth && perStep(c.node))
      out.push({ node: c.node, value: `if ${c.callee}(…)`, note: `${c.callee}(${truth}) tested on every step` });
    if (truth) continue;
    // `torch.cuda.synchronize()`: the wait itself, written out.
    const sync = /(^|\.)cuda\.synchronize$/.test(c.callee);
    if (!read && !logger && !sync) continue;
    const loop = perStep(c.node);
    if (!loop) continue;
    if (sync)
      out.push({
        node: c.node,
        value: `${c.callee}()`,
        note: `${c.callee}() on every training step waits for the GPU`,
      });
    else if (read) {
      // `.cpu()` on a module or on data that has not been to the GPU (`x.cpu()` before `.to(device)`) is no sync;
      // only reads of values computed in the step are taken: the loss (by name, or the tensor `backward()` is called
      // on: `c.backward()` … `c.data.cpu()`), outputs, predictions.
      // A gradient (`param.grad.abs().mean().cpu()`) is on the parameter's device, filled by the backward pass.
      const stepValue = /loss|out|pred|logit|acc|y_hat|score|\.grad\b/i.test(c.callee);
      const base = c.callee.split('.')[0] ?? '';
      const copy = c.name === 'cpu' || c.name === 'to';
      if (copy && !stepValue && !tensors(loop).has(base) && !movedToDevice(base, c.node, loop)) continue;
      if (!helper && loaderData(c, loop)) continue;
      out.push({
        node: c.node,
        value: helper ? `${c.callee}(…)` : c.name === 'to' ? c.node.text : `${c.callee}()`,
        note: `${c.name === 'to' ? c.node.text : `${c.callee}()`} on every training step waits for the GPU`,
      });
    } else {
      const name = passesTensor(c, tensors(loop)) ?? detachedArgument(c) ?? keptArgument(c, tensors(loop));
      const shown = isStringFormat(c) ? '"…".format' : c.callee;
      if (name)
        out.push({
          node: c.node,
          value: c.node.text.length <= 40 ? c.node.text : `${shown}(…)`,
          note: `${shown}(…) of ${lossNames(loop).has(name) ? 'the loss tensor' : `the tensor ${name}`} on every training step copies it to the host and waits for the GPU`,
        });
    }
  }
  // `loss.data[0]` (PyTorch ≤ 0.3) and `if loss > best:` (./host-sync-tensors); the loss a Lightning 1.x
  // `training_step` returns, which its progress bar reads every step (./host-sync-lightning).
  out.push(
    ...legacyReads(root, text, perStep),
    ...comparedTensors(root, perStep, tensors),
    ...percentReads(root, perStep, tensors),
    ...lightningReturns(root, perStep),
  );
  // A read in a helper the step calls (`grad_norm = clip_gradients(model)` returning `….item()`) is reported twice:
  // on its own line, where the fix goes, naming the call that makes it per step; and on that call in the step, which
  // is what runs every step and where a fix may decide how often to read (one finding per call, naming its reads).
  const bySite = new Map<number, { site: SyntaxNode; reads: Read[] }>();
  for (const r of out) {
    const site = scopes.siteOf(r.node);
    if (!site) continue;
    const entry = bySite.get(site.id);
    if (entry) entry.reads.push({ ...r });
    else bySite.set(site.id, { site, reads: [{ ...r }] });
    const name = site.childForFieldName('function')?.text ?? 'helper';
    const line = site.startPosition.row + 1;
    const fn = enclosingDef(r.node)?.childForFieldName('name')?.text ?? name;
    Object.assign(r, {
      value: `${r.value} in ${fn}(…), which the training step calls at line ${line},`,
      note: `${r.note} (${fn}(…) is called by the training step at line ${line})`,
    });
  }
  for (const { site, reads } of bySite.values()) {
    const name = site.childForFieldName('function')?.text ?? 'helper';
    reads.sort((a, b) => a.node.startIndex - b.node.startIndex);
    const rows = [...new Set(reads.map((r) => r.node.startPosition.row + 1))];
    const where = rows.length > 1 ? `lines ${rows[0]}–${rows[rows.length - 1]}` : `line ${rows[0]}`;
    const first = reads[0];
    if (!first) continue;
    const more = reads.length > 1 ? ` and ${reads.length - 1} more read${reads.length > 2 ? 's' : ''}` : '';
    out.push({
      node: site,
      value: `${name}(…), which runs ${first.value}${more} (${where}),`,
      note: `${name}(…) runs ${first.value}${more} (${where})`,
    });
  }
  out.sort((a, b) => a.node.startIndex - b.node.startIndex);
  const lines = new Set<number>();
  return out.filter((r) => !lines.has(r.node.startPosition.row) && !!lines.add(r.node.startPosition.row));
}

export function hostSyncFact(file: string, root: SyntaxNode, text: string): Fact | undefined {
  const [first, ...rest] = treeMemo(root, 'host-sync', () => hostSyncReads(root, text));
  if (!first) return undefined;
  return {
    key: 'host_sync',
    value: first.value,
    origin: 'explicit',
    file,
    span: spanOf(first.node),
    note: first.note,
    ...(rest.length ? { also: rest.map((r) => ({ span: spanOf(r.node), value: r.value, note: r.note })) } : {}),
  };
}
