// A Hydra script's run length: `for epoch in range(cfg.epochs)` / `while self.step < self.cfg.num_train_steps` in a
// script whose `@hydra.main(config_path=…, config_name=…)` names its primary config. The script alone leaves the bound
// unknown; the primary config, composed with its defaults list (./hydra-compose), is what a plain run of the script
// reads. Only a number at exactly the key path the script reads (through the decorated function's config parameter,
// or a `self.cfg`-like holder) is taken, as `inferred`; a command line may still override it.
// The same holds for the keyword arguments of a config built in that function from a nested section
// (`GRPOConfig(per_device_train_batch_size=cfg.training.grpo.per_device_train_batch_size, …)`): Hydra hands the
// function the composed config, so the value at that key path is the argument
// (https://hydra.cc/docs/tutorials/basic/your_first_app/config_file/ — `cfg.db.driver` reads `db: driver:`).
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import type { RunDraft } from '../extract/run-draft';
import type { Fields } from '../extract/fields';
import { Composer, nodeAt, type HydraReader } from '../extract/hydra-compose';
import { hydraPrimary } from '../extract/hydra-find';
import type { Linker } from './linker';
import { openLengths } from './open-length';
import type { FactKey } from '../types';

/** Facts a script reads from its Hydra config: the run length, and the batch/length settings of an HF/TRL config. */
const READ_KEYS: FactKey[] = ['epochs', 'max_steps', 'micro_batch', 'grad_accum', 'seq_len', 'grad_checkpointing'];
/** A value of the config fit for the fact: a positive count, or a flag for gradient checkpointing. */
const fits = (k: FactKey, v: unknown): v is number | boolean =>
  k === 'grad_checkpointing' ? typeof v === 'boolean' : typeof v === 'number' && v > 0;

/** Holders a script keeps its config in (`self.cfg.epochs`). */
const HOLDER = /^self\.(cfg|config|conf|hparams|args|opt)$/;

export function withHydraLength(
  linker: Linker,
  file: string,
  text: string,
  tree: { rootNode: SyntaxNode } | undefined,
  drafts: RunDraft[],
  /** A launcher's command line: its Hydra overrides (`training.max_iters=100`) win over the composed config. */
  given?: Fields,
): void {
  if (!tree || !/@(?:hydra\.)?main\s*\(/.test(text)) return;
  const open = openLengths(linker, file, drafts, READ_KEYS);
  if (open.length === 0) return;
  const reader: HydraReader = { read: (f) => linker.read(f), list: (d) => linker.listDir(d), id: (f) => linker.id(f) };
  const primary = hydraPrimary(file, text, reader);
  if (!primary) return;
  const param = mainParameter(tree.rootNode);
  let root: ReturnType<Composer['compose']>['root'] | undefined;
  for (const { d, k, f } of open) {
    if (!f?.span) continue;
    const at = tree.rootNode.descendantForIndex(f.span.start, f.span.end);
    if (!at || at.startIndex !== f.span.start || at.endIndex !== f.span.end) continue;
    // A keyword argument's span (`max_steps=cfg.training.max_steps`): the value is what is read.
    const node = at.type === 'keyword_argument' ? at.childForFieldName('value') : at;
    if (!node) continue;
    const m = /^((?:self\.)?\w+)((?:\.\w+)+)$/.exec(node.text);
    if (!m || !(m[1] === param || HOLDER.test(m[1]))) continue;
    const override = given?.get(m[2].slice(1));
    if (override) {
      // The command's value (none where it cannot be read here: the bound stays open).
      if (fits(k, override.value))
        d.plan.facts.set(k, {
          ...f,
          value: override.value,
          origin: 'explicit',
          file: override.file,
          span: override.span,
          note: `${f.note ?? k}: ${override.text} (Hydra override on the command line)`,
        });
      continue;
    }
    root ??= new Composer(reader, path.dirname(primary)).compose(primary).root;
    const leaf = nodeAt(root, m[2].slice(1).split('.'));
    const v = leaf?.kind === 'leaf' ? leaf.field.value : undefined;
    if (!fits(k, v) || leaf?.kind !== 'leaf') continue;
    d.plan.facts.set(k, {
      ...f,
      value: v,
      origin: 'inferred',
      note: `${f.note ?? k}: ${m[2].slice(1)} = ${leaf.field.text.replace(/^[^:]*:\s*/, '')} in ${path.basename(leaf.field.file)} (Hydra's primary config, as composed)`,
    });
  }
}

/** The config parameter of the function `@hydra.main` decorates (`def main(cfg: DictConfig)` → cfg). */
export function mainParameter(root: SyntaxNode): string | undefined {
  for (const d of root.descendantsOfType('decorated_definition')) {
    if (!d || !d.namedChildren.some((c) => c?.type === 'decorator' && /\bmain\s*\(/.test(c.text))) continue;
    const fn = d.childForFieldName('definition');
    const p = fn?.childForFieldName('parameters')?.namedChildren[0];
    return p?.type === 'identifier' ? p.text : p?.namedChildren[0]?.text;
  }
  return undefined;
}
