"""Builds footprint-heldout-27 (cases.json next to this file).

Every number below is copied from the text read (a training log, a results README, an MLPerf submission log and system
description, or a Hugging Face model card as stored by the search tool), or computed here from such numbers (GPUs x
clock, samples x sequence length). Nothing is fitted, nothing is recalled (a value not in the text read is null), and the
Green ML Review estimator was never run on these cases. [D] = derived here.
Run: CREATED=... python3 make_cases.py (then npx prettier --write cases.json)
"""
import datetime
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
GPUH = "gpuHours"


def C(**kw):
    base = dict(id=None, name=None, quality=None, modality="text", architecture="dense",
                paramsTotal=None, paramsActive=None, tokens=None, samples=None, epochs=None,
                seqLen=None, resolution=None, hardware=None, devices=None, precision=None,
                target=None, also=[], convention=None, source=None, notes=None)
    for k in kw:
        assert k in base, k
    base.update(kw)
    return base


cases = []

# ---------------------------------------------------------------------------------------------------------------------
# 1. Tencent-Hunyuan/Hyra-results, AI4AI/nanochat_autoresearch (README + the run's full console log)
HYRA_COMMIT = "09b2d2e3c362c67a78f544c836bd8e4b54a05527"
hyra_s = 300.1
cases.append(C(
    id="hyra-nanochat-autoresearch-120.4m-ngram-3410-steps-447m-tok-1xb200-300s",
    name="Hyra (Tencent Hunyuan) nanochat autoresearch result: 9-layer x 768 GPT (120.4M transformer parameters plus sparse "
         "bigram/trigram hash tables) trained from scratch for a fixed 300 s on 1 x B200 (3,410 steps, 447.0M tokens)",
    quality="B",
    architecture="decoder-only transformer, 9 layers x 768 dim, 6 heads, vocab 8192, sliding-window attention, ReLU^2 MLP, "
                 "value embeddings, plus sparse bigram (16,777,216 rows) and trigram (27,000,000 rows) hash-embedding tables",
    paramsTotal=120_400_000, tokens=447_000_000, seqLen=2048,
    hardware="B200", devices=1, precision=None,
    target=dict(metric=GPUH, value=round(1 * hyra_s / 3600, 4)),
    source=f"GitHub Tencent-Hunyuan/Hyra-results at commit {HYRA_COMMIT}: AI4AI/nanochat_autoresearch/README.md (blob "
           "3b0e70f6036467a4920f4db9be4883678899725a) and AI4AI/nanochat_autoresearch/FULL_TRAINING_LOG_0.901543.log (blob "
           "cfb8bb00bc111d3c4ffda8ef7893b3268680e7bb), fetched with the fetch tool and read with git show",
    notes="README 'Recorded result' table: 'Training time | 300.1 s', 'Total time, including evaluation and setup | 348.4 s', "
          "'Training steps | 3,410', 'Training tokens | 447.0M', 'Transformer parameters, excluding sparse n-gram tables | "
          "120.4M'; 'The result was recorded on 1xNVIDIA B200'. Log: \"Model config: {'sequence_len': 2048, 'vocab_size': 8192, "
          "'n_layer': 9, 'n_head': 6, 'n_kv_head': 6, 'n_embd': 768, 'window_pattern': 'SSL'}\", 'GPT params (transformer + "
          "pos_bucket, excl. sparse n-gram tables): 120.4M', 'Time budget: 300s', 'total_tokens_M: 447.0', 'num_steps: 3410', "
          "'Bigram weight: 25.8 GB bf16', 'Trigram weight: 41.5 GB bf16'. Target [D] = 1 GPU x 300.1 s / 3600 = 0.0834 "
          "GPU-hours of timed training (the job's total including evaluation and setup is 348.4 s = 0.0968 GPU-hours). "
          "Quality B: every input is printed by the run, but the sparse n-gram tables (tens of GB of bf16 weights, only looked "
          "up) are outside paramsTotal, so compute per token is not 6 x paramsTotal exactly (the log's own 'Estimated "
          "FLOPs/token: 4.624316e+08'); precision of the dense part is not printed (null).",
))

