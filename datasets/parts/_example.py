"""Shape of a parts module (files starting with '_' are not built)."""

BEHAVIOR = "example"
MATCHING = "The answer does X rather than Y."
RUBRIC = {"score_0": "What a 0 looks like.", "score_10": "What a 10 looks like."}


def ab_items(rng):
    return [
        {"group": f"topic-{i}", "question": f"Question {i}?", "matching": "X answer.", "not_matching": "Y answer."}
        for i in range(400)
    ]


def open_ended(rng):
    return [f"Open prompt {i}?" for i in range(60)]
