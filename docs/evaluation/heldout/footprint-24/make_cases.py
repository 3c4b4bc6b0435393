"""Builds footprint-heldout-24 (cases.json next to this file).

Every number below is either copied from the quoted sentence / card line in the case's notes or computed here from such
numbers (GPUs x days x 24, GPUs x hours, steps x batch, hours of audio x frame rate). Nothing is fitted, nothing is recalled
(a value that was not in the text read is null), and the Green ML Review estimator was never run on these cases.
[D] = derived here.
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

# ====================================================================== text (protein): 16B protein LM pre-training on 256x H100
AP_GPUS, AP_DAYS = 256, 25
AP_TOK_MAIN, AP_TOK_CONT = 1_200_000_000_000, 100_000_000_000
A(C(id="aido-protein-16b-plm-1.3t-aa-gbs2048-256xh100-25d",
    name="AIDO.Protein 16B (GenBio AI): 16B protein language model pre-trained on 1.2T amino acids (UniRef90 + ColabFoldDB) then 100B more (UniRef90), Megatron-LM, GBS 2048, 256x H100, 25 days",
    quality="C", modality="text",
    architecture="transformer protein LM, single-amino-acid tokens (44-token vocabulary); dense vs mixture-of-experts not stated in the text read",
    paramsTotal=16_000_000_000, tokens=AP_TOK_MAIN + AP_TOK_CONT,
    hardware="H100 (memory not stated)", devices=AP_GPUS, precision="bf16-mixed (card: 'Mixed FP32-BF16')",
    target=dict(metric=GPUH, value=AP_GPUS * AP_DAYS * 24),
    source="Hugging Face model card genbio-ai/AIDO.Protein-16B (https://huggingface.co/genbio-ai/AIDO.Protein-16B), 'Data', "
           "'Training Details' and 'Tokenization' sections as shown in the card commit 75a364ee65768af3f6c46da1bac869e99811d6ed "
           "(https://huggingface.co/genbio-ai/AIDO.Protein-16B/commit/75a364ee65768af3f6c46da1bac869e99811d6ed); read as the search "
           "tool's stored page",
    notes="Card: 'We initially trained AIDO.Protein with 1.2 trillion amino acids sourced from the combination of Uniref90 and "
          "ColabeFoldDB databases. ... AIDO.Protein is further trained on an additional 100 billion amino acids from Uniref90.' "
          "'The weights of our 16 billion parameter model occupy over 200GB of memory in 32 bit precision. To train a model of this "
          "size, we use model and tensor parallelism to split training across 256 H100 GPUs using the Megatron-LM framework. We also "
          "employed bfloat16 mixed precision training to allow for training with large context length at scale. With this "
          "configuration, AIDO.Protein 16B took 25 days to train.' Table: 'Global Batch Size | 2048', 'Per Device Micro Batch Size | "
          "8', 'Precision | Mixed FP32-BF16'. 'We encode protein sequence with single amino acid resolution with 44 vocabularies' "
          "(so one amino acid = one token). tokens [D] = 1.2e12 + 1.0e11 = 1.3e12 amino-acid tokens. Target [D] = 256 x 25 x 24 = "
          "153,600 H100-hours. Open points (why C): (1) 'trained with 1.2 trillion amino acids' is read as tokens processed; the "
          "card does not say whether it is the corpus size or the tokens seen; (2) it is not stated whether the 25 days include the "
          "100B-token continuation; (3) the sequence length and number of steps are not in the text read (GBS 2048 sequences; "
          "micro batch 8 x 256 GPUs = 2,048, i.e. no gradient accumulation [D]); (4) whether the 16B model is dense or a mixture of "
          "experts is not in the text read, so paramsActive is null."))

# ====================================================================== speech: full-duplex Hindi speech LM (Moshi) continued pre-training
HM_HOURS_AUDIO, HM_FRAME_HZ, HM_STEPS, HM_BATCH, HM_GPUS, HM_H = 26_000, 12.5, 10_000, 64, 8, 13
A(C(id="human-1-hindi-moshi-7b-stage1-26k-h-audio-1ep-10k-steps-bs64-8xh100-80gb-13h",
    name="Human-1 (JoshTalks, Hindi Moshi): stage-1 pre-training of Moshi's 7B Temporal Transformer on 26,000 h of Hindi conversation, 1 epoch (~10,000 steps, effective batch 64), 8x H100 80GB, ~13 h",
    quality="C", modality="speech",
    architecture="Moshi RQ-Transformer (7B Temporal Transformer over 17 streams per 12.5 Hz timestep + Depth Transformer; frozen Mimi codec), initialised from kyutai/moshiko-pytorch-bf16 with the text vocabulary re-initialised",
    paramsTotal=7_000_000_000, tokens=int(HM_HOURS_AUDIO * 3600 * HM_FRAME_HZ),
    samples=HM_STEPS * HM_BATCH, epochs=1,
    hardware="H100 80GB", devices=HM_GPUS,
    target=dict(metric=GPUH, value=HM_GPUS * HM_H),
    source="Hugging Face model card JoshTalksAI/Human-1 (https://huggingface.co/JoshTalksAI/Human-1): 'Two-stage training recipe' as "
           "shown in card commit 1130d5dfe922cc9eec9f513c9c6ccb97339d0f13; the architecture paragraph as shown (removed) in card "
           "commit ba280f6bdaa74c4dd322f875d7c3e362b06abebe; 'Model Details' table of README.md at revision 94016dc; read as the "
           "search tool's stored pages",
    notes="Card: '**Stage 1 - Pre-training** on the full 26,000-hour corpus. Learning rate of 3x10^-5 (matching original Moshi "
          "pre-training). AdamW with b1=0.9, b2=0.95, weight decay 0.1. Effective batch size of 64 (~2.9 hours of audio per update). "
          "Trained for 1 epoch (~10,000 steps) in approximately 13 hours on 8x NVIDIA H100 80GB GPUs.' Earlier card text: 'The "
          "RQ-Transformer is a hierarchical architecture. The Temporal Transformer (7B parameters) models 17 parallel streams per "
          "timestep (1 text + 8 Moshi audio + 8 user audio). The Depth Transformer then autoregressively generates 16 audio tokens'. "
          "Model Details: 'Base model kyutai/moshiko-pytorch-bf16', 'Audio codec Mimi (frozen, 12.5 Hz, 1.1 kbps)', 'Format "
          "SafeTensors (fp32)'; the Hindi tokenizer 'required reinitialisation of three vocabulary-dependent parameter groups'. "
          "samples [D] = 10,000 steps x 64 = 640,000 sequences; cross-check [D]: 10,000 x 2.9 h = 29,000 h vs the stated 26,000 h "
          "for one epoch (the '~' figures agree within 12 %). tokens [D] = 26,000 h x 3,600 s x 12.5 Hz = 1.17e9 Temporal-Transformer "
          "timesteps (each timestep is one position of the 7B transformer carrying 17 streams; the Depth Transformer's 16 inner "
          "steps per timestep are not counted). Per-sample length [D] ~ 2.9 h / 64 = 163 s = ~2,040 timesteps (not stated, so seqLen "
          "is null). paramsTotal = the stated 7B of the Temporal Transformer; the Depth Transformer's size is not in the text read. "
          "Precision of training not stated (checkpoint stored fp32). Target [D] = 8 x 13 h = 104 H100-hours, stage 1 only (stage 2 "
          "fine-tuning on ~990 h has no duration in the text read). Quality C: parameter count covers only the main transformer, "
          "tokens are derived from audio hours and frame rate, and duration is 'approximately'."))

# ====================================================================== text: small Llama-2-style LM pre-trained from scratch on one A100 (CodeCarbon-tracked)
TT_PARAMS, TT_STEPS, TT_TOKENS, TT_CTX, TT_H = 162_417_408, 457_969, 3_700_000_000, 2048, 36
A(C(id="teenytinyllama-160m-pt-from-scratch-457969-steps-3.7b-tok-ctx2048-1xa100-40gb-36h",
    name="TeenyTinyLlama-160m: 162M Llama-2-style Portuguese LM pre-trained from scratch, 457,969 steps (3.7B tokens of a 6.2B-token corpus), context 2048, one A100-SXM4-40GB, ~36 h (CodeCarbon 5.6 kg CO2)",
    quality="B", architecture="decoder-only transformer (Llama 2 architecture, TinyLlama implementation)",
    paramsTotal=TT_PARAMS, tokens=TT_TOKENS, seqLen=TT_CTX,
    hardware="A100 40GB", devices=1,
    target=dict(metric=GPUH, value=1 * TT_H),
    also=[dict(metric="energyKWh", value=15.5), dict(metric="co2eKg", value=5.6)],
    source="Hugging Face model card nicholasKluge/TeenyTinyLlama-160m (https://huggingface.co/nicholasKluge/TeenyTinyLlama-160m): "
           "'Details' list as shown in card commits b995a940bf1296287e0a144e40781aa88cdd3a5b (steps and token count), "
           "183333a23dce2e67a5c4e550c2090050176cdf38 (parameter count, energy-per-checkpoint table), "
           "f4161a71dc8212bff0b4b016cb3e4b90c056708c (batch size 4) and README revision d2c63d951bb83f32e21385aa52b59010d130ff0a "
           "(co2_eq_emissions metadata, GPU, training time); read as the search tool's stored pages; the same 'Details' list, with the "
           "energy figure complete, in GitHub Nkluge-correa/TeenyTinyLlama at commit 91a6cd4c6a101a1ef1ff7eafeefbe73f22b024b0, "
           "cards/models/TeenyTinyLlama-160m.md (blob 0b5bd2436eab16600b2392419093363e5d8ab1b0), fetched with the fetch tool",
    notes="Card (README d2c63d95): 'co2_eq_emissions: emissions: 5.6 source: CodeCarbon training_type: pre-training "
          "geographical_location: Germany hardware_used: NVIDIA A100-SXM4-40GB'; 'Size: 162,417,408 parameters', 'Context length: "
          "2048 tokens', 'Dataset: Pt-Corpus Instruct (6.2B tokens)', 'Number of steps: 458,000', 'GPU: 1 NVIDIA A100-SXM4-40GB', "
          "'Training time: ~ 36 hours', 'Emissions: 5.6 KgCO2 (Germany)', 'Total energy consumption: 15.5 kWh' (complete in "
          "the GitHub copy of the card). Earlier card text (commit b995a94, line replaced there): 'Number of "
          "steps: 457,969 (3.7B tokens)'; commit f4161a7: 'Batch size: 4'. Cross-check [D]: 457,969 x 4 x 2,048 = 3.75e9 tokens, "
          "matching the stated 3.7B (so batch 4 sequences of 2,048 tokens per step, no accumulation). Energy table (commit 183333a): "
          "'400.000 | ... | 14.52 kWh | 5.11 CO2eq' (i.e. ~14.5 kWh at 400k of 458k steps). Target [D] = 1 GPU x 36 h = 36 A100-hours; "
          "also energyKWh = 15.5 and co2eKg = 5.6 (CodeCarbon, Germany). The GitHub copy of this card also carries a 'Processed "
          "Tokens' energy table identical to the 460m card's (ending at 9.8B tokens / 115.69 kWh); it is the 460m run's table copied, "
          "not this run's, and is ignored. Quality B: all inputs stated; the token count is stated only in an earlier card revision "
          "(the current card gives the 6.2B-token corpus and 458,000 steps) and matches steps x 4 x 2,048; duration '~'."))

TT4_PARAMS, TT4_STEPS, TT4_TOKENS, TT4_H = 468_239_360, 1_200_000, 9_800_000_000, 280
A(C(id="teenytinyllama-460m-pt-from-scratch-1.2m-steps-9.8b-tok-ctx2048-1xa100-40gb-280h",
    name="TeenyTinyLlama-460m: 468M Llama-2-style Portuguese LM pre-trained from scratch, 1,200,000 steps (9.8B processed tokens), context 2048, one A100-SXM4-40GB, ~280 h (CodeCarbon 115.69 kWh)",
    quality="B", architecture="decoder-only transformer (Llama 2 architecture, TinyLlama implementation)",
    paramsTotal=TT4_PARAMS, tokens=TT4_TOKENS, seqLen=2048,
    hardware="A100 40GB", devices=1, precision="bf16 (spec 'mixed_precision: bf16')",
    target=dict(metric=GPUH, value=1 * TT4_H),
    also=[dict(metric="energyKWh", value=115.69), dict(metric="co2eKg", value=41.1)],
    source="GitHub Nkluge-correa/TeenyTinyLlama at commit 91a6cd4c6a101a1ef1ff7eafeefbe73f22b024b0: cards/models/TeenyTinyLlama-460m.md "
           "(blob 2830b2017a3ee8ff256e2d7a4234fe56ea620446; the Hugging Face card nicholasKluge/TeenyTinyLlama-460m) 'Details' list and "
           "'Evaluations' table, and Pre-training/specs.yaml (training arguments); fetched with the fetch tool",
    notes="Card: 'Size: 468,239,360 parameters', 'Context length: 2048 tokens', 'Dataset: Pt-Corpus Instruct (6.2B tokens)', 'Number "
          "of steps: 1,200,000', 'GPU: 1 NVIDIA A100-SXM4-40GB', 'Training time: ~ 280 hours', 'Emissions: 41.1 KgCO2 (Germany)', "
          "'Total energy consumption: 115.69 kWh'; 'In the case of our 460m parameter model, we intentionally trained past the optimal "
          "point by approximately 75,000 steps'; table 'Processed Tokens | Perplexity | Energy Consumption (kWh) | Emissions' whose "
          "last row is '9.8B | 11.77 | 115.69 | 41.31'. Pre-training/specs.yaml (hub_model_id 'nicholasKluge/TeenyTinyLlama-460m'): "
          "'block_size: 2048', 'per_device_train_batch_size: 2', 'gradient_accumulation_steps: 2', 'num_train_epochs: 2', "
          "mixed_precision 'bf16' (its model_args show the 160m shape, so only the training arguments are used). Cross-check [D]: "
          "1,200,000 steps x 2 x 2 x 2,048 = 9.83e9 tokens, matching the table's 9.8B (about 1.6 passes over the 6.2B-token corpus). "
          "Target [D] = 1 x 280 h = 280 A100-hours; also energyKWh = 115.69 and co2eKg = 41.1 (CodeCarbon). Quality B: all inputs "
          "stated; duration '~'."))

# ====================================================================== text: Tucano series (Portuguese LMs from scratch on GigaVerbo; card + training spec in the same repository)
TUC_COMMIT = "653e6e4e39e4812b36cc83c1dfd455ad72d883e5"
TUC = [
    # key, params, layers/heads/kv/hidden/ffn, ctx, steps, tokens per step, micro, GPUs, hours, kWh, kgCO2, spec epochs, card blob, spec blob
    ("160m", 162_417_408, (12, 12, 12, 768, 3072), 2048, 320_000, 524_288, 32, 8, 44, 235.54, 89.73, 1,
     "90f63e257faa81b448233dbd0f102eed9dcd7b99", "e091133e8a2dcb203b2a3d2bbe49ce7d36669938"),
    ("630m", 630_253_568, (14, 16, 4, 2048, 4096), 2048, 400_000, 524_288, 32, 8, 170, 920, 350, 1.25,
     "122b9ceae41e600269fe5fcff52858f0bde63acf", "c27c1f82e609c2b175e0c15bec2f173ff0040a6b"),
    ("1b1", 1_100_048_384, (22, 32, 4, 2048, 5632), 2048, 480_000, 524_288, 16, 16, 180, 2524, 962, 1.5,
     "f50b553049d88bc30cf1a9d8f3ed455635ffdbaa", "3b2385c28d0774170e2d46dbb8168b2505f44c41"),
    ("2b4", 2_444_618_240, (24, 16, 4, 2560, 10240), 4096, 1_960_000, 262_144, 4, 16, 845, 11749, 4475, 4,
     "b0f036466d3bc90ceb667d994c109ab512318048", "a97c1bea5ad932a6b1cd26992ce66094aa60a997"),
]
for (key, params, (nl, nh, nkv, hid, ffn), ctx, steps, tps, micro, gpus, hours, kwh, kg, sp_ep, card_blob, spec_blob) in TUC:
    toks = steps * tps
    seqs = tps // ctx
    ga = tps // (micro * ctx * gpus)
    A(C(id=f"tucano-{key}-pt-from-scratch-{steps // 1000}k-steps-{tps // 1024}k-tok-per-step-ctx{ctx}-{gpus}xa100-80gb-{hours}h",
        name=f"Tucano-{key}: {params / 1e6:,.0f}M Llama-style Portuguese LM pre-trained from scratch on GigaVerbo, {steps:,} steps x {tps:,} tokens ({toks / 1e9:.1f}B tokens [D]), context {ctx}, {gpus}x A100-SXM4-80GB, ~{hours} h (CodeCarbon {kwh:,} kWh)",
        quality="B", architecture=f"decoder-only transformer (Llama-style; {nl} layers, {nh} heads, {nkv} KV heads, hidden {hid}, FFN {ffn}, vocab 32,000)",
        paramsTotal=params, tokens=toks, seqLen=ctx,
        hardware="A100 80GB", devices=gpus, precision="bf16 (spec file 'bf16: true')",
        target=dict(metric=GPUH, value=gpus * hours),
        also=[dict(metric="energyKWh", value=kwh), dict(metric="co2eKg", value=kg)],
        source=f"GitHub Nkluge-correa/Tucano at commit {TUC_COMMIT}: model card cards/models/Tucano-{key}.md (blob {card_blob}, "
               f"'Details' list and co2_eq_emissions metadata; the same text as the Hugging Face card TucanoBR/Tucano-{key}) and "
               f"training specification specs-tucano-{key}.yml (blob {spec_blob}); SPECIFICATIONS.md and train-tucano.py (lines "
               "298-306) for the meaning of total_batch_size; fetched with the fetch tool",
        notes=f"Card: 'Size: {params:,} parameters', 'Context length: {ctx} tokens', 'Number of steps: {steps:,}', 'GPU: {gpus} NVIDIA "
              f"A100-SXM4-80GB', 'Training time: ~ {hours} hours', 'Emissions: {kg:,} KgCO2 (Germany)', 'Total energy consumption: "
              f"{kwh:,} kWh'. Spec file: 'num_hidden_layers: {nl}', 'num_attention_heads: {nh}', 'num_key_value_heads: {nkv}', "
              f"'hidden_size: {hid}', 'intermediate_size: {ffn}', 'max_position_embeddings: {ctx}', 'total_batch_size: {tps}', "
              f"'micro_batch_size: {micro}', 'num_train_epochs: {sp_ep}', 'bf16: true'. SPECIFICATIONS.md: 'total_batch_size | The total "
              "batch size in tokens'; train-tucano.py: 'gradient_accumulation_steps = args.total_batch_size // (args.micro_batch_size * "
              f"args.max_position_embeddings * world_size)'. [D]: {tps:,} tokens per step = {seqs} sequences of {ctx}; with {gpus} GPUs "
              f"and micro batch {micro}, gradient accumulation = {ga}. tokens [D] = {steps:,} x {tps:,} = {toks:,}. The spec's "
              f"num_train_epochs ({sp_ep}) over the ~200B-token GigaVerbo is an upper bound; the card's step count is taken as the "
              f"run's length. Target [D] = {gpus} x {hours} h = {gpus * hours:,} A100-hours; also energyKWh = {kwh:,} and co2eKg = {kg:,} "
              "(CodeCarbon, as stated). Quality B: every input stated (card + the training spec in the same repository); duration "
              "'~'; that the spec file matches the released run is assumed (its step arithmetic is consistent with the card)."))

# ====================================================================== description
DESCRIPTION = ("Twenty-fourth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md (read the Shortfall section: far fewer than 25 cases). Built without running the estimator and without "
               "reading product code; no model/run of footprint-heldout-1..23 nor of the development cases they name as excluded. "
               "gpuHours means accelerator-hours. No recalled values: anything not in the text read is null. [D] = derived "
               "arithmetic shown in notes and in make_cases.py.")


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
    "set": "footprint-heldout-24",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
