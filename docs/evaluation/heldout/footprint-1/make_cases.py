import json, datetime

def C(**kw):
    base = dict(id=None, name=None, quality=None, modality="text", architecture="dense",
                paramsTotal=None, paramsActive=None, tokens=None, samples=None, epochs=None,
                seqLen=None, resolution=None, hardware=None, devices=None, precision=None,
                target=None, also=[], convention=None, source=None, notes=None)
    base.update(kw)
    return base

cases = []
A = cases.append

# ---------------------------------------------------------------- Meta model cards
L32 = ("https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/MODEL_CARD.md (= huggingface.co/meta-llama/Llama-3.2-1B) "
       "— 'Hardware and Software' (Training Energy Use table) and 'Training Data' — 2024")
A(C(id="llama32-1b", name="Llama 3.2 1B", quality="B", paramsTotal=1.23e9, tokens=9e12, seqLen=None,
    hardware="H100 SXM 80GB", precision=None,
    target=dict(metric="gpuHours", value=370_000),
    also=[dict(metric="co2eKg", value=107_000)],
    convention=dict(powerW=700, pue=None, intensityGPerKWh=None, basis="Meta: peak power per GPU adjusted for PUE; location-based"),
    source=L32,
    notes=("Card: 'Training utilized a cumulative of 916k GPU hours of computation on H100-80GB (TDP of 700W)'; table row "
           "'Llama 3.2 1B | 370k | - | 700 | 107 | 0'. Params '1B (1.23B)'. Tokens: 'Up to 9T tokens' (upper bound, shared by 1B and 3B) -> B. "
           "The 1B/3B were pruned from Llama 3.1 8B and trained with logits of Llama 3.1 8B/70B as targets; the separate "
           "'Logit Generation Time' of 86k GPU-h (1B+3B together) is NOT in the target. Device count not stated. SXM inferred from the stated 700 W TDP.")))
A(C(id="llama32-3b", name="Llama 3.2 3B", quality="B", paramsTotal=3.21e9, tokens=9e12,
    hardware="H100 SXM 80GB",
    target=dict(metric="gpuHours", value=460_000),
    also=[dict(metric="co2eKg", value=133_000)],
    convention=dict(powerW=700, pue=None, intensityGPerKWh=None, basis="Meta: peak power per GPU adjusted for PUE; location-based"),
    source=L32,
    notes=("Table row 'Llama 3.2 3B | 460k | - | 700 | 133 | 0'. Params '3B (3.21B)'. Tokens 'Up to 9T' (upper bound) -> B. "
           "Pruning + logit distillation as for 1B; 86k GPU-h logit generation excluded. Device count not stated.")))
L4 = ("https://github.com/meta-llama/llama-models/blob/main/models/llama4/MODEL_CARD.md (= huggingface.co/meta-llama/Llama-4-Scout-17B-16E) "
      "— 'Hardware and Software' (Training Energy Use table) and model table — 2025")
A(C(id="llama4-scout", name="Llama 4 Scout (17Bx16E)", quality="B", architecture="moe",
    paramsTotal=109e9, paramsActive=17e9, tokens=40e12, hardware="H100 SXM 80GB",
    target=dict(metric="gpuHours", value=5.0e6),
    also=[dict(metric="co2eKg", value=1_354_000)],
    convention=dict(powerW=700, pue=None, intensityGPerKWh=None, basis="Meta: peak power per GPU adjusted for PUE; location-based"),
    source=L4,
    notes=("Card: 'Model pre-training utilized a cumulative of 7.38M GPU hours of computation on H100-80GB (TDP of 700W)'; row "
           "'Llama 4 Scout | 5.0M | 700 | 1,354 | 0'. Params '17B (Activated) 109B (Total)'; 'Llama 4 Scout was pretrained on ~40 trillion tokens' "
           "of multimodal data (text+image, early fusion) -> tokens approximate -> B. Precision not stated on the card. Device count not stated.")))
A(C(id="llama4-maverick", name="Llama 4 Maverick (17Bx128E)", quality="B", architecture="moe",
    paramsTotal=400e9, paramsActive=17e9, tokens=22e12, hardware="H100 SXM 80GB",
    target=dict(metric="gpuHours", value=2.38e6),
    also=[dict(metric="co2eKg", value=645_000)],
    convention=dict(powerW=700, pue=None, intensityGPerKWh=None, basis="Meta: peak power per GPU adjusted for PUE; location-based"),
    source=L4,
    notes=("Row 'Llama 4 Maverick | 2.38M | 700 | 645 | 0'. Params '17B (Activated) 400B (Total)'; '~22 trillion tokens of multimodal data' -> B. "
           "Meta's release notes say Maverick was co-distilled from Llama 4 Behemoth (teacher cost not included).")))

