"""``base.Step`` built by the compiled ``_cplausible.step_new`` (its ``__new__`` where
built) equals, field by field and in type, what ``NamedTuple``'s own ``__new__`` (kept as
``base._STEP_NEW``, the reference) builds, by place or by name; wrong calls raise."""

from __future__ import annotations

import pickle

import pytest

from textfix.repair import base
from textfix.repair.base import Step

compiled = pytest.mark.skipif(base._CPLAUSIBLE is None, reason="_cplausible is not built")

_CHAIN = (("utf-8", "cp1252"),)


@compiled
def test_compiled_new_is_used() -> None:
    assert Step.__new__ is not base._STEP_NEW


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("café", _CHAIN, 0.99), {}),
        (("x", (), 0.3), {}),
        (("x",), {"chain": _CHAIN, "confidence": 0.5}),
        ((), {"confidence": 1.0, "text": "t", "chain": ()}),
    ],
)
def test_same_as_the_reference(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    made = Step(*args, **kwargs)  # type: ignore[arg-type]
    reference = base._STEP_NEW(Step, *args, **kwargs)
    assert type(made) is type(reference) is Step
    assert made == reference and tuple(made) == tuple(reference)
    assert (made.text, made.chain, made.confidence) == tuple(reference)
    assert repr(made) == repr(reference)
    assert pickle.loads(pickle.dumps(made)) == made
    assert made._replace(confidence=0.1) == reference._replace(confidence=0.1)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("x", ()), {}),
        (("x", (), 1.0, 2), {}),
        (("x", ()), {"text": "y"}),
        (("x", ()), {"sure": 1}),
    ],
)
def test_wrong_calls_raise(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        Step(*args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        base._STEP_NEW(Step, *args, **kwargs)
