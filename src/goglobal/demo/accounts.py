"""One demo account per role, with a fixed password printed for the person trying the demo."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from goglobal.accounts import services as account_services
from goglobal.accounts.models import Role, User
from goglobal.enterprises import services as enterprise_services
from goglobal.enterprises.models import Enterprise
from goglobal.providers import services as provider_services
from goglobal.providers.models import ServiceProvider

DEMO_DOMAIN = "demo.goglobal.hk"


@dataclass(frozen=True)
class DemoAccount:
    role: str
    local_part: str
    full_name: str
    language: str

    @property
    def email(self) -> str:
        return f"{self.local_part}@{DEMO_DOMAIN}"

    @property
    def password(self) -> str:
        return f"demo-{self.local_part}-2026"


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(Role.ADMIN, "admin", "Ada Lam", "en"),
    DemoAccount(Role.OFFICER, "officer", "黃嘉明 Wong Ka-ming", "zh-hant"),
    DemoAccount(Role.ORGANISER, "organiser", "Chloe Ho", "en"),
    DemoAccount(Role.ANALYST, "analyst", "李明 Li Ming", "zh-hans"),
    DemoAccount(Role.ENTERPRISE_MEMBER, "enterprise", "王晓东", "zh-hans"),
    DemoAccount(Role.PROVIDER_MEMBER, "provider", "陳嘉欣", "zh-hant"),
)


@dataclass(frozen=True)
class CreatedAccount:
    account: DemoAccount
    user: User
    organisation: str  # what an enterprise or provider member belongs to, else ""


def _staff_create() -> dict[str, User]:
    return {
        account.role: account_services.user_create(
            email=account.email,
            password=account.password,
            role=account.role,
            full_name=account.full_name,
            preferred_language=account.language,
        )
        for account in DEMO_ACCOUNTS
    }


@transaction.atomic
def demo_accounts_create(
    *, enterprise: Enterprise, provider: ServiceProvider
) -> list[CreatedAccount]:
    """Create the six accounts; the two members join ``enterprise`` and ``provider``."""
    users = _staff_create()
    admin = users[Role.ADMIN]
    enterprise_services.enterprise_member_add(
        actor=admin, enterprise=enterprise, user=users[Role.ENTERPRISE_MEMBER]
    )
    provider_services.provider_member_add(
        actor=admin, provider=provider, user=users[Role.PROVIDER_MEMBER]
    )
    organisations: dict[str, str] = {
        Role.ENTERPRISE_MEMBER: enterprise.name_zh,
        Role.PROVIDER_MEMBER: provider.name_en,
    }
    return [
        CreatedAccount(account, users[account.role], organisations.get(account.role, ""))
        for account in DEMO_ACCOUNTS
    ]
