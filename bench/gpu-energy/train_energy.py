#!/usr/bin/env python3
"""Measure step time, GPU power and GPU energy of training steps on one NVIDIA GPU, per workload and precision, so that
`compare.mjs` can set them against Green ML Review's per-step estimate (core/step.ts) for the same configuration.

Workloads (all models written here; random data; nothing is downloaded):
    gpt       GPT-style decoder (default 12 layers, d = 1024, batch 16 x 1,024 tokens), fused AdamW
    gpt-lora  the same model with LoRA (rank 16) on the attention and MLP projections, base weights frozen
    resnet50  ResNet-50 (bottleneck blocks, 25.6 M parameters), batch 256 at 224 x 224, channels_last, SGD + momentum
    vit       ViT-B/16 (86 M parameters), batch 128 at 224 x 224, AdamW

Precisions, as PyTorch runs them:
    fp32  PyTorch's default: TF32 OFF for matmuls (torch.backends.cuda.matmul.allow_tf32 = False since 1.12) and ON for
          cuDNN convolutions (torch.backends.cudnn.allow_tf32 = True)
    tf32  TF32 on for both
    bf16  torch.autocast(bfloat16)
    fp16  torch.autocast(float16) with a GradScaler
    fp8   gpt only: the blocks' linear layers run their three matmuls (forward, input gradient, weight gradient) in
          float8 e4m3 through torch._scaled_mm with one scale per tensor (e4m3 throughout; like the "tensorwise" recipe of torchao's float8
          training, https://github.com/pytorch/ao/tree/main/torchao/float8), everything else under bf16 autocast.
          Written here because Transformer Engine and torchao are not installed on the machines this ran on; it
          needs a GPU with fp8 tensor cores (Hopper, Ada, Blackwell) and skips the run otherwise

Energy. First choice: the GPU's own energy counter, nvmlDeviceGetTotalEnergyConsumption (millijoules since the driver
loaded; Volta and newer), read before and after the timed steps. Virtualised and some cloud GPUs do not expose it
(NVML_ERROR_NOT_SUPPORTED): then the script samples nvmlDeviceGetPowerUsage in a background thread (default 50 Hz) and
integrates the samples over the timed window (trapezoid rule). Each result records which source was used
("nvml-energy-counter", "nvml-power-samples" with the achieved sampling rate). Without the nvidia-ml-py package the
counter is read through `nvidia-smi --query-gpu=total_energy_consumption` ("nvidia-smi-energy-counter").
The counter covers the whole GPU, so nothing else should run on it meanwhile. Host (CPU, RAM) energy is not measured.

Usage (one GPU):
    pip install nvidia-ml-py        # optional but needed for the power-sample fallback
    python3 bench/gpu-energy/train_energy.py --out bench/gpu-energy/results.json
    python3 bench/gpu-energy/train_energy.py --workloads gpt --precisions fp32,tf32,bf16 --steps 100
"""
import argparse
import json
import math
import platform
import subprocess
import sys
import threading
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

try:
    import pynvml  # nvidia-ml-py
except ImportError:  # pragma: no cover - optional
    pynvml = None


# ----------------------------------------------------------------------------------------------------- energy sources


def smi(query: str, index: int) -> str:
    out = subprocess.run(
        ["nvidia-smi", f"--query-gpu={query}", "--format=csv,noheader,nounits", "-i", str(index)],
        check=True, capture_output=True, text=True,
    )
    return out.stdout.strip().splitlines()[0].strip()


