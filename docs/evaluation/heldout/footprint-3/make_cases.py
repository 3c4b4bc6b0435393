"""Builds footprint-heldout-3 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x days x 24, TPU cores / 2 = chips, GPU-days x 24, ...). Nothing is fitted and the Green ML Review estimator was
never run on these cases. Run: python3 make_cases.py
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


def tpu_v3_chips(cores):
    """TPU v3: 2 TensorCores per chip."""
    assert cores % 2 == 0
    return cores // 2


IMAGENET_TRAIN = 1_281_167  # ILSVRC-2012 training images (standard count) [R]

cases = []
A = cases.append

# ====================================================================== text: dense LM pre-training
A(C(id="codegeex-13b", name="CodeGeeX (13B code LM) on 1,536 Ascend 910", quality="A", paramsTotal=13e9, tokens=850e9, seqLen=2048,
    hardware="Huawei Ascend 910 (32GB)", devices=1536, precision="fp16",
    # April 18 -> June 22, 2022: 12 remaining days of April (19..30) + 31 (May) + 22 (June) = 65 days
    target=dict(metric="gpuHours", value=days(1536, (30 - 18) + 31 + 22)),
    source=("https://github.com/THUDM/CodeGeeX README.md, sections 'CodeGeeX: A Multilingual Code Generation Model' and 'Training' (commit "
            "2838420b7b4492cf3d16bce5320e26e65960c9e2, blob 95bca2b3052a5d948d979acfd52af48d344d175b) — 2022; Zheng et al. 2023, 'CodeGeeX' (arXiv 2303.17568)"),
    notes=("README: 'We introduce CodeGeeX, a large-scale multilingual code generation model with 13 billion parameters ... As of June 22, 2022, "
           "CodeGeeX has been trained on more than 850 billion tokens on a cluster of 1,536 Ascend 910 AI Processors.' 'CodeGeeX contains 40 "
           "transformer layers with a hidden size of 5,120 for self-attention blocks and 20,480 for feed-forward layers, making its size reach 13 "
           "billion parameters. It supports a maximum sequence length of 2,048.' 'We implement CodeGeeX in Mindspore 1.7 and train it on 1,536 "
           "Ascend 910 AI Processor (32GB). The model weights are under FP16 format, except that we use FP32 for layer-norm and softmax ... "
           "8-way model parallel training together with 192-way data parallel training, with ZeRO-2 optimizer enabled. The micro-batch size is "
           "16 and the global batch size reaches 3,072.' 'The entire training process takes nearly two months, spanning from April 18 to June 22, "
           "2022, during which 850B tokens were passed for training, i.e., 5+ epochs.' Target [D] = 1,536 x 65 d x 24 = 2,396,160 Ascend-910-hours "
           "(date span, +-1 day = +-1.5 %; any downtime inside the span is included). tokens = 850B ('more than'). Non-NVIDIA accelerator "
           "(Huawei Ascend 910, ~256 TFLOPS fp16 peak [R]).")))

MOBILE = ("https://github.com/facebookresearch/MobileLLM README.md, section 'Training cost' (commit 8b9769db377dc1f67ab967cfc11b08cb06feeffc, blob c9b54bdf87cac53cc5544f91b87820f0bcb0f7eb) "
          "— 2024; Liu et al. 2024, 'MobileLLM: Optimizing Sub-billion Parameter Language Models for On-Device Use Cases' (ICML 2024, arXiv 2402.14905)")
MOBILE_Q = ("README: 'It takes the following number of days to train MobileLLM on 1T tokens using 32 NVIDIA A100 80G GPUs.' "
            "'| 125M | 350M | 600M | 1B | 1.5B |' '| ~3 days| ~6 days| ~8 days | ~12 days | ~18 days |'. The README describes MobileLLM as "
            "'(1) SwiGLU activation function, (2) deep and thin architectures, (3) embedding sharing, (4) grouped-query attention'.")
for mid, nm, p, d, q in [("mobilellm-125m", "125M", 125e6, 3, "B"), ("mobilellm-350m", "350M", 350e6, 6, "B"),
                         ("mobilellm-600m", "600M", 600e6, 8, "B"), ("mobilellm-1b", "1B", 1e9, 12, "A"),
                         ("mobilellm-1.5b", "1.5B", 1.5e9, 18, "A")]:
    why = ("A: '~%d days' rounds by <= ~4 %%." % d) if q == "A" else ("B: '~%d days' is a one-digit figure (+-%d %%)." % (d, round(50 / d)))
    A(C(id=mid, name="MobileLLM-%s, 1T tokens on 32 A100 80GB" % nm, quality=q, paramsTotal=p, tokens=1e12,
        hardware="A100 80GB (form factor not stated)", devices=32,
        target=dict(metric="gpuHours", value=days(32, d)),
        source=MOBILE,
        notes=(MOBILE_Q + " Target = 32 x %d d x 24 = %s GPU-h. paramsTotal = the nominal size in the model name (%s; exact counts are in the "
               "paper, not re-read). %s Sequence length and precision not stated in the README. Deep-and-thin architecture (many layers of small "
               "width) with shared input/output embeddings: embeddings are a large share of the parameters at 125M/350M." %
               (d, format(days(32, d), ","), nm, why))))

A(C(id="zamba-7b", name="Zamba 7B (Mamba + shared attention hybrid)", quality="B", architecture="hybrid (mamba ssm + one shared attention block)",
    paramsTotal=7e9, tokens=1e12 + 50e9, hardware="H100 (form factor not stated)", devices=128,
    target=dict(metric="gpuHours", value=days(128, 30)),
    source=("Zyphra press release 'Zyphra Unveils Zamba: A Compact 7B SSM Hybrid Model' (zyphra.com/zamba, 16 April 2024); Zyphra/Zamba-7B-v1 "
            "model card (read via a mirror of the card's README.md); Glorioso et al. 2024 (arXiv 2405.16712)"),
    notes=("Press release: 'Zyphra is proud to release Zamba, a novel 7B parameter foundation model.' 'Achieved by a small team of 7 people, on "
           "128 H100 GPUs, in 30 days'. Card: 'Zamba-7B-v1 was pre-trained on 1T tokens of text and code data sourced from open web-datasets. "
           "Subsequently in a second phase, Zamba was annealed on a mixture of 50B high-quality tokens.' 'It uses a mamba backbone with a shared "
           "transformer layer every 6 blocks.' Target = 128 x 30 d x 24 = 92,160 GPU-h. tokens = 1T + 50B (both phases). B: press-release "
           "'30 days' (round figure; whether it covers both phases is not stated); mostly state-space layers, not a plain transformer.")))
A(C(id="falcon-mamba-7b", name="Falcon Mamba 7B (pure Mamba SSM)", quality="B", architecture="ssm (mamba)",
    paramsTotal=7e9, tokens=5.5e12, seqLen=8192, hardware="H100 80GB (AWS p5, SXM)", devices=256,
    target=dict(metric="gpuHours", value=days(256, 60)),
    source="https://huggingface.co/tiiuae/falcon-mamba-7b model card — 'Training Details' and 'Compute Infrastructure' — 2024 (read via stored copies of the card and its commit diffs)",
    notes=("Card: 'Falcon-Mamba has been trained with ~ 5,500 GT mainly coming from Refined-Web ... multi-stage training strategy to increase the "
           "context-length from 2,048 to 8,192.' 'Falcon-Mamba-7B was trained on AWS SageMaker, using on average 256 H100 80GB GPUs in 32 p5 "
           "instances.' 'The model training took roughly two months.' Target = 256 x 60 d x 24 = 368,640 GPU-h. B: 'roughly two months' and "
           "'on average 256' (+-10 % or worse); 7B = the name (7.27B [R]); seqLen 8192 = final stage only. AWS p5 = H100 SXM. Attention-free "
           "(selective state-space) architecture.")))
A(C(id="mgpt-1.3b", name="mGPT (multilingual GPT, 60 languages) on 256 V100", quality="A",
    paramsTotal=1.3e9, tokens=440e9, seqLen=512, hardware="V100 (form factor not stated)", devices=256,
    target=dict(metric="gpuHours", value=days(256, 12)),
    source=("https://huggingface.co/ai-forever/mGPT model card (formerly sberbank-ai/mGPT) — 'Details' — 2022/2023 (read via a verbatim copy of "
            "the card stored in a public repository, index file id 32837195447, and the card's commit diff 14ac632); Shliazhko et al. 2022, "
            "'mGPT: Few-Shot Learners Go Multilingual' (arXiv 2204.07580)"),
    notes=("Card: 'We introduce a family of autoregressive GPT-like models with 1.3 billion parameters trained on 60 languages from 25 language "
           "families using Wikipedia and Colossal Clean Crawled Corpus.' 'The model was trained with sequence length 512 using Megatron and "
           "Deepspeed libs by SberDevices team on a dataset of 600 GB of texts in 60 languages. The model has seen 440 billion BPE tokens in "
           "total.' 'Total training time was around 12 days on 256 Nvidia V100 GPUs.' Target = 256 x 12 d x 24 = 73,728 GPU-h. A: devices x "
           "time, tokens and size all stated; 'around 12 days' rounds by <= ~4 %. GPT-3-style architecture with sparse attention (per the card). "
           "(An earlier card revision said 'sequence length 1024 ... 80B tokens for 3 epochs ... then 2048' — superseded.)")))
A(C(id="smollm-135m", name="SmolLM-135M (600B tokens, 64 H100)", quality="B", paramsTotal=135e6, tokens=600e9, precision="bf16",
    hardware="H100 (form factor not stated)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 1)),
    source="https://huggingface.co/HuggingFaceTB/SmolLM-135M/discussions/13 — answer by the Hugging Face TB research org, quoting the model card — 2024",
    notes=("Question quotes the card: 'Pretraining steps: 600k' 'Pretraining tokens: 600B' 'Precision: bfloat16' 'GPUs: 64 H100'. Org answer: "
           "'Hey, it took around 1 day, i think it can be optimize by increasing the batch size even more :)'. Target = 64 x 24 h = 1,536 GPU-h. "
           "B: forum answer, 'around 1 day' (coarse). SmolLM v1 (not SmolLM3, which is excluded). Tiny model: throughput-limited, MFU low.")))
A(C(id="chemdfm-13b-pretrain", name="ChemDFM-13B domain pre-training (continued from LLaMA-13B)", quality="B", paramsTotal=13e9,
    hardware="A800 (A100 export variant; memory not stated)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 14)),
    source="https://huggingface.co/OpenDFM/ChemDFM-v1.0-13B/discussions/1 — answer by the model's authors — 2024",
    notes=("Authors' answer: 'It takes us around two weeks to pre-train ChemDFM on 64 A800 GPUs.' Target = 64 x 14 d x 24 = 21,504 GPU-h. B: forum "
           "answer, 'around two weeks'; tokens not stated; 13B = the model name; continued (domain) pre-training of a LLaMA-family 13B model "
           "[R], so the base model's pre-training is not in the target. A800 memory size not stated in the answer.")))
A(C(id="finbert-pretrain", name="FinBERT (financial BERT-base) pre-training on 4 P100", quality="B", architecture="dense-encoder",
    paramsTotal=110e6, hardware="P100 (NVIDIA DGX-1)", devices=4,
    target=dict(metric="gpuHours", value=days(4, 2)),
    source="https://huggingface.co/Tianzhou/finbert-pretrain model card (read via a stored commit diff of the card, commit e02aba1) — FinBERT (Yang et al. 2020) pre-training",
    notes=("Card: 'Corporate Reports 10-K & 10-Q: 2.5B tokens' 'Earnings Call Transcripts: 1.3B tokens' 'Analyst Reports: 1.1B tokens' 'The entire "
           "training is done using an NVIDIA DGX-1 machine. The server has 4 Tesla P100 GPUs, providing a total of 128 GB of GPU memory. This "
           "machine enables us to train the BERT models using a batch size of 128.' 'Overall, the total time taken to perform pretraining for one "
           "model is approximately 2 days.' Target = 4 x 2 d x 24 = 192 GPU-h. B: 'approximately 2 days' (+-25 %); corpus = 4.9B tokens but "
           "tokens processed (steps x batch x length) not stated -> tokens null; 110M [R] (BERT-base size).")))

A(C(id="nanochat-d34-base", name="nanochat d34 base model (2.2B), 88.7B tokens on one 8xH100 node", quality="A", paramsTotal=2_217_082_880,
    tokens=88_683_315_200, seqLen=2048, hardware="H100 (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 100),
    source="https://huggingface.co/karpathy/nanochat-d34 README.md (model card) — 2025 (read via a stored mirror of the raw README)",
    notes=("Card: 'nanochat-d34 model. It was pretrained like this: torchrun --standalone --nproc_per_node=8 -m scripts.base_train -- --depth=34 "
           "--device_batch_size=4 --target_param_data_ratio=40 --save_every=5000 --run=d34' 'On an 8XH100 node, which ran for ~100 hours (~4 "
           "days) and cost ~$2,500.' Stats: 'depth: 34' 'max_seq_len: 2048' 'total_batch_size: 524,288' 'Number of parameters: 2,217,082,880' "
           "'Number of FLOPs per token: 1.426509e+10' 'Calculated number of iterations: 169,150' 'Number of training tokens: 88,683,315,200' "
           "'DDP world size: 8' 'MFU %: 47.40%' 'Total training flops: 1.265075e+21'. Target = 8 x 100 h = 800 GPU-h (base pre-training only). "
           "A: all inputs stated. Check [D]: 1.265e21 / (0.474 x 989e12 x 8) = 3.37e5 s = 94 h, consistent with '~100 hours'. Note the "
           "published MFU (47.4 %) and FLOPs per token (which count attention) are unusually complete.")))
A(C(id="nanochat-d20-a100-pretrain", name="nanochat d20 (561M) speedrun pre-training on 8x A100 80GB", quality="B", paramsTotal=561e6,
    seqLen=2048, hardware="A100 SXM4 80GB", devices=8,
    target=dict(metric="gpuHours", value=8 * 7),
    source=("https://huggingface.co/spaces/nanochat-students/README/discussions/9 — post by richardprobe with the run's generated training "
            "report — Oct 2025 (and the richardprobe/nanochat model card)"),
    notes=("Post: 'So I ran the full training as-is (without RL), going through all the stages below: create tokenizer; do Pre-train (21K steps; "
           "7 hrs); do Mid-train (700 steps; few min); do SFT (650 steps; few min)' '... A100s also work ... instead of 4 hrs, it takes roughly "
           "double the time at 8 hrs'. Report: 'GPUs: 8x NVIDIA A100-SXM4-80GB' 'Hourly Rate: $14.32/hour'. Card: 'Architecture: d20 (561M "
           "parameters)'. Target = 8 x 7 h = 56 GPU-h (pre-training stage). B: '7 hrs' rounded; tokens not in the lines read (21K steps x the "
           "default 524,288-token batch = ~11.0B [D][R], not used).")))
A(C(id="nanochat-d12-rtx4070", name="nanochat d12 (286M) on one RTX 4070, 130k steps", quality="B", paramsTotal=286_261_730,
    tokens=130_000 * 65_536, seqLen=2048, precision="bf16", hardware="RTX 4070 12GB (consumer)", devices=1,
    target=dict(metric="gpuHours", value=2549.86 / 60),
    source="lzwjava.github.io, 'Training a 286M Parameter NanoChat' (2026; page marked 'Generated by AI', summarising the author's own run logs)",
    notes=("Page: 'MODEL ARCHITECTURE (286M params) Type: GPT (nanochat d12) Layers: 12 ... Context length: 2,048 tokens ... Total: 286,261,730 "
           "params' 'HARDWARE GPU: NVIDIA RTX 4070 (12GB VRAM) DType: BF16 ... FA3: Not available, using PyTorch SDPA fallback' 'Batch size: "
           "65,536 tokens/step = 8 device_batch x 2048 seq_len x 4 grad_accum' 'PHASE 1: 0 -> 130,000 steps (COMPLETED) Run name: "
           "rtx4070-d12-130k Started from: scratch (first run 0-87k, resumed 87k-130k) Steps: 130,000 Tokens: 130,000 x 65,536 = 8,519,680,000 "
           "(~8.5B) Training time: 2,549.86 minutes (~42.5 hours)' 'Throughput: ~55,700 tok/sec (~1.18s/step)'. Target [D] = 2,549.86 / 60 = "
           "42.5 GPU-h. B: an AI-written summary of logs on a personal blog; the run was resumed once (time may exclude the gap). Check [D]: "
           "8.52e9 tokens / 55,700 tok/s = 42.5 h, consistent. Consumer GPU (RTX 4070, 200 W TDP [R]), no flash attention.")))

AMD135 = ("https://huggingface.co/amd/AMD-Llama-135m model card — 'Training' and 'Training and finetuning cost' — 2024 (read via a verbatim "
          "copy of the card stored in a public repository, index file id 13073888433; same text in the QuantFactory/AMD-Llama-135m-GGUF copy)")
AMD135_Q = ("Card: 'AMD-Llama-135m is a language model trained on AMD Instinct MI250 accelerators.' '| Parameter Size | 135M |' '| Number of layers "
            "(blocks) | 12 |' '| Hidden size | 768 |' '| Context windows size | 2048 |' '| Vocab size | 32000 |' 'It takes 6 days to pretrain "
            "AMD-Llama-135m on 4 MI250 nodes each of which has 4 MI250 GPUs (8 virtual GPU cards, 64G memory for each). It takes 4 days to "
            "finetune AMD-Llama-135m-code on 4 MI250 GPUs.' ")
A(C(id="amd-llama-135m", name="AMD-Llama-135m pre-training on 16 MI250", quality="B", paramsTotal=135e6, tokens=670e9, epochs=1, seqLen=2048,
    hardware="AMD Instinct MI250 (2 GCDs each)", devices=16,
    target=dict(metric="gpuHours", value=days(4 * 4, 6)),
    source=AMD135,
    notes=(AMD135_Q + "'We use SlimPajama and project gutenberg dataset to pretrain our 135m model, around 670B training tokens in total.' "
           "'| Batch size | 1024 |' '| Epoch | 1 |'. Target [D] = 4 nodes x 4 MI250 x 6 d x 24 = 2,304 MI250-hours (device = the MI250 "
           "package; each has 2 GCDs, the card's '8 virtual GPU cards' per node, so 4,608 GCD-hours). B: '6 days' one digit (+-8 %); 'around "
           "670B'. AMD accelerator (MI250 ~500-560 W TDP [R]).")))
A(C(id="amd-llama-135m-code", name="AMD-Llama-135m-code (code fine-tune, 20B tokens) on 4 MI250", quality="B", paramsTotal=135e6, tokens=20e9,
    epochs=1, seqLen=2048, hardware="AMD Instinct MI250 (2 GCDs each)", devices=4,
    target=dict(metric="gpuHours", value=days(4, 4)),
    source=AMD135,
    notes=(AMD135_Q + "'We use python split of StarCoder dataset to finetune our 135m pretrained model, 20B training tokens.' 'We take the 135m "
           "pretrained model as base model and further finetune on python split of StarCoder datasets for 1 epoch with batch size of 320.' "
           "Target [D] = 4 MI250 x 4 d x 24 = 384 MI250-hours (768 GCD-hours). B: '4 days' one digit (+-13 %). A FINE-TUNE of amd-llama-135m "
           "(that case's hours are not included).")))

# ---- community nanochat runs (model cards on Hugging Face; the training code is karpathy/nanochat, not read)
A(C(id="alpha-nanochat-d24-2xh100", name="nanochat d24 base (1.38B) on 2x H100 SXM, FP8, 5.84B tokens", quality="A", paramsTotal=1_384_122_122,
    tokens=5_838_471_168, seqLen=2048, precision="fp8 (matrix products)", hardware="H100 SXM 80GB", devices=2,
    target=dict(metric="gpuHours", value=2 * 23_555 / 3600),
    source="https://huggingface.co/ajaxdavis/alpha-nanochat-d24 model card — 'The run' — 2026 (read via a stored copy of the card page)",
    notes=("Card: \"nanochat's d24 base model (1,384,122,122 parameters), trained for the whole of Andrej Karpathy's nanochat speedrun record recipe "
           "(leaderboard Run 6, commit a825e63): 5,568 steps of 2^20 tokens (5.84 billion tokens of ClimbMix), FP8 matrix products, Muon + AdamW.\" "
           "'Hardware 2x H100 SXM (NVLink NV18), RunPod' 'Steps 5,568' 'Tokens 5,838,471,168' 'Training time 23,555 s (6 h 32 min), one "
           "uninterrupted invocation' 'Throughput 247,865 tokens/s (nanochat a825e63 on two H100s: 247,886)'. Target [D] = 2 x 23,555 s / 3600 "
           "= 13.09 GPU-h. A: exact. Note: trained by a custom compiler (no PyTorch on the training path) at the same throughput as stock "
           "nanochat; FP8; another d24 port's card (Nekochu/nanochat-d24) describes 'value embeddings on alternating layers (~604M params at near-zero "
           "FLOPs)' [R, not this card], so FLOPs per token may be well below 6 x params.")))
A(C(id="nanochat-d20-h200", name="nanochat d20 (896M) base, one H200, 5.2B tokens", quality="A", paramsTotal=896e6, tokens=5.2e9, seqLen=2048,
    hardware="H200 (143GB as reported)", devices=1,
    target=dict(metric="gpuHours", value=8.5),
    source="https://huggingface.co/cliffo4567/nanochat-d20 model card — 'Model Details' — 2026 (University of North Texas workshop model)",
    notes=("Card: 'A 896 million parameter GPT-style language model trained from scratch on a single NVIDIA H200 GPU' '| Parameters | 896 million |' "
           "'| Layers (depth) | 20 |' '| Embedding size | 1280 |' '| Vocabulary size | 32,768 |' '| Context length | 2048 tokens |' '| Training "
           "tokens | 5.2 billion |' '| Training time | ~8.5 hours |' '| Hardware | 1x NVIDIA H200 (143GB) |' '| Training data | ClimbMix |'. "
           "Target = 1 x 8.5 = 8.5 GPU-h. A: '~8.5 hours' rounds by <= 3 %. Newer nanochat (value embeddings) -> part of the 896M are embedding "
           "tables [R].")))
A(C(id="nanochat-d20-1xh100-full", name="nanochat d20 (561M), base + mid + SFT on one H100", quality="B", paramsTotal=560_988_160, tokens=11.2e9,
    seqLen=2048, hardware="H100 (form factor not stated)", devices=1,
    target=dict(metric="gpuHours", value=38 + 28 / 60),
    source="https://huggingface.co/jack03/nanochat-1 model card — 2025",
    notes=("Card: 'Parameters: 560,988,160 (~561M parameters)' 'Training Tokens: 11.2B tokens' 'Sequence Length: 2048 tokens' 'Vocab Size: 65,536' "
           "'Base Training (Pretraining): Trained on web text data for 21,400 iterations' 'Midtraining: Domain adaptation for 773 iterations' "
           "'Supervised Fine-Tuning (SFT): Chat fine-tuning for 682 iterations' 'Total Training Time: 38 hours 28 minutes on single H100 GPU'. "
           "Target = 38.47 GPU-h. B: the time covers base + mid + SFT (the last two are ~7 % of the iterations, on shorter batches), and may "
           "include evaluation; tokens = base pre-training only.")))
A(C(id="nanochat-d24-rtx4070", name="nanochat d24 (911M) base on one RTX 4070, ~465 GPU-hours", quality="B", paramsTotal=910_691_760, seqLen=2048,
    hardware="RTX 4070 12GB (consumer)", devices=1,
    target=dict(metric="gpuHours", value=465),
    source="https://huggingface.co/Marcolini/nanochat-d24-base-champion model card — 2026 (checkpoint of the Bl4ckd09/nanochat-on-rtx4070 fork, not read)",
    notes=("Card: 'A 910 M-parameter nanochat base model pretrained entirely on one RTX 4070 12 GB.' 'It represents ~465 GPU-hours of pretraining on "
           "that one card, across three resumable continuation segments.' '| Checkpoint step | 820,230 (target ratio 32) |' '| Parameters | "
           "910,691,760 |' '| Vocab / max seq len | 32,768 / 2,048 |' 'Pretraining data | karpathy/fineweb-edu-100b-shuffle'. Target = 465 GPU-h. "
           "B: '~465'; tokens not stated (batch size not in the lines read; 'target ratio 32' is nanochat's data:params setting, which counts "
           "only some parameters [R]) -> tokens null; three segments.")))
A(C(id="gpt2023-124m-rtx3060", name="GPT2(023): GPT-2 124M further trained on 2.23B tokens on one RTX 3060", quality="A", paramsTotal=124e6,
    tokens=4400 * 512 * 1024, seqLen=1024, hardware="RTX 3060 12GB (consumer)", devices=1,
    target=dict(metric="gpuHours", value=79.32),
    source="https://huggingface.co/crumb/gpt2023 model card — 2023 (read via a stored commit diff of the card, commit 354042f)",
    notes=("Card: \"This is the smallest GPT-2 model (124m) from OpenAi finetuned on approximately 2.23B tokens ... consisting of 1.3B from common "
           "crawl sites from 2023, 540M from ArXiv, and 390M from GitHub.\" 'There were 4400 total steps during training at a batch size of 512 "
           "examples with a context length of 1024.' 'Training took a total of 1.18e+18 FLOs over the course of 79.32 hours locally with a 12gb "
           "RTX3060.' Target = 79.32 GPU-h. tokens [D] = 4,400 x 512 x 1,024 = 2.307B (the card says 'approximately 2.23B'). A: exact time, "
           "steps, batch, length and size. Check [D]: 6 x 124M x 2.3B = 1.7e18 vs the stated 1.18e18 FLOs. A continued-training run of OpenAI's "
           "GPT-2 small (not the excluded nanoGPT/llm.c GPT-2 reproductions).")))

# ====================================================================== text: fine-tunes / post-training
DSR1 = ("Guo et al. 2025, 'DeepSeek-R1 incentivizes reasoning in LLMs through reinforcement learning', Nature 645 (Sept 2025), Supplementary "
        "Information (training cost) — read SECONDHAND via The Register, 'DeepSeek didn't really train its flagship model for $294,000' (18 Sept "
        "2025, as syndicated) and Asia Daily, 'DeepSeek $294,000 Training Claim Unpacked'")
A(C(id="deepseek-r1-zero-rl", name="DeepSeek-R1-Zero, RL stage on DeepSeek-V3-Base (671B MoE, 37B active)", quality="B", architecture="moe",
    paramsTotal=671e9, paramsActive=37e9, hardware="H800 (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=512 * 198),
    source=DSR1,
    notes=("SECONDHAND (The Register): 'it had used just 64 eight-way H800 boxes totaling 512 GPUs running at full tilt for 198 hours to train "
           "the preliminary R1-Zero release, and another 80 hours or so to complete it. Along with about 5,000 GPU hours to generate the "
           "supervised fine-tuning datasets used in the training process, the entire endeavor came out to a hair under $300,000'. Asia Daily: "
           "'The R1 supplementary material details a reinforcement learning run on 512 Nvidia H800 GPUs. It describes an initial R1 Zero training "
           "period of about 198 hours and a further 80 hours to reach the released R1.' Target [D] = 512 x 198 = 101,376 GPU-h (R1-Zero only). "
           "B: secondhand; RL (GRPO) = mostly generation/rollouts at long lengths plus policy updates, tokens not published; 671B/37B [R] "
           "(DeepSeek-V3 architecture). The base model's pre-training (excluded DeepSeek-V3 case) is not in the target.")))
A(C(id="deepseek-r1-final-stage", name="DeepSeek-R1, training from R1-Zero to the released R1 (H800)", quality="B", architecture="moe",
    paramsTotal=671e9, paramsActive=37e9, hardware="H800 (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=512 * 80), also=[dict(metric="gpuHours", value=5000)],
    source=DSR1,
    notes=("Same quotations as deepseek-r1-zero-rl: '... and another 80 hours or so to complete it. Along with about 5,000 GPU hours to generate "
           "the supervised fine-tuning datasets'. Target [D] = 512 x 80 = 40,960 GPU-h; also = ~5,000 GPU-h for SFT data generation (inference, "
           "not summed). B: secondhand, '80 hours or so'; the stage mixes SFT and RL; tokens not published.")))
A(C(id="mpt-7b-chat-finetune", name="MPT-7B-Chat (chat fine-tune of MPT-7B)", quality="B", paramsTotal=6.7e9, seqLen=2048,
    hardware="A100 80GB then A100 40GB (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=8 * 8.2 + 32 * 6.7),
    also=[dict(metric="gpuHours", value=8 * 8.2), dict(metric="gpuHours", value=32 * 6.7)],
    source="https://huggingface.co/mosaicml/mpt-7b-chat model card — 'Training Configuration' — 2023 (read via a stored commit diff of the card, commit 6efab79)",
    notes=("Card: 'This model was trained on 8 A100-80GBs for about 8.2 hours, followed by training for 6.7 hours on 32 A100-40GBs using the "
           "MosaicML Platform. The model was trained with sharded data parallelism using FSDP and used the AdamW optimizer.' '| sequence length "
           "| 2048 |'. Target [D] = 8 x 8.2 + 32 x 6.7 = 65.6 + 214.4 = 280 GPU-h (two GPU types; also lists the parts). devices null (8 then "
           "32). B: mixed hardware; fine-tuning data size (tokens) not stated; 6.7B [R] (MPT-7B size). A FINE-TUNE: MPT-7B's pre-training "
           "(excluded case) is not included.")))
A(C(id="openorca-preview1-13b", name="OpenOrca-Preview1-13B (fine-tune of a 13B LLaMA-family model)", quality="B", paramsTotal=13e9, epochs=4,
    hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 15),
    source="https://huggingface.co/Open-Orca/OpenOrca-Preview1-13B model card — 'Training' — 2023 (read via a stored commit diff of the card, commit 4163022)",
    notes=("Card: 'We trained with 8x A100-80G GPUs for 15 hours. Commodity cost was < $200.' 'We trained for 4 epochs and selected a snapshot "
           "at 3 epochs for peak performance.' Target = 8 x 15 = 120 GPU-h. B: dataset size (tokens) not stated in the lines read; 13B = the name; "
           "full fine-tune (built with Axolotl per the card badge).")))
A(C(id="oo-phi-1.5-finetune", name="oo-phi-1_5 (Open-Orca full fine-tune of phi-1.5)", quality="B", paramsTotal=1.3e9, epochs=5,
    hardware="RTX A6000 48GB", devices=8,
    target=dict(metric="gpuHours", value=8 * 62),
    source="https://huggingface.co/Open-Orca/oo-phi-1_5 model card — 'Training' — 2023 (read via a stored commit diff of the card, commit 2122e51)",
    notes=("Card: 'Trained with full-paramaters fine-tuning on 8x RTX A6000-48GB (Ampere) for 5 epochs for 62 hours (12.5h/epoch) at a commodity "
           "cost of $390 ($80/epoch).' Target = 8 x 62 = 496 GPU-h. B: dataset size not stated in the lines read; 1.3B [R] (phi-1.5 size). A "
           "FINE-TUNE of phi-1.5 (phi-1.5's own pre-training is an excluded case and is not included). Workstation GPU (RTX A6000, 300 W).")))
A(C(id="llava-next-72b-finetune", name="LLaVA-NeXT-72B visual instruction training", quality="B", modality="vision",
    architecture="vlm (vision encoder + projector + 72B LLM)", paramsTotal=72e9,
    hardware="A100 SXM4 80GB", devices=64,
    target=dict(metric="gpuHours", value=64 * 35),
    source="https://huggingface.co/lmms-lab/llava-next-72b model card — 'Speeds, Sizes, Times' — 2024 (read via a stored commit diff of the card, commit ac71b5c)",
    notes=("Card after the commit: 'The training cost is 30-40 hours on 8 x 8 NVIDIA A100-SXM4-80GB (may vary due to hardware differences).' (the "
           "previous revision said '~50-60 hours'). Data listed: '500K academic-task-oriented VQA data mixture.' '50K GPT-4V data mixture.' '40K "
           "ShareGPT data.' '20K COCO Caption data.' Target [D] = 64 x 35 h (mid-point of 30-40) = 2,240 GPU-h (+-14 %). B: a range, revised "
           "once; samples ~610K [D] not used because the mixture list may be partial; 72B = the name. Stage scope: visual instruction tuning on a "
           "pre-trained LLM and vision tower.")))
A(C(id="llava-next-110b-finetune", name="LLaVA-NeXT-110B visual instruction training (H800)", quality="B", modality="vision",
    architecture="vlm (vision encoder + projector + 110B LLM)", paramsTotal=110e9,
    hardware="H800 80GB (SXM)", devices=128,
    target=dict(metric="gpuHours", value=128 * 19),
    source="https://huggingface.co/lmms-lab/llava-next-110b model card — 'Speeds, Sizes, Times' — 2024 (read via a stored commit diff of the card, commit c115214)",
    notes=("Card after the commit: 'The training cost is ~18-20 hours on 16 x 8 NVIDIA H800-SXM4-80GB (may vary due to hardware differences).' "
           "(sic 'SXM4'; the previous revision, copied from the 72B card, said '~50-60 hours on 8 x 8 NVIDIA A100-SXM4-80GB'). Target [D] = 128 x "
           "19 h = 2,432 GPU-h (+-5 %). B: a range; data size not read for this card; 110B = the name.")))

# ====================================================================== multimodal pre-training (early-fusion)
CHAM = ("Chameleon Team (Meta FAIR) 2024, 'Chameleon: Mixed-Modal Early-Fusion Foundation Models' (arXiv 2405.09818), Table 2 (pre-training GPU "
        "usage) — read SECONDHAND via a generated paper-audit report stored in a public repository (index file id 65771784252; repository name "
        "not shown by the index) and, for tokens, the metaverse-imagen gitbook summary of the paper")
CHAM_Q = ("SECONDHAND (audit report citing the paper): 'Table 2 provides the GPU usage for pre-training, specifying the number of concurrent GPUs "
          "(1024 for 7B, 3072 for 34B) and the total GPU hours (856,481 for 7B, 4,282,407 for 34B).' Summary: 'Pretraining stage 1 (80%) "
          "unsupervised training on text-only (Llama 2, CodeLlama => 2.9T tokens), text-image (1.4B pairs/1.5T tokens), Text/Image Interleaved "
          "(400B tokens)' and 'Chameleon-34B trained for 2.1 epochs over our full training dataset for a total of 9.2T tokens.' ")
A(C(id="chameleon-7b", name="Chameleon-7B (early-fusion text+image token LM), pre-training", quality="B", modality="multimodal",
    architecture="dense (decoder-only over text + VQ image tokens)", paramsTotal=7e9, seqLen=4096,
    hardware="A100 80GB (recalled [R]: Meta RSC; GPU type not in the excerpt read)", devices=1024,
    target=dict(metric="gpuHours", value=856_481), source=CHAM,
    notes=(CHAM_Q + "Target = 856,481 GPU-h (as published, pre-training only). B: secondhand; tokens for the 7B not in the excerpts (the paper's "
           "Table 1 gives the same 4.4T-token data and 2.1 epochs for both sizes [R] -> left null); images are 512x512 -> 1,024 tokens each; "
           "seqLen 4096 [R]; A100 80GB [R].")))
A(C(id="chameleon-34b", name="Chameleon-34B (early-fusion text+image token LM), pre-training", quality="B", modality="multimodal",
    architecture="dense (decoder-only over text + VQ image tokens)", paramsTotal=34e9, tokens=9.2e12, seqLen=4096,
    hardware="A100 80GB (recalled [R]: Meta RSC; GPU type not in the excerpt read)", devices=3072,
    target=dict(metric="gpuHours", value=4_282_407), source=CHAM,
    notes=(CHAM_Q + "Target = 4,282,407 GPU-h (as published, pre-training only). tokens = 9.2T (2.1 epochs). B: secondhand; seqLen 4096 [R]; "
           "A100 80GB [R]; the 34B uses QK-norm and re-ordered norms for stability (no compute effect).")))

# ====================================================================== vision
A(C(id="aquila-vl-2b", name="Aquila-VL-2B trained on Infinity-MM (all stages)", quality="B", modality="vision",
    architecture="vlm (vision encoder + projector + 2B LLM)", paramsTotal=2e9, hardware="A100 40GB (form factor not stated)",
    target=dict(metric="gpuHours", value=400 + 2100 + 2700 + 3300 + 3100 + 1800),
    also=[dict(metric="gpuHours", value=v) for v in (400, 2100, 2700, 3300, 3100, 1800)],
    source="https://huggingface.co/datasets/BAAI/Infinity-MM/discussions/5 — answer by the Beijing Academy of Artificial Intelligence org — 2024",
    notes=("BAAI answer: 'Hi, we used 40G A100 to train our model, and the GPU hours consumed in each stage are as follows:' 'Stage GPU hours' "
           "'1 400' '2-a 2100' '2-b 2700' '2-c 3300' '3 3100' '4 1800'. Target [D] = 400 + 2,100 + 2,700 + 3,300 + 3,100 + 1,800 = 13,400 "
           "GPU-h (stages in `also`). B: forum answer; GPU count, samples per stage and resolution not stated; 2B = the model name; which "
           "parts are frozen in stage 1 (usually projector only) not stated.")))
A(C(id="simclr-r50-100ep", name="SimCLR ResNet-50, 100 epochs, batch 4096, 128 TPU v3 cores", quality="A", modality="vision",
    architecture="cnn (resnet-50) + mlp projection head, contrastive", paramsTotal=24e6, samples=IMAGENET_TRAIN, epochs=100, resolution=224,
    hardware="TPU v3", devices=tpu_v3_chips(128),
    target=dict(metric="gpuHours", value=tpu_v3_chips(128) * 1.5),
    source=("Chen et al. 2020, 'A Simple Framework for Contrastive Learning of Visual Representations' (ICML 2020, arXiv 2002.05709), §2.2 / footnote "
            "— read via the ri.k117.org reproducibility extract that quotes the paper text; parameter count from github.com/google-research/simclr README table"),
    notes=("Paper: 'We train our model with Cloud TPUs, using 32 to 128 cores depending on the batch size. With 128 TPU v3 cores, it takes 1.5 hours "
           "to train our ResNet-50 with a batch size of 4096 for 100 epochs.' simclr README table: 'Depth Width SK Param (M) ...' '50 1X False 24'. "
           "Target [D] = 128 cores / 2 = 64 chips x 1.5 h = 96 TPU-v3-chip-hours. samples = ImageNet-1k train (1.28M [R]) per epoch, 100 epochs; "
           "each image is seen as TWO augmented 224 px views per step (2 forward/backward passes per image). A: devices, time, batch, epochs and "
           "size all stated; '1.5 hours' is two significant digits.")))
A(C(id="byol-r50-1000ep", name="BYOL ResNet-50, 1000 epochs, batch 4096, 512 TPU v3 cores", quality="B", modality="vision",
    architecture="cnn (resnet-50), online + EMA target networks", paramsTotal=24e6, samples=IMAGENET_TRAIN, epochs=1000, resolution=224,
    hardware="TPU v3", devices=tpu_v3_chips(512),
    target=dict(metric="gpuHours", value=tpu_v3_chips(512) * 8),
    source=("Grill et al. 2020, 'Bootstrap Your Own Latent' (NeurIPS 2020, arXiv 2006.07733), §3.3 'Implementation details' and Appendix A — "
            "read in verbatim copies of the paper text stored in public repositories (index file ids 59101692911, 56679272889); "
            "github.com/google-deepmind/deepmind-research byol/README.md (read via a stored page copy)"),
    notes=("Paper: 'We use a batch size of 4096 split over 512 Cloud TPU v3 cores. With this setup, training takes approximately 8 hours for a "
           "ResNet-50(x1).' App. A: 'We use a convolutional residual network with 50 layers and post-activation (ResNet-50(1x) v1) as our base "
           "parametric encoders' '... over 1000 epochs, with a warm-up period of 10 epochs.' 'a random patch of the image is selected and resized "
           "to 224 x 224'. README: '... after about 8h of training using 512 Cloud TPU v3.' Target [D] = 512 cores / 2 = 256 chips x 8 h = 2,048 "
           "TPU-v3-chip-hours. samples = ImageNet-1k train (1.28M [R]) x 1000 epochs. B: 'approximately 8 hours' (one digit, +-6 %); two views "
           "per image, online + EMA target network forward per view, plus projector/predictor MLPs; 24M params [R] (ResNet-50 without fc, "
           "SimCLR README table).")))
MAE = ("He et al. 2022, 'Masked Autoencoders Are Scalable Vision Learners' (CVPR 2022, arXiv 2111.06377), Table 2 and §4.2 — read in a "
       "verbatim copy of the paper text stored in a public repository (index file id 63270707824; the same sentences in ids 9384889964, 30369202745)")
MAE_T2 = ("Table 2: 'Wall-clock time of our MAE training (800 epochs), benchmarked in 128 TPU-v3 cores with TensorFlow. ... The decoder width is "
          "512, and the mask ratio is 75%.' rows 'ViT-L | 8 | 84.9 | 15.4' 'ViT-L | 1 | 84.8 | 11.6' 'ViT-H | 8 | 85.8 | 34.5' 'ViT-H | 1 | 85.9 | "
          "29.3' (encoder | dec. depth | ft acc | hours). 'Overall, our default MAE decoder is lightweight. It has 8 blocks and a width of 512-d'. ")
A(C(id="mae-vit-l-800ep", name="MAE ViT-L/16, 800 epochs, default 8-block decoder, 128 TPU v3 cores", quality="B", modality="vision",
    architecture="vit (masked autoencoder: ViT-L encoder on 25 % of patches + 8-block 512-d decoder)", paramsTotal=304e6,
    samples=IMAGENET_TRAIN, epochs=800, resolution=224, hardware="TPU v3", devices=tpu_v3_chips(128),
    target=dict(metric="gpuHours", value=tpu_v3_chips(128) * 15.4), also=[dict(metric="gpuHours", value=tpu_v3_chips(128) * 11.6)],
    source=MAE,
    notes=(MAE_T2 + "Target [D] = 64 chips x 15.4 h = 985.6 TPU-v3-chip-hours (default decoder); also = the 1-block-decoder run, 64 x 11.6 = "
           "742.4. B: 304M params [R] (ViT-L/16 encoder; the decoder adds a few % [R]); batch size not in the lines read; the encoder "
           "processes only 25 % of the 196 patches (mask ratio 75 %), the decoder all of them.")))
A(C(id="mae-vit-l-1600ep", name="MAE ViT-L/16, 1600 epochs, 128 TPU v3 cores", quality="B", modality="vision",
    architecture="vit (masked autoencoder: ViT-L encoder on 25 % of patches + 8-block 512-d decoder)", paramsTotal=304e6,
    samples=IMAGENET_TRAIN, epochs=1600, resolution=224, hardware="TPU v3", devices=tpu_v3_chips(128),
    target=dict(metric="gpuHours", value=tpu_v3_chips(128) * 31),
    source=MAE,
    notes=("§4.2: 'The MAE models in Table 3 are pre-trained for 1600 epochs for better accuracy (Figure 7). Even so, our total pre-training time "
           "is less than the other methods when trained on the same hardware. For example, training ViT-L on 128 TPU-v3 cores, our MAE's training "
           "time is 31 hours for 1600 epochs and MoCo v3's is 36 hours for 300 epochs.' Table 3 note: 'Here our MAE reconstructs normalized "
           "pixels and is pre-trained for 1600 epochs.' Target [D] = 64 chips x 31 h = 1,984 TPU-v3-chip-hours. B: 304M [R]; note 31 h for "
           "1600 epochs vs 15.4 h for 800 in Table 2 (consistent, ~2x). Pair with mae-vit-l-800ep and mocov3-vit-l-300ep (same hardware).")))
A(C(id="mae-vit-h-800ep", name="MAE ViT-H/14, 800 epochs, default 8-block decoder, 128 TPU v3 cores", quality="B", modality="vision",
    architecture="vit (masked autoencoder: ViT-H encoder on 25 % of patches + 8-block 512-d decoder)", paramsTotal=632e6,
    samples=IMAGENET_TRAIN, epochs=800, resolution=224, hardware="TPU v3", devices=tpu_v3_chips(128),
    target=dict(metric="gpuHours", value=tpu_v3_chips(128) * 34.5), also=[dict(metric="gpuHours", value=tpu_v3_chips(128) * 29.3)],
    source=MAE,
    notes=(MAE_T2 + "Target [D] = 64 chips x 34.5 h = 2,208 TPU-v3-chip-hours (default decoder); also = 1-block decoder, 64 x 29.3 = 1,875.2. "
           "B: 632M params [R] (ViT-H/14); patch 14 -> 256 patches per 224 px image, 25 % of them through the encoder.")))
A(C(id="mocov3-vit-l-300ep", name="MoCo v3 ViT-L/16, 300 epochs, 128 TPU v3 cores (as reported by MAE)", quality="B", modality="vision",
    architecture="vit (contrastive, two crops, momentum encoder)", paramsTotal=304e6, samples=IMAGENET_TRAIN, epochs=300, resolution=224,
    hardware="TPU v3", devices=tpu_v3_chips(128),
    target=dict(metric="gpuHours", value=tpu_v3_chips(128) * 36),
    source=MAE + "; Chen, Xie & He 2021, 'An Empirical Study of Training Self-Supervised Vision Transformers' (MoCo v3, arXiv 2104.02057), not read",
    notes=("MAE §4.2: 'training ViT-L on 128 TPU-v3 cores, our MAE's training time is 31 hours for 1600 epochs and MoCo v3's is 36 hours for 300 "
           "epochs [9].' and 'in contrastive learning the encoder sees 200% (two-crop) or even more (multi-crop) patches per epoch.' Target [D] "
           "= 64 chips x 36 h = 2,304 TPU-v3-chip-hours. B: reported by the MAE authors (same group), MoCo v3 paper not read; 304M [R]; "
           "two 224 px crops per image through the ViT-L plus a momentum-encoder forward.")))
A(C(id="dino-vit-s16", name="DINO self-distillation, ViT-S/16, two 8-GPU servers over 3 days", quality="B", modality="vision",
    architecture="vit (student/teacher self-distillation, multi-crop)", paramsTotal=21e6, samples=IMAGENET_TRAIN, resolution=224,
    hardware="V100 (recalled [R]; GPU type not in the sentence read)", devices=16,
    target=dict(metric="gpuHours", value=days(16, 3)),
    source=("Caron et al. 2021, 'Emerging Properties in Self-Supervised Vision Transformers' (DINO, ICCV 2021, arXiv 2104.14294), §1 — read in a "
            "verbatim copy of the paper text stored in a public repository (index file id 56735920762)"),
    notes=("Paper: 'In particular, training DINO with ViT takes just two 8-GPU servers over 3 days to achieve 76.1% on ImageNet linear benchmark, "
           "which outperforms self-supervised systems based on convnets of comparable sizes with significantly reduced compute requirements.' "
           "Target [D] = 2 x 8 GPUs x 3 d x 24 = 1,152 GPU-h. B: '3 days' one digit; the model (ViT-S/16 [R], 21M [R]), epochs and GPU type "
           "(V100 [R]) are not in this sentence; multi-crop (2 global 224 px + several 96 px local crops [R]) and a teacher forward per step.")))
A(C(id="siglit-4-tpuv4", name="SigLiT (sigmoid-loss locked-image tuning) on 4 TPU v4 chips, 2 days", quality="B", modality="vision",
    architecture="dual encoder (frozen pre-trained image tower + trained text tower)",
    hardware="TPU v4", devices=4,
    target=dict(metric="gpuHours", value=days(4, 2)),
    source="Zhai et al. 2023, 'Sigmoid Loss for Language Image Pre-Training' (ICCV 2023, arXiv 2303.15343), Abstract (read via stored copies of the abstract)",
    notes=("Abstract: 'Combined with Locked-image Tuning, with only four TPUv4 chips, we train a SigLiT model that achieves 84.5% ImageNet zero-shot "
           "accuracy in two days.' Target = 4 chips x 2 d x 24 = 192 TPU-v4-chip-hours. B: 'two days' (one digit); the image tower is frozen "
           "(forward only) and its size, the text-tower size, batch and examples seen are not in the abstract -> params/samples null.")))
A(C(id="alphafold2-train", name="AlphaFold 2 (initial training + fine-tuning), 128 TPU v3 cores", quality="B", modality="multimodal",
    architecture="evoformer + structure module (protein structure)", paramsTotal=93e6, hardware="TPU v3", devices=tpu_v3_chips(128),
    target=dict(metric="gpuHours", value=days(tpu_v3_chips(128), 7 + 4)),
    source=("Jumper et al. 2021, 'Highly accurate protein structure prediction with AlphaFold', Nature 596, Methods 'Training regimen' — read "
            "SECONDHAND via the aiportalx.com entry (quotation) and an ai-papers.xuzou.cn reading card (paraphrase)"),
    notes=("SECONDHAND quotation: 'We train the model on Tensor Processing Unit (TPU) v3 with a batch size of 1 per TPU core, hence the model uses "
           "128 TPU v3 cores.' Reading card (paraphrase of the paper): 'The model is trained to convergence on about 10 million samples, then "
           "fine-tuned with longer 384-residue crops ... The initial training stage takes approximately one week, and fine-tuning takes about four "
           "additional days.' Target [D] = 64 chips x (7 + 4) d x 24 = 16,896 TPU-v3-chip-hours. B: secondhand, 'approximately'; crops of 256 "
           "then 384 residues, samples ~10M [R] not used; 93M params [R]. Not a language or image model (protein sequence + MSA -> 3D "
           "structure); modality set to multimodal for want of a better class.")))
DODGE = ("Dodge et al. 2022, 'Measuring the Carbon Intensity of AI in Cloud Instances' (FAccT 2022, arXiv 2206.05229), Table 2 — read via the "
         "CodeCarbon documentation's copy of the table (docs.codecarbon.io 'Model Comparisons' / mlco2.github.io/codecarbon/model_examples.html)")
DCONV = dict(powerW=None, pue=None, intensityGPerKWh=None, basis="measured GPU energy only (no CPU/host, no PUE)")
DQ = ("CodeCarbon copy of Dodge et al. Table 2: 'Model | GPU | Training Time (H) | Consumption (kWh)' ... ")
for did, nm, arch, params, gpu, hw, n, h, kwh, extra in [
        ("dodge-vit-tiny", "ViT-Tiny trained on ImageNet (Dodge et al.)", "vit", 5.7e6, "ViT Tiny | 1 V100 | 19 | 1.7", "V100 (form factor not stated)", 1, 19, 1.7,
         "5.7M params [R] (DeiT-Ti size)"),
        ("dodge-vit-small", "ViT-Small trained on ImageNet (Dodge et al.)", "vit", 22e6, "ViT Small | 1 V100 | 19 | 2.2", "V100 (form factor not stated)", 1, 19, 2.2,
         "22M params [R] (DeiT-S size)"),
        ("dodge-vit-base", "ViT-Base trained on ImageNet (Dodge et al.)", "vit", 86e6, "ViT Base | 1 V100 | 21 | 4.7", "V100 (form factor not stated)", 1, 21, 4.7,
         "86M params [R] (ViT paper Table 1)"),
        ("dodge-densenet121", "DenseNet-121 training run (Dodge et al.)", "cnn (densenet)", 8.0e6, "Dense 121 | 1 P40 | 0.3 | 0.02", "Tesla P40", 1, 0.3, 0.02,
         "8.0M params [R]; dataset not re-read (the paper's §4 describes the DenseNet runs; not in the copy) -> samples null; 0.02 kWh has one "
         "significant digit (+-25 %)"),
        ("dodge-densenet201", "DenseNet-201 training run (Dodge et al.)", "cnn (densenet)", 20.0e6, "Dense 201 | 1 P40 | 0.4 | 0.04", "Tesla P40", 1, 0.4, 0.04,
         "20.0M params [R]; dataset not re-read -> samples null; 0.04 kWh has one significant digit (+-13 %)"),
        ("dodge-bert-finetune", "BERT fine-tuning run (Dodge et al.)", "dense-encoder", None, "BERT fintetune | 4 V100 | 6 | 3.1", "V100 (form factor not stated)", 4, 6, 3.1,
         "model size and task not in the copy (the BERT-small LM row of the same table, an excluded case, also has no size) -> params null")]:
    A(C(id=did, name=nm, quality="B", modality="text" if "bert" in did else "vision", architecture=arch, paramsTotal=params,
        resolution=224 if "vit" in did else None, hardware=hw, devices=n,
        target=dict(metric="energyKWh", value=kwh), also=[dict(metric="gpuHours", value=n * h)], convention=DCONV, source=DODGE,
        notes=(DQ + "'%s' (sic 'fintetune'). GPU-only measured energy (Dodge et al. count GPU electricity only) -> compare with the estimator's "
               "accelerator share (the scorer's ACCELERATOR_ONLY list must include this id). also = %s x %s h = %s GPU-h. B: read in a copy of the "
               "table, not the paper; epochs/steps not stated; %s." % (gpu, n, h, format(round(n * h, 2), ","), extra))))

# ====================================================================== diffusion
A(C(id="stable-video-diffusion", name="Stable Video Diffusion (SVD / SVD-XT) checkpoints, all training stages", quality="B", modality="diffusion",
    architecture="unet (latent video diffusion, temporal layers)", paramsTotal=1.5e9,
    hardware="A100 80GB (form factor not stated)", devices=384,
    target=dict(metric="gpuHours", value=200_000), also=[dict(metric="energyKWh", value=64_000)],
    source=("https://huggingface.co/stabilityai/stable-video-diffusion-img2vid model card — 'Appendix' — Nov 2023 (read via a stored commit diff "
            "of the card, commit 1171a4a); Blattmann et al. 2023, 'Stable Video Diffusion' (arXiv 2311.15127)"),
    notes=("Card: 'Training the SVD checkpoints required a total of approximately 200,000 A100 80GB hours. The majority of the training occurred on "
           "48 * 8 A100s, while some stages took more/less than that. The resulting CO2 emission is ~19,000kg CO2 eq., and energy consumed is "
           "~64000 kWh.' Target = 200,000 GPU-h; also = 64,000 kWh (the card's own energy figure: 0.32 kWh per GPU-h, i.e. it includes more "
           "than the GPUs' TDP share or a PUE — basis not stated). devices = 48 x 8 = 384 ('the majority'). B: 'approximately'; several "
           "stages/checkpoints summed (image pre-training init, video pre-training, fine-tuning); 1.5B params [R] (secondary summary, not on "
           "the card); frames/resolution per stage not extracted.")))
A(C(id="sd-pokemon-finetune", name="Stable Diffusion fine-tuned on Pokémon (Lambda Labs)", quality="B", modality="diffusion",
    architecture="unet (latent diffusion, full fine-tune)", paramsTotal=860e6, resolution=512,
    hardware="RTX A6000 48GB", devices=2,
    target=dict(metric="gpuHours", value=2 * 6),
    source="https://huggingface.co/lambdalabs/sd-pokemon-diffusers model card — 'Model description' — 2022 (same text on justinpinkney/pokemon-stable-diffusion)",
    notes=("Card: 'Trained on BLIP captioned Pokémon images using 2xA6000 GPUs on Lambda GPU Cloud for around 15,000 step (about 6 hours, at a cost "
           "of about $10).' Inference config uses '--H 512 --W 512'. Target = 2 x 6 h = 12 GPU-h. B: 'about 6 hours'; batch size not stated, so "
           "images seen unknown (the dataset has 833 captioned images [R]); 860M = the SD v1 UNet size [R] (text encoder and VAE frozen). "
           "A FINE-TUNE of Stable Diffusion v1 (whose own pre-training is an excluded case).")))
A(C(id="open-sora-2.0-stage1", name="Open-Sora 2.0 (11B), stage 1: 256 px text-to-video", quality="B", modality="diffusion",
    architecture="dit (mmdit, flow matching, video autoencoder latents)", paramsTotal=11e9, samples=70e6, resolution=256,
    hardware="H200 (recalled [R]; GPU type not in the excerpt read)", devices=224,
    target=dict(metric="gpuHours", value=2240 * 24),
    source=("Open-Sora Team 2025, 'Open-Sora 2.0: Training a Commercial-Level Video Generation Model in $200k' (arXiv 2503.09642), training-cost "
            "table — read via the emergentmind.com summary of the paper"),
    notes=("Summary of the paper: '256px Text-to-Video (T2V) Training: The model is initially trained as a text-to-video model using a dataset of "
           "70 million low-resolution (256x256) video clips. ... The training spans 85k iterations using 224 GPUs, amounting to 2240 GPU days and "
           "a cost of $107.5k.' Abstract: 'we present Open-Sora 2.0, a commercial-level video generation model trained for only $200k.' Other "
           "summaries: '11 B parameters', 'trained on 224 GPUs'. Target [D] = 2,240 GPU-days x 24 = 53,760 GPU-h (stage 1 of 3 only). B: "
           "secondhand summary; GPU type H200 [R] (recalled; consistent with $107.5k / 53,760 h = $2.00 per GPU-hour); samples = clips in the "
           "stage-1 set, epochs unknown; initialised from an image model (FLUX) [R].")))

# ====================================================================== speech and audio
A(C(id="kokoro-82m-v0.19", name="Kokoro-82M v0.19 (text-to-speech)", quality="B", modality="speech", architecture="tts (StyleTTS 2-style decoder) [R]",
    paramsTotal=82e6, hardware="A100 80GB (form factor not stated)",
    target=dict(metric="gpuHours", value=500),
    source="hexgrad, Kokoro-TTS Space app.py 'Compute' section (read via a stored commit diff, commit 1cc7378) — 2024/2025",
    notes=("App text after the commit: 'Kokoro v0.19 was trained on A100 80GB vRAM instances for approximately 500 total GPU hours. The average "
           "cost for each GPU hour was around $0.80, so the total cost was around $400.' (before: 'The model was trained on 1x A100-class 80GB "
           "instances rented from Vast.ai'). Target = 500 GPU-h. B: 'approximately'; hours of audio / steps not stated; 82M = the model name; "
           "single-GPU instances.")))
A(C(id="lauratts-libritts", name="LauraTTS (codec-LM TTS) on LibriTTS-clean, 1 A800", quality="B", modality="speech",
    architecture="decoder-only LM over codec tokens (FunCodec LauraTTS)", hardware="A800 (memory not stated)", devices=1,
    target=dict(metric="gpuHours", value=days(1, 1.5)),
    source="https://github.com/modelscope/FunCodec/issues/36 — answers by a FunCodec collaborator (ZhihaoDU) — 2024",
    notes=("Collaborator: 'The model is trained about 1.5 day on LibriTTS clean subset with an A800 GPU, and the batch size is 10240 tokens.' and "
           "'Only one A800 GPU. I think the duration of LibriTTS clean subset is about 244 hours'. Target = 1 x 1.5 d x 24 = 36 GPU-h. B: issue "
           "answer, 'about 1.5 day'; steps/epochs and model size not stated (params null).")))
A(C(id="music-llama-medium", name="Music-Llama-Medium (symbolic music LM), 8 A100 40GB", quality="B", modality="speech",
    architecture="decoder-only transformer over music tokens", seqLen=4096, epochs=3.5,
    hardware="A100 40GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 10),
    source="https://huggingface.co/asigalov61/Music-Llama-Medium logs/README.md (commit 6aca23f) — 2024",
    notes=("README: 'Model was trained for 10 hours 3.5 epochs (14000 steps) on 8 x 40GB A100 GPUs with the following arguments' '!python "
           "train.py --config tv2o-medium --max-len 4096 --acc-grad 8'. Target = 8 x 10 = 80 GPU-h. B: model size and batch not stated (params "
           "null); symbolic (MIDI-token) music, not audio — filed under speech (incl. music) as in earlier sets.")))

A(C(id="diva-llama3-8b", name="DiVA (Distilled Voice Assistant) Llama-3 8B, 7k steps on a TPU v4-256", quality="B", modality="speech",
    architecture="speech encoder + adapter on a Llama 3 8B LLM (distillation)", samples=7000 * 512,
    hardware="TPU v4", devices=128,
    target=dict(metric="gpuHours", value=128 * 11),
    source="https://huggingface.co/WillHeld/DiVA-llama-3-v0-8b model card — 'Environmental Impact' and 'Training' — 2024 (read via a stored commit diff, commit 11bcf74)",
    notes=("Card (after the commit): 'This model was trained for 7k gradient steps with a batch size of 512 Recordings' '- Hardware Type: V4-256 "
           "TPU' '- Hours used: 11 Hours' '- Cloud Provider: Google Cloud.' 'This model was trained on at V4-256 TPU on Google Cloud.' (the "
           "previous revision said 'V4-32 TPU' and '8 Hours'). A TPU v4-256 slice has 256 TensorCores = 128 chips [R: v4 slice names count "
           "cores]. Target [D] = 128 chips x 11 h = 1,408 TPU-v4-chip-hours; samples [D] = 7,000 x 512 = 3.58M recordings. B: 'Hours used' "
           "read as wall-clock on the slice; revised once; which parts are trained (the LLM is typically frozen in DiVA [R]) and model size "
           "not stated in the lines read -> params null.")))
A(C(id="whisper-hindi-small-finetune", name="whisper-hindi-small (Whisper small fine-tuned on Hindi)", quality="B", modality="speech",
    architecture="encoder-decoder (whisper small)", paramsTotal=244e6, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 7)),
    source="https://huggingface.co/vasista22/whisper-hindi-small/discussions/1 — answer by the model's author — 2023",
    notes=("Author's answer: 'These whisper models have been fine-tuned on 8 NVIDIA A-100 GPUs for a week.' Target = 8 x 7 d x 24 = 1,344 GPU-h. "
           "B: forum answer, 'a week' (coarse), and it speaks of 'these whisper models' (the author's several sizes) — possibly the time for the "
           "set, not this model alone; hours of audio/steps not stated; 244M [R] (Whisper small). A FINE-TUNE of OpenAI Whisper small.")))

for c in cases:
    t = c["target"]["value"]
    c["target"]["value"] = round(t, 2) if isinstance(t, float) and t != int(t) else int(round(t))
    for a in c["also"]:
        a["value"] = round(a["value"], 2) if isinstance(a["value"], float) and a["value"] != int(a["value"]) else int(round(a["value"]))
    for k in ("tokens", "samples", "paramsTotal", "paramsActive"):
        if c[k] is not None:
            c[k] = int(round(c[k]))
    assert c["quality"] in ("A", "B") and c["hardware"] and c["source"] and c["notes"], c["id"]

ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), "duplicate ids"
out = {"set": "footprint-heldout-3",
       "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
       "description": ("Third held-out set of published training runs for validating the Green ML Review footprint estimator. Built "
                       "without running the estimator; no model/run of /work/excluded-runs.txt (development cases, footprint-heldout-1 and -2). "
                       "gpuHours means accelerator-hours (TPU chip-hours for TPU rows, Ascend-910-hours for the Ascend row). [R] = recalled/"
                       "secondary, not re-read in the primary this session; [D] = derived arithmetic shown in notes and in make_cases.py."),
       "cases": cases}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
