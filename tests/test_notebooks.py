"""Execute the numbered notebooks on SmolLM2-135M (CAA_LENS_MODEL picks the model; each takes about a minute)."""

import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.integration

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_the_numbered_notebooks_are_the_story_the_readme_tells():
    """Breaks when a notebook is renamed, lost or renumbered, or the README stops pointing at them."""
    names = [p.stem for p in NOTEBOOKS]
    assert names == [
        "01_quickstart", "02_layer_sweeps", "03_geometry_pca", "04_token_detection", "05_system_prompts_open_ended"
    ]  # fmt: skip
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert "notebooks/01_quickstart" in readme and "05_system_prompts_open_ended" in readme


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_thin_and_runs(path, tmp_path, monkeypatch):
    book = nbformat.read(path, as_version=4)
    code = [cell for cell in book.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code), (
        f"{path.name}: commit it without outputs"
    )
    assert not any(
        line.lstrip().startswith(("def ", "class ")) for cell in code for line in cell.source.splitlines()
    ), f"{path.name}: move definitions into the library"
    assert book.cells[0].cell_type == "markdown" and book.cells[0].source.startswith("# ")
    # the kernel is this interpreter's (ipykernel's own "python3" spec runs sys.executable)
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("CAA_LENS_MODEL", "smollm2-135m-instruct")  # fast; nothing steers on it
    client = NotebookClient(book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
