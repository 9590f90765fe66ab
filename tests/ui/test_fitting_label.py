"""A count that does not fit its room is shown shorter, never clipped into another number."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.fitting_label import FittingLabel

FULL, SHORT = "9,738 of 100,057 articles", "9,738 / 100,057"


def test_the_longest_text_that_fits_is_shown(qtbot: QtBot) -> None:
    label = FittingLabel()
    qtbot.addWidget(label)
    label.show()
    label.set_texts(FULL, SHORT)
    metrics = label.fontMetrics()
    label.resize(metrics.horizontalAdvance(FULL) + 20, 30)
    assert label.text() == FULL
    label.resize(metrics.horizontalAdvance(SHORT) + 10, 30)
    assert label.text() == SHORT
    assert label.toolTip() == FULL and label.full_text() == FULL


def test_with_no_room_the_shortest_is_elided_not_cut(qtbot: QtBot) -> None:
    label = FittingLabel()
    qtbot.addWidget(label)
    label.show()
    label.set_texts(FULL, SHORT)
    label.resize(label.fontMetrics().horizontalAdvance("9,738") + 4, 30)
    assert label.text().endswith("…") and label.text().startswith("9")
    assert label.minimumSizeHint().width() >= label.fontMetrics().horizontalAdvance(SHORT)
