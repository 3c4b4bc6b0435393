// Hydra composition, read-only: a primary config's `defaults:` list followed to config-group files
// (`- trainer: gpu` → <root>/trainer/gpu.yaml, merged under `trainer`), `_self_` placement (last when not written,
// Hydra ≥ 1.1), `# @package` headers, `group@pkg`, `optional`, `override` (from any file reached, e.g. an
// experiment), and command-line overrides (`trainer=gpu`, `trainer.precision=bf16-mixed`). Every value keeps the
// file and in-file path it came from, so findings and fixes land where the value is written. Interpolations
// (`${...}`) that name a key of the composed config take its value (./hydra-interpolate); other interpolations
// and `???` are values this review cannot know. Nothing is evaluated or resolved beyond this.
import * as path from 'node:path';
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parseYaml } from '../parse/yaml';
import type { FactValue, OffsetEdit } from '../types';
import { yamlConfig, type ConfigDoc } from './config-doc';
import type { Field } from './fields';
import { nodeAt, resolveInterpolations } from './hydra-interpolate';

export interface HydraReader {
  read(file: string): string | undefined;
  list(dir: string): readonly string[];
  /** The name a file goes by in facts and findings. */
  id(file: string): string;
}

export interface HLeaf {
  kind: 'leaf';
  field: Field;
  /** In-file path (a config file), or the override's dotted path (a command line). */
  path: string[];
  /** Writes this value where it is written; absent for config files (./hydra writes through the doc). */
  write?: (v: FactValue) => OffsetEdit[] | undefined;
  /** A whole-value interpolation as written (`${train.epochs}`): resolved over the composed config (./hydra-interpolate). */
  ref?: string;
}
export interface HMap {
  kind: 'map';
  entries: Map<string, HNode>;
  /** The files (and in-file paths) that wrote into this mapping, in merge order. */
  parts: { file: string; path: string[] }[];
}
export interface HSeq {
  kind: 'seq';
  items: HNode[];
  field?: Field;
  path: string[];
}
export type HNode = HLeaf | HMap | HSeq;

export interface Override {
  /** Dotted key (`trainer.precision`) or a group name (`trainer`, `experiment`). */
  name: string;
  field: Field;
  write?: HLeaf['write'];
  /** A group choice with `/` in its name (`model/optimizer`), not a value. */
  group?: boolean;
}

export interface Composition {
  root: HMap;
  /** Config files merged, in order (ids). */
  files: string[];
  /** Parsed configs by id, for edits. */
  docs: Map<string, ConfigDoc>;
  messages: string[];
  /** Absolute path of the config root (the primary's folder). */
  rootDir: string;
}

const MAX_FILES = 60;
const MAX_DEPTH = 8;
/** Mappings nested deeper than this are not read (a training config is a few levels deep). */
const MAX_NESTING = 24;

interface Loaded {
  doc: Document;
  cdoc: ConfigDoc;
  header?: string;
}

interface DefaultEntry {
  self?: boolean;
  /** Group path as written (`trainer`, `/trainer`, `db/mysql`); undefined for a plain config name. */
  group?: string;
  options: (string | null)[];
  pkg?: string;
  optional: boolean;
  override: boolean;
}

