# ruff: noqa: F811 - ``scene`` is a fixture imported from test_matching
"""One index per process, changed incrementally; profile vectors stored on save and reused."""

import pytest
from django.db import transaction

from goglobal.engines.matching import embed
from goglobal.knowledge.models import Country, NeedCode
from goglobal.matching import index_cache, services
from goglobal.matching.models import ProfileVector
from goglobal.matching.tests.test_matching import scene  # noqa: F401 - a fixture
from goglobal.providers.models import Presence
from goglobal.providers.services import MarketInput, ProviderInput, provider_create, provider_update

pytestmark = pytest.mark.django_db


def _input(description: str, need: NeedCode, markets: list[MarketInput]) -> ProviderInput:
    values = {"name_en": "Mekong Counsel", "category": "law_firm", "description": description,
              "languages": ["zh", "en"]}  # fmt: skip
    return ProviderInput(values=values, needs=[need], markets=markets)


def test_saved_profile_gets_a_stored_vector_reused_while_text_is_unchanged(
    scene,
    officer,
    django_capture_on_commit_callbacks,
):
    _enterprise, need, *_ = scene
    with django_capture_on_commit_callbacks(execute=True):
        provider = provider_create(
            actor=officer, data=_input("Company incorporation in Vietnam.", need.need, [])
        )
    row = ProfileVector.objects.get(kind="provider", object_id=provider.pk)
    assert row.model_version == embed.MODEL_VERSION
    assert len(bytes(row.vector)) == 4 * embed.DIMENSIONS

    from goglobal.matching.vectors import profile_vector_refresh

    assert profile_vector_refresh(kind="provider", object_ids=[provider.pk]) == 0


def test_index_is_kept_per_process_and_an_edit_is_ranked_on_its_new_profile(
    scene,
    officer,
):
    enterprise, need, *_ = scene
    index_cache.reset()
    services.match_suggest(enterprise=enterprise, need=need.need, actor=officer, market="TH")
    first = index_cache.provider_index()
    provider = provider_create(
        actor=officer, data=_input("Corporate work for battery makers.", need.need, [])
    )
    before = services.match_suggest(
        enterprise=enterprise, need=need.need, actor=officer, market="TH"
    )
    assert provider.pk not in [s.provider_id for s in before]

    provider.refresh_from_db()
    provider_update(
        actor=officer, provider=provider, seen_version=provider.version,
        data=_input("Our own office in Bangkok incorporates companies in Thailand.", need.need,
                    [MarketInput(country=Country.objects.get(code="TH"),
                                 presence=Presence.OFFICE)]),
    )  # fmt: skip
    after = services.match_suggest(
        enterprise=enterprise, need=need.need, actor=officer, market="TH"
    )

    assert index_cache.provider_index() is first  # changed in place, not rebuilt
    assert after[0].provider_id == provider.pk


def test_a_database_rolled_back_behind_the_index_rebuilds_it(scene, officer):
    """An edit the index has seen, then rolled back (a test's transaction, a restored backup):
    the database is older than the index's watermark, so the index is rebuilt from it instead of
    keeping the profile that no longer exists (an index keyed by id outliving its database)."""
    _enterprise, need, *_ = scene
    provider = provider_create(
        actor=officer, data=_input("Corporate work for battery makers.", need.need, [])
    )
    index_cache.reset()
    index_cache.provider_index()
    try:
        with transaction.atomic():
            provider.refresh_from_db()
            provider_update(
                actor=officer, provider=provider, seen_version=provider.version,
                data=_input("Our own office in Bangkok incorporates companies in Thailand.",
                            need.need, [MarketInput(country=Country.objects.get(code="TH"),
                                                    presence=Presence.OFFICE)]),
            )  # fmt: skip
            assert "TH" in index_cache.provider_index().get(str(provider.pk)).office_markets
            raise _RolledBackError
    except _RolledBackError:
        pass

    seen = index_cache.provider_index().get(str(provider.pk))
    assert seen is not None
    assert "TH" not in seen.office_markets
    assert "Bangkok" not in seen.description


class _RolledBackError(Exception):
    pass
