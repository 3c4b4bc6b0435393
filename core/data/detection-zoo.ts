// The names the detection model zoos give their two-stage and one-stage detectors, read into the network they build
// (head, backbone, neck) and the schedule they train it for. One convention runs through them:
//
//   Detectron (Caffe2, 2018; facebookresearch/Detectron configs/12_2017_baselines and MODEL_ZOO.md):
//     e2e_faster_rcnn_R-50-FPN_1x, e2e_mask_rcnn_X-101-64x4d-FPN_2x, retinanet_X-101-32x8d-FPN_1x, rpn_R-50-C4_1x,
//     fast_rcnn_R-50-FPN_1x, e2e_keypoint_rcnn_R-50-FPN_s1x, e2e_mask_rcnn_X-152-32x8d-FPN-IN5k_1.44x;
//   maskrcnn-benchmark (PyTorch, 2018–19; configs/): e2e_faster_rcnn_R_50_C4_1x, e2e_mask_rcnn_X_101_32x8d_FPN_1x;
//   Detectron2 (2019–; configs/COCO-Detection, COCO-InstanceSegmentation, COCO-Keypoints): faster_rcnn_R_50_DC5_3x,
//     mask_rcnn_R_101_FPN_3x, retinanet_R_50_FPN_1x, keypoint_rcnn_X_101_32x8d_FPN_3x, rpn_R_50_C4_1x;
//   mmdetection (2019–; configs/<method>/): faster_rcnn_r50_fpn_1x_coco, mask_rcnn_x101_32x4d_fpn_2x_coco,
//     faster_rcnn_r50_caffe_c4_1x_coco, retinanet_x101_64x4d_fpn_1x_coco (3.x: faster-rcnn_r50_fpn_1x_coco);
//   torchvision's builders: fasterrcnn_resnet50_fpn, maskrcnn_resnet50_fpn, keypointrcnn_resnet50_fpn.
//
// Backbone: R (ResNet) or X (ResNeXt) and its depth 50, 101 or 152, a ResNeXt with its cardinality × width per group
// ("32x8d"); the neck FPN, C4 (the backbone to conv4, conv5 as the box head) or DC5 (conv5 dilated, stride 16); the
// head Faster R-CNN, Mask R-CNN, Keypoint R-CNN, RetinaNet, a region proposal network alone (RPN) or Fast R-CNN (the
// box head on precomputed proposals: no RPN). A name that also names something that changes the network — cascade
// stages, group-normalised or deformable layers, another neck or backbone family, another detector built on these —
// is none of these networks and is not read.
//
// Schedule (Detectron MODEL_ZOO.md, "Training Schedules": "1x: For minibatch size 16, this schedule starts at a LR of
// 0.02 and is decreased by a factor of * 0.1 after 60k and 80k iterations and finally terminates at 90k iterations";
// "2x: Twice as long as the 1x schedule"; "s1x (stretched 1x) … finally ending after 130k iterations"; minibatches of 8
// images run twice the iterations; Detectron2 MODEL_ZOO.md: "1x … 90k iterations … 3x … 270k"): k·x = k × 90,000
// iterations of 16 images. mmdetection defines 1x as 12 epochs, which on COCO's 118,287 training images is 1.42 M
// images against 1.44 M.

/** What a detection model zoo's name says: the network and, where it names one, the schedule. */
export interface ZooDetector {
  head: 'faster' | 'mask' | 'keypoint' | 'retinanet' | 'rpn' | 'fast';
  depth: 50 | 101 | 152;
  /** ResNeXt cardinality and width per group; absent for a ResNet. */
  groups?: number;
  widthPerGroup?: number;
  neck: 'fpn' | 'c4' | 'dc5';
  /** Images the named schedule trains on (iterations × 16), when the name gives one. */
  scheduleImages?: number;
}

/** [S] Images of a 1x schedule: 90,000 iterations of 16 images (Detectron and Detectron2 MODEL_ZOO.md). */
export const ONE_X_IMAGES = 90_000 * 16;
/** [S] Detectron's "stretched 1x": 130,000 iterations of 16 images (Detectron MODEL_ZOO.md). */
const S1X_IMAGES = 130_000 * 16;

/** Words that name something that changes the network: a name carrying one is another detector (see above). */
const OTHER_NETWORK = new Set([
  'cascade',
  'htc',
  'gn',
  'ws',
  'dconv',
  'mdconv',
  'dcn',
  'dcnv2',
  'dpool',
  'mdpool',
  'deformable',
  'gcb',
  'nonlocal',
  'libra',
  'sabl',
  'ga',
  'double',
  'grid',
  'free',
  'freeanchor',
  'ghm',
  'pisa',
  'trident',
  'tridentnet',
  'point',
  'pointrend',
  'panoptic',
  'scoring',
  'hrnet',
  'hrnetv2',
  'regnet',
  'res2net',
  'resnest',
  'fbnet',
  'mobilenet',
  'vgg',
  'swin',
  'vit',
  'rfp',
  'sac',
  'carafe',
  'pafpn',
  'nasfpn',
  'fpg',
  'bfp',
  '4conv1fc',
]);

const HEADS: [ZooDetector['head'], RegExp][] = [
  ['keypoint', /^(?:keypoints?|kps|keypointrcnn)$/],
  ['mask', /^(?:mask|maskrcnn)$/],
  ['retinanet', /^(?:retinanet|retina)$/],
  ['faster', /^(?:faster|fasterrcnn)$/],
  ['fast', /^(?:fast|fastrcnn|precomp|precomputed)$/],
  ['rpn', /^rpn$/],
];

