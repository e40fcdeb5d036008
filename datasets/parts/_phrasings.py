"""Shared by parts modules that combine several phrasings of a question with several answers."""

from caa_lens.checks import normalise


def expand(groups, openers, rng, per_group):
    """Items from (group name, phrasings, (matching, not matching) answer pairs) groups.

    Phrasings and answer pairs are shuffled and paired off, `per_group` items a group; an opener
    from `openers` is prepended only when a question would otherwise repeat.
    """
    items, seen = [], set()
    for name, questions, pairs in groups:
        questions, pairs = list(questions), list(pairs)
        rng.shuffle(questions)
        rng.shuffle(pairs)
        combos = [(questions[q], pairs[(q + k) % len(pairs)]) for k in range(len(pairs)) for q in range(len(questions))]
        for question, (matching, not_matching) in combos[:per_group]:
            candidates = [""] + [rng.choice(openers) for _ in range(3)] + list(openers)
            for opener in candidates:
                text = opener + question
                if normalise(text) not in seen:
                    break
            seen.add(normalise(text))
            items.append({"group": name, "question": text, "matching": matching, "not_matching": not_matching})
    return items
