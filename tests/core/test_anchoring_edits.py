"""Re-anchoring after the edits news corrections make (cases found by tools.bench_reanchor)."""

from __future__ import annotations

from desktop.core.anchoring import make_quote, reanchor


def _anchor(old: str, passage: str, new: str):  # type: ignore[no-untyped-def]
    start = old.index(passage)
    return reanchor(new, make_quote(old, start, start + len(passage)), start, start + len(passage))


def test_a_word_put_in_near_the_start_keeps_the_whole_passage() -> None:
    passage = "As of late yesterday, the cause of the fire had not been officially confirmed by anyone."
    old = "Firefighters worked through the night. " + passage + " Residents returned home on Sunday."
    new_passage = passage.replace("As of", "As reportedly of")
    found = _anchor(old, passage, old.replace(passage, new_passage))
    assert found.status == "fuzzy" and 0.85 <= found.score < 1
    assert (found.start, found.end) == (old.index(passage), old.index(passage) + len(new_passage))


def test_a_changed_length_is_still_found() -> None:
    old = "Gipfel\n\nHelga Brandtner traf Olaf Kerning in Valdora. Danach sprach sie mit der Presse."
    new = old.replace("traf", "besuchte")
    found = _anchor(old, "Helga Brandtner traf Olaf Kerning in Valdora.", new)
    assert found.status == "fuzzy"
    assert new[found.start : found.end] == "Helga Brandtner besuchte Olaf Kerning in Valdora."


def test_a_deleted_passage_is_not_moved_silently_to_a_copy_in_another_context() -> None:
    old = (
        "Title\n\nThe minister visited the harbour on Monday morning. Critics said the terror groups access "
        "was overstated. Much later, in a quite different debate, terror groups access came up again."
    )
    passage = "terror groups access"
    cut = old.index("Critics said")
    new = old[:cut] + old[old.index("Much later") :]
    found = _anchor(old, passage, new)
    assert found.status in ("fuzzy", "orphaned")  # flagged for the user, never "moved"
