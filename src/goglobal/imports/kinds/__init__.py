"""The kinds of record that can be imported and exported, by name."""

from goglobal.imports.kinds.base import Hit, Kind, ParsedRow
from goglobal.imports.kinds.enterprises import EnterpriseKind
from goglobal.imports.kinds.providers import InvestorKind, ProviderKind

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (EnterpriseKind(), ProviderKind(), InvestorKind())
}

__all__ = ["KINDS", "Hit", "Kind", "ParsedRow"]
