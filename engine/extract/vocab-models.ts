// Framework readings the vocabulary's rows cannot express alone, applied to a vocabulary run's facts: the model a
// Python config names through a builder (`TransformerConfig.llama2_1B()` in OLMo-core, `model_name = 'vit'` with
// `model.variant = 'S/16'` in big_vision), and OLMo-core's batch sizes, which it states in tokens.
import { lookupArchitecture } from '../../core/data/vision-audio';
import { mmKeepsNetwork, zooName } from './detection-models';
import type { EntrySet } from './generic';
import type { Fact, FactKey } from '../types';

type Located = { e: EntrySet['entries'][number]; file: string };

const find = (sets: EntrySet[], pred: (path: string[]) => boolean): Located | undefined => {
  let hit: Located | undefined;
  for (const s of sets) for (const e of s.entries) if (pred(e.path)) hit = { e, file: s.file };
  return hit;
};

/** OLMo-core: model from its config factory; `global_batch_size` / `rank_microbatch_size` tokens ÷ sequence length. */
export function olmoCoreFacts(sets: EntrySet[], facts: Map<FactKey, Fact>): void {
  const model = find(
    sets,
    (p) => p[p.length - 1] === '@factory' && /model/i.test(p[p.length - 2] ?? '') && p.length >= 2,
  );
  // `llama2_1B`, `olmo2_7B`, `llama3_8B`: the factory names the family and size.
  if (model && typeof model.e.value === 'string' && /\d+(\.\d+)?[BbMm]$/.test(model.e.value))
    facts.set('model', {
      key: 'model',
      value: model.e.value,
      origin: 'explicit',
      file: model.file,
      span: model.e.span,
      note: `${model.e.text}: the model the config factory builds`,
    });
  const seq = facts.get('seq_len')?.value;
  for (const k of ['global_batch', 'micro_batch'] as const) {
    const f = facts.get(k);
    if (!f || typeof f.value !== 'number') continue;
    if (typeof seq !== 'number' || f.value % seq !== 0) {
      // A token count whose sequence length is unknown is not a number of samples.
      facts.delete(k);
      continue;
    }
    facts.set(k, { ...f, value: f.value / seq, note: `${f.note}: ${f.value} tokens ÷ sequence length ${seq}` });
  }
}

/** big_vision: `config.model_name = 'vit'` + `config.model.variant = 'S/16'` → ViT-S/16. */
export function bigVisionModel(sets: EntrySet[], facts: Map<FactKey, Fact>): void {
  const name = find(sets, (p) => p[p.length - 1] === 'model_name');
  const variant = find(sets, (p) => p.length >= 2 && p[p.length - 1] === 'variant' && p[p.length - 2] === 'model');
  if (typeof name?.e.value !== 'string' || typeof variant?.e.value !== 'string') return;
  const n = name.e.value;
  const v = variant.e.value;
  const value = /^vit$/i.test(n) && /^[A-Za-z]+\/\d+$/.test(v) ? `ViT-${v}` : `${n} ${v}`;
  facts.set('model', {
    key: 'model',
    value,
    origin: 'explicit',
    file: variant.file,
    span: variant.e.span,
    note: `model_name = "${n}", model.variant = "${v}" → ${value}`,
  });
  facts.set('modality', { key: 'modality', value: 'vision', origin: 'explicit', note: `${value} is an image model` });
  // The size table knows ViTs by their timm names (`vit_small_patch16`).
  const m = /^([A-Za-z]+)\/(\d+)$/.exec(v);
  const size = m ? { ti: 'tiny', s: 'small', b: 'base', l: 'large', h: 'huge' }[m[1].toLowerCase()] : undefined;
  const arch = /^vit$/i.test(n) && size ? lookupArchitecture(`vit_${size}_patch${m![2]}`) : undefined;
  if (arch)
    facts.set('params', {
      key: 'params',
      value: arch.params,
      origin: 'explicit',
      file: variant.file,
      span: variant.e.span,
      note: `${arch.name}: ${(arch.params / 1e6).toPrecision(3)} M parameters (${arch.source.replace(/^\[[SD]\] /, '')}, ${arch.year})`,
    });
  facts.delete('seq_len');
}

/**
 * OpenMMLab: the model base a config inherits (`_base_ = ['../_base_/models/faster-rcnn_r50_fpn.py', …]`);
 * detectron2 LazyConfig: the model module it imports (`from ..common.models.mask_rcnn_fpn import model`). The file
 * name is the architecture's name in both projects' model zoos.
 */
