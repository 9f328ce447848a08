"""The weights of the provider score: configuration, stored with every suggestion for audit."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Weights:
    """Each part of the score lies in [0, 1]; the score is the weighted sum of the parts."""

    need_fit: float = 1.0
    # Within need fit: a category that typically serves the need. A hint only: what a provider
    # says it does (coded or in its text) decides; a chamber that sponsors listings is a sponsor.
    need_category: float = 0.3
    # Coded need 1; else how much the profile's vector reads like the need's (embed).
    service: float = 1.0
    # A coded provider whose text names other services but none of the kinds the enterprise
    # names (a trade-finance bank for a green bond, a biotech sponsor for a Chapter 18C listing)
    # has up to this much less of the service part.
    sub_service: float = 0.25
    market: float = 1.8
    sector: float = 1.2
    language: float = 0.4
    track_record: float = 0.8
    text: float = 0.4
    dense: float = 0.3  # cosine of the profiles' sentence vectors (embed), best candidate = 1
    # Within text relevance: glossary concepts (shared across languages) against plain words.
    text_concepts: float = 1.0
    text_words: float = 0.2
    # Market part: an office in the market, a partner network there, or a global practice.
    market_office: float = 1.0
    market_network: float = 0.55
    market_global: float = 0.3
    # A need served in Hong Kong with no market asked: the market part is this share of the
    # provider's focus (1/√ of the needs it serves), a specialist over a firm of many services.
    hong_kong_specialism: float = 0.3
    # ... times its presence in Hong Kong: its cover of HK, this much when it names no market at
    # all, and at least this much when every market it names is elsewhere.
    hong_kong_unstated: float = 0.85
    hong_kong_elsewhere: float = 0.2
    # Sector part when only the GB/T section matches, or when the provider is a generalist. A
    # section is broad (C, manufacturing, holds 31 of the 97 divisions: a chip-equipment maker and
    # a medtech sponsor share it), so it counts little more than a generalist.
    sector_section: float = 0.2
    sector_generalist: float = 0.15
    # A market, sector or need stated only in the profile's text counts this share of a coded one;
    # a provider that lists no need code is considered for its category's needs at this share.
    derived: float = 0.85
    need_implied: float = 0.6
    # ... and at this share of that again when its text states other needs but not this one.
    need_elsewhere: float = 0.5
    # Its market and sector parts count as far as its profile reads like the need, to this power.
    implied_gate: float = 1.0
    # Exposure fairness: providers within this score margin of the top take turns in first place.
    fairness_margin: float = 0.15
    bm25_k1: float = 1.2
    bm25_b: float = 0.75

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


DEFAULT_WEIGHTS = Weights()
