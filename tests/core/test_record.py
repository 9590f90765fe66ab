"""desktop.core.record against the dataclasses it stands for."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import ClassVar

import pytest

from desktop.core.record import FrozenInstanceError, as_dict, field, fields, is_record, record, replace


@record
class Point:
    """A point."""

    x: int
    y: int = 0
    label: str | None = None
    LIMIT: ClassVar[int] = 3


@record
class Bag:
    name: str
    items: tuple[Point, ...] = ()
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.items)


@dataclasses.dataclass(frozen=True)
class DataPoint:
    """A point."""

    x: int
    y: int = 0
    label: str | None = None
    LIMIT: ClassVar[int] = 3


def test_construction_positional_keyword_and_defaults() -> None:
    assert fields(Point) == ("x", "y", "label")
    assert Point(1) == Point(x=1, y=0, label=None)
    assert Point(1, 2, "a") == Point(label="a", y=2, x=1)
    assert (Point(1, 2).x, Point(1, 2).y, Point(1, 2).label) == (1, 2, None)
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=3)  # type: ignore[call-arg]
    assert Point.LIMIT == 3 and "LIMIT" not in fields(Point)


def test_behaves_like_the_frozen_dataclass() -> None:
    for args in [(1,), (1, 2), (1, 2, "x"), (-5, 7, "")]:
        ours, theirs = Point(*args), DataPoint(*args)
        assert repr(ours) == repr(theirs).replace("DataPoint", "Point")
        assert hash(ours) == hash(theirs)
        assert ours == Point(*args)
        assert (ours != Point(*args)) is False
    assert Point(1) != Point(2) and Point(1) != (1, 0, None)
    assert Point(1).__eq__(DataPoint(1)) is NotImplemented
    assert len({Point(1), Point(1), Point(2)}) == 2
    assert Point.__match_args__ == ("x", "y", "label")
    match Point(4, 5):
        case Point(a, b):
            assert (a, b) == (4, 5)


def test_frozen() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del point.y  # type: ignore[misc]
    with pytest.raises(AttributeError):
        point.other = 1  # type: ignore[attr-defined]
    assert point.x == 1


def test_factory_defaults_are_fresh_and_methods_kept() -> None:
    first, second = Bag("a"), Bag("b")
    assert first.extra == {} and first.extra is not second.extra
    assert "extra" not in Bag.__dict__
    assert Bag("c", (Point(1), Point(2))).size == 2
    assert Bag("d", extra={"k": 1}).extra == {"k": 1}


def test_replace_and_as_dict() -> None:
    bag = Bag("a", (Point(1, 2),), {"k": 3})
    changed = replace(bag, name="b")
    assert changed == Bag("b", (Point(1, 2),), {"k": 3}) and bag.name == "a"
    with pytest.raises(TypeError):
        replace(bag, colour="red")
    data = as_dict(bag)
    assert data == {"name": "a", "items": ({"x": 1, "y": 2, "label": None},), "extra": {"k": 3}}
    assert data["extra"] is not bag.extra
    assert as_dict([Point(3)]) == [dataclasses.asdict(DataPoint(3))]
    assert is_record(bag) and not is_record(Bag) and not is_record({"name": "a"})


def test_pickle_and_copy_keep_equality() -> None:
    bag = Bag("a", (Point(1, 2, "p"),), {"k": 3})
    for clone in (pickle.loads(pickle.dumps(bag)), copy.copy(bag), copy.deepcopy(bag)):
        assert clone == bag and type(clone) is Bag


def test_inheritance_adds_fields_after_the_base() -> None:
    @record
    class Labelled(Point):
        colour: str = "red"

    assert fields(Labelled) == ("x", "y", "label", "colour")
    assert Labelled(1, colour="blue") == Labelled(x=1, y=0, label=None, colour="blue")

    @record
    class Tagged(Bag):
        note: str = ""

    first, second = Tagged("a"), Tagged("b", note="n")
    assert fields(Tagged) == ("name", "items", "extra", "note")
    assert first.extra == {} and first.extra is not second.extra and second.note == "n"


def test_post_init_runs_and_bad_orders_are_refused() -> None:
    seen: list[int] = []

    @record
    class Checked:
        value: int

        def __post_init__(self) -> None:
            seen.append(self.value)

    Checked(4)
    assert seen == [4]
    with pytest.raises(TypeError):

        @record
        class Wrong:
            a: int = 1
            b: int  # type: ignore[misc]
