// How a published run of a footprint set (docs/evaluation/heldout/footprint-*/cases.json) becomes the core's inputs:
// shared by the scorer (score-footprint.ts) and by the importer that turns the spent sets into development cases
// (scripts/validation/import-spent.ts), so that both give the core exactly what a user would give.
//
// Each case becomes the RunInputs a user would give (parameters, active parameters, tokens, samples × epochs, sequence
// length, resolution, hardware with parenthesised remarks removed, devices, precision, the network its id, name or
// architecture text names (the last since round 17), and since round 12 what the samples are: text or image–text, from
// the case's modality (molecules since round 27); since round 16 whether a text encoder's vocabulary projection
// runs at the masked positions only, from its architecture and hardware; since round 18 the preference objective a run
// counted in pairs names; since round 23 the training split of a well-known dataset its name states epochs over; since
// round 25 one pass over samples its id states as steps × batch, since round 27 also where it states epochs); nothing
// else. A resolution written as text ("224x224 crops", footprint-4) gives its leading number of pixels; text without
// one ("COCO multi-scale") gives none, as a user would leave it out.
import { datasetNamedIn } from '../../core/data/datasets';
import {
  lookupArchitecture,
  parseZooDetector,
  type Precision,
  type RunInputs,
  type SampleKind,
} from '../../core/index';

export interface FootprintCase {
  id: string;
  name: string;
  quality: 'A' | 'B' | 'C';
  modality?: string;
  architecture?: string;
  paramsTotal: number | null;
  paramsActive: number | null;
  tokens: number | null;
  samples: number | null;
  epochs: number | null;
  seqLen: number | null;
  resolution: number | string | null;
  /** null where the source names no accelerator (the case is then not estimable). */
  hardware: string | null;
  devices: number | null;
  precision: string | null;
  target: { metric: 'gpuHours' | 'energyKWh' | 'co2eKg'; value: number };
  source: string;
  notes?: string;
}

/** Energy published from GPU power logs alone (the labellers' notes): compared with the accelerator share. */
export const ACCELERATOR_ONLY = new Set([
  // footprint-1
  'olmo-1b-3t',
  'olmoe-1b-7b-0924',
  // footprint-2 (GPU-only energy measured by Dodge et al. 2022, named by the labeller before scoring)
  'dodge-vit-huge',
  'dodge-vit-large',
  'dodge-6b-lm-partial',
  'dodge-bert-small-pretrain',
  // footprint-3 (GPU-only energy of Dodge et al. 2022, named by the labeller before scoring)
  'dodge-vit-tiny',
  'dodge-vit-small',
  'dodge-vit-base',
  'dodge-densenet121',
  'dodge-densenet201',
  'dodge-bert-finetune',
  // footprint-4 (GPU-only energy from the runs' own power logs, named by the labeller before scoring)
  'spanmarker-bert-base-orgs-rtx3090',
  'codebert-cwe-classifier-2xl40s',
  'starcoder2-7b-cpt-dp8-4xh200',
  'giz-adapmit-bge-t4',
  'circl-gpt2-large-vuln-description-l40s',
]);

const PRECISIONS = new Set(['fp32', 'tf32', 'bf16', 'fp16', 'fp8']);
/** Framework spellings of a precision (PyTorch dtypes `float16`/`bfloat16`/`float32`; Lightning's "bf16-mixed"). */
const SPELLED: Record<string, Precision> = { float16: 'fp16', bfloat16: 'bf16', float32: 'fp32', half: 'fp16' };
/**
 * The precision a case's text states, as a user would pass it (since round 27): the precision its text starts with
 * ("fp16 (AMP)", "bf16-mixed", "float16"), or fp8 where the matrix products run in it ("bf16 (with fp8 matmuls)": the
 * core's precision is the matmuls'). Text that names no one precision ("mixed (AMP)", "16-bit (fp16 or bf16 not
 * stated)", "int4 base (qLoRA)": a quantised base says nothing of the compute) gives none, as before.
 */
