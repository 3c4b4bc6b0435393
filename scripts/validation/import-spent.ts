// Writes core/validation/cases-spent.ts: the runs of the SPENT published sets (docs/evaluation/heldout/footprint-N,
// scored once as held-out sets in earlier rounds, development material since) as development cases of
// `npm run validate:footprint`, each with the inputs a user would give (scripts/heldout/footprint-inputs.ts, the same
// mapping the held-out scorer uses), its published value, source and year, and its set.
//
//   npx tsx scripts/validation/import-spent.ts 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 b30 b31 && npx prettier --write core/validation/cases-spent.ts
//
// footprint-25 and -26 (spent in round 29) are dated below and import (add `25 26`), but are not entered yet: their ten
// quality-A Parameter Golf logs, one family, would set the size slope alone (0.222 → 0.156) and the core's small-model
// shape would leave the MosaicML llm-foundry MFU table test/core/size-factor.test.ts checks it against
// (docs/evaluation/dev-footprint-30.md, section 3).
//
// Family (leave-one-family-out): the case's id up to its first digit or separator ("mobilellm-350m" → mobilellm,
// "dodge-vit-base" → dodge), so that sibling runs of one paper or card are left out together; the development cases'
// own family rules (caseFamily) first, so that a spent Llama 3 run and a development Llama 3 run share a family; runs of
// one author whose ids start differently share the family FAMILY names.
// Year: the first year the source names; for the undated estimable runs of footprint-9, -10 and -11 the earliest year they
// can be from (UNDATED).
import * as fs from 'node:fs';
import { ACCELERATOR_ONLY, inputsOf, type FootprintCase } from '../heldout/footprint-inputs';
import { caseFamily, CASES } from '../../core/validation/cases';

// `b30`: batch B of dev-footprint-30 (docs/evaluation/dev-footprint-30-batchB), ten published runs a developer wrote
// down and scored once before any change was judged on them, entered after that scoring as the set `footprint-b30`.
// `b31`: batch B of dev-footprint-31 (docs/evaluation/dev-footprint-31-batchB), ten MLPerf Training v1.1 runs, the same way.
const batch = (round: number) => `docs/evaluation/dev-footprint-${round}-batchB/cases.json`;
const BATCHES: Record<string, string> = { b30: batch(30), b31: batch(31) };
const batchIds = (b: string): string[] =>
  JSON.parse(fs.readFileSync(BATCHES[b], 'utf8')).cases.map((c: { id: string }) => c.id);
const sets = process.argv.slice(2).map((a) => (a in BATCHES ? a : Number(a)));
if (sets.length === 0 || sets.some((n) => typeof n === 'number' && (!Number.isInteger(n) || n < 1 || n > 26)))
  throw new Error('usage: import-spent.ts N… [b30] [b31] (spent sets 1–26 only)');
const own = new Set(CASES.filter((c) => !c.notes?.startsWith('footprint-')).map((c) => c.id));
/**
 * Runs a spent set re-collected under another id that the development cases already hold (the same model card, the
 * same figures): footprint-12's Falcon-7B and Falcon-40B are core/validation/cases.ts's falcon-7b and falcon-40b (the
 * tiiuae cards: 384 A100 40GB, about two weeks / two months). Entered once, as the development case.
 */
const SAME_RUN: Record<string, string> = {
  'falcon-7b-1.5t-384xa100-2wk': 'falcon-7b',
  'falcon-40b-1t-384xa100-2mo': 'falcon-40b',
  // footprint-22's speedrun is core/validation/cases-dev7.ts's gpt2-4090-speedrun (the same run: one RTX 4090, ~0.92B
  // FineWeb tokens, ~115 minutes, 130–140k tokens/s; the Reddit post and the model card of its author).
  'nanogpt-124m-speedrun-cave-0.92b-tok-1xrtx4090-115min': 'gpt2-4090-speedrun',
};
/**
 * Runs whose source names no year (model cards read without their dates, footprint-9, -10 and -11): the earliest year the run can
 * be from, the public release of the model it trains or of the project that ran it, so that its estimable runs enter
 * the fits. The year only dates a case; no fit reads it.
 */
