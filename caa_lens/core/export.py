"""Write steering vectors in other tools' formats, and read those files back.

Each exported vector is `effective multiplier x v_L` (`scale.effective_multiplier`, so "raw" or
"relative" multipliers), placed where the other tool adds it to the same activation our `steer` does.

**llama.cpp control vector** (format "llamacpp"; `llama-cli --control-vector-scaled FILE SCALE`).
A GGUF file of 1-D f32 tensors `direction.N`, N >= 1 (llama.cpp `common/common.cpp`,
`common_control_vector_load_one`: a name that is not `direction.<int>`, N = 0, another type or
shape makes it skip the file). `src/llama-adapter.cpp` (`llama_adapter_cvec::apply`, `apply_to`)
puts direction.N into `tensors[N]`, and each model graph calls `build_cvec(cur, il)` on the output
of block il (0-based, after its MLP residual add): direction.N is added to the output of block N.
There is no slot for block 0's output, and nothing but block outputs is steered. So:

- `resid_post` of block L -> `direction.L` (L >= 1);
- `resid_pre` of block L (the output of block L-1) -> `direction.{L-1}` (L >= 2);
- other sites are refused.

The metadata follows llama.cpp's own writer (`tools/cvector-generator`): `general.architecture` =
"controlvector", `controlvector.model_hint` (the model's llama.cpp architecture, e.g. "llama" for
Llama 2 and SmolLM2, "qwen2" for Qwen2/2.5) and `controlvector.layer_count` (int32: the number of
tensors); llama.cpp's loader reads neither. `caa_lens.export` records where the file came from.
llama.cpp multiplies the tensors again by SCALE at load (1 keeps the multiplier baked in here).
(cvector-generator names the difference it reads at block N-1's output `direction.N`; where the
loader adds a tensor, not that naming, is what this mapping follows.)

**lm-evaluation-harness `steered` model** (format "lm-eval";
`lm_eval --model steered --model_args pretrained=HF_ID,steer_path=FILE.pt`). `lm_eval/models/hf_steered.py`
loads a `.pt`/`.pth` file holding a dict hookpoint -> {"steering_vector": (d_model,) tensor,
"steering_coefficient": float, "action": "add", "bias": None, "head_index": None} and adds
coefficient x vector to the output (first element of a tuple output) of the module whose name in
`model.base_model.named_modules()` is the hookpoint: names below the base model, so `layers.13`,
not `model.layers.13`, for Llama and Qwen2. Forward hooks see outputs only. So:

- `resid_post` of block L -> `layers.L`; `resid_pre` of block L -> `layers.{L-1}` (L >= 1);
- `attn_out` and `resid_mid` of block L -> `layers.L.self_attn` (resid_mid = resid_pre +
  attn_out, so adding to attention's output is adding at resid_mid, as `hooks.steer_name` does);
- `mlp_out` of block L -> `layers.L.mlp`.

The module names come from the loaded model's bridge mapping when `model` is given, else are
Llama/Qwen2's. The vector is stored as it is and the effective multiplier as the coefficient.
"""

import json
import re
from pathlib import Path

import torch

from .._io import write_atomic
from .._types import Direction
from .._version import __version__
from ..options import DEFAULT_SCALE, check_export_format
from .scale import effective_multiplier, scaled_vector

CONTROLVECTOR = "controlvector"
LLAMACPP_SITES = ("resid_post", "resid_pre")
LM_EVAL_SUFFIXES = (".pt", ".pth")
DEFAULT_LAYOUT = ("layers", "self_attn", "mlp")  # decoder layers, attention, MLP below the HF base model
_ARCH_OF_MODEL_TYPE = {"mistral": "llama"}  # HF model_type -> llama.cpp architecture, where they differ
_ARCH_OF_NAME = (("llama-2", "llama"), ("llama2", "llama"), ("smollm2", "llama"), ("qwen2", "qwen2"))
_NOT_OBVIOUS = ("moe", "-vl", "vision")  # variants with an architecture of their own


