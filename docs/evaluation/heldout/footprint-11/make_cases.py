"""Builds footprint-heldout-11 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x hours, devices x days x 24, steps x batch x length, TPU cores / 2 = chips). Nothing is fitted and the Green ML
Review estimator was never run on these cases. Run: python3 make_cases.py (then npx prettier --write cases.json)
"""
import datetime
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def C(**kw):
    base = dict(id=None, name=None, quality=None, modality="text", architecture="dense",
                paramsTotal=None, paramsActive=None, tokens=None, samples=None, epochs=None,
                seqLen=None, resolution=None, hardware=None, devices=None, precision=None,
                target=None, also=[], convention=None, source=None, notes=None)
    for k in kw:
        assert k in base, k
    base.update(kw)
    return base


def days(devices, d):
    """device-hours for `devices` running `d` days."""
    return devices * d * 24


def hours(devices, h):
    """device-hours for `devices` running `h` wall hours."""
    return devices * h


def tpu_chips(cores):
    """TPU v2 / v3: 2 TensorCores per chip (a 'TPUv3-8' slice = 8 cores = 4 chips)."""
    assert cores % 2 == 0
    return cores // 2


GPUH = "gpuHours"
DESCRIPTION = ("Eleventh held-out set of published training runs for validating the Green ML Review footprint estimator: "
               "TPU v2/v3 pre-training of Arabic encoders and decoders (AraBERT, AraGPT2, AraELECTRA), a from-scratch text-to-image "
               "diffusion transformer on 4 RTX 5090 by stage (HDM), budget runs (crammed BERT on an RTX A6000, a protein LM in 24 GPU "
               "hours), Japanese DeBERTa runs on 8 A100, adapter training on 8 H100 and a robot VLA. Built without running the estimator "
               "and without reading product code; no model/run of footprint-heldout-1..10 nor of the development cases they name as "
               "excluded. gpuHours means accelerator-hours (TPU chip-hours for TPU rows). [R] = recalled/secondary; [D] = derived "
               "arithmetic shown in notes and in make_cases.py.")
cases = []
A = cases.append

# ====================================================================== AUB MIND Lab: AraBERT / AraGPT2 / AraELECTRA (TPU)
AUB_SRC = ("aub-mind/arabert README.md (GitHub, commit 6fcebae, blob 379cbba), sections 'Bigger Dataset and More Compute', "
           "'AraGPT2 > Dataset and Compute', 'AraELECTRA > Dataset and Compute' and the model tables; the same tables are in the "
           "aubmindlab/* model cards on Hugging Face")
AUB_DATA = ("README, Dataset: 'The dataset consists of 77GB or 200,095,961 lines or 8,655,948,860 words or 82,232,988,358 chars "
            "(before applying Farasa Segmentation)'; 'The pretraining data used for the new **AraBERT** model is also used for "
            "**AraGPT2 and AraELECTRA**.'")

v3_8 = tpu_chips(8)
v3_128 = tpu_chips(128)

tok = 2560 * 1_000_000 * 128 + 384 * 2_000_000 * 512
A(C(id="arabertv02-base-tpuv3-8-36d", name="AraBERTv0.2-base (136M, BERT-Base config) pre-training on 77GB Arabic text, 1M steps x 2560 @128 + 2M x 384 @512, one TPUv3-8, 36 days",
    quality="B", architecture="dense-encoder (BERT-Base config, MLM)", paramsTotal=136_000_000, tokens=tok, seqLen=512,
    hardware="TPU v3", devices=v3_8, target=dict(metric=GPUH, value=days(v3_8, 36)),
    also=[dict(metric=GPUH, value=days(8, 36))],
    source=AUB_SRC,
    notes=("README table: 'Model | Hardware | num of examples with seq len (128 / 512) |128 (Batch Size/ Num of Steps) | 512 (Batch "
           "Size/ Num of Steps) | Total Steps | Total Time (in Days)' / 'AraBERTv0.2-base | TPUv3-8 | 420M / 207M | 2560 / 1M | 384/ 2M "
           "| 3M | 36'. Model table: 'AraBERTv0.2-base | bert-base-arabertv02 | 543MB / 136M | No | 200M / 77GB / 8.6B'. " + AUB_DATA +
           " Target [D] = TPUv3-8 = 8 TensorCores = 4 chips x 36 d x 24 = 3,456 TPU v3 chip-hours (`also`: 6,912 core-hours). "
           "tokens [D] = 1M x 2,560 x 128 + 2M x 384 x 512 = 720.9B sequence slots (upper bound on real tokens). AraBERTv2-base "
           "(pre-segmented text) has the identical row and is not repeated. BERT-Base pre-training is an excluded development case: "
           "this is a different run (Arabic corpus, own vocabulary). Precision not stated. Year 2021 (AraBERTv0.2 release). "
           "Quality B: whole days, two-phase schedule, TPU slice not chips.")))

tok = 13440 * 250_000 * 128 + 2056 * 300_000 * 512
A(C(id="arabertv02-large-tpuv3-128-7d", name="AraBERTv0.2-large (371M) pre-training, 250K steps x 13440 @128 + 300K x 2056 @512, TPUv3-128, 7 days",
    quality="B", architecture="dense-encoder (BERT-Large config, MLM)", paramsTotal=371_000_000, tokens=tok, seqLen=512,
    hardware="TPU v3", devices=v3_128, target=dict(metric=GPUH, value=days(v3_128, 7)),
    also=[dict(metric=GPUH, value=days(128, 7))],
    source=AUB_SRC,
    notes=("README table: 'AraBERTv0.2-large | TPUv3-128 | 420M / 207M | 13440 / 250K | 2056 / 300K | 550K | 7'. Model table: "
           "'AraBERTv0.2-large| bert-large-arabertv02 | 1.38G / 371M | No | 200M / 77GB / 8.6B'. " + AUB_DATA +
           " Target [D] = TPUv3-128 = 64 chips x 7 d x 24 = 10,752 TPU v3 chip-hours (`also`: 21,504 core-hours). tokens [D] = "
           "250K x 13,440 x 128 + 300K x 2,056 x 512 = 745.9B sequence slots. AraBERTv2-large has the same hardware/time row "
           "(520M / 245M examples) and is not repeated. Pair with arabertv02-base (same data; 36 d on 4 chips vs 7 d on 64 chips). "
           "Quality B.")))

