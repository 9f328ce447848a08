import pytest

from goglobal.enterprises import rules
from goglobal.enterprises.tests.factories import social_credit_code


def test_generated_codes_are_valid():
    for n in range(1, 200):
        assert rules.social_credit_problem(social_credit_code(n, "440300")) is None


@pytest.mark.parametrize("position", range(17))
def test_changing_any_character_breaks_the_check(position):
    code = social_credit_code(123456, "110000")
    replacement = "1" if code[position] != "1" else "2"
    broken = code[:position] + replacement + code[position + 1 :]

    assert rules.social_credit_problem(broken) in {"check", "characters"}


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("9131000012345678", "length"),
        ("91310000I23456789X", "characters"),
        ("91310000MA1FL8X0X0", "check"),
    ],
)
def test_problems_are_named(code, problem):
    assert rules.social_credit_problem(code) == problem


def test_check_character_zero_when_sum_divides():
    # The alphabet has 31 characters; a remainder of 0 maps to "0", never to index 31.
    for n in range(1, 2000):
        code = social_credit_code(n)
        assert code[-1] in rules.SOCIAL_CREDIT_ALPHABET


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("85", True),
        ("8507", True),
        ("850760", True),
        ("77", False),
        ("98", False),
        ("850", False),
        ("ab", False),
    ],
)
def test_hs_codes(code, valid):
    assert rules.hs_code_is_valid(code) is valid