# ---------------------------------------------------------------- DeepSeek (H800)
A(C(id="deepseek-v3-pretrain", name="DeepSeek-V3 (pre-training stage)", quality="A", architecture="moe",
    paramsTotal=671e9, paramsActive=37e9, tokens=14.8e12, hardware="H800 SXM 80GB", devices=2048, precision="fp8",
    target=dict(metric="gpuHours", value=2_664_000),
    also=[dict(metric="gpuHours", value=2_788_000)],
    source="DeepSeek-AI 2024, 'DeepSeek-V3 Technical Report' (arXiv 2412.19437), §1 Introduction and Table 1 (training costs), §3.1 Compute Clusters — 2024",
    notes=("Quote: 'During the pre-training stage, training DeepSeek-V3 on each trillion tokens requires only 180K H800 GPU hours, i.e., 3.7 days on our cluster "
           "with 2048 H800 GPUs. Consequently, our pre-training stage is completed in less than two months and costs 2664K GPU hours. Combined with 119K GPU hours "
           "for the context length extension and 5K GPU hours for post-training, DeepSeek-V3 costs only 2.788M GPU hours for its full training.' "
           "§3.1: 'DeepSeek-V3 is trained on a cluster equipped with 2048 NVIDIA H800 GPUs.' 671B total / 37B activated, 14.8T tokens, FP8 mixed-precision training. "
           "Target = pre-training only (matches the 14.8T tokens); also = full 2.788M incl. context extension + post-training. Includes multi-token-prediction module.")))
A(C(id="deepseek-v2", name="DeepSeek-V2", quality="B", architecture="moe",
    paramsTotal=236e9, paramsActive=21e9, tokens=8.1e12, hardware="H800 SXM 80GB",
    target=dict(metric="gpuHours", value=172_800 * 8.1),
    source="DeepSeek-AI 2024, 'DeepSeek-V2' (arXiv 2405.04434), §3.2.3/§3.4 'Training and Inference Efficiency' (p. 16) and §3.1 (8.1T tokens) — 2024",
    notes=("Quote: 'During our practical training on the H800 cluster, for training on each trillion tokens, DeepSeek 67B requires 300.6K GPU hours, while "
           "DeepSeek-V2 needs only 172.8K GPU hours'. Target derived = 172.8K x 8.1T tokens = 1,399,680 GPU-h (per-trillion rate x stated corpus; "
           "excludes long-context YaRN extension and alignment) -> B. 236B total / 21B activated.")))
A(C(id="deepseek-llm-67b", name="DeepSeek LLM 67B (dense)", quality="B", paramsTotal=67e9, tokens=2e12, hardware="H800 SXM 80GB",
    target=dict(metric="gpuHours", value=300_600 * 2),
    source=("DeepSeek-AI 2024, 'DeepSeek-V2' (arXiv 2405.04434), p. 16 (300.6K H800 GPU-h per trillion tokens for DeepSeek 67B); "
            "DeepSeek-AI 2024, 'DeepSeek LLM' (arXiv 2401.02954) for the 2T-token corpus — 2024"),
    notes=("Quote (V2 paper): 'for training on each trillion tokens, DeepSeek 67B requires 300.6K GPU hours' on the H800 cluster. Target derived = "
           "300.6K x 2T = 601,200 GPU-h. The 2T-token figure is from the DeepSeek LLM paper ('2 trillion tokens') [not re-read this session]; "
           "the rate is a measured throughput on H800, the original 67B run may have used other clusters -> B.")))

# ---------------------------------------------------------------- small dense LMs
A(C(id="tinyllama-1.1b-300b", name="TinyLlama 1.1B (300B-token throughput figure)", quality="A", paramsTotal=1.1e9, tokens=300e9, seqLen=2048,
    hardware="A100 40GB", devices=16,
    target=dict(metric="gpuHours", value=3456),
    source="https://github.com/jzhang38/TinyLlama README — 'Training Details' and 'Blazingly Fast' (table 'A100 GPU hours taken on 300B tokens') — 2023",
    notes=("README table: 'TinyLlama-1.1B | 3456' A100 GPU hours taken on 300B tokens; hardware '16 A100-40G GPUs'; 'throughput of 24k tokens per second per "
           "A100-40G GPU, which translates to 56% model flops utilization without activation checkpointing'. Layers 22, hidden 2048, heads 32 (4 KV groups), "
           "FFN 5632, seq 2048, batch 2M tokens. Figure is the authors' measured throughput expressed per 300B tokens, not a completed 300B run. Precision not stated.")))
A(C(id="mpt-1.3b", name="MPT-1.3B (mpt-1b-redpajama-200b)", quality="B", paramsTotal=1.3e9, tokens=200e9, seqLen=2048,
    hardware="A100 40GB", devices=440,
    target=dict(metric="gpuHours", value=440 * 12),
    source="https://huggingface.co/mosaicml/mpt-1b-redpajama-200b model card — 'Training Configuration' — 2023",
    notes=("Card: 'MPT-1b-RedPajama-200b is a 1.3 billion parameter decoder-only transformer'; 'trained for 200B tokens (batch size 2200, sequence length 2048)'; "
           "'This model was trained on 440 A100-40GBs for about half a day using the MosaicML Platform.' Target = 440 x 12 h = 5,280 GPU-h; 'about half a day' is coarse -> B. "
           "(TinyLlama README scales this to 7,920 GPU-h per 300B tokens.)")))
