// The model an entry script leaves to repository code it imports and calls, as applied research code is written: a
// trainer or engine class that builds it (`engine = trainer(...)` with `self.model = …` in `__init__`,
// `SimGNNTrainer(args)` whose `setup_model()` sets `self.model = SimGNN(…)`, `GMFEngine(config)` with
// `self.model = GMF(config)`), or a training function (`train(args, data)` whose body runs `model = KGCN(…)`). Each
// definition is read with ../extract/python-model in its own module (a class with the methods it inherits from bases
// of that module); a script that builds a model itself takes none from elsewhere, and definitions that disagree give
// none (precision before recall). The model is `inferred`: code the run calls, not a setting.
import * as path from 'node:path';
import { codeText } from '../extract/python-code-text';
import { importBindings } from '../extract/python-imports';
import { builtModelFact } from '../extract/python-model';
import { ValueResolver } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import { findCalls } from '../parse/python-syntax';
import type { Fact } from '../types';
import { ImportWalk, importRoots, type Mod } from './import-walk';
import type { Linker } from './linker';
import { classMethods, LIBRARY } from './repo-optimizer';
import { cachedTree } from './tree-cache';

/** Each Python entry script's runs that name no model, with the one the repository code it calls builds. */
export function withEntryRepoModel(linker: Linker, drafts: RunDraft[]): RunDraft[] {
  if (!linker.parser) return drafts;
  const open = (d: RunDraft) => !d.plan.facts.get('model')?.value;
  const entries = new Set(
    drafts.filter((d) => /\.py$/.test(d.plan.entry.file) && open(d)).map((d) => d.plan.entry.file),
  );
  for (const entry of entries) {
    const file = path.resolve(entry);
    const text = linker.read(file);
    if (!text) continue;
    const m = repoModel(linker, { file, text, root: cachedTree(file, text, linker.parser).rootNode });
    if (!m?.file) continue;
    for (const d of drafts.filter((x) => x.plan.entry.file === entry && open(x))) {
      d.plan.facts.set('model', m);
      if (!d.plan.files.includes(m.file)) d.plan.files = [...d.plan.files, m.file];
      if (m.span) d.plan.relevantSpans.push({ file: m.file, span: m.span, key: 'model' });
    }
  }
  return drafts;
}

/** The model the classes and functions `script` imports from its repository and calls build, when they agree. */
function repoModel(linker: Linker, script: Mod): Fact | undefined {
  const found: Fact[] = [];
  const walk = new ImportWalk(linker, importRoots(linker, script.file, script.text), new Set());
  // Calls in the code that runs (comments and prose blanked: `# engine = MLPEngine(config)` is no call).
  const code = codeText(script.text).replace(/^\s*(from|import)\b[^\n]*/gm, '');
  for (const b of importBindings(script.root)) {
    if (!b.symbol || LIBRARY.test(b.module) || !new RegExp(`\\b${b.local}\\s*\\(`).test(code)) continue;
    const imported = walk.importedDef(script.file, b);
    if (!imported) continue;
    const { mod, node: def } = imported;
    const values = new ValueResolver(mod.root, findCalls(mod.root, mod.text, ['add_argument']));
    const id = linker.id(mod.file);
    // A class: its own body, then the methods it inherits from bases of its module.
    const bodies = def.type === 'class_definition' ? [def, ...classMethods(mod.root, def, 0).values()] : [def];
    const f = bodies.map((n) => builtModelFact(id, n, values)).find((x) => !!x);
    if (f)
      found.push({
        ...f,
        origin: 'inferred',
        note: `${f.note}, in ${b.symbol}() (${path.basename(mod.file)}, called by the script)`,
      });
  }
  return found.length > 0 && new Set(found.map((f) => f.value)).size === 1 ? found[0] : undefined;
}
