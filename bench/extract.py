"""Vectors for 100 pairs, all layers: ours vs one full run_with_cache per prompt.

Each is timed as the fastest of REPEATS runs. Prints seconds per pair for both, tokens/s against
the measured matmul peak (and, for scale, a plain batched forward's), peak memory, and on the
last line the speed-up (target >= 2.5x).
"""

import sys

import torch

import caa_lens as cl
from caa_lens import kv
from caa_lens.chat import common_prefix
from caa_lens.collect import pair_prompts

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _common import load_from_args, matmul_peak_flops, memory_line, n_params, timed  # noqa: E402

N_PAIRS = 100
REPEATS = 3


@torch.inference_mode()
def plain_forward_tokens_per_s(model, seqs: list[tuple[int, ...]], batch: int = 32) -> float:
    """Real tokens/s of plain forwards over `seqs` (sorted by length, left-padded, one logit)."""
    seqs = sorted(seqs, key=len)
    batches = [kv.left_pad(seqs[lo : lo + batch], model.tokenizer.pad_token_id) for lo in range(0, len(seqs), batch)]
    _, seconds = timed(lambda: [kv.run(model, ids, mask, keep=1) for ids, mask in batches], repeats=REPEATS)
    return sum(map(len, seqs)) / seconds


def main() -> None:
    torch.manual_seed(0)
    model = load_from_args(__doc__)
    items = cl.load_behavior("sentiment", "generate")[:N_PAIRS]
    cl.collect(model, items[:4], progress=False)  # warm-up
    device = str(model.cfg.device)
    peak_before = matmul_peak_flops(device)  # measured around our run: shared machines drift
    ours, t_ours = timed(cl.collect, model, items, progress=False, repeats=REPEATS)
    peak = (peak_before + matmul_peak_flops(device)) / 2
    ref, t_ref = timed(cl.collect_reference, model, items, repeats=REPEATS)
    diff = (ours.matching - ref.matching).abs().max() / ref.matching.abs().max()
    prompts = [pair_prompts(model.tokenizer, i, fmt=cl.default_format(model)) for i in items]
    tokens_naive = sum(len(a.ids) + len(b.ids) for a, b in prompts)
    tokens_ours = sum(len(a.ids) + len(b.ids) - common_prefix(a.ids, b.ids) for a, b in prompts)
    flops_per_token = 2 * n_params(model)
    print(
        f"model {cl.models.model_name(model)}: {n_params(model) / 1e6:.0f}M parameters, matmul peak {peak / 1e9:.1f} GFLOP/s (mean of before and after our run)"
    )
    print(f"naive: {t_ref:.1f} s, {t_ref / N_PAIRS:.3f} s/pair, {tokens_naive / t_ref:.0f} tokens/s")
    print(f"ours:  {t_ours:.1f} s, {t_ours / N_PAIRS:.3f} s/pair, {tokens_ours / t_ours:.0f} tokens/s computed")
    print(f"ours: {tokens_ours / t_ours * flops_per_token / peak:.0%} of the matmul peak (2 x parameters FLOPs/token)")
    plain = plain_forward_tokens_per_s(model, [a.ids for a, _ in prompts])
    print(
        f"plain batched forward, no hooks or cache: {plain:.0f} tokens/s, {plain * flops_per_token / peak:.0%} of the peak"
    )
    print(f"max relative difference from run_with_cache: {diff:.1e}; {memory_line()}")
    print(f"extract speed-up: {t_ref / t_ours:.2f}x (target >= 2.5x)")


if __name__ == "__main__":
    main()
