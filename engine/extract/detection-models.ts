// The detector a detection config or script trains, from the name the detection model zoos give their configs
// (core/data/detection-zoo.ts reads the name): a detectron2 script's `model_zoo.get_config_file(...)`,
// `model_zoo.get_checkpoint_url(...)` or `cfg.merge_from_file("…")` of a zoo-named YAML, a yacs YAML whose own name or
// `_BASE_` is a zoo name, an OpenMMLab config whose own name or `_base_` is one. A name that names a detector the core
// does not read (cascade stages, GN, deformable convolutions, another backbone) gives no model, and neither does a
// config that turns the named network into another one.
import { parseZooDetector, zooDetectorId, type ZooDetector } from '../../core/data/detection-zoo';

/** [S] Images per iteration of the zoos' schedules (detectron2 configs/Base-RCNN-*.yaml SOLVER.IMS_PER_BATCH 16). */
const ZOO_IMAGES_PER_ITER = 16;
import type { EntrySet } from './generic';
import type { Fact, FactKey } from '../types';

/** A word of the zoos' detector names: a name holding one names a detector (read by the core or refused by it). */
const DETECTOR_WORD =
  /(?:^|[^a-z])(?:(?:faster|fast|mask|keypoint|cascade)[_-]?r[_-]?cnn|retina[_-]?net|rpn|htc)(?:[^a-z]|$)/i;

/** The file name of a path, without its folder and extension. */
const stem = (p: string) =>
  (p.replace(/\\/g, '/').split('/').pop() ?? p).replace(/\.(?:ya?ml|py|json|pkl|pth)$/i, '').trim();

/**
 * What a config path says of the network: the detector the core reads (`{ name, zoo }`), `'other'` for a detector
 * name it refuses (`cascade_mask_rcnn_R_50_FPN_3x`, `mask_rcnn_R_50_FPN_3x_gn`), undefined for no detector name.
 */
export function zooName(path: string): { name: string; zoo: ZooDetector } | 'other' | undefined {
  const name = stem(path);
  if (!DETECTOR_WORD.test(name)) return undefined;
  const zoo = parseZooDetector(name);
  if (zoo) return { name, zoo };
  // A head alone (`mm_faster_rcnn`) says nothing of the network; cascade stages, a backbone or a neck named beside the
  // head that the core refuses do.
  return /(?:^|[^a-z])(?:cascade|htc|(?:r|x|resnet|resnext)[-_]?\d{2,3}|fpn|c4|dc5)(?:[^a-z]|$)/i.test(name)
    ? 'other'
    : undefined;
}

/**
 * The network a detectron2 zoo name gives, without the training recipe after it: `mask_rcnn_R_50_FPN_3x` and
 * `mask_rcnn_R_50_FPN_100ep_LSJ` both train `mask_rcnn_R_50_FPN` (MODEL_ZOO.md names each network by head, backbone and
 * neck, then its schedule: "1x" = 90k iterations, "3x" = 270k, new baselines in epochs with large-scale jitter;
 * https://github.com/facebookresearch/detectron2/blob/main/MODEL_ZOO.md). `32x8d` (ResNeXt groups × width) is part of
 * the backbone, not a schedule.
 */
const withoutSchedule = (name: string): string => name.replace(/[_-]\d+(?:x|ep)(?=$|[_-]).*$/i, '') || name;

type Entry = EntrySet['entries'][number];

/** The last entry the files state for a detectron2 config key (`MODEL.RESNETS.DEPTH`), bases first. */
function statedEntry(sets: EntrySet[], key: string): Entry | undefined {
  let hit: Entry | undefined;
  const want = key.toLowerCase();
  for (const s of sets)
    for (const e of s.entries) {
      const p = e.path.join('.').toLowerCase();
      if (p === want || p.endsWith(`.${want}`)) hit = e;
    }
  return hit;
}

const stated = (sets: EntrySet[], key: string): unknown => statedEntry(sets, key)?.value;

/**
 * detectron2's standard builders of the zoos' networks (detectron2/modeling/meta_arch, backbone/resnet.py and fpn.py,
 * roi_heads/roi_heads.py): a config that states another one builds another network (a project's own meta-architecture,
 * a teacher–student wrapper, cascade ROI heads, another backbone).
 * https://github.com/facebookresearch/detectron2/blob/main/detectron2/config/defaults.py
 */
const D2_STANDARD: Record<string, RegExp> = {
  'model.meta_architecture': /^(?:GeneralizedRCNN|RetinaNet|ProposalNetwork)$/,
  'model.backbone.name': /^build_(?:resnet|resnet_fpn|retinanet_resnet_fpn)_backbone$/,
  'model.roi_heads.name': /^(?:StandardROIHeads|Res5ROIHeads)$/,
};

/**
 * Keys that switch on deformable convolutions or group normalisation, other networks the core refuses by name:
 * detectron2's `RESNETS.DEFORM_ON_PER_STAGE` and `*.NORM: "GN"`; maskrcnn-benchmark's `RESNETS.STAGE_WITH_DCN`,
 * `*.USE_GN` and `RESNETS.TRANS_FUNC: "BottleneckWithGN"`
 * (https://github.com/facebookresearch/maskrcnn-benchmark/blob/main/maskrcnn_benchmark/config/defaults.py).
 */
