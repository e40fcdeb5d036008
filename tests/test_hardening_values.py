"""Bad input, second pass: values that must stay finite, API misuse, diagnostics and one-line errors.

Like `test_hardening`, each CLI case runs `main([...])` in-process on a tiny random model; a
traceback in stderr fails it.
"""

import hashlib
import json
import resource

import pytest
import torch
from safetensors.torch import save_file

from caa_lens import SteeringVectors
from caa_lens.cli import main

from .conftest import ab_items, write_items
from .test_hardening import GOOD, _vectors_meta, run


@pytest.fixture(scope="module")
def files(tiny_dir, tmp_path_factory):
    """A good data file and vectors for the tiny model, made through the CLI."""
    root = tmp_path_factory.mktemp("hardening_values")
    data = write_items(root / "good.json", ab_items(6))
    vectors = root / "v.safetensors"
    assert main(["vectors", "--model", str(tiny_dir), "--data", str(data), "--out", str(vectors)]) == 0
    return root, data, vectors


def _resave(good, path, *, meta=None, **tensors):
    """A copy of the vectors file `good` with some tensors or metadata fields replaced (no validation)."""
    v = SteeringVectors.load(good)
    base = {"directions": v.directions, "resid_norm": v.resid_norm, "letter_cosine": v.letter_cosine}
    raw = meta if isinstance(meta, str) else json.dumps({**_vectors_meta(good), **(meta or {})})
    save_file({**base, **tensors}, str(path), metadata={"caa_lens": raw})
    return path


def _sweep(tiny_dir, vectors, data, out, *extra):
    return ["sweep", "--model", tiny_dir, "--vectors", vectors, "--data", data, "--out", out, *extra]


# -- 9: the recorded dataset hash is the hash of the bytes that were parsed


def test_dataset_sha256_is_of_the_parsed_bytes(files, tiny_dir, tmp_path, capsys, monkeypatch):
    import caa_lens.core.models as models

    data = write_items(tmp_path / "d.json", ab_items(6))
    parsed = hashlib.sha256(data.read_bytes()).hexdigest()
    real = models.load_model

    def load_and_replace(*args, **kwargs):  # the file changes while the run is under way
        write_items(data, ab_items(6, seed=5))
        return real(*args, **kwargs)

    monkeypatch.setattr(models, "load_model", load_and_replace)
    out = tmp_path / "v.safetensors"
    assert run(capsys, "vectors", "--model", tiny_dir, "--data", data, "--out", out)[0] == 0
    assert SteeringVectors.load(out).dataset_sha256 == parsed


# -- 10: every tensor and multiplier that reaches the model or a file is finite after scaling


@pytest.mark.parametrize(
    "case, message",
    [
        ("negative_resid_norm", "resid_norm must be positive"),
        ("zero_resid_norm", "resid_norm must be positive"),
        ("bad_chat_format", "unknown chat format 'bogus'"),
        ("deep_metadata", "nested too deeply"),
    ],
)
def test_bad_vectors_values(case, message, files, tiny_dir, tmp_path, capsys):
    _, data, good = files
    v = SteeringVectors.load(good)
    path = tmp_path / f"{case}.safetensors"
    if case == "negative_resid_norm":
        _resave(good, path, resid_norm=-v.resid_norm)
    elif case == "zero_resid_norm":
        _resave(good, path, resid_norm=torch.zeros_like(v.resid_norm))
    elif case == "bad_chat_format":
        _resave(good, path, meta={"chat_format": "bogus"})
    else:
        _resave(good, path, meta="[" * 100_000 + "]" * 100_000)
    code, err = run(capsys, *_sweep(tiny_dir, path, data, tmp_path / "s.csv"))
    assert code == 2 and message in err and str(path) in err, err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "s.csv").exists()


