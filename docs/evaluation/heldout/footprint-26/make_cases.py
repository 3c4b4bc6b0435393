"""Builds footprint-heldout-26 (cases.json next to this file).

Every number below is copied from a line of the record's own training log (or, where the log lacks it, from the record's
README) in the GitHub repository openai/parameter-golf, or computed here from such numbers (steps x tokens per step,
devices x train_time / 3.6e6). Nothing is fitted, nothing is recalled (a value that was not in the text read is null), and
the Green ML Review estimator was never run on these cases. [D] = derived here.
Run: CREATED=... python3 make_cases.py (then npx prettier --write cases.json)
"""
import datetime
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = "openai/parameter-golf"
COMMIT = "4908dc46f21ed3fdd08d2fdca285deb2194b9599"


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

HW_SMI = "H100 80GB HBM3"                        # the log's own nvidia-smi table: 'NVIDIA H100 80GB HBM3'
HW_README = "H100 (memory / form factor not stated)"  # only the README's '8xH100'
HW_SXM = "H100 SXM (memory not stated)"          # README '8xH100 SXM'
HW_H200 = "H200 141GB"                           # log 'NVIDIA H200' + README '8xH200 (141GB HBM3e)'

# (key, record folder, log file, log blob, params, world, tokens/step, seq, steps reached, train_time ms, hardware,
#  hardware evidence, architecture, quality, extra note)
R = [
    ("naive-baseline", "track_10min_16mb/2026-03-17_NaiveBaseline", "train.log", "69b17b6c7fcfd141c496c749522d4f04af6d1908",
     17_059_912, 8, 524_288, 1024, 13_780, 600_038, HW_README,
     "README: '10-minute wallclock cap on `8xH100`' (the log has no nvidia-smi table)",
     "decoder-only transformer, 9 layers x 512 dim, 8 heads / 4 KV heads, MLP x2, vocab 1024, tied embeddings (README 'Layout')",
     "B", "README also gives 'Total train tokens seen: `7224688640`' = 13,780 x 524,288 (checks the [D] token count)."),
    ("seq2048", "track_10min_16mb/2026-03-18_LongContextSeq2048", "train.log", "15a6f65b127b679006b71fb54f13181440fd2efa",
     17_059_912, 8, 524_288, 2048, 11_564, 600_038, HW_SMI,
     "README: '`8x H100 80GB HBM3`' (the log has no nvidia-smi table)",
     "decoder-only transformer, baseline 9 x 512 layout (same model_params as the naive baseline), trained at sequence length 2048",
     "B", ""),
    ("lower-lr-h200", "track_10min_16mb/2026-03-18_LowerLR", "train.log", "f13b904b81919b73eeacb4d0d43c84a471cf5158",
     17_059_912, 8, 524_288, 1024, 14_421, 599_847, HW_H200,
     "log nvidia-smi: 'NVIDIA H200'; README: 'Run performed on 8xH200 (141GB HBM3e). Step time (41.60ms) is comparable to 8xH100 baseline (43.54ms)'",
     "decoder-only transformer, baseline 9 x 512 layout (model_params 17,059,912), lower learning rates",
     "A", "Submitted to the H100 track but run on 8 x H200 (the README says so); hardware is the H200 that ran it."),
    ("10l-mixed-precision-h200", "track_10min_16mb/2026-03-19_10L_MixedPrecision", "train.log", "c40e94114470b87b45f6fdf964e14ce9004ff63b",
     18_897_488, 8, 524_288, 1024, 13_101, 599_812, HW_H200,
     "log nvidia-smi: 'NVIDIA H200'; README: 'Run performed on 8xH200 (step_avg: 45.78ms)'",
     "decoder-only transformer, 10 layers x 512 dim (baseline layout + 1 layer), int8/int6 mixed post-training quantization",
     "A", "Run on 8 x H200 (README and log agree)."),
    ("seq4096", "track_10min_16mb/2026-03-19_TrainingOptSeq4096", "train.log", "947f7a096ed5bb3190062f49e25c3c00d8c55efe",
     17_059_912, 8, 393_216, 4096, 8_394, 599_921, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'; README: 'Hardware: 8x NVIDIA H100 80GB HBM3 (SXM, NVLink NV18 all-to-all)'",
     "decoder-only transformer, baseline 9 x 512 layout (model_params 17,059,912), sequence length 4096, batch 393,216 tokens",
     "A", ""),
    ("mlp3x-int6-qat", "track_10min_16mb/2026-03-19_MLP3x_QAT_Int6_SlidingWindow", "train.log", "5e7f463576c6e1ad5d2467a82cb70700ff2104b8",
     21_778_504, 8, 524_288, 1024, 12_329, 600_040, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'; README: '8xH100'",
     "decoder-only transformer, 3x MLP, int6 quantization-aware training (STE)",
     "A", ""),
    ("warmdown-quantization", "track_10min_16mb/2026-03-19_WarmdownQuantization", "train.log", "c10e30c24bf31cf0b5bdd0b8a7babfae013bf3ac",
     21_778_504, 8, 786_432, 2048, 7_199, 600_031, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'; README: '8xH100'",
     "decoder-only transformer, 3x MLP, sequence length 2048, long warmdown for quantization",
     "A", ""),
    ("10l-int5mlp-bigramhash", "track_10min_16mb/2026-03-20_10L_Int5MLP_MuonWD04_SWA50", "train_seed1337.log", "37e2794d8f4eb5b01db2afab74e817481639a3ed",
     25_517_137, 8, 786_432, 2048, 6_711, 600_083, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'",
     "decoder-only transformer, 10 layers, BigramHash(10240) embedding, int5 MLP / int6 attention quantization",
     "A", "Seed 1337 of the record's three seed logs."),
    ("11l-xsa4-ema", "track_10min_16mb/2026-03-20_11L_XSA4_EMA_Int6_MLP3x_WD04_1.1271", "train.log", "f2c48a5ae8a748297e06ce273cb1f268e03934c5",
     26_829_913, 8, 786_432, 2048, 7_103, 600_021, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'; README: '8xH100'",
     "decoder-only transformer, 11 layers, 3x MLP, XSA on the last 4 layers, EMA weights",
     "A", ""),
    ("parallel-residuals-mini-recurrence", "track_10min_16mb/2026-03-31_ParallelResiduals_MiniDepthRecurrence", "train_seed1337.log", "a28292e33abacb08dc8a2221e68cdcd0d4075729",
     30_352_046, 8, 786_432, 2048, 6_242, 600_085, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'; README: 'Results (8×H100 80GB SXM, 600s, no TTT)'",
     "decoder-only transformer with parallel attention/MLP residual lanes and mini depth recurrence on layers 4-5 (those layers run twice per forward pass)",
     "A", "Depth recurrence: layers are re-used, so compute per token exceeds 6 x parameters (see README caveats)."),
    ("vocab4096-mlp4", "track_10min_16mb/2026-04-01_Vocab4096_MLPMult4_WD085", "train_seed1337.log", "9829e5a967a5888616e782736f7476ebf95b5df8",
     34_401_371, 8, 786_432, 2048, 5_962, 590_009, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'",
     "decoder-only transformer, SentencePiece 4096 vocab, 4x MLP, high weight decay",
     "A", "The log prints its config as 'train_batch_tokens: 786432', 'train_seq_len: 2048', 'world_size: 8'."),
    ("sp8192-loop45x2", "track_10min_16mb/2026-04-05_SP8192_GPTQ-Embeddings_SDClip_Loop45x2", "train_seed1.log", "410d73df1aa57b295216ad28ccb0d9070f19c9de",
     35_943_512, 8, 786_432, 2048, 4_988, 588_138, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'",
     "decoder-only transformer, 11 layers x 512 dim, 4x MLP, vocab 8192, layers 4-5 looped (log: 'num_loops: 2', 'loop_start: 4', 'loop_end: 5')",
     "A", "Depth recurrence (looped layers 4-5): compute per token exceeds 6 x parameters. Seed 1 of the record's logs."),
    ("sp8192-lqer-sparsegate", "track_10min_16mb/2026-04-27_SP8192_LQER_SparseGate_BOSSmearFix_9HpStack_1.0611", "train_seed0.log", "6aca2523a88149f139b9174ce880edf77be38e7c",
     35_945_671, 8, 786_432, 2048, 4_932, 599_433, HW_SXM,
     "README: '8×H100 SXM, 600s wallclock' (the log has no nvidia-smi table)",
     "decoder-only transformer, 11 layers x 512 dim, 4x MLP, vocab 8192, layers 3-5 looped (log: 'num_loops: 2', 'loop_start: 3', 'loop_end: 5'), SmearGate, sparse attention gate",
     "B", "Top of the leaderboard (1.0611). Depth recurrence: compute per token exceeds 6 x parameters. Seed 0."),
    ("4h-baseline", "track_non_record_16mb/2026-03-18_Quasi10Bfrom50B_SP1024_9x512_KV4_4h_pgut3", "train.log", "fbc482360b1f35eb4740b1950d2b5ec8abf5a111",
     17_059_912, 8, 524_288, 1024, 329_430, 14_400_039, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'; leaderboard: '4 hours on 8xH100'",
     "decoder-only transformer, baseline 9 x 512 layout, KV4, vocab 1024, tied embeddings",
     "A", "Non-record (unlimited-compute) run with a 4-hour cap; README: 'Timed training stopped at `329430/500000` steps due to the 4-hour wallclock cap', 'Total train tokens seen: `172716195840`' (= 329,430 x 524,288)."),
    ("hnet-byte260-4h", "track_non_record_16mb/2026-03-29_HNet_ByteVsSubword_Study", "train_byte260_4h.log", "2257a12060cdeb343a0735da8a38b60bcb63296e",
     17_455_176, 8, 524_288, 1024, 85_242, 14_399_952, HW_SMI,
     "log nvidia-smi: 'NVIDIA H100 80GB HBM3'; README: 'on **8×H100**'",
     "byte-level H-Net (dynamic chunking: outer byte layers, routing module, main transformer over chunks), 9 x 512, byte vocabulary 260",
     "B", "Tokens are bytes (byte260 vocabulary); the main network runs on learned chunks (README: avg ~42-47 boundaries per 256-byte window after training), so compute per byte is not 6 x parameters. README: 'byte260 4-hour ... 85,242 [steps] | 4 hours'."),
    ("dg-attention", "track_non_record_16mb/2026-03-23_DGAttention_DavidGao", "train.log", "105f2c859ad1ab9f1a4659c1b41f7f859600f3bc",
     28_273_765, 8, 786_432, 2048, 2_979, 600_055, HW_SXM,
     "README: 'val_bpb: 1.1898 (initial submission) ... | 8xH100 SXM' (the log has no nvidia-smi table; the log's last line 'step:2979/20000 val_loss:2.0089 val_bpb:1.1898' is that initial submission)",
     "decoder-only transformer with DG (differential-payload) attention in deep layers",
     "B", "A slow custom-attention run: the log's step_avg is 201.43 ms (about 4-5x the plain layouts), so only 2,979 steps fit in 10 minutes."),
]