def export(
    vectors,
    path: str | Path,
    *,
    format: str,
    layers=None,
    multiplier: float = 1.0,
    scale: str = DEFAULT_SCALE,
    model=None,
) -> Path:
    """Write `vectors` as another tool's file (atomically); see the module docstring for the mapping.

    Args:
        vectors: the `SteeringVectors` to export.
        path: the file to write (lm-eval: ending in .pt or .pth).
        format: one of `options.EXPORT_FORMATS`.
        layers: our block indices to write (default: every layer the format can hold).
        multiplier: baked into the llama.cpp tensors; lm-eval's steering_coefficient.
        scale: "raw" or "relative" (`scale.effective_multiplier`).
        model: the loaded TransformerBridge the vectors are for, read for its architecture
            (llama.cpp's model_hint) and module names (lm-eval's hookpoints); default: inferred
            from the vectors' model name (llama.cpp) or Llama/Qwen2's names (lm-eval).

    Returns:
        The path written.

    Raises:
        ValueError: an unknown format, a site or layer the format cannot hold, a bad multiplier
            or scale, an lm-eval path without .pt/.pth, or an architecture that cannot be told.
    """
    check_export_format(format)
    if format == "lm-eval" and Path(path).suffix not in LM_EVAL_SUFFIXES:
        raise ValueError(f"lm-eval reads steering files only when their name ends in .pt or .pth, not {path}")
    if model is not None:
        vectors.check_model(model)
    factors = _factors(vectors, export_layers(vectors, format, layers), multiplier, scale)
    if format == "llamacpp":
        return _write_llamacpp(vectors, path, factors, model_hint(vectors, model), (multiplier, scale))
    return _write_lm_eval(vectors, path, factors, hf_layout(model))


def first_layer(format: str, site: str) -> int:
    """The lowest block whose vector at `site` the format can hold.

    Raises:
        ValueError: llama.cpp and a site other than resid_post / resid_pre.
    """
    if format == "llamacpp":
        if site not in LLAMACPP_SITES:
            raise ValueError(
                f"llama.cpp adds control vectors only to a block's output, so vectors at {site!r} cannot be "
                f"exported to it; extract vectors at resid_post (or resid_pre), or export to lm-eval"
            )
        return 2 if site == "resid_pre" else 1
    return 1 if site == "resid_pre" else 0


def export_layers(vectors, format: str, layers=None) -> list[int]:
    """Our block indices to write: `layers` checked against what the format can hold (None: all it can).

    Raises:
        ValueError: a layer out of range, given twice, or one the format cannot hold.
    """
    first = first_layer(format, vectors.site)
    if layers is None:
        layers = list(range(first, vectors.n_layers))
        if not layers:
            raise ValueError(f"{format} cannot hold any of these {vectors.n_layers} layers at {vectors.site}")
        return layers
    layers = vectors.check_layers(layers)
    twice = sorted({x for x in layers if layers.count(x) > 1})
    if twice:
        raise ValueError(f"layers {twice} are given more than once")
    early = [x for x in layers if x < first]
    if early:
        raise ValueError(f"{format} cannot hold {vectors.site} of layers {early}: {_why_not(format)}")
    return layers


def _why_not(format: str) -> str:
    if format == "llamacpp":
        return "llama.cpp never adds to the output of block 0 (direction.0 is refused) or to the embeddings"
    return "lm-eval hooks module outputs, and the input of block 0 is no module's output"


def _factors(vectors, layers: list[int], multiplier: float, scale: str) -> dict[int, float]:
    """Each layer's effective multiplier; ValueError where the scaled vector would not be finite in float32."""
    for layer in layers:
        scaled_vector(vectors, layer, multiplier, scale)  # refuses an overflow, and a zero vector at relative scale
    return {layer: effective_multiplier(vectors, layer, multiplier, scale) for layer in layers}


def direction_name(site: str, layer: int) -> str:
    """The llama.cpp tensor acting where a vector at `site` of our block `layer` acts."""
    return f"direction.{layer if site == 'resid_post' else layer - 1}"


def hookpoint(site: str, layer: int, layout: tuple[str, str, str] = DEFAULT_LAYOUT) -> str:
    """The lm-eval hookpoint acting where a vector at `site` of our block `layer` acts."""
    blocks, attn, mlp = layout
    if site in ("resid_post", "resid_pre"):
        return f"{blocks}.{layer if site == 'resid_post' else layer - 1}"
    return f"{blocks}.{layer}.{mlp if site == 'mlp_out' else attn}"


