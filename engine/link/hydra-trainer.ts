// A Hydra script's Lightning Trainer built from a section of its config: `L.Trainer(**cfg.trainer, logger=…)` in the
// function `@hydra.main` decorates. Hydra passes that function the primary config composed with its defaults list and
// the command line's overrides (https://hydra.cc/docs/tutorials/basic/your_first_app/config_groups/ and
// …/simple_cli/), and `**` hands every key of the section to the Trainer as a keyword argument
// (https://lightning.ai/docs/pytorch/stable/common/trainer.html: max_epochs, precision, devices, …). So the section,
// composed as Hydra would (../extract/hydra-compose, with the launcher's `trainer.max_epochs=20`, `trainer=gpu`,
// `experiment=x`), is the Trainer's arguments: read as a `_target_: …Trainer` mapping is (../extract/hydra).
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import { Composer, type HydraReader } from '../extract/hydra-compose';
import { hydraPrimary } from '../extract/hydra-find';
import { overridesOf, splattedTrainerFacts } from '../extract/hydra';
import type { Fields } from '../extract/fields';
import type { RunDraft } from '../extract/run-draft';
import { nodesOfType } from '../parse/nodes-of-type';
import { mainParameter } from './hydra-length';
import type { Linker } from './linker';

/** What the Trainer's own keywords (or a reader of the script) state stays; the section fills what it does not. */
const REPLACEABLE = new Set(['framework-default', 'assumed']);

/** The section path of `**cfg.trainer` / `**cfg["trainer"]` / `**self.cfg.trainer` when `cfg` is `param`. */
function splatSection(expr: SyntaxNode, param: string): string[] | undefined {
  const text = expr.text.replace(/\s+/g, '');
  const dotted = text.replace(/\[["'](\w+)["']\]/g, '.$1');
  const m = /^(\w+)((?:\.\w+)+)$/.exec(dotted);
  return m && m[1] === param ? m[2].slice(1).split('.') : undefined;
}

export function withHydraTrainer(
  linker: Linker,
  file: string,
  text: string,
  tree: { rootNode: SyntaxNode } | undefined,
  drafts: RunDraft[],
  /** A launcher's command line: its Hydra overrides. */
  given?: Fields,
): void {
  if (!tree || !/@(?:hydra\.)?main\s*\(/.test(text) || !/Trainer\s*\([^)]*\*\*/.test(text)) return;
  const param = mainParameter(tree.rootNode);
  if (!param) return;
  const sections: string[][] = [];
  for (const call of nodesOfType(tree.rootNode, 'call')) {
    if (!/(^|\.)Trainer$/.test(call.childForFieldName('function')?.text ?? '')) continue;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const expr = arg?.type === 'dictionary_splat' ? arg.namedChildren[0] : undefined;
      const at = expr ? splatSection(expr, param) : undefined;
      if (at) sections.push(at);
    }
  }
  // One Trainer from one section: several (a fit and a test Trainer) are not told apart here.
  if (sections.length !== 1) return;
  const targets = drafts.filter((d) => d.plan.framework === 'lightning' && d.plan.entry.file === linker.id(file));
  if (targets.length !== 1) return;
  const reader: HydraReader = { read: (f) => linker.read(f), list: (d) => linker.listDir(d), id: (f) => linker.id(f) };
  const name = given?.get('config_name')?.value;
  const primary = hydraPrimary(file, text, reader, typeof name === 'string' ? name : undefined);
  if (!primary) return;
  const overrides = given
    ? overridesOf([{ kind: 'launcher', fields: given, write: () => undefined, complete: true }])
    : [];
  const facts = splattedTrainerFacts(
    { composer: new Composer(reader, path.dirname(primary)), primary, orphan: false, overrides },
    sections[0],
  );
  if (!facts) return;
  const plan = targets[0].plan;
  for (const [k, f] of facts) {
    const cur = plan.facts.get(k);
    if (cur && !REPLACEABLE.has(cur.origin) && cur.value !== null) continue;
    plan.facts.set(k, { ...f, note: `${f.note ?? k} (**${param}.${sections[0].join('.')} into the Trainer)` });
  }
}
