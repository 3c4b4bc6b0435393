// Vision transformers named by family and size/patch ("ViT-L/16", "DeiT-S", "vit_large_patch14_clip_224",
// "torchvision vit_l_32"), the self-supervised objectives that change their FLOPs per image where the method is named
// (MAE, DINO, DINOv2, MoCo v3), and DETR-style detectors from the published
// GFLOPs tables. Resolved by lookupArchitecture (core/data/vision-audio.ts) after its own table, so the rows there win.
//
// Convention as in vision-audio.ts: FLOPs = 2 × multiply-accumulates (MACs); training FLOPs = 3 × forward FLOPs ×
// samples × epochs (core/estimate.ts). A method whose second network only runs forward (a momentum or EMA teacher)
// enters as forward-equivalents: forward FLOPs per image = student forward + teacher forward ÷ 3, so that 3 × that is
// 3 × student + 1 × teacher. Projection heads are left out (DINO's prototype head: ≈ 1.5 % of ViT-S/16's multi-crop FLOPs).
//
// Every shape and count below has its source and year in the table itself; test/core/vision-vit.test.ts checks the
// derived parameter counts against the published ones, and the derived FLOPs against OpenCLIP's profiled FLOPs
// (mlfoundations/open_clip docs/model_profile.csv) and MAE's own statements.

import type { ArchitectureInfo } from '../types';

interface VitShape {
  layers: number;
  hidden: number;
  /** MLP width (a SwiGLU MLP of hidden h enters as the plain MLP of the same MACs, 1.5·h). */
  mlp: number;
  source: string;
  year: number;
}

/** ViT shapes by size letter. */
export const VIT_SHAPES: Readonly<Record<string, VitShape>> = {
  ti: { layers: 12, hidden: 192, mlp: 768, source: 'Touvron et al. 2021 (DeiT), Table 1: ViT-Ti', year: 2021 },
  s: { layers: 12, hidden: 384, mlp: 1536, source: 'Touvron et al. 2021 (DeiT), Table 1: ViT-S', year: 2021 },
  b: { layers: 12, hidden: 768, mlp: 3072, source: 'Dosovitskiy et al. 2021 (ViT), Table 1: ViT-Base', year: 2021 },
  l: { layers: 24, hidden: 1024, mlp: 4096, source: 'Dosovitskiy et al. 2021 (ViT), Table 1: ViT-Large', year: 2021 },
  h: { layers: 32, hidden: 1280, mlp: 5120, source: 'Dosovitskiy et al. 2021 (ViT), Table 1: ViT-Huge', year: 2021 },
  g: {
    layers: 40,
    hidden: 1408,
    mlp: 6144,
    source: 'Zhai et al. 2022 (Scaling Vision Transformers), Table 2: ViT-g/14, 1,011 M parameters',
    year: 2022,
  },
  /** DINOv2's ViT-g: 1,536 wide, 40 blocks, SwiGLU MLP of hidden int(6144 × 2/3) = 4,096 (three matrices = the MACs of a 6,144-wide MLP). */
  g2: {
    layers: 40,
    hidden: 1536,
    mlp: 6144,
    source:
      'Oquab et al. 2023 (DINOv2) and facebookresearch/dinov2 dinov2/models/vision_transformer.py vit_giant2 (embed 1,536, depth 40, SwiGLU): 1.1 B parameters',
    year: 2023,
  },
};

/** Network-level counts of a plain ViT over `tokens` tokens (L × (T·(4d² + 2d·mlp) + 2·T²·d)). */
function blocksMacs(s: VitShape, tokens: number): number {
  const d = s.hidden;
  return s.layers * (tokens * (4 * d * d + 2 * d * s.mlp) + 2 * tokens * tokens * d);
}
function blockParams(s: VitShape): number {
  const d = s.hidden;
  return s.layers * (4 * d * d + 4 * d + 2 * d * s.mlp + s.mlp + d + 4 * d);
}

