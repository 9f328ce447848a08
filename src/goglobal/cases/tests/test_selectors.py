import pytest
from django.http import Http404

from goglobal.cases import selectors
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory
from goglobal.enterprises.tests.factories import (
    ContactFactory,
    EnterpriseMemberFactory,
    EnterpriseNeedFactory,
)
from goglobal.knowledge.models import NeedCode
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = pytest.mark.django_db


def _referral_with_contacts(**traits):
    referral = ReferralFactory(**traits)
    enterprise = referral.case.enterprise
    EnterpriseNeedFactory(enterprise=enterprise)
    EnterpriseNeedFactory(enterprise=enterprise, need=NeedCode.objects.get(code="fundraising.ipo"))
    consented = ContactFactory(enterprise=enterprise, has_consent=True, email="yes@example.cn")
    refused = ContactFactory(enterprise=enterprise, has_consent=False, email="no@example.cn")
    member = ProviderMemberFactory(provider=referral.provider).user
    return referral, member, consented, refused


def test_before_accepting_the_provider_sees_need_and_profile_only():
    referral, member, _consented, _refused = _referral_with_contacts(sent=True)

    view = selectors.provider_referral_get_for(user=member, referral_id=referral.pk)

    assert view.need.code == "legal.setup"
    assert view.sector.code == "38"
    assert view.size_band
    assert view.description == referral.case.enterprise.description
    assert view.contacts == []
    assert view.other_needs == []
    assert view.name == ""


def test_after_accepting_only_consented_contacts_and_the_other_needs():
    referral, member, consented, refused = _referral_with_contacts(accepted=True)

    view = selectors.provider_referral_get_for(user=member, referral_id=referral.pk)

    assert view.contacts == [consented]
    assert refused not in view.contacts
    assert [need.code for need in view.other_needs] == ["fundraising.ipo"]


def test_after_accepting_without_any_consent_no_contacts():
    referral = ReferralFactory(accepted=True)
    ContactFactory(enterprise=referral.case.enterprise, has_consent=False)
    member = ProviderMemberFactory(provider=referral.provider).user

    view = selectors.provider_referral_get_for(user=member, referral_id=referral.pk)

    assert "contacts" not in view.fields
    assert view.contacts == []


def test_a_provider_sees_no_referral_of_another_provider_nor_proposed_ones():
    referral = ReferralFactory(sent=True)
    other = ProviderMemberFactory().user
    own = ProviderMemberFactory(provider=referral.provider).user
    proposed = ReferralFactory(provider=referral.provider)

    with pytest.raises(Http404):
        selectors.provider_referral_get_for(user=other, referral_id=referral.pk)
    with pytest.raises(Http404):
        selectors.provider_referral_get_for(user=own, referral_id=proposed.pk)


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("admin", True),
        ("officer", True),
        ("analyst", True),
        ("organiser", False),
        ("enterprise_member", False),
        ("provider_member", False),
    ],
)
def test_who_sees_cases(make_user, role, visible):
    case = CaseFactory()

    assert selectors.cases_visible_to(make_user(role)).filter(pk=case.pk).exists() is visible


def test_enterprise_member_sees_its_status_and_accepted_referrals_only():
    case = CaseFactory(stage="matched")
    accepted = ReferralFactory(case=case, accepted=True)
    ReferralFactory(case=case, sent=True, need=NeedCode.objects.get(code="fundraising.ipo"))
    member = EnterpriseMemberFactory(enterprise=case.enterprise).user

    view = selectors.enterprise_case_for(user=member)

    assert view is not None
    assert view.stage == "matched"
    assert view.referrals == [accepted]
