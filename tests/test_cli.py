import pandas as pd

from caa_lens import SteeringVectors
from caa_lens.cli import main, parse_layers

from .conftest import ab_items, write_items


def test_parse_layers():
    assert parse_layers("all", 3) == [0, 1, 2]
    assert parse_layers("0-2,5", 30) == [0, 1, 2, 5]


def test_vectors_sweep_steer(tiny_dir, tmp_path, capsys):
    data = write_items(tmp_path / "d.json", ab_items(6))
    vec = tmp_path / "v.safetensors"
    assert main(["vectors", "--model", str(tiny_dir), "--data", str(data), "--out", str(vec)]) == 0
    assert SteeringVectors.load(vec).variant == "balanced"  # the default
    out = tmp_path / "s.csv"
    args = [
        "sweep",
        "--model",
        str(tiny_dir),
        "--vectors",
        str(vec),
        "--data",
        str(data),
        "--layers",
        "1-2",
        "--multipliers",
        "-1,0,1",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    frame = pd.read_csv(out)
    assert {"behavior", "layer", "multiplier", "scale", "item", "p_matching", "letter_mass"} <= set(frame.columns)
    assert len(frame) == 6 * 2 * 3 and "held-out" in capsys.readouterr().out
    assert (
        main(
            [
                "steer",
                "--model",
                str(tiny_dir),
                "--vectors",
                str(vec),
                "--layer",
                "1",
                "--multiplier",
                "2",
                "--max-new-tokens",
                "5",
                "--compare",
                "Hello",
            ]
        )
        == 0
    )
    assert "multiplier +2 raw" in capsys.readouterr().out


def test_bad_data_is_a_clear_error(tiny_dir, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"question": "x (A) y (B) z"}]')
    assert (
        main(["vectors", "--model", str(tiny_dir), "--data", str(bad), "--out", str(tmp_path / "v.safetensors")]) == 2
    )
    assert "item 0: missing field 'answer_matching_behavior'" in capsys.readouterr().err
    assert not (tmp_path / "v.safetensors").exists()


def test_max_pairs_takes_a_letter_balanced_subset(tiny_dir, tmp_path):
    items = sorted(ab_items(12), key=lambda x: x.matching)  # six A-matching items, then six B-matching
    data, vec, out = write_items(tmp_path / "d.json", items), tmp_path / "v.safetensors", tmp_path / "s.csv"
    model = ["--model", str(tiny_dir), "--data", str(data)]
    assert main(["vectors", *model, "--max-pairs", "4", "--out", str(vec)]) == 0
    assert SteeringVectors.load(vec).n_pairs == 4
    sweep = ["sweep", *model, "--max-pairs", "5", "--vectors", str(vec), "--layers", "1", "--multipliers", "0"]
    assert main([*sweep, "--out", str(out)]) == 0
    assert pd.read_csv(out).sort_values("item")["matching_letter"].tolist() == ["A", "B", "A", "B", "A"]


def test_info(capsys):
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "caa_lens" in out
    for name in ("smollm2-135m-instruct", "qwen2.5-coder-0.5b-instruct", "qwen2.5-coder-1.5b-instruct"):
        assert f"  {name}" in out and "not installed" not in out.split(name)[1].splitlines()[0]


def test_sites_ablation_and_system_prompts_from_the_cli(tiny_dir, tmp_path, capsys):
    data = write_items(tmp_path / "d.json", ab_items(6))
    model = ["--model", str(tiny_dir)]
    files = {site: tmp_path / f"{site}.safetensors" for site in ("resid_post", "mlp_out")}
    for site, path in files.items():
        assert main(["vectors", *model, "--data", str(data), "--site", site, "--out", str(path)]) == 0
        assert SteeringVectors.load(path).site == site
    out = tmp_path / "s.csv"
    vectors = ["--vectors", *map(str, files.values())]
    args = ["sweep", *model, *vectors, "--data", str(data), "--layers", "1", "--multipliers=-1,1", "--out", str(out)]
    assert main([*args, "--operator", "ablate"]) == 0
    frame = pd.read_csv(out)
    assert set(frame["site"]) == set(files) and set(frame["operator"]) == {"ablate"} and len(frame) == 2 * 2 * 6
    steer = ["steer", *model, "--vectors", str(files["mlp_out"]), "--layer", "1", "--multiplier", "0"]
    assert main([*steer, "--operator", "ablate", "--max-new-tokens", "3", "Hello"]) == 0
    assert "ablate at mlp_out" in capsys.readouterr().out
    systems = ["systems", *model, "--vectors", str(files["resid_post"]), "--data", str(data), "--layer", "1"]
    out = tmp_path / "sys.csv"
    assert (
        main([*systems, "--multiplier", "1", "--positive", "Say yes.", "--negative", "Say no.", "--out", str(out)]) == 0
    )
    frame = pd.read_csv(out)
    assert list(frame["condition"].unique()) == ["default", "positive", "negative"] and len(frame) == 3 * 3 * 6
    assert "change_sem" in capsys.readouterr().out