const UNDATED: Record<string, { year: number; why: string }> = {
  'gradient-llama3-70b-65k-512xl40s': { year: 2024, why: 'fine-tune of Llama 3 (Meta, April 2024)' },
  'gradient-llama3-70b-262k-512xl40s': { year: 2024, why: 'fine-tune of Llama 3 (Meta, April 2024)' },
  'gradient-llama3-70b-524k-512xl40s': { year: 2024, why: 'fine-tune of Llama 3 (Meta, April 2024)' },
  'gradient-llama3-70b-1048k-128xl40s': { year: 2024, why: 'fine-tune of Llama 3 (Meta, April 2024)' },
  'gradient-llama3-8b-524k-512xl40s': { year: 2024, why: 'fine-tune of Llama 3 (Meta, April 2024)' },
  'gradient-llama3-8b-1048k-512xl40s': { year: 2024, why: 'fine-tune of Llama 3 (Meta, April 2024)' },
  'openeurollm-datamix-2b-4t-mi250x': { year: 2025, why: 'OpenEuroLLM project (launched February 2025)' },
  'biomedlm-2.7b-300b-128xa100': { year: 2022, why: 'Stanford CRFM, PubMedGPT 2.7B announcement (December 2022)' },
  'qlora-llama2-13b-chat-foodorder-1xrtx4090': { year: 2023, why: 'QLoRA of Llama 2 (Meta, July 2023)' },
  'llama2-7b-qlora-dolly15k-1xrtxa5000': { year: 2023, why: 'QLoRA of Llama 2 (Meta, July 2023)' },
  // footprint-10
  'fietje-2-phi2-dutch-cpt-16xa100': { year: 2023, why: 'continued pre-training of phi-2 (Microsoft, December 2023)' },
  'chipnemo-13b-dapt-sft-128xa100': { year: 2023, why: 'ChipNeMo, arXiv 2311.00176 (November 2023)' },
  'chipnemo-70b-dapt-sft-128xa100': { year: 2023, why: 'ChipNeMo, arXiv 2311.00176 (November 2023)' },
  'gpt-j-6b-english-quotes-lora-1xrtx3060': { year: 2021, why: 'fine-tune of GPT-J 6B (EleutherAI, June 2021)' },
  'mistral-7b-orpo-dpo-mix-7k-3ep-1xa100': {
    year: 2024,
    why: 'ORPO fine-tune of Mistral-7B (ORPO: Hong et al., arXiv 2403.07691, March 2024)',
  },
  'graphcore-gpt2-wikitext103-10ep-16ipu': { year: 2020, why: "Graphcore's Mk2 GC200 IPU (announced July 2020)" },
  'graphcore-gpt2-medium-wikitext103-10ep-16ipu': {
    year: 2020,
    why: "Graphcore's Mk2 GC200 IPU (announced July 2020)",
  },
  // footprint-11
  'arabertv02-base-tpuv3-8-36d': {
    year: 2020,
    why: 'AraBERTv0.2 trains on the corpus of AraGPT2 (Antoun et al., arXiv 2012.15520, December 2020)',
  },
  'arabertv02-large-tpuv3-128-7d': {
    year: 2020,
    why: 'AraBERTv0.2 trains on the corpus of AraGPT2 (Antoun et al., arXiv 2012.15520, December 2020)',
  },
  'arabert-v01-base-tpuv2-8-4d': { year: 2020, why: 'AraBERT (Antoun et al., arXiv 2003.00104, February 2020)' },
  'aragpt2-medium-tpuv3-8-15d': { year: 2020, why: 'AraGPT2 (Antoun et al., arXiv 2012.15520, December 2020)' },
  'aragpt2-large-tpuv3-128-3d': { year: 2020, why: 'AraGPT2 (Antoun et al., arXiv 2012.15520, December 2020)' },
  'aragpt2-mega-tpuv3-128-9d': { year: 2020, why: 'AraGPT2 (Antoun et al., arXiv 2012.15520, December 2020)' },
  'bigvae-mistral-7b-redpajama-1b-8xh100': {
    year: 2023,
    why: 'adapters on Mistral-7B-v0.1 (Mistral AI, September 2023)',
  },
  'tipo-200m-llama-4xrtx3090-420h': {
    year: 2024,
    why: 'TIPO (KohakuBlueleaf et al., arXiv 2411.08127, November 2024)',
  },
  'tipo-200m-ft-4xrtx3090-120h': { year: 2024, why: 'TIPO (KohakuBlueleaf et al., arXiv 2411.08127, November 2024)' },
  'tipo-500m-8xh100-100h': { year: 2024, why: 'TIPO (KohakuBlueleaf et al., arXiv 2411.08127, November 2024)' },
  // footprint-24 (spent in round 27): model cards and training specifications read at a commit, without their dates.
  ...sameYear(
    [
      'teenytinyllama-160m-pt-from-scratch-457969-steps-3.7b-tok-ctx2048-1xa100-40gb-36h',
      'teenytinyllama-460m-pt-from-scratch-1.2m-steps-9.8b-tok-ctx2048-1xa100-40gb-280h',
    ],
    2024,
    'TeenyTinyLlama (Corrêa et al., arXiv 2401.16640, January 2024), the paper the model cards link',
  ),
  ...sameYear(
    [
      'tucano-160m-pt-from-scratch-320k-steps-512k-tok-per-step-ctx2048-8xa100-80gb-44h',
      'tucano-630m-pt-from-scratch-400k-steps-512k-tok-per-step-ctx2048-8xa100-80gb-170h',
      'tucano-1b1-pt-from-scratch-480k-steps-512k-tok-per-step-ctx2048-16xa100-80gb-180h',
      'tucano-2b4-pt-from-scratch-1960k-steps-256k-tok-per-step-ctx4096-16xa100-80gb-845h',
    ],
    2020,
    'trained on NVIDIA A100-SXM4-80GB (announced November 2020); the cards name no date',
  ),
  'gtlm-1.2b-a350m-moe-1xa100-140h': {
    year: 2020,
    why: 'trained on an NVIDIA A100 (announced May 2020); the card names no date',
  }, // footprint-16: repository READMEs read at a commit, without their dates
  ...sameYear(
    ['yolov5n-coco-det-300ep-1xv100-1d', 'yolov5s-coco-det-300ep-1xv100-2d', 'yolov5m-coco-det-300ep-1xv100-4d'],
    2021,
    'YOLOv5 release v6.0 (ultralytics/yolov5, October 2021), the release that added YOLOv5n',
  ),
  ...sameYear(
    ['yolov5l-coco-det-300ep-1xv100-6d', 'yolov5x-coco-det-300ep-1xv100-8d'],
    2021,
    'YOLOv5 release v6.0 (ultralytics/yolov5, October 2021), the release the README table is of',
  ),
  ...sameYear(
    ['yolov5s-seg-coco-300ep-1xa100-88h', 'yolov5x-seg-coco-300ep-3xa100-63h'],
    2022,
    'YOLOv5 release v7.0 (ultralytics/yolov5, November 2022), which added the segmentation models',
  ),
  ...sameYear(
    [
      'yolov5s-cls-imagenet-90ep-4xa100-8h09',
      'resnet101-yolov5cls-imagenet-90ep-4xa100-17h10',
      'efficientnet-b3-yolov5cls-imagenet-90ep-4xa100-19h19',
    ],
    2022,
    'YOLOv5 release v6.2 (ultralytics/yolov5, August 2022), which added the classification models',
  ),
  ...sameYear(
    [
      'edm-cifar10-cond-vp-ddpmpp-200mimg-8xv100-2d',
      'edm-ffhq64-uncond-vp-ddpmpp-200mimg-8xv100-4d',
      'edm-imagenet64-cond-adm-2500mimg-32xa100-80gb-13d',
    ],
    2022,
    'EDM (Karras et al., arXiv 2206.00364, NeurIPS 2022), the paper the README accompanies',
  ),
  'sb-cvss-s2ut-fr-en-w2v2-large-30ep-1xa100-80gb-32.5h': {
    year: 2022,
    why: 'CVSS corpus (Jia et al., arXiv 2201.03713, January 2022)',
  },
  'sb-sepformer-dns4-enhancement-45ep-8xrtxa6000-3330h': {
    year: 2022,
    why: 'ICASSP 2022 Deep Noise Suppression challenge, DNS-4 (Dubey et al., arXiv 2202.13288, February 2022)',
  },
  // footprint-17: a repository README and model cards read at a commit, without their dates
  'enet-cityscapes-300ep-1024x512-bs4-1xgtx1070-20h': {
    year: 2019,
    why: "the README's reference hardware, an AMD Ryzen 5 3600 (released July 2019)",
  },
  ...sameYear(
    ['david-large-depth-vitl16-dpt-synthhuman-4xa100-500h', 'david-multitask-large-vitl16-dpt-synthhuman-4xa100-528h'],
    2025,
    'DAViD (Saleh et al., Microsoft, arXiv 2507.15365, July 2025; ICCV 2025), the paper the model cards accompany',
  ),
  // footprint-19: model cards read at a commit, without their dates
  ...sameYear(
    [
      'aria-1b-chat-pretrain-fineweb-edu-20b-tok-8xh100-12.3h',
      'aria-1b-chat-sft-ultrachat-207k-2ep-8xh100-52min',
      'aria-1b-chat-dpo-ultrafeedback-60.9k-1ep-8xh100-14min',
    ],
    2024,
    'pre-trains on FineWeb-Edu (Penedo et al., "The FineWeb Datasets", arXiv 2406.17557, June 2024)',
  ),
  ...sameYear(
    ['alpaca-lora-7b-reproduced-10ep-4xh100-1h15', 'alpaca-lora-7b-reproduced-10ep-4xrtx4090-4h35'],
    2023,
    'reproduces tloen/alpaca-lora (March 2023), itself a LoRA of LLaMA-7B (Meta, February 2023)',
  ),
  'phikon-v2-vitl-100k-it-bs4096-128xv100-4300h': {
    year: 2024,
    why: 'Phikon-v2 (Filiot et al., arXiv 2409.09173, September 2024), the paper the model card accompanies',
  },
  // footprint-20: a model card read without its date
  'samkeet-gpt-124m-fineweb-edu-10b-8xrtx4090-13h': {
    year: 2025,
    why: "the card's own 'Training Date: January 2025' (its Training Configuration section)",
  },
  // footprint-21 (spent in round 25): model cards and a README read without their dates, dated by the release of the
  // model or network they train (the earliest year they can be from).
  'aguila-7b-falcon-7b-cpt-26b-tok-8xh100-320h': {
    year: 2023,
    why: 'continued pre-training of Falcon-7B (TII, released 2023; Almazrouei et al., arXiv 2311.16867)',
  },
  'arabiangpt-0.3b-gpt2-3.3b-tok-4xa100-45d': {
    year: 2019,
    why: 'a GPT-2 architecture (Radford et al. 2019) trained from scratch',
  },
  'code-290k-6.7b-instruct-full-ft-3ep-4xa100-80gb-85h': {
    year: 2023,
    why: 'trains on ShareGPT-format conversations (the format of Vicuna, LMSYS, March 2023)',
  },
  'uncensored-jordan-13b-llama2-155k-3ep-4xa100-80gb-77h': {
    year: 2023,
    why: 'fine-tune of Llama 2 (Touvron et al., arXiv 2307.09288, July 2023)',
  },
  ...sameYear(
    [
      'uncensored-frank-llama-3-8b-150k-3ep-4xa100-80gb-6h',
      'orpo-gutenllama-3-8b-v2-1800-samples-3ep-1xrtx4090-4h',
      'llama-3-8b-samantha-qlora-2ep-1306-steps-1xa100-1h',
    ],
    2024,
    'fine-tune of Llama 3 (Meta, April 2024)',
  ),
  ...sameYear(
    [
      'samantha-mistral-7b-6k-conv-20ep-4xa100-80gb-2h',
      'samantha-mistral-instruct-7b-6k-conv-20ep-4xa100-80gb-2h',
      'toxic-dpo-v2-mistral7b-lora-600-ex-9ep-1xrtx3090-12h',
    ],
    2023,
    'fine-tune of Mistral 7B (Jiang et al., arXiv 2310.06825, October 2023)',
  ),
  'detr-downscaled-r50-voc-16.5k-img-150ep-640px-1xrtx3060ti-63h': {
    year: 2020,
    why: 'a down-scaled DETR (Carion et al., ECCV 2020)',
  },
  'sd15-768-everydream2-ft-30k-img-40ep-1xrtx6000ada-60h': {
    year: 2022,
    why: 'fine-tune of Stable Diffusion 1.5 (Runway, October 2022)',
  },
  'vits-hungarian-css10-10h-200k-steps-bs16-1xrtx3090-3d': {
    year: 2021,
    why: 'a VITS model (Kim et al., ICML 2021)',
  },
  // footprint-22 (spent in round 26): model cards and a maintainer's posts read without their dates, dated by the
  // release of the data or model they train on (the earliest year they can be from).
  ...sameYear(
    [
      'crest-20m-nanogpt-5000-steps-bs32x4-ctx512-1xt4-71min',
      'nanogpt-3000-124m-fineweb-3000-steps-524k-tok-2xa100-40gb-70min',
    ],
    2024,
    'pre-trains on FineWeb / FineWeb-Edu (Penedo et al., "The FineWeb Datasets", arXiv 2406.17557, June 2024)',
  ),
  'llama-2-7b-qlora-polish-1b-tok-ctx4096-bs128-1xrtx4090-20d': {
    year: 2023,
    why: 'QLoRA of Llama 2 (Touvron et al., arXiv 2307.09288, July 2023)',
  },
  'sauerkrautlm-qwen1.5-32b-sft-160k-2ep-dpo-110k-1ep-2xa100-72.5h': {
    year: 2024,
    why: 'fine-tune of Qwen1.5-32B (Qwen team, April 2024)',
  },
  'llama-3-sauerkrautlm-8b-instruct-2stage-dpo-70k-20k-4xrtx6000ada-12h': {
    year: 2024,
    why: 'fine-tune of Llama 3 8B Instruct (Meta, April 2024)',
  },
  // footprint-23 (spent in round 27): two model cards and a documentation page read without their dates, dated by the
  // accelerator, data or library they name (the earliest year they can be from).
  'stentor3-20m-from-scratch-32425-steps-8.5b-tok-ctx4096-tpu-v5e-8-8.1h': {
    year: 2023,
    why: 'trained on a TPU v5e-8 (Google Cloud TPU v5e, announced August 2023)',
  },
  'prott5nv-192m-uniref50-58ep-970k-iters-micro12-224xv100-120h': {
    year: 2022,
    why: "trained on UniRef50 release 05/2022 (the documentation page's dataset section)",
  },
  'mol-id-17m-smiles-encoder-50m-mols-5ep-1xrtx3090-6.5h': {
    year: 2023,
    why: 'trained with FlashAttention-2 (Dao, arXiv 2307.08691, July 2023)',
  },
  // footprint-25 (spent in round 29): model cards read without their dates, dated by the accelerator or the
  // architecture they name (the earliest year they can be from).
  'gottbert-large-roberta-355m-100k-steps-bs8192-seq512-tpuv4-128-5.7d': {
    year: 2021,
    why: 'trained on Cloud TPU v4 (announced by Google in May 2021)',
  },
  ...sameYear(
    [
      'albert-base-spanish-3.65m-steps-bs960-1xtpuv3-8-70.4d',
      'albert-large-spanish-1.45m-steps-bs512-1xtpuv3-8-42d',
      'albert-xlarge-spanish-2.775m-steps-bs128-1xtpuv3-8-64.2d',
      'albert-xxlarge-spanish-1.65m-steps-bs128-1xtpuv3-8-70.7d',
    ],
    2019,
    'an ALBERT architecture (Lan et al., arXiv 1909.11942, September 2019)',
  ),
  // b30 (dev-footprint-30 batch B): result files, a README and a script list read at a commit, dated by the run's own
  // timestamp or the project's paper and commit.
  ...sameYear(
    [
      'marin-speedrun-llama-130m-adamw-2.6b-tok-tpuv5p-32',
      'marin-speedrun-llama-300m-adamw-6.0b-tok-tpuv5p-32',
      'marin-speedrun-llama-520m-adamw-10.4b-tok-tpuv5p-32',
      'marin-speedrun-llama-1_2b-adamw-24.0b-tok-tpuv5p-32',
    ],
    2025,
    "the result files' own run_completion_timestamp (June 2025)",
  ),
  ...sameYear(
    ['languini-gpt-small-6h-1.2b-tok-1xrtx3090', 'languini-gpt-medium-48h-2.9b-tok-1xrtx3090'],
    2023,
    'Languini Kitchen (Stanić et al., arXiv 2309.11197, September 2023), the paper the repository accompanies',
  ),
  ...sameYear(
    [
      'cantoformer-electra-small-4m-steps-bs128-seq384-tpuv3-8-2.4d',
      'cantoformer-electra-base-1.2m-steps-bs256-seq384-tpuv3-8-8d',
    ],
    2020,
    'the commit of scripts.md read (October 2020)',
  ),
  // b31 (dev-footprint-31 batch B): MLPerf Training v1.1 result logs, all ten runs of the batch's one source.
  ...sameYear(batchIds('b31'), 2021, 'MLPerf Training v1.1 (results published November 2021)'),
  // footprint-26 (spent in round 29): the NanoGPT Slowrun README's record rows, dated in the row (02/26/26, 03/02/26).
  ...sameYear(
    [
      'slowrun-limited-baseline-2.7b-30l-1792d-1.2b-tok-8xh100-47min',
      'slowrun-tiny-baseline-300m-16l-1024d-1.6b-tok-8xh100-13.7min',
    ],
    2026,
    "the record row's own date (NanoGPT Slowrun README, February and March 2026)",
  ),
};

