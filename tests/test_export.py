from pathlib import Path

import gguf
import pytest
import torch

from caa_lens.cli import main
from caa_lens.core.export import export, hf_layout, model_hint, read_llamacpp
from caa_lens.core.steering import steer
from caa_lens.core.vectors import SteeringVectors


def read_lm_eval(path: str | Path) -> dict:
    """Test-side reader (the library never calls torch.load): an lm-eval steering file, loaded with `torch.load(weights_only=True)` (never unrestricted pickle).

    Checked as lm-eval's loader reads it: hookpoint -> dict with an "add" or "clamp" action, a
    tensor steering_vector, and no bias for "add".

    Raises:
        ValueError: unreadable, or not in that shape.
    """
    try:
        config = torch.load(path, weights_only=True)
    except Exception as e:  # torch raises UnpicklingError, RuntimeError, EOFError, ... for a bad file
        raise ValueError(f"{path}: not a steering file that loads with weights_only=True ({e})") from None
    if not isinstance(config, dict) or not all(isinstance(k, str) and isinstance(v, dict) for k, v in config.items()):
        raise ValueError(f"{path}: an lm-eval steering file is a dict of hookpoint -> settings")
    for name, info in config.items():
        if info.get("action") not in ("add", "clamp") or not isinstance(info.get("steering_vector"), torch.Tensor):
            raise ValueError(f"{path}: {name} needs an action 'add' or 'clamp' and a tensor steering_vector")
        if info["action"] == "add" and info.get("bias") is not None:
            raise ValueError(f"{path}: {name}: lm-eval refuses a bias with the 'add' action")
    return config


META = dict(
    model="meta-llama/Llama-2-7b-chat-hf", behavior="b", n_pairs=3, dataset_sha256="0" * 64, chat_format="llama2"
)
# our site and block 2 -> where lm-eval adds it (a module name below the HF base model)
HOOKPOINTS = {
    "resid_post": "layers.2",
    "resid_pre": "layers.1",
    "attn_out": "layers.2.self_attn",
    "resid_mid": "layers.2.self_attn",
    "mlp_out": "layers.2.mlp",
}


def make(site="resid_post", n_layers=5, d_model=8, seed=0, only=None, **meta):
    """Random vectors (all zero but layer `only`, when given)."""
    g = torch.Generator().manual_seed(seed)
    directions = torch.randn(n_layers, d_model, generator=g)
    if only is not None:
        directions[torch.arange(n_layers) != only] = 0
    resid_norm = torch.rand(n_layers, generator=g) + 1
    return SteeringVectors(directions, resid_norm, torch.zeros(n_layers), site=site, **(META | meta))


def field(path, key):
    return gguf.GGUFReader(path).get_field(key).contents()


def test_llamacpp_round_trip_and_metadata(tmp_path):
    vecs = make()
    path = vecs.export(tmp_path / "v.gguf", multiplier=2.5)
    read = read_llamacpp(path)
    assert list(read) == [1, 2, 3, 4]  # block 0's output has no slot in llama.cpp
    for layer, tensor in read.items():
        torch.testing.assert_close(tensor, 2.5 * vecs.directions[layer])
    assert field(path, "general.architecture") == "controlvector"
    assert field(path, "controlvector.model_hint") == "llama"
    assert field(path, "controlvector.layer_count") == 4
    assert all(t.tensor_type == gguf.GGMLQuantizationType.F32 for t in gguf.GGUFReader(path).tensors)


@pytest.mark.parametrize(("site", "layer", "name"), [("resid_post", 3, 3), ("resid_pre", 3, 2), ("resid_post", 1, 1)])
def test_llamacpp_numbering(tmp_path, site, layer, name):
    vecs = make(site=site, only=layer)
    read = read_llamacpp(export(vecs, tmp_path / "v.gguf", format="llamacpp", layers=[layer]))
    assert list(read) == [name]
    torch.testing.assert_close(read[name], vecs.directions[layer])


