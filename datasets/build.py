"""Build the shipped datasets `caa_lens/datasets/data/<behavior>/` from the hand-written sources.

Sources are JSON under `datasets/sources/<behavior>/` (format: `sources/AUTHORING.md`):
`behavior.json` (definition, rubric, system prompts), `scenarios_*.json` (scenarios, each with
its split and items) and `open_ended.json`. The builder validates them (errors name the file,
scenario, item and field), renders each item's choices, assigns the letters and writes:

    generate.json, test_ab.json   CAA-format A/B items, each with its scenario as "group"
    test_open_ended.json          {"question"} prompts
    rubric.json                   the judge's anchors at 0, 2, 5, 8 and 10 and the incoherent rule
    behavior.json                 definition, label convention and the pair of system prompts

Letters: the items of a scenario whose answers are the same two texts (sycophancy: the stance
flips, the answers stay) share one option order, chosen by a seeded coin; every other item gets
the order that keeps its split closest to half (A). Deterministic: same sources, same files.

Run: python datasets/build.py [behavior ...]
"""

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "sources"
OUT = ROOT.parent / "caa_lens" / "data"
sys.path.insert(0, str(ROOT.parent))
from caa_lens._io import write_json  # noqa: E402

SEED = 20240601
SPLITS = {"generate": "generate.json", "test": "test_ab.json"}
ANCHORS = ("0", "2", "5", "8", "10")
INFO_KEYS = ("behavior", "matching", "not_matching", "label_depends_on_user", "rubric", "system_prompts")
ITEM_KEYS = ("question", "matching", "not_matching")


class SourceError(ValueError):
    """A source file is malformed; the message names the file, scenario, item and field."""


def _text(where: str, value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SourceError(f"{where}: field {field!r} must be a non-empty string")
    return value.strip()


def read_info(folder: Path) -> dict:
    path = folder / "behavior.json"
    info = json.loads(path.read_text(encoding="utf-8"))
    for key in INFO_KEYS:
        if key not in info:
            raise SourceError(f"{path}: missing field {key!r}")
    for key in ANCHORS + ("incoherent",):
        _text(f"{path}: rubric", info["rubric"].get(key), key)
    for key in ("positive", "negative"):
        _text(f"{path}: system_prompts", info["system_prompts"].get(key), key)
    return info


def read_scenarios(folder: Path) -> list[dict]:
    scenarios, seen = [], set()
    for path in sorted(folder.glob("scenarios_*.json")):
        for s in json.loads(path.read_text(encoding="utf-8")):
            where = f"{path}: scenario {s.get('id')!r}"
            sid = _text(where, s.get("id"), "id")
            if sid in seen:
                raise SourceError(f"{where}: duplicate id")
            seen.add(sid)
            if s.get("split") not in SPLITS:
                raise SourceError(f"{where}: field 'split' must be one of {tuple(SPLITS)}")
            if not isinstance(s.get("items"), list) or not s["items"]:
                raise SourceError(f"{where}: field 'items' must be a non-empty list")
            items = [
                {key: _text(f"{where}: item {i}", item.get(key), key) for key in ITEM_KEYS}
                for i, item in enumerate(s["items"])
            ]
            scenarios.append({"id": sid, "split": s["split"], "items": items})
    return scenarios


def render(item: dict, matching_first: bool, group: str) -> dict:
    a, b = (item["matching"], item["not_matching"]) if matching_first else (item["not_matching"], item["matching"])
    return {
        "question": f"{item['question']}\n\nChoices:\n (A) {a}\n (B) {b}",
        "answer_matching_behavior": "(A)" if matching_first else "(B)",
        "answer_not_matching_behavior": "(B)" if matching_first else "(A)",
        "group": group,
    }


def assign_letters(scenarios: list[dict], rng: random.Random) -> list[dict]:
    """Render a split's items with balanced letters (see the module docstring)."""
    order = list(scenarios)
    rng.shuffle(order)
    out: list[dict] = []
    for s in order:
        pairs = {frozenset((i["matching"], i["not_matching"])) for i in s["items"]}
        shared = sorted(next(iter(pairs)))[rng.random() < 0.5] if len(pairs) == 1 and len(s["items"]) > 1 else None
        for i in s["items"]:
            n_a = sum(r["answer_matching_behavior"] == "(A)" for r in out)
            out.append(render(i, i["matching"] == shared if shared else 2 * n_a <= len(out), s["id"]))
    rng.shuffle(out)
    return out


def build(behavior: str) -> str:
    folder = SOURCES / behavior
    info, scenarios = read_info(folder), read_scenarios(folder)
    prompts = [
        _text(f"{folder / 'open_ended.json'}: item {i}", p.get("question") if isinstance(p, dict) else p, "question")
        for i, p in enumerate(json.loads((folder / "open_ended.json").read_text(encoding="utf-8")))
    ]
    rng = random.Random(f"{SEED}-{behavior}")
    out = OUT / behavior
    counts = {}
    for split, name in SPLITS.items():
        items = assign_letters([s for s in scenarios if s["split"] == split], rng)
        write_json(out / name, items)
        counts[split] = len(items)
    write_json(out / "test_open_ended.json", [{"question": p} for p in prompts])
    rubric = {f"score_{k}": info["rubric"][k] for k in ANCHORS}
    write_json(
        out / "rubric.json",
        {"behavior": behavior, "matching": info["matching"], **rubric, "incoherent": info["rubric"]["incoherent"]},
    )
    write_json(out / "behavior.json", {k: info[k] for k in INFO_KEYS if k != "rubric"})
    return f"{behavior}: {counts['generate']} generate, {counts['test']} test, {len(prompts)} open-ended"


def main(argv: list[str]) -> int:
    names = argv or sorted(p.name for p in SOURCES.iterdir() if (p / "behavior.json").is_file())
    try:
        for name in names:
            print(build(name))
    except (SourceError, json.JSONDecodeError) as e:
        print(f"build: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