/** A plain ViT (class token, 1,000-way head) at `resolution`: MACs and parameters. */
export function plainVitMacs(s: VitShape, patch: number, resolution: number): { macs: number; params: number } {
  const d = s.hidden;
  const patches = Math.floor(resolution / patch) ** 2;
  const macs = patches * 3 * patch * patch * d + blocksMacs(s, patches + 1) + d * 1000;
  const params = 3 * patch * patch * d + d + (patches + 2) * d + blockParams(s) + 2 * d + d * 1000 + 1000;
  return { macs, params };
}

/** [S] MAE defaults: mask ratio 75 %, decoder 8 blocks × 512 wide (He et al. 2022, §3 and Table 1; facebookresearch/mae models_mae.py *_dec512d8b). */
export const MAE = { maskRatio: 0.75, decoder: { layers: 8, hidden: 512, mlp: 2048 } } as const;

/**
 * MAE pre-training per image (He et al. 2022 §3; models_mae.py): the encoder runs on the 25 % visible patches plus the
 * class token, the light decoder on every patch (mask tokens) plus the class token, and a linear prediction of the
 * p²·3 pixels of every patch. Everything is trained.
 */
export function maeMacs(s: VitShape, patch: number, resolution: number): { macs: number; params: number } {
  const d = s.hidden;
  const dec = { ...MAE.decoder, source: '', year: 0 };
  const patches = Math.floor(resolution / patch) ** 2;
  const visible = Math.round(patches * (1 - MAE.maskRatio));
  const px = patch * patch * 3;
  const macs =
    patches * px * d + // the patch embedding runs on every patch before masking (models_mae.py forward_encoder)
    blocksMacs(s, visible + 1) +
    (visible + 1) * d * dec.hidden +
    blocksMacs(dec, patches + 1) +
    (patches + 1) * dec.hidden * px;
  const params =
    px * d +
    d +
    d +
    blockParams(s) +
    2 * d +
    d * dec.hidden +
    dec.hidden +
    dec.hidden +
    blockParams(dec) +
    2 * dec.hidden +
    dec.hidden * px +
    px;
  return { macs, params };
}

/** [S] Multi-crop defaults: DINO main_dino.py (2 global crops of 224, --local_crops_number 8 of 96 px); DINOv2 ssl_default_config.yaml (2 × 224, 8 local of 96 px). */
export const MULTI_CROP = { global: 2, globalSize: 224, local: 8, localSize: 96 } as const;

/**
 * DINO / DINOv2 self-distillation per image (Caron et al. 2021 §3.1; Oquab et al. 2023 §4): the student runs on 2 global
 * and 8 local crops (trained), the EMA teacher on the 2 global crops (forward only: ÷ 3 in forward-equivalents). The
 * stated resolution sets the global crops; local crops stay 96 px.
 */
export function multiCropMacs(s: VitShape, patch: number, resolution: number): { macs: number; params: number } {
  const global = plainVitMacs(s, patch, resolution);
  const local = plainVitMacs(s, patch, MULTI_CROP.localSize);
  const student = MULTI_CROP.global * global.macs + MULTI_CROP.local * local.macs;
  const teacher = MULTI_CROP.global * global.macs;
  return { macs: student + teacher / 3, params: global.params };
}

/** MoCo v3 per image (Chen, Xie & He 2021, Algorithm 1): two crops through the base encoder (trained) and the momentum encoder (forward only). */
export function mocoV3Macs(s: VitShape, patch: number, resolution: number): { macs: number; params: number } {
  const one = plainVitMacs(s, patch, resolution);
  return { macs: 2 * one.macs + (2 * one.macs) / 3, params: one.params };
}

// ------------------------------------------------------------------------------------------------ DETR-style detectors

const DETR_PAPER = 'Carion et al. 2020 (DETR), Table 1';
const DEFORMABLE_PAPER =
  'Zhu et al. 2021 (Deformable DETR), Table 1; fundamentalvision/Deformable-DETR README.md, Main Results';
