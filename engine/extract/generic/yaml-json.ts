// YAML and JSON/JSONC documents as key paths (the `yaml` and `jsonc-parser` trees, with their ranges).
// HyperPyYAML files (SpeechBrain) build objects with tags: the classes of `!new:` / `!name:` / `!apply:` tags are
// kept as the file's "imports" (for framework detection), and a scalar written `!ref <key>` takes the value of the
// top-level scalar it names, as HyperPyYAML resolves it (https://github.com/speechbrain/HyperPyYAML, 2024). Only a
// bare `<key>` reference to a plain scalar is resolved; arithmetic and string interpolation stay unread.
// Mappings inside lists are walked with the item's index as a key (`process.0.train.batch_size`: trainer jobs written
// as a list of steps), except a top-level `defaults:` list (Hydra's composition, read by ../hydra).
// A YAML alias (`*context_length`) takes its anchor's scalar (YAML 1.2 §3.2.2.2). An OmegaConf interpolation that is
// the whole value and names a key (`${model.seq_length}`, relative `${.val_check_interval}`) takes that key's scalar
// when the same file writes it, as OmegaConf resolves it
// (https://omegaconf.readthedocs.io/en/2.3_branch/usage.html#variable-interpolation, 2023); resolver calls
// (`${oc.env:X}`, `${multiply:…}`) and keys of other files stay unread.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { jsonScalar, jsonSetEdits, parseJson, type JsonNode } from '../../parse/json';
import { parseYaml, yamlScalar, yamlSetEdits, yamlSpan } from '../../parse/yaml';
import { MAX_DEPTH, MAX_ENTRIES, shortText, type Base, type Entry, type EntrySet } from './entries';

