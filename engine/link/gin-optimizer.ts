// The optimizer a gin-config file binds (compare_gan, Dopamine / batch_rl, disentanglement_lib, T5X): a parameter
// named for an optimizer given a configurable reference — `ModularGAN.g_optimizer_fn = @tf.train.AdamOptimizer`,
// `DQNAgent.optimizer = @tf.train.RMSPropOptimizer()`, `vae_optimizer.optimizer_fn = @vae/AdamOptimizer`, or a macro
// `OPTIMIZER = @adafactor.Adafactor()` — is the class the configured code builds its optimizer from (`@name` passes
// the configurable, `@name()` the object it returns: https://github.com/google/gin-config/blob/master/docs/index.md).
// Files the config `include`s are read first (their bindings come before the including file's). Every such binding
// must name an optimizer class ../vocabulary/optimizers.ts knows and all must agree; a reference to anything else
// (`@my_optimizer_factory`), a macro left open or two optimizers that differ leave the fact unknown.
import * as path from 'node:path';
import type { RunDraft } from '../extract/run-draft';
import type { Fact } from '../types';
import { optimizerName } from '../vocabulary/optimizers';
import type { Linker } from './linker';

const MAX_INCLUDES = 8;
/** A parameter or macro that holds an optimizer: `optimizer`, `g_optimizer_fn`, `optimizer_class`, `OPTIMIZER`. */
const OPTIMIZER_PARAM = /(^|[_.])optimi[sz]er(_(fn|class|cls|def|type))?$/i;

interface Binding {
  file: string;
  key: string;
  value: string;
  start: number;
  end: number;
}

/** Fills `optimizer` (as `explicit`) in each draft of a gin file that has none, from the file's optimizer bindings. */
export function withGinOptimizer(linker: Linker, file: string, text: string, drafts: RunDraft[]): RunDraft[] {
  const missing = drafts.filter((d) => !d.plan.facts.get('optimizer')?.value);
  if (missing.length === 0 || !/optimi[sz]er|^include\s/im.test(text)) return drafts;
  const f = ginOptimizer(linker, file, text);
  if (f) for (const d of missing) d.plan.facts.set('optimizer', f);
  return drafts;
}

function ginOptimizer(linker: Linker, file: string, text: string): Fact | undefined {
  const bindings = new Map<string, Binding>();
  readBindings(linker, file, text, bindings, new Set([path.resolve(file)]));
  const macros = new Map([...bindings].filter(([k]) => /^[A-Z_][A-Z0-9_]*$/.test(k)).map(([k, b]) => [k, b.value]));
  const found: { value: string; b: Binding }[] = [];
  for (const b of bindings.values()) {
    const param = b.key.split('/').pop() ?? b.key;
    if (!OPTIMIZER_PARAM.test(param)) continue;
    let raw = b.value;
    for (let i = 0; i < 4 && raw.startsWith('%'); i++) raw = macros.get(raw.slice(1)) ?? '';
    // A reference (or a quoted name) the table does not know may be the optimizer, as may a macro left open
    // (`%gin.REQUIRED`): unknown. A number or a flag says nothing here.
    const ref = /^@([\w./]+?)(\(\))?$/.exec(raw)?.[1] ?? /^(['"])(\w+)\1$/.exec(raw)?.[2];
    if (!ref) {
      if (raw === '' || raw.startsWith('@')) return undefined;
      continue;
    }
    const value = optimizerName(ref.split(/[./]/).pop() ?? ref);
    if (!value) return undefined;
    found.push({ value, b });
  }
  if (found.length === 0 || new Set(found.map((f) => f.value)).size !== 1) return undefined;
  const { value, b } = found[0];
  return {
    key: 'optimizer',
    value,
    origin: 'explicit',
    file: linker.id(b.file),
    span: { start: b.start, end: b.end },
    note: `gin binding ${b.key} = ${b.value}${b.file === file ? '' : ` (${path.basename(b.file)}, included)`}`,
  };
}

/** `key = value` lines of a gin file in order, `include`d files read in place (from the file's folder or one above it). */
function readBindings(linker: Linker, file: string, text: string, out: Map<string, Binding>, seen: Set<string>) {
  let offset = 0;
  for (const line of text.split('\n')) {
    const at = offset;
    offset += line.length + 1;
    const code = line.replace(/#.*$/, '').trimEnd();
    const inc = /^include\s+(['"])(.+?)\1$/.exec(code);
    if (inc) {
      if (seen.size >= MAX_INCLUDES) continue;
      for (const dir of searchDirs(file)) {
        const p = path.resolve(dir, inc[2]);
        if (seen.has(p)) break;
        const t = linker.listDir(path.dirname(p)).includes(path.basename(p)) ? linker.read(p, file) : undefined;
        if (t === undefined) continue;
        seen.add(p);
        readBindings(linker, p, t, out, seen);
        break;
      }
      continue;
    }
    const m = /^([A-Za-z_][\w./]*)\s*=\s*(\S.*)$/.exec(code);
    if (m) out.set(m[1], { file, key: m[1], value: m[2].trim(), start: at, end: at + code.length });
  }
}

/** Where an `include` is looked for: the including file's folder and up to three folders above it. */
function searchDirs(file: string): string[] {
  const out = [path.dirname(path.resolve(file))];
  for (let i = 0; i < 3; i++) {
    const up = path.dirname(out[out.length - 1]);
    if (up === out[out.length - 1]) break;
    out.push(up);
  }
  return out;
}
