"""Field validators that turn rule failures into translated field errors."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from goglobal.enterprises import rules

_SOCIAL_CREDIT_MESSAGES = {
    "length": _("A Unified Social Credit Code has 18 characters."),
    "characters": _(
        "A Unified Social Credit Code uses digits and capital letters other than I, O, S, V "
        "and Z, with six digits of the region code in positions 3 to 8."
    ),
    "check": _("The check character (the 18th) does not match: please check the code."),
}


def validate_social_credit_code(value: str) -> None:
    problem = rules.social_credit_problem(value)
    if problem:
        raise ValidationError(_SOCIAL_CREDIT_MESSAGES[problem], code=f"social_credit_{problem}")


def validate_hs_codes(value: list[str]) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Give HS codes as a list."), code="hs_list")
    bad = [code for code in value if not rules.hs_code_is_valid(str(code))]
    if bad:
        raise ValidationError(
            _("Not HS codes (2, 4 or 6 digits, chapters 01–97): %(codes)s"),
            params={"codes": ", ".join(map(str, bad))},
            code="hs_code",
        )
