"""Codes a provider's own words state but its coded fields lack, offered to staff on the edit
page (the matcher already uses them, a little below coded values; see docs/matching.md).

Besides the glossary's reading (``derive``), apps above this one may add the needs they read
(``stated_need_readers``: the matching app adds those its sentence encoder read when the
profile's vector was stored), so the page shows what the matcher uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from goglobal.core.i18n import localized
from goglobal.engines.matching.derive import derive
from goglobal.knowledge.models import Country, NeedCode, Sector
from goglobal.providers.models import Presence, ServiceProvider

# Each takes a provider and returns need codes its text states (registered in AppConfig.ready).
stated_need_readers: list[Callable[[ServiceProvider], Iterable[str]]] = []


@dataclass(frozen=True)
class Suggested:
    needs: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    sectors: list[tuple[str, str]] = field(default_factory=list)
    office_markets: list[tuple[str, str]] = field(default_factory=list)
    network_markets: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.needs or self.sectors or self.office_markets or self.network_markets)


def codes_suggested_by_text(provider: ServiceProvider) -> Suggested:
    """What the names and description state that the coded fields do not (in the reader's
    language): needs, GB/T divisions, office and network markets."""
    names = (provider.name_en, provider.name_zh_hans, provider.name_zh_hant)
    derived = derive((*names, provider.description))
    markets = list(provider.markets.select_related("country"))
    offices = {m.country.code for m in markets if m.presence == Presence.OFFICE}
    covered = {m.country.code for m in markets}
    coded = {n.code for n in provider.needs.all()}
    needs = set(derived.needs if not coded else derived.strong_needs)
    if not coded:  # as the matcher: needs read by other means count for uncoded providers
        for reader in stated_need_readers:
            needs.update(reader(provider))
    needs -= coded
    sectors = derived.sectors - {s.code for s in provider.sectors.all()}
    office = derived.office_markets - offices
    network = derived.network_markets - covered

    def named(model: type[NeedCode] | type[Sector] | type[Country], codes: set[str] | frozenset[str]
              ) -> list[tuple[str, str]]:  # fmt: skip
        rows = {row.code: localized(row, "name") for row in model.objects.filter(code__in=codes)}
        return [(code, rows[code]) for code in sorted(codes) if code in rows]

    return Suggested(
        needs=named(NeedCode, needs),
        sectors=named(Sector, sectors),
        office_markets=named(Country, office),
        network_markets=named(Country, network),
    )
