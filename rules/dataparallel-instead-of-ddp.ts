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
      'named `…DataParallel…` that is not distributed. Each wrapping call is its own finding, on the call; one that ' +
      'runs only under a command-line or config flag not known to be on by default is information (`if args.dp:`, ' +
      '`if self.args.use_multi_gpu:`, a requested GPU count `if args.num_gpu > 1:` whose default is 1, also through ' +
      'a name bound once: `self.is_parallel = args.num_gpu > 1`); `if torch.cuda.device_count() > 1:` is the ' +
      'default run on a multi-GPU machine, a warning. A wrapper around a model that only runs inference in the ' +
      'training run is information that says so: a frozen teacher or backbone (`requires_grad_(False)`, or ' +
      '`requires_grad = False` on all its parameters) or a model kept in `eval()` whose every forward pass runs ' +
      'under `torch.no_grad()`, when no use of it in the file may train it (no `.train()`, no `.parameters()` for an ' +
      'optimizer, no call the file does not define that it is passed to). Not flagged: a ' +
      'wrapper for evaluation only (in a function that evaluates with no backward pass, or under a test-only flag ' +
      'such as `if args.testOnly:`) and one in a function the script never uses.',
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
    if ((d?.value !== true && d?.value !== 'flag' && d?.value !== 'inference') || !written(d) || ctx.cpu) return [];
    // Each wrapping call is its own finding, on the call; one that runs only under a flag not known to be on is
    // information (the run's choice is not in view), and so is one around a model that only runs inference (no
    // backward pass and no gradient gathered on one GPU: the waste is the scatter and the model's copy per step).
    const all = [{ span: d.span, value: d.value }, ...(d.also ?? [])].sort((a, b) => a.span.start - b.span.start);
    return all.map((s) => ({
      file: d.file,
      span: s.span,
      ...(s.value === true ? {} : { severity: 'information' as const }),
      message:
        s.value === 'inference'
          ? "DataParallel around a model that only runs inference here (frozen or in eval() under no_grad): each forward pass still copies the model to every GPU from one process, but no gradient goes through it. Under DistributedDataParallel training, run it on each process's own GPU."
          : 'DataParallel drives all GPUs from one process (model copied every step, outputs gathered on one GPU): DistributedDataParallel with torchrun scales far better.' +
            (s.value === true ? '' : ' (Used only when the flag that selects this branch is set.)'),
      fixes: [
        {
          title:
            s.value === 'inference'
              ? 'Run the inference-only model on each process’s own GPU under DistributedDataParallel'
              : 'Use DistributedDataParallel, launched with torchrun',
          applicability: 'display-only' as const,
          edits: [],
        },
      ],
    }));
  },
};
