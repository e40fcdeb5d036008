"""float32 against dtype "auto": extraction, sweep and steered generation as tokens/s and % of peak.

Measures this machine's float32 and bfloat16 matmul peaks (an MLP-shaped product) in the same
run, then runs each stage on the model loaded in float32 and in "auto" (bfloat16 where native),
interleaved, fastest of REPEATS. Useful FLOPs per token: 2 x the blocks' parameters for
extraction and sweeps (neither unembeds beyond the answer positions), 2 x every parameter for a
generated token; the % is of the peak of the dtype used. Also times one batched forward through
the bridge and through the plain Hugging Face model, to show what the bridge itself costs.
Prints ratios, not pass/fail. Default model: Qwen2.5-Coder-0.5B (--model to change).

Times are CPU seconds of this process on --threads threads (default 1), not wall-clock: on a
shared machine other processes stretch the wall clock by whatever they take, never the CPU time
of the work itself, so this run's ratios hold whatever else runs beside it.
"""

import argparse
import sys
import time

import torch

import caa_lens as cl
from caa_lens.core import kv
from caa_lens.core.chat import common_prefix
from caa_lens.core.collect import pair_prompts
from caa_lens.core.models import model_dtype, model_name
from caa_lens.evaluation.ab import ab_prompt

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _common import n_params  # noqa: E402

BEHAVIOR, N_PAIRS, N_ITEMS, LAYER, MULTIPLIERS = "refusal", 16, 16, 13, (-0.25, 0.25)
N_PROMPTS, N_NEW = 4, 32
REPEATS = 2


def timed(fn, *args):
    """(result, CPU seconds of this process) of one call."""
    start = time.process_time()
    out = fn(*args)
    return out, time.process_time() - start


def matmul_peak(dtype: torch.dtype, d_model: int, d_mlp: int, repeats: int = 10) -> float:
    """Best FLOP/s of a (512 x d_model) @ (d_model x d_mlp) product in `dtype` on the CPU."""
    a, b = torch.randn(512, d_model, dtype=dtype), torch.randn(d_model, d_mlp, dtype=dtype)
    a @ b
    return 2 * 512 * d_model * d_mlp / min(timed(torch.matmul, a, b)[1] for _ in range(repeats))


def block_params(model) -> int:
    """Parameters of the transformer blocks (no embedding, no unembedding)."""
    return sum(p.numel() for p in model.original_model.model.layers.parameters())


def stages(model, pairs, items, prompts) -> dict:
    """{stage: (function, tokens it processes, FLOPs per token)} for one model."""
    fmt = cl.default_format(model)
    vecs = cl.extract(model, pairs, behavior=BEHAVIOR, progress=False)
    pair_ids = [pair_prompts(model.tokenizer, i, fmt=fmt) for i in pairs]
    extract_tokens = sum(len(a.ids) + len(b.ids) - common_prefix(a.ids, b.ids) for a, b in pair_ids)
    abs_ = [ab_prompt(model.tokenizer, i, fmt=fmt) for i in items]
    sweep_tokens = sum(p.instruction_end + len(MULTIPLIERS) * (len(p.ids) - p.instruction_end) for p in abs_)
    blocks, every = 2 * block_params(model), 2 * n_params(model)
    steer = dict(vectors=vecs, layer=LAYER, multiplier=1.0, scale="relative")
    return {
        "extract": (lambda: cl.collect(model, pairs, progress=False), extract_tokens, blocks),
        "sweep": (
            lambda: cl.sweep(model, vecs, items, layers=[LAYER], multipliers=MULTIPLIERS, progress=False),
            sweep_tokens,
            blocks,
        ),
        "generate": (
            lambda: cl.generate(model, prompts, max_new_tokens=N_NEW, stop_at_eos=False, batch_size=N_PROMPTS, **steer),
            N_PROMPTS * N_NEW,
            every,
        ),
    }


def forward_ratio(model, items) -> float:
    """Seconds of one batched forward through the bridge / through the plain HF model (no hooks)."""
    seqs = [ab_prompt(model.tokenizer, i, fmt=cl.default_format(model)).ids for i in items]
    ids, mask = kv.left_pad(seqs, model.tokenizer.pad_token_id)
    pos = kv.positions(mask, ids.shape[1])
    with torch.inference_mode():
        bridge = lambda: model(ids, attention_mask=mask, position_ids=pos, logits_to_keep=1)  # noqa: E731
        plain = lambda: model.original_model(input_ids=ids, attention_mask=mask, position_ids=pos, logits_to_keep=1)  # noqa: E731
        bridge(), plain()
        return min(timed(bridge)[1] for _ in range(3)) / min(timed(plain)[1] for _ in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="qwen2.5-coder-0.5b-instruct")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    models = {"float32": cl.load_model(args.model, device="cpu", dtype="float32")}
    auto = cl.load_model(args.model, device="cpu", dtype="auto")
    models[f"auto={model_dtype(auto)}"] = auto
    cfg = auto.cfg
    peaks = {d: matmul_peak(getattr(torch, d), cfg.d_model, cfg.d_mlp) for d in ("float32", "bfloat16")}
    pairs = cl.load_behavior(BEHAVIOR)[:N_PAIRS]
    items = cl.load_behavior(BEHAVIOR, "test_ab")[:N_ITEMS]
    prompts = [i.question for i in items[:N_PROMPTS]]
    work = {name: stages(m, pairs, items, prompts) for name, m in models.items()}
    best = {(name, stage): float("inf") for name in work for stage in work[name]}
    for _ in range(args.repeats):  # interleaved, fastest of each: a shared machine only ever adds time
        for name, todo in work.items():
            for stage, (fn, _, _) in todo.items():
                best[name, stage] = min(best[name, stage], timed(fn)[1])
    print(f"model {model_name(auto)}: {n_params(auto) / 1e6:.0f}M parameters, blocks {block_params(auto) / 1e6:.0f}M")
    print(f"matmul peak (512x{cfg.d_model} @ {cfg.d_model}x{cfg.d_mlp}): " + ", ".join(
        f"{d} {p / 1e9:.0f} GFLOP/s" for d, p in peaks.items()
    ) + f"; bf16/fp32 {peaks['bfloat16'] / peaks['float32']:.2f}x")  # fmt: skip
    print(f"{BEHAVIOR}: extract {N_PAIRS} pairs; sweep {N_ITEMS} items at layer {LAYER}, m={MULTIPLIERS}; "
          f"generate {N_PROMPTS} prompts x {N_NEW} tokens, steered; fastest of {args.repeats}; "
          f"CPU seconds on {args.threads} thread(s)")  # fmt: skip
    names = list(work)
    print(f"{'stage':<10}" + "".join(f"{n:>34}" for n in names) + f"{'speed-up':>10}")
    for stage in work[names[0]]:
        cells = []
        for name in names:
            _, tokens, flops = work[name][stage]
            seconds = best[name, stage]
            peak = peaks["float32" if name == "float32" else model_dtype(models[name])]
            cells.append(f"{seconds:6.1f} s {tokens / seconds:7.0f} tok/s {tokens * flops / seconds / peak:5.1%} peak")
        print(
            f"{stage:<10}"
            + "".join(f"{c:>34}" for c in cells)
            + f"{best[names[0], stage] / best[names[-1], stage]:>9.2f}x"
        )
    for name, m in models.items():
        print(
            f"{name}: a batched forward through the bridge takes {forward_ratio(m, items):.2f}x the plain HF model's time"
        )


if __name__ == "__main__":
    main()
