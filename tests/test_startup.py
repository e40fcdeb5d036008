"""The package and the CLI start fast: nothing heavy is imported until a name needs it."""

import subprocess
import sys
import time

import caa_lens as cl

HEAVY = ("torch", "transformers", "transformer_lens", "sklearn", "plotly", "pandas")


def _run(code: str) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def test_import_and_help_load_nothing_heavy_and_take_under_2s():
    check = f"import sys, caa_lens; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    seconds, out = _run(check)
    assert out.strip() == "[]" and seconds < 2.0, (seconds, out)
    check = (
        "import sys, contextlib, io\nfrom caa_lens.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n    except SystemExit: pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    seconds, out = _run(check)
    assert out.strip() == "[]" and seconds < 2.0, (seconds, out)


def test_lazy_names_resolve_to_the_library_objects():
    import importlib

    module = importlib.import_module("caa_lens.core.collect")  # loading the submodule must not shadow the function

    assert cl.collect is module.collect and callable(cl.collect)
    importlib.import_module("caa_lens.evaluation.transfer")
    assert callable(cl.transfer) and cl.transfer.__module__ == "caa_lens.evaluation.transfer"
    assert cl.sweep.__module__ == "caa_lens.evaluation.sweep" and cl.plotting.__name__ == "caa_lens.plotting"
    assert set(cl.__all__) <= set(dir(cl))
    assert all(getattr(cl, name) is not None for name in cl.__all__)
