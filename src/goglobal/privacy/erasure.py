"""Erasure on request (or by retention): personal data replaced by anonymised values everywhere
the platform keeps a copy of it, the non-personal facts kept.

What is personal: contacts' names, job titles, emails and phones; the accounts acting for the
enterprise (email, name); event registrations (name, email); for a whole enterprise also its
names, former names (aliases), website and registration code, since a small firm's name is
often a person's. Each of these strings is then replaced wherever a copy of it is stored: free
text of needs, cases, tasks, referrals and their history, interactions, outcomes and their
confirmations, roadmaps, match suggestions, merge and duplicate records, the audit trail's
stored changes (``AuditEvent.changes``), the error lists of import jobs and the uploaded import
files on disk (rewritten), and agenda bundles on disk (deleted: they are rebuilt on demand).
Search keys (``search_text``, ``IdentityKey``) and the cases' copies of the name are rebuilt.

What stays: sector, province and city, size and revenue bands, ownership, listing status,
needs, target markets, cases' stages and dates, referrals' providers and statuses, outcomes
with their amounts, currencies, markets and jobs. KPIs read only these.

Everything runs in one transaction; files on disk are rewritten only once it has committed, so
a failure leaves the database and the files as they were.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.db.models import Q

from goglobal.accounts.models import ApiToken, User
from goglobal.cases.models import (
    Case,
    CaseEvent,
    Interaction,
    Outcome,
    Referral,
    ReferralEvent,
    Task,
)
from goglobal.core.audit import audit_record
from goglobal.core.models import AuditEvent
from goglobal.enterprises.identity import identity_keys_refresh
from goglobal.enterprises.models import (
    Contact,
    DuplicateCandidate,
    Enterprise,
    EnterpriseMembership,
    EnterpriseMerge,
    EnterpriseNeed,
)
from goglobal.enterprises.rules import social_credit_check_character
from goglobal.enterprises.services import enterprise_search_text
from goglobal.enterprises.signals import announce_changed
from goglobal.events.models import AgendaBundle, Participant
from goglobal.imports.models import ImportJob
from goglobal.matching.models import ConnectorSuggestion, MatchSuggestion
from goglobal.privacy.export import audit_targets
from goglobal.privacy.models import Erasure
from goglobal.roadmaps.models import Roadmap, RoadmapFigures, RoadmapOverride

logger = logging.getLogger("goglobal.privacy")

ANONYMISED = "已匿名 · Anonymised"
_HAN = re.compile(r"[\u3400-\u9fff]")
# Shorter strings are not searched for in free text: two Han characters make a name, Latin
# needs three letters (a two-letter string would hit codes and ordinary words).
_MIN_HAN, _MIN_LATIN = 2, 3


def placeholder_code(enterprise_id: int) -> str:
    """A well-formed Unified Social Credit Code no registry issues (authority and area 0)."""
    body = f"00000000{enterprise_id:09d}"
    return body + social_credit_check_character(body)


class Scrubber:
    """Replaces every occurrence of the given strings (case-insensitively) in text and JSON."""

    def __init__(self, strings: Iterable[str]) -> None:
        needles = sorted(
            {
                s.strip()
                for s in strings
                if s and len(s.strip()) >= (_MIN_HAN if _HAN.search(s) else _MIN_LATIN)
            },
            key=len,
            reverse=True,
        )
        self.pattern = (
            re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE) if needles else None
        )

    def text(self, value: str) -> str:
        if not self.pattern or not value:
            return value
        return self.pattern.sub(ANONYMISED, value)

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {self.text(k): self.value(v) for k, v in value.items()}
        return value

    def found_in(self, text: str) -> bool:
        return bool(self.pattern and self.pattern.search(text))


_TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.EmailField)


def scrub_rows(queryset: models.QuerySet[Any], scrubber: Scrubber, skip: Iterable[str] = ()) -> int:
    """Scrub every text and JSON field (but ``skip`` and fields with choices) of the rows;
    returns how many rows changed."""
    model = queryset.model
    names = [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, _TEXT_FIELDS) and not f.choices and f.name not in set(skip)
    ]
    changed = 0
    for row in queryset.only("pk", *names):
        updates = {}
        for name in names:
            before = getattr(row, name)
            after = scrubber.value(before)
            if after != before:
                updates[name] = after
        if updates:
            model._base_manager.filter(pk=row.pk).update(**updates)
            changed += 1
    return changed


@dataclass
class _Plan:
    """The rows and strings one erasure covers."""

    enterprise: Enterprise
    contacts: list[Contact]
    participants: list[Participant]
    users: list[User]
    strings: set[str] = field(default_factory=set)
    whole_enterprise: bool = False


def _strings_of(plan: _Plan) -> set[str]:
    strings: set[str] = set()
    for contact in plan.contacts:
        strings |= {contact.full_name, contact.email, contact.phone, contact.title}
    for participant in plan.participants:
        strings |= {participant.full_name, participant.email}
    for user in plan.users:
        strings |= {user.email, user.full_name}
    if plan.whole_enterprise:
        enterprise = plan.enterprise
        strings |= {enterprise.name_zh, enterprise.name_en, enterprise.website}
        strings |= {enterprise.social_credit_code, enterprise.external_id or ""}
        strings |= set(enterprise.aliases or [])
    strings.discard(ANONYMISED)
    return {s for s in strings if s}


def _anonymise_rows(plan: _Plan) -> dict[str, int]:
    counts: dict[str, int] = {}
    for contact in plan.contacts:
        Contact.objects.filter(pk=contact.pk).update(
            full_name=ANONYMISED,
            title="",
            email="",
            phone="",
            languages=[],
            has_consent=False,
        )
    counts["contacts"] = len(plan.contacts)
    for participant in plan.participants:
        Participant.objects.filter(pk=participant.pk).update(
            full_name=ANONYMISED,
            email=f"anonymised-{participant.pk}@anonymised.invalid",
            **({"organisation_name": ANONYMISED} if plan.whole_enterprise else {}),
        )
    counts["registrations"] = len(plan.participants)
    for user in plan.users:
        user.email = f"anonymised-{user.pk}@anonymised.invalid"
        user.full_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["email", "full_name", "is_active", "password"])
        ApiToken.objects.filter(user=user).delete()
    counts["accounts"] = len(plan.users)
    if plan.whole_enterprise:
        enterprise = plan.enterprise
        enterprise.name_zh = ANONYMISED
        enterprise.name_en = ANONYMISED
        enterprise.aliases = []
        enterprise.website = ""
        enterprise.external_id = None
        enterprise.social_credit_code = placeholder_code(enterprise.pk)
        Enterprise.objects.filter(pk=enterprise.pk).update(
            name_zh=enterprise.name_zh,
            name_en=enterprise.name_en,
            aliases=[],
            website="",
            external_id=None,
            social_credit_code=enterprise.social_credit_code,
            version=models.F("version") + 1,
        )
        DuplicateCandidate.objects.filter(Q(first=enterprise) | Q(second=enterprise)).delete()
    return counts


def _scrub_copies(plan: _Plan, scrubber: Scrubber) -> dict[str, int]:
    enterprise = plan.enterprise
    cases = Case.objects.filter(enterprise=enterprise)
    referrals = Referral.objects.filter(case__in=cases)
    targets = audit_targets(enterprise)
    targets += [("accounts.user", str(u.pk)) for u in plan.users]
    audit_query = Q(pk__in=[])
    for target_type, target_id in targets:
        audit_query |= Q(target_type=target_type, target_id=target_id)
    counts = {
        "free_text": sum(
            scrub_rows(queryset, scrubber)
            for queryset in (
                Enterprise.objects.filter(pk=enterprise.pk),
                EnterpriseNeed.objects.filter(enterprise=enterprise),
                cases,  # its copies of the enterprise's name are rebuilt below
                Task.objects.filter(case__in=cases),
                referrals,
                ReferralEvent.objects.filter(referral__in=referrals),
                Interaction.objects.filter(case__in=cases),
                Outcome.objects.filter(case__in=cases),
                CaseEvent.objects.filter(case__in=cases),
                Roadmap.objects.filter(enterprise=enterprise),
                RoadmapOverride.objects.filter(enterprise=enterprise),
                RoadmapFigures.objects.filter(enterprise=enterprise),
                MatchSuggestion.objects.filter(enterprise=enterprise),
                ConnectorSuggestion.objects.filter(enterprise=enterprise),
                EnterpriseMerge.objects.filter(Q(kept=enterprise) | Q(merged=enterprise)),
                Participant.objects.filter(enterprise=enterprise),
            )
        ),
        "audit_entries": scrub_rows(
            AuditEvent.objects.filter(audit_query), scrubber, skip=["target_type", "target_id"]
        ),
        "import_jobs": scrub_rows(
            ImportJob.objects.all(), scrubber, skip=["file", "original_name"]
        ),
    }
    return counts


def _refresh_keys(enterprise: Enterprise) -> None:
    enterprise.refresh_from_db()
    Enterprise.objects.filter(pk=enterprise.pk).update(
        search_text=enterprise_search_text(enterprise)
    )
    identity_keys_refresh([enterprise.pk])
    announce_changed([enterprise.pk])  # the cases' copies of the name


# --- files on disk -------------------------------------------------------------------------


def _rewritten_csv(data: bytes, scrubber: Scrubber) -> bytes | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not scrubber.found_in(text):
            return None
        rows = list(csv.reader(io.StringIO(text, newline="")))
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(
            [[scrubber.text(cell) for cell in row] for row in rows]
        )
        return out.getvalue().encode(encoding)
    return None


def _rewritten_xlsx(data: bytes, scrubber: Scrubber) -> bytes | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = "".join(
                archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
    except zipfile.BadZipFile:
        return None
    from html import unescape

    if not scrubber.found_in(unescape(xml)):
        return None
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = scrubber.text(cell.value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _file_plans(scrubber: Scrubber, plan: _Plan) -> tuple[list[tuple[Path, bytes]], list[Path]]:
    """Import files to rewrite (path, new bytes) and agenda bundles to delete."""
    rewrites: list[tuple[Path, bytes]] = []
    for job in ImportJob.objects.exclude(file=""):
        try:
            path = Path(job.file.path)
            data = path.read_bytes()
        except (OSError, ValueError):
            continue
        new = (
            _rewritten_xlsx(data, scrubber)
            if job.file_format == "xlsx"
            else _rewritten_csv(data, scrubber)
        )
        if new is not None:
            rewrites.append((path, new))
    event_ids = {p.event_id for p in plan.participants}
    deletions: list[Path] = []
    for bundle in AgendaBundle.objects.filter(event_id__in=event_ids).exclude(file=""):
        try:
            deletions.append(Path(bundle.file.path))
        except ValueError:
            continue
    AgendaBundle.objects.filter(event_id__in=event_ids).exclude(file="").update(file="")
    return rewrites, deletions


def _write_files(rewrites: list[tuple[Path, bytes]], deletions: list[Path]) -> None:
    for path, data in rewrites:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".erasure-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    for path in deletions:
        path.unlink(missing_ok=True)


# --- the services --------------------------------------------------------------------------


def _run(plan: _Plan, *, actor: User | None, reason: str, origin: str, kind: str) -> Erasure:
    scrubber = Scrubber(_strings_of(plan))
    rewrites, deletions = _file_plans(scrubber, plan)
    counts = _anonymise_rows(plan)
    counts.update(_scrub_copies(plan, scrubber))
    _refresh_keys(plan.enterprise)
    counts["files_rewritten"] = len(rewrites)
    counts["files_deleted"] = len(deletions)
    subject_id = plan.enterprise.pk if kind == Erasure.Kind.ENTERPRISE else plan.contacts[0].pk
    erasure = Erasure.objects.create(
        kind=kind,
        subject_id=subject_id,
        enterprise_id=plan.enterprise.pk,
        origin=origin,
        reason=scrubber.text(reason),
        actor=actor if getattr(actor, "pk", None) else None,
        counts=counts,
    )
    audit_record(
        actor=actor,
        record=plan.enterprise,
        action="erased",
        changes={"erasure": erasure.pk, "kind": kind, "origin": origin, "counts": counts},
    )
    transaction.on_commit(lambda: _write_files(rewrites, deletions))
    transaction.on_commit(
        lambda: logger.info(
            "personal data erased",
            extra={
                "erasure_id": erasure.pk,
                "kind": kind,
                "subject_id": subject_id,
                "enterprise_id": plan.enterprise.pk,
                "origin": origin,
            },
        )
    )
    return erasure


@transaction.atomic
def enterprise_erase(
    *, actor: User | None, enterprise: Enterprise, reason: str, origin: str = "request"
) -> Erasure:
    """Anonymise the enterprise, its contacts, its members' accounts and its registrations."""
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    members = EnterpriseMembership.objects.filter(enterprise=enterprise).values("user_id")
    plan = _Plan(
        enterprise=enterprise,
        contacts=list(Contact.objects.filter(enterprise=enterprise)),
        participants=list(Participant.objects.filter(enterprise=enterprise)),
        users=list(User.objects.filter(pk__in=members)),
        whole_enterprise=True,
    )
    return _run(plan, actor=actor, reason=reason, origin=origin, kind=Erasure.Kind.ENTERPRISE)


