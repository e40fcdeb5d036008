import json

import pandas as pd
import pytest

from caa_lens.cli import main
from caa_lens.core.steering import generate
from caa_lens.core.vectors import extract
from caa_lens.evaluation.openended import GENERATION_COLUMNS, generate_open_ended, read_generations
from caa_lens.options import DEFAULT_SCALE

from .conftest import ab_items

QUESTIONS = ["Tell me about the sea.", "Do you like cats?", "What is in Paris?"]
SETTINGS = dict(
    layers=[1, 2], multipliers=[-2.0, 0.0, 2.0], max_new_tokens=6, batch_size=4, temperature=1.0, progress=False
)


@pytest.fixture(scope="module")
def vecs(tiny):
    return extract(tiny, ab_items(8), behavior="t", progress=False)


def test_table_layout_and_unsteered_rows(tiny, vecs):
    frame = generate_open_ended(
        tiny, vecs, QUESTIONS, layers=[1], multipliers=[0.0, 3.0], max_new_tokens=6, progress=False
    )
    assert list(frame.columns) == list(GENERATION_COLUMNS) and len(frame) == 3 * 2
    assert frame[["item", "multiplier"]].values.tolist() == [[i, m] for i in range(3) for m in (0.0, 3.0)]
    assert (frame["behavior"] == "t").all() and (frame["scale"] == DEFAULT_SCALE).all()
    plain = generate(tiny, QUESTIONS, max_new_tokens=6)
    assert frame[frame.multiplier == 0]["reply"].tolist() == plain


def test_same_seed_same_replies(tiny, vecs):
    a = generate_open_ended(tiny, vecs, QUESTIONS, seed=3, **SETTINGS)
    b = generate_open_ended(tiny, vecs, QUESTIONS, seed=3, **SETTINGS)
    pd.testing.assert_frame_equal(a, b)
    c = generate_open_ended(tiny, vecs, QUESTIONS, seed=4, **SETTINGS)
    assert (c["seed"] == 4).all() and c["reply"].tolist() != a["reply"].tolist()


def test_interrupted_run_resumes_to_the_same_table(tiny, vecs, tmp_path):
    out = tmp_path / "gens.jsonl"
    full = generate_open_ended(tiny, vecs, QUESTIONS, out=out, **SETTINGS)
    lines = out.read_text().splitlines(keepends=True)
    assert len(lines) == len(full) == 2 * 3 * 3
    out.write_text("".join(lines[:5]))  # cut inside the second batch
    resumed = generate_open_ended(tiny, vecs, QUESTIONS, out=out, **SETTINGS)
    pd.testing.assert_frame_equal(resumed, full)
    pd.testing.assert_frame_equal(read_generations(out), full)
    # a third run has nothing to do and leaves the file as it is
    before = out.read_bytes()
    generate_open_ended(tiny, vecs, QUESTIONS, out=out, **SETTINGS)
    assert out.read_bytes() == before


def test_unfinished_last_line_is_regenerated(tiny, vecs, tmp_path):
    out = tmp_path / "gens.jsonl"
    full = generate_open_ended(tiny, vecs, QUESTIONS[:2], out=out, **SETTINGS)
    text = out.read_text()
    out.write_text(text[: text.rindex("\n", 0, len(text) - 1) + 20])  # half of the last line
    with pytest.warns(UserWarning, match="unfinished last line"):
        resumed = generate_open_ended(tiny, vecs, QUESTIONS[:2], out=out, **SETTINGS)
    pd.testing.assert_frame_equal(resumed, full)
    assert [json.loads(x)["reply"] for x in out.read_text().splitlines()] == full["reply"].tolist()


def test_other_settings_are_refused_not_pooled(tiny, vecs, tmp_path):
    """Rows of another max_new_tokens in one file would later be pooled by judge_summary: refused instead."""
    out = tmp_path / "gens.jsonl"
    first = generate_open_ended(tiny, vecs, QUESTIONS[:1], out=out, **SETTINGS)
    before = out.read_text()
    with pytest.raises(ValueError, match="holds generations made with \\{'max_new_tokens': 6\\}"):
        generate_open_ended(tiny, vecs, QUESTIONS[:1], out=out, **{**SETTINGS, "max_new_tokens": 3})
    assert out.read_text() == before and len(read_generations(out)) == len(first)
    longer = generate_open_ended(
        tiny, vecs, QUESTIONS[:1], out=tmp_path / "g3.jsonl", **{**SETTINGS, "max_new_tokens": 3}
    )
    assert (longer["max_new_tokens"] == 3).all()


def test_bad_settings(tiny, vecs, tmp_path):
    with pytest.raises(ValueError, match="layers"):
        generate_open_ended(tiny, vecs, QUESTIONS, layers=[9], progress=False)
    with pytest.raises(ValueError, match="scale"):
        generate_open_ended(tiny, vecs, QUESTIONS, layers=[1], scale="big", progress=False)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"behavior": "t"}\n{"x": 1}\n')
    with pytest.raises(ValueError, match="line 1 lacks columns"):
        read_generations(bad)


def test_cli_generate(tiny_dir, vecs, tmp_path, capsys):
    vec, data, out = tmp_path / "v.safetensors", tmp_path / "open.json", tmp_path / "gens.jsonl"
    vecs.save(vec)
    data.write_text(json.dumps([{"question": q} for q in QUESTIONS[:2]]))
    args = ["generate", "--model", str(tiny_dir), "--vectors", str(vec), "--data", str(data), "--behavior", "t",
            "--layers", "1", "--multipliers", "-2,0,2", "--max-new-tokens", "4", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    frame = read_generations(out)
    assert len(frame) == 2 * 3 and sorted(frame.multiplier.unique()) == [-2.0, 0.0, 2.0]
    assert "wrote" in capsys.readouterr().out
