"""Builds footprint-heldout-23 (cases.json next to this file).

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


# ====================================================================== text: small LMs pre-trained from scratch (TPU v5e-8)
S3_STEPS, S3_TOKENS, S3_CTX = 32_425, 8_500_000_000, 4096
A(C(id="stentor3-20m-from-scratch-32425-steps-8.5b-tok-ctx4096-tpu-v5e-8-8.1h",
    name="Stentor3-20M: ~20M Llama-style LM pre-trained from scratch on ~8.5B web/code/math tokens, 32,425 steps, context 4096, Kaggle TPU v5e-8 (8 chips), ~8.1 h",
    quality="B", architecture="decoder-only transformer (Llama-style, GQA 10 query / 2 KV heads, TokenMonster 4,096-token vocabulary)",
    paramsTotal=20_000_000, tokens=S3_TOKENS, seqLen=S3_CTX,
    hardware="TPU v5e", devices=8,
    target=dict(metric=GPUH, value=8 * 8.1),
    source="Hugging Face model card StentorLabs/Stentor3-20M (https://huggingface.co/StentorLabs/Stentor3-20M), 'What Is This?' "
           "section; read as the search tool's stored page (a mirror of the card; no commit id shown)",
    notes="Card: 'At ~20M parameters, Stentor3-20M is a base causal language model trained entirely from scratch on free-tier Kaggle "
          "compute using a Google Cloud TPU v5e-8 (eight chips). It was trained for a full 32,425 steps on approximately 8.5 billion "
          "tokens drawn from a web/code/math curriculum, completing epoch 0 in ~8.1 hours.' 'a compact TokenMonster vocabulary (4,096 "
          "tokens), and a 4096-token context window.' Cross-check [D]: 8.5e9 / 32,425 steps = 262,143 tokens per step = 64 sequences x "
          "4,096 tokens (batch not written in the text read; consistent with packed 4,096-token sequences). Target [D] = 8 chips x 8.1 h = "
          "64.8 TPU v5e chip-hours. paramsTotal = the card's '~20M'. Quality B: all inputs stated, parameters and tokens rounded."))

PO_TOKENS, PO_CTX = 6_000_000_000, 4096
A(C(id="portimbria-150m-from-scratch-6b-tok-ctx4096-tpu-v5e-8-8h",
    name="Portimbria-150M: ~151M Llama-style LM pre-trained from scratch on ~6B web/code/math tokens, context 4096, Kaggle TPU v5e-8 (8 chips), ~8 h",
    quality="C", architecture="decoder-only transformer (Llama-style, GQA; 32,768-token vocabulary)",
    paramsTotal=151_000_000, tokens=PO_TOKENS, seqLen=PO_CTX,
    hardware="TPU v5e", devices=8,
    target=dict(metric=GPUH, value=8 * 8),
    source="Hugging Face model card StentorLabs/Portimbria-150M (https://huggingface.co/StentorLabs/Portimbria-150M), badges and "
           "'What Is This?' section; read as the search tool's stored pages (raw README mirror and rendered mirror; no commit id shown)",
    notes="Card badges: 'parameters-151M', 'training-~8h', 'hardware-TPU v5e-8', 'context-4096 tokens', 'vocab-32768 tokens'. Text: 'At "
          "~151M parameters, Portimbria-150M is a base causal language model trained entirely from scratch on free-tier Kaggle compute "
          "using a Google Cloud TPU v5e-8 (eight chips). It was trained on approximately 6 billion tokens drawn from a web/code/math "
          "curriculum, with a 4096-token context window'. Target [D] = 8 chips x 8 h = 64 TPU v5e chip-hours. Quality C: the duration is "
          "read only from the card's 'Training Time' badge (~8h); steps and batch not in the text read. Same author as Stentor3-20M "
          "(same hardware, ~4x fewer tokens per hour for a ~7.5x larger model)."))

# ====================================================================== text: protein language models (BioNeMo; amino-acid tokens, modality text as LBSTER in footprint-11)
PT_ITERS, PT_MICRO, PT_GPUS, PT_EPOCHS = 970_189, 12, 224, 58
A(C(id="prott5nv-192m-uniref50-58ep-970k-iters-micro12-224xv100-120h",
    name="ProtT5nv (BioNeMo): 192M T5 encoder-decoder further pre-trained on UniRef50 protein sequences, 58 epochs (~970,189 iterations, micro batch 12 per GPU), 224x V100, ~120 h",
    quality="B", modality="text",
    architecture="encoder-decoder transformer (T5; 12 layers, 12 heads, hidden 768, pre-norm, GELU; started from an NLP-pretrained T5)",
    paramsTotal=192_000_000, samples=PT_ITERS * PT_MICRO * PT_GPUS, epochs=PT_EPOCHS, seqLen=512,
    hardware="V100 (memory not stated)", devices=PT_GPUS,
    target=dict(metric=GPUH, value=PT_GPUS * 120),
    source="NVIDIA BioNeMo Framework 0.4.0 documentation, model page 'ProtT5nv' (https://docs.nvidia.com/bionemo-framework/0.4.0/models/"
           "prott5nv.html), 'Model Architecture', 'Dataset and Processing' and 'Infrastructure and Configuration' sections; read as the "
           "search tool's stored page",
    notes="Doc: 'The model has 12 layers, 12 attention heads, a hidden space dimension of 768, and contains 192M parameters. The maximum "
          "sequence length supported by ProtT5 is 512 tokens.' 'UniRef50 (release 05/2022) was used for training ... sequences longer "
          "than the maximum sequence length of 512 removed, resulting in approximately 46M protein sequences. The sequences were randomly "
          "split with 4.35K sequences in validation, 875K sequences in test, and the remaining in train.' 'Using the T5 model trained on "
          "NLP data, the model was then further pre-trained with protein sequences using data parallelism on 224 V100 GPUs for 58 epochs "
          "(approximately 970189 iterations) using a micro batch size of 12 molecules per GPU. The total training time was approximately "
          "120 wall-clock hours.' samples [D] = 970,189 x 12 x 224 = 2,607,868,032 sequence-passes (gradient accumulation not stated; "
          "none assumed). Cross-check [D]: 58 epochs x ~45.1M training sequences = ~2.62e9, matching. Tokens not derived: sequences are "
          "<= 512 residues but their mean length is not in the text read. Target [D] = 224 x 120 = 26,880 V100-hours. Quality B: all "
          "inputs stated; continued pre-training from an NLP T5 checkpoint; token count per sequence not stated."))

BN_GPUS, BN_DAYS = 256, 4.2
A(C(id="bionemo-esm2-3b-plm-1t-tok-256xa100-4.2d",
    name="BioNeMo Framework paper: 3B-parameter BERT-style protein LM (ESM-2 3B architecture) pre-trained on over one trillion tokens, 256x A100, 4.2 days",
    quality="C", modality="text",
    architecture="encoder-only transformer (BERT-style protein LM; ESM-2 3B: 36 layers, 40 heads, hidden 2,560 per the BioNeMo ESM-2 model page)",
    paramsTotal=3_000_000_000, tokens=1_000_000_000_000,
    hardware="A100 (memory not stated)", devices=BN_GPUS,
    target=dict(metric=GPUH, value=BN_GPUS * BN_DAYS * 24),
    source="BioNeMo Framework: A Modular, High-performance Library for AI Model Development in Drug Discovery (arXiv 2411.10548v3, "
           "https://arxiv.org/html/2411.10548v3), abstract; architecture line from the BioNeMo ESM-2 model page "
           "(https://nvidia.github.io/bionemo-framework/models/esm2); read as the search tool's stored pages",
    notes="Paper abstract: 'On 256 NVIDIA A100s, BioNeMo Framework trains a three billion parameter BERT-based pLM on over one trillion "
          "tokens in 4.2 days.' ESM-2 model page: 'The 3B model has 36 layers, 40 attention heads, and a hidden space dimension of "
          "2,560.' (the paper's section naming the run as ESM-2 3B was not in the excerpt read; the architecture column is the BioNeMo "
          "ESM-2 3B checkpoint's). tokens = 1e12, a LOWER BOUND ('over one trillion'); steps, batch and sequence length not in the text "
          "read (the model page gives a maximum sequence length of 1022). Target [D] = 256 x 4.2 x 24 = 25,804.8 A100-hours. This is "
          "NVIDIA's BioNeMo training run, not FAIR's original ESM-2 3B run (512 V100, 30 days), which is a footprint-5 case. Quality C: "
          "token count given as a bound and the run described only in the abstract."))

# ====================================================================== text: NeMo 5B GPT pre-training (NVIDIA docs)
NM_GPUS, NM_DAYS, NM_TOKENS, NM_GBS, NM_SEQ = 160, 4.8, 300_000_000_000, 1440, 2048
A(C(id="nemo-gpt3-5b-300b-tok-gbs1440-seq2048-160xa100-80gb-4.8d",
    name="NeMo Framework GPT-3 5B pre-trained to convergence on 300B tokens, GBS 1440 x 2048 tokens, 160x A100 80GB (DGX SuperPOD), 4.8 days",
    quality="C", architecture="decoder-only transformer (NeMo Megatron GPT-3 5B configuration)",
    paramsTotal=5_000_000_000, tokens=NM_TOKENS, seqLen=NM_SEQ,
    hardware="A100 80GB", devices=NM_GPUS,
    target=dict(metric=GPUH, value=NM_GPUS * NM_DAYS * 24),
    source="NVIDIA NeMo Framework User Guide, 'Performance' page, 'Training Accuracy Results' section "
           "(https://docs.nvidia.com/nemo-framework/user-guide/latest/performance.html); read as the search tool's stored page",
    notes="Page: 'Training accuracy, NVIDIA DGX SuperPOD: 8 x 8 x A100 80GB for 126M GPT Model; 16 x 8 x A100 80GB for 5B GPT Model'. "
          "'Training the 5B GPT model to convergence takes 6.5 days' 'The table below shows the converged training loss, the "
          "throughput, and the total time to train for the 5B GPT model, using a given number of GPUs and a given Global Batch Size "
          "(GBS).' Table row (header not in the stored excerpt): '160 | 1440 | 2048 | 300B | 1.685 | 726,384 | 4.8'. Column reading "
          "[D]: #GPUs 160, GBS 1440, sequence length 2048, tokens 300B, loss 1.685, throughput 726,384 tokens/s, time to train 4.8 "
          "days; confirmed by 300e9 / 726,384 tok/s = 413,000 s = 4.78 days. Target [D] = 160 x 4.8 x 24 = 18,432 A100-hours (the "
          "table's run). The prose gives another configuration (16 x 8 = 128 GPUs, 6.5 days = 19,968 GPU-hours), within 9 % of the "
          "table's figure; the table row is used because it states every input. paramsTotal = the nominal 5B. Quality C: table header "
          "not in the excerpt read (columns read from the sentence before it and the throughput cross-check); two configurations on "
          "one page."))

# ====================================================================== text (molecules): small SMILES encoder on one GPU
A(C(id="mol-id-17m-smiles-encoder-50m-mols-5ep-1xrtx3090-6.5h",
    name="mol_id: 17M transformer encoder pre-trained on 50M ZINC SMILES strings for 5 epochs, one RTX 3090, 6-7 h",
    quality="B", architecture="encoder-only transformer (SMILES; flash attention 2, bf16-mixed via Lightning)",
    paramsTotal=17_000_000, samples=50_000_000 * 5, epochs=5,
    hardware="RTX 3090 (memory not stated)", devices=1, precision="bf16-mixed",
    target=dict(metric=GPUH, value=1 * 6.5),
    source="Hugging Face model card blenderwang/mol_id (https://huggingface.co/blenderwang/mol_id), card text; read as the search "
           "tool's stored page (no commit id shown)",
    notes="Card: 'A transformer encoder model pretrained on 50M ZINC SMILES string using flash attention 2'. 'With modern hardware and "
          "software stacks, it only took me 6~7 hours to pretrain this 17M model on 50M molecules for 5 epochs'. 'Hardware: 4 cores "
          "cpu, 1 RTX 3090 gpu'. 'Software: flash attention 2, lightning for mixed precision (bf16-mixed)'. samples [D] = 50M x 5 = 250M "
          "molecule-passes (samples = examples seen with epochs = 5, as in earlier sets' image rows). Tokens not derived: SMILES length "
          "and tokenizer not in the text read. Target [D] = 1 x 6.5 h (midpoint of '6~7 hours') = 6.5 GPU-hours. Quality B: all inputs "
          "stated; duration a range; sequence length not stated."))

# ====================================================================== description
DESCRIPTION = ("Twenty-third held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..22 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
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
    "set": "footprint-heldout-23",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
