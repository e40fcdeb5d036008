"""Hostile files and concurrent runs: script in names and text, path escapes, pipes and devices as inputs,
two runs on one output, resumes with other settings, file modes. Each case failed before its fix.
"""

import dataclasses
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caa_lens import SteeringVectors
from caa_lens._io import OutputInUse, locked, read_bytes, write_text
from caa_lens.cli import main
from caa_lens.cli._args import parse_layers

from .conftest import ab_items, write_items
from .test_hardening import run

CHROMIUM = Path("/usr/bin/chromium")
# Executed, this marks the page; the marker's spelling never appears in the source.
PAYLOAD = "<img src=x onerror=\"document.body.setAttribute('data-'+'pw'+'ned','1')\">"
SCRIPT = "<script>document.body.setAttribute('data-'+'pw'+'ned','1')</script>"
MARK = 'data-pwned="1"'


@pytest.fixture(scope="module")
def made(tiny_dir, tmp_path_factory):
    """A data file, vectors for the tiny model, and open-ended prompts."""
    root = tmp_path_factory.mktemp("files")
    data = write_items(root / "good.json", ab_items(6))
    vectors = root / "v.safetensors"
    assert main(["vectors", "--model", str(tiny_dir), "--data", str(data), "--out", str(vectors)]) == 0
    prompts = root / "open.json"
    prompts.write_text(json.dumps([{"question": "How was your day?"}, {"question": "Name a colour."}]))
    return root, data, vectors, prompts