class EnergyMeter:
    """Energy over a window: the NVML counter when supported, else integrated NVML power samples, else nvidia-smi."""

    def __init__(self, index: int, hz: float, prefer: str = "auto"):
        self.index = index
        self.hz = hz
        self.handle = None
        self.source = None
        if pynvml is not None:
            pynvml.nvmlInit()
            self.handle = pynvml.nvmlDeviceGetHandleByIndex(index)
            try:
                pynvml.nvmlDeviceGetTotalEnergyConsumption(self.handle)
                self.source = "nvml-energy-counter"
            except pynvml.NVMLError:
                if prefer == "counter":
                    sys.exit("this GPU does not expose the NVML energy counter (--energy-source counter)")
                self.source = "nvml-power-samples"
            if prefer == "samples":  # check the fallback on a GPU that has the counter
                self.source = "nvml-power-samples"
        else:
            try:
                float(smi("total_energy_consumption", index))
                self.source = "nvidia-smi-energy-counter"
            except (ValueError, subprocess.CalledProcessError):
                sys.exit(
                    "this GPU does not expose total_energy_consumption and nvidia-ml-py is not installed "
                    "(pip install nvidia-ml-py) for the power-sample fallback"
                )
        self._samples: list = []
        self._stop = threading.Event()
        self._thread = None
        self._e0 = 0.0

    def _counter_mj(self) -> float:
        if self.source == "nvml-energy-counter":
            return float(pynvml.nvmlDeviceGetTotalEnergyConsumption(self.handle))
        return float(smi("total_energy_consumption", self.index))

    def _sample(self) -> None:
        period = 1.0 / self.hz
        nxt = time.perf_counter()
        while not self._stop.is_set():
            t = time.perf_counter()
            w = pynvml.nvmlDeviceGetPowerUsage(self.handle) / 1000.0  # milliwatts -> watts
            self._samples.append((t, w))
            nxt += period
            time.sleep(max(0.0, nxt - time.perf_counter()))

    def start(self) -> None:
        if self.source == "nvml-power-samples":
            self._samples = []
            self._stop.clear()
            self._thread = threading.Thread(target=self._sample, daemon=True)
            self._thread.start()
        else:
            self._e0 = self._counter_mj()

    def stop(self, t0: float, t1: float) -> dict:
        if self.source != "nvml-power-samples":
            return {"energy_j": (self._counter_mj() - self._e0) / 1000.0, "energy_source": self.source}
        self._stop.set()
        self._thread.join()
        pts = [(t, w) for t, w in self._samples if t0 <= t <= t1]
        if len(pts) < 2:
            return {"energy_j": math.nan, "energy_source": self.source, "samples": len(pts)}
        # Trapezoid rule over the samples, extended flat to the window's ends.
        joules = pts[0][1] * (pts[0][0] - t0) + pts[-1][1] * (t1 - pts[-1][0])
        for (ta, wa), (tb, wb) in zip(pts, pts[1:]):
            joules += (wa + wb) / 2 * (tb - ta)
        return {
            "energy_j": joules,
            "energy_source": self.source,
            "samples": len(pts),
            "sample_hz": len(pts) / (t1 - t0),
        }


# ----------------------------------------------------------------------------------------------------- models


class Block(nn.Module):
    def __init__(self, d: int, heads: int):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.up = nn.Linear(d, 4 * d)
        self.down = nn.Linear(4 * d, d)

    def forward(self, x: torch.Tensor, causal: bool = True) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        a = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
        x = x + self.proj(a.transpose(1, 2).reshape(b, t, d))
        return x + self.down(F.gelu(self.up(self.ln2(x))))


class TinyLM(nn.Module):
    """A GPT-style decoder: token + position embeddings, pre-LN blocks, tied output head."""

    def __init__(self, vocab: int, seq: int, layers: int, d: int, heads: int):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(seq, d)
        self.blocks = nn.ModuleList(Block(d, heads) for _ in range(layers))
        self.ln = nn.LayerNorm(d)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        t = ids.shape[1]
        x = self.tok(ids) + self.pos(torch.arange(t, device=ids.device))
        for blk in self.blocks:
            x = blk(x)
        return self.ln(x) @ self.tok.weight.t()


class LoRALinear(nn.Module):
    """y = W x + (alpha / r) * B A x with W frozen (Hu et al. 2021)."""

    def __init__(self, base: nn.Linear, r: int, alpha: float):
        super().__init__()
        self.base = base
        self.base.weight.requires_grad_(False)
        if self.base.bias is not None:
            self.base.bias.requires_grad_(False)
        self.a = nn.Parameter(torch.randn(r, base.in_features, device=base.weight.device) / math.sqrt(base.in_features))
        self.b = nn.Parameter(torch.zeros(base.out_features, r, device=base.weight.device))
        self.scale = alpha / r

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.a.t() @ self.b.t()) * self.scale


def add_lora(model: TinyLM, r: int) -> None:
    for p in model.parameters():
        p.requires_grad_(False)
    for blk in model.blocks:
        for name in ("qkv", "proj", "up", "down"):
            setattr(blk, name, LoRALinear(getattr(blk, name), r, 2 * r))


E4M3_MAX = 448.0


