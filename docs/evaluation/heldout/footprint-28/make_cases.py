"""Builds footprint-heldout-28 (cases.json next to this file).

Every number below is copied from the text read (an MLPerf Training v4.0 or MLPerf HPC v3.0 submission log and its system
description, or a DAWNBench ImageNet training entry: its JSON description and its per-epoch TSV), or computed here from
such numbers (accelerators x clock, samples x sequence length). Nothing is fitted, nothing is recalled (a value not in the
text read is null), and the Green ML Review estimator was never run on these cases. [D] = derived here.
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


def gpuh(devices, start_ms, stop_ms):
    return devices * (stop_ms - start_ms) / 3.6e6


cases = []

# ---------------------------------------------------------------------------------------------------------------------
# 1-4. MLPerf Training v4.0 closed-division results (mlcommons/training_results_v4.0): timed run_start -> run_stop
ML4 = "6fe954378efe4a1a1bd665550b18ff8f26018def"
ML4_SRC = f"GitHub mlcommons/training_results_v4.0 at commit {ML4} (fetched with the fetch tool, read with git show)"
BERT_P = ("BERT-large 340M: the BERT paper's 'BERT LARGE (L=24, H=1024, A=16, Total Parameters=340M)', read in a public copy "
          "of the paper text with the find_string tool (id 19507912481; the same reading as footprint-27)")
RN_P = ("ResNet-50 v1.5 25.6M: the MLPerf benchmark table 'RESNET-50 V1.5 25.6M PARAMETERS', read in a public copy of the "
        "MLPerf paper text with the find_string tool (id 58168875353; the same reading as footprint-27)")
CLOCK = ("Clock = the submission log's MLLOG 'run_start' -> 'run_stop' (MLPerf's timed region: excludes initialisation "
         "before run_start, includes the periodic evaluations).")

# GPT-3 175B, NVIDIA Eos, 64 x DGX H100 = 512 H100
s, e = 1715043829220, 1715046977115
cases.append(C(
    id="mlperf-v4.0-nvidia-eos-n64-gpt3-175b-1.25b-tok-512xh100-52.5min",
    name="MLPerf Training v4.0 closed GPT-3 175B run (NVIDIA Eos, 64 x DGX H100, NeMo 24.04): continued pre-training from "
         "the benchmark checkpoint on C4 to log-perplexity 2.69, 264 steps x 2,304 x 2,048 tokens, 512 x H100 SXM5 80GB, 52.5 min",
    quality="B",
    architecture="decoder-only transformer (GPT-3 175B), continued pre-training from the benchmark's checkpoint",
    paramsTotal=175_000_000_000, tokens=1_245_708_288, seqLen=2048,
    hardware="H100 SXM5 80GB", devices=512, precision=None,
    target=dict(metric=GPUH, value=round(gpuh(512, s, e), 4)),
    source=ML4_SRC + ": NVIDIA/results/eos_n64_ngc24.04_nemo/gpt3/result_0.txt (blob 15b0ae27d790655224bfa2b3b643152e90139610), "
           "NVIDIA/systems/eos_n64_ngc24.04_nemo.json (blob 1b42e2e3c1d0557f3cdd7818149d778c1752481d); parameter count from "
           "NVIDIA/benchmarks/gpt3/implementations/nemo/README.md line 2 'Large Language Model - GPT3 175B' (same commit)",
    notes=CLOCK + f" run_start time_ms {s}, run_stop {e} (status success): 3,147,895 ms. System JSON: 'number_of_nodes': '64', "
          "'accelerators_per_node': '8', 'accelerator_model_name': 'NVIDIA H100-SXM5-80GB', 'accelerator_memory_capacity': '81559 "
          "MiB'; log 'submission_platform' '64xNVIDIA DGX H100'. Log: 'global_batch_size' 2304, 'max_sequence_length' 2048, "
          "'gradient_accumulation_steps' 72, 'init_checkpoint_step' 2667, 'trained_samples' / 'train_samples' 1,245,708,288 at "
          "run_stop, final 'eval_accuracy' 2.6888 (log perplexity). The logged count is tokens, not sequences: 1,245,708,288 = "
          "264 x 2,304 x 2,048 exactly [D], and 1.25e9 sequences in 52 min would be 172 optimizer steps per second. Target [D] "
          "= 512 x 3,147,895 ms / 3.6e6 = 447.70 GPU-hours. Quality B: every input is in the log / system file except the "
          "parameter count (the implementation README's name); precision not printed by the log (null; the implementation "
          "ships FP8 and BF16 overlap configs, which one this run used is not stated in the log).",
))

# Llama 2 70B LoRA, Dell XE9680, 8 x H100 SXM 80GB
s, e = 1713994395504, 1713996161336
cases.append(C(
    id="mlperf-v4.0-dell-xe9680-llama2-70b-lora-3072-seq8192-8xh100-29.4min",
    name="MLPerf Training v4.0 closed Llama 2 70B LoRA fine-tune (Dell PowerEdge XE9680, 8 x H100 SXM 80GB): GovReport, "
         "LoRA rank 16, 3,072 sequences of 8,192 tokens to eval loss 0.924, FP8, 29.4 min",
    quality="B",
    architecture="decoder-only transformer (Llama 2 70B, fused QKV), frozen base + LoRA rank 16 adapters",
    paramsTotal=70_000_000_000, tokens=3072 * 8192, samples=3072, epochs=1, seqLen=8192,
    hardware="H100 SXM5 80GB", devices=8, precision="fp8 (log: 'fp8: true')",
    target=dict(metric=GPUH, value=round(gpuh(8, s, e), 4)),
    source=ML4_SRC + ": Dell/results/XE9680x8H100-SXM-80GB/llama2_70b_lora/result_0.txt (blob "
           "1f529a49e2da662f9f19a37bc2c6e5fc64010b4f), Dell/systems/XE9680x8H100-SXM-80GB.json (blob "
           "7a0d145c5d7f43004ff16c7a67df1e2f99d27b8f); parameter count from Dell/benchmarks/llama2_70b_lora/implementations/"
           "pytorch/README.md ('This benchmark represents a LLama2-70B LoRA finetuning on the GovReport dataset')",
    notes=CLOCK + f" run_start {s}, run_stop {e} ('samples_count': 3072, status success): 1,765,832 ms. System JSON: "
          "'number_of_nodes': '1', 'accelerators_per_node': '8', 'accelerator_model_name': 'NVIDIA H100-SXM5-80GB', "
          "'accelerator_memory_capacity': '80 GB'. Log: 'global_batch_size' 8, 'gradient_accumulation_steps' 4, 'train_samples' "
          "3,901 (the training set), 'lora_rank' 16, config lines 'max_seq_length: 8192', 'fp8: true', final 'eval_accuracy' "
          "0.9239 (eval loss) at samples_count 3,072. samples = 3,072 sequences trained (0.79 of the 3,901-sample set), epochs "
          "= 1 as the multiplier; tokens [D] = 3,072 x 8,192 = 25,165,824 sequence slots (padding / packing not stated). "
          "Target [D] = 8 x 1,765,832 ms / 3.6e6 = 3.9241 GPU-hours. Quality B: all inputs in the log; 70B from the benchmark "
          "name; LoRA trains only small adapters while the forward and backward passes run through all 70B weights.",
))

# BERT-large, Dell R760xa, 4 x L40S
s, e = 1712973760533, 1712978709821
cases.append(C(
    id="mlperf-v4.0-dell-r760xa-bert-340m-2400288-seq512-4xl40s-82.5min",
    name="MLPerf Training v4.0 closed BERT-large run (Dell PowerEdge R760xa, 4 x L40S): continued pre-training from "
         "the phase-1 checkpoint to 0.720 MLM accuracy, 2,400,288 sequences of 512, fp16, 82.5 min",
    quality="B",
    architecture="encoder-only transformer (BERT-large: 24 layers, 1024 hidden, 16 heads), masked-LM continued pre-training "
                 "from a given checkpoint",
    paramsTotal=340_000_000, tokens=2_400_288 * 512, seqLen=512,
    hardware="L40S", devices=4, precision="fp16 (launch arguments 'fp16=True')",
    target=dict(metric=GPUH, value=round(gpuh(4, s, e), 4)),
    source=ML4_SRC + ": Dell/results/R760xax4L40S/bert/result_0.txt (blob 5f26f4019dc089d867ffa1e491e3d5e0156c16f7), "
           "Dell/systems/R760xax4L40S.json (blob feece8560df5dfecfd5bcfc461fefec4f1353976); " + BERT_P,
    notes=CLOCK + f" run_start {s}, run_stop {e}: 4,949,288 ms. System JSON: 'number_of_nodes': '1', "
          "'accelerators_per_node': '4', 'accelerator_model_name': 'NVIDIA L40S', 'accelerator_memory_capacity': '46068 MiB'. "
          "Log: 'global_batch_size' 176, 'train_samples' 2,400,288 at run_stop, final 'eval_accuracy' 0.7206; "
          "launch Namespace: 'max_seq_length=512', 'fp16=True', 'packed_samples=False', \"init_checkpoint='/workspace/phase1/"
          "model.ckpt-28252.pt'\". tokens [D] = 2,400,288 x 512 = 1,228,947,456 sequence slots (padding not removed). Target "
          "[D] = 4 x 4,949,288 ms / 3.6e6 = 5.4992 GPU-hours. Quality B: benchmark run to a quality target, parameter count "
          "from the BERT paper.",
))

# ResNet-50, Fujitsu PRIMERGY CDI, 8 x L40S
s, e = 1713966304965, 1713969336382
cases.append(C(
    id="mlperf-v4.0-fujitsu-cdi-resnet50-25.6m-imagenet-35ep-8xl40s-50.5min",
    name="MLPerf Training v4.0 closed ResNet-50 v1.5 run (Fujitsu PRIMERGY CDI, 8 x L40S): ImageNet-1k from scratch to "
         "76.1% top-1, 35 epochs x 1,281,167 images at 224 px, fp16, 50.5 min",
    quality="B",
    modality="vision",
    architecture="CNN (ResNet-50 v1.5), supervised ImageNet classification, LARS (sgdwfastlars)",
    paramsTotal=25_600_000, samples=1_281_167, epochs=35, resolution=224,
    hardware="L40S", devices=8, precision="fp16 (--dtype float16)",
    target=dict(metric=GPUH, value=round(gpuh(8, s, e), 4)),
    source=ML4_SRC + ": Fujitsu/results/PRIMERGY-CDI-L40Sx8/resnet/result_0.txt (blob 4ca2bac4cd5e4df13295b75e0040a8720c41d540), "
           "Fujitsu/systems/PRIMERGY-CDI-L40Sx8.json (blob b9288f2056b72bc7f61dfad3098d7c03bf2df9f7); " + RN_P,
    notes=CLOCK + f" run_start {s}, run_stop {e} (status success, 'epoch': 34): 3,031,417 ms. System JSON: "
          "'number_of_nodes': '1', 'accelerators_per_node': '8', 'accelerator_model_name': 'NVIDIA L40S', "
          "'accelerator_memory_capacity': '45 GB'. Log: 'global_batch_size' 2400, 'train_samples' 1,281,167, final "
          "'eval_accuracy' 0.76084 at 'epoch_num' 35 (epochs = the epoch of the final evaluation, as footprint-27), launch "
          "arguments '--dtype float16 ... --image-shape 4,224,224 --num-layers 50 --num-epochs 37'. Target [D] = 8 x "
          "3,031,417 ms / 3.6e6 = 6.7365 GPU-hours. Quality B: benchmark run to a quality target, parameter count from the "
          "MLPerf paper.",
))

# ---------------------------------------------------------------------------------------------------------------------
# 5-6. MLPerf HPC v3.0 closed OpenFold (mlcommons/hpc_results_v3.0, strong scaling): run_start -> run_stop
HPC = "dfea490b1e7b6545eb5c8b7a4ff9b05021cba098"
HPC_SRC = f"GitHub mlcommons/hpc_results_v3.0 at commit {HPC} (fetched with the fetch tool, read with git show)"
OF_COMMON = ("Log: 'model_parameters_count' 93,229,082, 'train_samples' 594,595 (the training set), "
             "'train_sequence_crop_size' 256, 'train_max_pdb_release_date' '2021-09-16', "
             "parameters initialised from the benchmark's partially trained checkpoint (the benchmark measures training "
             "from that checkpoint to the target lDDT-Ca 0.8). samples = protein crops trained at the final evaluation (the "
             "log's 'epoch_num' counts samples), epochs = 1 as the multiplier; seqLen = the 256-residue crop.")

s, e = 1697107710591, 1697123225494
cases.append(C(
    id="mlperf-hpc-v3.0-clemson-openfold-93.2m-92160-crops-36xa100-pcie-4.3h",
    name="MLPerf HPC v3.0 closed OpenFold run (Clemson, 18 x Dell R750 with 2 x A100 PCIe 80GB): AlphaFold2-style protein "
         "structure model trained from the benchmark checkpoint to lDDT-Ca 0.80, 92,160 crops of 256 residues, tf32, 4.3 h",
    quality="B",
    modality="multimodal",
    architecture="OpenFold (AlphaFold2 architecture: Evoformer + structure module), 93,229,082 parameters",
    paramsTotal=93_229_082, samples=92_160, epochs=1, seqLen=256,
    hardware="A100 PCIe 80GB", devices=36, precision="tf32 (log 'precision': 'tf32')",
    target=dict(metric=GPUH, value=round(gpuh(36, s, e), 4)),
    source=HPC_SRC + ": Clemson/results/18xR750-2xA100-PCIe-80GB/strong/openfold/result_0.txt (blob "
           "b7d0ed6e5d579e341a0a491746f1a052bf9d1101), Clemson/systems/18xR750-2xA100-PCIe-80GB.json (blob "
           "b822d790fe2b516754bfd6279e006d74621800dc)",
    notes=CLOCK + f" run_start {s}, run_stop {e} (status success): 15,514,903 ms. System JSON: 'number_of_nodes': '18', "
          "'accelerators_per_node': '2', 'accelerator_model_name': 'NVIDIA A100 - PCIe - 80 GB'; log 'number_of_nodes' 18, "
          "'accelerators_per_node' 2, 'global_batch_size' 144, 'precision' 'tf32', final 'eval_accuracy' 0.8014 at "
          "'epoch_num' 92160. " + OF_COMMON + " Target [D] = 36 x 15,514,903 ms / 3.6e6 = 155.149 GPU-hours. Quality B: "
          "every input printed by the log; continued training from a checkpoint; not a token workload.",
))

s, e = 1695866176810, 1695866679558
cases.append(C(
    id="mlperf-hpc-v3.0-nvidia-eos-n260-openfold-93.2m-143360-crops-2080xh100-8.4min",
    name="MLPerf HPC v3.0 closed OpenFold run (NVIDIA Eos, 260 x DGX H100 = 2,080 H100 80GB): trained from the benchmark "
         "checkpoint to lDDT-Ca 0.80, 143,360 crops of 256 residues, bf16, 8.4 min",
    quality="B",
    modality="multimodal",
    architecture="OpenFold (AlphaFold2 architecture: Evoformer + structure module), 93,229,082 parameters",
    paramsTotal=93_229_082, samples=143_360, epochs=1, seqLen=256,
    hardware="H100 80GB HBM3 (DGX H100)", devices=2080, precision="bf16 (log 'precision': 'bf16')",
    target=dict(metric=GPUH, value=round(gpuh(2080, s, e), 4)),
    source=HPC_SRC + ": NVIDIA/results/eos_n260_ngc23.09_pytorch/strong/openfold/result_0.txt (blob "
           "2f0e4fdf43935b5074984a21d85fa314910a7939), NVIDIA/systems/eos_n260_ngc23.09_pytorch.json (blob "
           "f5fd1ccdcd133c8987118177bb17495ff144cdaa)",
    notes=CLOCK + f" run_start {s}, run_stop {e} (status success): 502,748 ms. System JSON: 'number_of_nodes': '260', "
          "'accelerators_per_node': '8', 'accelerator_model_name': 'NVIDIA H100 80GB HBM3'; log "
          "'submission_platform' '260xNVIDIA DGX H100', 'global_batch_size' 256, 'precision' 'bf16', final 'eval_accuracy' "
          "0.8044 at 'epoch_num' 143360 logged at run_stop (an 'epoch_stop' with epoch_num 153600 is logged 1.8 s after "
          "run_stop: evaluation is asynchronous, so up to 10,240 more crops may have been trained in the clock). "
          + OF_COMMON + " Target [D] = 2,080 x 502,748 ms / 3.6e6 = 290.477 GPU-hours. Quality B: every input printed by "
          "the log; extreme strong scaling (batch 256 over 2,080 GPUs, i.e. model parallelism inside each sample).",
))

# ---------------------------------------------------------------------------------------------------------------------
# 7-9. DAWNBench ImageNet training entries (stanford-futuredata/dawn-bench-entries): time to 93% top-5
DB = "fb27b827bd83eff9021698ffe576b33a100e0b78"
DB_SRC = f"GitHub stanford-futuredata/dawn-bench-entries at commit {DB} (fetched with the fetch tool, read with git show)"
DB_NOTE = ("DAWNBench ImageNet training: time to 93% top-5 validation accuracy; the TSV's 'hours' column is cumulative "
           "wall-clock time at the end of each epoch. samples = the ImageNet-1k training set (1,281,167 images: MLPerf's "
           "'train_samples' in the Fujitsu ResNet log of this set).")

cases.append(C(
    id="dawnbench-lambda-resnet50-imagenet-29ep-4xgtx1080ti-12.66h",
    name="DAWNBench ImageNet entry (Lambda, Chuan Li, 2019): ResNet-50 from scratch with the fast.ai/DIUx imagenet18 "
         "schedule, 29 epochs with progressive resizing 128->224->288 px, fp16, 4 x GTX 1080 Ti, 12.66 h to 93.05% top-5",
    quality="B",
    modality="vision",
    architecture="CNN (ResNet-50), supervised ImageNet classification, SGD with momentum",
    paramsTotal=25_600_000, samples=1_281_167, epochs=29, resolution="128->224->288 px progressive (train)",
    hardware="GTX 1080 Ti (memory not stated)", devices=4, precision="fp16 (train.py args '--fp16')",
    target=dict(metric=GPUH, value=round(4 * 12.6633863253064, 4)),
    source=DB_SRC + ": ImageNet/train/lambda_resnet50_lambda_cloud_single_pytorch.json (blob "
           "d887fc164781e67eb54de98a13c1b6852972bd18) and .tsv (blob 238c176fcd0bc7335a671604c4a3268d332e6c89); " + RN_P,
    notes=DB_NOTE + " JSON: 'model': 'Resnet 50', 'hardware': 'Lambda GPU Cloud - 4x GTX 1080 Ti', 'framework': 'ncluster / "
          "Pytorch 1.0.0', 'timestamp': '2019-08-10', train.py args '--fp16 ... --distributed', 'imageSize' 128 to epoch 14, "
          "224 to epoch 27, 288 at epoch 28; batch sizes 128 / 112 / 64. TSV last row: '29  12.6633863253064  "
          "76.0479965209961  93.0500030517578' (epoch, hours, top-1, top-5). Target [D] = 4 x 12.6634 h = 50.6536 GPU-hours. "
          "Quality B: all inputs in the entry except the parameter count (the MLPerf paper's ResNet-50 v1.5 figure, "
          "applied to the entry's 'Resnet 50'). GTX 1080 Ti memory not "
          "stated.",
))

cases.append(C(
    id="dawnbench-gehc-resnet50-imagenet-40ep-8xv100-2.25h",
    name="DAWNBench ImageNet entry (GE Healthcare, Min Zhang, 2019): ResNet-50 v1 from scratch, 40 epochs with progressive "
         "resizing 128->224->288 px, TensorFlow 1.11 + Horovod, 8 x V100 (one AWS p3.16xlarge), 2.25 h to 93.11% top-5",
    quality="B",
    modality="vision",
    architecture="CNN (ResNet-50 v1), supervised ImageNet classification, SGD with momentum",
    paramsTotal=25_600_000, samples=1_281_167, epochs=40, resolution="128->224->288 px progressive (train)",
    hardware="V100 (memory not stated; AWS p3.16xlarge)", devices=8, precision=None,
    target=dict(metric=GPUH, value=round(8 * 2.252502778, 4)),
    source=DB_SRC + ": ImageNet/train/gehc_resnet50_1_p3_16xlarge_tensorflow111.json (blob "
           "6e8eb2429b4b2db7ea217e3c4f4ba69e50514d44) and .tsv (blob 3277fe20f6cdab8f6a052f1c6df0850a1876e8cd); " + RN_P,
    notes=DB_NOTE + " JSON: 'model': 'Resnet 50 v1', 'hardware': '8*V100 (single p3.16xlarge)', 'framework': 'tensorflow 1.11 "
          "+ horovod', 'timestamp': '2019-02-25', 'loss_scale': 256, 'training_strategy' epochs [0,6] and [6,21] at 128 px "
          "(batch 740), [21,32] and [32,36] at 224 px (batch 256 / 196), [36,40] at 288 px (batch 128). TSV last row: '40  "
          "2.252502778  75.795  93.11'. Target [D] = 8 x 2.252502778 h = 18.02 GPU-hours. Quality B: all inputs in the entry "
          "except the parameter count (the MLPerf paper's ResNet-50 v1.5 figure, applied to the entry's 'Resnet 50 v1'); precision not stated "
          "(a 'loss_scale' of 256 suggests fp16 mixed precision, not written as such: null); V100 memory not stated.",
))

cases.append(C(
    id="dawnbench-zte-resnet50-imagenet-36ep-64xp100-23.2min",
    name="DAWNBench ImageNet entry (ZTE AI Platform, 2019): ResNet-50 from scratch, 36 epochs with progressive resizing "
         "96->128->224->288 px and batch up to 16,384, TensorFlow 1.12, 8 nodes x 8 P100, 23.2 min to 93.03% top-5",
    quality="B",
    modality="vision",
    architecture="CNN (ResNet-50), supervised ImageNet classification, SGD with momentum, large-batch schedule",
    paramsTotal=25_600_000, samples=1_281_167, epochs=36, resolution="96->128->224->288 px progressive (train)",
    hardware="P100 (memory / form factor not stated)", devices=64, precision=None,
    target=dict(metric=GPUH, value=round(64 * 0.3862738737132814, 4)),
    source=DB_SRC + ": ImageNet/train/zte_resnet50_2_machine_tensorflow112.json (blob "
           "e5deb395f1ebe54f8dcb5f072814221729f06812) and .tsv (blob cd866c62fd2de53fc985c9f148e7f05f2e5743ba); " + RN_P,
    notes=DB_NOTE + " JSON: 'model': 'Resnet 50', 'hardware': '8 nodes with InfiniBand (8*P100 for each node)', 'framework': "
          "'TensorFlow v1.12.0', 'timestamp': '2019-08-01', 'batchSize' 8,192 (8 epochs), 16,384 (23), 10,240 (3), 8,192 (2); "
          "'imageSize' 96 (15 epochs), 128 (16), 224 (3), 288 (2) = 36 epochs. TSV rows are numbered 0..35 (36 epochs; the "
          "row for epoch 0 is at 0.0088 h), last row: '35  0.3862738737132814  75.526  93.030'. Target [D] = 64 x 0.38627 h "
          "= 24.7215 GPU-hours. Quality B: all inputs in the entry except the parameter count (MLPerf paper figure); "
          "precision and P100 memory / form factor not stated.",
))

DESCRIPTION = ("Twenty-eighth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md (read the Shortfall section: fewer than the 15 runs asked for). Built without running the "
               "estimator and without reading product code; no model/run of footprint-heldout-1..27 nor of the development "
               "notes is reused.")
out = {
    "set": "footprint-heldout-28",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
for c in cases:
    print(f"  {c['id']:<80} {c['target']['value']}")