tok = 512 * 900_000 * 128 + 128 * 300_000 * 512
A(C(id="arabert-v01-base-tpuv2-8-4d", name="AraBERT v0.1 / v1 base (136M) pre-training on 23GB Arabic text, 900K x 512 @128 + 300K x 128 @512, one TPUv2-8, 4 days",
    quality="B", architecture="dense-encoder (BERT-Base config, MLM)", paramsTotal=136_000_000, tokens=tok, seqLen=512,
    hardware="TPU v2", devices=tpu_chips(8), target=dict(metric=GPUH, value=days(tpu_chips(8), 4)),
    also=[dict(metric=GPUH, value=days(8, 4))],
    source=AUB_SRC,
    notes=("README table: 'AraBERT-base (v1/v0.1) | TPUv2-8 | - |512 / 900K | 128 / 300K| 1.2M | 4'. Model table: ' AraBERTv0.1-base| "
           "bert-base-arabertv01 | 543MB / 136M | No | 77M / 23GB / 2.7B'. Target [D] = TPUv2-8 = 8 cores = 4 chips x 4 d x 24 = 384 "
           "TPU v2 chip-hours (`also`: 768 core-hours). tokens [D] = 900K x 512 x 128 + 300K x 128 x 512 = 78.6B sequence slots. "
           "The row covers 'v1/v0.1' (two models, one with Farasa pre-segmentation); read as the time of one model. First **TPU v2** "
           "row. Year 2020 (LREC 2020 workshop paper). Quality B: one row for two checkpoints, whole days.")))

AG = ("README, AraGPT2 > Dataset and Compute: 'Model | Hardware | num of examples (seq len = 1024) | Batch Size | Num of Steps | "
      "Time (in days)'")
A(C(id="aragpt2-base-tpuv3-128-1.5d", name="AraGPT2-base (135M GPT-2) pre-training, 125K steps x 1792 x 1024, TPUv3-128, 1.5 days",
    quality="B", architecture="dense-decoder (GPT-2 base)", paramsTotal=135_000_000, tokens=1792 * 125_000 * 1024, seqLen=1024,
    hardware="TPU v3", devices=v3_128, target=dict(metric=GPUH, value=days(v3_128, 1.5)),
    also=[dict(metric=GPUH, value=days(128, 1.5))],
    source=AUB_SRC + "; Antoun, Baly & Hajj, 'AraGPT2' (WANLP 2021, arXiv 2012.15520)",
    notes=(AG + " / 'AraGPT2-base | TPUv3-128 | 9.7M | 1792 | 125K | 1.5'. Model table: ' AraGPT2-base | aragpt2-base | 527MB/135M |'. "
           "aragpt2 README: 'These models were trained using the `lamb` optimizer'. " + AUB_DATA +
           " Target [D] = 64 chips x 1.5 d x 24 = 2,304 TPU v3 chip-hours (`also`: 4,608 core-hours). tokens [D] = 125K x 1,792 x "
           "1,024 = 229.4B sequence slots (~23 passes over the 9.7M 1,024-token examples). GPT-2 reproductions are excluded "
           "development cases; this is an Arabic model trained from scratch on its own data. Quality B.")))

A(C(id="aragpt2-medium-tpuv3-8-15d", name="AraGPT2-medium (370M) pre-training, 1M steps x 80 x 1024, one TPUv3-8, 15 days",
    quality="B", architecture="dense-decoder (GPT-2 medium)", paramsTotal=370_000_000, tokens=80 * 1_000_000 * 1024, seqLen=1024,
    hardware="TPU v3", devices=v3_8, target=dict(metric=GPUH, value=days(v3_8, 15)),
    also=[dict(metric=GPUH, value=days(8, 15))],
    source=AUB_SRC + "; Hugging Face commit 1b3a0ef of aubmindlab/aragpt2-medium (README batch-size correction)",
    notes=(AG + " / 'AraGPT2-medium | TPUv3-8 | 9.7M | 80 | 1M | 15'. Model table: ' AraGPT2-medium | aragpt2-medium |  1.38G/370M  |'. "
           "The Hugging Face card first said batch 1152; commit 1b3a0ef changed it to 80 ('- AraGPT2-medium | TPUv3-8 | 9.7M | 1152 | 1M "
           "| 15' -> '+ AraGPT2-medium | TPUv3-8 | 9.7M | 80 | 1M | 15'); the GitHub README has 80. Target [D] = 4 chips x 15 d x 24 = "
           "1,440 TPU v3 chip-hours (`also`: 2,880 core-hours). tokens [D] = 1M x 80 x 1,024 = 81.9B sequence slots. Quality B: "
           "the batch was edited (time unchanged), whole days.")))

A(C(id="aragpt2-large-tpuv3-128-3d", name="AraGPT2-large (792M, Grover architecture, Adafactor) pre-training, 220k steps x 256 x 1024, TPUv3-128, 3 days",
    quality="B", architecture="dense-decoder (GPT-2 large / Grover)", paramsTotal=792_000_000, tokens=256 * 220_000 * 1024, seqLen=1024,
    hardware="TPU v3", devices=v3_128, target=dict(metric=GPUH, value=days(v3_128, 3)),
    also=[dict(metric=GPUH, value=days(128, 3))],
    source=AUB_SRC,
    notes=(AG + " / 'AraGPT2-large | TPUv3-128 | 9.7M | 256 | 220k | 3'. Model table: ' AraGPT2-large | aragpt2-large |  2.98GB/792M  |'. "
           "aragpt2 README: 'GPT2-large and GPT2-mega were trained using the imcaspar/gpt2-ml library, and follow the `grover` "
           "architecture' ... 'Both models are trained using the `adafactor` optimizer'. Target [D] = 64 chips x 3 d x 24 = 4,608 TPU v3 "
           "chip-hours (`also`: 9,216 core-hours). tokens [D] = 220k x 256 x 1,024 = 57.7B sequence slots. Quality B.")))

A(C(id="aragpt2-mega-tpuv3-128-9d", name="AraGPT2-mega (1.46B, Grover architecture) pre-training, 800K steps x 256 x 1024, TPUv3-128, 9 days",
    quality="B", architecture="dense-decoder (GPT-2 XL-size / Grover)", paramsTotal=1_460_000_000, tokens=256 * 800_000 * 1024, seqLen=1024,
    hardware="TPU v3", devices=v3_128, target=dict(metric=GPUH, value=days(v3_128, 9)),
    also=[dict(metric=GPUH, value=days(128, 9))],
    source=AUB_SRC,
    notes=(AG + " / 'AraGPT2-mega | TPUv3-128 | 9.7M | 256 | 800K | 9'. Model table: ' AraGPT2-mega | aragpt2-mega |  5.5GB/1.46B  |'. "
           "The aubmindlab/aragpt2-medium card's copy of the table reads '780K' steps for mega; the GitHub README and the aubmindlab "
           "Arabic-NLP Space read '800K' (used). Target [D] = 64 chips x 9 d x 24 = 13,824 TPU v3 chip-hours (`also`: 27,648 core-hours). "
           "tokens [D] = 800K x 256 x 1,024 = 209.7B sequence slots (780K would give 204.5B). Pair: large vs mega on the same slice "
           "(3 vs 9 days). Quality B: step count differs between copies, whole days.")))

