# ruff: noqa: F811 - ``scene`` is a fixture imported from test_matching
"""One index per process, changed incrementally; profile vectors stored on save and reused."""

import numpy as np
import pytest
from django.db import transaction

from goglobal.engines.matching import embed
from goglobal.knowledge.models import Country, NeedCode
from goglobal.matching import index_cache, services
from goglobal.matching.models import ProfileVector
from goglobal.matching.tests.test_matching import scene  # noqa: F401 - a fixture
from goglobal.matching.vectors import profile_vector_refresh
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
    # Nobody is in Thailand yet: those serving the need are shown, each saying so.
    assert provider.pk in [s.provider_id for s in before]
    assert {s.reasons[-1][0] for s in before} == {"market.none"}

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
    assert ["market.office", {"country": "TH"}] in after[0].reasons


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


def _similarity(provider_pk: int, need: str) -> float | None:
    index = index_cache.provider_index()
    slot = index.slot_of(str(provider_pk))
    assert slot is not None
    values = index.need_similarity(np.array([slot]), need)
    return None if values is None else float(values[0])


def test_a_need_added_or_removed_keeps_every_providers_need_similarity(scene, officer):
    """Admins may add needs to the taxonomy: the index then holds one more need vector, and
    every provider's similarity with every need is computed again from the stored profile
    vectors — none is dropped to 0 — while the index is changed in place, not rebuilt."""
    ipo = provider_create(
        actor=officer,
        data=ProviderInput(
            values={"name_en": "Harbour Listing Partners", "category": "law_firm",
                    "description": "We take companies public on the Main Board of the stock "
                                   "exchange: listing documents, sponsors and prospectuses.",
                    "languages": ["en"]},
            needs=[], markets=[]),
    )  # fmt: skip
    green = provider_create(
        actor=officer,
        data=ProviderInput(
            values={"name_en": "Verdant Disclosure Advisers", "category": "consultancy",
                    "description": "Sustainability and ESG reports, carbon accounting and "
                                   "climate disclosure for listed issuers.",
                    "languages": ["en"]},
            needs=[], markets=[]),
    )  # fmt: skip
    profile_vector_refresh(kind="provider", object_ids=[ipo.pk, green.pk])
    index_cache.reset()
    first = index_cache.provider_index()
    before = _similarity(ipo.pk, "fundraising.ipo")
    assert before is not None
    assert before > 0
    assert "esg.reporting" not in first.need_codes

    reference = NeedCode.objects.get(code="fundraising.ipo")
    NeedCode.objects.create(
        code="esg.reporting", sort_order=200, name_en="ESG reporting",
        name_zh_hans="ESG报告", name_zh_hant="ESG報告",
        description_en="Preparing sustainability and climate disclosures for investors.",
        description_zh_hans="编制可持续发展及气候信息披露。",
        source=reference.source, checked_on=reference.checked_on,
    )  # fmt: skip

    assert index_cache.provider_index() is first
    assert "esg.reporting" in first.need_codes
    assert _similarity(ipo.pk, "fundraising.ipo") == pytest.approx(before, abs=1e-6)
    esg_green = _similarity(green.pk, "esg.reporting")
    esg_ipo = _similarity(ipo.pk, "esg.reporting")
    assert esg_green is not None
    assert esg_ipo is not None
    assert esg_green > esg_ipo > -1

    NeedCode.objects.filter(code="esg.reporting").delete()

    assert index_cache.provider_index() is first
    assert "esg.reporting" not in first.need_codes
    assert _similarity(green.pk, "esg.reporting") is None
    assert _similarity(ipo.pk, "fundraising.ipo") == pytest.approx(before, abs=1e-6)


def test_a_row_deleted_past_the_services_leaves_the_index_at_the_next_count(
    scene, officer, settings
):
    """The live count runs once every GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS: a soft delete
    (which moves its stamp, as the services do) is seen on the next request whatever the
    interval; a row deleted outright (no stamp moves) stays until the count runs, then the
    index is rebuilt without it."""
    from django.utils import timezone

    from goglobal.providers.models import ServiceProvider

    _enterprise, need, *_ = scene
    kept = provider_create(actor=officer, data=_input("Tax filings in Vietnam.", need.need, []))
    gone = provider_create(actor=officer, data=_input("Audits in Vietnam.", need.need, []))
    settings.GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS = 3600
    index_cache.reset()
    assert str(gone.pk) in index_cache.provider_index()

    now = timezone.now()
    ServiceProvider.objects.filter(pk=kept.pk).update(deleted_at=now, updated_at=now)
    assert str(kept.pk) not in index_cache.provider_index()  # its stamp moved: seen at once

    ServiceProvider.objects.filter(pk=gone.pk).delete()
    assert str(gone.pk) in index_cache.provider_index()  # no stamp moved, not yet counted

    settings.GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS = 0
    assert str(gone.pk) not in index_cache.provider_index()


