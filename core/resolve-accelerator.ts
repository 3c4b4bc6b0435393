// Accelerator name resolution (re-exported by core/resolve.ts). Spellings accepted include canonical ids
// ("a100-sxm4-80gb"), loose names ("A100 80GB", "h100"), nvidia-smi output ("NVIDIA A100-SXM4-80GB", "NVIDIA H100 80GB
// HBM3", "Tesla V100-SXM2-16GB"), cloud instance types ("p4d.24xlarge", "a2-ultragpu-8g") and TPU names ("tpu v3",
// "v5litepod-8"). When a spelling does not pin a variant, the family default is used:
//   a100 -> a100-sxm4-80gb, h100 -> h100-sxm, h200 -> h200-sxm, v100 -> v100-sxm2-16gb, p100 -> p100-sxm2-16gb.
// Among the variants a spelling leaves open, the one sharing the default's memory size wins, then the one
// sharing its form factor ("a100 pcie" -> a100-pcie-80gb, "a100 40gb" -> a100-sxm4-40gb). Pure: never throws.

import { ACCELERATORS } from './data/accelerators';
import { compact, didYouMean, fail, levenshtein } from './resolve-text';
import type { Accelerator, ResolveResult } from './types';

// ------------------------------------------------------------------------------------------------ accelerators

type Form = 'sxm' | 'pcie' | 'nvl';

interface Family {
  /** Matched against joins of consecutive input tokens, from the start of a token. */
  pattern: RegExp;
  /** Rows whose id equals this or starts with `${prefix}-`. */
  prefix: string;
  defaultId: string;
  /** GeForce cards: a "Ti"/"Super" suffix names a different product. */
  geforce?: boolean;
  /** Matched only when the input says "Apple" or "Mac" (a bare "m4" is as often an AWS m4.xlarge as an Apple M4). */
  apple?: boolean;
  /** The GeForce variant word this family's own name carries ("ti" for the RTX 3090 Ti): not another product. */
  variant?: string;
  /** Not this family when the whole input (lower-cased) matches: a later card sold under the same number. */
  unless?: RegExp;
  /** Only this family when the whole input (lower-cased) matches ("Quadro RTX 6000", not the RTX 6000 Ada). */
  requires?: RegExp;
}

