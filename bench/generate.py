"""8 prompts x 64 new tokens, steered vs unsteered, batched and KV-cached.

Last line: steered tokens/s as a fraction of unsteered (target: steering costs <= 15%).
"""

import sys

import caa_lens as cl

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _common import load_from_args, memory_line, timed  # noqa: E402

N_NEW = 64


def main() -> None:
    model = load_from_args(__doc__)
    vecs = cl.extract(model, cl.load_behavior("sentiment")[:32], behavior="sentiment", progress=False)
    prompts = [i.question for i in cl.load_behavior("sentiment", "test_open_ended")[:8]]
    gen = dict(max_new_tokens=N_NEW, batch_size=8, stop_at_eos=False)
    cl.generate(model, prompts[:2], max_new_tokens=4)  # warm-up
    runs = {}
    for name, steer in [
        ("unsteered", {}),
        ("steered", dict(vectors=vecs, layer=12, multiplier=1.0, scale="relative")),
        ("unsteered again", {}),
    ]:
        replies, seconds = timed(cl.generate, model, prompts, **gen, **steer)
        tokens = len(prompts) * N_NEW
        runs[name] = tokens / seconds
        print(f"{name}: {seconds:.1f} s, {tokens / seconds:.0f} tokens/s (8 rows x {N_NEW} steps)")
    base = (runs["unsteered"] + runs["unsteered again"]) / 2
    print(f"{memory_line()}")
    print(f"steered/unsteered throughput: {runs['steered'] / base:.2f} (target >= 0.85)")


if __name__ == "__main__":
    main()
