// Vision and audio models a script builds, for per-sample estimates (core/data/vision-audio.ts): torchvision
// constructors (`models.resnet50(...)`, `torchvision.models.vit_b_16()`, `get_model("resnet50")`,
// `models.__dict__[args.arch]()`, `getattr(models, args.arch)()`, `torch.hub.load("pytorch/vision", "resnet50")`; a
// builder of the same name imported from the project's own module is `inferred`),
// timm `create_model("vit_base_patch16_224")`, Keras applications (`keras.applications.ResNet50(input_shape=…)`);
// Hugging Face ids (`from_pretrained("google/vit-base-patch16-224")`) are read by ./python-common as `model`. Also the
// training images per epoch of a known dataset (`datasets.CIFAR10(train=True)`, `ImageNet(split="train")`) and the
// training resolution from the transforms (`RandomResizedCrop(224)`), else the dataset's native size.
//
// Only library constructors count: a script that defines its own `resnet18()` (CIFAR-style ResNets with a 3×3 stem)
// or replaces the stem (`model.conv1 = …`, `model.maxpool = nn.Identity()`) computes several times the FLOPs of the
// table's network at the same resolution, so no architecture is reported for it.
import { lookupArchitecture } from '../../core/data/vision-audio';
import { lookupDataset } from '../../core/data/datasets';
import type { SyntaxNode } from '../parse/python';
import { literal, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey } from '../types';
import type { ValueResolver } from './python-values';

/** torchvision builder names (`resnet50`, `vit_b_16`, `efficientnet_b0`, `convnext_tiny`, `swin_t`, `resnext101_32x8d`,
 * `maskrcnn_resnet50_fpn`, `deeplabv3_resnet50`) of the table's rows. */
const TV_BUILDERS = [
  ...['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152'],
  ...['vit_b_16', 'vit_b_32', 'vit_l_16', 'vit_l_32', 'vit_h_14'],
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `efficientnet_b${i}`),
  ...['convnext_tiny', 'convnext_small', 'convnext_base'],
  ...['swin_t', 'swin_s', 'swin_b'],
  ...['resnext50_32x4d', 'resnext101_32x8d', 'resnext101_64x4d', 'wide_resnet50_2', 'wide_resnet101_2'],
  ...['mobilenet_v2', 'mobilenet_v3_large', 'mobilenet_v3_small'],
  ...['efficientnet_v2_s', 'efficientnet_v2_m', 'efficientnet_v2_l'],
  ...['fasterrcnn_resnet50_fpn', 'maskrcnn_resnet50_fpn', 'keypointrcnn_resnet50_fpn', 'retinanet_resnet50_fpn'],
  'ssd300_vgg16',
  ...['deeplabv3_resnet50', 'deeplabv3_resnet101'],
  // torchvision.models.video (core/data/video.ts: FLOPs per 16-frame clip)
  ...['r3d_18', 'mc3_18', 'r2plus1d_18', 's3d', 'mvit_v1_b', 'mvit_v2_s', 'swin3d_t', 'swin3d_s', 'swin3d_b'],
];
/** Keras applications of the table's rows (keras.io/api/applications). */
const KERAS_BUILDERS = [
  ...['ResNet50', 'ResNet101', 'ResNet152'],
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `EfficientNetB${i}`),
  ...['ConvNeXtTiny', 'ConvNeXtSmall', 'ConvNeXtBase'],
  ...['MobileNetV2', 'EfficientNetV2S', 'EfficientNetV2M', 'EfficientNetV2L'],
];
/** torchvision / torchaudio dataset classes → dataset table ids; `train=False` or a non-train split is not training. */
const DATASET_CLASSES: Record<string, string> = {
  CIFAR10: 'cifar10',
  CIFAR100: 'cifar100',
  MNIST: 'mnist',
  FashionMNIST: 'fashion_mnist',
  ImageNet: 'imagenet-1k',
};
/** A folder path of ImageNet-1k's training split, and the subsets that are not it. */
const IMAGENET_TRAIN = /(imagenet|ilsvrc)[^/]*\/(.*\/)?train\/?$/i;
const IMAGENET_SUBSET = /imagenette|imagewoof|tiny|mini|subset|imagenet-?(100|10|a|r|o|v2|sketch)\b|\d+k?[-_]?class/i;
// Training crop first; `RandomSizedCrop` and `Scale` are the names torchvision used before 0.2.
const CROPS = ['RandomResizedCrop', 'RandomSizedCrop', 'RandomCrop', 'CenterCrop', 'Resize', 'Scale'];