// Order matters only for readability; each input must match exactly one family.
const FAMILIES: readonly Family[] = [
  { pattern: /^p100(?!\d)/, prefix: 'p100', defaultId: 'p100-sxm2-16gb' },
  { pattern: /^k80(?!\d)/, prefix: 'k80', defaultId: 'k80' },
  { pattern: /^(?:gtx)?1080ti/, prefix: 'gtx-1080ti', defaultId: 'gtx-1080ti', geforce: true, variant: 'ti' },
  { pattern: /^(?:gtx)?1080(?!\d|ti)/, prefix: 'gtx-1080', defaultId: 'gtx-1080', geforce: true },
  { pattern: /^(?:gtx)?1070ti/, prefix: 'gtx-1070ti', defaultId: 'gtx-1070ti', geforce: true, variant: 'ti' },
  { pattern: /^(?:gtx)?1070(?!\d|ti)/, prefix: 'gtx-1070', defaultId: 'gtx-1070', geforce: true },
  // "TITAN Xp" and "TITAN X (Pascal)" ("titanx" + "pascal" joined) are two cards; "TITAN V" is Volta.
  { pattern: /^titanxp(?!ascal)/, prefix: 'titan-xp', defaultId: 'titan-xp' },
  // "GTX TITAN X" is the 2015 Maxwell card (the Pascal one was sold without "GTX"); so is "TITAN X Maxwell".
  { pattern: /^(?:gtxtitanx(?!p)|titanxmaxwell)/, prefix: 'titan-x-maxwell', defaultId: 'titan-x-maxwell' },
  {
    pattern: /^titanx(?!p(?!ascal))/,
    prefix: 'titan-x-pascal',
    defaultId: 'titan-x-pascal',
    unless: /gtx[\s_-]*titan[\s_-]*x(?!p)|maxwell/,
  },
  { pattern: /^titanv(?!\d)/, prefix: 'titan-v', defaultId: 'titan-v' },
  { pattern: /^(?:tesla)?p40(?!\d)/, prefix: 'p40', defaultId: 'p40' },
  // "v100s" is the V100S; "v100sxm2" (tokens "v100" + "sxm2" joined) is a plain V100.
  { pattern: /^v100s(?!xm)/, prefix: 'v100s', defaultId: 'v100s-pcie-32gb' },
  { pattern: /^v100(?!\d)(?!s(?!xm))/, prefix: 'v100', defaultId: 'v100-sxm2-16gb' },
  { pattern: /^(?:tesla)?t4(?!\d)/, prefix: 't4', defaultId: 't4' },
  { pattern: /^a100(?!\d)/, prefix: 'a100', defaultId: 'a100-sxm4-80gb' },
  { pattern: /^a800(?!\d)/, prefix: 'a800', defaultId: 'a800-sxm4-80gb' },
  { pattern: /^a10g/, prefix: 'a10g', defaultId: 'a10g' },
  { pattern: /^a10(?![\dg])/, prefix: 'a10', defaultId: 'a10' },
  { pattern: /^a30(?!\d)/, prefix: 'a30', defaultId: 'a30' },
  // "a40" only: "a4000" is the RTX A4000, a different card with its own row.
  { pattern: /^a40(?!\d)/, prefix: 'a40', defaultId: 'a40' },
  { pattern: /^(?:rtx)?a6000/, prefix: 'rtx-a6000', defaultId: 'rtx-a6000' },
  { pattern: /^(?:rtx)?a5000(?!\d)/, prefix: 'rtx-a5000', defaultId: 'rtx-a5000' },
  { pattern: /^(?:rtx)?a4000(?!\d)/, prefix: 'rtx-a4000', defaultId: 'rtx-a4000' },
  // GeForce Ti cards are other products (more cores, more power): families of their own, tried on the joined tokens
  // ("3090" + "ti"), so that the plain family, whose every match they extend, gives way (`dominated`).
  { pattern: /^(?:rtx)?3090ti/, prefix: 'rtx-3090ti', defaultId: 'rtx-3090ti', geforce: true, variant: 'ti' },
  { pattern: /^(?:rtx)?3090(?!\d|ti)/, prefix: 'rtx-3090', defaultId: 'rtx-3090', geforce: true },
  { pattern: /^(?:rtx)?3060ti/, prefix: 'rtx-3060ti', defaultId: 'rtx-3060ti', geforce: true, variant: 'ti' },
  { pattern: /^(?:rtx)?3060(?!\d|ti)/, prefix: 'rtx-3060', defaultId: 'rtx-3060', geforce: true },
  { pattern: /^(?:rtx)?4070ti/, prefix: 'rtx-4070ti', defaultId: 'rtx-4070ti', geforce: true, variant: 'ti' },
  { pattern: /^(?:rtx)?4070(?!\d|ti)/, prefix: 'rtx-4070', defaultId: 'rtx-4070', geforce: true },
  { pattern: /^(?:rtx)?4060ti/, prefix: 'rtx-4060ti', defaultId: 'rtx-4060ti-16gb', geforce: true, variant: 'ti' },
  { pattern: /^(?:rtx)?4060(?!\d|ti)/, prefix: 'rtx-4060', defaultId: 'rtx-4060', geforce: true },
  { pattern: /^(?:rtx)?2080ti/, prefix: 'rtx-2080ti', defaultId: 'rtx-2080ti', geforce: true, variant: 'ti' },
  { pattern: /^titanrtx/, prefix: 'titan-rtx', defaultId: 'titan-rtx' },
  // Quadro RTX (Turing, 2018). "RTX 6000" and "RTX 5000" are also sold as Ada (2022–23) and Blackwell cards: those
  // two need "Quadro" in the name; "RTX 8000" names only the Quadro.
  { pattern: /^rtx8000$/, prefix: 'quadro-rtx-8000', defaultId: 'quadro-rtx-8000', unless: /ada|blackwell/ },
  {
    pattern: /^rtx6000$/,
    prefix: 'quadro-rtx-6000',
    defaultId: 'quadro-rtx-6000',
    requires: /quadro/,
    unless: /ada|blackwell/,
  },
  {
    pattern: /^rtx5000$/,
    prefix: 'quadro-rtx-5000',
    defaultId: 'quadro-rtx-5000',
    requires: /quadro/,
    unless: /ada|blackwell/,
  },
  { pattern: /^(?:rtx)?3080(?!\d)/, prefix: 'rtx-3080', defaultId: 'rtx-3080', geforce: true },
  { pattern: /^(?:rtx)?3070(?!\d)/, prefix: 'rtx-3070', defaultId: 'rtx-3070', geforce: true },
  { pattern: /^(?:rtx)?4090(?!\d)/, prefix: 'rtx-4090', defaultId: 'rtx-4090', geforce: true },
  { pattern: /^(?:rtx)?4080(?!\d)/, prefix: 'rtx-4080', defaultId: 'rtx-4080', geforce: true },
  { pattern: /^(?:rtx)?6000ada/, prefix: 'rtx-6000-ada', defaultId: 'rtx-6000-ada' },
  { pattern: /^l4(?!\d)/, prefix: 'l4', defaultId: 'l4' },
  { pattern: /^l20(?!\d)/, prefix: 'l20', defaultId: 'l20' },
  { pattern: /^l40s/, prefix: 'l40s', defaultId: 'l40s' },
  { pattern: /^l40(?![\ds])/, prefix: 'l40', defaultId: 'l40' },
  { pattern: /^h100(?!\d)/, prefix: 'h100', defaultId: 'h100-sxm' },
  { pattern: /^h200(?!\d)/, prefix: 'h200', defaultId: 'h200-sxm' },
  { pattern: /^h800(?!\d)/, prefix: 'h800', defaultId: 'h800-sxm' },
  { pattern: /^h20(?!\d)/, prefix: 'h20', defaultId: 'h20' },
  // Grace Hopper: "GH200", "GH200 Grace Hopper", "Grace Hopper Superchip" (one Hopper GPU per superchip).
  { pattern: /^(?:nvidia)?(?:gh200(?!\d)|gracehopper)/, prefix: 'gh200', defaultId: 'gh200' },
  // "gb200" before "b200": the B200 pattern must not match inside "gb200" (tokens are matched from their start).
  { pattern: /^gb200(?!\d)/, prefix: 'gb200', defaultId: 'gb200' },
  { pattern: /^(?:hgx|dgx)?b200(?!\d)/, prefix: 'b200', defaultId: 'b200' },
  { pattern: /^(?:rtx)?5090(?!\d)/, prefix: 'rtx-5090', defaultId: 'rtx-5090', geforce: true },
  { pattern: /^(?:rtx)?5080(?!\d)/, prefix: 'rtx-5080', defaultId: 'rtx-5080', geforce: true },
  { pattern: /^(?:rtx)?5070ti/, prefix: 'rtx-5070ti', defaultId: 'rtx-5070ti', geforce: true, variant: 'ti' },
  { pattern: /^(?:rtx)?5070(?!\d|ti)/, prefix: 'rtx-5070', defaultId: 'rtx-5070', geforce: true },
  { pattern: /^(?:rtx)?5060ti/, prefix: 'rtx-5060ti', defaultId: 'rtx-5060ti-16gb', geforce: true, variant: 'ti' },
  { pattern: /^(?:rtx)?5060(?!\d|ti)/, prefix: 'rtx-5060', defaultId: 'rtx-5060', geforce: true },
  { pattern: /^mi250x/, prefix: 'mi250x', defaultId: 'mi250x' },
  { pattern: /^mi250(?![\dx])/, prefix: 'mi250', defaultId: 'mi250' },
  { pattern: /^mi210(?!\d)/, prefix: 'mi210', defaultId: 'mi210' },
  { pattern: /^mi300x/, prefix: 'mi300x', defaultId: 'mi300x' },
  { pattern: /^mi325x/, prefix: 'mi325x', defaultId: 'mi325x' },
  // First-generation Gaudi (2019; AWS DL1): "Gaudi", "Gaudi1", "Habana Gaudi 32GB", "HL-205". A bare "gaudi" gives way
  // to "gaudi2"/"gaudi3" wherever those follow it ("Gaudi 2" joins to "gaudi2", which extends it).
  { pattern: /^(?:habana|intel)?gaudi1?(?![\d])/, prefix: 'gaudi1', defaultId: 'gaudi1' },
  { pattern: /^hl205(?!\d)/, prefix: 'gaudi1', defaultId: 'gaudi1' },
  { pattern: /^(?:habana|intel)?gaudi2(?!\d)/, prefix: 'gaudi2', defaultId: 'gaudi2' },
  { pattern: /^(?:habana|intel)?gaudi3(?!\d)/, prefix: 'gaudi3', defaultId: 'gaudi3' },
  { pattern: /^hl225/, prefix: 'gaudi2', defaultId: 'gaudi2' },
  { pattern: /^hl32[58]/, prefix: 'gaudi3', defaultId: 'gaudi3' },
  // Ascend 910 (first generation) and 910B (any of its B1–B4 variants: one row with a band); "910C" is not in the table.
  { pattern: /^(?:huawei)?ascend910(?![\da-z])/, prefix: 'ascend-910', defaultId: 'ascend-910' },
  { pattern: /^(?:huawei)?ascend910b\d?$/, prefix: 'ascend-910b', defaultId: 'ascend-910b' },
  // Graphcore's second-generation IPU ("GC200", "Mk2 IPU", "Graphcore Mk2"); a bare "IPU" also names the first
  // generation (GC2) and Bow, which are not in the table.
  {
    pattern: /^(?:graphcore)?(?:colossus)?(?:mk2|gc200)(?![\da-z])/,
    prefix: 'gc200',
    defaultId: 'gc200',
    requires: /ipu|graphcore|gc200|colossus/,
  },
  // Apple silicon: "M2 Max", "apple m3 max", "m4max" (tokens joined). A bare "m1"/"m2"/"m4" is the base chip only with
  // "Apple"/"Mac" in the name and when no longer spelling ("m1max") names a variant (`dominated` in resolveAccelerator).
  { pattern: /^(?:apple)?m1(?![\da-z])/, prefix: 'apple-m1', defaultId: 'apple-m1', apple: true },
  { pattern: /^(?:apple)?m1pro/, prefix: 'apple-m1-pro', defaultId: 'apple-m1-pro' },
  { pattern: /^(?:apple)?m1max/, prefix: 'apple-m1-max', defaultId: 'apple-m1-max' },
  { pattern: /^(?:apple)?m1ultra/, prefix: 'apple-m1-ultra', defaultId: 'apple-m1-ultra' },
  { pattern: /^(?:apple)?m2(?![\da-z])/, prefix: 'apple-m2', defaultId: 'apple-m2', apple: true },
  { pattern: /^(?:apple)?m2pro/, prefix: 'apple-m2-pro', defaultId: 'apple-m2-pro' },
  { pattern: /^(?:apple)?m3pro/, prefix: 'apple-m3-pro', defaultId: 'apple-m3-pro' },
  { pattern: /^(?:apple)?m3ultra/, prefix: 'apple-m3-ultra', defaultId: 'apple-m3-ultra' },
  { pattern: /^(?:apple)?m4(?![\da-z])/, prefix: 'apple-m4', defaultId: 'apple-m4', apple: true },
  { pattern: /^(?:apple)?m4pro/, prefix: 'apple-m4-pro', defaultId: 'apple-m4-pro' },
  { pattern: /^(?:apple)?m2max/, prefix: 'apple-m2-max', defaultId: 'apple-m2-max' },
  { pattern: /^(?:apple)?m2ultra/, prefix: 'apple-m2-ultra', defaultId: 'apple-m2-ultra' },
  { pattern: /^(?:apple)?m3max/, prefix: 'apple-m3-max', defaultId: 'apple-m3-max' },
  { pattern: /^(?:apple)?m4max/, prefix: 'apple-m4-max', defaultId: 'apple-m4-max' },
  // "tpu" is required for v3/v4: a bare "v4" is too common elsewhere (Azure "NC A100 v4").
  { pattern: /^tpuv2(?!\d)/, prefix: 'tpu-v2', defaultId: 'tpu-v2' },
  { pattern: /^tpuv3(?!\d)/, prefix: 'tpu-v3', defaultId: 'tpu-v3' },
  { pattern: /^tpuv4(?![\di])/, prefix: 'tpu-v4', defaultId: 'tpu-v4' },
  { pattern: /^(?:tpu)?v5(?:e|lite)/, prefix: 'tpu-v5e', defaultId: 'tpu-v5e' },
  { pattern: /^(?:tpu)?v5p(?!\d)/, prefix: 'tpu-v5p', defaultId: 'tpu-v5p' },
  { pattern: /^(?:tpu)?v6e(?!\d)/, prefix: 'tpu-v6e', defaultId: 'tpu-v6e' },
  { pattern: /^trillium/, prefix: 'tpu-v6e', defaultId: 'tpu-v6e' },
];

