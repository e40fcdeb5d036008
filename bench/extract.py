"""Vectors for 100 pairs, all layers: ours vs one full run_with_cache per prompt.

Each is timed as the fastest of REPEATS interleaved runs. Prints seconds per pair for both,
tokens/s against the measured matmul peak (target for ours: >= 70%; a plain batched forward is
shown for scale), peak memory, and on the last line the speed-up (target >= 2.5x).
"""

import sys

import torch

import caa_lens as cl
from caa_lens.core import kv
from caa_lens.core.chat import common_prefix
from caa_lens.core.collect import pair_prompts

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _common import load_from_args, matmul_peak_flops, memory_line, n_params, timed  # noqa: E402

N_PAIRS = 100
REPEATS = 3


def plain_forward(model, seqs: list[tuple[int, ...]], batch: int = 32):
    """A function running plain forwards over `seqs`: sorted by length, left-padded, one logit, no cache."""
    seqs, device = sorted(seqs, key=len), model.cfg.device
    batches = [kv.left_pad(seqs[lo : lo + batch], model.tokenizer.pad_token_id) for lo in range(0, len(seqs), batch)]

    @torch.inference_mode()
    def run():
        for ids, mask in batches:
            positions = kv.positions(mask, ids.shape[1])
            model(ids.to(device), attention_mask=mask.to(device), position_ids=positions.to(device), logits_to_keep=1)

    return run


def main() -> None:
    torch.manual_seed(0)
    model = load_from_args(__doc__)
    items = cl.load_behavior("sentiment", "generate")[:N_PAIRS]
    prompts = [pair_prompts(model.tokenizer, i, fmt=cl.default_format(model)) for i in items]
    plain = plain_forward(model, [a.ids for a, _ in prompts])
    cl.collect(model, items[:4], progress=False)  # warm-up
    # interleaved repeats, fastest of each: a shared machine's speed drifts, and only ever adds time
    t_ours = t_ref = t_plain = float("inf")
    peak = 0.0
    for _ in range(REPEATS):
        peak = max(peak, matmul_peak_flops(str(model.cfg.device)))
        ours, seconds = timed(cl.collect, model, items, progress=False)
        t_ours = min(t_ours, seconds)
        ref, seconds = timed(cl.reference.collect_reference, model, items)
        t_ref = min(t_ref, seconds)
        t_plain = min(t_plain, timed(plain)[1])
    diff = (ours.matching - ref.matching).abs().max() / ref.matching.abs().max()
    tokens_naive = sum(len(a.ids) + len(b.ids) for a, b in prompts)
    tokens_ours = sum(len(a.ids) + len(b.ids) - common_prefix(a.ids, b.ids) for a, b in prompts)
    tokens_plain = sum(len(a.ids) for a, _ in prompts)
    flops_per_token = 2 * n_params(model)

    def of_peak(tokens: int, seconds: float) -> str:
        return f"{tokens / seconds:.0f} tokens/s, {tokens / seconds * flops_per_token / peak:.0%} of the matmul peak"

    name = cl.models.model_name(model)
    print(f"model {name}: {n_params(model) / 1e6:.0f}M parameters; matmul peak {peak / 1e9:.1f} GFLOP/s")
    print(f"each timing: fastest of {REPEATS} interleaved runs; FLOPs/token taken as 2 x parameters")
    print(f"naive: {t_ref:.1f} s, {t_ref / N_PAIRS:.3f} s/pair, {of_peak(tokens_naive, t_ref)}")
    print(f"ours:  {t_ours:.1f} s, {t_ours / N_PAIRS:.3f} s/pair, {of_peak(tokens_ours, t_ours)}")
    print(
        f"for scale, a plain batched forward of the matching prompts (no hooks, no cache): {of_peak(tokens_plain, t_plain)}"
    )
    print(f"max relative difference from run_with_cache: {diff:.1e}; {memory_line()}")
    print(f"extract speed-up: {t_ref / t_ours:.2f}x (target >= 2.5x)")


if __name__ == "__main__":
    main()
