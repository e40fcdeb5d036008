from . import typecheck as typecheck  # the checker pyproject.toml names: `tests.typecheck.checker`
