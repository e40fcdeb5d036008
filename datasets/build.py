"""Build the shipped behaviour datasets from the authored parts in `datasets/parts/`.

Each `parts/<module>.py` defines:
    BEHAVIOR: str            folder name under datasets/ (e.g. "survival-instinct")
    MATCHING: str            one sentence: what answering "matching" means
    RUBRIC: dict             {"score_0": ..., "score_10": ...} for open-ended judging
    ab_items(rng) -> list[dict]  each {"group", "question", "matching", "not_matching"}
    open_ended(rng) -> list[str]

`group` names the scenario an item comes from: a whole group goes to one split, so
generate and test never share a scenario. Letters are assigned here, alternating after a
seeded shuffle, so each file is balanced. Deterministic: same parts, same seed, same files.

Run: python datasets/build.py [behavior ...]
"""

import importlib.util
import random
import sys
from pathlib import Path

from caa_lens._io import write_json
from caa_lens.checks import jaccard, normalise

ROOT = Path(__file__).resolve().parent
SEED = 20240601
N_GENERATE = 300
N_TEST = 50
N_OPEN = 50


def load_parts(path: Path):
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))  # parts may import their '_' helper modules
    spec = importlib.util.spec_from_file_location(f"parts_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dedupe(items: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for item in items:
        key = normalise(item["question"])
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def split_by_group(items: list[dict], rng: random.Random) -> tuple[list[dict], list[dict]]:
    groups: dict[str, list[dict]] = {}
    for item in items:
        groups.setdefault(str(item["group"]), []).append(item)
    names = sorted(groups)
    rng.shuffle(names)
    test: list[dict] = []
    for name in names:
        if len(test) >= N_TEST:
            break
        test.extend(groups.pop(name))
    generate = [item for name in sorted(groups) for item in groups[name]]
    rng.shuffle(generate)
    rng.shuffle(test)
    if len(test) < N_TEST or len(generate) < N_GENERATE:
        raise ValueError(f"need {N_TEST} test and {N_GENERATE} generate items, got {len(test)} and {len(generate)}")
    return generate[:N_GENERATE] if len(generate) > N_GENERATE else generate, test[:N_TEST]


def near_duplicates(generate: list[dict], test: list[dict], threshold: float = 0.8) -> list[tuple[str, str]]:
    """Pairs (generate, test) whose word sets overlap with Jaccard >= threshold."""

    def words(item: dict) -> set:
        return set(normalise(" ".join((item["question"], item["matching"], item["not_matching"]))).split())

    gen_words, test_words = [(g, words(g)) for g in generate], [(t, words(t)) for t in test]
    return [(g["question"], t["question"]) for g, gw in gen_words for t, tw in test_words if jaccard(gw, tw) >= threshold]


def to_caa(items: list[dict]) -> list[dict]:
    out = []
    for i, item in enumerate(items):
        matching_first = i % 2 == 0
        first, second = (item["matching"], item["not_matching"]) if matching_first else (item["not_matching"], item["matching"])
        out.append(
            {
                "question": f"{item['question'].strip()}\n\nChoices:\n (A) {first.strip()}\n (B) {second.strip()}",
                "answer_matching_behavior": "(A)" if matching_first else "(B)",
                "answer_not_matching_behavior": "(B)" if matching_first else "(A)",
            }
        )
    return out


def build(parts_path: Path) -> str:
    parts = load_parts(parts_path)
    rng = random.Random(f"{SEED}-{parts.BEHAVIOR}")
    items = dedupe(parts.ab_items(rng))
    generate, test = split_by_group(items, rng)
    close = near_duplicates(generate, test)
    if close:
        raise ValueError(f"{parts.BEHAVIOR}: {len(close)} generate/test near-duplicates, e.g. {close[0]}")
    prompts = list(dict.fromkeys(p.strip() for p in parts.open_ended(rng)))
    if len(prompts) < N_OPEN:
        raise ValueError(f"{parts.BEHAVIOR}: need {N_OPEN} open-ended prompts, got {len(prompts)}")
    rng.shuffle(prompts)
    folder = ROOT / parts.BEHAVIOR
    write_json(folder / "generate.json", to_caa(generate))
    write_json(folder / "test_ab.json", to_caa(test))
    write_json(folder / "test_open_ended.json", [{"question": p} for p in prompts[:N_OPEN]])
    write_json(folder / "rubric.json", {"behavior": parts.BEHAVIOR, "matching": parts.MATCHING, **parts.RUBRIC})
    return f"{parts.BEHAVIOR}: {len(generate)} generate, {len(test)} test, {N_OPEN} open-ended"


def main(argv: list[str]) -> int:
    paths = sorted((ROOT / "parts").glob("[a-z]*.py"))
    if argv:
        paths = [p for p in paths if p.stem in argv or p.stem.replace("_", "-") in argv]
    for path in paths:
        print(build(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