A(C(id="araelectra-base-tpuv3-8-24d", name="AraELECTRA-base (135M discriminator) pre-training, 2M steps x 256 x 512, one TPUv3-8, 24 days",
    quality="B", architecture="dense-encoder (ELECTRA-base replaced-token detection, generator + discriminator)", paramsTotal=135_000_000,
    tokens=256 * 2_000_000 * 512, seqLen=512,
    hardware="TPU v3", devices=v3_8, target=dict(metric=GPUH, value=days(v3_8, 24)),
    also=[dict(metric=GPUH, value=days(8, 24))],
    source=AUB_SRC + "; Antoun, Baly & Hajj, 'AraELECTRA' (WANLP 2021, arXiv 2012.15516)",
    notes=("README, AraELECTRA > Dataset and Compute: 'Model | Hardware | num of examples (seq len = 512) | Batch Size | Num of Steps | "
           "Time (in days)' / 'ELECTRA-base | TPUv3-8 | - | 256 | 2M | 24'. Model table: 'AraELECTRA-base-discriminator | "
           "araelectra-base-discriminator |  516MB/135M  |'. " + AUB_DATA + " Target [D] = 4 chips x 24 d x 24 = 2,304 TPU v3 "
           "chip-hours (`also`: 4,608 core-hours). tokens [D] = 2M x 256 x 512 = 262.1B sequence slots. paramsTotal = the "
           "discriminator's 135M; the smaller generator is trained jointly and not counted (its size is not in the table). ELECTRA-Small "
           "/ -Base (English) are earlier rows; this is a different run. Quality B.")))

# ====================================================================== HDM (Home-made Diffusion Model), 4 x RTX 5090, per-stage wall times
HDM_SRC = ("KohakuBlueleaf/HDM TechReport.md (GitHub, commit de8e1c9, blob 4e80c4d), sections 4.1 'Model Scale', 4.2 'Training Recipe' "
           "(stage table) and 4.3 'Pretraining Cost Analysis'; Yeh 2025, 'Home-made Diffusion Model from Scratch to Hatch' (arXiv 2509.06068)")
HDM_COMMON = ("TechReport 4.1: '| Parameters (XUT part) | 237M | 343M | 555M |' (XUT-small / -base / -large) and 'This technical report focuses on "
              "XUT-base'; 4.2: 'Our XUT-base training employs progressive resolution scaling, beginning at 256² and advancing to higher "
              "resolutions. We utilize four RTX5090 GPUs with distributed data parallel (DDP) training.' 4.3: 'Based on vast.ai pricing, renting "
              "four RTX5090 rigs for 385 hours costs approximately $535-620.' (174 + 120 + 42 + 49 = 385 h: the four stage rows add up.) "
              "paramsTotal = 343M, the XUT backbone only; the frozen text encoder (Qwen3-0.6B, 'Context Dim (TE model) ... 1024 (Qwen3-0.6B)') "
              "and the VAE also run forward each step (the report: 'All training proceeds without latent caching or text embedding caching') "
              "and are not counted. Flow-matching text-to-image model trained from scratch. First **RTX 5090** rows. Year 2025.")


def hdm(stage_id, res, images, epochs, samples_seen, patches, batch, wall_h, quality="A", extra=""):
    A(C(id=f"hdm-xut-base-343m-{stage_id}-4xrtx5090", quality=quality, modality="diffusion",
        name=f"HDM XUT-base (343M) text-to-image pre-training, {res}px stage: {epochs} epoch(s) over {images / 1e6:.3f}M images, 4x RTX 5090, {wall_h} h",
        architecture="diffusion transformer (XUT: U-shaped transformer with cross-attention skips, flow matching, TREAD routing)",
        paramsTotal=343_000_000, samples=images, epochs=epochs, resolution=res, hardware="RTX 5090 32GB (consumer)", devices=4,
        target=dict(metric=GPUH, value=hours(4, wall_h)),
        source=HDM_SRC,
        notes=(HDM_COMMON + f" Stage table, column {res}²: 'Image Count' {images / 1e6:.3f}M, 'Epochs' {epochs}, 'Samples Seen' {samples_seen}, "
               f"'Patches Seen' {patches}, 'Global Batch Size' {batch}, 'Training Wall Time' {wall_h}h. Target [D] = 4 GPUs x {wall_h} h = "
               f"{hours(4, wall_h)} RTX 5090 GPU-hours. samples x epochs as in the table." + extra)))


hdm("256px", 256, 7_624_000, 20, "152.5M", "39B", 2048, 174,
    extra=(" 'TREAD Selection Rate' 0.5 (half the tokens skip the middle blocks) and 'Gradient Checkpointing | No' at this stage. "
           "Quality A: exact wall time, model, data, epochs and device count in one table."))
hdm("512px", 512, 8_469_000, 5, "42.34M", "43.5B", 512, 120,
    extra=(" Dataset 'Danbooru2023 + extra*' (internal collections added). Gradient checkpointing on. Quality A."))
hdm("768px", 768, 8_469_000, 1, "8.469M", "19.5B", 512, 42,
    quality="B",
    extra=(" The table's 768² column leaves 'Dataset' and 'Image Count' as '-'; samples = 8.469M is read from 'Samples Seen' "
           "(= the 512² image count x 1 epoch). Quality B for that reading."))
hdm("1024px", 1024, 3_649_000, 1, "3.649M", "15B", 256, 49,
    extra=(" Curated subset ('curated**'), context length 512, 'TREAD Selection Rate' 0.0 ('TREAD is disabled in the final stage'). "
           "Quality A."))

# ====================================================================== budget runs (1 GPU x 24 h)
A(C(id="crammed-bert-pile-1xrtxa6000-24h", name="crammed BERT (Cramming, PyTorch-2 codebase) MLM pre-training on the Pile, 24 hours on one A6000",
    quality="B", architecture="dense-encoder (crammed BERT, MLM)", paramsTotal=None, hardware="RTX A6000 48GB (workstation)", devices=1,
    target=dict(metric=GPUH, value=hours(1, 24)),
    source=("JonasGeiping/crammed-bert model card on Hugging Face (README.md, commit ad12ee0, June 2023); JonasGeiping/cramming README "
            "(GitHub, commit 196c991); Geiping & Goldstein 2023, 'Cramming: Training a Language Model on a Single GPU in One Day' (ICML 2023, "
            "arXiv 2212.14034)"),
    notes=("Card: 'This is one of the final models described in \"Cramming: Training a Language Model on a Single GPU in One Day\". ... This one "
           "was trained for 24 hours on a single A6000 GPU.'; card tags: 'datasets: - EleutherAI/pile'. Repository README: 'Training proceeds on "
           "a single GPU for 24 hours.' and 'The new model, trained with the new codebase is 1-2% better on GLUE with the same budget.'; "
           "cfg_pretrain.yaml: 'budget: 24' ('Total and central computation budget in hours'). Target = 1 x 24 = 24 GPU-hours, a budget "
           "(the run stops at the budget). Parameter count and tokens processed are not stated in what was read (null): not estimable from "
           "the card alone. BERT-base pre-training is an excluded development case; this is a different, budget-limited model. Year 2023. "
           "Quality B: budget, not a measured duration; 'A6000' read as the RTX A6000.")))

