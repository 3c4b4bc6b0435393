// OmegaConf interpolations over a composed Hydra config: a value written as a whole `${train.epochs}` (absolute: from
// the root of the composed config) or `${.batch_size}` (relative: a leading `.` is the holder's mapping, each further
// `.` one level up) takes the value of the key it names, wherever in the composition that key was written —
// `trainer/default.yaml`'s `max_epochs: ${train.epochs}` reads `epochs: 10` of the `train` group
// (https://omegaconf.readthedocs.io/en/2.3_branch/usage.html#variable-interpolation, 2023: "Interpolated nodes can be
// any node in the config, not just leaf nodes"; the path is resolved against the config root). Chains are followed a
// few steps; resolver calls (`${oc.env:X}`, `${eval:…}`), string interpolation (`run_${seed}`) and keys no file writes
// stay unknown.
import type { HLeaf, HMap, HNode } from './hydra-compose';

const WHOLE = /^\$\{\s*(\.*)([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}$/;
const MAX_HOPS = 5;

/** Gives each leaf whose value is a whole-value interpolation of a composed key that key's value. */
export function resolveInterpolations(root: HMap): void {
  const leaves: { leaf: HLeaf; at: string[] }[] = [];
  const walk = (m: HMap, at: string[], depth: number) => {
    if (depth > 12) return;
    for (const [k, v] of m.entries) {
      if (v.kind === 'map') walk(v, [...at, k], depth + 1);
      else if (v.kind === 'leaf' && v.ref) leaves.push({ leaf: v, at: [...at, k] });
    }
  };
  walk(root, [], 0);
  for (const { leaf, at } of leaves) {
    let cur: HNode | undefined = leaf;
    let where = at;
    for (let hop = 0; hop < MAX_HOPS && cur?.kind === 'leaf' && cur.ref; hop++) {
      where = target(where, cur.ref) ?? [];
      cur = where.length ? nodeAt(root, where) : undefined;
    }
    if (cur === leaf || cur?.kind !== 'leaf' || cur.ref || cur.field.value === undefined || cur.field.value === null)
      continue;
    leaf.field = {
      ...leaf.field,
      value: cur.field.value,
      text: `${leaf.field.text} → ${String(cur.field.value)}`,
    };
  }
}

/** The composed key path an interpolation names, from the path of the key that holds it. */
function target(holder: string[], ref: string): string[] | undefined {
  const m = WHOLE.exec(ref.trim());
  if (!m) return undefined;
  const up = m[1].length;
  const names = m[2].split('.');
  if (up === 0) return names;
  const base = holder.length - up;
  return base < 0 ? undefined : [...holder.slice(0, base), ...names];
}

/** The node at a dotted path of the composed config. */
export function nodeAt(root: HMap, keys: string[]): HNode | undefined {
  let cur: HNode | undefined = root;
  for (const k of keys) cur = cur?.kind === 'map' ? cur.entries.get(k) : undefined;
  return cur;
}
