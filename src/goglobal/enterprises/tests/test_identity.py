"""Duplicates at the doors, the batch scan, and merging with undo (services)."""

import pytest

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.cases.tests.factories import CaseFactory
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.core.models import AuditEvent
from goglobal.enterprises import identity, services
from goglobal.enterprises.merge import enterprise_merge, enterprise_merge_undo
from goglobal.enterprises.models import (
    Contact,
    DuplicateCandidate,
    DuplicateStatus,
    Enterprise,
    EnterpriseNeed,
)
from goglobal.enterprises.tests.factories import (
    ContactFactory,
    EnterpriseFactory,
    EnterpriseMemberFactory,
    EnterpriseNeedFactory,
)
from goglobal.events.tests.factories import ParticipantFactory
from goglobal.knowledge.models import AdministrativeArea, NeedCode

pytestmark = pytest.mark.django_db


def _zhejiang(**values):
    province = AdministrativeArea.objects.get(code="330000")
    city = AdministrativeArea.objects.get(code="330100")
    return EnterpriseFactory(province=province, city=city, **values)


@pytest.fixture
def officer():
    return UserFactory(role=Role.OFFICER)


@pytest.fixture
def pair():
    kept = _zhejiang(name_zh="浙江瑞晟电子科技有限公司", name_en="")
    merged = _zhejiang(
        name_zh="浙江瑞晟電子科技有限公司", name_en="Zhejiang Ruisheng Electronic Technology"
    )
    identity.identity_keys_refresh([kept.pk, merged.pk])
    return kept, merged


def test_a_new_record_finds_its_duplicates_by_name_and_by_code(pair):
    kept, merged = pair
    found = identity.duplicates_of(identity.Record.of(["Ruisheng Electronics"]))
    assert {hit.enterprise.pk for hit in found} == {kept.pk, merged.pk}
    assert all(hit.same for hit in found)
    by_code = identity.duplicates_of(identity.Record.of(["别的名字"], kept.social_credit_code))
    assert [hit.enterprise.pk for hit in by_code] == [kept.pk]
    # Between stored enterprises the codes differ: the names agree and the codes are flagged.
    between = identity.duplicates_of_enterprise(kept)
    assert [hit.enterprise.pk for hit in between] == [merged.pk]
    assert between[0].codes_differ
    assert not between[0].same
    assert any("Unified Social Credit" in reason for reason in between[0].reasons())


def test_other_enterprises_are_not_duplicates(pair):
    assert identity.duplicates_of(identity.Record.of(["江苏瑞晟电子科技有限公司"])) == []
    assert identity.duplicates_of(identity.Record.of(["浙江瑞晟化工有限公司"])) == []


def test_services_keep_the_keys_current(officer, pair):
    kept, _merged = pair
    values = {"name_zh": "杭州新名字材料有限公司"}
    services.enterprise_update(
        actor=officer,
        enterprise=kept,
        seen_version=kept.version,
        data=services.EnterpriseInput(values),
    )
    hits = identity.duplicates_of(identity.Record.of(["新名字材料"], region="杭州市"))
    assert [hit.enterprise.pk for hit in hits] == [kept.pk]
    services.enterprise_delete(actor=officer, enterprise=kept)
    assert identity.duplicates_of(identity.Record.of(["新名字材料"], region="杭州市")) == []


def test_linking_by_name_needs_one_clear_enterprise(pair):
    kept, _merged = pair
    assert identity.link_by_name(["Ruisheng Electronics"]) is None  # two equally good
    assert identity.link_by_name(["别的名字"], code=kept.social_credit_code) == kept
    _zhejiang(name_zh="宁波海天塑机集团有限公司")
    identity.duplicates_scan()
    assert identity.link_by_name(["海天塑机集团"]).name_zh == "宁波海天塑机集团有限公司"


def test_the_scan_opens_candidates_and_keeps_dismissed_ones(pair):
    kept, merged = pair
    _zhejiang(name_zh="江苏瑞晟电子科技有限公司")
    result = identity.duplicates_scan()
    assert result.pairs == 1
    row = DuplicateCandidate.objects.get()
    assert (row.first_id, row.second_id) == (kept.pk, merged.pk)
    assert "trade_same" in row.reasons
    row.status = DuplicateStatus.DISMISSED
    row.save()
    identity.duplicates_scan()
    assert DuplicateCandidate.objects.get().status == DuplicateStatus.DISMISSED