export const VISION_CALLS = [
  ...TV_BUILDERS,
  ...KERAS_BUILDERS,
  'create_model',
  'get_model',
  'getattr',
  'YOLO',
  'load',
  ...Object.keys(DATASET_CLASSES),
  'ImageFolder',
  'DatasetFolder',
  ...CROPS,
];

/** Whether the table knows these builders (a meta-check: every builder resolves to a row). */
export const visionBuilders = () => [...TV_BUILDERS, ...KERAS_BUILDERS].filter((b) => !lookupArchitecture(b));

const LIB_MODULE = /^(torchvision\.models|models|tv_models|tvm|timm|timm\.models|torchvision)$/;

export function visionFacts(
  file: string,
  text: string,
  root: SyntaxNode,
  calls: CallSite[],
  values: ValueResolver,
): Map<FactKey, Fact> {
  const out = new Map<FactKey, Fact>();
  const put = (f: Fact) => {
    if (!out.has(f.key)) out.set(f.key, f);
  };
  const named = namedArchFact(file, root, text, values);
  if (named) for (const f of named) put(f);
  const yolo = ultralyticsModel(file, text, calls, values);
  if (yolo) put(yolo);
  if (!/torchvision|timm|keras|tensorflow|torchaudio/.test(text)) return out;
  const modifiedStem = /\.\s*(conv1|maxpool|stem|conv_stem)\s*=(?!=)/.test(text);
  const model = modifiedStem ? undefined : modelFact(file, text, root, calls, values);
  if (model) put(model);
  else {
    const unknown = unknownImageNetwork(file, text, calls, values);
    if (unknown) put(unknown);
  }
  // Training images per epoch of a known dataset class (the train split only).
  for (const c of calls) {
    const id = DATASET_CLASSES[c.name];
    if (!id || !/datasets\.|^[A-Z]/.test(c.callee)) continue;
    const train = c.kwargs.get('train');
    const split = c.kwargs.get('split');
    if (train && values.resolve(train.value).value !== true) continue;
    if (split && values.resolve(split.value).value !== 'train') continue;
    const info = lookupDataset(id);
    if (info)
      put({ key: 'dataset_size', value: id, origin: 'explicit', file, span: spanOf(c.node), note: `${c.callee}(…)` });
  }
  // `ImageFolder("/data/imagenet/train")`: the folder names ImageNet's training split (ILSVRC2012). Our reading of a
  // path, so `inferred`; subsets and small variants (Imagenette, Tiny-/Mini-ImageNet, ImageNet-100) are not it.
  if (!out.has('dataset_size'))
    for (const c of calls) {
      if (c.name !== 'ImageFolder' && c.name !== 'DatasetFolder') continue;
      const root = values.resolve(c.positional[0] ?? c.kwargs.get('root')?.value).value;
      if (typeof root !== 'string' || !IMAGENET_TRAIN.test(root) || IMAGENET_SUBSET.test(root)) continue;
      put({
        key: 'dataset_size',
        value: 'imagenet-1k',
        origin: 'inferred',
        file,
        span: spanOf(c.node),
        note: `${c.callee}("${root}"): a folder of ImageNet's training split (ILSVRC2012, 1,281,167 images)`,
      });
      break;
    }
  const res = resolutionFact(file, calls, values, out.get('dataset_size')?.value);
  if (res) put(res);
  return out;
}

/**
 * The model an Ultralytics script trains: `YOLO("yolov8n.pt")` or `YOLO("yolov5s.yaml")` with `YOLO` imported from
 * `ultralytics` (docs.ultralytics.com/modes/train, 2024: the weights file or the model's yaml names it), when the
 * architecture table knows the name (core/data/yolo.ts): the file name without its extension. Other names (`yolo11n-seg.pt`,
 * a project's `best.pt`) give nothing.
 */