def test_float16_vectors_scale_in_float32(files):
    from caa_lens.core.scale import effective_multiplier

    v = SteeringVectors.load(files[2])
    big = v.directions * (30_000 / v.directions.abs().max())  # every value fits float16, the norms do not
    wide = SteeringVectors(**{**v.__dict__, "directions": big})
    half = SteeringVectors(**{**v.__dict__, "directions": big.half()})
    for layer in range(v.n_layers):
        ours = effective_multiplier(half, layer, 1.0, "relative")
        assert ours > 0 and ours == pytest.approx(effective_multiplier(wide, layer, 1.0, "relative"), rel=1e-3)
    assert torch.isfinite(half.norms()).all() and half.norms().dtype == torch.float32


def test_scaled_vectors_that_overflow_the_model_dtype_are_refused(tiny, files):
    from caa_lens import steer
    from caa_lens.core.scale import row_directions

    v = SteeringVectors.load(files[2])
    big = 70_000 / v.directions[1].abs().max().item()
    assert torch.isfinite(row_directions(v, 1, [big], "raw")).all()  # fine in float32
    with pytest.raises(ValueError, match="overflows float16"):
        row_directions(v, 1, [big], "raw", dtype=torch.float16)
    with pytest.raises(ValueError, match="overflows float32"):
        with steer(tiny, v, 1, 1e39):
            pass


def test_normalized_needs_a_positive_finite_norm(files):
    v = SteeringVectors.load(files[2])
    assert torch.allclose(v.normalized(2.0).norms(), torch.full((v.n_layers,), 2.0))
    for bad in (-1.0, 0.0, float("inf"), float("nan")):
        with pytest.raises(ValueError, match="norm must be a finite number > 0"):
            v.normalized(bad)


def test_relative_scale_of_a_zero_vector_is_refused(files):
    from caa_lens.core.scale import effective_multiplier

    v = SteeringVectors.load(files[2])
    zero = v.directions.clone()
    zero[2] = 0
    z = SteeringVectors(**{**v.__dict__, "directions": zero})
    assert effective_multiplier(z, 2, 1.0, "raw") == 1.0
    with pytest.raises(ValueError, match="layer 2's vector is zero"):
        effective_multiplier(z, 2, 1.0, "relative")


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--multiplier", "1e300"], "overflows float32"),
        (["--multiplier", "1", "--scale", "relative", "--zero-layer"], "vector is zero"),
    ],
)
def test_export_refuses_what_is_not_finite(extra, message, files, tiny_dir, tmp_path, capsys):
    _, _, good = files
    vectors = good
    if "--zero-layer" in extra:
        extra = [x for x in extra if x != "--zero-layer"]
        v = SteeringVectors.load(good)
        zero = v.directions.clone()
        zero[1] = 0
        vectors = _resave(good, tmp_path / "zero.safetensors", directions=zero)
    out = tmp_path / "v.gguf"
    code, err = run(
        capsys, "export", vectors, "--format", "llamacpp", "--model", tiny_dir, "--layers", "1-2", "--out", out, *extra
    )
    assert code == 2 and message in err, err
    assert not out.exists()


def test_multipliers_that_overflow_are_refused_before_computing(files, tiny_dir, tmp_path, capsys, monkeypatch):
    import caa_lens.evaluation.sweep as sweep_module

    _, data, vectors = files
    monkeypatch.setattr(sweep_module, "ab_prompt", lambda *a, **k: pytest.fail("computed before refusing"))
    code, err = run(capsys, *_sweep(tiny_dir, vectors, data, tmp_path / "s.csv", "--multipliers=0,1,1e39"))
    assert code == 2 and "multiplier 1e+39" in err and "overflows" in err, err  # float32 or bfloat16: both 3.4e38
    assert not (tmp_path / "s.csv").exists()


def test_generate_refuses_overflowing_multipliers_before_generating(files, tiny_dir, tmp_path, capsys):
    _, _, vectors = files
    prompts = tmp_path / "open.json"
    prompts.write_text(json.dumps([{"question": "How was your day?"}] * 3))
    out = tmp_path / "g.jsonl"
    args = ["generate", "--model", tiny_dir, "--vectors", vectors, "--data", prompts, "--layers", "1"]
    code, err = run(
        capsys, *args, "--multipliers", "0,1e39", "--batch-size", "1", "--max-new-tokens", "2", "--out", out
    )
    assert code == 2 and "multiplier 1e+39" in err and "overflows" in err, err
    assert not out.exists()  # not even the unsteered rows: refused before the first reply