const DETR_NOTE =
  'one COCO image as the network sees it (shorter side 800, longer ≤ 1,333); the published GFLOPs are averaged over ' +
  'COCO val images with Detectron2/fvcore flop counting, which counts a multiply-accumulate as one FLOP: doubled here';

/** [S] The reference code of both trains in fp32: main.py of facebookresearch/detr and of fundamentalvision/Deformable-DETR
 * builds the model and optimizer with no autocast, GradScaler or mixed-precision option (2020). */
const DETR_FP32 =
  'facebookresearch/detr and fundamentalvision/Deformable-DETR main.py, 2020: no mixed-precision option';

/** [S] Published GFLOPs (multiply-accumulates) and parameters per detector, ResNet-50 backbone unless named. */
const DETR_ROWS: ReadonlyArray<{
  id: string;
  name: string;
  gmacs: number;
  params: number;
  source: string;
  year: number;
}> = [
  { id: 'detr-r50', name: 'DETR (ResNet-50)', gmacs: 86, params: 41e6, source: DETR_PAPER, year: 2020 },
  { id: 'detr-dc5-r50', name: 'DETR-DC5 (ResNet-50)', gmacs: 187, params: 41e6, source: DETR_PAPER, year: 2020 },
  { id: 'detr-r101', name: 'DETR (ResNet-101)', gmacs: 152, params: 60e6, source: DETR_PAPER, year: 2020 },
  { id: 'detr-dc5-r101', name: 'DETR-DC5 (ResNet-101)', gmacs: 253, params: 60e6, source: DETR_PAPER, year: 2020 },
  {
    id: 'deformable-detr-ss',
    name: 'Deformable DETR, single scale (ResNet-50)',
    gmacs: 78,
    params: 34e6,
    source: DEFORMABLE_PAPER,
    year: 2021,
  },
  {
    id: 'deformable-detr-ss-dc5',
    name: 'Deformable DETR, single scale DC5 (ResNet-50)',
    gmacs: 128,
    params: 34e6,
    source: DEFORMABLE_PAPER,
    year: 2021,
  },
  {
    id: 'deformable-detr',
    name: 'Deformable DETR (ResNet-50, multi-scale)',
    gmacs: 173,
    params: 40e6,
    source: DEFORMABLE_PAPER,
    year: 2021,
  },
  {
    id: 'deformable-detr-refine',
    name: 'Deformable DETR + iterative box refinement (ResNet-50)',
    gmacs: 173,
    params: 41e6,
    source: DEFORMABLE_PAPER,
    year: 2021,
  },
  {
    id: 'deformable-detr-two-stage',
    name: 'Two-stage Deformable DETR with box refinement (ResNet-50)',
    gmacs: 173,
    params: 41e6,
    source: DEFORMABLE_PAPER,
    year: 2021,
  },
];

/** DETR-style detectors resize every image themselves: a stated resolution does not scale them. */
export const DETR_IDS: ReadonlySet<string> = new Set(DETR_ROWS.map((r) => r.id));

function detrRow(id: string): ArchitectureInfo | undefined {
  const r = DETR_ROWS.find((x) => x.id === id);
  if (!r) return undefined;
  return {
    id: r.id,
    name: r.name,
    modality: 'vision',
    family: 'convnet',
    params: r.params,
    forwardFlops: 2 * r.gmacs * 1e9,
    reference: { resolution: 800, note: DETR_NOTE },
    aliases: [],
    source: `[S] ${r.source}: ${r.gmacs} GFLOPs (multiply-accumulates), ${r.params / 1e6} M parameters`,
    year: r.year,
    trainedIn: { precision: 'fp32', source: DETR_FP32 },
  };
}

