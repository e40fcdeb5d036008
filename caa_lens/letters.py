"""Which vocabulary tokens spell an answer letter.

After `(` a model may put its probability on the bare letter (`A`, Llama 2's SentencePiece) or
on the letter with a leading space (` A`, Qwen's BPE), and vocabularies hold more spellings still
(`\\tA`, byte-fallback `<0x41>`). The A/B metric scores a letter as the sum of the probabilities
of every single token that decodes to that letter with optional leading whitespace. The sets are
derived from the vocabulary once per tokenizer.
"""

import re
import string
import weakref

_VARIANT = re.compile(r"\s*([A-Z])")
_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _derive(tokenizer) -> dict[str, tuple[int, ...]]:
    # Every spelling's raw token ends with the letter, except byte-fallback tokens like <0x41>.
    candidates = sorted(
        i
        for tok, i in tokenizer.get_vocab().items()
        if tok and (tok[-1] in string.ascii_uppercase or tok.startswith("<0x"))
    )
    found: dict[str, list[int]] = {}
    for i, text in zip(candidates, tokenizer.batch_decode([[i] for i in candidates]), strict=True):
        match = _VARIANT.fullmatch(text)
        if match:
            found.setdefault(match.group(1), []).append(i)
    return {letter: tuple(ids) for letter, ids in found.items()}


def letter_tokens(tokenizer, letter: str) -> tuple[int, ...]:
    """Ids of every token that is `letter` with optional leading whitespace (cached per tokenizer).

    Raises:
        ValueError: `letter` is not a capital letter, or no token spells it.
    """
    if len(letter) != 1 or letter not in string.ascii_uppercase:
        raise ValueError(f"answer letter must be one capital letter A-Z, got {letter!r}")
    try:
        table = _CACHE[tokenizer]
    except (KeyError, TypeError):
        table = _derive(tokenizer)
        try:
            _CACHE[tokenizer] = table
        except TypeError:  # a tokenizer that cannot be weakly referenced is simply not cached
            pass
    if letter not in table:
        raise ValueError(f"no token of this vocabulary spells the letter {letter!r}")
    return table[letter]
