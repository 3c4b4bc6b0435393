import type { Rule } from './types';
import { written } from './helpers';

/**
 * GML506 dataparallel-instead-of-ddp — single-process multi-GPU training.
 */
export const dataparallelInsteadOfDdp: Rule = {
  code: 'GML506',
  name: 'dataparallel-instead-of-ddp',
  defaultSeverity: 'warning',
  summary: 'torch.nn.DataParallel instead of DistributedDataParallel',
  doc: {
    whatItDoes:
      'Flags `torch.nn.DataParallel(model)` in a training script or training-loop module, and its subclasses called ' +
      'by name (`DataParallelWithCallback` for synchronised BatchNorm, `UserScatteredDataParallel`): any called class ' +
      'named `…DataParallel…` that is not distributed. Each wrapping call is its own finding, on the call.',
    whyIsThisBad:
      'DataParallel drives every GPU from one Python process: it copies the model to each GPU on every forward pass, ' +
      'gathers outputs on the first GPU and is bound by the interpreter lock, so GPUs wait on each other. ' +
      'DistributedDataParallel runs one process per GPU and overlaps gradient communication with the backward pass ' +
      '(PyTorch Performance Tuning Guide, "Use efficient data-parallel backend"; PyTorch recommends DDP even on one node).',
    example: 'model = torch.nn.DataParallel(model)',
    useInstead:
      'model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[local_rank])  # launched with torchrun',
    fixSafety: 'Display-only: DDP needs a launcher (torchrun, accelerate) and a distributed sampler.',
  },
  check(ctx) {
    const d = ctx.fact('data_parallel');
    if (d?.value !== true || !written(d) || ctx.cpu) return [];
    // Each wrapping call is its own finding, on the call.
    return [{ span: d.span }, ...(d.also ?? [])].map((s) => ({
      file: d.file,
      span: s.span,
      message:
        'DataParallel drives all GPUs from one process (model copied every step, outputs gathered on one GPU): DistributedDataParallel with torchrun scales far better.',
      fixes: [
        {
          title: 'Use DistributedDataParallel, launched with torchrun',
          applicability: 'display-only' as const,
          edits: [],
        },
      ],
    }));
  },
};
