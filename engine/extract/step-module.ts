// Training code whose run is set up elsewhere. (1) A LightningModule file without its Trainer: the training step
// (`training_step`) is in view, the Trainer that runs it (precision, devices, epochs) is in another file. (2) A file
// that builds a PyTorch optimizer for a model on CUDA but runs no step itself: a model module whose trainer calls its
// `optimize_parameters` from another file, or a script whose loop calls an imported `train_one_epoch`. (3) A model
// whose `forward` computes the training loss, on CUDA: a training loop elsewhere calls it every step. Each is still
// training code: the code-pattern rules (a host read in every step, an unfused optimizer, a DataParallel, a loader)
// judge what it writes. Nothing about the run's length or precision is claimed: those facts are set elsewhere.
import type { Tree } from '../parse/python';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Fact, FactKey, RunPlan } from '../types';
import { COMMON_CALLS, fileWideFacts } from './python-common';
import { importsModule, importsOf, OTHER_FRAMEWORK } from './python-scan';
import { ON_CUDA } from './optimizer-impl';
import { ValueResolver } from './python-values';
import { optimizerFact } from './python-optimizer';
import { lossForward } from './host-sync-guard';
import type { RunDraft } from './run-draft';
import { nodesOfType } from '../parse/nodes-of-type';
import { lightningLoaderWorkers, scriptLoaderWorkers } from './lightning-loaders';
import { runsWithoutTraining } from './no-training-call';

/** `def training_step(self, …)` in a class whose bases name a LightningModule. */
function trainingStep(tree: Tree) {
  for (const cls of nodesOfType(tree.rootNode, 'class_definition')) {
    const bases = cls?.childForFieldName('superclasses')?.text ?? '';
    if (!cls || !/LightningModule/.test(bases)) continue;
    for (const fn of cls.childForFieldName('body')?.namedChildren ?? []) {
      const def = fn?.type === 'decorated_definition' ? fn.childForFieldName('definition') : fn;
      if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === 'training_step') return def;
    }
  }
  return undefined;
}

/** The names `from torch.optim import Adam, SGD` brings in. */
const TORCH_OPTIM_IMPORT = /from\s+torch\.optim\s+import\s+([^\n]*)/;

/** The first PyTorch optimizer built in the file: `torch.optim.AdamW(…)`, `optim.SGD(…)`, or a bare imported one. */
function optimizerCall(tree: Tree, text: string) {
  const imported = new Set(
    (TORCH_OPTIM_IMPORT.exec(text)?.[1] ?? '').split(/[\s,()]+/).filter((w) => /^[A-Z]\w*$/.test(w)),
  );
  for (const c of nodesOfType(tree.rootNode, 'call')) {
    const f = c?.childForFieldName('function')?.text ?? '';
    if (!c || /Optimizer$/.test(f)) continue;
    if (/^(torch\.)?optim\.[A-Z]\w*$/.test(f) || imported.has(f)) return c;
  }
  return undefined;
}

export function extractStepModule(file: string, text: string, tree: Tree): RunDraft[] {
  const lightning =
    /def\s+training_step\s*\(/.test(text) &&
    /LightningModule/.test(text) &&
    importsModule(importsOf(tree.rootNode), /^(lightning|pytorch_lightning)\b/);
  // A script that defines its LightningModule but only loads weights into it and evaluates, or whose `__main__` only
  // checks one forward pass (no `fit`, no training call anywhere: ./no-training-call): running it trains nothing, and
  // its `configure_optimizers` optimizer is not a run either. A module of definitions (no entry) keeps its step.
  if (lightning && runsWithoutTraining(tree.rootNode, text)) return [];
  const step = lightning ? trainingStep(tree) : undefined;
  // Without a step in view: an optimizer built for a model this file puts on CUDA.
  const optimizer =
    !step && /optim/.test(text) && ON_CUDA.test(text) && !OTHER_FRAMEWORK.test(text)
      ? optimizerCall(tree, text)
      : undefined;
  // (3) A model whose forward computes the training loss on CUDA (a contrastive model's MoCo.forward): the step of
  // a loop elsewhere calls it once per step.
  const forward =
    !step && !optimizer && /def\s+forward\s*\(/.test(text) && ON_CUDA.test(text) && !OTHER_FRAMEWORK.test(text)
      ? tree.rootNode.descendantsOfType('function_definition').find((f) => !!f && lossForward(f))
      : undefined;
  const name =
    step?.childForFieldName('name') ?? optimizer?.childForFieldName('function') ?? forward?.childForFieldName('name');
  if (!name) return [];
  const root = tree.rootNode;
  const calls = findCalls(root, text, COMMON_CALLS);
  const values = new ValueResolver(root, calls);
  const facts = new Map<FactKey, Fact>(fileWideFacts(file, text, root, calls, values, true));
  // The optimizer a command-line option chooses (`if args.optimizer == 'sgd': … elif … 'adam':`): the branch its
  // argparse default takes, as a script's reader decides it.
  if (!facts.has('optimizer') && /\badd_argument\s*\(/.test(text)) {
    const o = optimizerFact(file, text, root, new ValueResolver(root, findCalls(root, text, ['add_argument'])));
    if (o) facts.set('optimizer', o);
  }
  // The DataLoader each LightningModule's `train_dataloader` returns (./lightning-loaders); the loader a script that
  // builds the optimizer builds beside it for the loop it calls (`tr_loader = AudioDataLoader(…, num_workers=…)`).
  const workers = step
    ? lightningLoaderWorkers(file, root, text, values)
    : optimizer
      ? scriptLoaderWorkers(file, root, text)
      : undefined;
  if (workers) facts.set('num_workers', workers);
  if (!facts.has('precision'))
    facts.set('precision', {
      key: 'precision',
      value: null,
      origin: 'assumed',
      note: 'the Lightning Trainer that runs this module sets its precision, and it is not in this file',
    });
  // The run's length is the Trainer's too: no epochs are assumed, so no footprint is made up for a module.
  if (!facts.has('epochs') && !facts.has('max_steps'))
    facts.set('epochs', {
      key: 'epochs',
      value: null,
      origin: 'assumed',
      note: step
        ? 'the Lightning Trainer that runs this module sets the run length, and it is not in this file'
        : forward
          ? 'the training loop that calls this model is not in this file: its length is not in view'
          : 'the training loop that uses this optimizer is not in this file: its length is not in view',
    });
  const plan: RunPlan = {
    framework: step ? 'lightning' : 'pytorch',
    entry: { file, span: spanOf(name), label: step ? 'training_step' : `${name.text}(…)` },
    files: [file],
    facts,
    relevantSpans: [...facts.values()]
      .filter((f) => f.file === file && f.span)
      .map((f) => ({ file, span: f.span!, key: f.key })),
  };
  return [{ plan, kind: step ? 'lightning-module' : 'torch-module', envPrecision: 'never', openEnded: true, refs: [] }];
}
