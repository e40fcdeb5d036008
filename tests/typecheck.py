"""The run-time type checker the tests give jaxtyping (`--jaxtyping-packages` in pyproject.toml).

beartype with PEP 484's numeric tower: an `int` is accepted where `float` is annotated, as every
static type checker accepts it.
"""

from beartype import BeartypeConf, beartype

checker = beartype(conf=BeartypeConf(is_pep484_tower=True))
