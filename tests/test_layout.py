"""The package's import graph: data flows one way (datasets -> core -> evaluation / analysis ->
plotting -> report -> cli) and no module imports itself through others, at module level or inside
a function."""

import ast
import subprocess
import sys
from pathlib import Path

import caa_lens

ROOT = Path(caa_lens.__file__).parent
# the top-level helpers, then each sub-package, in the order data flows
RANK = {
    "options": 0, "columns": 0, "_types": 0, "_io": 0, "_version": 0,
    "datasets": 1, "core": 2, "evaluation": 3, "analysis": 3, "plotting": 4, "report": 5, "cli": 6, "__init__": 7,
}  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every caa_lens module `path` imports, anywhere in the file (but for type checkers only)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text())
    typing_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for n in ast.walk(block)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if _exists(candidate) else base)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.startswith("caa_lens") and m != name and m != "caa_lens"}


def _exists(module: str) -> bool:
    path = ROOT.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in ROOT.rglob("*.py")}


def part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_part_has_a_rank():
    assert {part(m) for m in graph()} <= set(RANK)


def test_no_import_goes_upstream():
    upward = [
        (m, d)
        for m, deps in graph().items()
        for d in deps
        if part(m) != part(d) and RANK[part(d)] >= RANK[part(m)] and part(m) != "__init__"
    ]
    assert not upward, upward


def test_no_cycles():
    g = graph()
    done, stack, cycles = set(), [], []

    def visit(m):
        if m in stack:
            cycles.append(stack[stack.index(m) :] + [m])
            return
        if m in done:
            return
        stack.append(m)
        for d in sorted(g.get(m, ())):
            visit(d)
        stack.pop()
        done.add(m)

    for m in sorted(g):
        visit(m)
    assert not cycles, cycles


def test_plotting_imports_no_torch():
    code = "import sys, caa_lens.plotting; bad = {'torch', 'transformers', 'sklearn'} & set(sys.modules); print(sorted(bad))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