/** Cloud instance / machine types whose accelerator is fixed. Matched against the whole lower-cased input. */
const INSTANCE_TYPES: ReadonlyArray<readonly [RegExp, string]> = [
  // AWS (optionally SageMaker "ml." prefixed)
  [/^(?:ml\.)?p3dn\./, 'v100-sxm2-32gb'],
  [/^(?:ml\.)?p3\./, 'v100-sxm2-16gb'],
  [/^(?:ml\.)?p4de\./, 'a100-sxm4-80gb'],
  [/^(?:ml\.)?p4d\./, 'a100-sxm4-40gb'],
  [/^(?:ml\.)?p5e(?:n)?\./, 'h200-sxm'],
  [/^(?:ml\.)?p6e-gb200\./, 'gb200'],
  [/^(?:ml\.)?p5\./, 'h100-sxm'],
  [/^(?:ml\.)?p6-b200\./, 'b200'],
  [/^(?:ml\.)?g4dn\./, 't4'],
  [/^(?:ml\.)?p2\./, 'k80'],
  [/^(?:ml\.)?g5\./, 'a10g'],
  [/^(?:ml\.)?g6e\./, 'l40s'],
  [/^(?:ml\.)?g6\./, 'l4'],
  // AWS EC2 DL1: 8 Habana Gaudi HL-205 (EC2 accelerated computing instance specifications)
  [/^dl1\./, 'gaudi1'],
  // Google Cloud
  [/^a2-ultragpu-/, 'a100-sxm4-80gb'],
  [/^a2-(?:high|mega)gpu-/, 'a100-sxm4-40gb'],
  [/^a3-ultragpu-/, 'h200-sxm'],
  [/^a3-(?:high|mega|edge)gpu-/, 'h100-sxm'],
  [/^a4-highgpu-/, 'b200'],
  [/^g2-standard-/, 'l4'],
  [/^a4x-highgpu-/, 'gb200'],
  [/^ct5lp-/, 'tpu-v5e'],
  [/^ct5p-/, 'tpu-v5p'],
  [/^ct6e-/, 'tpu-v6e'],
  // Azure VM sizes
  [/^standard_nc\d+ads_a100_v4/, 'a100-pcie-80gb'],
  [/^standard_nd96amsr_a100_v4/, 'a100-sxm4-80gb'],
  [/^standard_nd96asr_v4/, 'a100-sxm4-40gb'],
  [/^standard_nd96isr_h100_v5/, 'h100-sxm'],
  [/^standard_nd96isr_h200_v5/, 'h200-sxm'],
  [/^standard_nc\d+ads_h100_v5/, 'h100-nvl'],
  [/^standard_nc\d+as_t4_v3/, 't4'],
  [/^standard_nd96isr_mi300x_v5/, 'mi300x'],
  [/^standard_nv\d+ads_a10_v5/, 'a10'],
];

