"""Library-wide actor linking: an article's actors are matched to the library's.

The same actor in two articles is one actor in the library: matched by alias key
(inflection- and diacritic-insensitive), by surname for people, and by a fuzzy match
of the key above a threshold for spelling variants. User-confirmed actors win.

Other programs may write to the library at the same time (a second window, a script): call
:meth:`ActorResolver.refresh` at the start of each write transaction, so the index holds
every actor committed before it, whoever wrote it (writers run one at a time).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from desktop.core.entities.boundaries import MIN_GIVEN_NAME
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.name_forms import first_names_differ, given_name_parts, pet_form
from desktop.core.entities.names import remembered_match_key as match_key
from desktop.core.types import LinkedActor
from desktop.storage import actor_index
from desktop.storage.models import Actor, utcnow

FUZZY_THRESHOLD = 92.0
_MIN_FUZZY_LEN = 6


@dataclass
class _KnownActor:
    id: int
    name: str
    type: str
    confirmed: bool
    created_at: datetime | None = None


class ActorResolver:
    """In-memory index of the library's actors for one import batch.

    Built once (on the first :meth:`refresh` when no session is given) and then updated with
    what this import and other writers add: every lookup is a dictionary access, and the fuzzy
    match compares a key only with keys of the same type, first letter and a near length.
    """

    def __init__(self, session: Session | None = None, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._clear()
        self._stale = session is None  # built lazily, inside the first write transaction
        if session is not None:
            self.reload(session)

    def _clear(self) -> None:
        self._stale = False
        self._current: Session | None = None  # the transaction the index was last brought up to date in
        self._seen_seq = 0  # highest actors.change_seq applied to the index
        self._seen_alias = 0  # highest actor_aliases.id applied to the index
        self._actors: dict[int, _KnownActor] = {}
        self._by_key: dict[str, set[int]] = defaultdict(set)
        self._keys_of: dict[int, set[str]] = defaultdict(set)  # the reverse of _by_key
        self._alias_keys_of: dict[int, set[str]] = defaultdict(set)  # keys of stored alias rows
        self._by_last: dict[str, set[int]] = defaultdict(set)
        # keys blocked by (type, first character), then by length, for the fuzzy match of spelling variants
        self._keys_by_block: dict[tuple[str, str], dict[int, dict[str, set[int]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(set))
        )
        self._by_place: dict[str, set[int]] = defaultdict(set)
        self._by_last_group: dict[str, set[int]] = defaultdict(set)
        self._drop_pending()

    def _drop_pending(self) -> None:
        self._next_id: int | None = None  # the next actor id to hand out in this transaction (SQLite)
        # the current article's new actors (by id): a fuller name found later in it is inserted right away
        self._open: dict[int, list[Any]] = {}
        # what :meth:`flush` writes, in the order it happened: the new actors of each ended article
        # (a list of rows), and renames of actors stored or ended before (actor id, name)
        self._writes: list[list[list[Any]] | tuple[int, str]] = []
        self._pending_aliases: list[tuple[int, str, str, str]] = []

    def invalidate(self) -> None:
        """Forget the index (a write transaction failed); the next :meth:`refresh` rebuilds it."""
        self._stale = True
        self._current = None
        self._drop_pending()

    def refresh(self, session: Session) -> None:
        """Catch up with actors and aliases other writers committed; call inside the write transaction.

        New and changed actors come by ``change_seq``, new aliases by id; a changed type, a
        deleted actor or a re-used id rebuilds the whole index.
        """
        self._drop_pending()
        if self._stale:
            self.reload(session)
            return
        for row in actor_index.actors_since(session, self._seen_seq):
            known = self._actors.get(row.id)
            if known is None:
                self._remember(_KnownActor(row.id, row.name, row.type, row.confirmed, row.created_at))
            elif known.type != row.type or known.created_at != row.created_at:
                self.reload(session)
                return
            else:
                known.confirmed = row.confirmed
                if known.name != row.name:
                    self._renamed(known, row.name)
            self._seen_seq = max(self._seen_seq, row.change_seq)
        for alias_id, actor_id, alias, key in actor_index.aliases_since(session, self._seen_alias):
            self._index_alias(actor_id, alias, key)
            self._seen_alias = max(self._seen_alias, alias_id)
        if actor_index.actor_count(session) != len(self._actors):
            self.reload(session)
        self._current = session

    def reload(self, session: Session) -> None:
        """(Re)build the index from the database, e.g. after a rolled-back transaction."""
        self._clear()
        for row in actor_index.actors_since(session, None):
            self._remember(_KnownActor(row.id, row.name, row.type, row.confirmed, row.created_at))
            self._seen_seq = max(self._seen_seq, row.change_seq)
        for alias_id, actor_id, alias, key in actor_index.aliases_since(session, None):
            self._index_alias(actor_id, alias, key)
            self._seen_alias = max(self._seen_alias, alias_id)
        self._current = session

    def _index_alias(self, actor_id: int, alias: str, key: str) -> None:
        """Index a stored alias row."""
        if actor_id in self._actors:
            self._alias_keys_of[actor_id].add(key)
            self._index_key(actor_id, key)
            self._index_knowledge(actor_id, alias)

    def _index_knowledge(self, actor_id: int, name: str) -> None:
        """Index an actor name by place id (locations) or surname variant group (people)."""
        if self._gazetteer is None:
            return
        actor = self._actors[actor_id]
        if actor.type == "location":
            place = self._gazetteer.place_or_country(name)
            if place is not None:
                self._by_place[place.id].add(actor_id)
        elif actor.type == "person" and name.split():
            for group in self._gazetteer.person_groups(name.split()[-1]):
                self._by_last_group[group].add(actor_id)

    def _remember(self, actor: _KnownActor) -> None:
        self._actors[actor.id] = actor
        key = match_key(actor.name)
        self._index_key(actor.id, key)
        self._index_knowledge(actor.id, actor.name)
        if actor.type == "person" and len(key.split()) >= 2:
            self._by_last[key.split()[-1]].add(actor.id)

    def _index_key(self, actor_id: int, key: str) -> None:
        self._by_key[key].add(actor_id)
        self._keys_of[actor_id].add(key)
        self._keys_by_block[(self._actors[actor_id].type, key[:1])][len(key)][key].add(actor_id)

    def _near_keys(self, linked: LinkedActor) -> dict[str, set[int]]:
        """Keys of the same type and first letter whose length allows a fuzzy score above the threshold.

        ``fuzz.ratio`` is at most ``100 * (1 - |a - b| / (a + b))`` for lengths a and b, so keys of
        other lengths cannot reach :data:`FUZZY_THRESHOLD` (one length of margin on each side).
        """
        by_length = self._keys_by_block.get((linked.type, linked.key[:1]))
        if not by_length:
            return {}
        size = len(linked.key)
        near: dict[str, set[int]] = {}
        for length, keys in by_length.items():
            if abs(size - length) <= (1 - FUZZY_THRESHOLD / 100) * (size + length) + 1:
                near.update(keys)
        return near

    def _candidates(self, linked: LinkedActor, article: Collection[int] = ()) -> list[int]:
        keys = {match_key(a) for a in linked.aliases} | {linked.key}
        named = linked.type == "person" and len(linked.key.split()) >= 2
        scores: dict[int, int] = defaultdict(int)
        for key in keys:
            for actor_id in self._by_key.get(key, ()):
                same_article = actor_id in article
                if named and " " not in key and not self._same_given_name(linked, actor_id, same_article):
                    continue  # a shared surname alone is no match: "Hana Kimura" is not "Kyoko Kimura"
                scores[actor_id] += 1
        if not scores and linked.type == "person":
            parts = linked.key.split()
            if len(parts) == 1:
                matches = self._by_last.get(parts[0], set())
                if len(matches) == 1:
                    return list(matches)
            else:  # the library may know only the surname so far
                singles = [
                    a
                    for a in self._by_key.get(parts[-1], ())
                    if self._actors[a].type == "person" and self._same_given_name(linked, a, a in article)
                ]
                if len(singles) == 1:
                    return singles
        if not scores:
            known = self._knowledge_match(linked)
            if known is not None:
                return [known]
        if not scores and len(linked.key) >= _MIN_FUZZY_LEN:
            block = self._near_keys(linked)
            near = process.extract(
                linked.key, list(block), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=None
            )
            if near:  # best score; on a tie the first key in sort order, whatever the index's history
                best = min(near, key=lambda m: (-m[1], m[0]))[0]
                if len(block[best]) == 1:
                    return list(block[best])

        def rank(actor_id: int) -> tuple[int, int, int, int]:
            actor = self._actors[actor_id]
            return (int(actor.confirmed), int(actor.type == linked.type), scores[actor_id], -actor_id)

        return sorted(scores, key=rank, reverse=True)

    def _same_given_name(self, linked: LinkedActor, actor_id: int, same_article: bool = False) -> bool:
        """Whether a person named in full (``linked``) may be the library actor ``actor_id`` that shares
        one of its one-word keys: not when both names start with given names the name lists know and
        no given name, initial or known spelling variant ("Wolodymyr" ~ "Volodymyr") is shared; and
        never another person of the same article (``same_article``) whose first given name differs
        ("Tima Kurdi" beside "Alan Kurdi": the article's linking kept them apart)."""
        actor = self._actors[actor_id]
        theirs = match_key(actor.name).split()
        if actor.type != "person" or len(theirs) < 2:
            return True
        mine = linked.key.split()
        mine_given, their_given = given_name_parts(mine), given_name_parts(theirs)
        if any(len(g) > 1 for g in mine_given & their_given):
            return True
        # a shared initial counts unless the first given names differ ("Robert F." and "John F. Kennedy")
        differ = first_names_differ(mine, theirs)
        if differ and same_article:
            return False
        if not differ:
            if mine_given & their_given:
                return True
            initials = {g for g in mine_given | their_given if len(g) == 1}
            if initials and {g[0] for g in mine_given} & {g[0] for g in their_given}:
                return True
        if any(pet_form(a, b) or pet_form(b, a) for a in mine_given for b in their_given):
            return True
        if self._gazetteer is None:
            return True
        if not (self._given_name(linked.name) and self._given_name(actor.name)):
            return True  # a role word or a name the lists do not know ("Coach Foda"): no evidence
        return self._gazetteer.same_person_name(linked.name, actor.name)

    def _given_name(self, name: str) -> bool:
        """Whether ``name`` starts with a given name or name part the name lists know."""
        assert self._gazetteer is not None
        first = name.split()[0].split("-")[0]
        return self._gazetteer.given_names.get(first, 0) >= MIN_GIVEN_NAME or bool(
            self._gazetteer.person_groups(first)
        )

    def _knowledge_match(self, linked: LinkedActor) -> int | None:
        """Same place (Kyjiw = Kiew) or a spelling variant of a person's name (Selenskyj = Zelensky)."""
        if self._gazetteer is None:
            return None
        found: set[int] = set()
        if linked.type == "location":
            for alias in (linked.name, *linked.aliases):
                place = self._gazetteer.place_or_country(alias)
                if place is not None:
                    found |= self._by_place.get(place.id, set())
        elif linked.type == "person":
            for group in self._gazetteer.person_groups(linked.name.split()[-1]):
                for actor_id in self._by_last_group.get(group, ()):
                    if self._gazetteer.same_person_name(linked.name, self._actors[actor_id].name):
                        found.add(actor_id)
        found = {a for a in found if a in self._actors}
        return next(iter(found)) if len(found) == 1 else None

    def resolve(
        self, session: Session, linked: LinkedActor, article: Collection[int] = ()
    ) -> tuple[int, str]:
        """Return (actor id, the actor's type), creating or enriching the library actor.

        A new actor gets its id now and is written with its aliases by :meth:`flush`, in bulk:
        call it before storing rows that point at the actors (mentions, roles, quotes).
        ``article``: the ids already given to the other actors of the same article.
        """
        candidates = self._candidates(linked, article)
        if candidates:
            actor = self._actors[candidates[0]]
            if not actor.confirmed and _fuller(linked.name, actor.name):
                row = self._open.get(actor.id)
                if row is not None:
                    row[1] = linked.name
                else:
                    self._writes.append((actor.id, linked.name))
                self._renamed(actor, linked.name)
        else:
            actor = _KnownActor(self._new_id(session), linked.name, linked.type, False, utcnow())
            self._open[actor.id] = [actor.id, actor.name, actor.type, False, actor.created_at]
            self._remember(actor)
        self._add_aliases(actor.id, linked)
        return actor.id, actor.type

    def end_article(self) -> None:
        """End an article whose actors :meth:`flush` writes later, with other articles' (one statement for
        a batch): a fuller name found afterwards renames its new actors as if they were stored already,
        so that the library ends up as with a :meth:`flush` after each article (``change_seq`` too)."""
        if self._open:
            self._writes.append(list(self._open.values()))
            self._open = {}

    def _new_id(self, session: Session) -> int:
        """An id for a new actor: taken from the sequence (PostgreSQL), or max + 1 under the write lock."""
        if session.get_bind().dialect.name == "postgresql":
            return int(session.scalar(select(func.nextval(func.pg_get_serial_sequence("actors", "id")))))
        if self._next_id is None:
            self._next_id = int(session.scalar(select(func.max(Actor.id))) or 0) + 1
        self._next_id += 1
        return self._next_id - 1

    def flush(self, session: Session) -> None:
        """Write the new actors, renames and aliases of this transaction in the order they came: one
        INSERT of many rows for the new actors of consecutive articles, then one for the aliases."""
        self.end_article()
        writes, self._writes = self._writes, []
        wrote = bool(writes or self._pending_aliases)
        inserted: set[int] = set()
        rows: list[list[Any]] = []
        for write in [*writes, (0, "")]:  # (0, ""): the end
            if isinstance(write, list):
                rows.extend(write)
                continue
            actor_index.insert_actors(session, rows)
            inserted.update(row[0] for row in rows)
            rows = []
            if write[0]:
                session.execute(update(Actor).where(Actor.id == write[0]).values(name=write[1]))
        # as the database gives it back, which refresh compares with
        for actor_id, created_at in actor_index.created_at(session, inserted).items():
            self._actors[actor_id].created_at = created_at
        aliases, self._pending_aliases = self._pending_aliases, []
        actor_index.insert_aliases(session, aliases)
        if wrote and session is self._current:
            self._skip_own_rows(session)

    def _skip_own_rows(self, session: Session) -> None:
        """Once this transaction commits, let the next refresh skip the rows it wrote.

        The index was up to date when the transaction (which no other writer can interleave) began and
        holds what it wrote since. A transaction that rolls back leaves the marks where they were: the
        next refresh reads whatever other writers stored meanwhile, perhaps under the ids it had used.
        """
        last_seq, last_alias = actor_index.last_written(session)

        def committed(_session: Session) -> None:
            self._seen_seq = max(self._seen_seq, last_seq)
            self._seen_alias = max(self._seen_alias, last_alias)

        event.listen(session, "after_commit", committed, once=True)

    def _renamed(self, actor: _KnownActor, name: str) -> None:
        actor.name = name
        key = match_key(name)
        self._index_key(actor.id, key)
        if actor.type == "person" and len(key.split()) >= 2:
            self._by_last[key.split()[-1]].add(actor.id)

    def _add_aliases(self, actor_id: int, linked: LinkedActor) -> None:
        known = self._keys_of[actor_id]
        existing = self._alias_keys_of[actor_id]  # the stored alias rows, kept current by refresh
        rows = []
        for alias in dict.fromkeys((linked.name, *linked.aliases)):
            key = match_key(alias)
            if key in existing:
                continue
            existing.add(key)
            rows.append((actor_id, alias, key, "auto"))
            if key not in known:
                self._index_key(actor_id, key)
            self._index_knowledge(actor_id, alias)
        self._pending_aliases.extend(rows)


def _fuller(new: str, old: str) -> bool:
    """True when ``new`` is a fuller proper form than ``old`` (more name parts)."""
    return len(new.split()) > len(old.split())