export function yamlEntries(file: string, text: string): EntrySet | undefined {
  const { doc } = parseYaml(text);
  if (!doc || !isMap(doc.contents)) return undefined;
  const d = doc as Document;
  const entries: Entry[] = [];
  const imports = new Set<string>();
  const bases: Base[] = [];
  const walk = (node: unknown, path: string[], depth: number) => {
    if (!isMap(node) || depth > MAX_DEPTH) return;
    for (const item of node.items) {
      if (entries.length >= MAX_ENTRIES) return;
      if (!isPair(item) || !isScalar(item.key)) continue;
      const pair = item as Pair;
      const key = String((pair.key as { value: unknown }).value);
      const p = [...path, key];
      const written = pair.value as Node | null;
      // An alias of a scalar anchor reads as that scalar; it is not rewritten in place (the anchor is shared).
      const target = isAlias(written) ? written.resolve(d) : undefined;
      const aliased = !!target && isScalar(target);
      const v = aliased ? (target as Node) : written;
      const ks = yamlSpan(pair.key as Node);
      const vs = yamlSpan(written);
      if (!ks) continue;
      const tag = (v as { tag?: string } | null)?.tag;
      const cls = tag && /^!(?:new|name|apply):([\w.]+)/.exec(tag)?.[1];
      if (cls) imports.add(cls);
      const span = { start: ks.start, end: vs?.end ?? ks.end };
      // `opt_class: !name:torch.optim.Adam` (its arguments below it): the optimizer class the key names, as the
      // Brain class constructs it (https://speechbrain.readthedocs.io/en/latest/tutorials/basics/brain-class.html).
      const optimizerClass = !!cls && /(^|\.)optim\.[A-Z]\w*$/.test(cls);
      if (optimizerClass) {
        const t = shortText(text.slice(span.start, span.end));
        entries.push({ path: p, value: cls, span, text: t, kind: 'value' });
      }
      if (isMap(v)) {
        walk(v, p, depth + 1);
        continue;
      }
      if (optimizerClass) continue;
      const one = isSeq(v) && v.items.length === 1 ? yamlScalar(v.items[0]) : undefined;
      entries.push({
        path: p,
        value: v === null || v === undefined ? null : isSeq(v) ? undefined : yamlScalar(v),
        items: isSeq(v) ? v.items.length : undefined,
        first: typeof one === 'number' ? one : undefined,
        ref: tag === '!ref' ? /^<([\w.]+)>$/.exec(String(yamlScalar(v)).trim())?.[1] : undefined,
        span,
        text: shortText(text.slice(span.start, span.end)),
        kind: 'value',
        set: isSeq(v) || aliased ? undefined : (value) => yamlSetEdits(file, text, d, p, value),
      });
      if (isSeq(v) && depth === 0 && key === 'defaults') hydraDefaults(v, text, entries, bases);
      // PaddleDetection's `_BASE_:` list: each YAML file loaded in order, later ones over earlier ones, the file's own
      // keys over them all (ppdet/core/workspace.py `_load_config_with_base`,
      // https://github.com/PaddlePaddle/PaddleDetection/blob/release/2.8/ppdet/core/workspace.py).
      // NATSpeech/DiffSinger `base_config:` list likewise (utils/commons/hparams.py `load_config`: bases in order, a
      // path starting with `.` relative to the file, any other relative to the working folder).
      if (isSeq(v) && depth === 0 && (key === '_BASE_' || key === '_base_' || key === 'base_config'))
        for (const it of v.items) {
          const sp = yamlSpan(it as Node);
          if (sp && isScalar(it) && typeof it.value === 'string' && /^[^$~{}]+\.ya?ml$/.test(it.value))
            bases.push({ path: it.value, span: sp });
        }
      if (isSeq(v) && !(depth === 0 && key === 'defaults'))
        v.items.forEach((it, i) => {
          if (isMap(it)) walk(it, [...p, String(i)], depth + 1);
        });
    }
  };
  walk(d.contents, [], 0);
  // `!ref <batch_size>`: the value of the top-level scalar it names (one level: a reference to a reference stays unread).
  const top = new Map(entries.filter((e) => e.path.length === 1 && !e.ref).map((e) => [e.path[0], e]));
  for (const e of entries) {
    if (!e.ref) continue;
    const t = top.get(e.ref);
    e.value = t && t.value !== null && t.items === undefined ? t.value : undefined;
    e.set = undefined;
  }
  resolveInterpolations(entries);
  // detectron2 / yacs `_BASE_:`, PaddleSeg `_base_:`, MaxText `base_config:` naming a YAML file (one file, read first).
  const base = entries.find(
    (e) =>
      e.path.length === 1 &&
      typeof e.value === 'string' &&
      (e.path[0] === '_BASE_' || e.path[0] === '_base_' || (e.path[0] === 'base_config' && /\.ya?ml$/i.test(e.value))),
  );
  return {
    file,
    syntax: 'yaml',
    entries,
    // MaxText's `base.yml` holds its framework's defaults: when it is not here, those defaults stand in for it.
    bases: base ? [{ path: String(base.value), span: base.span, optional: base.path[0] === 'base_config' }] : bases,
    imports: imports.size ? [...imports] : undefined,
  };
}

