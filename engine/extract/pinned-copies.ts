import type { SyntaxNode } from '../parse/python';
import { callsWithKeyword, findCalls } from '../parse/python-syntax';
import type { Fact } from '../types';
import { dataLoaderFacts, loaderFactories } from './python-scan';
import type { ValueResolver } from './python-values';

/**
 * Text that moves tensors to a CUDA device (`.cuda()`, `torch.device("cuda")`, `.to("cuda:0")`), or runs on CUDA
 * devices whatever their index (`.to(rank)`): `nn.DataParallel(…)` ("device_ids: CUDA devices",
 * https://pytorch.org/docs/stable/generated/torch.nn.DataParallel.html) and the NCCL backend (GPUs only,
 * https://pytorch.org/docs/stable/distributed.html#backends). Not `DistributedDataParallel`, which also runs on CPUs.
 */
export const NAMES_CUDA = /\bcuda\b|\.cuda\(|\bDataParallel\(|\bnccl\b/;
/** Accelerate prepares the loaders and places the batches itself (`accelerator.prepare(loader)`). */
const PLACES_BATCHES = /\bAccelerator\s*\(|\baccelerator\.prepare\s*\(/;

/**
 * The training DataLoader's facts of a script whose training step runs in a module it calls (../link/imports-merge.ts),
 * its arguments read with the declarations of the modules it imports them from (`values`).
 * Pinned memory only matters for copies to a GPU: PyTorch's `pin_memory=False` default is judged only where the
 * training code copies batches to CUDA itself (the PyTorch data-loading docs, "Memory Pinning":
 * https://pytorch.org/docs/stable/data.html#memory-pinning), as ./torch-loop.ts does for a loop in one file: the
 * default is left unjudged (dropped) when neither the script nor the step's module (`stepText`) names CUDA, or when
 * one hands the batches to Accelerate.
 */
export function judgedLoaderFacts(
  file: string,
  script: { root: SyntaxNode; text: string },
  values: ValueResolver,
  stepText: string,
): Fact[] {
  const texts = [script.text, stepText];
  const calls = findCalls(script.root, script.text, ['DataLoader']);
  // A script with no DataLoader of its own that calls a loader class or factory of its repository
  // (`tr_loader = AudioDataLoader(tr_dataset, batch_size=1, num_workers=args.num_workers)`): the workers it passes.
  // Its batch stays unread here: such loaders often batch otherwise (a dataset that packs its own minibatches).
  const factories = loaderFactories(callsWithKeyword(script.root, script.text, ['num_workers']));
  const facts = dataLoaderFacts(file, calls, values, factories).facts.filter(
    (f) => f.key !== 'micro_batch' || calls.some((c) => c.name === 'DataLoader'),
  );
  const unjudged = !texts.some((t) => NAMES_CUDA.test(t)) || texts.some((t) => PLACES_BATCHES.test(t));
  return unjudged ? facts.filter((f) => !(f.key === 'pin_memory' && f.origin === 'framework-default')) : facts;
}
