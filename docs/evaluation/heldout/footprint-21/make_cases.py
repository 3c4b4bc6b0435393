"""Builds footprint-heldout-21 (cases.json next to this file).

Every number below is either copied from the quoted sentence / card line in the case's notes or computed here from such
numbers (GPUs x hours, GPU-days x 24, minutes / 60, steps x batch). Nothing is fitted, nothing is recalled (a value that was
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


def CARD(repo, where, commit=None):
    c = f", commit {commit}" if commit else " (no commit id shown on the stored page)"
    return (f"Hugging Face model card {repo} (https://huggingface.co/{repo}), {where}{c}; read as the search tool's "
            f"stored page")


# ====================================================================== text: LLM pre-training / continued pre-training
A(C(id="aguila-7b-falcon-7b-cpt-26b-tok-8xh100-320h",
    name="Ǎguila-7B: Falcon-7B adapted to Catalan/Spanish/English (new tokenizer) and further pre-trained on a 26B-token corpus, 8x H100 80GB, 320 h",
    quality="B", architecture="decoder-only transformer (Falcon-7B, embedding layer re-sized for a 50,257-token BPE vocabulary)",
    paramsTotal=7_000_000_000, tokens=26_000_000_000, hardware="H100 80GB", devices=8,
    target=dict(metric=GPUH, value=8 * 320),
    source=CARD("projecte-aina/aguila-7b", "sections 'Model description', 'Training data' and 'Training procedure'",
                "d917d6b8e5dbb5fdf903019e98015adcb82857fb (320-hour line) and 0f53b7c17b51990721905a52664f8f2fc52d2307 (26B-token line)"),
    notes="Card: 'Ǎguila-7B is a transformer-based causal language model for Catalan, Spanish, and English. It is based on the "
          "Falcon-7B model and has been trained on a 26B token trilingual corpus'; 'The training corpus consists 26B tokens of several "
          "corpora'; 'After training a new tokenizer and adapting falcon-7b's embedding layer, the model was further pre-trained in "
          "three target languages'; 'The training lasted a total of 320 hours on 8 NVIDIA H100 GPUs with 80GB RAM.' Target [D] = 8 x "
          "320 = 2,560 H100-hours. paramsTotal = the nominal 7B of Falcon-7B named in the card. tokens = the stated 26B corpus; the "
          "card's per-dataset 'Tokens (per-epoch) | Epochs' table was not read in full, so tokens seen may exceed 26B (one pass "
          "assumed). Quality B: every input stated, parameters nominal, epochs per dataset not read."))
A(C(id="arabiangpt-0.3b-gpt2-3.3b-tok-4xa100-45d",
    name="ArabianGPT-0.3B: GPT-2-architecture Arabic LM trained from scratch on over 3.3B tokens, 4x A100, 45 days",
    quality="B", architecture="decoder-only transformer (GPT-2 architecture, 0.3B)",
    paramsTotal=300_000_000, tokens=3_300_000_000, hardware="A100 (memory not stated)", devices=4,
    target=dict(metric=GPUH, value=4 * 45 * 24),
    source=CARD("riotu-lab/ArabianGPT-03B", "sections 'Introduction' and 'Training'", "a802db3fea720ad38ef32eb0ea5e6640993bd604"),
    notes="Card: 'ArabianGPT-0.3B, developed under the ArabianLLM initiatives, is a specialized GPT-2 model optimized for Arabic "
          "language modeling'. Training list: '- Tokens: Over 3.3 billion', '- Hardware: 4 NDIVIA A100 GPUs', '- Training Duration: 45 "
          "days'. Target [D] = 4 x 45 x 24 = 4,320 A100-hours. paramsTotal = the 0.3B of the model's name (the card's own parameter "
          "line was not in the text read); tokens = 'over 3.3 billion' (a lower bound, one pass assumed). Quality B."))
A(C(id="arabiangpt-0.1b-gpt2-134m-1.75b-tok-a100-3d",
    name="ArabianGPT-0.1B: GPT-2-architecture Arabic LM (134M) trained on over 1.75B tokens (7.5M examples), 'NDIVIA A100', 3 days",
    quality="C", architecture="decoder-only transformer (GPT-2, 12 layers, context 768)",
    paramsTotal=134_000_000, tokens=1_750_000_000, samples=7_500_000, seqLen=768, hardware="A100 (memory not stated)", devices=1,
    target=dict(metric=GPUH, value=1 * 3 * 24),
    source=CARD("riotu-lab/ArabianGPT-01B", "sections 'Key Features' and 'Training' (list form, before the table rewrite)",
                "a3f8bd94c305886498468a9bda3b4fd0c1876984"),
    notes="Card: '- Architecture: GPT-2', '- Model Size: 134 million parameters', '- Layers: 12', '- Context Window Size: 768 tokens'; "
          "Training: '- Data Size: 15.5 GB', '- Tokens: Over 1.75 billion', '- Hardware: NDIVIA A100', '- Training Scale: 7.5 million "
          "examples', '- Training Duration: 3 days'. The device count is not written; the singular 'NDIVIA A100' (beside the sibling "
          "0.3B card's '4 NDIVIA A100 GPUs') is read as one GPU. Target [D] = 1 x 72 = 72 A100-hours. Quality C: device count read "
          "from a singular noun."))
A(C(id="gpt2-oscar-fr-embeddings-only-110.5k-steps-8xrtx3090-7d",
    name="gpt2-finetuned-oscar-fr: GPT-2 adapted to French OSCAR by training only the wte/wpe embedding layers, 110,500 steps x 64 x 1024 tokens, 8x RTX 3090, 7 days",
    quality="C", architecture="decoder-only transformer (GPT-2; only token and position embeddings trained, the rest frozen)",
    tokens=110_500 * 64 * 1024, seqLen=1024, hardware="RTX 3090 (memory not stated)", devices=8,
    target=dict(metric=GPUH, value=8 * 7 * 24),
    source=CARD("yongzx/gpt2-finetuned-oscar-fr", "'Setup' line", "48a342789e9ec8a6b16716abad917adafe775835"),
    notes="Card: 'We finetuned the wte and wpe layers of GPT-2 (while freezing the parameters ...'; 'Setup: 8 RTX-3090 GPUs, trained "
          "for seven days (total training steps: 110500, effective train batch size: 64, tokens per batch: 1024)'. 'tokens per batch: "
          "1024' is read as tokens per sequence (the sequence length); tokens [D] = 110,500 x 64 x 1,024 = 7,241,728,000. Target [D] = "
          "8 x 7 x 24 = 1,344 GPU-hours. paramsTotal null: the GPT-2 size is not stated in the text read. Only the embeddings receive "
          "updates, but the forward and backward passes run through the whole network. Quality C: no parameter count."))

# ====================================================================== text: LLM fine-tunes (small to mid)
A(C(id="code-290k-6.7b-instruct-full-ft-3ep-4xa100-80gb-85h",
    name="Code-290k-6.7B-Instruct: full fine-tune of a 6.7B code model on Code-290k-ShareGPT, 3 epochs, 4x A100 80GB, 85 h",
    quality="B", architecture="decoder-only transformer (6.7B, full fine-tune)",
    paramsTotal=6_700_000_000, samples=290_000, epochs=3, hardware="A100 80GB", devices=4,
    target=dict(metric=GPUH, value=4 * 85),
    source=CARD("ajibawa-2023/Code-290k-6.7B-Instruct", "'Training' paragraph", "a9a0c98a93e86e5f53553f543f72f94bf52cb67b"),
    notes="Card: 'Entire dataset was trained on 4 x A100 80GB. For 3 epoch, training took 85 hours.' 'This is a full fine tuned "
          "model.' Target [D] = 4 x 85 = 340 A100-hours. paramsTotal = the 6.7B of the model's name; samples = the ~290k conversations "
          "of the name 'Code-290k' (the exact row count was not in the text read); sequence length not stated. Not the same run as "
          "the ajibawa Code-33B / Python-Code rows of earlier sets. Quality B."))
A(C(id="uncensored-jordan-13b-llama2-155k-3ep-4xa100-80gb-77h",
    name="Uncensored-Jordan-13B: full fine-tune of Llama-2 13B on ~155,000 conversation sets, 3 epochs, 4x A100 80GB (Azure), 77 h",
    quality="B", architecture="decoder-only transformer (Llama 2 13B, full fine-tune)",
    paramsTotal=13_000_000_000, samples=155_000, epochs=3, hardware="A100 80GB", devices=4,
    target=dict(metric=GPUH, value=4 * 77),
    source=CARD("ajibawa-2023/Uncensored-Jordan-13B", "'Training' paragraph", "e364d0184a044cecacee5b3af0c2c30b014f79ca"),
    notes="Card: 'It is trained on around 155000 set of conversations. Each set having 10~15 conversations.' 'Entire dataset was "
          "trained on Azure 4 x A100 80GB. For 3 epoch, training took 77 hours. DeepSpeed codebase was used for training purpose. This "
          "was trained on Llama-2 by Meta.' (the commit corrects the base from a truncated 'Llama-' to 'Llama-2'). Target [D] = 4 x 77 "
          "= 308 A100-hours. paramsTotal = the nominal 13B of the name; samples = the ~155,000 conversation sets (each with 10-15 turns; "
          "token count not stated). The 7B sibling (Uncensored-Jordan-7B, Llama-1, 28 h) is an earlier set's row; this is the 13B run. "
          "Quality B."))
A(C(id="uncensored-frank-llama-3-8b-150k-3ep-4xa100-80gb-6h",
    name="Uncensored-Frank-Llama-3-8B: full fine-tune of Llama-3-8B on ~150,000 conversation sets, 3 epochs, 4x A100 80GB, ~6 h",
    quality="B", architecture="decoder-only transformer (Llama 3 8B, full fine-tune)",
    paramsTotal=8_000_000_000, samples=150_000, epochs=3, hardware="A100 80GB", devices=4,
    target=dict(metric=GPUH, value=4 * 6),
    source=CARD("ajibawa-2023/Uncensored-Frank-Llama-3-8B", "description and 'Training' paragraph",
                "b177abf4432600687a9283bac8ca8fcd78b0e478 (training line) and d2da235153567ce28d73d0e83eca5839bfb24024 (data line)"),
    notes="Card: 'It is trained on around 150000 set of conversations. Each set having 10~15 conversations. I will not release this "
          "data.' 'This is Fully Finetuned Model.' 'Entire dataset was trained on 4 x A100 80GB. For 3 epoch, training took around 6 "
          "hours. Axolotl & DeepSpeed codebase was used for training purpose. This was trained on Llama-3-8B model by Meta.' Target [D] "
          "= 4 x 6 = 24 A100-hours. paramsTotal = the nominal 8B of Llama-3-8B. Note the contrast with the 13B Jordan run on a similar "
          "amount of data (77 h): the 6 hours are as written. Quality B."))
A(C(id="orpo-gutenllama-3-8b-v2-1800-samples-3ep-1xrtx4090-4h",
    name="Orpo-GutenLlama-3-8B-v2: ORPO preference fine-tune of Llama-3-8B on 1,800 samples, 3 epochs, one RTX 4090, 4 h",
    quality="B", architecture="decoder-only transformer (Llama 3 8B, ORPO fine-tune; adapter type not stated)",
    paramsTotal=8_000_000_000, samples=1_800, epochs=3, hardware="RTX 4090 (memory not stated)", devices=1,
    target=dict(metric=GPUH, value=1 * 4),
    source=CARD("macadeliccc/Orpo-GutenLlama-3-8B-v2", "hyperparameter list and 'Training time' line", "f8a13a7981e013f309cadaf4b02914104d0bc195"),
    notes="Card: '+ Epochs: 3'; 'Training time: 4 hours on 1x4090. This is a small 1800 sample fine tune to get comfortable with "
          "ORPO fine tuning before scaling up.' Target [D] = 1 x 4 = 4 GPU-hours. paramsTotal = the nominal 8B of Llama-3-8B in the "
          "name; whether LoRA/QLoRA was used is not stated (precision null). Quality B."))
A(C(id="llama-3-8b-samantha-qlora-2ep-1306-steps-1xa100-1h",
    name="llama-3-8b-samantha: Unsloth 4-bit LoRA fine-tune of Llama-3-8B on the Samantha data, 2 epochs (1,306 steps x 8 sequences), one A100, 1 h",
    quality="B", architecture="decoder-only transformer (Llama 3 8B, 4-bit base + LoRA via Unsloth/TRL)",
    paramsTotal=8_030_000_000, samples=1_306 * 2 * 4, epochs=2, hardware="A100 (memory not stated)", devices=1,
    precision="4-bit base (unsloth/llama-3-8b-bnb-4bit)",
    target=dict(metric=GPUH, value=1),
    source=CARD("ruslandev/llama-3-8b-samantha", "'Training hyperparameters', 'Training results' and closing sentence",
                "a803efac1c98fdaf70752a629a4e6d06c78e2f44"),
    notes="Card: 'Finetuned from model : unsloth/llama-3-8b-bnb-4bit'; 'datasets: cognitivecomputations/samantha-data'; hyperparameters "
          "'gradient_accumulation_steps: 4', 'per_device_train_batch_size: 2', 'num_epochs: 2'; results table ends at 'Epoch 2.0 | Step "
          "1306'; '2 epoch finetuning from llama-3-8b took 1 hour on a single A100 with Unsloth and Huggingface's TRL library.' The page "
          "shows 'Model size 8.03B params'. samples [D] = 1,306 steps x 2 x 4 = 10,448 sequences seen over 2 epochs (about 5,224 "
          "conversations per epoch). Target = 1 x 1 = 1 A100-hour. Quality B: every input stated, sequence length not stated."))
SAM_Q = ("Card: 'She was trained on a custom-curated dataset of 6,000 conversations in ShareGPT/Vicuna format.' ")
A(C(id="samantha-mistral-7b-6k-conv-20ep-4xa100-80gb-2h",
    name="samantha-mistral-7b: fine-tune of Mistral-7B (base) on the Samantha-1.1 dataset (6,000 conversations), 20 epochs, 4x A100 80GB, 2 h",
    quality="B", architecture="decoder-only transformer (Mistral 7B base; adapter or full fine-tune not stated)",
    paramsTotal=7_000_000_000, samples=6_000, epochs=20, hardware="A100 80GB", devices=4,
    target=dict(metric=GPUH, value=4 * 2),
    source=CARD("cognitivecomputations/samantha-mistral-7b", "opening sentence (blame view; also the ehartford/samantha-mistral-7b copy)",
                "24e606e82c7c723f314259cb79c17a8553295042"),
    notes="Card: 'Trained on mistral-7b as a base model, this Samantha was trained in 2 hours on 4x A100 80gb with 20 epochs of the "
          "Samantha-1.1 dataset.' " + SAM_Q + "'Shout out and much thanks to WingLian, author of axolotl!' Target [D] = 4 x 2 = 8 "
          "A100-hours. paramsTotal = the nominal 7B of the name. Quality B: conversation length / tokens not stated."))
A(C(id="samantha-mistral-instruct-7b-6k-conv-20ep-4xa100-80gb-2h",
    name="samantha-mistral-instruct-7b: fine-tune of Mistral-7B-Instruct on the Samantha-1.1 dataset (6,000 conversations), 20 epochs, 4x A100 80GB, 2 h",
    quality="B", architecture="decoder-only transformer (Mistral 7B Instruct; adapter or full fine-tune not stated)",
    paramsTotal=7_000_000_000, samples=6_000, epochs=20, hardware="A100 80GB", devices=4,
    target=dict(metric=GPUH, value=4 * 2),
    source=CARD("cognitivecomputations/samantha-mistral-instruct-7b", "opening sentence", "20073b219ff3d116a6bf77b053ca176400ceb6a8"),
    notes="Card: 'Trained on mistral-7b-instruct as a base model, this Samantha was trained in 2 hours on 4x A100 80gb with 20 epochs "
          "of the Samantha-1.1 dataset.' " + SAM_Q + "'So, I decided to train Samantha on the instruct version of Mistral ... (so I "
          "trained another Samantha on mistral-base too)'. A separate run from samantha-mistral-7b (different base checkpoint, same "
          "data and schedule). Target [D] = 4 x 2 = 8 A100-hours. Quality B."))
A(C(id="toxic-dpo-v2-mistral7b-lora-600-ex-9ep-1xrtx3090-12h",
    name="toxic-dpo-v2-mistral7b-lora: LoRA DPO adapter on a Mistral-7B derivative, ~600 examples, 9 epochs, one RTX 3090, ~12 h",
    quality="B", architecture="decoder-only transformer (Mistral 7B family, LoRA adapter)",
    paramsTotal=7_000_000_000, samples=600, epochs=9, hardware="RTX 3090 (memory not stated)", devices=1,
    target=dict(metric=GPUH, value=1 * 12),
    source=CARD("Hellisotherpeople/toxic-dpo-v2-mistral7b-lora", "opening paragraph", "c84e52b6fc414777caae179f6ffad4334bfd725e"),
    notes="Card: 'efficiently fine-tune a SOTA 7B paramater language model adapter (in this case badsai_jaskier-7b-dpo-v5.6 was used ...) "
          "... on a single 3090 GPU with about 12 hours worth of compute on a dataset of about 600 examples.' 'The dataset used was "
          "unalignment/toxic-dpo-v0.2'; 'Trained for 9 epochs'. Target [D] = 1 x 12 = 12 GPU-hours. paramsTotal = the stated 7B of the "
          "base model (trainable parameters are only the LoRA adapter; rank not read). Quality B."))

# ====================================================================== vision: classification, detection, diffusion
IMAGENET_N = 1_300_000
A(C(id="alexnet-imagenet-95ep-1024xp40-4min-tencent",
    name="AlexNet on ImageNet, 95 epochs, 1,024 Tesla P40 GPUs, 4 minutes (Tencent 'ImageNet in four minutes')",
    quality="B", modality="vision", architecture="cnn (AlexNet)",
    samples=IMAGENET_N, epochs=95, hardware="Tesla P40 (memory not stated)", devices=1024, precision="mixed precision (stated)",
    target=dict(metric=GPUH, value=1024 * 4 / 60),
    source=("NVIDIA GTC Silicon Valley 2019 session S9146 'Training ImageNet in Four Minutes' (https://developer.nvidia.com/gtc/2019/"
            "video/S9146), session abstract by the Tencent authors; read as the search tool's stored page. Same result as arXiv "
            "1807.11205 'Highly Scalable Deep Learning Training System with Mixed-Precision: Training ImageNet in Four Minutes'"),
    notes="Abstract: 'we propose a mixed-precision training method ... highly optimized all-reduce algorithms ... on a cluster with 1024 "
          "Tesla P40 GPUs ... When training AlexNet with 95 epochs, our system can achieve 58.7% top-1 test accuracy within 4 minutes "
          "using 1024 Tesla P40 GPUs'. Target [D] = 1,024 x 4 / 60 = 68.27 P40-hours. samples = 1.3M: the ImageNet-1k training-set "
          "size as written on another stored page read in this session (the MLP-Mixer paper page: 'ILSVRC2012 ImageNet (1.3M training "
          "examples, 1k classes)'), not from the Tencent text; the same abstract's ResNet-50 run (6.6 min on 2,048 P40) is not used "
          "(ResNet-50 is an excluded development family). Resolution not stated. Quality B: architecture named, epochs and devices "
          "first-hand, dataset size from a second source."))
A(C(id="detr-downscaled-r50-voc-16.5k-img-150ep-640px-1xrtx3060ti-63h",
    name="DETR reimplementation (down-scaled: ResNet-50, 6+6 layers, 25 queries) trained from scratch on Pascal VOC 07+12 (16,551 images), 150 epochs, 640x640, one RTX 3060 Ti, ~63 h",
    quality="B", modality="vision",
    architecture="DETR (ResNet-50 backbone, 6 encoder + 6 decoder layers, d_model 256, 8 heads, FFN 2048, 25 object queries)",
    samples=16_551, epochs=150, resolution=640, hardware="RTX 3060 Ti 8GB", devices=1,
    target=dict(metric=GPUH, value=63),
    source=("GitHub README raphaelsenn/DETR (https://github.com/raphaelsenn/DETR), read as the search tool's stored mirror page "
            "(gh.486001.xyz/raphaelsenn/DETR); no commit id shown"),
    notes="README: 'DETR was trained from scratch on the Pascal VOC dataset on a single RTX 3060 TI GPU. Training took ~63 hours (2.6 "
          "days). I trained on Pascal VOC trainval07+12 (16551 images)'; 'GPU: NVIDIA GeForce RTX 3060 ti (8GB VRAM)'; settings table "
          "(this implementation): 'CNN backbone | ResNet-50', 'Encoder layers | 6', 'Decoder layers | 6', 'Number of object queries | "
          "25', 'Batch size | 4', 'Training epochs | 150', 'Image size | (640, 640)'; code sample 'd_model=256 ... encoder_heads=8 ... "
          "ff_dim=2048'. 'From scratch' is the README's wording (whether the ResNet-50 backbone was ImageNet-initialised is not said). "
          "Target = 1 x 63 = 63 GPU-hours. Parameter count not stated (architecture fixes it). Quality B."))
A(C(id="sd15-768-everydream2-ft-30k-img-40ep-1xrtx6000ada-60h",
    name="SD15-768: Stable Diffusion 1.5 fine-tune (UNet + text encoder) on 30,000 images, 40 epochs at 512/640/768, one RTX 6000 Ada 48GB, ~60 h",
    quality="B", modality="vision", architecture="latent diffusion (Stable Diffusion 1.5 UNet + CLIP text encoder, full fine-tune)",
    samples=30_000, epochs=40, resolution=768, hardware="RTX 6000 Ada 48GB", devices=1, precision="AdamW8bit optimizer (bitsandbytes)",
    target=dict(metric=GPUH, value=60),
    source=CARD("panopstor/SD15-768", "README (blame view of main)", "2f0204a2fbb4686ab6c160ab89a1c18cd81998c4 (time sentence)"),
    notes="Card: 'This is a fine tune on Stable Diffusion 1.5 ... tuned to generate at a nomimal size of 768x768'; 'Fine tuned using "
          "EveryDream2 ... for 40 epochs across 4 sessions (10 epochs each) on 30,000 handpicked images'; 'Approximate time to train is "
          "60 hours on an RTX 6000 Ada 48GB, initially trained at 512 nominal size at batch size 12, then 640 at batch size 12, then "
          "finally 768 at batch size 8 with 4 gradient accumulation steps'; 'Unet weights tuned with bitsandbytes AdamW8bit'; 'Text "
          "encoder tuned via backpropogation through the Unet'. Target = 60 GPU-hours. resolution = the final 768 (earlier sessions at "
          "512 and 640; the split of epochs between sizes is not given). Not SD v1 pre-training (an excluded development case): a "
          "community fine-tune. Quality B."))

# ====================================================================== speech
A(C(id="vits-hungarian-css10-10h-200k-steps-bs16-1xrtx3090-3d",
    name="VITS Hungarian single-speaker TTS (diana) on CSS10 Hungarian (4,515 segments, ~10 h), 200K steps, batch 16, one RTX 3090, 3 days",
    quality="B", modality="speech", architecture="VITS end-to-end TTS (jaywalnut310/vits layout)",
    samples=200_000 * 16, hardware="RTX 3090 (memory not stated)", devices=1,
    target=dict(metric=GPUH, value=3 * 24),
    source=CARD("legekka/diana-hungarian-tts-vits", "sections on the dataset and 'Training'", "d0a79cfb8165298699662ac1f3b84932d2bc5181"),
    notes="Card: 'This vits model was trained on the KTH/hungarian-single-speaker-tts dataset.' 'The corpus consists of a single "
          "speaker, with 4515 segments extracted from this single LibriVox audiobook. It consists about 10 hours of audio data.' "
          "'The model was trained on a single RTX 3090 GPU for 3 days, 200K steps with a batchsize of 16.' samples [D] = 200,000 x 16 "
          "= 3,200,000 utterances seen (about 709 passes over 4,515 segments; epochs left null). Target [D] = 72 GPU-hours. Parameter "
          "count not stated (VITS architecture). Quality B."))
A(C(id="vits-fast-ft-laoliang-voice-clone-300ep-1xrtx3090-4.5h",
    name="VITS-fast-fine-tuning voice clone (3 speakers) from the C+J base model, ~5 min of target audio plus auxiliary data, 300 epochs, one RTX 3090, ~4.5 h",
    quality="C", modality="speech", architecture="VITS (VITS-fast-fine-tuning, C+J base model)",
    epochs=300, hardware="RTX 3090 (memory not stated)", devices=1,
    target=dict(metric=GPUH, value=4.5),
    source=CARD("Jason-Lu/Laoliang-voice-clone", "model card text"),
    notes="Card: 'Three speakers: laoliang, specialweek, zhongli.' 'The model is based on the C+J base model and trained on a single "
          "NVIDIA 3090 with 300 epochs. It takes about 4.5 hours in total.' 'During training, we use a single long audio of laoliang "
          "(~5 minutes) with auxiliary data as training data.' Target = 4.5 GPU-hours. The size of the auxiliary data is not stated, so "
          "samples stay null. Quality C: no data volume."))
A(C(id="wav2vec2-large-xlsr-53-greek-cv-364mb-50ep-1xrtx3080-8h",
    name="wav2vec2-large-xlsr-53 fine-tuned for Greek ASR on Common Voice (364 MB), 50 epochs, one RTX 3080, ~8 h",
    quality="C", modality="speech", architecture="wav2vec 2.0 XLSR-53 large + CTC head (fine-tune)",
    epochs=50, hardware="RTX 3080 (memory not stated)", devices=1,
    target=dict(metric=GPUH, value=8),
    source=CARD("lighteternal/wav2vec2-large-xlsr-53-greek", "training sentence",
                "f3945d4c05d75b837096e3b90cda82cfe1d3d1fe (50 epochs; earlier 8ad67c6 says 364MB / 60 epochs)"),
    notes="Latest card sentence read: 'This model was trained for 50 epochs on a single NVIDIA RTX 3080, for aprox. 8hrs.' Earlier "
          "revision (8ad67c6): 'This model was trained on Greek CommonVoice speech data (364MB) for 60 epochs on a single NVIDIA RTX "
          "3080, for aprox. 8hrs.' (an earlier one said 30 epochs). The 8 hours and the single RTX 3080 are the same in every revision; "
          "the latest epoch count (50) is used. Data: 364 MB of Common Voice Greek audio (hours and clip count not stated). Target = 8 "
          "GPU-hours. This is a fine-tune of the public XLSR-53 checkpoint, not wav2vec 2.0 pre-training (an excluded development "
          "family). Quality C: epochs edited across revisions, data only in MB."))

# ====================================================================== description
DESCRIPTION = ("Twenty-first held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..20 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
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
    "set": "footprint-heldout-21",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