/**
 * The DETR-style detector a name denotes: DETR (R50/R101, DC5) and Deformable DETR (single scale, DC5, multi-scale,
 * box refinement, two-stage) as published; undefined for the many descendants (Conditional, DAB-, DN-, DINO-DETR,
 * RT-DETR, …) and for other backbones, whose FLOPs the tables do not give.
 */
function detrIn(t: string): string | undefined {
  if (!/(?:^|[^a-z])detr(?:[^a-z]|$)/.test(t) && !/(?:^|[^a-z])detr[_-]?resnet/.test(t)) return undefined;
  if (
    /conditional|dab|dn[-_ ]|dino|anchor|rt[-_ ]?detr|up[-_ ]?detr|sparse|h[-_ ]detr|co[-_ ]detr|group|swin|vit|convnext/.test(
      t,
    )
  )
    return undefined;
  const r101 = /r(?:es(?:net)?)?[-_ ]?101/.test(t);
  const otherBackbone = /r(?:es(?:net)?)?[-_ ]?(?:18|34|152)\b|resnext|efficientnet|mobilenet/.test(t);
  if (otherBackbone) return undefined;
  const dc5 = /dc5|dilat/.test(t);
  if (/deformable/.test(t)) {
    if (r101) return undefined;
    if (/two[-_ ]?stage/.test(t)) return 'deformable-detr-two-stage';
    if (/refine/.test(t)) return 'deformable-detr-refine';
    if (/single[-_ ]?scale|(?:^|[^a-z])ss(?:[^a-z]|$)/.test(t))
      return dc5 ? 'deformable-detr-ss-dc5' : 'deformable-detr-ss';
    return dc5 ? undefined : 'deformable-detr';
  }
  return `detr${dc5 ? '-dc5' : ''}-${r101 ? 'r101' : 'r50'}`;
}

// ------------------------------------------------------------------------------------------------ names

type Method = 'plain' | 'mae' | 'dino' | 'dinov2' | 'mocov3';

const SIZE: Record<string, string> = {
  ti: 'ti',
  tiny: 'ti',
  s: 's',
  small: 's',
  b: 'b',
  base: 'b',
  l: 'l',
  large: 'l',
  h: 'h',
  huge: 'h',
  g: 'g',
  giant: 'g',
};

/** timm-style intermediate words that keep the plain shape (CLIP, SigLIP, GAP heads, register tokens). */
const TIMM_WORDS = /^(clip|quickgelu|siglip|gap|reg\d|dinov2|in21k|in1k|augreg|openai|laion2b)$/;

interface VitName {
  size: string;
  patch?: number;
  resolution?: number;
  method: Method;
  dinov2Shape: boolean;
}

