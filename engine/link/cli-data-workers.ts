// The loader workers of a Lightning CLI config whose DataModule class is given in code, `LightningCLI(Model,
// DataModule)` (https://lightning.ai/docs/pytorch/stable/cli/lightning_cli_intermediate.html): LightningCLI passes
// each key of the config's `data:` section to that class's `__init__`, and the Trainer draws the training batches
// from the DataLoader its `train_dataloader()` returns (https://lightning.ai/docs/pytorch/stable/data/datamodule.html).
// That loader's `num_workers=self.hparams.<name>` (or `self.<name>`) is the `data:` key of that name, else the
// `__init__` parameter's default; a literal is taken as written. Keys named `num_workers` are the config reader's
// (../extract/lightning-cli.ts). Nothing where the project's LightningCLI calls disagree, or a class or its one
// training loader is not found.
import * as path from 'node:path';
import type { ConfigDoc } from '../extract/config-doc';
import { definitionOf, methodsOf } from '../extract/python-imports';
import type { RunDraft } from '../extract/run-draft';
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { Mod } from './import-walk';
import type { Linker } from './linker';
import { projectTop, pythonFiles } from './project-files';
import { importedClass } from './repo-optimizer';
import { cachedTree } from './tree-cache';

const MAX_UP = 3;
/** Folders of configs (`configs/`, `conf/`): a Lightning CLI config's script sits beside the outermost one. */
const CONFIG_DIR = /^(configs?|conf|cfgs?)$/i;

/** Fills `num_workers` (as `inferred`) in the Lightning CLI runs of the config that state none. */
export function withCliDataWorkers(linker: Linker, file: string, doc: ConfigDoc, drafts: RunDraft[]): void {
  const open = drafts.filter((d) => d.kind === 'lightning-cli' && !d.plan.facts.has('num_workers'));
  if (open.length === 0 || !linker.parser || doc.has(['data', 'class_path'])) return;
  const found: Fact[] = [];
  for (const { script, arg, def } of cliClassArgs(linker, file, 'datamodule_class', 1)) {
    const w = def && dataWorkers(linker.id(def.mod.file), def.mod, def.node, doc, linker.id(file));
    if (!arg || !w) return;
    found.push({
      ...w,
      note: `${w.note}, the DataModule LightningCLI(…, ${arg.text}) in ${path.basename(script)} builds`,
    });
  }
  const first = found[0];
  if (!first || found.some((w) => w.value !== first.value)) return;
  for (const d of open) d.plan.facts.set('num_workers', first);
}

/** A class a `LightningCLI(…)` call gives, and the class definition it names (in the script or a module it imports). */
export interface CliClassArg {
  script: string;
  /** The argument; undefined where it is missing or not a name (`LightningCLI(make_model(), …)`). */
  arg?: SyntaxNode;
  def?: { mod: Mod; node: SyntaxNode };
}

/**
 * Every `LightningCLI(…)` call of the project's scripts that can run a config at `file` (below `cliBase`), with the
 * class it is given as keyword `kw` or at position `pos`.
 */
export function* cliClassArgs(linker: Linker, file: string, kw: string, pos: number): Generator<CliClassArg> {
  if (!linker.parser) return;
  const base = cliBase(file);
  for (const f of pythonFiles(linker, projectTop(linker, file), file)) {
    if (path.relative(base, f).startsWith('..')) continue;
    const text = linker.read(f);
    if (!text || !/\bLightningCLI\s*\(/.test(text)) continue;
    const script = { file: path.resolve(f), text, root: cachedTree(path.resolve(f), text, linker.parser).rootNode };
    for (const c of findCalls(script.root, text, ['LightningCLI'])) {
      const arg = c.kwargs.get(kw)?.value ?? c.positional[pos];
      if (arg?.type !== 'identifier' && arg?.type !== 'attribute') {
        yield { script: f };
        continue;
      }
      const own = arg.type === 'identifier' ? definitionOf(script.root, arg.text) : undefined;
      const def =
        own?.kind === 'def' && own.node.type === 'class_definition'
          ? { mod: script, node: own.node }
          : importedClass(linker, script, arg.text);
      yield { script: f, arg, def };
    }
  }
}

/** The workers of the one DataLoader the class's `train_dataloader()` builds, read through the config's `data:`. */
function dataWorkers(file: string, mod: Mod, cls: SyntaxNode, doc: ConfigDoc, config: string): Fact | undefined {
  const method = methodsOf(cls).get('train_dataloader');
  if (!method) return undefined;
  const loaders = findCalls(mod.root, mod.text, ['DataLoader']).filter(
    (c) => c.name === 'DataLoader' && method.startIndex <= c.node.startIndex && c.node.endIndex <= method.endIndex,
  );
  if (loaders.length !== 1) return undefined;
  const arg = loaders[0].kwargs.get('num_workers')?.value;
  if (!arg || loaders[0].hasSplat) return undefined;
  const v = literal(arg);
  const fact = (value: number, at: { file: string; span: Fact['span'] }, note: string): Fact => ({
    key: 'num_workers',
    value,
    origin: 'inferred',
    file: at.file,
    span: at.span,
    note,
  });
  if (typeof v === 'number') return fact(v, { file, span: spanOf(arg) }, `DataLoader(num_workers=${arg.text})`);
  const name = /^self\.(?:hparams\.)?(\w+)$/.exec(arg.text)?.[1];
  if (!name) return undefined;
  const set = doc.field(['data', name]) ?? doc.field(['data', 'init_args', name]);
  if (set) {
    if (typeof set.value !== 'number') return undefined;
    return fact(set.value, { file: config, span: set.span }, `DataLoader(num_workers=${arg.text}): data.${name}`);
  }
  const param = methodsOf(cls)
    .get('__init__')
    ?.childForFieldName('parameters')
    ?.namedChildren.find((p) => p?.childForFieldName('name')?.text === name);
  const def = param?.childForFieldName('value');
  const d = literal(def);
  if (!def || typeof d !== 'number') return undefined;
  return fact(d, { file, span: spanOf(def) }, `DataLoader(num_workers=${arg.text}): default ${name}=${def.text}`);
}

/**
 * Where the script of a Lightning CLI config may be: under the folder holding the config's outermost folder of configs
 * (`configs/`, `conf/`), else under the config's own folder.
 */
function cliBase(file: string): string {
  let base = path.dirname(path.resolve(file));
  for (let d = base, i = 0; i < MAX_UP + 2 && path.dirname(d) !== d; i++, d = path.dirname(d))
    if (CONFIG_DIR.test(path.basename(d))) base = path.dirname(d);
  return base;
}
