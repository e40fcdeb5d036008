"""Measure every shipped behaviour on the embedded model: how far CAA steers its A/B answers.

For each behaviour: plain vectors from generate.json; a sweep of test_ab.json over all layers
with relative multipliers (m x the mean residual norm at the letter, see caa_lens.steering);
`held_out` chooses the layer and multiplier on half of the test items and reports the effect
p(matching | +m) - p(matching | -m) on the other half, with its standard error; configurations
whose mean letter mass at +m or -m falls below MIN_LETTER_MASS cannot be chosen (`usable`). Alongside:
baseline p(matching) at m = 0, letter mass p(A) + p(B) at -m, 0 and +m at the chosen layer, the
effect separately on items whose matching letter is A and B (opposite signs: a letter push), and
the cosine of the chosen layer's vector with the pure letter-identity direction.

Rows merge into datasets/results.csv (written atomically), so behaviours can be measured one
at a time; the table is printed as markdown. For sentiment and french, greedy steered replies
at -m, 0, +m to three open-ended test prompts are printed and merged into
datasets/generations.json: at the A/B choice, and at a setting fixed in advance (the middle
layer, m = 0.5), since the A/B choice need not be where free text steers best.

Run: python datasets/measure.py [behavior ...] [--multipliers -1,-0.5,0,0.5,1] [--sweeps DIR]
     python datasets/measure.py sentiment french --replies-only
"""

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

import caa_lens as cl
from caa_lens._io import write_csv, write_json
from caa_lens.datasets import BEHAVIORS, behavior_path, file_sha256

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results.csv"
GENERATIONS = ROOT / "generations.json"
MULTIPLIERS = (-1.0, -0.5, 0.0, 0.5, 1.0)
MIN_LETTER_MASS = 0.2
GENERATE_FOR = ("sentiment", "french")
FIXED_MULTIPLIER = 0.5
N_PROMPTS = 3
MAX_NEW_TOKENS = 40
RESULT_COLUMNS = (
    "behavior",
    "n_generate",
    "n_test",
    "layer",
    "multiplier",
    "effect",
    "effect_sem",
    "effect_select",
    "p_matching_base",
    "p_matching_neg",
    "p_matching_pos",
    "letter_mass_neg",
    "letter_mass_base",
    "letter_mass_pos",
    "effect_a",
    "effect_b",
    "letter_cosine",
    "seconds",
)


def at(summary: pd.DataFrame, layer: int, m: float, column: str) -> float:
    """One summary value at (layer, multiplier)."""
    row = summary[(summary["layer"] == layer) & (summary["multiplier"] == m)]
    return float(row[column].iloc[0])


def usable(results: pd.DataFrame, min_mass: float = MIN_LETTER_MASS) -> pd.DataFrame:
    """Drop (layer, +-m) configurations whose mean letter mass at +m or -m is below `min_mass`.

    Where the model no longer answers with a letter at all, p(matching) is a ratio of two tiny
    probabilities; such configurations are not allowed to win the held-out choice. The filter
    looks only at letter mass (over all items), never at p(matching).
    """
    mass = results.groupby(["layer", "multiplier"])["letter_mass"].mean()
    low = {(layer, abs(m)) for (layer, m), value in mass.items() if m != 0 and value < min_mass}
    keep = [(layer, abs(m)) not in low for layer, m in zip(results["layer"], results["multiplier"], strict=True)]
    return results[keep]


def letter_effects(results: pd.DataFrame, layer: int, m: float) -> dict[str, float]:
    """Mean p(+m) - p(-m) at `layer` over the items whose matching letter is A, and B.

    Opposite signs mean the vector pushes one letter rather than the behaviour.
    """
    rows = results[results["layer"] == layer].pivot(index="item", columns="multiplier", values="p_matching")
    effect = rows[m] - rows[-m]
    letters = results.groupby("item")["matching_letter"].first()
    return {f"effect_{x.lower()}": float(effect[letters == x].mean()) for x in ("A", "B")}