const VENDOR_WORDS = new Set([
  'nvidia',
  'tesla',
  'geforce',
  'amd',
  'instinct',
  'radeon',
  'google',
  'cloud',
  'gpu',
  'quadro',
  'intel',
  'habana',
  'apple',
]);
const GEFORCE_VARIANT = new Set(['ti', 'super', 'laptop', 'mobile', 'max', 'd']);

function accTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0 && !VENDOR_WORDS.has(t));
}

function formOf(a: Accelerator): Form | undefined {
  if (a.id.includes('-sxm')) return 'sxm';
  if (a.id.includes('-pcie')) return 'pcie';
  if (a.id.includes('-nvl')) return 'nvl';
  return undefined;
}

function byId(id: string): Accelerator | undefined {
  return ACCELERATORS.find((a) => a.id === id);
}

function familyRows(f: Family): Accelerator[] {
  return ACCELERATORS.filter((a) => a.id === f.prefix || a.id.startsWith(`${f.prefix}-`));
}

function familyOf(a: Accelerator): Family | undefined {
  return FAMILIES.find((f) => a.id === f.prefix || a.id.startsWith(`${f.prefix}-`));
}

function suggestAccelerators(input: string): string[] {
  const key = accTokens(input).join('');
  if (key.length === 0) return [];
  const scored = ACCELERATORS.map((a, index) => {
    const fam = familyOf(a);
    const keys = [compact(a.id), accTokens(a.name).join(''), fam ? compact(fam.prefix) : compact(a.id)];
    const d = Math.min(...keys.map((k) => levenshtein(key, k)));
    // One name containing the other ("a100" inside "a1000") counts as close whatever the edit distance.
    const contained = keys.some((k) => k.length >= 3 && (key.includes(k) || k.includes(key)));
    const isDefault = fam?.defaultId === a.id ? 0 : 1;
    return { id: a.id, rank: contained ? Math.min(d, 1) : d, d, isDefault, index };
  });
  const limit = Math.max(2, Math.floor(key.length / 3));
  return scored
    .filter((s) => s.rank <= limit)
    .sort((x, y) => x.rank - y.rank || x.d - y.d || x.isDefault - y.isDefault || x.index - y.index)
    .slice(0, 5)
    .map((s) => s.id);
}