def test_relative_scale_is_baked_in(tmp_path):
    vecs = make()
    read = read_llamacpp(vecs.export(tmp_path / "v.gguf", layers=[2], multiplier=-0.5, scale="relative"))
    expected = -0.5 * vecs.resid_norm[2] / vecs.directions[2].norm() * vecs.directions[2]
    torch.testing.assert_close(read[2], expected)
    assert read[2].norm().item() == pytest.approx(0.5 * vecs.resid_norm[2].item(), rel=1e-5)


@pytest.mark.parametrize("site", list(HOOKPOINTS))
def test_lm_eval_round_trip_and_hookpoints(tmp_path, site):
    vecs = make(site=site)
    config = read_lm_eval(vecs.export(tmp_path / "v.pt", format="lm-eval", multiplier=-2.0))
    assert len(config) == (4 if site == "resid_pre" else 5)
    info = config[HOOKPOINTS[site]]
    torch.testing.assert_close(info["steering_coefficient"] * info["steering_vector"], -2.0 * vecs.directions[2])
    assert (info["action"], info["bias"], info["head_index"]) == ("add", None, None)
    assert info["steering_vector"].untyped_storage().nbytes() == 8 * 4  # its own storage, not all layers'


def test_lm_eval_one_layer(tmp_path):
    vecs = make(only=4)
    config = read_lm_eval(export(vecs, tmp_path / "v.pth", format="lm-eval", layers=[4]))
    assert list(config) == ["layers.4"]
    torch.testing.assert_close(config["layers.4"]["steering_vector"], vecs.directions[4])


@pytest.mark.parametrize(
    ("site", "fmt", "layers", "path", "message"),
    [
        ("resid_post", "onnx", None, "v.gguf", "unknown export format"),
        ("attn_out", "llamacpp", None, "v.gguf", "only to a block's output"),
        ("mlp_out", "llamacpp", [2], "v.gguf", "only to a block's output"),
        ("resid_mid", "llamacpp", [2], "v.gguf", "only to a block's output"),
        ("resid_post", "llamacpp", [0, 2], "v.gguf", r"layers \[0\].*block 0"),
        ("resid_pre", "llamacpp", [1], "v.gguf", r"layers \[1\].*block 0"),
        ("resid_pre", "lm-eval", [0], "v.pt", r"layers \[0\].*input of block 0"),
        ("resid_post", "llamacpp", [5], "v.gguf", r"layers \[5\] are out of range 0..4"),
        ("resid_post", "lm-eval", [-1], "v.pt", "out of range"),
        ("resid_post", "lm-eval", [2, 2], "v.pt", "more than once"),
        ("resid_post", "lm-eval", None, "v.bin", r"\.pt or \.pth"),
    ],
)
def test_refusals_name_the_problem(tmp_path, site, fmt, layers, path, message):
    with pytest.raises(ValueError, match=message):
        export(make(site=site), tmp_path / path, format=fmt, layers=layers)
    assert not list(tmp_path.iterdir())


def test_bad_multiplier_and_scale(tmp_path):
    with pytest.raises(ValueError, match="finite"):
        export(make(), tmp_path / "v.gguf", format="llamacpp", multiplier=float("nan"))
    with pytest.raises(ValueError, match="unknown scale"):
        export(make(), tmp_path / "v.pt", format="lm-eval", scale="log")


@pytest.mark.parametrize(
    ("name", "arch"),
    [
        ("meta-llama/Llama-2-13b-chat-hf", "llama"),
        ("SmolLM2-135M-Instruct", "llama"),
        ("Qwen2.5-Coder-0.5B-Instruct", "qwen2"),
    ],
)
def test_model_hint_from_name(name, arch):
    assert model_hint(make(model=name)) == arch


