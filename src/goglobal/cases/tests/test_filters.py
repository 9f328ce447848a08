"""The pipeline's filters read copies kept on each case: the copies stay true through every
write, and the board and list give what the normalised data says, on SQLite and PostgreSQL."""

import datetime
import io
import itertools

import pytest
from django.db.models import Q
from django.utils import timezone

from goglobal.cases import selectors
from goglobal.cases import services as case_services
from goglobal.cases.models import Case, ReferralStatus
from goglobal.cases.services.keys import (
    COPIED_FIELDS,
    case_keys_rebuild,
    case_work_refresh,
    enterprise_facts,
)
from goglobal.cases.services.referrals import reply_days
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory, TaskFactory
from goglobal.enterprises import services as enterprise_services
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseNeedFactory
from goglobal.imports.tests.factories import EnterpriseRowFactory, import_rows
from goglobal.knowledge import selectors as knowledge
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _copies(case: Case) -> dict[str, object]:
    case.refresh_from_db()
    return {name: getattr(case, name) for name in COPIED_FIELDS}


def _expected(case: Case) -> dict[str, object]:
    return enterprise_facts([case.enterprise_id])[case.enterprise_id].values()


# --- the copies follow every write ---------------------------------------------------------


def test_a_new_case_copies_its_enterprise(officer):
    enterprise = EnterpriseFactory(name_zh="宁波海曙机电有限公司")
    EnterpriseNeedFactory(enterprise=enterprise, need=NeedCode.objects.get(code="fundraising.ipo"))
    enterprise.target_countries.add(Country.objects.get(code="VN"))
    enterprise.target_groups.add(MarketGroup.objects.get(code="gcc"))

    case = case_services.case_open(actor=officer, enterprise=enterprise, origin="outreach")

    assert _copies(case) == {
        "enterprise_name": "宁波海曙机电有限公司",
        "enterprise_city": "310000",
        "enterprise_sector": "38",
        "enterprise_section": "C",
        "filter_keys": ["country:VN", "group:gcc", "need:fundraising.ipo"],
    }


def test_profile_edits_reach_the_case(officer):
    case = CaseFactory()
    enterprise = case.enterprise
    data = enterprise_services.EnterpriseInput(
        values={
            "name_zh": "深圳云帆软件有限公司",
            "city": AdministrativeArea.objects.get(code="440300"),
            "province": AdministrativeArea.objects.get(code="440000"),
            "sector": Sector.objects.get(code="65"),
        },
        target_countries=[Country.objects.get(code="SG")],
        target_groups=[MarketGroup.objects.get(code="asean")],
    )

    enterprise_services.enterprise_update(
        actor=officer, enterprise=enterprise, seen_version=enterprise.version, data=data
    )

    copies = _copies(case)
    assert copies == _expected(case)
    assert copies["enterprise_name"] == "深圳云帆软件有限公司"
    assert (copies["enterprise_city"], copies["enterprise_section"]) == ("440300", "I")
    assert copies["filter_keys"] == ["country:SG", "group:asean"]


def test_needs_added_and_removed_reach_the_case(officer):
    case = CaseFactory()
    ipo = NeedCode.objects.get(code="fundraising.ipo")

    row = enterprise_services.enterprise_need_save(
        actor=officer, enterprise=case.enterprise, need=enterprise_services.NeedInput(need=ipo)
    )
    assert "need:fundraising.ipo" in _copies(case)["filter_keys"]

    enterprise_services.enterprise_need_remove(actor=officer, need=row)
    assert "need:fundraising.ipo" not in _copies(case)["filter_keys"]


def test_an_import_that_changes_an_enterprise_reaches_its_case(officer):
    first = EnterpriseRowFactory.build(external_id="crm-1")
    import_rows("enterprises", [first], actor=officer)
    case = case_services.case_open(
        actor=officer, enterprise=Enterprise.objects.get(external_id="crm-1"), origin="outreach"
    )
    assert _copies(case)["enterprise_city"] == "440300"

    changed = {**first, "city": "330200", "province": "330000", "target_markets": "DE;gcc"}
    job = import_rows("enterprises", [changed], actor=officer)

    assert (job.status, job.updated_count) == ("succeeded", 1)
    copies = _copies(case)
    assert copies == _expected(case)
    assert copies["enterprise_city"] == "330200"
    assert {"country:DE", "group:gcc"} <= set(copies["filter_keys"])
    assert "country:VN" not in copies["filter_keys"]


