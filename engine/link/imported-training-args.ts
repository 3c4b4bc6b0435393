// The optimizer and loader workers of a Hugging Face run whose `TrainingArguments` (or TRL config) are built in
// project code the entry script calls: a Trainer subclass whose `__init__` builds them from the script's parsed
// options (`trainer = ProjectSFTTrainer(args, accelerator)` … `TrainingArguments(…, optim="adamw_torch",
// dataloader_num_workers=4)`), or a helper function that returns them (`training_args = build_args(args)`). The one
// construction the script reaches says `optim` and `dataloader_num_workers`; a value it reads from the options
// (`optim="paged_adamw_8bit" if args.use_qlora else "adamw_torch"`) is what the script's own argparse defaults give;
// a keyword it does not write is TrainingArguments' default — `adamw_torch` and 0 workers
// (https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments). Nothing when the
// script reaches several constructions, or one that takes `**kwargs` (the keyword may be set there), or when the
// script builds its own arguments.
import * as path from 'node:path';
import { TRANSFORMERS } from '../extract/hf-defaults';
import { ARG_CLASSES } from '../extract/hf-splat';
import { importBindings, methodsOf } from '../extract/python-imports';
import { ValueResolver } from '../extract/python-values';
import type { RunDraft } from '../extract/run-draft';
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey } from '../types';
import { ImportWalk, importRoots, type Mod } from './import-walk';
import type { Linker } from './linker';
import { LIBRARY } from './repo-optimizer';
import { cachedTree } from './tree-cache';

/** A value the run states (not a guess, not an unread expression). */
const stated = (f: Fact | undefined) => f !== undefined && f.value !== null && f.origin !== 'assumed';

const KEYWORDS: [string, FactKey][] = [
  ['optim', 'optimizer'],
  ['dataloader_num_workers', 'num_workers'],
];

/**
 * Each run's script — its Python entry, or the one Python script a launcher's run holds — with the optimizer and
 * workers of the arguments it reaches, where the run states neither.
 */
export function withReachedTrainingArgs(linker: Linker, drafts: RunDraft[]): void {
  if (!linker.parser) return;
  const byScript = new Map<string, RunDraft[]>();
  for (const d of drafts) {
    const py = /\.py$/.test(d.plan.entry.file) ? [d.plan.entry.file] : d.plan.files.filter((f) => /\.py$/.test(f));
    if (py.length === 1) byScript.set(py[0], [...(byScript.get(py[0]) ?? []), d]);
  }
  for (const [id, runs] of byScript) {
    const file = path.resolve(id);
    const text = linker.read(file);
    if (text)
      withImportedTrainingArgs(linker, { file, text, root: cachedTree(file, text, linker.parser).rootNode }, runs);
  }
}

/** Fills the optimizer and workers of the script's runs that state neither value, from the arguments it reaches. */
function withImportedTrainingArgs(linker: Linker, script: Mod, drafts: RunDraft[]): void {
  const mine = drafts.filter((d) => KEYWORDS.some(([, k]) => !stated(d.plan.facts.get(k))));
  if (mine.length === 0 || findCalls(script.root, script.text, ARG_CLASSES).length > 0) return;
  const sites = reachedArguments(linker, script);
  if (sites.length !== 1 || sites[0].call.hasSplat) return;
  const { mod, call } = sites[0];
  const own = new ValueResolver(mod.root, findCalls(mod.root, mod.text, ['add_argument']));
  const options = new ValueResolver(script.root, findCalls(script.root, script.text, ['add_argument']));
  const where = `${call.name}(…) in ${path.basename(mod.file)}`;
  for (const [kw, key] of KEYWORDS) {
    const a = call.kwargs.get(kw);
    const r = a && (own.resolve(a.value).value !== undefined ? own.resolve(a.value) : options.resolve(a.value));
    const d = TRANSFORMERS[key];
    const f: Fact | undefined = !a
      ? d && {
          key,
          value: d.value,
          origin: 'framework-default',
          file: linker.id(mod.file),
          note: `${d.note}: ${where}`,
        }
      : r && (typeof r.value === 'string' || typeof r.value === 'number')
        ? {
            key,
            value: r.value,
            origin: r.scriptDefault ? 'script-default' : 'inferred',
            file: linker.id(mod.file),
            // A place only for an optimizer written as a literal: an edit of `optim=` there keeps what the code
            // means; one read through options, and the workers (like ./repo-loader-workers), get no edit.
            span: key === 'optimizer' && literal(a.value) !== undefined ? spanOf(a.node) : undefined,
            note: `${kw}=${a.value.text}${r.via ? ` (${r.via})` : ''}, in ${where}`,
          }
        : undefined;
    if (!f) continue;
    // Read from options (`args.use_qlora`): not for a launcher whose command line passes one of them.
    const opts = a ? [...a.value.text.matchAll(/\b(?:args|opt|opts|config|cfg)\.(\w+)/g)].map((m) => m[1]) : [];
    for (const dr of mine) {
      if (stated(dr.plan.facts.get(key)) || opts.some((o) => passes(linker, dr, script, o))) continue;
      dr.plan.facts.set(key, f);
      if (f.file && !dr.plan.files.includes(f.file)) dr.plan.files = [...dr.plan.files, f.file];
      if (f.span && f.file) dr.plan.relevantSpans.push({ file: f.file, span: f.span, key });
    }
  }
}

/**
 * The arguments constructions in the project definitions the script calls: a class it builds (its `__init__` and the
 * methods the script calls on it), a function it calls.
 */
function reachedArguments(linker: Linker, script: Mod): { mod: Mod; call: CallSite }[] {
  const out: { mod: Mod; call: CallSite }[] = [];
  const walk = new ImportWalk(linker, importRoots(linker, script.file, script.text), new Set());
  const code = script.text.replace(/^\s*(from|import)\b[^\n]*/gm, '');
  for (const b of importBindings(script.root)) {
    if (!b.symbol || LIBRARY.test(b.module) || !new RegExp(`\\b${b.local}\\s*\\(`).test(code)) continue;
    const found = walk.importedDef(script.file, b);
    if (!found) continue;
    const defs: SyntaxNode[] =
      found.node.type === 'class_definition'
        ? [...methodsOf(found.node)]
            .filter(([name]) => name === '__init__' || new RegExp(`\\.${name}\\s*\\(`).test(code))
            .map(([, fn]) => fn)
        : [found.node];
    for (const call of findCalls(found.mod.root, found.mod.text, ARG_CLASSES))
      if (defs.some((d) => d.startIndex <= call.node.startIndex && call.node.endIndex <= d.endIndex))
        out.push({ mod: found.mod, call });
  }
  return out;
}

/** Does the run's launcher (an entry other than the script) pass `--option` on its command line? */
function passes(linker: Linker, d: RunDraft, script: Mod, option: string): boolean {
  const entry = path.resolve(d.plan.entry.file);
  if (entry === script.file) return false;
  return new RegExp(`--${option}\\b`).test(linker.read(entry) ?? '');
}