/** Size, patch and resolution a name gives, in timm / torchvision / paper / canonical spelling; undefined if none. */
function vitNameIn(t: string): Omit<VitName, 'method'> | undefined {
  // timm: vit_large_patch14_clip_224, deit_small_patch16_224, deit3_base_patch16_384, mae_vit_large_patch16
  const timm =
    /(?:^|[^a-z0-9])(?:mae[-_])?(vit|deit3?)[-_](tiny|small|base|large|huge|giant)[-_]patch(\d+)((?:[-_][a-z0-9]+)*)/.exec(
      t,
    );
  if (timm) {
    const words = timm[4].split(/[-_]/).filter((w) => w.length > 0);
    let resolution: number | undefined;
    for (const w of words) {
      if (/^\d{2,4}$/.test(w)) resolution ??= parseInt(w, 10);
      else if (!TIMM_WORDS.test(w) && !/^dec\d+d\d+b$/.test(w)) return undefined; // plus, rope, xp, …: another network
    }
    const dinov2 = words.includes('dinov2');
    return {
      size: SIZE[timm[2]],
      patch: parseInt(timm[3], 10),
      // timm's *_dinov2 models are built at 518 px (their pretrained_cfg input size)
      resolution: resolution ?? (dinov2 ? 518 : undefined),
      dinov2Shape: dinov2 && timm[2] === 'giant',
    };
  }
  // DINO / DINOv2 hub entry points: dino_vits16, dino_vitb8, dinov2_vitl14, dinov2_vitg14_reg
  const hub =
    /(?:^|[^a-z0-9])dino(v2)?(?:_|(?<=facebook\/dino(?:v2)?)-)vit(s|b|l|g)(\d+)(?:_reg)?(?:_lc)?(?:[^a-z0-9]|$)/.exec(
      t,
    );
  if (hub) return { size: hub[2], patch: parseInt(hub[3], 10), dinov2Shape: hub[1] === 'v2' && hub[2] === 'g' };
  // paper, torchvision and canonical: ViT-L/16, ViT-Huge/14, DeiT-S, vit_l_32, vit-b-16-384px
  const paper =
    /(?:^|[^a-z0-9])(vit|deit)[-_ ]?(ti|tiny|small|base|large|huge|giant|s|b|l|h|g)(?:[-_ /]?(\d{1,2}))?(?![a-z0-9])(?:[-_@ ](\d{3,4})px)?/.exec(
      t,
    );
  if (!paper) return undefined;
  return {
    size: SIZE[paper[2]],
    patch: paper[3] !== undefined ? parseInt(paper[3], 10) : paper[1] === 'deit' ? 16 : undefined,
    resolution: paper[4] !== undefined ? parseInt(paper[4], 10) : undefined,
    dinov2Shape: false,
  };
}

/**
 * The objective a name states, where it changes the FLOPs per image: MAE (also its pre-training constructors
 * `mae_vit_*`), DINO, DINOv2, MoCo v3 named in words (a hub checkpoint name such as `dinov2_vitl14` is a backbone,
 * not the training method). Undefined for objectives whose extra networks are not modelled here
 * (I-JEPA, iBOT, data2vec, BYOL, distillation from another network): the name then gives no FLOPs.
 */
function methodIn(t: string): Method | undefined {
  // "self-distillation" is DINO's own objective; distillation from another network runs that network too. A frozen
  // network runs forward only, and a ViT inside a larger system (a VLM's image tower, CLIP's two towers) is not all the
  // work: no FLOPs from the ViT alone.
  if (
    /(?<!self[-_ ])distil|frozen|\+|llava|vicuna|llama|vlm|q-?former|blip|flamingo|language|text[-_ ](?:encoder|tower|decoder)/.test(
      t,
    )
  )
    return undefined;
  if (/(?:^|[^a-z_])clip(?:[^a-z_]|$)/.test(t)) return undefined;
  if (/jepa|ibot|data2vec|byol|simclr|swav|teacher|momentum|ema[-_ ]target/.test(t) && !/dino|moco/.test(t))
    return undefined;
  // Checkpoint names (hub entry points dino_vits16, dinov2_vitl14, facebook/dino-vits16; timm vit_*_patch14_dinov2)
  // name a backbone, not the training method.
  const hub = /(?:^|[^a-z0-9])dino(?:v2)?_vit[sblg]\d+|facebook\/dino(?:v2)?-|patch\d+[-_a-z0-9]*dinov2/.test(t);
  // Segment Anything: its ViT's FLOPs are not the training work (windowed attention at 1,024 px, and a mask decoder
  // run for up to 64 masks × 11 prompting rounds per image, Kirillov et al. 2023 Appendix A; fine-tunes mostly freeze
  // the encoder): no FLOPs from the name.
  if (/(?:^|[^a-z])sam(?:[^a-z0-9]|$)|segment[-_ ]?anything/.test(t)) return undefined;
  const named: Array<[Method, RegExp]> = [['mae', /(?:^|[^a-z])mae(?:[^a-z]|$)|masked[-_ ]?auto-?encod/]];
  if (!hub)
    named.push(['mocov3', /moco[-_ ]?v3/], ['dinov2', /dino[-_ ]?v2/], ['dino', /(?:^|[^a-z])dino(?:[^a-z0-9]|$)/]);
  // The method named first: "MoCo v3 ViT-L/16 (as reported by MAE)" is MoCo v3.
  let first: { m: Method; at: number } | undefined;
  for (const [m, re] of named) {
    const at = re.exec(t)?.index;
    if (at !== undefined && (!first || at < first.at)) first = { m, at };
  }
  if (first) return first.m;
  if (/moco|dino/.test(t)) return hub ? 'plain' : undefined; // MoCo v1/v2 or another DINO: not modelled
  return 'plain';
}