const OTHER_LAYERS: [string, RegExp][] = [
  ['model.resnets.deform_on_per_stage', /true/i],
  ['model.resnets.stage_with_dcn', /true/i],
  ['model.resnets.norm', /["']?(?:Sync)?GN\b/],
  ['model.fpn.norm', /["']?(?:Sync)?GN\b/],
  ['model.roi_box_head.norm', /["']?(?:Sync)?GN\b/],
  ['model.fpn.use_gn', /true/i],
  ['model.roi_box_head.use_gn', /true/i],
  ['model.resnets.trans_func', /GN/],
];

/** Whether the detectron2 keys the files state keep the network the name gives (depth, groups, norm, deformable). */
function keepsNetwork(sets: EntrySet[], zoo: ZooDetector): boolean {
  for (const [key, ok] of Object.entries(D2_STANDARD)) {
    const v = stated(sets, key);
    if (v !== undefined && !(typeof v === 'string' && ok.test(v))) return false;
  }
  const depth = stated(sets, 'model.resnets.depth');
  if (depth !== undefined && depth !== zoo.depth) return false;
  const groups = stated(sets, 'model.resnets.num_groups');
  if (groups !== undefined && groups !== (zoo.groups ?? 1)) return false;
  const width = stated(sets, 'model.resnets.width_per_group');
  if (width !== undefined && width !== (zoo.widthPerGroup ?? 64)) return false;
  // maskrcnn-benchmark names the backbone and neck in one word: "R-101-FPN", "R-50-C4".
  const body = stated(sets, 'model.backbone.conv_body');
  if (body !== undefined) {
    const m = /^R-(\d+)-(FPN|C4)(?:-RETINANET)?$/i.exec(String(body));
    if (!m || Number(m[1]) !== zoo.depth || m[2].toLowerCase() !== zoo.neck) return false;
  }
  for (const [key, on] of OTHER_LAYERS) {
    const e = statedEntry(sets, key);
    const said = e
      ? e.value !== undefined
        ? String(e.value)
        : e.text.slice(e.text.indexOf(e.path[e.path.length - 1]))
      : '';
    if (e && on.test(said.replace(/^[^:=]*[:=]/, ''))) return false;
  }
  return true;
}

const fact = (value: string, file: string, note: string, span?: Fact['span']): Fact => ({
  key: 'model',
  value,
  origin: 'explicit',
  file,
  ...(span ? { span } : {}),
  note,
});

/**
 * detectron2 (yacs): the zoo config a script merges (`cfg.merge_from_file(model_zoo.get_config_file("COCO-…/
 * mask_rcnn_R_50_FPN_3x.yaml"))`, its checkpoint `model_zoo.get_checkpoint_url(…)`, a literal `merge_from_file`
 * path), else the YAML's own name, else the nearest `_BASE_` with a detector name. One detector name or none: two
 * different ones, or one the core refuses, give no model. https://detectron2.readthedocs.io/en/latest/modules/model_zoo.html
 */
export function detectron2ZooModel(sets: EntrySet[], facts: Map<FactKey, Fact>, text?: string): void {
  if (facts.has('model')) return;
  const main = sets[sets.length - 1];
  const found: { path: string; how: string }[] = [];
  if (text) {
    // The config the script merges decides the network (the checkpoint only initialises it): every
    // `merge_from_file` must name a zoo config, as a literal or a name the script binds once to one
    // (`config_file = "COCO-Detection/…yaml"`); a checkpoint URL must agree with it.
    const call =
      /\b(merge_from_file|model_zoo\.(?:get_config_file|get_checkpoint_url|get_config|get)|get_config_file|get_checkpoint_url)\s*\(\s*(?:model_zoo\.\w+\s*\(\s*)?(?:(?:r|f)?(["'])([^"'\n]+)\2|([A-Za-z_]\w*)\s*\))?/g;
    let configs = 0;
    for (const m of text.matchAll(call)) {
      const bound = m[4] ? [...text.matchAll(new RegExp(`^\\s*${m[4]}\\s*=\\s*(.*)$`, 'gm'))] : [];
      const literal =
        bound.length === 1 ? /^r?(["'])([^"'\n]+)\1\s*(?:#.*)?$/.exec(bound[0][1].trim())?.[2] : undefined;
      const path = m[3] ?? literal;
      const weights = /get_checkpoint_url$/.test(m[1]);
      if (!weights) configs++;
      if (!path) {
        if (!weights) return;
        continue;
      }
      if (!weights && zooName(path) === undefined) return;
      found.push({ path, how: `${m[1]}("${path}")${m[4] ? ` (${m[4]})` : ''}` });
    }
    if (!configs) return;
  }
  if (!found.length && main.syntax === 'yaml') {
    found.push({ path: main.file, how: `the config's name` });
    for (const s of [...sets].reverse()) for (const b of s.bases) found.push({ path: b.path, how: `_BASE_ ${b.path}` });
  }
  // The first path that names a detector decides; the script's calls must all agree.
  let pick: { name: string; zoo: ZooDetector; how: string; path: string } | undefined;
  for (const f of found) {
    const z = zooName(f.path);
    if (z === undefined) continue;
    if (z === 'other') return;
    if (!pick) pick = { ...z, how: f.how, path: f.path };
    else if (text && zooDetectorId(z.zoo) !== zooDetectorId(pick.zoo)) return;
    if (!text) break;
  }
  if (!pick || !keepsNetwork(sets, pick.zoo)) return;
  facts.set('model', fact(withoutSchedule(pick.name), main.file, `${pick.how}: a detection model zoo's name`));
  // A MAX_ITER the script sets (read or not: `cfg.SOLVER.MAX_ITER = args.iters`) is the run's, not the zoo's.
  if (text && !/\bSOLVER\.MAX_ITER\s*=/.test(text)) zooSchedule(sets, facts, pick, main.file);
}

/**
 * The run length of a zoo config a script merges without reading it (`model_zoo.get_config_file(…)` gives a file of the
 * installed package): the schedule its name gives, in iterations of 16 images, as the config states it
 * (configs/COCO-InstanceSegmentation/mask_rcnn_R_50_FPN_3x.yaml: `SOLVER: STEPS: (210000, 250000) MAX_ITER: 270000`
 * over Base-RCNN-FPN.yaml's `IMS_PER_BATCH: 16`; MODEL_ZOO.md: "1x … 90k iterations … 3x … 270k";
 * https://github.com/facebookresearch/detectron2/tree/main/configs). detectron2/config/defaults.py's MAX_ITER of
 * 40,000 is what a config without one runs, not a zoo config. A `SOLVER.MAX_ITER` the script sets wins, and a merged
 * file the run reads states its own.
 */
function zooSchedule(
  sets: EntrySet[],
  facts: Map<FactKey, Fact>,
  pick: { name: string; zoo: ZooDetector; path: string },
  file: string,
): void {
  const images = pick.zoo.scheduleImages;
  if (!images || facts.has('max_steps') || facts.has('epochs')) return;
  if (sets.some((s) => stem(s.file) === stem(pick.path))) return;
  const iterations = Math.round(images / ZOO_IMAGES_PER_ITER);
  facts.set('max_steps', {
    key: 'max_steps',
    value: iterations,
    origin: 'framework-default',
    file,
    note: `${pick.path} (detectron2 model zoo) sets SOLVER.MAX_ITER ${iterations.toLocaleString('en-US')}: its schedule of ${ZOO_IMAGES_PER_ITER}-image iterations (detectron2 MODEL_ZOO.md, configs/)`,
  });
}

/**
 * OpenMMLab's components of the zoos' networks (mmdet/models: detectors, necks, dense_heads, roi_heads): a config
 * that states another detector type (CascadeRCNN, MaskScoringRCNN, PointRend, FSAF), neck (PAFPN, FPN_CARAFE, NASFPN),
 * head (GARPNHead, DoubleHeadRoIHead, Shared4Conv1FCBBoxHead) or RoI extractor (GenericRoIExtractor) builds another
 * network. https://github.com/open-mmlab/mmdetection/tree/main/mmdet/models
 */
const MM_STANDARD: [string, RegExp][] = [
  ['model.type', /^(?:FasterRCNN|MaskRCNN|RetinaNet|RPN|FastRCNN)$/],
  ['model.neck.type', /^FPN$/],
  ['model.rpn_head.type', /^RPNHead$/],
  ['model.bbox_head.type', /^RetinaHead$/],
  ['model.roi_head.type', /^StandardRoIHead$/],
  ['model.roi_head.bbox_roi_extractor.type', /^SingleRoIExtractor$/],
  ['model.roi_head.mask_roi_extractor.type', /^SingleRoIExtractor$/],
  ['model.roi_head.bbox_head.type', /^(?:Shared2FCBBoxHead|BBoxHead)$/],
  ['model.roi_head.mask_head.type', /^FCNMaskHead$/],
];

/** Whether an OpenMMLab config chain keeps the network its zoo name gives. */
export function mmKeepsNetwork(sets: EntrySet[]): boolean {
  const at = (key: string) => {
    let v: unknown;
    for (const s of sets) for (const e of s.entries) if (e.path.join('.') === key) v = e.value;
    return v;
  };
  for (const [key, ok] of MM_STANDARD) {
    const v = at(key);
    if (v !== undefined && !(typeof v === 'string' && ok.test(v))) return false;
  }
  // Deformable convolutions, plugins (GCNet, attention) and group normalisation in the backbone.
  if (
    sets.some((s) => s.entries.some((e) => /^model\.backbone\.(?:dcn|stage_with_dcn|plugins)\b/.test(e.path.join('.'))))
  )
    return false;
  return !/^(?:GN|SyncGN)$/.test(String(at('model.backbone.norm_cfg.type') ?? ''));
}
