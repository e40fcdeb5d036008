"""Bad input across the CLI: each case exits 2 with a message naming file, item and field; nothing is lost.

Every case runs `main([...])` in-process on a tiny random model; a traceback in stderr fails it.
"""

import json
import pickle

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from caa_lens import SteeringVectors
from caa_lens.cli import main
from caa_lens.evaluation.reference import sweep_reference
from caa_lens.evaluation.sweep import sweep

from .conftest import ab_items, write_items

GOOD = {
    "question": "Pick one.\n\nChoices:\n (A) yes\n (B) no",
    "answer_matching_behavior": "(A)",
    "answer_not_matching_behavior": "(B)",
}


def run(capsys, *args) -> tuple[int, str]:
    """Exit status and stderr of one command; never a traceback."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as e:  # argparse usage errors
        code = e.code
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    return code, err


@pytest.fixture(scope="module")
def files(tiny_dir, tmp_path_factory):
    """A good data file and vectors for the tiny model, made through the CLI."""
    root = tmp_path_factory.mktemp("hardening")
    data = write_items(root / "good.json", ab_items(6))
    vectors = root / "v.safetensors"
    assert main(["vectors", "--model", str(tiny_dir), "--data", str(data), "--out", str(vectors)]) == 0
    return root, data, vectors


BAD_DATA = {
    "not_json": (b"[{oops", "not valid JSON"),
    "object_not_list": (json.dumps(GOOD).encode(), "expected a JSON list of items, got dict"),
    "empty": (b"[]", "the file has no items"),
    "missing_field": (json.dumps([{"question": GOOD["question"]}]).encode(), "item 0: missing field 'answer_matching_behavior'"),
    "non_string": (json.dumps([{**GOOD, "question": 5}]).encode(), "item 0: field 'question' must be a non-empty string"),
    "outside_choices": (json.dumps([{**GOOD, "answer_matching_behavior": "(C)"}]).encode(), "item 0: field 'answer_matching_behavior' is 'C', not one of the choices"),
    "equal_answers": (json.dumps([{**GOOD, "answer_not_matching_behavior": "(A)"}]).encode(), "item 0: answer_matching_behavior and answer_not_matching_behavior are both 'A'"),
    "letter_beyond_b": (json.dumps([{**GOOD, "answer_not_matching_behavior": "(D)"}]).encode(), "field 'answer_not_matching_behavior' is 'D'"),
    "utf16": (json.dumps([GOOD]).encode("utf-16"), "not UTF-8 text"),
    "nul_byte": (json.dumps([{**GOOD, "question": "Pick\u0000 one. (A) x (B) y"}]).encode(), "item 0: field 'question' contains the invisible character U+0000"),
    "zero_width": (json.dumps([{**GOOD, "question": "Pick\u200b one. (A) x (B) y"}]).encode(), "U+200B"),
    "huge_question": (json.dumps([{**GOOD, "question": "word " * 2_000_000 + "(A) x (B) y"}]).encode(), "field 'question' is 10,000,011 characters; at most 100,000"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD_DATA))
def test_bad_data_files(case, files, tiny_dir, capsys):
    root, _, vectors = files
    content, message = BAD_DATA[case]
    path = root / f"{case}.json"
    path.write_bytes(content)
    for command in (
        ["vectors", "--model", tiny_dir, "--data", path, "--out", root / "out.safetensors"],
        ["sweep", "--model", tiny_dir, "--vectors", vectors, "--data", path, "--out", root / "out.csv"],
    ):
        code, err = run(capsys, *command)
        assert code == 2 and str(path) in err and message in err, (case, err)
        assert len(err.strip().splitlines()) == 1
    assert not (root / "out.safetensors").exists() and not (root / "out.csv").exists()


def test_bom_file_is_read(files, tiny_dir, tmp_path, capsys):
    _, data, _ = files
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + data.read_bytes())
    assert run(capsys, "vectors", "--model", tiny_dir, "--data", bom, "--out", tmp_path / "v.safetensors")[0] == 0


@pytest.mark.parametrize(
    "case, message",
    [("folder", "is a folder"), ("missing", "file not found"), ("checks_empty", "no dataset files here")],
)
def test_bad_paths(case, message, files, tiny_dir, tmp_path, capsys):
    if case == "checks_empty":
        code, out = main(["datasets", "check", str(tmp_path)]), capsys.readouterr().out
        assert code == 1 and message in out
        return
    path = tmp_path if case == "folder" else tmp_path / "nowhere.json"
    code, err = run(capsys, "vectors", "--model", tiny_dir, "--data", path, "--out", tmp_path / "v.safetensors")
    assert code == 2 and message in err and str(path) in err


def _vectors_meta(vectors_path) -> dict:
    from safetensors import safe_open

    with safe_open(str(vectors_path), framework="pt") as f:
        return json.loads(f.metadata()["caa_lens"])


def bad_vectors(case: str, good, root):
    """Write a broken vectors file; return its path."""
    path = root / f"{case}.safetensors"
    v = SteeringVectors.load(good)
    tensors = {"directions": v.directions, "resid_norm": v.resid_norm, "letter_cosine": v.letter_cosine}
    meta = _vectors_meta(good)
    if case == "random_bytes":
        path.write_bytes(np.random.default_rng(0).bytes(4096))
    elif case == "truncated":
        path.write_bytes(good.read_bytes()[:200])
    elif case == "no_metadata":
        save_file(tensors, str(path))
    elif case == "empty_metadata":
        save_file(tensors, str(path), metadata={"caa_lens": "{}"})
    elif case == "list_metadata":
        save_file(tensors, str(path), metadata={"caa_lens": "[1, 2]"})
    elif case == "extra_metadata":
        save_file(tensors, str(path), metadata={"caa_lens": json.dumps({**meta, "surprise": 1})})
    elif case == "short_resid_norm":
        save_file(
            {**tensors, "resid_norm": v.resid_norm[:2].clone()}, str(path), metadata={"caa_lens": json.dumps(meta)}
        )
    elif case == "int64":
        save_file({**tensors, "directions": v.directions.long()}, str(path), metadata={"caa_lens": json.dumps(meta)})
    elif case == "nan":
        directions = v.directions.clone()
        directions[1, 0] = float("nan")
        save_file({**tensors, "directions": directions}, str(path), metadata={"caa_lens": json.dumps(meta)})
    elif case == "other_model":
        wide = torch.zeros(v.n_layers, v.d_model * 2)
        save_file({**tensors, "directions": wide}, str(path), metadata={"caa_lens": json.dumps(meta)})
    elif case == "pickle":
        path.write_bytes(pickle.dumps(_WritesAFile(str(root / "pwned"))))
    return path


class _WritesAFile:
    def __init__(self, target: str):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


VECTOR_CASES = {
    "random_bytes": "not a caa_lens vectors file",
    "truncated": "not a caa_lens vectors file",
    "no_metadata": "not a caa_lens vectors file",
    "empty_metadata": "its metadata must name exactly",
    "list_metadata": "its metadata must name exactly",
    "extra_metadata": "its metadata must name exactly",
    "short_resid_norm": "resid_norm must have one value per layer (4)",
    "int64": "directions must be a floating-point tensor",
    "nan": "directions holds NaN or infinite values",
    "other_model": "layers x 128, but the model",
    "pickle": "not a caa_lens vectors file",
}


@pytest.mark.parametrize("case", sorted(VECTOR_CASES))
def test_bad_vectors_files(case, files, tiny_dir, tmp_path, capsys):
    root, data, good = files
    path = bad_vectors(case, good, tmp_path)
    code, err = run(
        capsys, "sweep", "--model", tiny_dir, "--vectors", path, "--data", data, "--out", tmp_path / "s.csv"
    )
    assert code == 2 and VECTOR_CASES[case] in err, err
    assert case == "other_model" or str(path) in err  # a shape mismatch names both models instead
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "s.csv").exists()


ARG_CASES = {
    "layers_negative": (["--layers", "-1"], "'-1' is not a layer"),
    "layers_backwards": (["--layers", "5-2"], "runs backwards"),
    "layers_out_of_range": (["--layers", "2-9"], "layers run from 0 to 3"),
    "multipliers_empty": (["--multipliers", ""], "'' is not a number"),
    "multipliers_nan": (["--multipliers", "0,nan,1"], "'nan' is not a finite number"),
    "multipliers_overflow": (["--multipliers", "0,1e309"], "'1e309' is not a finite number"),
    "max_pairs_negative": (["--max-pairs", "-1"], "'-1' is not a whole number of at least 1"),
    "dtype": (["--dtype", "bogus"], "argument --dtype: invalid choice: 'bogus'"),
    "device": (["--device", "cuda"], "sees no CUDA GPU"),
}


@pytest.mark.parametrize("case", sorted(ARG_CASES))
def test_bad_arguments(case, files, tiny_dir, tmp_path, capsys):
    if case == "device" and torch.cuda.is_available():
        pytest.fail("this case needs a machine without CUDA")
    _, data, vectors = files
    extra, message = ARG_CASES[case]
    args = ["sweep", "--model", tiny_dir, "--vectors", vectors, "--data", data, "--out", tmp_path / "s.csv", *extra]
    code, err = run(capsys, *args)
    assert code == 2 and message in err, err
    assert not (tmp_path / "s.csv").exists()


def test_outputs_that_are_inputs_or_folders_are_refused(files, tiny_dir, tmp_path, capsys):
    root, data, vectors = files
    before = vectors.read_bytes(), data.read_bytes()
    cases = [
        (["sweep", "--model", tiny_dir, "--vectors", vectors, "--data", data, "--out", vectors], "is also an input"),
        (["vectors", "--model", tiny_dir, "--data", data, "--out", data], "is also an input"),
        (
            ["detect", "--model", tiny_dir, "--vectors", vectors, "--layer", "1", "--html", vectors, "hi"],
            "is also an input",
        ),
        (["sweep", "--model", tiny_dir, "--vectors", vectors, "--data", data, "--out", tmp_path], "is a folder"),
        (["sweep", "--model", tiny_dir, "--vectors", vectors, "--data", data, "--out", ""], "output path is empty"),
    ]
    for args, message in cases:
        code, err = run(capsys, *args)
        assert code == 2 and message in err, (args, err)
    assert (vectors.read_bytes(), data.read_bytes()) == before


def test_generation_limits_and_settings(files, tiny_dir, tmp_path, capsys):
    _, _, vectors = files
    prompts = tmp_path / "open.json"
    prompts.write_text(json.dumps([{"question": "How was your day?"}]))
    out = tmp_path / "g.jsonl"
    base = ["generate", "--model", tiny_dir, "--vectors", vectors, "--data", prompts, "--layers", "1", "--out", out]
    for extra, message in (
        (["--max-new-tokens", "-1"], "'-1' is not a whole number of at least 1"),
        (["--temperature", "-1"], "'-1' is not a finite number of at least 0"),
        (["--temperature", "nan"], "'nan' is not a finite number of at least 0"),
        (["--max-items", "-1"], "'-1' is not a whole number of at least 1"),
        (["--multipliers", "nan"], "not a finite number"),
    ):
        code, err = run(capsys, *base, *extra)
        assert code == 2 and message in err, (extra, err)
    assert run(capsys, *base, "--multipliers", "0", "--max-new-tokens", "3")[0] == 0
    lines = out.read_text().splitlines()
    code, err = run(capsys, *base, "--multipliers", "0", "--max-new-tokens", "4")
    assert code == 2 and "holds generations made with {'max_new_tokens': 3}" in err
    assert out.read_text().splitlines() == lines  # nothing appended, nothing lost
    code, err = run(
        capsys, "steer", "--model", tiny_dir, "--vectors", vectors, "--layer", "1", "--multiplier", "nan", "hi"
    )
    assert code == 2 and "'nan' is not a finite number" in err


def test_unknown_model_offline_names_the_local_models(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    code, err = run(
        capsys, "vectors", "--model", "no-such-org/no-such-model", "--behavior", "refusal", "--out", tmp_path / "v"
    )
    assert code == 2 and "cannot load 'no-such-org/no-such-model' (offline" in err
    assert "qwen2.5-coder-0.5b-instruct" in err and "smollm2-135m-instruct" in err


def test_datasets_stats_takes_a_file(files, capsys):
    _, data, _ = files
    assert main(["datasets", "stats", str(data)]) == 0
    assert "good.json" in capsys.readouterr().out


def test_numpy_and_tensor_multipliers_steer(tiny, files):
    from caa_lens import steer

    vecs = SteeringVectors.load(files[2])
    ids = torch.tensor([[1, 2, 3]])
    with steer(tiny, vecs, 1, 1.5):
        ref = tiny(ids)
    for m in (np.float32(1.5), torch.tensor(1.5), np.array(1.5)):
        with steer(tiny, vecs, 1, m):
            torch.testing.assert_close(tiny(ids), ref)
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValueError, match="multiplier must be"):
            with steer(tiny, vecs, 1, bad):
                pass
    # a string: our check says "a multiplier must be a number"; under the tests' run-time type
    # checker the annotation refuses it first, naming the parameter
    with pytest.raises((ValueError, TypeError), match="multiplier"):
        with steer(tiny, vecs, 1, "1"):
            pass


def test_an_overflowing_branch_cannot_poison_the_packed_sweep(tiny, files):
    vecs = SteeringVectors.load(files[2])
    items = ab_items(3, seed=9)
    kwargs = dict(layers=[1, 2], multipliers=[-1.0, 0.0, 1e30], progress=False)
    ours = sweep(tiny, vecs, items, **kwargs)
    ref = sweep_reference(tiny, vecs, items, **kwargs)
    finite = ours["multiplier"] != 1e30
    assert ours.loc[finite, "p_matching"].notna().all()
    np.testing.assert_allclose(ours.loc[finite, "p_matching"], ref.loc[finite, "p_matching"], atol=1e-4)


def test_interrupted_write_leaves_the_old_file_and_no_leftovers(tmp_path):
    from caa_lens._io import write_text

    path = tmp_path / "out.csv"
    write_text(path, "old\n")
    (tmp_path / ".out.csv.abc123.tmp").write_text("half")  # what a killed run leaves
    with pytest.raises(RuntimeError):
        from caa_lens._io import write_atomic

        write_atomic(path, lambda p: (p.write_text("half"), (_ for _ in ()).throw(RuntimeError("killed"))))
    assert path.read_text() == "old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    write_text(path, "new\n")
    assert path.read_text() == "new\n"


def test_an_unwritable_output_folder_is_refused_before_any_computing(files, tiny_dir, tmp_path, capsys, monkeypatch):
    import os

    _, data, vectors = files
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path) == str(tmp_path) else real(path, mode))
    code, err = run(
        capsys, "sweep", "--model", tiny_dir, "--vectors", vectors, "--data", data, "--out", tmp_path / "s.csv"
    )
    assert code == 2 and f"{tmp_path} is not writable" in err


def test_the_behaviour_of_a_data_file_is_its_name(files, tiny_dir, tmp_path, capsys):
    _, data, _ = files
    out = tmp_path / "v.safetensors"
    assert run(capsys, "vectors", "--model", tiny_dir, "--data", data, "--out", out)[0] == 0
    assert SteeringVectors.load(out).behavior == "good"  # good.json, not its folder's name


def test_no_load_path_can_run_code():
    """No pickle, no torch.load, no remote code anywhere in the library."""
    from pathlib import Path

    import caa_lens

    root = Path(caa_lens.__file__).parent
    source = "\n".join(p.read_text() for p in root.rglob("*.py"))
    for needle in ("import pickle", "torch.load(", "trust_remote_code=True", "weights_only=False"):
        assert needle not in source, needle


def test_a_prompt_longer_than_the_context_is_refused_before_running(files, tiny_dir, tiny, tmp_path, capsys):
    _, _, vectors = files
    assert tiny.cfg.n_ctx == 512
    long = tmp_path / "long.json"
    long.write_text(json.dumps([{**GOOD, "question": "word " * 1200 + "\n\nChoices:\n (A) yes\n (B) no"}]))
    for args in (
        ["vectors", "--model", tiny_dir, "--data", long, "--out", tmp_path / "v.safetensors"],
        ["sweep", "--model", tiny_dir, "--vectors", vectors, "--data", long, "--out", tmp_path / "s.csv"],
    ):
        code, err = run(capsys, *args)
        assert code == 2 and "tokens, but" in err and "reads at most 512" in err, err


SIDE_EFFECT_CASES = {
    "not_json": (b"{oops", "not valid JSON"),
    "empty": (b"[]", "the file has no items"),
    "missing_field": (json.dumps([{"question": "Q? (A) x (B) y", "correct": "(A)"}]).encode(), "item 0: field 'incorrect' must be a non-empty string"),
    "letter_outside": (json.dumps([{"question": "Q?\n(A) x\n(B) y", "correct": "(C)", "incorrect": "(A)"}]).encode(), "item 0: field 'correct' is '(C)'"),
    "nul_byte": (json.dumps([{"question": "Q\u0000?", "correct": "x", "incorrect": "y"}]).encode(), "invisible character U+0000"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(SIDE_EFFECT_CASES))
def test_bad_side_effect_files(case, files, tiny_dir, tmp_path, capsys):
    _, _, vectors = files
    content, message = SIDE_EFFECT_CASES[case]
    path = tmp_path / f"{case}.json"
    path.write_bytes(content)
    args = ["side-effects", "--model", tiny_dir, "--vectors", vectors, "--data", path, "--kind", "mmlu"]
    code, err = run(capsys, *args, "--layer", "1", "--multipliers", "-1,1", "--out", tmp_path / "o.csv")
    assert code == 2 and str(path) in err and message in err, err
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--max-pairs", "-1"], "'-1' is not a whole number of at least 1"),
        (["--n-test", "0"], "'0' is not a whole number of at least 1"),
        (["--multipliers", "0,nan"], "not a finite number"),
        (["--layers", "9-2"], "runs backwards"),
        (["--behaviors", "no-such-behaviour"], "unknown behaviour 'no-such-behaviour'"),
    ],
)
def test_bad_report_arguments(extra, message, tiny_dir, tmp_path, capsys):
    code, err = run(
        capsys, "report", "--model", tiny_dir, "--out", tmp_path / "rep", "--behaviors", "sentiment", *extra
    )
    assert code == 2 and message in err, err
    assert not (tmp_path / "rep" / "report.html").exists()