PHI = "Microsoft model card on Hugging Face ({}) — 'Training' > 'Model' — {}"
A(C(id="phi-1.5", name="phi-1.5", quality="B", paramsTotal=1.3e9, tokens=150e9, hardware="A100 40GB", devices=32, precision="fp16",
    target=dict(metric="gpuHours", value=32 * 8 * 24),
    source=PHI.format("huggingface.co/microsoft/phi-1_5", "2023"),
    notes=("Card: 'Dataset size: 30B tokens; Training tokens: 150B tokens; Precision: fp16; GPUs: 32xA100-40G; Training time: 8 days'. 1.3B params (card). "
           "Target = 32 x 8 d x 24 = 6,144 GPU-h; day rounding up to ~6 % -> B. A100 form factor (SXM vs PCIe) not stated.")))
A(C(id="phi-2", name="phi-2", quality="A", paramsTotal=2.7e9, tokens=1.4e12, seqLen=2048, hardware="A100 80GB", devices=96,
    target=dict(metric="gpuHours", value=96 * 14 * 24),
    source=PHI.format("huggingface.co/microsoft/phi-2", "2023"),
    notes=("Card: 'Context length: 2048 tokens; Dataset size: 250B tokens ...; Training tokens: 1.4T tokens; GPUs: 96xA100-80G; Training time: 14 days'. "
           "2.7B params (card). Target = 96 x 14 d x 24 = 32,256 GPU-h (day rounding <= 3.6 %). Precision not stated; A100 form factor not stated.")))
A(C(id="phi-3-mini-2404", name="Phi-3-mini (April 2024 release)", quality="B", paramsTotal=3.8e9, tokens=3.3e12, hardware="H100 80GB (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=512 * 7 * 24),
    source=PHI.format("huggingface.co/microsoft/Phi-3-mini-4k-instruct, revision of April 2024", "2024"),
    notes=("Card (Apr 2024): 'Phi-3 Mini-4K-Instruct has 3.8B parameters'; 'GPUs: 512 H100-80G; Training time: 7 days; Training data: 3.3T tokens; "
           "Dates: Our models were trained between February and April 2024'. Target = 512 x 7 d x 24 = 86,016 GPU-h; 7 days ±0.5 d = ±7 % -> B. "
           "Card covers pre-training + SFT/DPO of the instruct model.")))
A(C(id="phi-3-mini-2406", name="Phi-3-mini (June 2024 update)", quality="B", paramsTotal=3.8e9, tokens=4.9e12, hardware="H100 80GB (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=512 * 10 * 24),
    source=PHI.format("huggingface.co/microsoft/Phi-3-mini-4k-instruct, June 2024 update", "2024"),
    notes=("Updated card: 'Phi-3 Mini-4K-Instruct has 3.8B parameters'; 'GPUs: 512 H100-80G; Training time: 10 days; Training data: 4.9T tokens; "
           "Dates: Our models were trained between May and June 2024'. Target = 122,880 GPU-h. Whether this run started from scratch or continued the April "
           "checkpoint is not stated -> B.")))
A(C(id="phi-3-medium", name="Phi-3-medium (14B)", quality="A", paramsTotal=14e9, tokens=4.8e12, hardware="H100 80GB (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=512 * 42 * 24),
    source=PHI.format("huggingface.co/microsoft/Phi-3-medium-128k-instruct", "2024"),
    notes=("Card: 'Phi-3-Medium-128k-Instruct has 14B parameters and is a dense decoder-only Transformer model'; 'GPUs: 512 H100-80G; Training time: 42 days; "
           "Training data: 4.8T tokens; trained between February and April 2024'. Target = 512 x 42 d x 24 = 516,096 GPU-h (day rounding ~1 %).")))
A(C(id="phi-3.5-moe", name="Phi-3.5-MoE (16x3.8B)", quality="B", architecture="moe", paramsTotal=41.9e9, paramsActive=6.6e9, tokens=4.9e12,
    hardware="H100 80GB (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=512 * 23 * 24),
    source=PHI.format("huggingface.co/microsoft/Phi-3.5-MoE-instruct", "2024"),
    notes=("Card: 'Phi-3.5-MoE has 16x3.8B parameters with 6.6B active parameters when using 2 experts'; 'GPUs: 512 H100-80G; Training time: 23 days; "
           "Training data: 4.9T tokens; Trained between April and August 2024'. Target = 282,624 GPU-h. Total 41.9B is the commonly cited HF config total "
           "(experts share attention, so not 16x3.8B) — not stated on the card -> B.")))
A(C(id="phi-4", name="Phi-4 (14B)", quality="A", paramsTotal=14e9, tokens=9.8e12, seqLen=16384, hardware="H100 80GB (form factor not stated)", devices=1920,
    target=dict(metric="gpuHours", value=1920 * 21 * 24),
    source=PHI.format("huggingface.co/microsoft/phi-4", "2024") + "; Abdin et al. 2024, 'Phi-4 Technical Report' (arXiv 2412.08905)",
    notes=("Card: '14B parameters, dense decoder-only Transformer model'; 'GPUs: 1920 H100-80G; Training time: 21 days; Training data: 9.8T tokens; "
           "Dates: October 2024 – November 2024'. Target = 1920 x 21 d x 24 = 967,680 GPU-h (day rounding ~2.4 %). Config total is ~14.7B params. "
           "Verified via several verbatim quotations of the card (primary card not opened directly).")))