# -- 11: systems --system is honoured


def test_systems_honours_system(files, tiny_dir, tmp_path, capsys):
    import pandas as pd

    _, data, vectors = files
    out = tmp_path / "c.csv"
    args = ["systems", "--model", tiny_dir, "--vectors", vectors, "--data", data, "--layer", "1"]
    args += ["--multiplier", "1", "--positive", "Be kind.", "--negative", "Be rude.", "--out", out]
    assert run(capsys, *args, "--system", "You answer briefly.")[0] == 0
    steered = pd.read_csv(out, keep_default_na=False)
    assert set(steered.loc[steered["condition"] == "default", "system"]) == {"You answer briefly."}
    assert run(capsys, *args)[0] == 0
    plain = pd.read_csv(out, keep_default_na=False)
    assert set(plain.loc[plain["condition"] == "default", "system"]) == {""}
    default = lambda f: f.loc[f["condition"] == "default", "p_matching"].to_numpy()  # noqa: E731
    assert (default(steered) != default(plain)).any()


# -- 12: API misuse


def test_no_sweep_extract_or_collect_inside_a_steering_block(tiny, files):
    from caa_lens import steer
    from caa_lens.core.collect import collect
    from caa_lens.core.vectors import extract
    from caa_lens.evaluation.sweep import sweep

    v = SteeringVectors.load(files[2])
    items = ab_items(2)
    with steer(tiny, v, 1, 1.0):
        for call in (
            lambda: sweep(tiny, v, items, layers=[1], multipliers=[0.0], progress=False),
            lambda: extract(tiny, items, behavior="x", progress=False),
            lambda: collect(tiny, items, progress=False),
        ):
            with pytest.raises(ValueError, match="inside a `steer` block"):
                call()
    assert len(sweep(tiny, v, items, layers=[1], multipliers=[0.0], progress=False)) == 2  # gone afterwards


def test_steer_multipliers_must_match_the_batch(tiny, files):
    from caa_lens import steer

    v = SteeringVectors.load(files[2])
    with pytest.raises(ValueError, match="3 multipliers for a batch of 1"):
        with steer(tiny, v, 1, [1.0, 2.0, 3.0]):
            tiny(torch.tensor([[1, 2, 3]]))
    with steer(tiny, v, 1, [1.0, 2.0]):
        assert tiny(torch.tensor([[1, 2, 3], [4, 5, 6]])).shape[0] == 2


@pytest.mark.parametrize("batch_size", [-1, 0])
def test_generate_batch_size_is_checked(tiny, batch_size):
    from caa_lens import generate

    with pytest.raises(ValueError, match="batch_size must be a whole number of at least 1"):
        generate(tiny, ["hi"], max_new_tokens=2, batch_size=batch_size)


# -- 13: diagnostics that tell the truth


def _cd_items(n: int = 6) -> list[dict]:
    question = "Pick one. {}\n\nChoices:\n (A) a\n (B) b\n (C) c\n (D) d"
    return [
        {
            "question": question.format(i),
            "answer_matching_behavior": "(C)" if i % 2 else "(D)",
            "answer_not_matching_behavior": "(D)" if i % 2 else "(C)",
        }
        for i in range(n)
    ]