def test_open_work_follows_tasks_and_referrals(officer, settings):
    settings.GOGLOBAL_REFERRAL_REPLY_DAYS = 5
    case = CaseFactory(owner=officer)
    late = TODAY - datetime.timedelta(days=2)

    task = case_services.task_add(
        case=case, actor=officer, follow_up=case_services.FollowUp("寄送资料", late)
    )
    case.refresh_from_db()
    assert case.task_due_on == late

    case_services.task_complete(task=task, actor=officer)
    case.refresh_from_db()
    assert case.task_due_on is None

    referral = ReferralFactory(case=case)
    referral = case_services.referral_send(referral=referral, actor=officer, seen_version=1)
    case.refresh_from_db()
    assert case.waiting_since == referral.sent_at

    case_services.referral_withdraw(
        referral=referral, actor=officer, seen_version=referral.version, note="企业改变计划"
    )
    case.refresh_from_db()
    assert case.waiting_since is None


def test_rebuild_repairs_copies_written_around_the_services():
    case = CaseFactory()
    TaskFactory(case=case)
    Case.objects.filter(pk=case.pk).update(
        enterprise_name="", filter_keys=[], enterprise_city="", task_due_on=None
    )

    assert case_keys_rebuild() == 1

    assert _copies(case) == _expected(case)
    case.refresh_from_db()
    assert case.task_due_on == TODAY - datetime.timedelta(days=1)


def test_has_any_needs_a_key():
    with pytest.raises(ValueError, match="at least one key"):
        list(Case.objects.filter(filter_keys__has_any=[]))


# --- the filters give what the normalised data says ----------------------------------------


@pytest.fixture
def pipeline(officer, make_user, settings):
    """Cases over enterprises of different cities, sectors, needs and markets, with late and
    timely work, one of them on a deleted enterprise."""
    settings.GOGLOBAL_REFERRAL_REPLY_DAYS = 7
    other = make_user(role="officer")
    shenzhen = AdministrativeArea.objects.get(code="440300")
    ningbo = AdministrativeArea.objects.get(code="330200")
    software = Sector.objects.get(code="65")
    needs = list(NeedCode.objects.filter(code__in=["fundraising.ipo", "legal.setup"]))
    countries = list(Country.objects.filter(code__in=["VN", "SG", "DE", "AE"]))
    asean = MarketGroup.objects.get(code="asean")
    stages = ["lead", "qualified", "matched", "in_progress", "closed"]
    cases = []
    for index in range(24):
        city = [shenzhen, ningbo, None][index % 3]
        enterprise = EnterpriseFactory(
            name_zh=f"企业{(index * 7) % 24:02d}号有限公司",
            **({"city": city, "province": city.province} if city else {}),
            **({"sector": software} if index % 4 == 0 else {}),
        )
        for need in needs[: index % 3]:
            EnterpriseNeedFactory(enterprise=enterprise, need=need)
        enterprise.target_countries.set(countries[index % 5 : index % 5 + 1])
        if index % 6 == 0:
            enterprise.target_groups.add(asean)
        case = CaseFactory(
            enterprise=enterprise,
            stage=stages[index % 5],
            owner=[officer, other, None][index % 3],
            priority=["high", "medium", "low"][index % 3],
            next_action_on=TODAY + datetime.timedelta(days=(index % 4) - 2),
            **({"closed_reason": "暂缓"} if stages[index % 5] == "closed" else {}),
        )
        if index % 5 == 1:
            TaskFactory(case=case, due_on=TODAY - datetime.timedelta(days=3))
        if index % 7 == 2:
            TaskFactory(case=case, due_on=TODAY + datetime.timedelta(days=3))
        if index % 4 == 3:
            ReferralFactory(
                case=case,
                status=ReferralStatus.SENT,
                sent_at=timezone.now() - datetime.timedelta(days=10 + index % 3),
            )
        if index % 9 == 4:
            ReferralFactory(case=case, status=ReferralStatus.SENT, sent_at=timezone.now())
        cases.append(case)
    case_keys_rebuild()  # the markets above were set on the enterprises directly
    Enterprise.objects.filter(pk=cases[5].enterprise_id).update(deleted_at=timezone.now())
    return {"officer": officer, "other": other, "cases": cases}


def _enterprise_matches(enterprise: Enterprise, filters: selectors.CaseFilters) -> bool:
    sector = enterprise.sector
    sector_codes = {sector.code, sector.section.code if sector.section else sector.code}
    if filters.city and enterprise.city.code != filters.city:
        return False
    if filters.sector and filters.sector not in sector_codes:
        return False
    if filters.need and not enterprise.needs.filter(need__code=filters.need).exists():
        return False
    if filters.market:
        country_ids, group_ids = knowledge.market_reach(filters.market)
        return (
            enterprise.target_countries.filter(pk__in=country_ids).exists()
            or enterprise.target_groups.filter(pk__in=group_ids).exists()
        )
    return True


