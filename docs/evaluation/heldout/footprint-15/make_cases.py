"""Builds footprint-heldout-15 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(GPUs x hours, days x 24, minutes / 60). Nothing is fitted and the Green ML Review estimator was never run on these cases.
[R] = recalled / secondary (not read in the primary source); [D] = derived here.
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

IMAGENET1K = 1_281_167   # ImageNet-1k train images [R]
COCO_TRAINVAL35K = 115_000  # COCO 2014 train (~83k) + val35k (~35k) minus minival; ~115k images [R]

# ====================================================================== text: dense LLM pre-training
A(C(id="phi-1-1.3b-54b-tok-8xa100-6d",
    name="Microsoft phi-1 (1.3B code LM) pre-training + CodeExercises fine-tune, 54B tokens, 8x A100, 6 days (2023)",
    quality="B", architecture="decoder-only transformer (phi-1, 24 layers)",
    paramsTotal=1_300_000_000, tokens=54_000_000_000, seqLen=2048, hardware="A100", devices=8, precision="fp16",
    target=dict(metric=GPUH, value=8 * 6 * 24),
    source="microsoft/phi-1 model card on Hugging Face (README.md, commit 9e27d7d 'Update README.md', 2023), read in a search excerpt of the commit diff",
    notes="Card 'Training / Model (phi-1)': 'Architecture: a Transformer-based model with next-word prediction objective; "
          "Training tokens: 54B tokens (7B unique tokens); Precision: fp16; GPUs: 8 A100; Training time: 6 days'. "
          "Target [D] = 8 x 6 d x 24 = 1,152 A100-hours. paramsTotal 1.3B is the card's / paper's stated size [R] "
          "(the Open LLM Leaderboard request file lists 1.418B including embeddings); seqLen 2048 [R] (paper). "
          "A100 memory size not stated. Not phi-1.5 / phi-2 / phi-3 (footprint-1/-2 and the excluded phi-2 development case). "
          "Quality B: 'days' is rounded and the 54B tokens include the small CodeExercises fine-tuning stage."))

A(C(id="spanbert-large-2.4m-steps-32xv100-15d",
    name="SpanBERT (large) pre-training, 2.4M steps x 256 sequences of up to 512 tokens, 32x V100, 15 days (2019)",
    quality="B", architecture="encoder-only transformer (BERT-large shape, 24 layers, 1024 hidden)",
    paramsTotal=340_000_000, tokens=2_400_000 * 256 * 512, seqLen=512, hardware="V100", devices=32,
    target=dict(metric=GPUH, value=32 * 15 * 24),
    source="Joshi et al., 'SpanBERT: Improving Pre-training by Representing and Predicting Spans' (TACL 2020; arXiv 1907.10529, 2019), section 4.2, read as ar5iv text through find_string/read_file",
    notes="Paper: 'We deviate from the optimization by running for 2.4M steps ... Our implementation uses a batch size of 256 "
          "sequences with a maximum of 512 tokens.' Footnote: 'On the average, this is approximately 390 sequences since some "
          "documents have fewer than 512 tokens' (read as ~390 tokens per sequence). 'The pre-training was done on 32 Volta "
          "V100 GPUs and took 15 days to complete.' Target [D] = 32 x 15 d x 24 = 11,520 V100-hours. tokens [D] = 2.4M x 256 "
          "x 512 = 314.6B (upper bound; with ~390 tokens per sequence about 239.6B). paramsTotal 340M [R] (BERT-large). "
          "Precision not stated (null). Quality B: 'took 15 days' is rounded wall time; token count is an upper bound."))

# PhoBERT: the VinAI blog gives the total (both models); the per-model split is recalled from the paper.
PHOBERT_SRC = ("VinAI Research blog 'PhoBERT: The first public large-scale language models for Vietnamese' (July 7, 2020), "
               "read in a search excerpt; per-model split from Nguyen & Nguyen, 'PhoBERT: Pre-trained language models for "
               "Vietnamese' (Findings of EMNLP 2020) [R]")
PHOBERT_NOTE = ("Blog: 'we use a pre-training dataset of 20GB of uncompressed texts ... ~145M word-segmented sentences (~3B "
                "word tokens)' ... 'We run the training process for 40 epochs, using 4 Nvidia V100 GPUs (16GB each) during 8 "
                "weeks in total.' The 8 weeks cover BOTH models; the paper's split [R, not re-read] is PhoBERT-base 3 weeks, "
                "then PhoBERT-large 5 weeks (3 + 5 = 8 agrees with the blog). tokens [D] = 40 epochs x ~3B word tokens = "
                "120B words (BPE subword count is higher). seqLen 256 [R]. ")
A(C(id="phobert-base-40ep-4xv100-16gb-3wk",
    name="PhoBERT-base (Vietnamese RoBERTa-base) pre-training, 20GB / ~3B word tokens x 40 epochs, 4x V100 16GB, ~3 weeks (2020)",
    quality="C", architecture="encoder-only transformer (RoBERTa-base shape)",
    paramsTotal=135_000_000, tokens=40 * 3_000_000_000, seqLen=256, hardware="V100 16GB", devices=4,
    target=dict(metric=GPUH, value=4 * 21 * 24), also=[dict(metric=GPUH, value=4 * 56 * 24)],
    source=PHOBERT_SRC,
    notes=PHOBERT_NOTE + "Target [D] = 4 x 21 d x 24 = 2,016 V100-hours; also = both models together, 4 x 56 d x 24 = 5,376. "
          "paramsTotal 135M [R] (PhoBERT README table). Quality C: the per-model split is recalled, not re-read."))
A(C(id="phobert-large-40ep-4xv100-16gb-5wk",
    name="PhoBERT-large (Vietnamese RoBERTa-large) pre-training, 20GB / ~3B word tokens x 40 epochs, 4x V100 16GB, ~5 weeks (2020)",
    quality="C", architecture="encoder-only transformer (RoBERTa-large shape)",
    paramsTotal=370_000_000, tokens=40 * 3_000_000_000, seqLen=256, hardware="V100 16GB", devices=4,
    target=dict(metric=GPUH, value=4 * 35 * 24), also=[dict(metric=GPUH, value=4 * 56 * 24)],
    source=PHOBERT_SRC,
    notes=PHOBERT_NOTE + "Target [D] = 4 x 35 d x 24 = 3,360 V100-hours; also = both models together, 5,376. "
          "paramsTotal 370M [R] (PhoBERT README table). Quality C: the per-model split is recalled, not re-read."))

# ====================================================================== vision: self-supervised / foundation pre-training
A(C(id="barlow-twins-r50-1000ep-32xv100-124h",
    name="Barlow Twins self-supervised pre-training of ResNet-50 on ImageNet-1k, 1000 epochs, batch 2048, 32x V100, ~124 h (2021)",
    quality="B", modality="vision", architecture="ResNet-50 backbone + 3-layer 8192-d MLP projector (two views per image)",
    samples=IMAGENET1K, epochs=1000, resolution=224, hardware="V100", devices=32,
    target=dict(metric=GPUH, value=32 * 124),
    source="Zbontar et al., 'Barlow Twins: Self-Supervised Learning via Redundancy Reduction' (ICML 2021), implementation details; read in a search excerpt (paper text quoted on a reproducibility summary page)",
    notes="Paper: 'We use the LARS optimizer and train for 1000 epochs with a batch size of 2048.' 'Training is distributed "
          "across 32 V100 GPUs and takes approximately 124 hours.' Target [D] = 32 x 124 = 3,968 V100-hours. samples = "
          "ImageNet-1k train [R]; resolution 224 (random-resized crops) [R]. Each step runs two augmented views per image. "
          "paramsTotal left null (ResNet-50 ~23.5M backbone [R] plus a large 8192-d projector). Precision not stated. "
          "Self-supervised, not the excluded supervised 'ResNet-50 (ImageNet)' development case; not SimCLR/BYOL/MoCo "
          "(footprint-3/-6). Quality B: 'approximately' and recalled dataset size."))

A(C(id="dinov3-vit7b-lvd1689m-h100-61440h",
    name="DINOv3 ViT-7B/16 self-supervised pre-training on LVD-1689M web images, NVIDIA H100, 61,440 GPU-hours (2025)",
    quality="B", modality="vision", architecture="ViT-7B/16 (6,716M parameters, 4096 embedding, 32 heads, SwiGLU, RoPE, 4 registers)",
    paramsTotal=6_716_000_000, hardware="H100", precision="bf16 (with fp8 matmuls)",
    target=dict(metric=GPUH, value=61_440),
    source="facebook DINOv3 model card (Hugging Face README, 'Environmental Impact' and 'Technical Specifications'), 2025; read with read_file (GitHub-indexed copy)",
    notes="Card: '- Hardware Type: Nvidia H100 - Hours used: 61,440 hours for ViT-7B model training - Cloud Provider: Private "
          "infrastructure - Compute Region: USA - Carbon Emitted: 18t CO2eq'. 'ViT-7B (6716M parameters): patch size 16, "
          "embedding dimension 4096, 4 register tokens, 32 heads, SwiGLU FFN, RoPE'. 'Training regime: PyTorch FSDP2 (with "
          "bf16 and fp8 matrix multiplications)'. Data: LVD-1689M, 'a curated dataset of 1,689 millions of images'. The card "
          "gives no device count, iteration count or crop resolution, so samples/epochs/resolution/devices are null (not "
          "estimable from the card alone). Target = 61,440 H100-hours as stated. Not DINOv2 (footprint-1). Quality B: "
          "'Hours used' is a single rounded figure whose scope (ViT-7B training only, not the distilled models) is as stated."))

# ====================================================================== vision: detection / instance segmentation
MRCNN_SRC = ("He, Gkioxari, Dollar, Girshick, 'Mask R-CNN' (ICCV 2017; arXiv 1703.06870), section 4 'Training' and "
             "implementation details; read in several GitHub-indexed copies of the paper text (find_string)")
MRCNN_NOTE = ("Paper: 'We train on 8 GPUs (so effective minibatch size is 16) for 160k iterations, with a learning rate of "
              "0.02 which is decreased by 10 at the 120k iteration.' Images resized so the shorter edge is 800 pixels. "
              "'Training with ResNet-50-FPN on COCO trainval35k takes 32 hours in our synchronized 8-GPU implementation "
              "(0.72s per 16-image mini-batch), and 44 hours with ResNet-101-FPN.' Check: 0.72 s x 160k = 32.0 h. epochs [D] = "
              "160k x 16 / ~115k trainval35k images [R] = 22.3. The GPU model for training is not named in this sentence "
              "(the paper times inference on a Tesla M40 [R]), so hardware is null. Caffe2/Detectron-era fp32 [R]. This is "
              "the paper's own run, not the Detectron / maskrcnn-benchmark model-zoo rows (footprint-14) nor the DLE "
              "Mask R-CNN (footprint-13). ")
A(C(id="maskrcnn-paper-r50-fpn-coco-160k-8gpu-32h",
    name="Mask R-CNN ResNet-50-FPN on COCO trainval35k, 160k iterations x 16 images, 8 GPUs, 32 h (paper, 2017)",
    quality="B", modality="vision", architecture="Mask R-CNN, ResNet-50-FPN backbone",
    samples=COCO_TRAINVAL35K, epochs=160_000 * 16 / COCO_TRAINVAL35K, resolution=800, devices=8, precision="fp32",
    target=dict(metric=GPUH, value=8 * 32),
    source=MRCNN_SRC,
    notes=MRCNN_NOTE + "Target [D] = 8 x 32 = 256 GPU-hours. Quality B: GPU type not stated; dataset size recalled."))
A(C(id="maskrcnn-paper-r101-fpn-coco-160k-8gpu-44h",
    name="Mask R-CNN ResNet-101-FPN on COCO trainval35k, 160k iterations x 16 images, 8 GPUs, 44 h (paper, 2017)",
    quality="B", modality="vision", architecture="Mask R-CNN, ResNet-101-FPN backbone",
    samples=COCO_TRAINVAL35K, epochs=160_000 * 16 / COCO_TRAINVAL35K, resolution=800, devices=8, precision="fp32",
    target=dict(metric=GPUH, value=8 * 44),
    source=MRCNN_SRC,
    notes=MRCNN_NOTE + "Target [D] = 8 x 44 = 352 GPU-hours. Quality B: GPU type not stated; dataset size recalled."))

# ====================================================================== multimodal: frozen-backbone stages
A(C(id="minigpt4-stage2-400steps-bs12-1xa100-7min",
    name="MiniGPT-4 second-stage fine-tune (projection layer only; frozen ViT-g + Q-Former + Vicuna-13B), 400 steps x 12, 1x A100, ~7 min (2023)",
    quality="C", modality="vision", architecture="EVA ViT-g/14 + Q-Former (frozen) -> one linear projection (trained) -> Vicuna-13B (frozen)",
    paramsTotal=14_000_000_000, samples=3_500, epochs=400 * 12 / 3_500, resolution=224, hardware="A100", devices=1,
    target=dict(metric=GPUH, value=7 / 60),
    source="Zhu et al., 'MiniGPT-4: Enhancing Vision-Language Understanding with Advanced Large Language Models' (arXiv 2304.10592, 2023; ICLR 2024 version), section 3.3; and the Vision-CAIR/MiniGPT-4 README sentence as quoted in GitHub-indexed copies (find_string)",
    notes="Paper 3.3: 'this fine-tuning process is remarkably efficient, only requiring a mere 400 training steps with a batch "
          "size of 12, which takes around 7 minutes with a single A100 GPU.' README: 'this stage is computationally efficient "
          "and takes only around 7 minutes with a single A100.' Dataset: 'only approximately 3,500 out of 5,000 image-text "
          "pairs satisfy our requirement'. Target [D] = 7 / 60 = 0.1167 A100-hours. epochs [D] = 400 x 12 / 3,500 = 1.37. "
          "paramsTotal ~14B [R] = Vicuna-13B + ViT-g (~1B) + Q-Former; only the linear projection is trained, so backward "
          "cost is far below 6N. resolution 224 [R]. Not MiniGPT-4 stage 1 (footprint-2). Quality C: 'around 7 minutes', "
          "frozen-model parameter count recalled, trainable share tiny."))

A(C(id="blip2-vitg-stage1-qformer-16xa100-40gb-lt6d",
    name="BLIP-2 first-stage (vision-language representation) pre-training of the Q-Former with frozen ViT-g, 16x A100 40GB, <6 days (2023)",
    quality="C", modality="vision", architecture="EVA ViT-g/14 (frozen) + Q-Former (~188M trained)",
    paramsTotal=1_200_000_000, samples=129_000_000, resolution=224, hardware="A100 40GB", devices=16, precision="fp16 (frozen ViT)",
    target=dict(metric=GPUH, value=16 * 6 * 24),
    source="Li et al., 'BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models' (ICML 2023; arXiv 2301.12597), section 3.4 'Pre-training settings'; read in several GitHub-indexed copies of the paper text (find_string)",
    notes="Paper: 'We convert the frozen ViTs' and LLMs' parameters into FP16, except for FlanT5 where we use BFloat16.' 'using "
          "a single 16-A100(40G) machine, our largest model with ViT-g and FlanT5-XXL requires less than 6 days for the first "
          "stage and less than 3 days for the second stage.' Target [D] = 16 x 6 d x 24 = 2,304 A100-hours, an UPPER bound "
          "('less than'). Stage 1 uses only the frozen ViT-g and the Q-Former (the LLM enters in stage 2). samples = 129M "
          "images [R] (pre-training set); steps/batch for stage 1 not re-read, so epochs null. paramsTotal ~1.2B [R] (ViT-g "
          "~1B frozen + Q-Former 188M trained). The stage-2 run is footprint-6's blip2-vitg-flant5xxl-stage2; this is stage 1. "
          "Quality C: upper bound, recalled sizes."))

# ====================================================================== description
DESCRIPTION = ("Fifteenth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..14 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
               "[R] = recalled/secondary; [D] = derived arithmetic shown in notes and in make_cases.py.")


# ====================================================================== write
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
    "set": "footprint-heldout-15",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
