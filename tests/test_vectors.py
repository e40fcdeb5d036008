import pytest
import torch

from caa_lens.core.collect import PairActivations, collect
from caa_lens.core.vectors import LETTER_COSINE_LIMIT, SteeringVectors, diagnostics, extract, from_activations

from .conftest import ab_items

META = dict(model="m", behavior="b", dataset_sha256="0" * 64, chat_format="template")


def planted(n=200, letters_a=0.8, seed=0):
    """Activations = noise + d on matching answers + e on answers with letter A."""
    g = torch.Generator().manual_seed(seed)
    d, e = torch.randn(3, 16, generator=g), torch.randn(3, 16, generator=g)
    match_a = torch.rand(n, generator=g) < letters_a
    noise = lambda: torch.randn(n, 3, 16, generator=g) * 0.1  # noqa: E731
    matching = noise() + d + match_a[:, None, None] * e
    not_matching = noise() + (~match_a)[:, None, None] * e
    letters = tuple("A" if a else "B" for a in match_a)
    other = tuple("B" if a else "A" for a in match_a)
    return PairActivations(matching, not_matching, letters, other), d, e


def cos(a, b):
    return torch.nn.functional.cosine_similarity(a, b, dim=-1)


def test_planted_direction_recovered_and_letter_leak_shown():
    acts, d, e = planted()
    plain = from_activations(acts, variant="plain", **META)
    balanced = from_activations(acts, variant="balanced", **META)
    assert (cos(balanced.directions, d) > 0.99).all()
    assert (cos(plain.directions, d) < cos(balanced.directions, d)).all()  # the 80/20 imbalance leaks e
    assert (plain.letter_cosine.abs() > balanced.letter_cosine.abs()).all()
    flags = diagnostics(plain)["letter_flag"]
    assert flags.all() and (flags == (plain.letter_cosine.abs() > LETTER_COSINE_LIMIT).numpy()).all()


def test_balanced_is_the_default():
    acts, _, _ = planted(n=40, seed=2)
    default = from_activations(acts, **META)
    assert default.variant == "balanced"
    torch.testing.assert_close(default.directions, from_activations(acts, variant="balanced", **META).directions)
    assert not torch.allclose(default.directions, from_activations(acts, variant="plain", **META).directions)


def test_parity_with_a_straightforward_loop():
    acts, _, _ = planted(n=30, seed=1)
    vec = from_activations(acts, variant="plain", **META).directions
    manual = torch.zeros(3, 16)
    for i in range(30):
        manual += acts.matching[i] - acts.not_matching[i]
    torch.testing.assert_close(vec, manual / 30)
    groups = [[i for i in range(30) if acts.matching_letters[i] == x] for x in "AB"]
    per_group = [sum(acts.matching[i] - acts.not_matching[i] for i in g) / len(g) for g in groups]
    torch.testing.assert_close(
        from_activations(acts, variant="balanced", **META).directions, (per_group[0] + per_group[1]) / 2
    )


def test_extract_on_model_matches_collected_difference(tiny):
    items = ab_items(6)
    vec = extract(tiny, items, behavior="t", variant="plain", progress=False)
    acts = collect(tiny, items, progress=False)
    torch.testing.assert_close(vec.directions, (acts.matching - acts.not_matching).mean(0))
    assert vec.n_layers == tiny.cfg.n_layers and vec.n_pairs == 6 and vec.chat_format == "template"
    assert list(diagnostics(vec).columns) == [
        "layer", "vector_norm", "resid_norm", "norm_ratio", "letter_cosine", "letter_flag"
    ]  # fmt: skip
    items = ab_items(7)  # 4 A-matching, 3 B-matching: the default averages the two letters' mean differences
    acts = collect(tiny, items, progress=False)
    diff = acts.matching - acts.not_matching
    per_letter = [diff[[i for i, x in enumerate(items) if x.matching == letter]].mean(0) for letter in "AB"]
    torch.testing.assert_close(extract(tiny, items, behavior="t", progress=False).directions, sum(per_letter) / 2)


def test_save_load_roundtrip(tmp_path):
    acts, _, _ = planted(n=10)
    vec = from_activations(acts, variant="balanced", **META)
    back = SteeringVectors.load(vec.save(tmp_path / "v.safetensors"))
    torch.testing.assert_close(back.directions, vec.directions)
    assert (back.model, back.variant, back.n_pairs, back.version) == (vec.model, "balanced", 10, vec.version)


def test_incompatible_model_and_bad_file(tiny, tmp_path):
    acts, _, _ = planted(n=10)
    with pytest.raises(ValueError, match="extract vectors on this model"):
        from_activations(acts, **META).check_model(tiny)
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(b"not safetensors")
    with pytest.raises(ValueError, match="not a caa_lens vectors file"):
        SteeringVectors.load(bad)


def test_normalized():
    acts, _, _ = planted(n=10)
    vec = from_activations(acts, **META).normalized(4.0)
    torch.testing.assert_close(vec.norms(), torch.full((3,), 4.0))
