// The model an entry script leaves to repository code it imports and calls, as applied research code is written: a
// trainer or engine class that builds it (`engine = trainer(...)` with `self.model = …` in `__init__`,
// `SimGNNTrainer(args)` whose `setup_model()` sets `self.model = SimGNN(…)`, `GMFEngine(config)` with
// `self.model = GMF(config)`), a training function (`train(args, data)` whose body runs `model = KGCN(…)`), or a
// factory function whose result the script binds as its model (`model = get_model(37)`, `def get_model(n): return
// Classifier(n)`: what it returns, since session 29). Each
// definition is read with ../extract/python-model in its own module (a class with the methods it inherits from bases
// of that module); a script that builds a model itself takes none from elsewhere, and definitions that disagree give
// none (precision before recall). The model is `inferred`: code the run calls, not a setting.
//
// The other way round: a script that builds the model itself and hands it to a training function it imports
// (`model = MyResnet50(…)` then `fine_tuner(model, train_loader, …)`, the module's loop training its `model`
// parameter) has no run of its own — its run is the module's, entered from the script (./imports-merge), whose
// `model` is a parameter. The object the script builds and passes is the trained model, as PyTorch code reads: the
// function's optimizer trains the parameters of the module it is given
// (https://pytorch.org/tutorials/beginner/basics/optimization_tutorial.html). It is read with
// ../extract/python-model in the script, `explicit` (the script states it), and only when the script passes that
// object to a call.
import * as path from 'node:path';
import { codeText } from '../extract/python-code-text';
import { importBindings } from '../extract/python-imports';
import { builtModelFact, returnedModelFact } from '../extract/python-model';
import { ValueResolver, type Resolved } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import { nodesOfType } from '../parse/nodes-of-type';
import type { SyntaxNode } from '../parse/python';
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
    const root = cachedTree(file, text, linker.parser).rootNode;
    const passed = passedModel(linker, file, text, root);
    let repo: Fact | undefined | null = null;
    for (const d of drafts.filter((x) => x.plan.entry.file === entry && open(x))) {
      // The script's own object only where no reader of the script judged the model (a fact of it whose value is null).
      const own = passed && d.plan.facts.get('model')?.file !== entry ? passed : undefined;
      if (!own && repo === null) repo = repoModel(linker, { file, text, root });
      const m = own ?? repo;
      if (!m?.file) continue;
      d.plan.facts.set('model', m);
      if (!d.plan.files.includes(m.file)) d.plan.files = [...d.plan.files, m.file];
      if (m.span) d.plan.relevantSpans.push({ file: m.file, span: m.span, key: 'model' });
    }
  }
  return drafts;
}

/**
 * The model the script builds and passes to a function or class it imports from its repository (`trainer(model,
 * loader)`, `fit(net=model)`, `Trainer(classifier, …)`): the argument bound to the parameter whose `.parameters()` that
 * code trains (a parameter named `model`/`net` where it builds no optimizer itself). Undefined where the script passes
 * no such object or builds none; objects of different models name none.
 */
function passedModel(linker: Linker, file: string, text: string, root: SyntaxNode): Fact | undefined {
  const walk = new ImportWalk(linker, importRoots(linker, file, text), new Set());
  const trained = new Map<string, { index: number; name: string }>();
  for (const b of importBindings(root)) {
    if (!b.symbol || LIBRARY.test(b.module)) continue;
    const def = walk.importedDef(file, b)?.node;
    const p = def && trainedParameter(def);
    if (p) trained.set(b.local, p);
  }
  if (trained.size === 0) return undefined;
  const passed = new Set<string>();
  for (const c of nodesOfType(root, 'call')) {
    const p = trained.get(c.childForFieldName('function')?.text ?? '');
    const args = c.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? [];
    if (!p) continue;
    const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === p.name);
    const arg = kw ? kw.childForFieldName('value') : args.filter((a) => a.type !== 'keyword_argument')[p.index];
    if (arg?.type === 'identifier') passed.add(arg.text);
  }
  const values = new ValueResolver(root, findCalls(root, text, ['add_argument']));
  const found = [...passed]
    .map((n) => builtModelFact(linker.id(file), root, values, [n]))
    .filter((f): f is Fact => !!f);
  return found.length > 0 && new Set(found.map((f) => f.value)).size === 1 ? found[0] : undefined;
}

