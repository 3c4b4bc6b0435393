"""Builds footprint-heldout-7 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x hours, devices x days x 24, steps x batch x sequence length). Nothing is fitted and the Green ML Review
estimator was never run on these cases. Run: python3 make_cases.py
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


cases = []
A = cases.append

# ====================================================================== DeepSeek-V3 (H800, MoE): stages after pre-training
DSV3 = ("DeepSeek-AI 2024, 'DeepSeek-V3 Technical Report' (arXiv 2412.19437) — Table 1 and Sections 4.3 / 5.1, read in stored copies of "
        "the paper text (file-index ids 44743579129 [LaTeX source], 54814608782 [arXiv HTML]) and Table 1 in three reading notes "
        "that reproduce it (ids 60797154844, 58247361289, 68425630526)")
DSV3_T1 = ("Table 1 (as reproduced): 'Pre-training | 2,664K | $5.328M; Context Extension | 119K | $0.238M; Post-training | 5K | "
           "$0.01M; Total | 2,788K | $5.576M' (H800 GPU hours, 'assuming the rental price of H800 is $2 per GPU hour'); paper: "
           "'During the pre-training stage, training DeepSeek-V3 on each trillion tokens requires only 180K H800 GPU hours, i.e., 3.7 "
           "days on our cluster with 2048 H800 GPUs.' ")
A(C(id="deepseek-v3-context-extension-h800", name="DeepSeek-V3 (671B MoE, 37B active), long-context extension: 2 x 1000 steps (32K x 1920, 128K x 480), H800",
    quality="A", architecture="moe (decoder-only, 671B total / 37B activated per token; YaRN context extension after pre-training)",
    paramsTotal=671e9, paramsActive=37e9, tokens=1000 * 1920 * 32768 + 1000 * 480 * 131072, seqLen=None,
    hardware="H800", devices=2048, precision="fp8",
    target=dict(metric="gpuHours", value=119000), source=DSV3,
    notes=(DSV3_T1 + "Sec. 4.3: 'After the pre-training stage, we apply YaRN for context extension and perform two additional training "
           "phases, each comprising 1000 steps, to progressively expand the context window from 4K to 32K and then to 128K. ... In the "
           "first phase, the sequence length is set to 32K, and the batch size is 1920. During the second phase, the sequence length is "
           "increased to 128K, and the batch size is reduced to 480.' Tokens [D] = 1000 x 1920 x 32,768 + 1000 x 480 x 131,072 = "
           "62.9B + 62.9B = 125.8B (upper bound: every sequence full). seqLen left null (two phases, 32K then 128K: half the tokens at "
           "each). devices = the 2048-H800 cluster the paper names for training (stated for pre-training; the extension is not said to "
           "use a different cluster). precision 'fp8' = the paper's FP8 mixed-precision training framework (validated on V3's "
           "training; the extension stage is not described separately). Target 119K H800 GPU-hours as in Table 1 ('119K' rounds to "
           "the nearest thousand). Not the excluded 'DeepSeek-V3 ... pre-training' rows: this is the context-extension stage only.")))
A(C(id="deepseek-v3-post-training-h800", name="DeepSeek-V3 post-training (SFT on 1.5M instances x 2 epochs + RL), H800, 5K GPU-hours",
    quality="B", architecture="moe (decoder-only, 671B total / 37B activated; SFT + GRPO reinforcement learning)",
    paramsTotal=671e9, paramsActive=37e9, samples=1.5e6, epochs=2,
    hardware="H800", devices=None, precision=None,
    target=dict(metric="gpuHours", value=5000), source=DSV3,
    notes=(DSV3_T1 + "Sec. 5.1: 'We curate our instruction-tuning datasets to include 1.5M instances spanning multiple domains' and "
           "[R] 'We fine-tune DeepSeek-V3-Base for two epochs using the SFT dataset' (the second sentence recalled, not re-read). "
           "The 5K GPU-hours cover SFT AND the RL stage (GRPO; its prompts/steps are not stated), so samples x epochs describe only "
           "part of the work. '5K' is rounded to the nearest thousand (up to +-10 %). Device count for this stage not stated. "
           "Quality B: partial training amount, coarse rounding.")))

# ====================================================================== OPT-175B (A100 80GB), LLaMA paper's Table 15 recomputation
A(C(id="opt-175b-992xa100", name="OPT-175B pre-training, 180B tokens on 992 A100-80GB (GPU-hours as recomputed in the LLaMA paper)",
    quality="B", architecture="dense (decoder-only)", paramsTotal=175e9, tokens=180e9, seqLen=2048,
    hardware="A100 80GB", devices=992, precision="fp16",
    target=dict(metric="gpuHours", value=809472),
    also=[dict(metric="energyKWh", value=356000), dict(metric="co2eKg", value=137000), dict(metric="co2eKg", value=75000)],
    convention=dict(powerW=400, pue=1.1, intensityGPerKWh=385,
                    basis="LLaMA Table 15 (following Wu et al. 2022): GPU-hours x 400 W x PUE 1.1 -> MWh; x 0.385 kgCO2eq/kWh (US average). "
                          "The OPT paper's own figure (75 tCO2eq) uses another convention; both in also."),
    source=("Touvron et al. 2023, 'LLaMA: Open and Efficient Foundation Language Models' (arXiv 2302.13971), Table 15, read in a stored "
            "copy of the table (file-index id 61973068263); Zhang et al. 2022, 'OPT: Open Pre-trained Transformer Language Models' "
            "(arXiv 2205.01068), read in a stored copy of the paper text (id 54793152459) and an ORKG list entry (id 10875903589)"),
    notes=("LLaMA Table 15 copy: '| OPT-175B | A100-80GB | 400W | 809,472 | 356 MWh | 137 |' (GPU type, GPU power, GPU-hours, total "
           "power consumption, tCO2eq), caption 'Carbon footprint of training different models in the same data center. We follow Wu et "
           "al. (2022) to compute carbon emission of training OPT, BLOOM and our models in the same data center.' OPT paper: 'our "
           "code-base, metaseq, which enabled training OPT-175B on 992 80GB A100 GPUs, reaching 147 TFLOP/s utilization per GPU' and "
           "'we are able to develop OPT-175B using only 1/7th the carbon footprint of GPT-3' (the paper's own estimate is 75 tCO2eq "
           "[R]); ORKG entry: 'training corpus: 180B tokens'. A reading note (id 3341675313) adds '~33 days of continuous training' "
           "(992 x 33 x 24 = 785,664 GPU-hours, 3 % below the table). seqLen 2048 and fp16 [R] from the paper (mixed precision, "
           "FP16 weights). Target = 809,472 A100-hours (LLaMA authors' figure, includes the restarts of the logbook). Quality B: the "
           "time figure is a third party's recomputation; tokens and precision from secondary copies.")))

# ====================================================================== MosaicML MPT-7B-StoryWriter (A100 80GB)
A(C(id="mpt-7b-storywriter-8xa100", name="MPT-7B-StoryWriter-65k+: fine-tune of MPT-7B at 65,536 context, 8 A100-80GB, ~2 days",
    quality="B", architecture="dense (decoder-only, ALiBi; fine-tune of MPT-7B)", paramsTotal=6.7e9, seqLen=65536,
    hardware="A100 80GB", devices=8, precision=None,
    target=dict(metric="gpuHours", value=days(8, 2)),
    source="mosaicml/mpt-7b-storywriter model card (MosaicML, May 2023), stored copy (file-index id 60610570452)",
    notes=("Card: 'It was built by finetuning MPT-7B with a context length of 65k tokens on a filtered fiction subset of the books3 "
           "dataset.', hyperparameter table '|n_parameters | 6.7B |' and '| sequence length | **65536** |', and 'This model was trained "
           "on 8 A100-80GBs for about 2 days using the MosaicML Platform. The model was trained with sharded data parallelism using FSDP "
           "and used the LION optimizer.' Target [D] = 8 x 2 x 24 = 384 A100-hours ('about'). Tokens / steps of the fine-tune are NOT "
           "stated (not estimable from the card alone). Training precision not stated (bf16 appears only in the inference example). "
           "Not the excluded MPT-7B / MPT-7B-Chat / MPT-1.3B rows.")))

# ====================================================================== community instruction fine-tunes (8-GPU nodes)
OO = "Open-Orca"
A(C(id="mistral-7b-slimorca-8xa6000", name="Mistral-7B-SlimOrca: full fine-tune on ~500k SlimOrca entries x 4 epochs, 8x RTX A6000, 40 h",
    quality="A", architecture="dense (decoder-only, full fine-tune of Mistral-7B)", paramsTotal=7e9, samples=500e3, epochs=4,
    hardware="RTX A6000 48GB (workstation GPU)", devices=8, precision=None,
    target=dict(metric="gpuHours", value=8 * 40),
    source="Open-Orca/Mistral-7B-SlimOrca model card (Open-Orca, 2023), stored copy (file-index id 60303688480)",
    notes=("Card: 'The key change in this dataset is that we've done an additional pass, using GPT-4 to remove answers which appear wrong "
           "based on the human annotations from the FLAN dataset. This reduces the dataset size to only ~500k entries, allowing training "
           "to a similar quality level to our previous releases with 2/3 the compute requirement.' and 'We trained with 8x A6000 GPUs for "
           "40 hours, completing 4 epochs of full fine tuning on our dataset in one training run. Commodity cost was ~$240.' Citation "
           "title 'MistralSlimOrca: Mistral-7B Model Instruct-tuned on Filtered, Corrected, OpenOrcaV1 GPT-4 Dataset'. Target [D] = 8 x 40 "
           "= 320 A6000-hours. 7B = the base model named (Mistral-7B; 7.24B in its own card, not re-read). Sequence length / packing "
           "not stated in the card. Not footprint-5's SlimOrca-13B (ajibawa) row: a different model and group.")))
A(C(id="mistral-7b-openorca-8xa6000", name="Mistral-7B-OpenOrca: full fine-tune on filtered OpenOrca GPT-4 data, 4 epochs, 8x A6000, 62 h",
    quality="B", architecture="dense (decoder-only, full fine-tune of Mistral-7B)", paramsTotal=7e9, epochs=4,
    hardware="RTX A6000 48GB (workstation GPU)", devices=8, precision=None,
    target=dict(metric="gpuHours", value=8 * 62),
    source="Open-Orca/Mistral-7B-OpenOrca model card (Open-Orca, 2023), stored copies (file-index ids 26379324043, 20027577387)",
    notes=("Card: 'We used a curated, filtered selection of most of the GPT-4 augmented data from our OpenOrca dataset' ... 'It is the same "
           "subset of our data as was used in our OpenOrcaxOpenChat-Preview2-13B model.' and 'We trained with 8x A6000 GPUs for 62 hours, "
           "completing 4 epochs of full fine tuning on our dataset in one training run. Commodity cost was ~$400.' Target [D] = 8 x 62 = "
           "496 A6000-hours. The number of examples is not stated (B). 7B = base model named in the citation title ('MistralOrca: "
           "Mistral-7B Model Instruct-tuned on Filtered OpenOrcaV1 GPT-4 Dataset').")))
A(C(id="openorcaxopenchat-preview2-13b-8xa100", name="OpenOrcaxOpenChat-Preview2-13B: full fine-tune of Llama2-13B, 5 epochs, 8x A100-80G, 46 h",
    quality="B", architecture="dense (decoder-only, full fine-tune of Llama-2-13B, packed)", paramsTotal=13e9, epochs=5,
    hardware="A100 80GB", devices=8, precision="bf16",
    target=dict(metric="gpuHours", value=8 * 46),
    source="Open-Orca/OpenOrcaxOpenChat-Preview2-13B model card (Open-Orca / OpenChat, Aug 2023), stored copy (file-index id 60277468977)",
    notes=("Card: 'We have used our own OpenOrca dataset to fine-tune Llama2-13B using OpenChat packing.', 'We trained with 8x A100-80G GPUs "
           "for 46 hours, completing 5 epochs of full fine tuning on our dataset in one training run. This contrasts with the 20x A100-80G "
           "GPUs for 200 hours used in the Orca paper, for only 3 epochs', and 'The model was trained in bf16'. Target [D] = 8 x 46 = 368 "
           "A100-hours. Dataset size not stated beyond '<20% of the dataset size from the original Orca paper' (B). Not the excluded "
           "OpenOrca-Preview1-13B row (a different, earlier model).")))
A(C(id="llongorca-7b-16k-8xa6000", name="LlongOrca-7B-16k: Llama2-7B long-context (16k) instruct fine-tune, 4 epochs, 8x A6000-48GB, 37 h",
    quality="B", architecture="dense (decoder-only, full fine-tune of Llama-2-7B at 16k context)", paramsTotal=7e9, epochs=4, seqLen=16384,
    hardware="RTX A6000 48GB (first-generation A6000; workstation GPU)", devices=8, precision=None,
    target=dict(metric="gpuHours", value=8 * 37),
    source="Open-Orca/LlongOrca-7B-16k model card (Open-Orca, 2023), stored copy (file-index id 19973853800)",
    notes=("Card: 'We trained with 8x A6000-48GB (first-gen) GPUs for 37 hours, completing 4 epochs of full fine tuning on our dataset in "
           "one training run. Commodity cost was ~$200.' and 'We used the packing-attn branch of Axolotl during training.'; citation "
           "title 'LlongOrca7B: Llama2-7B Model Instruct-tuned for Long Context on Filtered OpenOrcaV1 GPT-4 Dataset'. Target [D] = 8 x "
           "37 = 296 A6000-hours. seqLen 16384 = the '16k' of the model name (the config file was not read). Dataset size not stated (B).")))
A(C(id="llongorca-13b-16k-8xh100", name="LlongOrca-13B-16k: Llama2-13B long-context (16k) instruct fine-tune, 4 epochs, 8x H100, 10 h",
    quality="B", architecture="dense (decoder-only, full fine-tune of Llama-2-13B at 16k context)", paramsTotal=13e9, epochs=4, seqLen=16384,
    hardware="H100 (memory / form factor not stated)", devices=8, precision=None,
    target=dict(metric="gpuHours", value=8 * 10),
    source="Open-Orca/LlongOrca-13B-16k model card (Open-Orca, 2023), stored copy (file-index id 19734006461)",
    notes=("Card: 'We trained with 8x H100 GPUs for 10 hours, completing 4 epochs of full fine tuning on our dataset in one training run. "
           "Commodity cost was ~$300.'; citation title 'LlongOrca13B: Llama2-13B Model Instruct-tuned for Long Context on Filtered "
           "OpenOrcaV1 GPT-4 Dataset'. Target [D] = 8 x 10 = 80 H100-hours. seqLen 16384 from the model name. Dataset size not stated (B).")))
A(C(id="jackalope-7b-8xa6000", name="Jackalope 7B: Mistral-7B multi-turn chat fine-tune, 4 epochs, 8x A6000, 96 h",
    quality="B", architecture="dense (decoder-only, full fine-tune of Mistral-7B)", paramsTotal=7e9, epochs=4,
    hardware="RTX A6000 48GB (workstation GPU)", devices=8, precision=None,
    target=dict(metric="gpuHours", value=8 * 96),
    source="openaccess-ai-collective/jackalope-7b model card (2023), stored copy (file-index id 19589245350)",
    notes=("Card (dataset list incl. PIPPA, MetaMathQA, riddle_sense ...): 'We trained with 8x A6000 GPUs for 96 hours, completing 4 epochs "
           "of full fine tuning on our dataset in one training run. Commodity cost was ~$650.'; citation title 'Jackalope 7B: Mistral-7B "
           "Model Multi-Turn Chat tuned on Filtered OpenOrcaV1 GPT-4 Dataset'. Target [D] = 8 x 96 = 768 A6000-hours. Example count not "
           "stated (B). The repository owner in the source line is recalled; the index does not name it.")))
A(C(id="nous-hermes-13b-8xa100", name="Nous-Hermes-13b: fine-tune of Llama-13b on 300k+ instructions at 2000 length, 8x A100-80GB, >50 h",
    quality="B", architecture="dense (decoder-only, full fine-tune of LLaMA-13B)", paramsTotal=13e9, samples=300e3, seqLen=2000,
    hardware="A100 80GB (one DGX machine)", devices=8, precision=None,
    target=dict(metric="gpuHours", value=8 * 50),
    source="NousResearch/Nous-Hermes-13b model card (2023), quoted as 'Original model card' in a stored derivative card (file-index id 60683815164)",
    notes=("Card: 'Nous-Hermes-13b is a state-of-the-art language model fine-tuned on over 300,000 instructions.', 'The result is an "
           "enhanced Llama 13b model', 'The fine-tuning process was performed with a 2000 sequence length on an 8x a100 80GB DGX machine "
           "for over 50 hours.' and 'The model is currently being uploaded in FP16 format' (release format, not training precision). "
           "Target [D] = 8 x 50 = 400 A100-hours, a LOWER bound ('over 50 hours'). samples 300k is also a lower bound ('over'); epochs "
           "not stated (B).")))
A(C(id="dolly-v1-6b-8xa100", name="Dolly v1 (dolly-v1-6b): GPT-J-6B fine-tuned on ~52K Alpaca records, one 8x A100-40GB machine, 30 min",
    quality="B", architecture="dense (decoder-only, full fine-tune of GPT-J-6B, DeepSpeed ZeRO-3)", paramsTotal=6e9, samples=52e3,
    hardware="A100 40GB", devices=8, precision=None,
    target=dict(metric="gpuHours", value=8 * 0.5),
    source="databricks/dolly-v1-6b model card (Databricks, March 2023), quoted in a stored overview note (file-index id 46413794320)",
    notes=("Quoted card text: 'Dolly-v1-6b is a 6 billion parameter causal language model created by Databricks that is derived from "
           "EleutherAI's GPT-J (released June 2021) and fine-tuned on a ~52K record instruction corpus (Stanford Alpaca) consisting of "
           "question/answer pairs ... Dolly was trained using deepspeed ZeRO 3 on the Databricks Machine Learning Platform in just 30 "
           "minutes using a single NDasrA100_v4 machine with 8x A100 40GB GPUs.' Target [D] = 8 x 0.5 h = 4 A100-hours. Epochs not stated "
           "in the text read (B; the card copy itself was not read). Not the excluded Alpaca 7B row (same data, different base model and "
           "group).")))

# ====================================================================== LoRA fine-tunes (Platypus 2; phi-1.5 on one RTX 4090)
PLAT = ("Lee, Hunter & Ruiz 2023, 'Platypus: Quick, Cheap, and Powerful Refinement of LLMs' (arXiv 2308.07317), quoted in a stored "
        "reading note (file-index id 11843846472)")
PLAT_Q = ("Quoted: 'Different from full fine-tuning methods, LoRA freezes pre-trained model weights and adds rank decomposition matrices "
          "into each layer of the transformer. ... For example, our 13B model was fine-tuned using 1 A100 80GB for 5 hours and our 70B "
          "model using 4 A100s 80GB for 22 hours.' ")
A(C(id="platypus2-13b-lora-1xa100", name="Platypus2-13B: LoRA fine-tune of Llama-2-13B on Open-Platypus, 1 A100-80GB, 5 h",
    quality="B", architecture="dense (decoder-only, LoRA on a frozen Llama-2-13B)", paramsTotal=13e9,
    hardware="A100 80GB", devices=1, precision=None,
    target=dict(metric="gpuHours", value=1 * 5), source=PLAT,
    notes=(PLAT_Q + "Target = 1 x 5 = 5 A100-hours. The Open-Platypus set size (~25k questions [R]) and epochs are not in the text read "
           "(B). LoRA: 6·N·D on 13B overstates (frozen base; forward + activation gradients only).")))
A(C(id="platypus2-70b-lora-4xa100", name="Platypus2-70B: LoRA fine-tune of Llama-2-70B on Open-Platypus, 4 A100-80GB, 22 h",
    quality="B", architecture="dense (decoder-only, LoRA on a frozen Llama-2-70B)", paramsTotal=70e9,
    hardware="A100 80GB", devices=4, precision=None,
    target=dict(metric="gpuHours", value=4 * 22), source=PLAT,
    notes=(PLAT_Q + "Target [D] = 4 x 22 = 88 A100-hours. Data amount not in the text read (B). Frozen-base caveat as for the 13B row.")))
A(C(id="phi-1.5-kotlin-lora-1xrtx4090", name="phi-1.5 Kotlin code completion: 4-bit + LoRA fine-tune on 100k snippets, one RTX 4090, ~4.5 h",
    quality="B", architecture="dense (decoder-only, LoRA on a 4-bit-quantised phi-1.5)", paramsTotal=1.3e9, samples=100e3,
    hardware="RTX 4090 24GB (consumer)", devices=1, precision="int4 (bitsandbytes base) + LoRA",
    target=dict(metric="gpuHours", value=4.5),
    source=("README of a JetBrains-internship Kotlin fine-tuning repository (2024; model published as rinapch/phi1.5-kotlin-finetune), "
            "stored copies (file-index ids 6768232633, 6690908347; the index does not name the repository)"),
    notes=("README: 'The numbers of samples are: train: 314k, validation: 3.17k, test: 3.2k', 'Since I'm GPU poor and needed to speed up "
           "the training, I used quantization with bitsandbytes and LoRA. The model was trained on a single RTX 4090 for approximately "
           "4.5 hours. For this, I sampled 100k observations from the train file.', 'the text is chunked by roughly 100 tokens' "
           "(prompt-completion pairs), and 'Train on the whole train set (it would take approximately 13 hrs)'. Target = 4.5 "
           "RTX-4090-hours ('approximately'). paramsTotal 1.3B = phi-1.5 [R] (the README names microsoft/phi-1_5 but not its size). "
           "Epochs not stated (one pass over the 100k sample implied, not stated). Not the excluded phi-1.5 pre-training or oo-phi-1_5 "
           "rows.")))

# ====================================================================== OpenLLaMA 7B (TPU v4), throughput-derived time
A(C(id="open-llama-7b-tpuv4", name="OpenLLaMA 7B (v1) pre-training on 1T RedPajama tokens, cloud TPU-v4, >2200 tokens/s/chip",
    quality="B", architecture="dense (decoder-only, LLaMA architecture, trained from scratch)", paramsTotal=7e9, tokens=1e12,
    hardware="TPU v4", devices=None, precision=None,
    target=dict(metric="gpuHours", value=1e12 / 2200 / 3600),
    source=("openlm-research/open_llama README / model card (Geng & Liu, OpenLM Research, 2023), stored copies (file-index ids 56859267053, "
            "4107853650)"),
    notes=("README: 'We train the models on cloud TPU-v4s using EasyLM, a JAX based training pipeline ... We employ a combination of normal "
           "data parallelism and fully sharded data parallelism (also know as ZeRO stage 3) to balance the training throughput and memory "
           "usage. Overall we reach a throughput of over 2200 tokens / second / TPU-v4 chip for our 7B model.' and (same README) the 7B model "
           "'trained on 1T tokens' of RedPajama [R: the 1T-token sentence was not re-read in this copy]. Target [D] = 1e12 / 2200 / 3600 = "
           "126,262.63 TPU-v4 chip-hours, an UPPER bound ('over 2200' tokens/s/chip) and throughput-derived (no wall-clock or chip count "
           "is published). Quality B. Not the excluded LLaMA rows (a reproduction trained from scratch by another group on other data).")))


# ====================================================================== Dolphin / Liberated fine-tunes (Eric Hartford et al.)
A(C(id="dolphin-2.2.1-mistral-7b-4xa100", name="dolphin-2.2.1-mistral-7b: full fine-tune of Mistral-7B on Dolphin + Airoboros + WizardLM/Samantha, 4 epochs, 4x A100, 48 h",
    quality="B", architecture="dense (decoder-only, full fine-tune of Mistral-7B-v0.1)", paramsTotal=7e9, epochs=4,
    hardware="A100 (memory not stated)", devices=4, precision=None,
    target=dict(metric="gpuHours", value=4 * 48),
    source="cognitivecomputations (ehartford)/dolphin-2.2.1-mistral-7b model card (2023), stored copy (file-index id 19143116157)",
    notes=("Card: 'base_model: mistralai/Mistral-7B-v0.1', 'It took 48 hours to train 4 epochs on 4x A100s.', and the hyperparameter list "
           "'learning_rate: 6e-06 ... distributed_type: multi-GPU - num_devices: 4 - gradient_accumulation_steps: 4 - total_train_batch_size: 80 "
           "... num_epochs: 4'. Target [D] = 4 x 48 = 192 A100-hours. Example count of the Dolphin mix not stated (B); 7B = base model named.")))
A(C(id="dolphin-2.5-mixtral-8x7b-4xa100", name="Dolphin 2.5 Mixtral 8x7b: qLoRA fine-tune of Mixtral-8x7B at 16k, 1.5 epochs, 4x A100, 3 days",
    quality="B", architecture="moe (decoder-only, Mixtral-8x7B: 8 experts, 2 active; qLoRA on a 4-bit frozen base)", paramsTotal=46.7e9,
    paramsActive=12.9e9, epochs=1.5, seqLen=16384,
    hardware="A100 (memory not stated)", devices=4, precision="int4 base (qLoRA)",
    target=dict(metric="gpuHours", value=days(4, 3)),
    source="cognitivecomputations (ehartford)/dolphin-2.5-mixtral-8x7b model card (Dec 2023), stored copies (file-index ids 2429686651, 8883500705)",
    notes=("Card: 'This model is based on Mixtral-8x7b', 'The base model has 32k context, I finetuned it with 16k.' and 'It took 3 days to train "
           "1.5 epochs on 4x A100s using qLoRA and Axolotl'. Target [D] = 4 x 3 x 24 = 288 A100-hours. paramsTotal 46.7B / active 12.9B are "
           "Mixtral-8x7B's published sizes [R] (not in this card). Example count not stated (B). qLoRA: frozen 4-bit base, adapters trained.")))
A(C(id="dolphincoder-starcoder2-15b-8xh100", name="DolphinCoder StarCoder2 15b: qLoRA fine-tune of StarCoder2-15B on coding instruction data, 3 epochs, 8x H100, 3 days",
    quality="B", architecture="dense (decoder-only code LM; qLoRA on a frozen StarCoder2-15B)", paramsTotal=15e9, epochs=3,
    hardware="H100 (memory / form factor not stated)", devices=8, precision="int4 base (qLoRA)",
    target=dict(metric="gpuHours", value=days(8, 3)),
    source="cognitivecomputations/dolphincoder-starcoder2-15b model card (2024), stored copy (file-index id 12935031794)",
    notes=("Card: 'This model is based on StarCoder2-15b', datasets listed (dolphin, airoboros-2.2.1, dolphin-coder, openhermes, "
           "Magicoder-OSS-Instruct-75K, Magicoder-Evol-Instruct-110K, Code-Feedback ...), and 'It took 3 days to train 3 epochs on 8x H100s "
           "using qLoRA and Axolotl'. Target [D] = 8 x 3 x 24 = 576 H100-hours. Example count of the mix not stated (B). Not the excluded "
           "StarCoder2-7B DP run nor StarCoderBase.")))
A(C(id="liberated-qwen1.5-72b-8xh100", name="Liberated-Qwen1.5-72B: qLoRA fine-tune of Qwen1.5-72B at 8k, 3 epochs, 8x H100, 3 days",
    quality="B", architecture="dense (decoder-only; qLoRA + DeepSpeed ZeRO-2 on a frozen Qwen1.5-72B)", paramsTotal=72e9, epochs=3, seqLen=8192,
    hardware="H100 (memory / form factor not stated)", devices=8, precision="int4 base (qLoRA)",
    target=dict(metric="gpuHours", value=days(8, 3)),
    source="abacusai/Liberated-Qwen1.5-72B model card (AbacusAI / Eric Hartford, 2024), stored copy (file-index id 13553781198)",
    notes=("Card: 'This model is based on Qwen/Qwen1.5-72B', 'The base model has 32k context, I finetuned it with 8k sequence length inputs.', "
           "datasets OpenHermes-2.5, Code-Feedback, CodeFeedback-Filtered-Instruction and SystemChat ('The dataset is 6000 synthetic "
           "conversations' — SystemChat only), and 'It took 3 days to train 3 epochs on 8x H100s using qLoRA, deepspeed zero-2, and Axolotl. "
           "learning rate 2e-4.' Target [D] = 8 x 3 x 24 = 576 H100-hours. Total example count not stated (B).")))


# ====================================================================== Phind CodeLlama 34B fine-tunes (A100 80GB)
A(C(id="phind-codellama-34b-v2-32xa100", name="Phind-CodeLlama-34B-v2: native fine-tune of Phind-CodeLlama-34B-v1 on 1.5B more tokens at 4096, 32 A100-80GB, 15 h",
    quality="A", architecture="dense (decoder-only code LM; full fine-tune, DeepSpeed ZeRO-3 + FlashAttention 2)", paramsTotal=34e9,
    tokens=1.5e9, seqLen=4096, hardware="A100 80GB", devices=32, precision=None,
    target=dict(metric="gpuHours", value=480),
    source=("Phind/Phind-CodeLlama-34B-v2 model card (Phind, Aug 2023), quoted as 'Original model card' in a stored GPTQ card copy "
            "(file-index ids 13428449254, 12936698883)"),
    notes=("Card: 'We've fine-tuned Phind-CodeLlama-34B-v1 on an additional 1.5B tokens high-quality programming-related data', '... 1.5B "
           "tokens of high quality programming problems and solutions ... LoRA was not used -- both models are a native finetune. We used "
           "DeepSpeed ZeRO 3 and Flash Attention 2 to train these models in 15 hours on 32 A100-80GB GPUs. We used a sequence length of 4096 "
           "tokens.' and 'Hardware Type: 32x A100-80GB - Hours used: 480 GPU-hours - Cloud Provider: AWS - Compute Region: us-east-1'. "
           "Target = 480 A100-hours as stated (= 32 x 15). 34B = the CodeLlama-34B base. Precision not stated.")))
A(C(id="phind-codellama-34b-v1-32xa100", name="Phind-CodeLlama-34B-v1: native fine-tune of CodeLlama-34B on ~80k problems x 2 epochs at 4096, 32 A100-80GB, 90 GPU-hours",
    quality="A", architecture="dense (decoder-only code LM; full fine-tune, DeepSpeed ZeRO-3 + FlashAttention 2)", paramsTotal=34e9,
    samples=80e3, epochs=2, seqLen=4096, hardware="A100 80GB", devices=32, precision=None,
    target=dict(metric="gpuHours", value=90), also=[dict(metric="gpuHours", value=32 * 3)],
    source=("Phind/Phind-CodeLlama-34B-v1 and -Python-v1 model cards (Phind, Aug 2023), stored copies (file-index ids 36520056337 [page copy "
            "of the v1 card], 19224282537 [-Python-v1 card])"),
    notes=("Card: 'This model is fine-tuned from CodeLlama-34B and achieves 67.6% pass@1 on HumanEval.', 'We fined-tuned on a proprietary "
           "dataset of ~80k high quality programming problems and solutions. ... The Phind models were trained for 2 epochs, for a total of "
           "~160k examples shown. LoRA was not used -- both models are a native finetune. We used DeepSpeed ZeRO 3 and Flash Attention 2 to "
           "train these models in three hours on 32 A100-80GB GPUs. We used a sequence length of 4096 tokens.' and 'Training details - "
           "Hardware Type: 32x A100-80GB - Hours used: 90 GPU-hours - Cloud Provider: AWS - Compute Region: us-east-1'. Target = 90 "
           "A100-hours as stated in the card's training-details block; also = 32 x 3 h = 96 (the prose, 'three hours', rounded). Same figures "
           "in the -Python-v1 card (a sibling run, not labelled separately).")))

# ====================================================================== QLoRA continued pre-training on one Tesla P100 (Kaggle)
A(C(id="swahili-gemma-1b-qlora-1xp100", name="Swahili Gemma 1B: 4-bit LoRA continued pre-training, 500 steps x 32 x 512 tokens, one Tesla P100 (Kaggle), ~4.5 h",
    quality="A", architecture="dense (decoder-only; LoRA r=8 on a 4-bit NF4 Gemma-1B-based base)", paramsTotal=1e9,
    tokens=500 * 32 * 512, seqLen=512, hardware="Tesla P100 16GB", devices=1, precision="int4 (NF4 base) + LoRA",
    target=dict(metric="gpuHours", value=4.5), also=[dict(metric="co2eKg", value=0.2)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=None, basis="CO2 from the ML CO2 Impact calculator (card), region unknown"),
    source="Swahili Linguistic Foundation Model (LoRA adapter for CraneAILabs/swahili-gemma-1b) model card, NIRU AI Hackathon 2026, stored copy (file-index id 10387432231)",
    notes=("Card: 'further pretrained on 18 million tokens of diverse Swahili text', 'Preprocessing: Sequence packing for 100% token "
           "utilization', 'LoRA Rank: 8 ... Batch Size: 2 (effective 32 with gradient accumulation) - Max Sequence Length: 512 - Training "
           "Steps: 500 (early stopped)', 'Training Time: ~4.5 hours on Tesla P100', 'Hardware Type: NVIDIA Tesla P100 (16GB VRAM) - Hours used: "
           "4.5 hours - Cloud Provider: Kaggle ... Carbon Emitted: Estimated 0.2 kg CO2', 'Base Architecture: Gemma 1B with Swahili "
           "adaptations', 'Quantization: 4-bit NF4 with double quantization', 'Single GPU training'. Tokens [D] = 500 x 32 x 512 = 8,192,000 "
           "(packed; the run stopped before one pass over the 18M-token corpus). paramsTotal 1B from 'Gemma 1B'. QLoRA: frozen base.")))

# ====================================================================== SEA-LION-ModernBERT-300M (H200)
A(C(id="sea-lion-modernbert-300m-h200", name="SEA-LION-ModernBERT-300M: encoder pre-training 2T + mid-training 1T tokens (13 languages + code), H200, 1,825 GPU-hours",
    quality="B", architecture="dense-encoder (ModernBERT-base architecture, 22 layers, Gemma-3 tokenizer, 262K vocabulary)", paramsTotal=0.3e9,
    tokens=3e12, seqLen=8192, hardware="H200 141GB", devices=None, precision=None,
    target=dict(metric="gpuHours", value=1825), also=[dict(metric="co2eKg", value=513.27)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=None, basis="CO2 'estimated using the fact sheet from TRG Datacenters' (H200 power); Singapore"),
    source="AI Singapore SEA-LION-ModernBERT documentation and aisingapore/SEA-LION-ModernBERT-300M model card (2026), archived copy (file-index id 66080892744)",
    notes=("Docs: 'The models are pre-trained from scratch through a two-phase pipeline, beginning with an extensive initial stage on 2 trillion "
           "tokens, followed by a mid-training phase on an additional 1 trillion tokens.', 'Context length: 8k', table '| Layers | 22 | "
           "d_model | 768 ... | Sequence Length | 8k |', hub metadata 'Model size 0.3B params', and 'Environmental Impact ... Hardware Type: Nvidia "
           "H200 140GB GPUs - Hours used: 1,825 GPU hours - Cloud Provider: SMC H200 - Compute Region: Singapore - Carbon Emitted: appx. 513.27 "
           "kg CO2 e'. Target = 1,825 H200-hours as stated. Quality B: the Environmental Impact block sits on a family page (300M and 600M "
           "variants, pre-training and fine-tuned embedding models) and does not say which run it covers; 1,825 H200-hours for 3T tokens on "
           "0.3B would need very high utilisation, so it may cover only a part. Not the excluded ModernBERT rows (none were labelled).")))

# ====================================================================== IDEFICS-9b (multimodal, A100 80GB)
IDF = "HuggingFaceM4/idefics-80b model card (Hugging Face, Aug 2023), Environmental Impact section, stored copy (file-index id 47390692547)"
IDF_Q = ("Card: 'The IDEFICS models were trained on an AWS SageMaker cluster with 8x80GB A100 GPUs nodes and EFA network.' and 'IDEFICS-9b "
         "pretraining - Hardware Type: 128 NVIDIA A100 GPUs - Hours used: 350 hours - Cloud Provider: AWS - Compute Region: US-West 2 (288g "
         "CO2eq/kWh) - Carbon Emitted: 5,160 kg of CO2eq'; 'IDEFICS-9b-instruct finetuning - Hardware Type: 128 NVIDIA A100 GPUs - Hours used: "
         "70 hours ... Carbon Emitted: 1,032 kg of CO2eq'. The model is 'built on top of two pre-trained models: laion/CLIP-ViT-H-14 ... and "
         "huggyllama/llama-65b' (for 80B; the 9B uses LLaMA-7B [R]); 'The two pre-trained models are connected to each other with newly "
         "initialized parameters that we train.' ")
A(C(id="idefics-9b-pretrain-128xa100", name="IDEFICS-9b pre-training (Flamingo-style VLM on frozen LLaMA-7B + CLIP ViT-H), 128 A100-80GB, 350 h",
    quality="B", modality="multimodal", architecture="dense (frozen LLM + frozen vision encoder; gated cross-attention / perceiver trained)",
    paramsTotal=9e9, hardware="A100 80GB", devices=128, precision=None,
    target=dict(metric="gpuHours", value=128 * 350), also=[dict(metric="co2eKg", value=5160)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=288, basis="card's CO2 at 288 g CO2eq/kWh (US-West 2); implies ~17.9 MWh"),
    source=IDF,
    notes=(IDF_Q + "Target [D] = 128 x 350 = 44,800 A100-hours. Token / image counts of the 9b run were not read (B). 350 h is read as wall-clock "
           "per GPU (128 GPUs listed). Not the excluded IDEFICS-80B / -80b-instruct rows.")))
A(C(id="idefics-9b-instruct-128xa100", name="IDEFICS-9b-instruct fine-tuning of IDEFICS-9b, 128 A100-80GB, 70 h",
    quality="B", modality="multimodal", architecture="dense (frozen LLM + frozen vision encoder; cross-attention layers fine-tuned)",
    paramsTotal=9e9, hardware="A100 80GB", devices=128, precision=None,
    target=dict(metric="gpuHours", value=128 * 70), also=[dict(metric="co2eKg", value=1032)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=288, basis="card's CO2 at 288 g CO2eq/kWh (US-West 2)"),
    source=IDF,
    notes=(IDF_Q + "Target [D] = 128 x 70 = 8,960 A100-hours. Instruction-data size not read (B).")))

# ====================================================================== BERT-based multi-label classifier on one Quadro RTX 8000
A(C(id="tvl-general-layer-classifier-1xrtx8000", name="TVL_GeneralLayerClassifier: BERT fine-tune for 4-label classification, 10 epochs, one Quadro RTX 8000, 2 h 56 min",
    quality="B", architecture="dense-encoder (BERT, 12 layers, sequence classification head)", paramsTotal=102e6, epochs=10, seqLen=512,
    hardware="Quadro RTX 8000 48GB (workstation GPU)", devices=1, precision="fp32",
    target=dict(metric="gpuHours", value=2 + 56 / 60),
    source="scfengv/TVL_GeneralLayerClassifier model card (2024), stored copies (file-index ids 49867871372, 49032744517)",
    notes=("Card: 'Hardware Type: NVIDIA Quadro RTX8000 - Library: PyTorch - Hours used: 2hr 56mins', 'Learning rate: 1e-05 Batch size: 32 "
           "Number of epochs: 10 Optimizer: Adam Loss function: torch.nn.BCEWithLogitsLoss()', 'Total parameters: ~102M (estimated) - All "
           "parameters are in 32-bit floating point (F32) format', 'Supports sequences up to 512 tokens', training data "
           "scfengv/TVL-general-layer-dataset (train split; its size not stated in the card). Target [D] = 2 + 56/60 = 2.93 GPU-hours. "
           "devices 1: the card names a single GPU ('NVIDIA Quadro RTX8000'). fp32 = the stored weight format (training precision not "
           "stated separately). Quality B: dataset size missing, parameter count 'estimated'.")))


# ====================================================================== small single-card / two-card runs with an ML-CO2-calculator block
A(C(id="camembert-bio-base-2xv100", name="CamemBERT-bio: continued MLM pre-training of camembert-base on 413M French biomedical words, 50k steps, 2 V100, 39 h",
    quality="B", architecture="dense-encoder (RoBERTa-base / CamemBERT, whole-word masking; continued pre-training)", paramsTotal=110e6,
    hardware="V100 (memory not stated)", devices=2, precision=None,
    target=dict(metric="gpuHours", value=2 * 39), also=[dict(metric="co2eKg", value=0.84)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=None, basis="card's CO2 estimate (INRIA clusters, Paris); method not stated"),
    source="almanach/camembert-bio-base model card / project page (Touchent & Villemonte de La Clergerie, Inria, April 2023), stored copy (file-index id 19283302193)",
    notes=("Card: 'CamemBERT-bio is a state-of-the-art french biomedical language model built using continual-pretraining from camembert-base. "
           "It was trained on a french public biomedical corpus of 413M words', corpus table 'ISTEX 276 M, CLEAR 73 M, E3C 64 M, Total 413 M', "
           "'We trained the model using the Masked Language Modeling (MLM) objective with Whole Word Masking for 50k steps during 39 hours "
           "with 2 Tesla V100.' and 'Hardware Type: 2 x Tesla V100 - Hours used: 39 hours - Provider: INRIA clusters - Compute Region: Paris, "
           "France - Carbon Emitted: 0.84 kg CO2 eq.' Target [D] = 2 x 39 = 78 V100-hours (the card's 'Hours used: 39' is wall-clock on 2 "
           "GPUs). paramsTotal 110M = camembert-base [R]. Batch size / sequence length not stated, so tokens processed are unknown (B).")))
A(C(id="economind-mistral-7b-qlora-1xa100", name="EconoMind: QLoRA SFT of Mistral-7B-Instruct-v0.2 (GPTQ) on 5,000 finance instructions, one A100-SXM4-40GB, 3 h",
    quality="B", architecture="dense (decoder-only; QLoRA adapters on a GPTQ-quantised Mistral-7B-Instruct-v0.2)", paramsTotal=7e9, samples=5000,
    hardware="A100 40GB (SXM4)", devices=1, precision="int4 base (GPTQ) + LoRA",
    target=dict(metric="gpuHours", value=3), also=[dict(metric="co2eKg", value=0.02)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=None, basis="ML CO2 Impact calculator (card)"),
    source="Markoskokos/EconoMind model card (Mark Mazur, 2025), stored copy (file-index id 66468755706)",
    notes=("Card: 'EconoMind is a fine-tuned version of Mistral-7B-Instruct-v0.2-GPTQ ... a dense model with 7 billion parameters. The fine-tuning "
           "process was implemented by Quantized Low-Rank Adaptation (QLoRA)', 'EconoMind was trained on Josephgflowers/Finance-Instruct-500k "
           "dataset from huggingface, however only 5000 of samples were used for training_dataset.', and 'Hardware Type: One NVIDIA "
           "A100-SXM4-40GB - Hours used: 3 - Cloud Provider: Google Deep Learning VM' ... 'Carbon Emitted: 0.02 kg CO2 eq'. Target = 3 "
           "A100-hours. Epochs / sequence length not stated (B).")))
A(C(id="acuvity-prompt-injection-distilbert-1xh100", name="Acuvity prompt-injection classifier: fine-tune of distilbert-base-uncased, H100, 6.21 h",
    quality="B", architecture="dense-encoder (DistilBERT, sequence classification; full fine-tune)", paramsTotal=66e6,
    hardware="H100 (form factor not stated)", devices=1, precision=None,
    target=dict(metric="gpuHours", value=6.21), also=[dict(metric="co2eKg", value=0.05)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=None, basis="ML CO2 Impact calculator (card)"),
    source="acuvity/prompt-injection model card (Acuvity Inc., 2024), stored copy (file-index id 58210780505)",
    notes=("Card: 'Finetuned from model: distilbert/distilbert-base-uncased', datasets Lakera/gandalf_ignore_instructions, "
           "christopher/rosetta-code, HuggingFaceH4/ultrachat_200k plus hand-collected prompts, and 'Hardware Type: NVIDIA H100 Tensor Core GPU "
           "- Hours used: 6.21 Hours - Compute Region: NA - Carbon Emitted: 0.05 kg CO2'. Target = 6.21 H100-hours; one GPU is read from the "
           "singular hardware line [D]. paramsTotal 66M = DistilBERT-base [R]. Example count / epochs not stated (B). Not the excluded "
           "DistilBERT pre-training row.")))


A(C(id="sea-lion-e5-embedding-600m-h200", name="SEA-LION-E5-Embedding-600M: E5-style contrastive pre-training (245M pairs) + fine-tuning (13M pairs) of an XLM-R-large encoder, H200, 896 GPU-hours",
    quality="B", architecture="dense-encoder (XLM-R large, mean pooling; contrastive training)", paramsTotal=560e6, samples=245e6 + 13e6,
    seqLen=512, hardware="H200 141GB", devices=None, precision=None,
    target=dict(metric="gpuHours", value=896), also=[dict(metric="co2eKg", value=252.13)],
    convention=dict(powerW=None, pue=None, intensityGPerKWh=None, basis="CO2 'estimated using the fact sheet from TRG Datacenters' (H200 power); Singapore"),
    source="aisingapore/SEA-LION-E5-Embedding-600M model card (AI Singapore, 2026), stored copy (file-index id 56552690155)",
    notes=("Card: 'Contrastive Pre-training: 245 million text pairs (EN-EN and EN-SEA) to enhance cross-lingual alignment.' and 'Fine-tuning: 13 "
           "million diverse text pairs ... to create the final fine-tuned model.', 'SEA-LION-E5-Embedding-600M is an encoder-only model based on "
           "XLM-R Large with E5-style contrastive pre-training and mean pooling', table '| Sequence Length | 512 |', and 'Hardware Type: Nvidia "
           "H200 140GB GPUs - Hours used: 896 hrs - Cloud Provider: SMC H200 - Compute Region: Singapore - Carbon Emitted: appx. 252.13 kg CO2 "
           "e'. Target = 896 H200-hours as stated. samples = 245M + 13M pairs; epochs not stated (left null). "
           "paramsTotal 560M = XLM-R large [R] (the name says 600M). Quality B: epochs, batch and device count not stated.")))


# ====================================================================== older single-node encoder / LM runs on consumer & prosumer cards
A(C(id="clinical-bert-1xtitanx", name="Clinical BERT (Alsentzer et al.): MIMIC-III continued pre-training from BioBERT, 150k steps x 32 x 128, one GTX TITAN X, ~17-18 days",
    quality="B", architecture="dense-encoder (BERT-base, MLM + NSP; initialised from BioBERT-Base v1.0)", paramsTotal=110e6,
    tokens=150000 * 32 * 128, seqLen=128, hardware="GeForce GTX TITAN X 12GB (consumer)", devices=1, precision=None,
    target=dict(metric="gpuHours", value=17.5 * 24),
    source=("Alsentzer et al. 2019, 'Publicly Available Clinical BERT Embeddings' (ClinicalNLP workshop, arXiv 1904.03323), read via a reading "
            "note (file-index id 2555257645) and the emilyalsentzer/Bio_ClinicalBERT model card copy (id 512550672)"),
    notes=("Model card: 'The model was trained using code from Google's BERT repository on a GeForce GTX TITAN X 12 GB GPU. Model parameters were "
           "initialized with BioBERT (BioBERT-Base v1.0 + PubMed 200K + PMC 270K).', 'We used a batch size of 32, a maximum sequence length of "
           "128, and a learning rate of 5 · 10−5 for pre-training our models. The models trained on all MIMIC notes were trained for 150,000 "
           "steps. The dup factor ... was set to 5', corpus 'All notes from the NOTEEVENTS table were included (~880M words)'. Reading note of "
           "the paper: 'Entire embedding model procedure took roughly 17 - 18 days of computational runtime - Using a single GeForce GTX TITAN X "
           "12 GB GPU (and significant CPU power and memory for pre-processing tasks).' Target [D] = 17.5 days x 24 = 420 GPU-hours (midpoint). "
           "Tokens [D] = 150,000 x 32 x 128 = 614.4M (upper bound). Quality B: 'entire embedding model procedure' may cover all four released "
           "variants (Clinical / Discharge-summary x BERT / BioBERT init) and the pre-processing, not one 150k-step run; secondhand copy. "
           "110M = BERT-base [R]. Not the excluded BioBERT rows (a different, later continued pre-training).")))
A(C(id="elmo-original-3xgtx1080", name="ELMo (original, bilm-tf) biLM pre-training on the 1B Word Benchmark, 10 epochs, 3 GTX 1080, ~2 weeks",
    quality="B", architecture="dense (character-CNN + 2-layer biLSTM language model)", paramsTotal=93.6e6, tokens=10 * 0.8e9,
    hardware="GeForce GTX 1080 8GB (consumer)", devices=3, precision=None,
    target=dict(metric="gpuHours", value=days(3, 14)),
    source=("allenai/bilm-tf README (Peters et al., AllenNLP, 2018), quoted in a stored study note (file-index id 20812015888)"),
    notes=("Quoted README: 'The script bin/train_elmo.py has hyperparameters for training the model. The original model was trained on 3 GTX 1080 "
           "for 10 epochs, taking about two weeks.' and 'we used the raw 1 Billion Word Benchmark dataset ... the existing vocabulary of 793,471 "
           "tokens'. Target [D] = 3 x 14 x 24 = 1,008 GPU-hours ('about two weeks'). Tokens [D] = 10 epochs x ~0.8B training tokens of the "
           "1B Word Benchmark [R] (the README gives the vocabulary size, not the corpus token count) = 8B. paramsTotal 93.6M = the original "
           "ELMo size [R]. Quality B: coarse time, recalled corpus size and parameter count, secondhand copy.")))


A(C(id="mamba2-1.3b-qat-distill-1xh100", name="Mamba-2 1.3B grouped quantisation-aware training with distillation from an FP16 teacher, 102M tokens, one H100, ~4 GPU-hours",
    quality="B", architecture="ssm (Mamba-2, 1.3B; QAT student + frozen FP16 teacher forward)", paramsTotal=1.3e9, tokens=102e6,
    hardware="H100 (form factor not stated)", devices=1, precision=None,
    target=dict(metric="gpuHours", value=4),
    source="preprint summary of a Mamba-2 quantisation-aware-training paper (2026), stored reading digest (file-index id 54650466206)",
    notes=("Digest: 'The focus is on compressing the Mamba-2 model, which has 1.3 billion parameters, achieving a compression ratio of 3.61x, "
           "reducing the model size from 2,687 MB to 744 MB. The training process is conducted using only 102 million tokens and requires "
           "approximately 4 GPU-hours on a single H100 GPU.' and 'grouped quantization-aware training (QAT) framework that utilizes knowledge "
           "distillation from a frozen FP16 teacher model'. Target = 4 H100-hours ('approximately'). Quality B: secondhand digest of a preprint; "
           "the teacher's forward pass adds compute beyond 6·N·D of the student.")))


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
    assert c["hardware"], c["id"]

out = dict(set="footprint-heldout-7", created=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
           description=("Seventh held-out set of published training runs for validating the Green ML Review footprint estimator. Built "
                        "without running the estimator and without reading product code; no model/run of /work/excluded-runs.txt "
                        "(development cases and footprint-heldout-1..6). gpuHours means accelerator-hours. [R] = recalled/secondary, "
                        "not re-read in the primary this session; [D] = derived arithmetic shown in notes and in make_cases.py."),
           cases=cases)
ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids))
for c in cases:
    assert c["quality"] in ("A", "B") and c["target"]["metric"] in ("gpuHours", "energyKWh") and c["source"] and c["notes"]
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases;", sum(c["quality"] == "A" for c in cases), "quality A")
