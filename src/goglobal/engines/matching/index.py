"""The provider index: built once over N providers, then changed one provider at a time.

Filter codes (need, market by office / network, global practice, sector, section, language,
category) and text terms have posting lists (see ``postings``); per-provider numbers live in
NumPy columns. ``add`` (which also replaces) and ``remove`` never rebuild: removed providers are
masked out and their text statistics (document frequency, total length) are subtracted.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from goglobal.engines.matching.analysis import analyse
from goglobal.engines.matching.codes import needs_of_category, says_hong_kong, section_of
from goglobal.engines.matching.columns import Column
from goglobal.engines.matching.derive import Derived, derive, with_read_needs
from goglobal.engines.matching.embed import DIMENSIONS, need_vectors, need_vectors_of
from goglobal.engines.matching.model import Provider
from goglobal.engines.matching.postings import Postings, Slots
from goglobal.engines.text.normalise import normalise

Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
# A term held by at least this many profiles has its BM25 weights kept between queries (the
# short lists cost less to compute than to keep).
TERM_WEIGHTS_FROM = 256
MASKS_KEPT = 512  # single-code masks kept (100,000 providers: 100 kB each)


def filter_keys(provider: Provider, derived: Derived | None = None) -> dict[str, float]:
    """The filter codes a provider is listed under, e.g. ``need:legal.setup``, ``office:VN``.

    Codes read from its text (``derive``) have their own keys, prefixed ``t.`` (``t.office:TR``,
    ``t.sector:27``, ``t.need:fundraising.ipo``; for a provider with coded needs, only needs that
    two distinct service terms state). A provider with no coded need is listed under
    ``u.need:…`` for the needs its category typically serves, so it is never refused outright,
    and under ``t.states`` when its text states needs of its own.
    """
    derived = derived or Derived()
    keys = [f"need:{need}" for need in provider.needs]
    keys += [f"office:{market}" for market in provider.office_markets]
    keys += [f"network:{market}" for market in provider.network_markets]
    keys += [f"sector:{sector}" for sector in provider.sectors]
    keys += [f"section:{section_of(sector)}" for sector in provider.sectors if section_of(sector)]
    keys += [f"lang:{language}" for language in provider.languages]
    keys.append(f"category:{provider.category}")
    # A provider that codes its needs but names another service in passing ("pre-IPO
    # restructuring") is listed for it only when two distinct service terms name it.
    stated = derived.needs if not provider.needs else derived.strong_needs
    keys += [f"t.need:{need}" for need in stated - provider.needs]
    keys += [f"t.office:{market}" for market in derived.office_markets]
    keys += [f"t.network:{market}" for market in derived.network_markets]
    keys += [f"t.sector:{sector}" for sector in derived.sectors]
    keys += [f"t.section:{section_of(sector)}" for sector in derived.sectors if section_of(sector)]
    if not provider.needs:
        keys += [f"u.need:{need}" for need in needs_of_category(provider.category)]
        if stated:
            keys.append("t.states")
    if derived.needs:
        keys.append("t.services")  # its text names services of the platform's needs
    if provider.works_globally:
        keys.append("global")
    if (
        provider.office_markets
        or provider.network_markets
        or derived.office_markets
        or derived.network_markets
    ):
        keys.append("placed")  # states where it works (coded or in its text)
    if says_hong_kong([normalise(text or "") for text in (*provider.names, provider.description)]):
        keys.append("t.hk")  # its names or description name Hong Kong
    if not provider.sectors and not derived.sectors:
        keys.append("generalist")
    return dict.fromkeys(keys, 1.0)


class ProviderIndex:
    def __init__(
        self,
        providers: Iterable[Provider] = (),
        vectors: Mapping[str, npt.NDArray[np.float32]] | None = None,
        *,
        need_texts: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        # What each need asks for (code → its texts); None: the engine's ``codes.NEED_TEXTS``.
        # Encoded only once a profile vector is stored (``_need_table``).
        self._need_texts = need_texts
        self._need_table: tuple[tuple[str, ...], npt.NDArray[np.float32]] | None = None
        self.build(providers, vectors)

    # -- building and changing -------------------------------------------------------------
    def build(
        self,
        providers: Iterable[Provider],
        vectors: Mapping[str, npt.NDArray[np.float32]] | None = None,
    ) -> None:
        """Forget everything and index ``providers`` in bulk, with their profile vectors
        (``embed``; id → unit vector) where known."""
        self._providers: dict[str, Provider] = {}
        self._derived: dict[str, Derived] = {}
        self._holding: set[str] = set()  # providers indexed with open referrals
        self._slot_of: dict[str, int] = {}
        self._ids: list[str] = []
        self._alive = Column(np.bool_, False)
        self._focus = Column(np.float64)
        self._capacity = Column(np.float64, math.inf)
        self._open = Column(np.float64)
        self._length = Column(np.float64)
        self._doc_terms: list[npt.NDArray[np.int64]] = []
        self._doc_counts: list[npt.NDArray[np.float64]] = []
        self._vocabulary: dict[str, int] = {}
        self._terms: list[str] = []
        self._df = Column(np.int64)
        self._filters: Postings[str] = Postings()
        self._text: Postings[int] = Postings()
        self._total_length = 0.0
        # Each frequent term's BM25 weight per slot, for the text as it stands: a query adds
        # them up instead of computing them again over long posting lists.
        self._term_weights: dict[tuple[int, float, float], tuple[Slots, Floats]] = {}
        self._masks: dict[str, Mask] = {}  # one filter code's mask, read-only, until a change
        self._vectors: npt.NDArray[np.float32] = np.zeros((16, DIMENSIONS), dtype=np.float32)
        # Cosine of each profile vector with each need's (embed.need_vectors), at indexing time.
        self._needs_similarity: npt.NDArray[np.float32] = np.zeros((16, 0), dtype=np.float32)
        self._vector_count = 0
        filter_entries: list[tuple[int, Mapping[str, float]]] = []
        text_entries: list[tuple[int, Mapping[int, float]]] = []
        for provider in providers:
            if provider.id in self._slot_of:
                raise ValueError(f"provider {provider.id!r} given twice")
            slot, counts = self._store(provider, (vectors or {}).get(provider.id))
            filter_entries.append((slot, filter_keys(provider, self._derived[provider.id])))
            text_entries.append((slot, counts))
        self._filters.build(filter_entries)
        self._text.build(text_entries)
        self._changed()

    def add(self, provider: Provider, vector: npt.NDArray[np.float32] | None = None) -> None:
        """Index a new provider, or replace the one with the same id."""
        if provider.id in self._slot_of:
            self.remove(provider.id)
        slot, counts = self._store(provider, vector)
        self._filters.add(slot, filter_keys(provider, self._derived[provider.id]))
        self._text.add(slot, counts)
        self._changed()

    def set_open_referrals(self, counts: Mapping[str, int]) -> None:
        """Referrals each provider holds this month (absent: 0), without re-indexing anyone.
        Only providers whose count changes are touched (usually a handful)."""
        values = self._open.values
        holding = {key for key, held in counts.items() if held and key in self._providers}
        for provider_id in holding | self._holding:
            provider = self._providers.get(provider_id)
            held = counts.get(provider_id, 0)
            if provider is not None and provider.open_referrals != held:
                self._providers[provider_id] = replace(provider, open_referrals=held)
                values[self._slot_of[provider_id]] = held
        self._holding = holding

    def remove(self, provider_id: str) -> None:
        slot = self._slot_of.pop(provider_id)
        del self._providers[provider_id]
        del self._derived[provider_id]
        self._alive[slot] = False
        self._df.add_at(self._doc_terms[slot], -1)
        self._total_length -= float(self._length.values[slot])
        self._changed()

    def _changed(self) -> None:
        """A provider came or went: document frequencies, the mean length and the filter
        lists moved, so every kept term weight and mask is stale."""
        self._term_weights.clear()
        self._masks.clear()

    def _store(
        self, provider: Provider, vector: npt.NDArray[np.float32] | None
    ) -> tuple[int, dict[int, float]]:
        slot = len(self._ids)
        if slot == len(self._vectors):
            grown = np.zeros((2 * slot, DIMENSIONS), dtype=np.float32)
            grown[:slot] = self._vectors
            self._vectors = grown
            similar = np.zeros((2 * slot, self._needs_similarity.shape[1]), dtype=np.float32)
            similar[:slot] = self._needs_similarity
            self._needs_similarity = similar
        if vector is not None and np.any(vector):
            self._vectors[slot] = vector
            self._vector_count += 1
            codes, needs = self._needs()
            if self._needs_similarity.shape != (len(self._vectors), len(codes)):
                # First vector, or needs changed: every stored vector against every need.
                self._needs_similarity = self._vectors @ needs.T
            self._needs_similarity[slot] = needs @ np.asarray(vector, np.float32)
        self._ids.append(provider.id)
        self._slot_of[provider.id] = slot
        self._providers[provider.id] = provider
        derived = derive((*provider.names, provider.description))
        if not provider.needs:
            derived = with_read_needs(derived, provider.read_needs)
        self._derived[provider.id] = derived
        self._alive.append(True)
        served = provider.needs | (derived.needs if not provider.needs else derived.strong_needs)
        self._focus.append(1 / math.sqrt(max(1, len(served))))
        self._capacity.append(math.inf if provider.capacity is None else provider.capacity)
        self._open.append(provider.open_referrals)
        if provider.open_referrals:
            self._holding.add(provider.id)
        counts = self._term_ids(analyse((*provider.names, provider.description)))
        terms = np.fromiter(counts.keys(), np.int64, len(counts))
        self._doc_terms.append(terms)
        self._doc_counts.append(np.fromiter(counts.values(), np.float64, len(counts)))
        length = float(sum(counts.values()))
        self._length.append(length)
        self._total_length += length
        self._df.add_at(terms, 1)
        return slot, counts

    def _needs(self) -> tuple[tuple[str, ...], npt.NDArray[np.float32]]:
        if self._need_table is None:
            self._need_table = (
                need_vectors() if self._need_texts is None else need_vectors_of(self._need_texts)
            )
        return self._need_table

    def set_need_texts(self, texts: Mapping[str, Sequence[str]]) -> None:
        """Needs were added, removed or reworded (the platform's taxonomy): every provider's
        similarity with every need is computed again from the stored profile vectors (one
        matrix product), never dropped."""
        self._need_texts = dict(texts)
        self._need_table = None
        if self._vector_count:
            _codes, needs = self._needs()
            self._needs_similarity = self._vectors @ needs.T

    @property
    def need_codes(self) -> tuple[str, ...]:
        """The needs whose similarity is held for each provider (empty before any vector)."""
        return self._need_table[0] if self._need_table is not None else ()

    def _term_ids(self, counts: Counter[str]) -> dict[int, float]:
        result: dict[int, float] = {}
        for term, count in counts.items():
            term_id = self._vocabulary.get(term)
            if term_id is None:
                term_id = self._vocabulary[term] = len(self._terms)
                self._terms.append(term)
                self._df.append(0)
            result[term_id] = float(count)
        return result

    # -- reading ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._providers)

    def __contains__(self, provider_id: object) -> bool:
        return provider_id in self._providers

    def __iter__(self) -> Iterator[Provider]:
        return iter(self._providers.values())

    def get(self, provider_id: str) -> Provider | None:
        return self._providers.get(provider_id)

    def derived(self, provider_id: str) -> Derived:
        """What the provider's names and description state (markets, sectors, needs)."""
        return self._derived.get(provider_id) or Derived()

    def slot_of(self, provider_id: str) -> int | None:
        return self._slot_of.get(provider_id)

    def id_of(self, slot: int) -> str:
        return self._ids[slot]

    @property
    def size(self) -> int:
        """Number of slots (live and removed): the length of every column and mask."""
        return len(self._ids)

    def slots(self, key: str) -> Slots:
        """Live slots listed under filter code ``key``."""
        slots = self._filters.get(key)[0]
        live: Slots = slots[self._alive.values[slots]]
        return live

    def slots_any(self, keys: Iterable[str]) -> Slots:
        """Live slots listed under any of ``keys``, ascending."""
        listed = np.zeros(self.size, dtype=np.bool_)
        for key in keys:
            listed[self._filters.get(key)[0]] = True
        live: Slots = np.flatnonzero(listed & self._alive.values).astype(np.int64)
        return live

    def mask(self, keys: Iterable[str]) -> Mask:
        """True for every slot listed under any of ``keys`` (removed slots included: combine).
        The mask of a single code is kept until the index changes, so it is read-only."""
        keys = list(keys)
        if len(keys) == 1:
            kept = self._masks.get(keys[0])
            if kept is not None:
                return kept
        result = np.zeros(self.size, dtype=np.bool_)
        for key in keys:
            result[self._filters.get(key)[0]] = True
        if len(keys) == 1:
            if len(self._masks) >= MASKS_KEPT:
                self._masks.clear()
            result.setflags(write=False)
            self._masks[keys[0]] = result
        return result

    def column(self, name: str) -> Floats:
        """``focus`` (1/√needs served), ``capacity`` or ``open`` (referrals this month)."""
        columns = {"focus": self._focus, "capacity": self._capacity, "open": self._open}
        values: Floats = columns[name].values
        return values

    @property
    def has_vectors(self) -> bool:
        return self._vector_count > 0

    def cosine(self, slots: Slots, vector: npt.NDArray[np.float32]) -> Floats:
        """Cosine of each slot's profile vector with ``vector`` (0 where none is stored). Reads
        one 512-float row per slot: call it on a short list of slots."""
        if not self._vector_count:
            return np.zeros(len(slots))
        result: Floats = (self._vectors[slots] @ np.asarray(vector, np.float32)).astype(np.float64)
        return result

    def need_similarity(self, slots: Slots, need: str) -> Floats | None:
        """Cosine of each slot's profile vector with ``need``'s vector, computed when the
        provider was indexed; ``None`` for a need without a text or an index without vectors."""
        if not self._vector_count:
            return None
        codes, _ = self._needs()
        if need not in codes or self._needs_similarity.shape[1] != len(codes):
            return None
        result: Floats = self._needs_similarity[slots, codes.index(need)].astype(np.float64)
        return result

    def vector_of(self, provider_id: str) -> npt.NDArray[np.float32] | None:
        slot = self._slot_of.get(provider_id)
        if slot is None or not self._vectors[slot].any():
            return None
        vector: npt.NDArray[np.float32] = self._vectors[slot].copy()
        return vector

    def terms_of(self, slot: int) -> list[str]:
        return [self._terms[term] for term in self._doc_terms[slot]]

    def bm25(self, query: Mapping[str, float], *, k1: float, b: float) -> Floats:
        """BM25 of every slot against ``query`` (term → query weight); unknown terms count 0."""
        scores = np.zeros(self.size, dtype=np.float64)
        if not self._providers:
            return scores
        for term, weight in query.items():
            term_id = self._vocabulary.get(term)
            if term_id is None or not weight:
                continue
            weighted = self._term_weight(term_id, k1, b)
            if weighted is not None:
                slots, values = weighted
                scores[slots] += weight * values
        return scores

    def _term_weight(self, term_id: int, k1: float, b: float) -> tuple[Slots, Floats] | None:
        """The BM25 weight of one term in each slot that holds it (``None`` if none does);
        kept for terms of long posting lists until the text of the index changes."""
        key = (term_id, k1, b)
        kept = self._term_weights.get(key)
        if kept is not None:
            return kept
        live = len(self._providers)
        frequency = int(self._df.values[term_id])
        if frequency <= 0 or not live:
            return None
        idf = math.log(1 + (live - frequency + 0.5) / (frequency + 0.5))
        average = max(self._total_length / live, 1e-9)
        slots, counts = self._text.get(term_id)
        norm = k1 * (1 - b + b * self._length.values[slots] / average)
        values: Floats = idf * counts * (k1 + 1) / (counts + norm)
        if len(slots) >= TERM_WEIGHTS_FROM:
            self._term_weights[key] = (slots, values)
        return slots, values

    def __getstate__(self) -> dict[str, object]:
        """A saved index leaves out the kept term weights and masks: they are worked out
        again."""
        state = dict(self.__dict__)
        state["_term_weights"] = {}
        state["_masks"] = {}
        return state

    def snapshot(self) -> dict[str, object]:
        """A canonical picture of what the index holds, for comparing two indexes."""
        filters = {
            key: sorted(self._ids[s] for s in self.slots(key))
            for key in self._filters.keys()  # noqa: SIM118 - a method
        }
        texts = {
            provider_id: sorted(
                zip(self.terms_of(slot), self._doc_counts[slot].tolist(), strict=True)
            )
            for provider_id, slot in self._slot_of.items()
        }
        df = {term: int(self._df.values[i]) for i, term in enumerate(self._terms)}
        return {
            "filters": {key: ids for key, ids in filters.items() if ids},
            "texts": texts,
            "df": {term: count for term, count in df.items() if count},
            "total_length": self._total_length,
            "providers": dict(self._providers),
        }