/** One UNDATED entry per id of a group that shares its year and reason. */
function sameYear(ids: string[], year: number, why: string): Record<string, { year: number; why: string }> {
  return Object.fromEntries(ids.map((id) => [id, { year, why }]));
}

/**
 * Runs of one author or paper whose ids do not share a first word: left out together (footprint-10's four
 * ajibawa-2023 full fine-tunes on 4 A100 with one DeepSpeed code base, named code-, python-code- and uncensored-;
 * footprint-11's groups below).
 */
const FAMILY: Record<string, string> = {
  'code-33b-llama1-74k-3ep-4xa100': 'ajibawa',
  'python-code-33b-llama1-23k-3ep-4xa100': 'ajibawa',
  'python-code-13b-llama2-23k-3ep-4xa100': 'ajibawa',
  'uncensored-jordan-7b-llama1-155k-3ep-4xa100': 'ajibawa',
  // footprint-21: three more of ajibawa-2023's full fine-tunes on 4 A100 80GB (Code-290k-6.7B, Jordan-13B, Frank-Llama-3-8B).
  'code-290k-6.7b-instruct-full-ft-3ep-4xa100-80gb-85h': 'ajibawa',
  'uncensored-jordan-13b-llama2-155k-3ep-4xa100-80gb-77h': 'ajibawa',
  'uncensored-frank-llama-3-8b-150k-3ep-4xa100-80gb-6h': 'ajibawa',
  // footprint-11: one README (aub-mind/arabert) for AraBERT, AraGPT2 and AraELECTRA, one corpus, one group's TPUs;
  // one repository (stefan-it/turkish-bert) for the Turkish BERT, ELECTRA and T5 runs; one author (KohakuBlueleaf)
  // for TIPO and HDM.
  'arabertv02-base-tpuv3-8-36d': 'aub-mind',
  'arabertv02-large-tpuv3-128-7d': 'aub-mind',
  'arabert-v01-base-tpuv2-8-4d': 'aub-mind',
  'aragpt2-base-tpuv3-128-1.5d': 'aub-mind',
  'aragpt2-medium-tpuv3-8-15d': 'aub-mind',
  'aragpt2-large-tpuv3-128-3d': 'aub-mind',
  'aragpt2-mega-tpuv3-128-9d': 'aub-mind',
  'araelectra-base-tpuv3-8-24d': 'aub-mind',
  'bert5urk-1.42b-ul2-tpuv3-32-16.56d': 'turkish-bert',
  'electra-small-turkish-tpuv3-8-9h': 'turkish-bert',
  'electra-base-turkish-tpuv3-8-8d': 'turkish-bert',
  'electra-base-turkish-mc4-tpuv3-32-3.5d': 'turkish-bert',
  'distilberturk-4xrtx2080ti-5d': 'turkish-bert',
  'tipo-200m-llama-4xrtx3090-420h': 'kohaku',
  'tipo-200m-ft-4xrtx3090-120h': 'kohaku',
  'tipo-500m-8xh100-100h': 'kohaku',
  'hdm-xut-base-343m-256px-4xrtx5090': 'kohaku',
  'hdm-xut-base-343m-512px-4xrtx5090': 'kohaku',
  'hdm-xut-base-343m-768px-4xrtx5090': 'kohaku',
  'hdm-xut-base-343m-1024px-4xrtx5090': 'kohaku',
  // footprint-15: the seven Kinetics-400 rows of one table (TimeSformer, Bertasius et al., ICML 2021, Table 2: V100
  // hours of TimeSformer, SlowFast and I3D, timed by one group), left out together; "i3d-…" would otherwise share
  // the family "i" with footprint-8's I-JEPA runs.
  'timesformer-k400-in21k-init-v100-416h': 'timesformer-table',
  'timesformer-k400-in1k-init-v100-416h': 'timesformer-table',
  'slowfast-r50-8x8-k400-in1k-init-v100-3840h': 'timesformer-table',
  'slowfast-r50-8x8-k400-scratch-v100-6336h': 'timesformer-table',
  'slowfast-r50-8x8-k400-in1k-init-short-v100-448h': 'timesformer-table',
  'i3d-r50-8x8-k400-in1k-init-v100-1440h': 'timesformer-table',
  'i3d-r50-8x8-k400-in1k-init-short-v100-444h': 'timesformer-table',
  // footprint-16: the YOLOv5 README's classification table trains ResNet-101 and EfficientNet-B3 "alongside under
  // identical settings" with YOLOv5s-cls: one recipe, one family ("yolov", from the ids) with the README's other rows.
  'resnet101-yolov5cls-imagenet-90ep-4xa100-17h10': 'yolov',
  'efficientnet-b3-yolov5cls-imagenet-90ep-4xa100-19h19': 'yolov',
  // footprint-17: one repository's README table (5663015/Imagenet_training, one train.py recipe, 150 epochs on the
  // same 2 V100) for MixNet-M, MobileNetV3-Large and MnasNet-A1: left out together.
  'mixnet-m-imagenet-150ep-bs256-2xv100-92h': 'imagenet-training',
  'mobilenetv3-large-imagenet-150ep-bs256-2xv100-52h': 'imagenet-training',
  'mnasnet-a1-imagenet-150ep-bs256-2xv100-51h': 'imagenet-training',
  // footprint-18: the s1 paper's run (Muennighoff et al. 2025) is its own family ("s", from the id, would be a letter);
  // OpenThinker and OpenThinker2 (one LlamaFactory recipe, open-thoughts) share "openthinker" from their ids, and
  // FlashSDXL shares "flash" with footprint-5's Flash Diffusion SD run (jasperai, one paper).
  's1-32b-qwen2.5-32b-sft-1k-5ep-16xh100-26min': 's1',
  // footprint-22: one maintainer's (VAGO solutions) two SauerkrautLM fine-tunes, whose ids start differently.
  // footprint-24: one author's two pre-training projects (GitHub Nkluge-correa/TeenyTinyLlama and Nkluge-correa/Tucano:
  // Llama-style decoders trained from scratch on Portuguese with the same author's code).
  ...Object.fromEntries(
    [
      'tucano-160m-pt-from-scratch-320k-steps-512k-tok-per-step-ctx2048-8xa100-80gb-44h',
      'tucano-630m-pt-from-scratch-400k-steps-512k-tok-per-step-ctx2048-8xa100-80gb-170h',
      'tucano-1b1-pt-from-scratch-480k-steps-512k-tok-per-step-ctx2048-16xa100-80gb-180h',
      'tucano-2b4-pt-from-scratch-1960k-steps-256k-tok-per-step-ctx4096-16xa100-80gb-845h',
    ].map((id) => [id, 'teenytinyllama']),
  ),
  'sauerkrautlm-qwen1.5-32b-sft-160k-2ep-dpo-110k-1ep-2xa100-72.5h': 'sauerkrautlm',
  'llama-3-sauerkrautlm-8b-instruct-2stage-dpo-70k-20k-4xrtx6000ada-12h': 'sauerkrautlm',
  // footprint-19: the three aria-1b-chat stages share "aria", the two alpaca-lora-7b reproductions (one card, one
  // recipe) "alpaca" and the two GENA-LM runs "gena", from their ids.
};

