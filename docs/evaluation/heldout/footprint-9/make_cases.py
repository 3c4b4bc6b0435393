"""Builds footprint-heldout-9 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x hours, devices x days x 24, minutes / 60, steps x batch, TPU v3 cores / 2 = chips). Nothing is fitted and the
Green ML Review estimator was never run on these cases. Run: python3 make_cases.py
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


def minutes(devices, m):
    """device-hours for `devices` running `m` minutes of wall clock."""
    return devices * m / 60


def v3_chips(cores):
    """TPU v3 devices are counted by TensorCores in the GShard paper; 2 TensorCores per chip."""
    assert cores % 2 == 0
    return cores // 2


GPUH = "gpuHours"
cases = []
A = cases.append

# ====================================================================== text: L40S long-context continued pre-training (Gradient)
GRAD70_SRC = ("gradientai/Llama-3-70B-Instruct-Gradient-1048k model card on Hugging Face, 'Progressive Training Details' table (as changed "
              "in commit 32295b6 'Update README.md'; the same 65K/262K columns appear in the gradientai/Llama-3-70B-Instruct-Gradient-262k "
              "card, commits e77cde0 / b8050a4)")
GRAD70_TABLE = ("Card table (70B): '| Initialize From | Llama-3-70B-Instruct | 65K | 262K | 524K |', '| Sequence Length 2^N | 16 | 18 | 19 | "
                "20 |', '| Batch Size | 64 | 16 | 8 | 1 |', '| Gradient Accumulation Steps | 1 | 1 | 2 | 4 |', '| Steps | 20 | 25 | 25 | 8 |', "
                "'| Total Tokens | 83886080 | 104857600 | 209715200 | 33554432 |', '| # GPUs | 512 | 512 | 512 | 128 |', '| GPU Type | NVIDIA "
                "L40S | ... |', '| Minutes to Train (Wall)| 100 | 170 | 284 | 516 |'. ")
GRAD_COMMON = ("Each column is one training run (a progressive RoPE-theta / context-length stage) of Gradient's long-context extension "
               "of Meta's Llama-3 Instruct; the Llama-3 pre-training itself (a development family) is NOT the target. Full-parameter "
               "training with ring attention (a 'Ring parallelism' row, e.g. '| Ring parallelism | 64 | 16 | 8 | 1 |', appears in earlier versions of the 70B table) at very long sequences: attention FLOPs grow with sequence length, "
               "so 6*N*D on the stated tokens understates the work by a large factor. Tokens check [D]: steps x batch x GA x 2^N. "
               "Precision not stated. Quality A: wall minutes, GPU count and type, tokens, steps and sequence length are all stated in "
               "one table and are mutually consistent.")
A(C(id="gradient-llama3-70b-65k-512xl40s", name="Gradient Llama-3-70B-Instruct long-context stage 1 (65K context): 20 steps, 83.9M tokens, 512 L40S, 100 min",
    quality="A", architecture="dense decoder-only (Llama-3-70B-Instruct), full fine-tune with ring attention", paramsTotal=70e9,
    tokens=83886080, seqLen=2 ** 16, hardware="L40S 48GB", devices=512,
    target=dict(metric=GPUH, value=minutes(512, 100)), source=GRAD70_SRC,
    notes=GRAD70_TABLE + "This row = the 65K column. Target [D] = 512 x 100 min / 60 = 853.33 GPU-hours. Tokens check [D]: 20 x 64 x 1 x "
    "65,536 = 83,886,080. " + GRAD_COMMON))
A(C(id="gradient-llama3-70b-262k-512xl40s", name="Gradient Llama-3-70B-Instruct long-context stage 2 (262K context, from the 65K model): 25 steps, 104.9M tokens, 512 L40S, 170 min",
    quality="A", architecture="dense decoder-only (Llama-3-70B-Instruct), full fine-tune with ring attention", paramsTotal=70e9,
    tokens=104857600, seqLen=2 ** 18, hardware="L40S 48GB", devices=512,
    target=dict(metric=GPUH, value=minutes(512, 170)), source=GRAD70_SRC,
    notes=GRAD70_TABLE + "This row = the 262K column (initialised from the 65K model). Target [D] = 512 x 170 / 60 = 1,450.67 GPU-hours. "
    "Tokens check [D]: 25 x 16 x 1 x 262,144 = 104,857,600. " + GRAD_COMMON))
A(C(id="gradient-llama3-70b-524k-512xl40s", name="Gradient Llama-3-70B-Instruct long-context stage 3 (524K context, from the 262K model): 25 steps, 209.7M tokens, 512 L40S, 284 min",
    quality="A", architecture="dense decoder-only (Llama-3-70B-Instruct), full fine-tune with ring attention", paramsTotal=70e9,
    tokens=209715200, seqLen=2 ** 19, hardware="L40S 48GB", devices=512,
    target=dict(metric=GPUH, value=minutes(512, 284)), source=GRAD70_SRC,
    notes=GRAD70_TABLE + "This row = the 524K column. Target [D] = 512 x 284 / 60 = 2,423.47 GPU-hours. Tokens check [D]: 25 x 8 x 2 x "
    "524,288 = 209,715,200. " + GRAD_COMMON))
A(C(id="gradient-llama3-70b-1048k-128xl40s", name="Gradient Llama-3-70B-Instruct long-context stage 4 (1048K context, from the 524K model): 8 steps, 33.6M tokens, 128 L40S, 516 min",
    quality="A", architecture="dense decoder-only (Llama-3-70B-Instruct), full fine-tune with ring attention", paramsTotal=70e9,
    tokens=33554432, seqLen=2 ** 20, hardware="L40S 48GB", devices=128,
    target=dict(metric=GPUH, value=minutes(128, 516)), source=GRAD70_SRC,
    notes=GRAD70_TABLE + "This row = the 1048K column (128 GPUs, unlike the 512 of the earlier stages). Target [D] = 128 x 516 / 60 = "
    "1,100.8 GPU-hours. Tokens check [D]: 8 x 1 x 4 x 1,048,576 = 33,554,432. " + GRAD_COMMON))
A(C(id="gradient-llama3-8b-524k-512xl40s", name="Gradient Llama-3-8B-Instruct long-context stage 3 (524K context, from the 262K model): 50 steps, 419.4M tokens, 512 L40S, 61 min",
    quality="A", architecture="dense decoder-only (Llama-3-8B-Instruct), full fine-tune with ring attention", paramsTotal=8e9,
    tokens=419430400, seqLen=2 ** 19, hardware="L40S 48GB", devices=512,
    target=dict(metric=GPUH, value=minutes(512, 61)),
    source=("gradientai/Llama-3-8B-Instruct-Gradient-1048k model card on Hugging Face, 'Progressive Training Details' table as changed in "
            "commit 51a5569 ('Update README.md')"),
    notes=("Same card table as gradient-llama3-8b-1048k-512xl40s (quoted there). This row = the 524K column: 50 steps, batch 16, GA 1, "
           "2^19 = 524,288 tokens per sequence, 512 L40S, 61 wall minutes. Target [D] = 512 x 61 / 60 = 520.53 GPU-hours. Tokens check [D]: "
           "50 x 16 x 1 x 524,288 = 419,430,400 (the table's 'Total Tokens'). " + GRAD_COMMON)))
A(C(id="gradient-llama3-8b-1048k-512xl40s", name="Gradient Llama-3-8B-Instruct long-context stage 4 (1048K context, from the 524K model): 50 steps, 838.9M tokens, 512 L40S, 87 min",
    quality="A", architecture="dense decoder-only (Llama-3-8B-Instruct), full fine-tune with ring attention", paramsTotal=8e9,
    tokens=838860800, seqLen=2 ** 20, hardware="L40S 48GB", devices=512,
    target=dict(metric=GPUH, value=minutes(512, 87)),
    source=("gradientai/Llama-3-8B-Instruct-Gradient-1048k model card on Hugging Face, 'Progressive Training Details' table as changed in "
            "commit 51a5569 ('Update README.md')"),
    notes=("Card table (8B): '| Initialize From | LLaMA-3 7B| 65K | 262K | 524k |', '| Sequence Length 2^N | 16 | 18 | 19 | 20 |', "
           "'| Batch Size | 1 | 1 | 16 | 16 |', '| Gradient Accumulation Steps | 32 | 16 | 1 | 1 |', '| Steps | 30 | 24 | 50 | 50 |', "
           "'| Total Tokens | 62914560 | 100663296 | 419430400 | 838860800 |', '| # GPUs | 8 | 32 | 512 | 512 |', '| GPU Type | NVIDIA "
           "L40S | ... |', '| Minutes to Train (Wall)| 202 | 555 | 61 | 87 |'. This row = the 1048K column. Target [D] = 512 x 87 / 60 = "
           "742.4 GPU-hours. Tokens check [D]: 50 x 16 x 1 x 1,048,576 = 838,860,800. The 65K/262K columns were NOT used: the sibling "
           "Llama-3-8B-Instruct-262k card was edited between '# GPUs | 8 | 8', '8 | 32' and '32 | 32' (commits d18ddbb, d6b0289), so their "
           "GPU counts are uncertain; the 524K/1048K columns (512 GPUs) were never changed. " + GRAD_COMMON)))

# ====================================================================== text: LLM pre-training (MI250X, A100) and a giant MoE / dense pair on TPU v3
A(C(id="openeurollm-datamix-2b-4t-mi250x", name="OpenEuroLLM datamix-2b-90-10 (2.15B Llama-style) pre-training on 4T tokens, LUMI, 64 MI250X nodes, ~165,000 GPU-hours",
    quality="B", architecture="dense decoder-only (Llama-style, 24 layers, hidden 2048, 32 heads, Gemma-3 tokenizer)", paramsTotal=2.15e9,
    tokens=4e12, seqLen=2048, hardware="AMD Instinct MI250X", devices=256, target=dict(metric=GPUH, value=165000),
    source=("openeurollm/datamix-2b-90-10 model card on Hugging Face (read via a mirror copy, hg.istephan-squireso.workers.dev); LUMI "
            "node layout from the LUMI blog post 'Scaling the pre-training of large language models of >100B parameters to thousands "
            "of AMD MI250X GPUs on LUMI' (lumi-supercomputer.eu)"),
    notes=("Card: 'This is a decoder-only model with approximately 2.15B parameters ... Hidden Size: 2048, Attention Heads: 32, Layers: 24, "
           "Sequence Length: 2048'; 'The total token budget for training is 4 trillion tokens.'; 'The model was trained using the "
           "Megatron-LM framework on the LUMI HPC supercomputer. The training utilized 64 AMD MI250x nodes, totaling approximately 165000 "
           "GPU hours.' LUMI blog: 'The GPU partition, LUMI-G, has 2978 nodes, each with 4x AMD MI250x GPUs ... The MI250x is a "
           "multi-chip module (MCM) with a dual-GCD (graphics compute die) design ... on every node, there are eight logical devices'. "
           "devices [D] = 64 x 4 = 256 MI250X packages (512 GCDs). Target = the stated 165,000 'GPU hours'. Quality B: 'approximately'; "
           "the card does not say whether a 'GPU hour' is a package-hour or a GCD-hour (at 256 packages, 165,000 h = 26.9 days; at 512 "
           "GCDs, 13.4 days) -- the target is kept as published and counted per package here; the final checkpoint is step 953,675.")))
A(C(id="biomedlm-2.7b-300b-128xa100", name="BioMedLM (PubMedGPT) 2.7B GPT-2-style pre-training on PubMed (The Pile), 300B tokens, 128 A100-40GB, ~6.25 days",
    quality="B", architecture="dense decoder-only (GPT-2 style, 32 layers, hidden 2560, 20 heads, FlashAttention)", paramsTotal=2.7e9,
    tokens=300e9, seqLen=1024, hardware="A100 40GB (form factor not stated)", devices=128,
    target=dict(metric=GPUH, value=days(128, 6.25)),
    source=("Stanford CRFM & MosaicML, BioMedLM 2.7B (stanford-crfm/BioMedLM, formerly PubMedGPT) -- model-card summary at "
            "promptlayer.com/models/biomedlm-2cb0; model-card copies (huggingface.co/stanford-crfm/pubmedgpt, hf.qhduan.com mirror) for the "
            "model identity"),
    notes=("Summary of the card: 'The model implements a GPT-2 architecture with Flash Attention, featuring 2560 hidden size, 20 heads, and "
           "32 layers. Training was conducted on MosaicML Cloud using 128 A100-40GB GPUs over approximately 6.25 days, processing 300B "
           "tokens with a batch size of 1024 and sequence length of 1024.' Card: 'BioMedLM 2.7B is new language model trained exclusively on "
           "biomedical abstracts and papers from The Pile'. Target [D] = 128 x 6.25 d x 24 = 19,200 GPU-hours. Quality B: the sentence with "
           "the time was read in a third-party summary of the model card, not in the card itself; 'approximately'.")))
A(C(id="gshard-moe-600b-2048-tpuv3-cores", name="GShard MoE Transformer (600B, 2048 experts) for 100-language-to-English translation, 2048 TPU v3 cores, 4 days",
    quality="B", architecture="mixture-of-experts (sparsely-gated MoE Transformer, top-2 routing, GShard automatic sharding)",
    paramsTotal=600e9, paramsActive=None, tokens=None, hardware="TPU v3", devices=v3_chips(2048),
    target=dict(metric=GPUH, value=days(v3_chips(2048), 4)),
    also=[dict(metric=GPUH, value=days(2048, 4))],
    source=("Lepikhin et al. 2021, 'GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding' (ICLR 2021, arXiv "
            "2006.16668) -- abstract on research.google/pubs/pub50012; 'cores' wording from the askgpt.ai / chatgptdemo.ai summaries"),
    notes=("Abstract: 'It enabled us to scale up multilingual machine translation Transformer model with Sparsely-Gated Mixture-of-Experts "
           "beyond 600 billion parameters using automatic sharding. We demonstrate that such a giant model can be easily trained on 2048 TPU "
           "v3 accelerators in 4 days'. Summaries: '600B parameters trained on 2048 TPU v3 cores'. Target [D] = 1,024 chips (2,048 "
           "TensorCores / 2) x 96 h = 98,304 TPU v3 chip-hours; `also` = 196,608 core-hours. Parameters are total (MoE); active parameters and "
           "tokens processed are not in what was read (null). Quality B: 'beyond 600 billion', '4 days', chips derived from cores.")))
A(C(id="gshard-dense-2.3b-m4-2048-tpuv3-cores", name="GShard paper's best dense baseline (2.3B Transformer, GPipe) for 100-language-to-English, 2048 TPU v3 cores, 6 weeks",
    quality="B", architecture="dense encoder-decoder Transformer (trained with GPipe)", paramsTotal=2.3e9,
    tokens=300e3 * 4e6, hardware="TPU v3", devices=v3_chips(2048),
    target=dict(metric=GPUH, value=days(v3_chips(2048), 6 * 7)),
    also=[dict(metric=GPUH, value=235.5 * 365.25 * 24 / 2)],
    source=("Lepikhin et al. 2021, GShard (arXiv 2006.16668) -- sentences quoted on aiportalx.com/google/gshard-dense (a compute-database "
            "page that quotes the paper)"),
    notes=("Quoted from the paper on that page: 'Our best quality dense single Transformer model (2.3B parameters) achieving ∆BLEU of 6.1, "
           "was trained with GPipe [15] on 2048 TPU v3 cores for 6 weeks or total of 235.5 TPU v3 core-years.' and 'Footnote 10 indicates 300k "
           "steps and 4M tokens/step'. Target [D] = 1,024 chips x 6 weeks x 168 h = 1,032,192 TPU v3 chip-hours; `also` [D] = 235.5 "
           "core-years x 8,766 h / 2 = 1,032,196.5 chip-hours (the two agree). tokens [D, secondary] = 300k x 4M = 1.2T (the footnote is "
           "cited by the page, not read in the paper). A different run from the 600B MoE row of the same paper. Quality B: secondary page, "
           "'6 weeks'.")))

# ====================================================================== text: encoders (ELECTRA) and small fine-tunes
ELECTRA_SRC = ("Clark, Luong, Le & Manning 2020, 'ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators' (ICLR 2020) "
               "-- reproducibility summary of the paper on ri.k117.org (quotes Table 1's 'Train Time + Hardware' column); abstract on "
               "docs.adapterhub.ml; model sizes on emergentmind.com/topics/electra-small-model")
ELECTRA_Q = ("Paper (abstract): 'for example, we train a model on one GPU for 4 days that outperforms GPT (trained using 30x more compute) "
             "on the GLUE natural language understanding benchmark.' Reproducibility page: 'Hardware Specification: Train Time + Hardware: "
             "4d on 1 V100 GPU, 4d on 16 TPUv3s' and 'For most experiments we pre-train on the same data as BERT, which consists of 3.3 "
             "Billion tokens from Wikipedia and Books Corpus'. ")
A(C(id="electra-small-1xv100", name="ELECTRA-Small (14M discriminator) pre-training on Wikipedia + BooksCorpus, 1 V100, 4 days",
    quality="B", architecture="encoder (ELECTRA replaced-token detection: 12-layer discriminator, hidden 256 + small generator)",
    paramsTotal=14e6, tokens=1e6 * 128 * 128, seqLen=128, hardware="V100 (memory not stated)", devices=1,
    target=dict(metric=GPUH, value=days(1, 4)), source=ELECTRA_SRC,
    notes=(ELECTRA_Q + "emergentmind: 'The total parameter count for the discriminator is approximately 14 million, while the generator has "
           "~0.9 million parameters'. Target [D] = 1 x 4 d x 24 = 96 GPU-hours. tokens [R] = 1M steps x batch 128 x length 128 = 16.4B "
           "(ELECTRA-Small hyperparameters recalled from the paper's appendix table, not re-read); seqLen 128 [R]. Quality B: '4d', "
           "recalled schedule.")))
A(C(id="electra-base-16xtpuv3", name="ELECTRA-Base (110M) pre-training on Wikipedia + BooksCorpus, 16 TPU v3, 4 days",
    quality="B", architecture="encoder (ELECTRA replaced-token detection, BERT-Base-sized discriminator + generator)",
    paramsTotal=110e6, tokens=766e3 * 256 * 512, seqLen=512, hardware="TPU v3", devices=16,
    target=dict(metric=GPUH, value=days(16, 4)), source=ELECTRA_SRC,
    notes=(ELECTRA_Q + "'4d on 16 TPUv3s' is the ELECTRA-Base / BERT-Base entry of Table 1. Target [D] = 16 x 4 d x 24 = 1,536 TPU v3 "
           "chip-hours, reading '16 TPUv3s' as 16 chips (if it meant 16 TensorCores the value halves). paramsTotal 110M [R] (Table 1, "
           "recalled); tokens [R] = 766k steps x batch 256 x length 512 = 100.4B (appendix hyperparameters recalled, not re-read). "
           "Quality B.")))
A(C(id="roberta-es-clinical-trials-ner-1xrtx3090", name="roberta-es-clinical-trials-ner: Spanish clinical RoBERTa fine-tuned for NER on one RTX 3090 in 4 minutes",
    quality="B", architecture="encoder (RoBERTa-base, token classification)", paramsTotal=125e6,
    hardware="RTX 3090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=minutes(1, 4)),
    source=("lcampillos/roberta-es-clinical-trials-ner model card on Hugging Face, 'Environmental Impact' section (commit e2fd71b, "
            "'Update README.md')"),
    notes=("Card: '- Hardware Type: 1 GPU 24 GB RTX 3090', '- Time used: 4\\' (0.07 hours)', '- Compute Region: Spain, Europe', '- Carbon "
           "Emitted (Power consumption x Time x Carbon produced based on location of power grid): 0.01 kg eq. CO2'; the dataset is the "
           "NLPMedTerm / CT-EBM-SP annotated corpus. Target [D] = 4 min / 60 = 0.0667 GPU-hours (the card rounds to 0.07). paramsTotal "
           "125M [R] = RoBERTa-base size, assumed from the model name (the base checkpoint is not named in the lines read); number of "
           "training sentences and epochs not read (null). Quality B.")))
A(C(id="galpaca-30b-alpaca-16xa100", name="GALPACA 30B: Galactica 30B fine-tuned on Alpaca instructions, 16 A100-80GB, ~6 h",
    quality="B", architecture="dense decoder-only (Galactica 30B / OPT-style), full fine-tune with DeepSpeed ZeRO-3", paramsTotal=30e9,
    seqLen=384, hardware="A100 80GB", devices=16, precision=None, target=dict(metric=GPUH, value=16 * 6),
    source="GeorgiaTechResearchInstitute/galpaca-30b model card on Hugging Face, 'Training Resources' (commit bb6b85f)",
    notes=("Card: 'GALPACA 30B was fine-tuned in about 6 hours using 16 A100 80GB GPUS, 16-bit mixed-precision, an effective batch-size of "
           "1024, and with a maximum context window of 384 tokens. This model was trained using DeepSpeed Stage 3 optimizations.' Target "
           "[D] = 16 x 6 = 96 GPU-hours. Precision left null ('16-bit mixed' does not say fp16 or bf16). The number of Alpaca examples and "
           "epochs are not in the lines read. Quality B: 'about 6 hours'.")))

# ====================================================================== text: LoRA / QLoRA fine-tunes on single consumer / inference-class GPUs
A(C(id="gpt4all-lora-llama7b-8xa100", name="GPT4All (original): LoRA fine-tune of LLaMA 7B on GPT-3.5-Turbo prompt-response pairs, DGX A100 8x80GB, ~8 h",
    quality="B", architecture="dense decoder-only (LLaMA 7B) with LoRA adapters (base frozen)", paramsTotal=7e9, samples=437605,
    hardware="A100 80GB (DGX A100)", devices=8, target=dict(metric=GPUH, value=8 * 8),
    source=("Anand et al. 2023, 'GPT4All: Training an Assistant-style Chatbot with Large Scale Data Distillation from GPT-3.5-Turbo' -- "
            "sections 2.2/2.3 as reproduced by HackerNoon ('GPT4All: Model Training, Model Access, and Model Evaluation')"),
    notes=("Report: 'The original GPT4All model was a fine tuned variant of LLaMA 7B. In order to train it more efficiently, we froze the base "
           "weights of LLaMA, and only trained a small set of LoRA (Hu et al., 2021) weights during the fine tuning process.' and 'Our final "
           "GPT4All model could be trained in about eight hours on a Lambda Labs DGX A100 8x 80GB for a total cost of ∼$100.' Target [D] = 8 x "
           "8 h = 64 GPU-hours. Data (section 2.1, HackerNoon copy 'Original GPT4All Model: How We Collected Data and Then Curated It'): "
           "'After curation, we were left with a set of 437,605 prompt-response pairs'; the v1 report (scribd copy): 'This exclusion produces a "
           "final subset containing 437,605 prompt-generation pairs'. samples = 437,605; the number of epochs is not in what was read (null). LoRA: 6*N*D on the 7B total "
           "overstates the backward pass. Quality B: 'about eight hours'.")))
A(C(id="alpaca-lora-7b-1xrtx3090", name="alpaca-lora 7B LoRA fine-tune (default recipe, 1,218 iterations) on one RTX 3090, 9 h",
    quality="B", architecture="dense decoder-only (LLaMA 7B) with LoRA adapters (int8 base, alpaca-lora recipe)", paramsTotal=7e9,
    hardware="RTX 3090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=9), also=[dict(metric=GPUH, value=27 * 1218 / 3600)],
    source="Yoshiii/alpaca model card on Hugging Face (README.md, commit 1e64101)",
    notes=("Card: 'Trained on a 3090. took 9 hours, it's 27s/it and default configured to 1218 iterations. commit: a2607fa - "
           "https://github.com/tloen/alpaca-lora ... it's for the 7B model'. Target = 9 GPU-hours; `also` [D] = 27 s x 1,218 / 3600 = 9.14 h "
           "(consistent). The alpaca-lora repository itself is on the excluded-repository list and was NOT read, so its default batch size "
           "/ epochs are not used: samples null. A user run of a public recipe, not the alpaca-lora authors' run. Quality B.")))
A(C(id="qlora-llama2-13b-chat-foodorder-1xrtx4090", name="QLoRA fine-tune of Llama-2-13B-chat on a 30K Korean food-order dataset (5,000 steps, ~2 passes), one RTX 4090, ~9 h",
    quality="B", architecture="dense decoder-only (Llama-2-13B-chat) with QLoRA adapters", paramsTotal=13e9, samples=30000, epochs=2,
    hardware="RTX 4090 24GB (consumer)", devices=1, precision="int4 base (qLoRA)", target=dict(metric=GPUH, value=9),
    source=("jangmin/qlora-llama2-13b-chat-hf-food-order-understanding-30K model card on Hugging Face, 'Training' section (commits 2ed5b79 "
            "and 88ead7d)"),
    notes=("Card: 'Fine-tuning was conducted using https://github.com/artidoro/qlora on an RTX-4090 machine, and took approximately 9 "
           "hours. The max_steps parameter was set to 5,000, which allowed nearly two complete scans of the entire dataset.' (earlier "
           "wording: 'for almost 9 hours'). Target = 9 GPU-hours. samples = 30,000 from the model name ('30K'), epochs = 2 [D] from "
           "'nearly two complete scans' (approximate). The qlora repository is on the excluded list and was not read. Quality B.")))
A(C(id="alpesteibock-llama3-8b-qlora-1xrtx4090", name="Alpesteibock-Llama-3-8B-Alpha: two-phase QLoRA fine-tune of Llama-3-8B, 2 epochs at 4096 context, one RTX 4090, ~30 h",
    quality="B", architecture="dense decoder-only (Llama-3-8B) with QLoRA adapters (rank 256)", paramsTotal=8e9, epochs=2, seqLen=4096,
    hardware="RTX 4090 24GB (consumer)", devices=1, precision="int4 base (qLoRA)", target=dict(metric=GPUH, value=30),
    source="kaizuberbuehler/Alpesteibock-Llama-3-8B-Alpha model card on Hugging Face, 'Training Details' (commits 06607c1 and 451dbc4)",
    notes=("Card: 'Hardware: 1x RTX 4090', 'Duration: 30 hours in total (2 hours for first phase and 28 hours for second phase)', 'Adapter: "
           "QLoRA', 'Precision: 4 bit', 'Optimizer: adamw_bnb_8bit', 'LoRA Rank: 256', 'Context Length: 4096 tokens', 'Batch Size: 1', "
           "'Gradient Accumulation Steps: 1', 'Sample Packing: Off for first phase, on for second phase', 'Epochs: 2'. Target = 30 "
           "GPU-hours (both phases; first wording '~30 hours'). Dataset size not in the lines read (samples null). Quality B.")))
A(C(id="tinyllama-1.1b-orca-gpt4-qlora-1xrtx4090", name="TinyLlama-1.1B-orca-gpt4: QLoRA fine-tune of TinyLlama-1.1B (step-240k) on orca-gpt4-chatml, one RTX 4090, 20 h",
    quality="B", architecture="dense decoder-only (TinyLlama 1.1B) with QLoRA adapters", paramsTotal=1.1e9,
    hardware="RTX 4090 24GB (consumer)", devices=1, target=dict(metric=GPUH, value=20),
    source="acalatrava/TinyLlama-1.1B-orca-gpt4 model card on Hugging Face, 'Training' (commit 22f9e9d)",
    notes=("Card: 'This is a fine-tuned version of TinyLlama-1.1B-intermediate-step-240k-503b using the sam-mosaic/orca-gpt4-chatml dataset.' "
           "and '- **Method**: QLORA', '- **Quantization**: fp16', '- **Time**: 20h on a RTX 4090 (from runpod.io)', '- **Cost**: About $15'. "
           "Target = 20 GPU-hours. Precision left null (the card says both QLoRA and 'fp16'). Dataset size and epochs not read. This is a "
           "fine-tune of an intermediate TinyLlama checkpoint, not the TinyLlama pre-training (footprint-1). Quality B.")))
A(C(id="llama2-7b-qlora-guanaco-1xa10g", name="Llama-2-7B QLoRA on openassistant-guanaco (10k prompts), one A10G (EC2 g5.xlarge), ~10 h",
    quality="B", architecture="dense decoder-only (Llama-2-7B) with QLoRA adapters", paramsTotal=7e9, samples=10000,
    hardware="A10G 24GB (AWS g5.xlarge)", devices=1, precision="int4 base (qLoRA)", target=dict(metric=GPUH, value=10),
    source="juliensimon/llama2-7b-qlora-openassistant-guanaco model card on Hugging Face (README.md)",
    notes=("Card: 'This model was fine-tuned using 4-bit QLoRa, following the instructions in https://huggingface.co/blog/llama2#fine-tuning-"
           "with-peft. The dataset includes 10k prompts. I used a Amazon EC2 g5.xlarge instance (1xA10G GPU), with the Deep Learning AMI for "
           "PyTorch. Training time was about 10 hours.'; bitsandbytes config 'load_in_4bit: True', 'bnb_4bit_quant_type: fp4', "
           "'bnb_4bit_compute_dtype: float32'. Target = 10 GPU-hours. samples = 10,000 prompts; epochs not stated (null). Quality B: "
           "'about 10 hours'.")))
A(C(id="llama2-7b-qlora-dolly15k-1xrtxa5000", name="QLoRA adapter for Llama-2-7B on databricks-dolly-15k (12,008 train samples), one RTX A5000, 3 h 31 min",
    quality="B", architecture="dense decoder-only (Llama-2-7B) with QLoRA adapters", paramsTotal=7e9, samples=12008, epochs=1,
    hardware="RTX A5000 24GB (workstation)", devices=1, target=dict(metric=GPUH, value=3 + 31 / 60),
    source="vineetsharma/qlora-adapter-Llama-2-7b-hf-databricks-dolly-15k model card on Hugging Face (commit a8c6a98)",
    notes=("Card: 'This model is a fine-tuned version of meta-llama/Llama-2-7b-hf on the databricks/databricks-dolly-15k dataset.' and 'Train "
           "on RTX A5000 - 24GB GPU. The training took 3 hours 31 mins on the datasets with 12008 train samples and 1501 validation "
           "samples'; hyperparameters: 'train_batch_size: 1', 'num_epochs: 1'; the training-results table ends at 'Epoch 1.0 | Step 12000'. "
           "Target [D] = 3 + 31/60 = 3.52 GPU-hours (includes the periodic validation on 1,501 samples). samples = 12,008, epochs = 1. "
           "Quality B.")))
A(C(id="falcon-7b-guanaco-lora-1xv100", name="falcon-7b_guanaco: LoRA instruction fine-tune of Falcon-7B on one V100-SXM2-16GB, ~3.5 h",
    quality="B", architecture="dense decoder-only (Falcon-7B) with LoRA adapters", paramsTotal=7e9,
    hardware="V100 16GB (SXM2)", devices=1, target=dict(metric=GPUH, value=3.5),
    source="lgaalves/falcon-7b_guanaco model card on Hugging Face, 'Training Procedure' (commit f6d294f)",
    notes=("Card: '`lgaalves/falcon-7b_guanaco` was instruction fine-tuned using LoRA on 1 Tesla V100-SXM2-16GB. It took about 3.5 hours to "
           "train it.' Target = 3.5 GPU-hours. The dataset (a Guanaco instruction set, from the name) size and epochs are not in the lines "
           "read (null). Quality B.")))
A(C(id="orpollama-3-8b-1500-1xl4", name="OrpoLlama-3-8B: ORPO fine-tune of Llama-3-8B on 1,500 samples of orpo-dpo-mix-40k, one L4 (Colab), 2 h",
    quality="B", architecture="dense decoder-only (Llama-3-8B), ORPO preference fine-tune (adapter recipe of a public notebook)",
    paramsTotal=8e9, samples=1500, hardware="L4 24GB", devices=1, target=dict(metric=GPUH, value=2),
    source="mayacinka/OrpoLlama-3-8B model card on Hugging Face (README.md)",
    notes=("Card: 'Quick Llama 3 8B finetune with ORPO. Demontration that it can be fine tune in 2 hours only. Thanks to Maxime Labonne's "
           "notebook', '- **Number of training samples from the dataset**: 1500 out of 40K', '- **Hardware Type:** L4', '- **Hours of "
           "training:** 2', '- **Cloud Provider:** google colab'. Target = 2 GPU-hours. Epochs and whether LoRA/QLoRA was used are in the "
           "notebook, not read (null). ORPO runs a paired chosen/rejected forward per sample. Quality B.")))
A(C(id="qwen2.5-0.5b-aligner-peft-1xl4", name="qwen2.5-0.5b-instruct-aligner: two-stage PEFT SFT of Qwen2.5-0.5B-Instruct (512 + 2,048 examples), one L4, 222 min",
    quality="B", architecture="dense decoder-only (Qwen2.5-0.5B-Instruct) with PEFT adapters", paramsTotal=0.5e9, samples=512 + 2048,
    hardware="L4 24GB", devices=1, target=dict(metric=GPUH, value=minutes(1, 27 + 195)),
    source="shamith/qwen2.5-0.5b-instruct-aligner model card on Hugging Face (commit c6ae87d, 'Update README.md')",
    notes=("Card: 'This model was trained with SFT with PEFT.', 'revision: train-2k', '- Trained on Nvidia L4 GPU', '- Warmup (Q-A-A style): "
           "Trained on 512 examples, Validated on 128 examples. Trained for 27 minutes', '- Main (Q-A-C style): Trained on 2048 examples, "
           "Validated on 512 examples. Trained for 195 minutes'. The commit changed 'Trained on Nvidia T4 GPU' to 'L4'; the corrected "
           "(current) wording is used. Target [D] = (27 + 195) / 60 = 3.7 GPU-hours for both stages (validation included). samples = 512 + "
           "2,048 examples; epochs not stated (null). paramsTotal 0.5B = the nominal size in the base-model name. Quality B.")))

SWE_SRC = ("Jimenez et al. 2024, 'SWE-bench: Can Language Models Resolve Real-World GitHub Issues?' (ICLR 2024) -- rewritten paper text in "
           "the file index (id 70158769162), §3.3 'SWE-Llama: Fine-Tuning for Repository Editing'")
SWE_Q = ("Paper §3.3: 'SWE-bench-train comprises 19,000 issue-PR pairs from 37 additional Python repositories ... After filtering sequences "
         "exceeding 30,000 tokens, approximately 10,000 instances are used for training.' 'The 7B- and 13B-parameter CodeLlama-Python models "
         "are fine-tuned using LoRA ... rank r=16, α=16, and 5% dropout on all attention projection matrices. Training used a learning rate "
         "of 6×10⁻⁴ and batch size 32 for up to 4 epochs. Long-context training was enabled by DeepSpeed Ulysses and FlashAttention. SWE-Llama "
         "7b trained for 20 hours on 4 A100 GPUs; SWE-Llama 13b for 47 hours on 8 A100s.' ")
SWE_C = ("samples = ~10,000 instances, epochs = 4 (an UPPER bound: 'up to 4 epochs'; the best checkpoint was kept). Each instance is a "
         "long prompt (issue + oracle-retrieved files, up to 30,000 tokens), so tokens per sample are far above a typical SFT example; the "
         "token total is not stated (null). LoRA on attention projections only: 6*N*D on the total overstates the backward pass. Quality B.")
A(C(id="swe-llama-7b-lora-4xa100", name="SWE-Llama 7b: LoRA fine-tune of CodeLlama-Python-7B on ~10k SWE-bench-train instances (<= 30k tokens), up to 4 epochs, 4 A100, 20 h",
    quality="B", architecture="dense decoder-only (CodeLlama-Python 7B) with LoRA on attention projections (r = 16)", paramsTotal=7e9,
    samples=10000, epochs=4, seqLen=30000, hardware="A100 (memory not stated)", devices=4, target=dict(metric=GPUH, value=4 * 20),
    source=SWE_SRC, notes=SWE_Q + "Target [D] = 4 x 20 h = 80 GPU-hours. " + SWE_C))
A(C(id="swe-llama-13b-lora-8xa100", name="SWE-Llama 13b: LoRA fine-tune of CodeLlama-Python-13B on ~10k SWE-bench-train instances (<= 30k tokens), up to 4 epochs, 8 A100, 47 h",
    quality="B", architecture="dense decoder-only (CodeLlama-Python 13B) with LoRA on attention projections (r = 16)", paramsTotal=13e9,
    samples=10000, epochs=4, seqLen=30000, hardware="A100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 47),
    source=SWE_SRC, notes=SWE_Q + "Target [D] = 8 x 47 h = 376 GPU-hours. " + SWE_C))

AO_SRC = ("Karvonen et al. 2025, 'Activation Oracles' (LoRA-trained LLMs that answer questions about another model's activations) -- "
          "paper text copy in the file index (id 51893419498), §3.3 'Training Scale'; the per-model infrastructure table is from the ARENA "
          "exercise notebook that quotes the paper (id 61769417673, 'From the paper (Section 3.3, Appendix A.3)')")
AO_Q = ("Paper §3.3: 'Our training dataset consists of approximately 1 million examples (about 65M tokens) across all tasks. We train our "
        "Activation Oracles using LoRA adapters. The process is computationally inexpensive, requiring 10 H100 GPU hours for Qwen3-8B and "
        "90 H200 hours for Llama-3.3-70B.' Notebook table: '| Qwen3-8B | ~10 H100 GPU hours | Single H100 |', '| Gemma-2-9B-IT | ~12 H100 "
        "GPU hours | Single H100 |', '| Llama-3.3-70B | ~90 H200 GPU hours | 4× H200 with DDP + 8-bit quantization |'; hyperparameters "
        "'r: 64', 'lora_alpha: 128', 'batch_size: 16 # 64 for Llama-70B'. ")
AO_C = ("tokens = 65M (the whole ~1M-example mixture; the number of passes is not stated, one is assumed by the workload as written). LoRA on "
        "all linear layers; the target model's activations are computed on the fly, which adds forward passes that 6*N*D does not count. "
        "Quality B: '~' figures.")
A(C(id="activation-oracle-qwen3-8b-lora-1xh100", name="Activation Oracle for Qwen3-8B: LoRA fine-tune on ~1M examples (~65M tokens), one H100, ~10 GPU-hours",
    quality="B", architecture="dense decoder-only (Qwen3-8B) with LoRA adapters (r = 64) on all linear layers", paramsTotal=8e9,
    tokens=65e6, hardware="H100 (memory / form factor not stated)", devices=1, target=dict(metric=GPUH, value=10), source=AO_SRC,
    notes=AO_Q + "Target = 10 H100 GPU-hours as stated in the paper. " + AO_C))
A(C(id="activation-oracle-gemma2-9b-lora-1xh100", name="Activation Oracle for Gemma-2-9B-IT: LoRA fine-tune on ~1M examples (~65M tokens), one H100, ~12 GPU-hours",
    quality="B", architecture="dense decoder-only (Gemma-2-9B-IT) with LoRA adapters (r = 64) on all linear layers", paramsTotal=9e9,
    tokens=65e6, hardware="H100 (memory / form factor not stated)", devices=1, target=dict(metric=GPUH, value=12), source=AO_SRC,
    notes=AO_Q + "Target = ~12 H100 GPU-hours from the notebook table (secondary; the paper sentence read names only Qwen3-8B and "
    "Llama-3.3-70B). " + AO_C))
A(C(id="activation-oracle-llama3.3-70b-lora-4xh200", name="Activation Oracle for Llama-3.3-70B: LoRA fine-tune (8-bit base) on ~1M examples (~65M tokens), 4 H200, ~90 GPU-hours",
    quality="B", architecture="dense decoder-only (Llama-3.3-70B, 8-bit quantised base) with LoRA adapters (r = 64)", paramsTotal=70e9,
    tokens=65e6, hardware="H200 (memory not stated)", devices=4, precision="int8 base (LoRA)", target=dict(metric=GPUH, value=90),
    source=AO_SRC,
    notes=AO_Q + "Target = 90 H200 GPU-hours as stated in the paper (~22.5 h wall on 4 GPUs [D]). A fine-tune of Meta's Llama-3.3 by another "
    "group (the Llama pre-training is a development family and is not the target). " + AO_C))

# ====================================================================== speech
IBM_SRC = ("Fast Training of Deep Neural Networks for Speech Recognition (IBM Research, ICASSP 2020) -- abstract on "
           "research.ibm.com/publications/fast-training-of-deep-neural-networks-for-speech-recognition")
IBM_Q = ("Abstract: 'We present an approach for training a bidirectional LSTM acoustic model on the 2000-hour Switchboard corpus. The model "
         "we train achieves state-of-the-art word error rate, 7.5% on the Hub5-2000 Switchboard test set and 13.1% on the Callhome test "
         "set, and scales to an unprecedented 96 learners while employing only 12 global reductions per epoch of training. ... With 48 "
         "NVIDIA V100 GPUs training takes 5 hours; with 96 GPUs, training takes around 3 hours.' ")
A(C(id="ibm-blstm-swb2000-48xv100", name="IBM BLSTM acoustic model on 2000-h Switchboard (distributed SGD), 48 V100, 5 h",
    quality="B", modality="speech", architecture="bidirectional LSTM acoustic model (hybrid ASR)",
    hardware="V100 (memory not stated)", devices=48, target=dict(metric=GPUH, value=48 * 5), source=IBM_SRC,
    notes=IBM_Q + ("Target [D] = 48 x 5 = 240 GPU-hours. Model size, number of epochs and utterances are not in the abstract (null), so the "
                   "row tests the hardware/time side only. Quality B.")))
A(C(id="ibm-blstm-swb2000-96xv100", name="IBM BLSTM acoustic model on 2000-h Switchboard (distributed SGD), 96 V100, ~3 h",
    quality="B", modality="speech", architecture="bidirectional LSTM acoustic model (hybrid ASR)",
    hardware="V100 (memory not stated)", devices=96, target=dict(metric=GPUH, value=96 * 3), source=IBM_SRC,
    notes=IBM_Q + ("Target [D] = 96 x 3 = 288 GPU-hours ('around 3 hours'); the same training as the 48-GPU row scaled out (lower scaling "
                   "efficiency shows as more GPU-hours). Quality B.")))

A(C(id="fc-tts-204m-libriheavy-8xv100", name="FC-TTS (204M zero-shot TTS with FACodec conditioning, flow matching) on LibriHeavy, 200k iterations x batch 64, 8 V100, 116 h",
    quality="B", modality="speech", architecture="two-stage spectrogram generator (timbre adapter + conditional-flow-matching decoder) with TCF style encoders",
    paramsTotal=204e6, samples=200000 * 64, epochs=1, hardware="V100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 116),
    source=("FC-TTS: Style and Timbre Control in Zero-Shot Text-to-Speech with Disentangled Speech Representations (ACL 2026, arXiv "
            "2605.24618, Qualcomm AI Research) -- paper note in the file index (id 61435914523) that quotes §'Loss & Training' and Table 1"),
    notes=("Note: 'Training was conducted on LibriHeavy for 200k iterations using AdamW, with a batch size of 64 and a learning rate of 0.0002. "
           "Training took 116 hours on 8 V100 GPUs.'; Table: '| LibriSpeech test-clean Zero-Shot TTS | UTMOS / WER / SPK / Params | 4.22 / "
           "1.88 / 0.60 / 204M |'; 'HiFi-GAN converts the log-mel spectrogram into a 22 kHz waveform' (vocoder, FACodec and speaker encoder "
           "are pre-trained, not counted). Target [D] = 8 x 116 = 928 GPU-hours. samples [D] = 200k x 64 = 12.8M utterances (epochs = 1, "
           "footprint-2 convention); whether 64 is the global or per-GPU batch is not stated. Quality B: paper note, batch ambiguity.")))

# ====================================================================== vision / 3D
MESH_SRC = ("Siddiqui et al. 2024, 'MeshGPT: Generating Triangle Meshes with Decoder-Only Transformers' (CVPR 2024, arXiv 2311.15475) -- "
            "reading note in the file index (id 57797253322) that reports the paper's compute (Sec. 3.3) and quotes its limitations")
MESH_Q = ("Note: '**Compute (paper-reported, Sec. 3.3):** 2 A100 GPUs for 2 days (VQ stage) + 4 A100 GPUs for 5 days (GPT stage)'; paper "
          "(quoted): 'Our current computational resources limit us to using a GPT2-medium transformer'; data: 'ShapeNetV2 ... (used for all "
          "55 categories of pretraining + 4 categories of fine-tuning). 28,980 shapes after planar decimation ... max 800 faces per "
          "shape'. ")
A(C(id="meshgpt-vq-stage-2xa100", name="MeshGPT stage 1: graph-conv encoder + residual-VQ triangle tokenizer on ShapeNet, 2 A100, 2 days",
    quality="B", modality="vision", architecture="graph convolutional encoder (SAGEConv) + residual vector quantiser + 1D ResNet decoder",
    hardware="A100 (memory not stated)", devices=2, target=dict(metric=GPUH, value=days(2, 2)), source=MESH_SRC,
    notes=MESH_Q + ("Target [D] = 2 x 2 d x 24 = 96 GPU-hours. Tokenizer size and epochs not in the note (null). Quality B: compute "
                    "paraphrased in a reading note, days rounded.")))
A(C(id="meshgpt-gpt-stage-4xa100", name="MeshGPT stage 2: GPT2-medium decoder over mesh tokens (ShapeNet, context 4,608), 4 A100, 5 days",
    quality="B", modality="vision", architecture="decoder-only transformer (GPT2-medium) over learned triangle tokens",
    paramsTotal=355e6, seqLen=4608, hardware="A100 (memory not stated)", devices=4, target=dict(metric=GPUH, value=days(4, 5)),
    source=MESH_SRC,
    notes=MESH_Q + ("The note also gives 'the 4,608 context window'. Target [D] = 4 x 5 d x 24 = 480 GPU-hours. paramsTotal 355M [R] = "
                    "standard GPT2-medium size (not stated in the note). Tokens/epochs not stated (null). The note's own '~224 A100-hours "
                    "per category' does not match its stated days and is not used. Quality B.")))
A(C(id="marigold-depth-sd2-1xrtx4090", name="Marigold: fine-tuning Stable Diffusion 2 into a monocular depth estimator, 18K iterations x batch 32, one RTX 4090, ~2.5 days",
    quality="B", modality="diffusion", architecture="latent diffusion U-Net (Stable Diffusion 2) fine-tuned with image-conditioned depth latents",
    paramsTotal=865e6, samples=18000 * 32, epochs=1, hardware="RTX 4090 24GB (consumer)", devices=1,
    target=dict(metric=GPUH, value=days(1, 2.5)),
    source=("Ke et al. 2024, 'Repurposing Diffusion-Based Image Generators for Monocular Depth Estimation' (Marigold, CVPR 2024, arXiv "
            "2312.02145) -- two reading notes in the file index that quote §4.1/§4.2 (ids 59126270360 and 32546237779)"),
    notes=("Paper (quoted in both notes): 'Training our method takes 18K iterations using a batch size of 32. To fit one GPU, we accumulate "
           "gradients for 16 steps.' and 'Training our method to convergence takes approximately 2.5 days on a single Nvidia RTX 4090 GPU "
           "card.'; data: Hypersim 'official split with around 54K samples from 365 scenes for training' plus Virtual KITTI; 'During training, "
           "we apply the DDPM noise scheduler [20] with 1000 diffusion steps.' Target [D] = 2.5 d x 24 = 60 GPU-hours. samples [D] = 18,000 x "
           "32 = 576,000 (epochs = 1, footprint-2 convention). paramsTotal 865M [R] = the SD 2 U-Net (the VAE and text encoder are frozen; "
           "sizes not in the notes). Quality B: 'approximately 2.5 days'.")))

LAVIN_SRC = ("Luo et al. 2023, 'Cheap and Quick: Efficient Vision-Language Instruction Tuning for Large Language Models' (LaVIN, arXiv "
             "2304.04269) -- the luogen1996/LaVIN README as stored in the file index (id 32171127384)")
LAVIN_Q = ("README: 'Fine-tune LaVIN-13B on 210k instruction-following data (~ 75 hours with 15 epochs and ~25 hours with 5 epochs on 8x "
           "A100 (80G) )'; 'obtain the prepared 52k text-only and 158k text-image instruction-following data'; 'To train on fewer GPUs, "
           "you can reduce the number of gpus in the scripts and increase gradient accumulation via --accum_iter to guarantee the total "
           "batch size of 32.'; Model Zoo: '| LaVIN-13B | 25 hours | 55.9G | 5.4M | - |' and '| LaVIN-13B | 75 hours | 55.9G | 5.4M | - |'. "
           "MMA = 'connects the image encoder and LLM via lightweight adapters'. ")
LAVIN_C = ("paramsTotal = 13B (the frozen LLaMA-13B; the CLIP image encoder is not counted); only 5.4M adapter parameters are trained, so "
           "6*N*D on the 13B total overstates the backward pass (as for footprint-8's LLaMA-Adapter). Quality B: '~' times.")
A(C(id="lavin-13b-mma-210k-5ep-8xa100", name="LaVIN-13B multimodal instruction tuning (mixture-of-modality adapters on frozen LLaMA-13B), 210k samples x 5 epochs, 8 A100-80GB, ~25 h",
    quality="B", modality="multimodal", architecture="frozen LLaMA-13B + CLIP image encoder with lightweight MMA adapters (5.4M trainable)",
    paramsTotal=13e9, samples=210000, epochs=5, hardware="A100 80GB", devices=8, target=dict(metric=GPUH, value=8 * 25),
    source=LAVIN_SRC, notes=LAVIN_Q + "Target [D] = 8 x 25 h = 200 GPU-hours. samples = 52k + 158k = 210k. " + LAVIN_C))
A(C(id="lavin-13b-mma-210k-15ep-8xa100", name="LaVIN-13B multimodal instruction tuning, 210k samples x 15 epochs (released chatbot weights), 8 A100-80GB, ~75 h",
    quality="B", modality="multimodal", architecture="frozen LLaMA-13B + CLIP image encoder with lightweight MMA adapters (5.4M trainable)",
    paramsTotal=13e9, samples=210000, epochs=15, hardware="A100 80GB", devices=8, target=dict(metric=GPUH, value=8 * 75),
    source=LAVIN_SRC, notes=LAVIN_Q + "Target [D] = 8 x 75 h = 600 GPU-hours (the 15-epoch run, whose weights are the ones released). "
    + LAVIN_C))
A(C(id="ovd-lvis-maskrcnn-r50fpn-clip-12ep-8xa100", name="Object-centric OVD: Mask R-CNN R50-FPN LVIS baseline with CLIP text classifier, 12 epochs, 8 A100, 4.5 h",
    quality="B", modality="vision", architecture="Mask R-CNN, ResNet-50-FPN backbone, CLIP-embedding (sigmoid) classifier head",
    paramsTotal=44e6, samples=100170, epochs=12, hardware="A100 (memory not stated)", devices=8, target=dict(metric=GPUH, value=8 * 4.5),
    source=("Rasheed, Maaz, Khattak, Khan & Khan 2022, 'Bridging the Gap between Object and Image-level Representations for Open-Vocabulary "
            "Detection' (NeurIPS 2022) -- hanoonaR/object-centric-ovd project page / README as stored in the file index (ids 16892085252, "
            "32777920540)"),
    notes=("README: 'Our Mask R-CNN based LVIS Baseline (mask_rcnn_R50FPN_CLIP_sigmoid) achieves 12.2 rare class and 20.9 overall AP and "
           "trains in only 4.5 hours on 8 A100 GPUs.' and the table row '| Ours Baseline | 12.2 | 19.4 | 26.4 | 20.9 | 12 |' (last column = "
           "Epochs); 'All of our models are trained using 8 A100 GPUs.' Target [D] = 8 x 4.5 = 36 GPU-hours. samples 100,170 [R] = LVIS v1 "
           "train images (not stated in the README); paramsTotal 44M [R] = a typical Mask R-CNN R50-FPN size (not stated). Quality B.")))
A(C(id="zoedepth-nyu-metric-ft-4xa100", name="ZoeDepth metric fine-tuning (BEiT-L backbone) on NYU Depth v2 (~25k samples x 5 epochs), 4 A100-40GB, under 2 h",
    quality="B", modality="vision", architecture="ZoeDepth: DPT / MiDaS v3.1 with BEiT-L backbone + metric-bins heads",
    paramsTotal=345e6, samples=25000, epochs=5, hardware="A100 40GB", devices=4, target=dict(metric=GPUH, value=4 * 2),
    source="isl-org/ZoeDepth GitHub issue #11 'Quick question about training time and compute', answer by collaborator shariqfarooq123",
    notes=("Answer: 'For metric fine-tuning, We use 4 NVIDIA A100 GPUs for training our largest model (BEiT-L). Training time on NYU (~25k "
           "samples, 5 epochs) on 4 A100s (40GB) is less than 2 hours.' Target [D] = 4 x 2 h = 8 GPU-hours, an UPPER BOUND ('less than 2 "
           "hours'). paramsTotal 345M [R] = ZoeD-N with BEiT-L (recalled, not stated in the answer). The relative pre-training ('around 3-5 "
           "days on 8 RTX A6000-like GPUs') is a different, vaguer figure and not used. Quality B.")))

# ====================================================================== diffusion: image / video generation on H100 / H200
A(C(id="microdit-1.16b-8xh100", name="MicroDiT: 1.16B sparse (MoE) diffusion transformer trained from scratch on 37M images, 8 H100, 2.6 days (~$1,890)",
    quality="B", modality="diffusion", architecture="sparse DiT with mixture-of-experts layers and deferred 75 % patch masking",
    paramsTotal=1.16e9, resolution=256, hardware="H100 (memory / form factor not stated)", devices=8,
    target=dict(metric=GPUH, value=days(8, 2.6)),
    source=("Sehwag, Kong, Li, Spranger & Lyu 2025, 'Stretching Each Dollar: Diffusion Training from Scratch on a Micro-Budget' (CVPR 2025, "
            "arXiv 2407.15811) -- CVPR open-access abstract; model summary at promptlayer.com/models/microdit; summary at en.papernotes.org"),
    notes=("Abstract: 'using only 37M publicly available real and synthetic images, we train a 1.16 billion parameter sparse transformer "
           "with only 1,890 USD economical cost and achieve a 12.7 FID in zero-shot generation on the COCO dataset.' promptlayer: 'Training "
           "pipeline progressing from 256×256 to 512×512 resolution', 'Total training time of 2.6 days on 8×H100 GPUs'. papernotes: 'trains "
           "a 1.16B-parameter sparse Transformer from scratch in 2.6 days'. Target [D] = 8 x 2.6 d x 24 = 499.2 GPU-hours. Total (sparse) "
           "parameters; active parameters not stated. The released code's README (sonyresearch/micro_diffusion, quoted on techcratic.com): 'We "
           "first train the model on 256×256 resolution images for 280K steps and then fine-tune the model for 55K steps on 512×512 "
           "resolution images. The estimated training time for the end-to-end model on an 8×H100 machine is 2.6 days.' The global batch "
           "size is not in the lines read, so samples stay null; resolution = 256 (280K of 335K steps). Quality B: the device count is in summaries, not re-read in the paper.")))
A(C(id="prx-t2i-24h-speedrun-32xh200", name="Photoroom PRX Part 3: pixel-space text-to-image diffusion transformer speedrun, 100k steps at 512 px + 20k at 1024 px, 32 H200, 24 h",
    quality="B", modality="diffusion", architecture="pixel-space diffusion transformer (x-prediction, patch 32, TREAD token routing, REPA)",
    resolution=512, hardware="H200 (memory not stated)", devices=32, target=dict(metric=GPUH, value=32 * 24),
    source=("Photoroom, 'PRX Part 3 — Training a Text-to-Image Model in 24h!' (Hugging Face blog) -- read in three summaries: endigest.dev, "
            "code-journey.com ('training-text-to-image-diffusion-24-hours') and hb.int2inf.com"),
    notes=("Summaries: 'This post describes a 24-hour speedrun for training a text-to-image diffusion model using 32 H200 GPUs and a ~$1500 "
           "compute budget.'; 'Patch size: 32', 'Resolution schedule: Start at 512px → fine-tune at 1024px (skipping 256px)'; 'Trained on "
           "synthetic datasets (Flux generated, FLUX-Reason-6M, midjourney-v6-llava) with a schedule of 100k steps at 512px and 20k steps at "
           "1024px.' Target [D] = 32 x 24 = 768 GPU-hours. Parameter count and batch size are not in the summaries (null); resolution = 512 "
           "(the first 100k of 120k steps). Quality B: summaries of the blog, not the blog itself.")))
A(C(id="seaweed-7b-video-665k-h100-hours", name="Seaweed-7B video generation foundation model (7B diffusion transformer), 665,000 H100 GPU-hours (27.7 days on 1,000 GPUs)",
    quality="B", modality="diffusion", architecture="video diffusion transformer (hybrid-stream) with a video VAE",
    paramsTotal=7e9, hardware="H100 (memory / form factor not stated)", devices=1000, target=dict(metric=GPUH, value=665000),
    also=[dict(metric=GPUH, value=days(1000, 27.7))],
    source=("Seaweed team (ByteDance) 2025, 'Seaweed-7B: Cost-Effective Training of Video Generation Foundation Model' (arXiv 2504.08685) -- "
            "summary in a daily paper digest (xinzhang-ops.github.io/daily_paper, 2025-04-14)"),
    notes=("Digest: 'The paper presents Seaweed-7B, a cost-effective video generation foundation model with 7 billion parameters'; 'The "
           "authors trained a 7B-parameter diffusion transformer with a hybrid-stream architecture, using multi-stage training on mixed-"
           "resolution data'; 'requiring only 665,000 H100 GPU hours (27.7 days on 1,000 GPUs)'. Target = 665,000 GPU-hours as stated; "
           "`also` [D] = 1,000 x 27.7 d x 24 = 664,800. Data volume and resolutions are not in the digest (null). Quality B: secondary "
           "digest; whether the figure covers the VAE is not stated.")))
A(C(id="sana-wm-2.6b-64xh100", name="SANA-WM 2.6B camera-controlled world model (one-minute 720p video), 64 H100, 15 days",
    quality="B", modality="diffusion", architecture="video diffusion transformer with hybrid linear attention (Gated DeltaNet + softmax windows)",
    paramsTotal=2.6e9, hardware="H100 (memory / form factor not stated)", devices=64, target=dict(metric=GPUH, value=days(64, 15)),
    source=("NVIDIA 2026, SANA-WM paper (May 2026) -- blog summary 'One minute of 720p video from a single GPU - how did we get here so "
            "fast?' (hn.hoangyell.com/sana-wm-one-minute-720p-world-model)"),
    notes=("Blog: 'SANA-WM is a 2.6B-parameter open-source world model that takes a single image and a 6-DoF camera trajectory and turns them "
           "into up to one minute of 720p video - trained on 64 H100s for 15 days, deployable at inference on a single H100.' and 'a 17B "
           "long-video refiner sharpens texture and motion'. Target [D] = 64 x 15 d x 24 = 23,040 GPU-hours for the 2.6B backbone (the 17B "
           "refiner's training is not counted and not stated). A different model from footprint-8's SANA-Video. Data volume not stated "
           "(null). Quality B: blog summary.")))

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
out = {"set": "footprint-heldout-9",
       "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
       "description": ("Ninth held-out set of published training runs for validating the Green ML Review footprint estimator: long-context "
                       "stages on L40S, LoRA/QLoRA fine-tunes on single consumer / workstation / inference-class GPUs (RTX 4090, RTX 3090, "
                       "RTX A5000, A10G, L4, V100), LLM pre-training on MI250X and A100, a giant MoE and a dense baseline on TPU v3, "
                       "encoder pre-training and a small NER fine-tune, speech (BLSTM on V100), 3D mesh generation, and image / video "
                       "diffusion on RTX 4090, H100 and H200. Built without running the estimator and without reading product code; no "
                       "model/run of footprint-heldout-1..8 nor of the development cases they name as excluded. gpuHours means "
                       "accelerator-hours (TPU chip-hours for TPU rows; MI250X counted per package). [R] = recalled/secondary, not re-read "
                       "in the primary this session; [D] = derived arithmetic shown in notes and in make_cases.py."),
       "cases": cases}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
