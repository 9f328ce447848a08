"""The label walk's machinery: a small demo, every page of the URL conf, and the checks.

``demo_build`` writes a small copy of the demo (enterprises, providers, investors, an account
per role, cases in every stage, referrals, suggestions, roadmaps and an event with a published
schedule); ``pages`` resolves every GET page of the URL conf with the ids of its first objects;
``findings`` reads a page's visible text and names every code, id, field name, untranslated
English sentence and ASCII list punctuation a reader would see.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

ROLES = (
    "admin",
    "officer",
    "organiser",
    "analyst",
    "enterprise_member",
    "provider_member",
    "anonymous",
)
LANGUAGES = ("en", "zh-hans", "zh-hant")

# Pages that are not pages a person reads: machine endpoints, files, actions reached by POST
# only, and the sign-out and language switch (which change the session).
NOT_PAGES = {
    "core:health",
    "core:ready",
    "core:metrics",
    "accounts:logout",
    "set_language",
    "javascript-catalog",
    "roadmaps:shared_pdf",
    "roadmaps:pdf",
    "events:participant_agenda_pdf",
    "events:agendas_download",
    "events:agenda_pdf",
    "events:agenda_ics",
    "events:run_export",
    "imports:export",
    "analytics:report",
    "analytics:export",
    "analytics:export_slice",
    "cases:referral_action",
    "cases:provider_referral_answer",
    "accounts:token_revoke",
    "cases:task_complete",
    "cases:filter_delete",
    "cases:outcome_confirmation",
    "enterprises:duplicate_dismiss",
    "enterprises:merge_undo",
    "enterprises:duplicates_scan",
    "events:meeting_move",
    "events:run_publish",
    "events:request_create",
    "events:request_withdraw",
    "events:agenda_request",
    "events:agenda_request_withdraw",
    "roadmaps:override_withdraw",
    "privacy:enterprise_export",
    "privacy:contact_export",
    # one-time links made for one person (their tokens are not in the database in clear)
    "accounts:verify_email",
    "accounts:password_reset_confirm",
    "cases:outcome_confirm",
    "privacy:withdraw_link",
}


@dataclass
class Demo:
    """The ids and names the walk fills patterns with and allows as proper names."""

    ids: dict[str, Any]
    users: dict[str, Any]
    names: set[str] = field(default_factory=set)


def demo_build() -> Demo:
    """Write a small demo through the demo loaders (the reference data must be loaded)."""
    from goglobal.accounts.models import Role
    from goglobal.cases.demo import cases_demo_create, cases_demo_showcase
    from goglobal.cases.models import Case, Referral
    from goglobal.demo.accounts import demo_accounts_create
    from goglobal.demo.load import DemoSize, demo_set_create
    from goglobal.events import services as event_services
    from goglobal.events.models import Meeting
    from goglobal.events.selectors import agenda_token
    from goglobal.events.services.scheduling import schedule_run_execute
    from goglobal.events.tests.factories import (
        EventFactory,
        MeetingRequestFactory,
        ParticipantFactory,
    )
    from goglobal.imports.models import ImportJob
    from goglobal.knowledge.models import Agreement, HongKongFunction
    from goglobal.matching.models import MatchSuggestion
    from goglobal.roadmaps.demo import roadmaps_demo_create
    from goglobal.roadmaps.models import Roadmap
    from goglobal.roadmaps.selectors import share_token

    demo = demo_set_create(seed=2026, size=DemoSize(enterprises=24, providers=16, investors=4))
    enterprise, provider = demo.enterprises[0], demo.providers[0]
    accounts = {
        a.account.role: a.user
        for a in demo_accounts_create(enterprise=enterprise, provider=provider)
    }
    cases_demo_create(2026, count=20)
    cases_demo_showcase(provider=provider, suggest_limit=12)
    roadmaps_demo_create(2026)

    organiser = accounts[Role.ORGANISER]
    event = EventFactory(
        organiser=organiser,
        starts_on=timezone.localdate() + datetime.timedelta(days=30),
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    people = [
        ParticipantFactory(
            event=event, kind="enterprise", enterprise=e, organisation_name=e.name_zh
        )
        for e in demo.enterprises[:3]
    ] + [
        ParticipantFactory(
            event=event, kind="provider", provider=p, organisation_name=p.name_en, language="en"
        )
        for p in demo.providers[:3]
    ]
    for requester, requested in zip(people[:3], people[3:], strict=True):
        MeetingRequestFactory(event=event, requester=requester, requested=requested)
    run = event_services.schedule_run_start(actor=organiser, event=event)
    schedule_run_execute(run=run)  # what the worker does once the start commits
    event_services.schedule_run_publish(actor=organiser, run=run)

    case = Case.objects.filter(enterprise=enterprise).first() or Case.objects.order_by("pk").first()
    need = enterprise.needs.select_related("need").first()
    referral = Referral.objects.filter(provider=provider).order_by("pk").first()
    participant = people[0]
    participant.refresh_from_db()
    meeting = Meeting.objects.filter(run=run, first=participant).order_by("pk").first() or (
        Meeting.objects.filter(run=run).order_by("pk").first()
    )
    roadmap = Roadmap.objects.filter(enterprise=enterprise).order_by("pk").first()
    ids: dict[str, Any] = {
        "enterprise_id": enterprise.pk,
        "provider_id": provider.pk,
        "investor_id": demo.investors[0].pk,
        "case_id": case.pk if case else None,
        "referral_id": referral.pk if referral else None,
        "outcome_id": _outcome_on(case).pk if case else None,
        "suggestion_id": MatchSuggestion.objects.order_by("pk")
        .values_list("pk", flat=True)
        .first(),
        "event_id": event.pk,
        "participant_id": participant.pk,
        "run_id": run.pk,
        "meeting_id": meeting.pk if meeting else None,
        "need_code": need.need.code if need else None,
        "code": {
            "knowledge:function": HongKongFunction.objects.values_list("code", flat=True).first(),
            "knowledge:detail": "MY",
        },
        "token": {
            "events:agenda": agenda_token(participant),
            "events:agenda_change": agenda_token(participant),
            "roadmaps:shared": share_token(roadmap) if roadmap else None,
        },
        "kept_id": enterprise.pk,
        "merged_id": demo.enterprises[1].pk,
        "job_id": ImportJob.objects.create(
            kind="enterprises",
            original_name="企业名录.csv",
            file="imports/walk.csv",
            file_format="csv",
            status="succeeded",
            row_count=3,
            created_count=3,
            created_by=accounts[Role.ADMIN],
        ).pk,
        "draft_id": wizard_draft_create(accounts[Role.OFFICER]),
        "pk": {"knowledge:fact": Agreement.objects.values_list("pk", flat=True).first()},
        "kind": {
            "knowledge:fact": "agreement",
            "matching:connector_suggest": "supply_chain",
            "analytics:impact_slice": "market",
        },
        "value": {"analytics:impact_slice": "MY"},
        "number": 1,
        "contact_id": enterprise.contacts.values_list("pk", flat=True).first(),
    }
    names = {e.name_en for e in demo.enterprises} | {p.name_en for p in demo.providers}
    names |= {i.name_en for i in demo.investors if getattr(i, "name_en", "")}
    names |= {u.full_name for u in accounts.values()}
    names |= {event.name_en, organiser.full_name}
    return Demo(ids=ids, users=dict(accounts), names={n for n in names if n})


def wizard_draft_create(user: Any) -> int:
    """The officer's import wizard draft of a chamber's list, with its own Chinese columns, a
    code that fails its check and a city no list knows (the pages show all three)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from goglobal.imports.drafts import import_draft_create

    content = (
        "编号,企业名称,统一社会信用代码,省份,城市,所属行业,员工人数,营业收入,企业性质,备注\n"
        "walk-1,深圳市漫游电子有限公司,91440300MA5FAKE00,广东省,深圳,38,300至999人,"
        "2亿至10亿元,民营,展会名单\n"
        "walk-2,东莞市漫游新能源有限公司,91441900MA5FAKE01,广东省,亚特兰蒂斯,38,少于50人,"
        "少于2000万元,私营,\n"
    )
    upload = SimpleUploadedFile("商会名录.csv", content.encode("utf-8"))
    return import_draft_create(actor=user, kind="enterprises", upload=upload).pk