const METHOD_NAME: Record<Method, string> = {
  plain: '',
  mae: 'MAE pre-training, ',
  dino: 'DINO self-distillation, ',
  dinov2: 'DINOv2 self-distillation, ',
  mocov3: 'MoCo v3, ',
};

function vitRow(n: VitName, resolution: number): ArchitectureInfo {
  const shape = VIT_SHAPES[n.dinov2Shape || (n.method === 'dinov2' && n.size === 'g') ? 'g2' : n.size];
  const patch = n.patch ?? 16;
  const { macs, params } = vitMacsFor(n.method, shape, patch, resolution);
  const size = n.size === 'ti' ? 'Ti' : n.size.toUpperCase().replace('G', 'g');
  const prefix = n.method === 'plain' ? '' : `${n.method}-`;
  const g2 = shape === VIT_SHAPES.g2 && n.method !== 'dinov2' ? '-dinov2' : '';
  const how: Record<Method, string> = {
    plain: 'a plain ViT over (res/patch)² + 1 tokens',
    mae: `encoder on ${100 - MAE.maskRatio * 100} % of the patches + 8-block 512-wide decoder on all (He et al. 2022 §3, Table 1; facebookresearch/mae models_mae.py)`,
    dino: `student on ${MULTI_CROP.global} × ${resolution} + ${MULTI_CROP.local} × ${MULTI_CROP.localSize} px crops, EMA teacher (forward) on the global crops (Caron et al. 2021 §3.1; facebookresearch/dino main_dino.py defaults)`,
    dinov2: `student on ${MULTI_CROP.global} × ${resolution} + ${MULTI_CROP.local} × ${MULTI_CROP.localSize} px crops, EMA teacher (forward) on the global crops (Oquab et al. 2023 §4; facebookresearch/dinov2 ssl_default_config.yaml)`,
    mocov3: 'two crops through the encoder and the momentum encoder (forward) (Chen, Xie & He 2021, Algorithm 1)',
  };
  return {
    id: `${prefix}vit-${n.size}-${patch}${g2}-${resolution}px`,
    name: `${METHOD_NAME[n.method]}ViT-${size}/${patch}${g2 ? ' (DINOv2 shape)' : ''}`,
    modality: 'vision',
    family: 'transformer',
    params,
    forwardFlops: 2 * macs,
    reference: { resolution, note: `${resolution}×${resolution} image${NOTE[n.method]}` },
    aliases: [],
    source: `[D] ${shape.source}; ${how[n.method]}`,
    year: Math.max(shape.year, n.method === 'plain' ? 0 : METHOD_YEAR[n.method]),
  };
}

/** What a forward-equivalent per image counts, beside the image size. */
const NOTE: Record<Method, string> = {
  plain: '',
  mae: `; encoder on ${100 - MAE.maskRatio * 100} % of the patches, 8-block decoder on all`,
  dino: `; student on 2 global + ${MULTI_CROP.local} local crops, teacher (forward) on the global ones`,
  dinov2: `; student on 2 global + ${MULTI_CROP.local} local crops, teacher (forward) on the global ones`,
  mocov3: '; two crops, encoder and momentum encoder (forward)',
};

const METHOD_YEAR: Record<Method, number> = { plain: 0, mae: 2022, dino: 2021, dinov2: 2023, mocov3: 2021 };