/** True for a YAML text whose top level has a `defaults:` list (the mark of a Hydra config that composes others). */
export const hasDefaultsList = (text: string) =>
  /^defaults:[ \t]*(#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*- /m.test(text) || /^defaults:[ \t]*\[/m.test(text);

const unknownValue = (v: Field['value'] | undefined) => typeof v === 'string' && (/\$\{/.test(v) || v === '???');

export class Composer {
  private readonly loaded = new Map<string, Loaded | null>();
  readonly messages: string[] = [];

  constructor(
    private readonly reader: HydraReader,
    readonly rootDir: string,
  ) {}

  load(file: string): Loaded | undefined {
    const abs = path.resolve(file);
    if (this.loaded.has(abs)) return this.loaded.get(abs) ?? undefined;
    let out: Loaded | null = null;
    const text = this.reader.read(abs);
    if (text !== undefined) {
      const { doc } = parseYaml(text);
      // A file of comments only (or empty) is an empty mapping; so, for composing, is a group option whose value
      // is a list (`tasks: oc20_direct` naming a file of `- _target_: …` items): it sets no key of the run.
      const cdoc =
        doc && isMap(doc.contents)
          ? yamlConfig(this.reader.id(abs), text)
          : doc && (doc.contents === null || isSeq(doc.contents))
            ? yamlConfig(this.reader.id(abs), '{}\n')
            : undefined;
      const header = /^#\s*@package\s+(\S+)/m.exec(
        text
          .split('\n')
          .filter((l) => l.startsWith('#'))
          .join('\n'),
      )?.[1];
      if (doc && cdoc) out = { doc, cdoc, header };
    }
    this.loaded.set(abs, out);
    return out ?? undefined;
  }

  private defaults(l: Loaded): DefaultEntry[] {
    const root = l.doc.contents;
    if (!isMap(root)) return [];
    const pair = root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'defaults');
    if (!pair || !isSeq(pair.value)) return [];
    const out: DefaultEntry[] = [];
    for (const item of pair.value.items.slice(0, 100)) {
      if (isScalar(item) && typeof item.value === 'string') {
        if (item.value === '_self_') out.push({ self: true, options: [], optional: false, override: false });
        else out.push({ options: [item.value], optional: false, override: false });
      } else if (isMap(item) && item.items.length === 1 && isPair(item.items[0]) && isScalar(item.items[0].key)) {
        const key = String(item.items[0].key.value).trim();
        const v = item.items[0].value as Node | null;
        const m = /^(?:(override|optional)\s+)?(?:(optional)\s+)?([^@\s]+)(?:@(\S+))?$/.exec(key);
        if (!m) continue;
        const options = isSeq(v)
          ? v.items.map((x) => (isScalar(x) && typeof x.value === 'string' ? x.value : null))
          : [isScalar(v) && typeof v.value === 'string' ? v.value : null];
        out.push({
          group: m[3],
          options,
          pkg: m[4],
          optional: m[1] === 'optional' || m[2] === 'optional',
          override: m[1] === 'override',
        });
      }
    }
    return out;
  }

  /**
   * Composes `primary` with group choices and value overrides (a command line). Overrides written in the
   * configs reached (`- override /trainer: gpu` in an experiment) apply like choices; the command line wins.
   */
  compose(primary: string, overrides: Override[] = []): Composition {
    const cli = new Map<string, string | null>();
    const values: Override[] = [];
    for (const o of overrides) {
      const group = o.name;
      const isGroup =
        o.group ||
        (!o.name.includes('.') && this.reader.list(path.join(this.rootDir, group)).some((n) => /\.ya?ml$/.test(n)));
      if (isGroup && (typeof o.field.value === 'string' || o.field.value === null)) cli.set(group, o.field.value);
      else values.push(o);
    }
    let choices = new Map(cli);
    let result = this.pass(primary, choices);
    for (let i = 0; i < 3; i++) {
      const next = new Map([...result.overrides, ...cli]);
      if ([...next].every(([k, v]) => choices.get(k) === v) && next.size === choices.size) break;
      choices = next;
      result = this.pass(primary, choices);
    }
    for (const o of values) this.setValue(result.comp.root, o);
    resolveInterpolations(result.comp.root);
    return result.comp;
  }

  private pass(primary: string, choices: Map<string, string | null>) {
    const comp: Composition = {
      root: { kind: 'map', entries: new Map(), parts: [] },
      files: [],
      docs: new Map(),
      messages: [],
      rootDir: this.rootDir,
    };
    const overrides = new Map<string, string | null>();
    const stack = new Set<string>();
    const visit = (file: string, gpath: string[], pkg: string[], depth: number) => {
      const abs = path.resolve(file);
      // A config that includes itself (directly or not) is an error in Hydra: the cycle is cut here.
      if (depth > MAX_DEPTH || comp.files.length >= MAX_FILES || stack.has(abs)) return;
      const l = this.load(file);
      if (!l) return;
      stack.add(abs);
      const id = l.cdoc.file;
      const header = l.header;
      const effPkg = header === '_global_' ? [] : header === '_group_' || !header ? pkg : header.split('.');
      let selfDone = false;
      const mergeSelf = () => {
        selfDone = true;
        if (!comp.files.includes(id)) comp.files.push(id);
        comp.docs.set(id, l.cdoc);
        if (isMap(l.doc.contents)) this.mergeMap(comp.root, effPkg, l, l.doc.contents as Node, []);
      };
      for (const e of this.defaults(l)) {
        if (e.self) {
          if (!selfDone) mergeSelf();
          continue;
        }
        if (e.group === undefined) {
          const name = e.options[0]!.replace(/\.ya?ml$/i, '');
          const g = [
            ...gpath,
            ...path.posix
              .dirname(name)
              .split('/')
              .filter((x) => x && x !== '.'),
          ];
          visit(path.join(this.rootDir, ...g, `${path.posix.basename(name)}.yaml`), g, g, depth + 1);
          continue;
        }
        const abs = e.group.startsWith('/');
        const g = abs ? e.group.slice(1).split('/') : [...gpath, ...e.group.split('/')];
        const key = g.join('/');
        if (g[0] === 'hydra') continue;
        if (e.override) {
          overrides.set(key, e.options[0] ?? null);
          continue;
        }
        const chosen = choices.has(key) ? [choices.get(key)!] : e.options;
        const childPkg =
          e.pkg === '_global_' ? [] : e.pkg === '_here_' ? effPkg : e.pkg ? [...effPkg, ...e.pkg.split('.')] : g;
        for (const written of chosen) {
          if (written === null || written === undefined) continue;
          // An option may be written with its extension (`override /trainer: gpu.yaml`, as the lightning-hydra
          // template's experiments did): Hydra loads the same file either way.
          const opt = written.replace(/\.ya?ml$/i, '');
          const f = path.join(this.rootDir, ...g, `${opt}.yaml`);
          if (!this.load(f)) {
            const alt = path.join(this.rootDir, ...g, `${opt}.yml`);
            if (this.load(alt)) {
              visit(alt, g, childPkg, depth + 1);
              continue;
            }
            if (!e.optional && this.reader.list(path.join(this.rootDir, ...g)).length > 0) {
              comp.messages.push(`${key}/${opt}.yaml (named in ${path.basename(file)}'s defaults) was not found`);
            }
            continue;
          }
          visit(f, g, childPkg, depth + 1);
        }
      }
      if (!selfDone) mergeSelf();
      stack.delete(abs);
    };
    visit(primary, [], [], 0);
    return { comp, overrides };
  }

  /** The mapping at a package path, created when missing. */
  private mapAt(root: HMap, pkg: string[]): HMap {
    let cur = root;
    for (const k of pkg) {
      let next = cur.entries.get(k);
      if (!next || next.kind !== 'map') {
        next = { kind: 'map', entries: new Map(), parts: [] };
        cur.entries.set(k, next);
      }
      cur = next;
    }
    return cur;
  }

  private mergeMap(root: HMap, pkg: string[], l: Loaded, node: Node, inFile: string[]) {
    const target = this.mapAt(root, pkg);
    target.parts.push({ file: l.cdoc.file, path: inFile });
    if (!isMap(node) || inFile.length > MAX_NESTING) return;
    for (const p of node.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const k = String(p.key.value);
      if (inFile.length === 0 && k === 'defaults') continue;
      const v = p.value as Node | null;
      const at = [...inFile, k];
      if (isMap(v)) this.mergeMap(target, [k], l, v, at);
      else target.entries.set(k, this.node(l, v, at));
    }
  }

  private node(l: Loaded, v: Node | null, at: string[]): HNode {
    if (at.length > MAX_NESTING)
      return {
        kind: 'leaf',
        field: {
          name: at[at.length - 1],
          value: undefined,
          file: l.cdoc.file,
          span: { start: 0, end: 0 },
          text: at.join('.'),
        },
        path: at,
      };
    if (isMap(v)) {
      const m: HMap = { kind: 'map', entries: new Map(), parts: [{ file: l.cdoc.file, path: at }] };
      for (const p of v.items)
        if (isPair(p) && isScalar(p.key))
          m.entries.set(String(p.key.value), this.node(l, p.value as Node | null, [...at, String(p.key.value)]));
      return m;
    }
    if (isSeq(v))
      return {
        kind: 'seq',
        items: v.items.slice(0, 100).map((x, i) => this.node(l, x as Node, [...at, String(i)])),
        field: l.cdoc.field(at),
        path: at,
      };
    const f = l.cdoc.field(at) ?? {
      name: at[at.length - 1],
      value: undefined,
      file: l.cdoc.file,
      span: { start: 0, end: 0 },
      text: at.join('.'),
    };
    if (!unknownValue(f.value)) return { kind: 'leaf', field: f, path: at };
    return { kind: 'leaf', field: { ...f, value: undefined }, path: at, ref: String(f.value) };
  }

  private setValue(root: HMap, o: Override) {
    const keys = o.name.split('.');
    const parent = this.mapAt(root, keys.slice(0, -1));
    const v = o.field.value;
    parent.entries.set(keys[keys.length - 1], {
      kind: 'leaf',
      field: { ...o.field, value: unknownValue(v ?? undefined) ? undefined : v },
      path: keys,
      write: o.write,
    });
  }
}

/** Mappings with a `_target_`, with their place in the composed config. */
export function targets(root: HMap): { at: string[]; map: HMap; target: string; leaf: HLeaf }[] {
  const out: { at: string[]; map: HMap; target: string; leaf: HLeaf }[] = [];
  const walk = (m: HMap, at: string[], depth: number) => {
    if (depth > 10 || out.length > 200) return;
    const t = m.entries.get('_target_');
    if (t?.kind === 'leaf' && typeof t.field.value === 'string')
      out.push({ at, map: m, target: t.field.value, leaf: t });
    for (const [k, v] of m.entries) {
      if (v.kind === 'map') walk(v, [...at, k], depth + 1);
      else if (v.kind === 'seq')
        v.items.forEach((x, i) => x.kind === 'map' && walk(x, [...at, k, String(i)], depth + 1));
    }
  };
  walk(root, [], 0);
  return out;
}

export { nodeAt };