def test_merge_moves_every_linked_row_and_undo_puts_them_back(officer, pair):
    kept, merged = pair
    need = NeedCode.objects.get(code="legal.setup")
    EnterpriseNeedFactory(enterprise=kept, need=need)
    clash = EnterpriseNeedFactory(enterprise=merged, need=need)
    other_need = EnterpriseNeedFactory(
        enterprise=merged, need=NeedCode.objects.get(code="fundraising.ipo")
    )
    contact = ContactFactory(enterprise=merged, has_consent=False)
    member = EnterpriseMemberFactory(enterprise=merged)
    case = CaseFactory(enterprise=merged)
    participant = ParticipantFactory(enterprise=merged)
    services.enterprise_need_save(
        actor=officer,
        enterprise=merged,
        need=services.NeedInput(NeedCode.objects.get(code="ip.protection")),
    )
    history = AuditEvent.objects.filter(target_id=str(merged.pk)).count()
    kept.refresh_from_db()
    merged.refresh_from_db()
    result = enterprise_merge(
        actor=officer,
        kept=kept,
        merged=merged,
        kept_version=kept.version,
        merged_version=merged.version,
        choices={"name_en": "merged", "social_credit_code": "merged"},
    )
    kept.refresh_from_db()
    merged.refresh_from_db()
    assert merged.deleted_at is not None
    assert kept.name_en == "Zhejiang Ruisheng Electronic Technology"
    assert kept.social_credit_code == result.merge.merged_before["social_credit_code"]
    assert merged.social_credit_code == result.merge.kept_before["social_credit_code"]
    assert "浙江瑞晟電子科技有限公司" in kept.aliases
    assert "瑞晟電子" not in kept.search_text  # folded: Simplified
    assert "浙江瑞晟电子科技有限公司" in kept.search_text
    other_need.refresh_from_db()
    contact.refresh_from_db()
    member.refresh_from_db()
    case.refresh_from_db()
    participant.refresh_from_db()
    assert other_need.enterprise_id == kept.pk
    assert EnterpriseNeed.objects.get(pk=clash.pk).enterprise_id == merged.pk  # kept back
    assert result.kept_back == {"enterprises.enterpriseneed": 1}
    assert contact.enterprise_id == kept.pk
    assert contact.has_consent is False  # consent is the contact's own, never widened
    assert member.enterprise_id == kept.pk
    assert case.enterprise_id == kept.pk
    assert participant.enterprise_id == kept.pk
    assert AuditEvent.objects.filter(target_id=str(kept.pk)).count() >= history
    assert identity.duplicates_of_enterprise(kept) == []

    enterprise_merge_undo(actor=officer, merge=result.merge)
    kept.refresh_from_db()
    merged.refresh_from_db()
    contact.refresh_from_db()
    case.refresh_from_db()
    member.refresh_from_db()
    assert merged.deleted_at is None
    assert kept.name_en == ""
    assert kept.aliases == []
    assert kept.social_credit_code == result.merge.kept_before["social_credit_code"]
    assert merged.social_credit_code == result.merge.merged_before["social_credit_code"]
    assert (contact.enterprise_id, case.enterprise_id, member.enterprise_id) == (merged.pk,) * 3
    assert AuditEvent.objects.filter(target_id=str(merged.pk)).count() > history
    with pytest.raises(DomainError):
        enterprise_merge_undo(actor=officer, merge=result.merge)


def test_a_stale_merge_is_refused_and_changes_nothing(officer, pair):
    kept, merged = pair
    ContactFactory(enterprise=merged)
    with pytest.raises(StaleRecordError):
        enterprise_merge(
            actor=officer,
            kept=kept,
            merged=merged,
            kept_version=kept.version - 1,
            merged_version=merged.version,
        )
    assert Contact.objects.get().enterprise_id == merged.pk
    assert Enterprise.objects.get(pk=merged.pk).deleted_at is None


def test_only_the_task_force_merges(pair):
    kept, merged = pair
    for role in (Role.ANALYST, Role.ORGANISER, Role.ENTERPRISE_MEMBER):
        with pytest.raises(DomainError):
            enterprise_merge(
                actor=UserFactory(role=role),
                kept=kept,
                merged=merged,
                kept_version=kept.version,
                merged_version=merged.version,
            )


def test_undo_is_refused_after_the_kept_record_changed(officer, pair):
    kept, merged = pair
    result = enterprise_merge(
        actor=officer, kept=kept, merged=merged, kept_version=1, merged_version=1
    )
    kept.refresh_from_db()
    services.enterprise_update(
        actor=officer,
        enterprise=kept,
        seen_version=kept.version,
        data=services.EnterpriseInput({"website": "https://ruisheng.example.cn"}),
    )
    with pytest.raises(DomainError):
        enterprise_merge_undo(actor=officer, merge=result.merge)


def test_merge_covers_every_relation_to_enterprise_in_every_app():
    """Apps added later (roadmaps …) are moved too: the relations come from the model meta."""
    from django.apps import apps

    from goglobal.enterprises.merge import _OWN, _relations

    covered = {(model._meta.label_lower, field) for model, field in _relations()}
    own_tables = {field.remote_field.through for field in Enterprise._meta.many_to_many}
    for model in apps.get_models(include_auto_created=True):
        if model in _OWN or model in own_tables:  # target markets: merged as a union
            continue
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is Enterprise and field.concrete:
                if field.many_to_many:
                    continue  # counted through its table's foreign key
                assert (model._meta.label_lower, field.name) in covered, model
    labels = {label for label, _field in covered}
    assert "cases.case" in labels
    assert "events.participant" in labels
    if apps.is_installed("goglobal.roadmaps"):
        assert any(label.startswith("roadmaps.") for label in labels)