def measure(model, behavior: str, multipliers, sweeps: Path | None) -> tuple[dict, cl.SteeringVectors]:
    """Extract, sweep and choose on held-out items; one results row."""
    start = time.perf_counter()
    path = behavior_path(behavior, "generate")
    pairs, test = cl.load_ab(path), cl.load_behavior(behavior, "test_ab")
    vecs = cl.extract(
        model, pairs, behavior=behavior, dataset_sha256=file_sha256(path), variant="plain", progress=False
    )
    print(f"{behavior}: vectors from {len(pairs)} pairs in {time.perf_counter() - start:.0f} s", flush=True)
    results = cl.sweep(
        model, vecs, test, layers=range(vecs.n_layers), multipliers=multipliers, scale="relative", progress=False
    )
    summary = cl.summarize(results)
    if sweeps is not None:
        write_csv(sweeps / f"{behavior}.csv", summary)
    chosen = cl.held_out(usable(results))
    layer, m = chosen["layer"], chosen["multiplier"]
    row = {
        "behavior": behavior,
        "n_generate": len(pairs),
        "n_test": len(test),
        **{k: chosen[k] for k in ("layer", "multiplier", "effect", "effect_sem", "effect_select")},
        "p_matching_base": at(summary, layer, 0.0, "p_matching"),
        "p_matching_neg": at(summary, layer, -m, "p_matching"),
        "p_matching_pos": at(summary, layer, m, "p_matching"),
        "letter_mass_neg": at(summary, layer, -m, "letter_mass"),
        "letter_mass_base": at(summary, layer, 0.0, "letter_mass"),
        "letter_mass_pos": at(summary, layer, m, "letter_mass"),
        **letter_effects(results, layer, m),
        "letter_cosine": float(vecs.letter_cosine[layer]),
        "seconds": time.perf_counter() - start,
    }
    return row, vecs


