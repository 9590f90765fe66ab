"""Frozen records: what ``@dataclass(frozen=True)`` gives the data objects, for a fraction of its cost.

Every command of the command line is a new process, and on Python 3.11 the standard decorator
costs about 0.7 ms per class (six generated methods, each compiled from source) plus about 8 ms
for importing ``dataclasses`` itself (it imports ``inspect``, ``ast``, ``tokenize``…): with the
thirty data classes a query command loads, a fifth of its run. :func:`record` builds the same
class with one compiled ``__init__`` and shared methods:

- ``__init__`` takes the fields in order, positionally or by keyword, with their defaults
  (``field(default_factory=...)`` for a fresh mutable default); ``__post_init__`` runs when defined;
- instances are immutable (:class:`FrozenInstanceError`, an ``AttributeError``, as with dataclasses),
  compare equal when of the same class with equal fields, hash by their fields, print as
  ``Name(a=1, b='x')``, pickle and copy;
- :func:`replace` and :func:`as_dict` stand for ``dataclasses.replace`` and ``dataclasses.asdict``.

Only annotated class attributes are fields; annotations are read as written (``from __future__
import annotations`` keeps them as strings), and ``ClassVar`` ones are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_FIELDS = "__record_fields__"
_FACTORIES = "__record_factories__"
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Raised when a field of a record is assigned or deleted."""


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], Any]) -> Any:
    """A field whose default is made fresh for each instance (``field(default_factory=dict)``)."""
    return _Factory(default_factory)


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _repr(self: object) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in getattr(self, _FIELDS))
    return f"{type(self).__qualname__}({shown})"


def _values(self: object) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in getattr(self, _FIELDS))


def _eq(self: object, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: object) -> int:
    return hash(_values(self))


def _field_names(cls: type) -> tuple[str, ...]:
    names: list[str] = []
    for base in reversed(cls.__mro__[1:]):
        for name in getattr(base, _FIELDS, ()):
            if name not in names:
                names.append(name)
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063 (no inspect)
        written = annotation if isinstance(annotation, str) else repr(annotation)
        if written.startswith(("ClassVar", "typing.ClassVar")) or name in names:
            continue
        names.append(name)
    return tuple(names)


def _init(cls: type, names: tuple[str, ...], factories: dict[str, _Factory]) -> Callable[..., None]:
    """``__init__`` compiled for ``names``: each default is looked up once, by the class attribute
    (``factories``: the fields whose default is made fresh, this class's and its bases')."""
    scope: dict[str, Any] = {"_Factory": _Factory}
    params, body = ["self"], ["    _fields_ = self.__dict__"]
    required_after_default = False
    for name in names:
        default = factories.get(name) or getattr(cls, name, _MISSING)
        if default is _MISSING:
            if required_after_default:
                raise TypeError(f"non-default field {name!r} follows a default field in {cls.__name__}")
            params.append(name)
            body.append(f"    _fields_[{name!r}] = {name}")
            continue
        required_after_default = True
        if isinstance(default, _Factory):
            scope[f"_f_{name}"] = default.make
            params.append(f"{name}=_MISSING")
            body.append(f"    _fields_[{name!r}] = _f_{name}() if {name} is _MISSING else {name}")
        else:
            scope[f"_v_{name}"] = default
            params.append(f"{name}=_v_{name}")
            body.append(f"    _fields_[{name!r}] = {name}")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    scope["_MISSING"] = _MISSING
    source = f"def __init__({', '.join(params)}) -> None:\n" + "\n".join(body) + "\n"
    exec(source, scope)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init  # type: ignore[no-any-return]


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen record of its annotated attributes (see the module's documentation)."""
    names = _field_names(cls)
    for name in names:
        if not name.isidentifier() or name in ("self", "_fields_") or name.startswith(("_f_", "_v_")):
            raise TypeError(f"field name {name!r} cannot be used in {cls.__name__}")
    factories: dict[str, _Factory] = {}
    for base in reversed(cls.__mro__[1:]):
        factories.update(getattr(base, _FACTORIES, {}))
    own = {name: value for name, value in cls.__dict__.items() if isinstance(value, _Factory)}
    factories.update(own)
    init = _init(cls, names, factories)
    for name in own:  # a factory's marker is no class default; plain defaults stay, as with dataclasses
        delattr(cls, name)
    members: dict[str, Any] = {
        _FIELDS: names,
        _FACTORIES: factories,
        "__match_args__": names,
        "__init__": init,
        "__repr__": _repr,
        "__eq__": _eq,
        "__hash__": _hash,
        "__setattr__": _frozen_setattr,
        "__delattr__": _frozen_delattr,
    }
    for key, value in members.items():
        if (
            key in ("__repr__", "__eq__", "__hash__")
            and key in cls.__dict__
            and cls.__dict__[key] is not None
        ):
            continue  # the class's own
        type.__setattr__(cls, key, value)
    return cls


def is_record(value: object) -> bool:
    """True for a record instance (not for the class)."""
    return not isinstance(value, type) and hasattr(type(value), _FIELDS)


def fields(value: object) -> tuple[str, ...]:
    """The field names of a record (instance or class), in order."""
    found: tuple[str, ...] = getattr(value, _FIELDS)
    return found


def replace(value: T, /, **changes: Any) -> T:
    """A copy of the record ``value`` with ``changes`` (as ``dataclasses.replace``)."""
    names = fields(value)
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(value).__name__} has no field {sorted(unknown)[0]!r}")
    current = {name: getattr(value, name) for name in names if name not in changes}
    return type(value)(**current, **changes)


def as_dict(value: Any) -> Any:
    """Records as dicts of their fields, recursively through lists, tuples and dicts (as
    ``dataclasses.asdict``; other values are returned as they are, not deep-copied)."""
    if is_record(value):
        return {name: as_dict(getattr(value, name)) for name in fields(value)}
    if isinstance(value, list):
        return [as_dict(item) for item in value]
    if isinstance(value, tuple):
        items = [as_dict(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if isinstance(value, dict):
        return type(value)((as_dict(k), as_dict(v)) for k, v in value.items())
    return value