def _outcome_on(case: Any) -> Any:
    """An outcome on the walked case, recorded as an officer would when the demo holds none."""
    import datetime

    from goglobal.cases import services as case_services
    from goglobal.cases.models import Outcome

    return Outcome.objects.filter(case=case).order_by("pk").first() or (
        case_services.outcome_record(
            case=case,
            actor=case.owner,
            kind="jobs_created",
            achieved_on=datetime.date(2026, 10, 1),
            jobs=8,
        )
    )


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Any:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace else (entry.namespace or "")
            yield from _patterns(
                entry, prefix + str(entry.pattern), inner if entry.namespace else namespace
            )
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else (entry.name or "")
            yield prefix + str(entry.pattern), name


KWARG = re.compile(r"<(?:(\w+):)?(\w+)>")


def _first_of_model(key: str) -> tuple[bool, Any]:
    """For ``delegation_id``: whether a model ``Delegation`` exists, and its first row's id."""
    from django.apps import apps

    if not key.endswith("_id"):
        return False, None
    wanted = key.removesuffix("_id").replace("_", "")
    for model in apps.get_models():
        if model.__name__.lower() == wanted:
            return True, model._default_manager.order_by("pk").values_list("pk", flat=True).first()
    return False, None


def pages(demo: Demo) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, url) of every page a person reads, and (name, why) of the patterns left out:
    "no demo value" (the walk does not know what fills it: a failure) or "the demo holds no
    ..." (an app whose objects the demo does not write yet)."""
    found: list[tuple[str, str]] = []
    left: list[tuple[str, str]] = []
    for pattern, name in _patterns(get_resolver()):
        if pattern.startswith(("api/", "admin/", "__")) or name in NOT_PAGES:
            continue
        url = "/" + pattern.lstrip("^").rstrip("$")
        missing = []
        for _converter, key in KWARG.findall(pattern):
            value = demo.ids.get(key)
            if isinstance(value, dict):
                value = value.get(name)
            if value is None and key not in demo.ids:
                known, value = _first_of_model(key)
                if known and value is None:
                    missing.append(f"{key} (the demo holds no such object)")
                    continue
            if value is None:
                missing.append(key)
                continue
            url = KWARG.sub(str(value), url, count=1)
        if missing:
            left.append((name, f"no demo value for {', '.join(missing)}"))
            continue
        found.append((name, url))
    return found, left


VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class _Text(HTMLParser):
    """Visible text nodes (and the words of placeholders, titles and labels a reader sees),
    each with the language it is marked as written in (``lang`` on it or an ancestor)."""

    SKIP = {"script", "style", "template", "noscript"}
    ATTRS = {"placeholder", "title", "aria-label", "alt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[tuple[str, str]] = []
        # (tag, lang): the language marked on the element or an ancestor below <html>, that of
        # a text quoted as written (a source's title, a description in its own language)
        self._open: list[tuple[str, str]] = []
        self._skip = 0

    def _lang(self) -> str:
        return self._open[-1][1] if self._open else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        own = values.get("lang") if tag != "html" else None
        if tag == "code":
            own = "zxx"  # literal text a person types (a file's column names): no language
        lang = (own or self._lang() or "").lower()
        for key, value in attrs:
            if key in self.ATTRS and value and value.strip():
                self.nodes.append((value.strip(), lang))
        if tag in VOID:
            return
        if tag in self.SKIP:
            self._skip += 1
        self._open.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.nodes.append((" ".join(data.split()), self._lang()))


def text_nodes(html: str) -> list[tuple[str, str]]:
    parser = _Text()
    parser.feed(html)
    return parser.nodes


HAN = r"[\u3400-\u9fff]"
CODE_PATTERNS = {
    "indicator code": re.compile(r"\b[A-Z]{2}\.[A-Z]{3}\.[A-Z]{2,4}(?:\.[A-Z]{2})?\b"),
    "sector number": re.compile(r"\((?:sector|division|行业|行業)\s*\d+\)", re.I),
    "engine version": re.compile(r"\b(?:matching|matcher|scheduler|roadmap)/\d+\b"),
    "language codes": re.compile(
        r"\((?:en|zh|zh-hans|zh-hant)(?:\s*,\s*(?:en|zh|zh-hans|zh-hant))*\)"
    ),
    "snake_case": re.compile(r"(?<![\w@./:-])[a-z]+(?:_[a-z0-9]+)+(?![\w@./-])"),
    "dotted code": re.compile(r"(?<![\w@./:-])[a-z]+\.[a-z_]+(?:\.[a-z_]+)*(?![\w@/-])"),
    "code:id": re.compile(r"(?<![\w@./-])[a-z_]+:\d+\b"),
}
CHINESE_ASCII_PUNCTUATION = re.compile(rf"{HAN}\s*[,;]\s*{HAN}|{HAN}\s*:(?!//)")
ENGLISH_SENTENCE = re.compile(r"[A-Za-z][a-z']*(?:[ ,]+[A-Za-z][a-z']*){3,}")
ENGLISH_WORDS = {
    "the", "of", "and", "to", "is", "not", "a", "for", "with", "in", "on", "by", "no", "this",
    "be", "are", "has", "have", "an", "or", "yet", "from", "your", "you", "it", "at", "as",
}  # fmt: skip
ISO_ALONE = re.compile(r"^[A-Z]{2}(?:\s*[,、]\s*[A-Z]{2})*$")
# Words that are names in every language: the platform, file formats, standards.
ALLOWED = re.compile(
    r"GoGlobal Connect|CSV|XLSX|PDF|ICS|JSON|API|ORCID|WCAG|ASVS|OpenAPI|e\.g\.|i\.e\."
)


def _codes_in(text: str, codes: set[str], iso: set[str]) -> list[str]:
    found = []
    if ISO_ALONE.match(text.strip()) and set(re.findall(r"[A-Z]{2}", text)) <= iso:
        found.append(f"ISO code alone: {text.strip()!r}")
    for kind, pattern in CODE_PATTERNS.items():
        for match in pattern.finditer(text):
            token = match.group(0)
            if kind != "dotted code" or token in codes:
                found.append(f"{kind}: {token!r}")
    return found


def _chinese_problems(text: str) -> list[str]:
    found = []
    match = CHINESE_ASCII_PUNCTUATION.search(text)
    if match:
        found.append(f"ASCII punctuation: {match.group(0)!r}")
    for sentence in ENGLISH_SENTENCE.finditer(text):
        words = {word.lower() for word in re.findall(r"[A-Za-z']+", sentence.group(0))}
        if words & ENGLISH_WORDS:
            found.append(f"English: {sentence.group(0)[:120]!r}")
            break
    return found


def findings(
    html: str, *, language: str, codes: set[str], iso: set[str], names: set[str]
) -> list[str]:
    """What a reader of ``language`` should not see on the page ``html``: codes anywhere;
    on Chinese pages also English sentences and ASCII list punctuation, except in text marked
    (``lang``) as quoted in its own language."""
    found: list[str] = []
    for node, lang in text_nodes(html):
        if lang == "zxx":
            continue
        text = node
        for name in names:
            if name in text:
                text = text.replace(name, " ")
        text = ALLOWED.sub(" ", text)
        problems = _codes_in(text, codes, iso)
        if language != "en" and not lang:
            problems += _chinese_problems(text)
        found += [f"{problem} in {node[:120]!r}" for problem in problems]
    return found