A(C(id="crammed-bert-legacy-c4-1xrtxa6000-24h", name="crammed BERT legacy/v1 (Cramming, first version) MLM pre-training on C4, 24 hours on one A6000",
    quality="B", architecture="dense-encoder (crammed BERT, MLM)", paramsTotal=None, hardware="RTX A6000 48GB (workstation)", devices=1,
    target=dict(metric=GPUH, value=hours(1, 24)),
    source=("JonasGeiping/crammed-bert-legacy model card on Hugging Face (README.md, commits 3e6db37 / 285bab3, June 2023; model uploaded "
            "January 2023); Geiping & Goldstein, arXiv 2212.14034 v1"),
    notes=("Card: 'This is one of the final models described in the **FIRST VERSION OF** \"Cramming: Training a Language Model on a Single GPU in "
           "One Day\". ... This one was trained for 24 hours on a single A6000 GPU. To use this model, you need the code from the repo at "
           "https://github.com/JonasGeiping/cramming tagged v1.13.'; card tags: 'datasets: - allenai/c4'; files 'train_budget_hours_24.json', "
           "'data_budget_hours_24.json'. Target = 24 GPU-hours (budget). Parameters and tokens not stated in what was read (null). Pair with "
           "crammed-bert-pile (same budget and GPU, other data and codebase). Year 2022/2023. Quality B.")))

A(C(id="lbster-plm-67m-1gpu-24h", name="LBSTER cramming protein language model (67M MLM) trained in 24 hours on a single GPU",
    quality="B", modality="text", architecture="dense-encoder (protein MLM, LBSTER)", paramsTotal=67_000_000,
    hardware="GPU (model not stated)", devices=1, target=dict(metric=GPUH, value=hours(1, 24)),
    source=("Frey, Joren, Ismail, Goodman, Bonneau, Cho & Gligorijevic, 'Cramming Protein Language Model Training in 24 GPU Hours' (bioRxiv "
            "2024.05.14.594108; ICML 2024 AccMLBio workshop; NeurIPS 2023 MLSB workshop) -- abstract on openreview.net / icml.cc; library "
            "prescient-design/lobster README (GitHub, commit 0ac6932)"),
    notes=("Abstract: 'Here, we define a \"cramming\" challenge for pLMs and train performant models in 24 hours on a single GPU. By re-examining "
           "many aspects of pLM training, we are able to train a 67 million parameter model in a single day that achieves comparable performance "
           "on downstream protein fitness landscape inference tasks to ESM-3B, a model trained for over 15,000x more GPU hours than ours.' "
           "Target = 1 GPU x 24 h = 24 GPU-hours (a budget). The GPU model and the number of residues/tokens processed are not in the abstract "
           "(hardware 'GPU (model not stated)', tokens null). Scientific (protein sequence) model; modality text = token sequences. Year 2023-2024. "
           "Quality B: budget, GPU unnamed.")))

# ====================================================================== ku-nlp Japanese DeBERTa V2 (other runs than footprint-9's large)
KU_DATA = ("Card, Training data: 'Japanese Wikipedia (as of 20221020, 3.2GB, 27M sentences, 1.3M documents)', 'Japanese portion of CC-100 (85GB, "
           "619M sentences, 66M documents)', 'Japanese portion of OSCAR (54GB, 326M sentences, 25M documents)' ... 'As a result, the total size "
           "of the training data is 171GB.'")
A(C(id="ku-nlp-deberta-v2-tiny-ja-8xa100-33h", name="Japanese DeBERTa V2 tiny (ku-nlp) pre-training on 171GB Japanese text, 8 A100-SXM4-40GB, 33 hours",
    quality="B", architecture="dense-encoder (DeBERTa V2 tiny)", hardware="A100 40GB (SXM4)", devices=8,
    target=dict(metric=GPUH, value=hours(8, 33)),
    source=("ku-nlp/deberta-v2-tiny-japanese model card on Hugging Face (README.md; commit edc4ed8 adds the time; first commit b4fe49a)"),
    notes=("Commit edc4ed8 diff: '- The training took' -> '+ The training took 33 hours using 8 NVIDIA A100-SXM4-40GB GPUs.' " + KU_DATA +
           " Target [D] = 8 x 33 = 264 A100-hours. The card's hyperparameter list (batch, steps) was not visible in what was read, and the card "
           "states no parameter count: paramsTotal / tokens null (not estimable from what was read). footprint-9 has the large model "
           "(ku-nlp-deberta-v2-large-ja-8xa100, 36 days); this is a different run of the family. Year 2023. Quality B: data volume not read.")))

A(C(id="ku-nlp-deberta-v2-base-ja-char-wwm-8xa100-20d", name="Japanese character-level DeBERTa V2 base with whole-word masking (ku-nlp) pre-training, 8 A100-SXM4-40GB, 20 days",
    quality="B", architecture="dense-encoder (DeBERTa V2 base, character-level vocabulary)", hardware="A100 40GB (SXM4)", devices=8,
    target=dict(metric=GPUH, value=days(8, 20)),
    source="ku-nlp/deberta-v2-base-japanese-char-wwm model card on Hugging Face (README.md, commit 855548c diff)",
    notes=("Card (commit 855548c, unchanged context lines): 'We tokenized raw corpora into character-level subwords using the sentencepiece model and "
           "trained the Japanese DeBERTa model using transformers library.' / 'The training took 20 days using 8 NVIDIA A100-SXM4-40GB GPUs.' "
           "(the commit only changed the vocabulary sentence: 32000 -> '22,012 tokens'). Same corpora as the other ku-nlp cards ('Also note that "
           "Japanese Wikipedia was duplicated 10 times to make the total size ...'). Target [D] = 8 x 20 d x 24 = 3,840 A100-hours. Parameter "
           "count, batch and steps not read (null). Year 2023. Quality B.")))

# ====================================================================== fine-tunes / robotics
A(C(id="bigvae-mistral-7b-redpajama-1b-8xh100", name="BigVAE-Mistral-7B-v0.1: VAE adapters on a quantised Mistral-7B, trained on a 1B-token RedPajama sample, 8x H100, ~24 h",
    quality="B", architecture="dense-decoder (Mistral 7B) with trained VAE encoder/decoder adapters (bitsandbytes-quantised base)",
    paramsTotal=7_240_000_000, tokens=1_000_000_000, hardware="H100 (form factor not stated)", devices=8,
    target=dict(metric=GPUH, value=hours(8, 24)),
    source="jdpressman/BigVAE-Mistral-7B-v0.1 model card on Hugging Face (README.md, commit 8d2472d 'Add training details')",
    notes=("Card, Training procedure (commit 8d2472d): 'This model was trained on [a 1 billion token sample](...RedPajama-Data-1T-Sample) of "
           "RedPajama on 8x H100 GPUs for roughly 24 hours.' then two commands: 'accelerate launch train_vae_overlap.py --model "
           "\"mistralai/Mistral-7B-v0.1\" ... --context 64 ... --batch-size 24' and 'accelerate launch train_vae_router.py ... --lr 1e-4 "
           "--batch-size 1', and 'The following `bitsandbytes` quantization config was used during training: - quant_method: bitsandbytes'. "
           "Target [D] = 8 x 24 = 192 H100-hours ('roughly'). tokens = the 1B-token sample; the number of passes is not stated (epochs null) and "
           "the two stages share the 24 h. paramsTotal [R] = 7.24B (Mistral-7B-v0.1, not stated in the card); only adapters are trained on a "
           "quantised frozen base, so 6ND over-counts the backward pass. Year 2024. Quality B: 'roughly', adapter training, two stages.")))