function ultralyticsModel(file: string, text: string, calls: CallSite[], values: ValueResolver): Fact | undefined {
  if (!/^\s*from\s+ultralytics\b[^\n]*\bimport\b[^\n]*\bYOLO\b/m.test(text) && !/\bultralytics\.YOLO\s*\(/.test(text))
    return undefined;
  for (const c of calls) {
    if (c.name !== 'YOLO' || !/^(ultralytics\.)?YOLO$/.test(c.callee)) continue;
    const r = values.resolve(c.positional[0] ?? c.kwargs.get('model')?.value);
    if (typeof r.value !== 'string') continue;
    const name = (r.value.split(/[\\/]/).pop() ?? r.value).replace(/\.(pt|ya?ml)$/i, '');
    if (!lookupArchitecture(name)) continue;
    const where = r.node ?? c.node;
    return {
      key: 'model',
      value: name,
      origin: r.scriptDefault ? 'script-default' : 'explicit',
      file,
      span: spanOf(where),
      note: `${c.callee}("${r.value}")${r.via ? ` (${r.via})` : ''}`,
    };
  }
  return undefined;
}

function modelFact(
  file: string,
  text: string,
  root: SyntaxNode,
  calls: CallSite[],
  values: ValueResolver,
): Fact | undefined {
  const at = (name: string, node: SyntaxNode, how: string, via?: string, scriptDefault?: boolean): Fact | undefined =>
    lookupArchitecture(name)
      ? {
          key: 'model',
          value: name,
          origin: scriptDefault ? 'script-default' : 'explicit',
          file,
          span: spanOf(node),
          note: `${how}${via ? ` (${via})` : ''}`,
        }
      : undefined;
  const byName = (node: SyntaxNode | undefined, how: (v: string) => string) => {
    const r = values.resolve(node);
    const where = r.node ?? node;
    return typeof r.value === 'string' && where ? at(r.value, where, how(r.value), r.via, r.scriptDefault) : undefined;
  };
  const localDefs = new Set([...text.matchAll(/^\s*def\s+(\w+)\s*\(/gm)].map((m) => m[1]));
  for (const c of calls) {
    const qual = c.callee.includes('.') ? c.callee.slice(0, c.callee.lastIndexOf('.')) : '';
    if (TV_BUILDERS.includes(c.name) || KERAS_BUILDERS.includes(c.name)) {
      if (localDefs.has(c.name)) continue;
      const imported = new RegExp(
        `from\\s+(torchvision\\.models|tensorflow\\.keras\\.applications|keras\\.applications)[\\w.]*\\s+import[^\\n]*\\b${c.name}\\b`,
      ).test(text);
      // `from models import resnet50` (a project's own module): most such builders follow torchvision's, but the
      // size is not certain, so the fact is `inferred` (findings on it are information at most).
      // Only torchvision's lower-case builders, from a module that is not another library of its own architectures
      // (MONAI's 3-D `resnet50(spatial_dims=3)`, segmentation_models, OpenMMLab, timm, Keras).
      const from = new RegExp(`^\\s*from\\s+([\\w.]+)\\s+import[^\\n]*\\b${c.name}\\b`, 'm').exec(text)?.[1];
      const project =
        !qual &&
        !imported &&
        TV_BUILDERS.includes(c.name) &&
        !!from &&
        !/^(monai|segmentation_models|mm\w+|timm|tensorflow|keras)\b/.test(from) &&
        !c.kwargs.has('spatial_dims');
      if (
        qual
          ? !/(models|applications|tv|models\.detection|models\.segmentation|models\.video)$/.test(qual)
          : !imported && !project
      )
        continue;
      const f = at(
        c.name,
        c.node,
        `${c.callee}(…)${project ? ", imported from the project (taken as torchvision's)" : ''}`,
      );
      if (f) return project ? { ...f, origin: 'inferred' } : f;
    }
    if (
      c.name === 'create_model' &&
      (/timm/.test(qual) || /from\s+timm[\w.]*\s+import[^\n]*\bcreate_model\b/.test(text))
    ) {
      const f = byName(c.positional[0] ?? c.kwargs.get('model_name')?.value, (v) => `timm.create_model("${v}")`);
      if (f) return f;
    }
    if (
      c.name === 'get_model' &&
      (/models$/.test(qual) || /from\s+torchvision\.models\s+import[^\n]*\bget_model\b/.test(text))
    ) {
      const f = byName(c.positional[0] ?? c.kwargs.get('name')?.value, (v) => `get_model("${v}")`);
      if (f) return f;
    }
    if (c.name === 'getattr' && c.positional.length >= 2 && LIB_MODULE.test(c.positional[0].text)) {
      const parent = c.node.parent;
      if (parent?.type === 'call') {
        const f = byName(c.positional[1], (v) => `getattr(${c.positional[0].text}, "${v}")()`);
        if (f) return f;
      }
    }
    // torchvision's hub, DETR's (detr_resnet50, detr_resnet101_dc5, …: facebookresearch/detr hubconf.py) and
    // PyTorchVideo's (slowfast_r50, i3d_r50, …: pytorchvideo/models/hub, the model zoo's Kinetics checkpoints)
    const hub = /pytorch\/vision|facebookresearch\/(?:detr|pytorchvideo)\b/.exec(c.positional[0]?.text ?? '')?.[0];
    if (c.callee === 'torch.hub.load' && hub) {
      const f = byName(c.positional[1], (v) => `torch.hub.load("${hub}", "${v}")`);
      if (f) return f;
    }
  }
  // `models.__dict__[args.arch]()` (the PyTorch ImageNet example's pattern).
  for (const m of text.matchAll(/\b(torchvision\.models|models)\.__dict__\[([^\]\n]+)\]\s*\(/g)) {
    const start = (m.index ?? 0) + m[0].indexOf('[') + 1;
    const node = root.descendantForIndex(start, start + m[2].length) ?? undefined;
    const f = byName(node, (v) => `${m[1]}.__dict__["${v}"]()`);
    if (f) return f;
  }
  return undefined;
}

/**
 * A network of an image library the table does not hold (`timm.create_model("seresnext101_32x8d")`,
 * `torchvision.models.detection.fasterrcnn_resnet50_fpn_v2()`): its size stays unknown, but it is an image network, so
 * the run is samples × epochs with no sequence length (the modality, as for research code's own image architectures).
 */
function unknownImageNetwork(file: string, text: string, calls: CallSite[], values: ValueResolver): Fact | undefined {
  const fact = (how: string, span: { start: number; end: number }): Fact => ({
    key: 'modality',
    value: 'vision',
    origin: 'explicit',
    file,
    span,
    note: `${how} builds an image network the table does not hold: samples × epochs, no sequence length (its size is unknown)`,
  });
  for (const c of calls) {
    const qual = c.callee.includes('.') ? c.callee.slice(0, c.callee.lastIndexOf('.')) : '';
    const timm =
      c.name === 'create_model' &&
      (/^timm(\.models)?$/.test(qual) || (!qual && /from\s+timm\s+import[^\n]*\bcreate_model\b/.test(text)));
    const v = timm ? values.resolve(c.positional[0] ?? c.kwargs.get('model_name')?.value).value : undefined;
    if (typeof v === 'string') return fact(`timm.create_model("${v}")`, spanOf(c.node));
  }
  // torchvision's builders, written out (`torchvision.models.detection.fasterrcnn_resnet50_fpn_v2(…)`).
  const m = /\btorchvision\.models(?:\.(?:detection|segmentation|video|optical_flow))?\.([a-z]\w*)\s*\(/.exec(text);
  if (m && !/^(get_model|get_weight|get_model_weights|get_model_builder|list_models)$/.test(m[1]))
    return fact(`${m[0].replace(/\s*\($/, '')}(…)`, { start: m.index, end: m.index + m[0].length });
  return undefined;
}

/** Image-architecture names of research code (`mae_vit_large_patch16`, `deit_small_patch16_224`, `convnext_base`). */
const VISION_ARCH =
  /^(mae_|dino_|simclr_|moco_)?(vit|deit|beit|swin|convnext|resnet|resnext|wide_resnet|regnet|efficientnet|mobilenet|densenet|vgg|eva|cait|xcit|levit|pvt|twins|mixer|poolformer)(_|\d|$)/i;

/**
 * `models_mae.__dict__[args.model](...)` / `getattr(models_vit, args.model)(...)` in a repository's own model module:
 * when the name looks like an image architecture, it is the run's model (and the run is a vision run) even if the
 * size table does not know it — then no parameter count is claimed.
 */
function namedArchFact(file: string, root: SyntaxNode, text: string, values: ValueResolver): Fact[] | undefined {
  if (!text.includes('.__dict__[')) return undefined;
  for (const m of text.matchAll(/\b([A-Za-z_][\w.]*)\.__dict__\[([^\]\n]+)\]\s*\(/g)) {
    const start = (m.index ?? 0) + m[0].indexOf('[') + 1;
    const node = root.descendantForIndex(start, start + m[2].length) ?? undefined;
    const r = values.resolve(node);
    const where = r.node ?? node;
    if (typeof r.value !== 'string' || !where || !VISION_ARCH.test(r.value)) continue;
    const how = `${m[1]}.__dict__["${r.value}"]()${r.via ? ` (${r.via})` : ''}`;
    const origin = r.scriptDefault ? 'script-default' : 'explicit';
    const model: Fact = { key: 'model', value: r.value, origin, file, span: spanOf(where), note: how };
    // A name the table knows: its size and modality follow from the table (../plan.ts).
    if (lookupArchitecture(r.value)) return [model];
    return [
      model,
      {
        key: 'modality',
        value: 'vision',
        origin,
        file,
        span: spanOf(where),
        note: `${r.value} is an image architecture: samples × epochs, no sequence length (its size is not in the table)`,
      },
    ];
  }
  return undefined;
}

/** The side of the training crop (`RandomResizedCrop(224)`), else the dataset's native size (CIFAR 32, MNIST 28). */
function resolutionFact(file: string, calls: CallSite[], values: ValueResolver, dataset: unknown): Fact | undefined {
  // Keras applications: `ResNet50(input_shape=(224, 224, 3))`.
  for (const c of calls) {
    const shape = KERAS_BUILDERS.includes(c.name) ? c.kwargs.get('input_shape')?.value : undefined;
    const dims = shape?.type === 'tuple' ? shape.namedChildren.map((n) => values.resolve(n).value) : [];
    if (shape && dims.length === 3 && typeof dims[0] === 'number' && dims[0] === dims[1])
      return {
        key: 'resolution',
        value: dims[0],
        origin: 'explicit',
        file,
        span: spanOf(shape),
        note: `${c.name}(input_shape=${shape.text})`,
      };
  }
  for (const name of CROPS) {
    const sizes = calls
      .filter((c) => c.name === name)
      .map((c) => ({ c, v: side(c.positional[0] ?? c.kwargs.get('size')?.value, values) }))
      .filter((x) => x.v !== undefined);
    const distinct = new Set(sizes.map((s) => s.v));
    // Two different training crops in one file (say, two recipes): which one runs is not known.
    const first = sizes[0]?.v;
    if (distinct.size === 1 && first !== undefined)
      return {
        key: 'resolution',
        value: first,
        origin: 'explicit',
        file,
        span: spanOf(sizes[0].c.node),
        note: `${sizes[0].c.callee}(${sizes[0].v}) in the transforms`,
      };
    if (distinct.size > 1) return undefined;
  }
  const native = typeof dataset === 'string' ? lookupDataset(dataset)?.resolution : undefined;
  if (native)
    return {
      key: 'resolution',
      value: native,
      origin: 'framework-default',
      note: `${dataset} images are ${native}×${native} and no resize is written`,
    };
  return undefined;
}

/** `224`, `(224, 224)`, `size=224`, a constant or argparse default; a non-square (h, w) → √(h·w). */
function side(node: SyntaxNode | undefined, values: ValueResolver): number | undefined {
  if (!node) return undefined;
  if (node.type === 'tuple' || node.type === 'list') {
    const vs = node.namedChildren.map((n) => values.resolve(n).value);
    if (vs.length === 2 && vs.every((v) => typeof v === 'number' && v >= 16))
      return Math.round(Math.sqrt((vs[0] as number) * (vs[1] as number)));
    return undefined;
  }
  const v = values.resolve(node).value ?? literal(node);
  // Below 16 px is no image side (a `Scale(2)` layer of the user's, not torchvision's transform).
  return typeof v === 'number' && v >= 16 && Number.isInteger(v) ? v : undefined;
}