const INTERPOLATION = /^\$\{\s*(\.*)([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}$/;

/** The key path an interpolation names, from the key that holds it (a leading `.` is the holder's mapping, each further `.` one level up). */
function interpolationTarget(holder: string[], value: string): string | undefined {
  const m = INTERPOLATION.exec(value.trim());
  if (!m) return undefined;
  const up = m[1].length;
  const names = m[2].split('.');
  if (up === 0) return names.join('.');
  const mapping = holder.slice(0, holder.length - up);
  return holder.length - up < 0 ? undefined : [...mapping, ...names].join('.');
}

/** Whole-value interpolations of keys the file writes take those keys' scalars (chains followed a few steps). */
function resolveInterpolations(entries: Entry[]) {
  const byPath = new Map(entries.map((e) => [e.path.join('.'), e]));
  for (const e of entries) {
    if (typeof e.value !== 'string' || !e.value.includes('${')) continue;
    let cur: Entry = e;
    for (let hop = 0; hop < 5 && typeof cur.value === 'string'; hop++) {
      const at = interpolationTarget(cur.path, cur.value);
      const next = at === undefined ? undefined : byPath.get(at);
      if (!next || next === e || next.items !== undefined || next.value === undefined) break;
      cur = next;
    }
    if (cur === e || cur.value === null || cur.value === undefined) continue;
    if (typeof cur.value === 'string' && INTERPOLATION.test(cur.value.trim())) continue;
    e.value = cur.value;
    e.text = shortText(`${e.text} → ${String(cur.value)}`);
    e.set = undefined;
  }
}

export function jsonEntries(file: string, text: string): EntrySet | undefined {
  const { root } = parseJson(text);
  if (root?.type !== 'object') return undefined;
  const entries: Entry[] = [];
  const walk = (node: JsonNode, path: string[], depth: number, inList = false) => {
    if (depth > MAX_DEPTH) return;
    for (const prop of node.children ?? []) {
      if (entries.length >= MAX_ENTRIES) return;
      const [k, v] = prop.children ?? [];
      if (!k || typeof k.value !== 'string' || !v) continue;
      const p = [...path, k.value];
      if (v.type === 'object') {
        walk(v, p, depth + 1, inList);
        continue;
      }
      const span = { start: prop.offset, end: prop.offset + prop.length };
      entries.push({
        path: p,
        value: v.type === 'array' ? undefined : jsonScalar(v),
        items: v.type === 'array' ? (v.children?.length ?? 0) : undefined,
        first:
          v.type === 'array' && v.children?.length === 1 && v.children[0].type === 'number'
            ? (jsonScalar(v.children[0]) as number)
            : undefined,
        span,
        text: shortText(text.slice(span.start, span.end)),
        kind: 'value',
        // Under a list the path holds an index, which the JSON writer does not take: no in-place edit there.
        set: v.type === 'array' || inList ? undefined : (value) => jsonSetEdits(file, text, p, value),
      });
      if (v.type === 'array')
        (v.children ?? []).forEach((it, i) => {
          if (it.type === 'object') walk(it, [...p, String(i)], depth + 1, true);
        });
    }
  };
  walk(root, [], 0);
  return { file, syntax: 'json', entries, bases: [] };
}

/**
 * What a Hydra `defaults:` list says that a file read alone needs (https://hydra.cc/docs/advanced/defaults_list/,
 * 2024): the option chosen for an optimizer group (`- override /optimizer: adamw-apex` → `defaults.optimizer`), and
 * the configs it merges under itself (`- /experiment/owt/base.yaml`, from the config root; `- base`, beside it) as
 * bases. Other group choices stay with the Hydra reader (../hydra-compose.ts).
 */
function hydraDefaults(seq: { items: unknown[] }, text: string, entries: Entry[], bases: Base[]) {
  for (const it of seq.items) {
    const sp = yamlSpan(it as Node);
    if (!sp) continue;
    if (isScalar(it) && typeof it.value === 'string' && it.value !== '_self_' && !/[${}]/.test(it.value)) {
      const p = it.value.replace(/^\//, '');
      bases.push({ path: /\.ya?ml$/.test(p) ? p : `${p}.yaml`, span: sp });
      continue;
    }
    if (!isMap(it) || it.items.length !== 1) continue;
    const pair = it.items[0];
    if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) continue;
    const group = String(pair.key.value)
      .replace(/^override\s+/, '')
      .replace(/^\//, '');
    const option = pair.value.value;
    // A group's chosen option (`- cluster: fair_cluster`), merged under the group's name: read if it is here.
    if (
      typeof option === 'string' &&
      !/^override\s/.test(String(pair.key.value)) &&
      !/^hydra(\/|$)/.test(group) &&
      /^[\w./-]+$/.test(group) &&
      /^[\w.-]+$/.test(option) &&
      !/^(optimizer|optim)$/.test(group)
    ) {
      const p = `${group}/${option}`;
      bases.push({ path: `${p}.yaml`, alt: [`${p}.yml`], span: sp, optional: true, prefix: group.split('/') });
      continue;
    }
    if (!/^(optimizer|optim)$/.test(group) || typeof option !== 'string') continue;
    entries.push({
      path: ['defaults', group],
      value: option,
      span: sp,
      text: shortText(text.slice(sp.start, sp.end)),
      kind: 'value',
    });
  }
}