A(C(id="flower-vla-950m-pretrain-200-h100-hours", name="FLOWER 950M vision-language-action flow policy, pre-training 'in just 200 H100 GPU hours'",
    quality="B", modality="vision", architecture="VLA: pruned Florence-2 VLM + flow transformer action head (rectified flow)",
    paramsTotal=950_000_000, hardware="H100 (form factor not stated)", devices=None,
    target=dict(metric=GPUH, value=200),
    source=("Reuss, Zhou, Rühle, Yağmurlu, Otto & Lioutikov 2025, 'FLOWER: Democratizing Generalist Robot Policies with Efficient "
            "Vision-Language-Action Flow Policies' (CoRL 2025, arXiv 2509.04996) -- abstract on arxiv.org (html v1) and the project page "
            "intuitive-robots.github.io/flower_vla"),
    notes=("Abstract: 'We integrate these advances into a novel 950 M-parameter VLA called FLOWER. Pretrained in just 200 H100 GPU hours, FLOWER "
           "delivers competitive performance with bigger VLAs across 190 tasks spanning ten simulation and real-world benchmarks'. Project page: "
           "'FLOWER achieves state-of-the-art performance on CALVIN and LIBERO benchmarks with only 950M parameters and just 4 hours of "
           "fine-tuning on 4 GPUs.' (fine-tuning: GPU model not named, not a target). Target = 200 H100 GPU-hours as stated. Device count, "
           "steps and the robot-episode mixture (Open X-Embodiment subsets) are not in what was read (devices / samples null). Year 2025. "
           "Quality B: abstract round figure, no data volume.")))

# ====================================================================== stefan-it/turkish-bert: BERT5urk, ELECTRA, DistilBERTurk
TR_SRC = "stefan-it/turkish-bert (GitHub, commit 0ab49e2, March 2025)"
TR_CORPUS = ("README: 'The final training corpus has a size of 35GB and 4,404,976,662 tokens.' (BERTurk corpus: OSCAR, Wikipedia, OPUS, "
             "Oflazer corpus).")
A(C(id="bert5urk-1.42b-ul2-tpuv3-32-16.56d", name="BERT5urk (1.42B T5-efficient encoder-decoder, UL2) pre-training on 262GB Turkish FineWeb2, 2M steps x 128 x (512+512), TPU v3-32, 16.56 days",
    quality="B", architecture="encoder-decoder (T5 'efficient' architecture, UL2 objective, T5X)", paramsTotal=1_420_000_000,
    tokens=2_000_000 * 128 * (512 + 512), seqLen=512, hardware="TPU v3", devices=tpu_chips(32),
    target=dict(metric=GPUH, value=days(tpu_chips(32), 16.56)), also=[dict(metric=GPUH, value=days(32, 16.56))],
    source=TR_SRC + " README.md (blob 3b90a51), section 'BERT5urk'; model card stefan-it/bert5urk on Hugging Face (linked, not read)",
    notes=("README: 'BERT5urk is a new 1.42B encoder-decoder model based on the efficient T5 architecture and pretrained with the UL2 objective.' "
           "'The model was pretrained with the awesome T5X library for 2M steps with a batch size of 128 and an input and output sequence length of "
           "512 for 16.56 days on a v3-32 TPU Pod.' 'The Turkish part of the amazing FineWeb2 ... is used as pretraining corpus. Basic filtering "
           "with a minimum language score of 0.99 is performed resulting in a 262GB corpus.' Target [D] = v3-32 = 32 TensorCores = 16 chips x "
           "16.56 d x 24 = 6,359.04 TPU v3 chip-hours (`also`: 12,718.08 core-hours). tokens [D] = 2M x 128 x (512 input + 512 output) = 262.1B "
           "token slots (encoder + decoder; an upper bound). T5-11B is an excluded development case; this is a different model and run. "
           "Year 2025. Quality B: TPU slice, token slots.")))

A(C(id="electra-small-turkish-tpuv3-8-9h", name="ELECTRA small (cased) Turkish pre-training on the 35GB BERTurk corpus, 1M steps x 128 x 128, one TPU v3-8, ~9 hours",
    quality="B", architecture="dense-encoder (ELECTRA small: discriminator + generator)", paramsTotal=14_000_000,
    tokens=1_000_000 * 128 * 128, seqLen=128, hardware="TPU v3", devices=tpu_chips(8),
    target=dict(metric=GPUH, value=hours(tpu_chips(8), 9)), also=[dict(metric=GPUH, value=hours(8, 9))],
    source=TR_SRC + " electra/CHEATSHEET.md (blob e30512e), electra/configure_pretraining_small.py, README.md",
    notes=("electra/CHEATSHEET.md: 'We train both small and base models for 1M steps on a v3-8 TPU. Training a small model took ~9 hours, base model "
           "took ~8 days.' configure_pretraining_small.py: 'self.num_train_steps = 1000000', 'self.model_size = \"small\"', 'self.max_seq_length = "
           "128', 'self.train_batch_size = 128'. " + TR_CORPUS + " Target [D] = 4 chips x 9 h = 36 TPU v3 chip-hours (`also`: 72 core-hours). "
           "tokens [D] = 1M x 128 x 128 = 16.4B sequence slots. paramsTotal [R] = 14M (standard ELECTRA-small discriminator size; the repository "
           "states none). ELECTRA-Small (English) is an excluded development case and footprint-9 row; this Turkish run uses other data and vocab "
           "(not a reproduction). Year 2020. Quality B: '~', recalled size.")))

A(C(id="electra-base-turkish-tpuv3-8-8d", name="ELECTRA base (cased) Turkish pre-training on the 35GB BERTurk corpus, 1M steps x 256 x 512, one TPU v3-8, ~8 days",
    quality="B", architecture="dense-encoder (ELECTRA base: discriminator + generator)", paramsTotal=110_000_000,
    tokens=1_000_000 * 256 * 512, seqLen=512, hardware="TPU v3", devices=tpu_chips(8),
    target=dict(metric=GPUH, value=days(tpu_chips(8), 8)), also=[dict(metric=GPUH, value=days(8, 8))],
    source=TR_SRC + " electra/CHEATSHEET.md, electra/configure_pretraining_base.py, electra/README.md",
    notes=("electra/CHEATSHEET.md: '... Training a small model took ~9 hours, base model took ~8 days.' configure_pretraining_base.py: "
           "'self.num_train_steps = 1000000', 'self.model_size = \"base\"', 'self.max_seq_length = 512', 'self.train_batch_size = 256'. electra/README.md: "
           "'For the final ELECTRA base model we use the checkpoint after 800k steps' (the run went to 1M; the time covers the run). " + TR_CORPUS +
           " Target [D] = 4 chips x 8 d x 24 = 768 TPU v3 chip-hours (`also`: 1,536 core-hours). tokens [D] = 1M x 256 x 512 = 131.1B sequence slots. "
           "paramsTotal [R] = 110M (BERT-base-sized discriminator; not stated). Pair with electra-small-turkish (same data/slice; ~9 h vs ~8 d) and "
           "with AraELECTRA-base (2M x 256 x 512 on a TPUv3-8 in 24 days). Year 2020. Quality B.")))

