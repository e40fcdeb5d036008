"""Correctness of the fast paths on an accelerator: run with --device cuda.

Builds a random-weight model with a given config folder's architecture (config + tokenizer
files only, so no weights travel), then checks on that device: collection equals
run_with_cache, the prefix-reusing sweep equals full recomputation, multiplier 0 is a no-op,
and steered KV-cached greedy generation equals uncached, in float32 and in a half dtype.
"""

import argparse
import shutil
import tempfile

import torch

import caa_lens as cl


def random_model_dir(config_dir: str, out: str | None = None) -> str:
    """Save a seeded random-weight model with the architecture and tokenizer in `config_dir`."""
    from transformers import AutoConfig, AutoModelForCausalLM

    out = out or tempfile.mkdtemp(prefix="caa_random_")
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(config_dir))
    model.save_pretrained(out)
    for name in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja", "generation_config.json"):
        try:
            shutil.copy(f"{config_dir}/{name}", out)
        except FileNotFoundError:
            pass
    return out


def check(model, label: str) -> None:
    items = cl.load_behavior("sentiment", "test_ab")[:6]
    ours, ref = cl.collect(model, items, batch_size=3, progress=False), cl.reference.collect_reference(model, items)
    rel = ((ours.matching - ref.matching).abs().max() / ref.matching.abs().max()).item()
    vecs = cl.extract(model, cl.load_behavior("sentiment")[:16], behavior="sentiment", progress=False)
    kwargs = dict(layers=[3, 10, 20], multipliers=[-1.0, 0.0, 1.0], scale="relative")
    fast, slow = (
        cl.sweep(model, vecs, items[:3], progress=False, **kwargs),
        cl.reference.sweep_reference(model, vecs, items[:3], **kwargs),
    )
    p_diff = (fast["p_matching"] - slow["p_matching"]).abs().max()
    prompts = ["How will my week go?", "Describe a rainy day in one sentence."]
    gen = dict(vectors=vecs, layer=10, multiplier=[1.0, -1.0], scale="relative", max_new_tokens=24)
    cached, uncached = cl.generate(model, prompts, **gen), cl.generate(model, prompts, use_cache=False, **gen)
    ids = torch.tensor(
        [cl.chat_prompt(model.tokenizer, "Hi", fmt="template", answer="(A").ids], device=model.cfg.device
    )
    base = model(ids)
    with cl.steer(model, vecs, layer=5, multiplier=0.0):
        noop = torch.equal(model(ids), base)
    print(f"[{label}] collect vs run_with_cache: max relative diff {rel:.1e}")
    print(f"[{label}] sweep vs full recomputation: max |dp| {p_diff:.1e}")
    print(f"[{label}] multiplier 0 exact no-op: {noop}")
    print(f"[{label}] cached == uncached steered greedy generation: {cached == uncached}")
    if cached != uncached:
        print("   cached:  ", cached, "\n   uncached:", uncached)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config-dir", required=True)
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--save-to", default=None, help="keep the random model here (for the benches)")
    args = parser.parse_args()
    folder = random_model_dir(args.config_dir, args.save_to)
    print(torch.__version__, torch.cuda.get_device_name() if torch.cuda.is_available() else "no cuda")
    for dtype in ("float32", "bfloat16"):
        check(cl.load_model(folder, device=args.device, dtype=dtype), f"{args.device} {dtype}")


if __name__ == "__main__":
    main()
