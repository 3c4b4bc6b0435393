"""Builds footprint-heldout-12 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x hours, devices x days x 24, steps x batch x length, TPU cores / 2 = chips, epochs x minutes per epoch).
Nothing is fitted and the Green ML Review estimator was never run on these cases.
Run: CREATED=... python3 make_cases.py (then npx prettier --write cases.json)
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
    """TPU v2 / v3: 2 TensorCores per chip (a 'v3-8' slice = 8 cores = 4 chips)."""
    assert cores % 2 == 0
    return cores // 2


def bert_params(hidden, layers, vocab, max_pos=512, type_vocab=2):
    """BERT encoder + pooler parameter count (no MLM head beyond tied embeddings): [D] arithmetic."""
    emb = vocab * hidden + max_pos * hidden + type_vocab * hidden + 2 * hidden
    layer = 12 * hidden * hidden + 13 * hidden
    pooler = hidden * hidden + hidden
    return emb + layers * layer + pooler


def gpt2_params(hidden, layers, vocab, n_ctx=1024):
    """GPT-2 style decoder with tied embeddings: [D] arithmetic."""
    emb = vocab * hidden + n_ctx * hidden
    layer = 12 * hidden * hidden + 13 * hidden
    return emb + layers * layer + 2 * hidden


GPUH = "gpuHours"
DESCRIPTION = ("Twelfth held-out set of published training runs for validating the Green ML Review footprint estimator: Japanese "
               "BERT pre-training on a Cloud TPU v3-8 (cl-tohoku v2/v3, base and large), a Japanese T5 on a v3-8 and a Japanese "
               "GPT-J 6.8B on a TPUv3-128, Japanese GPT-2 xsmall/small/medium on 8 V100, Falcon-7B / Falcon-40B on 384 A100 40GB, "
               "FLM-101B on 192 A800, SDXL ControlNets (700 A100 hours), aerial land-cover segmentation on 16 V100 (FLAIR) and "
               "Tortoise TTS fine-tunes on one RTX 3090. Built without running the estimator and without reading product code; no "
               "model/run of footprint-heldout-1..11 nor of the development cases they name as excluded. gpuHours means "
               "accelerator-hours (TPU chip-hours for TPU rows). [R] = recalled/secondary; [D] = derived arithmetic shown in notes and "
               "in make_cases.py.")
cases = []
A = cases.append

# ====================================================================== cl-tohoku / tohoku-nlp Japanese BERT on a TPU v3-8
TOHOKU_V3 = ("cl-tohoku/bert-japanese (GitHub, commit e4c8b00, March 2024) README.md (blob 61fd70d), section 'Training', and "
             "configs/data/cc-100.yaml (blob 8e937e1), configs/data/wikipedia.yaml (blob a2a2bed), configs/model/bert_base_wordpiece.yaml "
             "(blob 78d00fc), configs/model/bert_large_wordpiece.yaml (blob bee1bc5)")
TOHOKU_V2 = ("cl-tohoku/bert-japanese (GitHub, tag v2.0 = commit 3ae4cfe, March 2021) README.md (blob 4949d36), section 'Training' "
             "(the HEAD README points to this tag for bert-base-japanese-v2 / bert-large-japanese)")
v3_8 = tpu_chips(8)
B_BASE = bert_params(768, 12, 32768)
B_LARGE = bert_params(1024, 24, 32768)

tok_v2 = 1_000_000 * 256 * 512
A(C(id="tohoku-bert-base-japanese-v2-tpuv3-8-5d",
    name="tohoku-nlp bert-base-japanese-v2 (unidic-lite WordPiece, whole-word masking) pre-training on jawiki-20200831, 1M steps x 256 x 512, one Cloud TPU v3-8, about 5 days",
    quality="B", architecture="dense-encoder (BERT-base, MLM + NSP)", paramsTotal=B_BASE, tokens=tok_v2, seqLen=512,
    hardware="TPU v3", devices=v3_8, target=dict(metric=GPUH, value=days(v3_8, 5)),
    also=[dict(metric=GPUH, value=days(8, 5))],
    source=TOHOKU_V2,
    notes=("README (v2.0): 'The models are trained with the same configuration as the original BERT; 512 tokens per instance, 256 instances "
           "per batch, and 1M training steps.' / 'For training of each model, we used a v3-8 instance of Cloud TPUs provided by TensorFlow "
           "Research Cloud program. The training took about 5 days and 14 days for BERT-base and BERT-large models, respectively.' Data: "
           "'The generated corpus files are 4.0GB in total, consisting of approximately 30M sentences' (Japanese Wikipedia 2020-08-31); "
           "'The vocabulary size is 32768.' Target [D] = v3-8 = 8 TensorCores = 4 chips x 5 d x 24 = 480 TPU v3 chip-hours (`also`: 960 "
           "core-hours). tokens [D] = 1M x 256 x 512 = 131.1B sequence slots (upper bound on real tokens). paramsTotal [D] = 111.2M from "
           "hidden 768, 12 layers, vocab 32,768 (BERT-base shape, arithmetic in make_cases.py). BERT-base pre-training is an excluded "
           "development case: this is a different run (Japanese corpus, own vocabulary). Precision not stated. Year 2021. Quality B: "
           "'about', whole days, TPU slice not chips.")))
A(C(id="tohoku-bert-large-japanese-tpuv3-8-14d",
    name="tohoku-nlp bert-large-japanese (unidic-lite WordPiece, whole-word masking) pre-training on jawiki-20200831, 1M steps x 256 x 512, one Cloud TPU v3-8, about 14 days",
    quality="B", architecture="dense-encoder (BERT-large, MLM + NSP)", paramsTotal=B_LARGE, tokens=tok_v2, seqLen=512,
    hardware="TPU v3", devices=v3_8, target=dict(metric=GPUH, value=days(v3_8, 14)),
    also=[dict(metric=GPUH, value=days(8, 14))],
    source=TOHOKU_V2,
    notes=("Same README sentences as tohoku-bert-base-japanese-v2 ('512 tokens per instance, 256 instances per batch, and 1M training "
           "steps' / 'The training took about 5 days and 14 days for BERT-base and BERT-large models, respectively.'). Target [D] = 4 chips "
           "x 14 d x 24 = 1,344 TPU v3 chip-hours (`also`: 2,688 core-hours). tokens [D] = 131.1B sequence slots. paramsTotal [D] = 337.4M "
           "(hidden 1024, 24 layers, vocab 32,768). Pair with the base row: same data, slice and schedule, 14 d vs 5 d. Precision not "
           "stated. Year 2021. Quality B: 'about', whole days, TPU slice.")))

tok_v3 = 1_000_000 * 2048 * 128 + 1_000_000 * 512 * 512
A(C(id="tohoku-bert-base-japanese-v3-tpuv3-8-16d",
    name="tohoku-nlp bert-base-japanese-v3 pre-training, CC-100 1M steps x 2048 @128 then Wikipedia 1M steps x 512 @512, one Cloud TPU v3-8, about 16 days",
    quality="B", architecture="dense-encoder (BERT-base, MLM + NSP)", paramsTotal=B_BASE, tokens=tok_v3, seqLen=512,
    hardware="TPU v3", devices=v3_8, target=dict(metric=GPUH, value=days(v3_8, 16)),
    also=[dict(metric=GPUH, value=days(8, 16))],
    source=TOHOKU_V3,
    notes=("README: 'We trained the models first on the CC-100 corpus and then on the Wikipedia corpus.' / 'To conduct training of each "
           "model, we used a v3-8 instance of Cloud TPUs ... The training took about 16 and 56 days for BERT-base and BERT-large models, "
           "respectively.' The command comments agree: CC-100 stage '# It will take 6 days to finish on a v3-8 TPU', Wikipedia stage '# It "
           "will take 10 days to finish on a v3-8 TPU'. configs/data/cc-100.yaml: global_batch_size 2048, seq_length 128; "
           "configs/data/wikipedia.yaml: global_batch_size 512, seq_length 512; configs/model/bert_base_wordpiece.yaml: train_steps 1000000 "
           "(each stage), vocab_size 32768. Data: 'The corpus files generated from CC-100 and Wikipedia are 74.3GB and 4.9GB in size'. Target "
           "[D] = 4 chips x 16 d x 24 = 1,536 TPU v3 chip-hours (`also`: 3,072 core-hours). tokens [D] = 1M x 2048 x 128 + 1M x 512 x 512 = "
           "524.3B sequence slots (upper bound). paramsTotal [D] = 111.2M. Precision not stated in what was read. Year 2023. Quality B: "
           "'about', two-phase schedule, TPU slice.")))
A(C(id="tohoku-bert-large-japanese-v2-tpuv3-8-56d",
    name="tohoku-nlp bert-large-japanese-v2 pre-training, CC-100 1M steps x 2048 @128 then Wikipedia 1M steps x 512 @512, one Cloud TPU v3-8, about 56 days",
    quality="B", architecture="dense-encoder (BERT-large, MLM + NSP)", paramsTotal=B_LARGE, tokens=tok_v3, seqLen=512,
    hardware="TPU v3", devices=v3_8, target=dict(metric=GPUH, value=days(v3_8, 56)),
    also=[dict(metric=GPUH, value=days(8, 56))],
    source=TOHOKU_V3,
    notes=("README: 'The training took about 16 and 56 days for BERT-base and BERT-large models, respectively.' Command comments for "
           "BERT-large: CC-100 '# It will take 23 days to finish on a v3-8 TPU', Wikipedia '# It will take 33 days to finish on a v3-8 TPU' "
           "(23 + 33 = 56). Same data configs as the v3 base row; configs/model/bert_large_wordpiece.yaml: hidden 1024, 24 layers, "
           "train_steps 1000000, vocab 32768. Target [D] = 4 chips x 56 d x 24 = 5,376 TPU v3 chip-hours (`also`: 10,752 core-hours). tokens "
           "[D] = 524.3B sequence slots. paramsTotal [D] = 337.4M. Year 2023. Quality B: 'about', two phases, TPU slice.")))

# ====================================================================== Japanese T5 / GPT-J on TPU
A(C(id="megagon-t5-base-japanese-web-tpuv3-8-126h",
    name="megagonlabs t5-base-japanese-web (T5 v1.1 base) pre-training on Japanese mC4 + wiki40b, 1M steps, TPU v3-8, about 126 hours",
    quality="B", architecture="dense-encoder-decoder (T5 v1.1 base, span corruption)", paramsTotal=248_000_000,
    hardware="TPU v3", devices=v3_8, target=dict(metric=GPUH, value=hours(v3_8, 126)),
    also=[dict(metric=GPUH, value=hours(8, 126))],
    source="megagonlabs/t5-base-japanese-web model card on Hugging Face (README.md, commit 5efdce7 diff, 2021)",
    notes=("Card (commit 5efdce7 adds the sentence): '- Japanese in mC4/3.0.1' / '- Japanese in wiki40b/1.3.0' / '- T5 model: "
           "models/t5.1.1.base.gin' / '- Training steps: 1,000,000' / '+ It took about 126 hours with TPU v3-8'. Target [D] = v3-8 = 4 chips "
           "x 126 h = 504 TPU v3 chip-hours (`also`: 1,008 core-hours). paramsTotal [R] = 248M (T5 v1.1 base, recalled, not in the card). "
           "Batch size and sequence length were not in what was read (tokens null). Year 2021 [R]. Quality B: 'about', TPU slice, recalled "
           "parameter count.")))
A(C(id="naclbit-gpt-j-japanese-6.8b-tpuv3-128-4wk",
    name="naclbit gpt-j-japanese-6.8b (GPT-J architecture, Mesh Transformer JAX) pre-training on ~106B-token Japanese corpus, TPUv3-128, about 4 weeks",
    quality="B", architecture="dense-decoder (GPT-J, rotary)", paramsTotal=6_876_450_080, seqLen=2048,
    hardware="TPU v3", devices=tpu_chips(128), target=dict(metric=GPUH, value=days(tpu_chips(128), 28)),
    also=[dict(metric=GPUH, value=days(128, 28))],
    source="naclbit/gpt-j-japanese-6.8b model card on Hugging Face (README.md; copy read in the file index, id 25393473743; commit 135e2c5 diff, 2021)",
    notes=("Card: 'The model was trained with TPUv3-128 generously provided by Google TRC for about 4 weeks. We are currently formatting "
           "additional datasets and preparing for more training time.' Specifications table: 'n_parameters | 6,876,450,080', 'n_layers | "
           "32', 'd_model | 4,096', 'n_ctx | 2,048'. Data: 'The whole dataset is about 400GB and 106B tokens (compared to 825GB/300B tokens for "
           "The Pile).' Target [D] = TPUv3-128 = 64 chips x 28 d x 24 = 43,008 TPU v3 chip-hours (`also`: 86,016 core-hours). The number of "
           "passes over the 106B tokens is not stated (tokens null). Commit 135e2c5 rewrites both the TPU sentence and the dataset sentence; "
           "the replacement lines were not visible in the diff that was read, so the figure is from the copy in the file index. GPT-J-6B "
           "(EleutherAI) itself is not this run. Year 2021. Quality B: 'about 4 weeks', edited card, TPU slice.")))

# ====================================================================== rinna Japanese GPT-2 on 8 V100
RINNA = "rinna/japanese-gpt2-{} model card on Hugging Face (README.md{})"
A(C(id="rinna-japanese-gpt2-xsmall-8xv100-4d",
    name="rinna japanese-gpt2-xsmall (6 layers, 512 hidden) pre-training on Japanese CC-100 + Wikipedia, 8 V100, around 4 days",
    quality="B", architecture="dense-decoder (GPT-2)", paramsTotal=gpt2_params(512, 6, 32000),
    hardware="V100", devices=8, target=dict(metric=GPUH, value=days(8, 4)),
    source=RINNA.format("xsmall", ", commit 80dd97b diff, 2021"),
    notes=("Card: 'A 6-layer, 512-hidden-size transformer-based language model.' / 'The model was trained on Japanese CC-100 and Japanese "
           "Wikipedia to optimize a traditional language modelling objective on 8\\*V100 GPUs for around 4 days. It reaches around 28 "
           "perplexity on a chosen validation set from CC-100.' (commit 80dd97b only changes the Wikipedia link). Target [D] = 8 x 4 d x 24 = "
           "768 V100-hours. paramsTotal [D] ~ 35M from 6 layers x 512 hidden with an assumed 32,000-piece vocabulary [R] (vocabulary size "
           "not in the card). Steps, batch and tokens not stated (null); V100 memory not stated. Year 2021. Quality B: 'around', whole "
           "days, derived parameter count.")))
A(C(id="rinna-japanese-gpt2-small-8xv100-15d",
    name="rinna japanese-gpt2-small (12 layers, 768 hidden) pre-training on Japanese CC-100 + Wikipedia, 8 V100, around 15 days",
    quality="B", architecture="dense-decoder (GPT-2)", paramsTotal=gpt2_params(768, 12, 32000),
    hardware="V100", devices=8, target=dict(metric=GPUH, value=days(8, 15)),
    source=RINNA.format("small", ", main; blame view; release date August 25, 2021"),
    notes=("Card: 'A 12-layer, 768-hidden-size transformer-based language model.' / 'The model was trained on Japanese CC-100 and Japanese "
           "Wikipedia to optimize a traditional language modelling objective on 8\\*V100 GPUs for around 15 days. It reaches around 21 "
           "perplexity on a chosen validation set from CC-100.' / 'Release date August 25, 2021'. Target [D] = 8 x 15 d x 24 = 2,880 "
           "V100-hours. paramsTotal [D] ~ 110M (12 x 768, 32,000-piece vocabulary assumed [R]). Tokens not stated. Year 2021. Quality B.")))
A(C(id="rinna-japanese-gpt2-medium-8xv100-30d",
    name="rinna japanese-gpt2-medium (24 layers, 1024 hidden) pre-training on Japanese CC-100 + Wikipedia, 8 V100, around 30 days",
    quality="B", architecture="dense-decoder (GPT-2)", paramsTotal=gpt2_params(1024, 24, 32000),
    hardware="V100", devices=8, target=dict(metric=GPUH, value=days(8, 30)),
    source=RINNA.format("medium", ", main and commit ae4875a 'version 2: trained on CC100 and Wikipedia', August 2021"),
    notes=("Card: 'A 24-layer, 1024-hidden-size transformer-based language model.' / 'The model was trained on Japanese CC-100 and Japanese "
           "Wikipedia to optimize a traditional language modelling objective on 8\\*V100 GPUs for around 30 days. It reaches around 18 "
           "perplexity on a chosen validation set from the same data.' The first version of the card (commit fe1fd85, April 2021) said "
           "'trained on Japanese CC-100 ... on 8\\*V100 GPUs for around 30 days' - version 2 (commit ae4875a) adds Wikipedia with the same "
           "duration; this row is version 2. Target [D] = 8 x 30 d x 24 = 5,760 V100-hours. paramsTotal [D] ~ 336M (24 x 1024, 32,000 "
           "vocabulary assumed [R]). Tokens not stated. Triplet with xsmall/small (same 8 V100: 4 / 15 / 30 days). Year 2021. Quality B.")))

# ====================================================================== Japanese BERT on 4 A100 (KyTea SSUW)
A(C(id="ku-accms-bert-base-japanese-ssuw-4xa100-8d",
    name="ku-accms bert-base-japanese-ssuw (KyTea short-unit words, WordPiece 32k) pre-training on Japanese Wikipedia, 4 A100-SXM4-80GB, about 8 days",
    quality="B", architecture="dense-encoder (BERT-base)", paramsTotal=bert_params(768, 12, 32000),
    hardware="A100 80GB (SXM4)", devices=4, target=dict(metric=GPUH, value=days(4, 8)),
    source="ku-accms/bert-base-japanese-ssuw model card on Hugging Face (README.md, commits fd41cfc and 6368cbf diffs, 2023)",
    notes=("Card: 'We first segmented the texts into words by KyTea and then tokenized the words into subwords using WordPiece with a "
           "vocabulary size of 32,000. We pre-trained the BERT model using transformers library. The training took about 8 days using 4 "
           "NVIDIA A100-SXM4-80GB GPUs.' Training data line edited twice: 'We used a Japanese Wikipedia dump (as of 20230101, 3.7GB)' -> "
           "'15GB' (fd41cfc) and '3.3GB' (6368cbf); the duration sentence is unchanged in both. Target [D] = 4 x 8 d x 24 = 768 A100-hours. "
           "paramsTotal [D] ~ 110.6M (BERT-base shape with the stated 32,000 vocabulary). Steps, batch and tokens not stated. Year 2023. "
           "Quality B: 'about', corpus size edited.")))

# ====================================================================== Falcon (TII) on 384 A100 40GB
A(C(id="falcon-7b-1.5t-384xa100-2wk",
    name="Falcon-7B pre-training on 1,500B tokens of RefinedWeb + curated corpora, 384 A100 40GB, about two weeks",
    quality="B", architecture="dense-decoder (multiquery, rotary, FlashAttention)", paramsTotal=7_000_000_000,
    tokens=1_500_000_000_000, seqLen=2048, hardware="A100 40GB", devices=384, precision="bf16",
    target=dict(metric=GPUH, value=days(384, 14)),
    source="tiiuae/falcon-7b model card on Hugging Face (README.md; copy in the file index, id 53853008488; 2023)",
    notes=("Card: 'Falcon-7B is a 7B parameters causal decoder-only model built by TII and trained on 1,500B tokens of RefinedWeb enhanced "
           "with curated corpora.' / 'Falcon-7B was trained on 384 A100 40GB GPUs, using a 2D parallelism strategy (PP=2, DP=192) combined "
           "with ZeRO.' / 'Training happened in early March 2023 and took about two weeks.' Hyperparameter table: 'Precision | bfloat16'. "
           "Target [D] = 384 x 14 d x 24 = 129,024 A100-hours. seqLen 2048 [R] (Falcon context; not re-read here). paramsTotal is the card's "
           "'7B' (rounded). Falcon-180B is an excluded development case and falcon-rw-1b / falcon-mamba-7b are in earlier sets: this is a "
           "different run. Year 2023. Quality B: 'about two weeks'.")))
A(C(id="falcon-40b-1t-384xa100-2mo",
    name="Falcon-40B pre-training on 1,000B tokens of RefinedWeb + curated corpora, 384 A100 40GB, two months",
    quality="B", architecture="dense-decoder (multiquery, rotary, FlashAttention)", paramsTotal=40_000_000_000,
    tokens=1_000_000_000_000, seqLen=2048, hardware="A100 40GB", devices=384, precision="bf16",
    target=dict(metric=GPUH, value=days(384, 60)),
    also=[dict(metric=GPUH, value=days(384, 56)), dict(metric=GPUH, value=days(384, 62))],
    source="tiiuae/falcon-40b model card on Hugging Face (README.md; copies in the file index, ids 53951015857 and 24303298681; 2023)",
    notes=("Card: 'Falcon-40B is a 40B parameters causal decoder-only model built by TII and trained on 1,000B tokens of RefinedWeb "
           "enhanced with curated corpora.' / 'Falcon-40B was trained on 384 A100 40GB GPUs, using a 3D parallelism strategy (TP=8, PP=4, "
           "DP=12) combined with ZeRO.' / 'Training started in December 2022 and took two months.' Hyperparameter table: 'Precision | "
           "bfloat16'. Target [D] = 384 x 60 d x 24 = 552,960 A100-hours, reading 'two months' as 60 days; `also` gives 56 and 62 days "
           "(516,096 / 571,392) as the span of two calendar months. seqLen 2048 [R]. Pair with Falcon-7B (same cluster, 1.5T vs 1T tokens). "
           "Year 2022-2023. Quality B: 'two months' is coarse.")))

# ====================================================================== FLM-101B on 192 A800
A(C(id="flm-101b-growth-192xa800-26d",
    name="FLM-101B (grown 16B -> 51B -> 101B) Chinese-English pre-training, 24 DGX-A800 (192 A800 80GB), less than 26 days",
    quality="B", architecture="dense-decoder (model growth, xPos)", paramsTotal=101_000_000_000, seqLen=2048,
    hardware="A800 80GB", devices=192, precision="bf16", target=dict(metric=GPUH, value=days(192, 26)),
    source="CofeAI/FLM-101B model card on Hugging Face (README.md and README_zh.md; commits dacf94a, f930ec9, 7b9c234 diffs, 2023)",
    notes=("Card: 'FLM-101B is an open-source decoder-only LLM with 101 billion parameters. During the training process, model growth "
           "technique was employed. The model rapidly acquires knowledge on a small-scale model(16B) in the early stages of training and "
           "gradually scales up to 101B, resulting in a cost-effective 100B-scale LLM training(costing approximately $100,000).' / 'It has "
           "a context window length of 2048 in training.' / 'FLM-101B is trained on a cluster of 24 DGX-A800 GPU (8x80G) servers for less "
           "than 26 days' (README_zh: '总耗时近26天', 'nearly 26 days'). Hyperparameter table (zh): 'Precision | bfloat16', 'Time(day) | 9.63 "
           "| 5.37 | ...' for the 16b / 51b / 101b stages (101b cell not visible in what was read). Target [D] = 192 x 26 d x 24 = 119,808 "
           "A800-hours (an upper bound: 'less than' / 'nearly'). tokens null: the card's table gives batch sizes in tokens but the step "
           "counts were not read; a 6ND estimate with the final 101B parameters will be far too high because most tokens were seen by the "
           "16B and 51B stages. Year 2023. Quality B: bound, staged growth.")))

# ====================================================================== SDXL ControlNets (diffusers)
CN_NOTE = ("Card: 'Our training script was built on top of the official training script that we provide here.' / 'The model is trained on "
           "3M image-text pairs from LAION-Aesthetics V2. The model is trained for 700 GPU hours on 80GB A100 GPUs.' / 'Data parallel with a "
           "single gpu batch size of 8 for a total batch size of 256.' / 'Constant learning rate of 1e-5.' / 'Mixed precision fp16'. Target = "
           "700 A100-hours as stated. devices null: 256 / 8 suggests 32 GPUs only if there was no gradient accumulation (not stated). Epochs "
           "over the 3M pairs and the step count are not stated; samples = 3M pairs. The ControlNet's own parameter count is not stated "
           "(null); the frozen SDXL base UNet (about 2.6B [R]) runs forward every step. Resolution not stated in what was read (SDXL "
           "native 1024 [R]). Year 2023. Quality B: aggregate GPU-hours without device count or steps.")
A(C(id="controlnet-depth-sdxl-1.0-700-a100-hours", modality="diffusion",
    name="diffusers/controlnet-depth-sdxl-1.0: depth ControlNet for SDXL on 3M LAION-Aesthetics pairs, 700 A100-80GB hours",
    quality="B", architecture="ControlNet (SDXL UNet encoder copy) on a frozen SDXL base", samples=3_000_000,
    hardware="A100 80GB", precision="fp16", target=dict(metric=GPUH, value=700),
    source="diffusers/controlnet-depth-sdxl-1.0 model card on Hugging Face (README.md; copy in the file index, id 47249003897; 2023)",
    notes=CN_NOTE))
A(C(id="controlnet-zoe-depth-sdxl-1.0-700-a100-hours", modality="diffusion",
    name="diffusers/controlnet-zoe-depth-sdxl-1.0: Zoe-depth ControlNet for SDXL on 3M LAION-Aesthetics pairs, 700 A100-80GB hours",
    quality="B", architecture="ControlNet (SDXL UNet encoder copy) on a frozen SDXL base", samples=3_000_000,
    hardware="A100 80GB", target=dict(metric=GPUH, value=700),
    source="diffusers/controlnet-zoe-depth-sdxl-1.0 model card on Hugging Face (README.md at commit 9b12cba, blame view, 2023)",
    notes=("Card (blame at 9b12cba, 238 bytes): 'The model is trained on 3M image-text pairs from LAION-Aesthetics V2. The model is trained "
           "for 700 GPU hours on 80GB A100 GPUs.' Target = 700 A100-hours as stated. Nothing else about the run was in that version (batch, "
           "precision, devices, steps null). Same sentence as controlnet-depth-sdxl-1.0 - a separate checkpoint with different "
           "conditioning; whether both really took exactly 700 h or the sentence was copied is not known. Year 2023. Quality B: aggregate "
           "only, possibly copied figure.")))

# ====================================================================== FLAIR aerial land-cover segmentation (IGN) on 16 V100
FLAIR_COMMON = ("'16 V100 GPUs were used ( 4 nodes, 4 GPUS per node). With this configuration the approximate learning time is 6 minutes "
                "per epoch.'")
A(C(id="flair-inc-rgb-15cl-resnet34-deeplabv3-16xv100-22ep", modality="vision",
    name="IGNF FLAIR-INC_rgb_15cl_resnet34-deeplabv3: aerial land-cover segmentation, 174,700 train patches 512x512, 22 epochs at ~6 min on 16 V100",
    quality="B", architecture="DeepLabV3 with ResNet-34 encoder (segmentation_models_pytorch)", samples=174_700, epochs=22,
    resolution="512x512", hardware="V100", devices=16, target=dict(metric=GPUH, value=hours(16, 22 * 6 / 60)),
    source="IGNF/FLAIR-INC_rgb_15cl_resnet34-deeplabv3 model card on Hugging Face (README.md; copy in the file index, id 70978034567; 2023-2024)",
    notes=("Card: '218 400 patches of 512 x 512 pixels were used ... TRAIN set | 174 700 patches | VALIDATION set | 43 700 patchs'; "
           "'Batch size: 10', 'Number of epochs : 200', 'Early stopping : patience 30 and val_loss as monitor criterium', 'Encoder : Resnet-34 "
           "pre-trained with ImageNet'; " + FLAIR_COMMON + " 'FLAIR-INC_rgb_15cl_resnet34-deeplabv3 was obtained for num_epoch=22 with "
           "corresponding val_loss=0.60.' Target [D] = 16 x 22 x 6 min = 35.2 V100-hours to the kept checkpoint. With early stopping at "
           "patience 30 the job itself probably ran about 30 epochs longer (~52 x 6 min x 16 = 83 h); the card does not say, so the target "
           "is the lower, stated-arithmetic figure. Validation passes are inside the 6-minute epoch. Parameters not stated (DeepLabV3-"
           "ResNet34 is ~26M [R]; left null). Year 2023-2024 (card not dated in what was read). Quality B: approximate per-epoch time, early-stopping ambiguity.")))

# ====================================================================== Tortoise TTS French fine-tunes on one RTX 3090
A(C(id="french-tortoise-v1-24k-8850steps-1xrtx3090-19h", modality="speech",
    name="Snowad/French-Tortoise V1: Tortoise TTS fine-tune on 24k French samples (SIWIS + Common Voice), 8,850 steps, one RTX 3090, ~19 hours",
    quality="B", architecture="autoregressive TTS (Tortoise: GPT-style decoder + diffusion decoder), fine-tune", samples=24_000,
    hardware="RTX 3090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=19),
    source="Snowad/French-Tortoise model card on Hugging Face (README.md, commit e4a1922 diff, 2023)",
    notes=("Card: 'V1 Model : Tortoise base model Fine tuned on a custom multispeaker French dataset of 24k samples (SIWIS + Common Voice) "
           "on 8850 step with a RTX 3090 (~= 19 hours of training)'. Target = 19 RTX 3090-hours as stated. Which Tortoise part is "
           "fine-tuned (the autoregressive model, as the usual DL-Art-School recipe does) and the batch size are not stated; parameters "
           "null (Tortoise's autoregressive model is ~420M [R]). Year 2023. Quality B: '~='.")))
A(C(id="french-tortoise-v2-120k-10ksteps-1xrtx3090-21h", modality="speech",
    name="Snowad/French-Tortoise V2: Tortoise TTS fine-tune on 120k French samples (SIWIS + Common Voice + M-AILABS), 10k steps, one RTX 3090, ~21 hours",
    quality="B", architecture="autoregressive TTS (Tortoise), fine-tune", samples=120_000,
    hardware="RTX 3090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=21),
    source="Snowad/French-Tortoise model card on Hugging Face (README.md, commit e4a1922 diff, 2023)",
    notes=("Card (added in commit e4a1922): 'V2 Model : Tortoise base model Fine tuned on a custom multispeaker French dataset of 120k "
           "samples (SIWIS + Common Voice + M-AILABS) on 10k step with a RTX 3090 (~= 21 hours of training), with Text LR Weight at 1'. "
           "Target = 21 RTX 3090-hours as stated. Pair with V1: 5x the samples but only 13% more steps, so the time follows steps, not "
           "data size (less than one pass over 120k samples is possible; batch not stated). Year 2023. Quality B: '~='.")))

# ====================================================================== FLM-101B growth stages (same source as flm-101b-growth-192xa800-26d)
for stage, params, d in (("16b", 16_000_000_000, 9.63), ("51b", 51_000_000_000, 5.37)):
    A(C(id=f"flm-101b-stage-{stage}-192xa800-{d}d",
        name=f"FLM-101B growth stage {stage.upper()} (before growing to the next size), 24 DGX-A800 (192 A800 80GB), {d} days",
        quality="B", architecture="dense-decoder (model growth, xPos)", paramsTotal=params, seqLen=2048,
        hardware="A800 80GB", devices=192, precision="bf16", target=dict(metric=GPUH, value=days(192, d)),
        source="CofeAI/FLM-101B model card on Hugging Face (README_zh.md at commit dd7ec33, hyperparameter table; 2023)",
        notes=("README_zh hyperparameter table: 'Hyperparameter | 16b | 51b | 101b' / 'Precision | bfloat16' / 'Batch size(M tokens) | 4.72 | "
               "4.72 | 4.31' / 'Time(day) | 9.63 | 5.37 |' (the 101b cell was not visible in what was read). '我们依次在该集群上进行了16B, 51B和"
               f"101B的模型的训练和生长' (the 16B, 51B and 101B models were trained and grown one after another on this cluster of 24 DGX-A800). "
               f"Target [D] = 192 x {d} d x 24 = {round(days(192, d), 2):,} A800-hours for the {stage.upper()} stage. Steps per stage not read "
               "(tokens null; the batch is given in M tokens, so tokens = steps x 4.72M if the steps are found). Per-stage rows of the run in "
               "flm-101b-growth-192xa800-26d (convention of footprint-11's HDM stages); the two stages plus the 101B stage add up to the "
               "'less than 26 days' total. Year 2023. Quality B: stage times from a table without step counts.")))

# ====================================================================== Sparse R-CNN on COCO, 8 V100
SRCNN_SRC = ("PeizeSun/SparseR-CNN (GitHub, commit 0e5028d, May 2023) README.md (blob e72f390), table 'Models' and 'Notes'; "
             "projects/SparseRCNN/configs/Base-SparseRCNN.yaml (blob 305c475), sparsercnn.res50.100pro.3x.yaml (blob 4d05884), "
             "sparsercnn.res50.300pro.3x.yaml (blob 863cb8a), sparsercnn.res101.100pro.3x.yaml (blob 9464a08), sparsercnn.res101.300pro.3x.yaml (blob 15d038c)")
COCO_TRAIN = 118_287
for cfg, depth, props, h, ap in (("R50_100pro_3x", 50, 100, 19, "42.8"), ("R50_300pro_3x", 50, 300, 24, "45.0"),
                                  ("R101_100pro_3x", 101, 100, 25, "44.1"), ("R101_300pro_3x", 101, 300, 29, "46.4")):
    A(C(id=f"sparse-rcnn-{cfg.lower().replace('_', '-')}-coco-8xv100-{h}h", modality="vision",
        name=f"Sparse R-CNN {cfg} (ResNet-{depth}-FPN, {props} learnable proposals) on COCO train2017, 270k iterations x 16 images, 8 V100, {h} h",
        quality="B", architecture=f"detector (Sparse R-CNN, ResNet-{depth} FPN, ImageNet-pretrained backbone)",
        samples=COCO_TRAIN, epochs=round(270_000 * 16 / COCO_TRAIN, 2), resolution="COCO multi-scale",
        hardware="V100", devices=8, target=dict(metric=GPUH, value=hours(8, h)),
        source=SRCNN_SRC,
        notes=(f"README table: 'Method | inf_time | train_time | box AP' / '{cfg} | ... | {h}h | {ap}'. Notes: 'The training time is on 8 GPUs "
               "with batchsize 16. The inference time is on single GPU. All GPUs are NVIDIA V100.' Base-SparseRCNN.yaml: 'IMS_PER_BATCH: 16', "
               "'MAX_ITER: 270000', 'OPTIMIZER: \"ADAMW\"', 'MIN_SIZE_TRAIN: (480, ..., 800)', 'EVAL_PERIOD: 7330', 'FILTER_EMPTY_ANNOTATIONS: "
               f"False'; the {cfg} config sets DEPTH {depth}, NUM_PROPOSALS {props}" + (", CROP ENABLED True" if props == 300 else "") +
               f". Target [D] = 8 x {h} h = {8 * h} V100-hours. samples = COCO train2017 = 118,287 images [R] (all images kept: empty "
               "annotations not filtered); epochs [D] = 270,000 x 16 / 118,287 = 36.5. The periodic COCO evaluations (every 7,330 iterations) "
               "may be inside the stated time. Parameter count not stated (null). Precision not set in the configs (detectron2 default fp32 "
               "[R]; left null). V100 memory not stated. Year 2020. Quality B: whole hours, table value. Four rows of one table: the "
               "proposal count and the backbone change the time (19 / 24 / 25 / 29 h).")))

# ====================================================================== FLAIR (IGN) second model
A(C(id="flair-inc-rgbie-12cl-resnet34-unet-16xv100-84ep", modality="vision",
    name="IGNF FLAIR-INC_rgbie_12cl_resnet34-unet: aerial land-cover segmentation (RGB + infrared + elevation), 84 epochs at ~6 min on 16 V100",
    quality="B", architecture="U-Net with ResNet-34 encoder (segmentation_models_pytorch), 5 input channels", epochs=84,
    hardware="V100", devices=16, target=dict(metric=GPUH, value=hours(16, 84 * 6 / 60)),
    source="IGNF/FLAIR-INC_rgb_12cl_resnet34-unet model card repository on Hugging Face (README.md, commit 0eb257f diff, 2024)",
    notes=("Card (commit 0eb257f; the card in this repository names the model 'FLAIR-INC_rgbie_12cl_resnet34-unet'): 'The "
           "FLAIR-INC_rgbie_12cl_resnet34-unet model was trained on a HPC/AI resources provided by GENCI-IDRIS (Grant 2022-A0131013803). 16 "
           "V100 GPUs were used ( 4 nodes, 4 GPUS per node). With this configuration the approximate learning time is 6 minutes per epoch.' / "
           "'+ FLAIR-INC_rgbie_12cl_resnet34-unet was obtained for num_epoch=84 with corresponding val_loss=0.57.' Target [D] = 16 x 84 x 6 "
           "min = 134.4 V100-hours to the kept checkpoint (same early-stopping caveat as the deeplabv3 row: the job may have run longer). "
           "The training-data section of this card was not read (samples null; the deeplabv3 card of the same collection uses 174,700 "
           "FLAIR-INC train patches of 512x512). The repository name says 'rgb' while the card text says 'rgbie' - kept as the card text "
           "says. Year 2024. Quality B: approximate per-epoch time, naming inconsistency, early stopping.")))

# ====================================================================== Nepali BERT on one V100
A(C(id="nepalibert-mlm-4.3gb-1xv100-3d9h",
    name="Shushant/nepaliBERT: BERT-base MLM pre-training on ~4.3-4.6 GB of Nepali news text, Tesla V100, about 3 days 8 hours 57 minutes",
    quality="B", architecture="dense-encoder (BERT-base, MLM)", hardware="V100", devices=1,
    target=dict(metric=GPUH, value=round(hours(1, 3 * 24 + 8 + 57 / 60), 2)),
    source="Shushant/nepaliBERT model card on Hugging Face (README.md; copy in the file index, id 12898993351; 2022)",
    notes=("Card: 'This model is a fine-tuned version of Bert Base Uncased on dataset composed of different news scrapped from nepali news "
           "portals comprising of 4.6 GB of textual data.' / 'Pretraining done on bert base architecture.' / 'THe training corpus is "
           "developed using 85467 news scrapped from different job portals ... THe corpus size is about 4.3 GB of textual data.' / 'For the "
           "pretraining of masked language model, Trainer API from Huggingface is used. The pretraining took about 3 days 8 hours 57 minutes. "
           "Training was done on Tesla V100 GPU.' Target [D] = 72 + 8 + 57/60 = 80.95 V100-hours, reading 'Tesla V100 GPU' as one GPU (the "
           "count is not written out). Whether it starts from bert-base-uncased weights ('fine-tuned version of') or from scratch with a new "
           "vocabulary is not clear; parameters, epochs, batch and tokens not stated (null). The two corpus sizes (4.6 GB / 4.3 GB) "
           "disagree. Year 2022 [R]. Quality B: single-GPU count inferred, inconsistent data size.")))

# ====================================================================== write
def num(v):
    """integral floats become ints; others are rounded to 4 decimals."""
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 4)
    return v


assert len({c["id"] for c in cases}) == len(cases)
for c in cases:
    assert c["target"] and c["source"] and c["notes"] and c["quality"] in ("A", "B"), c["id"]
    c["target"]["value"] = num(c["target"]["value"])
    c["also"] = [dict(metric=a["metric"], value=num(a["value"])) for a in c["also"]]

out = {
    "set": "footprint-heldout-12",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