def _case_matches(case: Case, filters: selectors.CaseFilters) -> bool:
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    if filters.owner == "none" and case.owner_id is not None:
        return False
    if filters.owner.isdigit() and case.owner_id != int(filters.owner):
        return False
    if filters.stage and case.stage != filters.stage:
        return False
    return not filters.overdue or bool(
        (case.next_action_on and case.next_action_on < TODAY)
        or case.tasks.filter(done_at__isnull=True, due_on__lt=TODAY).exists()
        or case.referrals.filter(Q(status=ReferralStatus.SENT) & Q(sent_at__lt=cutoff)).exists()
    )


def _reference(filters: selectors.CaseFilters) -> list[Case]:
    """The matching cases, decided one by one from the enterprise, tasks and referrals."""
    live = Case.objects.filter(deleted_at__isnull=True, enterprise__deleted_at__isnull=True)
    return [
        case
        for case in live.select_related("enterprise__city", "enterprise__sector__section")
        if _enterprise_matches(case.enterprise, filters) and _case_matches(case, filters)
    ]


FILTERS = [
    {},
    {"city": "440300"},
    {"sector": "C"},
    {"sector": "65"},
    {"sector": "I", "city": "330200"},
    {"need": "fundraising.ipo"},
    {"market": "asean"},
    {"market": "VN"},
    {"market": "DE", "need": "legal.setup"},
    {"overdue": True},
    {"overdue": True, "owner": "none"},
    {"owner": "OFFICER", "need": "legal.setup"},
    {"stage": "matched", "market": "SG"},
    {"market": "ZZ"},
]


@pytest.mark.parametrize(
    "wanted", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items())
)
def test_board_and_list_match_the_normalised_data(pipeline, wanted):
    wanted = {k: str(pipeline["officer"].pk) if v == "OFFICER" else v for k, v in wanted.items()}
    filters = selectors.CaseFilters(**wanted)
    expected = _reference(filters)

    listed = list(selectors.case_list_for(user=pipeline["officer"], filters=filters))
    board = selectors.case_board_for(user=pipeline["officer"], filters=filters)

    assert sorted(case.pk for case in listed) == sorted(case.pk for case in expected)
    counts = {column.stage: column.count for column in board}
    for stage, group in itertools.groupby(
        sorted(expected, key=lambda c: c.stage), lambda c: c.stage
    ):
        assert counts[stage] == len(list(group)), stage
    assert sum(counts.values()) == len(expected)


@pytest.mark.parametrize("sort", list(selectors.SORTS))
def test_each_column_is_the_list_of_its_stage_in_the_same_order(pipeline, sort):
    user = pipeline["officer"]
    filters = selectors.CaseFilters(sort=sort)

    board = selectors.case_board_for(user=user, filters=filters)

    for column in board:
        expected = list(
            selectors.case_list_for(
                user=user, filters=selectors.CaseFilters(stage=column.stage, sort=sort)
            ).values_list("pk", flat=True)[: selectors.BOARD_CARDS_PER_STAGE]
        )
        assert [case.pk for case in column.cases] == expected, column.stage


def test_cards_are_flagged_from_their_own_rows(pipeline):
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    board = selectors.case_board_for(user=pipeline["officer"], filters=selectors.CaseFilters())

    cards = [card for column in board for card in column.cases]
    assert cards
    for card in cards:
        case = Case.objects.get(pk=card.pk)
        late_task = case.tasks.filter(done_at__isnull=True, due_on__lt=TODAY).exists()
        waiting = case.referrals.filter(status=ReferralStatus.SENT, sent_at__lt=cutoff).exists()
        assert card.overdue is (late_task or case.is_overdue())
        assert card.waiting is waiting
        assert (card.url, card.name) == (case.get_absolute_url(), case.enterprise.name_zh)
    assert any(card.overdue for card in cards)
    assert any(card.waiting for card in cards)
    assert not all(card.overdue for card in cards)


def test_refreshing_work_of_unknown_cases_does_nothing():
    case_work_refresh(case_ids=[987654])


def test_the_rebuild_command_reports_the_cases_it_refreshed():
    from django.core.management import call_command

    case = CaseFactory()
    Case.objects.filter(pk=case.pk).update(enterprise_city="")
    out = io.StringIO()

    call_command("cases_rebuild_copies", stdout=out)

    assert out.getvalue().strip() == "cases refreshed: 1"
    assert _copies(case) == _expected(case)


@pytest.mark.parametrize(
    ("language", "sector"),
    [
        ("en", "Manufacture of Electrical Machinery"),
        ("zh-hans", "电气机械"),
        ("zh-hant", "電氣機械"),
    ],
)
def test_board_cards_are_printed_in_the_readers_language(client, officer, language, sector):
    case = CaseFactory(priority="high")
    client.force_login(officer)
    client.cookies["goglobal_language"] = language

    body = client.get("/cases/").content.decode()

    assert case.get_absolute_url() in body
    assert sector in body
    high = {"en": "high", "zh-hans": "高", "zh-hant": "高"}[language]
    assert f'<span class="badge badge-danger">{high}' in body