# ---------------------------------------------------------------------------------------------------------------------
# 2-3. Ishaanred/slm-from-scratch (GitHub docs) and its Hugging Face card redredredredredred/slm-from-scratch-77m
cases.append(C(
    id="slm-from-scratch-phase1-50m-5000-steps-80m-tok-1xrtx5070ti-15min",
    name="slm-from-scratch Phase 1 run 1: hand-written 50M GPT (6 layers x 384) trained from scratch on OpenWebText, "
         "5,000 steps / ~80M tokens, ~15 min on 1 x RTX 5070 Ti",
    quality="C",
    architecture="decoder-only GPT (pre-LayerNorm), 6 layers, 6 heads, 384 embedding dim, GPT-2 BPE vocabulary",
    paramsTotal=50_000_000, tokens=80_000_000, seqLen=None,
    hardware="RTX 5070 Ti (memory not stated)", devices=1, precision="bf16 (autocast)",
    target=dict(metric=GPUH, value=round(15 / 60, 4)),
    source="GitHub Ishaanred/slm-from-scratch: docs/phase1/results.md at commit 3c61da910f16eaf2606de64d3475681168be0f11 "
           "(read with the read_file tool; the fetch tool had no snapshot)",
    notes="'## Run 1 - 50M parameter model', 'Config: 6 layers, 6 heads, 384 embedding dim', 'Steps: 5,000', 'Tokens seen: "
          "~80M', 'Time: ~15 min on RTX 5070 Ti'; 'Training infrastructure: bfloat16 autocast, gradient accumulation'. Target "
          "[D] = 1 GPU x 15 min / 60 = 0.25 GPU-hours. Quality C: the parameter count ('50M'), tokens ('~80M') and time "
          "('~15 min') are round figures; sequence length not stated for this run (the 77M sibling card says 1024).",
))
cases.append(C(
    id="slm-from-scratch-77m-5000-steps-80m-tok-1xrtx5070ti-20min",
    name="slm-from-scratch-77m: hand-written 77.2M GPT (8 layers x 512) trained from scratch on OpenWebText, 5,000 steps / "
         "~80M tokens, ~20 min on 1 x RTX 5070 Ti 16GB",
    quality="B",
    architecture="decoder-only GPT (pre-LayerNorm), 8 layers, 8 heads, 512 embedding dim, context 1024, GPT-2 BPE (50,257)",
    paramsTotal=77_200_000, tokens=80_000_000, seqLen=1024,
    hardware="RTX 5070 Ti 16GB", devices=1, precision="bf16",
    target=dict(metric=GPUH, value=round(20 / 60, 4)),
    source="Hugging Face card redredredredredred/slm-from-scratch-77m (https://huggingface.co/redredredredredred/"
           "slm-from-scratch-77m), read as the search tool's stored page (revision not shown)",
    notes="Card table: 'Parameters 77.2M', 'Layers 8', 'Heads 8', 'Embedding dim 512', 'Context length 1024', 'Precision "
          "weights stored fp32, trained in bf16'; 'Training': 'Data OpenWebText', 'Steps 5,000', 'Tokens seen ~80M', "
          "'Hardware 1x RTX 5070 Ti (16GB)', 'Wall time ~20 min'. Target [D] = 1 GPU x 20 min / 60 = 0.3333 GPU-hours. "
          "Quality B: all inputs stated, tokens and wall time as round '~' figures. Same author and repository as the 50M row "
          "(Ishaanred/slm-from-scratch, Phase 1 run 2, whose docs say 'in progress').",
))

