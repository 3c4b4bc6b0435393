"""Builds footprint-heldout-19 (cases.json next to this file).

Every number below is either copied from the quoted sentence / table row in the case's notes or computed here from such
numbers (GPUs x hours, GPU-days x 24, minutes / 60, steps x batch). Nothing is fitted, nothing is recalled (a value that was
not in the text read is null), and the Green ML Review estimator was never run on these cases. [D] = derived here.
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


GPUH = "gpuHours"
cases = []
A = cases.append

# ====================================================================== text: aria-1b-chat (dkumar15, Hugging Face card, 2025-26)
ARIA_SRC = ("Hugging Face model card dkumar15/aria-1b-chat ('Transformer-1B-Chat'), README.md commit ba7d753 "
            "(https://huggingface.co/dkumar15/aria-1b-chat), sections 'Model Details', 'Training Pipeline', 'Hardware'; read through "
            "the search tool's stored copies of the card (blob, raw and rendered pages)")
ARIA_HW = ("Card: 'A 1.1 billion parameter decoder-only language model trained entirely from scratch -- pretraining, supervised "
           "fine-tuning, and preference alignment -- on 8x NVIDIA H100 GPUs.' 'Parameters | 1,105,827,840 (1.1B)', 'Max Sequence "
           "Length | 2048', 'Precision | BFloat16'; Hardware: '8x NVIDIA H100 80GB HBM3', 'Distributed Strategy: PyTorch DDP', "
           "'Mixed Precision: BF16 autocast'. ")
A(C(id="aria-1b-chat-pretrain-fineweb-edu-20b-tok-8xh100-12.3h",
    name="aria-1b-chat (Transformer-1B-Chat) stage 1: from-scratch pretraining of a 1.1B LLaMA-style model on ~20B FineWeb-Edu tokens, 8x H100, ~12.3 h",
    quality="A", architecture="decoder-only transformer (LLaMA-style, 22 layers, d=2048, GQA 32/8, SwiGLU)",
    paramsTotal=1_105_827_840, tokens=20_000_000_000, seqLen=2048, hardware="H100 80GB HBM3", devices=8, precision="bf16",
    target=dict(metric=GPUH, value=8 * 12.3), source=ARIA_SRC,
    notes=ARIA_HW + "Stage 1 table: 'Dataset | HuggingFaceFW/fineweb-edu (sample-10BT)', 'Tokens Trained | ~20B tokens', 'Steps | "
          "19,070', 'Duration | ~12.3 hours', 'Batch Size | 512 sequences (8 GPUs x 8 micro x 8 grad accum)', 'Throughput | ~338K "
          "tokens/sec'. Target [D] = 8 GPUs x 12.3 h = 98.4 H100-hours. Check: 19,070 x 512 x 2,048 = 20.0B tokens; 20B / 338K tok/s = "
          "16.4 h, so the stated throughput and duration do not agree exactly (the duration is used). Quality A: every input stated "
          "first-hand."))
A(C(id="aria-1b-chat-sft-ultrachat-207k-2ep-8xh100-52min",
    name="aria-1b-chat stage 2: supervised fine-tuning of the 1.1B model on ultrachat_200k (207,865 conversations), 2 epochs, 8x H100, ~52 min",
    quality="A", architecture="decoder-only transformer (LLaMA-style 1.1B, full fine-tune)",
    paramsTotal=1_105_827_840, samples=207_865, epochs=2, seqLen=2048, hardware="H100 80GB HBM3", devices=8, precision="bf16",
    target=dict(metric=GPUH, value=8 * 52 / 60), source=ARIA_SRC,
    notes=ARIA_HW + "Stage 2 table: 'Dataset | HuggingFaceH4/ultrachat_200k (207,865 conversations)', 'Steps | 3,240 (2 epochs)', "
          "'Duration | ~52 minutes', 'Batch Size | 256 sequences'. Target [D] = 8 x 52 / 60 = 6.93 H100-hours (the card's hardware "
          "section covers all three stages). Check: 207,865 x 2 / 256 = 1,624 steps, not 3,240 (the card's step count would fit a batch "
          "of 128); samples and epochs are used as stated. Quality A."))
A(C(id="aria-1b-chat-dpo-ultrafeedback-60.9k-1ep-8xh100-14min",
    name="aria-1b-chat stage 3: DPO of the SFT model on 60,917 UltraFeedback preference pairs, 1 epoch, 8x H100, ~14 min",
    quality="A", architecture="decoder-only transformer (LLaMA-style 1.1B, DPO with reference model)",
    paramsTotal=1_105_827_840, samples=60_917, epochs=1, seqLen=2048, hardware="H100 80GB HBM3", devices=8, precision="bf16",
    target=dict(metric=GPUH, value=8 * 14 / 60), source=ARIA_SRC,
    notes=ARIA_HW + "Stage 3 table: 'Dataset | argilla/ultrafeedback-binarized-preferences-cleaned (60,917 pairs)', 'Steps | 952 (1 "
          "epoch)', 'Duration | ~14 minutes', 'Beta | 0.1', 'Batch Size | 64 pairs'. Target [D] = 8 x 14 / 60 = 1.87 H100-hours "
          "(60,917 / 64 = 952 steps, consistent). DPO runs policy + frozen reference forward passes on chosen and rejected answers. "
          "Quality A."))

# ====================================================================== text: alpaca-lora reproduction (sharpbai, HF card, 2023)
SB_SRC = ("Hugging Face model card sharpbai/alpaca-lora-7b-reproduced (https://huggingface.co/sharpbai/alpaca-lora-7b-reproduced), "
          "README.md, read through the search tool's stored copies (rendered page and blob view)")
SB_COMMON = ("Card: 'This repo reproduced tloen/alpaca-lora-7b fit on the Stanford Alpaca dataset.' Hyperparameters: 'Epochs: 10 "
             "(load from best epoch)', 'Batch size: 128', 'Cutoff length: 512', 'Learning rate: 3e-4', 'Lora r: 16', 'Lora target "
             "modules: q_proj, k_proj, v_proj, o_proj'; command '--base_model='decapoda-research/llama-7b-hf' --num_epochs=10 "
             "--cutoff_len=512 ... --val_set_size=500 --output_dir='./alpaca-lora-train-H100-80G-HBM3x4-mb8' ... --micro_batch_size=8 "
             "--train_in_8bit False'; 'load_in_8bits=False to use 16bit finetune'. paramsTotal 7B = the nominal size in the base-model "
             "name (llama-7b); the Alpaca example count is not in the card (samples null). ")
A(C(id="alpaca-lora-7b-reproduced-10ep-4xh100-1h15",
    name="alpaca-lora-7b reproduction: LoRA (r=16) on LLaMA-7B, Stanford Alpaca, 10 epochs, cutoff 512, 4x H100, ~1 h 15 min",
    quality="B", architecture="decoder-only transformer (LLaMA-7B, frozen 16-bit base + LoRA r=16 on q,k,v,o)",
    paramsTotal=7_000_000_000, epochs=10, seqLen=512, hardware="H100 80GB HBM3 (from the output-dir name)", devices=4,
    precision="16-bit (fp16 or bf16 not stated; no 8-bit)", target=dict(metric=GPUH, value=4 * 75 / 60), source=SB_SRC,
    notes=SB_COMMON + "'4x H100 training for about 1h15min, details in W&B link, there is a hyperparameter of val_set_size=500'. "
          "Target [D] = 4 x 1.25 h = 5 H100-hours. Quality B: dataset size and exact parameter count not stated."))
A(C(id="alpaca-lora-7b-reproduced-10ep-4xrtx4090-4h35",
    name="alpaca-lora-7b reproduction, same hyperparameters on 4x RTX 4090 with gradient checkpointing, ~4 h 35 min",
    quality="B", architecture="decoder-only transformer (LLaMA-7B, frozen 16-bit base + LoRA r=16 on q,k,v,o)",
    paramsTotal=7_000_000_000, epochs=10, seqLen=512, hardware="RTX 4090 (memory not stated)", devices=4,
    precision="16-bit (fp16 or bf16 not stated; gradient checkpointing)", target=dict(metric=GPUH, value=4 * (4 + 35 / 60)), source=SB_SRC,
    notes=SB_COMMON + "'4 x 4090 training for about 4h35min, details in W&B link, all key hyperparameters are the same'; 'for 4090 "
          "enable gradient checkpointing, add model.gradient_checkpointing_enable()'. Target [D] = 4 x 4.583 h = 18.33 GPU-hours. "
          "Quality B."))

# ====================================================================== text: LINCE-ZERO (Clibrain, HF card, 2023)
A(C(id="lince-zero-falcon-7b-sft-80k-1xa100-40gb-8h",
    name="LINCE-ZERO: Falcon-7B instruction-tuned on 80k Spanish Alpaca+Dolly examples, one A100 40GB, 8 h",
    quality="C", architecture="causal decoder-only (Falcon-7B, instruction fine-tune)",
    paramsTotal=7_000_000_000, samples=80_000, hardware="A100 40GB", devices=1,
    target=dict(metric=GPUH, value=8),
    source=("Hugging Face model card clibrain/lince-zero (https://huggingface.co/clibrain/lince-zero), README.md at commits "
            "b6bdcd4 / 76ca8d5 and the 'Hardware' line added in commit 329abf3 "
            "(https://huggingface.co/clibrain/lince-zero/commit/329abf3abde89fb5e5b2dcc7274d9bc2f4f6ae11); search-tool copies"),
    notes="Card: 'it is a causal decoder-only model with 7B parameters. LINCE-ZERO is based on Falcon-7B and has been fine-tuned "
          "using a combination of the Alpaca and Dolly datasets, both translated into Spanish and augmented to 80k examples.' Commit "
          "329abf3 adds under 'Hardware': 'LINCE-ZERO was trained using a GPU A100 with 40 GB during 8h.' Target = 1 x 8 = 8 "
          "A100-hours. Epochs, sequence length and precision not in what was read (null). Quality C: epochs missing; full vs LoRA "
          "fine-tune not stated in the text read."))

# ====================================================================== text: Llama-3-8B-16K (mattshumer, HF card, 2024)
A(C(id="llama-3-8b-16k-longalpaca-8xa6000-5h",
    name="Llama-3-8B-16K: LLaMA 3 8B base context-extended to 16K on LongAlpaca-16k-length, 8x RTX A6000, five hours (Axolotl)",
    quality="C", architecture="LLaMA 3 8B base, 16K-context training (rope_theta 1e6)",
    paramsTotal=8_000_000_000, seqLen=16_384, hardware="RTX A6000 (memory not stated)", devices=8,
    target=dict(metric=GPUH, value=8 * 5),
    source="Hugging Face model card mattshumer/Llama-3-8B-16K, README.md commit 50089e2 / 1565323 (https://huggingface.co/mattshumer/Llama-3-8B-16K); search-tool copies",
    notes="Card: 'This is an extended (16K) context version of LLaMA 3 8B (base, not instruct). Trained for five hours on 8x A6000 "
          "GPUs, using the Yukang/LongAlpaca-16k-length dataset. rope_theta was set to 1000000.0. Trained with Axolotl.' Target [D] = "
          "8 x 5 = 40 GPU-hours. paramsTotal 8B = nominal size in the name; seqLen 16,384 read from '16K'. Dataset size, epochs and "
          "full-vs-LoRA not stated (null). Not the Llama 3 pre-training (an excluded development family): a third-party fine-tune. "
          "Quality C."))

# ====================================================================== text: Llama3-Aloe-8B-Alpha (HPAI-BSC, HF card, 2024)
A(C(id="llama3-aloe-8b-alpha-medical-ft-4xh100-7000h",
    name="Llama3-Aloe-8B-Alpha: medical fine-tune of Llama 3 8B, card 'Hardware Type: 4xH100', 'Hours used: 7,000'",
    quality="C", architecture="Llama 3 8B fine-tune (medical)",
    paramsTotal=8_000_000_000, hardware="H100 (memory / form factor not stated)", devices=None,
    target=dict(metric=GPUH, value=7000), also=[dict(metric=GPUH, value=4 * 7000)],
    source=("Hugging Face model card HPAI-BSC/Llama3-Aloe-8B-Alpha, 'Environmental Impact' section as shown in commit ea50dbb "
            "(https://huggingface.co/HPAI-BSC/Llama3-Aloe-8B-Alpha/commit/ea50dbb124baebe5ab241792e6621ac6cac0ee90)"),
    notes="Card: '- Hardware Type: 4xH100', '- Hours used: 7,000', '- Hardware Provider: Barcelona Supercomputing Center'. Target = "
          "7,000 read as accelerator-hours (the template's 'Hours used' convention); also = 4 x 7,000 = 28,000 if it were wall-clock "
          "on 4 GPUs. paramsTotal 8B = nominal size in the name. Datasets, epochs and tokens not in what was read (null); 4xH100 may "
          "be the node unit, so devices null. Quality C."))

# ====================================================================== text (DNA): GENA-LM (AIRI, GitHub issue, 2024)
GENA_SRC = "GitHub issue AIRI-Institute/GENA_LM #15 'Training costs' (https://github.com/AIRI-Institute/GENA_LM/issues/15), maintainer reply by yurakuratov, 2024-02-12"
GENA_Q = ("Reply: 'It takes approximately 5 days to train a base-sized model (110M parameters) using 8 A100 GPUs with a batch size of "
          "256 for 2 million steps. For a larger model (336M parameters), it takes around 7 days to train using 8 A100 GPUs for 1 "
          "million steps, also with a batch size of 256. These estimates are based on our current code base.' ")
A(C(id="gena-lm-base-110m-dna-2m-steps-bs256-8xa100-5d",
    name="GENA-LM base (110M) DNA language model pre-training: 2M steps x batch 256, 8x A100, ~5 days",
    quality="B", architecture="GENA-LM DNA language model (transformer; architecture details not in the thread)",
    paramsTotal=110_000_000, samples=2_000_000 * 256, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric=GPUH, value=8 * 5 * 24), source=GENA_SRC,
    notes=GENA_Q + "Target [D] = 8 x 5 d x 24 = 960 A100-hours. samples [D] = 2,000,000 steps x 256 = 512M sequences seen (epochs "
          "null); sequence length not stated in the thread (null), so tokens cannot be formed. Quality B: 'approximately' and no "
          "sequence length."))
A(C(id="gena-lm-large-336m-dna-1m-steps-bs256-8xa100-7d",
    name="GENA-LM large (336M) DNA language model pre-training: 1M steps x batch 256, 8x A100, ~7 days",
    quality="B", architecture="GENA-LM DNA language model (transformer; architecture details not in the thread)",
    paramsTotal=336_000_000, samples=1_000_000 * 256, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric=GPUH, value=8 * 7 * 24), source=GENA_SRC,
    notes=GENA_Q + "Target [D] = 8 x 7 d x 24 = 1,344 A100-hours; samples [D] = 1,000,000 x 256 = 256M sequences seen. Quality B."))

# ====================================================================== text: IDOL incremental RoBERTa pre-training (GitHub issue, 2023)
A(C(id="idol-roberta-incremental-pretrain-8xa100-52h",
    name="IDOL: incremental pre-training of RoBERTa, 8 A100, ~52 h",
    quality="C", architecture="encoder-only transformer (RoBERTa, incremental pre-training; size not stated)",
    hardware="A100 (stated as 'TeslaA100*48G')", devices=8,
    target=dict(metric=GPUH, value=8 * 52),
    source="GitHub issue GeekDream-x/IDOL #1 'Pre-training Equipment and Time' (https://github.com/GeekDream-x/IDOL/issues/1), author reply 2023-10-07",
    notes="Reply: 'I ran all the experiments on 8 pieces of TeslaA100*48G. Take RoBERTa for example, the training time is about 52h. If "
          "you use larger models or training steps, the time would be longer.' Target [D] = 8 x 52 = 416 GPU-hours. RoBERTa size "
          "(base/large), steps and data not in the thread (null). Quality C."))

# ====================================================================== multimodal: BiomedGPT (GitHub issue, 2023)
BM_SRC = "GitHub issue taokz/BiomedGPT #8 'how many hours needed for one pretrain process using 10 Nvidia A5000?' (https://github.com/taokz/BiomedGPT/issues/8), author reply 2023-12-08"
for cid, size, hours in (("biomedgpt-base-pretrain-10xa5000-87h", "Base", 87),
                         ("biomedgpt-medium-pretrain-10xa5000-32h", "Medium", 32),
                         ("biomedgpt-small-pretrain-10xa5000-8.7h", "Small", 8.7)):
    A(C(id=cid,
        name=f"BiomedGPT-{size} pre-training, 10x RTX A5000, ~{hours} h",
        quality="C", modality="multimodal", architecture=f"BiomedGPT {size.lower()} (biomedical generative pre-trained model; architecture details not in the thread)",
        hardware="RTX A5000 (memory not stated)", devices=10, target=dict(metric=GPUH, value=10 * hours), source=BM_SRC,
        notes="Question: 'how many hours needed for one pretrain process using 10 Nvidia A5000?' Reply: 'Base: approximately 87 hours', "
              f"'Medium: around 32 hours', 'Small:  8.7 hours'. Target [D] = 10 x {hours} = {10 * hours:g} GPU-hours. Parameter counts, "
              "pre-training data and epochs not in the thread (null). Quality C."))

# ====================================================================== vision: Phikon-v2 (Owkin, HF card, 2024)
A(C(id="phikon-v2-vitl-100k-it-bs4096-128xv100-4300h",
    name="Phikon-v2: ViT-Large (0.3B) foundation model, 100,000 iterations x batch 4,096, 32x4 V100 32GB, ~4,300 GPU-hours (33 h)",
    quality="A", modality="vision", architecture="ViT-L/16 (embedding 1024, 16 heads)",
    paramsTotal=300_000_000, samples=100_000 * 4096, hardware="V100 32GB (Jean Zay)", devices=128,
    target=dict(metric=GPUH, value=4300), also=[dict(metric=GPUH, value=128 * 33)],
    source=("Hugging Face model card owkin/phikon-v2, README.md commit 86aba61 "
            "(https://huggingface.co/owkin/phikon-v2/commit/86aba619a0c84e4b78a4664e4cf0b9e6af32b658), 'Training' list"),
    notes="Card: '- Training length: 100,000 iterations with a batch size of 4,096', '- Model architecture: ViT-Large (0.3B params): "
          "Patch size 16, embedding dimension 1024, 16 heads, MLP FFN', '- Hardware used: 32x4 Nvidia V100 32GB', '- Hours trained: "
          "Approx 4,300 GPU hours (33 hours total)', '- Platform: French supercluster Jean-Zay' (commit 86aba61 only removes a '??' "
          "from 'Hours trained'). Target = 4,300 GPU-hours as stated; also [D] = 128 x 33 = 4,224. samples [D] = 100,000 x 4,096 = "
          "409.6M images (crops) seen; epochs and image size not in the lines read (null). Quality A."))

# ====================================================================== vision: ConvMixer (GitHub issue, 2021)
CM_SRC = "GitHub issue tmp-iclr/convmixer #12 (https://github.com/tmp-iclr/convmixer/issues/12), authors' reply"
CM_Q = ("Reply: 'I think you're correct that it takes approximately a week to train a ConvMixer on ImageNet-1k on 10 GPUs (we used "
        "RTX8000s). The ConvMixer-1536/20 took ~9 days and the ConvMixer-768/32 took ~8 days for twice the number of epochs (300 vs. "
        "150).' ")
A(C(id="convmixer-1536-20-imagenet1k-150ep-10xrtx8000-9d",
    name="ConvMixer-1536/20 on ImageNet-1k, 150 epochs, 10x Quadro RTX 8000, ~9 days",
    quality="C", modality="vision", architecture="ConvMixer-1536/20",
    epochs=150, hardware="Quadro RTX 8000 (memory not stated)", devices=10,
    target=dict(metric=GPUH, value=10 * 9 * 24), source=CM_SRC,
    notes=CM_Q + "Read: ConvMixer-768/32 ran 300 epochs in ~8 days, ConvMixer-1536/20 150 epochs in ~9 days. Target [D] = 10 x 9 d x 24 "
          "= 2,160 GPU-hours. Parameter count not stated in the thread (null); ImageNet-1k named but its image count not stated in "
          "what was read (samples null); resolution not stated (null). Quality C."))
A(C(id="convmixer-768-32-imagenet1k-300ep-10xrtx8000-8d",
    name="ConvMixer-768/32 on ImageNet-1k, 300 epochs, 10x Quadro RTX 8000, ~8 days",
    quality="C", modality="vision", architecture="ConvMixer-768/32",
    epochs=300, hardware="Quadro RTX 8000 (memory not stated)", devices=10,
    target=dict(metric=GPUH, value=10 * 8 * 24), source=CM_SRC,
    notes=CM_Q + "Target [D] = 10 x 8 d x 24 = 1,920 GPU-hours. Parameters, image count and resolution null (not stated). Quality C."))

# ====================================================================== vision: UNI (Mahmood lab, GitHub issue, 2024)
A(C(id="uni-pathology-pretrain-32xa100-80gb-32h",
    name="UNI pre-training: ~1,024 GPU-hours, 4x8 A100 80GB, 32 h",
    quality="C", modality="vision", architecture="UNI model (architecture and size not in the thread)",
    hardware="A100 80GB", devices=32, target=dict(metric=GPUH, value=1024),
    source="GitHub issue mahmoodlab/UNI #38 'Pretraining time' (https://github.com/mahmoodlab/UNI/issues/38), maintainer reply 2024-08-16",
    notes="Reply: 'Pretraining time was around ~1024 GPU hours. With 4x8 A100 80 GB GPUs, it took 32 hours.' Target = 1,024 as stated "
          "(= 32 x 32). Parameters, images / iterations and batch not in the thread (null). Quality C."))

# ====================================================================== vision/multimodal: UniTok (GitHub issue, 2025)
A(C(id="unitok-unified-tokenizer-256xa100-80gb-50h",
    name="UniTok unified visual tokenizer training, 256x A100 80G, ~50 hours",
    quality="C", modality="multimodal", architecture="visual tokenizer (details not in the thread)",
    hardware="A100 80GB", devices=256, target=dict(metric=GPUH, value=256 * 50),
    source="GitHub issue FoundationVision/UniTok #9 'how many gpus are needed to train this model and for how long?' (https://github.com/FoundationVision/UniTok/issues/9)",
    notes="Reply: 'We trained the tokenizer on 256 80G A100s for roughly 50 hours.' Target [D] = 256 x 50 = 12,800 A100-hours. "
          "Parameters, images seen and epochs not in the thread (null). Quality C."))

# ====================================================================== vision/multimodal: RemoteCLIP (GitHub issue, 2023)
A(C(id="remoteclip-vit-l-14-full-ft-4xrtx3090-5h",
    name="RemoteCLIP ViT-L-14: full-parameter fine-tuning of OpenCLIP weights on remote-sensing image-text data, 4x RTX 3090, 5 h",
    quality="C", modality="multimodal", architecture="CLIP ViT-L-14 (full-parameter fine-tune from OpenCLIP weights)",
    hardware="RTX 3090 (memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 5),
    source="GitHub issue ChenDelong1999/RemoteCLIP #24 (https://github.com/ChenDelong1999/RemoteCLIP/issues/24), author reply",
    notes="Reply: 'We performed full parameter fine-tuning by using OpenCLIP weights, in which training based on the ViT-L-14 model took "
          "5 hours using 4 3090 GPUs.' Target [D] = 4 x 5 = 20 GPU-hours. Image-text pairs and epochs not in the thread (null). "
          "Quality C."))

# ====================================================================== vision: SOLO (GitHub issue, 2020)
A(C(id="solo-instance-seg-36ep-8xv100-2d",
    name="SOLO instance segmentation, 36-epoch schedule, 8x V100, ~2 days",
    quality="C", modality="vision", architecture="SOLO instance segmentation (backbone not stated in the thread)",
    epochs=36, hardware="V100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 2 * 24),
    source="GitHub issue WXinlong/SOLO #80 'Training Time' (https://github.com/WXinlong/SOLO/issues/80), author reply 2020-07-27",
    notes="Question: 'how long it takes for you to train the model for 36 epochs?' Reply: 'It takes about 2 days for 36 epochs training "
          "on 8*V100 GPUs.' Target [D] = 8 x 48 = 384 V100-hours. Dataset size (COCO not named in the reply), backbone and "
          "parameters null. Quality C."))

# ====================================================================== vision: mono-semantic-maps (GitHub issue, 2023)
A(C(id="mono-semantic-maps-100ep-8xv100-3d",
    name="mono-semantic-maps model, 100 epochs, 8x V100, ~3 days",
    quality="C", modality="vision", architecture="mono-semantic-maps repository model (architecture not in the thread)",
    epochs=100, hardware="V100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 3 * 24),
    source="GitHub issue tom-roddick/mono-semantic-maps #21 'How long does it take to train the model?' (https://github.com/tom-roddick/mono-semantic-maps/issues/21), reply 2023-03-08",
    notes="Reply (Junyu-Z, not the repository owner): 'about 3 days for 100 epochs using 8 x V100 GPUs'. Target [D] = 8 x 72 = 576 "
          "V100-hours. Dataset and parameters not stated (null). Quality C (third-party reply)."))

# ====================================================================== multimodal: NuInstruct (GitHub issue, 2024)
A(C(id="nuinstruct-bev-injected-mllm-20ep-90k-8xv100-3d",
    name="NuInstruct model trained 20 epochs on NuInstruct-90K, 8x V100, ~3 days",
    quality="C", modality="multimodal", architecture="NuInstruct repository model (architecture and size not in the thread)",
    samples=90_000, epochs=20, hardware="V100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 3 * 24),
    source="GitHub issue xmed-lab/NuInstruct #1 'Question about training time' (https://github.com/xmed-lab/NuInstruct/issues/1), author reply 2024-01-25",
    notes="Question: 'how much time did you spend in total to train 20 epochs on your NuInstruct-90K dataset?' Reply: 'It takes around "
          "3 days using 8 V100 GPUs.' Target [D] = 8 x 72 = 576 V100-hours. samples 90,000 read from the dataset name 'NuInstruct-90K'; "
          "parameters null. Quality C."))

# ====================================================================== multimodal: everything_at_once (GitHub issue, 2022)
A(C(id="everything-at-once-howto100m-4xv100-32gb-2d",
    name="everything_at_once model trained on HowTo100M, 4x V100 32GB, ~2 days",
    quality="C", modality="multimodal", architecture="everything_at_once repository model (architecture not in the thread)",
    hardware="V100 32GB", devices=4, target=dict(metric=GPUH, value=4 * 2 * 24),
    source="GitHub issue ninatu/everything_at_once #4 (https://github.com/ninatu/everything_at_once/issues/4), author reply 2022-08-19",
    notes="Reply: 'Training our model on the HowTo100M dataset takes approximately 2 days on four Nvidia V100 32GB GPUs. Finetuning on "
          "the YouCook2 and the MSR-VTT takes less than 30 minutes.' Target [D] = 4 x 48 = 192 V100-hours (pre-training only). Clips "
          "seen, epochs and parameters null. Quality C."))

# ====================================================================== speech: Nervana DeepSpeech 2 (GitHub issue, 2017)
A(C(id="nervana-deepspeech2-librispeech-1000h-16ep-1xtitanx-141h",
    name="Nervana neon DeepSpeech 2 on 1,000 hours of LibriSpeech, 16 epochs, one Maxwell Titan X, ~141 h",
    quality="C", modality="speech", architecture="Nervana neon DeepSpeech implementation (architecture and size not in the thread)",
    epochs=16, hardware="GeForce GTX Titan X (Maxwell; memory not stated)", devices=1, target=dict(metric=GPUH, value=141),
    source="GitHub issue NervanaSystems/deepspeech #5 (https://github.com/NervanaSystems/deepspeech/issues/5), maintainer reply 2017-01-20",
    notes="Reply: 'Training the model on 1000 hours of speech data from the Librispeech corpus was carried out using Maxwell Titan X "
          "GPUs. Training on a single GPU takes about 141 hours (roughly 6 days). The best performing model required 16 epochs.' Target "
          "= 141 GPU-hours (1 GPU). Whether 141 h covers all 16 epochs is not said explicitly; utterance count and parameters null "
          "(1,000 hours of audio in the notes only). Quality C."))

# ====================================================================== speech: ttts (GitHub issue, 2024)
A(C(id="ttts-tts-5000h-audio-4xrtx3090-1wk",
    name="ttts TTS, all models trained from scratch on ~5,000 hours of speech, 4x RTX 3090, ~one week",
    quality="C", modality="speech", architecture="ttts repository TTS models (architecture not in the thread)",
    hardware="RTX 3090 (stated 'GTX 3090'; memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 7 * 24),
    source="GitHub issue adelacvg/ttts #8 'How long train a new model' (https://github.com/adelacvg/ttts/issues/8), author replies 2024-01",
    notes="Replies: '5000 hours is an appropriate duration for dataset, and it will take approximately one week to complete the "
          "training for all models.' 'I trained all the models on four GTX 3090 GPUs.' Target [D] = 4 x 7 d x 24 = 672 GPU-hours. "
          "Parameters, steps and epochs null. Quality C."))

# ====================================================================== speech: viitor-voice (GitHub issue, 2024)
A(C(id="viitor-voice-en-llm-tts-10ep-2xa100-3d",
    name="viitor-voice English TTS model, 10 epochs (GigaSpeech, LibriTTS-R, ...), 2x A100, ~3 days",
    quality="C", modality="speech", architecture="viitor-voice TTS model (architecture and size not in the thread)",
    epochs=10, hardware="A100 (memory not stated)", devices=2, target=dict(metric=GPUH, value=2 * 3 * 24),
    source="GitHub issue viitor-ai/viitor-voice #4 'Training Metrics' (https://github.com/viitor-ai/viitor-voice/issues/4), maintainer reply 2024-12-08",
    notes="Question cites 'a per device batch size of 4 and gradient accumulation of 32' and datasets 'gigaspeech, libritts-r, etc'. "
          "Reply: 'For the English model, we used 2 A100 GPUs to train for 10 epochs, which takes approximately 3 days.' Target [D] = 2 "
          "x 72 = 144 A100-hours. Parameters and utterance count null. Quality C."))

# ====================================================================== description
DESCRIPTION = ("Nineteenth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..18 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
               "No recalled values: anything not in the text read is null. [D] = derived arithmetic shown in notes and in make_cases.py.")


def num(v):
    """integral floats become ints; others are rounded to 4 decimals."""
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 4)
    return v


assert len({c["id"] for c in cases}) == len(cases)
for c in cases:
    assert c["target"] and c["source"] and c["notes"] and c["quality"] in ("A", "B", "C"), c["id"]
    c["target"]["value"] = num(float(c["target"]["value"]))
    c["also"] = [dict(metric=a["metric"], value=num(float(a["value"]))) for a in c["also"]]
    for k in ("epochs", "tokens"):
        c[k] = num(c[k])

out = {
    "set": "footprint-heldout-19",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
