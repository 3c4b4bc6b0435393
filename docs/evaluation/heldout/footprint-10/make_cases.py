"""Builds footprint-heldout-10 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x hours, devices x days x 24, minutes / 60, steps x batch x length, TPU v3 cores / 2 = chips). Nothing is fitted
and the Green ML Review estimator was never run on these cases. Run: python3 make_cases.py
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


def minutes(devices, m):
    """device-hours for `devices` running `m` minutes of wall clock."""
    return devices * m / 60


def v3_chips(cores):
    """TPU v3: 2 TensorCores per chip."""
    assert cores % 2 == 0
    return cores // 2


GPUH = "gpuHours"
cases = []
A = cases.append

# ====================================================================== diffusion
A(C(id="sd2-family-200k-a100-pcie-hours", name="Stable Diffusion v2 (latent diffusion, OpenCLIP-ViT/H text encoder), 32 x 8 A100, 'Hours used: 200000' (A100 PCIe 40GB)",
    quality="B", modality="diffusion", architecture="latent diffusion U-Net with frozen OpenCLIP-ViT/H text encoder",
    resolution=512, hardware="A100 PCIe 40GB", devices=256, target=dict(metric=GPUH, value=200000),
    also=[dict(metric=GPUH, value=200000 / 256)],
    source=("stabilityai/stable-diffusion-2 model card on Hugging Face (README.md; read in the aifasthub.com mirror of commit 65221e3 and "
            "blame view fa5fd9c) and the identical model-card text in the Stability-AI/stablediffusion repository (modelcard, read via "
            "the file index, id 127462646), sections 'Training' and 'Environmental Impact'"),
    notes=("Card, Training: '512-base-ema.ckpt: 550k steps at resolution 256x256 on a subset of LAION-5B ... 850k steps at resolution "
           "512x512 on the same dataset with resolution >= 512x512.'; '768-v-ema.ckpt: Resumed from 512-base-ema.ckpt and trained for 150k "
           "steps using a v-objective on the same dataset. Resumed for another 140k steps on a 768x768 subset'; depth (200k steps), "
           "inpainting (200k steps) and x4-upscaling (1.25M steps) checkpoints follow; then '- **Hardware:** 32 x 8 x A100 GPUs', "
           "'- **Batch:** 32 x 8 x 2 x 4 = 2048'. Environmental Impact: '- **Hardware Type:** A100 PCIe 40GB', '- **Hours used:** 200000', "
           "'- **Cloud Provider:** AWS', '- **Compute Region:** US-east', '... 15000 kg CO2 eq.' Target = 200,000 GPU-hours as stated. "
           "devices = 32 x 8 = 256 (the Hardware line); `also` [D] = 200,000 / 256 = 781 h per GPU (32.6 days). The card does not say which "
           "checkpoints the 200,000 hours cover (the heading above it still reads 'Stable Diffusion v1 Estimated Emissions', copied from "
           "the v1 card, whose figure is 150,000 -- SD v1 is an excluded development case; this is the v2 run) -- so `samples` is left "
           "null; for the 512-base checkpoint alone, (550k + 850k) x 2048 = 2.87B samples [D]. U-Net parameter count not stated in the "
           "card (null). Quality B: round figure, scope not stated, A100 form factor in the env-impact line differs from the SXM DGX "
           "nodes usually meant by '32 x 8'.")))

A(C(id="tdm-sdxl-distill-2-a800-days", name="TDM (Trajectory Distribution Matching) 4-step distillation of SDXL, '2 A800 Days'",
    quality="B", modality="diffusion", architecture="few-step distillation of SDXL (latent diffusion U-Net)", paramsTotal=None,
    resolution=1024, hardware="A800 (memory not stated)", devices=None, target=dict(metric=GPUH, value=days(1, 2)),
    source=("Luo et al. 2025, 'Learning Few-Step Diffusion Models by Trajectory Distribution Matching' (TDM, ICCV 2025, arXiv 2503.06674) -- "
            "Table 3 as copied into a paper reading note found in the file index (id 62334354737; the index does not name its repository)"),
    notes=("Reading note, '训练成本对比(Table 3)': '| 方法 | Backbone | 训练成本 |', '| LCM | SDXL | 32 A100 Days |', '| DMD2 | SDXL | 160 A100 "
           "Days |', '| **TDM** | SDXL | **2 A800 Days** |', '| **TDM** | PixArt-α | **2 A800 Hours (500 iter)** |'. Target [D] = 2 A800-days x "
           "24 = 48 A800 GPU-hours. The number of GPUs, steps and batch are not in the row (devices null). A800 = export variant of the "
           "A100 (same compute, lower NVLink bandwidth) -- the only A800 row of the set. LCM/DMD2 rows are comparisons, not targets (LCM is an "
           "excluded development case). Quality B: a reading note of the paper, aggregate GPU-days only.")))

A(C(id="tdm-pixart-alpha-distill-500it-2-a800-hours", name="TDM 4-step distillation of PixArt-α, 500 iterations, '2 A800 Hours'",
    quality="B", modality="diffusion", architecture="few-step distillation of PixArt-α (0.6B diffusion transformer)", paramsTotal=None,
    samples=None, resolution=1024, hardware="A800 (memory not stated)", devices=None, target=dict(metric=GPUH, value=2),
    source=("Luo et al. 2025, TDM (arXiv 2503.06674) -- Table 3 in the same reading note (file index id 62334354737)"),
    notes=("Reading note Table 3 row: '| **TDM** | PixArt-α | **2 A800 Hours (500 iter)** |'; the note's results table is titled "
           "'TDM-1024 (Ours) | PixArt-α | 4 |' (1024 px, 4 steps). Target = 2 A800 GPU-hours as stated. Batch and GPU count not in what was "
           "read. PixArt-α's own pre-training (footprint-1 'pixart-alpha') is a different run; this is a 500-iteration distillation. "
           "Quality B: reading note, aggregate hours, no batch.")))

# ====================================================================== text: encoder pre-training
A(C(id="tapas-base-mlm-32-tpuv3-cores", name="TAPAS-base table pre-training (MLM), 1M steps x 512 x 512, 32 Cloud TPU v3 cores, ~3 days",
    quality="B", architecture="BERT-base encoder with table embeddings (TAPAS)", paramsTotal=110e6,
    tokens=1_000_000 * 512 * 512, seqLen=512, hardware="TPU v3", devices=v3_chips(32), target=dict(metric=GPUH, value=days(v3_chips(32), 3)),
    also=[dict(metric=GPUH, value=days(32, 3))],
    source=("google/tapas-base model card on Hugging Face, 'Pre-training' section (read in the nielsr/tapas-base copy, commit 1e052ba "
            "'Fix typo'); Herzig et al. 2020, 'TAPAS: Weakly Supervised Table Parsing via Pre-training' (ACL 2020)"),
    notes=("Card: 'The model was pre-trained on 32 Cloud TPU v3 cores for 1,000,000 steps with maximum sequence length 512 and batch size "
           "of 512. In this setup, pre-training on MLM only takes around 3 days. Aditionally, the model has been further pre-trained on a "
           "second task (table entailment).' Target [D] = 16 chips (32 TensorCores / 2) x 3 d x 24 = 1,152 TPU v3 chip-hours; `also` = "
           "2,304 core-hours. tokens [D] = 1,000,000 x 512 x 512 = 262B sequence slots. paramsTotal 110M = BERT-base size [R] (TAPAS adds a "
           "few table-position embeddings; not stated in the card). The second (intermediate) pre-training task is NOT counted. Quality B: "
           "'around 3 days', parameters recalled.")))

A(C(id="bert-medium-mlsm-1xrtxa6000-300h", name="SzegedAI bert-medium-mlsm (medium BERT pre-trained with Masked Latent Semantic Modeling on English Wikipedia), RTX A6000, 300 hours",
    quality="B", architecture="BERT-medium encoder (8 layers, hidden 512 [R]) pre-trained with the MLSM objective (sparse-coded targets from a BERT-base teacher)",
    paramsTotal=None, hardware="RTX A6000 48GB (workstation)", devices=1, target=dict(metric=GPUH, value=300),
    source=("SzegedAI/bert-medium-mlsm model card on Hugging Face (README.md, commit 4cbb30a 'Update README.md' and the blame view of "
            "main), 'Environmental Impact'"),
    notes=("Card: 'This medium-sized BERT model was created using the Masked Latent Semantic Modeling (MLSM) pre-training objective, "
           "which is a sample efficient alternative for classic Masked Language Modeling (MLM).'; 'The contextualized latent semantic "
           "profile during pre-training is determined by performing sparse coding of the hidden representation of an already pre-trained "
           "model (a base-sized BERT model in this particular case).'; 'The model was pre-trained using a 2022 English Wikipedia dump "
           "pre-processed with wiki-bert-pipeline.' Environmental Impact (commit 4cbb30a): '- **Hardware Type:** RTX A6000', '- **Hours "
           "used:** 300', '- **Carbon Emitted:** cca. 42 kg CO2 eq.'. Target = 300 GPU-hours as stated; devices = 1 is an assumption of the "
           "card's singular 'RTX A6000' (if several were used, 300 is still the stated hours). The steps/batch lines of the card's "
           "'Training Hyperparameters' were not in what was read (tokens null); the BERT-base teacher forward passes are part of the work. "
           "Quality B: hours only, data size not read, device count implicit.")))

A(C(id="modernbert-base-msmarco-st-1xrtx4090", name="ModernBERT-base sentence-transformer fine-tune on MS MARCO (margin-MSE/MNRL set), batch 128, one RTX 4090, under an hour",
    quality="B", architecture="ModernBERT-base encoder, sentence-transformers bi-encoder fine-tune", paramsTotal=149e6,
    hardware="RTX 4090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=1),
    source=("joe32140/ModernBERT-base-msmarco model card on Hugging Face (README.md, commit e33d044 and the old side of commit ec7e318 'Upload README.md'; "
            "card tag 'dataset_size:11662655')"),
    notes=("Card: 'This is a sentence-transformers model finetuned from answerdotai/ModernBERT-base on the "
           "msmarco-co-condenser-margin-mse-sym-mnrl-mean-v1 dataset.'; 'I finetune ModernBERT-base using script from offical repo "
           "https://github.com/AnswerDotAI/ModernBERT/blob/main/examples/train_st.py on a RTX 4090 GPU with batch size 128 taking under an "
           "hour.' (e33d044); the next wording (shown as the old side of commit ec7e318's diff) read '... on a RTX 4090 GPU with batch size "
           "128. Training for 1 epoch takes less than an hour.' Target = 1 GPU-hour, an UPPER bound ('less than an hour'; the footprint-9 'less than N -> N' convention). paramsTotal "
           "149M = ModernBERT-base [R]. The card's auto-generated tag says 'dataset_size:11662655' (the 'triplet-hard' subset has 11.7M "
           "rows), but 11.66M triplets x ~3 texts in under an hour on one RTX 4090 would exceed an RTX 4090's peak throughput by several "
           "times [D], so either the time or the dataset size does not describe the same run: samples/epochs are left null on purpose. "
           "A scorer may prefer to drop this row. Quality B: bound, inconsistent data size.")))

# ====================================================================== text: LLM pre-training / continued pre-training
A(C(id="fietje-2-phi2-dutch-cpt-16xa100", name="Fietje 2 (2.7B): continued pre-training of phi-2 on 28B Dutch tokens, 16 A100 80GB, ~two weeks incl. queueing",
    quality="B", architecture="dense decoder-only (phi-2, 32 layers, hidden 2560), full continued pre-training", paramsTotal=2.78e9,
    tokens=28e9, hardware="A100 80GB", devices=16, target=dict(metric=GPUH, value=days(16, 14)),
    source=("BramVanroy/fietje-2 model card on Hugging Face (README.md; commit 22e97d3 'Update README.md' for the time sentence; "
            "README at 10f8e87 / d63e1d1 for the hyper-parameters)"),
    notes=("Card: 'This model is an adapted version of microsoft/phi-2, finetuned for Dutch text generation. It was continue-pretrained on "
           "28B Dutch tokens, which includes the full Dutch component of Wikipedia (accounting for around 15%), supplemented with Dutch "
           "tokens from CulturaX.'; 'Accounting for waiting for jobs, training took around two weeks on four nodes of 4x A100 80GB each "
           "(16 total).'; hyper-parameters: 'train_batch_size: 40', 'num_devices: 16', 'gradient_accumulation_steps: 3', "
           "'total_train_batch_size: 1920'. Target [D] = 16 x 14 d x 24 = 5,376 GPU-hours -- an UPPER bound: the author says the two weeks "
           "include waiting for jobs. paramsTotal 2.78B = phi-2 [R] (config: hidden 2560, 32 layers, vocab 50,297). phi-2's own "
           "pre-training (footprint-1 'phi-2') is a different run. Quality B: 'around', includes queue time.")))

A(C(id="chipnemo-7b-dapt-sft-128xa100", name="ChipNeMo 7B: domain-adaptive pre-training (chip-design data, >24B tokens) + SFT of LLaMA2-7B, 128 A100, 2,710 A100 GPU-hours",
    quality="B", architecture="dense decoder-only (LLaMA2-7B), full continued pre-training then SFT", paramsTotal=7e9, tokens=24e9,
    hardware="A100 (memory not stated)", devices=128, target=dict(metric=GPUH, value=2710),
    source=("Liu et al. (NVIDIA) 2023, 'ChipNeMo: Domain-Adapted LLMs for Chip Design' (arXiv 2311.00176) -- training-cost table as "
            "summarised in the blog 'LLaMA模型的微调成本有几何?' (blog.csdn.net/bylander/article/details/141368778; copies on "
            "coloradmin.cn and jishuzhan.net)"),
    notes=("Blog: '使用 128 个 A100 GPU 进行了训练。ChipNeMo 的领域适配预训练成本(包括基于领域数据的继续预训练和SFT),具体见下表,单位是A100 GPU "
           "hours' (trained with 128 A100 GPUs; domain-adaptive cost incl. continued pre-training and SFT, unit A100 GPU-hours); "
           "'以LLaMa 7B模型的训练来说,总训练时长=2710' (7B total = 2,710); '13B模型,总训练时长=5100'; '70B模型,总训练时长=21340'; "
           "'ChipNeMo 的领域适配预训练需要24B以上的数据' (more than 24B tokens of domain data). Target = 2,710 A100 GPU-hours (DAPT + SFT) "
           "as stated. tokens = 24B (the blog's 'more than 24B'; the SFT share is small). A fine-tune of Meta's Llama 2 by NVIDIA (Llama-2 "
           "pre-training, a development family, is NOT the target; the blog says the adaptation is < 1.5 % of it). Quality B: secondhand "
           "(blog summary of the paper's table; the table image itself was not read), token count approximate.")))
A(C(id="chipnemo-13b-dapt-sft-128xa100", name="ChipNeMo 13B: domain-adaptive pre-training + SFT of LLaMA2-13B, 128 A100, 5,100 A100 GPU-hours",
    quality="B", architecture="dense decoder-only (LLaMA2-13B), full continued pre-training then SFT", paramsTotal=13e9, tokens=24e9,
    hardware="A100 (memory not stated)", devices=128, target=dict(metric=GPUH, value=5100),
    source="ChipNeMo (arXiv 2311.00176) -- same blog summary as chipnemo-7b-dapt-sft-128xa100",
    notes=("Blog: '13B模型,总训练时长=5100' (13B total training = 5,100 A100 GPU-hours, DAPT + SFT, 128 A100). Other fields as in "
           "chipnemo-7b-dapt-sft-128xa100. Quality B: secondhand.")))
A(C(id="chipnemo-70b-dapt-sft-128xa100", name="ChipNeMo 70B: domain-adaptive pre-training + SFT of LLaMA2-70B, 128 A100, 21,340 A100 GPU-hours",
    quality="B", architecture="dense decoder-only (LLaMA2-70B), full continued pre-training then SFT", paramsTotal=70e9, tokens=24e9,
    hardware="A100 (memory not stated)", devices=128, target=dict(metric=GPUH, value=21340),
    source="ChipNeMo (arXiv 2311.00176) -- same blog summary as chipnemo-7b-dapt-sft-128xa100",
    notes=("Blog: '70B模型,总训练时长=21340' (70B total = 21,340 A100 GPU-hours, DAPT + SFT, 128 A100). Other fields as in "
           "chipnemo-7b-dapt-sft-128xa100. Quality B: secondhand.")))

A(C(id="minimind2-small-26m-pretrain-1xrtx3090", name="MiniMind2-Small (26M) pre-training on pretrain_hq, 1 epoch, one RTX 3090, ~1.1 h (measured)",
    quality="B", architecture="dense decoder-only (MiniMind2, hidden 512, 8 layers, vocab 6,400)", paramsTotal=26e6, epochs=1,
    hardware="RTX 3090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=1.1),
    source=("jingyaogong/minimind README (English README copy in the file index, id 67422232670; '📌 Experiment / Ⅰ Training Costs'); "
            "repository read through the index only, not fetched"),
    notes=("README: '- **Time unit**: Hours (h).', '- **Reference standard**: The table only shows actual measured training time for "
           "`pretrain` and `sft_mini_512` two datasets. Other time costs are estimated based on dataset size'; '> Based on 3090 (single "
           "GPU) cost calculation'; table '| Model Name | params | pretrain | sft_mini_512 | sft_512 | ...', '| MiniMind2-Small | 26M | "
           "≈1.1h<br/>≈1.43￥ | ≈1h<br/>≈1.3￥ | ≈6h ...'; summary: 'MiniMind2-Small Parameters >> pretrain_hq+sft_mini_512 Dataset Single "
           "3090 GPU (1 epoch) + 2.1 hours'. Target = 1.1 GPU-hours (the measured pretrain cell). Model config from the repository's "
           "eval script comment: 'MiniMind2-Small (26M)：(hidden_size=512, num_hidden_layers=8)'. Data (same README): 'Clean out about 1.6GB of "
           "corpus with character length <512 and concatenate them directly as pretraining data pretrain_hq.jsonl'; 'pretrain_hq.jsonl ✨ "
           "--Pretraining dataset ... (recommended max_seq_len≈320)'; 'typical Chinese text is roughly 1.5~1.7 chars/token'. The README "
           "gives the size in GB, not tokens, so tokens stay null (a rough [D] reading -- 1.6 GB of UTF-8 Chinese at ~3 bytes/char and "
           "~1.6 chars/token -- is ~0.3B tokens; not used as an input). seqLen null (320 is a recommendation, not the run's setting). "
           "Quality B: '≈', data size only in GB.")))
A(C(id="minimind2-104m-pretrain-1xrtx3090", name="MiniMind2 (104M) pre-training on pretrain_hq, 1 epoch, one RTX 3090, ~3.9 h (measured)",
    quality="B", architecture="dense decoder-only (MiniMind2, hidden 768, 16 layers, vocab 6,400)", paramsTotal=104e6, epochs=1,
    hardware="RTX 3090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=3.9),
    source="jingyaogong/minimind README (file index id 67422232670), 'Ⅰ Training Costs' table",
    notes=("README table row: '| MiniMind2 | 104M | ≈3.9h<br/>≈5.07￥ | ≈3.3h<br/>≈4.29￥ | ≈20h<br/>≈26￥ | ≈15h ... |' under 'Based on "
           "3090 (single GPU) cost calculation'; 'pretrain' and 'sft_mini_512' columns are 'actual measured training time'. Config: "
           "'MiniMind2 (104M)：(hidden_size=768, num_hidden_layers=16)'. Target = 3.9 GPU-hours. Same data as "
           "minimind2-small-26m-pretrain-1xrtx3090 (pretrain_hq.jsonl, 1.6 GB; tokens not stated). Quality B: '≈', data size only in GB.")))
A(C(id="minimind2-104m-sft-mini-512-1xrtx3090", name="MiniMind2 (104M) SFT on sft_mini_512, 1 epoch, one RTX 3090, ~3.3 h (measured)",
    quality="B", architecture="dense decoder-only (MiniMind2 104M), full-parameter SFT", paramsTotal=104e6, epochs=1,
    hardware="RTX 3090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=3.3),
    source="jingyaogong/minimind README (file index id 67422232670), 'Ⅰ Training Costs' table",
    notes=("Same table: MiniMind2 row, 'sft_mini_512' column '≈3.3h<br/>≈4.29￥' (measured). Target = 3.3 GPU-hours. Data: "
           "'sft_mini_512.jsonl (~1.2GB)', '(recommended max_seq_len≈340)' -- size in GB only (tokens null). The other columns (sft_512 20 h, sft_2048 25 h, ...) are estimates by dataset size and are NOT used. "
           "Quality B: '≈', data size not read.")))

# ====================================================================== text: full fine-tunes (A100 x4, ajibawa-2023)
AJ_NOTE = ("All ajibawa-2023 cards say 'This is a full fine tuned model.' and 'DeepSpeed codebase was used for training purpose.' "
           "Precision not stated. `samples` = the card's count of conversation sets; tokens per set not stated. ")
A(C(id="code-33b-llama1-74k-3ep-4xa100", name="Code-33B (ajibawa-2023): full fine-tune of LLaMA-1 33B on ~74k code conversations, 3 epochs, 4 A100 80GB, 6 days 5 hours",
    quality="B", architecture="dense decoder-only (LLaMA-1 33B), full fine-tune", paramsTotal=32.5e9, samples=74000, epochs=3,
    hardware="A100 80GB", devices=4, target=dict(metric=GPUH, value=hours(4, 6 * 24 + 5)),
    source=("ajibawa-2023/Code-33B model card on Hugging Face (README.md, commits 3246261 and cec263d); dataset size from the sibling "
            "ajibawa-2023/Code-13B card (commit b6a4440), which names the same Code-74k-ShareGPT data"),
    notes=("Code-33B card: 'I have released the new data Code-74k-ShareGPT'; 'Entire dataset was trained on 4 x A100 80GB. For 3 epoch, "
           "training took 6 days & 5 hours. DeepSpeed codebase was used for training purpose. This was trained on Llama-1 by Meta.' "
           "Code-13B card: 'It is trained on around 74000 set of codes. Each set having 2 conversations.' Target [D] = 4 x (6 x 24 + 5) h = "
           "596 GPU-hours. paramsTotal 32.5B = LLaMA '33B' actual size [R]. " + AJ_NOTE + "Quality B: sample count from the sibling card.")))
A(C(id="python-code-33b-llama1-23k-3ep-4xa100", name="Python-Code-33B (ajibawa-2023): full fine-tune of LLaMA-1 33B on ~23k Python code conversations, 3 epochs, 4 A100 80GB, 42 h",
    quality="B", architecture="dense decoder-only (LLaMA-1 33B), full fine-tune", paramsTotal=32.5e9, samples=23000, epochs=3,
    hardware="A100 80GB", devices=4, target=dict(metric=GPUH, value=hours(4, 42)),
    source="ajibawa-2023/Python-Code-33B model card on Hugging Face (README.md, commits 506f4a2, 30b4c56, 2edcad6, 81316a4)",
    notes=("Card: 'It is trained on around 23000+ set of codes. Each set having 2 conversations.' (first version); 'Entire dataset was "
           "trained on Azure 4 x A100 80GB. For 3 epoch, training took 42 hours. DeepSpeed codebase was used for training purpose. This "
           "was trained on Llama-1 by Meta.' (commit 30b4c56 changed 'Llama-2' to 'Llama-1' in this sentence; a 33B size exists only in "
           "LLaMA-1). Target [D] = 4 x 42 = 168 GPU-hours. " + AJ_NOTE + "Quality B: base-model wording edited once.")))
A(C(id="python-code-13b-llama2-23k-3ep-4xa100", name="Python-Code-13B (ajibawa-2023): full fine-tune of Llama-2-13B on ~23k Python code conversations, 3 epochs, 4 A100 80GB, 13 h",
    quality="B", architecture="dense decoder-only (Llama-2-13B), full fine-tune", paramsTotal=13e9, samples=23000, epochs=3,
    hardware="A100 80GB", devices=4, target=dict(metric=GPUH, value=hours(4, 13)),
    source="ajibawa-2023/Python-Code-13B model card on Hugging Face (README.md, commits f8efdfc and 981454b)",
    notes=("Card: 'The base Llama-2 model was used for training purpose. It is trained on around 23000+ set of codes. Each set having 2 "
           "conversations.'; 'Entire dataset was trained on Azure 4 x A100 80GB. For 3 epoch, training took 13 hours. DeepSpeed codebase "
           "was used for training purpose. This was trained on Llama-2 by Meta.' Target [D] = 4 x 13 = 52 GPU-hours. Same data as "
           "python-code-33b-llama1-23k-3ep-4xa100 (a 33B-vs-13B pair: 168 vs 52 GPU-hours). " + AJ_NOTE + "Quality B: '23000+'.")))
A(C(id="uncensored-jordan-7b-llama1-155k-3ep-4xa100", name="Uncensored-Jordan-7B (ajibawa-2023): full fine-tune of LLaMA-1 7B on ~155k conversations, 3 epochs, 4 A100 80GB, 28 h",
    quality="B", architecture="dense decoder-only (LLaMA-1 7B), full fine-tune", paramsTotal=6.7e9, samples=155000, epochs=3,
    hardware="A100 80GB", devices=4, target=dict(metric=GPUH, value=hours(4, 28)),
    source="ajibawa-2023/Uncensored-Jordan-7B model card on Hugging Face (README.md, commit 96a9fbe)",
    notes=("Card: 'It is trained on around 155000 set of conversations. Each set having 10~15 conve[rsations]' (line truncated in the diff "
           "view); 'Entire dataset was trained on Azure 4 x A100 80GB. For 3 epoch, training took 28 hours. DeepSpeed codebase was used for "
           "training purpose. This was trained on Llama-1 by Meta.' Target [D] = 4 x 28 = 112 GPU-hours. paramsTotal 6.7B = LLaMA-1 7B [R]. "
           + AJ_NOTE + "Quality B: 'around', multi-turn sets of unknown length.")))

# ====================================================================== text: LoRA / consumer GPU
A(C(id="gpt-j-6b-english-quotes-lora-1xrtx3060", name="GPT-J-6B 8-bit LoRA fine-tune on english_quotes, 3 epochs (939 steps), one RTX 3060 12GB, 1 h 45 min",
    quality="B", architecture="dense decoder-only (GPT-J 6B) fine-tune with adapters on a quantised base (method not re-read)", paramsTotal=6e9, samples=2508, epochs=3,
    hardware="RTX 3060 12GB (consumer)", devices=1, target=dict(metric=GPUH, value=minutes(1, 105)),
    source="nlpulse/gpt-j-6b-english_quotes model card on Hugging Face (README.md, commit 25ddbfa)",
    notes=("Card, 'Fine-tuning': '3 epochs, all dataset samples (split=train), 939 steps', '1 x GPU 3060 12GB - max. GPU memory: 7.44 GB', "
           "'duration: 1h45min'. Target [D] = 105 min / 60 = 1.75 GPU-hours. The card is built on the Abirate/english_quotes dataset; "
           "samples = its 2,508 train rows [R] (the card says 'all dataset samples (split=train)'); consistency check [D]: 939 steps / 3 "
           "epochs = 313 steps per epoch, x 8 per step = 2,504 ~ 2,508 (batch 8 inferred, not stated). The 7.44 GB "
           "peak on a 6B model implies a quantised base with small trainable adapters [D]; the adapter/quantisation settings were not "
           "re-read. paramsTotal 6B = GPT-J nominal. Quality B: data size and adapter settings not read.")))

# ====================================================================== text: Intel Gaudi 2 (vendor time-to-train table)
GAUDI_SRC = ("Intel, 'Intel Gaudi AI accelerator model performance -- Hugging Face Optimum Habana training' table "
             "(https://www.intel.com/content/dam/develop/public/us/en/include/gaudi/huggingface-optimumhabana-tp.html), Optimum Habana "
             "1.12.1 / DeepSpeed 0.14.0 rows; read via the stored page")
GAUDI_HW = "Intel Gaudi 2 HPU (generation recalled [R]; the table says HPU)"
GAUDI_HEAD = ("Table columns: 'Model | #HPU | Precision | Throughput | Acc | TTT | Batch | Task | Framework Version'. ")
GAUDI_TAIL = ("Quality B: vendor time-to-train benchmark (to the stated accuracy/loss), not a released model; dataset not named in the "
              "row; HPU generation not printed in the copy (Gaudi 2 per the page's family, as footprint-5 read it [R]). footprint-5 "
              "took the Llama2-70B LoRA and GPT-NeoX-20B rows of this table; these are other rows.")
A(C(id="gaudi-falcon-180b-lora-8hpu", name="Falcon-180B LoRA fine-tune (Optimum Habana, DeepSpeed), 8 Intel Gaudi HPUs, TTT 162.13 min",
    quality="B", architecture="dense decoder-only (Falcon-180B) with LoRA adapters", paramsTotal=180e9,
    hardware=GAUDI_HW, devices=8, precision="bf16", target=dict(metric=GPUH, value=minutes(8, 162.13)),
    source=GAUDI_SRC,
    notes=(GAUDI_HEAD + "Row: '| Falcon-180B Fine Tuning (LoRA) | 8 | bf16 | 2.47 sentences/sec | 3.74 | 162.13 min | 1 | language-modeling "
           "| DeepSpeed 0.14.0 Optimum Habana 1.12.1 |'. Target [D] = 8 x 162.13 / 60 = 21.62 HPU-hours. 2.47 sentences/s x 162.13 min = "
           "~24k sequences [D] (not used as input). " + GAUDI_TAIL)))
A(C(id="gaudi-gpt-j-clm-8hpu", name="GPT-J causal-LM fine-tune (Optimum Habana, DeepSpeed), 8 Intel Gaudi HPUs, TTT 21.56 min",
    quality="B", architecture="dense decoder-only (GPT-J 6B), full fine-tune", paramsTotal=6e9,
    hardware=GAUDI_HW, devices=8, precision="bf16", target=dict(metric=GPUH, value=minutes(8, 21.56)),
    source=GAUDI_SRC,
    notes=(GAUDI_HEAD + "Row: '| GPTJ-CLM | 8 | bf16 | 22.17 sentences/sec | 0.53 | 21.56 min | 4 | language-modeling | DeepSpeed 0.14.0 "
           "Optimum Habana 1.12.1 |'. Target [D] = 8 x 21.56 / 60 = 2.87 HPU-hours. " + GAUDI_TAIL)))
A(C(id="gaudi-gpt2-xl-clm-8hpu", name="GPT2-XL causal-LM fine-tune (Optimum Habana, DeepSpeed), 8 Intel Gaudi HPUs, TTT 8.81 min",
    quality="B", architecture="dense decoder-only (GPT-2 XL 1.5B), full fine-tune", paramsTotal=1.5e9,
    hardware=GAUDI_HW, devices=8, precision="bf16", target=dict(metric=GPUH, value=minutes(8, 8.81)),
    source=GAUDI_SRC,
    notes=(GAUDI_HEAD + "Row: '| GPT2-XL | 8 | bf16 | 95.69 sentences/sec | 0.47 | 8.81 min | 4 | language-modeling | DeepSpeed 0.14.0 "
           "Optimum Habana 1.12.1 |'. Target [D] = 8 x 8.81 / 60 = 1.17 HPU-hours. paramsTotal 1.5B = GPT-2 XL [R]. " + GAUDI_TAIL)))
A(C(id="gaudi-albert-xxl-squad-8hpu", name="ALBERT-XXL question-answering fine-tune (Optimum Habana), 8 Intel Gaudi HPUs, TTT 7.4 min",
    quality="B", architecture="ALBERT-xxlarge encoder (shared layers), QA fine-tune", paramsTotal=223e6,
    hardware=GAUDI_HW, devices=8, precision="bf16", target=dict(metric=GPUH, value=minutes(8, 7.4)),
    source=GAUDI_SRC,
    notes=(GAUDI_HEAD + "Row: '| ALBERT-XXL | 8 | bf16 | 422 sentences/sec | 94.8 | 7.4 min | 16 | question-answering | Optimum Habana "
           "1.12.1 |'. Target [D] = 8 x 7.4 / 60 = 0.99 HPU-hours. paramsTotal 223M = ALBERT-xxlarge [R] (shared weights: compute is that "
           "of a 12-layer, hidden-4096 encoder, far above 223M x tokens). The '94.8' accuracy suggests SQuAD F1 [R]. " + GAUDI_TAIL)))
A(C(id="gaudi-bert-large-squad-8hpu", name="BERT-Large question-answering fine-tune (Optimum Habana, torch.compile), 8 Intel Gaudi HPUs, TTT 1.93 min",
    quality="B", architecture="BERT-large encoder, QA fine-tune", paramsTotal=340e6,
    hardware=GAUDI_HW, devices=8, precision="bf16", target=dict(metric=GPUH, value=minutes(8, 1.93)),
    source=GAUDI_SRC,
    notes=(GAUDI_HEAD + "Row: '| BERT-Large Fine Tuning (torch.compile) | 8 | bf16 | 2099 sentences/sec | 93.18 | 1.93 min | 32 | "
           "question-answering | Optim[um Habana 1.12.1] |'. Target [D] = 8 x 1.93 / 60 = 0.257 HPU-hours. paramsTotal 340M = BERT-large "
           "[R]. " + GAUDI_TAIL)))


# ====================================================================== added: diffusion ControlNets, ORPO, speech LM, ViT budget
A(C(id="flux-dev-controlnet-16k-1xa100", name="ControlNet for FLUX.1-dev trained on a 16k-image set (kadirnar), one A100 80GB, 'GPU Hours: 65'",
    quality="B", modality="diffusion", architecture="ControlNet branch on the FLUX.1-dev rectified-flow transformer (12B base, frozen [R])",
    samples=16000, hardware="A100 80GB", devices=1, target=dict(metric=GPUH, value=65),
    source="kadirnar, Hugging Face post 'I am training a controlnet model for Flux' (huggingface.co/posts/kadirnar/147425380710766)",
    notes=("Post: 'I am training a controlnet model for Flux. And some of my experiences:'; checkpoints 10000, 12000, 14000, '(16000-18000)'; "
           "'Dataset: kadirnar/fluxdev_controlnet_16k', 'GPU: 1xA100(80GB)', 'GPU Hours: 65'. Target = 65 GPU-hours as stated. samples = "
           "16,000 from the dataset name ('_16k') [D]; epochs/batch/resolution not stated (null), so the ~18,000 steps cannot be turned "
           "into passes. ControlNet parameter count not stated (null); FLUX.1-dev's 12B base is frozen [R]. Quality B: social-media "
           "post, run still in progress when written (the 65 h covers the checkpoints listed).")))
A(C(id="controlnet-fill50k-1ep-2xa100", name="ControlNet trained on Fill-50k (circle-filling toy set), 1 epoch, 2 A100, 4-5 hours",
    quality="B", modality="diffusion", architecture="ControlNet branch on a frozen text-to-image diffusion U-Net (base not named in the card)",
    samples=50000, epochs=1, hardware="A100 (memory not stated)", devices=2, target=dict(metric=GPUH, value=hours(2, 4.5)),
    also=[dict(metric=GPUH, value=hours(2, 4)), dict(metric=GPUH, value=hours(2, 5))],
    source="gremlin97/ControlNetFill50k model card on Hugging Face (README.md, commit e072a1d 'Update README.md')",
    notes=("Card: 'This repo contains a Control Net model trained on the Fill-50k dataset. I have trained this model on a 2 A100 GPU cluster "
           "using distributed training enabled through PyTorch Lightning API. It has been trained for 1 epoch for a duration of 4-5 hours.' "
           "Target [D] = 2 x 4.5 h (midpoint of '4-5 hours') = 9 GPU-hours; `also` = the 8 and 10 GPU-hour ends. samples = 50,000 (Fill-50k, "
           "by its name) [D]; resolution (512 in the original ControlNet tutorial [R]) not stated, left null. The card's license tag "
           "(deepfloyd-if-license) does not name the base model. Quality B: range, base model and batch not stated.")))
A(C(id="mistral-7b-orpo-dpo-mix-7k-3ep-1xa100", name="mistral-orpo-mix-7k: ORPO full fine-tune of Mistral-7B-v0.1 on argilla/dpo-mix-7k, 3 epochs, one A100, 4.5 h",
    quality="B", architecture="dense decoder-only (Mistral-7B-v0.1), full-parameter ORPO (preference + SFT loss, no reference model)",
    paramsTotal=7.24e9, samples=6750, epochs=3, seqLen=2048, hardware="A100 (memory not stated)", devices=1, precision="bf16",
    target=dict(metric=GPUH, value=4.5),
    source="eduagarcia/mistral-orpo-mix-7k model card on Hugging Face (README.md, commit cb74054 'Update README.md'; 'Aligment Handbook recipe')",
    notes=("Card: 'This model is a ORPO full fine-tuned version of mistralai/Mistral-7B-v0.1 on the argilla/dpo-mix-7k dataset with the "
           "huggingface/alignment-handbook.'; 'Trained for 4.5 hours on 1xA100'; recipe: 'torch_dtype: bfloat16', 'bf16: true', "
           "'gradient_accumulation_steps: 8', 'gradient_checkpointing: true', 'max_length: 2048', 'num_train_epochs: 3', 'optim: "
           "adamw_bnb_8bit', 'per_device_train_batch_size: 4'. Target = 4.5 GPU-hours as stated. samples = 6,750 = the train split of "
           "argilla/dpo-mix-7k (its dataset card: 'splits: - name: train num_examples: 6750') (each sample is a prompt with a chosen and a rejected answer: two sequences per step). paramsTotal 7.24B "
           "= Mistral-7B [R]. Quality B: A100 memory not stated, one-line time.")))
ICHIGO_SRC = ("homebrewltd/Ichigo-llama3.1-s-instruct-v0.3 model cards on Hugging Face, 'Hardware' section")
A(C(id="ichigo-llama3.1-s-v0.3-phase2-8xh100", name="Ichigo llama3.1-s instruct v0.3, phase 2 (speech-token instruction continual training of a Llama-3.1-8B sound LM), 8 H100 SXM, 12 h",
    quality="B", modality="speech", architecture="dense decoder-only (Llama-3.1-8B with WhisperVQ sound tokens added to the vocabulary), full fine-tune",
    paramsTotal=8e9, hardware="H100 80GB SXM", devices=8, target=dict(metric=GPUH, value=hours(8, 12)),
    source=ICHIGO_SRC + " -- homebrewltd/Ichigo-llama3.1-s-instruct-v0.3-phase-2, commit 3f4f8e1 'Update README.md'",
    notes=("Card: '**GPU Configuration**: Cluster of 8x NVIDIA H100-SXM-80GB.', '**GPU Usage**:', '- **Continual Training**: 12 hours.' "
           "Card tags: 'homebrewltd/instruction-speech-whispervq-v2', 'sound language model', arXiv 2406.16020 / 2410.15316. Target [D] = 8 x 12 "
           "= 96 GPU-hours. The training-data size, epochs and batch were not in what was read (null; the card's 'Training' table was not "
           "retrieved). paramsTotal 8B = Llama-3.1-8B [R] (plus sound-token embeddings). Llama-3.1 pre-training is not the target. "
           "Quality B: hours only.")))
A(C(id="ichigo-llama3.1-s-v0.3-phase3-8xh100", name="Ichigo llama3.1-s instruct v0.3, phase 3 (continual training), 8 H100 SXM, 3 h",
    quality="B", modality="speech", architecture="dense decoder-only (Llama-3.1-8B sound LM, from phase 2), full fine-tune",
    paramsTotal=8e9, hardware="H100 80GB SXM", devices=8, target=dict(metric=GPUH, value=hours(8, 3)),
    source=ICHIGO_SRC + " -- homebrewltd/Ichigo-llama3.1-s-instruct-v0.3-phase-3, commit 8ca86d2 'Update README.md'",
    notes=("Card: '**GPU Configuration**: Cluster of 8x NVIDIA H100-SXM-80GB.', '**GPU Usage**:', '- **Continual Training**: 3 hours.' The "
           "repository also holds 'training_config_phase3.yaml' and 'loss_log.txt' (not read). Target [D] = 8 x 3 = 24 GPU-hours. Data size "
           "not read (null). Quality B: hours only.")))
A(C(id="local-vit-deit-s-imagenet-24h-1gpu", name="Efficient ViT (LocalViT-style DeiT-small) trained from scratch on ImageNet-1k under a 1-GPU, 24-hour budget",
    quality="B", modality="vision", architecture="ViT (DeiT-small with added locality, image-size curriculum)", paramsTotal=22e6,
    samples=1281167, resolution=224, hardware="GPU (model not stated)", devices=1, target=dict(metric=GPUH, value=24),
    source=("Irandoust, Durand, Rakhmangulova, Zi & Hajimirsadeghi 2022, 'Training a Vision Transformer from scratch in less than 24 hours "
            "with 1 GPU' (NeurIPS 2022 HiTY workshop, arXiv 2211.05187) -- abstract (arxiv.org, nips.cc) and the BorealisAI/"
            "efficient-vit-training README (file index, commit 86e7ca7)"),
    notes=("Abstract: 'We introduce some algorithmic improvements to enable training a ViT model from scratch with limited hardware (1 GPU) "
           "and time (24 hours) resources.' README: 'In all experiments we build on DeiT-small model, and try to make the training more "
           "efficient time-wise (24 hours) and GPU-wise (1).'; 'In all experiments with 1 GPU we use --batch-size 64 and --lr 1e-3.'; 'We stop "
           "the training after 1 day.' Target = 1 GPU x 24 h = 24 GPU-hours (the stated budget; training stops at one day). The GPU model is "
           "not named in what was read (hardware left generic). samples = ImageNet-1k train size [R]; epochs = as many as fit in 24 h (not "
           "stated, null); paramsTotal 22M = DeiT-small [R] (LocalViT adds depth-wise convolutions). DeiT-B (an excluded development case) "
           "is a different model. Quality B: budget rather than measured time, GPU model unknown.")))


A(C(id="tdm-unify-sft-sd15-distill-3-a800-days", name="TDM-unify-SFT 4-step distillation of Stable Diffusion v1.5, '3 A800 Days'",
    quality="B", modality="diffusion", architecture="few-step distillation of SD-v1.5 (latent diffusion U-Net)", resolution=512,
    hardware="A800 (memory not stated)", devices=None, target=dict(metric=GPUH, value=days(1, 3)),
    also=[dict(metric=GPUH, value=days(1, 4))],
    source="Luo et al. 2025, TDM (arXiv 2503.06674) -- Table 3 in the same reading note as tdm-sdxl-distill-2-a800-days (file index id 62334354737)",
    notes=("Reading note Table 3: '| DMD2 | SD-v1.5 | 30+ A800 Days |', '| **TDM-unify-GAN** | SD-v1.5 | **4 A800 Days** |', '| **TDM-unify-SFT** "
           "| SD-v1.5 | **3 A800 Days** |'. Target [D] = 3 A800-days x 24 = 72 A800 GPU-hours (the SFT variant); `also` = the GAN variant's "
           "4 A800-days = 96 h (another run, kept as a cross-check only). GPU count, steps, batch not in the row. SD v1 pre-training (an "
           "excluded development case) is NOT the target; this is a distillation run starting from it. resolution 512 = SD-v1.5 native "
           "[R]. Quality B: reading note, aggregate GPU-days only.")))
A(C(id="ja-bert-wikipedia-1xrtx3080-1day", name="neody/ja-bert-1: Japanese BERT trained on Japanese Wikipedia (wikimedia/wikipedia), one RTX 3080, about a day",
    quality="B", architecture="BERT encoder (size not stated)", hardware="RTX 3080 (consumer; 10 GB or 12 GB variant not stated)", devices=1,
    target=dict(metric=GPUH, value=days(1, 1)),
    source="neody/ja-bert-1 model card on Hugging Face (README.md at commit 36a11c0, blame view)",
    notes=("Card (whole text after the license header): '# About', 'This bert model was trained using wikimedia/wikipedia japanese data.', "
           "'It took about a day to train on a single RTX3080.' Target [D] = 1 x 24 h = 24 GPU-hours. Model size, steps, batch and sequence "
           "length are not stated (null); the RTX 3080 exists in 10 GB and 12 GB versions (not stated). Kept as the only RTX 3080 row. Quality B: 'about a day', no model/data size.")))


A(C(id="cpm-2.6b-chinese-64xv100", name="CPM (CPM-Generate, 2.6B Chinese GPT) pre-training: 20,000 steps x 3,072 x 1,024 tokens, 64 V100, two weeks",
    quality="B", architecture="dense decoder-only Transformer (GPT-2 style, dense attention)", paramsTotal=2.6e9,
    tokens=20000 * 3072 * 1024, seqLen=1024, hardware="V100 (memory not stated)", devices=64, target=dict(metric=GPUH, value=days(64, 14)),
    source=("TsinghuaAI/CPM-Generate model card on Hugging Face (README.md, commits e13d7bc 'Create README.md' and ce1c7c6 'Update "
            "README.md'); Zhang et al. 2020, 'CPM: A Large-scale Generative Chinese Pre-trained Language Model' (arXiv 2012.00413)"),
    notes=("Card: 'CPM (Chinese Pre-trained Language Model) is a Transformer-based autoregressive language model, with 2.6 billion "
           "parameters and 100GB Chinese training data.'; 'Training procedure: Based on the hyper-parameter searching on the learning rate "
           "and batch size, we set the learning rate as 1.5x10^-4 and the batch size as 3,072, which makes the model training more stable. "
           "In the first version, we still adopt the dense attention and the max sequence length is 1,024. ... We pre-train our model for "
           "20,000 steps, and the first 5,000 steps are for warm-up. The optimizer is Adam. It takes two weeks to train our largest model "
           "using 64 NVIDIA V100.' Target [D] = 64 x 14 d x 24 = 21,504 GPU-hours. tokens [D] = 20,000 x 3,072 x 1,024 = 62.9B sequence "
           "slots (the 100GB corpus is not converted to tokens in the card). The 2.6B model is 'our largest model' (the one the time refers "
           "to). Precision not stated. Quality B: 'two weeks' is coarse; otherwise time, data and size come from one card.")))


# ====================================================================== Graphcore IPU (exact Trainer runtimes)
IPU_HW = "Graphcore Mk2 IPU (GC200; IPU-POD16)"
A(C(id="graphcore-gpt2-wikitext103-10ep-16ipu", name="GPT-2 (124M) fine-tuned on wikitext-103 for 10 epochs (optimum-graphcore), 16 Graphcore Mk2 IPUs, train_runtime 4,372 s",
    quality="A", architecture="dense decoder-only (GPT-2 small, checkpoint 'gpt2'), full fine-tune", paramsTotal=124e6,
    samples=114248, epochs=10, tokens=114248 * 1024 * 10, seqLen=1024, hardware=IPU_HW, devices=16, precision="fp16",
    target=dict(metric=GPUH, value=16 * 4372.4031 / 3600),
    source=("Graphcore/gpt2-wikitext-103 model card on Hugging Face (README.md at commit c93a37d / 42977d5, 'Training procedure') and its "
            "train_results.json (commit e76c1eb 'Add fine-tuned model', as shown at revisions 8da43f1 and 2024fe1)"),
    notes=("Card: 'This model is a fine-tuned version of gpt2 on the wikitext-103-raw-v1 dataset.'; 'Trained on 16 Graphcore Mk2 IPUs using "
           "optimum-graphcore.'; command line 'python examples/language-modeling/run_clm.py --model_name_or_path gpt2 --ipu_config_name "
           "Graphcore/gpt2-small-ipu --dataset_name wikitext --dataset_config_name wikitext-103-raw-v1 --do_train --do_eval "
           "--num_train_epochs 10 ... --per_device_train_batch_size 1 ... --gradient_accumulation_steps 128 ... --loss_scaling 16384 ... "
           "--pod_type pod16'; hyper-parameters 'distributed_type: IPU', 'total_train_batch_size: 1024', 'training precision: Mixed "
           "Precision'. train_results.json: '\"epoch\": 10.0', '\"train_runtime\": 4372.4031', '\"train_samples\": 114248', "
           "'\"train_samples_per_second\": 261.293', '\"train_steps_per_second\": 0.254'. Target [D] = 16 IPUs x 4,372.4031 s / 3600 = "
           "19.43 IPU-hours. Consistency [D]: 261.293 samples/s x 4,372.4 s = 1,142,480 = 114,248 x 10 epochs; 0.254 steps/s x 4,372.4 s = "
           "1,111 steps x 1,024 = 1.14M samples. seqLen 1024 = run_clm's default block size for GPT-2 [R] (not in the command line; "
           "consistent with wikitext-103's ~117M GPT-2 tokens / 1,024 = ~114k blocks); tokens [D] = 114,248 x 1,024 x 10 = 1.17B. "
           "paramsTotal 124M = the 'gpt2' checkpoint [R]. GPT-2 pre-training (an excluded development family) is NOT the target; this is "
           "a fine-tune. The only IPU rows of any footprint set. Quality A: exact Trainer runtime, sample count, epochs, device count and "
           "checkpoint, mutually consistent (parameter count and block size by the checkpoint's name).")))
A(C(id="graphcore-gpt2-medium-wikitext103-10ep-16ipu", name="GPT-2 medium (355M) fine-tuned on wikitext-103 for 10 epochs (optimum-graphcore), 16 Graphcore Mk2 IPUs, train_runtime 11,218 s",
    quality="A", architecture="dense decoder-only (GPT-2 medium, checkpoint 'gpt2-medium'), full fine-tune", paramsTotal=355e6,
    samples=114248, epochs=10, tokens=114248 * 1024 * 10, seqLen=1024, hardware=IPU_HW, devices=16, precision="fp16",
    target=dict(metric=GPUH, value=16 * 11217.8167 / 3600),
    source=("Graphcore/gpt2-medium-wikitext-103 model card on Hugging Face (README.md, commit a77da42 'Update README.md', 'Training "
            "procedure') and its all_results.json (commit 36baff5 'Add fine-tuned model', as shown at refs/pr/2)"),
    notes=("Card (commit a77da42): 'Trained on 16 Graphcore Mk2 IPUs using optimum-graphcore.'; command line 'python "
           "examples/language-modeling/run_clm.py --model_name_or_path gpt2-medium --ipu_config_name Graphcore/gpt2-medium-ipu "
           "--dataset_name wikitext --dataset_config_name wikitext-103-raw-v1 --do_train --do_eval --num_train_epochs 10 ... "
           "--per_device_train_batch_size 1 ... --gradient_accumulation_steps 256 ... --loss_scaling 16384 ... "
           "--ipu_config_overrides=\"...replication_factor=2,...ipus_per_replica=8,...\"' (2 replicas x 8 IPUs = 16). all_results.json: "
           "'\"epoch\": 10.0', '\"train_runtime\": 11217.8167', '\"train_samples\": 114248', '\"train_samples_per_second\": 101.845', "
           "'\"train_steps_per_second\": 0.099'. Target [D] = 16 x 11,217.8167 s / 3600 = 49.86 IPU-hours. Consistency [D]: 101.845 x "
           "11,217.8 = 1,142,480 = 114,248 x 10. seqLen / tokens as in graphcore-gpt2-wikitext103-10ep-16ipu (same data and script). "
           "paramsTotal 355M = 'gpt2-medium' [R]. A pair with the GPT-2 small row: same data, same 16 IPUs, 19.43 vs 49.86 IPU-hours. "
           "Quality A: as for the small row.")))

# ---------------------------------------------------------------------------------------------------------------- write
def rnd(v):
    """ints stay ints; >= 1 -> 2 decimals; < 1 -> 3 significant digits."""
    if not isinstance(v, float) or v == int(v):
        return int(round(v))
    return round(v, 2) if v >= 1 else float("%.3g" % v)


for c in cases:
    c["target"]["value"] = rnd(c["target"]["value"])
    for a in c["also"]:
        a["value"] = rnd(a["value"])
    for k in ("tokens", "samples", "paramsTotal", "paramsActive"):
        if c[k] is not None:
            c[k] = int(round(c[k]))
    assert c["quality"] in ("A", "B") and c["hardware"] and c["source"] and c["notes"], c["id"]

ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), "duplicate ids"
out = {"set": "footprint-heldout-10",
       "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
       "description": ("Tenth held-out set of published training runs for validating the Green ML Review footprint estimator: "
                       "diffusion (Stable Diffusion 2 on 256 A100, few-step distillation on A800), encoder pre-training (ELECTRA-small "
                       "on one RTX 3090, TAPAS on TPU v3, MLSM BERT on an RTX A6000), continued pre-training (Fietje 2, ChipNeMo 7B/13B/70B), "
                       "tiny LLMs from scratch on one RTX 3090 (MiniMind2), full fine-tunes on 4 A100, LoRA on an RTX 3060, and Intel "
                       "Gaudi 2 time-to-train rows. Built without running the estimator and without reading product code; no model/run "
                       "of footprint-heldout-1..9 nor of the development cases they name as excluded. gpuHours means accelerator-hours "
                       "(TPU chip-hours for TPU rows, HPU-hours for Gaudi rows). [R] = recalled/secondary, not re-read in the primary this "
                       "session; [D] = derived arithmetic shown in notes and in make_cases.py."),
       "cases": cases}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