def model_hint(vectors, model=None) -> str:
    """llama.cpp's architecture name for the vectors' model: from `model`'s HF config, else from the name.

    Raises:
        ValueError: `model` has no HF config, or the name does not tell the architecture.
    """
    if model is not None:
        model_type = getattr(getattr(getattr(model, "original_model", None), "config", None), "model_type", None)
        if not model_type:
            raise ValueError("cannot read the architecture of the given model: it has no HF config model_type")
        return _ARCH_OF_MODEL_TYPE.get(model_type, model_type)
    name = Path(vectors.model).name.lower()
    arch = next((arch for key, arch in _ARCH_OF_NAME if key in name), None)
    if arch is None or any(word in name for word in _NOT_OBVIOUS):
        raise ValueError(
            f"cannot tell llama.cpp's architecture for {vectors.model!r} from its name; "
            f"pass the loaded model (model=, or --model NAME on the command line)"
        )
    return arch


def hf_layout(model=None) -> tuple[str, str, str]:
    """(decoder layers, attention, MLP) module names below the HF base model, as lm-eval names hookpoints.

    Raises:
        ValueError: `model` is not a TransformerBridge whose block mapping can be read.
    """
    if model is None:
        return DEFAULT_LAYOUT
    try:
        blocks = model.adapter.component_mapping["blocks"]
        prefix = model.original_model.base_model_prefix
        return blocks.name.removeprefix(f"{prefix}."), blocks.submodules["attn"].name, blocks.submodules["mlp"].name
    except (AttributeError, KeyError) as e:
        raise ValueError(f"cannot read the module names of the given model ({e!r}); pass a TransformerBridge") from None


def _write_llamacpp(vectors, path, factors: dict[int, float], hint: str, how: tuple[float, str]) -> Path:
    import gguf

    source = {"model": vectors.model, "behavior": vectors.behavior, "site": vectors.site, "layers": list(factors)}
    source |= {"multiplier": how[0], "scale": how[1], "version": __version__}

    def write(tmp: Path) -> None:
        writer = gguf.GGUFWriter(tmp, CONTROLVECTOR)
        writer.add_string(f"{CONTROLVECTOR}.model_hint", hint)
        writer.add_int32(f"{CONTROLVECTOR}.layer_count", len(factors))
        writer.add_string("caa_lens.export", json.dumps(source))
        for layer, factor in factors.items():
            tensor = (vectors.directions[layer].detach().cpu().double() * factor).float()
            writer.add_tensor(direction_name(vectors.site, layer), tensor.numpy())
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()

    return write_atomic(path, write)


def _write_lm_eval(vectors, path, factors: dict[int, float], layout: tuple[str, str, str]) -> Path:
    config = {
        hookpoint(vectors.site, layer, layout): {
            "steering_vector": vectors.directions[layer].detach().to("cpu", torch.float32).clone(),  # own storage
            "steering_coefficient": float(factor),
            "action": "add",
            "bias": None,
            "head_index": None,
        }
        for layer, factor in factors.items()
    }
    return write_atomic(path, lambda tmp: torch.save(config, tmp))


def read_llamacpp(path: str | Path) -> dict[int, Direction]:
    """The tensors of a llama.cpp control vector by llama.cpp's N (added to block N's output).

    Checked as llama.cpp's loader checks them: names `direction.N` with N >= 1, 1-D f32, one length.

    Raises:
        ValueError: not a GGUF file, or a tensor llama.cpp would refuse.
    """
    import gguf
    import numpy as np

    try:
        reader = gguf.GGUFReader(path)
    except (ValueError, OSError) as e:
        raise ValueError(f"{path}: not a GGUF file ({e})") from None
    found = {}
    for tensor in reader.tensors:
        match = re.fullmatch(r"direction\.(\d+)", tensor.name)
        if not match or int(match[1]) == 0:
            raise ValueError(f"{path}: tensor {tensor.name!r} is not direction.N with N >= 1")
        if tensor.tensor_type != gguf.GGMLQuantizationType.F32 or len(tensor.shape) != 1:
            raise ValueError(f"{path}: {tensor.name} is not a 1-D f32 tensor")
        found[int(match[1])] = torch.from_numpy(np.array(tensor.data, dtype=np.float32))
    if len({len(v) for v in found.values()}) > 1:
        raise ValueError(f"{path}: the direction tensors differ in length")
    return dict(sorted(found.items()))
