"""Builds footprint-heldout-8 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x hours, devices x days x 24, minutes / 60, steps x batch, TPU v4 TensorCores / 2 = chips, V100-days x 24 / 2.2
= the A100-hours behind the LDM paper's V100-day figures). Nothing is fitted and the Green ML Review estimator was never
run on these cases. Run: python3 make_cases.py
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


def v4_chips(cores):
    """TPU v4 slices are named by TensorCores (v4-128 = 64 chips); 2 TensorCores per chip."""
    assert cores % 2 == 0
    return cores // 2


cases = []
A = cases.append

# ====================================================================== vision: self-supervised pre-training (I-JEPA)
IJ_Q14 = ("Meta AI publication page (CVPR 2023 version of the abstract): 'Empirically, when combined with Vision Transformers, we find "
          "I-JEPA to be highly scalable. For instance, we train a ViT-Huge/14 on ImageNet using 16 A100 GPUs in under 72 hours to "
          "achieve strong downstream performance across a wide range of tasks'. ")
A(C(id="i-jepa-vit-h14-16xa100", name="I-JEPA ViT-Huge/14 self-supervised pre-training on ImageNet, 16 A100, under 72 h",
    quality="B", modality="vision", architecture="vit (ViT-H/14 context encoder + EMA target encoder + narrow ViT predictor)",
    paramsTotal=632e6, samples=None, epochs=None, resolution=224,
    hardware="A100 (memory not stated)", devices=16, precision=None,
    target=dict(metric="gpuHours", value=16 * 72),
    source=("Assran et al. 2023, 'Self-Supervised Learning from Images with a Joint-Embedding Predictive Architecture' (I-JEPA, CVPR "
            "2023, arXiv 2301.08243) — abstract as published on https://ai.meta.com/research/publications/self-supervised-learning-"
            "from-images-with-a-joint-embedding-predictive-architecture/ (stored page)"),
    notes=(IJ_Q14 + "Target [D] = 16 x 72 h = 1,152 A100-hours, an UPPER BOUND ('under 72 hours'). Parameters [R]: 632M for the "
           "ViT-H/14 context encoder is from a secondary wiki page (mishig-jepawiki, 'ViT-Huge/14 (632M parameters)'); the EMA target "
           "encoder (same size, forward only) and the predictor are not counted. 'ImageNet' = ImageNet-1k (1.28M images) per the paper; "
           "the number of epochs is not in the lines read, so samples/epochs are null. Resolution 224 is the /14 model's standard input "
           "[R]. Quality B: bound + secondary size + no epochs.")))
A(C(id="i-jepa-vit-h16-32xa100", name="I-JEPA ViT-Huge/16 on ImageNet (arXiv v1 abstract), 32 A100, under 38 h",
    quality="B", modality="vision", architecture="vit (ViT-H/16 context encoder + EMA target encoder + narrow ViT predictor)",
    paramsTotal=632e6, resolution=224, hardware="A100 (memory not stated)", devices=32,
    target=dict(metric="gpuHours", value=32 * 38),
    source=("Assran et al. 2023, I-JEPA, arXiv 2301.08243 v1 abstract — stored copies at ml-quant.com and deep.ai (publication "
            "listing pages)"),
    notes=("arXiv v1 abstract: 'For instance, we train a ViT-Huge/16 on ImageNet using 32 A100 GPUs in under 38 hours to achieve strong "
           "downstream performance across a wide range of tasks requiring various levels of abstraction'. Target [D] = 32 x 38 h = "
           "1,216 A100-hours, an UPPER BOUND. This is the earlier (v1) run; the CVPR version (i-jepa-vit-h14-16xa100) reports a "
           "ViT-H/14 on 16 A100 in under 72 h instead. Parameters [R] ~632M (ViT-H, secondary), epochs not stated in the abstract. "
           "Quality B.")))

# ====================================================================== multimodal: video/image-text pre-training on consumer GPUs
A(C(id="perceiver-vl-4xrtx2080ti", name="Perceiver-VL joint video-text + image-text pre-training (CC3M + WebVid2.5M), 200k steps x 4096, 4 RTX 2080 Ti, 14 days",
    quality="B", modality="multimodal", architecture="perceiver (iterative latent cross-attention, 12 self-attention layers, hidden 768)",
    paramsTotal=None, samples=200e3 * 4096, epochs=1, hardware="RTX 2080 Ti 11GB (consumer)", devices=4,
    target=dict(metric="gpuHours", value=days(4, 14)),
    source=("Tang, Cho, Lei & Bansal 2023, 'Perceiver-VL: Efficient Vision-and-Language Modeling with Iterative Latent Attention' "
            "(WACV 2023) — paper text copy in the file index (id 53689982215; the index does not name the repository), §4.3"),
    notes=("§4.3 Training Details: 'We use Adam optimizer with a learning rate 1e-5 and weight decay 0.001. We set 200k training steps "
           "for joint Video-Text & Image-Text pretraining. We use the batch size of 4096 with gradient accumulation on 4 RTX 2080Ti "
           "GPUs for 14 days.' Datasets: 'Conceptual Captions (CC) [64], which consists of 3M image-text pairs ... Webvid [4], which "
           "consists of 2.5M video-text pairs'. §5.2.1: 'All three models have 12 self-attention layers with hidden size 768.' "
           "Target [D] = 4 x 14 d x 24 = 1,344 GPU-hours. samples = 200k steps x 4096 = 819.2M pairs (epochs = 1, footprint-2 "
           "convention; videos count as one sample each). The parameter count is NOT stated (a ViT-B/32-sized encoder plus cross-"
           "attention; left null). Pre-training frame count / size not stated in the lines read (fine-tuning uses 384x384). Quality B.")))

# ====================================================================== multimodal: robot policies (VLA)
A(C(id="openvla-7b-64xa100", name="OpenVLA 7B vision-language-action model, 27 epochs on 970k robot episodes, batch 2048, 64 A100, 14 days",
    quality="B", modality="multimodal", architecture="dense (Llama 2 7B + fused DINOv2/SigLIP vision encoder, full fine-tune)",
    paramsTotal=7e9, epochs=27, hardware="A100 (memory not stated)", devices=64, precision="bf16",
    target=dict(metric="gpuHours", value=21500), also=[dict(metric="gpuHours", value=days(64, 14))],
    source=("Kim et al. 2024, 'OpenVLA: An Open-Source Vision-Language-Action Model' (arXiv 2406.09246) — §3.5 quoted sentence by "
            "sentence in a bilingual reading copy (file index id 68602546815) and in reading notes (ids 267190775, 14812579399, "
            "58979804180)"),
    notes=("§3.5: 'The final OpenVLA model is trained on a cluster of 64 A100 GPUs for 14 days, or a total of 21,500 A100-hours, using "
           "a batch size of 2048.' Training epochs: 'Our final training run completes 27 epochs through its training dataset.' Size/data "
           "(reading note 58979804180): '7B; Llama-2 + fused DINOv2/SigLIP; trained on 970k OXE episodes'. Target = the stated 21,500 "
           "A100-hours (64 x 14 x 24 = 21,504 in `also`). Samples per epoch are robot TIMESTEPS (image + instruction -> 7 action "
           "tokens), not the 970k episodes, and their number is not stated: samples null. bf16 is the paper's inference precision; "
           "training precision [R]. Quality B (data amount only as epochs).")))
OCTO_Q = ("Paper §III-D (extracted body sentences, file index id 59086483710): 'The ViT-B was trained for 300k steps with a batch size of "
          "2048 using a TPU v4-128 pod, which took 14 hours.' Sizes (paper, quoted in reading notes ids 53159997332 / 66415456409): "
          "'Octo-Small | 27M | ViT-S', 'Octo-Base | 93M | ViT-B'. ")
A(C(id="octo-base-93m-tpuv4-128", name="Octo-Base (93M) generalist robot policy, 300k steps x 2048 on a TPU v4-128 pod, 14 h",
    quality="A", modality="multimodal", architecture="transformer (ViT-B-scale, diffusion action head, frozen T5-base language encoder)",
    paramsTotal=93e6, samples=300e3 * 2048, epochs=1, hardware="TPU v4", devices=v4_chips(128),
    target=dict(metric="gpuHours", value=v4_chips(128) * 14),
    source=("Octo Model Team (Ghosh et al.) 2024, 'Octo: An Open-Source Generalist Robot Policy' (RSS 2024, arXiv 2405.12213) — body "
            "sentences extracted in a reading copy (file index id 59086483710)"),
    notes=(OCTO_Q + "A TPU v4-128 slice has 128 TensorCores = 64 chips, so target [D] = 64 chips x 14 h = 896 TPU v4 chip-hours. samples = "
           "300k x 2048 = 614.4M (windows of 2 observation frames; epochs = 1, footprint-2 convention). Data: ~800k trajectories from 25 "
           "Open X-Embodiment datasets (reading note). The frozen T5-base text encoder is not in the 93M [R]. Quality A: time, steps x "
           "batch and size stated.")))

# ====================================================================== vision: segmentation (light adapter on a frozen SAM)
A(C(id="hq-sam-vitl-8xrtx3090", name="HQ-SAM (5.1M trainable on a frozen SAM ViT-L) on HQSeg-44K, 8 RTX 3090, 4 h",
    quality="B", modality="vision", architecture="vit (frozen SAM + HQ output token and global-local fusion, 5.1M trainable)",
    paramsTotal=None, samples=44e3, epochs=None, hardware="RTX 3090 24GB (consumer)", devices=8,
    target=dict(metric="gpuHours", value=8 * 4),
    source=("Ke et al. 2023, 'Segment Anything in High Quality' (HQ-SAM, NeurIPS 2023, arXiv 2306.01567) — paper text copy in the file "
            "index (id 63569958192), Introduction"),
    notes=("Introduction: 'we compose a new dataset, called HQSeg-44K, which contains 44K extremely fine-grained image mask annotations ... "
           "Thanks to the smaller-scale dataset and our minimal integrated architecture, HQ-SAM can be trained in only 4 hours on 8 RTX "
           "3090 GPUs.' Trainable size (secondary review note, id 69258208821): '5.1 M trainable parameters on a frozen SAM, four hours "
           "on 8 RTX 3090'. Target [D] = 8 x 4 h = 32 GPU-hours. The frozen SAM backbone (ViT-L in the quoted comparisons) runs forward "
           "on every image; its size is not stated in the lines read, so paramsTotal is null (5.1M trainable). Epochs not in the lines "
           "read. Quality B.")))

# ====================================================================== science: protein language model
A(C(id="protgpt2-738m-128xa100", name="ProtGPT2 (738M GPT-2-style protein LM) on UniRef50, 128 A100, 4 days",
    quality="B", modality="text", architecture="dense (decoder-only GPT-2, 36 layers, d=1280; protein sequences)",
    paramsTotal=738e6, samples=44.9e6, epochs=None, seqLen=None, hardware="A100 (memory not stated)", devices=128,
    target=dict(metric="gpuHours", value=days(128, 4)),
    source=("Ferruz, Schmidt & Höcker 2022, 'ProtGPT2 is a deep unsupervised language model for protein design' (Nature "
            "Communications 13:4348) — as summarised in NVIDIA's BioNeMo ProtGPT2 model card (file index id 3705215693) and the "
            "nferruz/ProtGPT2 model card (copies ids 29712793953, 29171966642)"),
    notes=("BioNeMo card: 'ProtGPT2 was trained on the UniRef50 database (version 2021_04), containing 48 million protein sequences ... "
           "For the main model, 65,536 tokens were used, resulting in a global batch size of 1024. The model trained on 128 NVIDIA A100s "
           "in 4 days.' HF card: 'ProtGPT2 is based on the GPT2 Transformer architecture and contains 36 layers with a model "
           "dimensionality of 1280, totalling 738 million parameters.' Training split (secondary summary, id 16963063580): 'trained on "
           "44.9 million sequences, with an additional 4.9 million held out'. Target [D] = 128 x 4 d x 24 = 12,288 A100-hours. 65,536 "
           "tokens / 1024 sequences = 64 tokens per sequence on average per batch slot — the card's wording is ambiguous (the HF card's block size of 512 [R] does not multiply out to "
           "65,536 x 1024), so seqLen is left null. Epochs / steps not stated in the lines read: tokens null. Quality B.")))

# ====================================================================== diffusion: latent diffusion models (LDM paper, Table 18)
LDM = ("Rombach, Blattmann, Lorenz, Esser & Ommer 2022, 'High-Resolution Image Synthesis with Latent Diffusion Models' (CVPR 2022, "
       "arXiv 2112.10752) — Appendix E.2 hyperparameter tables and Appendix F / Table 18 'Computational Requirements', in a markdown "
       "copy of the paper (file index id 56682881803); Table 18 caption re-read in a PDF-text copy (id 31266612039)")
LDM_Q = ("Table 18 caption: 'Comparing compute requirements during training and inference throughput with state-of-the-art generative "
         "models. Compute during training in V100-days ...; Throughput measured in samples/sec on a single NVIDIA A100'. The paper's "
         "appendix states that A100-days were converted to V100-days 'assuming a x2.2 speedup of A100 vs V100' (quoted in reading notes "
         "ids 68749141131 / 70921919407). ")


def ldm(id, name, vdays, params, batch, iters, arch, row, hp, extra=""):
    A(C(id=id, name=name, quality="B", modality="diffusion", architecture=arch, paramsTotal=params,
        samples=batch * iters, epochs=1, resolution=256, hardware="A100 (memory not stated)", devices=None,
        target=dict(metric="gpuHours", value=vdays * 24 / 2.2), also=[dict(metric="gpuHours", value=vdays * 24)],
        source=LDM,
        notes=(LDM_Q + "Table 18 row: " + row + " E.2 hyperparameters: " + hp + " Target [D] = %s V100-days x 24 / 2.2 = %.1f A100-hours "
               "(undoing the authors' stated conversion; the V100-equivalent %s V100-hours are in `also`). samples = batch x iterations "
               "(epochs = 1, footprint-2 convention); resolution 256x256 images (the diffusion model runs in the autoencoder's latent "
               "space; the autoencoder's own training is not included). Device count per model not stated in the lines read "
               "(devices null). Quality B: converted time unit, no device count. " % (vdays, vdays * 24 / 2.2, vdays * 24) + extra)))


ldm("ldm-4-g-imagenet256", "LDM-4 class-conditional ImageNet 256x256 (400M), 178K iterations x batch 1200 (271 V100-days)",
    271, 400e6, 1200, 178e3, "unet (latent diffusion, f=4, class-conditional via cross-attention)",
    "'ImageNet 256^2 ... LDM-4-G (ours, c.f.g. s=1.5) | 271 | 271 | 0.4 | 400M | 3.60' (generator compute | overall compute | "
    "throughput | N_params | FID).",
    "Conditional LDMs table, Class-Label / ImageNet column: 'Model Size 395M ... Batch Size 1200 ... Iterations 178K'.",
    "Size: Table 18 says 400M, Table E.2 395M; 400M used.")
ldm("ldm-4-celebahq256", "LDM-4 unconditional CelebA-HQ 256x256 (274M), 410k iterations x batch 48 (14.4 V100-days)",
    14.4, 274e6, 48, 410e3, "unet (latent diffusion, f=4, unconditional)",
    "'CelebA-HQ 256^2 ... LDM-4 (ours) | 14.4 | 14.4 | 0.43 | 274M | 5.11'.",
    "Unconditional LDMs table, CelebA-HQ column: 'f 4 ... N_params 274M ... Batch Size 48 ... Iterations 410k'.")
ldm("ldm-4-ffhq256", "LDM-4 unconditional FFHQ 256x256 (274M), 635k iterations x batch 42 (26 V100-days)",
    26, 274e6, 42, 635e3, "unet (latent diffusion, f=4, unconditional)",
    "'FFHQ 256^2 ... LDM-4 (ours) | 26 | 26 | 1.07 | 274M | 4.98'.",
    "Unconditional LDMs table, FFHQ column: 'N_params 274M ... Batch Size 42 ... Iterations 635k'.")
ldm("ldm-8-lsun-churches256", "LDM-8 unconditional LSUN-Churches 256x256, 500k iterations x batch 96 (18 V100-days)",
    18, 256e6, 96, 500e3, "unet (latent diffusion, f=8, unconditional)",
    "'LSUN Churches 256^2 ... LDM-8 (ours) | 18 | 18 | 6.80 | 256M | 4.02'.",
    "Unconditional LDMs table, LSUN-Churches column: 'f 8 ... N_params 294M ... Batch Size 96 ... Iterations 500k'.",
    "Size: Table 18 says 256M, Table E.2 294M (the paper disagrees with itself); 256M used.")

A(C(id="adm-imagenet256-v100", name="ADM (ablated diffusion model, 554M) unconditional ImageNet 256x256, 1,980K iterations, 916 V100-days",
    quality="B", modality="diffusion", architecture="unet (pixel-space diffusion, ADM)", paramsTotal=554e6,
    samples=1980e3 * 256, epochs=1, resolution=256, hardware="V100 (memory not stated)", devices=None,
    target=dict(metric="gpuHours", value=916 * 24),
    source=("Dhariwal & Nichol 2021, 'Diffusion Models Beat GANs on Image Synthesis' (NeurIPS 2021, arXiv 2105.05233), Table 10 — the "
            "916 V100-days / 554M row as reproduced in LDM Table 18 (file index id 56682881803); iterations from a reading note on the "
            "ADM paper's Table 10 (id 55199691357)"),
    notes=("LDM Table 18 (numbers of competing methods 'taken from [15]' = the ADM paper): 'ImageNet 256^2 ... ADM (250 steps) | 916 | 916 "
           "| 0.12 | 554M | 10.94' and 'ADM-G (250 steps) | 916 | 962 | 0.07 | 608M | 4.59'. Reading note on ADM Table 10 (V100-days): "
           "'256^2 ADM-G (1980K) = 916 + 46 = 962' (generator + classifier). Target [D] = 916 V100-days x 24 = 21,984 V100-hours for "
           "the 554M diffusion model alone (the 46 V100-days of the noisy-image classifier of ADM-G are excluded). samples = 1,980K "
           "iterations x batch 256 [R: the ADM paper's ImageNet batch size, not re-read] (epochs = 1). ADM's own runs are on V100s "
           "(no conversion). Device count not stated. Quality B: secondary copies + recalled batch size.")))

# ====================================================================== vision: supervised ImageNet classification (fast recipes)
FFCV = ("MadryLab/ffcv repository, examples/imagenet/README.md ('ffcv ImageNet Training', Leclerc et al. 2022/2023; file index copy id "
        "6209906097 — the older MadryLab/ffcv table, not the libffcv/ffcv-imagenet table used for the excluded ResNet-18 rows)")
FFCV_Q = ("README: 'Progressive resizing from 160px to 196px', 'SGD optimizer with momentum', 'Label smoothing', 'Cyclic learning rate "
          "schedule'; system: 'We trained on p4.24xlarge ec2 instances and on our own cluster machines (9 A100s / 504GB RAM / 48 cores).' ")
for ep, mins, top1 in ((88, 69.9, 0.780), (40, 32.2, 0.763), (16, 13.4, 0.724)):
    A(C(id="ffcv-resnet50-%dep-8xa100" % ep, name="ResNet-50 on ImageNet-1k, %d epochs (FFCV recipe), 8x A100, %.1f min" % (ep, mins),
        quality="B", modality="vision", architecture="cnn (resnet-50)", paramsTotal=25557032, samples=1281167, epochs=ep,
        resolution="160->196 px progressive (train)", hardware="A100 (memory not stated; p4d-class 8-GPU machines)", devices=8,
        target=dict(metric="gpuHours", value=8 * mins / 60), source=FFCV,
        notes=(FFCV_Q + "Configuration table row: 'rn50_%d_epochs.yaml | %.3f | ... | %d | %s | ResNet-50 | 8 x A100' (top-1, top-5, # "
               "Epochs, Time (mins), Architecture, Setup). Target [D] = 8 x %.1f min / 60 = %.3f A100-hours. Parameters [R]: the "
               "standard torchvision ResNet-50 (25,557,032), not stated in the README; samples = the 1,281,167 ImageNet-1k training "
               "images [R]. Wall-clock of the training loop as tabulated (dataset writing excluded). Quality B: size and data count "
               "are the architecture's / dataset's standard values, not stated." % (ep, top1, ep, mins, mins, 8 * mins / 60))))

# ====================================================================== speech: OWSM v3.1 (open Whisper-style ASR/ST models, ESPnet)
OWSM = ("Peng et al. 2024, 'OWSM v3.1: Better and Faster Open Whisper-Style Speech Models based on E-Branchformer' (Interspeech 2024, "
        "arXiv 2401.16658v3) — PDF-text copy in the file index (id 61191767786), §2.1-2.3 and Table 1")
OWSM_Q = ("§2.3: 'The batch size is 256. Our base, small, and medium models are trained for approximately 3 entire passes of the 180K "
          "hours of data using 16, 16, and 64 NVIDIA A100 GPUs (40GB), respectively. The low-restriction model follows the setup of OWSM "
          "v3.1 small, but uses only 70K hours of data. Table 1 shows the estimated GPU hours, assuming a stable GPU cluster.' §2.1: 'We "
          "provide three variants ... base (101M), small (367M), and medium (1.02B).' Table 1 (text extraction): 'Data (h) 680K 180K 180K "
          "70K ... GPU hours unknown 30.7K 2.3K 3.2K 24.6K 3.2K' (columns Whisper | OWSM v3 medium | OWSM v3.1 base, small, medium | "
          "v3.1 small LR). ")
for cid, nm, params, dev, gh, hours, q, extra in (
        ("owsm-v3.1-base-16xa100", "OWSM v3.1 base (101M E-Branchformer AED), ~3 passes over 180K h of speech, 16 A100-40GB, 2.3K GPU-hours",
         101e6, 16, 2300, "180K", "A", ""),
        ("owsm-v3.1-small-16xa100", "OWSM v3.1 small (367M), ~3 passes over 180K h, 16 A100-40GB, 3.2K GPU-hours",
         367e6, 16, 3200, "180K", "A", ""),
        ("owsm-v3.1-medium-64xa100", "OWSM v3.1 medium (1.02B), ~3 passes over 180K h, 64 A100-40GB, 24.6K GPU-hours",
         1.02e9, 64, 24600, "180K", "A", ""),
        ("owsm-v3.1-small-lr-16xa100", "OWSM v3.1 small low-restriction (367M), 70K h of ASR data, 16 A100-40GB, 3.2K GPU-hours",
         367e6, 16, 3200, "70K", "B",
         " The LR model 'follows the setup of OWSM v3.1 small' (16 GPUs, ~3 passes implied, not stated for it explicitly); its 3.2K "
         "GPU-hours equal the full-data small model's although it sees 70K instead of 180K hours — as printed. Quality B.")):
    A(C(id=cid, name=nm, quality=q, modality="speech",
        architecture="encoder-decoder (E-Branchformer encoder + Transformer decoder, attention-based ASR/ST, CTC auxiliary)",
        paramsTotal=params, samples=None, epochs=3, hardware="A100 40GB (form factor not stated)", devices=dev,
        target=dict(metric="gpuHours", value=gh), source=OWSM,
        notes=(OWSM_Q + "Target = the Table 1 estimate for this model (%s GPU-hours; 'estimated ... assuming a stable GPU cluster'). "
               "Data: %s hours of audio in 30 s long-form windows x ~3 passes (the number of utterances / 30 s segments is not stated, so "
               "samples is null and epochs = 3). Quality %s: time, devices, size and data (as audio hours) all stated; the GPU-hours are "
               "the authors' estimate." % ("{:,}".format(gh), hours, q) + extra)))

# ====================================================================== multimodal retrieval on AMD MI250X
A(C(id="colpali-3b-lora-mi250x", name="ColPali (PaliGemma-3B + LoRA, late-interaction document retriever), 1 epoch on 118,695 query-page pairs, ~40 MI250X GPU-hours",
    quality="B", modality="multimodal", architecture="dense VLM (PaliGemma-3B) with LoRA adapters (r = alpha = 32) and a 128-d projection",
    paramsTotal=3e9, samples=118695, epochs=1, hardware="AMD Instinct MI250X", devices=None,
    target=dict(metric="gpuHours", value=40), also=[dict(metric="gpuHours", value=1405), dict(metric="co2eKg", value=15)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=None,
                    basis="the 15 kg CO2e and 1,405 GPU-hours cover ALL experiments of the paper (not this run); 'low-carbon nuclear energy' (CINES Adastra, France)"),
    source=("Faysse et al. 2024, 'ColPali: Efficient Document Retrieval with Vision Language Models' (arXiv 2407.01449, ICLR 2025) — "
            "paper text copy in the file index (id 10605641102), Ethical Considerations / Carbon Footprint; training data and recipe "
            "from a reading note (id 66747425913)"),
    notes=("Paper: 'Our work fully leverages prior pretrained models and training is not particularly compute-intensive. Furthermore, we "
           "rely on lowrank adapters ... Overall, a training run represents about 40 hours of Mi250x AMD GPUs. Our experiments, in total, "
           "represent 1405 Mi250x GPU hours from highly efficient compute clusters running on low-carbon nuclear energy, representing a "
           "total of around 15kg CO2 eq.' Acknowledgements: 'HPC resources from the CINES ADASTRA'. Reading note: 'Feed page-image patches "
           "through PaliGemma-3B; project each output token to a D=128 multi-vector representation ... Trained 1 epoch, LoRA (alpha=r=32), "
           "on 118,695 query-page pairs'. Target = 40 MI250X GPU-hours, reading 'about 40 hours of Mi250x AMD GPUs' as GPU-hours (the "
           "device count of one run is not stated; an MI250X is one package with two GCDs, counted as the paper counts it). The 1,405 "
           "GPU-hours and ~15 kg CO2e in `also` are the whole project's. LoRA on a frozen 3B base: 6*N*D on paramsTotal overstates. "
           "Quality B (approximate, device count missing).")))

# ====================================================================== diffusion: one-step distillation of Stable Diffusion 1.5
A(C(id="instaflow-0.9b-a100", name="InstaFlow-0.9B: text-conditioned reflow + one-step distillation of Stable Diffusion 1.5, 199 A100 GPU-days",
    quality="B", modality="diffusion", architecture="unet (SD 1.5 UNet, rectified flow, 512x512 via 64x64x4 latents)",
    paramsTotal=0.9e9, samples=None, resolution=512, hardware="A100 (memory not stated)", devices=None,
    target=dict(metric="gpuHours", value=199 * 24),
    source=("Liu, Zhang, Ma, Peng & Liu 2024, 'InstaFlow: One Step is Enough for High-Quality Diffusion-Based Text-to-Image Generation' "
            "(ICLR 2024, arXiv 2309.06380) — gnobitab/InstaFlow README (file index copies ids 38782384892, 39108379864) and a code "
            "walkthrough that reproduces the paper's stage costs (id 67252660039)"),
    notes=("README: 'The training process of InstaFlow merely involves supervised training. Leveraging pre-trained Stable Diffusion, it only "
           "takes 199 A100 GPU days to get InstaFlow-0.9B.' Walkthrough (stage costs from the paper): reflow 'Cost: ~75 A100 GPU days (11.2 "
           "+ 64, two sub-stages of 70k + 25k iterations)'; distillation 'Cost: ~108 A100 GPU days (54.4 L2 + 53.6 LPIPS). Total pipeline: "
           "199 A100 GPU days'; data '~1.6M pairs for the reflow stage and another 1.6M for distillation' generated by SD 1.5 with a "
           "25-step DPM-Solver. Target [D] = 199 x 24 = 4,776 A100-hours for the whole pipeline (it includes generating the noise-image "
           "pairs with the teacher, ~16 GPU-days not itemised). A fine-tune initialised from SD 1.5; batch size and device count not "
           "in the lines read (samples/devices null). Quality B.")))

# ====================================================================== vision: 3D human mesh recovery (ViT-H backbone)
A(C(id="hmr2-4dhumans-8xa100", name="HMR 2.0 (4D-Humans) human mesh recovery, ViT backbone + transformer head, 8 A100, 7 days",
    quality="B", modality="vision", architecture="vit (ViT-H backbone + transformer decoder head, SMPL regression)",
    paramsTotal=None, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 7)),
    source=("Goel et al. 2023, 'Humans in 4D: Reconstructing and Tracking Humans with Transformers' (ICCV 2023) — shubham-goel/4D-Humans "
            "README, Training section (file index copy id 6352881944)"),
    notes=("README: 'python train.py exp_name=hmr2 data=mix_all experiment=hmr_vit_transformer trainer=gpu launcher=local' ... 'We trained "
           "on 8 A100 GPUs for 7 days using PyTorch 1.13.1 and PyTorch-Lightning 1.8.1 with CUDA 11.6 on a Linux system. You may adjust "
           "batch size and number of GPUs per your convenience.' Target [D] = 8 x 7 d x 24 = 1,344 A100-hours. Parameter count, steps, batch "
           "and the size of the 'mix_all' training mixture are not in the README read (nulls). Quality B: not estimable from this source "
           "alone; kept for its hardware/time side.")))

# ====================================================================== text: instruction tuning of a 137B LM on TPU v3 (FLAN)
A(C(id="flan-137b-tpuv3-128", name="FLAN 137B: instruction tuning of LaMDA-PT 137B, 30k steps x 8,192 tokens, one TPU v3-128 (~60 h)",
    quality="A", modality="text", architecture="dense (decoder-only, LaMDA-PT 137B, full fine-tune)",
    paramsTotal=137e9, tokens=30e3 * 8192, seqLen=1024, hardware="TPU v3", devices=64, precision=None,
    target=dict(metric="gpuHours", value=64 * 60),
    source=("Wei et al. 2022, 'Finetuned Language Models Are Zero-Shot Learners' (FLAN, ICLR 2022, arXiv 2109.01652), §2.4 — quoted "
            "sentence by sentence in a reading note (file index id 68898214629); the ORKG structured list (id 10875903589) repeats the "
            "hardware sentence"),
    notes=("§2.4: 'We finetune all models for 30k gradient steps with a batch size of 8,192 tokens using the Adafactor Optimizer (Shazeer & "
           "Stern, 2018) with a learning rate of 3e-5. The input and target sequence lengths used in finetuning are 1024 and 256, "
           "respectively.' and 'This instruction tuning takes around 60 hours on a TPUv3 with 128 cores.' ORKG: 'number of parameters: "
           "137B'. A TPU v3 slice with 128 cores has 64 chips, so target [D] = 64 x 60 h = 3,840 TPU v3 chip-hours. tokens [D] = 30k x "
           "8,192 = 245.76M (packed batches, as stated); seqLen 1024 = input length. This is the instruction-tuning run only (LaMDA-PT "
           "pre-training, footprint-5's LaMDA row, is a different run). Quality A (the time is 'around 60 hours').")))

# ====================================================================== text: mixture-of-experts vs dense (Switch Transformer, Table 1)
SW = ("Fedus, Zoph & Shazeer 2022, 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity' "
      "(JMLR 23, arXiv 2101.03961), Table 1 — reproduced with its caption in a paper reading note (file index id 34349305305)")
SW_Q = ("Table 1 caption: 'We measure quality by the negative log perplexity and the time to reach an arbitrary chosen quality threshold "
        "of Neg. Log Perp.=-1.50. All MoE and Switch Transformer models use 128 experts, with experts at every other feed-forward layer. "
        "... All models are trained with the same amount of computation (32 cores) and on the same hardware (TPUv3).' ")
for cid, nm, arch, ptot, pact, hrs, speed, row, extra in (
        ("switch-base-128e-cf1.0-tpuv3-32", "Switch-Base (128 experts, capacity factor 1.0) on C4 to neg. log perplexity -1.50, 32 TPU v3 cores, 62.8 h",
         "moe (Switch Transformer, top-1 routing, 128 experts at every other FFN)", 7.4e9, 223e6, 62.8, 1000,
         "'Switch-Base | 1.0 | -1.561 | 62.8 | 1000'",
         " Sizes [R]: Switch-Base with 128 experts is ~7.4B parameters (paper Table 9, not re-read) and is FLOP-matched to T5-Base "
         "('the 223M parameter baseline', same note) — paramsActive 223M [R]."),
        ("moe-base-128e-cf2.0-tpuv3-32", "MoE-Base (top-2 routing, 128 experts, capacity factor 2.0) on C4 to neg. log perplexity -1.50, 32 TPU v3 cores, 68.7 h",
         "moe (top-2 MoE Transformer, 128 experts at every other FFN)", 7.4e9, None, 68.7, 840,
         "'MoE-Base | 2.0 | -1.547 | 68.7 | 840'",
         " Sizes [R]: same expert layout as Switch-Base (~7.4B total); with top-2 routing the active parameters per token are larger than "
         "T5-Base's 223M and are not stated (paramsActive null)."),
        ("t5-large-dense-tpuv3-32", "T5-Large (dense baseline of the Switch paper) on C4 to neg. log perplexity -1.50, 32 TPU v3 cores, 131.1 h",
         "dense (encoder-decoder T5-Large)", 739e6, None, 131.1, 470,
         "'T5-Large | — | -1.550 | 131.1 | 470'",
         " Size [R]: T5-Large ~739M (T5 paper), not stated in the note.")):
    A(C(id=cid, name=nm, quality="B", modality="text", architecture=arch, paramsTotal=ptot, paramsActive=pact,
        samples=hrs * 3600 * speed, epochs=1, hardware="TPU v3", devices=16,
        target=dict(metric="gpuHours", value=16 * hrs), source=SW,
        notes=(SW_Q + "Row (Model | Capacity Factor | Quality after 100k steps | Time to Quality Threshold (hours) | Speed (examples/sec)): "
               + row + ". 32 TPU v3 cores = 16 chips, so target [D] = 16 x %.1f h = %.1f chip-hours (time to reach the quality threshold, "
               "not a full schedule). samples [D] = %d examples/s x %.1f h x 3600 = %.1fM examples (throughput-derived; epochs = 1); "
               "tokens per example (T5 span-corruption, 512 input tokens [R]) not stated in the note." % (hrs, 16 * hrs, speed, hrs,
               hrs * 3600 * speed / 1e6) + extra + " Quality B: throughput-derived amount, recalled sizes.")))

# ====================================================================== text: parameter-efficient instruction tuning (adapter on a frozen 7B)
A(C(id="llama-adapter-7b-8xa100", name="LLaMA-Adapter (1.2M learnable on frozen LLaMA 7B), 52K self-instruct demos, 8 A100, < 1 h",
    quality="B", modality="text", architecture="dense (frozen LLaMA 7B + 1.2M adaption-prompt parameters with zero-init gated attention)",
    paramsTotal=7e9, samples=52e3, epochs=None, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 1),
    source=("Zhang et al. 2024, 'LLaMA-Adapter: Efficient Fine-tuning of Language Models with Zero-init Attention' (ICLR 2024, arXiv "
            "2303.16199) — abstract, as reproduced in the Hugging Face PEFT/transformers docs and paper lists (file index ids 59833792295, "
            "37109351768, 52139746311); the OpenGVLab/LLaMA-Adapter repository was NOT read (it is in /work/excluded-repos.txt)"),
    notes=("Abstract: 'Using 52K self-instruct demonstrations, LLaMA-Adapter only introduces 1.2M learnable parameters upon the frozen LLaMA "
           "7B model, and costs less than one hour for fine-tuning on 8 A100 GPUs.' Target [D] = 8 x 1 h = 8 A100-hours, an UPPER BOUND "
           "('less than one hour'). The frozen 7B runs forward and backward through activations on every example; 6*N*D on paramsTotal "
           "overstates (only 1.2M parameters get gradients). Epochs not in the abstract (5 in the paper's setup [R], left null). "
           "Quality B (bound).")))

# ====================================================================== text: Korean 1.3B LLM pre-training (A quality, model card)
A(C(id="chatbaker-plm-1.3b-256xa100", name="ChatBaker-PLM 1.3B (LLaMA-2-style decoder) pre-training, 1.0T tokens, 256 A100, 6 days",
    quality="A", modality="text", architecture="dense (decoder-only, LLaMA-2-like: 24 layers, 32 heads, hidden 2,048, FFN 5,632)",
    paramsTotal=1.3e9, tokens=1.0e12, seqLen=2048, hardware="A100 (memory not stated)", devices=256,
    target=dict(metric="gpuHours", value=days(256, 6)),
    source=("ChatBaker-PLM model card / README (Korean + English LLM, 2023-2024; file index copy id 23185820917 — the index does not "
            "name the repository)"),
    notes=("README, Hyperparameters: '| Params | Layers | Attention heads | Hidden size | FFN size | ... | 1.3B | 24 | 32 | 2,048 | 5,632 |'. "
           "Pre-training: 'Pre-training took 6 days using 256 * NVIDIA A100 GPUs. Related settings are listed below. | Params | Global "
           "batch size* | Initial learning rate | Train iter.* | Max length* | Weight decay | ... | 1.3B | 4.0M | 4E-4 | 1.0T | 2K | 0.1 | "
           "(* unit: tokens)'. Datasets: 'Korean: about 100B tokens' plus English/code corpora. Target [D] = 256 x 6 d x 24 = 36,864 "
           "A100-hours. tokens = the stated 1.0T ('Train iter.' in tokens; = 250k steps x 4.0M). seqLen 2K = 2,048 [D]. Quality A.")))

# ====================================================================== text: BERT-tiny re-implementation on workstation GPUs (A40)
A(C(id="bert-tiny-repro-4xa40", name="BERT-tiny re-implementation pre-trained on English Wikipedia (MLM + NSP), 4 A40, ~3.5 days",
    quality="B", modality="text", architecture="dense-encoder (BERT-tiny: 2 layers, hidden 128)",
    paramsTotal=4.4e6, samples=None, seqLen=512, hardware="A40 48GB (data-centre workstation-class GPU)", devices=4,
    target=dict(metric="gpuHours", value=4 * 3.5 * 24),
    source=("rplacucci/BERT README (a from-scratch BERT re-implementation, 2025; file index copy id 62043241312)"),
    notes=("README: 'torchrun --standalone --nproc-per-node 4 train.py --bert_config tiny --batch_size 64 --max_len 512' ... 'The model "
           "undergoes a steep decline in the first ~100k steps ... By ~200k steps, the rate of improvement slows markedly, and the loss "
           "plateaus near 4' ... 'Note: Pre-training took ~3.5 days on 4 NVIDIA A40 GPUs.' Data: English Wikipedia only ('the original "
           "BookCorpus dataset is now defunct, so this implementation relies only on the Wikipedia dataset'). Target [D] = 4 x 3.5 d x 24 = "
           "336 A40-hours. Size [R]: BERT-tiny (L=2, H=128) is ~4.4M parameters, not stated in the README. The total number of steps is "
           "not stated (the loss curve is described to '~200k steps'), and whether --batch_size 64 is per GPU or global is not said: "
           "samples null. Quality B.")))

# ====================================================================== science: protein ELECTRA on one consumer GPU
A(C(id="protein-electra-base-1xrtx2080ti", name="Protein ELECTRA-Base pre-training on TAPE (~32.5M sequences x 3 epochs, batch 4), one RTX 2080 Ti, ~2.5 months",
    quality="B", modality="text", architecture="dense-encoder (ELECTRA-Base discriminator + generator; amino-acid tokens)",
    paramsTotal=110e6, samples=32.5e6, epochs=3, hardware="RTX 2080 Ti 11GB (consumer)", devices=1,
    target=dict(metric="gpuHours", value=2.5 * 30.44 * 24),
    source=("Joseph-Vineland/ProteinELECTRA write-up ('ELECTRA learns the language of proteins', README/blog text; file index copy id "
            "36954239076)"),
    notes=("Text: 'The pre-training corpus consists of ~32.5 million protein sequences.' ... 'We pre-train ELECTRA with the TAPE pre-training "
           "\"train\" corpus for 3 epochs (passes over the dataset). We used the ELECTRA-Base sized model. The default ELECTRA-Base model "
           "parameters were used except for learning rate (5e-6) and batch size (4).' ... 'Pre-training took ~2.5 months with NVIDIA GeForce "
           "RTX 2080 Ti.' and 'We're doing it with one graphics card.' Target [D] = 2.5 months x 30.44 d x 24 = 1,826 GPU-hours (month "
           "length is the convention here; '~2.5 months' is coarse). Size [R]: ELECTRA-Base discriminator ~110M (the generator is "
           "smaller; not stated). Sequence length not stated. Quality B.")))

# ====================================================================== H100 rows: world model, VLA, depth, video diffusion, hybrid SSM LM
A(C(id="lras-spelkenet-7b-64xh100", name="LRAS / SpelkeNet 7B autoregressive visual world model (RGB + optical-flow tokens), 200k steps x 512 x 4,096 tokens, 64 H100, ~14 days",
    quality="A", modality="vision", architecture="dense (LLaMA-architecture autoregressive transformer over quantised 4x4 patch tokens; 32 layers, d=4096)",
    paramsTotal=7e9, tokens=200e3 * 512 * 4096, seqLen=4096, hardware="H100 (memory / form factor not stated)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 14)),
    source=("SpelkeNet paper (Stanford NeuroAI Lab, 2025; 'Discovering and using Spelke segments'), §7 'SpelkeNet Specifications' — "
            "paper-text copy in the file index (id 59383380121)"),
    notes=("§7.1: 'LRAS [9] is a generative visual world model that predicts plausible optical flow fields conditioned on an RGB frame. It "
           "is a 7 billion-parameter autoregressive transformer (standard LLaMA architecture [48], 32 layers, 4096 embed dimensions, 32 "
           "attention heads) that operates over local patch tokens'. §7.4: pre-trained on 'BVD (Big Video Dataset [9]) - a 7k hour dataset "
           "of diverse Internet videos mixed with standard 3-D vision datasets'. §7.5: 'The model is trained with sequence lengths of 4096 "
           "and a batch size of 512 for 200k steps with next-token cross-entropy loss. ... The model was trained on 64 H100 GPUs for "
           "approximately 14 days.' Target [D] = 64 x 14 d x 24 = 21,504 H100-hours; tokens [D] = 200k x 512 x 4,096 = 419.4B (upper "
           "bound if sequences are padded). The quantiser autoencoders' own training is not included. Quality A.")))
A(C(id="nora-vla-8xh100", name="NORA vision-language-action model pre-training on Open X-Embodiment, 1.1M steps x batch 256, 8 H100, ~3 weeks (4,000 GPU-hours)",
    quality="B", modality="multimodal", architecture="dense VLM (Qwen2.5-VL-3B backbone [R]) emitting FAST+ action tokens",
    paramsTotal=3e9, samples=1.1e6 * 256, epochs=1, hardware="H100 (memory / form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=4000), also=[dict(metric="gpuHours", value=days(8, 21))],
    source=("Hung et al. 2025, 'NORA: A Small Open-Sourced Generalist Vision Language Action Model for Embodied Tasks' (arXiv 2504.19854) — "
            "as summarised, training paragraph quoted, in the appendix of a VLA survey paper (file index id 61313036509)"),
    notes=("Survey appendix B.4 (NORA): 'It outputs discrete action sequences by employing the FAST+ tokenizer ... NORA is pre-trained on the "
           "Open X-Embodiment dataset ... Training was conducted on 8xH100 GPUs for approximately three weeks (totaling 4000 GPU hours), "
           "using the AdamW optimizer with a batch size of 256 over 1.1 million gradient steps.' Target = the stated 4,000 H100-hours (8 x 21 "
           "d x 24 = 4,032 in `also`). samples = 1.1M x 256 = 281.6M (epochs = 1). Size [R]: NORA is built on Qwen2.5-VL-3B (not in the "
           "lines read). Quality B (secondary, recalled size).")))
A(C(id="depth-anything-3-giant-128xh100", name="Depth Anything 3 (DA3-Giant) any-view geometry model, 128 H100, ~10 days",
    quality="B", modality="vision", architecture="vit (DINOv2-Giant-initialised transformer with depth-ray heads)",
    paramsTotal=None, hardware="H100 (memory / form factor not stated)", devices=128,
    target=dict(metric="gpuHours", value=days(128, 10)), also=[dict(metric="gpuHours", value=days(32, 4))],
    source=("Lin et al. 2025, 'Depth Anything 3: Recovering the Visual Space from Any Views' (ByteDance Seed, arXiv 2511.10647) — paper-text "
            "copies in the file index (ids 56815550476, 56702095571) and a reading note (id 55645301220)"),
    notes=("§7.2: 'Training our DA3-Giant model requires 128xH100 GPUs for approximately 10 days. To reduce carbon footprint and computational "
           "cost, all ablation experiments reported in this section are conducted using the ViT-L backbone with a maximum of 10 views, "
           "requiring approximately 4 days on 32xH100 GPUs.' Target [D] = 128 x 10 d x 24 = 30,720 H100-hours (the ViT-L ablation run, 32 x "
           "4 x 24 = 3,072, is in `also`). Parameter count, steps, batch and data size are not in the lines read (nulls). Quality B: not "
           "estimable from this source; kept for its hardware/time side.")))
A(C(id="sana-video-64xh100", name="SANA-Video (linear-attention video diffusion transformer) final model, 64 H100, ~12 days",
    quality="B", modality="diffusion", architecture="dit (linear DiT with block-wise causal attention; Wan2.1-VAE / DCAE-V latents)",
    paramsTotal=2e9, hardware="H100 (memory / form factor not stated)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 12)),
    source=("Chen et al. 2025, 'SANA-Video: Efficient Video Generation with Block Linear Diffusion Transformer' (NVIDIA, arXiv 2509.24695) — "
            "paper-text copy in the file index (id 61043398064), §4.1"),
    notes=("§4.1: 'For 480P videos, we leverage a Wan2.1-VAE [3] autoencoder. For 720P high-resolution video generation, we fine-tune the "
           "DCAE [21] into a video deep compression autoencoder (DCAE-V) ... Our final model is trained on 64 H100 GPUs for approximately 12 "
           "days. Details are in Appendix B.1.' Target [D] = 64 x 12 d x 24 = 18,432 H100-hours. Size [R]: SANA-Video is a 2B model (title "
           "page, not in the lines read). Data amount / steps in Appendix B.1, not read (nulls). Quality B.")))
A(C(id="zamba2-7b-128xh100", name="Zamba2-7B (Mamba2 + shared attention hybrid LM) pre-training, 128 H100, ~50 days",
    quality="B", modality="text", architecture="hybrid (Mamba2 blocks + two shared attention blocks)",
    paramsTotal=7.4e9, tokens=None, hardware="H100 (memory / form factor not stated)", devices=128,
    target=dict(metric="gpuHours", value=days(128, 50)),
    source=("Zyphra 2024, Zamba2-7B release post / model card (https://www.zyphra.com/post/zamba2-7b, huggingface.co/Zyphra/Zamba2-7B) — "
            "quoted in a model-catalogue page (file index id 5683213034)"),
    notes=("Catalogue page, quoting Zyphra: 'Mamba2 \"trained on 128 H100 GPUS for approximately 50 days using our internal training "
           "framework developed atop Megatron-LM\"'; MMLU 67.2. Target [D] = 128 x 50 d x 24 = 153,600 H100-hours. This is Zamba2-7B, not "
           "the excluded Zamba 7B (v1). Size [R]: 7.4B (model card, not re-read). The number of pre-training tokens is not in the lines read "
           "(tokens null; Zyphra reports ~2T + annealing [R], not used). Quality B (secondhand, coarse).")))

# ====================================================================== text: reasoning SFT of a 32B model on H100 (secondary)
A(C(id="sky-t1-32b-preview-8xh100", name="Sky-T1-32B-Preview: SFT of Qwen2.5-32B-Instruct on 17K reasoning traces, 8 H100, 19 h",
    quality="B", modality="text", architecture="dense (decoder-only, full fine-tune of Qwen2.5-32B-Instruct)",
    paramsTotal=32e9, samples=17e3, epochs=None, hardware="H100 (memory / form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 19),
    source=("NovaSky team (UC Berkeley) 2025, 'Sky-T1: Train your own O1 preview model within $450' (blog, https://novasky-ai.github.io/posts/"
            "sky-t1/) — as summarised in a research note on budget reasoning models (file index id 59334225333)"),
    notes=("Note: 'Sky-T1-32B (Budget Reasoning Model) — Base model: Qwen2.5-32B-Instruct; Method: SFT on 17K curated reasoning examples "
           "(generated by QwQ-32B-Preview, rewritten by GPT-4o-mini); Cost: <$450, 19 hours on 8x H100; Results: Matches o1-preview on Math500 "
           "and AIME 2024.' Target [D] = 8 x 19 h = 152 H100-hours. Epochs / sequence length not in the lines read (the blog's 3 epochs [R] "
           "not used). Quality B (secondhand).")))

# ====================================================================== multimodal: robot policy fine-tunes on DROID (openpi)
OPI = ("Physical-Intelligence/openpi repository — DROID training README (file index copy id 17239671139) and the training-config file "
       "(copies ids 2943327656, 55118068388) with the 'pi0_fast_full_droid_finetune' config (2025)")
OPI_Q = ("README, Compute Requirements: 'Our DROID training config requires approximately 2 days on 8x H100 GPUs for convergence (100k "
         "iterations, approx. 1 epoch). If you start from PaliGemma instead of pi0 initialization, plan with ~5 days on 8x H100s (240k "
         "iterations, i.e. 3 epochs).' Config: 'num_train_steps=100_000,  # 100k steps should be sufficient, takes ~2 days on 8x H100s' "
         "and 'batch_size=256'. ")
A(C(id="pi0-fast-droid-from-pi0-8xh100", name="pi0-FAST fine-tune on the full DROID dataset from the pi0 base, 100k iterations x 256 (~1 epoch), 8 H100, ~2 days",
    quality="B", modality="multimodal", architecture="dense VLA (PaliGemma-3B backbone with FAST action tokens)",
    paramsTotal=3e9, samples=100e3 * 256, epochs=1, hardware="H100 (memory / form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 2)), source=OPI,
    notes=(OPI_Q + "Target [D] = 8 x 2 d x 24 = 384 H100-hours. samples = 100k x 256 = 25.6M (~1 epoch of DROID, epochs = 1). Size [R]: "
           "pi0-FAST is PaliGemma-3B-based (~3B), not stated in the lines read. Quality B.")))
A(C(id="pi0-fast-droid-from-paligemma-8xh100", name="pi0-FAST on the full DROID dataset starting from PaliGemma, 240k iterations x 256 (3 epochs), 8 H100, ~5 days",
    quality="B", modality="multimodal", architecture="dense VLA (PaliGemma-3B backbone with FAST action tokens)",
    paramsTotal=3e9, samples=80e3 * 256, epochs=3, hardware="H100 (memory / form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 5)), source=OPI,
    notes=(OPI_Q + "Target [D] = 8 x 5 d x 24 = 960 H100-hours ('plan with ~5 days' — a planning figure). 240k iterations x 256 = 61.4M "
           "samples = '3 epochs', so samples per epoch [D] = 20.48M (the 100k-iteration run is called 'approx. 1 epoch' = 25.6M; the README "
           "is approximate). Size [R] ~3B. Quality B.")))


# ====================================================================== write
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
out = {"set": "footprint-heldout-8",
       "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
       "description": ("Eighth held-out set of published training runs for validating the Green ML Review footprint estimator, about half "
                       "non-text (vision self-supervised / supervised / segmentation, diffusion, speech, robot policies, science) and half "
                       "text. Built without running the estimator and without reading product code; no model/run of /work/excluded-runs.txt "
                       "(development cases and footprint-heldout-1..6) nor of footprint-heldout-7. gpuHours means accelerator-hours (TPU "
                       "chip-hours for TPU rows; MI250X counted per package as the source does). [R] = recalled/secondary, not re-read in "
                       "the primary this session; [D] = derived arithmetic shown in notes and in make_cases.py."),
       "cases": cases}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