def dom(page: Path, tmp_path: Path) -> str:
    """The DOM of `page` after its scripts ran, from headless Chromium."""
    if not CHROMIUM.exists():
        pytest.fail("this check needs /usr/bin/chromium")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--virtual-time-budget=2000"]  # fmt: skip
    profile = tmp_path / f"profile-{page.stem}"
    result = subprocess.run(
        [str(CHROMIUM), *flags, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "<body" in result.stdout, result.stderr[-2000:]
    return result.stdout


# -- 1. script injection -----------------------------------------------------------------------


def test_detect_html_runs_no_script_from_metadata_or_text(made, tiny_dir, tmp_path, capsys):
    _, _, vectors, _ = made
    hostile = tmp_path / "hostile.safetensors"
    dataclasses.replace(SteeringVectors.load(vectors), behavior=PAYLOAD).save(hostile)
    page = tmp_path / "detect.html"
    code, err = run(capsys, "detect", "--model", tiny_dir, "--vectors", hostile, "--layer", "1", "--html", page,
                    f"hello {SCRIPT} {PAYLOAD}")  # fmt: skip
    assert code == 0, err
    control = tmp_path / "control.html"  # the same payload unescaped: proves the check can see it run
    control.write_text(f"<!DOCTYPE html><html><body><p>{PAYLOAD}</p></body></html>")
    assert MARK in dom(control, tmp_path)
    shown = dom(page, tmp_path)
    assert MARK not in shown and "<img" not in shown and "<script" not in shown
    assert "&lt;img src=x onerror=" in shown  # the name is shown, as text


def test_report_page_helpers_escape_text(tmp_path):
    from caa_lens.report.html import page, section

    out = tmp_path / "page.html"
    write_text(out, page(PAYLOAD, section(PAYLOAD, f"{SCRIPT}{PAYLOAD}", "<p>body</p>")))
    shown = dom(out, tmp_path)
    assert MARK not in shown and "<img" not in shown and "<script" not in shown


# -- 2. behaviour names are identifiers ----------------------------------------------------------


@pytest.mark.parametrize("name", ["../../x", "a/b", "..", "x y", "/etc", ""])
def test_behaviour_names_cannot_escape_their_folders(name, made, tiny_dir, tmp_path, capsys):
    root = tmp_path / "caa"
    (root / "datasets" / "generate").mkdir(parents=True)
    out = tmp_path / "out" / "r"
    code, err = run(capsys, "report", "--model", tiny_dir, "--caa-root", root, "--behaviors", f"{name},sentiment",
                    "--out", out)  # fmt: skip
    if name:  # an empty name in a comma list is dropped; the list still holds 'sentiment'
        assert code == 2 and "is not an identifier" in err, err
    code, err = run(capsys, "vectors", "--model", tiny_dir, "--caa-root", root, "--behavior", name or "''",
                    "--out", tmp_path / "v.safetensors")  # fmt: skip
    assert code == 2 and "is not an identifier" in err, err
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and "out" not in p.parts[len(tmp_path.parts) :]]
    assert outside == [], outside


# -- 5/6. one run per output ---------------------------------------------------------------------


def test_a_second_generate_into_one_file_fails_at_once(made, tiny_dir, tmp_path, capsys):
    _, _, vectors, prompts = made
    out = tmp_path / "g.jsonl"
    args = ["generate", "--model", tiny_dir, "--vectors", vectors, "--data", prompts, "--layers", "1",
            "--multipliers", "0", "--max-new-tokens", "2", "--out", out]  # fmt: skip
    assert run(capsys, *args)[0] == 0
    before = out.read_text()
    with locked(out):  # what a live run holds
        code, err = run(capsys, *args, "--max-items", "1")
    assert code == 2 and f"{out} is being written by another caa-lens run (pid {os.getpid()})" in err, err
    assert out.read_text() == before


def test_a_second_report_into_one_folder_fails_at_once(tiny, tmp_path):
    from caa_lens.report.run import run_report

    with locked(tmp_path / "rep"), pytest.raises(OutputInUse, match="rep is being written by another"):
        run_report(tiny, ["sentiment"], tmp_path / "rep", progress=False)
    assert not (tmp_path / "rep" / "sentiment").exists()


def test_an_unfinished_behaviour_folder_is_cleared_before_a_rerun(tmp_path):
    from caa_lens.report.layout import ReportLayout

    files = ReportLayout(tmp_path).behavior("sentiment")
    files.folder.mkdir()
    for path in (files.transfer_csv, files.site_vectors("mlp_out"), files.figure("transfer")):
        path.write_text("from another run")
    keep = files.folder / "notes.txt"
    keep.write_text("mine")
    files.clear()
    assert sorted(p.name for p in files.folder.iterdir()) == ["notes.txt"]


def test_temporaries_of_a_live_writer_are_left_alone(tmp_path):
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        out = tmp_path / "g.jsonl"
        theirs = tmp_path / f".g.jsonl.{live.pid}.abcd1234.tmp"
        dead = tmp_path / ".g.jsonl.999999999.abcd1234.tmp"
        theirs.write_text("rows being written")
        dead.write_text("left by a killed run")
        write_text(out, "x\n")
        assert theirs.exists() and not dead.exists()
    finally:
        live.kill()
        live.wait()


# -- 7. resume key -------------------------------------------------------------------------------


def test_generate_refuses_to_resume_with_other_settings(made, tiny_dir, tmp_path, capsys):
    root, _, vectors, prompts = made
    other = tmp_path / "other.safetensors"
    data = write_items(tmp_path / "other.json", ab_items(6, seed=5))
    assert run(capsys, "vectors", "--model", tiny_dir, "--data", data, "--out", other)[0] == 0
    out = tmp_path / "g.jsonl"
    base = ["generate", "--model", tiny_dir, "--data", prompts, "--layers", "1", "--multipliers", "0",
            "--max-new-tokens", "2", "--dtype", "float32", "--out", out]  # fmt: skip
    assert run(capsys, *base, "--vectors", vectors)[0] == 0
    before = out.read_text()
    for extra, field in (
        (["--vectors", other], "vectors_sha256"),
        (["--vectors", vectors, "--system", "You are a pirate."], "system"),
        (["--vectors", vectors, "--format", "llama2"], "chat_format"),
        (["--vectors", vectors, "--dtype", "bfloat16"], "dtype"),
    ):
        code, err = run(capsys, *base, *extra)
        assert code == 2 and f"holds generations made with {{'{field}'" in err, (extra, err)
        assert out.read_text() == before
    assert run(capsys, *base, "--vectors", vectors)[0] == 0 and out.read_text() == before  # same settings: resumed


# -- 14. bounded inputs --------------------------------------------------------------------------


def test_layer_ranges_are_bounded_before_they_are_built():
    start = time.monotonic()
    with pytest.raises(ValueError, match="beyond any model"):
        parse_layers("1-99999999999", 0)
    with pytest.raises(ValueError, match="layers run from 0 to 3"):
        parse_layers("1-99999999999", 4)
    assert time.monotonic() - start < 1


@pytest.fixture
def specials(tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    return {"fifo": fifo, "dev_zero": zero}


@pytest.mark.parametrize("kind", ["fifo", "dev_zero"])
def test_pipes_and_devices_are_refused_as_inputs(kind, specials, made, tiny_dir, tmp_path, capsys):
    _, data, vectors, _ = made
    path = specials[kind]
    for args in (
        ["vectors", "--model", tiny_dir, "--data", path, "--out", tmp_path / "v.safetensors"],
        ["sweep", "--model", tiny_dir, "--vectors", path, "--data", data, "--out", tmp_path / "s.csv"],
        ["export", path, "--format", "llamacpp", "--out", tmp_path / "e.gguf"],
        ["judge", "--generations", path, "--out", tmp_path / "j.csv", "--model", tiny_dir],
        ["judge", "--generations", data, "--rubric", path, "--out", tmp_path / "j.csv", "--model", tiny_dir],
    ):
        code, err = run(capsys, *args)
        assert code == 2 and f"{path}: is not a regular file" in err, (args, err)


def test_inputs_over_the_limit_are_refused_by_name(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 101)
    with pytest.raises(ValueError, match=f"{big}: is 101 bytes; inputs are read up to 100 bytes"):
        read_bytes(big, limit=100)
    assert read_bytes(big, limit=101) == b" " * 101


# -- 16. file modes ------------------------------------------------------------------------------


def test_outputs_keep_modes_honour_the_umask_and_respect_protection(tmp_path):
    old = os.umask(0o077)
    try:
        new = write_text(tmp_path / "new.csv", "a\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    private = tmp_path / "private.csv"
    private.write_text("old\n")
    private.chmod(0o640)
    write_text(private, "new\n")
    assert stat.S_IMODE(private.stat().st_mode) == 0o640 and private.read_text() == "new\n"
    protected = tmp_path / "protected.csv"
    protected.write_text("keep\n")
    protected.chmod(0o444)
    with pytest.raises(PermissionError, match="write-protected"):
        write_text(protected, "new\n")
    assert protected.read_text() == "keep\n"