/**
 * NVIDIA DeepLearningExamples (footprint-13): one repository of separate projects, each network with its own README,
 * code and tables: a run's family is the network ("dle-fastpitch", "dle-resnext101"), so that the A100 and V100 rows of
 * one table are left out together and other networks of the repository are not.
 */
const DLE = /^dle-[a-z]+(?:\d+)?/;

const out: string[] = [];
const skipped: string[] = [];
const undated: string[] = [];
const recalled: string[] = [];
for (const n of sets) {
  const file = typeof n === 'string' ? BATCHES[n] : `docs/evaluation/heldout/footprint-${n}/cases.json`;
  const { cases } = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: FootprintCase[] };
  for (const c of cases) {
    // A run the development cases already hold (same id: the labeller re-collected it) is not entered twice.
    if (own.has(c.id) || own.has(SAME_RUN[c.id] ?? '')) {
      skipped.push(SAME_RUN[c.id] ? `${c.id} (= ${SAME_RUN[c.id]})` : c.id);
      continue;
    }
    const stated = /\b(19[89]\d|20[0-3]\d)\b/.exec(c.source)?.[1];
    const year = stated ?? (UNDATED[c.id] ? String(UNDATED[c.id].year) : undefined);
    // Every development case carries its year (core/validation/cases.ts): a run whose source names none stays out.
    if (!year) {
      undated.push(c.id);
      continue;
    }
    // Quality C (footprint-14 on: a figure recalled or read second-hand, graded so by its labeller) judges nothing.
    if (c.quality === 'C') {
      recalled.push(c.id);
      continue;
    }
    const id = c.id;
    const stub = {
      id,
      name: c.name,
      tier: 'device-hours' as const,
      quality: c.quality,
      inputs: {},
      target: c.target,
      source: '',
    };
    const fromRules = caseFamily(stub);
    const family =
      FAMILY[id] ?? (fromRules !== id ? fromRules : (DLE.exec(c.id)?.[0] ?? /^[a-z]+/.exec(c.id)?.[0] ?? c.id));
    const energy = c.target.metric !== 'gpuHours';
    const metric = c.target.metric === 'energyKWh' && ACCELERATOR_ONLY.has(c.id) ? 'acceleratorKWh' : c.target.metric;
    const inputs = Object.fromEntries(Object.entries(inputsOf(c)).filter(([, v]) => v !== undefined));
    const row = {
      id,
      name: c.name,
      tier: energy ? 'measured-energy' : 'device-hours',
      quality: c.quality,
      family,
      year: Number(year),
      inputs,
      target: { metric, value: c.target.value },
      source: stated ? c.source : `${c.source} — undated; not before ${year}: ${UNDATED[c.id].why}`,
      notes: `footprint-${n}`,
    };
    out.push(`  ${JSON.stringify(row)},`);
  }
}
const header = `// GENERATED by scripts/validation/import-spent.ts from the spent published sets ${sets.map((n) => `footprint-${n}`).join(', ')}
// (docs/evaluation/heldout/, each run's quoted sentence and arithmetic in the set's make_cases.py). Do not edit by hand:
// change the importer or the set and regenerate. Each case: the inputs a user would give (scripts/heldout/footprint-inputs.ts),
// the published value, its source and year, and its set in \`notes\`. Quality as the labeller graded it; quality-B runs
// set only the width of the utilisation band, never a mid value (core/fit.ts).

import type { ValidationCase } from './cases';

export const SPENT_CASES: readonly ValidationCase[] = [
${out.join('\n')}
];
`;
fs.writeFileSync('core/validation/cases-spent.ts', header);
if (skipped.length) console.log(`already development cases, not entered again: ${skipped.join(', ')}`);
if (undated.length) console.log(`sources name no year, not entered: ${undated.join(', ')}`);
if (recalled.length) console.log(`quality C (recalled or second-hand figures), not entered: ${recalled.join(', ')}`);
console.log(`${out.length} cases from ${sets.map((n) => `footprint-${n}`).join(', ')}`);