@pytest.mark.parametrize("name", ["/tmp/my-model", "Qwen2-57B-A14B-MoE", "Qwen2.5-VL-7B", "gpt2"])
def test_unclear_model_name_asks_for_the_model(tmp_path, name):
    with pytest.raises(ValueError, match="cannot tell llama.cpp's architecture.*pass the loaded model"):
        make(model=name).export(tmp_path / "v.gguf")


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    targets = (("v.gguf", "llamacpp"), ("v.pt", "lm-eval"))
    for name, _ in targets:
        (tmp_path / name).write_bytes(b"old")

    def half_then_fail(self, *args, **kwargs):
        self.fout[0].write(b"partial")
        raise OSError("disk full")

    def save_half(obj, f):
        open(f, "wb").write(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr(gguf.GGUFWriter, "write_tensors_to_file", half_then_fail)
    monkeypatch.setattr(torch, "save", save_half)
    for name, fmt in targets:
        with pytest.raises(OSError, match="disk full"):
            export(make(), tmp_path / name, format=fmt)
        assert (tmp_path / name).read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.gguf", "v.pt"]  # no temporary file left


def test_readers_refuse_other_files(tmp_path):
    (tmp_path / "x.gguf").write_bytes(b"not gguf")
    with pytest.raises(ValueError, match="not a GGUF file"):
        read_llamacpp(tmp_path / "x.gguf")
    torch.save(
        {"layers.1": {"action": "add", "steering_vector": torch.ones(3), "bias": torch.ones(3)}}, tmp_path / "b.pt"
    )
    with pytest.raises(ValueError, match="bias"):
        read_lm_eval(tmp_path / "b.pt")
    writer = gguf.GGUFWriter(tmp_path / "zero.gguf", "controlvector")
    writer.add_tensor("direction.0", torch.ones(3).numpy())
    writer.write_header_to_file(), writer.write_kv_data_to_file(), writer.write_tensors_to_file(), writer.close()
    with pytest.raises(ValueError, match="direction.N with N >= 1"):
        read_llamacpp(tmp_path / "zero.gguf")


def test_cli_export(tmp_path, capsys):
    vecs = make()
    source = vecs.save(tmp_path / "v.safetensors")
    out = tmp_path / "out" / "v.gguf"
    args = ["export", str(source), "--format", "llamacpp", "--out", str(out), "--layers", "2-3"]
    assert main([*args, "--multiplier", "-1.5"]) == 0
    assert "llama-cli" in capsys.readouterr().out
    read = read_llamacpp(out)
    assert list(read) == [2, 3]
    torch.testing.assert_close(read[3], -1.5 * vecs.directions[3])
    assert main(["export", str(source), "--format", "lm-eval", "--out", str(tmp_path / "v.pt")]) == 0
    assert list(read_lm_eval(tmp_path / "v.pt")) == [f"layers.{layer}" for layer in range(5)]


def test_cli_errors_exit_2(tmp_path, capsys):
    source = make(site="mlp_out").save(tmp_path / "mlp.safetensors")
    assert main(["export", str(source), "--format", "llamacpp", "--out", str(tmp_path / "v.gguf")]) == 2
    assert "only to a block's output" in capsys.readouterr().err
    source = make(model="/tmp/my-model").save(tmp_path / "local.safetensors")
    assert main(["export", str(source), "--format", "llamacpp", "--out", str(tmp_path / "v.gguf")]) == 2
    assert "--model" in capsys.readouterr().err
    assert not (tmp_path / "v.gguf").exists()


def test_model_supplies_architecture_and_module_names(tiny, tmp_path):
    vecs = make(n_layers=tiny.cfg.n_layers, d_model=tiny.cfg.d_model, model="/tmp/unknown-name", site="attn_out")
    assert model_hint(vecs, tiny) == "llama"
    assert hf_layout(tiny) == ("layers", "self_attn", "mlp")
    assert list(read_lm_eval(vecs.export(tmp_path / "v.pt", format="lm-eval", model=tiny, layers=[1]))) == [
        "layers.1.self_attn"
    ]
    resid = make(n_layers=tiny.cfg.n_layers, d_model=tiny.cfg.d_model, model="/tmp/unknown-name")
    assert field(resid.export(tmp_path / "v.gguf", model=tiny), "controlvector.model_hint") == "llama"
    with pytest.raises(ValueError, match="layers x"):
        make(model="x").export(tmp_path / "w.gguf", model=tiny)  # 5 x 8 vectors, 4 x 64 model


# Parity: each tool's own way of applying the file, re-enacted on a fresh HF model, equals our steering.


@pytest.fixture(scope="module")
def hf_tiny(tiny_dir):
    from transformers import AutoModelForCausalLM

    return AutoModelForCausalLM.from_pretrained(tiny_dir, dtype=torch.float32).eval()


def lm_eval_adds(hf_model, config) -> dict:
    """module -> vector, resolved as lm-eval's `steer` does (names in `base_model.named_modules()`)."""
    modules = dict(hf_model.base_model.named_modules())
    missing = [name for name in config if name not in modules]
    if missing:
        raise ValueError(f"Not all hookpoints could be resolved: {missing}")
    return {modules[n]: float(c["steering_coefficient"]) * c["steering_vector"] for n, c in config.items()}


def llamacpp_adds(hf_model, path) -> dict:
    """block output -> vector, as llama.cpp's loader fills its per-layer buffer and adds tensors[il] to l_out of il."""
    n_layer = hf_model.config.num_hidden_layers
    tensors = {int(t.name.split(".")[1]): torch.tensor(t.data) for t in gguf.GGUFReader(path).tensors}
    n_embd = len(next(iter(tensors.values())))
    data = torch.zeros(n_embd * max(tensors))
    for n, t in tensors.items():
        data[n_embd * (n - 1) : n_embd * n] += t  # layer 1 at [0]
    layers = hf_model.base_model.layers
    return {layers[il]: data[n_embd * (il - 1) : n_embd * il] for il in range(1, n_layer) if n_embd * il <= len(data)}


def hf_logits(hf_model, ids, adds: dict):
    def hook(module, inputs, output):
        add = adds[module]
        return (output[0] + add, *output[1:]) if isinstance(output, tuple) else output + add

    handles = [module.register_forward_hook(hook) for module in adds]
    try:
        with torch.no_grad():
            return hf_model(ids).logits
    finally:
        for handle in handles:
            handle.remove()


@pytest.mark.parametrize(
    ("fmt", "site", "layer"),
    [
        ("lm-eval", "resid_post", 2),
        ("lm-eval", "resid_pre", 2),
        ("lm-eval", "attn_out", 1),
        ("lm-eval", "resid_mid", 3),
        ("lm-eval", "mlp_out", 0),
        ("llamacpp", "resid_post", 1),
        ("llamacpp", "resid_post", 3),
        ("llamacpp", "resid_pre", 2),
    ],
)
def test_exported_file_steers_like_caa_lens(tiny, hf_tiny, tmp_path, fmt, site, layer):
    cfg = tiny.cfg
    vecs = make(site=site, n_layers=cfg.n_layers, d_model=cfg.d_model, seed=layer)
    ids = torch.tensor([tiny.tokenizer("Is the sky blue? Choices: (A) Yes (B) No.")["input_ids"]])
    path = vecs.export(
        tmp_path / ("v.pt" if fmt == "lm-eval" else "v.gguf"), format=fmt, layers=[layer], multiplier=3.0, model=tiny
    )
    adds = lm_eval_adds(hf_tiny, read_lm_eval(path)) if fmt == "lm-eval" else llamacpp_adds(hf_tiny, path)
    with torch.no_grad():
        base = tiny(ids)
        with steer(tiny, vecs, layer=layer, multiplier=3.0):
            ours = tiny(ids)
    torch.testing.assert_close(hf_logits(hf_tiny, ids, {}), base, rtol=1e-4, atol=1e-4)
    theirs = hf_logits(hf_tiny, ids, adds)
    assert (ours - base).abs().max() > 0.1  # the vector matters here
    torch.testing.assert_close(theirs, ours, rtol=1e-4, atol=1e-4)