QB = {
    "naive-baseline": "every input in the run's log except the GPU model, which only the README gives ('8xH100', no memory / form factor).",
    "seq2048": "every input in the run's log except the GPU model, which only the README gives ('8x H100 80GB HBM3').",
    "sp8192-lqer-sparsegate": "every input in the run's log except the GPU model, which only the README gives ('8×H100 SXM').",
    "dg-attention": "every input in the run's log except the GPU model, which only the README gives ('8xH100 SXM'); the README's headline later moved to a v4.1 run, the log is the initial submission.",
    "hnet-byte260-4h": "every input in the run's log and an nvidia-smi H100 table, but the 'tokens' are bytes and the H-Net's main network runs on learned chunks, so parameters x bytes does not fix the compute.",
}

for (key, folder, log, blob, params, world, tps, seq, steps, tms, hw, hwq, arch, q, extra) in R:
    tokens = steps * tps
    gpuh = world * tms / 3.6e6
    track = "10-minute track" if folder.startswith("track_10min") else "non-record (unlimited compute) track"
    cases.append(C(
        id=f"parameter-golf-{key}-{params / 1e6:.1f}m-{steps}-steps-x{tps}-tok-{world}x{hw.split(' ')[0].lower()}-{tms / 1000:.0f}s",
        name=f"OpenAI Parameter Golf {track} record '{folder.split('/', 1)[1]}': {params:,}-parameter LM trained from scratch on FineWeb "
             f"({steps:,} steps x {tps:,} tokens, {world} x {hw.split(' ')[0]}, {tms / 1000:,.0f} s timed training)",
        quality=q,
        architecture=arch,
        paramsTotal=params, tokens=tokens, seqLen=seq,
        hardware=hw, devices=world, precision="bf16",
        target=dict(metric=GPUH, value=round(gpuh, 4)),
        source=f"GitHub {REPO} at commit {COMMIT}: records/{folder}/{log} (blob {blob}) and records/{folder}/README.md, fetched "
               "with the fetch tool and read with git show",
        notes=(f"Log: 'model_params:{params}', world size {world} ('world_size:{world}' / 'world_size: {world}'), "
               f"'train_batch_tokens:{tps}' with train_seq_len {seq}, and 'stopping_early: wallclock_cap "
               f"train_time:{tms}ms step:{steps}/...' (spacing as printed). Hardware: {hwq}. tokens [D] = {steps:,} x {tps:,} = "
               f"{tokens:,}. Target [D] = {world} GPUs x {tms:,} ms / 3.6e6 = {gpuh:.4f} GPU-hours of timed training (the trainer's "
               "training_time_ms: the clock is paused for periodic validation and excludes torch.compile warm-up steps, final "
               "evaluation and quantization). precision = bf16 (the record's script runs forward passes under "
               "torch.autocast(dtype=torch.bfloat16)). " + (extra + " " if extra else "")
               + ("Quality A: every input printed in the run's own log (parameters, devices, batch, steps, timed training) and the "
                  "GPU model in the log's nvidia-smi table." if q == "A" else
                  "Quality B: " + QB[key])),
    ))

