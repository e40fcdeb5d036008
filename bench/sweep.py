"""A 30-layer x 6-multiplier sweep over 50 items: ours vs the whole prompt per configuration.

The naive path costs about a minute per item here, so it runs on the first N_NAIVE items and
its time per item is compared with ours (all 50 items, same run); p_matching must agree to
1e-4 on those items. Last line: the speed-up (target >= 10x).
"""

import sys

import caa_lens as cl

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _common import load_from_args, memory_line, timed  # noqa: E402

N_ITEMS, N_NAIVE = 50, 2
MULTIPLIERS = [-2.0, -1.0, -0.5, 0.5, 1.0, 2.0]


def main() -> None:
    model = load_from_args(__doc__)
    vecs = cl.extract(model, cl.load_behavior("sentiment")[:32], behavior="sentiment", progress=False)
    items = cl.load_behavior("sentiment", "test_ab")[:N_ITEMS]
    kwargs = dict(layers=range(vecs.n_layers), multipliers=MULTIPLIERS, scale="relative")
    ours, t_ours = timed(cl.sweep, model, vecs, items, progress=False, **kwargs)
    naive, t_naive = timed(cl.reference.sweep_reference, model, vecs, items[:N_NAIVE], progress=True, **kwargs)
    same = ours[ours["item"] < N_NAIVE].reset_index(drop=True)
    diff = (same["p_matching"] - naive["p_matching"]).abs().max()
    per_ours, per_naive = t_ours / N_ITEMS, t_naive / N_NAIVE
    print(f"configurations per item: {vecs.n_layers * len(MULTIPLIERS)}")
    print(f"ours:  {t_ours:.1f} s for {N_ITEMS} items, {per_ours:.2f} s/item")
    print(f"naive: {t_naive:.1f} s for {N_NAIVE} items, {per_naive:.2f} s/item")
    print(f"max |p_matching difference| on the shared items: {diff:.1e} (must be < 1e-4); {memory_line()}")
    print(f"sweep speed-up: {per_naive / per_ours:.1f}x (target >= 10x)")


if __name__ == "__main__":
    main()