/** The words of a name: lower case, split at anything but letters, digits and a decimal point; "R-CNN" one word. */
function words(name: string): string[] {
  const w = name
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .map((x) => x.replace(/^\.+|\.+$/g, ''))
    .filter((x) => x.length > 0);
  const out: string[] = [];
  for (const x of w) {
    if (x === 'cnn' && out[out.length - 1] === 'r') out[out.length - 1] = 'rcnn';
    else if (x === 'rcnn' && /^(?:faster|fast|mask|keypoint)$/.test(out[out.length - 1] ?? ''))
      out[out.length - 1] += 'rcnn';
    else out.push(x);
  }
  // "Region Proposal Network" is the RPN.
  return out
    .join(' ')
    .replace(/\bregion proposal network\b/g, 'rpn')
    .split(' ');
}

const DEPTHS = new Set([50, 101, 152]);

/** The backbone at word `i`: R-50, R_101, r50, ResNet-50, X-101-32x8d, x101_64x4d, resnext101_32x8d. */
function backboneAt(w: string[], i: number): { depth: number; groups?: number; width?: number; next: number } | null {
  let m = /^(r|x|resnet|resnext)(\d+)?$/.exec(w[i]);
  if (!m) return null;
  let next = i + 1;
  let depth = m[2] ? Number(m[2]) : NaN;
  if (!m[2]) {
    if (!/^\d+$/.test(w[next] ?? '')) return null;
    depth = Number(w[next++]);
  }
  if (!DEPTHS.has(depth)) return null;
  const resnext = m[1] === 'x' || m[1] === 'resnext';
  m = /^(\d+)x(\d+)d$/.exec(w[next] ?? '');
  if (resnext !== !!m) return null;
  return m ? { depth, groups: Number(m[1]), width: Number(m[2]), next: next + 1 } : { depth, next };
}

/** The schedule a word names: "1x", "2x", "3x", "1.44x", "s1x" (Detectron's stretched 1x). */
function scheduleImages(word: string): number | undefined {
  if (word === 's1x') return S1X_IMAGES;
  const m = /^(\d+(?:\.\d+)?)x$/.exec(word);
  return m && Number(m[1]) > 0 ? Number(m[1]) * ONE_X_IMAGES : undefined;
}

/** A word that names devices after a count ("8x V100", "8x P100 16GB"): the count before it is no schedule. */
const DEVICE_WORD = /^(?:gpus?|nvidia|tesla|gtx|rtx|[a-z]{1,2}\d{2,4}[a-z]*)$/;

/** The schedule among the three words after the neck (zoo names put it there, after "IN5k" or "mstrain" at most). */
function scheduleAfter(w: string[], from: number): number | undefined {
  for (let k = from; k < Math.min(w.length, from + 3); k++) {
    const images = scheduleImages(w[k]);
    if (images !== undefined && !DEVICE_WORD.test(w[k + 1] ?? '')) return images;
  }
  return undefined;
}

/**
 * The detector a model-zoo name gives (see above), or undefined: a name must give a head, a backbone the table derives
 * and a neck, in that order, and nothing that makes it another network. RetinaNet and Keypoint R-CNN are FPN networks.
 */
export function parseZooDetector(name: string): ZooDetector | undefined {
  if (typeof name !== 'string') return undefined;
  const w = words(name);
  if (w.some((x) => OTHER_NETWORK.has(x))) return undefined;
  for (let i = 0; i < w.length; i++) {
    const b = backboneAt(w, i);
    if (!b) continue;
    const before = w.slice(0, i);
    const named = HEADS.filter(([, re]) => before.some((x) => re.test(x))).map(([h]) => h);
    if (named.length === 0) return undefined;
    // The richest head named wins (a Mask R-CNN name may also say "Faster"); "precomputed proposals" or Fast R-CNN
    // take the RPN away, which leaves the box head (and no mask head: core/data/detection.ts counts it for Mask R-CNN).
    let head = named[0];
    if (named.includes('fast') && !named.includes('keypoint') && !named.includes('retinanet')) head = 'fast';
    let j = b.next;
    while (w[j] === 'caffe' || w[j] === 'pytorch') j++;
    const neck = w[j];
    if (neck !== 'fpn' && neck !== 'c4' && neck !== 'dc5') return undefined;
    // torchvision's `*_fpn_v2` detectors are other networks (heavier heads, Li et al. 2021).
    if (/^v\d+$/.test(w[j + 1] ?? '')) return undefined;
    if ((head === 'retinanet' || head === 'keypoint') && neck !== 'fpn') return undefined;
    const sched = scheduleAfter(w, j + 1);
    return {
      head,
      depth: b.depth as ZooDetector['depth'],
      ...(b.groups ? { groups: b.groups, widthPerGroup: b.width } : {}),
      neck,
      ...(sched ? { scheduleImages: sched } : {}),
    };
  }
  return undefined;
}

const HEAD_ID: Record<ZooDetector['head'], string> = {
  faster: 'fasterrcnn',
  mask: 'maskrcnn',
  keypoint: 'keypointrcnn',
  retinanet: 'retinanet',
  rpn: 'rpn',
  fast: 'fastrcnn',
};

/** The table's id of a detector: "fasterrcnn-r50-fpn", "maskrcnn-x101-32x8d-fpn", "rpn-r50-c4" (which parses back). */
export function zooDetectorId(d: ZooDetector): string {
  const bb = d.groups ? `x${d.depth}-${d.groups}x${d.widthPerGroup}d` : `r${d.depth}`;
  return `${HEAD_ID[d.head]}-${bb}-${d.neck}`;
}