function vitMacsFor(m: Method, s: VitShape, patch: number, res: number): { macs: number; params: number } {
  switch (m) {
    case 'mae':
      return maeMacs(s, patch, res);
    case 'dino':
    case 'dinov2':
      return multiCropMacs(s, patch, res);
    case 'mocov3':
      return mocoV3Macs(s, patch, res);
    default:
      return plainVitMacs(s, patch, res);
  }
}

/** The ids of this file's own rows ("mae-vit-l-16-224px", "vit-g-14-dinov2-518px"), as the core passes them on. */
const OWN_ID = /^(?:(mae|dino|dinov2|mocov3)-)?vit-(ti|s|b|l|h|g)-(\d+)(-dinov2)?-(\d+)px$/;

function parseName(text: string): { name: VitName; resolution: number } | { detr: string } | undefined {
  const t = text.trim().toLowerCase();
  if (DETR_IDS.has(t)) return { detr: t };
  const own = OWN_ID.exec(t);
  if (own) {
    const method = (own[1] ?? 'plain') as Method;
    const name = { size: own[2], patch: parseInt(own[3], 10), method, dinov2Shape: own[4] !== undefined };
    return { name, resolution: parseInt(own[5], 10) };
  }
  const detr = detrIn(t);
  if (detr) return { detr };
  const v = vitNameIn(t);
  if (!v || !VIT_SHAPES[v.size]) return undefined;
  const method = methodIn(t);
  if (!method) return undefined;
  // A ViT with no patch size is no one network (ViT-B/16 or /32; ViT-H/14, or /16 in SAM).
  if (v.patch === undefined) return undefined;
  if (v.patch !== undefined && (v.patch < 2 || v.patch > 64)) return undefined;
  const resolution = v.resolution ?? 224;
  return { name: { ...v, method }, resolution };
}

/**
 * The row a vision-transformer or DETR-style name denotes, or undefined. `known(id)` returns a row of the main table
 * (vision-audio.ts) for a plain ViT the table holds at 224 px, so that "ViT-S/16" and "vit_small_patch16_224" are one row.
 */
export function lookupVitFamily(
  text: string,
  known: (id: string) => ArchitectureInfo | undefined,
): ArchitectureInfo | undefined {
  if (typeof text !== 'string' || text.length > 200) return undefined;
  const p = parseName(text);
  if (!p) return undefined;
  if ('detr' in p) return detrRow(p.detr);
  const { name, resolution } = p;
  if (name.method === 'plain' && resolution === 224 && !name.dinov2Shape) {
    const row = known(`vit-${name.size}-${name.patch}`);
    if (row) return row;
  }
  return vitRow(name, resolution);
}

/**
 * Forward FLOPs of a row of this file at another resolution (ViTs recomputed from their shape, DETR-style detectors
 * fixed); undefined for rows of the main table.
 */
export function vitFamilyFlopsAt(
  a: ArchitectureInfo,
  resolution?: number,
): { flops: number; note?: string } | undefined {
  if (DETR_IDS.has(a.id)) {
    return resolution !== undefined && resolution !== a.reference.resolution
      ? {
          flops: a.forwardFlops,
          note: `the detector resizes every image itself (800 px on the short side), so ${resolution} px does not change its FLOPs`,
        }
      : { flops: a.forwardFlops };
  }
  const own = OWN_ID.exec(a.id);
  if (!own) return undefined;
  if (resolution === undefined || resolution <= 0 || resolution === a.reference.resolution)
    return { flops: a.forwardFlops };
  const method = (own[1] ?? 'plain') as Method;
  const shape = VIT_SHAPES[own[4] || (method === 'dinov2' && own[2] === 'g') ? 'g2' : own[2]];
  const patch = parseInt(own[3], 10);
  return {
    flops: 2 * vitMacsFor(method, shape, patch, resolution).macs,
    note: `recomputed for ${resolution} px (${Math.floor(resolution / patch) ** 2} patches)`,
  };
}