/** The parameter of a function (or a class's `__init__`) holding the module its code trains, by position and name. */
function trainedParameter(def: SyntaxNode): { index: number; name: string } | undefined {
  const fn =
    def.type === 'class_definition'
      ? nodesOfType(def, 'function_definition').find((f) => f.childForFieldName('name')?.text === '__init__')
      : def;
  if (fn?.type !== 'function_definition') return undefined;
  const names = (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) =>
    p?.type === 'identifier' ? p.text : (p?.childForFieldName('name') ?? p?.namedChildren[0])?.text,
  );
  if (def.type === 'class_definition' || names[0] === 'self') names.shift();
  const body = def.text;
  const trains = (n: string) => {
    if (new RegExp(`\\b${n}(\\.module)?\\.(named_)?parameters\\(`).test(body)) return true;
    // A class keeps it (`self.model = model`) and trains the attribute.
    const kept = new RegExp(`self\\.(\\w+)\\s*=\\s*${n}\\b`).exec(body)?.[1];
    return !!kept && new RegExp(`self\\.${kept}(\\.module)?\\.(named_)?parameters\\(`).test(body);
  };
  let index = names.findIndex((n) => !!n && /^\w+$/.test(n) && trains(n));
  if (index < 0 && !/\.(named_)?parameters\(/.test(body)) index = names.findIndex((n) => n === 'model' || n === 'net');
  return index < 0 ? undefined : { index, name: names[index] as string };
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
    const values = new ValueResolver(
      mod.root,
      findCalls(mod.root, mod.text, ['add_argument']),
      passedOptions(def, b.local, script, code),
    );
    const id = linker.id(mod.file);
    // A class: its own body, then the methods it inherits from bases of its module.
    const bodies = def.type === 'class_definition' ? [def, ...classMethods(mod.root, def, 0).values()] : [def];
    // A factory function whose result the script binds as its model (`model = get_model(…)`, `model, crit =
    // build(cfg)`): what it returns (../extract/model-factory).
    const binds = new RegExp(`^\\s*(model|net|network)\\s*(,[^=\\n]*)?=\\s*${b.local}\\s*\\(`, 'm').test(code);
    const f =
      bodies.map((n) => builtModelFact(id, n, values)).find((x) => !!x) ??
      (binds && def.type === 'function_definition' ? returnedModelFact(id, def, values) : undefined);
    if (f)
      found.push({
        ...f,
        origin: 'inferred',
        note: `${f.note}, in ${b.symbol}() (${path.basename(mod.file)}, called by the script)`,
      });
  }
  return found.length > 0 && new Set(found.map((f) => f.value)).size === 1 ? found[0] : undefined;
}

/**
 * Options a function reads from the argparse namespace the script passes it (`get_model(args)` with `def
 * get_model(args): if args.model == "gpt": …`): `args.model` is the script's option, its default as the script
 * declares it (the value the call hands over when no flag is given). Only for a parameter the script's calls all fill
 * with the object it binds to `parse_args()`/`parse_known_args()`.
 */
function passedOptions(def: SyntaxNode, local: string, script: Mod, code: string) {
  const fn = def.type === 'function_definition' ? def : undefined;
  const params = (fn?.childForFieldName('parameters')?.namedChildren ?? []).map((p) =>
    p?.type === 'identifier' ? p.text : (p?.childForFieldName('name') ?? p?.namedChildren[0])?.text,
  );
  const calls = [...code.matchAll(new RegExp(`(?<![\\w.])${local}\\s*\\(([^()]*)\\)`, 'g'))].map((m) =>
    m[1].split(',').map((a) => a.trim()),
  );
  const ns = (a: string | undefined) =>
    !!a &&
    /^\w+$/.test(a) &&
    new RegExp(`^\\s*${a}\\s*(,[^=\\n]*)?=\\s*[\\w.]+\\.parse_(known_)?args\\(`, 'm').test(code);
  const index = params.findIndex((_, i) => calls.length > 0 && calls.every((c) => ns(c[i])));
  if (!fn || index < 0) return undefined;
  const scriptValues = new ValueResolver(script.root, findCalls(script.root, script.text, ['add_argument']));
  return (name: string): Resolved | undefined => {
    const [head, attr, more] = name.split('.');
    const d = head === params[index] && attr && more === undefined ? scriptValues.declaredDefault(attr) : undefined;
    return d ? { value: d.value, via: `${d.via}, passed by the script` } : undefined;
  };
}