A(C(id="electra-base-turkish-mc4-tpuv3-32-3.5d", name="ELECTRA base (cased) Turkish mC4 pre-training on 242GB, 1M steps at length 512, TPU v3-32, ~3.5 days",
    quality="B", architecture="dense-encoder (ELECTRA base)", paramsTotal=110_000_000, seqLen=512, hardware="TPU v3", devices=tpu_chips(32),
    target=dict(metric=GPUH, value=days(tpu_chips(32), 3.5)), also=[dict(metric=GPUH, value=days(32, 3.5))],
    source=TR_SRC + " README.md ('mC4 ELECTRA', 'C4 Multilingual dataset (mC4)') and electra/CHEATSHEET.md ('mC4 dataset')",
    notes=("README: 'After filtering documents with a broken encoding, the training corpus has a size of 242GB resulting in 31,240,963,926 tokens.' "
           "'We use a sequence length of 512 over the full training time and train the model for 1M steps on a v3-32 TPU.' electra/CHEATSHEET.md: "
           "'The model was trained on a v3-32 TPU with a sequence length of 512 for 1M steps. Training took around 3.5 days.' Target [D] = 16 chips "
           "x 3.5 d x 24 = 1,344 TPU v3 chip-hours (`also`: 2,688 core-hours). The batch size of this run is not stated (tokens null; the 31.2B-token "
           "corpus is the data size, passes unknown). paramsTotal [R] = 110M. Year 2021. Quality B.")))

A(C(id="distilberturk-4xrtx2080ti-5d", name="DistilBERTurk (cased): distillation of BERTurk on 7GB of Turkish text, 4 RTX 2080 Ti, 5 days",
    quality="B", architecture="dense-encoder (DistilBERT, 6 layers) distilled from a BERT-base teacher", paramsTotal=66_000_000,
    hardware="RTX 2080 Ti 11GB (consumer)", devices=4, target=dict(metric=GPUH, value=days(4, 5)),
    source=TR_SRC + " README.md, section 'DistilBERTurk'",
    notes=("README: 'The distilled version of a cased model, so called *DistilBERTurk*, was trained on 7GB of the original training data, using the "
           "cased version of *BERTurk* as teacher model.' 'DistilBERTurk was trained with the official Hugging Face implementation' 'The cased model "
           "was trained for 5 days on 4 RTX 2080 TI.' Target [D] = 4 x 5 d x 24 = 480 GPU-hours. paramsTotal [R] = 66M (DistilBERT-base size, not "
           "stated); the 110M BERTurk teacher runs forward on every batch (not counted). Tokens/epochs not stated: 7GB of the 35GB / 4.4B-token "
           "corpus (~0.9B tokens if proportional, not used). DistilBERT (English) is a footprint-1 row; this is a different run. Year 2020. "
           "Quality B.")))

# ====================================================================== more LLM / fine-tune / video rows
A(C(id="hyperclovax-seed-0.5b-pretrain-a100", name="HyperCLOVAX-SEED-Text-Instruct-0.5B (NAVER): one pre-training run (excluding SFT), 4.358K A100 GPU hours",
    quality="B", architecture="dense-decoder (Transformer, 0.57B total / 0.45B without embeddings)", paramsTotal=570_000_000,
    hardware="A100 (memory not stated)", devices=None, target=dict(metric=GPUH, value=4358),
    source=("naver-hyperclovax/HyperCLOVAX-SEED-Text-Instruct-0.5B model card (2025), read as a copy of the card README in the file index "
            "(id 20356899632; repository not named by the index), sections 'Overview', 'Basic Information', 'Training Cost'"),
    notes=("Card: 'The total cost of a single training run for HyperCLOVAX-SEED-Text-Instruct-0.5B was 4.358K A100 GPU hours (approximately USD "
           "6.537K), which is 39 times lower than the cost of training the QWEN2.5-0.5B-instruct model.' 'Parameters: 0.57 B (total); 0.45 B "
           "(excluding token embeddings, tied embeddings)'; 'Training was conducted in three main stages: 1. Pretraining ... 2. Rejection Sampling "
           "Fine-Tuning (RFT) ... 3. Supervised Fine-Tuning (SFT)'; 'Excluding the SFT stage, a single pretraining run incurred: | A100 GPU Hours | "
           "4.358 K | 169.257 K |' (second column: Qwen2.5-0.5B, a comparison, not a target). Target = 4,358 A100 GPU-hours as stated (the table "
           "says pre-training, i.e. excluding SFT). Tokens, device count and precision are not stated (null); 'a high-performance pretrained model' "
           "suggests distillation/continued training, not from scratch. Year 2025. Quality B: scope wording differs between the two sentences.")))

A(C(id="pyramid-flow-video-dit-20.7k-a100-hours", name="Pyramid Flow (pyramidal flow matching, single unified DiT) text-to-video, 768p 24 FPS, 'within 20.7k A100 GPU training hours'",
    quality="B", modality="diffusion", architecture="diffusion transformer (MM-DiT, pyramidal flow matching, autoregressive temporal pyramid)",
    resolution=768, hardware="A100 (memory not stated)", devices=None, target=dict(metric=GPUH, value=20700),
    source=("Jin, Sun, Li, Xu, Jiang, Zhuang, Huang, Song, Mu & Lin, 'Pyramidal Flow Matching for Efficient Video Generative Modeling' (ICLR 2025, "
            "arXiv 2410.05954) -- abstract on hyper.ai / aiartweekly.com; project pyramid-flow.github.io (repository jy0205/Pyramid-Flow, not read)"),
    notes=("Abstract: 'Extensive experiments demonstrate that our method supports generating high-quality 5-second (up to 10-second) videos at 768p "
           "resolution and 24 FPS within 20.7k A100 GPU training hours.' Target = 20,700 A100 GPU-hours ('within': an upper bound). Parameter count, "
           "device count, number of video clips / images and steps are not in the abstract (null); the model is initialised from an image model "
           "(not read here). Year 2024-2025. Quality B: abstract round figure, no data volume.")))

