"""Builds footprint-heldout-20 (cases.json next to this file).

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


def ISSUE(repo, num, title, who):
    return f"GitHub issue {repo} #{num} '{title}' (https://github.com/{repo}/issues/{num}), {who}; read as the search tool's stored issue page"


# ====================================================================== text: LLM fine-tunes (airoboros, jondurbin, 2023)
AIRO = ISSUE("jondurbin/airoboros", 14, "How much resource it took to fine tune llama7/13/70b?", "maintainer (jondurbin) reply 2023-08-03")
AIRO_Q = ("Reply: 'I post training details on gist pages ... 1.4 dataset qlora of 70b took 2d, 7h, 51 minutes on one 80gb a100. m2.0 "
          "qlora is on pace for about 100 hours on one 80gb a100. 13b full fine tune of m2.0, 41k rows, took 16 hours on 4 80gb a100s, "
          "7b took 11 hours.' The question asks about 'llama7/13/70b'; the sizes are the nominal sizes the reply names. ")
A(C(id="airoboros-m2.0-13b-full-ft-41k-rows-4xa100-80gb-16h",
    name="airoboros m2.0 13B: full fine-tune of a LLaMA-family 13B on the m2.0 set (41k rows), 4x A100 80GB, 16 h",
    quality="B", architecture="decoder-only transformer (LLaMA-family 13B, full fine-tune)",
    paramsTotal=13_000_000_000, samples=41_000, hardware="A100 80GB", devices=4,
    target=dict(metric=GPUH, value=4 * 16), source=AIRO,
    notes=AIRO_Q + "Target [D] = 4 x 16 = 64 A100-hours. paramsTotal = nominal 13B from the reply; samples = '41k rows' as stated; "
          "epochs and sequence length not stated (null). Quality B: params (nominal), rows, devices, duration first-hand; no epochs."))
A(C(id="airoboros-m2.0-7b-full-ft-41k-rows-4xa100-80gb-11h",
    name="airoboros m2.0 7B: full fine-tune of a LLaMA-family 7B on the m2.0 set (41k rows), 4x A100 80GB (same setup as the 13B), 11 h",
    quality="C", architecture="decoder-only transformer (LLaMA-family 7B, full fine-tune)",
    paramsTotal=7_000_000_000, samples=41_000, hardware="A100 80GB", devices=4,
    target=dict(metric=GPUH, value=4 * 11), source=AIRO,
    notes=AIRO_Q + "'7b took 11 hours' follows the 13B sentence; the same data (m2.0, 41k rows) and the same 4x 80GB A100 are read "
          "from that sentence, not restated for the 7B. Target [D] = 4 x 11 = 44 A100-hours. Quality C: device count and data carried "
          "over from the neighbouring clause."))
A(C(id="airoboros-1.4-70b-qlora-1xa100-80gb-2d7h51m",
    name="airoboros 1.4 70B: QLoRA fine-tune of a LLaMA-family 70B on the 1.4 dataset, one A100 80GB, 2 d 7 h 51 min",
    quality="C", architecture="decoder-only transformer (LLaMA-family 70B, QLoRA 4-bit base + LoRA adapters)",
    paramsTotal=70_000_000_000, hardware="A100 80GB", devices=1, precision="4-bit base (QLoRA)",
    target=dict(metric=GPUH, value=2 * 24 + 7 + 51 / 60), source=AIRO,
    notes=AIRO_Q + "Target [D] = 48 + 7 + 51/60 = 55.85 A100-hours. Row count of the 1.4 dataset, epochs and LoRA rank not in the "
          "thread (null). Trainable parameters are only the adapters; paramsTotal is the nominal base size. Quality C."))

# ====================================================================== text: GPT-124M from scratch on consumer GPUs (samkeet, HF card, 2025)
A(C(id="samkeet-gpt-124m-fineweb-edu-10b-8xrtx4090-13h",
    name="GPT-124M (samkeet): GPT-2-architecture 124M model trained on fineweb-edu (10 billion tokens), 8x RTX 4090, 13 h",
    quality="B", architecture="decoder-only transformer (GPT-2 small layout: 12 layers, 12 heads, d=768, block 1024, vocab 50304)",
    paramsTotal=124_000_000, tokens=10_000_000_000, seqLen=1024, hardware="RTX 4090 (memory not stated)", devices=8,
    target=dict(metric=GPUH, value=8 * 13),
    source=("Hugging Face model card samkeet/GPT_124M (https://huggingface.co/samkeet/GPT_124M), section 'Training Configuration'; "
            "read as the search tool's stored rendered card page (no commit id shown)"),
    notes="Card: 'GPT-124M is a decoder-only transformer model based on OpenAI's GPT-2 architecture.' Training Configuration: 'Block "
          "Size: 1024', 'Vocabulary Size: 50304', 'Number of Layers: 12', 'Number of Attention Heads: 12', 'Embedding Size: 768', "
          "'Hardware: 8x NVIDIA RTX 4090 GPUs', 'Training Duration: 13 hours', 'Dataset: fineweb-edu (10 billion tokens)', 'Training "
          "Date: January 2025'. paramsTotal = the 124M of the model's name; tokens = the stated dataset size (one pass assumed; the "
          "card gives no epoch or step count). The card also lists 'Base Model: openai-community/gpt2' in its metadata, but the text "
          "describes training on fineweb-edu with the GPT-2 architecture; read as pre-training (see caveats). Target [D] = 8 x 13 = 104 "
          "GPU-hours. Quality B: every input stated, but parameters from the name and tokens from the dataset size."))

# ====================================================================== text: T-Few, L1, Caduceus, scGPT
A(C(id="t-few-pretraining-4xa100-80gb-half-week",
    name="T-Few: the repository's pre-training step on 4x A100 80GB, about half a week",
    quality="C", architecture="encoder-decoder transformer (T0 / T5 family with (IA)^3; size not in the thread)",
    hardware="A100 80GB", devices=4, target=dict(metric=GPUH, value=4 * 3.5 * 24),
    source=ISSUE("r-three/t-few", 24, "How long it will take for pretraining the model using A100(80G)?", "reply by HaokunLiu 2023-03-29"),
    notes="Title asks about pre-training 'using A100(80G)'. Reply: 'I roughly remember we rented a 4xA100 for half a week.' Target [D] = "
          "4 x 3.5 d x 24 = 336 A100-hours. Model size and data volume not in the thread. Recollection ('roughly remember'): expect "
          "+-30 %. Quality C."))
L1 = ISSUE("cmu-l3/l1", 17, "Training budgets", "author reply (Pranjal2041) 2025-05-06")
A(C(id="l1-exact-rl-8xh100-48h",
    name="L1-Exact: length-controlled RL training of a reasoning model, 8x H100, 48 h",
    quality="C", architecture="decoder-only transformer, RL fine-tune (size not stated by the authors in the thread)",
    hardware="H100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 48), source=L1,
    notes="Reply: 'We used 8 H100 GPUs for 48 hours for training L1-Exact and an additional 4 hours for L1-Max.' A later commenter "
          "(not an author) writes 'I assume these are the budgets for the 1.5B Exact and Max models?' - unanswered, so paramsTotal is "
          "null. Target [D] = 8 x 48 = 384 H100-hours. Quality C."))
A(C(id="l1-max-rl-continuation-8xh100-4h",
    name="L1-Max: further RL training on top of L1-Exact, 8x H100, an additional 4 h",
    quality="C", architecture="decoder-only transformer, RL fine-tune continuing from L1-Exact",
    hardware="H100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 4), source=L1,
    notes="Same reply: '... and an additional 4 hours for L1-Max.' Only the additional stage is the target: 8 x 4 = 32 H100-hours [D] "
          "(the 8 GPUs read from the same sentence). Quality C."))
A(C(id="caduceus-dna-pretrain-8xa100-7.5h",
    name="Caduceus: pre-training of the bidirectional Mamba DNA language model on 8 A100, roughly 7-8 h",
    quality="C", architecture="Caduceus (bi-directional, RC-equivariant Mamba DNA LM; size not in the thread)",
    hardware="A100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 7.5),
    source=ISSUE("kuleshov-group/caduceus", 42, "About pretrain GPUS", "maintainer replies (Skylion007 2024-06-23, yair-schiff 2024-06-28)"),
    notes="Skylion007: 'Max we ever used 8, most experiments were done on A6000 or other consumer experiments.' Follow-up question: "
          "'How long it took to pre-train the model using the 8 A100?' yair-schiff: 'Roughly 7-8 hours'. Target [D] = 8 x 7.5 (midpoint) "
          "= 60 A100-hours. DNA model counted as text (GENA-LM precedent). Quality C."))
A(C(id="scgpt-pretrain-10.3m-cells-6ep-4xa100-3d",
    name="scGPT: generative pre-training on 10.3 million single-cell profiles, 6 epochs, 4x A100, about 3 days",
    quality="C", architecture="scGPT transformer over gene/expression tokens (size not in the thread)",
    samples=10_300_000, epochs=6, hardware="A100 (memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 3 * 24),
    source=ISSUE("bowang-lab/scGPT", 5, "Pre-training cost", "maintainer (subercui) replies 2023-05-17"),
    notes="Reply: 'currently, we use four A100 GPUs to pretrain the model on 10.3 million cells. It takes about 3 days for the training of "
          "6 epochs.' and 'Yes, we train for 6 epochs by default for now.' Target [D] = 4 x 72 = 288 A100-hours. modality 'text' (a "
          "sequence model over gene tokens; the format has no omics value - stated in README 'Points added'). Parameters null. Quality C."))

# ====================================================================== multimodal: VL-BERT, AnyGPT, Liquid, DeepEyes, Open-o3-Video
VLB = ISSUE("jackroos/VL-BERT", 39, "how much computing resources do you spend to pretrain the model?", "maintainer (jackroos) reply 2020-07-05")
VLB_Q = ("Reply: 'It takes 2 days for VL-BERT_base and 5.5 days for VL-BERT_large on 16 Tesla V100 (16G) GPUs to conduct the "
         "pre-training. By the way, if you freeze the Fast RCNN, the speed would be much faster, it only takes about 30 hours on 4 Tesla "
         "V100 (16G) GPUs for VL-BERT_base.' ")
A(C(id="vl-bert-base-pretrain-16xv100-16gb-2d", name="VL-BERT-base visual-linguistic pre-training, 16x V100 16GB, 2 days",
    quality="C", modality="multimodal", architecture="VL-BERT base (BERT-base transformer + Fast R-CNN region features)",
    hardware="V100 16GB", devices=16, target=dict(metric=GPUH, value=16 * 2 * 24), source=VLB,
    notes=VLB_Q + "Target [D] = 16 x 48 = 768 V100-hours. Parameter count and data volume not in the thread. Quality C."))
A(C(id="vl-bert-large-pretrain-16xv100-16gb-5.5d", name="VL-BERT-large visual-linguistic pre-training, 16x V100 16GB, 5.5 days",
    quality="C", modality="multimodal", architecture="VL-BERT large (BERT-large transformer + Fast R-CNN region features)",
    hardware="V100 16GB", devices=16, target=dict(metric=GPUH, value=16 * 5.5 * 24), source=VLB,
    notes=VLB_Q + "Target [D] = 16 x 132 = 2,112 V100-hours. Quality C."))
A(C(id="vl-bert-base-pretrain-frozen-frcnn-4xv100-16gb-30h",
    name="VL-BERT-base pre-training with the Fast R-CNN frozen, 4x V100 16GB, about 30 h",
    quality="C", modality="multimodal", architecture="VL-BERT base with frozen Fast R-CNN detector",
    hardware="V100 16GB", devices=4, target=dict(metric=GPUH, value=4 * 30), source=VLB,
    notes=VLB_Q + "Target [D] = 4 x 30 = 120 V100-hours. Quality C."))
A(C(id="anygpt-pretrain-96xa100-80gb-81k-steps-1wk",
    name="AnyGPT: any-to-any multimodal LLM pre-training, 96x A100 80GB, 81k steps of 96 x 4,500 tokens x 8 accumulation, about one week",
    quality="C", modality="multimodal", architecture="decoder-only LLM over discrete text/speech/image/music tokens (size not in the thread)",
    tokens=96 * 4500 * 8 * 81_000, hardware="A100 80GB", devices=96, target=dict(metric=GPUH, value=96 * 7 * 24),
    source=ISSUE("OpenMOSS/AnyGPT", 4, "how many a100 it cost in training and if i want to train on v100 what is the number needed ?",
                 "maintainer (JunZhan2000) replies, quoted in a later comment 2024-07-18"),
    notes="Maintainer reply (quoted by gsq7474741): 'In the pre-training phase, we used 96 A100 GPUs, with 4500 tokens per gpu, set the "
          "gradient accumulation steps to 8, and trained for 81k steps. The training took about one week.' JunZhan2000 2024-04-07: '80G'. "
          "tokens [D] = 96 x 4,500 x 8 x 81,000 = 279.9B. Target [D] = 96 x 168 = 16,128 A100-hours. Parameter count not in the thread. "
          "Quality C."))
LIQ = ISSUE("FoundationVision/Liquid", 16, "how many gpus are used/needed to train these models?", "maintainer (wjf5203) reply 2025-04-22")
LIQ_Q = ("Reply: 'As for the released 7B model based on Gemma, we pretrain it for ~10 days on 64 A100 GPUs, and then finetune it on 16 "
         "A100 for 1 day.' paramsTotal = the nominal 7B of the reply. ")
A(C(id="liquid-7b-gemma-pretrain-64xa100-10d", name="Liquid 7B (Gemma-based unified image/text LLM) pre-training, 64x A100, ~10 days",
    quality="C", modality="multimodal", architecture="decoder-only LLM (Gemma-based 7B) with discrete image tokens",
    paramsTotal=7_000_000_000, hardware="A100 (memory not stated)", devices=64, target=dict(metric=GPUH, value=64 * 10 * 24), source=LIQ,
    notes=LIQ_Q + "Target [D] = 64 x 240 = 15,360 A100-hours. Token count not in the thread. Quality C."))
A(C(id="liquid-7b-finetune-16xa100-1d", name="Liquid 7B fine-tuning after pre-training, 16x A100, 1 day",
    quality="C", modality="multimodal", architecture="decoder-only LLM (Gemma-based 7B) with discrete image tokens",
    paramsTotal=7_000_000_000, hardware="A100 (memory not stated)", devices=16, target=dict(metric=GPUH, value=16 * 24), source=LIQ,
    notes=LIQ_Q + "Target [D] = 16 x 24 = 384 A100-hours. Quality C."))
A(C(id="deepeyes-7b-rl-32xh100-2d", name="DeepEyes 7B: agentic RL training of a 7B vision-language model, 32x H100, about 2 days",
    quality="C", modality="multimodal", architecture="vision-language model, 7B, RL (policy training only)",
    paramsTotal=7_000_000_000, hardware="H100 (memory not stated)", devices=32, target=dict(metric=GPUH, value=32 * 48),
    source=ISSUE("Visual-Agent/DeepEyes", 35, "The time needed to train the 7B model", "maintainer statements quoted in comments 2025-06-12"),
    notes="Comments by DaiBingquan quote the maintainers: '> We train our 7B model on 32 H100 GPUs for about 2 days.' and '> The 32 H100 "
          "GPUs (4 nodes) are just used for training. The GPU used for LLM judge is not included.' (the original replies are quoted, "
          "not shown directly). Target [D] = 32 x 48 = 1,536 H100-hours (LLM-judge GPUs excluded, as stated). Quality C."))
A(C(id="open-o3-video-sft-1ep-8xh100-7h", name="Open-o3-Video: supervised fine-tuning, one epoch on 8x H100, about 7 h",
    quality="C", modality="multimodal", architecture="video-language model, SFT (size not in the thread)",
    epochs=1, hardware="H100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 7),
    source=ISSUE("marinero4972/Open-o3-Video", 6, "Regarding the time required for fine-tuning...", "maintainer reply 2026-03-06"),
    notes="Reply: 'Our training is conducted on 8 H100 GPUs for SFT. It takes approximately 7 hours for one epoch.' The total epoch count "
          "of the published run is not stated, so the case is one epoch: 8 x 7 = 56 H100-hours [D]. Quality C."))

# ====================================================================== vision
SV = ISSUE("amazon-science/semi-vit", 1, "What are the hardware requirements and training time (e.g. GPU hours)?", "maintainer (zhaoweicai) reply 2023-01-07")
SV_Q = ("Reply (quoting the paper appendix): 'We run all experiments on V100 GPUs of 32G memory. For Semi-ViT Small/Base/Large/Huge, we "
        "use 8/8/16/32 GPUs for training 100/100/100/50 epochs, which takes about 19/31/61/115 hours.' Image count and resolution not in "
        "the thread. ")
for size, dev, ep, h in (("small", 8, 100, 19), ("base", 8, 100, 31), ("large", 16, 100, 61), ("huge", 32, 50, 115)):
    A(C(id=f"semi-vit-{size}-semisup-{ep}ep-{dev}xv100-32gb-{h}h",
        name=f"Semi-ViT-{size.capitalize()}: semi-supervised ViT training, {ep} epochs, {dev}x V100 32GB, about {h} h",
        quality="C", modality="vision", architecture=f"ViT-{size.capitalize()} (Semi-ViT, EMA-teacher pseudo-labelling)",
        epochs=ep, hardware="V100 32GB", devices=dev, target=dict(metric=GPUH, value=dev * h), source=SV,
        notes=SV_Q + f"Target [D] = {dev} x {h} = {dev * h:,} V100-hours. Quality C."))
A(C(id="vidar-nuscenes-50ep-24xa100-1.5d", name="ViDAR: visual point-cloud forecasting pre-training on nuScenes, 50 epochs, 24x A100, ~1.5 days",
    quality="C", modality="vision", architecture="ViDAR (BEV encoder + latent rendering; size not in the thread)",
    epochs=50, hardware="A100 (memory not stated)", devices=24, target=dict(metric=GPUH, value=24 * 36),
    source=ISSUE("OpenDriveLab/ViDAR", 2, "GPU HOURS", "maintainer (tomztyang) reply 2024-02-07"),
    notes="Reply: 'We use 24 A100 GPUs and train it for ~1.5 days on nuScenes for 50 epochs.' Target [D] = 24 x 36 = 864 A100-hours. "
          "Quality C."))
DS = ISSUE("cvg/depthsplat", 60, "关于训练时间 (about training time)", "maintainer (haofeixu) reply 2025-03-28")
DS_Q = ("Question quotes the paper: 'For experiments on the 256 x 256 RealEstate10K dataset, we train our model on 8 GH200 GPUs for 150K "
        "iterations with a total batch size of 32, which takes about 20 hours' and asks whether that is for ViT-S, -B and -L together. "
        "Reply (Chinese): '是一个模型。我们的small model可以在4x GH200一天训练完，large model两天。' = 'It is one model. Our small model can be "
        "trained on 4x GH200 in one day, the large model in two days.' ")
A(C(id="depthsplat-re10k-256-150k-it-bs32-8xgh200-20h",
    name="DepthSplat on RealEstate10K 256x256: 150K iterations, batch 32, 8x GH200, ~20 h (one model)",
    quality="C", modality="vision", architecture="DepthSplat (Gaussian splatting + multi-view depth, ViT backbone; size not stated)",
    samples=150_000 * 32, resolution=256, hardware="GH200 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 20), source=DS,
    notes=DS_Q + "samples [D] = 150,000 x 32 = 4.8M training samples seen (epochs null). Target [D] = 8 x 20 = 160 GH200-hours. Quality C "
          "(architecture size not named in the paper sentence)."))
A(C(id="depthsplat-small-4xgh200-1d", name="DepthSplat small model, 4x GH200, one day",
    quality="C", modality="vision", architecture="DepthSplat small (ViT-S backbone per the question's naming)",
    hardware="GH200 (memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 24), source=DS,
    notes=DS_Q + "Target [D] = 4 x 24 = 96 GH200-hours. Quality C."))
A(C(id="depthsplat-large-4xgh200-2d", name="DepthSplat large model, 4x GH200 (read from the same sentence), two days",
    quality="C", modality="vision", architecture="DepthSplat large (ViT-L backbone per the question's naming)",
    hardware="GH200 (memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 48), source=DS,
    notes=DS_Q + "'large model两天' has no device count of its own; the 4x GH200 of the same sentence is carried over. Target [D] = 4 x 48 "
          "= 192 GH200-hours. Quality C."))
A(C(id="spts-text-spotting-pretrain-10xa100-4d-bs40",
    name="SPTS (single-point text spotting) pre-training, 10x A100 with AMP, total batch 40, ~4 days",
    quality="C", modality="vision", architecture="SPTS (CNN encoder + Transformer decoder; size not in the thread)",
    hardware="A100 (memory not stated)", devices=10, precision="automatic mixed precision (torch.amp)",
    target=dict(metric=GPUH, value=10 * 4 * 24),
    source=ISSUE("shannanyinxiang/SPTS", 13, "pretrain time", "maintainer reply 2023-06-11"),
    notes="Reply: 'The pretraining using 10 A100s takes approximately 4 days with automatic mixed precision (torch.amp). The total batch "
          "size is 40, i.e., the batch size of each A100 is 4.' Target [D] = 10 x 96 = 960 A100-hours. Quality C."))
A(C(id="gpstoken-image-tokenizer-1m-it-8xa100-7d", name="GPSToken image tokenizer, 1M iterations, 8x A100, about 7 days",
    quality="C", modality="vision", architecture="GPSToken (Gaussian-parameterised image tokenizer; size not in the thread)",
    hardware="A100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 7 * 24),
    source=ISSUE("xtudbxk/GPSToken", 4, "How long does it take to train a tokenizer on 8 A100-like GPUs?", "maintainer reply 2026-04-03"),
    notes="Question: 'how long does it take to train a tokenizer for 1M iters?' Reply: 'It takes me about 7 days on 8 A100 gpus.' Target "
          "[D] = 8 x 168 = 1,344 A100-hours. Batch size not in the thread. Quality C."))
A(C(id="ewgs-resnet18-imagenet-quantised-4xrtx2080ti-60h", name="EWGS: quantisation-aware training of ResNet-18 on ImageNet, 4x RTX 2080 Ti, ~60 h",
    quality="C", modality="vision", architecture="ResNet-18 (low-bit quantised, EWGS)",
    hardware="RTX 2080 Ti (memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 60),
    source=ISSUE("cvlab-yonsei/EWGS", 3, "training time on ImageNet", "maintainer (junghyup-lee) reply 2021-11-18"),
    notes="Reply: 'Using 4 GPUs (RTX 2080ti), training ResNet-18 on ImageNet roughly takes 60 hours.' Target [D] = 4 x 60 = 240 GPU-hours. "
          "Epochs, image count and resolution not in the thread. Quality C."))
A(C(id="cda-generator-imagenet-1.2m-1ep-4xv100-24h", name="CDA: adversarial perturbation generator trained one epoch on ImageNet train (1.2M images), 4x V100, ~24 h",
    quality="C", modality="vision", architecture="CDA perturbation generator (against a frozen ImageNet classifier; sizes not in the thread)",
    samples=1_200_000, epochs=1, hardware="V100 (stated 'Telsa V100'; memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 24),
    source=ISSUE("Muzammal-Naseer/CDA", 7, "Training time?", "maintainer reply 2021-02-22"),
    notes="Reply: 'We used 4GPUS (Telsa V100) and it took around 24 hours. Remember, we trained generators on ImageNet training set "
          "(1.2Million images) only for one epoch.' Target [D] = 4 x 24 = 96 V100-hours. Quality C (samples x epochs stated, no "
          "architecture size or resolution)."))
A(C(id="beyond-image-to-depth-300ep-4xgtx1080ti-150h", name="Beyond Image to Depth (audio-visual depth estimation), 300 epochs, 4x GTX 1080 Ti, ~150 h",
    quality="C", modality="multimodal", architecture="audio-visual depth network (echo + RGB; size not in the thread)",
    epochs=300, hardware="GTX 1080 Ti (memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 150),
    source=ISSUE("krantiparida/beyond-image-to-depth", 5, "How long does it take for 300 epochs to complete training?", "maintainer reply 2021-06-29"),
    notes="Reply: 'For 300 epochs it took a long time for training around 150 hours with 4 NVIDIA 1080 Ti gpus.' Target [D] = 4 x 150 = "
          "600 GPU-hours. Quality C."))
A(C(id="pix2gestalt-sd-finetune-5ep-8xa100-10h", name="pix2gestalt: amodal-completion diffusion fine-tune, 5 epochs x ~2 h, 8x A100",
    quality="C", modality="vision", architecture="latent diffusion (Stable Diffusion-based image-conditioned model; size not in the thread)",
    epochs=5, hardware="A100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 5 * 2),
    source=ISSUE("cvlab-columbia/pix2gestalt", 10, "How long does it take to train each epoch?", "maintainer (egeozguroglu) reply 2024-05-27"),
    notes="Reply: 'Our default checkpoint is trained for 5 epochs on 8 A100 GPUs. One epoch takes around 2 hours.' Target [D] = 8 x 5 x 2 "
          "= 80 A100-hours. Quality C."))
A(C(id="dynamicrouting-scratch-560k-it-4xrtx2080ti-6d", name="Dynamic Routing (semantic segmentation) trained from scratch for 560K iterations, 4x RTX 2080 Ti, ~6 days",
    quality="C", modality="vision", architecture="Dynamic Routing network, 16 layers (Layer16)",
    hardware="RTX 2080 Ti (memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 6 * 24),
    source=ISSUE("Megvii-BaseDetection/DynamicRouting", 2, "Question for computing power demand", "maintainer (yanwei-li) reply 2020-04-21"),
    notes="Reply: 'We use 4*2080Ti (2 image/GPU) for training. Layer16 Training from scratch (190K) and ImageNet pre-training (190K) cost: "
          "within 2 days. Training from scratch (560K): about 6 days.' The 560K-iteration run is the case: 4 x 144 = 576 GPU-hours [D]; "
          "images seen [D] would be 560,000 x 8 = 4.48M but are left in the notes only. Quality C."))
A(C(id="urie-image-enhancer-imagenet-8xrtx2080ti-3.5d", name="URIE (universal image enhancement for recognition) on ImageNet, 8x RTX 2080 Ti, 3-4 days",
    quality="C", modality="vision", architecture="URIE enhancer in front of a ResNet classifier (sizes not in the thread)",
    hardware="RTX 2080 Ti (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 3.5 * 24),
    source=ISSUE("taeyoungson/urie", 3, "How long does it take to train?", "maintainer reply 2020-11-10"),
    notes="Question reports 6 h per epoch on 4x 1080Ti for the ImageNet/ResNet18 experiment. Reply: 'In my case, I used 8 RTX2080Ti "
          "machines and it took about 3-4 days for training.' Read as 8 GPUs ('machines' taken as cards). Target [D] = 8 x 3.5 x 24 = 672 "
          "GPU-hours. Quality C."))
A(C(id="instagen-sd-finetune-8xa100-80gb-6h", name="InstaGen: fine-tuning Stable Diffusion for instance-level synthetic detection data, 8x A100 80GB, ~6 h",
    quality="C", modality="vision", architecture="Stable Diffusion (latent diffusion U-Net) + instance grounding head",
    hardware="A100 80GB", devices=8, target=dict(metric=GPUH, value=8 * 6),
    source=ISSUE("fcjian/InstaGen", 6, "Regarding training setup and GPU hours", "maintainer (fcjian) replies 2024-07-07 / 2024-07-18"),
    notes="Replies: 'We fine-tune Stable Diffusion on 8 A100, which takes approximately 6 hours.' and 'We use single machine with 8 "
          "A100-80G.' Target [D] = 8 x 6 = 48 A100-hours. Quality C."))
A(C(id="tpdm-sd3-1000-steps-8xh800-3h", name="TPDM (time-prediction diffusion model) on Stable Diffusion 3, 1,000 steps, 8x H800, ~3 h",
    quality="C", modality="vision", architecture="Stable Diffusion 3 with a time-prediction module (RL-trained)",
    hardware="H800 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 3),
    source=ISSUE("maple-research-lab/TPDM", 2, "Inquiry about GPU usage and training time", "maintainer reply 2025-06-20"),
    notes="Reply: 'We used 8 H800s and trained 1000 steps for about 3 hours in the Stable Diffusion 3 setting.' Target [D] = 8 x 3 = 24 "
          "H800-hours. Quality C."))
A(C(id="tttlrm-3-stage-64xa100-80gb-1wk", name="tttLRM: three-stage training of a test-time-training large reconstruction model, 64x A100 80GB, about a week",
    quality="C", modality="vision", architecture="large reconstruction model with test-time-training layers (size not in the thread)",
    hardware="A100 80GB", devices=64, target=dict(metric=GPUH, value=64 * 7 * 24),
    source=ISSUE("cwchenwang/tttLRM", 7, "How long did the entire model training process take?", "maintainer reply 2026-03-08"),
    notes="Question quotes 'Our models are trained on 64 Nvidia A100 80GB GPUs'. Reply: 'I didn't remember the exact time ... roughly the "
          "three stages in total should be around a week. The first stage took about 3 days and last two stages should be around 1/2 "
          "days.' Target [D] = 64 x 168 = 10,752 A100-hours (the 'around a week' total; the stage split does not sum exactly, see also). "
          "Quality C.",
    also=[dict(metric=GPUH, value=64 * (3 + 2) * 24)]))

# ====================================================================== speech
A(C(id="naturalspeech-repro-100k-it-8xp40-3d", name="NaturalSpeech (unofficial reproduction), non-soft-DTW version, 100k iterations (~1k epochs), batch 16, 8x P40, ~3 days",
    quality="C", modality="speech", architecture="NaturalSpeech end-to-end TTS (VAE + flow + duration; paper hyperparameters)",
    epochs=1000, hardware="Tesla P40 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 3 * 24),
    source=ISSUE("heatz123/naturalspeech", 6, "How many time cost ?", "maintainer (heatz123) reply 2023-02-09"),
    notes="Reply: 'It took for me about 3 days for 100k iterations (~1k epochs), using batch size 16 with an 8 p40 GPU cluster, for the "
          "non-sdtw version.' Target [D] = 8 x 72 = 576 P40-hours. Dataset size not in the thread. Quality C."))
A(C(id="mozilla-deepspeech-librivox-16xtitanx-pascal-2d", name="Mozilla DeepSpeech trained on LibriVox/LibriSpeech, 16 Titan X (Pascal) in two nodes, ~2 days",
    quality="C", modality="speech", architecture="DeepSpeech (RNN acoustic model + CTC)",
    hardware="Titan X Pascal (memory not stated)", devices=16, target=dict(metric=GPUH, value=16 * 48),
    source=ISSUE("mozilla/DeepSpeech", 626, "Training time on Librivox Data Set", "maintainer (kdavis-mozilla) reply 2017-06-07"),
    notes="Reply: 'Just for approximate reference, we trained librivox on 16 Titan X's Pascal's in a two node cluster in about 2 days.' "
          "Target [D] = 16 x 48 = 768 GPU-hours. Epochs and hours of audio not in the thread. Quality C."))
# ====================================================================== description
DESCRIPTION = ("Twentieth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..19 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
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
    "set": "footprint-heldout-20",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
