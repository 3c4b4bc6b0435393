import type { SyntaxNode } from '../parse/python';
import { findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import { guardedIn, stepScopes } from './host-sync-steps';

/**
 * Histograms, images, figures and videos logged on every training step (TensorBoard's `add_histogram`/`add_image`,
 * the old TensorFlow logger's `histo_summary`/`image_summary`, `wandb.Histogram`/`wandb.Image`, MLflow's
 * `log_image`): each is computed on the host from tensors copied off the GPU and written out, step after step. Per
 * step as for host reads (stepScopes, guardedIn): under a logging interval they are not reported.
 */
const MEDIA =
  /(^|\.)(add_histogram|add_image|add_images|add_figure|add_video|histo_summary|image_summary|log_image)$|^wandb\.(Histogram|Image|Video)$/;

export function mediaLogFact(file: string, root: SyntaxNode, text: string): Fact | undefined {
  const calls = findCalls(root, text, [
    'add_histogram',
    'add_image',
    'add_images',
    'add_figure',
    'add_video',
    'histo_summary',
    'image_summary',
    'log_image',
    'Histogram',
    'Image',
    'Video',
  ]).filter((c) => MEDIA.test(c.callee));
  if (calls.length === 0) return undefined;
  const scopes = stepScopes(root);
  const lines = new Set<number>();
  const sites = calls.filter((c) => {
    const loop = scopes.scopeOf(c.node);
    if (!loop || guardedIn(c.node, loop, scopes.isBwd) || lines.has(c.node.startPosition.row)) return false;
    lines.add(c.node.startPosition.row);
    return true;
  });
  const [first, ...rest] = sites;
  if (!first) return undefined;
  const note = (c: CallSite) => `${c.callee}(…) on every training step`;
  return {
    key: 'media_logging',
    value: first.callee,
    origin: 'explicit',
    file,
    span: spanOf(first.node),
    note: note(first),
    ...(rest.length ? { also: rest.map((c) => ({ span: spanOf(c.node), value: c.callee, note: note(c) })) } : {}),
  };
}