A(C(id="mistral-7b-norobots-lora-2ep-1xrtxa6000", name="mistral_7b_norobots (MonsterAPI): LoRA fine-tune of Mistral-7B-v0.1 on no_robots, 2 epochs, one A6000 48GB, 1h 15m 3s",
    quality="B", architecture="dense-decoder (Mistral 7B) + LoRA (r 64)", paramsTotal=7_240_000_000, samples=10_000, epochs=2,
    hardware="RTX A6000 48GB (workstation)", devices=1, target=dict(metric=GPUH, value=round(hours(1, 1 + 15 / 60 + 3 / 3600), 4)),
    also=[dict(metric=GPUH, value=round(36 / 60 + 27 / 3600, 4))],
    source="monsterapi/mistral_7b_norobots model card on Hugging Face (README.md at e90aa87; commits 624be22 and e556c0c, November 2023)",
    notes=("Card: 'Dataset: HuggingFaceH4/no_robots' / 'No Robots is a high-quality dataset of 10,000 instructions and demonstrations created by skilled "
           "human annotators.' / 'Completed in a total duration of 1h 15m 3s for 2 epochs using an A6000 48GB GPU.' / 'Costed $2.525 for the entire 2 "
           "epochs.' / 'Epochs: 2', 'Learning Rate: 0.0002', 'Data Split: 100% train', 'Gradient Accumulation Steps: 64', 'lora r: 64', 'lora alpha: 16'. "
           "The first card version (commit 624be22) read 'Completed in a total duration of 36mins 27secs for 1 epoch using an A6000 48GB GPU.' "
           "(`also`: 0.6075 h, consistent with half the 2-epoch run; the card was then updated to the 2-epoch run). Target [D] = 1h 15m 3s = "
           "1.2508 GPU-hours. samples = the card's 10,000 (the dataset's train split is smaller -- the card counts the whole set [R]); "
           "paramsTotal [R] = 7.24B (Mistral-7B-v0.1; not in the card). Precision / quantisation not stated. Year 2023. Quality B.")))

A(C(id="phi-1.5-kotlin-qlora-100k-1xrtx4090", name="phi-1.5 Kotlin code-completion QLoRA (4-bit NF4, r 16) on 100k samples x 1 epoch (length 512), one RTX 4090, ~4.5 h",
    quality="B", architecture="dense-decoder (phi-1.5) + LoRA, 4-bit base", paramsTotal=1_300_000_000, samples=100_000, epochs=1,
    tokens=100_000 * 512, seqLen=512, hardware="RTX 4090 24GB (consumer)", devices=1, precision="int4 (NF4 base) + LoRA, fp16 compute",
    target=dict(metric=GPUH, value=4.5),
    source="rinapch/jb_intern (GitHub, commit d321a7b, May 2024): README.md (blob a5caec8), train.py (blob 60fde87), config.py",
    notes=("README: 'Since I'm GPU poor and needed to speed up the training, I used quantization with bitsandbytes and LoRA. The model was trained on a "
           "single RTX 4090 for approximately 4.5 hours. For this, I sampled 100k observations from the train file.' and 'Train on the whole train set "
           "(it would take approximately 13 hrs)' (a projection, not a run). config.py: 'PRETRAINED_MODEL = \"microsoft/phi-1_5\"'. train.py: "
           "'load_in_4bit=True', 'bnb_4bit_quant_type=\"nf4\"', 'bnb_4bit_compute_dtype=torch.float16', 'LoraConfig(r=16, lora_alpha=16, "
           "target_modules=[\"dense\", \"fc2\", \"q_proj\", \"k_proj\", \"v_proj\"]', 'tokenizer(text, max_length=512, padding=\"max_length\"', "
           "'num_train_epochs=1', 'per_device_train_batch_size=4'. The committed train.py trains on dataset['train'] (314k rows); the README says the "
           "published run used a 100k sample (used). Target = 4.5 GPU-hours ('approximately'). tokens [D] = 100k x 512 = 51.2M padded slots. "
           "paramsTotal [R] = 1.3B (phi-1.5). phi-2 is an excluded development case; phi-1.5 fine-tune is a different model and run. Year 2024. "
           "Quality B: 'approximately', sampled data not in the code.")))

# ====================================================================== TIPO (KohakuBlueleaf/KGen): prompt-expansion LLaMA models
TIPO_SRC = "KohakuBlueleaf/KGen README.md (GitHub, commit 8c82b48, blob 4accc13), section 'Model card' (TIPO table)"
TIPO_FOOT = ("Footnotes: '*: We only count \"non-padding token\" in the token seen, since all the training data have very large length range.' and "
             "'`: Since the training data is pretty short, it cost more time to reach same token seen than general LLM pretraining. As reference, with "
             "4096 as max ctx length and almost all the data have reach that length, you may only need 2days to reach 10B token seen on RTX 3090 x 4 "
             "with 200M model.' -- so `tokens` (non-padding) understates the slots processed at 'Max ctx length 1024'. TIPO: text pre-sampling model "
             "for text-to-image prompts ('TIPO is trained on 30M entries dataset'). Year 2024.")
A(C(id="tipo-200m-llama-4xrtx3090-420h", name="TIPO-200M (LLaMA-architecture prompt LM) pre-training, 40B non-padding tokens, 4x RTX 3090, 420 hours",
    quality="B", architecture="dense-decoder (LLaMA architecture, ~200M)", paramsTotal=200_000_000, tokens=40_000_000_000, seqLen=1024,
    hardware="RTX 3090 24GB (consumer)", devices=4, target=dict(metric=GPUH, value=hours(4, 420)),
    source=TIPO_SRC,
    notes=("Table, TIPO-200M column: 'Arch | LLaMA', 'Max ctx length | 1024', 'Batch Size | 2048', 'Training dataset | Danbooru, GBC10M, 5epoch / "
           "Danbooru, GBC10M, Coyo11M, 3epoch', 'Real Token Seen* | 40B token', 'Training Hardware | RTX 3090 x 4', 'Training Time | 420 hour`'. "
           + TIPO_FOOT + " Target [D] = 4 x 420 = 1,680 GPU-hours. paramsTotal = 200M from the model name (no exact count given). Quality B: "
           "nominal size, tokens exclude padding.")))
A(C(id="tipo-200m-ft-4xrtx3090-120h", name="TIPO-200M-ft: continued training of TIPO-200M on 10B more tokens, 4x RTX 3090, 120 hours",
    quality="B", architecture="dense-decoder (LLaMA architecture, ~200M)", paramsTotal=200_000_000, tokens=10_000_000_000, seqLen=1024,
    hardware="RTX 3090 24GB (consumer)", devices=4, target=dict(metric=GPUH, value=hours(4, 120)),
    source=TIPO_SRC,
    notes=("Table, TIPO-200M-ft column: 'Batch Size | 2048', 'Training dataset | Danbooru(pixtral), Coyo11M, 2epoch', 'Real Token Seen* | 50B (10B more "
           "from TIPO-200M)', 'Training Hardware | RTX 3090 x 4', 'Training Time | 120 hour`'. " + TIPO_FOOT + " Target [D] = 4 x 120 = 480 GPU-hours "
           "(the fine-tune stage only; tokens = the 10B added). Pair with tipo-200m (40B in 420 h vs 10B in 120 h on the same machine). Quality B.")))