function precisionOf(text: string | null): Precision | undefined {
  if (!text) return undefined;
  if (/\bfp8\b[^()]*\b(?:matmul|matrix)/i.test(text) || /\bwith fp8\b/i.test(text)) return 'fp8';
  const lead = /^([a-z0-9]+)(?=$|[\s([-])/i.exec(text.trim())?.[1]?.toLowerCase() ?? '';
  if (PRECISIONS.has(lead)) return lead as Precision;
  return SPELLED[lead];
}
/**
 * What the samples are, from the case's modality (a user knows whether the data are text or image–text): the core
 * uses it only for runs stating samples × epochs and neither tokens nor a sequence length (core/data/sample-tokens.ts).
 */
const SAMPLE_KIND: Record<string, SampleKind> = { text: 'text', multimodal: 'multimodal' };
/**
 * Text samples that are molecules (since round 27): a run whose name or architecture names SMILES or SELFIES strings
 * trains on molecules of tens of tokens, not on sentences to documents (core/data/sample-tokens.ts, `molecule`); a
 * user states it with --sample-kind molecule.
 */
function sampleKindOf(c: FootprintCase): SampleKind | undefined {
  const kind = c.modality ? SAMPLE_KIND[c.modality] : undefined;
  return kind === 'text' && /\b(?:SMILES|SELFIES)\b/.test(`${c.name} ${c.architecture ?? ''}`) ? 'molecule' : kind;
}
const val = (v: number | null) => (v === null ? undefined : v);
/**
 * A resolution as the core takes it (the side of a square image): a number as is; "W x H" text as the side of a square
 * of the same area, √(W·H) (the FLOPs follow the pixel count); other text its leading number of pixels, except a count
 * of frames ("32 frames of 224²"), which is no resolution.
 */
export function resolutionOf(v: number | string | null): number | undefined {
  if (typeof v !== 'string') return val(v);
  const wh = /^(\d+)\s*[x×]\s*(\d+)/.exec(v);
  if (wh) return Math.round(Math.sqrt(parseInt(wh[1], 10) * parseInt(wh[2], 10)));
  if (/^\d+\s*frames/i.test(v)) return undefined;
  return /^\d+/.exec(v) ? parseInt(v, 10) : undefined;
}

/**
 * A BERT-style text encoder whose vocabulary projection runs only at the masked positions (RunInputs.encoder), as far as
 * a case says: its architecture names a text encoder (not an encoder–decoder, not ELECTRA, whose discriminator has no
 * vocabulary projection but whose generator adds FLOPs the core does not model), and either it ran on TPUs, where
 * encoders are pre-trained with TensorFlow/JAX code that gathers the masked positions (google-research/bert
 * run_pretraining.py and its descendants: the TPU runs of the spent sets are AraBERT, TAPAS, Bioformer and the tohoku
 * BERTs, all on that code), or it is a fine-tune under a task head, which has no vocabulary projection. On GPUs the
 * code is not known (Hugging Face's *ForMaskedLM project every position), and 6·N stands.
 */
function gatheredVocabulary(c: FootprintCase): boolean {
  const a = c.architecture ?? '';
  if (c.modality !== 'text' || !/encoder/i.test(a) || /decoder|electra|replaced-token/i.test(a)) return false;
  return /\btpu/i.test(c.hardware ?? '') || /head|classif|fine-tune/i.test(a);
}

/**
 * The network a case's architecture text names in parentheses, as a user would name it (since round 17): "CNN
 * classifier (ResNeXt-101 32x4d)" → "ResNeXt-101 32x4d"; "(Mask R-CNN, ResNet-50 FPN)" → the whole text, then its first
 * part ("Mask R-CNN"), then the network with the backbone the text names (below). Looked up exactly (core/data/vision-audio.ts): free text may name a variant the table does not
 * hold ("resnet-152 x4 width", "whisper large-v3 encoder, 2-layer decoder"), which a prefix would take for another.
 */
export function networkNamed(architecture: string | undefined): string[] {
  const m = /^([^()]*)\(([^()]+)\)/.exec(architecture ?? '');
  const inner = m?.[2]?.trim();
  if (!m || !inner) return [];
  const parts = inner.split(',').map((p) => p.trim());
  const names = parts[0] === inner ? [inner] : [inner, parts[0]];
  // Since round 18, a detector named with its backbone (a user names `faster_rcnn_R_101_FPN`, `ssd300_resnet50`):
  // "SSD300, ResNet-50 backbone" → "SSD300 ResNet-50"; "Faster R-CNN (ResNet-101-FPN backbone, …)" → "Faster R-CNN
  // ResNet-101-FPN". Tried after the names above, so a network they name keeps its row.
  const backbone = (p: string) => p.replace(/\s+backbone\b.*$/i, '').trim();
  const outer = m[1].trim();
  if (parts.length > 1 && /\bbackbone\b/i.test(parts[1])) names.push(`${parts[0]} ${backbone(parts[1])}`);
  if (outer && /\bbackbone\b/i.test(parts[0])) names.push(`${outer} ${backbone(parts[0])}`);
  return names;
}

/**
 * The preference objective a run counted in pairs names (since round 18; RunInputs.preference): its name or architecture
 * text names DPO or IPO (a frozen reference model) or ORPO, SimPO or CPO (none), and the run states samples and no
 * tokens. Both kinds named, or a run stated in tokens (pre-training "+ DPO"), give none: the objective of its tokens is
 * not known. The acronyms are matched in capitals, as runs name them; a dataset's id ("argilla/dpo-mix-7k") is no
 * objective.
 */
export function preferenceNamed(c: FootprintCase): RunInputs['preference'] {
  if (c.samples === null || c.tokens !== null) return undefined;
  const t = `${c.name} ${c.architecture ?? ''}`;
  const reference = /\b(?:DPO|IPO)\b/.test(t);
  const free = /\b(?:ORPO|SimPO|CPO)\b/.test(t);
  if (reference === free) return undefined;
  return reference ? 'reference' : 'reference-free';
}

/**
 * The images a detector's model-zoo name says it trains on (since round 21; core/data/detection-zoo.ts: "1x" = 90,000
 * iterations of 16 images, "2x", "s1x" …), as samples × epochs for a run that states neither tokens nor epochs: a user
 * names the config (`e2e_keypoint_rcnn_R-50-FPN_s1x`), whose MAX_ITER and IMS_PER_BATCH say the same. Stated samples
 * keep their count and get the epochs the schedule makes of them.
 */
function zooSchedule(c: FootprintCase): { samples: number; epochs: number } | undefined {
  if (c.tokens !== null || c.epochs !== null) return undefined;
  const images = [c.id, c.name].map((n) => parseZooDetector(n)?.scheduleImages).find((n) => n !== undefined);
  if (!images) return undefined;
  return c.samples ? { samples: c.samples, epochs: images / c.samples } : { samples: images, epochs: 1 };
}

/**
 * The training split of the dataset a run's name or architecture text names (since round 23; core/data/datasets.ts, each
 * row with its source and year), for a run that states epochs and neither samples nor tokens: a user who trains 10
 * epochs on Stanford Alpaca names the dataset, and `greenml plan` reads its size from the same table when a script loads
 * it (engine/plan.ts). Its tokens per example, where the row gives them, truncated to a stated length, as plan does.
 * A run that states no epochs gets none (one pass is not assumed), and the notes (the labeller's reading) are not read.
 */
export function datasetSamples(c: FootprintCase): { samples: number; tokensPerSample?: number } | undefined {
  if (c.tokens !== null || c.samples !== null || c.epochs === null) return undefined;
  const d = datasetNamedIn(`${c.name} ${c.architecture ?? ''}`);
  if (!d) return undefined;
  const per = d.tokensPerExample;
  return { samples: d.trainExamples, tokensPerSample: per === undefined ? undefined : Math.min(per, c.seqLen ?? per) };
}

/** A count written in an id: "200k" → 200,000, "2m" → 2,000,000, "110.5k" → 110,500, "1b" → 1e9. */
function countOf(n: string, unit: string): number {
  return parseFloat(n) * ({ k: 1e3, m: 1e6, b: 1e9 }[unit] ?? 1);
}

/** A batch per optimizer step an id states: "bs16", "gbs1440", "bs32x4" (batch × accumulation), "micro12" × devices. */
function batchInId(c: FootprintCase): number | undefined {
  const bs = /(?:^|-)g?bs(\d+)(?:x(\d+))?(?:-|$)/.exec(c.id);
  if (bs) return parseInt(bs[1], 10) * (bs[2] ? parseInt(bs[2], 10) : 1);
  const micro = /(?:^|-)micro(\d+)(?:-|$)/.exec(c.id);
  return micro && c.devices ? parseInt(micro[1], 10) * c.devices : undefined;
}

/**
 * Whether the samples a run states are the passes it made, by its id's own arithmetic (since round 25; stated epochs
 * since round 27): then the run computed them once (epochs 1). Two conventions write such samples. footprint-19…21
 * (README, "Format"): a source that states steps × batch and no dataset size gives `samples` = steps × batch with
 * `epochs` null, and the id states both ("200k-steps-bs16", "100k-it-bs4096"). footprint-23 (README, "Format" and
 * "Points added"): `samples` = steps × micro batch × GPUs, or examples × epochs, WITH the stated epochs ("58 epochs
 * (approximately 970189 iterations) using a micro batch size of 12 … per GPU" on 224 GPUs; "50M molecules for 5
 * epochs"), and the id states the factors ("970k-iters-micro12-224xv100", "50m-mols-5ep"). The core reads samples as
 * one epoch's (RunInputs.samples), so such a run was counted epochs times over. When the id's steps × batch, or its
 * count × the epochs after it, equal the stated samples (±1 %), the samples are the passes; samples that are a dataset's
 * size (footprint-1…18: "samples counts examples per epoch"; the id's count alone, or another product) keep their epochs.
 */
export function seenOnce(c: FootprintCase): boolean {
  if (c.samples === null || c.tokens !== null) return false;
  const samples = c.samples;
  const near = (seen: number) => Math.abs(seen / samples - 1) <= 0.01;
  if (phasesSeen(c)) return true;
  // Steps × batch: steps also written "updates" ("2m-updates-bs1024", footprint-22).
  const steps = /(?:^|-)(\d+(?:\.\d+)?)([km]?)-(?:steps|it|iters|iterations|updates)(?:-|$)/.exec(c.id);
  const batch = batchInId(c);
  if (steps && batch && near(countOf(steps[1], steps[2]) * batch)) return true;
  // An example count and the epochs over it: "50m-mols-5ep", "160k-2ep", "1.2m-img-3-epochs" (more than one epoch:
  // one is both readings).
  for (const m of c.id.matchAll(/(?:^|-)(\d+(?:\.\d+)?)([kmb])(?:-[a-z]+)?-(\d+(?:\.\d+)?)-?ep(?:ochs?)?(?=-|$)/g)) {
    const epochs = parseFloat(m[3]);
    if (epochs > 1 && (c.epochs === null || c.epochs === epochs) && near(countOf(m[1], m[2]) * epochs)) return true;
  }
  return false;
}

/**
 * The samples of a run in phases (since round 26): the labellers' convention for a fine-tune of several phases in one
 * reported duration (SFT then DPO, or two DPO stages) is `samples` = the examples each phase saw × its epochs, summed,
 * with `epochs` null (footprint-22 README, "Format" and "Mixed-phase fine-tunes"), and the case's id states each
 * phase's examples, with its epochs where there are more than one ("sft-160k-2ep-dpo-110k-1ep", "2stage-dpo-70k-20k").
 * When the id states two phases or more and their examples × epochs sum to the stated samples (±1 %), the samples are
 * the passes the run made. One count alone is a dataset's size ("41k-rows"), not passes.
 */
export function phasesSeen(c: FootprintCase): boolean {
  if (c.samples === null || c.epochs !== null || c.tokens !== null) return false;
  const phases = [...c.id.matchAll(/(?:^|-)(\d+(?:\.\d+)?)([km])(?:-(\d+(?:\.\d+)?)ep)?(?=-|$)/g)];
  if (phases.length < 2) return false;
  const seen = phases.reduce((sum, m) => sum + countOf(m[1], m[2]) * (m[3] ? parseFloat(m[3]) : 1), 0);
  return Math.abs(seen / c.samples - 1) <= 0.01;
}

export function inputsOf(c: FootprintCase): RunInputs {
  const hardware = (c.hardware ?? '').replace(/\(.*?\)/g, '').trim();
  const schedule = zooSchedule(c);
  const named = datasetSamples(c);
  const arch =
    [c.id, c.name].map((n) => lookupArchitecture(n)).find((a) => a) ??
    networkNamed(c.architecture)
      .map((n) => lookupArchitecture(n, { exact: true }))
      .find((a) => a);
  return {
    params: val(c.paramsTotal),
    activeParams: val(c.paramsActive),
    tokens: val(c.tokens),
    samples: schedule?.samples ?? named?.samples ?? val(c.samples),
    tokensPerSample: named?.tokensPerSample,
    epochs: schedule?.epochs ?? (seenOnce(c) ? 1 : val(c.epochs)),
    seqLen: val(c.seqLen),
    resolution: resolutionOf(c.resolution),
    architecture: arch ? arch.id : undefined,
    hardware,
    devices: val(c.devices),
    precision: precisionOf(c.precision),
    sampleKind: sampleKindOf(c),
    encoder: gatheredVocabulary(c) || undefined,
    preference: preferenceNamed(c),
  };
}