A(C(id="jetmoe-8b", name="JetMoE-8B", quality="B", architecture="moe", paramsTotal=8e9, paramsActive=2e9, tokens=1.25e12,
    hardware="H100 80GB (form factor not stated)", devices=96,
    target=dict(metric="gpuHours", value=30_000),
    source="Shen et al. 2024, 'JetMoE: Reaching Llama2 Performance with 0.1M Dollars' (arXiv 2404.07413), Abstract, §4.1 Infrastructure and §4.2 hyper-parameter table — 2024",
    notes=("Abstract: 'JetMoE-8B, a new LLM trained with less than $0.1 million, using 1.25T tokens ... and 30,000 H100 GPU hours.' §4.1: 'We conduct training on a "
           "cluster containing 12 nodes and 96 H100s.' Table: Ptotal 8B, Pactive 2B, 24 layers, Dmodel 2048, 8 experts, top-2 (attention and FFN experts). "
           "GPU-hours are a round figure -> B.")))

# ---------------------------------------------------------------- BERT-family
A(C(id="bert-large", name="BERT-large (original pre-training)", quality="B", architecture="dense-encoder", paramsTotal=340e6,
    tokens=1_000_000 * 256 * (0.9 * 128 + 0.1 * 512), seqLen=512, hardware="Cloud TPU (v2 assumed; 64 chips)", devices=64,
    target=dict(metric="gpuHours", value=64 * 4 * 24),
    source="Devlin et al. 2019, 'BERT' (arXiv 1810.04805), Appendix A.2 'Pre-training Procedure' — 2018/2019",
    notes=("Quote: 'Training of BERT-LARGE was performed on 16 Cloud TPUs (64 TPU chips total). Each pretraining took 4 days to complete.' 'batch size of 256 "
           "sequences (256 sequences * 512 tokens = 128,000 tokens/batch) for 1,000,000 steps'; 'we pre-train the model with sequence length of 128 for 90% of the "
           "steps. Then, we train the rest 10% of the steps of sequence of 512'. Tokens = 1M x 256 x (0.9x128 + 0.1x512) = 4.26e10 (nominal 1.28e11 if all at 512). "
           "Target = 64 chips x 96 h = 6,144 chip-hours. TPU generation not named in the paper (2018 Cloud TPU = v2, assumed); '4 days' coarse -> B. Params 340M (paper).")))
A(C(id="roberta-large-100k", name="RoBERTa-large, 100K steps on BOOKS+WIKI", quality="B", architecture="dense-encoder", paramsTotal=355e6,
    tokens=100_000 * 8192 * 512, seqLen=512, hardware="V100 SXM2 32GB", devices=1024, precision="fp16",
    target=dict(metric="gpuHours", value=1024 * 24),
    source="Liu et al. 2019, 'RoBERTa' (arXiv 1907.11692), §5 'RoBERTa' (and Table 4); §3.1 (DGX-1, 8 x 32GB V100, mixed precision) — 2019",
    notes=("Quote: 'we begin by training RoBERTa following the BERT-LARGE architecture (L = 24, H = 1024, A = 16, 355M parameters). We pretrain for 100K steps over a "
           "comparable BOOKCORPUS plus WIKIPEDIA dataset ... We pretrain our model using 1024 V100 GPUs for approximately one day.' Batch 8K sequences of up to 512 "
           "tokens (Table 4, recalled) -> tokens <= 100K x 8192 x 512 = 4.19e11 (upper bound; full-length sequences assumed). 'approximately one day' -> B. "
           "Note: some secondary sources attach the 1-day figure to the 500K-step model; the paper text attaches it to the 100K-step run.")))
A(C(id="distilbert", name="DistilBERT (66M)", quality="B", architecture="dense-encoder", paramsTotal=66e6, hardware="V100 16GB", devices=8,
    target=dict(metric="gpuHours", value=8 * 90),
    source="Sanh et al. 2019, 'DistilBERT' (arXiv 1910.01108), §3 'Data and compute power' (p. 3) — 2019",
    notes=("Quote: 'We train DistilBERT on the same corpus as the original BERT model: a concatenation of English Wikipedia and Toronto Book Corpus. DistilBERT was "
           "trained on 8 16GB V100 GPUs for approximately 90 hours.' Target = 720 GPU-h. Distillation: each step also runs a BERT-base teacher forward pass. "
           "Tokens/epochs not stated (batches up to 4K examples) -> B. V100 form factor not stated.")))

# ---------------------------------------------------------------- GLaM (TPU v4, energy)
GLAM = ("Du et al. 2022, 'GLaM: Efficient Scaling of Language Models with Mixture-of-Experts' (arXiv 2112.06905, ICML 2022), energy paragraph in §6 / "
        "abstract; quoted verbatim in the ORKG/'Transformer models' catalogue — 2021/2022")
