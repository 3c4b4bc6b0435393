"""Builds footprint-heldout-25 (cases.json next to this file).

Every number below is either copied from the quoted sentence / card line / script line in the case's notes or computed here
from such numbers (steps x batch x sequence length, chips x days x 24). Nothing is fitted, nothing is recalled (a value that was
not in the text read is null), and the Green ML Review estimator was never run on these cases. [D] = derived here.
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

# ====================================================================== text: GottBERT (German RoBERTa, fairseq on TPU pods)
GB_COMMIT = "935524d9c17256129d139308727289417cc032b9"
GB_STEPS, GB_SEQ = 100_000, 512

# --- base, original run on a 256-core TPU v3 pod
GB_BASE_BATCH, GB_BASE_CORES, GB_BASE_H = 8192, 256, 36
GB_BASE_CHIPS = GB_BASE_CORES // 2  # TPU v3: 2 TensorCores per chip; '256-core' pod = 128 chips [D], as in earlier sets (v3-8 = 4 chips)
A(C(id="gottbert-base-roberta-125m-100k-steps-bs8192-seq512-tpuv3-256-cores-36h",
    name="GottBERT base: 125M German RoBERTa-base pre-trained from scratch on the German OSCAR portion with fairseq, 100k steps x 8,192 sequences x 512 tokens, 256-core TPU v3 pod, ~36 h",
    quality="C",
    architecture="encoder-only transformer (RoBERTa base: 12 layers, fairseq roberta_base), masked LM",
    paramsTotal=125_000_000, tokens=GB_STEPS * GB_BASE_BATCH * GB_SEQ, seqLen=GB_SEQ,
    hardware="TPU v3", devices=GB_BASE_CHIPS,
    target=dict(metric=GPUH, value=GB_BASE_CHIPS * GB_BASE_H),
    source=f"GitHub GottBERT/roberta-snakemake-pipeline at commit {GB_COMMIT}: pre-training/README.md (blob "
           "7fd5200b77521831b5495fccc61ba912a7edb814, 'TPU Training', 'Batch Size Configuration') and pre-training/v3/train_tpu.sh "
           "(blob 0e172f1d29aeae24f47ef63eba68d0f1af9d5391), fetched with the fetch tool; parameter count from the Hugging Face card "
           "TUM/GottBERT_filtered_base_best (https://huggingface.co/TUM/GottBERT_filtered_base_best, 'Model Type' list and 'Training "
           "Configuration'), read as the search tool's stored page",
    notes="pre-training/README.md: 'For GottBERT (~60GB binary data), we used n1-highmem-32 VMs to control a 256-core TPU pod (32 VMs, "
          "one per 8 cores).' 'MAX_SENTENCES=16 ... UPDATE_FREQ=16 ... WORLD_SIZE=32 ... this results in a total batch size of 16 x 16 "
          "x 32 = 8192.' '**Example:** GottBERT was pre-trained in ~36 hours with a batch size of 8k for 100k steps on a 256-core TPU "
          "pod. Raw data: ~135GB, binarized: ~60GB.' v3/train_tpu.sh: 'TOTAL_UPDATES=100000', 'TOKENS_PER_SAMPLE=512 # Max sequence "
          "length', '--arch roberta_base', '--sample-break-mode none' (so every sequence is a full 512-token block). Card: 'Base Model: "
          "12 layers, 125 million parameters'; 'Hardware: Base Model: 256 TPUv3 pod/128 TPUv4 pod'; 'Training Time: Base Model: 1.2 "
          "days'; 'Batch Size: 8k tokens'; 'Training Iterations: 100k steps with a 10k warm-up phase'. tokens [D] = 100,000 x 8,192 x "
          "512 = 419,430,400,000. devices [D] = 256 TPU v3 cores / 2 cores per chip = 128 chips (chip-hours, the convention of earlier "
          "sets). Target [D] = 128 chips x 36 h = 4,608 TPU v3 chip-hours. Quality C: (1) the card gives '1.2 days' (28.8 h) for the "
          "base model and lists both a 256-core v3 pod and a 128 v4 pod, so it may describe the later (filtered) base run on v4; the "
          "repository README's '~36 hours ... 256-core TPU pod' is the figure that names one run and one pod and is used; (2) the "
          "card's 'Batch Size: 8k tokens' is read as 8,192 sequences (the README's 16 x 16 x 32 = 8192 with MAX_SENTENCES = 'Number "
          "of sequences per batch'); (3) precision not stated (the scripts pass no --fp16/--bf16 flag)."))

# --- large, TPU v4-128 pod
GB_L_MICRO, GB_L_ACC, GB_L_WORLD = 32, 4, 128
GB_L_CHIPS = GB_L_WORLD // 2  # script: TPU_NUM_DEVICES=$((WORLD_SIZE/2))
GB_L_BATCH = GB_L_MICRO * GB_L_ACC * GB_L_CHIPS
GB_L_DAYS = 5.7
assert GB_L_BATCH == 8192
A(C(id="gottbert-large-roberta-355m-100k-steps-bs8192-seq512-tpuv4-128-5.7d",
    name="GottBERT large: 355M German RoBERTa-large pre-trained from scratch on German OSCAR with fairseq, 100k steps x 8,192 sequences x 512 tokens, TPU v4-128 pod (64 chips), ~5.7 days",
    quality="B",
    architecture="encoder-only transformer (RoBERTa large: 24 layers, fairseq roberta_large), masked LM",
    paramsTotal=355_000_000, tokens=GB_STEPS * GB_L_BATCH * GB_SEQ, seqLen=GB_SEQ,
    hardware="TPU v4", devices=GB_L_CHIPS,
    target=dict(metric=GPUH, value=round(GB_L_CHIPS * GB_L_DAYS * 24, 2)),
    source="Hugging Face cards TUM/GottBERT_filtered_large_best (https://huggingface.co/TUM/GottBERT_filtered_large_best) and "
           "TUM/GottBERT_filtered_base_best (same 'Training Configuration' list), read as the search tool's stored pages; GitHub "
           f"GottBERT/roberta-snakemake-pipeline at commit {GB_COMMIT}: pre-training/v4/train_tpu_pod_large.sh (blob "
           "02b9a1be59e8d61bc5f5876782f3692a8555f72d), fetched with the fetch tool",
    notes="Card: 'Large Model: 24 layers, 355 million parameters'; 'Hardware: ... Large Model: 128 TPUv4 pod'; 'Training Time: ... "
          "Large Model: 5.7 days'; 'Batch Size: 8k tokens'; 'Training Iterations: 100k steps with a 10k warm-up phase'; 'Large: Peak "
          "LR = 0.00015'. train_tpu_pod_large.sh: 'TOTAL_UPDATES=100000', 'PEAK_LR=0.00015', 'TOKENS_PER_SAMPLE=512', "
          "'MAX_SENTENCES=32 # Number of sequences per batch', 'UPDATE_FREQ=4', 'WORLD_SIZE=128', 'TPU_NAME=tum-bert-tpu-$WORLD_SIZE', "
          "'TPU_NUM_DEVICES=$((WORLD_SIZE/2))', '--distributed-world-size $TPU_NUM_DEVICES', '--arch roberta_large', '--env=TPUv4=True'. "
          "[D]: 64 devices x 32 sequences x 4 accumulation = 8,192 sequences per step = the card's '8k' (the card's word 'tokens' is "
          "read as sequences); the same peak LR ties the script to the card's large run. tokens [D] = 100,000 x 8,192 x 512 = "
          "419,430,400,000. devices = 64 chips (the script's device count for the 128-core 'v4-128' pod). Target [D] = 64 x 5.7 x 24 = "
          "8,755.2 TPU v4 chip-hours. Quality B: every input stated (card + the training script in the project's own repository; that "
          "the script is the one run for the released model is assumed from the matching steps, LR and batch); duration rounded to "
          "0.1 day; precision not stated (no --fp16/--bf16 flag in the script). The card's filtered and unfiltered large models are "
          "not distinguished by the card's single 5.7-day figure; this row is one such run."))

# ====================================================================== text: ALBERT Spanish series (one TPU v3-8 each)
ALB = [
    # key, card title, lr, batch, total steps, goal steps, days, revision
    ("tiny", "ALBERT Tiny Spanish", "0.00125", 2048, 8_300_000, "10000000", 58.2, "71034ccf7c9feaaad84cac512c7c98dfe3f6fa55"),
    ("base", "ALBERT Base Spanish", "0.0008838834765", 960, 3_650_000, "8533333.333", 70.4, "6ebeb2482106cf90d0df9dcfe18669290d77c7b6"),
    ("large", "ALBERT Large Spanish", "0.000625", 512, 1_450_000, "4000000", 42, "6c3a4e4933c602286821c808033b64c1eed2c6f6"),
    ("xlarge", "ALBERT XLarge Spanish", "0.0003125", 128, 2_775_000, "8000000", 64.2, "cb442f7ebaff0cd0be3e0b3ff492b3608a42f8e8"),
    ("xxlarge", "ALBERT XXLarge Spanish", "0.0003125", 128, 1_650_000, "4000000", 70.7, None),
]
V3_8_CHIPS = 4  # TPU v3-8 = 4 chips (8 cores), the convention of earlier sets
for key, title, lr, batch, steps, goal, days, rev in ALB:
    samples = steps * batch
    hours = round(days * 24, 2)
    std = key != "tiny"
    A(C(id=f"albert-{key}-spanish-{steps / 1e6:g}m-steps-bs{batch}-1xtpuv3-8-{days:g}d",
        name=f"{title} (dccuchile): ALBERT-{key} pre-trained from scratch on the Large Spanish Corpus, {steps:,} steps x batch {batch:,} "
             f"({samples / 1e9:.3g}B sequences [D]), one TPU v3-8, ~{days:g} days",
        quality="B" if std else "C",
        architecture=f"encoder-only transformer (ALBERT {key}, google-research/albert; size named only by the card title)",
        samples=samples, epochs=1,
        hardware="TPU v3", devices=V3_8_CHIPS,
        target=dict(metric=GPUH, value=round(V3_8_CHIPS * hours, 2)),
        source=f"Hugging Face model card dccuchile/albert-{key}-spanish (https://huggingface.co/dccuchile/albert-{key}-spanish)"
               + (f", README at revision {rev}" if rev else ", README as shown on the model page (revision not shown in the stored page)")
               + "; read as the search tool's stored pages",
        notes=f"Card: 'This is an ALBERT model trained on a big spanish corpora. The model was trained on a single TPU v3-8 with the "
              f"following hyperparameters and steps/time: - LR: {lr} - Batch Size: {batch} - ... - Goal steps: {goal} - Total steps: "
              f"{steps} - Total training time (aprox): {days:g} days'. samples [D] = {steps:,} x {batch:,} = {samples:,} sequences, "
              f"epochs = 1 (samples are sequences processed; passes over the corpus not stated). The run stopped at 'Total steps' "
              f"before 'Goal steps'; Total steps is taken as the run's length. devices = 4 (one TPU v3-8 = 4 chips). Target [D] = 4 x "
              f"{days:g} x 24 = {V3_8_CHIPS * hours:,.2f} TPU v3 chip-hours. Not stated in the card: parameter count, sequence "
              f"length, precision (null). "
              + ("Quality B: every input stated except that the size is fixed only by the named ALBERT configuration (as earlier "
                 "sets rate named architectures); sequence length not stated, duration 'aprox'."
                 if std else
                 "Quality C: 'Tiny' is not one of the published google-research/albert configurations, so the card's name does "
                 "not fix the size; sequence length not stated; duration 'aprox'.")))

# ====================================================================== description
DESCRIPTION = ("Twenty-fifth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md (read the Shortfall section: far fewer than 20 cases). Built without running the estimator and without "
               "reading product code; no model/run of footprint-heldout-1..24 nor of the development cases they name as excluded. "
               "gpuHours means accelerator-hours (TPU chip-hours for the TPU rows). No recalled values: anything not in the text read "
               "is null. [D] = derived arithmetic shown in notes and in make_cases.py.")


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
    "set": "footprint-heldout-25",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
