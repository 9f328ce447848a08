"""Working languages, as BCP 47 primary subtags, with labels for people."""

from django.utils.translation import gettext_lazy as _

WORKING_LANGUAGES = [
    ("zh", _("Putonghua (Mandarin)")),
    ("yue", _("Cantonese")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("hi", _("Hindi")),
    ("id", _("Indonesian")),
    ("it", _("Italian")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("ms", _("Malay")),
    ("pt", _("Portuguese")),
    ("ru", _("Russian")),
    ("th", _("Thai")),
    ("tr", _("Turkish")),
    ("vi", _("Vietnamese")),
]
WORKING_LANGUAGE_CODES = frozenset(code for code, _label in WORKING_LANGUAGES)

TEXT_LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("zh-hant", "繁體中文")]