A(C(id="glam-64b64e-280b", name="GLaM (64B/64E), 280B-token run", quality="B", architecture="moe",
    paramsTotal=1.2e12, paramsActive=96.6e9, tokens=280e9, hardware="TPU v4", devices=1024, precision=None,
    target=dict(metric="energyKWh", value=213_000),
    also=[dict(metric="gpuHours", value=1024 * 574)],
    convention=dict(powerW=326, pue=1.11, intensityGPerKWh=None, basis="measured average system power per TPU v4 chip x PUE (Patterson-style); 326 W and 1.11 from a secondary summary"),
    source=GLAM,
    notes=("Quote: 'the GLaM (64B/64E) training after 600B tokens consumes 456 MWh, about 1/3 of the energy cost of 1287 MWh used by GPT-3. Moreover, to reach "
           "similar (and slightly exceeded) scores as GPT-3, we train using 1,024 TPU-v4 chips for 574 hours (with 280B tokens). This consumes 213 MWh'. "
           "Chip-hours = 1024 x 574 = 587,776. Consistency check: 587,776 h x 0.326 kW x 1.11 = 212.7 MWh (326 W measured chip power and PUE 1.11 are given "
           "by a secondary summary, not read in the primary) -> energy is measured-power based. Primary PDF not opened; the quote was read in a catalogue "
           "that reproduces it verbatim -> B. 1.2T total / 96.6B activated per token.")))
A(C(id="glam-64b64e-600b", name="GLaM (64B/64E), 600B-token run", quality="B", architecture="moe",
    paramsTotal=1.2e12, paramsActive=96.6e9, tokens=600e9, hardware="TPU v4", devices=None, precision=None,
    target=dict(metric="energyKWh", value=456_000),
    convention=dict(powerW=326, pue=1.11, intensityGPerKWh=None, basis="as glam-64b64e-280b"),
    source=GLAM,
    notes=("Quote: 'the GLaM (64B/64E) training after 600B tokens consumes 456 MWh'. Chip count/hours for this run not stated (1,024 chips for the 280B run). "
           "Implied chip-hours at 326 W x 1.11 would be ~1.26M [D, not a target].")))

# ---------------------------------------------------------------- Morrison et al. 2025 (measured GPU energy)
MORR = ("Morrison et al. 2025, 'Holistically Evaluating the Environmental Impact of Creating Language Models' (arXiv 2503.05804, ICLR 2025), Table 2 "
        "(final training runs) and §3.1 — 2025")
A(C(id="olmo-1b-3t", name="OLMo 1B (3T tokens)", quality="B", paramsTotal=1.18e9, tokens=3e12, hardware="H100 80GB (Jupiter cluster)", precision=None,
    target=dict(metric="energyKWh", value=30_000),
    also=[dict(metric="co2eKg", value=10_000)],
    convention=dict(powerW=None, pue=1.2, intensityGPerKWh=332, basis="measured GPU power (sub-second, one node, extrapolated); Jupiter cluster, Texas"),
    source=MORR,
    notes=("Table 2 row as reproduced by two independent summaries: 'OLMo 1B (3T): 30 MWh, 10 tCO2e, 39 kL water'. §3.1: 'GPU power is logged at sub-second "
           "intervals on one node and extrapolated to all nodes ... Only GPU power is measured'; PUE 1.2 and 0.332 kg/kWh for Jupiter. 30 x 0.332 = 9.96 t, "
           "so the 30 MWh appears to be the figure the CO2 was computed from (whether PUE is already inside it is unclear) -> compare with accelerator energy, B. "
           "Primary table not opened (secondary summaries only). Params 1.18B [R]; device count not given in the summaries.")))
A(C(id="olmoe-1b-7b-0924", name="OLMoE-1B-7B (0924)", quality="B", architecture="moe", paramsTotal=6.9e9, paramsActive=1.3e9, tokens=5e12,
    hardware="H100 80GB (Jupiter cluster)", precision=None,
    target=dict(metric="energyKWh", value=54_000),
    also=[dict(metric="co2eKg", value=18_000)],
    convention=dict(powerW=None, pue=1.2, intensityGPerKWh=332, basis="measured GPU power; Jupiter cluster, Texas"),
    source=MORR,
    notes=("Table 2 row as reproduced by two independent summaries: 'OLMoE 0924 (1B active/7B total, 5T tokens): 54 MWh, 18 tCO2e, 70 kL water'. 54 x 0.332 = 17.9 t. "
           "Same caveats as olmo-1b-3t. Exact params 6.9B total / 1.3B active [R] (OLMoE paper).")))

# ---------------------------------------------------------------- vision
DV2 = "https://github.com/facebookresearch/dinov2/blob/main/MODEL_CARD.md — 'Training Details' and 'Environmental Impact' — 2023"
A(C(id="dinov2-vitg14", name="DINOv2 ViT-g/14 (trained from scratch)", quality="B", modality="vision", architecture="vit",
    paramsTotal=1.1e9, samples=142e6, resolution=224, hardware="A100 (form factor not stated)", precision="fp16",
    target=dict(metric="gpuHours", value=22_000),
    source=DV2 + "; Oquab et al. 2023, 'DINOv2' (arXiv 2304.07193)",
    notes=("Card: 'Hardware Type: Nvidia A100; Hours used: 22,000 for ViT-g, 4,500 for ViT-S distillation, 5,300 for ViT-B distillation, 8,000 for ViT-L "
           "distillation; Cloud Provider: Private infra; Compute Region: USA; Carbon Emitted: 7t CO2eq' (the 7 t covers all four runs). 'Training data: LVD-142M'; "
           "'Training regime: fp16 using PyTorch-FSDP mixed-precision'; 'ViT-g (1.1B params): Patch size 14, embedding dimension 1536, 24 heads, SwiGLU FFN'. "
           "Iterations/epochs and multi-crop sizes not on the card (paper) -> samples x epochs unknown -> B. The paper's carbon table reportedly lists 22,016 GPU-h "
           "[not verified].")))