export function zooModel(sets: EntrySet[], facts: Map<FactKey, Fact>, openmmlab = true): void {
  if (facts.has('model')) return;
  const main = sets[sets.length - 1];
  // A config named for a detector the core does not read (`cascade_mask_rcnn_r50_fpn_1x_coco`,
  // `mask_rcnn_r50_fpn_gn-all_2x_coco`) trains none of its bases' networks (./detection-models.ts).
  if (zooName(main.file) === 'other') return;
  for (const s of sets) {
    const base = s.bases.find((b) => /(^|\/)models\/[\w.-]+\.py$/.test(b.path));
    if (base) {
      const value = withBackbone(base.path.replace(/^.*\//, '').replace(/\.py$/, ''), sets);
      // A backbone the configs change into one the name cannot say: the base's network is not the run's.
      if (value === undefined) return;
      // A detector base whose configs turn on deformable convolutions, GN or another detector type (ibid.).
      const named = zooName(value);
      if (named === 'other' || (typeof named === 'object' && !mmKeepsNetwork(sets))) return;
      facts.set('model', {
        key: 'model',
        value,
        origin: 'explicit',
        file: s.file,
        span: base.span,
        note: `_base_ model config ${base.path}`,
      });
      return;
    }
  }
  if (openmmlab && mmZooName(sets, facts)) return;
  const mod = (main.imports ?? []).map((i) => /(?:^|\.)models\.(\w+)$/.exec(i)?.[1]).find(Boolean);
  if (mod)
    facts.set('model', {
      key: 'model',
      value: mod,
      origin: 'explicit',
      file: main.file,
      note: `the model of the config module …models.${mod}`,
    });
}

/**
 * OpenMMLab: the model base's name with the backbone the configs state over it (`model = dict(backbone=dict(depth=101,
 * …))` on `faster-rcnn_r50_fpn` → `faster-rcnn_r101_fpn`; `type='ResNeXt', groups=32, base_width=8` → `x101-32x8d`),
 * as OpenMMLab names those configs. The name unchanged when it names no ResNet (`upernet_convnext`) or no config
 * states the backbone's type or depth; undefined when one does and the name cannot say it (a Swin or Vim backbone
 * over `upernet_r50`, a ResNeXt without its groups and width).
 */
function withBackbone(name: string, sets: EntrySet[]): string | undefined {
  const stated = (key: string) =>
    find(sets, (p) => p.length >= 3 && p[p.length - 1] === key && p[p.length - 2] === 'backbone' && p[0] === 'model')?.e
      .value;
  const m = /([_-])r(\d+)([_-]|$)/.exec(name);
  const type = stated('type');
  const depth = stated('depth');
  // A base that names no ResNet (`upernet_convnext`) keeps its name, as does one no config changes.
  if (!m || (type === undefined && depth === undefined)) return name;
  const d = depth ?? Number(m[2]);
  if (typeof d !== 'number' || !Number.isInteger(d)) return undefined;
  let net: string;
  // mmdet/mmseg's ResNet variants (V1b/c/d: a different stem) are ResNets of that depth.
  if (type === undefined || (typeof type === 'string' && /^ResNet(V1[bcd])?$/.test(type))) net = `r${d}`;
  else if (type === 'ResNeXt') {
    const groups = stated('groups');
    const width = stated('base_width');
    if (typeof groups !== 'number' || typeof width !== 'number') return undefined;
    net = `x${d}-${groups}x${width}d`;
  } else return undefined;
  return name.replace(m[0], `${m[1]}${net}${m[3]}`);
}

/**
 * OpenMMLab: a config with no `models/` base whose own name, or the nearest `_base_` name, is a detection zoo name
 * (`faster_rcnn_r50_fpn_1x_coco.py`, `_base_ = './mask_rcnn_r50_fpn_1x_coco.py'` with the base not in the tree), with
 * the backbone the configs state over it. True when it set the model or found a name that rules one out.
 */
function mmZooName(sets: EntrySet[], facts: Map<FactKey, Fact>): boolean {
  const main = sets[sets.length - 1];
  const paths = [main.file, ...[...sets].reverse().flatMap((s) => s.bases.map((b) => b.path))];
  for (const p of paths) {
    const z = zooName(p);
    if (z === undefined) continue;
    if (z === 'other') return true;
    const value = withBackbone(z.name, sets);
    const named = value === undefined ? undefined : zooName(value);
    if (!named || named === 'other' || !mmKeepsNetwork(sets)) return true;
    facts.set('model', {
      key: 'model',
      value: named.name,
      origin: 'explicit',
      file: main.file,
      note: `${p === main.file ? "the config's name" : `_base_ ${p}`}: a detection model zoo's name`,
    });
    return true;
  }
  return false;
}
