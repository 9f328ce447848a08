"""Translation catalogues: `update` extracts and compiles, `compile` compiles, `check` verifies.

Catalogues live in src/goglobal/locale/{zh_Hans,zh_Hant}/LC_MESSAGES/django.po. Compiled .mo
files are committed (compiled here with Babel, so running the platform needs no GNU gettext);
`check` fails when a msgid lacks either Chinese translation, when an entry is fuzzy, when a
.mo file's catalogue differs from its .po (message ids, contexts, strings, plural forms; the
header, such as the compiler's "Generated-By" line, is not compared), or (where GNU gettext is
installed) when extraction would change the set of msgids.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "goglobal"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("zh_Hans", "zh_Hant")


def _po(language: str, locale_dir: Path = LOCALE) -> Path:
    return locale_dir / language / "LC_MESSAGES" / "django.po"


def _extract(into: Path) -> None:
    """Run makemessages over the package, writing catalogues under ``into``."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "goglobal.config.settings.test"}
    env.setdefault("SECRET_KEY", "messages-only")
    work = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(PACKAGE, work / "goglobal", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.rmtree(work / "goglobal" / "locale", ignore_errors=True)
        if LOCALE.exists():
            shutil.copytree(LOCALE, work / "goglobal" / "locale")
        command = [sys.executable, "-m", "django", "makemessages", "--no-location", "--no-obsolete"]
        command += ["-i", "*/tests/*", "-i", "engines/*"]
        for language in LANGUAGES:
            command += ["-l", language]
        subprocess.run(command, cwd=work / "goglobal", env=env, check=True, capture_output=True)  # noqa: S603
        shutil.rmtree(into, ignore_errors=True)
        shutil.copytree(work / "goglobal" / "locale", into)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _compile(po_path: Path) -> bytes:
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    for language in LANGUAGES:
        po_path = _po(language)
        po_path.with_suffix(".mo").write_bytes(_compile(po_path))


def _problems(language: str) -> list[str]:
    with _po(language).open("rb") as handle:
        catalog = read_po(handle)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"{language}: fuzzy: {message.id!r}")
        elif not all(strings):
            problems.append(f"{language}: untranslated: {message.id!r}")
    mo_path = _po(language).with_suffix(".mo")
    if not mo_path.exists():
        problems.append(f"{language}: django.mo is missing (run: make messages)")
        return problems
    differences = catalogue_differences(_po(language), mo_path)
    problems += [
        f"{language}: django.mo is out of date: {d} (run: make messages)" for d in differences
    ]
    return problems


Entries = dict[tuple[str | None, object], object]


def _entries(catalog: object, *, skip_fuzzy: bool) -> Entries:
    """Message (context, id) -> strings, without the header entry (its id is empty)."""
    entries: Entries = {}
    for message in catalog:  # type: ignore[attr-defined]
        if not message.id or (skip_fuzzy and message.fuzzy):
            continue
        strings = message.string
        if isinstance(strings, list | tuple):
            strings = tuple(strings)
            if not any(strings):
                continue
        elif not strings:
            continue
        key = tuple(message.id) if isinstance(message.id, list | tuple) else message.id
        entries[(message.context, key)] = strings
    return entries


def catalogue_differences(po_path: Path, mo_path: Path) -> list[str]:
    """What a compiled catalogue says differently from its source, header aside.

    A .mo file holds only translated, non-fuzzy messages, so those are what is compared: the
    same (context, id) keys, the same strings and the same plural forms. The header (the
    compiler's version, dates) may differ without a difference being reported.
    """
    with po_path.open("rb") as handle:
        source = read_po(handle)
    with mo_path.open("rb") as handle:
        compiled = read_mo(handle)
    expected = _entries(source, skip_fuzzy=True)
    actual = _entries(compiled, skip_fuzzy=False)
    differences = [f"missing {key[1]!r}" for key in expected.keys() - actual.keys()]
    differences += [f"not in the .po: {key[1]!r}" for key in actual.keys() - expected.keys()]
    differences += [
        f"different translation of {key[1]!r}"
        for key in expected.keys() & actual.keys()
        if expected[key] != actual[key]
    ]
    if source.plural_forms != compiled.plural_forms:
        differences.append(f"plural forms {compiled.plural_forms!r}, not {source.plural_forms!r}")
    return sorted(differences)


def _msgids(po_path: Path) -> set[str]:
    with po_path.open("rb") as handle:
        return {str(message.id) for message in read_po(handle) if message.id}


def check() -> int:
    problems = [problem for language in LANGUAGES for problem in _problems(language)]
    if shutil.which("xgettext"):
        fresh = Path(tempfile.mkdtemp()) / "locale"
        _extract(fresh)
        for language in LANGUAGES:
            missing = _msgids(_po(language, fresh)) - _msgids(_po(language))
            extra = _msgids(_po(language)) - _msgids(_po(language, fresh))
            problems += [f"{language}: not in the catalogue: {m!r}" for m in sorted(missing)]
            problems += [f"{language}: no longer used: {m!r}" for m in sorted(extra)]
    else:
        print("GNU gettext is not installed: extraction was not checked.", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"translations: {len(problems)} problem(s)")
    return 1 if problems else 0


def update() -> None:
    _extract(LOCALE)
    compile_all()


def main() -> int:
    action = sys.argv[1] if len(sys.argv) > 1 else "check"
    if action == "update":
        update()
        return 0
    if action == "compile":
        compile_all()
        return 0
    return check()


if __name__ == "__main__":
    raise SystemExit(main())