# ---------------------------------------------------------------------------------------------------------------------
# 4. kirv/Mistral-7b-tokens4b-v1 (Hugging Face card, Russian)
cases.append(C(
    id="kirv-mistral-7b-full-ft-4b-tok-seq1024-2xh100-130h",
    name="kirv/Mistral-7b-tokens4b-v1: all layers of Mistral-7B-v0.1 trained further on ~4B Russian-corpus tokens (IlyaGusev/"
         "rulm), sequence 1,024, 1 epoch, 130 hours on 2 x H100 (torchtune)",
    quality="C",
    architecture="decoder-only transformer (Mistral-7B-v0.1), full-parameter continued training",
    paramsTotal=7_300_000_000, tokens=4_000_000_000, epochs=1, seqLen=1024,
    hardware="H100 (memory / form factor not stated)", devices=2, precision=None,
    target=dict(metric=GPUH, value=2 * 130),
    source="Hugging Face card kirv/Mistral-7b-tokens4b-v1 (blame of README.md at main and commit d170b0b4ce873280f3967473ade50717de4f02f8), "
           "read as the search tool's stored pages; parameter count from the Axolotl examples/mistral/README.md copy stored at "
           "huggingface.co/spaces/Dovakiins/qwerrwe ('Mistral 7B is a language model with a total of 7.3 billion parameters')",
    notes="Card (Russian): 'Модель mistralai/Mistral-7B-v0.1, обучение всех слоев с ~4млрд токенов из датасета.' (all layers "
          "trained on ~4B tokens of the dataset), '130 часов 2xTesla H100.' (130 hours on 2 x Tesla H100), config 'batch_size: "
          "20', 'epochs: 1', 'gradient_accumulation_steps: 5', 'Размер последовательности 1024 токенов.' (sequence length 1024 "
          "tokens), library_name torchtune, datasets IlyaGusev/rulm. Target [D] = 2 GPUs x 130 h = 260 GPU-hours. Quality C: "
          "tokens ('~4B') and hours are round; the card names the base model but not its parameter count (7.3B from the "
          "Axolotl Mistral README); precision not in the config lines shown; H100 memory / form factor not stated.",
))

# ---------------------------------------------------------------------------------------------------------------------
# 5. AlfredPros/CodeLlama-7b-Instruct-Solidity (Hugging Face card)
h = 21 + 4 / 60 + 57 / 3600
cases.append(C(
    id="codellama-7b-instruct-solidity-qlora-6003-samples-1ep-1xgtx1080ti-21h",
    name="AlfredPros/CodeLlama-7b-Instruct-Solidity: 4-bit QLoRA fine-tune of Code Llama 7B Instruct on 6,003 Solidity "
         "instruction pairs, 1 epoch, batch 1, 21 h 4 min 57 s on 1 x GTX 1080 Ti",
    quality="C",
    architecture="decoder-only transformer (Code Llama 7B Instruct), NF4 double-quant base + LoRA adapters (PEFT)",
    paramsTotal=7_000_000_000, samples=6003, epochs=1, seqLen=None,
    hardware="GTX 1080 Ti (memory not stated)", devices=1,
    precision="4-bit NF4 base (QLoRA, double_quant), fp16 compute",
    target=dict(metric=GPUH, value=round(h, 4)),
    source="Hugging Face card AlfredPros/CodeLlama-7b-Instruct-Solidity (README.md at main, ?code=true view, and commit "
           "17085956a40bad75b7de862b2a891445f5bd4a45), read as the search tool's stored pages",
    notes="Card: 'A finetuned 7 billion parameters Code LLaMA - Instruct model to generate Solidity smart contract using 4-bit "
          "QLoRA finetuning provided by PEFT library.'; dataset 'containing 6,003 GPT-generated human instruction and Solidity "
          "source code data pairs'; 'Load in 4-bit: true', '4-bit quantization type: NF4', '4-bit compute dtype: float16', "
          "'4-bit use double quantization: true'; 'Number of train epochs: 1', 'FP16: true', 'Per device train batch size: 1', "
          "'Gradient accumulation steps: 1', 'Gradient checkpointing: true'; 'GPU used: 1x NVIDIA GeForce GTX 1080Ti', "
          "'Training time: 21 hours, 4 minutes, and 57 seconds' (the commit replaced 'Training time: 21 hours and'). Target [D] "
          "= 21 + 4/60 + 57/3600 = 21.0825 GPU-hours. Quality C: QLoRA (frozen 4-bit base, small trainable adapters, gradient "
          "checkpointing) on a GPU without tensor cores for fp16 training; sample lengths (tokens) not stated.",
))

# ---------------------------------------------------------------------------------------------------------------------
# 6-9. MLPerf Training v1.0 closed-division results (mlcommons/training_results_v1.0): timed run_start -> run_stop
ML_COMMIT = "50619b5df63f1d646715a82c1fb8c35f271e25fa"
BERT_P = ("BERT-large 340M: the BERT paper's 'BERT LARGE (L=24, H=1024, A=16, Total Parameters=340M)', read in a public copy "
          "of the paper text with the find_string tool (id 19507912481)")