def to_e4m3(t: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Cast to float8 e4m3 with one scale for the whole tensor; returns the fp8 tensor and the dequantising scale."""
    amax = t.detach().abs().amax().float().clamp(min=1e-12)
    scale = E4M3_MAX / amax
    return (t.float() * scale).clamp(-E4M3_MAX, E4M3_MAX).to(torch.float8_e4m3fn), scale.reciprocal()


# Unfused, the casts (amax, scale, cast, transpose) cost more than fp8 saves; torchao fuses them with torch.compile too.
# FP8_CASTS is set to a compiled to_e4m3 by --fp8-compile-casts.
FP8_CASTS = {"fn": to_e4m3}


class Fp8Matmul(torch.autograd.Function):
    """y = x @ w.T with all three GEMMs in fp8 (row-major first operand, column-major second, as cuBLASLt needs)."""

    @staticmethod
    def forward(ctx, x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        x8, sx = FP8_CASTS["fn"](x)
        w8, sw = FP8_CASTS["fn"](w)
        ctx.save_for_backward(x8, sx, w8, sw)
        ctx.x_dtype = x.dtype
        return torch._scaled_mm(x8, w8.t(), scale_a=sx, scale_b=sw, out_dtype=torch.bfloat16)

    @staticmethod
    def backward(ctx, g: torch.Tensor):
        x8, sx, w8, sw = ctx.saved_tensors
        g8, sg = FP8_CASTS["fn"](g)
        gx = torch._scaled_mm(g8, w8.t().contiguous().t(), scale_a=sg, scale_b=sw, out_dtype=torch.bfloat16)
        gw = torch._scaled_mm(g8.t().contiguous(), x8.t().contiguous().t(), scale_a=sg, scale_b=sx,
                              out_dtype=torch.float32)
        return gx.to(ctx.x_dtype), gw


class Fp8Linear(nn.Module):
    def __init__(self, base: nn.Linear):
        super().__init__()
        self.weight, self.bias = base.weight, base.bias

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shape = x.shape
        y = Fp8Matmul.apply(x.reshape(-1, shape[-1]), self.weight)
        y = y.view(*shape[:-1], y.shape[-1])
        return y + self.bias.to(y.dtype) if self.bias is not None else y


def fp8_supported() -> str | None:
    """None when fp8 tensor cores and torch._scaled_mm are there, else why not."""
    if not hasattr(torch, "_scaled_mm") or not hasattr(torch, "float8_e4m3fn"):
        return "this PyTorch has no torch._scaled_mm / float8 dtypes"
    major, minor = torch.cuda.get_device_capability()
    if (major, minor) < (8, 9):
        return f"compute capability {major}.{minor} has no fp8 tensor cores (needs 8.9 or later)"
    return None


def use_fp8(model: TinyLM) -> None:
    for blk in model.blocks:
        for name in ("qkv", "proj", "up", "down"):
            setattr(blk, name, Fp8Linear(getattr(blk, name)))


class Bottleneck(nn.Module):
    def __init__(self, cin: int, width: int, stride: int):
        super().__init__()
        cout = width * 4
        self.c1 = nn.Conv2d(cin, width, 1, bias=False)
        self.b1 = nn.BatchNorm2d(width)
        self.c2 = nn.Conv2d(width, width, 3, stride, 1, bias=False)
        self.b2 = nn.BatchNorm2d(width)
        self.c3 = nn.Conv2d(width, cout, 1, bias=False)
        self.b3 = nn.BatchNorm2d(cout)
        self.short = None
        if stride != 1 or cin != cout:
            self.short = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = F.relu(self.b1(self.c1(x)))
        y = F.relu(self.b2(self.c2(y)))
        y = self.b3(self.c3(y))
        return F.relu(y + (x if self.short is None else self.short(x)))


class ResNet50(nn.Module):
    """ResNet-50 v1.5 (stride in the 3x3 convolution), 1000 classes: 25.6 M parameters, 4.1 GMACs at 224 x 224."""

    def __init__(self, classes: int = 1000):
        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2, 1)
        )
        layers, cin = [], 64
        for width, blocks, stride in ((64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)):
            for i in range(blocks):
                layers.append(Bottleneck(cin, width, stride if i == 0 else 1))
                cin = width * 4
        self.body = nn.Sequential(*layers)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(self.body(self.stem(x)), 1), 1))


class ViT(nn.Module):
    """ViT-B/16 (Dosovitskiy et al. 2021): 12 layers, d = 768, 12 heads, MLP 3072; 86 M parameters."""

    def __init__(self, image: int = 224, patch: int = 16, d: int = 768, layers: int = 12, heads: int = 12, classes: int = 1000):
        super().__init__()
        self.patch = nn.Conv2d(3, d, patch, patch)
        n = (image // patch) ** 2
        self.cls = nn.Parameter(torch.zeros(1, 1, d))
        self.pos = nn.Parameter(torch.zeros(1, n + 1, d))
        self.blocks = nn.ModuleList(Block(d, heads) for _ in range(layers))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.patch(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], dim=1) + self.pos
        for blk in self.blocks:
            x = blk(x, causal=False)
        return self.head(self.ln(x[:, 0]))


# ----------------------------------------------------------------------------------------------------- runs


def set_tf32(precision: str) -> None:
    """PyTorch defaults for fp32 (matmuls strict, cuDNN TF32); tf32 turns both on."""
    torch.backends.cuda.matmul.allow_tf32 = precision == "tf32"
    torch.backends.cudnn.allow_tf32 = True


def build(workload: str, args: argparse.Namespace, device: torch.device, precision: str):
    """Model, optimizer, a step function's inputs, and the work of one step (for compare.mjs)."""
    if workload in ("gpt", "gpt-lora"):
        model = TinyLM(args.vocab, args.seq, args.layers, args.d_model, args.heads).to(device)
        total = sum(p.numel() for p in model.parameters())
        if workload == "gpt-lora":
            add_lora(model, args.lora_rank)
        if precision == "fp8":
            use_fp8(model)
        trainable = [p for p in model.parameters() if p.requires_grad]
        opt = torch.optim.AdamW(trainable, lr=1e-4, fused=True)
        ids = torch.randint(0, args.vocab, (args.batch, args.seq + 1), device=device)
        work = {
            "kind": "tokens",
            "params": total,
            "trainable": sum(p.numel() for p in trainable),
            "tokens_per_step": args.batch * args.seq,
            "micro_batch": args.batch,
            "seq_len": args.seq,
        }

        def loss_fn():
            logits = model(ids[:, :-1])
            return F.cross_entropy(logits.float().view(-1, args.vocab), ids[:, 1:].reshape(-1))

        return model, opt, loss_fn, work
    if workload == "resnet50":
        model = ResNet50().to(device).to(memory_format=torch.channels_last)
        opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        x = torch.randn(args.image_batch, 3, 224, 224, device=device).to(memory_format=torch.channels_last)
        y = torch.randint(0, 1000, (args.image_batch,), device=device)
        work = {"kind": "samples", "architecture": "resnet50", "samples_per_step": args.image_batch,
                "params": sum(p.numel() for p in model.parameters())}
        return model, opt, (lambda: F.cross_entropy(model(x).float(), y)), work
    if workload == "vit":
        model = ViT().to(device)
        opt = torch.optim.AdamW(model.parameters(), lr=1e-4, fused=True)
        x = torch.randn(args.vit_batch, 3, 224, 224, device=device)
        y = torch.randint(0, 1000, (args.vit_batch,), device=device)
        work = {"kind": "samples", "architecture": "vit-b-16", "samples_per_step": args.vit_batch,
                "params": sum(p.numel() for p in model.parameters())}
        return model, opt, (lambda: F.cross_entropy(model(x).float(), y)), work
    sys.exit(f"unknown workload {workload!r}")


def run(workload: str, precision: str, args: argparse.Namespace, device: torch.device, meter: EnergyMeter) -> dict:
    torch.manual_seed(0)
    set_tf32(precision)
    model, opt, loss_fn, work = build(workload, args, device, precision)
    dtype = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp8": torch.bfloat16}.get(precision)
    scaler = torch.amp.GradScaler("cuda", enabled=precision == "fp16")

    def step() -> None:
        with torch.autocast(device_type="cuda", dtype=dtype or torch.float32, enabled=dtype is not None):
            loss = loss_fn()
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
        opt.zero_grad(set_to_none=True)

    sampling = meter.source == "nvml-power-samples"
    if sampling:
        # NVML's power reading is averaged over about a second on recent GPUs (Ampere and later): start sampling
        # during the warm-up, and do not idle before the window, or its first second reads low.
        meter.start()
    for _ in range(args.warmup):
        step()
    torch.cuda.synchronize(device)
    if not sampling:
        time.sleep(args.settle)  # let the counter tick past the warm-up
        meter.start()
    t0 = time.perf_counter()
    for _ in range(args.steps):
        step()
    torch.cuda.synchronize(device)
    t1 = time.perf_counter()
    energy = meter.stop(t0, t1)
    peak_gb = torch.cuda.max_memory_allocated(device) / 1e9
    del model, opt
    torch.cuda.empty_cache()
    torch.cuda.reset_peak_memory_stats(device)
    seconds = t1 - t0
    return {
        "workload": workload,
        "precision": precision,
        **work,
        "steps": args.steps,
        "seconds": seconds,
        "step_time_s": seconds / args.steps,
        **energy,
        "joules_per_step": energy["energy_j"] / args.steps,
        "avg_power_w": energy["energy_j"] / seconds if seconds > 0 else math.nan,
        "peak_memory_gb": peak_gb,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--workloads", default="gpt,gpt-lora,resnet50,vit")
    p.add_argument("--precisions", default="fp32,tf32,bf16,fp16")
    p.add_argument("--steps", type=int, default=100, help="timed steps per run (aim for >= 20 s each)")
    p.add_argument("--warmup", type=int, default=15)
    p.add_argument("--settle", type=float, default=1.0, help="seconds to wait before the energy window")
    p.add_argument("--sample-hz", type=float, default=50.0, help="power sampling rate of the fallback")
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--seq", type=int, default=1024)
    p.add_argument("--layers", type=int, default=12)
    p.add_argument("--d-model", type=int, default=1024)
    p.add_argument("--heads", type=int, default=16)
    p.add_argument("--vocab", type=int, default=32000)
    p.add_argument("--lora-rank", type=int, default=16)
    p.add_argument("--image-batch", type=int, default=256)
    p.add_argument("--vit-batch", type=int, default=128)
    p.add_argument("--energy-source", choices=("auto", "counter", "samples"), default="auto",
                   help="auto: the NVML energy counter where exposed, else integrated power samples")
    p.add_argument("--fp8-compile-casts", action="store_true",
                   help="fuse the fp8 casts with torch.compile (the compile time falls in the warm-up)")
    p.add_argument("--gpu", type=int, default=0, help="GPU index (CUDA and NVML)")
    p.add_argument("--out", default="bench/gpu-energy/results.json")
    args = p.parse_args()
    if not torch.cuda.is_available():
        sys.exit("no CUDA GPU: this script measures a real GPU")
    device = torch.device(f"cuda:{args.gpu}")
    torch.cuda.set_device(device)
    meter = EnergyMeter(args.gpu, args.sample_hz, args.energy_source)
    if args.fp8_compile_casts:
        FP8_CASTS["fn"] = torch.compile(to_e4m3, dynamic=True)
    info = {
        "gpu": smi("name", args.gpu),
        "driver": smi("driver_version", args.gpu),
        "power_limit_w": smi("power.limit", args.gpu),
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "cudnn": torch.backends.cudnn.version(),
        "python": platform.python_version(),
        "nvml_python": getattr(pynvml, "__version__", None) if pynvml else None,
        "energy_source": meter.source,
        "config": {k: getattr(args, k) for k in (
            "batch", "seq", "layers", "d_model", "heads", "vocab", "lora_rank", "image_batch", "vit_batch",
            "steps", "warmup", "sample_hz", "fp8_compile_casts")},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "results": [],
        "skipped": [],
    }
    for workload in [w.strip() for w in args.workloads.split(",") if w.strip()]:
        for precision in [x.strip() for x in args.precisions.split(",") if x.strip()]:
            if precision not in ("fp32", "tf32", "bf16", "fp16", "fp8"):
                sys.exit(f"unknown precision {precision!r}")
            why = None if precision != "fp8" else (
                fp8_supported() or (None if workload == "gpt" else "fp8 is written for the gpt workload only"))
            if why:
                info["skipped"].append({"workload": workload, "precision": precision, "why": why})
                print(f"{workload:9s} {precision:5s} skipped: {why}", flush=True)
                continue
            r = run(workload, precision, args, device, meter)
            info["results"].append(r)
            print(f"{workload:9s} {precision:5s} {r['step_time_s'] * 1000:8.1f} ms/step  {r['avg_power_w']:6.0f} W  "
                  f"{r['joules_per_step']:8.1f} J/step  [{r['energy_source']}]", flush=True)
    with open(args.out, "w") as f:
        json.dump(info, f, indent=2)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