A(C(id="dinov2-vitl14-distill", name="DINOv2 ViT-L/14 (distilled from ViT-g)", quality="B", modality="vision", architecture="vit",
    paramsTotal=0.3e9, samples=142e6, resolution=224, hardware="A100 (form factor not stated)", precision="fp16",
    target=dict(metric="gpuHours", value=8_000),
    source=DV2,
    notes=("Card: '8,000 for ViT-L distillation'; 'ViT-L (0.3B params)'; 'Distillation follows the standard DINOv2 pretraining procedure, except the teacher is a "
           "pretrained ViT-g, frozen.' Each step therefore also runs the 1.1B teacher forward. Iterations not on the card -> B.")))
A(C(id="sam-vit-h", name="Segment Anything (SAM, ViT-H)", quality="A", modality="vision", architecture="vit",
    paramsTotal=636e6, samples=11e6, epochs=2.09, resolution=1024, hardware="A100 (form factor not stated)", devices=256,
    target=dict(metric="gpuHours", value=256 * 68),
    also=[dict(metric="energyKWh", value=6963), dict(metric="co2eKg", value=2800)],
    source="Kirillov et al. 2023, 'Segment Anything' (arXiv 2304.02643), Appendix A (training recipe) and Table 9 model card ('Compute cost and impact') — 2023",
    notes=("Model card: 'SAM was trained on 256 A100 GPUS for 68 hours. ... Using the computation method and ML CO2 Impact calculator ..., the environmental impact of "
           "training the released SAM model is approximately 6963 kWh resulting in an estimated 2.8 metric tons of carbon dioxide given the specific data center used.' "
           "(energy is a calculator ESTIMATE, not measured). App. A: '90k iterations (~2 SA-1B epochs), batch 256 images' -> 23.04M samples; SA-1B has 11M images "
           "(epochs = 23.04/11). 'The image encoder has 632M parameters. The prompt encoder and mask decoder have 4M parameters.' Input 1024x1024 [R]. "
           "Image encoder initialised from MAE ViT-H (pre-training not included).")))
CLIP = "Radford et al. 2021, 'Learning Transferable Visual Models From Natural Language Supervision' (CLIP, arXiv 2103.00020), §2.5 'Training' — 2021"
A(C(id="clip-rn50x64", name="CLIP RN50x64", quality="B", modality="vision", architecture="cnn",
    paramsTotal=None, samples=400e6, epochs=32, hardware="V100 (form factor not stated)", devices=592, precision="fp16",
    target=dict(metric="gpuHours", value=592 * 18 * 24),
    source=CLIP,
    notes=("Quote: 'We train all models for 32 epochs.' 'We use a very large minibatch size of 32,768. Mixed-precision ... was used' 'The largest ResNet model, "
           "RN50x64, took 18 days to train on 592 V100 GPUs while the largest Vision Transformer took 12 days on 256 V100 GPUs.' Dataset WIT 400M image-text pairs. "
           "Target = 592 x 18 d x 24 = 255,744 GPU-h (day rounding ~3 %). Parameter count and input resolution of RN50x64 not re-checked this session (left null; "
           "the paper's Table 19/20 gives them). Includes the 12-layer text transformer. B because params/resolution are missing here, not because of the hours.")))
A(C(id="clip-vit-l14", name="CLIP ViT-L/14 (224 px)", quality="B", modality="vision", architecture="vit",
    paramsTotal=None, samples=400e6, epochs=32, resolution=224, hardware="V100 (form factor not stated)", devices=256, precision="fp16",
    target=dict(metric="gpuHours", value=256 * 12 * 24),
    source=CLIP,
    notes=("Quote: 'the largest Vision Transformer took 12 days on 256 V100 GPUs. For the ViT-L/14 we also pre-train at a higher 336 pixel resolution for one additional "
           "epoch'. Target = 73,728 GPU-h. Whether the 12 days include the extra 336-px epoch is not stated -> B. Params left null (not re-checked).")))