def settings(vecs: cl.SteeringVectors, layer: int, m: float) -> list[tuple[str, int, float]]:
    """Where to generate: the A/B choice, and a fixed mid-network setting declared beforehand."""
    return [("A/B choice", layer, m), ("fixed", vecs.n_layers // 2, FIXED_MULTIPLIER)]


def steered_replies(model, vecs: cl.SteeringVectors, behavior: str, layer: int, m: float) -> list[dict]:
    """Greedy replies at -m, 0, +m for the first open-ended test prompts, in each of `settings`."""
    prompts = [item.question for item in cl.load_behavior(behavior, "test_open_ended")[:N_PROMPTS]]
    out = []
    for setting, at_layer, at_m in settings(vecs, layer, m):
        for mult in (-at_m, 0.0, at_m):
            replies = cl.generate(
                model,
                prompts,
                vectors=vecs,
                layer=at_layer,
                multiplier=mult,
                scale="relative",
                max_new_tokens=MAX_NEW_TOKENS,
            )
            out += [
                {
                    "behavior": behavior,
                    "setting": setting,
                    "layer": at_layer,
                    "multiplier": mult,
                    "prompt": p,
                    "reply": r,
                }
                for p, r in zip(prompts, replies, strict=True)
            ]
    return out


def replies_only(model, behavior: str) -> list[dict]:
    """Re-extract the vectors and generate at the layer and multiplier already in results.csv."""
    table = pd.read_csv(RESULTS) if RESULTS.is_file() else pd.DataFrame(columns=["behavior"])
    row = table[table["behavior"] == behavior]
    if row.empty:
        raise SystemExit(f"{behavior} is not in {RESULTS}; measure it first (without --replies-only)")
    path = behavior_path(behavior, "generate")
    vecs = cl.extract(model, cl.load_ab(path), behavior=behavior, dataset_sha256=file_sha256(path), progress=False)
    return steered_replies(model, vecs, behavior, int(row["layer"].iloc[0]), float(row["multiplier"].iloc[0]))


def merge_results(rows: list[dict]) -> pd.DataFrame:
    """Replace the measured behaviours' rows in results.csv, keeping the others; order as BEHAVIORS."""
    new = pd.DataFrame(rows, columns=list(RESULT_COLUMNS))
    old = pd.read_csv(RESULTS) if RESULTS.is_file() else new.iloc[:0]
    table = pd.concat([old[~old["behavior"].isin(new["behavior"])], new], ignore_index=True)
    table = table.sort_values("behavior", key=lambda s: s.map({b: i for i, b in enumerate(BEHAVIORS)}))
    write_csv(RESULTS, table)
    return table


def merge_generations(records: list[dict]) -> None:
    """Replace the measured behaviours' replies in generations.json."""
    old = json.loads(GENERATIONS.read_text(encoding="utf-8")) if GENERATIONS.is_file() else []
    done = {r["behavior"] for r in records}
    write_json(GENERATIONS, [r for r in old if r["behavior"] not in done] + records)


def markdown(table: pd.DataFrame) -> str:
    """The results as a markdown table (effect ± s.e.)."""
    lines = [
        "| behaviour | layer | m | effect ± s.e. (held out) | p(match) at 0 | p(match) at −m / +m | letter mass −m / 0 / +m | effect if A / if B | letter cosine |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in table.itertuples():
        lines.append(
            f"| {r.behavior} | {r.layer} | {r.multiplier:g} | {r.effect:+.3f} ± {r.effect_sem:.3f} | {r.p_matching_base:.3f} | "
            f"{r.p_matching_neg:.3f} / {r.p_matching_pos:.3f} | {r.letter_mass_neg:.2f} / {r.letter_mass_base:.2f} / "
            f"{r.letter_mass_pos:.2f} | {r.effect_a:+.2f} / {r.effect_b:+.2f} | {r.letter_cosine:+.2f} |"
        )
    return "\n".join(lines)


def print_replies(records: list[dict]) -> None:
    for r in records:
        print(
            f"[{r['behavior']}, {r['setting']}: L{r['layer']} m={r['multiplier']:+g}] {r['prompt']!r}\n    -> {r['reply']!r}"
        )


def measure_all(
    model, behaviors: list[str], multipliers: list[float], sweeps: Path | None
) -> tuple[pd.DataFrame, list[dict]]:
    """Measure each behaviour, merge into results.csv; replies for GENERATE_FOR."""
    rows, records = [], []
    for behavior in behaviors:
        row, vecs = measure(model, behavior, multipliers, sweeps)
        print(
            f"{behavior}: layer {row['layer']}, m {row['multiplier']:g}, effect {row['effect']:+.3f} ± {row['effect_sem']:.3f} ({row['seconds']:.0f} s)",
            flush=True,
        )
        rows.append(row)
        if behavior in GENERATE_FOR:
            records += steered_replies(model, vecs, behavior, row["layer"], row["multiplier"])
    return merge_results(rows), records


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("behaviors", nargs="*", help="default: every behaviour whose generate.json exists")
    parser.add_argument("--multipliers", default=",".join(f"{m:g}" for m in MULTIPLIERS))
    parser.add_argument("--sweeps", type=Path, default=None, help="also write each behaviour's sweep summary here")
    parser.add_argument(
        "--replies-only", action="store_true", help="only the steered replies, at the settings in results.csv"
    )
    args = parser.parse_args(argv)
    behaviors = args.behaviors or [b for b in BEHAVIORS if behavior_path(b, "generate").is_file()]
    model = cl.load_model()
    if args.replies_only:
        table, records = pd.read_csv(RESULTS), [r for b in behaviors for r in replies_only(model, b)]
    else:
        table, records = measure_all(model, behaviors, [float(x) for x in args.multipliers.split(",")], args.sweeps)
    if records:
        merge_generations(records)
        print_replies(records)
    print(markdown(table))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
