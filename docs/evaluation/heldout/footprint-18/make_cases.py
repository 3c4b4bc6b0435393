"""Builds footprint-heldout-18 (cases.json next to this file).

Every number below is either copied from the quoted sentence / table row in the case's notes or computed here from such
numbers (GPUs x hours, GPU-days x 24, minutes / 60). Nothing is fitted and the Green ML Review estimator was never run on
these cases. [R] = recalled / secondary (not read in the primary source); [D] = derived here.
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
H100 = "H100 (memory / form factor not stated)"

# ====================================================================== text: s1 (Stanford / UW / Ai2, 2025)
S1_SRC = ("Muennighoff et al., 's1: Simple test-time scaling' (arXiv 2501.19393, Jan 2025; https://arxiv.org/abs/2501.19393), "
          "Section 'Training' and Appendix D; read in secondary summaries that quote the paper (ai-papers.xuzou.cn/papers/"
          "s1_test_time_scaling_2025, clay-atlas.com, math.tuzhenzhao.com), not in the PDF itself. The repository "
          "simplescaling/s1 is in excluded-repos-21 and was not opened.")
A(C(id="s1-32b-qwen2.5-32b-sft-1k-5ep-16xh100-26min",
    name="s1-32B: supervised fine-tune of Qwen2.5-32B-Instruct on s1K (1,000 reasoning traces), 5 epochs, 16x H100, 26 minutes (2025)",
    quality="B", architecture="decoder-only transformer (Qwen2.5-32B-Instruct, full fine-tune)",
    paramsTotal=32_800_000_000, samples=1_000, epochs=5, seqLen=32_768, hardware=H100, devices=16, precision="bf16",
    target=dict(metric=GPUH, value=16 * 26 / 60), also=[dict(metric=GPUH, value=7)],
    source=S1_SRC,
    notes="Paper (as quoted): 'Training takes just 26 minutes on 16 NVIDIA H100 GPUs' (PyTorch FSDP); Appendix D: '5 epochs, batch "
          "size 16, 315 gradient steps, bfloat16, AdamW, learning rate 1e-5 with 5% warmup and cosine decay, weight decay 1e-4', loss "
          "only on reasoning traces and answers; 32,768-token training sequence length ('avoids cutting off samples'); 's1-32B "
          "requires about 7 H100 GPU-hours' (also = 7). Target [D] = 16 x 26 / 60 = 6.93 H100-hours. samples = 1,000 (s1K), epochs 5 "
          "(1,000 x 5 / 16 = 312.5 ~ 315 steps). paramsTotal 32.8B [R] (Qwen2.5-32B, HF 'Model size 32.8B params'). H100 memory "
          "not stated. Quality B: primary paper read only through verbatim secondary quotations."))
A(C(id="s1-full-59k-qwen2.5-32b-sft-h100-394h",
    name="s1 ablation: Qwen2.5-32B-Instruct fine-tuned on the full 59K-question pool (s1 recipe), 394 H100 GPU-hours (2025)",
    quality="C", architecture="decoder-only transformer (Qwen2.5-32B-Instruct, full fine-tune)",
    paramsTotal=32_800_000_000, samples=59_000, seqLen=32_768, hardware=H100, devices=None, precision="bf16",
    target=dict(metric=GPUH, value=394),
    source=S1_SRC,
    notes="Paper (as quoted): 'The full 59K distilled data pool would cost 394 H100 GPU-hours to fine-tune, while s1-32B requires "
          "about 7 H100 GPU-hours' (the 59K-full model is a trained ablation row of the data-selection table). Target = 394 H100-hours "
          "as stated. samples = 59K questions with Gemini 2.0 Flash Thinking traces ('3.6K average thinking tokens'); epochs, GPU count "
          "and steps of this ablation not in what was read (null; the main recipe is 5 epochs on 16 H100 [R]). Quality C: device count "
          "and epochs unknown; secondary read."))

# ====================================================================== text: OpenThinker family (open-thoughts, Hugging Face model cards, 2025)
OT_COMMON = ("Hugging Face model card 'Training procedure'. Dataset derived 'by distilling DeepSeek-R1'; trained with LlamaFactory "
             "(tags 'llama-factory', 'full'). ")
for cid, name, base_params, card, samples, epochs, seq, hw, devs, hours, quote, q, extra in (
        ("openthinker-7b-qwen2.5-7b-sft-114k-32xh100-20h", "OpenThinker-7B: Qwen2.5-7B-Instruct fine-tuned on OpenThoughts-114k, four 8x H100 nodes, 20 h",
         7_620_000_000, "open-thoughts/OpenThinker-7B", 114_000, 3, None, H100, 32, 20,
         "'We used four 8xH100 nodes to train the model for 20 hours.' Hyperparameters: 'learning_rate: 1e-05', 'train_batch_size: 1', "
         "'num_devices: 32', 'gradient_accum…' (list cut off in the excerpt read).", "B",
         "epochs 3 [R]: the num_epochs line of this card was not in the excerpt read; 3.0 is stated on the 32B and 32B-Unverified cards of "
         "the same recipe. paramsTotal 7.62B [R] (Qwen2.5-7B)."),
        ("openthinker-32b-qwen2.5-32b-sft-114k-3ep-32xh100-90h", "OpenThinker-32B: Qwen2.5-32B-Instruct fine-tuned on OpenThoughts-114k, 3 epochs, 16k context, four 8x H100 P5 nodes, ~90 h",
         32_800_000_000, "open-thoughts/OpenThinker-32B", 114_000, 3, 16_384, "H100 80GB (AWS P5; form factor not stated)", 32, 90,
         "'We finetune Qwen2.5-32B-Instruct on OpenThoughts-114k for 3 epochs with a 16k context length using LlamaFactory.' 'Training the "
         "32B model on OpenThoughts-114k was done on AWS SageMaker with 8xH100 P5 nodes. On 4 nodes, this took around 90 hours.' "
         "Hyperparameters: 'num_epochs: 3.0'.", "B",
         "paramsTotal 32.8B ('Model size 32.8B params' on the sibling OpenThinker-32B-Unverified page). P5 = 8x H100 80GB [R]."),
        ("openthinker2-7b-qwen2.5-7b-sft-1m-256xa100-36h", "OpenThinker2-7B: Qwen2.5-7B-Instruct fine-tuned on OpenThoughts2-1M, 32 nodes of 8x A100, 36 h",
         7_620_000_000, "open-thoughts/OpenThinker2-7B", 1_000_000, None, None, "A100 (memory not stated)", 256, 36,
         "'We used 32 8xA100 nodes to train the model for 36 hours.' Data: 'This model was trained on the OpenThoughts2-1M dataset' "
         "('constructed by augmenting OpenThoughts-114k with existing datasets like OpenR1, as well as additional math and code "
         "reasoning data').", "B",
         "Epochs / context length not in the excerpt read (null); samples = ~1M (dataset name). paramsTotal 7.62B [R]."),
        ("openthinker2-32b-qwen2.5-32b-sft-1m-512xa100-50h", "OpenThinker2-32B: Qwen2.5-32B-Instruct fine-tuned on OpenThoughts2-1M, 128 nodes of 4x A100, 50 h",
         32_800_000_000, "open-thoughts/OpenThinker2-32B", 1_000_000, None, None, "A100 (memory not stated)", 512, 50,
         "'We used 128 4xA100 nodes to train the model for 50 hours.' Hyperparameters begin 'learning_rate: 8e-05', 'seed: 42', "
         "'distributed_type: multi-GPU'.", "B",
         "Epochs / context length not in the excerpt read (null); samples = ~1M (dataset name). paramsTotal 32.8B [R]."),
):
    A(C(id=cid, name=name + " (2025)", quality=q, architecture="decoder-only transformer (Qwen2.5-Instruct, full fine-tune)",
        paramsTotal=base_params, samples=samples, epochs=epochs, seqLen=seq, hardware=hw, devices=devs,
        target=dict(metric=GPUH, value=devs * hours),
        source=f"Hugging Face model card {card} (https://huggingface.co/{card}), README 'Training procedure' (2025), read through the search "
               "tool's stored copy (no commit recorded)",
        notes=OT_COMMON + quote + f" Target [D] = {devs} GPUs x {hours} h = {devs * hours:,} GPU-hours. " + extra +
              " Precision not stated (null; LlamaFactory full fine-tunes are usually bf16). Quality B: stated nodes x GPUs x hours and data; "
              "'around' / missing epochs noted."))

# ====================================================================== text: DeepScaleR-1.5B-Preview (Agentica, RL, 2025)
A(C(id="deepscaler-1.5b-preview-grpo-rl-1750steps-a100-3800h",
    name="DeepScaleR-1.5B-Preview: GRPO reinforcement learning of DeepSeek-R1-Distill-Qwen-1.5B on 40K math problems, 8K->16K->24K context, ~1,750 steps, A100-80GB (2025)",
    quality="C", architecture="decoder-only transformer (Qwen2.5-1.5B distilled from DeepSeek-R1), RL fine-tune (GRPO)",
    paramsTotal=1_780_000_000, samples=40_000, seqLen=24_576, hardware="A100 80GB (form factor not stated)", devices=None,
    target=dict(metric=GPUH, value=3800),
    source="Hugging Face model card agentica-org/DeepScaleR-1.5B-Preview (README, commit 24a92ef, read via a mirror of the card) and "
           "the GitHub README of the training code (fork lambda7xx/deepscaler, excerpt); total A100-hours from the DeepScaleR blog post "
           "(pretty-radio-b75.notion.site, Feb 2025), quoted as '3,800 A100 hours' in the volcengine/verl README (checked by the lead, 2026-12-06)",
    notes="Card: 'Our training dataset consists of approximately 40,000 unique problem-answer pairs' (AIME 1984-2023, AMC, Omni-MATH, "
          "Still); 'We employ Deepseek's Group Relative Policy Optimization (GRPO)'; 'Initial 8K Context (0-1040 steps) ... Trained on 8 "
          "A100-80GB GPUs, BS= (Prompts) * (Samples/Prompt) = 128 * 8 = 1024'. GitHub README: 'At step 1040 and 1520, the context length "
          "is extended to 16K and 24K.' Later stages ran on more A100s (16 and 32 [R]), so devices is null. Target = 3,800 A100-hours, "
          "the blog's total [R] ('~$4,500'); a secondary article quotes the blog's contrast that replicating R1's 32K-context, ~8,000-step "
          "RL 'would require at least 70,000 A100 GPU hours for a 1.5B model'. Amount of training: ~1,750 steps x 128 prompts x 8 samples "
          "(steps to ~1,750 [R]). paramsTotal 1.78B [R]. Quality C: total hours quoted second-hand (blog via verl README), devices vary by stage, RL "
          "rollouts dominate compute."))

# ====================================================================== speech: F5-TTS Hindi (SPRING Lab, IIT Madras, 2024)
A(C(id="f5-tts-hindi-small-151m-8xa100-40gb-1wk",
    name="F5-TTS Hindi 24 kHz: F5-TTS 'small' (151M) trained from scratch on Hindi IndicTTS + IndicVoices-R, 8x A100 40GB, close to a week (2024)",
    quality="C", modality="speech", architecture="flow-matching text-to-speech (F5-TTS diffusion transformer with ConvNeXt V2 text encoder), small config",
    paramsTotal=151_000_000, hardware="A100 40GB (form factor not stated)", devices=8,
    target=dict(metric=GPUH, value=8 * 7 * 24),
    source="Hugging Face model card SPRINGLab/F5-Hindi-24KHz, README commit 418921c (https://huggingface.co/SPRINGLab/F5-Hindi-24KHz/commit/418921cccf61a4aa30daecb083319f37c1d8e83c), 2024",
    notes="Card: 'This is a Hindi Text-to-Speech model trained from scratch using the F5 architecure.' 'The model was trained on 8x A100 "
          "40GB GPUs for close to a week.' 'We used the \"small\" configuration(151M parameter) model for training according to the F5 "
          "paper.' Training data: 'the Hindi subsets of IndicTTS and IndicVoices-R'. Target [D] = 8 x 7 d x 24 = 1,344 A100-hours (upper "
          "reading of 'close to a week'). Hours of audio, steps and batch not stated. Quality C: coarse duration, amount of training "
          "only as named datasets."))

# ====================================================================== diffusion: Flash Diffusion LoRA distillations (Jasper Research, 2024)
A(C(id="flash-sdxl-lora-distill-20k-it-4xh100-176h",
    name="Flash Diffusion FlashSDXL: 26.4M-parameter LoRA distilled from SDXL for 4-step generation, 20k iterations, 4x H100, 176 GPU-hours (2024)",
    quality="B", modality="diffusion", architecture="unet (SDXL teacher + LoRA student, distillation), 26.4M trainable",
    paramsTotal=26_400_000, resolution=1024, hardware="H100 (form factor not stated)", devices=4,
    target=dict(metric=GPUH, value=176),
    source="Hugging Face model card jasperai/flash-sdxl, README commit f7fb56c (https://huggingface.co/jasperai/flash-sdxl/commit/f7fb56c5b14b610bd4078a222ebef90c22249519); paper arXiv 2406.02347 (2024)",
    notes="Card: 'This model is a 26.4M LoRA distilled version of SDXL model that is able to generate images in 4 steps.' 'The model was "
          "trained for 20k iterations on 4 H100 GPUs (representing approximately a total of 176 GPU hours of training).' Target = 176 "
          "H100-hours as stated (44 h wall-clock [D]). Batch size / data in the paper only (not read): samples null. paramsTotal = "
          "trainable LoRA (26.4M); the frozen SDXL teacher/student UNet (~2.6B [R]) runs forward passes. resolution 1024 [R] (SDXL "
          "native). Sibling of footprint-5's flash-sd (SD1.5, 26 GPU-hours); different base model and run. Quality B."))
A(C(id="flash-pixart-lora-distill-40k-it-4xh100-188h",
    name="Flash Diffusion FlashPixart: 66.5M-parameter LoRA distilled from PixArt-alpha (1024 px, 4 steps), 40k iterations, 4x H100, ~188 hours (2024)",
    quality="C", modality="diffusion", architecture="dit (PixArt-alpha teacher + LoRA student, distillation), 66.5M trainable",
    paramsTotal=66_500_000, resolution=1024, hardware="H100 (form factor not stated)", devices=4,
    target=dict(metric=GPUH, value=188), also=[dict(metric=GPUH, value=4 * 188)],
    source="Hugging Face model card jasperai/flash-pixart, README commit bbe7d5c (https://huggingface.co/jasperai/flash-pixart/commit/bbe7d5c651b77e0d0eba272292e9372110637ea4); paper arXiv 2406.02347 (2024)",
    notes="Card: 'This model is a 66.5M LoRA distilled version of Pixart-α model that is able to generate 1024x1024 images in 4 steps.' "
          "Commit bbe7d5c changed 'The model was trained for 40k iterations on 4 H100 GPUs.' to '... (representing approximately 188 "
          "hours of training)'. footprint-5 rejected this card because its earlier revision gave no time. Target = 188 read as total "
          "GPU-hours, the convention of the sibling cards ('a total of 176 GPU hours' for FlashSDXL; FlashSD corrected from '13 hours' "
          "to 'a total 26 GPU hours'); if 188 were wall-clock the run would be 4 x 188 = 752 GPU-hours (also). Quality C: "
          "GPU-hours vs wall-clock ambiguity; batch/data not read."))

# ====================================================================== diffusion / GAN: PixArt-alpha paper, Table 2 compute column (secondary estimates)
PIX_SRC = ("Chen et al., 'PixArt-α: Fast Training of Diffusion Transformer for Photorealistic Text-to-Image Synthesis' (arXiv "
           "2310.00426, ICLR 2024), Table 2 (MSCOCO zero-shot FID-30K vs #Params, #Images, GPU days); read as reproduced in a GitHub-"
           "indexed paper review (find_string file id 58660526522), not in the PDF")
PIX_COMMON = ("Table 2 row (as reproduced): '| Method | Type | #Params | #Images | FID-30K | GPU days |'; PixArt-α itself ('0.6B | 25M | "
              "7.32 | 753 A100') is footprint-1's pixart-alpha and SDv1.5 (6,250 A100) is the excluded SD v1 — neither is used. The GPU-day "
              "figures are PixArt-α's conversions of the original papers' compute to A100-days (secondary estimates, not the model owners' "
              "own accounting); #Images is the training-set size the table lists, not images seen. ")
for cid, name, typ, arch, params, images, days, year in (
        ("dalle2-6.5b-650m-img-41667-a100-days", "DALL·E 2 (unCLIP, 6.5B)", "diffusion", "diffusion (CLIP-prior + diffusion decoder + upsamplers, unCLIP)", 6_500_000_000, 650_000_000, 41_667, 2022),
        ("gigagan-0.9b-2700m-img-4783-a100-days", "GigaGAN (0.9B)", "vision", "gan (text-conditional GigaGAN generator + discriminator)", 900_000_000, 2_700_000_000, 4_783, 2023),
        ("imagen-3b-860m-img-7132-a100-days", "Imagen (3.0B)", "diffusion", "diffusion (cascaded pixel-space U-Nets, frozen T5-XXL text encoder)", 3_000_000_000, 860_000_000, 7_132, 2022),
        ("raphael-3b-5000m-img-60000-a100-days", "RAPHAEL (3.0B)", "diffusion", "diffusion (U-Net with mixture-of-experts 'space-MoE / time-MoE' layers)", 3_000_000_000, 5_000_000_000, 60_000, 2023),
):
    A(C(id=cid, name=f"{name} text-to-image training, {days:,} A100 GPU-days as tabulated by PixArt-α ({year} model; table 2023)",
        quality="C", modality=typ, architecture=arch, paramsTotal=params, samples=images,
        hardware="A100 (PixArt-α's normalisation; original hardware differs)", devices=None,
        target=dict(metric=GPUH, value=days * 24),
        source=PIX_SRC,
        notes=PIX_COMMON + f"Row: '{name.split(' (')[0]} | {'GAN' if typ == 'vision' else 'Diff'} | {params/1e9:.1f}B | "
              f"{images/1e6:,.0f}M{'+' if images == 5_000_000_000 else ''} | … | {days:,} A100'. Target [D] = {days:,} x 24 = {days*24:,} "
              "A100-hours. Devices null (GPU-days is a total). Quality C: secondary, normalised estimate; amount of training only as "
              "dataset size."))

# ====================================================================== vision (3D): OpenLRM v1.0 and LRM (large reconstruction models)
LRM_ISSUE = ("3DTopia/OpenLRM GitHub issue #2 'Computation Cost' (https://github.com/3DTopia/OpenLRM/issues/2, Dec 2023 - Jan 2024), "
             "maintainer replies; architecture from the v1.0 model card zxhezexin/openlrm-base-obj-1.0 (README)")
for size, layers, dim, trip, rres, devs, days in (("small", 12, 768, 32, 192, 32, 1.5), ("base", 12, 1024, 40, 192, 32, 2), ("large", 16, 1024, 80, 384, 64, 5)):
    A(C(id=f"openlrm-{size}-obj-1.0-objaverse-{devs}xa100-80gb-{days:g}d",
        name=f"OpenLRM v1.0 {size}: image-to-3D large reconstruction model (DINO encoder + transformer to triplane NeRF) trained on Objaverse, {devs}x A100-80G, {days:g} days (2024)",
        quality="C", modality="vision",
        architecture=f"image-to-triplane transformer (DINO ViT image encoder, {layers} layers, dim {dim}, triplane dim {trip}, render res {rres}) + NeRF triplane decoder",
        hardware="A100 80GB (form factor not stated)", devices=devs,
        target=dict(metric=GPUH, value=devs * days * 24),
        source=LRM_ISSUE,
        notes="Issue #2, maintainer ZexinHe (Jan 9, 2024): 'The updated v1.0 models are trained as follows. For small model, 32 A100-80G for "
              "1.5 days. For base model, 32 A100-80G for 2 days. For large model, 64 A100-80G for 5 days.' v1.0 card table: "
              f"'openlrm-{size}-obj-1.0 | Objaverse | {layers} | {dim} | {trip} | {rres}' (Layers, Feat. Dim, Trip. Dim., Render Res.). "
              f"Target [D] = {devs} x {days:g} d x 24 = {devs*days*24:,.0f} A100-hours. Parameter count, epochs / steps, batch and number "
              "of Objaverse objects used are not stated (null). Quality C: maintainer's reply, no amount of training."))
A(C(id="lrm-500m-objaverse-mvimgnet-128xa100-40gb-3d",
    name="LRM (Large Reconstruction Model, Adobe/ANU): ~500M image-to-3D transformer trained on Objaverse + MVImgNet, 128x A100-40G, 3 days (2023)",
    quality="C", modality="vision",
    architecture="image-to-triplane transformer (DINO ViT-B/16 encoder, 16-layer image-to-triplane decoder) + NeRF MLP",
    paramsTotal=500_000_000, samples=1_000_000, epochs=30, hardware="A100 40GB (form factor not stated)", devices=128,
    target=dict(metric=GPUH, value=128 * 3 * 24),
    source="Hong et al., 'LRM: Large Reconstruction Model for Single Image to 3D' (arXiv 2311.04400, ICLR 2024); the compute sentence read as "
           "quoted in 3DTopia/OpenLRM issue #2; parameters / epochs / data size [R]",
    notes="Issue #2 (user chenguolin quoting the paper): 'it takes 128 A100-40G GPUs for 3 days to complete training on the Objaverse + "
          "MVImgNet dataset in the original paper.' Target [D] = 128 x 3 d x 24 = 9,216 A100-hours. Paper details recalled, not read: "
          "'500 million learnable parameters' [R], ~1M objects/videos (Objaverse ~730k renders + MVImgNet ~220k videos) [R], 30 epochs "
          "[R]. Quality C: compute via a quotation, other elements recalled."))

# ====================================================================== vision (medical 3D segmentation): NVIDIA DLE nnU-Net (PyTorch), BraTS
NNU_SRC = ("NVIDIA/DeepLearningExamples (GitHub), commit 1347d7cb88dca96d0a68f4701f5163833d9cef71 (file index copy), "
           "PyTorch/Segmentation/nnUNet/README.md (id 5302875924), 'Training accuracy results' tables; claimed as lab-footprint-18")
NNU_COMMON = ("README: 'The nnU-Net allows training two types of networks: 2D U-Net and 3D U-Net'; 'All models were trained with RAdam "
              "optimizer, learning rate 0.001 and weight_decay 0.0001'; 'Early stopping is triggered if validation dice score wasn't "
              "improved during the last 100 epochs'; options '--min_epochs ... (default: 100)', '--max_epochs ... (default: 10000)', "
              "'--patience: Early stopping patience (default: 50)'; Quick Start: 'Prepare BraTS dataset ... python download.py --task 01' "
              "(Medical Segmentation Decathlon Task01_BrainTumour, 484 training volumes [R], 5-fold CV so ~387 per fold [D]). Results "
              "were 'averag[ed]' over folds 0-4 ('--fold {0,1,2,3,4}'). ")
for dim, gpus, bs, mins, table, hw, q in (
        (2, 1, 16, 89, "A100", "A100 40GB (DGX A100)", "C"), (2, 8, 16, 13, "A100", "A100 40GB (DGX A100)", "C"),
        (3, 1, 2, 241, "A100", "A100 40GB (DGX A100)", "C"), (3, 8, 2, 36, "A100", "A100 40GB (DGX A100)", "C"),
        (3, 8, 2, 58, "V100", "V100 16GB (DGX-1)", "C")):
    tbl = ("'Training accuracy: NVIDIA DGX A100 (8x A100 40GB)' (its lead sentence, copied from the V100 table, still names 'DGX-1 with "
           "(8x V100 16GB)')" if table == "A100" else "'Training accuracy: NVIDIA DGX-1 (8x V100 16GB)'")
    A(C(id=f"dle-nnunet-{dim}d-brats-task01-{gpus}x{table.lower()}-amp-{mins}min",
        name=f"NVIDIA DLE nnU-Net {dim}D U-Net on BraTS (MSD Task01), {gpus}x {table}, AMP, batch {bs}/GPU, {mins} min to train (2021)",
        quality=q, modality="vision",
        architecture=f"{dim}D U-Net (nnU-Net dynamic configuration: strided-conv encoder, transposed-conv decoder, instance norm, leaky ReLU)",
        samples=387, resolution="4x192x160 patch" if dim == 2 else "4x128x128x128 patch",
        hardware=hw, devices=gpus, precision="mixed (AMP)",
        target=dict(metric=GPUH, value=gpus * mins / 60),
        source=NNU_SRC,
        notes=NNU_COMMON + f"Table {tbl}, row '| {dim} | {gpus} | {bs} | … | {mins} min | …' (Time to train - mixed precision). "
              f"Target [D] = {gpus} x {mins} / 60 = {gpus*mins/60:.3g} GPU-hours per fold run. Input shapes from the inference tables "
              "('4x192x160' 2D, '4x128x128x128' 3D). Epochs null: training length is set by early stopping (>=100 epochs). paramsTotal "
              "null (nnU-Net sizes its U-Net per dataset). Quality C: no fixed amount of training; A100 table header inconsistent."))

# ====================================================================== speech: Whisper-small Portuguese fine-tune (model card 'Hours used')
A(C(id="whisper-small-pt-cv17-mls-ft-a10g-15h",
    name="Whisper-small fine-tuned for Portuguese ASR on Common Voice 17 + Multilingual LibriSpeech with synthetic-data filtering, NVIDIA A10G, 'Hours used: 15' (2024)",
    quality="C", modality="speech", architecture="encoder-decoder transformer (Whisper small), full fine-tune",
    paramsTotal=242_000_000, hardware="A10G 24GB (AWS)", devices=None,
    target=dict(metric=GPUH, value=15),
    source="Hugging Face model card my-north-ai/whisper-small-pt, README commit 8d40f64 (https://huggingface.co/my-north-ai/whisper-small-pt/commit/8d40f6490007090f961ce5181e54c7d8e3733b10), 2024",
    notes="Card 'Environmental Impact': '- Hardware Type: NVIDIA A10G', '- Hours used: 15', '- Cloud Provider: AWS', '- Compute Region: "
          "US EAST'. Tags/datasets: 'contrastive-learning', 'synthetic-data-filtering', 'mozilla-foundation/common_voice_17_0', "
          "'facebook/multilingual_librispeech', language pt. Target = 15 as stated ('Hours used' read as GPU-hours; one A10G assumed "
          "by the template, devices null). paramsTotal 242M [R] (Whisper small). Hours of audio, epochs and steps not in what was read. "
          "Quality C."))

# ====================================================================== multimodal: Idefics2-8B (Hugging Face, 2024)
A(C(id="idefics2-8b-vlm-256xh100-1-month",
    name="Idefics2-8B vision-language model (SigLIP + Mistral-7B, perceiver connector): training 'roughly 1 month on 32 nodes of 8 H100s' (2024)",
    quality="C", modality="multimodal",
    architecture="vision-language model (SigLIP-SO400M vision encoder + perceiver resampler + Mistral-7B decoder)",
    paramsTotal=8_000_000_000, hardware=H100, devices=256,
    target=dict(metric=GPUH, value=256 * 30 * 24),
    source="Hugging Face post by HugoLaurencon (Idefics2 author), 'Introducing Idefics2: A Powerful 8B Vision-Language Model for the community' "
           "comment thread (https://huggingface.co/HugoLaurencon/activity/posts), April 2024",
    notes="Post comment: 'It was roughly trained for 1 month on 32 nodes of 8 H100s' and 'We will publish all the details on how the "
          "foundation model was trained during its release!'. Target [D] = 32 x 8 x 30 d x 24 = 184,320 H100-hours (1 month read as 30 "
          "days). paramsTotal 8B (title). Tokens / image-text pairs / steps not in what was read (null). Quality C: coarse duration, "
          "no amount of training; not the Idefics v1 9B/80B runs of footprint-4/-7."))

# ====================================================================== description
DESCRIPTION = ("Eighteenth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..17 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
               "[R] = recalled/secondary; [D] = derived arithmetic shown in notes and in make_cases.py.")


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
    "set": "footprint-heldout-18",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
