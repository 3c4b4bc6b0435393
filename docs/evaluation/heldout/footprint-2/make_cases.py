"""Builds footprint-heldout-2 (cases.json next to this file).

Every number below is either copied from the quoted sentence in the case's notes or computed here from such numbers
(devices x days x 24, updates x batch, ...). Nothing is fitted and the Green ML Review estimator was never run on these
cases. Run: python3 make_cases.py
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


cases = []
A = cases.append

# ====================================================================== Microsoft model cards (devices x days)
HFCARD = "https://huggingface.co/{} model card — 'Training' > 'Model' — {} (read via a verbatim repository copy of the card)"

# GRIN-MoE total parameters from the published config.json (as copied in a re-upload of the repo): hidden 4096,
# intermediate 6400, 32 layers, 32 heads / 8 KV heads (head dim 128), 16 experts with 3 matrices each, attention bias,
# untied 32,064-token embeddings with lm_head bias. [D][R]
H, I, L, E, V, KV = 4096, 6400, 32, 16, 32064, 8 * 128
grin_layer = 2 * H * H + 2 * H * KV + (2 * H + 2 * KV) + E * 3 * H * I + H * E + 2 * H
GRIN_TOTAL = L * grin_layer + 2 * V * H + V + H
A(C(id="grin-moe", name="GRIN MoE (16x3.8B, 6.6B active)", quality="B", architecture="moe",
    paramsTotal=GRIN_TOTAL, paramsActive=6.6e9, tokens=4.0e12, seqLen=4096,
    hardware="H100 80GB (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=days(512, 18)),
    source=HFCARD.format("microsoft/GRIN-MoE", "2024") + "; Liu et al. 2024, 'GRIN: GRadient-INformed MoE' (arXiv 2409.12136)",
    notes=("Card table: 'Architecture | GRIN MoE has 16x3.8B parameters with 6.6B active parameters when using 2 experts. The model is a "
           "mixture-of-expert decoder-only Transformer model using the tokenizer with vocabulary size of 32,064.' 'Context length | 4K tokens' "
           "'GPUs | 512 H100-80G' 'Training time | 18 days' 'Training data | 4.0T tokens' 'Dates | Trained between April and June 2024'. "
           "Target = 512 x 18 d x 24 = 221,184 GPU-h. paramsTotal [D][R] = 41.87B computed in make_cases.py from the config.json values "
           "(read in a re-upload of the repository, not the original); the card gives no total -> B. seqLen 4096 = the stated context length "
           "(training sequence length assumed equal). Covers the released instruct model (pre-training + post-training).")))
A(C(id="phi-4-mini", name="Phi-4-mini (3.8B)", quality="A", paramsTotal=3.8e9, tokens=5e12,
    hardware="A100 80GB (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=days(512, 21)),
    source=HFCARD.format("microsoft/Phi-4-mini-instruct", "2025"),
    notes=("Card: 'Architecture: Phi-4-mini-instruct has 3.8B parameters and is a dense decoder-only Transformer model. When compared with "
           "Phi-3.5-mini, the major changes with Phi-4-mini-instruct are 200K vocabulary, grouped-query attention, and shared input and output "
           "embedding.' 'Context length: 128K tokens' 'GPUs: 512 A100-80G' 'Training time: 21 days' 'Training data: 5T tokens' 'Dates: Trained "
           "between November and December 2024'. Target = 512 x 21 d x 24 = 258,048 GPU-h (day rounding <= 2.4 %). Training sequence length "
           "and precision not stated. Released instruct model (pre- + post-training).")))
A(C(id="phi-4-multimodal", name="Phi-4-multimodal (5.6B; text+vision+speech)", quality="B", modality="multimodal", architecture="llm+vision/speech encoders",
    paramsTotal=5.6e9, hardware="A100 80GB (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=days(512, 28)),
    source=HFCARD.format("microsoft/Phi-4-multimodal-instruct", "2025"),
    notes=("Card: 'Architecture: Phi-4-multimodal-instruct has 5.6B parameters and is a multimodal transformer model. The model has the "
           "pretrained Phi-4-Mini-Instruct as the backbone language model, and the advanced encoders and adapters of vision and speech.' "
           "'GPUs: 512 A100-80G' 'Training time: 28 days' 'Training data: 5T tokens, 2.3M speech hours, and 1.1T image-text tokens' "
           "'Dates: Trained between December 2024 and January 2025'. Target = 512 x 28 x 24 = 344,064 GPU-h. B: the 5T text tokens look like "
           "the backbone's own pre-training (the card says the backbone is the pretrained Phi-4-Mini), so which data the 28 days cover is "
           "unclear -> tokens left null; modality is mixed.")))
A(C(id="phi-3-vision", name="Phi-3-vision-128k-instruct (4.2B)", quality="B", modality="vision", architecture="vlm (image encoder + Phi-3-mini)",
    paramsTotal=4.2e9, tokens=500e9, hardware="H100 80GB (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=days(512, 1.5)),
    source=HFCARD.format("microsoft/Phi-3-vision-128k-instruct", "2024"),
    notes=("Card: 'Architecture: Phi-3-Vision-128K-Instruct has 4.2B parameters and contains image encoder, connector, projector, and Phi-3 "
           "Mini language model.' 'GPUs: 512 H100-80G' 'Training time: 1.5 days' 'Training data: 500B vision and text tokens' 'Dates: Our "
           "models were trained between February and April 2024'. Target = 512 x 1.5 x 24 = 18,432 GPU-h. B: whether the 1.5 days include the "
           "Phi-3-mini language-model pre-training is not stated (500B tokens is far below Phi-3-mini's 3.3T, so probably the multimodal "
           "stage only); image resolution/crops not stated.")))
A(C(id="phi-3.5-vision", name="Phi-3.5-vision-instruct (4.2B)", quality="B", modality="vision", architecture="vlm (image encoder + Phi-3-mini)",
    paramsTotal=4.2e9, tokens=500e9, hardware="A100 80GB (form factor not stated)", devices=256,
    target=dict(metric="gpuHours", value=days(256, 6)),
    source=HFCARD.format("microsoft/Phi-3.5-vision-instruct", "2024"),
    notes=("Card: 'Architecture: Phi-3.5-vision has 4.2B parameters and contains image encoder, connector, projector, and Phi-3 Mini language "
           "model.' 'GPUs: 256 A100-80G Training time: 6 days Training data: 500B tokens (vision tokens + text tokens)' 'Dates: Trained between "
           "July and August 2024'. Target = 256 x 6 x 24 = 36,864 GPU-h. Same caveat as phi-3-vision (multimodal stage only, probably); "
           "'6 days' one-digit rounding (+-8 %) -> B. Useful pair with phi-3-vision: same size and tokens, H100 vs A100.")))
A(C(id="phi-4-reasoning", name="Phi-4-reasoning (14B, SFT of Phi-4)", quality="A", paramsTotal=14e9, tokens=16e9,
    hardware="H100 80GB (form factor not stated)", devices=32,
    target=dict(metric="gpuHours", value=days(32, 2.5)),
    source=HFCARD.format("microsoft/Phi-4-reasoning", "2025") + "; Abdin et al. 2025, 'Phi-4-reasoning Technical Report' (arXiv 2504.21318)",
    notes=("Card table: 'Architecture | Base model same as previously released Phi-4, 14B parameters, dense decoder-only Transformer model' "
           "'Context length | 32k tokens' 'GPUs | 32 H100-80G' 'Training time | 2.5 days' 'Training data | 16B tokens, ~8.3B unique tokens'. "
           "Target = 32 x 2.5 x 24 = 1,920 GPU-h. A FINE-TUNE (supervised fine-tuning of Phi-4 on reasoning traces); Phi-4's own pre-training "
           "is not included. tokens = 16B tokens processed (8.3B unique, ~2 passes). Long sequences (up to 32k) -> attention share higher "
           "than for short-context pre-training.")))
A(C(id="phi-4-mini-reasoning", name="Phi-4-mini-reasoning (3.8B, distillation fine-tune)", quality="B", paramsTotal=3.8e9, tokens=150e9,
    hardware="H100 80GB (form factor not stated)", devices=128,
    target=dict(metric="gpuHours", value=days(128, 2)),
    source=HFCARD.format("microsoft/Phi-4-mini-reasoning", "2025"),
    notes=("Card: 'Architecture: Phi-4-mini-reasoning shares the same architecture as Phi-4-Mini, which has 3.8B parameters and is a dense "
           "decoder-only Transformer model.' 'GPUs: 128 H100-80G' 'Training time: 2 days' 'Training data: 150B tokens' ('Dates: Trained in "
           "February 2024' sic). Target = 128 x 2 x 24 = 6,144 GPU-h. Fine-tune of Phi-4-Mini on synthetic math data; '2 days' is a one-digit "
           "figure (+-25 %) -> B.")))
A(C(id="phi-4-mini-flash-pretrain", name="Phi-4-mini-flash-reasoning, pre-training stage (3.8B SambaY hybrid)", quality="A",
    architecture="hybrid (SambaY: state-space + attention)", paramsTotal=3.8e9, tokens=5e12,
    hardware="A100 80GB (form factor not stated)", devices=1024,
    target=dict(metric="gpuHours", value=days(1024, 14)),
    also=[dict(metric="gpuHours", value=days(128, 2))],
    source=HFCARD.format("microsoft/Phi-4-mini-flash-reasoning", "2025"),
    notes=("Card: 'Phi-4-mini-flash-reasoning adopts a hybrid SambaY architecture with Differential Attention, featuring 3.8 billion "
           "parameters and a 200K vocabulary. It incorporates state space models, grouped-query attention, a gated memory sharing mechanism, "
           "a shared key-value cache with a single global attention layer, and shared input-output embeddings.' 'Context length: 64K tokens' "
           "'GPUs: Pre-training: 1024 A100-80G; Reasoning training: 128 H100-80G' 'Training time: Pre-training: 14 days; Reasoning training: "
           "2days' 'Training data: Pre-training: 5T tokens; Reasoning training: 150B tokens'. Target = pre-training only = 1024 x 14 x 24 = "
           "344,064 A100-h; also = reasoning stage 128 x 2 x 24 = 6,144 H100-h (different GPU, not summed). Architecture is mostly "
           "state-space layers, not a plain transformer.")))
A(C(id="phi-mini-moe", name="Phi-mini-MoE (SlimMoE, 7.6B total / 2.4B active)", quality="B", architecture="moe",
    paramsTotal=7.6e9, paramsActive=2.4e9, tokens=400e9, seqLen=4096, hardware="A100 80GB (form factor not stated)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 11)),
    source=HFCARD.format("microsoft/Phi-mini-MoE-instruct", "2025") + " (SlimMoE)",
    notes=("Card: 'Architecture: Phi-mini-MoE has 7.6B total parameters with 2.4B active parameters. The model is a mixture-of-expert "
           "decoder-only Transformer model using the tokenizer with vocabulary size of 32,064.' 'Context length: 4k tokens' 'GPUs: 64 "
           "A100-80G' 'Training time: 11 days' 'Training data: 400B tokens'. Target = 64 x 11 x 24 = 16,896 GPU-h. B: SlimMoE compresses "
           "Phi-3.5-MoE by multi-stage pruning + distillation, so the run likely includes teacher forward passes; the Phi-tiny-MoE card "
           "states the very same GPUs/time/tokens, which suggests a shared or approximate figure.")))
A(C(id="phi-tiny-moe", name="Phi-tiny-MoE (SlimMoE, 3.8B total / 1.1B active)", quality="B", architecture="moe",
    paramsTotal=3.8e9, paramsActive=1.1e9, tokens=400e9, seqLen=4096, hardware="A100 80GB (form factor not stated)", devices=64,
    target=dict(metric="gpuHours", value=days(64, 11)),
    source=HFCARD.format("microsoft/Phi-tiny-MoE-instruct", "2025") + " (SlimMoE)",
    notes=("Card: 'Architecture: Phi-tiny-MoE has 3.8 total parameters with 1.1B active parameters.' (sic, 3.8B) 'Context length: 4k tokens' "
           "'GPUs: 64 A100-80G' 'Training time: 11 days' 'Training data: 400B tokens'. Target = 16,896 GPU-h — identical to Phi-mini-MoE although "
           "the model is half the size -> treat with care (B); same distillation caveat.")))

# ====================================================================== other dense LM pre-training
A(C(id="santacoder", name="SantaCoder (1.1B, multi-query attention, FIM)", quality="A", paramsTotal=1.1e9, tokens=236e9, seqLen=2048,
    hardware="V100 (form factor not stated)", devices=96, precision="fp16",
    target=dict(metric="gpuHours", value=days(96, 6.2)),
    source=("https://huggingface.co/bigcode/santacoder model card — 'Training' (Model, Hardware) — 2023 (read via a verbatim copy of the card); "
            "Ben Allal et al. 2023, 'SantaCoder: don't reach for the stars!' (arXiv 2301.03988)"),
    notes=("Card: 'Architecture: GPT-2 model with multi-query attention and Fill-in-the-Middle objective' 'Pretraining steps: 600K' "
           "'Pretraining tokens: 236 billion' 'Precision: float16' 'GPUs: 96 Tesla V100' 'Training time: 6.2 days' 'Total FLOPS: 2.1 x 10e21'. "
           "Target = 96 x 6.2 x 24 = 14,284.8 GPU-h. Model summary: 'The SantaCoder models are a series of 1.1B parameter models ... The main model uses Multi "
           "Query Attention, a context window of 2048 tokens' and 'The final model ... was trained twice as long (236B tokens) as the others.'"
           " Check: 6 x 1.1e9 x 236e9 = 1.56e21 vs the stated 2.1e21 total FLOPs.")))
A(C(id="falcon-rw-1b", name="Falcon-RW-1B (RefinedWeb ablation model)", quality="B", paramsTotal=1e9, tokens=350e9,
    hardware="A100 40GB (form factor not stated)", devices=32, precision="bf16",
    target=dict(metric="gpuHours", value=days(32, 6)),
    source="https://huggingface.co/tiiuae/falcon-rw-1b model card — 'Training Details' and 'Speeds, Sizes, Times' — 2023 (read via verbatim copies)",
    notes=("Card: 'Falcon-RW-1B is a 1B parameters causal decoder-only model built by TII and trained on 350B tokens of RefinedWeb'; 'Falcon-RW-1B "
           "was trained on 32 A100 40GB GPUs, using only data parallelism with ZeRO.'; hyper-parameter table 'Precision | bfloat16' 'Batch size | "
           "512 | 4B tokens ramp-up'; 'Training happened in early December 2022 and took about six days.' Target = 32 x 6 x 24 = 4,608 GPU-h. "
           "B: 'about six days'; the config has ~1.3B parameters [R] while the card says 1B (paramsTotal keeps the stated 1B).")))
A(C(id="stablelm-3b-4e1t", name="StableLM-3B-4E1T (4 epochs over 1T tokens)", quality="B", paramsTotal=2_795_443_200, tokens=4e12, epochs=4,
    seqLen=4096, hardware="A100 40GB (AWS p4d, SXM4)", devices=256, precision="bf16",
    target=dict(metric="gpuHours", value=days(256, 30)),
    source="https://huggingface.co/stabilityai/stablelm-3b-4e1t model card — 'Model Architecture', 'Training Procedure', 'Training Infrastructure' — 2023 (read via a verbatim copy)",
    notes=("Card: 'StableLM-3B-4E1T is a 3 billion parameter decoder-only language model pre-trained on 1 trillion tokens of diverse English "
           "and code datasets for 4 epochs.' Architecture table 'Parameters 2,795,443,200 | Hidden Size 2560 | Layers 32 | Heads 32 | Sequence "
           "Length 4096'. 'The model is pre-trained on the aforementioned datasets in bfloat16 precision'. 'StableLM-3B-4E1T was trained on the "
           "Stability AI cluster across 256 NVIDIA A100 40GB GPUs (AWS P4d instances). Training began on August 23, 2023, and took approximately "
           "30 days to complete.' Target = 256 x 30 x 24 = 184,320 GPU-h. tokens = 4 x 1T = 4e12 tokens processed (epochs=4 is informational: "
           "tokens already counts all passes). B: 'approximately 30 days'. P4d = A100-SXM4-40GB.")))
A(C(id="granite-3.0-8b", name="Granite 3.0 8B base", quality="B", paramsTotal=8.1e9, tokens=12e12,
    hardware="H100 80GB (Blue Vela cluster)",
    target=dict(metric="gpuHours", value=832_102),
    also=[dict(metric="energyKWh", value=757_000)],
    source=("Granite Team, IBM 2024, 'Granite 3.0 Language Models' technical report (github.com/ibm-granite/granite-3.0-language-models), "
            "training-cost table — read SECONDHAND via the aiportalx.com/ibm/granite-3.0-8b summary (Epoch-style notes)"),
    notes=("SECONDHAND: the summary reads 'Notes: 6ND = 6 FLOP / parameter / token * 8.1*10^9 parameters * 12*10^12 tokens = 5.832e+23 FLOP "
           "\"All our Granite 3.0 models are trained using a compute budget of 8.35 x 10^23 FLOPS.\" 8.35 x 10^23 * 757.0 (model's power "
           "consumption) / (174.6+757.0+64.5+121.2) ... hardware estimation: 832102 GPU-hours * 3600 sec / hour * 989500000000000 FLOP / GPU / "
           "sec * 0.3 [assumed utilization]' and 'Size Notes: 12T tokens' 'Notes: 8.1B'. So the report's table gives 832,102 GPU-h and 757.0 "
           "MWh for granite-3.0-8b [R]. The primary table was not opened -> B. Model cards: trained on IBM's Blue Vela cluster with NVIDIA "
           "H100 GPUs [R]. Whether the MWh include PUE is unknown (also only).")))

# ====================================================================== encoder-decoder / early transformers
VAS = ("Vaswani et al. 2017, 'Attention Is All You Need' (arXiv 1706.03762, NeurIPS 2017), §5.1 'Training Data and Batching', "
       "§5.2 'Hardware and Schedule', Table 3 (params x10^6)")
A(C(id="transformer-base-wmt14", name="Transformer (base), WMT14 En-De", quality="A", architecture="encoder-decoder",
    paramsTotal=65e6, tokens=100_000 * 25_000, hardware="P100 (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 12),
    source=VAS,
    notes=("Quotes: 'Each training batch contained a set of sentence pairs containing approximately 25000 source tokens and 25000 target "
           "tokens.' 'We trained our models on one machine with 8 NVIDIA P100 GPUs. For our base models using the hyperparameters described "
           "throughout the paper, each training step took about 0.4 seconds. We trained the base models for a total of 100,000 steps or 12 "
           "hours.' Table 3 'base ... 100K ... params x10^6 65'. Target = 8 x 12 = 96 GPU-h (100k x 0.4 s = 11.1 h, consistent). "
           "tokens [D] = 100,000 steps x 25,000 source tokens = 2.5e9 (each token position passes through either the encoder or the "
           "decoder, so 6 x N x source tokens is the 6ND-consistent count; target tokens are another 2.5e9). Precision not stated (2017, fp32).")))
A(C(id="transformer-big-wmt14", name="Transformer (big), WMT14 En-De", quality="A", architecture="encoder-decoder",
    paramsTotal=213e6, tokens=300_000 * 25_000, hardware="P100 (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 3.5)),
    source=VAS,
    notes=("Quote: 'For our big models, (described on the bottom line of table 3), step time was 1.0 seconds. The big models were trained for "
           "300,000 steps (3.5 days).' Table 3 'big | 6 | 1024 | 4096 | 16 | ... | 300K | 4.33 | 26.4 | 213'. Target = 8 x 3.5 x 24 = 672 GPU-h "
           "(300k x 1.0 s = 83.3 h, consistent). tokens [D] = 300,000 x 25,000 = 7.5e9 source tokens (see base).")))
A(C(id="xlnet-large", name="XLNet-Large (full data)", quality="B", architecture="dense (Transformer-XL, two-stream)",
    paramsTotal=360e6, tokens=500_000 * 8192 * 512, seqLen=512, hardware="TPU v3", devices=512,
    target=dict(metric="gpuHours", value=days(512, 5.5)),
    source="Yang et al. 2019, 'XLNet: Generalized Autoregressive Pretraining for Language Understanding' (arXiv 1906.08237, NeurIPS 2019), §3.1 'Pretraining and Implementation'",
    notes=("Quotes: 'Our largest model XLNet-Large has the same architecture hyperparameters as BERT-Large, which results in a similar model size. "
           "During pretraining, we always use a full sequence length of 512.' 'Specifically, we train on 512 TPU v3 chips for 500K steps with an "
           "Adam weight decay optimizer, linear learning rate decay, and a batch size of 8192, which takes about 5.5 days.' Target = 512 chips x "
           "5.5 x 24 = 67,584 TPU-chip-hours (metric gpuHours = chip-hours). tokens [D] = 500k x 8192 x 512 = 2.10e12 positions. B: (1) chips vs "
           "cores is disputed (a 2019 blog citing J. Bradbury reads the 512 as cores), and a 2019 blog quotes the first arXiv version as "
           "'We train XLNet-Large on 512 TPU v3 chips for 500K steps with an Adam optimizer, linear learning rate decay and a batch size of 2048, "
           "which takes about 2.5 days' (the target uses the final version); (2) params 360M [R] from a secondary model list ('Base=117M, Large=360M'); "
           "(3) two-stream attention costs more than 6ND.")))

# ====================================================================== fine-tunes / multimodal adapters
A(C(id="alpaca-7b", name="Stanford Alpaca 7B (instruction fine-tune of LLaMA 7B)", quality="B", paramsTotal=7e9, samples=52_000, epochs=3,
    seqLen=512, hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 3),
    source=("Taori et al. 2023, 'Alpaca: A Strong, Replicable Instruction-Following Model', Stanford CRFM blog (crfm.stanford.edu/2023/03/13/alpaca.html, "
            "read via a verbatim copy) and github.com/tatsu-lab/stanford_alpaca README ('Fine-tuning' table)"),
    notes=("Blog: 'Our data generation process results in 52K unique instructions and the corresponding outputs' ... 'we then fine-tuned the LLaMA "
           "models using Hugging Face's training framework, taking advantage of techniques like Fully Sharded Data Parallel and mixed precision "
           "training. Fine-tuning a 7B LLaMA model took 3 hours on 8 80GB A100s'. README table: 'Batch size 128 | Learning rate 2e-5 | Epochs 3 | "
           "Max length 512'. Target = 8 x 3 = 24 GPU-h. B: '3 hours' coarse, examples are mostly far shorter than 512 tokens (token count not "
           "stated), params '7B' from the name (LLaMA 7B is 6.7B [R]). A fine-tune: LLaMA pre-training not included.")))
A(C(id="minigpt4-stage1", name="MiniGPT-4 stage-1 alignment (projection layer; frozen ViT-g/Q-Former + Vicuna-13B)", quality="B", modality="vision",
    architecture="vlm (frozen encoders + frozen LLM, trainable projection)", samples=5e6, epochs=1,
    hardware="A100 (memory not stated)", devices=4,
    target=dict(metric="gpuHours", value=4 * 10),
    source="https://github.com/Vision-CAIR/MiniGPT-4 README 'Introduction' (and Zhu et al. 2023, arXiv 2304.10592) — 2023",
    notes=("README: 'MiniGPT-4 aligns a frozen visual encoder from BLIP-2 with a frozen LLM, Vicuna, using just one projection layer.' 'The "
           "first traditional pretraining stage is trained using roughly 5 million aligned image-text pairs in 10 hours using 4 A100s.' 'The "
           "second finetuning stage ... takes only around 7 minutes with a single A100.' Target = 4 x 10 = 40 GPU-h (stage 1 only). B: only a "
           "single linear layer is trained, but every sample runs forward (and backward through the LLM to the projection) through a ~13B "
           "Vicuna and a ~1B vision encoder — paramsTotal left null because the source gives no count; '~5 million' and '10 hours' coarse.")))
LLAVA = ("https://github.com/haotian-liu/LLaVA README — 'Train' (hyperparameter tables, 'Pretrain (feature alignment)', 'Visual Instruction "
         "Tuning') — 2023 (read via verbatim copies in forks); Liu et al. 2023, 'Improved Baselines with Visual Instruction Tuning' (arXiv 2310.03744)")
A(C(id="llava-1.5-13b-finetune", name="LLaVA-1.5-13B visual instruction tuning", quality="B", modality="vision",
    architecture="vlm (CLIP ViT-L/14-336 + MLP + Vicuna-13B)", paramsTotal=13e9, samples=665_000, epochs=1, seqLen=2048, resolution=336,
    hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 20),
    also=[dict(metric="gpuHours", value=8 * 5.5)],
    source=LLAVA,
    notes=("README: hyperparameter table 'LLaVA-v1.5-13B | 128 | 2e-5 | 1 | 2048 | 0' (global batch, LR, epochs, max length, weight decay); "
           "instruction data llava_v1_5_mix665k.json (665K); 'Visual instruction tuning takes around 20 hours for LLaVA-v1.5-13B on 8x A100 "
           "(80G), due to the increased resolution to 336px. It takes around 10 hours for LLaVA-v1.5-7B on 8x A100 (40G).' 'Pretrain takes "
           "around 5.5 hours for LLaVA-v1.5-13B on 8x A100 (80G)'. Target = 8 x 20 = 160 GPU-h (fine-tune only, LLM + projector trained, "
           "vision tower frozen); also = pre-training stage 44 GPU-h (projector only, 558K pairs). B: 'around 20 hours'; 665K mixes text-only "
           "and image conversations of varying length; params 13B = the LLM (the 0.3B vision tower is frozen).")))

# ====================================================================== Llama 3.2 Vision (Meta table)
L32V = ("https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/MODEL_CARD_VISION.md — 'Hardware and Software' (Training "
        "Energy Use table) and 'Training Data' — 2024")
A(C(id="llama32-vision-11b", name="Llama 3.2-Vision 11B (adapter pre-training stages)", quality="B", modality="vision",
    architecture="vlm (image encoder + cross-attention adapter on Llama 3.1 8B)", paramsTotal=10.6e9, samples=6e9,
    hardware="H100 SXM 80GB", target=dict(metric="gpuHours", value=147_000 + 98_000),
    also=[dict(metric="gpuHours", value=147_000 + 98_000 + 896 + 224), dict(metric="co2eKg", value=71_000)],
    convention=dict(powerW=700, pue=None, intensityGPerKWh=None, basis="Meta: peak power per GPU adjusted for PUE; location-based"),
    source=L32V,
    notes=("Card: 'Training utilized a cumulative of 2.02M GPU hours of computation on H100-80GB (TDP of 700W) type hardware'; row 'Llama "
           "3.2-vision 11B | Stage 1 pretraining: 147K H100 hours Stage 2 annealing: 98K H100 hours SFT: 896 H100 hours RLHF: 224 H100 hours | "
           "700 | 71 | 0'. Params table '11B (10.6)'; 'Llama 3.2-Vision was pretrained on 6B image and text pairs.' 'the Llama 3.2-Vision model "
           "uses a separately trained vision adapter that integrates with the pre-trained Llama 3.1 language model.' Target = stage 1 + stage 2 "
           "= 245,000 GPU-h; also = incl. SFT+RLHF 246,120 and 71 t CO2e. B: the language model's own pre-training is not included and it is not "
           "stated which parameters are trained; 6B pairs is the data size, not necessarily samples seen; image resolution/tokens not stated.")))
A(C(id="llama32-vision-90b", name="Llama 3.2-Vision 90B (adapter pre-training stages)", quality="B", modality="vision",
    architecture="vlm (image encoder + cross-attention adapter on Llama 3.1 70B)", paramsTotal=88.8e9, samples=6e9,
    hardware="H100 SXM 80GB", target=dict(metric="gpuHours", value=885_000 + 885_000),
    also=[dict(metric="gpuHours", value=885_000 + 885_000 + 3072 + 2048), dict(metric="co2eKg", value=513_000)],
    convention=dict(powerW=700, pue=None, intensityGPerKWh=None, basis="Meta: peak power per GPU adjusted for PUE; location-based"),
    source=L32V,
    notes=("Row 'Llama 3.2-vision 90B | Stage 1 pretraining: 885K H100 hours Stage 2 annealing: 885K H100 hours SFT: 3072 H100 hours RLHF: "
           "2048 H100 hours | 700 | 513 | 0'; 'Total | 2.02M | | 584 | 0' (147+98+0.896+0.224+885+885+3.072+2.048 = 2,021.24K, consistent). "
           "Params '90B (88.8)'. Target = 1,770,000 GPU-h. B for the reasons given for the 11B; note the two 885K entries are identical in the "
           "card.")))

# ====================================================================== vision / image generation
A(C(id="big-lama", name="Big LaMa-Fourier (image inpainting, 51M)", quality="B", modality="vision", architecture="cnn (fast Fourier convolutions) + GAN",
    paramsTotal=51e6, samples=4.5e6, resolution=256, hardware="V100 (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 240),
    source="Suvorov et al. 2022, 'Resolution-robust Large Mask Inpainting with Fourier Convolutions' (LaMa, arXiv 2109.07161, WACV 2022), §3 'Big LaMa'",
    notes=("Quote: 'It has 18 residual blocks, all based on FFC, resulting in 51M parameters. The model was trained on a subset of 4.5M images from "
           "Places-Challenge dataset. Just as our standard base model, the Big LaMa was trained only on low-resolution 256 x 256 crops of "
           "approximately 512 x 512 images. Big LaMa uses a larger batch size of 120 (instead of 30 for our other models). ... It was trained on "
           "eight NVidia V100 GPUs for approximately 240 hours.' Target = 8 x 240 = 1,920 GPU-h. B: number of iterations/epochs for Big LaMa "
           "not stated (samples = dataset size per epoch); adversarial training also runs a discriminator and a perceptual-loss network.")))
A(C(id="stylegan2-ffhq-configf", name="StyleGAN2 config F, FFHQ 1024x1024", quality="B", modality="vision", architecture="gan (style-based cnn)",
    resolution=1024, hardware="V100 SXM2 (DGX-1)", devices=8,
    target=dict(metric="energyKWh", value=680),
    also=[dict(metric="gpuHours", value=days(8, 9))],
    source="Karras et al. 2020, 'Analyzing and Improving the Image Quality of StyleGAN' (StyleGAN2, arXiv 1912.04958, CVPR 2020), §7 'Conclusions' (and Appendix F)",
    notes=("Quote: 'At 1024^2 resolution, the original StyleGAN (config A in Table 1) trains at 37 images per second on NVIDIA DGX-1 with 8 Tesla "
           "V100 GPUs, while our config E trains 40% faster at 61 img/s. ... StyleGAN2 (config F, larger networks) trains at 31 img/s, and is "
           "thus only slightly more expensive to train than original StyleGAN. Its total training time was 9 days for FFHQ and 13 days for LSUN "
           "CAR. The entire project, including all exploration, consumed 132 MWh of electricity, of which 0.68 MWh went into training the final "
           "FFHQ model.' Target = 680 kWh (energy of the final FFHQ run); also = 8 x 9 x 24 = 1,728 GPU-h. B: the boundary of the 0.68 MWh "
           "(GPUs only vs whole DGX-1) is described only in Appendix F, not re-read; parameter count and images shown not quoted here "
           "(31 img/s x 9 d ~ 24M images is a [D] consistency check only, not an input).")))
A(C(id="dalle-mega", name="DALL·E Mega (BART encoder-decoder over VQGAN tokens)", quality="B", modality="vision",
    architecture="seq2seq transformer (image tokens)", hardware="TPU v3", devices=128,
    target=dict(metric="gpuHours", value=128 * 1344),
    also=[dict(metric="co2eKg", value=18_013.47)],
    source=("https://huggingface.co/dalle-mini/dalle-mega model card — 'Training' and 'Environmental Impact' — 2022 (read through excerpts of the card, "
            "its commit history and github.com/borisdayma/dalle-mini issue #318)"),
    notes=("Card: 'Hardware: 1 pod TPU v3-256 = 32 nodes of TPU VM v3-8 (8 TPU per node) = 256 TPU v3' 'Batch: 44 samples per model x 32 data "
           "parallel x 3 gradient accumulation steps = 4224 samples per update'; 'Hours used: 1344 hours (56 days)'; carbon line corrected from "
           "4503 to '18013.47 kg CO2 eq.' after issue #318, which notes 'a TPU v3-256 contains 256 tensorcores and 128 chips'. The section opens "
           "'DALL·E Mega is still training. So far, as of June 28, 2022, the model developer[s] ...' (rest not in the excerpt read). Target [D] = "
           "128 chips x 1,344 h = 172,032 TPU-chip-hours. B: the '256 TPU v3' are cores (128 chips); the hours are a snapshot of a run that "
           "was still going; number of updates and parameter count not in the excerpts read.")))
A(C(id="lcm-sd-768", name="Latent Consistency Model (768 px, distilled from Stable Diffusion)", quality="B", modality="diffusion",
    architecture="unet (latent consistency distillation)", resolution=768, hardware="A100 (form factor not stated)",
    target=dict(metric="gpuHours", value=32),
    source="Luo et al. 2023, 'Latent Consistency Models' (arXiv 2310.04378), Abstract; latent-consistency-models.github.io (as quoted in the diffusers docs)",
    notes=("Abstract: 'Efficiently distilled from pre-trained classifier-free guided diffusion models, a high-quality 768 x 768 2~4-step LCM "
           "takes only 32 A100 GPU hours for training.' Project page (quoted in the diffusers LCM docs): 'LCMs can be distilled from any "
           "pre-trained Stable Diffusion (SD) in only 4,000 training steps (~32 A100 GPU Hours) for generating high quality 768 x 768 resolution "
           "images'. Target = 32 GPU-h. B: batch size and teacher (SD version, ~0.9B UNet) not quoted here -> samples and params null; a "
           "distillation: each step runs the teacher and a target network too.")))

# ====================================================================== measured energy (Dodge et al. 2022)
DODGE = ("Dodge et al. 2022, 'Measuring the Carbon Intensity of AI in Cloud Instances' (FAccT 2022, arXiv 2206.05229), Table 2 and §4 — "
         "energy measured on Azure, GPU electricity only")
DCONV = dict(powerW=None, pue=None, intensityGPerKWh=None, basis="measured GPU energy only (no CPU/host, no PUE)")
A(C(id="dodge-vit-huge", name="ViT-Huge trained on ImageNet (Dodge et al.)", quality="B", modality="vision", architecture="vit",
    paramsTotal=632e6, resolution=224, hardware="V100 (form factor not stated)", devices=4,
    target=dict(metric="energyKWh", value=237.6), also=[dict(metric="gpuHours", value=4 * 216)], convention=DCONV, source=DODGE,
    notes=("Table 2: 'ViT Huge | 4·V100 | Hours 216 | kWh 237.6'. §4.2: 'We evaluated the energy consumption during the training of five sizes "
           "of Vision Transformers on ImageNet ... For the largest one (ViT huge), training lasted more than 9 days on a 4 V100s and consumed "
           "approximately 237 kWh.' §5: '(which only count the GPU electricity consumption)'. Target = 237.6 kWh, GPU-only -> compare with the "
           "accelerator share (the scorer's ACCELERATOR_ONLY list must include this id). also = 864 GPU-h. B: epochs/resolution not stated "
           "(224 assumed from the ViT default [R]); 632M params [R] (ViT paper Table 1).")))
A(C(id="dodge-vit-large", name="ViT-Large trained on ImageNet (Dodge et al.)", quality="B", modality="vision", architecture="vit",
    paramsTotal=307e6, resolution=224, hardware="V100 (form factor not stated)", devices=4,
    target=dict(metric="energyKWh", value=93.3), also=[dict(metric="gpuHours", value=4 * 90)], convention=DCONV, source=DODGE,
    notes=("Table 2: 'ViT Large | 4·V100 | Hours 90 | kWh 93.3'. GPU-only energy (see dodge-vit-huge). also = 360 GPU-h. B: epochs not stated; "
           "307M params [R] (ViT paper Table 1).")))
A(C(id="dodge-6b-lm-partial", name="6.1B-parameter transformer LM, partial run (~13 %) (Dodge et al.)", quality="B",
    paramsTotal=6.1e9, hardware="A100 (form factor not stated)", devices=256,
    target=dict(metric="energyKWh", value=13_812.4), also=[dict(metric="gpuHours", value=256 * 192)], convention=DCONV, source=DODGE,
    notes=("Table 2: '6B Transf. | 256·A100 | Hours 192 | kWh 13,812.4'. §4.1: 'We tracked the energy consumption of training a large language "
           "model comprising over 6.1 billion parameters during 8 days on 256 NVIDIA A100s. The total energy amounted to a staggering 13.8 MWh. "
           "This model was not trained to completion, but only until 13%; a full training run would take 60 days.' Target = the measured "
           "13,812.4 kWh of the partial run (GPU-only); also = 256 x 192 = 49,152 GPU-h. B: tokens processed not stated (so only a "
           "power-per-GPU-hour check is possible: 13,812.4 / 49,152 = 0.281 kWh per GPU-h).")))
A(C(id="dodge-bert-small-pretrain", name="BERT-small language-model pre-training (Dodge et al.)", quality="B", architecture="dense-encoder",
    hardware="V100 (form factor not stated)", devices=8,
    target=dict(metric="energyKWh", value=37.3), also=[dict(metric="gpuHours", value=8 * 36)], convention=DCONV, source=DODGE,
    notes=("Table 2: 'BERT pretrain | 8·V100 | Hours 36 | kWh 37.3'; caption: 'our BERT language modeling (BERT LM) experiment used 8 V100 "
           "GPUs for 36 hours and used a total of 37.3 kWh.' §4.1: 'We monitored the energy consumption while training a BERT-small model for "
           "approximately 36 hours on 8 NVIDIA V100 GPUs.' GPU-only energy; also = 288 GPU-h (0.130 kWh per GPU-h). B: params, tokens and "
           "steps not stated (left null; the paper cites Devlin et al. for BERT-small without giving its size).")))

# ====================================================================== speech / audio
CAIMAN = "https://github.com/MyrtleSoftware/caiman-asr docs/src/training/training_times.md and model_yaml_configurations.md (Myrtle.ai CAIMAN-ASR, v1.12.0) — 2024"
A(C(id="caiman-asr-base", name="CAIMAN-ASR base RNN-T (85M), 100k updates", quality="A", modality="speech", architecture="rnn-t (lstm)",
    paramsTotal=85e6, samples=100_000 * 1024, epochs=1, hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 0.9)),
    source=CAIMAN,
    notes=("training_times.md: 'Training times for v1.12.0 on an 8 x A100 (80GB) system are as follows: | base | 0.9 | 1400 | 23,200 | 100k | 1 "
           "| 8 |' (train-time days, throughput utt/s, throughput s/s, no. of updates, grad accumulation, batch split) and 'No. of updates is the "
           "number of optimiser steps taken at --global_batch_size=1024'. model_yaml_configurations.md: '| base | 85M | 8703 |'. Target = 8 x 0.9 x "
           "24 = 172.8 GPU-h. samples [D] = 100k x 1024 = 102.4M utterances seen (epochs=1 means samples already counts passes); audio seen "
           "[D] ~ 23,200 s/s x 0.9 d = 1.8e9 s (training_datasets.md: utterances up to 20 s, mean 14.0-14.7 s). Published vendor recipe timing, "
           "not a named model release. LSTM-based, so 6ND transformer FLOP rules fit poorly.")))
A(C(id="caiman-asr-large", name="CAIMAN-ASR large RNN-T (196M), 100k updates", quality="A", modality="speech", architecture="rnn-t (lstm)",
    paramsTotal=196e6, samples=100_000 * 1024, epochs=1, hardware="A100 80GB (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=days(8, 1.8)),
    source=CAIMAN,
    notes=("training_times.md: '| large | 1.8 | 700 | 11,700 | 100k | 1 | 16 |' on '8 x A100 (80GB)'; '| large | 196M | 17407 |'. Target = 8 x 1.8 "
           "x 24 = 345.6 GPU-h; samples [D] = 102.4M utterances. (The RTX 4090 rows of the same page are marked '*' = 'estimates from throughput "
           "scaling and extrapolation' and were not used.)")))
A(C(id="distil-large-v3-fr", name="distil-large-v3-fr (French Distil-Whisper)", quality="B", modality="speech", architecture="encoder-decoder (whisper, 2-layer decoder)",
    paramsTotal=756e6, samples=18_000 * 256, epochs=1, hardware="H100 (form factor not stated)", devices=8,
    target=dict(metric="gpuHours", value=8 * 24),
    source="https://huggingface.co/eustlb/distil-large-v3-fr/discussions/2 — answer by the model's owner — 2024",
    notes=("Owner's answer: 'Training time was ~1day on a 8xH100 node (18,000 steps with batch size 256)'. Target = 8 x 24 = 192 GPU-h; samples [D] "
           "= 18,000 x 256 = 4.61M (clips of up to 30 s). B: '~1day'; a forum answer rather than the card; knowledge distillation (a Whisper "
           "large-v3 teacher runs forward each step); 756M params [R] (distil-large-v3 size; not stated in the answer).")))
A(C(id="hubert-base-korean", name="HuBERT base Korean (two pre-training phases)", quality="B", modality="speech", architecture="cnn+transformer (hubert)",
    paramsTotal=95e6, hardware="TPU v3", devices=4,
    target=dict(metric="gpuHours", value=4 * (40 + 84)),
    source="https://huggingface.co/team-lucid/hubert-base-korean/discussions/4 — answer by the model's author — 2023",
    notes=("Author's answer: 'We used TPU v3-8 to train our model and it took about 40 and 84 hours for phase 1 and phase 2 of the base model, "
           "respectively.' A TPU v3-8 has 4 chips (8 cores). Target [D] = 4 chips x (40 + 84) h = 496 TPU-chip-hours. B: forum answer, 'about', "
           "data size/steps not stated, 95M params [R] (HuBERT BASE size).")))
A(C(id="jukebox-top-prior", name="Jukebox 5B top-level prior (music)", quality="B", modality="speech", architecture="sparse transformer (audio tokens)",
    paramsTotal=5e9, hardware="V100 (form factor not stated)", devices=512,
    target=dict(metric="gpuHours", value=days(512, 28)),
    source=("Dhariwal et al. 2020, 'Jukebox: A Generative Model for Music' (arXiv 2005.00341) and openai.com/research/jukebox — read SECONDHAND "
            "via a repository summary table of the paper"),
    notes=("SECONDHAND (summary table of the paper): 'Top-level prior | 5B parameters | Top-level prior training | 512 V100s for 4 weeks'; "
           "'Upsamplers | 1B parameters | Upsampler training | 128 V100s for 2 weeks'; 'VQ-VAE training | 256 V100s for 3 days'; 'The authors "
           "scraped a dataset of 1.2 million songs'. Target = 512 x 28 d x 24 = 344,064 GPU-h for the top-level prior only. B: secondhand, 'weeks' "
           "granularity, tokens seen not stated (1.2M songs is the corpus).")))

# ====================================================================== added: large MoE and text-to-image diffusion
A(C(id="gpt-oss-120b", name="gpt-oss-120b (MoE)", quality="B", architecture="moe",
    paramsTotal=117e9, paramsActive=5.1e9, hardware="H100 (form factor not stated)",
    target=dict(metric="gpuHours", value=2.1e6),
    source=("OpenAI 2025, 'gpt-oss-120b & gpt-oss-20b Model Card' (cdn.openai.com/pdf/419b6906-9da6-406c-a19d-1bb078ac7637/oai_gpt-oss_model_card.pdf) — "
            "read SECONDHAND via the quotation in S. Raschka, 'From GPT-2 to gpt-oss' (2025), §4.1"),
    notes=("SECONDHAND quotation of the model card: '[...] required 2.1million H100-hours to complete, with gpt-oss-20b needing almost 10x "
           "fewer.' and of the announcement: '[...] including a supervised fine-tuning stage and a high-compute RL stage [...]' 'We trained the "
           "models on a mostly English, text-only dataset, with a focus on STEM, coding, and general knowledge.' Target = 2.1M H100-h. B: "
           "secondhand; token count not published; whether the 2.1M covers pre-training only or also post-training is not clear from the "
           "excerpt; 117B total / 5.1B active [R] (model card, not re-read).")))
A(C(id="z-image-6b", name="Z-Image (6B single-stream diffusion transformer), full training workflow", quality="B", modality="diffusion",
    architecture="dit (single-stream S3-DiT)", paramsTotal=6e9, hardware="H800 80GB (form factor not stated)",
    target=dict(metric="gpuHours", value=314_000),
    source="Z-Image Team (Tongyi-MAI, Alibaba) 2025, 'Z-Image: An Efficient Image Generation Foundation Model with Single-Stream Diffusion Transformer' (arXiv 2511.22699), Abstract",
    notes=("Abstract: 'we propose Z-Image, an efficient 6B-parameter foundation generative model built upon a Scalable Single-Stream Diffusion "
           "Transformer (S3-DiT) architecture ... we complete the full training workflow in just 314K H800 GPU hours (approx. $630K).' Target = "
           "314,000 GPU-h. B: 'full training workflow' spans progressive-resolution pre-training, SFT, few-step distillation and RL — images "
           "seen and resolutions per stage not extracted (samples null); a summary gives 6.15B params [R].")))
A(C(id="sefi-image-5b", name="SeFi-Image 5B (semantic-first diffusion)", quality="B", modality="diffusion",
    architecture="dit (dual-latent, semantic-first)", paramsTotal=5e9, hardware="A800 80GB (A100 export variant)",
    target=dict(metric="gpuHours", value=125_000),
    source=("SeFi-Team 2026, 'SeFi-Image: A Text-to-Image Foundation Model with Semantic-First Diffusion' (arXiv 2606.22568) and its GitHub README "
            "'Highlights' (github.com/SeFi-Team/SeFi-Image, also linked as github.com/jmliu206/SeFi-Image)"),
    notes=("README: 'Faster training — The 5B model reaches strong benchmark performance with about 125K A800 GPU hours.' Paper summaries: 'The "
           "5B parameter variant achieved strong benchmark performance using only 125K A800 GPU hours—roughly 10% to 20% of the compute required "
           "by comparable state-of-the-art models.' Target = 125,000 GPU-h. B: 'about'; stages (pre-training on ~478M images [R, secondhand "
           "summary: 450M real + 28M synthetic], continued training, SFT, RL) not broken down; A800 = A100 with reduced NVLink.")))

for c in cases:
    t = c["target"]["value"]
    c["target"]["value"] = round(t, 1) if isinstance(t, float) and t != int(t) else int(round(t))
    for a in c["also"]:
        a["value"] = round(a["value"], 2) if isinstance(a["value"], float) and a["value"] != int(a["value"]) else int(round(a["value"]))
    for k in ("tokens", "samples", "paramsTotal", "paramsActive"):
        if c[k] is not None:
            c[k] = int(round(c[k]))
    assert c["quality"] in ("A", "B") and c["hardware"] and c["source"] and c["notes"], c["id"]

ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), "duplicate ids"
out = {"set": "footprint-heldout-2",
       "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
       "description": ("Second held-out set of published training runs for validating the Green ML Review footprint estimator. Built "
                       "without running the estimator; no model of core/validation/cases.ts or footprint-heldout-1. gpuHours means "
                       "accelerator-hours (TPU chip-hours for TPU rows). [R] = recalled/secondary, not re-read in the primary this session; "
                       "[D] = derived arithmetic shown in notes and in make_cases.py."),
       "cases": cases}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
