"""Builds footprint-heldout-5 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x days x 24, TPU v2/v3 cores / 2 = chips, core-days x 24 / 2, weeks x 7). Nothing is fitted and the Green ML
Review estimator was never run on these cases. Run: python3 make_cases.py
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


def tpu_chips(cores):
    """TPU v2/v3 slices are named by TensorCores; 2 TensorCores per chip."""
    assert cores % 2 == 0
    return cores // 2


def core_days_to_chip_hours(core_days):
    """TPUv3-core-days -> chip-hours (2 TensorCores per chip)."""
    return core_days * 24 / 2


cases = []
A = cases.append

# ====================================================================== text: pre-training / continued pre-training (large)
A(C(id="lamda-137b", name="LaMDA 137B pre-training on 1024 TPU v3 chips, 57.7 days", quality="B",
    architecture="dense (decoder-only)", paramsTotal=137e9, seqLen=None,
    hardware="TPU v3", devices=1024,
    target=dict(metric="gpuHours", value=days(1024, 57.7)),
    source=("Thoppilan et al. 2022, 'LaMDA: Language Models for Dialog Applications' (arXiv 2201.08239), Sec. 3 'LaMDA pre-training' — "
            "read via a stored reading card (https://nl2code.github.io/posts/LAMDA)"),
    notes=("Reading card (quoting the paper): 'We pre-trained LaMDA on a dataset created from public dialog data and other public web "
           "documents. The pre-training dataset consists of 2.97B documents, 1.12B dialogs, and 13.39B dialog utterances, for a total of 1.56T "
           "words'; 'batch size: 256K tokens'; 'hardware: LaMDA 137B: 1024 TPU-v3 chips'; 'training time: 57.7 days'. Target [D] = 1024 chips x "
           "57.7 d x 24 = 1,418,035 TPU v3 chip-hours. B: secondhand card; tokens not put in `tokens` (the paper's 2.81T SentencePiece tokens "
           "is recalled [R], the card says 1.56T words); the card's 'trained tokens/steps: 3M tokens' line is a card error and ignored.")))
A(C(id="flan-palm-540b-instruction-ft", name="Flan-PaLM 540B instruction fine-tune of PaLM 540B, ~512 TPU v4 chips for 37 h", quality="B",
    architecture="dense (decoder-only, PaLM)", paramsTotal=540e9, hardware="TPU v4", devices=512,
    target=dict(metric="gpuHours", value=512 * 37),
    source=("Chung et al. 2022, 'Scaling Instruction-Finetuned Language Models' (arXiv 2210.11416), Sec. 2.2 and Table 2 — read via stored "
            "copies of the paper text (file-index ids 51911792966, 69101449125; repositories not named by the index) and a Table 2 copy "
            "(jiubeiyun.com.cn)"),
    notes=("Paper: 'Notably, the amount of compute used for finetuning is only a small fraction relative to the training compute, as shown in "
           "Table 2. For example, we only use 0.2% of the pre-training compute to instruction-finetune Flan-PaLM 540B (approximately 512 v4 "
           "TPU chips for 37 hours). We use the JAX-based T5X framework'. Table 2 row: '540B Flan-PaLM decoder-only causal LM 2.5E+24 5.6E+21 "
           "0.2%' (pre-train FLOPs, finetune FLOPs, share). Target [D] = 512 x 37 = 18,944 TPU v4 chip-hours. B: 'approximately'; the finetune "
           "token count is not stated in the lines read (5.6E21 FLOPs / (6 x 540e9) = 1.7B tokens [D] is a reader's inference, not used). A "
           "FINE-TUNE: the excluded PaLM 540B pre-training is not included.")))
LLEMMA = ("Azerbayev et al. 2024, 'Llemma: An Open Language Model for Mathematics' (ICLR 2024, arXiv 2310.10631), Sec. 2.3 'Model "
          "training' — read via stored secondary copies: a Japanese paper note (file-index id 23934936513), the Paramanu-Ganita paper "
          "(id 63290776861: 'LLEMMA 7B, was trained for 23,000 A100 equivalent hours') and ri.k117.org (hardware sentence)")
LLEMMA_Q = ("Hardware (paper, via ri.k117.org): 'We train all models in bfloat16 mixed precision using the GPT-NeoX library ... across 256 "
            "A100 40GB GPUs.' and 'LLEMMA 7B is trained for 42,000 steps with a global batch size of 4 million tokens and a 4096 token context "
            "length.' Paper note (Japanese, translated): '7B model trained on the equivalent of 200B tokens (42,000 steps, 4096 tokens per "
            "input, 23,000 A100-hours)'; '34B model trained on the equivalent of 50B tokens (12,000 steps, 4096 tokens per input, 47,000 "
            "A100-hours)'. ")
A(C(id="llemma-7b", name="Llemma 7B continued pre-training of Code Llama 7B on Proof-Pile-2 (200B tokens), 256 A100-40GB", quality="B",
    architecture="dense (decoder-only, Code Llama 7B init)", paramsTotal=7e9, tokens=200e9, seqLen=4096, precision="bf16",
    hardware="A100 40GB (form factor not stated)", devices=256,
    target=dict(metric="gpuHours", value=23000), source=LLEMMA,
    notes=(LLEMMA_Q + "Target = 23,000 A100-hours as stated. B: read through secondary copies; '200B tokens' is the model card's round "
           "figure (42,000 x 4M = 176B [D]); the 256-GPU count is the cluster used for all models, not necessarily per run. CONTINUED "
           "pre-training of Code Llama 7B.")))
A(C(id="llemma-34b", name="Llemma 34B continued pre-training of Code Llama 34B on Proof-Pile-2 (50B tokens), 256 A100-40GB", quality="B",
    architecture="dense (decoder-only, Code Llama 34B init)", paramsTotal=34e9, tokens=50e9, seqLen=4096, precision="bf16",
    hardware="A100 40GB (form factor not stated)", devices=256,
    target=dict(metric="gpuHours", value=47000), source=LLEMMA,
    notes=(LLEMMA_Q + "Target = 47,000 A100-hours as stated. B: secondary copies; 12,000 x 4M = 50B tokens [D] agrees with the note. "
           "CONTINUED pre-training of Code Llama 34B.")))
A(C(id="gpt-oss-20b", name="gpt-oss-20b (MoE, 20.9B total / 3.6B active) pre-training, 'almost 10x fewer' H100-hours than gpt-oss-120b",
    quality="B", architecture="moe", paramsTotal=20.9e9, paramsActive=3.6e9, precision=None,
    hardware="H100 (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=2.1e6 / 10),
    source=("OpenAI 2025, 'gpt-oss-120b & gpt-oss-20b Model Card' (arXiv 2508.10925), Sec. 2 'Training' — read via stored copies of the "
            "card text (file-index ids 54155621995, 69667123798) and an architecture summary (lephongphu.site)"),
    notes=("Card: 'Training: The gpt-oss models trained on NVIDIA H100 GPUs using the PyTorch framework with expert-optimized Triton "
           "kernels. The training run for gpt-oss-120b required 2.1 million H100-hours to complete, with gpt-oss-20b needing almost 10x "
           "fewer.' Summary: 'gpt-oss-20b: 20.9B total parameters (3.6B active), 24 layers, 32 experts per MoE block.' 'Models were trained on "
           "trillions of text tokens'. Target [D] = 2.1M / 10 = 210,000 H100-hours. B: 'almost 10x fewer' means a little MORE than 210k "
           "(treat as a lower-side point estimate, +-15 %); token count not stated. gpt-oss-120b is excluded and not a target here.")))
RUGPT = "https://huggingface.co/ai-forever/{} model card (README.md) — SberDevices, 2021"
A(C(id="rugpt3large-760m", name="ruGPT-3 Large (760M) pre-training, 80B tokens x 3 epochs, 128 GPUs for ~14 days", quality="B",
    architecture="dense (decoder-only, GPT-2 style)", paramsTotal=760e6, tokens=80e9 * 3, seqLen=1024,
    hardware="GPU (type not stated in the card)", devices=128,
    target=dict(metric="gpuHours", value=days(128, 14)),
    source=RUGPT.format("rugpt3large_based_on_gpt2") + " (commit aa2b602 'add model card')",
    notes=("Card: 'Model was trained with sequence length 1024 using transformers lib by SberDevices team on 80B tokens for 3 epochs. After "
           "that model was finetuned 1 epoch with sequence length 2048. Total training time was around 14 days on 128 GPUs for 1024 context "
           "and few days on 16 GPUs for 2048 context.' Target [D] = 128 x 14 d x 24 = 43,008 GPU-h for the 1024-context stage (the 'few days "
           "on 16 GPUs' 2048 stage, ~1-2k GPU-h, is left out). B: GPU type not stated (SberCloud Christofari V100 [R]); 760M = the usual "
           "size of this model [R], not in the card; 'around'.")))
A(C(id="rugpt3small-125m", name="ruGPT-3 Small (125M) pre-training, 80B tokens ~3 epochs, 32 GPUs for ~one week", quality="B",
    architecture="dense (decoder-only, GPT-2 style)", paramsTotal=125e6, tokens=80e9 * 3, seqLen=1024,
    hardware="GPU (type not stated in the card)", devices=32,
    target=dict(metric="gpuHours", value=days(32, 7)),
    source=RUGPT.format("rugpt3small_based_on_gpt2") + " (blob at commit d64244b)",
    notes=("Card: 'Model was trained with sequence length 1024 using transformers by SberDevices team on 80B tokens around 3 epoch. After "
           "that model was finetuned on 2048 context. Total training time took around one week on 32 GPUs.' Target [D] = 32 x 7 d x 24 = "
           "5,376 GPU-h. B: 'around one week'; GPU type not stated; 125M [R] (GPT-2 small shape).")))
A(C(id="rugpt3xl-1.3b", name="ruGPT-3 XL (1.3B, sparse attention) pre-training, 80B tokens x 4 epochs, 256 GPUs ~10 days", quality="B",
    architecture="dense (decoder-only, GPT-3 style with sparse attention blocks)", paramsTotal=1.3e9, tokens=80e9 * 4, seqLen=512,
    hardware="GPU (type not stated in the card)", devices=256,
    target=dict(metric="gpuHours", value=days(256, 10)),
    source=RUGPT.format("rugpt3xl") + " (commit c3c2888 'add model card')",
    notes=("Card: 'Model was trained with 512 sequence length using Deepspeed and Megatron code by SberDevices team, on 80B tokens dataset "
           "for 4 epochs. After that model was finetuned 1 epoch with sequence length 2048. *Note! Model has sparse attention blocks.* Total "
           "training time was around 10 days on 256 GPUs. Final perplexity on test set is 12.05. Model parameters: 1.3B.' Target [D] = 256 x "
           "10 d x 24 = 61,440 GPU-h. B: 'around'; GPU type not stated; whether the 2048 fine-tune is inside the 10 days is not stated.")))
A(C(id="mbart-cc25", name="mBART (cc25, 25 languages) denoising pre-training, 256 V100-32GB, 500K steps, ~2.5 weeks", quality="B",
    architecture="encoder-decoder (BART-large shape, 12+12 layers)", paramsTotal=610e6,
    hardware="V100 32GB (form factor not stated)", devices=256,
    target=dict(metric="gpuHours", value=days(256, 2.5 * 7)),
    source=("Liu et al. 2020, 'Multilingual Denoising Pre-training for Neural Machine Translation' (TACL 2020, arXiv 2001.08210), Sec. 2.2 "
            "— read via stored paper notes (file-index ids 17185028865, 17329149127, 10875903589)"),
    notes=("Notes (quoting the paper): 'The full model (including 25 languages) is trained on 256 Nvidia V100 GPUs (32GB) for 500K steps. "
           "The total batch size is around 128K tokens per GPU, matching BART (Lewis et al., 2019).' and 'The total training time was "
           "approximately 2.5 weeks.' Target [D] = 256 x 17.5 d x 24 = 107,520 V100-hours. B: 'approximately 2.5 weeks'; 610M parameters [R] "
           "(mbart-large-cc25), not in the lines read; tokens not computed (the '128K tokens per GPU' batch wording is ambiguous).")))
A(C(id="scibert-scivocab-tpuv3-8", name="SciBERT (scivocab, from scratch) pre-training on one TPU v3-8, 1 week", quality="B",
    architecture="dense-encoder (BERT-base)", paramsTotal=110e6, seqLen=512,
    hardware="TPU v3", devices=tpu_chips(8),
    target=dict(metric="gpuHours", value=days(tpu_chips(8), 7)),
    also=[dict(metric="gpuHours", value=days(tpu_chips(8), 5))],
    source=("Beltagy, Lo & Cohan 2019, 'SciBERT: A Pretrained Language Model for Scientific Text' (EMNLP 2019, arXiv 1903.10676), Sec. 3.2 "
            "— read via stored copies of the paper text (file-index ids 71131699076, 70138750341) and the allenai/scibert_scivocab_uncased card"),
    notes=("Paper: 'Following the original BERT code, we set a maximum sentence length of 128 tokens, and train the model until the training "
           "loss stops decreasing. We then continue training the model allowing sentence lengths up to 512 tokens. We use a single TPU v3 with "
           "8 cores. Training the SCIVOCAB models from scratch on our corpus takes 1 week (5 days with max length 128, then 2 days with max "
           "length 512). The BASEVOCAB models take 2 fewer days of training because they aren't trained from scratch.' Card: 'Corpus size is "
           "1.14M papers, 3.1B tokens.' Target [D] = 4 chips (8 TensorCores / 2) x 7 d x 24 = 672 TPU v3 chip-hours; also = the basevocab "
           "variant, 4 x 5 d x 24 = 480 (not a target). B: epochs over the 3.1B-token corpus not stated; 110M = BERT-base [R].")))
A(C(id="bioformer-8l-tpuv2-8", name="Bioformer-8L (42.8M BERT) pre-training from scratch on one TPU v2-8, 2M steps, ~8.3 days",
    quality="A", architecture="dense-encoder (BERT, 8 layers, hidden 512)", paramsTotal=42_820_610,
    tokens=2_000_000 * 256 * 512, seqLen=512,
    hardware="TPU v2", devices=tpu_chips(8),
    target=dict(metric="gpuHours", value=days(tpu_chips(8), 8.3)),
    source=("https://huggingface.co/bioformers/bioformer-8L model card (commits 2dfc2f4 'Create README.md' and 1855f2c) — 2021"),
    notes=("Card: 'Bioformer has 8 layers (transformer blocks) with a hidden embedding size of 512, and the number of self-attention heads is "
           "8. and its total number of parameters is 42,820,610.' 'Bioformer was pre-trained from scratch on the same corpus as the vocabulary "
           "(33 million PubMed abstracts + 1 million PMC full-text articles).' 'Pre-training of Bioformer was performed on a single Cloud TPU "
           "device (TPUv2, 8 cores, 8GB memory per core). The maximum input sequence length was fixed to 512, and the batch size was set to 256. "
           "We pre-trained Bioformer for 2 million steps, which took about 8.3 days.' Target [D] = 4 chips x 8.3 d x 24 = 796.8 TPU v2 "
           "chip-hours. tokens [D] = 2M x 256 x 512 = 262B (an upper bound: sequences may be shorter than 512). A: time, steps x batch x "
           "length and exact parameters stated.")))
A(C(id="nanot5-base-1gpu-16h", name="nanoT5: T5-base (248M) pre-training on C4 on a single GPU in 16 hours", quality="B",
    architecture="encoder-decoder (T5-v1.1-base)", paramsTotal=248e6, seqLen=512,
    hardware="A100 40GB (recalled [R]; the abstract says 'a single GPU')", devices=1,
    target=dict(metric="gpuHours", value=16),
    source=("Nawrot 2023, 'nanoT5: A PyTorch Framework for Pre-training and Fine-tuning T5-style Models with Limited Resources' (NLP-OSS "
            "2023, arXiv 2309.02373), abstract — read via stored abstract pages (scholarfeed.org, jarxiv.com)"),
    notes=("Abstract: 'nanoT5 allows a T5-Base model to be pre-trained on a single GPU in just 16 hours, without any loss in performance.' "
           "Target = 1 x 16 = 16 GPU-h. B: GPU type (A100 [R]), steps (65,536 [R]) and tokens are not in the abstract; 248M = T5-v1.1-base [R]; "
           "'just 16 hours' is the headline figure for the default config.")))
A(C(id="biobert-v1.0-pubmed-pmc-8xv100", name="BioBERT v1.0 (+PubMed +PMC) continued pre-training of BERT-base on 8 V100-32GB, over 10 days",
    quality="B", architecture="dense-encoder (BERT-base, continued from BERT weights)", paramsTotal=110e6,
    hardware="V100 32GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 10)),
    source=("NVIDIA Developer blog, 'NVIDIA BioBERT for Domain Specific NLP in Biomedical and Clinical Applications' "
            "(https://developer.nvidia.com/blog/biobert-optimized/, 2019), citing Lee et al. 2020, 'BioBERT' (Bioinformatics 36(4))"),
    notes=("Blog: 'For context, over 4.5 billion words were used to train BioBERT, compared to 3.3 billion for BERT.' 'The original authors "
           "from Korea University reported that it took them over 10 days to pre-train BioBERT on 8 32GB NVIDIA V100 GPUs'. Target [D] = 8 x "
           "10 d x 24 = 1,920 GPU-h (a LOWER bound: 'over 10 days'). B: bound; the paper's 23 days for v1.1 (+PubMed) is recalled [R] and not "
           "used; 110M = BERT-base [R]. CONTINUED pre-training from BERT-base weights (BERT-base itself is not the run here).")))
A(C(id="biobert-nvidia-amp-dgx2", name="NVIDIA BioBERT re-implementation, pre-training with AMP on one DGX-2 (16 V100-32GB), under 3 days",
    quality="B", architecture="dense-encoder (BERT-base)", paramsTotal=110e6, precision="mixed (AMP)",
    hardware="V100 32GB (DGX-2, SXM3)", devices=16,
    target=dict(metric="gpuHours", value=days(16, 3)),
    source=("NVIDIA Developer blog, 'NVIDIA BioBERT for Domain Specific NLP in Biomedical and Clinical Applications' "
            "(https://developer.nvidia.com/blog/biobert-optimized/, 2019)"),
    notes=("Blog: 'For comparison, pre-training BioBERT using Automatic Mixed Precision takes less than 3 days on a NVIDIA DGX-2, which "
           "contains 16 32GB NVIDIA V100 GPUs. With the excellent scaling that these scripts provide, this entire process can be done in less "
           "than 3 hours using a 32 node DGX-2 cluster.' Target [D] = 16 x 3 d x 24 = 1,152 GPU-h (an UPPER bound: 'less than 3 days'). B: "
           "bound; the data/steps are those of the original BioBERT recipe (not restated); the 32-node figure (~1,536 GPU-h) is a scaling "
           "claim and not used.")))
A(C(id="paramanu-ganita-208m-a100", name="Paramanu-Ganita (208M math LM) pre-training from scratch on one A100 PCIe 40GB", quality="B",
    architecture="dense (decoder-only)", paramsTotal=208e6,
    hardware="A100 PCIe 40GB", devices=1,
    target=dict(metric="gpuHours", value=170),
    also=[dict(metric="gpuHours", value=146)],
    source=("Niyogi & Bhattacharya 2024, 'Paramanu-Ganita: Language Model with Mathematical Capabilities' (arXiv 2404.14395) — read via a "
            "stored review copy (file-index id 63290776861) and a Korean summary of the abstract (id 3522248646)"),
    notes=("Paper text (review copy): 'Paramanu-Ganita took only 170 hours of A100 training whereas large LLMs such as the math-specialised "
           "LLM, LLEMMA 7B, was trained for 23,000 A100 equivalent hours.' Summary of the (later) abstract, translated: 'trained on a single "
           "NVIDIA A100 PCIE 40GB GPU' ... 'trained with only 146 A100 hours compared with LLEMMA 7B's 23,000'. Target = 170 A100-hours (the "
           "version with the full sentence); also = 146 (the other version's figure). B: two versions disagree (146 vs 170); token count and "
           "epochs not read; 208M from the title of the later version [R].")))

# ====================================================================== text: fine-tunes on one or a few GPUs (model cards)
A(C(id="mini-orca-7b-v2-lora-rtx3090", name="Mini Orca 7B v2 LoRA adapter (2048 ctx), 2 epochs on one undervolted RTX 3090, 92 h",
    quality="B", architecture="dense (LoRA adapter on a 7B LLaMA-family base)", paramsTotal=7e9, epochs=2, samples=72_000, seqLen=2048,
    hardware="RTX 3090 24GB (consumer; undervolted, ~250 W)", devices=1,
    target=dict(metric="gpuHours", value=92),
    source="https://huggingface.co/Vezora/Mini_Orca_7b_v2_2048_Lora_adapter model card — 2023",
    notes=("Card: '2 epochs 92 hours of training on a undervolted 3090 pulling 250 watts. My system configuration was getting 13.25 it/s "
           "and slowly dropped to 13.04 it/s at 2 epochs. Dataset used is uncencored and filtered of Psmathur's wizard orca 72k instructions, "
           "ported into a alpaca chat format'. Target = 92 GPU-h. B: base model size from the name (7B); 72k = 'wizard orca 72k' "
           "(samples per epoch, approximate); the stated 250 W draw is a measured-ish power hint (92 h x 0.25 kW = 23 kWh [D], not a target).")))
A(C(id="orca-mini-7b-8xa100", name="orca_mini_7b (psmathur) full fine-tune of OpenLLaMA-7B, 8x A100-80GB, ~13 h", quality="B",
    architecture="dense (full fine-tune)", paramsTotal=7e9, epochs=3, seqLen=1024,
    hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 13),
    source=("https://huggingface.co/pankajmathur/orca_mini_7b model card (hyper-parameter table, commit 51b0b42) — 2023; the time is read "
            "via the Vezora/Mini_Orca_7b_v2_2048_Lora_adapter card, which quotes it"),
    notes=("Vezora card: 'The original model trained by \"psmathur\" was trained with \"8x A100(80G) GPUs for around 13 Hours for cost of "
           "$195\".' orca_mini_7b card: '|*Max length*|1024|', '|*Epochs*|3|', '|*Optimizer*|AdamW|'. Target [D] = 8 x 13 = 104 GPU-h. B: "
           "secondhand quote of the time; dataset size (~ alpaca/dolly/WizardLM orca-style sets) not read; 7B from the name.")))
A(C(id="slimorca-13b-4xa100", name="SlimOrca-13B (ajibawa) full fine-tune of Llama-2-13B, 3 epochs, 4x A100-80GB, ~11 days", quality="B",
    architecture="dense (full fine-tune)", paramsTotal=13e9, epochs=3,
    hardware="A100 80GB (Azure, form factor not stated)", devices=4,
    target=dict(metric="gpuHours", value=days(4, 11)),
    source="https://huggingface.co/ajibawa-2023/SlimOrca-13B model card (commit e84e626) — 2023",
    notes=("Card: 'Entire dataset was trained on Azure 4 x A100 80GB. For 3 epoch, training took almost 11 Days. DeepSpeed codebase was used "
           "for training purpose. Entire data is trained on Llama-2 by Meta.' 'This is a full fine tuned model.' Target [D] = 4 x 11 d x 24 = "
           "1,056 GPU-h ('almost'). B: SlimOrca size (~518k conversations [R]) not in the lines read; 13B from the name. A FINE-TUNE (Llama "
           "2 13B pre-training is not the run).")))
A(C(id="young-children-storyteller-mistral-7b-qlora", name="Young-Children-Storyteller-Mistral-7B (QLoRA), 3 epochs, 4x A100-80GB, >30 h",
    quality="B", architecture="dense (QLoRA on Mistral-7B-v0.1)", paramsTotal=7.2e9, epochs=3, precision="4-bit base (QLoRA)",
    hardware="A100 80GB (form factor not stated)", devices=4,
    target=dict(metric="gpuHours", value=4 * 30),
    source="https://huggingface.co/ajibawa-2023/Young-Children-Storyteller-Mistral-7B model card (commit 76aab3d) — 2024",
    notes=("Card: 'Kindly note this is qLoRA version' ... 'Entire dataset was trained on 4 x A100 80GB. For 3 epoch, training took more than "
           "30 Hours. Axolotl codebase was used for training purpose. Entire data is trained on Mistral-7B-v0.1.' Target [D] = 4 x 30 = 120 "
           "GPU-h (a LOWER bound: 'more than 30 Hours'). B: bound; dataset size not read; 7.2B = Mistral-7B [R].")))
A(C(id="orca-alpaca-3b-4xa6000", name="orca_alpaca_3b (OpenLLaMA-3B on an Orca-style Alpaca set), 4x A6000, ~20 h", quality="B",
    architecture="dense (full fine-tune, DeepSpeed ZeRO-3)", paramsTotal=3e9,
    hardware="RTX A6000 48GB (card writes 'A600(50G)')", devices=4,
    target=dict(metric="gpuHours", value=4 * 20),
    source="https://huggingface.co/pankajmathur/orca_alpaca_3b model card (commits 4c98e7e, 58be4f8) — 2023",
    notes=("Card: 'We train OpenLLaMa-3B model on the custom Alpaca dataset created using Orca Research Paper approaches.' 'The training "
           "takes on 4 x A600(50G) GPUs and lasts for around 20 Hours for cost of $66. We used DeepSpeed with Zero-3 approaches for parallel "
           "gpu training.' Target [D] = 4 x 20 = 80 GPU-h. B: the GPU name is garbled ('A600(50G)', read as RTX A6000 48GB); epochs and "
           "dataset size are in a table not read; 3B from the name.")))
A(C(id="giraffe-7b-2xrtx4090", name="giraffe-7b (orca + multi-language code fine-tune, Axolotl), 2x RTX 4090, ~6 h", quality="B",
    architecture="dense (fine-tune of a 7B base)", paramsTotal=7e9,
    hardware="RTX 4090 24GB (consumer)", devices=2,
    target=dict(metric="gpuHours", value=2 * 6),
    source="https://huggingface.co/ashercn97/giraffe-7b README.md (blob at commit 4f3cc19) — 2023",
    notes=("Card (whole text): 'This is a model fine tuned on an orca dataset and a multi language code dataset. It is one of my first "
           "projects, but I am happy with how it works. It took about 6 hours on 2 RTX 4090 GPUs. I used Axolotl to train this'. Target [D] = "
           "2 x 6 = 12 GPU-h. B: base model, method (LoRA or full) and data sizes not stated; 7B from the name. Consumer GPUs.")))
A(C(id="distilabeled-openhermes-2.5-mistral-7b-dpo", name="distilabeled-OpenHermes-2.5-Mistral-7B DPO fine-tune, 1x A100-40GB, <1 h",
    quality="B", architecture="dense (DPO on OpenHermes-2.5-Mistral-7B)", paramsTotal=7.2e9,
    hardware="A100 40GB (RunPod)", devices=1,
    target=dict(metric="gpuHours", value=1),
    source="https://huggingface.co/argilla/distilabeled-OpenHermes-2.5-Mistral-7B model card (commit e4eedc9) — 2024",
    notes=("Card: '### Training Hardware' 'We used 1 x A100 40GB in runpod for less than 1 hour.' The card's table gives the DPO pair "
           "count for its own recipe in a column not fully read. Target = 1 GPU-h (an UPPER bound: 'less than 1 hour'). B: bound; "
           "the run is a short DPO (probably LoRA [R]) pass.")))
A(C(id="alpie-core-32b-8xgpu-408h", name="Alpie-Core 32B (169Pi) fine-tuning, 8 GPUs, 408 h runtime", quality="B",
    architecture="dense (fine-tune of a 32B base)", paramsTotal=32e9,
    hardware="H100 80GB (card later changed from 'A100-80GB')", devices=8,
    target=dict(metric="gpuHours", value=8 * 408),
    source="https://huggingface.co/169Pi/Alpie-Core model card '8. Environmental Impact' (commits 831a704, then 64a951c) — 2025",
    notes=("Card (first version): 'We estimated the environmental impact of training Alpie-Core (32B) on 8x NVIDIA A100-80GB GPUs (Azure) by "
           "calculating carbon emissions from GPU energy consumption.' 'Runtime: 408 hours' 'GPUs: 8x A100-80GB' 'Realistic mode (average "
           "training draw ~ 250 W per GPU ...): 0.364 x 408 x 0.25 x 8 ~ 298 kg CO2e' 'Conservative mode (near TDP ~ 700 W per GPU ...) ~ 835 "
           "kg CO2e'. Later commit: '... on 8x NVIDIA H100-80GB GPUs' (Runtime 408 hours kept). Target [D] = 8 x 408 = 3,264 GPU-h. B: the "
           "GPU model was changed between versions (H100 taken as the later statement); precision/method (4-bit or LoRA) and data size not "
           "read; the CO2 lines are the card's own estimate, not a measurement.")))
A(C(id="scibert-nli-p100", name="scibert-nli: SciBERT sentence-embedding fine-tune on SNLI+MultiNLI, one Tesla P100 (Kaggle), ~4 h",
    quality="B", architecture="dense-encoder (BERT-base, sentence-transformers)", paramsTotal=110e6, seqLen=128,
    samples=20000 * 64, epochs=1,
    hardware="Tesla P100 16GB (Kaggle)", devices=1,
    target=dict(metric="gpuHours", value=4),
    source="https://huggingface.co/gsarti/scibert-nli README.md (blob at commit 7009e8a) — 2020",
    notes=("Card: 'Base model: allenai/scibert-scivocab-cased from HuggingFace's AutoModel. Training time: ~4 hours on the NVIDIA Tesla "
           "P100 GPU provided in Kaggle Notebooks.' Parameters table: 'Batch size | 64', 'Training steps | 20000', 'Warmup steps | 1450', 'Max. "
           "Seq. Length | 128'. Target = 4 GPU-h. samples [D] = 20,000 steps x 64 = 1.28M pairs seen (written with epochs = 1, the "
           "footprint-2 convention for step-counted runs). B: '~4 hours'; 110M = BERT-base [R].")))
A(C(id="programming-language-identification-t4", name="programming-language-identification classifier, 25 epochs on ~26k snippets, one T4, 7 h",
    quality="B", architecture="dense-encoder (transformer classifier)", epochs=25, samples=26_000,
    hardware="Tesla T4 16GB (Azure)", devices=1,
    target=dict(metric="gpuHours", value=7),
    source="https://huggingface.co/philomath-1209/programming-language-identification model card (commits 4b4843c, 748090d) — 2024",
    notes=("Card: 'Model is trained for 25 epochs on Azure for nearly 26000 Datapoints' ... 'Training Computer Configuration: GPU:1xNvidia "
           "Tesla T4, VRam: 16GB, Ram:112GB,Cores:6 Cores' 'Training Time taken: exactly 7 hours for 25 epochs'. Target = 7 GPU-h. B: the "
           "base model and its size are not in the lines read (paramsTotal null).")))
A(C(id="pegasus-arxiv-summarization-a6000", name="Research-Paper-ArXiv-Pegasus-Summarization, 3 epochs on 75k arXiv papers, one RTX A6000, ~24 h",
    quality="B", architecture="encoder-decoder (Pegasus)", epochs=3, samples=75_000,
    hardware="RTX A6000 48GB", devices=1,
    target=dict(metric="gpuHours", value=24),
    source="https://huggingface.co/UNIST-Eunchan/Research-Paper-ArXiv-Pegasus-Summarization model card (commit 4787bea) — 2023",
    notes=("Card: 'We used train[25000:100000] of ArXiv Dataset (Cohan et al., 2018, NAACL-HLT 2018)' '(Full length is 200,000+, We will "
           "upload full trained Model soon)' 'GPU: (RTX A6000) x 1' (changed from 'One A100 GPU' in this commit) 'Train time: About 24 hours "
           "for 3 epochs'. Target = 24 GPU-h. samples [D] = 100,000 - 25,000 = 75,000 per epoch. B: the GPU was corrected from A100 to "
           "A6000 in the diff read (A6000 taken); the Pegasus variant/size is not in the lines read (paramsTotal null).")))
A(C(id="giz-tapp-bge-t4", name="GIZ TAPP multilabel classifier (BGE encoder fine-tune), one Tesla T4, 1.36 h (CodeCarbon)", quality="B",
    architecture="dense-encoder (bge, SetFit-style multilabel)",
    hardware="Tesla T4 16GB", devices=1,
    target=dict(metric="gpuHours", value=1.36),
    source="https://huggingface.co/GIZ/TAPP-multilabel-bge_f model card (commit edac5f1) — 2024",
    notes=("Card: '### Environmental Impact' 'Carbon emissions were measured using CodeCarbon.' '- Carbon Emitted: 0.07145 kg of CO2' '- "
           "Hours Used: 1.36 hours' '### Training Hardware' '- On Cloud: yes' '- GPU Model: 1 x Tesla T4' '- CPU Model: Intel(R) Xeon(R) CPU "
           "@ 2.30GHz' '- RAM Size: 12.67 GB'. Target = 1.36 GPU-h (CodeCarbon-tracked duration). B: BGE size and data size not in the "
           "lines read; energy not stated (only CO2, grid intensity not given). A different GIZ model from footprint-4's ADAPMIT row.")))

# ====================================================================== vision / multimodal / diffusion
VIT_T2 = ("Dosovitskiy et al. 2021, 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale' (ICLR 2021, arXiv "
          "2010.11929), Table 2 — read via stored copies of the table (file-index ids 57543471749, 53861887282, 71534084926)")
VIT_Q = ("Table 2 (copies): columns 'ViT-H/14 (JFT) | ViT-L/16 (JFT) | ViT-L/16 (I21k) | BiT-L (ResNet152x4) | Noisy Student "
         "(EfficientNet-L2)', row 'TPUv3-core-days | 2.5k | 0.68k | 0.23k | 9.9k | 12.3k'; ImageNet '88.55 | 87.76 | 85.30 | 87.54 | 88.4'. "
         "A copy explains: 'Core-days multiply accelerator count by elapsed days'. ")
A(C(id="bit-l-resnet152x4-jft", name="BiT-L (ResNet152x4) pre-training on JFT-300M, 9.9k TPUv3-core-days", quality="B", modality="vision",
    architecture="cnn (resnet-152 x4 width, group norm + weight standardisation)", paramsTotal=928e6, samples=300e6, epochs=40,
    resolution="224x224 [R]", hardware="TPU v3",
    target=dict(metric="gpuHours", value=core_days_to_chip_hours(9900)),
    source=VIT_T2 + "; Kolesnikov et al. 2020, 'Big Transfer (BiT)' (ECCV 2020) for the model",
    notes=(VIT_Q + "Target [D] = 9,900 core-days x 24 / 2 = 118,800 TPU v3 chip-hours. B: the figure is the ViT authors' accounting of "
           "BiT-L's pre-training (not BiT's own sentence); 928M parameters, JFT-300M and 40 epochs are recalled [R] from the BiT paper; "
           "device count not stated (a core-day total).")))
A(C(id="noisy-student-efficientnet-l2", name="Noisy Student (EfficientNet-L2) training on ImageNet + JFT pseudo-labels, 12.3k TPUv3-core-days",
    quality="B", modality="vision", architecture="cnn (efficientnet-l2, student of iterative self-training)", paramsTotal=480e6,
    resolution="475x475 train / 800x800 test [R]", hardware="TPU v3",
    target=dict(metric="gpuHours", value=core_days_to_chip_hours(12300)),
    source=VIT_T2 + "; Xie et al. 2020, 'Self-training with Noisy Student improves ImageNet classification' (CVPR 2020) for the model",
    notes=(VIT_Q + "Target [D] = 12,300 core-days x 24 / 2 = 147,600 TPU v3 chip-hours. B: the ViT authors' accounting of Noisy Student's "
           "compute (whether all teacher/student iterations are included is not stated in the copies); 480M parameters recalled [R]; "
           "unlabeled set 300M JFT images (81M unique after filtering/balancing, 130M used [R]) — samples/epochs left null.")))
A(C(id="kosmos-g-256xv100", name="Kosmos-G (MLLM + AlignerNet to a frozen SD decoder), aligning + instruction tuning, 256 V100, ~4 days",
    quality="B", modality="diffusion",
    architecture="multimodal LLM (MAGNETO transformer) + AlignerNet driving a frozen Stable Diffusion v1.5 U-Net",
    hardware="V100 (memory not stated)", devices=256,
    target=dict(metric="gpuHours", value=days(256, 4)),
    source=("Pan et al. 2024, 'Kosmos-G: Generating Images in Context with Multimodal Large Language Models' (ICLR 2024, arXiv 2310.02992), "
            "Sec. 4.1 'Implementation details' — read via a stored copy of the paper text (file-index id 70199368494)"),
    notes=("Paper: 'We follow KOSMOS-1, we also use MAGNETO, a Transformer variant, as the backbone architecture of our MLLM and "
           "AlignerNet. The whole training process took around four days with 256 NVIDIA V100 GPUs, i.e., one day for image decoder "
           "aligning, and three days for instruction tuning. In the instruction tuning stage, we use a blend of constructed data, "
           "InstructPix2Pix data, and caption data in a ratio of 2:2:1.' Target [D] = 256 x 4 d x 24 = 24,576 V100-hours. B: 'around'; "
           "excludes the MLLM pre-training (Kosmos-1 style, not in the lines read); parameter count not read (paramsTotal null); the SD "
           "decoder is frozen.")))
A(C(id="flash-sd-lora-2xh100", name="Flash Diffusion: 4-step LoRA distillation of Stable Diffusion v1.5 (flash-sd), 20k iterations, 2x H100, ~13 h",
    quality="B", modality="diffusion", architecture="unet (SD 1.5 teacher + LoRA student, distillation)",
    hardware="H100 (form factor not stated)", devices=2,
    target=dict(metric="gpuHours", value=2 * 13),
    source="https://huggingface.co/jasperai/flash-sd model card 'Training Details' (commit 636862d) — 2024; Chadebec et al. 2024, 'Flash Diffusion' (arXiv 2406.02347)",
    notes=("Card: 'The model was trained for 20k iterations on 2 H100 GPUs (representing approx. 13 hours of training). Please refer to the "
           "paper for further parameters details.' Target [D] = 2 x 13 = 26 GPU-h. B: 'approx.'; batch size and LoRA size not in the "
           "lines read (paramsTotal null). A DISTILLATION of SD 1.5 (the excluded SD v1 pre-training is not the run). Sibling flash-pixart "
           "('40k iterations on 4 H100 GPUs') gives no time and is not included.")))
A(C(id="commonart-poc-2xa6000", name="CommonArt-PoC (text-to-image diffusion transformer trained on CC images), 2x RTX A6000, 'Hours used: 700'",
    quality="B", modality="diffusion", architecture="diffusion transformer (PixArt-style, class_dropout_prob 0.1 in the card's config)",
    hardware="RTX A6000 48GB", devices=2,
    target=dict(metric="gpuHours", value=700),
    also=[dict(metric="gpuHours", value=2 * 700)],
    source="https://huggingface.co/alfredplpl/CommonArt-PoC model card '## Environmental Impact' (commit 8ecb22d) — 2024",
    notes=("Card: '## Environmental Impact' '- Hardware Type: A6000x2' '- Hours used: 700' (changed from '1000' in this commit) '- Compute "
           "Region: Japan' '- Carbon Emitted: Not so much'. Target = 700, read as device-hours (the ML-impact template's 'Hours used' beside "
           "a hardware type, as in other cards); also = 1,400 = 2 x 700 in case '700' is wall-clock. B: ambiguous unit and a corrected "
           "figure; parameters and image count not in the lines read.")))

# ====================================================================== speech
A(C(id="whisper-large-v3-russian-2xa100", name="whisper-large-v3-russian fine-tune on Common Voice 17 (ru), 2x A100-80GB, over 60 h",
    quality="B", modality="speech", architecture="encoder-decoder (whisper large-v3)", paramsTotal=1.55e9, samples=225_761,
    hardware="A100 80GB (form factor not stated)", devices=2,
    target=dict(metric="gpuHours", value=2 * 60),
    source="https://huggingface.co/antony66/whisper-large-v3-russian model card (commit 564e7f5) — 2024",
    notes=("Card: 'Dataset used for finetuning is Common Voice 17.0, Russian part' ... 'After preprocessing of the original dataset (all "
           "splits were mixed and splited to a new train + test split by 0.95/0.05, that is 225761/11883 rows respectively) the original "
           "Whisper v3 has WER 9.84 while the finetuned version shows 6.39 (so far).' 'The finetuning process took over 60 hours on dual "
           "Tesla A100 80Gb.' Target [D] = 2 x 60 = 120 GPU-h (a LOWER bound: 'over 60 hours'). B: bound; epochs not stated; 1.55B = whisper "
           "large-v3 [R].")))


# ====================================================================== round-7 additions: AMD, TPU v4/v5e, 2025 post-training, robotics
EURO = ("Boizard et al. 2025, 'EuroBERT: Scaling Multilingual Encoders for European Languages' (arXiv 2503.05500), Sec. 2 'Infrastructure' "
        "and Table 4 — read via a stored copy of the paper text (file-index id 60964741790) and a paper summary (id 68325669681)")
EURO_Q = ("Paper: 'We trained EuroBERT on Adastra, using 92 MI250X GPUs for EuroBERT210M, 384 MI250X GPUs for EuroBERT-610M, and 96 MI300A "
          "GPUs for EuroBERT-2.1B, for a total of 200k GPU hours.' '... a multilingual 5T-token corpus — 4.8T tokens for pretraining and 200B "
          "for annealing'; 'During pre-training, we packed sentences to 2,048 tokens'. Summary: 'Roughly 9.4M tokens per step for all three "
          "models (210M: 192 GPUs x batch 24; 610M: 384 x 12; 2.1B: 96 x 10 with 5 gradient-accumulation steps).' 'Infrastructure. Adastra "
          "(CINES): 92 MI250X GPUs for 210M (15k GPU-hours), 384 MI250X for 610M (92k), 96 MI300A for 2.1B (106k) — about 200k GPU-hours "
          "total.' ")
for cid, nm, params, hw, n, gh, extra in [
    ("eurobert-210m-mi250x", "EuroBERT-210M (multilingual encoder) pre-training + annealing, 5T tokens, 92 AMD MI250X", 210e6,
     "AMD MI250X (Adastra, CINES)", 92, 15_000,
     "The summary's '192 GPUs' in the batch line versus '92 MI250X' in the paper may count MI250X GCDs (2 per MI250X) [R]; devices = the "
     "paper's 92."),
    ("eurobert-610m-mi250x", "EuroBERT-610M (multilingual encoder) pre-training + annealing, 5T tokens, 384 AMD MI250X", 610e6,
     "AMD MI250X (Adastra, CINES)", 384, 92_000, ""),
    ("eurobert-2.1b-mi300a", "EuroBERT-2.1B (multilingual encoder) pre-training + annealing, 5T tokens, 96 AMD MI300A APUs", 2.1e9,
     "AMD MI300A (APU, Adastra, CINES)", 96, 106_000, ""),
]:
    A(C(id=cid, name=nm, quality="B", architecture="dense-encoder (Llama-style bidirectional encoder, MLM)", paramsTotal=params,
        tokens=5e12, seqLen=2048, hardware=hw, devices=n,
        target=dict(metric="gpuHours", value=gh), source=EURO,
        notes=(EURO_Q + "Target = %s GPU-hours as stated per model in the summary (the paper body gives only the 200k total; the three "
               "per-model figures sum to 213k). tokens = the 5T corpus (4.8T + 0.2T), assumed seen by each model as in the summary's shared "
               "9.4M tokens/step. B: per-model split secondhand. AMD accelerators. %s" % (format(gh, ","), extra))))
A(C(id="aurora-m-15b-mi250x", name="AURORA-M 15B: continued pre-training of StarCoderPlus (+435B tokens) on 128 AMD MI250X for 48 days",
    quality="B", architecture="dense (decoder-only, StarCoder/GPT-BigCode 15.5B)", paramsTotal=15.5e9, tokens=435e9,
    hardware="AMD MI250X (LUMI)", devices=128,
    target=dict(metric="gpuHours", value=days(128, 48)),
    source=("Nakamura et al. 2024, 'Aurora-M: The First Open Source Multilingual Language Model Red-teamed according to the U.S. Executive "
            "Order' (arXiv 2404.00399) — read via Import AI newsletter #367 (stored copy, file-index id 52229565414)"),
    notes=("Newsletter (quoting the paper): 'An international consortium of researchers have trained and released AURORA-M, a 15B parameter "
           "language model based on StarCoderPlus' ... 'AURORA-M is just StarCoderPlus which they continued training for a while using 435 "
           "additional tokens [sic: 435B], bringing the model to over 2 trillion tokens of training data in total.' 'AURORA-M was trained on "
           "the LUMI supercomputer, utilizing 128 AMD MI250X GPUs for 48 days.' Target [D] = 128 x 48 d x 24 = 147,456 MI250X-hours. B: "
           "secondhand; '435 additional tokens' read as 435B [R]; 15.5B = StarCoderPlus [R]; whether the 48 days include the red-teaming SFT "
           "is not stated. CONTINUED pre-training (StarCoder pre-training is not the run).")))
PALOMA = ("https://huggingface.co/allenai (Paloma 1B baseline model cards, e.g. allenai/paloma-1b-baseline-c4) — 'Training Hyperparameters' "
          "and 'Environmental Impact' — 2023; Magnusson et al. 2023, 'Paloma: A Benchmark for Evaluating Language Model Fit' (arXiv "
          "2312.10523) — read via a stored copy of the card (file-index id 2402956763)")
PALOMA_Q = ("Card: 'This collection of models includes 6 baseline 1B parameter models each trained on ~150B tokens from one the following "
            "corpora: Dolma, The Pile, RedPajama, Falcon-RefinedWeb, C4, and MC4-en.' 'The Paloma baseline 1B parameter models that we train "
            "employ the following architecture: 2048 maximum sequence length, 2048 model dimension, 16 layers, 16 attention heads' ... 'We "
            "train to 35k steps (~150B tokens)' ... 'The Dolma and Falcon-RefinedWeb baselines were run with a batch size of 2112 training "
            "instances per step on 24 A100s. The RedPajama, The Pile, C4, and mC4-EN baselines were run with a batch size of 2048 on 64 AMD "
            "Instinct MI250X GPUs.' 'Environmental Impact: The Dolma and Falcon-RefinedWeb baselines were run with on 24 A100s for 9 days per "
            "model. The RedPajama, The Pile, C4, and mC4-EN baselines were run on 64 AMD Instinct MI250X GPUs for 2 days per model.' ")
A(C(id="paloma-1b-baseline-a100", name="Paloma 1B baseline (Dolma / Falcon-RefinedWeb), ~150B tokens, 24 A100 for 9 days per model",
    quality="B", architecture="dense (decoder-only, OLMo-style 1B)", paramsTotal=1.2e9, tokens=150e9, seqLen=2048,
    hardware="A100 (memory not stated)", devices=24,
    target=dict(metric="gpuHours", value=days(24, 9)), source=PALOMA,
    notes=(PALOMA_Q + "Target [D] = 24 x 9 d x 24 = 5,184 GPU-h per model. B: '1B' in the card (1.2B [R] with embeddings); '~150B' tokens "
           "(35k x 2112 x 2048 = 151B [D]). One of two Dolma/Falcon runs with the same stated time.")))
A(C(id="paloma-1b-baseline-mi250x", name="Paloma 1B baseline (RedPajama / Pile / C4 / mC4-en), ~150B tokens, 64 AMD MI250X for 2 days per model",
    quality="B", architecture="dense (decoder-only, OLMo-style 1B)", paramsTotal=1.2e9, tokens=150e9, seqLen=2048,
    hardware="AMD MI250X", devices=64,
    target=dict(metric="gpuHours", value=days(64, 2)), source=PALOMA,
    notes=(PALOMA_Q + "Target [D] = 64 x 2 d x 24 = 3,072 MI250X-hours per model. B: 'for 2 days' one digit; same model and tokens as "
           "paloma-1b-baseline-a100 on different hardware (a controlled pair: 5,184 A100-h vs 3,072 MI250X-h for ~150B tokens).")))
LAUREL = ("Menghani, Kumar & Kumar 2025, 'LAuReL: Learned Augmented Residual Layer' (ICML 2025, arXiv 2411.07501v4), Sec. 3.2 — read via a "
          "stored copy of the arXiv HTML (file-index id 63359145445)")
A(C(id="laurel-llm-1b-tpuv5e", name="LAuReL paper LLM-1B baseline pre-training from scratch, 256 TPU v5e chips for ~two weeks", quality="B",
    architecture="dense (decoder-only)", paramsTotal=1e9,
    hardware="TPU v5e", devices=256,
    target=dict(metric="gpuHours", value=days(256, 14)), source=LAUREL,
    notes=("Paper: 'For our first baseline, we chose a 1B parameter decoder-only transformer-based model. We pre-trained both the baseline, "
           "and our experiment with LAuReL, from scratch ... Both the models were trained using 256 Google Cloud TPU v5e chips for "
           "approximately two weeks each, using a pre-training mixture consisting of only text data that included webpages, books, code, "
           "and translations.' Target [D] = 256 x 14 d x 24 = 86,016 TPU v5e chip-hours (per model). B: 'approximately two weeks'; token "
           "count not stated. TPU v5e (inference-oriented chip, 197 TF bf16 [R]).")))
A(C(id="laurel-llm-4b-tpuv4", name="LAuReL paper LLM-4B baseline pre-training (multimodal, multilingual), 1024 TPU v4 chips, slightly over two days",
    quality="B", modality="multimodal", architecture="dense (decoder-only, multimodal tokens)", paramsTotal=4e9,
    hardware="TPU v4", devices=1024,
    target=dict(metric="gpuHours", value=days(1024, 2)), source=LAUREL,
    notes=("Paper: 'In this second setting, we experimented with a 4B parameter decoder-only model with a similar token budget, but trained "
           "on a multimodal and multilingual corpus of tokens.' ... 'In this setting, both the baseline and the LAuReL experiment were trained "
           "using 1024 Google Cloud TPU v4 chips for slightly more than two days each.' Target [D] = 1024 x 2 d x 24 = 49,152 TPU v4 "
           "chip-hours (a LOWER bound: 'slightly more than'). B: bound; token budget 'similar' to LLM-1B but not stated.")))
A(C(id="qwen3-6b-prune-distill-h100", name="Qwen3-8B depth-pruned to 6B + knowledge distillation (NeMo / Model Optimizer), ~90B tokens, ~6k H100-h",
    quality="B", architecture="dense (decoder-only, 24 of 32 Qwen3-8B layers; distillation from the 8B teacher)", paramsTotal=6e9,
    tokens=90e9, seqLen=4096,
    hardware="H100 (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=6000),
    source=("https://github.com/NVIDIA/TensorRT-Model-Optimizer examples/nemo_run/prune_distill/README.md, section 'Results' (commit "
            "d621b278671c2198049530341f88102a5c4a157c, 2025-10-07, blob 314c6f5a0b58579c9dbdd5fb69b58a40b0f5de53)"),
    notes=("README: 'We depth-prune the model from 32 to 24 layers (reducing from 8B to 6B parameters) and distill for ~28,000 steps "
           "(determined by sequence length, default 4096) with a learning rate of 1e-4 and global batch size of 768 using a 25% subset of "
           "the ClimbMix dataset. (This is about 90 billion tokens and takes a total of ~6k H100 GPU hours)'. 'The default configuration "
           "works on 1 node with 8 H100 GPUs' (the run's GPU count is not stated; devices null). Target = 6,000 H100-hours. tokens = 90B "
           "(28,000 x 768 x 4096 = 88B [D]). B: '~6k'; each step also runs the 8B teacher forward (distillation), so 6ND on the 6B student "
           "understates the work. Copy: /work/labels/footprint-5/files/NVIDIA__TensorRT-Model-Optimizer/examples/nemo_run/prune_distill/"
           "README.md.")))
A(C(id="llada-1.5-vrpo-h100", name="LLaDA 1.5: VRPO preference optimisation of LLaDA 8B Instruct (masked diffusion LM), 350k pairs, ~405 H100-h",
    quality="B", architecture="masked diffusion language model (LLaDA 8B, bidirectional transformer)", paramsTotal=8e9,
    samples=350_000, epochs=None,
    hardware="H100 (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=405),
    source=("Zhu et al. 2025, 'LLaDA 1.5: Variance-Reduced Preference Optimization for Large Language Diffusion Models' (arXiv 2505.19223), "
            "Sec. 5 — read via a stored copy of the paper text (file-index id 61102286307) and a survey copy (id 53130739176)"),
    notes=("Paper: 'We initialize pi_ref with LLaDA Instruct for VRPO. Training consumed approximately 405 H100 GPU hours for 8 Monte Carlo "
           "samples. Due to hardware resource constraints, we did not perform any hyperparameter search.' Survey copy: 'Training on 350,000 "
           "preference pairs covering creative writing (35%), knowledge QA (18%), ...' and '... less than 0.5% of the pre-training compute'. "
           "Target = 405 H100-hours. B: 'approximately'; epochs and GPU count not read; each pair is scored with 8 Monte Carlo samples "
           "(x 2 for winner/loser, plus the reference model), so compute per pair is far above a plain DPO step.")))
A(C(id="gr00t-n1-2b-pretrain", name="NVIDIA GR00T N1 2B (vision-language-action robot foundation model) pre-training, ~50,000 H100-h, up to 1,024 GPUs",
    quality="B", modality="multimodal",
    architecture="VLA: Eagle-2 VLM (frozen language part) + diffusion-transformer action head (flow matching)", paramsTotal=2.2e9,
    samples=200_000 * 16384, epochs=1,
    hardware="H100 (form factor not stated)", devices=1024,
    target=dict(metric="gpuHours", value=50_000),
    source=("NVIDIA 2025, 'GR00T N1: An Open Foundation Model for Generalist Humanoid Robots' (arXiv 2503.14734), Sec. 2.3-3 and Table 6 — "
            "read via stored paper notes (file-index ids 70866058134, 52274607706, 54570138989, 61323117292)"),
    notes=("Notes (quoting the paper): 'GR00T-N1-2B (2.2B params, 1.34B in VLM) used ~50,000 H100 GPU hours.' 'GR00T N1's pretraining took "
           "50,000 H100 GPU hours on up to 1,024 GPUs, orchestrated by NVIDIA's OSMO platform'; Table 6 (via a note): 'pre-training 200K steps "
           "/ global batch 16384'; 'neural video generation additionally used about 105,000 L40 GPU hours' (data generation, not in the "
           "target). 'The VLM language weights are frozen; vision encoder and DiT are trained end-to-end.' Target = 50,000 H100-hours. "
           "samples [D] = 200K x 16,384 = 3.28B action chunks seen (epochs = 1 convention). B: secondhand; 'up to' 1,024 GPUs (devices = "
           "the maximum); frozen language model. 2025 robotics run.")))


# ====================================================================== round-7 additions (2): science LMs, vision (documents, lanes), small LMs
ESM = ("Lin et al. 2023, 'Evolutionary-scale prediction of atomic-level protein structure with a language model' (Science 379, ESM-2), "
       "supplementary 'Training' — read via stored copies quoting it (file-index ids 49604481672, 49054526986) and NVIDIA BioNeMo "
       "documentation (id 3705215693)")
ESM_Q = ("Quoted: 'We trained each model over 512 NVIDIA V100 GPUs. ESM2 700M took 8 days to train. The 3B parameter LM took 30 days. The "
         "15B model took 60 days. All language models were trained for 500K updates, except the 15B language model which we stopped after "
         "270K updates due to computational constraints.' BioNeMo docs: 'FAIR trained each model over 512 NVIDIA V100 GPUs. ESM2 650M took "
         "eight days to train.' and 'sequences are sampled with even weighting across ~43 million UniRef50 training clusters from ~138 "
         "million UniRef90 sequences so that over the course of training, the model sees about 65 million unique sequences'. ")
for cid, nm, params, d, upd, extra in [
    ("esm2-650m", "ESM-2 650M protein language model, 500K updates on 512 V100 (8 days)", 650e6, 8, 500_000,
     "One copy calls it '700M', BioNeMo '650M' (the released esm2_t33_650M); 650M used."),
    ("esm2-3b", "ESM-2 3B protein language model, 500K updates on 512 V100 (30 days)", 3e9, 30, 500_000, ""),
    ("esm2-15b", "ESM-2 15B protein language model, 270K updates on 512 V100 (60 days)", 15e9, 60, 270_000,
     "Stopped early at 270K updates."),
]:
    A(C(id=cid, name=nm, quality="B", modality="multimodal",
        architecture="protein language model (BERT-style encoder, masked LM over amino acids, RoPE)", paramsTotal=params,
        hardware="V100 (memory not stated)", devices=512,
        target=dict(metric="gpuHours", value=days(512, d)), source=ESM,
        notes=(ESM_Q + "Target [D] = 512 x %d d x 24 = %s V100-hours. B: secondhand quotes; tokens per update (~2M [R]) not read, so tokens "
               "null; %d updates. `multimodal` is used as the science class (as for AlphaFold 2 in footprint-3). %s"
               % (d, format(512 * d * 24, ","), upd, extra))))
A(C(id="luke-large-16xv100", name="LUKE (entity-aware RoBERTa-large, 483M) pre-training, 200K updates, 16 V100 for about 30 days", quality="B",
    architecture="dense-encoder (RoBERTa-large init + 128M entity embeddings)", paramsTotal=483e6, samples=200_000 * 2048, epochs=1,
    seqLen=512, hardware="V100 (memory not stated)", devices=16,
    target=dict(metric="gpuHours", value=days(16, 30)),
    source=("Yamada et al. 2020, 'LUKE: Deep Contextualized Entity Representations with Entity-aware Self-attention' (EMNLP 2020, arXiv "
            "2010.01057), Sec. 3.4 and Appendix A — read via a stored paper review (file-index id 68773300293)"),
    notes=("Review (citing the paper): 'The architecture has about 483M parameters: 355M inherited from RoBERTa-large and 128M in entity "
           "embeddings.' Table: 'Maximum word length | 512', 'Batch size | 2,048', 'Updates | 200,000', 'Compute | 16 Tesla V100 GPUs for about "
           "30 days | Appendix A'. 'During the first 100,000 steps, RoBERTa-initialized parameters are frozen and only randomly initialized "
           "entity-related parameters are updated. All parameters are unfrozen for the final 100,000 steps.' Target [D] = 16 x 30 d x 24 = "
           "11,520 V100-hours. samples [D] = 200,000 x 2,048 = 409.6M sequences (epochs = 1 convention). B: secondhand; half the steps train "
           "only the entity parameters. CONTINUED from RoBERTa-large (not the excluded RoBERTa-large run).")))
A(C(id="graphormer-pcqm4m-8xv100", name="Graphormer (47.1M graph transformer) on PCQM4M-LSC, 1M steps x batch 1024, 8 V100 for about 2 days",
    quality="B", modality="multimodal", architecture="graph transformer (12 layers, d=768, spatial/centrality/edge encodings)",
    paramsTotal=47.1e6, samples=1_000_000 * 1024, epochs=1,
    hardware="V100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 2)),
    source=("Ying et al. 2021, 'Do Transformers Really Perform Bad for Graph Representation?' (NeurIPS 2021, arXiv 2106.05234), Sec. 4.1 "
            "and Table 1 — read via a stored copy of the paper text (file-index id 63597397334)"),
    notes=("Paper: 'We primarily report results on two model sizes: Graphormer (L=12, d=768), and a smaller one GraphormerSMALL (L=6, "
           "d=512).' ... 'The total training steps are 1M. The batch size is set to 1024. All models are trained on 8 NVIDIA V100 GPUS for "
           "about 2 days.' Table 1: 'Graphormer | 47.1M | 0.0582 | 0.1234'. Target [D] = 8 x 2 d x 24 = 384 V100-hours. samples [D] = 1M x "
           "1024 = 1.024B molecular graphs seen (PCQM4M-LSC ~3.8M graphs [R]; epochs = 1 convention). B: 'about 2 days' stated for 'all "
           "models' (the 12.5M small one too). Graphs, not tokens: `multimodal` as the science class.")))
A(C(id="roberta-tiny-cased-8xv100", name="RoBERTa-tiny-cased (28M, Tencent AI Lab) MLM pre-training, 20 epochs / ~1.8M steps, 8 V100, ~5 days",
    quality="A", architecture="dense-encoder (RoBERTa-style, 4 layers, hidden 512, WordPiece)", paramsTotal=28e6,
    tokens=1_800_000 * 512 * 256, seqLen=256, epochs=None,
    hardware="V100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 5)),
    source=("https://github.com/haisongzhang/roberta-tiny-cased README.md (commit 43a9d5ccabce3add3789fe0e42051f9c442318ca, 2020-10-12, "
            "blob 8a88de2b6320d92a87e11568882fa825bcaa8142)"),
    notes=("README: '| RoBERTa-tiny | 4 | 512 | 8 | 28M |' (layers, hidden, heads, parameters); 'We used a 43G corpus consists of Wikipedia, "
           "BookCorpus and UMBC WebBase Corpus' (~8B words); 'During pre-training, we followed the setting from RoBERTa and only used MLM loss "
           "... Input data was organized in FULL-SENTENCES format. The whole pre-training took about 5 days on 8 V100 GPUs for 20 epochs.' "
           "Hyper-parameter table: '| 1e-4 | 20/~1.8M | 512 | 256 |' (LR, epochs/steps, batch size, maximum length). Target [D] = 8 x 5 d x "
           "24 = 960 V100-hours. tokens [D] = 1.8M x 512 x 256 = 236B (FULL-SENTENCES packs to the maximum length). A: time, steps x batch x "
           "length and parameters stated. Copy: /work/labels/footprint-5/files/haisongzhang__roberta-tiny-cased/README.md.")))
A(C(id="wenzhong-gpt2-3.5b-32xa100", name="Wenzhong-GPT2-3.5B (Chinese GPT-2, 30 layers) pre-training on 100G Chinese corpus, 32 A100 for ~28 h",
    quality="B", architecture="dense (decoder-only, GPT-2 style, 30 layers)", paramsTotal=3.5e9,
    hardware="A100 (memory not stated)", devices=32,
    target=dict(metric="gpuHours", value=32 * 28),
    source=("https://huggingface.co/IDEA-CCNL/Wenzhong-GPT2-3.5B model card (IDEA-CCNL Fengshenbang) — 2022; read via a stored copy of "
            "the card text (file-index id 7453115162)"),
    notes=("Card: 'To obtain a robust unidirectional language model, we adopt the GPT model structure and apply it to the Chinese corpus. "
           "Specifically, this model has 30 decoder layers and 3.5 billion parameters, which is larger than the original GPT2-XL. We pre-train "
           "it on 100G of Chinese corpus, which consumes 32 NVIDIA A100 GPUs for about 28 hours.' Target [D] = 32 x 28 = 896 GPU-h. B: "
           "'about'; token count of the 100G corpus and epochs not stated (28 h is short for 3.5B on 100G — perhaps a fraction of an epoch; "
           "not derived).")))
A(C(id="bezierlanenet-rtx2080ti", name="BezierLaneNet (ResNet lane detector, <10M params), trained in 12 GPU-hours on one RTX 2080 Ti",
    quality="B", modality="vision", architecture="cnn (resnet backbone + feature flip fusion, Bezier-curve head)", paramsTotal=None,
    resolution="288x800 (CULane) / 360x640 (others)",
    hardware="RTX 2080 Ti 11GB (consumer)", devices=1,
    target=dict(metric="gpuHours", value=12),
    source=("Feng et al. 2022, 'Rethinking Efficient Lane Detection via Curve Modeling' (CVPR 2022, arXiv 2203.02431), Sec. 4.3 'Training' — "
            "read via a stored copy of the paper text (file-index id 23483935778)"),
    notes=("Paper: 'Training. We train 400, 36, 20 epochs for TuSimple, CULane, and LLAMAS, respectively (training of our model takes only 12 "
           "GPU hours on a single RTX 2080 Ti), and the input resolution is 288x800 for CULane and 360x640 for others' ... 'batch size 20'; "
           "'our BezierLaneNet is fully end-to-end, fast (>150 FPS), light-weight (<10 million parameters)'. Target = 12 GPU-h. B: which "
           "dataset/backbone the 12 h refers to is not said (paramsTotal null; CULane has ~88.9k training images [R], 36 epochs); consumer GPU.")))
DONUT = ("https://github.com/clovaai/donut README.md, 'Pre-trained models' (commit 4cfcf972560e1a0f26eb3e294c8fc88a0d336626, 2023-07-31, "
         "blob 58f3e9fb12c15758d824b106d9c570bc40eacdaa); Kim et al. 2022, 'OCR-free Document Understanding Transformer' (ECCV 2022, arXiv "
         "2111.15664)")
A(C(id="donut-base-64xa100", name="Donut-base (Swin encoder + BART decoder, OCR-free document model) pre-training, 64 A100, ~2.5 days",
    quality="B", modality="vision", architecture="vision encoder-decoder (Swin {2,2,14,2} + 4-layer BART decoder)",
    samples=200_000 * 196, epochs=1, resolution="2560x1920",
    hardware="A100 (memory not stated)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 2.5)), source=DONUT,
    notes=("README: '- donut-base: trained with 64 A100 GPUs (~2.5 days), number of layers (encoder: {2,2,14,2}, decoder: 4), input size "
           "2560x1920, swin window size 10, IIT-CDIP (11M) and SynthDoG (English, Chinese, Japanese, Korean, 0.5M x 4).' A stored note on the "
           "paper (file-index id 70371639163): 'the training setup is also documented in the paper (200K steps, effective mini-batch 196)'. "
           "Target [D] = 64 x 2.5 d x 24 = 3,840 GPU-h. samples [D] = 200K x 196 = 39.2M document images seen (epochs = 1 convention; "
           "13M distinct images). B: '~2.5 days'; parameter count not in the README (paramsTotal null). Copy: /work/labels/footprint-5/files/"
           "clovaai__donut/README.md.")))
A(C(id="donut-proto-8xv100", name="Donut-proto (preliminary Donut, SynthDoG only) pre-training, 8 V100, ~5 days", quality="B",
    modality="vision", architecture="vision encoder-decoder (Swin {2,2,18,2} + 4-layer BART decoder)", samples=1_200_000,
    resolution="2048x1536", hardware="V100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 5)), source=DONUT,
    notes=("README: '- donut-proto: (preliminary model) trained with 8 V100 GPUs (~5 days), number of layers (encoder: {2,2,18,2}, decoder: "
           "4), input size 2048x1536, swin window size 8, and SynthDoG (English, Japanese, Korean, 0.4M x 3).' Target [D] = 8 x 5 d x 24 = 960 "
           "GPU-h. samples = 0.4M x 3 = 1.2M synthetic images (distinct; epochs not stated). B: '~5 days'; parameters and steps not stated.")))


# ====================================================================== round-7 additions (3): video recognition, community TTS reproduction
DUALF = ("https://github.com/sail-sg/dualformer README.md (commit 058c10c6a07885b150a4c05b729230e243e81440, 2022-11-15, blob "
         "bb7a2f3329de5082d3f9f4c10330fe1e4cac73b7) and configs/recognition/dualformer/dualformer_{tiny,base}_patch244_window877_kinetics400_1k.py "
         "(blobs 070fe99cad47138e9f411bc2d1ed4e5857facdbe, 545f773a5651a638546cef2b45d4d30730918d6f); Liang et al. 2022, 'DualFormer: "
         "Local-Global Stratified Transformer for Efficient Video Recognition' (ECCV 2022, arXiv 2112.04674)")
DUALF_Q = ("README: 'All models are trained on 8 Nvidia A100 GPUs. For example, training a DualFormer-T on Kinetics-400 takes ~31 hours on 8 "
           "A100 GPUs, while training a larger model DualFormer-B on Kinetics-400 requires ~3 days on 8 A100 GPUs.' Models table: '| K400 | "
           "Tiny | IN-1K | 240 | 21.8 | 79.5 |' and '| K400 | Base | IN-1K | 1072 | 86.8 | 81.1 |' (pretrain, GFLOPs, Param (M), top-1). "
           "Configs: 'SampleFrames', clip_len=32, frame_interval=2, num_clips=1; videos_per_gpu=8; total_epochs = 30. ")
A(C(id="dualformer-t-k400-8xa100", name="DualFormer-T (21.8M video transformer) on Kinetics-400, 30 epochs, 8 A100, ~31 h", quality="B",
    modality="vision", architecture="video transformer (local-global stratified attention, ImageNet-1k initialised)", paramsTotal=21.8e6,
    samples=240_000, epochs=30, resolution="32 frames x 224x224 [R]",
    hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 31), source=DUALF,
    notes=(DUALF_Q + "Target [D] = 8 x 31 = 248 GPU-h. samples = Kinetics-400 training videos (~240k [R]; the README says ~50 corrupted "
           "ones were removed); epochs = the config's 30. B: '~31 hours'; 240 GFLOPs per clip (inference view) stated. Copies under "
           "/work/labels/footprint-5/files/sail-sg__dualformer/.")))
A(C(id="dualformer-b-k400-8xa100", name="DualFormer-B (86.8M video transformer) on Kinetics-400, 30 epochs, 8 A100, ~3 days", quality="B",
    modality="vision", architecture="video transformer (local-global stratified attention, ImageNet-1k initialised)", paramsTotal=86.8e6,
    samples=240_000, epochs=30, resolution="32 frames x 224x224 [R]",
    hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 3)), source=DUALF,
    notes=(DUALF_Q + "Target [D] = 8 x 3 d x 24 = 576 GPU-h. B: '~3 days'; samples as for dualformer-t (~240k [R]); 1,072 GFLOPs per clip "
           "(4.5x the Tiny) vs 2.3x the hours — a FLOPs-vs-time test within one codebase.")))
A(C(id="vall-e-libritts-8xa100-community", name="VALL-E (unofficial lifeiteng/vall-e) trained on LibriTTS ~100 epochs, 8 A100, almost 4 days",
    quality="B", modality="speech", architecture="codec language model (AR + NAR transformers over EnCodec tokens)",
    epochs=100, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 4)),
    source=("https://github.com/lifeiteng/vall-e/issues/58 ('After 100 epochs training, the model can synthesize natural speech on "
            "LibriTTS') — 2023; read via a stored copy quoting the issue (file-index id 33457265607)"),
    notes=("Issue (as quoted): 'I trained vall-e on LibriTTS about 100 epochs (took almost 4 days on 8 A100 GPUs) and I obtained plausible "
           "synthesized audio.' ... 'The model I trained has worse quality than the original vall-e because of the dataset amount.' Target "
           "[D] = 8 x 4 d x 24 = 768 GPU-h ('almost' -> slightly less). B: a community report; model size and LibriTTS subset (~585 h in "
           "full [R]) not stated; GPU memory not stated. Speech synthesis (TTS).")))


# ====================================================================== round-7 additions (4): Intel Gaudi vendor time-to-train rows
GAUDI = ("Intel, 'Intel Gaudi AI accelerator model performance — Hugging Face Optimum Habana training' table "
         "(https://www.intel.com/content/dam/develop/public/us/en/include/gaudi/huggingface-optimumhabana-tp.html) — 2024 (Optimum Habana "
         "1.12.1 / DeepSpeed 0.14.0 era); read via the stored page")
GAUDI_Q = ("Table columns: 'Model | #HPU | Precision | Throughput | Acc | TTT | Batch | Task | Framework Version'. ")
A(C(id="gaudi-llama2-70b-lora-8hpu", name="Llama2-70B LoRA fine-tune (Optimum Habana, DeepSpeed), 8 Intel Gaudi HPUs, TTT 38.86 min",
    quality="B", architecture="dense (LoRA on Llama-2-70B)", paramsTotal=70e9, precision="bf16",
    hardware="Intel Gaudi 2 HPU (generation recalled [R]; the table says HPU)", devices=8,
    target=dict(metric="gpuHours", value=8 * 38.86 / 60),
    source=GAUDI,
    notes=(GAUDI_Q + "Row: '| Llama2-70B Fine Tuning (LoRA) | 8 | bf16 | 2.66 sentences/sec | 2.13 | 38.86 min | 10 | language-modeling | "
           "DeepSpeed 0.14.0 Optimum Habana 1.12.1 |'. Target [D] = 8 x 38.86 / 60 = 5.18 HPU-hours. B: a vendor time-to-train benchmark "
           "(to the stated accuracy/loss 2.13), not a released model; dataset not named in the row (the Optimum Habana LoRA example uses "
           "tatsu-lab/alpaca [R]); Gaudi generation not printed in the copy. 2.66 sentences/s x 38.86 min = ~6.2k sequences [D]. Drop if "
           "benchmark runs are out of scope (footprint-1 left MLPerf out).")))
A(C(id="gaudi-gpt-neox-20b-clm-16hpu", name="GPT-NeoX-20B causal-LM fine-tune (Optimum Habana, DeepSpeed), 16 Intel Gaudi HPUs, TTT 41 min",
    quality="B", architecture="dense (full fine-tune of GPT-NeoX-20B)", paramsTotal=20.6e9, precision="bf16",
    hardware="Intel Gaudi 2 HPU (generation recalled [R]; the table says HPU)", devices=16,
    target=dict(metric="gpuHours", value=16 * 41 / 60),
    source=GAUDI,
    notes=(GAUDI_Q + "Row: '| GPTNEOX-20B-CLM | 16 | bf16 | 257 sentences/sec | 0.53 | 41 min | 2 | language-modeling | DeepSpeed 0.14.0 "
           "Optimum Habana 1.12.1 |'. Target [D] = 16 x 41 / 60 = 10.93 HPU-hours. B: vendor benchmark; dataset not named in the row "
           "(the Optimum Habana CLM example uses wikitext-2 [R]); 257 sentences/s x 41 min = ~632k sequences [D]. Same caveat as "
           "gaudi-llama2-70b-lora-8hpu.")))


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
out = {"set": "footprint-heldout-5",
       "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
       "description": ("Fifth held-out set of published training runs for validating the Green ML Review footprint estimator. Built "
                       "without running the estimator and without reading product code; no model/run of /work/excluded-runs.txt (development "
                       "cases and footprint-heldout-1..4). gpuHours means accelerator-hours (TPU chip-hours for TPU rows). [R] = recalled/"
                       "secondary, not re-read in the primary this session; [D] = derived arithmetic shown in notes and in make_cases.py."),
       "cases": cases}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
