"""Shared bench helpers: timing, peak memory, the machine's measured matmul peak."""

import argparse
import resource
import time

import torch


def timed(fn, *args, **kwargs):
    """(result, seconds) of one call."""
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def peak_memory_gib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def memory_line() -> str:
    """Peak host memory, and peak GPU memory when CUDA is in use."""
    gpu = f", GPU peak {peak_gpu_memory_gib():.2f} GiB" if torch.cuda.is_available() else ""
    return f"peak memory {peak_memory_gib():.2f} GiB{gpu}"


def matmul_peak_flops(device: str = "cpu", n: int = 1024, repeats: int = 20) -> float:
    """Measured float32 matmul FLOP/s on this device (best of `repeats`)."""
    a, b = torch.randn(n, n, device=device), torch.randn(n, n, device=device)

    def product():
        out = a @ b
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        return out

    product()
    best = min(timed(product)[1] for _ in range(repeats))
    return 2 * n**3 / best


def n_params(model) -> int:
    """Parameters of the underlying HF model (embedding included once)."""
    return sum(p.numel() for p in model.original_model.parameters())


def load_from_args(description: str):
    """Parse --model/--device/--dtype and load the model (default: embedded SmolLM2 on CPU)."""
    import caa_lens as cl

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--model", default=None)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--dtype", default=None)
    args = parser.parse_args()
    return cl.load_model(args.model, device=args.device, dtype=args.dtype)


def peak_gpu_memory_gib() -> float:
    """Peak allocated CUDA memory (0 without CUDA)."""
    return torch.cuda.max_memory_allocated() / 2**30 if torch.cuda.is_available() else 0.0