VIT = ("Dosovitskiy et al. 2021, 'An Image is Worth 16x16 Words' (ViT, arXiv 2010.11929, ICLR 2021), Table 2 (TPUv3-core-days) and §4.2; Table 1 (model sizes) — 2020/2021")
A(C(id="vit-h14-jft", name="ViT-H/14 pre-trained on JFT-300M", quality="B", modality="vision", architecture="vit",
    paramsTotal=632e6, samples=303e6, resolution=224, hardware="TPU v3", target=dict(metric="gpuHours", value=2500 / 2 * 24),
    source=VIT,
    notes=("Table 2: ViT-H/14 (JFT) '2.5k' TPUv3-core-days; text: 'All models were trained on TPUv3 hardware, and we report the number of TPUv3-core-days taken to "
           "pre-train each of them, that is, the number of TPUv3 cores (2 per chip) used for training multiplied by the training time in days.' Target = 2,500 / 2 x 24 = "
           "30,000 chip-hours (metric gpuHours = TPU chip-hours). '2.5k' is rounded; number of JFT epochs (7 or 14 per appendix) not verified -> epochs null -> B. "
           "632M params (Table 1 'ViT-Huge').")))
A(C(id="vit-l16-jft", name="ViT-L/16 pre-trained on JFT-300M", quality="B", modality="vision", architecture="vit",
    paramsTotal=307e6, samples=303e6, resolution=224, hardware="TPU v3", target=dict(metric="gpuHours", value=680 / 2 * 24),
    source=VIT,
    notes=("Table 2: ViT-L/16 (JFT) '0.68k' TPUv3-core-days -> 680/2 x 24 = 8,160 chip-hours. Epochs not verified (secondary sources say 7) -> B. 307M params (Table 1).")))
A(C(id="vit-l16-i21k", name="ViT-L/16 pre-trained on ImageNet-21k", quality="B", modality="vision", architecture="vit",
    paramsTotal=307e6, samples=14e6, resolution=224, hardware="TPU v3", devices=None, target=dict(metric="gpuHours", value=230 / 2 * 24),
    source=VIT,
    notes=("Table 2: ViT-L/16 (I21k) '0.23k' TPUv3-core-days -> 2,760 chip-hours. §4.2: it 'could be trained using a standard cloud TPUv3 with 8 cores in approximately "
           "30 days' (8 cores = 4 chips; 8 x 30 = 240 core-days, consistent). ImageNet-21k ~14M images; epochs not verified -> B.")))
A(C(id="coca-2.1b", name="CoCa (2.1B)", quality="B", modality="vision", architecture="vit+text-decoder",
    paramsTotal=2.1e9, samples=500_000 * 65_536, epochs=1, resolution=288, hardware="TPU v4", devices=2048,
    target=dict(metric="gpuHours", value=2048 * 5 * 24),
    source="Yu et al. 2022, 'CoCa: Contrastive Captioners are Image-Text Foundation Models' (arXiv 2205.01917), §3.2 and §4.1 'Optimization' — 2022",
    notes=("Quotes: 'we pretrain with image resolution of 288x288 and patch size 18x18'; 'Our largest CoCa model ... with 1B-parameters in the image encoder and "
           "2.1B-parameters altogether with the text decoder'; 'we use a batch size of 65,536 image-text pairs ... for 500k steps, roughly corresponding to 5 epochs on "
           "JFT and 10 epochs on ALIGN'; 'Pretraining CoCa takes about 5 days on 2,048 CloudTPUv4 chips. Following [12, 13, 14], we continue pretraining for one epoch on a "
           "higher resolution of 576x576.' samples = 500k x 65,536 = 3.28e10 examples seen (epochs=1 means samples already counts passes). Target = 245,760 chip-hours; "
           "'about 5 days' coarse and the 576-px epoch probably not included -> B.")))

# ---------------------------------------------------------------- diffusion
A(C(id="pixart-alpha", name="PixArt-α (0.6B DiT)", quality="B", modality="diffusion", architecture="dit",
    paramsTotal=0.6e9, hardware="A100 (form factor not stated)",
    target=dict(metric="gpuHours", value=675 * 24),
    source="Chen et al. 2023, 'PixArt-α: Fast Training of Diffusion Transformer for Photorealistic Text-to-Image Synthesis' (arXiv 2310.00426, ICLR 2024), Abstract and Table 1 — 2023",
    notes=("Abstract: 'PIXART-α only takes 10.8% of Stable Diffusion v1.5's training time (675 vs. 6,250 A100 GPU days), saving nearly $300,000 ($26,000 vs. $320,000) "
           "and reducing 90% CO2 emissions.' Target = 675 x 24 = 16,200 GPU-h. Three-stage training (pixel dependency on ImageNet, text-image alignment, aesthetic "
           "fine-tuning) at 256 -> 512 -> 1024 px; image counts and steps per stage not extracted -> samples null -> B. 0.6B params [R].")))
A(C(id="wurstchen-stage-c", name="Würstchen v2 Stage C (1B text-conditional latent diffusion)", quality="B", modality="diffusion", architecture="convnet+attention (Stage C)",
    paramsTotal=1.0e9, hardware="A100 (form factor not stated)",
    target=dict(metric="gpuHours", value=24_602),
    source="Pernias et al. 2023, 'Würstchen: An Efficient Architecture for Large-Scale Text-to-Image Diffusion Models' (arXiv 2306.00637, ICLR 2024), Abstract and §4 — 2023",
    notes=("Abstract: 'The training requirements of our approach consists of 24,602 A100-GPU hours - compared to Stable Diffusion 2.1's 200,000 GPU hours.' This is "
           "Stage C only (~1B params); Stage B reportedly took a further ~11,000 GPU-h and Stage A is unreported (per a review and a summary, not verified). "
           "Samples/steps not extracted -> B.")))

