"""Small hand-made providers and queries for the engine tests (CJK text in every one)."""

from __future__ import annotations

from goglobal.engines.matching import Enterprise, Provider, ProviderQuery, TrackRecord


def provider(id: str, **changes: object) -> Provider:
    values: dict[str, object] = {
        "category": "law_firm",
        "needs": frozenset({"legal.setup"}),
        "sectors": frozenset({"38"}),
        "office_markets": frozenset({"VN"}),
        "network_markets": frozenset(),
        "languages": frozenset({"en", "zh"}),
        "capacity": 10,
        "open_referrals": 0,
        "names": (f"{id} Solicitors",),
        "description": "We advise on company incorporation in Vietnam for battery makers.",
    }
    values.update(changes)
    return Provider(id=id, **values)  # type: ignore[arg-type]


def battery_maker(**changes: object) -> Enterprise:
    values: dict[str, object] = {
        "sector": "38",
        "names": ("深圳新能科技有限公司",),
        "description": "我们是深圳的动力电池制造商，计划在越南设立工厂，需要公司注册服务。",
        "target_markets": ("VN", "TH"),
        "needs": ("legal.setup",),
    }
    values.update(changes)
    return Enterprise(id="e1", **values)  # type: ignore[arg-type]


def query(**changes: object) -> ProviderQuery:
    values: dict[str, object] = {
        "enterprise": battery_maker(),
        "need": "legal.setup",
        "market": "VN",
    }
    values.update(changes)
    return ProviderQuery(**values)  # type: ignore[arg-type]


def record(completed: int = 0, accepted: int = 0, declined: int = 0) -> TrackRecord:
    return TrackRecord(accepted=accepted, completed=completed, declined=declined, sector="38")
