import pytest

from goglobal.engines.matching import ProviderIndex, exposure_shares, gini, rank
from goglobal.engines.matching.tests.factories import provider, query


def test_rotation_spreads_first_place_among_near_equal_providers():
    index = ProviderIndex([provider(name) for name in ("a", "b", "c")])

    firsts = [rank(index, query(rotation=key))[0].id for key in range(6)]

    assert firsts == ["a", "b", "c", "a", "b", "c"]


def test_rotation_marks_moved_matches_and_keeps_everyone():
    index = ProviderIndex([provider(name) for name in ("a", "b", "c")])

    matches = rank(index, query(rotation=1))

    assert [m.id for m in matches] == ["b", "c", "a"]
    assert matches[0].rotated
    assert ("fairness.rotated", {"pool": 3}) in matches[0].reasons


def test_rotation_leaves_clearly_better_providers_alone():
    index = ProviderIndex(
        [
            provider("best"),
            provider(
                "weak",
                office_markets=frozenset(),
                works_globally=True,
                sectors=frozenset(),
                description="",
            ),
        ]
    )

    assert [rank(index, query(rotation=key))[0].id for key in range(3)] == ["best"] * 3


def test_rotation_never_promotes_a_provider_at_capacity():
    index = ProviderIndex([provider("a"), provider("b", capacity=1, open_referrals=1)])

    assert rank(index, query(rotation=1))[0].id == "a"


def test_gini_on_hand_computed_examples():
    assert gini([5, 5, 5, 5]) == 0
    assert gini([0, 0, 0, 8]) == pytest.approx(0.75)
    assert gini({"a": 1, "b": 3}) == pytest.approx(0.25)
    assert gini([]) == 0


def test_exposure_shares():
    assert exposure_shares({"b": 1, "a": 3}) == {"a": 0.75, "b": 0.25}
    assert exposure_shares({"a": 0}) == {"a": 0.0}


def test_rotation_lowers_gini_of_first_place():
    index = ProviderIndex([provider(name) for name in "abcd"])
    fixed: dict[str, int] = dict.fromkeys("abcd", 0)
    rotated: dict[str, int] = dict.fromkeys("abcd", 0)

    for key in range(40):
        fixed[rank(index, query())[0].id] += 1
        rotated[rank(index, query(rotation=key))[0].id] += 1

    assert gini(fixed) == pytest.approx(0.75)
    assert gini(rotated) == 0
