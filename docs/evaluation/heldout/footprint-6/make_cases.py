"""Builds footprint-heldout-6 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x days x 24, devices x hours, weeks x 7, TPU v2/v3 cores / 2 = chips, steps x batch). Nothing is fitted and the
Green ML Review estimator was never run on these cases. Run: python3 make_cases.py
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
    """TPU v2/v3 slices are named by TensorCores; 2 TensorCores per chip."""
    assert cores % 2 == 0
    return cores // 2


cases = []
A = cases.append

# file-index copies (the index does not name the repository): cited by id
ORKG = ("ORKG 'awesome-LLMs' structured list (README of a GitHub list; file-index id 10875903589, repository not named by the "
        "index), 'hardware information' field")

# ====================================================================== instruction / chat fine-tunes of 7-13B LLMs
ORCA2 = ("Mitra et al. 2023, 'Orca 2: Teaching Small Language Models How to Reason' (arXiv 2311.11045) — Microsoft's Orca-2-13b model "
         "card as listed in the Azure AI model catalog (https://ai.azure.com/catalog/models/microsoft-Orca-2-13b, version 4)")
ORCA2_Q = ("Card: 'We trained Orca 2 on 32 NVIDIA A100 GPUs with 80GB memory with bfloat16. For the 13B checkpoint, it took 17 hours to "
           "train Orca 2 on FLAN dataset for one epoch, 40 hours to train on 5 million ChatGPT data for 3 epochs and 23 hours to continue "
           "training on 1.8 million GPT-4 data for 4 epochs.' and 'We start with LLaMA-2-7B or LLaMA-2-13B checkpoint and finetune it on "
           "the train split of FLAN-v2 dataset for one epoch. ... We then train on 5 million ChatGPT data from Orca 1 for 3 epochs. Then "
           "we train on the combination of 1 million GPT-4 data from Orca 1 and Orca 2's 817K data for 4 epochs.' ")
A(C(id="orca2-13b-chatgpt-5m-stage", name="Orca 2 13B, stage 2: 5M ChatGPT explanation samples x 3 epochs, 32 A100-80GB, 40 h",
    quality="A", architecture="dense (decoder-only, full fine-tune of LLaMA-2-13B)", paramsTotal=13e9, samples=5e6, epochs=3,
    hardware="A100 80GB (form factor not stated)", devices=32, precision="bf16",
    target=dict(metric="gpuHours", value=32 * 40), source=ORCA2,
    notes=(ORCA2_Q + "Target [D] = 32 x 40 h = 1,280 A100-hours for this stage only (the 17 h FLAN stage is left out: its sample "
           "count is not stated). A FINE-TUNE of LLaMA-2-13B (13B = the base checkpoint named in the card); packing/sequence length "
           "not stated in the lines read.")))
A(C(id="orca2-13b-gpt4-1.8m-stage", name="Orca 2 13B, stage 3: 1.8M GPT-4 samples x 4 epochs, 32 A100-80GB, 23 h",
    quality="A", architecture="dense (decoder-only, full fine-tune continuing Orca 2 stage 2)", paramsTotal=13e9,
    samples=1e6 + 817e3, epochs=4, hardware="A100 80GB (form factor not stated)", devices=32, precision="bf16",
    target=dict(metric="gpuHours", value=32 * 23), source=ORCA2,
    notes=(ORCA2_Q + "Target [D] = 32 x 23 h = 736 A100-hours. samples = 1M (Orca 1 GPT-4) + 817K (Orca 2) = 1.817M, the card's "
           "'1.8 million'. FINE-TUNE stage.")))
ORCA1 = ("Mukherjee et al. 2023, 'Orca: Progressive Learning from Complex Explanation Traces of GPT-4' (arXiv 2306.02707) — read via "
         + ORKG + " and a paper summary in a Hugging Face dataset viewer (fast.hugflare.com/datasets/ogamersach/Orca_ar)")
ORCA1_Q = ("List entry (quoting the paper): 'number of parameters: 13B'; 'hardware used: A100-80GB GPU'; 'hardware information: "
           "trained Orca on 20 NVIDIA A100 GPUs with 80GB memory. It took 160 hours to train Orca on FLAN-5M (ChatGPT augmentations) "
           "for 4 epochs, and 40 hours to continue training on FLAN-1M (GPT-4 augmentations) for the same number of epochs.' Summary: "
           "'Sequence Packing: Multiple input examples packed into a single sequence to maximize context length (2,048 tokens).' ")
A(C(id="orca-13b-flan5m-stage", name="Orca (v1) 13B, FLAN-5M ChatGPT stage, 4 epochs on 20 A100-80GB, 160 h", quality="B",
    architecture="dense (decoder-only, full fine-tune of LLaMA-13B)", paramsTotal=13e9, samples=5e6, epochs=4, seqLen=2048,
    hardware="A100 80GB (form factor not stated)", devices=20,
    target=dict(metric="gpuHours", value=20 * 160), source=ORCA1,
    notes=(ORCA1_Q + "Target [D] = 20 x 160 h = 3,200 A100-hours. B: secondhand copies of the paper sentence. FINE-TUNE (Orca 2 "
           "rows are a different, later model).")))
A(C(id="orca-13b-flan1m-stage", name="Orca (v1) 13B, FLAN-1M GPT-4 stage, 4 epochs on 20 A100-80GB, 40 h", quality="B",
    architecture="dense (decoder-only, continued fine-tune)", paramsTotal=13e9, samples=1e6, epochs=4, seqLen=2048,
    hardware="A100 80GB (form factor not stated)", devices=20,
    target=dict(metric="gpuHours", value=20 * 40), source=ORCA1,
    notes=(ORCA1_Q + "Target [D] = 20 x 40 h = 800 A100-hours; epochs = 4 from 'the same number of epochs'. B: secondhand.")))
A(C(id="wizardlm-7b-8xv100", name="WizardLM 7B (Evol-Instruct fine-tune of LLaMA 7B), 250K instructions x 3 epochs, 8 V100, 70 h",
    quality="B", architecture="dense (decoder-only, full fine-tune of LLaMA 7B)", paramsTotal=7e9, samples=250e3, epochs=3,
    hardware="V100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 70),
    source=("Xu et al. 2023, 'WizardLM: Empowering Large Language Models to Follow Complex Instructions' (arXiv 2304.12244) — read "
            "via " + ORKG),
    notes=("List entry: 'training corpus: 250K instructions generated from OpenAI ChatGPT API auto-generated based on the Evol-Instruct "
           "method'; 'number of parameters: 7B'; 'hardware used: Nvidia V100 GPU'; 'hardware information: train our model on 8 V100 "
           "GPUs with Deepspeed Zero-3 for 70 hours on 3 epochs.' Target [D] = 8 x 70 = 560 V100-hours. B: secondhand list; V100 "
           "memory and sequence length not stated. FINE-TUNE of LLaMA 7B (LLaMA pre-training rows are excluded and not targets).")))

# ====================================================================== text / code pre-training
A(C(id="gpt-neox-20b-96xa100", name="GPT-NeoX-20B pre-training on the Pile, 150K steps x ~3.15M tokens, 96 A100-SXM4-40GB, 1,830 h",
    quality="B", architecture="dense (decoder-only, parallel attention+FFN, rotary)", paramsTotal=20556201984,
    tokens=150e3 * 3.15e6, seqLen=2048, precision="fp16",
    hardware="A100 40GB (SXM4)", devices=96,
    target=dict(metric="gpuHours", value=96 * 1830),
    source=("Black et al. 2022, 'GPT-NeoX-20B: An Open-Source Autoregressive Language Model' (ACL BigScience workshop, arXiv "
            "2204.06745) — read via the NL2Code reading card (https://nl2code.github.io/posts/GPT-NeoX), " + ORKG + ", and a copy of "
            "the EleutherAI/gpt-neox-20b model card (lists.cpunks.org archive)"),
    notes=("Reading card: 'batch size: approximately 3.15M tokens'; 'context window: 2,048'; 'precision floating point: fp16'; "
           "'trained tokens/steps: 150K steps'; 'hardware: We trained GPT-NeoX-20B on twelve Supermicro AS-4124GO-NART servers, each "
           "with eight NVIDIA A100-SXM4-40GB GPUs'; 'training time: 1,830 hours'. Model card: 'Num. parameters|20,556,201,984'. Target "
           "[D] = 96 GPUs x 1,830 h = 175,680 A100-hours. tokens [D] = 150,000 x 3.15M = 472.5B. B: the card's 'training time' is "
           "read as wall-clock on all 96 GPUs (the paper's own sentence was not re-read).")))
A(C(id="polycoder-2.7b-8xrtx8000", name="PolyCoder 2.7B (GPT-2-style code LM) pre-training, 39B tokens / 150K steps, 8 RTX 8000, ~6 weeks",
    quality="B", architecture="dense (decoder-only, GPT-2 style, GPT-NeoX)", paramsTotal=2.7e9, tokens=39e9, seqLen=2048,
    hardware="RTX 8000 (the card says 'Nvidia RTX 8000'; memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 6 * 7)),
    source=("Xu, Alon, Neubig & Hellendoorn 2022, 'A Systematic Evaluation of Large Language Models of Code' (MAPS 2022, arXiv "
            "2202.13169) — read via the NL2Code reading card (https://nl2code.github.io/posts/PolyCoder)"),
    notes=("Reading card (PolyCoder 2.7B): 'batch size: 262K tokens'; 'context window: 2,048'; 'model initialization: from scratch'; "
           "'trained tokens/steps: 39B tokens or 150K steps'; 'hardware: 8 Nvidia RTX 8000 GPUs'; 'training time: about 6 weeks'. "
           "Target [D] = 8 x 42 d x 24 = 8,064 GPU-hours. B: 'about 6 weeks'; secondhand card.")))
A(C(id="alexatm-20b-128xa100", name="AlexaTM 20B (multilingual seq2seq) pre-training, 500k updates x 2M tokens (1T), 128 A100, 120 days",
    quality="B", architecture="encoder-decoder (seq2seq, denoising + prefix-LM)", paramsTotal=20e9, tokens=500e3 * 2e6,
    hardware="A100 (memory not stated)", devices=128,
    target=dict(metric="gpuHours", value=days(128, 120)),
    source=("Soltan et al. 2022, 'AlexaTM 20B: Few-Shot Learning Using a Large-Scale Multilingual Seq2Seq Model' (arXiv 2208.01448) — "
            "read via " + ORKG),
    notes=("List entry: 'number of parameters: 20B'; 'hardware information: trained AlexaTM 20B for 120 days on 128 A100 GPUs for the "
           "total of 500k updates with the accumulated batch size of 2 million tokens (total of 1 trillion token updates)'; 'Encoder "
           "initialized with internal 10B pre-trained encoder.' Target [D] = 128 x 120 d x 24 = 368,640 A100-hours. B: secondhand; "
           "part of the encoder is warm-started.")))
A(C(id="glm-large-64xv100", name="GLM-Large (335M, blank-infilling LM) pre-training, 200K steps x batch 1024 x 512, 64 V100, ~2.5 days",
    quality="B", architecture="dense (GLM: bidirectional-context encoder + autoregressive blank infilling)", paramsTotal=335e6,
    tokens=200e3 * 1024 * 512, samples=200e3 * 1024, epochs=1, seqLen=512,
    hardware="V100 (memory not stated)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 2.5)),
    source=("Du et al. 2022, 'GLM: General Language Model Pretraining with Autoregressive Blank Infilling' (ACL 2022, arXiv "
            "2103.10360) — read via " + ORKG),
    notes=("List entry: 'number of parameters: Base = 110M, Large = 335M, and also 2B, 10B, 130B'; 'hardware information: The models "
           "are trained on 64 V100 GPUs for 200K steps with batch size of 1024 and maximum sequence length of 512, which takes about "
           "2.5 days for GLMLarge.' Target [D] = 64 x 2.5 d x 24 = 3,840 V100-hours. samples = steps x batch (footprint-2 convention); "
           "tokens [D] = 200K x 1024 x 512 = 104.9B, an upper bound (maximum length). B: secondhand. Not the excluded GLM-130B.")))
A(C(id="ernie-code-560m-32xa100", name="ERNIE-Code 560M (mT5-initialised code/text model), 100k steps, 32 A100-40GB, 4 weeks",
    quality="B", architecture="encoder-decoder (mT5 init)", paramsTotal=560e6, samples=100e3 * 8 * 15 * 32, epochs=1, seqLen=1024,
    precision="bf16", hardware="A100 40GB (form factor not stated)", devices=32,
    target=dict(metric="gpuHours", value=days(32, 4 * 7)),
    source=("Chai et al. 2023, 'ERNIE-Code: Beyond English-Centric Cross-lingual Pretraining for Programming Languages' (ACL Findings "
            "2023, arXiv 2212.06742) — read via the NL2Code reading card (https://nl2code.github.io/posts/ERNIE-Code)"),
    notes=("Reading card: 'Model Size 560M'; 'batch size: a micro-batch size of 8/4'; 'context window: 1,024'; 'gradient accumulation "
           "steps: 15'; 'precision floating point: bf16'; 'model initialization: mT5'; 'trained tokens/steps: 100k steps'; 'hardware: "
           "32 NVIDIA A100 GPUs with 40G memory'; 'training time: 4 weeks'. Target [D] = 32 x 28 d x 24 = 21,504 A100-hours. samples "
           "[D] = 100k steps x 8 x 15 x 32 = 384M sequences (upper reading; the '/4' micro-batch halves it) with epochs = 1. B: "
           "secondhand card, ambiguous batch; CONTINUED from mT5.")))
CODET5 = ("Wang et al. 2021, 'CodeT5: Identifier-aware Unified Pre-trained Encoder-Decoder Models for Code Understanding and "
          "Generation' (EMNLP 2021, arXiv 2109.00859), Sec. 4.1 and 4.5 — read via a bilingual copy of the paper text (file-index id "
          "24022187527; repository not named by the index)")
CODET5_Q = ("Paper: 'We build CodeT5 based on Huggingface's T5 ... and employ two sizes of CodeT5-small (60M) and CodeT5-base (220M). We "
            "set the maximum source and target sequence lengths to be 512 and 256, respectively. We use the mixed precision of FP16 ... "
            "We set the batch size to 1024 ... We pre-train the model with the denoising objective for 100 epochs and bimodal dual "
            "training for further 50 epochs on a cluster of 16 NVIDIA A100 GPUs with 40G memory. The total training time for "
            "CodeT5-small and CodeT5-base is 5 and 12 days, respectively.' Table 1 total: 8,347,634 instances (3,158,313 with NL, "
            "5,189,321 without). ")
A(C(id="codet5-small-16xa100", name="CodeT5-small (60M) pre-training, 100 + 50 epochs over CodeSearchNet+C/C#, 16 A100-40GB, 5 days",
    quality="B", architecture="encoder-decoder (T5)", paramsTotal=60e6, samples=8347634, epochs=100, seqLen=512, precision="fp16",
    hardware="A100 40GB (form factor not stated)", devices=16,
    target=dict(metric="gpuHours", value=days(16, 5)), source=CODET5,
    notes=(CODET5_Q + "Target [D] = 16 x 5 d x 24 = 1,920 A100-hours. samples x epochs = the 100 denoising epochs over all 8.35M "
           "instances; the further 50 bimodal epochs run over the 3.16M NL-paired instances (+19 % sample passes [D]). B: that split.")))
A(C(id="codet5-base-16xa100", name="CodeT5-base (220M) pre-training, 100 + 50 epochs over CodeSearchNet+C/C#, 16 A100-40GB, 12 days",
    quality="B", architecture="encoder-decoder (T5)", paramsTotal=220e6, samples=8347634, epochs=100, seqLen=512, precision="fp16",
    hardware="A100 40GB (form factor not stated)", devices=16,
    target=dict(metric="gpuHours", value=days(16, 12)), source=CODET5,
    notes=(CODET5_Q + "Target [D] = 16 x 12 d x 24 = 4,608 A100-hours. Same sample caveat as codet5-small-16xa100.")))
A(C(id="deberta-base-64xv100", name="DeBERTa-base (100M) pre-training, 1M steps x batch 2048, 64 V100 on 4 DGX-2, 10 days",
    quality="B", architecture="dense-encoder (DeBERTa, disentangled attention)", paramsTotal=100e6, samples=1e6 * 2048, epochs=1,
    hardware="V100 (4 DGX-2 machines; memory not stated in the line read)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 10)),
    source=("He et al. 2021, 'DeBERTa: Decoding-enhanced BERT with Disentangled Attention' (ICLR 2021, arXiv 2006.03654) — read via "
            + ORKG),
    notes=("List entry: 'number of parameters: 100M (Base), 350M (Large), 700M (X-large), and 1.5B (XX-large)'; training corpus 'about "
           "78GB'; 'hardware information: The base model of DeBERTa was trained on 4 DGX-2 machines equipped with 64 V100 GPUs. The "
           "training took 10 days to complete 1M training steps with a batch size of 2048.' Target [D] = 64 x 10 d x 24 = 15,360 "
           "V100-hours. samples = steps x batch with epochs = 1. B: secondhand; sequence length not in the line read. Not the excluded "
           "'DeBERTa-large 400M on 96 V100' row.")))

# ====================================================================== vision (self-supervised / large CNN)
A(C(id="seer-regnety-1.3b-512xv100", name="SEER (RegNetY-256GF, 1.3B) self-supervised pre-training on 1B uncurated images, 512 V100-32GB, 8 days",
    quality="B", modality="vision", architecture="cnn (RegNetY, SwAV objective)", paramsTotal=1.3e9, samples=114890 * 8704, epochs=1,
    hardware="V100 32GB (form factor not stated)", devices=512, precision="mixed",
    target=dict(metric="gpuHours", value=days(512, 8)),
    source=("Goyal et al. 2021, 'Self-supervised Pretraining of Visual Features in the Wild' (arXiv 2103.01988), Sec. 3.2 — read via "
            "a model database entry that quotes it (https://aiportalx.com/facebook-ai-research/seer)"),
    notes=("Entry (quoting the paper): 'Our final SElf-supERvised (SEER) model, a RegNetY with 1.3B parameters trained on 1B random "
           "images with 512 GPUs'; '\"on 512 V100 32GB NVIDIA GPUs. Training this model on 1 billion images requires 114, 890 "
           "training iterations for a batch size of 8, 704 images, summing to 8 days of training over 512 GPUs.\"'; 'they "
           "specifically mention using mixed precision training'; the entry's own arithmetic: '6125 ms / batch * 114890 batches = 8.14 "
           "days (they round to 8 in the text)'. Target [D] = 512 x 8 d x 24 = 98,304 V100-hours (8.14 d would give 100,024). samples "
           "[D] = 114,890 x 8,704 = 1.0B images, epochs = 1. B: secondhand; rounded days.")))
MOCO = ("He et al. 2020, 'Momentum Contrast for Unsupervised Visual Representation Learning' (CVPR 2020, arXiv 1911.05722) and Chen "
        "et al. 2020, 'Improved Baselines with Momentum Contrastive Learning' (arXiv 2003.04297) — facebookresearch/moco README "
        "'Linear Classification' table, read via a rendering (readmex.com/en-US/facebookresearch/moco) and a README copy "
        "(pythonawesome.com); parameter count from the Papers-with-Code row copied at beta.hyper.ai/en/papers/1911.05722")
MOCO_Q = ("README table: 'Model Architecture | Pre-train Epochs | Pre-train Time (8 V100 GPUs) | MoCo v1 Top-1 Accuracy | MoCo v2 "
          "Top-1 Accuracy' / 'ResNet-50 | 200 | 53 hours | 60.8% ±0.2 | 67.5% ±0.1'. README: 'To do unsupervised pre-training of a "
          "ResNet-50 model on ImageNet in an 8-gpu machine, run: python main_moco.py -a resnet50 --lr 0.03 --batch-size 256 ...' and "
          "'To run MoCo v2, set --mlp --moco-t 0.2 --aug-plus --cos.' PwC row: 'MoCo (ResNet-50) | Number of Params: 24M'. "
          "ImageNet-1K train set size taken as 'about 1.2M images' (the BEiT paper's description of the same set, see "
          "beit-base-16xv100). ")
A(C(id="moco-v1-r50-200ep-8xv100", name="MoCo v1 ResNet-50, 200 epochs on ImageNet-1K, 8 V100, 53 h", quality="B", modality="vision",
    architecture="cnn (ResNet-50, contrastive with momentum encoder)", paramsTotal=24e6, samples=1.2e6, epochs=200,
    hardware="V100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 53), source=MOCO,
    notes=(MOCO_Q + "Target [D] = 8 x 53 h = 424 V100-hours. B: README renderings; a momentum (key) encoder doubles forward passes; "
           "dataset size approximate.")))
A(C(id="moco-v2-r50-200ep-8xv100", name="MoCo v2 ResNet-50 (MLP head, aug+, cosine), 200 epochs on ImageNet-1K, 8 V100, 53 h",
    quality="B", modality="vision", architecture="cnn (ResNet-50 + MLP head, contrastive with momentum encoder)", paramsTotal=24e6,
    samples=1.2e6, epochs=200, hardware="V100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 53), source=MOCO,
    notes=(MOCO_Q + "Target [D] = 8 x 53 h = 424 V100-hours (the README gives one time column for both v1 and v2). B: as v1; the MLP "
           "head adds a few M parameters.")))
A(C(id="beit-base-16xv100", name="BEiT-base (ViT-B/16) masked-image-modeling pre-training, 500k steps x 2k (800 epochs), 16 V100-32GB, ~5 days",
    quality="B", modality="vision", architecture="vit (ViT-B/16 encoder, masked image modeling on dVAE tokens)", paramsTotal=86e6,
    samples=1.2e6, epochs=800, resolution=224,
    hardware="V100 32GB (form factor not stated)", devices=16,
    target=dict(metric="gpuHours", value=days(16, 5)),
    source=("Bao et al. 2022, 'BEiT: BERT Pre-Training of Image Transformers' (ICLR 2022, arXiv 2106.08254), Sec. 2.5 — read via "
            "stored copies of the paper text (file-index ids 62160969851, 63189566951) and a reproducibility card "
            "(https://ri.k117.org/papers/beit_bert_pretraining_of_image_transformers__af3ce8d5)"),
    notes=("Paper: 'We pretrain BEIT on the training set of ImageNet-1K ..., which contains about 1.2M images.' 'We use the 224 x 224 "
           "resolution in our experiments.' 'The pre-training runs for about 500k steps (i.e., 800 epochs) with 2k batch size.' 'The "
           "500k training steps take about five days using 16 Nvidia Telsa V100 32GB GPU cards.' Target [D] = 16 x 5 d x 24 = 1,920 "
           "V100-hours. 500k x 2k = 1.0B images [D], consistent with 1.2M x 800. paramsTotal 86M = ViT-Base as given for ViT in the "
           "ORKG list (id 10875903589: '86M(Base)') and the DeiT abstract ('reference vision transformer (86M parameters)'), not read "
           "in the BEiT text itself. B: 'about five days'; parameter count cross-sourced.")))

# ====================================================================== multimodal (frozen-LLM VLMs)
LLAVA = ("Liu, Li, Wu & Lee 2023, 'Visual Instruction Tuning' (LLaVA, NeurIPS 2023, arXiv 2304.08485), Sec. 4-5 and Appendix C — read "
         "via a stored copy of the paper text (file-index id 54224483822; also id 60600967867; repositories not named by the index)")
LLAVA_Q = ("Paper: 'We choose Vicuna ... as our LLM'; 'we consider the pre-trained CLIP visual encoder ViT-L/14'; 'We train all "
           "models with 8x A100s ... We pre-train our model on the filtered CC-595K subset for 1 epoch with a learning rate of 2e-3 and "
           "a batch size of 128, and fine-tune on the proposed LLaVA-Instruct-158K dataset for 3 epochs, with a learning rate of 2e-5 "
           "and a batch size of 32.' Appendix C: 'We train all models with 8x A100s. Pretraining on CC-595K completes within 4 hours. "
           "Finetuning on Instruct-158K completes within 10 hours. Finetuning on ScienceQA completes within 4 hours.' Appendix D: 'The "
           "size of the model checkpoints after compression is 25GB'. paramsTotal 13B [D]: ~25GB of fp16 weights is ~12.5B "
           "parameters (the LLM size is not written in the text read; Vicuna-13B [R]). ")
A(C(id="llava-v1-13b-cc595k-pretrain", name="LLaVA (v1, Vicuna + CLIP ViT-L/14) feature-alignment pre-training on CC-595K, 1 epoch, 8 A100, <=4 h",
    quality="B", modality="multimodal", architecture="vlm (frozen ViT-L/14 + frozen Vicuna LLM; only the projection is trained)",
    paramsTotal=13e9, samples=595e3, epochs=1, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 4), source=LLAVA,
    notes=(LLAVA_Q + "Target [D] = 8 x 4 h = 32 A100-hours, an UPPER bound ('within'). B: bound; trainable part is one linear layer "
           "(forward passes still run through the 13B LLM). Not the excluded LLaVA-1.5-13B or LLaVA-NeXT rows.")))
A(C(id="llava-v1-13b-instruct158k-finetune", name="LLaVA (v1) end-to-end fine-tune on LLaVA-Instruct-158K, 3 epochs, 8 A100, <=10 h",
    quality="B", modality="multimodal", architecture="vlm (frozen ViT-L/14; projection + LLM trained, FSDP)", paramsTotal=13e9,
    samples=158e3, epochs=3, hardware="A100 (memory not stated)", devices=8, precision="bf16",
    target=dict(metric="gpuHours", value=8 * 10), source=LLAVA,
    notes=(LLAVA_Q + "Appendix C also: 'BF16 and TF32 are enabled'. Target [D] = 8 x 10 h = 80 A100-hours, an UPPER bound. B.")))
A(C(id="llava-v1-13b-scienceqa-finetune", name="LLaVA (v1) fine-tune on ScienceQA (12,726 train questions), 12 epochs, 8 A100, <=4 h",
    quality="B", modality="multimodal", architecture="vlm (frozen ViT-L/14; projection + LLM trained)", paramsTotal=13e9,
    samples=12726, epochs=12, hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 4), source=LLAVA,
    notes=(LLAVA_Q + "Sec. 5.2: 'The benchmark dataset is split into training, validation, and test splits with 12726, 4241, and 4241 "
           "examples' and 'train it for 12 epochs'. Target [D] = 8 x 4 h = 32 A100-hours, an UPPER bound. B.")))
A(C(id="blip2-vitg-flant5xxl-stage2", name="BLIP-2 (ViT-g + FlanT5-XXL), second (generative) pre-training stage, 80k steps x 1520, 16 A100-40GB, <3 days",
    quality="B", modality="multimodal", architecture="vlm (frozen ViT-g + Q-Former + frozen FlanT5-XXL; Q-Former trained)",
    paramsTotal=11e9, samples=80e3 * 1520, epochs=1, resolution=224, precision="bf16 (frozen LLM)",
    hardware="A100 40GB (one 16-GPU machine)", devices=16,
    target=dict(metric="gpuHours", value=days(16, 3)),
    source=("Li, Li, Savarese & Hoi 2023, 'BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large "
            "Language Models' (ICML 2023, arXiv 2301.12597), Sec. 3.4 'Pre-training settings' — read via stored copies of the paper "
            "text (file-index ids 54319114905, 65849051612, 59496763250)"),
    notes=("Paper: 'We pre-train for 250k steps in the first stage and 80k steps in the second stage. We use a batch size of 2320/1680 "
           "for ViT-L/ViT-g in the first stage and a batch size of 1920/1520 for OPT/FlanT5 in the second stage. During pre-training, "
           "we convert the frozen ViTs' and LLMs' parameters into FP16, except for FlanT5 where we use BFloat16.' 'For example, using a "
           "single 16-A100(40G) machine, our largest model with ViT-g and FlanT5-XXL requires less than 6 days for the first stage and "
           "less than 3 days for the second stage.' 'We use images of size 224x224'; '... the 11B FlanT5XXL'. Target [D] = 16 x 3 d x "
           "24 = 1,152 A100-hours, an UPPER bound. samples [D] = 80k x 1,520 = 121.6M image-text pairs (steps x batch, epochs = 1). "
           "paramsTotal = the 11B frozen LLM only (ViT-g and Q-Former sizes not in the text read). B: bound, frozen-model forward "
           "passes dominate. The first stage (<6 days, 250k x 1,680, no LLM) is left out: its parameter count is not stated.")))


# ====================================================================== round-8 additions: diffusion on TPU, Japanese encoders, speech LMs
DDPM = ("Ho, Jain & Abbeel 2020, 'Denoising Diffusion Probabilistic Models' (NeurIPS 2020, arXiv 2006.11239), Appendix B — read via a "
        "reading card that quotes the appendix (https://ai-papers.xuzou.cn/papers/ddpm_2020)")
DDPM_Q = ("Card: 'The paper explicitly states the accelerator class: all experiments used TPU v3-8, described by the authors as similar "
          "to 8 V100 GPUs.' 'the LSUN and CelebA-HQ 256x256 models have 114M parameters' 'The CelebA-HQ/LSUN models train at 2.2 steps "
          "per second with batch size 64' 'The paper reports training CelebA-HQ for 0.5M steps, LSUN Bedroom for 2.4M steps, LSUN Cat for "
          "1.8M steps, LSUN Church for 1.2M steps, and the larger LSUN Bedroom model for 1.15M steps.' A TPU v3-8 is 4 chips (2 cores "
          "per chip). ")
for _id, _name, _steps in (("ddpm-celebahq256-tpuv3-8", "CelebA-HQ 256x256", 0.5e6), ("ddpm-lsun-bedroom256-tpuv3-8", "LSUN Bedroom 256x256", 2.4e6),
                           ("ddpm-lsun-cat256-tpuv3-8", "LSUN Cat 256x256", 1.8e6), ("ddpm-lsun-church256-tpuv3-8", "LSUN Church 256x256", 1.2e6)):
    A(C(id=_id, name=f"DDPM (Ho et al.) {_name} model (114M U-Net), {_steps / 1e6:g}M steps x batch 64 on one TPU v3-8",
        quality="B", modality="diffusion", architecture="unet (DDPM, T = 1000)", paramsTotal=114e6, samples=_steps * 64, epochs=1,
        resolution=256, hardware="TPU v3", devices=tpu_chips(8),
        target=dict(metric="gpuHours", value=tpu_chips(8) * _steps / 2.2 / 3600), source=DDPM,
        notes=(DDPM_Q + f"Target [D] = 4 chips x {_steps:,.0f} steps / 2.2 steps/s / 3600 = {tpu_chips(8) * _steps / 2.2 / 3600:,.1f} "
               "TPU v3 chip-hours. samples = steps x 64 (epochs = 1). B: time derived from the stated throughput, not a stated "
               "wall-clock; secondhand card. Not the excluded DDPM CIFAR-10 run.")))
A(C(id="ku-nlp-deberta-v2-large-ja-8xa100", name="Japanese DeBERTa V2 large (ku-nlp) pre-training, 300k steps x 2,304 x 512, 8 A100-SXM4-40GB, 36 days",
    quality="B", architecture="dense-encoder (DeBERTa V2 large)", paramsTotal=1.49e9 / 4, tokens=300000 * 2304 * 512,
    samples=300000 * 2304, epochs=1, seqLen=512,
    hardware="A100 40GB (SXM4)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 36)),
    source=("ku-nlp/deberta-v2-large-japanese model card (Kyoto University, 2023) — read via a copy of the card README in the file "
            "index (id 2696502441; repository not named by the index) and the Hugging Face file listing "
            "(https://huggingface.co/ku-nlp/deberta-v2-large-japanese/tree/main: 'model.safetensors 1.49 GB')"),
    notes=("Card: 'Japanese Wikipedia (as of 20221020, 3.2GB ...)', 'Japanese portion of CC-100 (85GB ...)', 'Japanese portion of OSCAR "
           "(54GB ...)', '... the total size of the training data is 171GB.' 'The training took 36 days using 8 NVIDIA A100-SXM4-40GB "
           "GPUs.' Hyperparameters: 'per_device_train_batch_size: 18', 'num_devices: 8', 'gradient_accumulation_steps: 16', "
           "'total_train_batch_size: 2,304', 'max_seq_length: 512', 'training_steps: 300,000'. Target [D] = 8 x 36 d x 24 = 6,912 "
           "A100-hours. tokens [D] = 300,000 x 2,304 x 512 = 353.9B (upper bound at maximum length). paramsTotal [D] = 1.49 GB fp32 "
           "weights / 4 bytes = ~373M (the card gives no count). B: derived size; not the English DeBERTa rows.")))
A(C(id="waseda-roberta-base-ja-8xa100", name="Japanese RoBERTa base (nlp-waseda) pre-training, 700k steps x 4,096 x 128, 8 A100, about a week",
    quality="B", architecture="dense-encoder (RoBERTa base)", paramsTotal=443e6 / 4, tokens=700000 * 4096 * 128,
    samples=700000 * 4096, epochs=1, seqLen=128, precision="fp16 (native AMP)",
    hardware="A100 (memory not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 7)),
    source=("nlp-waseda/roberta-base-japanese model card (Waseda University, 2022) — read via copies of the card README in the file "
            "index (ids 25944775992, 71066282728; repositories not named by the index) and the Hugging Face file listing "
            "(https://huggingface.co/nlp-waseda/roberta-base-japanese/tree/03d5bd1...: 'pytorch_model.bin 443 MB')"),
    notes=("Card: 'This model was trained on Japanese Wikipedia (as of 20210920) and the Japanese portion of CC-100. It took a week using "
           "eight NVIDIA A100 GPUs.' Hyperparameters: 'per_device_train_batch_size: 256', 'num_devices: 8', "
           "'gradient_accumulation_steps: 2', 'total_train_batch_size: 4096', 'max_seq_length: 128', 'training_steps: 700000', "
           "'mixed_precision_training: Native AMP'. Target [D] = 8 x 7 d x 24 = 1,344 A100-hours. tokens [D] = 700,000 x 4,096 x 128 = "
           "367.0B (upper bound). paramsTotal [D] = 443 MB fp32 checkpoint / 4 bytes = ~111M. B: 'a week'; derived size.")))
SLAM = ("Maimon, Elmakies & Adi 2025, 'Slamming: Training a Speech Language Model on One GPU in a Day' (ACL Findings 2025, arXiv "
        "2502.15814), Sec. 3, 6 and Table 3 — read via a stored copy of the paper text (file-index id 61179502410; repository not named "
        "by the index)")
SLAM_Q = ("Paper: 'Unless mentioned otherwise, all SLMs are trained using a single A5000 GPU (24GB VRAM) along with 16 CPU cores for 24 "
          "hours.' '... this pre-processing time is excluded from the compute budget ... We additionally do not count the time for "
          "running validation'. 'we use a context length of 512 tokens and an effective batch size of 256'. 'we stick to 30 minutes out "
          "of 24 hours for DPO'. 'We opt for 48 hours on 2 A100 GPUs as a reasonable academic budget for larger scale tests ... We use "
          "exactly the same Slam recipe for more steps, and increase the batch size times 2.' 'We use Qwen2.5-1.5B for the same compute "
          "budget as above - i.e two A100 GPUs for 48 hours.' Table 3 ('# tokens refers to total, not unique, tokens used for "
          "training'): ")
A(C(id="slam-358m-1xa5000", name="Slam speech LM (358M, TWIST-initialised from Qwen2.5-0.5B), 1.4B tokens + DPO, one RTX A5000, 24 h",
    quality="A", modality="speech", architecture="dense (decoder-only speech-unit LM, text-LM initialised)", paramsTotal=358e6,
    tokens=1.4e9 + 5e6, seqLen=512, precision="bf16",
    hardware="RTX A5000 24GB (workstation GPU)", devices=1,
    target=dict(metric="gpuHours", value=1 * 24), source=SLAM,
    notes=(SLAM_Q + "'Slam 1*A5000 358M 1.4B + 5M'. Target = 1 x 24 h = 24 A5000-hours (23.5 h pre-training + 0.5 h DPO). "
           "Continued from a text LM (Qwen2.5-0.5B with a 500-unit speech vocabulary). Precision: 'using bfloat16 ... alongside "
           "FlashAttention2'.")))
A(C(id="slam-scaled-358m-2xa100", name="Slam (scaled) speech LM (358M), 16.7B tokens + DPO, 2x A100 for 48 h",
    quality="A", modality="speech", architecture="dense (decoder-only speech-unit LM, text-LM initialised)", paramsTotal=358e6,
    tokens=16.7e9 + 9e6, seqLen=512, precision="bf16",
    hardware="A100 (memory not stated)", devices=2,
    target=dict(metric="gpuHours", value=2 * 48), source=SLAM,
    notes=(SLAM_Q + "'Slam (scaled) 2*A100 358M 16.7B + 9M'. Target = 2 x 48 h = 96 A100-hours.")))
A(C(id="slam-large-1.3b-2xa100", name="Slam (large) speech LM (1.3B, from Qwen2.5-1.5B), 6.1B tokens + DPO, 2x A100 for 48 h",
    quality="A", modality="speech", architecture="dense (decoder-only speech-unit LM, text-LM initialised)", paramsTotal=1.3e9,
    tokens=6.1e9 + 9e6, seqLen=512, precision="bf16",
    hardware="A100 (memory not stated)", devices=2,
    target=dict(metric="gpuHours", value=2 * 48), source=SLAM,
    notes=(SLAM_Q + "'Slam (large) 2*A100 1.3B 6.1B + 9M'. Target = 2 x 48 h = 96 A100-hours. Same budget as slam-scaled with a "
           "larger model and fewer tokens (a useful controlled pair).")))


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
    assert c["quality"] in ("A", "B") and c["hardware"] and c["source"] and c["notes"], c["id"]

ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), "duplicate ids"
out = {"set": "footprint-heldout-6",
       "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
       "description": ("Sixth held-out set of published training runs for validating the Green ML Review footprint estimator. Built "
                       "without running the estimator and without reading product code; no model/run of /work/excluded-runs.txt (development "
                       "cases and footprint-heldout-1..4) nor of footprint-heldout-5. Only runs whose sources state parameters, hardware and "
                       "device count, and the amount of training (tokens, samples x epochs, or steps x batch). gpuHours means "
                       "accelerator-hours (TPU chip-hours for TPU rows). [R] = recalled/secondary, not re-read in the primary this session; "
                       "[D] = derived arithmetic shown in notes and in make_cases.py."),
       "cases": cases}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
