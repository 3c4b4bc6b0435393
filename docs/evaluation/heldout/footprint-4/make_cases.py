"""Builds footprint-heldout-4 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x days x 24, TPU v3/v4 cores / 2 = chips, GPU-weeks x 168, minutes / 60, ...). Nothing is fitted and the Green ML
Review estimator was never run on these cases. Run: python3 make_cases.py
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


def tpu_chips(cores):
    """TPU v2/v3/v4 slices are named by TensorCores; 2 TensorCores per chip."""
    assert cores % 2 == 0
    return cores // 2


COCO_TRAIN = 118_287        # COCO 2017 train images (standard count) [R]; the DETR card says "118k"
IMAGENET_TRAIN = 1_281_167  # ILSVRC-2012 training images (standard count) [R]

cases = []
A = cases.append

# ====================================================================== vision: detection (one table, one repository)
DDETR = ("https://github.com/fundamentalvision/Deformable-DETR README.md, section 'Main Results' (commit "
         "11169a60c33333af00a4849f1808023eba96a931, blob c9db56351160b25f179cbe11ef2602fac15b315a) — 2020; Zhu et al. 2021, "
         "'Deformable DETR: Deformable Transformers for End-to-End Object Detection' (ICLR 2021, arXiv 2010.04159), Table 1")
DDETR_Q = ("README table columns: 'Method | Epochs | AP | AP_S | AP_M | AP_L | params (M) | FLOPs (G) | Total Train Time (GPU hours) | "
           "Train Speed (GPU hours /epoch) | Infer Speed (FPS) | Batch Infer Speed (FPS)'. Notes under the table: '1. All models of "
           "Deformable DETR are trained with total batch size of 32.' '2. Training and inference speed are measured on NVIDIA Tesla V100 "
           "GPU.' '7. The original implementation is based on our internal codebase. There are slight differences in the final accuracy "
           "and running time due to the plenty details in platform switch.' ")
for cid, nm, arch, ep, params, flops, hours, per_ep, q, extra in [
    ("faster-rcnn-fpn-r50-109ep", "Faster R-CNN + FPN (ResNet-50), 109 epochs on COCO", "cnn detector (two-stage, resnet-50 + fpn)",
     109, 42e6, 180, 380, 3.5, "A", "Row: 'Faster R-CNN + FPN | 109 | 42.0 | 26.6 | 45.4 | 53.4 | 42 | 180 | 380 | 3.5 | 25.6 | 28.0'."),
    ("detr-r50-500ep", "DETR (ResNet-50), 500 epochs on COCO", "cnn backbone + transformer encoder-decoder (set prediction)",
     500, 41e6, 86, 2000, 4.0, "A", "Row: 'DETR | 500 | 42.0 | 20.5 | 45.8 | 61.1 | 41 | 86 | 2000 | 4.0 | 27.0 | 38.3'."),
    ("detr-dc5-r50-500ep", "DETR-DC5 (ResNet-50, dilated C5), 500 epochs on COCO", "cnn backbone (dilated C5) + transformer encoder-decoder",
     500, 41e6, 187, 7000, 14.0, "A", "Row: 'DETR-DC5 | 500 | 43.3 | 22.5 | 47.3 | 61.1 | 41 | 187 | 7000 | 14.0 | 11.4 | 12.4'. Same parameters "
     "as DETR but 2.2x the FLOPs per image (higher-resolution C5 feature map) and 3.5x the GPU-hours: a test of FLOPs- vs parameter-based estimates."),
    ("deformable-detr-ss-50ep", "Deformable DETR (single scale, ResNet-50), 50 epochs on COCO", "cnn backbone + deformable-attention transformer",
     50, 34e6, 78, 160, 3.2, "A", "Row: 'Deformable DETR (single scale) | 50 | 39.4 | 20.6 | 43.0 | 55.5 | 34 | 78 | 160 | 3.2 | 27.0 | 42.4'."),
    ("deformable-detr-50ep", "Deformable DETR (multi-scale, ResNet-50), 50 epochs on COCO", "cnn backbone + multi-scale deformable-attention transformer",
     50, 40e6, 173, 325, 6.5, "A", "Row: 'Deformable DETR | 50 | 44.5 | 27.1 | 47.6 | 59.6 | 40 | 173 | 325 | 6.5 | 15.0 | 19.4'."),
    ("detr-dc5-r50-50ep", "DETR-DC5 (ResNet-50, dilated C5), 50 epochs on COCO", "cnn backbone (dilated C5) + transformer encoder-decoder",
     50, 41e6, 187, 700, 14.0, "A", "Row: 'DETR-DC5 | 50 | 35.3 | 15.2 | 37.5 | 53.6 | 41 | 187 | 700 | 14.0 | 11.4 | 12.4'. The same model as "
     "detr-dc5-r50-500ep for one tenth of the epochs: GPU-hours scale exactly with epochs (700 vs 7000)."),
    ("deformable-detr-ss-dc5-50ep", "Deformable DETR (single scale, DC5, ResNet-50), 50 epochs on COCO", "cnn backbone (dilated C5) + deformable-attention transformer",
     50, 34e6, 128, 215, 4.3, "A", "Row: 'Deformable DETR (single scale, DC5) | 50 | 41.5 | 24.1 | 45.3 | 56.0 | 34 | 128 | 215 | 4.3 | 22.1 | 29.4'."),
    ("deformable-detr-iter-refine-50ep", "Deformable DETR + iterative box refinement (ResNet-50), 50 epochs", "cnn backbone + deformable transformer, iterative refinement",
     50, 41e6, 173, 325, 6.5, "A", "Row: '+ iterative bounding box refinement | 50 | 46.2 | 28.3 | 49.2 | 61.5 | 41 | 173 | 325 | 6.5 | 15.0 | 19.4'."),
    ("deformable-detr-two-stage-50ep", "Two-stage Deformable DETR with box refinement (ResNet-50), 50 epochs", "cnn backbone + deformable transformer, two-stage",
     50, 41e6, 173, 340, 6.8, "A", "Row: '++ two-stage Deformable DETR | 50 | 46.9 | 29.6 | 50.1 | 61.6 | 41 | 173 | 340 | 6.8 | 14.5 | 18.8'."),
]:
    A(C(id=cid, name=nm, quality=q, modality="vision", architecture=arch, paramsTotal=params, samples=COCO_TRAIN, epochs=ep,
        resolution="COCO multi-scale (shorter side up to 800, longer side <= 1333) [R]",
        hardware="V100 (form factor not stated)", devices=None,
        target=dict(metric="gpuHours", value=hours),
        source=DDETR,
        notes=(DDETR_Q + extra + " Target = the table's 'Total Train Time (GPU hours)' = %d V100-hours (= %d epochs x %.1f GPU-h/epoch). "
               "params = the table (%dM). samples = COCO 2017 train (118,287 [R]) per epoch; %d epochs. FLOPs per image %dG (inference, "
               "as in the table). A: hours, epochs and parameters all in one table; GPU count per run not stated (devices null; the README's "
               "example commands use 8 or 16 GPUs). Note: every total in this table equals epochs x the 'GPU hours/epoch' column (within "
               "rounding), so the totals are the source's own extrapolation from a measured per-epoch speed, not timed end-to-end runs. The README copy is at /work/labels/footprint-4/files/fundamentalvision__Deformable-DETR/README.md."
               % (hours, ep, per_ep, params / 1e6, ep, flops))))

A(C(id="detr-r50-300ep-16v100", name="DETR (ResNet-50) baseline, 300 epochs on 16 V100", quality="B", modality="vision",
    architecture="cnn backbone + transformer encoder-decoder (set prediction)", paramsTotal=41e6, samples=COCO_TRAIN, epochs=300,
    hardware="V100 (form factor not stated)", devices=16,
    target=dict(metric="gpuHours", value=days(16, 3)),
    source=("https://huggingface.co/facebook/detr-resnet-50 model card — 'Training' — 2020 (read via a stored copy of the card's README "
            "blame page); Carion et al. 2020, 'End-to-End Object Detection with Transformers' (ECCV 2020, arXiv 2005.12872), Sec. 4"),
    notes=("Card: 'DEtection TRansformer (DETR) model trained end-to-end on COCO 2017 object detection (118k annotated images).' 'The model "
           "was trained for 300 epochs on 16 V100 GPUs. This takes 3 days, with 4 images per GPU (hence a total batch size of 64).' Paper "
           "(as quoted by an aiportalx summary): 'Training the baseline model for 300 epochs on 16 V100 GPUs takes 3 days, with 4 images per "
           "GPU (hence a total batch size of 64).' Target = 16 x 3 d x 24 = 1,152 GPU-h. params 41M from the Deformable DETR table (DETR "
           "row). B: '3 days' one digit (+-17 %). Same model as detr-r50-500ep but a different (shorter) run, on a different "
           "implementation (DETR's own code vs the Deformable DETR team's measurement).")))

# ====================================================================== vision: classic CNNs (consumer / workstation GPUs)
A(C(id="alexnet-2xgtx580", name="AlexNet (ImageNet 2012) on two GTX 580 3GB", quality="B", modality="vision", architecture="cnn (alexnet)",
    paramsTotal=60e6, samples=IMAGENET_TRAIN, epochs=90, resolution="224x224 crops",
    hardware="GTX 580 3GB (consumer)", devices=2,
    target=dict(metric="gpuHours", value=days(2, 5.5)),
    source=("Krizhevsky, Sutskever & Hinton 2012, 'ImageNet Classification with Deep Convolutional Neural Networks' (NeurIPS 2012), "
            "Sec. 1 and 5 — https://papers.nips.cc/paper_files/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html"),
    notes=("Paper (sentence recalled [R], not re-read this session): 'We trained the network for roughly 90 cycles through the training set "
           "of 1.2 million images, which took five to six days on two NVIDIA GTX 580 3GB GPUs.' and 'The neural network, which has 60 million "
           "parameters and 650,000 neurons ...'. A stored summary page (centerconsulting.com, citing the NeurIPS page) confirms 'two NVIDIA GTX "
           "580 GPUs' and '60 million parameters'. Target [D] = 2 x 5.5 d (mid-point of 5-6) x 24 = 264 GPU-h (+-9 %). B: a range; the time "
           "sentence is recalled. 2012 Fermi consumer cards (GTX 580, 244 W TDP [R]); model split across the two GPUs.")))
A(C(id="vgg-4xtitanblack", name="VGG ConvNet (ILSVRC 2014, configurations A-E) on four Titan Black", quality="B", modality="vision",
    architecture="cnn (vgg, 11-19 weight layers)", paramsTotal=138e6, samples=IMAGENET_TRAIN, epochs=74, resolution="224x224 crops",
    hardware="GTX Titan Black 6GB (consumer)", devices=4,
    target=dict(metric="gpuHours", value=days(4, 2.5 * 7)),
    source=("Simonyan & Zisserman 2015, 'Very Deep Convolutional Networks for Large-Scale Image Recognition' (ICLR 2015, arXiv 1409.1556), "
            "Sec. 3.3 'Implementation details'"),
    notes=("Paper (recalled [R], not re-read this session): 'On a system equipped with four NVIDIA Titan Black GPUs, training a single net took "
           "2-3 weeks depending on the architecture.' and 'the learning was stopped after 370K iterations (74 epochs)'; Table 2: 133-144 million "
           "parameters for configurations A-E (VGG-16 = D, 138M). Target [D] = 4 x 17.5 d (mid-point of 2-3 weeks) x 24 = 1,680 GPU-h (+-20 %). "
           "B: a range over architectures; recalled; paramsTotal = configuration D. Kepler consumer cards (250 W TDP [R]).")))

# ====================================================================== vision: VLMs
IDEFICS = ("https://huggingface.co/HuggingFaceM4/idefics-80b model card — 'Hardware' and 'Environmental Impact' — 2023 (read via stored "
           "copies of the card commit a2b0422 'Adding carbon footprint information' and discussion #20)")
A(C(id="idefics-80b-pretrain", name="IDEFICS-80B pre-training (Flamingo-style VLM on LLaMA-65B)", quality="B", modality="vision",
    architecture="vlm (frozen LLaMA-65B + frozen CLIP ViT-H + trained perceiver and cross-attention) [R]", paramsTotal=80e9,
    hardware="A100 80GB (AWS SageMaker, form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=512 * 672),
    source=IDEFICS,
    notes=("Card: 'The IDEFICS models were trained on an AWS SageMaker cluster with 8x80GB A100 GPUs nodes and EFA network.' '- IDEFICS-80B "
           "took ~28 days of training on 64 nodes (512 GPUs).' 'IDEFICS-80B pretraining' '- **Hardware Type:** 512 NVIDIA A100 GPUs' '- "
           "**Hours used:** 672 hours (28 days)'. Preliminary experimentation (not in the target): '385,000 V100 GPU hours, and 300,000 A100 "
           "GPU hours'. Target [D] = 512 x 672 = 344,064 GPU-h. B: '~28 days'; tokens/images seen not read; 80B = the name (most weights frozen "
           "[R]: the trainable share is much smaller than 80B, so a 6ND estimate on 80B overstates).")))
A(C(id="idefics-80b-instruct", name="IDEFICS-80B-instruct (instruction fine-tune of IDEFICS-80B)", quality="B", modality="vision",
    architecture="vlm (as idefics-80b-pretrain)", paramsTotal=80e9,
    hardware="A100 80GB (AWS SageMaker, form factor not stated)", devices=384,
    target=dict(metric="gpuHours", value=days(384, 3)),
    source=IDEFICS,
    notes=("Card: '- IDEFICS-80b-instruct finetuned the base model for ~3 days on 48 nodes (384 GPUs).' Target [D] = 384 x 3 d x 24 = 27,648 "
           "GPU-h. B: '~3 days' one digit (+-17 %); data size not read. A FINE-TUNE: idefics-80b-pretrain is not included.")))
A(C(id="llava-llama3.1-8b-modelscope", name="LLaVA-LLaMA-3.1 8B (ModelScope, MS-SWIFT), three stages on 8 A100-80GB", quality="B",
    modality="vision", architecture="vlm (LLaVA-1.6 vision tower + projector + Llama-3.1-8B-Instruct)", paramsTotal=8e9,
    hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 70),
    source="https://huggingface.co/modelscope/llava-llama3.1-8b model card 'README (1).md' (commit 7c1a677) — 'Training Details' — 2024",
    notes=("Card: 'Stage0: We train the parameters of the projector on the 3K image-text pairs from llava-pretrain.' 'Stage1: We train the "
           "parameters of the projector and LLM on the 558K data from llava-pretrain (after filtering the incomplete data items, 270K are "
           "used).' 'Stage2: We conduct the instruction-tuning for the parameters of the projector and LLM on llava-instruct-150K dtaa.' 'The "
           "training cost is ~70 hours on 8 NVIDIA A100-80GB (may vary due to hardware differences). All the training and evaluation were "
           "conduected using the MS-SWIFT framework.' Target = 8 x 70 = 560 GPU-h. B: '~70 hours' covers three stages and evaluation; "
           "samples ~423K [D] (3K + 270K + 150K) not put in `samples` because epochs are not stated; 8B = the LLM. A FINE-TUNE of "
           "Llama-3.1-8B-Instruct (the excluded Llama 3.1 8B pre-training is not included).")))

# ====================================================================== text: fine-tunes
A(C(id="koala-13b", name="Koala-13B (dialogue fine-tune of LLaMA-13B, EasyLM/JAX)", quality="B", paramsTotal=13e9, epochs=2,
    hardware="A100 (DGX server; memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 6),
    source=("BAIR blog, 'Koala: A Dialogue Model for Academic Research' (https://bair.berkeley.edu/blog/2023/04/03/koala/, 3 April 2023) — "
            "read via stored copies (mlwires.com summary, php.cn translation)"),
    notes=("Blog (as copied): 'Koala was trained on a single Nvidia DGX server that consists of 8 A100 GPUs, with the training process taking 6 "
           "hours, for 2 epochs. On public cloud computing platforms, such a training run is less than $100 with preemptible instances.' and "
           "'the Koala model is implemented in EasyLM using JAX/Flax'. Data: ~30K ShareGPT examples, HC3 (~87K QA), OIG subset, Alpaca 52K, "
           "Anthropic HH ~160K, WebGPT ~20K, OpenAI summarization. Target = 8 x 6 = 48 GPU-h. B: secondhand copies; total tokens not stated; "
           "13B = the name. A FINE-TUNE of LLaMA-13B.")))
A(C(id="guanaco-65b-qlora", name="Guanaco-65B (QLoRA 4-bit fine-tune of LLaMA-65B) on one 48GB GPU", quality="B",
    architecture="dense (frozen 4-bit base + LoRA adapters)", paramsTotal=65e9, precision="4-bit NF4 base, bf16 adapters",
    hardware="48GB GPU (model not stated in the abstract)", devices=1,
    target=dict(metric="gpuHours", value=24),
    source=("Dettmers et al. 2023, 'QLoRA: Efficient Finetuning of Quantized LLMs' (NeurIPS 2023, arXiv 2305.14314), abstract — read via "
            "the stored OpenReview page https://openreview.net/forum?id=OUIFPHEgJU"),
    notes=("Abstract: 'We present QLoRA, an efficient finetuning approach that reduces memory usage enough to finetune a 65B parameter model "
           "on a single 48GB GPU while preserving full 16-bit finetuning task performance. QLoRA backpropagates gradients through a frozen, "
           "4-bit quantized pretrained language model into Low Rank Adapters (LoRA). Our best model family, which we name Guanaco, ... reaching "
           "99.3% of the performance level of ChatGPT while only requiring 24 hours of finetuning on a single GPU.' Target = 1 x 24 = 24 "
           "GPU-h. B: GPU model not named in the abstract (48GB class: RTX A6000 / A40 / L40 [R]); dataset (OASST1, ~9K examples [R]) not in "
           "the abstract; only the LoRA adapters are trained but the backward pass runs through all 65B frozen weights. A FINE-TUNE; the "
           "excluded LLaMA 65B pre-training is not included.")))

# ====================================================================== text: encoder pre-training
A(C(id="mosaicbert-base-8xa100", name="MosaicBERT-Base pre-training on C4 in 1.13 h on 8 A100-80GB", quality="B",
    architecture="dense-encoder (BERT-base with FlashAttention, ALiBi, GLU, unpadding)", paramsTotal=137e6, precision="bf16",
    hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 1.13),
    source=("Portes et al. 2023, 'MosaicBERT: A Bidirectional Encoder Optimized for Fast Pretraining' (NeurIPS 2023, arXiv 2312.17482), "
            "abstract — read via stored copies (nips.cc poster page, hf papers page); Databricks/MosaicML blog 'MosaicBERT: Pretraining BERT "
            "from Scratch for $20'"),
    notes=("Abstract: 'The training recipe includes a 30% masking ratio for the Masked Language Modeling (MLM) objective, bfloat16 precision, "
           "and vocabulary size optimized for GPU throughput ... When pretrained from scratch on the C4 dataset, this base model achieves a "
           "downstream average GLUE (dev) score of 79.6 in 1.13 hours on 8 A100 80 GB GPUs at a cost of roughly $20.' Target [D] = 8 x 1.13 = "
           "9.04 GPU-h. B: tokens not in the lines read (the paper's schedule, ~70K steps x 4096 x 128 [R], was not re-read), 137M [R] "
           "(MosaicBERT-Base size). The 1.13 h point is an early checkpoint on the Pareto curve, not the longest run.")))
A(C(id="academic-budget-bert-24h", name="24hBERT: BERT-large-style MLM in 24 h on 8 low-range 12GB GPUs", quality="B",
    architecture="dense-encoder (BERT-large shape, 24 layers) [R]", paramsTotal=335e6,
    hardware="Titan V 12GB (recalled [R]; abstract: 'low-range 12GB GPUs')", devices=8,
    target=dict(metric="gpuHours", value=8 * 24),
    source=("Izsak, Berchansky & Levy 2021, 'How to Train BERT with an Academic Budget' (EMNLP 2021, arXiv 2104.07705), abstract — read "
            "via stored copies (deepai.org abstract page; hf papers markdown)"),
    notes=("Abstract (v1 wording): 'We present a recipe for pretraining a masked language model in 24 hours, using only 8 low-range 12GB GPUs. "
           "We demonstrate that ... it is possible to produce models that are competitive with BERT-base on GLUE tasks at a fraction of the "
           "original pretraining cost.' (v2: 'in 24 hours using a single low-end deep learning server'). Target = 8 x 24 = 192 GPU-h. B: GPU "
           "model not named in the abstract (Titan V [R]); model size (BERT-large shape, ~335M [R]) and tokens (Wikipedia + BookCorpus, "
           "sequence length 128 [R]) not re-read; 24 h is a budget the recipe fills.")))

# ====================================================================== text: large pre-training
A(C(id="yalm-100b", name="YaLM 100B (Yandex) pre-training on 800 A100", quality="B", paramsTotal=100e9,
    hardware="A100 (memory not stated)", devices=800,
    target=dict(metric="gpuHours", value=days(800, 65)),
    source=("https://huggingface.co/yandex/yalm-100b model card (commit a36c524, 23 June 2022); Yandex, 'Yandex publishes YaLM 100B. It's the "
            "largest GPT-like neural network in open source' (Medium, June 2022) — read via a stored copy; the yandex/YaLM-100B repository was not read"),
    notes=("Card: 'The model leverages 100 billion parameters. It took 65 days to train the model on a cluster of 800 A100 graphics cards and "
           "1.7 TB of online texts, books, and countless other sources in both English and Russian.' Post: 'It took us 65 "
           "days to train the model on a pool of 800 A100 graphics cards and 1.7 TB of online texts, books, and countless other sources.' "
           "Target [D] = 800 x 65 d x 24 = 1,248,000 GPU-h. B: tokens not stated in the lines read (~300B [R]); wall-clock days include any "
           "restarts (the post describes instabilities and a halved training time after fixes).")))
A(C(id="snowflake-arctic", name="Snowflake Arctic (480B dense-MoE hybrid, 17B active), 'less than 3K GPU weeks'", quality="B",
    architecture="moe", paramsTotal=480e9, paramsActive=17e9,
    hardware="H100 (recalled [R]; GPU type not in the lines read)", devices=None,
    target=dict(metric="gpuHours", value=3000 * 7 * 24),
    source=("Snowflake AI Research, 'Snowflake Arctic: The Best LLM for Enterprise AI — Efficiently Intelligent, Truly Open' (snowflake.com "
            "blog, 24 April 2024); read via stored copies (the-decoder.com, centerconsulting.com, dataphoenix.info)"),
    notes=("the-decoder: 'According to Snowflake, Arctic required a training budget of less than $2 million, or about 3,000 GPU weeks.' "
           "centerconsulting: 'Snowflake said it built Arctic for a compute budget of under $2 million - less than 3,000 GPU weeks' 'a "
           "10-billion-parameter dense transformer running in parallel with a residual mixture-of-experts layer of 128 experts at 3.66 billion "
           "parameters each, using top-2 gating. That yields 480 billion total parameters but only about 17 billion active per token'. Target "
           "[D] = 3,000 GPU-weeks x 168 = 504,000 GPU-h — an UPPER BOUND ('less than'); score it as a bound. B: bound, secondhand, tokens "
           "(3.5T [R]) and GPU type not in the lines read.")))

# ====================================================================== diffusion / generative
CN = "ControlNet (trainable copy of the SD 1.5 UNet encoder + zero convolutions; SD 1.5 frozen)"
A(C(id="controlnet-canny-sd15", name="ControlNet Canny (SD 1.5), 3M edge-image-caption pairs", quality="B", modality="diffusion",
    architecture=CN, paramsTotal=361e6, samples=3_000_000, resolution="512x512 [R]",
    hardware="A100 80GB (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=600),
    source=("https://huggingface.co/lllyasviel/sd-controlnet-canny model card — 2023 (read via the stored Replicate copy "
            "https://replicate.com/jagilley/controlnet-canny); Zhang & Agrawala 2023, 'Adding Conditional Control to Text-to-Image Diffusion "
            "Models' (arXiv 2302.05543)"),
    notes=("Card (as copied): 'The model is trained with a canny edge detector (with random thresholds) to obtain 3M edge-image- caption pairs "
           "from the internet. The model is trained with 600 GPU-hours with Nvidia A100 80G. The base model is Stable Diffusion 1.5.' Target = "
           "600 GPU-h. B: epochs/steps not stated (samples = dataset size); 361M [R] = ControlNet SD1.5 trainable parameters (not in the card); "
           "the frozen SD 1.5 UNet (860M [R]) still runs forward in every step. A FINE-TUNE-like adapter training on SD 1.5.")))
A(C(id="controlnet-mlsd-sd15", name="ControlNet M-LSD straight lines (SD 1.5), from the Canny checkpoint", quality="B", modality="diffusion",
    architecture=CN, paramsTotal=361e6,
    hardware="A100 80GB (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=150),
    source=("https://huggingface.co/lllyasviel/sd-controlnet-mlsd model card — 2023 (read via a stored copy of the card text at "
            "https://getroomai.com/docs/howitworks/)"),
    notes=("Card (as copied): 'The training data is generated using a learning-based deep Hough transform to detect straight lines from Places2 "
           "and then use BLIP to generate captions. The Canny model is used as a starting checkpoint and train the model with 150 GPU-hours "
           "with Nvidia A100 80G.' Target = 150 GPU-h. B: copy on a third-party page; dataset size (600K pairs [R]) not in the lines read; "
           "continued from controlnet-canny-sd15 (whose hours are not included).")))
A(C(id="controlnet-seg-sd15", name="ControlNet segmentation (SD 1.5), ADE20K 164K pairs", quality="B", modality="diffusion",
    architecture=CN, paramsTotal=361e6, samples=164_000,
    hardware="A100 80GB (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=200),
    source=("https://huggingface.co/lllyasviel/sd-controlnet-seg model card — 2023 (read via the stored Replicate copy "
            "https://replicate.com/jagilley/controlnet-seg and promptlayer.com)"),
    notes=("Card (as copied): 'This model was trained with the ADE20K dataset captioned by BLIP to obtain 164K segmentation-image-caption pairs. "
           "The model is trained with 200 GPU-hours on Nvidia A100 80G. The base model is Stable Diffusion 1.5.' Target = 200 GPU-h. B: epochs "
           "not stated; 361M [R]. (The ControlNet paper v1 is recalled [R] to list an RTX 3090 Ti for some models; the card copies read say "
           "A100 80G, which is what is recorded.)")))
A(C(id="ddpm-cifar10", name="DDPM (Ho et al.) CIFAR-10 model, 800K steps on a TPU v3-8", quality="B", modality="diffusion",
    architecture="unet (pixel-space diffusion, 35.7M)", paramsTotal=35.7e6, samples=800_000 * 128, epochs=1, resolution="32x32",
    hardware="TPU v3", devices=tpu_chips(8),
    target=dict(metric="gpuHours", value=tpu_chips(8) * 10.6),
    source=("Ho, Jain & Abbeel 2020, 'Denoising Diffusion Probabilistic Models' (NeurIPS 2020, arXiv 2006.11239), Appendix B — read via a "
            "stored reading card (https://ai-papers.xuzou.cn/papers/ddpm_2020)"),
    notes=("Reading card: 'all experiments used TPU v3-8, described by the authors as similar to 8 V100 GPUs' 'The CIFAR-10 model has 35.7M "
           "parameters' 'The CIFAR model trains at 21 steps per second with batch size 128, reaching 800K steps in about 10.6 hours.' (paper "
           "wording recalled [R]: 'Our CIFAR10 model ... trains at 21 steps per second at batch size 128 (10.6 hours to train to completion)'). "
           "A TPU v3-8 = 8 TensorCores = 4 chips. Target [D] = 4 chips x 10.6 h = 42.4 TPU-v3-chip-hours. samples [D] = 800,000 x 128 = "
           "102.4M images seen (epochs = 1 by the convention that samples is the total; = 2,048 passes over CIFAR-10's 50K). B only because "
           "read secondhand; all facts are stated.")))
A(C(id="dalle-mini-tpuv3-8", name="DALL·E mini (BART + VQGAN) on one TPU v3-8 for 3 days", quality="B", modality="vision",
    architecture="seq2seq transformer (BART) over VQGAN image tokens", samples=15_000_000,
    hardware="TPU v3", devices=tpu_chips(8),
    target=dict(metric="gpuHours", value=days(tpu_chips(8), 3)),
    source=("Dayma et al., 'DALL·E mini' W&B report (https://wandb.ai/dalle-mini/dalle-mini/reports/DALL-E-mini--Vmlldzo4NjIxODA), July "
            "2021 (HF Flax/JAX community week)"),
    notes=("Report: 'Our model is 27 times smaller than the original DALL·E and was trained on a single TPU v3-8 for only 3 days.' 'We used all "
           "the images we had (about 15 million) for training our Seq2Seq model.' 'For fine-tuning our image encoder, we only used a subset of "
           "2 million images.' Target [D] = 4 chips (TPU v3-8 = 8 cores) x 3 d x 24 = 288 TPU-v3-chip-hours. B: '3 days'; parameters only as "
           "'27 times smaller' than DALL·E's 12B (~0.44B [D], left null); epochs not stated; VQGAN fine-tuning time not included. Not the "
           "excluded DALL·E Mega (a later, larger model on a TPU v3-256).")))

# ====================================================================== science / other (filed as multimodal, as in footprint-3)
A(C(id="graphcast", name="GraphCast (medium-range weather GNN) on 32 TPU v4", quality="B", modality="multimodal",
    architecture="gnn (encoder-processor-decoder on a multi-mesh)", paramsTotal=36.7e6, precision="bf16",
    hardware="TPU v4", devices=32,
    target=dict(metric="gpuHours", value=days(32, 28)),
    source=("Lam et al. 2023, 'Learning skillful medium-range global weather forecasting' (Science 382, arXiv 2212.12794), Sec. 4 — read "
            "SECONDHAND via the aiportalx.com entry that quotes it"),
    notes=("Quoted: 'Training GraphCast took roughly four weeks on 32 Cloud TPU v4 devices using batch parallelism.' and '4.6: \"we use bfloat16 "
           "floating point precision\"'. Target [D] = 32 x 28 d x 24 = 21,504 TPU-v4-chip-hours ('devices' read as chips). B: 'roughly four "
           "weeks'; secondhand; 36.7M [R]; ERA5 1979-2017 samples and autoregressive rollout curriculum not counted.")))
A(C(id="pangu-weather-one-model", name="Pangu-Weather, one lead-time model (3D Earth-specific transformer), 192 V100", quality="B",
    modality="multimodal", architecture="3d earth-specific transformer (swin-like)", epochs=100,
    hardware="V100 (form factor not stated)", devices=192,
    target=dict(metric="gpuHours", value=days(192, 16)),
    also=[dict(metric="gpuHours", value=4 * days(192, 16))],
    source=("Bi et al. 2023, 'Accurate medium-range global weather forecasting with 3D neural networks' (Nature 619, 533-538) — read via "
            "stored copies (NCI Australia documentation page; chronicleslive.com report)"),
    notes=("NCI page: 'The entire training dataset is about 60TB and each model is trained for 100 epochs, which takes 15/16 days on 192 V-100 "
           "GPUs.' Report: 'To train the model for output at specific time intervals, the researchers used 100 epochs (cycles) with hourly "
           "samples of weather data from 1979 to 2021. Each of the sub-models had 16 days of training on 192 V100 graphics cards.' Target [D] "
           "= 192 x 16 d x 24 = 73,728 GPU-h for ONE of the four lead-time models (1 h, 3 h, 6 h, 24 h [R]); also = 4 models = 294,912 GPU-h. "
           "B: '15/16 days'; secondhand; parameters not read.")))
A(C(id="fourcastnet-juwels-3072", name="FourCastNet (AFNO) training to solution on 3,072 A100 (JUWELS Booster)", quality="B",
    modality="multimodal", architecture="afno transformer (adaptive Fourier neural operator)", precision="mixed",
    hardware="A100 (JUWELS Booster; form factor not stated)", devices=3072,
    target=dict(metric="gpuHours", value=3072 * 67.4 / 60),
    source=("Kurth et al. 2023, 'FourCastNet: Accelerating Global High-Resolution Weather Forecasting using Adaptive Fourier Neural Operators' "
            "(PASC 2023, arXiv 2208.05419), abstract and Sec. I — stored ar5iv copy"),
    notes=("Abstract: 'FourCastNet is optimized and scales efficiently on three supercomputing systems: Selene, Perlmutter, and JUWELS Booster "
           "up to 3,808 NVIDIA A100 GPUs, attaining 140.8 petaFLOPS in mixed precision (11.9% of peak at that scale). The time-to-solution for "
           "training FourCastNet measured on JUWELS Booster on 3,072 GPUs is 67.4 minutes'. Target [D] = 3,072 x 67.4 / 60 = 3,451 GPU-h. "
           "Also stated: 140.8 PFLOPS at 11.9 % of peak (3,808 GPUs). B: a scaling run (time-to-solution), parameters and samples not in the "
           "abstract; strong-scaling efficiency at 3,072 GPUs is below a small-cluster run.")))

# ====================================================================== speech
A(C(id="fast-hubert-ls960", name="Fast-HuBERT (HuBERT-Base recipe, efficiency optimisations) on LibriSpeech 960 h", quality="B",
    modality="speech", architecture="cnn+transformer (hubert base)", paramsTotal=95e6,
    hardware="V100 (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 1.1)),
    source=("Yang et al. 2023, 'Fast-HuBERT: An Efficient Training Framework for Self-Supervised Speech Representation Learning' (arXiv "
            "2309.13860, ICASSP 2024), abstract — stored emergentmind/aminer copies"),
    notes=("Abstract: 'The proposed Fast-HuBERT can be trained in 1.1 days with 8 V100 GPUs on the Librispeech 960h benchmark, without "
           "performance degradation, resulting in a 5.2x speedup, compared to the original implementation.' Target [D] = 8 x 1.1 d x 24 = "
           "211.2 GPU-h (the original implementation would be ~5.2x that). B: 95M [R] = HuBERT Base size; 960 h of audio, steps/epochs not in "
           "the abstract.")))

# ====================================================================== added in the second pass
A(C(id="vicuna-13b", name="Vicuna-13B (ShareGPT chat fine-tune of LLaMA-13B), 8 A100 for one day", quality="B", paramsTotal=13e9, seqLen=2048,
    samples=70_000, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 1)),
    source=("LMSYS blog, 'Vicuna: An Open-Source Chatbot Impressing GPT-4 with 90%* ChatGPT Quality' (https://lmsys.org/blog/2023-03-30-vicuna/, "
            "30 March 2023) — read via stored copies (golden.com wiki entry, nobraintech.com, rhkb.cn translation)"),
    notes=("Copies: 'The training was done with 8 A100 GPUs in a single day.' / 'it was trained with PyTorch FSDP on 8 A100 GPUs in one day' / "
           "'Vicuna-13B is fine-tuned from the LLaMA base model using approximately 70,000 user-shared conversations collected from ShareGPT.com' "
           "'the max context length was expanded from 512 in alpaca to 2048' 'This reduces costs for training the 7B model from $500 to around "
           "$140 and the 13B model from around $1K to $300.' Target = 8 x 1 d x 24 = 192 GPU-h. B: 'one day' (coarse, secondhand copies); "
           "samples = conversations (one pass; epochs not in the lines read, 3 [R]); tokens not stated. A FINE-TUNE of LLaMA-13B (its "
           "pre-training is not included).")))
A(C(id="zephyr-orpo-141b", name="Zephyr 141B-A39B (ORPO alignment of Mixtral-8x22B), 4 nodes x 8 H100, 1.3 h", quality="B", architecture="moe",
    paramsTotal=141e9, paramsActive=39e9, samples=7_000, precision="bf16 [R]",
    hardware="H100 (form factor not stated)", devices=32,
    target=dict(metric="gpuHours", value=32 * 1.3),
    source=("https://huggingface.co/HuggingFaceH4/zephyr-orpo-141b-A35b-v0.1 model card — April 2024 (read via stored copies: model.aibase.cn "
            "Chinese rendering of the card, crafiq.ai summary)"),
    notes=("Card (as rendered): Zephyr 141B-A39B 'is a fine-tuned version of mistral-community/Mixtral-8x22B-v0.1 ... trained with ... Odds "
           "Ratio Preference Optimization (ORPO) ... using 7k instances ... for 1.3 hours on 4 nodes of 8 x H100s'; dataset "
           "'argilla/distilabel-capybara-dpo-7k-binarized'. Summary: 'the model actually activates approximately 39 billion parameters per "
           "token' 'trained in approximately 1.3 hours using only 32 H100 GPUs'. Target [D] = 32 x 1.3 = 41.6 GPU-h. B: secondhand renderings; "
           "tokens/epochs not in the lines read; ORPO runs chosen + rejected completions (2 sequences per preference pair). A FINE-TUNE of "
           "Mixtral-8x22B (MoE, 141B total / 39B active).")))
A(C(id="cedille-6b-fr", name="Cedille 6B (French continued training of GPT-J-6B) on a TPU v3-128", quality="B", paramsTotal=6e9, tokens=78e9,
    hardware="TPU v3", devices=tpu_chips(128),
    target=dict(metric="gpuHours", value=days(tpu_chips(128), 12.5)),
    source=("Cedille team answers on Reddit r/MachineLearning ('Cedille, the largest French language model (6b), released in open source', "
            "21 Nov 2021) — read via a verbatim note in https://github.com/AntoninJoly/Basic_operations notes/cedille_french_nlp.md (commit "
            "fec9afe96869b334a91b3461b6485f7005feb16d, blob 4f49c422384348acd58c16884fd3ddf7bd427596); https://en.cedille.ai"),
    notes=("Note (quoting the thread): 'We mostly stuck to the finetuning recommendations provided by GPT-J' 'We trained on 300gb of "
           "uncompressed text (= 78B tokens), which took 12.5 days for the final model on a v3-128 TPU.' 'The Google TRC program provided us with "
           "the TPU compute.' Post: 'Cedille, the largest French language model (6b)'. A v3-128 slice = 128 TensorCores = 64 chips. Target [D] "
           "= 64 x 12.5 d x 24 = 19,200 TPU-v3-chip-hours. B: forum answer copied in a personal note; 6B = the name (GPT-J 6B architecture). "
           "Continued training of GPT-J-6B on French (GPT-J's own 402B-token pre-training not included). Copy at "
           "/work/labels/footprint-4/files/AntoninJoly__Basic_operations/notes/cedille_french_nlp.md.")))
A(C(id="gpt1-117m", name="GPT-1 (117M) pre-training on BooksCorpus, 8 GPUs for about a month", quality="B", paramsTotal=117e6, epochs=100,
    seqLen=512, hardware="Quadro P600 (recalled [R] from the HF card; the copy read says '8 GPUs')", devices=8,
    target=dict(metric="gpuHours", value=days(8, 30)),
    source=("Radford et al. 2018, 'Improving Language Understanding by Generative Pre-Training' (OpenAI); https://huggingface.co/"
            "openai-community/openai-gpt model card — read via stored summaries of the card (openllmlist.com, drose.io)"),
    notes=("Summary of the card: 'The model is trained on the BooksCorpus dataset, which includes over 7,000 unique unpublished books ... "
           "Training was conducted over 100 epochs on sequences of 512 tokens using 8 GPUs for approximately one month.' drose.io: '12 layers, "
           "hidden dimension 768, 12 attention heads ... roughly 117 million parameters'. The card's 'Environmental Impact' block is recalled [R] "
           "as 'Hardware Type: 8 P600 GPUs' 'Hours used: 720 hours (30 days)' with 0.96 petaflop-days of compute. Target [D] = 8 x 30 d x 24 = "
           "5,760 GPU-h. B: 'approximately one month'; GPU model recalled; tokens not stated (BooksCorpus ~1B words [R] x 100 epochs); a "
           "2018 entry-level workstation GPU (Quadro P600) if the card is right — an outlier for any power model.")))
A(C(id="stylegan-xl-imagenet512", name="StyleGAN-XL at 512x512 on ImageNet (400 V100-days)", quality="B", modality="vision",
    architecture="gan (StyleGAN3 generator ~3x deeper, projected discriminator)", samples=IMAGENET_TRAIN, resolution=512,
    hardware="V100 (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=400 * 24),
    source=("Sauer, Schwarz & Geiger 2022, 'StyleGAN-XL: Scaling StyleGAN to Large Diverse Datasets' (SIGGRAPH 2022, arXiv 2202.00273) — read via "
            "the gwern.net annotation that quotes it"),
    notes=("Quoted: 'Our model is 3x larger in terms of depth and parameter count than a standard StyleGAN3. However, to match the prior "
           "state-of-the-art performance of ADM at a resolution of 512^2 pixels, training the models on a single NVIDIA Tesla V100 takes 400 "
           "GPU-days compared to the previously required 1,914 V100-days.' Target [D] = 400 V100-days x 24 = 9,600 GPU-h ('the models' = the "
           "progressive-growing stages up to 512 px). B: parameters not stated in the lines read; GPU count and images seen not stated; "
           "time normalised to one V100.")))
A(C(id="adm-guided-imagenet512", name="ADM (guided diffusion) at 512x512 on ImageNet, 1,914 V100-days", quality="B", modality="diffusion",
    architecture="unet (pixel-space diffusion, class-conditional) + classifier", paramsTotal=559e6, samples=IMAGENET_TRAIN, resolution=512,
    hardware="V100 (form factor not stated)", devices=None,
    target=dict(metric="gpuHours", value=1914 * 24),
    source=("Dhariwal & Nichol 2021, 'Diffusion Models Beat GANs on Image Synthesis' (NeurIPS 2021, arXiv 2105.05233), compute table — read "
            "SECONDHAND via the StyleGAN-XL abstract quoted in gwern.net"),
    notes=("StyleGAN-XL (quoting ADM): '... compared to the previously required 1,914 V100-days' to reach ADM's state of the art at 512^2. Target "
           "[D] = 1,914 x 24 = 45,936 V100-hours. B: SECONDHAND; whether 1,914 counts the diffusion model only or also the guiding classifier "
           "and the upsampler is not in the lines read; 559M [R] (ADM ImageNet-512 size).")))
A(C(id="efficientnetv2-xl-in21k", name="EfficientNetV2-XL pre-trained on ImageNet-21k, 45 h on 32 TPU v3 cores", quality="B", modality="vision",
    architecture="cnn (efficientnetv2, fused-MBConv, progressive resizing)", paramsTotal=208e6, samples=13_000_000,
    hardware="TPU v3", devices=tpu_chips(32),
    target=dict(metric="gpuHours", value=tpu_chips(32) * 45),
    source=("Tan & Le 2021, 'EfficientNetV2: Smaller Models and Faster Training' (ICML 2021, arXiv 2104.00298), Table 7 — read via the "
            "aiportalx.com entry that quotes it, and the stored arXiv-vanity copy (Figure 1 caption)"),
    notes=("aiportalx: 'Table 7, page 7: 45 hours on 32 TPUv3 cores. \"Each v3 TPU chip contains two TensorCores.\"' and, quoting the paper, "
           "'ImageNet21k ... contains about 13M training images with 21,841 classes ... we reserve randomly picked 100,000 images as validation "
           "set and use the remaining as training set ... each model is finetuned on ILSVRC2012 for 15 epochs'. Paper Figure 1 caption: "
           "'Training time is measured with 32 TPU cores.' Target [D] = 16 chips x 45 h = 720 TPU-v3-chip-hours. B: secondhand; 208M [R] "
           "(EffNetV2-XL size) and epochs on ImageNet-21k (60 [R]) not re-read; whether the 45 h includes the 15-epoch ILSVRC fine-tune is "
           "not stated in the lines read.")))

# ====================================================================== vision: fast single-node recipes (repositories)
FFCV = ("https://github.com/libffcv/ffcv-imagenet README.md, section 'Configurations' (commit 4dd291a122096a2032ec9fd19633e1b9aff3577d, blob "
        "1137f82e8bcd9c8d4a9a10e86cdeddd15cb0ba15) and rn18_configs/rn18_%d_epochs.yaml (blob %s) — 2022; Leclerc et al. 2023, 'FFCV: "
        "Accelerating Training by Removing Data Bottlenecks' (CVPR 2023)")
for ep, mins, top1, blob in [(88, 187.3, 0.724, "814d0c8eb03166088bc87b9f9686f5f2bc779e20"),
                             (40, 85.5, 0.706, "107437000ca67320a5355ec939d46ae7f9f715dd"),
                             (24, 51.6, 0.688, "3ca8940f4ed03cf349758703993e1b19739675a7"),
                             (16, 35.0, 0.669, "575ec0f1abc0d02faed5f10dd6f3eeb9edfd3e07")]:
    A(C(id="ffcv-resnet18-%dep-1xa100" % ep, name="ResNet-18 on ImageNet, %d epochs, one A100 (FFCV recipe)" % ep, quality="A",
        modality="vision", architecture="cnn (resnet-18, blurpool)", paramsTotal=11.7e6, samples=IMAGENET_TRAIN, epochs=ep,
        resolution="160->192 px progressive (train), 256 (val)", precision="mixed [R]",
        hardware="A100 (form factor not stated)", devices=1,
        target=dict(metric="gpuHours", value=mins / 60),
        source=FFCV % (ep, blob),
        notes=("README table: '| top_1 | top_5 | # Epochs | Time (mins) | Architecture | Setup |' row '%.3f | ... | %d | %.1f | ResNet-18 | 1 x A100'. "
               "Config: 'arch: resnet18' 'epochs: %d' 'batch_size: 1024' 'min_res: 160' 'max_res: 192' 'world_size: 1' 'validation: resolution: "
               "256'. Target [D] = %.1f min / 60 = %.3f GPU-h. 11.7M [R] = torchvision ResNet-18. A: exact time, epochs, data and model. "
               "Note: low-resolution progressive training (160-192 px instead of 224) cuts FLOPs per image by ~30-50 %%; validation time may be "
               "included in the wall-clock. The README says the results were obtained 'either with 8 GPUs in parallel or by training 8 "
               "ResNet-18's at once' — each ResNet-18 on its own A100 while the other seven GPUs of the node trained other models (shared "
               "CPU/data loading). (The ResNet-50 rows of the same table were left out: ResNet-50 is an excluded model.) Files copied "
               "to /work/labels/footprint-4/files/libffcv__ffcv-imagenet/." % (top1, ep, mins, ep, mins, mins / 60))))
AIRB = ("https://github.com/KellerJordan/cifar10-airbench README.md (commit f1c599c4af24aca803e3e65a6a7e52a502e09d0e, blob "
        "6fe76209469994dd13561f65fd54de4a6eb6fb45) and %s (blob %s) — 2024; Jordan 2024, '94%% on CIFAR-10 in 3.29 Seconds on a Single GPU' "
        "(arXiv 2404.00498)")
for cid, nm, script, blob, secs, pflops, ep, widths in [
        ("airbench94-cifar10", "airbench94 (legacy): CIFAR-10 to 94 % in 3.83 s on one A100", "legacy/airbench94.py",
         "74832178a5ad1231fa37e82be111b24339644fa7", 3.83, 0.36, 9.9, "64 / 256 / 256"),
        ("airbench96-cifar10", "airbench96 (legacy): CIFAR-10 to 96 % in 34.7 s on one A100", "legacy/airbench96.py",
         "b8555702be27bd46c7d5346aa43843259e2f4c08", 34.7, 4.9, 37.0, "128 / 384 / 512")]:
    A(C(id=cid, name=nm, quality="B", modality="vision", architecture="cnn (small VGG-like convnet, whitening layer)", samples=50_000, epochs=ep,
        resolution="32x32", hardware="A100 (400 W as stated)", devices=1,
        target=dict(metric="gpuHours", value=secs / 3600),
        source=AIRB % (script, blob),
        notes=("README: 'This repo contains the two fastest known algorithms for training a neural network to 94%% or 96%% accuracy on CIFAR-10 using a "
               "single NVIDIA A100 GPU.' '(Timings done using torch==2.4.1 on a 400W NVIDIA A100)' legacy table row '%s | ... | %ss | %s' (PFLOPs). "
               "Script: 'train_epochs': %s, 'batch_size': 1024, widths block1/2/3 = %s. Target [D] = %s s / 3600 = %.5f GPU-h. Published compute: "
               "%s PFLOP (a direct check of any FLOPs estimate). B: parameter count not stated (null; it follows from the widths, not computed "
               "here); timing excludes the one-off data loading/compilation warm-up [R]; a seconds-long run tests the estimator's floor. Files "
               "copied to /work/labels/footprint-4/files/KellerJordan__cifar10-airbench/." % (script, secs, pflops, ep, widths, secs, secs / 3600, pflops))))

# ====================================================================== third pass: small LM pre-training, consumer / new accelerators, speech
A(C(id="l20-edu-135m", name="L20-Edu-135M pre-training (10B FineWeb-Edu tokens) on one NVIDIA L20", quality="A", paramsTotal=134_515_008,
    tokens=10_001_252_352, seqLen=2048, precision="bf16",
    hardware="NVIDIA L20 48GB (Ada, China-market datacenter card)", devices=1,
    target=dict(metric="gpuHours", value=72),
    source=("https://huggingface.co/AliceYin/l20-edu-135m model card — 'Model Details', 'Training Recipe', 'Runtime And Cost Notes' — 2026; Li "
            "2026, 'L20-Edu-135M: An Auditable Single-GPU Study of Data-Efficient Small Language Modeling' (arXiv 2606.22189)"),
    notes=("Card: 'l20-edu-135m is a 134.5M-parameter Llama-style causal language model pretrained from scratch on 10B FineWeb-Edu tokens using a "
           "single NVIDIA L20 GPU.' '| Parameters | 134,515,008 |' '| Layers | 30 |' '| Hidden size | 576 |' '| Context length | 2048 |' '| "
           "Training budget | 10,001,252,352 planned tokens |' '| Global batch size | 258 sequences |' '| Tokens / optimizer step | 528,384 |' "
           "'| Max steps | 18,928 |' '| Precision | bfloat16 |' '| Gradient checkpointing | enabled |' '| Torch compile | enabled |' '| Reported "
           "GPU memory | 46,068 MiB total |' '| Mean logged throughput | 38,541 tokens/s |' '| Estimated training time | about 72 GPU-hours |'. "
           "Target = 72 GPU-h (the card's own figure from its logged throughput). A: tokens, parameters and time stated (time 'about', from "
           "logged throughput; +-2 %). The paper's later 3B-token second stage, SFT and RLVR are not included. Gradient checkpointing adds a "
           "recompute of the forward pass.")))
SMOL2 = ("https://huggingface.co/HuggingFaceTB/SmolLM2-1.7B-Instruct/discussions/20 — answer by the Hugging Face Smol Models research org "
         "(eliebak) — 2025; SmolLM2 model cards (HuggingFaceTB/SmolLM2-135M, -360M, -1.7B) — 2024; Allal et al. 2025 (arXiv 2502.02737)")
SMOL2_Q = ("Org answer: 'Hey, here is the approximate gpu hours for the different model size: 1.7B (train for 11T): 140k 360M (train for 4T): "
           "20k 135M (train for 2T): 5k note that you should be able to get better throughput per gpu by using less nodes as those model are "
           "smol.' Cards: 'The 135M model was trained on 2 trillion tokens' / 'The 360M model was trained on 4 trillion tokens' / the 1.7B 'was "
           "trained on 11 trillion tokens'; hardware lines read: SmolLM2-360M '**GPUs:** 128 H100' (changed from 64 in commit d9ced15); the "
           "1.7B card's '256 H100' is recalled [R]. ")
for cid, nm, p, tok, gh, dev in [("smollm2-135m", "SmolLM2-135M pre-training, 2T tokens", 135e6, 2e12, 5_000, None),
                                 ("smollm2-360m", "SmolLM2-360M pre-training, 4T tokens", 360e6, 4e12, 20_000, 128),
                                 ("smollm2-1.7b", "SmolLM2-1.7B pre-training, 11T tokens", 1.7e9, 11e12, 140_000, None)]:
    A(C(id=cid, name=nm + " (H100)", quality="B", paramsTotal=p, tokens=tok, seqLen=2048, precision="bf16",
        hardware="H100 (form factor not stated)", devices=dev,
        target=dict(metric="gpuHours", value=gh),
        source=SMOL2,
        notes=(SMOL2_Q + "Target = %s GPU-h as answered. B: 'approximate' round numbers from a forum answer; parameters = the names; includes "
               "all pre-training stages (the 1.7B has a multi-stage curriculum incl. annealing). SmolLM2 is not the excluded SmolLM-135M (v1) "
               "or SmolLM3." % format(gh, ","))))
A(C(id="tinystories-gpt-51m-t4", name="TinyStories GPT (51.2M) from scratch on one free-tier T4, ~2.2 h", quality="B", paramsTotal=51.2e6,
    hardware="Tesla T4 16GB", devices=1,
    target=dict(metric="gpuHours", value=2.2),
    source="https://huggingface.co/57Ajay/tinystories-gpt-51m model card — 2026",
    notes=("Card: 'A small GPT-2-style language model (51.2M parameters) trained from scratch on TinyStories.' 'It was trained in about 2.2 hours "
           "on a single free-tier NVIDIA T4 GPU. It is a learning project and a demo'. Target = 2.2 GPU-h. B: tokens/steps not in the lines "
           "read; a 70 W inference-class card (T4) on a free notebook tier.")))
A(C(id="tiny-gpt-5.8m-laptop-cpu", name="Tiny GPT (5.85M) on TinyStories V2, 77.8M tokens, laptop CPU, 7.9 h", quality="A", paramsTotal=5_853_184,
    tokens=9_500 * 8_192, seqLen=256,
    hardware="Intel Core Ultra 9 185H laptop CPU (no GPU; 12 threads)", devices=1,
    target=dict(metric="gpuHours", value=7.9),
    source="https://huggingface.co/Ahmadbader17/tiny-gpt model card — 'Training' — 2026",
    notes=("Card: 'A small GPT-2-style decoder-only transformer, written from scratch in PyTorch ... trained on a laptop CPU on a subset of "
           "TinyStories.' '| Parameters | 5,853,184 |' 'pre-norm GPT, 6 layers, d_model 256, 8 heads, context 256' 'Run: 9,500 steps x 8,192 "
           "tokens = 77.8M tokens (about 1.28 passes over the data), AdamW ... 12 CPU threads, 7.9 hours of running time on one laptop (Intel "
           "Core Ultra 9 185H).' Target = 7.9 device-hours — the device is a CPU, not an accelerator (metric kept as gpuHours = device-hours). "
           "tokens [D] = 9,500 x 8,192 = 77,824,000. A: all facts stated. The scorer may drop this row if the estimator has no CPU-training "
           "model; it tests that case.")))
A(C(id="so-vits-svc-base-v1-rtx3090", name="So-Vits-Svc voice-lab base model V1 (singing/voice conversion), one RTX 3090, 4 d 16 h",
    quality="B", modality="speech", architecture="so-vits-svc (VITS-style voice conversion, GAN decoder)", epochs=61,
    hardware="RTX 3090 24GB (consumer)", devices=1,
    target=dict(metric="gpuHours", value=4 * 24 + 16),
    source="https://huggingface.co/Zeger56644/voice-lab-v1 model card — 2023",
    notes=("Card: 'The base model to generate new voices with so-vits-svc voice lab.' 'The dataset was comprised of 278 english speaking people. "
           "4 datasets where used: Genshin Voice ... VCTK, Vocalset, Private scraped dataset' 'The model was trained for around 4 days and 16 hours "
           "on a single rtx 3090 (61 epochs / 430k steps)'. Target [D] = 4 x 24 + 16 = 112 GPU-h. B: 'around'; model size and hours of audio not "
           "stated.")))
A(C(id="distil-whisper-large-v3-es-rtx3090", name="distil-whisper-large-v3-es (Spanish distillation of Whisper large-v3), one RTX 3090, ~30 h",
    quality="B", modality="speech", architecture="encoder-decoder (whisper large-v3 encoder, 2-layer decoder; distillation)",
    paramsTotal=756e6, hardware="RTX 3090 24GB (consumer)", devices=1,
    target=dict(metric="gpuHours", value=30),
    source=("https://huggingface.co/marianbasti/distil-whisper-large-v3-es model card — 'Training' — 2024 (read via a stored commit diff, "
            "commit 86b132d)"),
    notes=("Card (after the commit): 'The model was trained for 40,000 optimisation steps (or 0.98 epochs), on a single RTX3090 for ~30 hours, "
           "using the following training parameters: --teacher_model_name_or_path \"openai/whisper-large-v3\" --train_dataset_name "
           "\"mozilla-foundation/common_voice_16_1\" ...' (the previous revision said 'or four epochs'). Target = 30 GPU-h. B: '~30 hours'; batch "
           "size not in the lines read; 756M [R] = distil-large-v3 size; the frozen/teacher forward passes (pseudo-labelling) may be outside "
           "the 30 h. Not the excluded French distil-large-v3-fr.")))

# ====================================================================== fourth pass
A(C(id="forgelm-120m-rtx4090", name="ForgeLM 120M (Llama-style) pre-training, 9.04B tokens on one RTX 4090", quality="B", paramsTotal=112_678_656,
    tokens=9.04e9, seqLen=2048, precision="bf16",
    hardware="RTX 4090 24GB (consumer)", devices=1,
    target=dict(metric="gpuHours", value=20),
    source=("Y. Desbiens, 'What it costs to train an LLM from scratch on one RTX 4090' (https://yandesbiens.com/blog/forgelm-4090-cost/, "
            "2026-06-29) — stored page copy and the post's markdown source (file-index id 55468972610; repository not named by the index)"),
    notes=("Post: 'ForgeLM is my from-scratch training stack: Llama-style decoder (RMSNorm, SwiGLU, RoPE, GQA), bf16, FlashAttention via "
           "F.scaled_dot_product_attention, torch.compile. One RTX 4090 (Ada, sm_89), 24 GB.' Table row '| 120M | 112,678,656 | 8 x 2048 | 15.8 "
           "GB | 84,554 tok/s | 7.3 B |' (planner, compile off). 'the real 120M run: Loss 9.65 -> 2.78 over 9.04 B tokens (17,250 steps). It "
           "sustained 126,078 tok/s (median ...) at a constant 11.6 GB. At that rate, 9 B tokens is ~20 hours of wall-clock on one card.' "
           "Target = 20 GPU-h. B: the author's '~20 hours' is derived from the measured rate (9.04e9 / 126,078 / 3600 = 19.9 h [D] agrees); "
           "params/tokens exact. A consumer Ada card (450 W TDP [R]).")))
A(C(id="tinystories-slm-22m-t4", name="TinyStories SLM (~22M GPT), 20,000 steps on one Tesla T4, ~3.5 h", quality="B", paramsTotal=22e6,
    tokens=20_000 * 1_024 * 128, seqLen=128, precision="bf16/fp16 mixed",
    hardware="Tesla T4 16GB", devices=1,
    target=dict(metric="gpuHours", value=3.5),
    source="https://huggingface.co/abhilash88/tinystories-slm-gpt model card — 'Training Details' — 2025 (read via a stored mirror of the card)",
    notes=("Card: 'Parameters: ~22M parameters' 'Context Length: 128 tokens' 'Layers: 6 transformer blocks' 'Hidden Size: 384' 'Batch Size: 32' "
           "'Gradient Accumulation Steps: 32' 'Effective Batch Size: 1,024' 'Training Steps: 20,000' 'Mixed Precision: bfloat16/float16' "
           "'Hardware: NVIDIA Tesla T4 GPU' 'Training Time: ~3.5 hours'. Target = 3.5 GPU-h. tokens [D] = 20,000 x 1,024 x 128 = 2.62B "
           "(sequences assumed full-length). B: '~22M' and '~3.5 hours'; 38 % of the ~22M are GPT-2 embeddings (50,257 x 384 [D]) with no "
           "matmul FLOPs except the tied output head.")))
A(C(id="bagel-34b-sft", name="bagel-34b-v0.2 SFT (fine-tune of a 34B Yi-family model), 8x A100-80GB, ~3 days", quality="B", paramsTotal=34e9,
    hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 3)),
    also=[dict(metric="gpuHours", value=8 * 18)],
    source="https://huggingface.co/jondurbin/bagel-dpo-34b-v0.2/discussions/3 — answer by the model's author (jondurbin) — 2024",
    notes=("Author: 'Here's the SFT phase: https://wandb.ai/jondurbin/bagel-34b-v0.2/runs/uo933t3v/... (about 3 days on 8x 80gb a100s) And the "
           "DPO phase: ... (about 18 hours on 8x 80gb a100s)'. Target [D] = 8 x 3 d x 24 = 576 GPU-h (SFT); also = 8 x 18 = 144 GPU-h (DPO, "
           "not summed; a follow-up question suggests the DPO was LoRA, unconfirmed). B: forum answer, 'about'; dataset size not stated; 34B "
           "= the name. A FINE-TUNE.")))
A(C(id="tilmash-nllb-kazakh-8xa100", name="Tilmash (ISSAI Kazakh translation model), 3 epochs on KazParC, 8 A100 ~3 days", quality="B",
    architecture="encoder-decoder (NLLB-style translation) [R]", epochs=3,
    hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 3)),
    source="https://huggingface.co/issai/tilmash/discussions/3 — answer by the model's authors (ISSAI) — 2024",
    notes=("Authors: 'For this model, we spend about 3 days for 3 epochs on 8 A100 GPUs. We also trained it on V100 and we spent about 4-5 days "
           "for the same number of epochs.' and '... a big dataset such as KazParC.' Target [D] = 8 x 3 d x 24 = 576 GPU-h (the A100 run; the "
           "V100 run '4-5 days' on an unstated number of V100s is not used). B: forum answer; model size and dataset size not stated in the "
           "lines read (params null). A FINE-TUNE of a pre-trained translation model [R].")))

# ====================================================================== vision transformer (plain ViT baseline)
PVIT = ("Beyer, Zhai & Kolesnikov 2022, 'Better plain ViT baselines for ImageNet-1k' (arXiv 2205.01580), abstract — stored copies "
        "(tomesphere.com, github5.com)")
PVIT_Q = ("Abstract: 'This note presents a few minor modifications to the original Vision Transformer (ViT) vanilla training setting that "
          "dramatically improve the performance of plain ViT models. Notably, 90 epochs of training surpass 76% top-1 accuracy in under "
          "seven hours on a TPUv3-8, similar to the classic ResNet50 baseline, and 300 epochs of training reach 80% in less than one day.' "
          "A TPU v3-8 = 8 TensorCores = 4 chips. ")
for cid, ep, hrs, bound in [("plain-vit-s16-90ep-tpuv3-8", 90, 7, "'under seven hours'"),
                            ("plain-vit-s16-300ep-tpuv3-8", 300, 24, "'less than one day'")]:
    A(C(id=cid, name="Plain ViT-S/16 on ImageNet-1k, %d epochs on one TPU v3-8" % ep, quality="B", modality="vision",
        architecture="vit (ViT-S/16, GAP head, 2d sincos position embedding)", paramsTotal=22e6, samples=IMAGENET_TRAIN, epochs=ep,
        resolution=224, hardware="TPU v3", devices=tpu_chips(8),
        target=dict(metric="gpuHours", value=tpu_chips(8) * hrs),
        source=PVIT,
        notes=(PVIT_Q + "Target [D] = 4 chips x %d h = %d TPU-v3-chip-hours — an UPPER BOUND (%s). B: bound; the model (ViT-S/16, 22M) is "
               "recalled [R] from the paper body, not the abstract; batch 1024 [R]. Not the excluded ViT/DeiT/Dodge ViT runs." % (hrs, 4 * hrs, bound))))

# ====================================================================== measured energy: CodeCarbon emissions.csv files published with models
CCONV = dict(powerW=None, pue=1.0, intensityGPerKWh=None,
             basis="CodeCarbon measured: GPU energy via NVML (target); total in also adds CPU (often a 42.5 W TDP default) and RAM estimates; pue 1.0")
CCQ = ("CodeCarbon columns: 'timestamp,project_name,run_id,...,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,"
       "gpu_energy,ram_energy,energy_consumed,...,gpu_count,gpu_model,...' (energies in kWh, duration in s). ")
for cid, nm, mod, arch, params, hw, n, dur, gpu_kwh, tot_kwh, src, row, extra in [
    ("spanmarker-bert-base-orgs-rtx3090", "SpanMarker NER (bert-base) fine-tune, one RTX 3090, measured energy", "text",
     "dense-encoder (bert-base + span-marker head)", 110e6, "RTX 3090 24GB (consumer)", 1, 12857.431644678116, 1.1759790066157851,
     1.3703228896746906,
     "https://huggingface.co/tomaarsen/span-marker-bert-base-orgs emissions.csv (commit dc31070) — 2023",
     "'2023-11-22T14:52:12,codecarbon,...,12857.431644678116,...,42.5,312.88358161639877,11.916408061981201,0.15178902376658385,"
     "1.1759790066157851,0.042554859292322986,1.3703228896746906,Netherlands,...,1 x NVIDIA GeForce RTX 3090,...'",
     "bert-base 110M [R] (the repo name); dataset size/epochs not read. Average GPU power 313 W (as logged). A FINE-TUNE (SpanMarker "
     "NER head on bert-base); the excluded BERT-base pre-training is not included."),
    ("codebert-cwe-classifier-2xl40s", "CodeBERT-base CWE classifier fine-tune (CIRCL), 2x L40S, measured energy", "text",
     "dense-encoder (microsoft/codebert-base + classification head)", 125e6, "L40S 48GB", 2, 390.7287475480698, 0.04525022397793066,
     0.060087807180690414,
     "https://huggingface.co/CIRCL/cwe-parent-vulnerability-classification-microsoft-codebert-base emissions.csv (commit 187f270) — 2025",
     "'2025-09-03T13:30:34,codecarbon,...,390.7287475480698,...,42.5,178.6612275683419,94.34468507766725,0.004608292719416204,"
     "0.04525022397793066,0.010229290483343567,0.060087807180690414,Luxembourg,...,2,2 x NVIDIA L40S,...'",
     "125M [R] = codebert-base; a 6.5-minute run — start-up overhead matters."),
    ("starcoder2-7b-cpt-dp8-4xh200", "StarCoder2-7B differentially-private continued pre-training (codedp, dp8), 4x H200, measured energy",
     "text", "dense (starcoder2-7b), DP-SGD continued pre-training", 7e9, "H200 141GB", 4, 3614.081431824714, 2.4194655916820693,
     2.6610751383041906,
     "https://huggingface.co/codedp-ase26/codedp-cpt-models starcoder2-7b/dp8/codecarbon.csv (commit 903307f) — 2026",
     "'2026-03-21T15:39:53,codedp-starcoder2-7b-cpt-dp8,...,3614.081431824714,...,179.42423601422766,2411.5234893258294,70.0,"
     "0.173804537372367,2.4194655916820693,0.06780500924975304,2.6610751383041906,...,4,4 x NVIDIA H200,...,96.21675013912076,...'",
     "7B = the name; GPU utilisation logged 96 %; DP-SGD (per-sample gradient clipping + noise) costs more per token than plain "
     "training; tokens not stated. Average GPU power 2,412 W for 4 GPUs (603 W each)."),
    ("mozilla-docornot-apple-m1pro", "Mozilla docornot (document-or-not image classifier) training on an Apple M1 Pro, measured energy",
     "vision", "image classifier (small; fine-tune) [R]", None, "Apple M1 Pro (integrated GPU, laptop)", 1, 1434.4216041564941,
     0.0004589120127752357, 0.004784841798393446,
     "https://huggingface.co/Mozilla/docornot codecarbon.csv (commit 80ee8a0) — 2024",
     "'2024-04-01T11:37:44,codecarbon,...,1434.4216041564941,...,0.23630000000000004,0.04939999999999999,12.0,0.0014414296039432547,"
     "0.0004589120127752357,0.002884500181674957,0.004784841798393446,France,...,macOS-14.1.1-arm64-arm-64bit,...,Apple M1 Pro,1,Apple M1 "
     "Pro,...'",
     "params not stated (null). On Apple silicon CodeCarbon reads powermetrics: GPU 0.049 W average, CPU 0.24 W, RAM 12 W estimate — the "
     "GPU share is tiny, so the total energy is used as the target here."),
    ("giz-adapmit-bge-t4", "GIZ ADAPMIT multilabel classifier (BGE encoder fine-tune), one Tesla T4, measured energy", "text",
     "dense-encoder (bge) + multilabel head", None, "Tesla T4 16GB", 1, 3581.484291791916, 0.069033904949302, 0.11602058861853813,
     "https://huggingface.co/GIZ/ADAPMIT-multilabel-bge_f emissions.csv (commit 37cb065) — 2024",
     "'2024-03-05T16:21:19,codecarbon,...,3581.484291791916,...,42.5,45.313087583201835,4.753043174743652,0.04226476030035151,"
     "0.069033904949302,0.004721923368884577,0.11602058861853813,United States,...,1 x Tesla T4,...'",
     "BGE size not stated (null); average GPU power 45 W of a 70 W card."),
]:
    apple = "apple" in cid
    A(C(id=cid, name=nm, quality="B", modality=mod, architecture=arch, paramsTotal=params, hardware=hw, devices=n,
        target=dict(metric="energyKWh", value=tot_kwh if apple else gpu_kwh),
        also=[dict(metric="energyKWh", value=gpu_kwh if apple else tot_kwh), dict(metric="gpuHours", value=n * dur / 3600)],
        convention=dict(CCONV, basis="CodeCarbon measured on Apple silicon (powermetrics): target = total energy_consumed (CPU + GPU + "
                        "RAM estimate), pue 1.0") if apple else CCONV, source=src,
        notes=(CCQ + "Row: " + row + ". " + (("Target = energy_consumed %.6g kWh (CPU + GPU + RAM, pue 1.0) — for this Apple-silicon row the "
               "total, not the GPU share; also = gpu_energy %.6g kWh" % (tot_kwh, gpu_kwh)) if apple else ("Target = gpu_energy %.6g kWh "
               "(measured, GPU only); also = energy_consumed %.6g kWh (GPU + CPU + RAM, pue 1.0)" % (gpu_kwh, tot_kwh))) +
               " and %d x %.0f s / 3600 = %.4g device-hours. B: a single CodeCarbon row; what exactly the tracker wrapped (training only, or "
               "also evaluation/saving) is not stated; %s%s" % (n, dur, n * dur / 3600, extra, "" if apple else
               " GPU-only target -> the scorer's ACCELERATOR_ONLY list should include this id."))))
A(C(id="circl-gpt2-large-vuln-description-l40s", name="GPT-2 large fine-tune for vulnerability descriptions (CIRCL), L40S, ~27 h, measured energy",
    quality="B", architecture="dense (gpt2-large, full fine-tune)", paramsTotal=774e6, hardware="L40S 48GB", devices=None,
    target=dict(metric="energyKWh", value=14.324482),
    also=[dict(metric="energyKWh", value=2.726718 + 1.228363 + 14.324482)],
    convention=CCONV,
    source=("https://huggingface.co/CIRCL/vulnerability-description-generation-gpt2-large model card (commit 5e13e9a) — 2025"),
    notes=("Card: 'This model is a fine-tuned version of openai-community/gpt2-large on the dataset CIRCL/vulnerability.' 'Generation time: "
           "approximately 27 hours with GPUs NVIDIA L40S.' 'Energy related information: - Energy consumed for RAM : 2.726718 kWh. RAM Power : "
           "94.34470081329346 W - Energy consumed for all CPUs : 1.228363 kWh. Total CPU Power : 42.5 W - Energy consumed for all GPUs : "
           "14.324482 kWh. Total GPU Power : 171.6372824939248 W'. Target = 14.324482 kWh (GPU, measured); also = 18.279563 kWh [D] (sum of "
           "the three lines). B: GPU count not stated ('GPUs', devices null; 14.32 kWh / 171.6 W = 83 h of aggregate GPU draw [D] vs '27 "
           "hours' suggests 2-3 GPUs or a longer tracked span); dataset size not read; 774M [R] = gpt2-large. A FINE-TUNE of GPT-2 large (not "
           "the excluded GPT-2 124M/1.5B llm.c/nanoGPT runs). GPU-only target -> ACCELERATOR_ONLY.")))

def rnd(v):
    """ints stay ints; >= 1 -> 2 decimals; < 1 -> 3 significant digits (so seconds-long runs and Wh-scale energies keep a value)."""
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
out = {"set": "footprint-heldout-4",
       "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
       "description": ("Fourth held-out set of published training runs for validating the Green ML Review footprint estimator. Built "
                       "without running the estimator and without reading product code; no model/run of /work/excluded-runs.txt (development "
                       "cases and footprint-heldout-1..3). gpuHours means accelerator-hours (TPU chip-hours for TPU rows). [R] = recalled/"
                       "secondary, not re-read in the primary this session; [D] = derived arithmetic shown in notes and in make_cases.py."),
       "cases": cases}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
