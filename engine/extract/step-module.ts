// A LightningModule file without its Trainer: the training step (`training_step`) is in view, the Trainer that runs it
// (precision, devices, epochs) is in another file. The file is still training code: the code-pattern rules (a host
// read in every step, an unfused optimizer in `configure_optimizers`, a DataParallel) judge what it writes. Nothing
// about the run's length or precision is claimed: those facts are the Trainer's.
import type { Tree } from '../parse/python';
import { findCalls, spanOf } from '../parse/python-syntax';
import type { Fact, FactKey, RunPlan } from '../types';
import { COMMON_CALLS, fileWideFacts } from './python-common';
import { importsModule, importsOf } from './python-scan';
import { ValueResolver } from './python-values';
import type { RunDraft } from './run-draft';

/** `def training_step(self, …)` in a class whose bases name a LightningModule. */
function trainingStep(tree: Tree) {
  for (const cls of tree.rootNode.descendantsOfType('class_definition')) {
    const bases = cls?.childForFieldName('superclasses')?.text ?? '';
    if (!cls || !/LightningModule/.test(bases)) continue;
    for (const fn of cls.childForFieldName('body')?.namedChildren ?? []) {
      const def = fn?.type === 'decorated_definition' ? fn.childForFieldName('definition') : fn;
      if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === 'training_step') return def;
    }
  }
  return undefined;
}

export function extractLightningModule(file: string, text: string, tree: Tree): RunDraft[] {
  if (!/def\s+training_step\s*\(/.test(text) || !/LightningModule/.test(text)) return [];
  if (!importsModule(importsOf(tree.rootNode), /^(lightning|pytorch_lightning)\b/)) return [];
  const step = trainingStep(tree);
  const name = step?.childForFieldName('name');
  if (!step || !name) return [];
  const root = tree.rootNode;
  const calls = findCalls(root, text, COMMON_CALLS);
  const values = new ValueResolver(root, calls);
  const facts = new Map<FactKey, Fact>(fileWideFacts(file, text, root, calls, values, true));
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
      note: 'the Lightning Trainer that runs this module sets the run length, and it is not in this file',
    });
  const plan: RunPlan = {
    framework: 'lightning',
    entry: { file, span: spanOf(name), label: 'training_step' },
    files: [file],
    facts,
    relevantSpans: [...facts.values()]
      .filter((f) => f.file === file && f.span)
      .map((f) => ({ file, span: f.span!, key: f.key })),
  };
  return [{ plan, kind: 'lightning-module', envPrecision: 'never', openEnded: true, refs: [] }];
}
