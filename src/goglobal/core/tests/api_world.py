"""The records and tokens the property-based API tests (``test_api_properties.py``) work on.

A small world of real rows — an enterprise with a member, needs, contacts, a case, a referral
to a provider with a member, an investor, an event with participants, a delegation with
members, a roadmap — and one API token per role, made through the platform's own services.
The generated requests name these records in their paths about half of the time (and
arbitrary ids otherwise), so both the answers for real records and the 404s are exercised.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st


@dataclass(frozen=True)
class Credential:
    """A token holder: a role and the scopes of its token."""

    name: str
    role: str
    scopes: tuple[str, ...]


CREDENTIALS = [
    Credential("officer", "officer", ("write",)),
    Credential("admin", "admin", ("write",)),
    Credential("organiser", "organiser", ("write",)),
    Credential("analyst-read", "analyst", ("read",)),
    Credential("enterprise-member", "enterprise_member", ("write",)),
    Credential("provider-member", "provider_member", ("write",)),
    # A good token outside its area: every operation but reference data is a 403.
    Credential("officer-reference-only", "officer", ("reference:read",)),
]


def credential_for(case: Any) -> str:
    """The token an example is sent with: chosen from what the example holds, so every role
    is tried across an operation's examples and an example always goes with the same one."""
    held = repr((case.path_parameters, case.query, case.body)).encode()
    return CREDENTIALS[zlib.crc32(held) % len(CREDENTIALS)].name


@dataclass
class World:
    tokens: dict[str, str]
    path_values: dict[str, list[Any]] = field(default_factory=dict)


def _build() -> World:
    from goglobal.accounts.models import Role
    from goglobal.accounts.services import api_token_issue
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.analytics.api import DATASETS
    from goglobal.cases.tests.factories import CaseFactory, InteractionFactory, ReferralFactory
    from goglobal.delegations.tests.factories import small_delegation
    from goglobal.enterprises.tests.factories import (
        ContactFactory,
        EnterpriseFactory,
        EnterpriseMemberFactory,
        EnterpriseNeedFactory,
    )
    from goglobal.events.tests.factories import ParticipantFactory
    from goglobal.knowledge.models import HongKongFunction
    from goglobal.providers.tests.factories import (
        InvestorFactory,
        ProviderMarketFactory,
        ProviderMemberFactory,
    )
    from goglobal.roadmaps.services import roadmap_generate

    users = {c.role: UserFactory(role=c.role) for c in CREDENTIALS}
    enterprise = EnterpriseFactory()
    other_enterprise = EnterpriseFactory()
    EnterpriseMemberFactory(user=users[Role.ENTERPRISE_MEMBER], enterprise=enterprise)
    EnterpriseNeedFactory(enterprise=enterprise)
    ContactFactory(enterprise=enterprise)
    membership = ProviderMemberFactory(user=users[Role.PROVIDER_MEMBER])
    ProviderMarketFactory(provider=membership.provider)
    investor = InvestorFactory()
    case = CaseFactory(enterprise=enterprise, owner=users[Role.OFFICER])
    referral = ReferralFactory(case=case, provider=membership.provider, sent=True)
    InteractionFactory(case=case)
    participant = ParticipantFactory(event__organiser=users[Role.ORGANISER])
    ParticipantFactory(event=participant.event, kind="provider")
    small = small_delegation(owner=users[Role.OFFICER], enterprise=enterprise)
    roadmap_generate(actor=users[Role.OFFICER], enterprise=enterprise)

    tokens = {
        c.name: api_token_issue(user=users[c.role], name=c.name, scopes=c.scopes)[1]
        for c in CREDENTIALS
    }
    return World(
        tokens=tokens,
        path_values={
            "enterprise_id": [enterprise.pk, other_enterprise.pk],
            "need_code": ["legal.setup", "finance.banking"],
            "provider_id": [membership.provider_id],
            "investor_id": [investor.pk],
            "number": [1],
            "referral_id": [referral.pk],
            "action": ["accept", "decline", "progress", "complete"],
            "case_id": [case.pk],
            "event_id": [participant.event_id],
            "delegation_id": [small.delegation.pk],
            "member_id": [m.pk for m in small.members.values()],
            "name": list(DATASETS),
            "code": ["VN", "SG", *HongKongFunction.objects.values_list("code", flat=True)[:3]],
            "market": ["VN"],
        },
    )


def world(django_db_blocker: Any) -> Iterator[World]:
    """Build the world inside a transaction that is rolled back when the caller is done."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        built = _build()
        _use_ids(built)
        yield built
        _CURRENT.clear()
        transaction.set_rollback(True)


_CURRENT: dict[str, list[Any]] = {}


def _use_ids(world: World) -> None:
    """Make the world's records the ones generated paths may name."""
    _CURRENT.clear()
    _CURRENT.update(world.path_values)


def _maybe_real(parameters: Any) -> st.SearchStrategy[Any]:
    if not isinstance(parameters, dict):
        return st.just(parameters)
    choices = {}
    for name, value in parameters.items():
        known = [v for v in _CURRENT.get(name, []) if type(v) is type(value)]
        choices[name] = st.sampled_from([value, *known]) if known else st.just(value)
    return st.fixed_dictionaries(choices)


def register_path_hooks(schema: Any) -> None:
    @schema.hook
    def before_generate_path_parameters(context: Any, strategy: Any) -> Any:
        return strategy.flatmap(_maybe_real)