def test_datasets_check_reports_the_letters_present(tmp_path, capsys):
    path = tmp_path / "cd.json"
    path.write_text(json.dumps(_cd_items(6)))
    assert main(["datasets", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0%" not in out and "are (A)" not in out, out
    skewed = tmp_path / "skewed.json"
    skewed.write_text(json.dumps([{**x, "answer_matching_behavior": "(C)", "answer_not_matching_behavior": "(D)"} for x in _cd_items(6)]))  # fmt: skip
    assert main(["datasets", "check", str(skewed)]) == 1
    out = capsys.readouterr().out
    assert "C 100%" in out and "(A)" not in out, out


def test_letter_cosine_uses_the_letters_present(tiny_dir, tmp_path, capsys):
    path = tmp_path / "cd.json"
    path.write_text(json.dumps(_cd_items(6)))
    out = tmp_path / "v.safetensors"
    assert run(capsys, "vectors", "--model", tiny_dir, "--data", path, "--out", out)[0] == 0
    assert (SteeringVectors.load(out).letter_cosine.abs() > 1e-3).all()


def test_lone_surrogate_is_refused_at_load(files, tiny_dir, tmp_path, capsys):
    path = tmp_path / "sur.json"
    path.write_text(json.dumps([{**GOOD, "question": "Pick\ud800 one.\n (A) x\n (B) y"}]))
    code, err = run(capsys, "vectors", "--model", tiny_dir, "--data", path, "--out", tmp_path / "v.safetensors")
    assert code == 2 and str(path) in err and "item 0: field 'question'" in err and "U+D800" in err, err
    assert main(["datasets", "check", str(path)]) == 1
    assert "U+D800" in capsys.readouterr().out


def test_vectors_for_another_model_warn(files, tiny_dir, tmp_path, capsys):
    _, data, good = files
    other = _resave(good, tmp_path / "other.safetensors", meta={"model": "some-org/another-model"})
    code, err = run(capsys, *_sweep(tiny_dir, other, data, tmp_path / "s.csv", "--layers", "1"))
    assert code == 0 and "caa-lens: warning: these vectors were extracted on some-org/another-model" in err, err


def test_report_out_empty_is_refused(tiny_dir, capsys):
    code, err = run(capsys, "report", "--model", tiny_dir, "--out", "", "--behaviors", "sentiment")
    assert code == 2 and "output path is empty" in err, err


def test_a_report_that_skipped_every_behaviour_fails(tiny_dir, tmp_path, capsys):
    (tmp_path / "caa").mkdir()
    out = tmp_path / "rep"
    code, err = run(capsys, "report", "--model", tiny_dir, "--caa-root", tmp_path / "caa", "--behaviors", "sentiment", "--out", out)  # fmt: skip
    assert code == 2 and "no behaviour" in err and "sentiment" in err, err
    assert not (out / "report.html").exists()


# -- tracebacks and vague errors -> one line naming file, item and field


def test_deeply_nested_data_is_refused(files, tiny_dir, tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    code, err = run(capsys, "vectors", "--model", tiny_dir, "--data", path, "--out", tmp_path / "v.safetensors")
    assert code == 2 and str(path) in err and "nested too deeply" in err, err


@pytest.mark.parametrize(
    "device, message", [("bogus", "unknown device 'bogus'"), ("mps", "device 'mps' is not available")]
)
def test_unavailable_devices(device, message, files, tiny_dir, tmp_path, capsys):
    if device == "mps" and torch.backends.mps.is_available():
        pytest.skip("this machine has MPS")
    _, data, vectors = files
    code, err = run(capsys, *_sweep(tiny_dir, vectors, data, tmp_path / "s.csv", "--device", device))
    assert code == 2 and message in err, err


def test_a_file_size_limit_while_saving_vectors(files, tiny_dir, tmp_path, capsys):
    _, data, _ = files
    out = tmp_path / "v.safetensors"
    out.write_bytes(b"old")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    import caa_lens.core.vectors as vectors_module

    real_save = vectors_module.save_file

    def limited(*args, **kwargs):  # only the write of the vectors runs under the limit
        resource.setrlimit(resource.RLIMIT_FSIZE, (256, hard))
        try:
            return real_save(*args, **kwargs)
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))

    vectors_module.save_file = limited
    try:
        code, err = run(capsys, "vectors", "--model", tiny_dir, "--data", data, "--out", out)
    finally:
        vectors_module.save_file = real_save
    assert code == 2 and str(out) in err and err.count("caa-lens: error:") == 1, err
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["v.safetensors"]


@pytest.mark.parametrize("value", ["inf", "nan", "0", "-1"])
def test_judge_timeout_must_be_finite_and_positive(value, tmp_path, capsys):
    gens = tmp_path / "g.jsonl"
    gens.write_text("")
    args = ["judge", "--generations", gens, "--judge", "http", "--judge-model", "m", "--timeout", value]
    code, err = run(capsys, *args, "--out", tmp_path / "s.csv")
    assert code == 2 and f"'{value}' is not a finite number above 0" in err, err


@pytest.mark.parametrize(
    "content, message",
    [('"be nice"', "expected a JSON object"), ("[" * 100_000 + "]" * 100_000, "nested too deeply")],
)
def test_judge_rubric_file_is_checked(content, message, tmp_path, capsys):
    gens = tmp_path / "g.jsonl"
    gens.write_text(json.dumps({"behavior": "x", "layer": 1, "multiplier": 0, "item": 0}) + "\n")
    rubric = tmp_path / "rubric.json"
    rubric.write_text(content)
    args = ["judge", "--generations", gens, "--rubric", rubric, "--out", tmp_path / "s.csv"]
    code, err = run(capsys, *args)
    assert code == 2 and str(rubric) in err and message in err, err


@pytest.mark.parametrize("line", ["null", "5", '"text"', "[1]"])
def test_generations_lines_that_are_not_objects(line, tmp_path, capsys):
    gens = tmp_path / "g.jsonl"
    gens.write_text(line + "\n")
    code, err = run(capsys, "judge", "--generations", gens, "--out", tmp_path / "s.csv")
    assert code == 2 and f"{gens}: line 1" in err and "not a JSON object" in err, err


def test_a_pickle_checkpoint_is_refused(tiny_dir, tmp_path, capsys):
    import shutil

    folder = tmp_path / "pickled"
    shutil.copytree(tiny_dir, folder)
    for weights in folder.glob("*.safetensors"):
        weights.unlink()
    (folder / "pytorch_model.bin").write_bytes(b"\x80\x04K\x01.")  # a pickle
    code, err = run(capsys, "info", "--model", folder, "--load")
    assert code == 2 and str(folder) in err and "pytorch_model.bin" in err and "refused" in err, err


@pytest.mark.parametrize("seed", ["1e23", "-1", str(2**64)])
def test_seed_must_be_a_whole_number_in_range(seed, files, tmp_path, capsys):
    _, _, vectors = files
    prompts = tmp_path / "open.json"
    prompts.write_text(json.dumps([{"question": "How was your day?"}]))
    args = ["generate", "--vectors", vectors, "--data", prompts, "--layers", "1", "--seed", seed]
    code, err = run(capsys, *args, "--out", tmp_path / "g.jsonl")
    assert code == 2 and f"'{seed}' is not a whole number from 0 to" in err, err


@pytest.mark.parametrize("layers", ["\u00b2", "\u0663", "1-\u00b2"])
def test_layers_take_ascii_digits(layers, files, tiny_dir, tmp_path, capsys):
    _, data, vectors = files
    code, err = run(capsys, *_sweep(tiny_dir, vectors, data, tmp_path / "s.csv", "--layers", layers))
    assert code == 2 and "is not a layer" in err, err


def test_detect_empty_text(files, tiny_dir, capsys):
    _, _, vectors = files
    code, err = run(capsys, "detect", "--model", tiny_dir, "--vectors", vectors, "--layer", "1", "")
    assert code == 2 and "the text to score is empty" in err and "np." not in err, err


def test_interrupt_message_tells_the_truth(files, tmp_path, capsys, monkeypatch):
    import caa_lens.evaluation.judge as judge

    gens = tmp_path / "g.jsonl"
    from caa_lens.columns import GENERATION_COLUMNS

    row = {c: "x" for c in GENERATION_COLUMNS} | {"layer": 1, "multiplier": 0.0, "item": 0}
    gens.write_text(json.dumps(row) + "\n")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(judge, "score_generations", interrupted)
    monkeypatch.setattr(judge, "LocalJudge", lambda *a, **k: None)
    code, err = run(capsys, "judge", "--generations", gens, "--out", tmp_path / "s.csv")
    assert code == 130 and "resumes" not in err and "nothing was written" in err, err
