"""Builds footprint-heldout-22 (cases.json next to this file).

Every number below is either copied from the quoted sentence / card line in the case's notes or computed here from such
numbers (GPUs x hours, GPUs x days x 24, minutes / 60, steps x batch x sequence). Nothing is fitted, nothing is recalled (a
value that was not in the text read is null), and the Green ML Review estimator was never run on these cases. [D] = derived here.
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


def CARD(repo, where, commit=None):
    c = f", commit {commit}" if commit else " (no commit id shown on the stored page)"
    return (f"Hugging Face model card {repo} (https://huggingface.co/{repo}), {where}{c}; read as the search tool's "
            f"stored page")


# ====================================================================== text: small LMs pre-trained from scratch
CREST_STEPS, CREST_BS, CREST_GA, CREST_BLOCK = 5000, 32, 4, 512
A(C(id="crest-20m-nanogpt-5000-steps-bs32x4-ctx512-1xt4-71min",
    name="Crest-20M-Base: nanoGPT (20.75M) pre-trained from scratch on FineWeb-Edu, 5,000 steps x 32 x 4 x 512 tokens, one Kaggle T4 16GB, ~71 min",
    quality="B", architecture="decoder-only transformer (nanoGPT; 10 layers, 8 heads, embedding 256, block 512)",
    paramsTotal=20_750_000, tokens=CREST_STEPS * CREST_BS * CREST_GA * CREST_BLOCK, seqLen=CREST_BLOCK,
    hardware="T4 16GB", devices=1, precision="float16",
    target=dict(metric=GPUH, value=71 / 60),
    source=CARD("LH-Tech-AI/Crest-20M-Base", "'Training data' and 'Training specs' sections",
                "a131673 (train-time line added; 'final loss of 4.2044' line from e8463a9)"),
    notes="Card: 'This is a tiny 20.75M parameter model showing how small models can perform on a little bunch of data.' 'We used "
          "the first 100 million tokens of the 10BT Sample of Fineweb-Edu to train this model for 5000 steps'. Training specs: "
          "'Architecture: nanoGPT', 'Parameters: 20.75M', 'Train Steps: 5000 (5k)', 'Learning Rate: 5e-4', 'Layers: 10', 'Heads: 8', "
          "'Embed Layers: 256', 'Block Size (Context lenght): 512', 'Batch Size: 32', 'Gradient Accumulation Steps: 4', 'Compile model: "
          "False', 'Device Type: float16 - CUDA on Kaggle T4 16GB GPU (train time: ~71min)' (the train-time clause was added in "
          "commit a131673). tokens [D] = 5,000 steps x 32 x 4 accumulation x 512 = 327,680,000 tokens processed (about 3.3 passes over "
          "the 100M-token slice). Target [D] = 1 x 71 / 60 = 1.1833 T4-hours. Quality B: every input stated; device count from 'Kaggle "
          "T4 16GB GPU' (singular; Kaggle's dual-T4 option not mentioned)."))

NG_STEPS, NG_TOK_PER_STEP = 3000, 524_288
A(C(id="nanogpt-3000-124m-fineweb-3000-steps-524k-tok-2xa100-40gb-70min",
    name="nanoGPT-3000: GPT-2-class 124M LM pre-trained from scratch on FineWeb-10B, 3,000 steps x 524,288 tokens (~1.57B), 2x A100 40GB, ~70 min",
    quality="A", architecture="decoder-only transformer (GPT-2-class, RoPE, RMSNorm + QK-norm, squared ReLU, U-Net skips; Muon + AdamW)",
    paramsTotal=124_000_000, tokens=NG_STEPS * NG_TOK_PER_STEP, seqLen=2048,
    hardware="A100 40GB", devices=2,
    target=dict(metric=GPUH, value=2 * 70 / 60),
    source=CARD("ashrafs1/nanogpt-3000", "opening paragraph and 'Quick Stats' table"),
    notes="Card: 'A 124M-parameter GPT-2-class causal language model built from scratch in PyTorch and trained on FineWeb-10B. This is a "
          "pretraining checkpoint (3,000 steps, ~1.57B tokens).' Quick Stats: 'Parameters ~124M', 'Context 2,048 tokens', 'Batch size "
          "524,288 tokens/step', 'Hardware 2× A100 40GB', 'Time ~70 min', 'MFU 70%', 'Throughput 375K tok/s', 'Optimizer Muon (2D "
          "weights) + AdamW (embeddings)'. tokens [D] = 3,000 x 524,288 = 1,572,864,000 (the card's ~1.57B). Cross-check [D]: "
          "1.573e9 / 375,000 tok/s = 4,194 s = 69.9 min, matching '~70 min'. Target [D] = 2 x 70 / 60 = 2.3333 A100-hours. Quality A: "
          "parameters, tokens, devices and time stated and mutually consistent (parameters given as '~124M')."))

A(C(id="nanogpt-124m-speedrun-cave-0.92b-tok-1xrtx4090-115min",
    name="NanoGPT-124M 'In a Cave With a Box of Scraps': GPT-2 124M from scratch on ~0.92B FineWeb tokens (val loss 3.286 at step 1,750), one RTX 4090, ~115 min",
    quality="B", architecture="decoder-only transformer (NanoGPT / GPT-2 small)",
    paramsTotal=124_000_000, tokens=920_000_000,
    hardware="RTX 4090 (memory not stated)", devices=1,
    target=dict(metric=GPUH, value=115 / 60),
    source=CARD("DevParker/NanoGPT-124m-In-A-Cave-With-A-Box-Of-Scraps", "introduction, 'Rules' and 'Current Record' table"),
    notes="Card: 'This is an effort to train NanoGPT (gpt-2 128m) from scratch using a billion tokens of FineWeb to lower than 3.29 "
          "validation loss as fast as possible using just one single consumer 4090.' Rules: 'Achieve validation loss ≤ 3.29 on a GPT-2 "
          "124M(-ish) model trained from scratch on FineWeb'. Record row: '🥇 1 | DevParker | 1× RTX 4090 | ~0.92B | 3.286 @ step 1750 | "
          "~115 minutes | ~130–140k tokens/s | train_gpt_improved.py'. paramsTotal = the 124M of the rules line (the intro says 'gpt-2 "
          "128m'; the two differ by the padded vocabulary, not stated). tokens = the row's ~0.92B tokens trained. Cross-check [D]: "
          "0.92e9 / 135,000 tok/s = 6,815 s = 114 min. Target [D] = 1 x 115 / 60 = 1.9167 GPU-hours. Quality B: nominal parameters, "
          "sequence length and batch not in the text read."))

J_STEPS, J_TOK = 19_622, 524_288
A(C(id="gpt2-350m-edu-hermes-llmc-19622-steps-2xrtx4090-30h",
    name="gpt2_350M_edu_hermes: llm.c GPT-2 355M pre-trained on FineWeb-Edu 10B interleaved with OpenHermes 2.5 (~10B tokens), 2x RTX 4090, 30 h",
    quality="C", architecture="decoder-only transformer (GPT-2 medium, llm.c 'd24')",
    paramsTotal=355_000_000, tokens=J_STEPS * J_TOK, seqLen=1024,
    hardware="RTX 4090 (memory not stated)", devices=2, precision="bf16",
    target=dict(metric=GPUH, value=2 * 30),
    source=CARD("jrahn/gpt2_350M_edu_hermes", "'Training regime' and 'Speeds, Sizes, Times' lines (as shown in the diff of commit "
                "37d7cbd) plus run_gpt2_350M_edu_hermes.sh (upload f227cda, page at 6d6296c)"),
    notes="Card lines (diff of commit 37d7cbd, which edits them; the replacement text was not shown in the excerpt read): 'Params: 355M "
          "->', 'Tokens: ~10B', 'Total training time: 30hrs'; unchanged context lines: 'Hardware: 2x RTX4090', 'MFU: 71% (110,000 tok/s)', "
          "'Training regime: bf16', 'context length 1024', 'per device batch size 16'. Run script: 'mpirun -np 2 ./train_gpt2cu ... -b "
          "16 -t 1024 -d 524288 ... -x 19622 -e \"d24\"'. tokens [D] = 19,622 steps x 524,288 tokens/step = 10,287,579,136 (the card's "
          "~10B). Cross-check [D]: 10.29e9 / 110,000 tok/s = 26 h of pure step time vs the stated 30 h. Target [D] = 2 x 30 = 60 "
          "GPU-hours. The script's header comment ('on 8X A100 80GB SXM ... ~47 hours') is the llm.c template's estimate for another "
          "configuration, not this run, and is not used. This is a user's run on a HF card, not karpathy/llm.c's own reproductions. "
          "Quality C: the hours line was read only as a line edited by a later commit."))

# ====================================================================== text: LLM fine-tunes / continued pre-training
A(C(id="llama-2-7b-qlora-polish-1b-tok-ctx4096-bs128-1xrtx4090-20d",
    name="Azurro llama-2-7b-qlora-polish: QLoRA adapter for Llama-2-7b trained on 1B Polish tokens, context 4096, batch 128, one RTX 4090, 20 days",
    quality="B", architecture="decoder-only transformer (Llama 2 7B, NF4 double-quant base + LoRA r=64 on all modules)",
    paramsTotal=7_000_000_000, tokens=1_000_000_000, seqLen=4096,
    hardware="RTX 4090 (memory not stated)", devices=1, precision="4-bit NF4 base (QLoRA, double_quant)",
    target=dict(metric=GPUH, value=1 * 20 * 24),
    source=CARD("Azurro/llama-2-7b-qlora-polish", "card text (README 5c146d3; commit 24a5746 adds only an image)", "5c146d3"),
    notes="Card: 'This repo contains a qlora adapter for Llama-2-7b, trained on 1B tokens, only in Polish.' 'The training took 20 days "
          "on a single RTX 4090 with the following hyperparameters: context length: 4096, batch_size: 128, learning_rate: 0.0002, cosine "
          "with warmup, lora_r: 64, lora_alpha: 16, lora_modules: all, lora_dropout: 0.0, weight_decay: 0.1, max_grad_norm: 0.3, "
          "double_quant, nf4, optimizer: paged_adamw_32bit'. Target [D] = 1 x 20 x 24 = 480 GPU-hours. paramsTotal = the nominal 7B of "
          "Llama-2-7b (frozen 4-bit base; only the LoRA adapter is trained, size not stated). tokens = the stated 1B (passes not stated; "
          "one assumed). Quality B: nominal parameters, 'batch_size: 128' read as sequences per optimizer step."))

A(C(id="sauerkrautlm-qwen1.5-32b-sft-160k-2ep-dpo-110k-1ep-2xa100-72.5h",
    name="SauerkrautLM-Qwen-32b: Qwen1.5-32B taught German, SFT on 160,000 examples x 2 epochs then DPO on 110,000 pairs x 1 epoch, 2x A100 SXM, 72.5 h",
    quality="B", architecture="decoder-only transformer (Qwen1.5-32B; full vs adapter fine-tune not stated)",
    paramsTotal=32_000_000_000, samples=160_000 * 2 + 110_000 * 1,
    hardware="A100 SXM (memory not stated)", devices=2,
    target=dict(metric=GPUH, value=2 * 72.5),
    source="Hugging Face post by DavidGF (VAGO solutions), https://huggingface.co/posts/DavidGF/208388131186349, cost breakdown for "
           "VAGOsolutions/SauerkrautLM-Qwen-32b; read as the search tool's stored page (no commit id)",
    notes="Post: 'we have broken down the costs incurred for our latest fine-tune ( VAGOsolutions/SauerkrautLM-Qwen-32b)'; 'Base model: "
          "Qwen/Qwen1.5-32B'; 'Fine-Tuning Goal: Train German language'; 'Training dataset size: 160,000 SFT data / 110,000 DPO data'; "
          "'Training duration: 72.5 hours (2 epochs SFT / 1 epoch DPO)'; 'GPU: 2x A100 SXM'; 'Total cost: 312 euros'. samples [D] = "
          "160,000 x 2 + 110,000 x 1 = 430,000 example-passes (footprint-19 convention for mixed phases: samples = examples seen, "
          "epochs null). Target [D] = 2 x 72.5 = 145 A100-hours. paramsTotal = the nominal 32B of the base name. Quality B: nominal "
          "parameters, sequence length and adapter use not stated (a 32B full fine-tune on 2 GPUs would need sharding/offload)."))

A(C(id="llama-3-sauerkrautlm-8b-instruct-2stage-dpo-70k-20k-4xrtx6000ada-12h",
    name="Llama-3-SauerkrautLM-8b-Instruct: two-stage DPO of Llama-3-8B-Instruct on 70k then 20k German pairs (1 epoch each), 4x RTX 6000 Ada, 12 h",
    quality="B", architecture="decoder-only transformer (Llama 3 8B Instruct, DPO; adapter use not stated)",
    paramsTotal=8_000_000_000, samples=70_000 + 20_000,
    hardware="RTX 6000 Ada (memory not stated)", devices=4,
    target=dict(metric=GPUH, value=4 * 12),
    source="Hugging Face post by DavidGF, https://huggingface.co/posts/DavidGF/752633127602434, and card "
           "VAGOsolutions/Llama-3-SauerkrautLM-8b-Instruct 'Training procedure' (commit 363937b); read as the search tool's stored pages",
    notes="Post: 'Original model: Llama-3-8b-Instruct', 'Training Duration: 12 hours', 'Training procedure: 2-staged DPO', 'Trained "
          "data: 70k (first stage) and 20k (second stage)', 'GPU: 4x RTX6000 ADA', 'Total training costs: 54,72 Dollar'. Card (commit "
          "363937b): 'We trained this model in a two staged DPO Fine-Tuning for 1 epoch with 70k data and another epoch with 20k data.' "
          "(the commit corrects an earlier '65k'). samples [D] = 70,000 + 20,000 = 90,000 preference pairs seen (one epoch each; "
          "epochs null under the mixed-phase convention). Target [D] = 4 x 12 = 48 GPU-hours. paramsTotal = the nominal 8B of "
          "Llama-3-8b. Quality B: nominal parameters, sequence length not stated."))

# ====================================================================== vision: diffusion
MD_STEPS, MD_BS = 2_000_000, 1024
A(C(id="maskdit-imagenet256-2m-updates-bs1024-8xa100-260h",
    name="MaskDiT class-conditional ImageNet 256x256: masked diffusion transformer, 2M updates x batch 1024, 8x A100, ~260 h",
    quality="C", modality="vision",
    architecture="MaskDiT (DiT-style latent diffusion transformer, asymmetric encoder on unmasked patches + light decoder; ~50% patches masked)",
    samples=MD_STEPS * MD_BS, resolution=256,
    hardware="A100 (memory not stated)", devices=8, precision="AMP (mixed precision, the code's default)",
    target=dict(metric=GPUH, value=8 * 260),
    source="MaskDiT README 'Requirements' and 'Efficiency' text: Hugging Face repo hzzheng/MaskDiT README (mirror page "
           "fast.hugflare.com/hzzheng/MaskDiT/raw/main/README.md) and the GitHub README of Anima-Lab/MaskDiT (mirror page "
           "geeksrepos.com/Anima-Lab/MaskDiT); abstract from ar5iv 2306.09305; no commit id shown",
    notes="README: 'Training MaskDiT on ImageNet256x256 takes around 260 hours with 8 A100 GPUs to perform 2M updates with a batch size "
          "of 1024.' 'Our MaskDiT applies Automatic Mixed Precision (AMP) by default.' Abstract: 'we randomly mask out a high proportion "
          "(e.g., 50%) of patches in diffused input images during training ... an asymmetric encoder-decoder architecture consisting of "
          "a transformer encoder that operates only on unmasked patches and a lightweight transformer decoder on full patches' and "
          "'using only 31% of its original training time' (vs DiT). samples [D] = 2,000,000 x 1,024 = 2,048,000,000 image-samples "
          "(latent-space diffusion on 256x256 images). Target [D] = 8 x 260 = 2,080 A100-hours. paramsTotal null: the model size is "
          "not stated in the text read (only the architecture family). The 512x512 run ('around 210 A100 GPU days to perform 1M "
          "updates with a batch size of 1024') is NOT a case: its GPU count is not stated. Quality C: no parameter count; half of the "
          "patches skip the encoder, so per-sample compute is below a plain DiT of the same size."))

# ====================================================================== description
DESCRIPTION = ("Twenty-second held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..21 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
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
    "set": "footprint-heldout-22",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