# ---------------------------------------------------------------- speech
W2V = "Baevski et al. 2020, 'wav2vec 2.0' (arXiv 2006.11477, NeurIPS 2020), §4.2 'Pre-training' (p. 4–5) — 2020"
A(C(id="wav2vec2-base-ls960", name="wav2vec 2.0 BASE (LibriSpeech 960 h)", quality="B", modality="speech", architecture="cnn+transformer",
    paramsTotal=95e6, samples=None, hardware="V100 (form factor not stated)", devices=64, precision=None,
    target=dict(metric="gpuHours", value=64 * 1.6 * 24),
    source=W2V,
    notes=("Quotes: 'Batches are built by cropping 250k audio samples, or 15.6sec, from each example. Crops are batched together to not exceed 1.4m samples per GPU and "
           "we train on a total of 64 V100 GPUs for 1.6 days; the total batch size is 1.6h.' 'LARGE trains for 250k updates, BASE for 400k updates, and LARGE on LV-60k "
           "for 600k updates.' Audio processed = 400k x 1.6 h = 640,000 h (~1.48e8 crops of 15.6 s if counted as samples; estimator audioSeconds=15.6). "
           "Target = 2,457.6 GPU-h; '1.6 days' rounded -> B. 95M params [R]. Precision not stated in the quoted text.")))
A(C(id="wav2vec2-large-ls960", name="wav2vec 2.0 LARGE (LibriSpeech 960 h)", quality="B", modality="speech", architecture="cnn+transformer",
    paramsTotal=317e6, hardware="V100 (form factor not stated)", devices=128, precision=None,
    target=dict(metric="gpuHours", value=128 * 2.3 * 24),
    source=W2V,
    notes=("Quote: 'We crop 320k audio samples, or 20sec, with a limit of 1.2m samples per GPU and train on 128 V100 GPUs over 2.3 days for Librispeech and 5.2 days for "
           "LibriVox; the total batch size is 2.7h.' 250k updates -> 675,000 h of audio processed (20 s crops, audioSeconds=20). Target = 7,065.6 GPU-h. 317M params [R] -> B.")))
A(C(id="wav2vec2-large-lv60k", name="wav2vec 2.0 LARGE (LibriVox/Libri-light 60k h)", quality="B", modality="speech", architecture="cnn+transformer",
    paramsTotal=317e6, hardware="V100 (form factor not stated)", devices=128, precision=None,
    target=dict(metric="gpuHours", value=128 * 5.2 * 24),
    source=W2V,
    notes=("Same quote ('5.2 days for LibriVox'); 600k updates x 2.7 h batch = 1.62M h of audio processed (20 s crops). Target = 15,974.4 GPU-h. 317M params [R] -> B.")))

A(C(id="granite-speech-4.1-2b", name="Granite Speech 4.1 2B (speech encoder + projector + LoRA on granite-4.0-1b-base)", quality="B", modality="speech",
    architecture="conformer-encoder+llm", paramsTotal=2e9, hardware="H100 80GB (Blue Vela cluster)", devices=8,
    target=dict(metric="gpuHours", value=8 * 30 * 24),
    source="huggingface.co/ibm-granite/granite-speech-4.1-2b model card — 'Model Architecture', 'Training Data' and 'Infrastructure' — 2026 (read via a verbatim repository copy of the card)",
    notes=("Card: 'We train Granite Speech using IBM's super computing cluster, Blue Vela, which is outfitted with NVIDIA H100 GPUs. ... The training of this particular "
           "model was completed in 30 days (26 encoder + 4 projector) on 8 H100 GPUs.' 'The model was trained on 174,000 hours of audio'. Encoder: 16 conformer blocks, "
           "hidden 1024, CTC-trained on the ASR subset; projector (2-layer q-former) and LLM LoRA adapters trained jointly; LLM = intermediate checkpoint of "
           "granite-4.0-1b-base (its pre-training is NOT included). Params '2B' from the model name ('reflects actual instead of base LLM size'). Epochs/steps not stated -> "
           "samples null -> B. Target = 8 x 30 d x 24 = 5,760 GPU-h.")))

for c in cases:
    t = c["target"]["value"]
    c["target"]["value"] = round(t, 1) if isinstance(t, float) and t != int(t) else int(round(t))
    if c["tokens"] is not None:
        c["tokens"] = int(round(c["tokens"]))
    if c["samples"] is not None:
        c["samples"] = int(round(c["samples"]))

ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), "duplicate ids"
out = {"set": "footprint-heldout-1", "created": datetime.datetime.utcnow().replace(microsecond=0).isoformat() + "Z",
       "description": ("Held-out published training runs for validating the Green ML Review footprint estimator. Built without running the estimator. "
                       "gpuHours means accelerator-hours (TPU chip-hours for TPU rows). [R] = recalled/secondary, not re-read in the primary this session; "
                       "[D] = derived arithmetic shown in notes."),
       "cases": cases}
json.dump(out, open("/work/labels/footprint-heldout-1/cases.json", "w"), indent=2, ensure_ascii=False)
print(len(cases))