@pytest.mark.parametrize("sort", ["enterprise", "-next_action", ""])
def test_the_list_page_shows_its_page_in_the_chosen_order(client, pipeline, sort):
    user = pipeline["officer"]
    client.force_login(user)
    expected = list(selectors.case_list_for(user=user, filters=selectors.CaseFilters(sort=sort)))

    body = client.get("/cases/list/", {"sort": sort}).content.decode()

    positions = [body.index(case.get_absolute_url() + '"') for case in expected]
    assert positions == sorted(positions)


def test_the_api_pages_the_same_rows_in_the_same_order(client, pipeline):
    client.force_login(pipeline["officer"])
    expected = [
        case.pk
        for case in selectors.case_list_for(
            user=pipeline["officer"], filters=selectors.CaseFilters(sort="enterprise")
        )
    ]

    first = client.get("/api/cases/", {"sort": "enterprise", "page_size": 10}).json()
    second = client.get("/api/cases/", {"sort": "enterprise", "page_size": 10, "page": 2}).json()

    assert first["count"] == len(expected)
    assert [row["id"] for row in first["items"] + second["items"]] == expected[:20]
    assert first["items"][0]["enterprise"] == Case.objects.get(pk=expected[0]).enterprise_name


def test_the_api_says_which_cases_need_attention(client, pipeline):
    client.force_login(pipeline["officer"])
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())

    rows = client.get("/api/cases/", {"page_size": 100}).json()["items"]

    assert rows
    for row in rows:
        case = Case.objects.get(pk=row["id"])
        late_task = case.tasks.filter(done_at__isnull=True, due_on__lt=TODAY).exists()
        waiting = case.referrals.filter(status=ReferralStatus.SENT, sent_at__lt=cutoff).exists()
        assert row["overdue"] is (late_task or case.is_overdue())
        assert row["waiting_for_provider"] is waiting
    assert {row["overdue"] for row in rows} == {True, False}
    assert {row["waiting_for_provider"] for row in rows} == {True, False}


def test_the_city_filter_offers_cities_by_name_under_their_province(client, officer):
    client.force_login(officer)
    client.cookies["goglobal_language"] = "zh-hans"

    body = client.get("/cases/", {"city": "330200"}).content.decode()
    panel = body[body.index('id="f-city"') : body.index("</select>", body.index('id="f-city"'))]

    assert '<optgroup label="浙江省">' in panel
    assert '<option value="330200" selected>宁波市</option>' in panel
    assert '<option value="310000">上海市</option>' in panel  # a municipality is its own city
    assert '<option value="330000"' not in panel  # a province with cities is only a heading


def _admin_post_data(response) -> dict[str, object]:
    """The admin change form's current values, as the browser would post them back."""
    form = response.context["adminform"].form
    data: dict[str, object] = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif value is not None:
            data[name] = getattr(value, "pk", value)
    data["hs_codes"] = "[]"
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for inline_form in formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None:
                    data[inline_form.add_prefix(name)] = value
    return data


def test_an_admin_edit_reaches_the_case(client, make_user):
    admin = make_user("admin", is_staff=True, is_superuser=True)
    case = CaseFactory()
    EnterpriseNeedFactory(enterprise=case.enterprise)
    client.force_login(admin)
    url = f"/admin/enterprises/enterprise/{case.enterprise_id}/change/"
    data = _admin_post_data(client.get(url))
    data["name_zh"] = "宁波港城贸易有限公司"
    data["sector"] = Sector.objects.get(code="65").pk
    data["target_countries"] = [Country.objects.get(code="AE").pk]

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    copies = _copies(case)
    assert copies == _expected(case)
    assert copies["enterprise_name"] == "宁波港城贸易有限公司"
    assert copies["enterprise_section"] == "I"
    assert "country:AE" in copies["filter_keys"]
    assert "need:legal.setup" in copies["filter_keys"]
    enterprise = Enterprise.objects.get(pk=case.enterprise_id)
    assert "宁波港城贸易" in enterprise.search_text


def test_cases_and_referrals_are_read_only_in_the_admin(client, make_user):
    admin = make_user("admin", is_staff=True, is_superuser=True)
    referral = ReferralFactory()
    client.force_login(admin)
    case_url = f"/admin/cases/case/{referral.case_id}/change/"

    assert client.get(case_url).status_code == 200
    assert client.post(case_url, {"stage": "closed"}).status_code == 403
    assert client.post(f"/admin/cases/referral/{referral.pk}/change/", {}).status_code == 403
    assert client.get("/admin/cases/case/add/").status_code == 403
    assert (
        client.post(f"/admin/cases/case/{referral.case_id}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Case.objects.get(pk=referral.case_id).stage == "lead"
