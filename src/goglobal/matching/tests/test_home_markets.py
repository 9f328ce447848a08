"""The Chinese mainland and Hong Kong are never recommended as going-global targets, even
when Hong Kong has offices or agreements there or an old record names them."""

import pytest

from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.knowledge.models import Country
from goglobal.matching import connector

pytestmark = pytest.mark.django_db


def test_markets_ranked_never_include_the_mainland_or_hong_kong():
    enterprise = EnterpriseFactory()
    enterprise.target_countries.add(*Country.objects.filter(code__in=["CN", "HK", "SG"]))

    facts = connector.market_facts(enterprise)
    ranked = connector.markets_rank(enterprise=enterprise, limit=300)

    assert "SG" in {fact.code for fact in facts}
    assert not {"CN", "HK"} & {fact.code for fact in facts}
    assert not {"CN", "HK"} & {match.code for match in ranked}