RN_P = ("ResNet-50 v1.5 25.6M: the MLPerf benchmark table 'RESNET-50 V1.5 25.6M PARAMETERS', read in a public copy of the "
        "MLPerf paper text with the find_string tool (id 58168875353)")
M = [
    # key, log path, log blob, system json, system blob, platform, run_start, run_stop, hardware, precision, kind, extra
    dict(key="nvidia-dgxa100-bert", log="NVIDIA/results/dgxa100_ngc21.05_pytorch/bert/result_0.txt",
         blob="8f6f274df1b3a3374c4eba88abeeb0bca44bbc95", sys="NVIDIA/systems/dgxa100_ngc21.05_pytorch.json",
         sysblob="184b6160b368b1459cf43f4056e16692f7546ea7", plat="1xNVIDIA DGX A100",
         t0=1621399928015, t1=1621401361899, hw="A100 SXM4 80GB", hwq="'accelerator_model_name': 'NVIDIA A100-SXM4-80GB (400W)'",
         prec="fp16 (mixed, --fp16)", kind="bert", samples=3_000_256, gbs=448,
         extra="'global_batch_size' 448 (56 per GPU), 'max_steps=7100' in the launch arguments"),
    dict(key="dell-dss8440-a100-pcie-bert", log="Dell/results/DSS8440x8A100-PCIE-40GB/bert/result_0.txt",
         blob="6362692751cedad1234c9ba910955894831f58b0", sys="Dell/systems/DSS8440x8A100-PCIE-40GB.json",
         sysblob="2b5d4297f5b70c3367ef8e642cff4f0de8cb76b2", plat="1xDSS8440x8A100-PCIE-40GB",
         t0=1621284408629, t1=1621288362879, hw="A100 PCIe 40GB", hwq="'accelerator_model_name': 'NVIDIA A100-PCIE-40GB (250W)'",
         prec="fp16 (mixed, --fp16)", kind="bert", samples=3_000_064, gbs=256,
         extra="'global_batch_size' 256 (32 per GPU), 'max_steps=13700' in the launch arguments"),
    dict(key="nvidia-dgxa100-resnet50", log="NVIDIA/results/dgxa100_ngc21.05_mxnet/resnet/result_0.txt",
         blob="ea5dffe65155094e6f0ffe9ea7cb28b28711111a", sys="NVIDIA/systems/dgxa100_ngc21.05_mxnet.json",
         sysblob="e8e28b81bcd2e03a36924dd0eb3141ceef213a2a", plat="1xNVIDIA DGX A100",
         t0=1621118646492, t1=1621120371034, hw="A100 SXM4 80GB", hwq="'accelerator_model_name': 'NVIDIA A100-SXM4-80GB (400W)'",
         prec="fp16 (--dtype float16)", kind="resnet", epochs=35, gbs=3264, res=224,
         extra="'global_batch_size' 3264 (408 per GPU); launch arguments '--num-epochs 37 --accuracy-threshold 0.759 "
               "--dtype float16 --image-shape 4,224,224'; the target accuracy was reached at the evaluation with "
               "'epoch_num': 35 (eval_accuracy 0.76066); epochs are counted from 1 ('first_epoch_num': 1)"),
    dict(key="habana-gaudi8-resnet50", log="Habana/results/SYS-420GH-TNGR/resnet/result_0.txt",
         blob="de0af959e51bd16df15934e274996c82190023c3", sys="Habana/systems/SYS-420GH-TNGR.json",
         sysblob="897d7bf250c1e00a50b6189272ed2efc63ea53e4", plat="GAUDI-8 ('submission_platform': 'gaudi-0')",
         t0=1621391116947, t1=1621394861720, hw="Habana Gaudi (first generation) 32GB HBM2",
         hwq="'system_name': 'GAUDI-8', 'accelerators_per_node': '8', 'accelerator_model_name': 'Habana Gaudi', "
             "'accelerator_memory_capacity': '32 GB', 'accelerator_memory_configuration': 'HBM2', framework 'TensorFlow 2.2.2'",
         prec=None, kind="resnet", epochs=38, gbs=2048, res=None,
         extra="'global_batch_size' 2048 ('model_bn_span' 256 per device); the target accuracy was reached at the evaluation "
               "with 'epoch_num': 38 (eval_accuracy 0.76028); epochs counted from 1 ('first_epoch_num': 1); image size and "
               "precision are not printed in the log (null)"),
]
for m in M:
    ms = m["t1"] - m["t0"]
    gpuh = 8 * ms / 3.6e6
    common_src = (f"GitHub mlcommons/training_results_v1.0 at commit {ML_COMMIT}: {m['log']} (blob {m['blob']}) and {m['sys']} "
                  f"(blob {m['sysblob']}), fetched with the fetch tool and read with git show")
    clock = (f"Log ':::MLLOG' lines: 'run_start' time_ms {m['t0']}, 'run_stop' time_ms {m['t1']} (status success), "
             f"'submission_platform' '{m['plat']}'. System description: 'number_of_nodes': '1', 'accelerators_per_node': '8', "
             f"{m['hwq']}. Target [D] = 8 accelerators x ({m['t1']} - {m['t0']} = {ms:,} ms) / 3.6e6 = {gpuh:.4f} "
             "accelerator-hours of MLPerf timed training (run_start -> run_stop: excludes initialisation and compilation before "
             "run_start, includes the periodic evaluations).")
    if m["kind"] == "bert":
        tokens = m["samples"] * 512
        cases.append(C(
            id=f"mlperf-v1.0-{m['key']}-340m-{m['samples']}-seq512-8x{m['hw'].split(' ')[0].lower()}-{ms / 60000:.1f}min",
            name=f"MLPerf Training v1.0 closed BERT-large run ({m['plat']}): MLM pre-training continued from the reference "
                 f"phase-1 checkpoint to 0.720 masked-LM accuracy, {m['samples']:,} sequences of 512, 8 x {m['hw']}, "
                 f"{ms / 60000:.1f} min",
            quality="B",
            architecture="encoder-only transformer (BERT-large: 24 layers, 1024 hidden, 16 heads), masked-LM + continued "
                         "pre-training from a given checkpoint",
            paramsTotal=340_000_000, tokens=tokens, seqLen=512,
            hardware=m["hw"], devices=8, precision=m["prec"],
            target=dict(metric=GPUH, value=round(gpuh, 4)),
            source=common_src + "; " + BERT_P,
            notes=clock + f" Log: 'train_samples' {m['samples']:,} (logged at run_stop), {m['extra']}, '--max_seq_length=512', "
                  "\"init_checkpoint=/workspace/phase1/model.ckpt-28252.pt\" (the run starts from the benchmark's phase-1 "
                  f"checkpoint), final 'eval_accuracy' 0.720. tokens [D] = {m['samples']:,} x 512 = {tokens:,} (sequence slots; "
                  "padding and packing not stated, so real tokens may be fewer). Quality B: benchmark run to a quality target, "
                  "parameter count from the BERT paper (not the log).",
        ))
    else:
        cases.append(C(
            id=f"mlperf-v1.0-{m['key']}-25.6m-imagenet-{m['epochs']}ep-8x{m['hw'].split(' ')[0].lower()}-{ms / 60000:.1f}min",
            name=f"MLPerf Training v1.0 closed ResNet-50 v1.5 run ({m['plat']}): ImageNet-1k from scratch to 75.9% top-1, "
                 f"{m['epochs']} epochs x 1,281,167 images, 8 x {m['hw']}, {ms / 60000:.1f} min",
            quality="B",
            modality="vision",
            architecture="CNN (ResNet-50 v1.5), supervised ImageNet classification, LARS optimizer",
            paramsTotal=25_600_000, samples=1_281_167, epochs=m["epochs"], resolution=m["res"],
            hardware=m["hw"], devices=8, precision=m["prec"],
            target=dict(metric=GPUH, value=round(gpuh, 4)),
            source=common_src + "; " + RN_P,
            notes=clock + f" Log: 'train_samples' 1,281,167, {m['extra']}. Quality B: benchmark run to a quality target "
                  "(0.759 top-1), parameter count from the MLPerf benchmark table (not the log).",
        ))

DESCRIPTION = ("Twenty-seventh held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md (read the Shortfall section: fewer than the 15 runs asked for). Built without running the "
               "estimator and without reading product code; no model/run of footprint-heldout-1..26 nor of the development "
               "notes is reused.")
out = {
    "set": "footprint-heldout-27",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
