import pytest

from goglobal.cases import rules


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("lead", "qualified"),
        ("qualified", "needs_assessed"),
        ("needs_assessed", "matched"),
        ("matched", "in_progress"),
        ("in_progress", "landed_hk"),
        ("landed_hk", "expanded_abroad"),
        ("matched", "dormant"),
        ("dormant", "lead"),
        ("closed", "lead"),
    ],
)
def test_allowed_moves(current, target):
    assert rules.can_move(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [("lead", "matched"), ("landed_hk", "lead"), ("matched", "qualified"), ("dormant", "matched")],
)
def test_refused_moves(current, target):
    assert not rules.can_move(current, target)


@pytest.mark.parametrize("stage", rules.STAGES[:-1])
def test_every_stage_can_close_with_a_reason_only(stage):
    assert rules.can_move(stage, "closed", reason="公司决定暂停")
    assert not rules.can_move(stage, "closed", reason="  ")


def test_provider_sees_only_the_basics_before_accepting():
    assert rules.provider_visible_fields(accepted=False, consent=True) == rules.PROVIDER_BASE_FIELDS


def test_provider_sees_other_needs_but_no_contacts_without_consent():
    fields = rules.provider_visible_fields(accepted=True, consent=False)

    assert "other_needs" in fields
    assert "contacts" not in fields


def test_provider_sees_contacts_after_accepting_with_consent():
    assert "contacts" in rules.provider_visible_fields(accepted=True, consent=True)


def test_referral_moves_belong_to_one_side():
    assert rules.can_move_referral("sent", "accepted", side=rules.PROVIDER)
    assert not rules.can_move_referral("sent", "accepted", side=rules.OFFICER)
    assert not rules.can_move_referral("proposed", "sent", side=rules.PROVIDER)
    assert not rules.can_move_referral("declined", "accepted", side=rules.PROVIDER)