@transaction.atomic
def contact_erase(
    *, actor: User | None, contact: Contact, reason: str, origin: str = "request"
) -> Erasure:
    """Anonymise one contact and the event registrations made with its address."""
    contact = Contact.objects.select_for_update().select_related("enterprise").get(pk=contact.pk)
    return contacts_erase(
        actor=actor, enterprise=contact.enterprise, contacts=[contact], reason=reason, origin=origin
    )


@transaction.atomic
def contacts_erase(
    *,
    actor: User | None,
    enterprise: Enterprise,
    contacts: list[Contact],
    reason: str,
    origin: str = "request",
) -> Erasure:
    """Anonymise several contacts of one enterprise in one pass (the retention rule), with the
    event registrations made with their addresses and, on request, the enterprise's member
    accounts that use one of them (who registered the enterprise is its first contact too)."""
    emails = [c.email for c in contacts if c.email]
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(email__iexact=email)
    members = EnterpriseMembership.objects.filter(enterprise=enterprise).values("user_id")
    plan = _Plan(
        enterprise=enterprise,
        contacts=contacts,
        participants=list(Participant.objects.filter(query)),
        # On request only: the retention rule clears old case contacts, not live accounts.
        users=list(User.objects.filter(query, pk__in=members))
        if emails and origin == Erasure.Origin.REQUEST
        else [],
    )
    return _run(plan, actor=actor, reason=reason, origin=origin, kind=Erasure.Kind.CONTACT)