A(C(id="tipo-500m-8xh100-100h", name="TIPO-500M (LLaMA-architecture prompt LM) pre-training, 30B non-padding tokens, 8x H100, 100 hours",
    quality="B", architecture="dense-decoder (LLaMA architecture, ~500M)", paramsTotal=500_000_000, tokens=30_000_000_000, seqLen=1024,
    hardware="H100 (form factor not stated)", devices=8, target=dict(metric=GPUH, value=hours(8, 100)),
    source=TIPO_SRC,
    notes=("Table, TIPO-500M column: 'Batch Size | 3584', 'Training dataset | Danbooru, GBC10M, Coyo11M, 5epoch', 'Real Token Seen* | 30B token', "
           "'Training Hardware | H100 x 8', 'Training Time | 100 hour`'. " + TIPO_FOOT + " Target [D] = 8 x 100 = 800 H100-hours. paramsTotal = 500M "
           "from the name. Quality B.")))

# ====================================================================== MoE from scratch on one A100; MosaicML chat fine-tunes on H100
A(C(id="gtlm-1.2b-a350m-moe-1xa100-140h", name="GTLM-1.2B-A350M: sparse MoE LM (16 experts, top-2) trained from scratch on a 15B-token mix, one A100, ~140 hours",
    quality="B", architecture="MoE decoder (16 experts per layer, top-2 routing; 1.2B total / 350M active)",
    paramsTotal=1_200_000_000, paramsActive=350_000_000, tokens=15_000_000_000,
    hardware="A100 (40GB/80GB partition, as stated)", devices=1, target=dict(metric=GPUH, value=140),
    source=("Madras1/GTLM-1-2B-A350M model card on Hugging Face (read in the fast.hugflare.com mirror of the card), sections 'Architecture & "
            "Engineering', 'Training Infrastructure & Cost', 'Dataset (The Blend)', 'Evaluation Benchmark'"),
    notes=("Card: 'GTLM-1 is an experimental Sparse Mixture-of-Experts language model trained from scratch under extreme compute and budget "
           "constraints.' 'Architecture: Sparse Mixture of Experts (MoE) with 16 Experts per layer (Top-2 Routing).' 'Hardware: Trained on a single "
           "NVIDIA A100 (40GB/80GB partition).' 'Duration: ~140 Hours.' 'Throughput: Average of 50,000 tokens/second (TPS).' 'Total Cost: ~$100 USD.' "
           "'Frameworks: PyTorch + DeepSpeed.' 'The model was trained on a highly curated mix of 15 Billion tokens.' Evaluation: 'GTLM-1.2B-A350M (MoE)'. "
           "Target = 140 GPU-hours ('~'). tokens = the stated 15B; caution: 50,000 tok/s x 140 h = 25.2B tokens [D], so the run may have made "
           "~1.7 passes over the 15B mix (or the average throughput includes other phases) -- the card does not say. paramsTotal / paramsActive "
           "from the name 'GTLM-1.2B-A350M'. '40GB/80GB partition' may mean a MIG slice of an A100 (then less than one full GPU). Year 2025-2026. "
           "Quality B: token count vs throughput mismatch, hardware wording.")))

A(C(id="mpt-30b-chat-finetune-64xh100", name="MPT-30B-Chat: chat fine-tune of MPT-30B on ShareGPT-Vicuna, Camel-AI, GPTeacher, Guanaco, Baize and others (1.54B tokens in sources), 64 H100, ~7.6 h",
    quality="B", architecture="dense-decoder (MPT-30B, ALiBi, 8192 context)", paramsTotal=30_000_000_000, seqLen=8192,
    hardware="H100 (form factor not stated)", devices=64, target=dict(metric=GPUH, value=round(hours(64, 7.6), 2)),
    source="mosaicml/mpt-30b-chat model card on Hugging Face (README.md; commits 7155548 and 7c2f422, June 2023)",
    notes=("Card: 'MPT-30B-Chat is a chatbot-like model for dialogue generation. It was built by finetuning MPT-30B on the ShareGPT-Vicuna, Camel-AI, "
           "GPTeacher, Guanaco, Baize and some generated datasets.' Data Mix table: 'Airoboros/GPT4 | 26.4M', 'Baize | 55.0M', 'Camel | 301M', "
           "'GPTeacher | 7.56M', 'Guanaco | 15.6M', 'LongCoversations | 18.4M', 'ShareGPT | 821M', 'WizardLM | 297M' ('Number of Tokens in Source'; "
           "sum [D] = 1.54B). '| sequence length | 8192 |'. 'This model was trained on 64 H100s for about 7.6 hours using the MosaicML Platform.' "
           "Target [D] = 64 x 7.6 = 486.4 H100-hours. The number of passes over the mix is not stated, so tokens is null (1.54B would be one pass). "
           "paramsTotal [R] = 30B (MPT-30B; the card's hyperparameter table was not read in full). MPT-7B pre-training is an excluded development "
           "case; this is a fine-tune of MPT-30B. Year 2023. Quality B: 'about', passes unknown.")))

A(C(id="mpt-7b-8k-chat-finetune-192xh100", name="MPT-7B-8k-Chat: chat fine-tune of MPT-7B-8k, 192 H100, about 48 minutes",
    quality="B", architecture="dense-decoder (MPT-7B-8k, ALiBi)", paramsTotal=6_700_000_000, seqLen=8192,
    hardware="H100 (form factor not stated)", devices=192, target=dict(metric=GPUH, value=round(hours(192, 48 / 60), 2)),
    source="mosaicml/mpt-7b-8k-chat model card on Hugging Face (README.md, commit fc67f07, July 2023)",
    notes=("Card (commit fc67f07, which fills in the placeholder '**TODO FILL IN THESE DETAILS** This model was trained on **NUMBER** H100s for about "
           "**NUMBER** hours'): 'MPT-7B-8k-Chat is a chatbot-like model for dialogue generation. It was built by finetuning MPT-7B-8k on the "
           "ShareGPT-Vicuna, Camel-AI, ...' / '+ This model was trained on 192 H100s for about 48 minutes using the MosaicML Platform.' / 'The model "
           "was trained with sharded data parallelism using FSDP and used the AdamW optimizer.' Target [D] = 192 x 0.8 h = 153.6 H100-hours. The "
           "data-mix token counts of this card were not read (tokens null). paramsTotal [R] = 6.7B (MPT-7B). The same commit also corrects the "
           "card's title from 'MPT-30B-Chat' to 'MPT-7B-Chat' (copied template). Year 2023. Quality B: 'about', large cluster for a short run.")))

# ====================================================================== write
def num(v):
    """integral floats become ints; others are rounded to 4 decimals."""
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 4)
    return v


assert len({c["id"] for c in cases}) == len(cases)
for c in cases:
    assert c["target"] and c["source"] and c["notes"] and c["quality"] in ("A", "B"), c["id"]
    for k in ("target",):
        v = c[k]["value"]
        c[k]["value"] = num(v)
    c["also"] = [dict(metric=a["metric"], value=num(a["value"])) for a in c["also"]]

out = {
    "set": "footprint-heldout-11",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