# ---- LegendreGPT: single RTX 5090, ~27 h, weights generated from Legendre coefficients over depth (non-record track)
LG_FOLDER = "track_non_record_16mb/2026-03-31_LegendreGPT"
LG_BLOB = "5190afb78897d43c460cd91af1f56066158472cf"
LG_PARAMS, LG_STEPS, LG_TPS, LG_MS = 23_839_044, 60_000, 393_216, 96_562_184
cases.append(C(
    id=f"parameter-golf-legendregpt-23.8m-stored-24-virtual-layers-60000-steps-x393216-tok-1xrtx5090-26.8h",
    name="OpenAI Parameter Golf non-record 'LegendreGPT': 24 virtual layers x 512 dim generated from 23.8M stored Legendre "
         "coefficients/params, 60,000 steps x 393,216 tokens of FineWeb, one RTX 5090, ~27 h (resumed once from step 30,000)",
    quality="C",
    architecture="decoder-only transformer whose weight matrices are Legendre-polynomial functions of depth: 24 virtual layers "
                 "(2 independent + 22 generated), dim 512, GQA 8/4, vocab 1024 (sp1024)",
    paramsTotal=LG_PARAMS, tokens=LG_STEPS * LG_TPS, seqLen=None,
    hardware="RTX 5090 (memory not stated)", devices=1, precision="bf16",
    target=dict(metric=GPUH, value=round(LG_MS / 3.6e6, 4)),
    source=f"GitHub {REPO} at commit {COMMIT}: records/{LG_FOLDER}/train.log (blob {LG_BLOB}) and records/{LG_FOLDER}/README.md, "
           "fetched with the fetch tool and read with git show",
    notes=("Log: '--- Parameter Budget --- ... total: 23,839,044 params (95.36 MB fp32, 23.84 MB int8)', 'Virtual layers: 24 (2 "
           "independent + 22 Legendre)', 'Resuming from checkpoint: ./checkpoints/ckpt_step30000.pt', 'Resumed at step 30000, "
           "training_time=47870254ms', last lines 'step:60000/60000 val_loss:2.0322 val_bpb:1.2079 train_time:96562184ms'. README: "
           "'Architecture | dim=512, 24L (2 groups), g5/2, GQA 8/4', 'Training | 60k steps, 80 shards, 1x RTX 5090 (~27h)', "
           "'Batch size: 393,216 tokens', 'Hardware: 1x RTX 5090, ~27 hours total', command 'ITERATIONS=60000 "
           "TRAIN_BATCH_TOKENS=393216 ... MAX_WALLCLOCK_SECONDS=0'. tokens [D] = 60,000 x 393,216 = 23,592,960,000. Target [D] = "
           "1 GPU x 96,562,184 ms / 3.6e6 = 26.8228 GPU-hours (the log's cumulative training_time, carried across the resume at "
           "step 30,000). precision = bf16 (train_gpt_legendre.py runs under torch.autocast(dtype=torch.bfloat16)). seqLen null "
           "(the command does not set TRAIN_SEQ_LEN and the log does not print it). Quality C: paramsTotal is the STORED count; "
           "every step materialises 24 full 512-dim layers from the coefficients, so compute per token is that of a 24-layer "
           "dense model, far above 6 x 23.8M; the run was resumed once (the log's time is cumulative)."),
))