const COMMON_ACCELERATORS = ['a100-sxm4-80gb', 'h100-sxm', 'v100-sxm2-16gb', 'l4', 'tpu-v4'];

function unknownAccelerator(input: string, extra?: string): ResolveResult<Accelerator> {
  const suggestions = suggestAccelerators(input);
  const base = didYouMean('accelerator', input, suggestions, `Known ids include: ${COMMON_ACCELERATORS.join(', ')}.`);
  return fail(extra ? `${base} ${extra}` : base, suggestions);
}

/** Names resolved so far (every estimate and what-if of an analysis resolves the same few): results are not changed. */
const resolved = new Map<string, ResolveResult<Accelerator>>();

/** Resolve an accelerator from a loose, case-insensitive name. Never throws. */
export function resolveAccelerator(name: string): ResolveResult<Accelerator> {
  if (typeof name !== 'string') return resolveName(name);
  let r = resolved.get(name);
  if (r) return r;
  r = resolveName(name);
  if (resolved.size >= 256) resolved.clear();
  resolved.set(name, r);
  return r;
}

function resolveName(name: string): ResolveResult<Accelerator> {
  const raw = typeof name === 'string' ? name.trim() : '';
  if (raw.length === 0) return fail('No accelerator given.', COMMON_ACCELERATORS.slice());
  const lower = raw.toLowerCase();

  // 1. Canonical id or exact display name.
  const exact = ACCELERATORS.find((a) => a.id === lower || a.name.toLowerCase() === lower);
  if (exact) return { ok: true, value: exact };

  // 2. Cloud instance / machine type.
  for (const [re, id] of INSTANCE_TYPES) {
    if (re.test(lower)) {
      const acc = byId(id);
      if (acc) return { ok: true, value: acc };
    }
  }

  // 3. Family + memory + form factor.
  const tokens = accTokens(raw);
  const candidates: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = '';
    for (let k = i; k < Math.min(tokens.length, i + 4); k++) {
      joined += tokens[k];
      candidates.push(joined);
    }
  }
  const appleNamed = /apple|mac/i.test(raw);
  const matched = FAMILIES.filter(
    (f) =>
      (!f.apple || appleNamed) &&
      !f.unless?.test(lower) &&
      (!f.requires || f.requires.test(lower)) &&
      candidates.some((c) => f.pattern.test(c)),
  );
  // A family all of whose matches are extended by another family's match ("m1" inside "m1max") is that one's prefix.
  const dominated = (f: Family) =>
    matched.some(
      (g) =>
        g !== f &&
        candidates
          .filter((c) => f.pattern.test(c))
          .every((c) => candidates.some((d) => d.length > c.length && d.startsWith(c) && g.pattern.test(d))),
    );
  const families = matched.filter((f) => !dominated(f));
  if (families.length === 0) {
    // A number two generations of workstation cards share: say which names the table knows.
    if (/\brtx[\s_-]*[56]000\b/.test(lower) && !/ada|blackwell/.test(lower))
      return unknownAccelerator(
        raw,
        'Quadro RTX 5000/6000 (Turing, 2018) and RTX 5000/6000 Ada (2022–23) are different cards: write "Quadro RTX 6000" or "RTX 6000 Ada".',
      );
    return unknownAccelerator(raw);
  }
  if (families.length > 1) {
    const ids = families.map((f) => f.defaultId);
    return fail(`Ambiguous accelerator "${raw}": it names more than one device (${ids.join(', ')}). Name one.`, ids);
  }
  const fam = families[0];
  const otherVariant = (t: string) =>
    (GEFORCE_VARIANT.has(t) && t !== fam.variant) ||
    (/^\d{4}(?:ti|super|d)$/.test(t) && !(fam.variant !== undefined && t.endsWith(fam.variant)));
  if (fam.geforce && tokens.some(otherVariant)) {
    return unknownAccelerator(
      raw,
      'Ti, Super and laptop variants have different power and clocks and are not in the table.',
    );
  }

  if (fam.prefix.startsWith('ascend-910') && /910[\s_-]*(?:c|pro)\b/i.test(raw)) {
    return unknownAccelerator(raw, 'The Ascend 910 and 910B are in the table; the 910C and 910 Pro are not.');
  }

  let rows = familyRows(fam);
  const def = byId(fam.defaultId) ?? rows[0];
  // GeForce memory sizes name different cards (RTX 3080 10 GB vs 12 GB: more cores, more power): a size the row does not
  // have is another product, not this row.
  const sizeMatch = fam.geforce ? /\b(\d{1,2})\s*g(?:i?b)?\b/.exec(lower.replace(/[^a-z0-9]+/g, ' ')) : null;
  if (sizeMatch && !rows.some((a) => a.memoryGB === Number(sizeMatch[1]))) {
    return unknownAccelerator(raw, `No ${def.name} variant with ${sizeMatch[1]} GB is in the table.`);
  }
  if (rows.length > 1) {
    const memMatch = /\b(\d{1,3})\s*g(?:i?b)?\b/.exec(lower.replace(/[^a-z0-9]+/g, ' '));
    if (memMatch) {
      const mem = Number(memMatch[1]);
      const withMem = rows.filter((a) => a.memoryGB === mem);
      if (withMem.length === 0) {
        const ids = rows.map((a) => a.id);
        return fail(
          `Unknown accelerator "${raw}": no ${fam.prefix.toUpperCase()} variant with ${mem} GB. Did you mean: ${ids.join(', ')}?`,
          ids.slice(0, 5),
        );
      }
      rows = withMem;
    }
    const form: Form | undefined = tokens.some((t) => t.startsWith('pcie'))
      ? 'pcie'
      : tokens.some((t) => t === 'nvl')
        ? 'nvl'
        : tokens.some((t) => t.startsWith('sxm') || t.startsWith('hbm'))
          ? 'sxm'
          : undefined;
    if (form) {
      const withForm = rows.filter((a) => formOf(a) === form);
      if (withForm.length === 0) {
        const ids = rows.map((a) => a.id);
        return fail(
          `Unknown accelerator "${raw}": no ${fam.prefix.toUpperCase()} ${form.toUpperCase()} variant. Did you mean: ${ids.join(', ')}?`,
          ids.slice(0, 5),
        );
      }
      rows = withForm;
    }
  }
  // AMD MI250/MI250X: "GCD" (or "die") names one of a package's two compute dies, the device ROCm shows; else the package.
  if (rows.some((a) => a.id.endsWith('-gcd'))) {
    const gcd = tokens.some((t) => /^(?:gcds?|dies?|gcd\d*)$/.test(t));
    rows = rows.filter((a) => a.id.endsWith('-gcd') === gcd);
  }
  const score = (a: Accelerator): number =>
    (a.id === def.id ? 4 : 0) + (a.memoryGB === def.memoryGB ? 2 : 0) + (formOf(a) === formOf(def) ? 1 : 0);
  const best = rows.slice().sort((x, y) => score(y) - score(x))[0];
  return { ok: true, value: best };
}

/** One row of `greenml hardware`: what the footprint core knows about an accelerator. */
export interface AcceleratorListing {
  id: string;
  name: string;
  vendor: Accelerator['vendor'];
  arch: string;
  memoryGB: number;
  /** Rated power (W) the core models the device at. */
  powerW: number;
  /** Dense peak TFLOPS per precision (no sparsity). */
  tflops: Accelerator['tflops'];
  source: string;
  year: number;
}

/** Every known accelerator with its memory, power and dense peaks, in table order (for `greenml hardware`). */
export function listAccelerators(): AcceleratorListing[] {
  return ACCELERATORS.map((a) => ({
    id: a.id,
    name: a.name,
    vendor: a.vendor,
    arch: a.arch,
    memoryGB: a.memoryGB,
    powerW: a.powerW,
    tflops: { ...a.tflops },
    source: a.source,
    year: a.year,
  }));
}