def test_a_new_process_reads_the_saved_index_and_catches_up_with_the_database(
    scene, officer, settings, tmp_path
):
    """A built index is saved (GOGLOBAL_MATCH_INDEX_FILE); the next process reads it instead of
    building, then applies what changed since it was saved, as any process does."""
    _enterprise, need, *_ = scene
    settings.GOGLOBAL_MATCH_INDEX_FILE = str(tmp_path / "matcher-index.bin")
    provider = provider_create(
        actor=officer, data=_input("Corporate work for battery makers.", need.need, [])
    )
    index_cache.reset()
    built = index_cache.provider_index()
    assert index_cache.origin() == "built"
    assert (tmp_path / "matcher-index.bin").exists()

    provider.refresh_from_db()
    provider_update(
        actor=officer, provider=provider, seen_version=provider.version,
        data=_input("Our own office in Bangkok incorporates companies in Thailand.", need.need,
                    [MarketInput(country=Country.objects.get(code="TH"),
                                 presence=Presence.OFFICE)]),
    )  # fmt: skip
    index_cache.reset()  # a new process
    read = index_cache.provider_index()

    assert index_cache.origin() == "file"
    assert read is not built
    assert len(read) == len(built)
    assert "TH" in read.get(str(provider.pk)).office_markets  # the edit made after saving


def test_an_unreadable_or_outdated_saved_index_is_built_afresh(scene, officer, settings, tmp_path):
    from goglobal.providers.models import ServiceProvider

    _enterprise, need, *_ = scene
    path = tmp_path / "matcher-index.bin"
    settings.GOGLOBAL_MATCH_INDEX_FILE = str(path)
    path.write_bytes(b"half a file")
    index_cache.reset()
    index_cache.provider_index()
    assert index_cache.origin() == "built"  # and the damaged file replaced by a good one

    gone = provider_create(actor=officer, data=_input("Audits in Vietnam.", need.need, []))
    index_cache.rebuild()
    ServiceProvider.objects.filter(pk=gone.pk).update(updated_at=gone.created_at)
    newest = ServiceProvider.objects.exclude(pk=gone.pk).order_by("-updated_at").first()
    ServiceProvider.objects.filter(pk=gone.pk).delete()  # outright, after the file was saved
    assert newest is not None
    index_cache.reset()
    settings.GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS = 3600

    index = index_cache.provider_index()
    assert str(gone.pk) not in index  # a file is counted at once, whatever the interval
    assert index_cache.origin() == "built"

    settings.SECRET_KEY = "another-secret-key-for-this-test-only"
    index_cache.reset()
    index_cache.provider_index()
    assert index_cache.origin() == "built"  # written under another key: not read


def test_the_command_builds_and_saves_the_index_for_the_processes(scene, settings, tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    settings.GOGLOBAL_MATCH_INDEX_FILE = ""
    with pytest.raises(CommandError, match="nowhere to save"):
        call_command("match_index")

    settings.GOGLOBAL_MATCH_INDEX_FILE = str(tmp_path / "matcher-index.bin")
    out = StringIO()
    call_command("match_index", stdout=out)
    assert "providers indexed" in out.getvalue()
    index_cache.reset()
    index_cache.provider_index()
    assert index_cache.origin() == "file"


def test_a_provider_coding_no_need_is_suggested_for_one_its_text_names_in_other_words(
    scene, officer, django_capture_on_commit_callbacks
):
    """The reading is stored with the vector when the profile is saved, and the process's index
    (built before) takes it up with the vector."""
    enterprise, *_ = scene
    treasury = NeedCode.objects.get(code="treasury.centre")
    values = {"name_en": "Harbour Ledger", "category": "law_firm", "languages": ["zh"],
              "description": "我們為集團旗下公司搭建現金池並統一調撥資金。"}  # fmt: skip
    index_cache.reset()
    assert not services.match_suggest(enterprise=enterprise, need=treasury, actor=officer)
    with django_capture_on_commit_callbacks(execute=True):
        provider = provider_create(
            actor=officer, data=ProviderInput(values=values, needs=[], markets=[])
        )

    row = ProfileVector.objects.get(kind="provider", object_id=provider.pk)
    assert [need for need, _clause in row.read_needs] == ["treasury.centre"]
    suggestions = services.match_suggest(enterprise=enterprise, need=treasury, actor=officer)
    assert [s.provider_id for s in suggestions] == [provider.pk]
    assert suggestions[0].reasons[0][0] == "need.text"


def test_the_edit_page_suggests_the_needs_the_encoder_read(
    client, officer, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    values = {"name_en": "Harbour Ledger", "category": "law_firm", "languages": ["zh"],
              "description": "我們為集團旗下公司搭建現金池並統一調撥資金。"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        provider = provider_create(
            actor=officer, data=ProviderInput(values=values, needs=[], markets=[])
        )
    client.force_login(officer)

    page = client.get(
        reverse("providers:provider_edit", args=[provider.pk]), HTTP_ACCEPT_LANGUAGE="zh-hant"
    ).content.decode()

    stated = page[page.index('id="suggested-heading"') :]
    stated = stated[: stated.index("</section>")]
    assert NeedCode.objects.get(code="treasury.centre").name_zh_hant in stated
    assert "treasury.centre" not in stated