# ====================================================================== NanoGPT Slowrun (qlabs-eng/slowrun): fixed 100M-token data, many epochs
SR_REPO = "qlabs-eng/slowrun"
SR_HEAD = "fd342f02affab8b39579761115c61b7d975f0430"
SR_TRAIN_TOKENS = 100_000_000  # prepare_data.py usage line: '--train_tokens 100_000_000 --val_tokens 10_000_000'
SR = [
    # key, README row, linked script commit, script path, script blob, params, layers, dim, epochs, minutes, quality note
    ("limited-baseline-2.7b", "Limited Compute Track (1 hour) row 1 / Unlimited Compute Track row 1: '3.402 | Baseline: 2.7B transformer, "
     "Muon, dropout 0.1, weight decay 1.6 | 02/26/26 | \\~47 mins'; README intro: 'The baseline trains in \\~47 minutes on 8xH100 (\\~$12) "
     "and achieves 3.402 val loss.'",
     "0d49316316dc6684049a679e03958c3fb612a8fd", "train.py", "275ff1cc7238bcdf9b21bdc5a7180233c732e356",
     2_700_000_000, 30, 1792, 12, 47.0,
     "the duration is '~47 mins'; the 2.7B count is the README's (it includes the script's value-embedding tables, which are "
     "lookups, so compute per token is below 6 x 2.7B); whether the 47 minutes include evaluation is not stated."),
    ("tiny-baseline-300m", "Tiny Track (15 minutes) row 1: '3.428 | Baseline: 300M transformer, weight decay 0.8, dropout 0.1 | 03/02/26 | "
     "13.7 mins'; track: 'The tiny track caps runs at a single 8xH100 node for at most 15 minutes.'",
     "22c1618d843a692384b0329f309ddfb4b5df9ff6", "tiny/train.py", "68eead95cd88c96c7efa90a403da5aa8af4dca5a",
     300_000_000, 16, 1024, 16, 13.7,
     "the 300M count is the README's round figure (it may include value-embedding tables, as in the 1-hour script); whether the "
     "13.7 minutes include evaluation is not stated."),
]
for key, row, commit, path, blob, params, layers, dim, epochs, minutes, qn in SR:
    gpuh = 8 * minutes / 60
    cases.append(C(
        id=f"slowrun-{key}-{layers}l-{dim}d-{SR_TRAIN_TOKENS * epochs / 1e9:g}b-tok-8xh100-{minutes:g}min",
        name=f"NanoGPT Slowrun {key.replace('-', ' ')}: {params / 1e6:,.0f}M-parameter GPT ({layers} layers x {dim}) trained {epochs} epochs "
             f"on a fixed 100M-token FineWeb sample, 8 x H100, {minutes:g} min",
        quality="B",
        architecture=f"decoder-only transformer (nanochat-style GPT, {layers} layers x {dim} dim, value embeddings, Muon, dropout 0.1)",
        paramsTotal=params, tokens=SR_TRAIN_TOKENS * epochs, seqLen=2048,
        hardware="H100 (memory / form factor not stated)", devices=8, precision="bf16",
        target=dict(metric=GPUH, value=round(gpuh, 4)),
        source=f"GitHub {SR_REPO}: README.md at commit {SR_HEAD} (record table) and the record's linked script {path} at commit "
               f"{commit} (blob {blob}), fetched with the fetch tool and read with git show",
        notes=(f"README: {row}. Script defaults at the linked commit: '--num-epochs', default={epochs}; '--n_layer', default={layers}; "
               f"'--n_embd', default={dim}; '--total-batch-size', default=524288; 'MAX_SEQ_LEN = 2048'; bfloat16 in the script "
               f"(embeddings, Muon orthogonalisation, rotary tables). Data: 'NanoGPT Slowrun is a new benchmark ... 100M tokens from FineWeb'; prepare_data.py "
               f"'--train_tokens 100_000_000'. tokens [D] = {epochs} epochs x 100,000,000 = {SR_TRAIN_TOKENS * epochs:,} (the "
               f"prepared split is whole 2048-token sequences, so marginally fewer; `tokens` is the total over all epochs, `epochs` is left "
               f"null so that it is not multiplied twice). Target [D] = 8 GPUs x {minutes:g} min / 60 = "
               f"{gpuh:.4f} GPU-hours. Quality B: {qn}"),
    ))

DESCRIPTION = ("Twenty-sixth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "17 runs from the record folders of the OpenAI Parameter Golf challenge repository (openai/parameter-golf) and 2 baselines of "
               "NanoGPT Slowrun (qlabs-eng/slowrun). Each Parameter Golf "
               "record's own training log prints the parameter count, world size, tokens per step, steps reached and the timed "
               "training wall clock (one record: the README's hardware and the log's cumulative time). See README.md (shortfall and caveats). Built without running the estimator and without "
               "reading product code; no model/run of footprint-heldout-1..25 nor of the development cases. gpuHours = GPUs x "
               "timed training. No recalled values: anything not in the text read is null. [D] = derived arithmetic shown in notes.")


def num(v):
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 4)
    return v


assert len({c["id"] for c in cases}) == len(cases)
for c in cases:
    assert c["target"] and c["source"] and c["notes"] and c["quality"] in ("A", "B", "C"), c["id"]
    c["target"]["value"] = num(float(c["target"]["value"]))
    for k in ("epochs", "tokens"):
        c[k] = num(c[k])

out = {
    "set": "footprint-heldout-26",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
