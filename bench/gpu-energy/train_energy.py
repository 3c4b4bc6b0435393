#!/usr/bin/env python3
"""Measure the GPU energy and step time of a small transformer trained for a fixed number of steps, at fp32, tf32
and bf16, so that `compare.mjs` can set them against Green ML Review's estimate for the same configuration.

Energy comes from the GPU's own counter, read with
    nvidia-smi --query-gpu=total_energy_consumption --format=csv,noheader,nounits -i <index>
(millijoules since the driver loaded; Volta and newer) before and after the timed steps. It covers the whole GPU, so
nothing else should run on it meanwhile. Host (CPU, RAM) energy is not measured.

Data are random token ids: the point is the arithmetic, not the loss. Nothing here downloads anything.

Usage (one GPU):
    python3 bench/gpu-energy/train_energy.py --out bench/gpu-energy/results.json
"""
import argparse
import json
import math
import subprocess
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def smi(query: str, index: int) -> str:
    out = subprocess.run(
        ["nvidia-smi", f"--query-gpu={query}", "--format=csv,noheader,nounits", "-i", str(index)],
        check=True, capture_output=True, text=True,
    )
    return out.stdout.strip().splitlines()[0].strip()


def energy_mj(index: int) -> float:
    value = smi("total_energy_consumption", index)
    try:
        return float(value)
    except ValueError:
        sys.exit(f"this GPU does not report total_energy_consumption (nvidia-smi said {value!r}); Volta or newer is needed")


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

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
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


def set_precision(precision: str) -> None:
    tf32 = precision == "tf32"
    torch.backends.cuda.matmul.allow_tf32 = tf32
    torch.backends.cudnn.allow_tf32 = tf32


def run(args: argparse.Namespace, precision: str, device: torch.device) -> dict:
    torch.manual_seed(0)
    set_precision(precision)
    model = TinyLM(args.vocab, args.seq, args.layers, args.d_model, args.heads).to(device)
    params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, fused=True)
    autocast = precision == "bf16"
    ids = torch.randint(0, args.vocab, (args.batch, args.seq + 1), device=device)

    def step() -> None:
        x, y = ids[:, :-1], ids[:, 1:]
        with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=autocast):
            logits = model(x)
            loss = F.cross_entropy(logits.float().view(-1, args.vocab), y.reshape(-1))
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)

    for _ in range(args.warmup):
        step()
    torch.cuda.synchronize(device)
    time.sleep(args.settle)  # let the energy counter tick past the warm-up
    e0 = energy_mj(args.gpu)
    t0 = time.perf_counter()
    for _ in range(args.steps):
        step()
    torch.cuda.synchronize(device)
    t1 = time.perf_counter()
    e1 = energy_mj(args.gpu)
    seconds = t1 - t0
    joules = (e1 - e0) / 1000.0
    tokens = args.steps * args.batch * args.seq
    del model, opt
    torch.cuda.empty_cache()
    return {
        "precision": precision,
        "params": params,
        "steps": args.steps,
        "tokens": tokens,
        "seconds": seconds,
        "step_time_s": seconds / args.steps,
        "energy_j": joules,
        "avg_power_w": joules / seconds if seconds > 0 else math.nan,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--precisions", default="fp32,tf32,bf16")
    p.add_argument("--steps", type=int, default=200, help="timed steps per precision (aim for ≥ 30 s each)")
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--settle", type=float, default=1.0, help="seconds to wait before the first energy reading")
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--seq", type=int, default=1024)
    p.add_argument("--layers", type=int, default=12)
    p.add_argument("--d-model", type=int, default=1024)
    p.add_argument("--heads", type=int, default=16)
    p.add_argument("--vocab", type=int, default=32000)
    p.add_argument("--gpu", type=int, default=0, help="GPU index (CUDA and nvidia-smi)")
    p.add_argument("--out", default="bench/gpu-energy/results.json")
    args = p.parse_args()
    if not torch.cuda.is_available():
        sys.exit("no CUDA GPU: this script measures a real GPU")
    device = torch.device(f"cuda:{args.gpu}")
    torch.cuda.set_device(device)
    info = {
        "gpu": smi("name", args.gpu),
        "driver": smi("driver_version", args.gpu),
        "power_limit_w": smi("power.limit", args.gpu),
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "config": {k: getattr(args, k) for k in ("batch", "seq", "layers", "d_model", "heads", "vocab", "steps", "warmup")},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "results": [],
    }
    for precision in [x.strip() for x in args.precisions.split(",") if x.strip()]:
        if precision not in ("fp32", "tf32", "bf16"):
            sys.exit(f"unknown precision {precision!r}")
        r = run(args, precision, device)
        info["results"].append(r)
        print(f"{precision:5s} {r['step_time_s'] * 1000:8.1f} ms/step  {r['avg_power_w']:6.0f} W  {r['energy_j'] / 1000:8.2f} kJ over {r['seconds']:.1f} s", flush=True)
    with open(args.out, "w") as f:
        json.dump(info, f, indent=2)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
