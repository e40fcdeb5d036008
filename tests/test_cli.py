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
    assert (
        main(["vectors", "--model", str(tiny_dir), "--data", str(data), "--variant", "balanced", "--out", str(vec)])
        == 0
    )
    assert SteeringVectors.load(vec).variant == "balanced"
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


def test_info(capsys):
    assert main(["info"]) == 0
    assert "caa_lens" in capsys.readouterr().out
