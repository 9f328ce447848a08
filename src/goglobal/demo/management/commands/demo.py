"""``goglobal demo``: a fresh database full of demo data, the demo accounts, and a server."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from goglobal.accounts.models import STAFF_ROLES, Role, User
from goglobal.analytics.rollup import rollup_rebuild
from goglobal.cases.demo import cases_demo_create, cases_demo_showcase
from goglobal.delegations.demo import delegations_demo_create
from goglobal.demo.accounts import CreatedAccount, demo_accounts_create
from goglobal.demo.indicators import SETTING, SIBLING, demo_indicators_load, world_bank_files
from goglobal.demo.load import DemoSize, demo_set_create
from goglobal.demo.synthetic import synthetic_write
from goglobal.enterprises.models import Enterprise
from goglobal.events.demo import events_demo_create
from goglobal.providers.models import ServiceProvider
from goglobal.roadmaps.demo import roadmaps_demo_create

ADDRESS = "127.0.0.1:8000"


class Command(BaseCommand):
    help = (
        "Start afresh with demo data: wipe the SQLite database, migrate, load reference data, "
        "write the demo set (or, with --large, a large synthetic set), create one account per "
        "role and serve on http://127.0.0.1:8000."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Same seed, same data.")
        parser.add_argument("--no-serve", action="store_true", help="Stop after writing data.")
        parser.add_argument(
            "--yes-wipe",
            action="store_true",
            help="Also empty a database that is not SQLite (PostgreSQL): every row is deleted.",
        )
        parser.add_argument(
            "--keep-database",
            action="store_true",
            help="Do not wipe: add the data to the database as it is (it must not hold them).",
        )
        parser.add_argument("--large", action="store_true", help="Write a synthetic set.")
        parser.add_argument("--enterprises", type=int, help="300 (demo) or 100,000 (--large).")
        parser.add_argument("--providers", type=int, help="200 (demo) or 20,000 (--large).")
        parser.add_argument("--investors", type=int, default=30, help="Demo set only.")
        parser.add_argument("--batch-size", type=int, default=2000, help="Rows per bulk insert.")
        parser.add_argument("--no-accounts", action="store_true", help="Create no accounts.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["keep_database"]:
            self._wipe_sqlite(yes_wipe=options["yes_wipe"])
        self._step("Migrating", lambda: call_command("migrate", interactive=False, verbosity=0))
        if not options["keep_database"] and not self._is_sqlite():
            self._step("Emptying the database", lambda: call_command("flush", interactive=False))
        self._step(
            "Loading reference data",
            lambda: call_command("knowledge", "load", stdout=io.StringIO()),
        )
        self._indicators()
        enterprise, provider = (
            self._write_large(options) if options["large"] else self._write_demo(options)
        )
        accounts = []
        if not options["no_accounts"]:
            if enterprise is None or provider is None:
                raise CommandError("No enterprise or provider to attach the member accounts to.")
            accounts = self._step(
                "Creating demo accounts",
                lambda: demo_accounts_create(enterprise=enterprise, provider=provider),
            )
            if not options["large"]:
                cases = self._step(
                    "Opening task-force cases",
                    lambda: cases_demo_create(options["seed"]),
                )
                self.stdout.write(f"  {len(cases)} cases across every stage")
                shown = self._step(
                    "Referrals in every state for the demo provider, stored suggestions",
                    lambda: cases_demo_showcase(provider=provider),
                )
                self.stdout.write(
                    f"  {shown['referrals']} referrals to the demo provider, "
                    f"{shown['suggestions']} matcher suggestions"
                )
                roadmaps = self._step(
                    "Computing going-global roadmaps",
                    lambda: roadmaps_demo_create(options["seed"]),
                )
                self.stdout.write(f"  {len(roadmaps)} roadmaps, one per enterprise with a case")
                events = self._step(
                    "Holding promotion conferences (two past, one to come)",
                    lambda: events_demo_create(options["seed"]),
                )
                self.stdout.write(f"  {len(events)} events with published schedules")
                delegations = self._step(
                    "Planning delegations (to Shanghai, and one received in Hong Kong)",
                    lambda: delegations_demo_create(options["seed"]),
                )
                self.stdout.write(f"  {len(delegations)} delegations with published programmes")
                build = self._step(
                    "Counting the impact figures (the daily rollup the dashboard reads)",
                    rollup_rebuild,
                )
                self.stdout.write(f"  {build.cases} cases counted")
            self._print_accounts(accounts)
            self._enrol_staff(accounts)
        if not options["no_serve"]:
            self._serve(accounts)

    # --- steps -----------------------------------------------------------------------------

    def _is_sqlite(self) -> bool:
        return connections["default"].vendor == "sqlite"

    def _wipe_sqlite(self, *, yes_wipe: bool) -> None:
        connection = connections["default"]
        if not self._is_sqlite():
            if not yes_wipe:
                raise CommandError(
                    f"The configured database is {connection.vendor}, not SQLite: `demo` will not "
                    "wipe it. Give --yes-wipe to delete every row in it, or --keep-database."
                )
            return  # emptied with flush once migrated
        name = str(connection.settings_dict["NAME"])
        if name == ":memory:" or name.startswith("file:"):
            return
        connection.close()
        path = Path(name)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.stdout.write(f"Removed the SQLite database {path}")

    def _write_demo(self, options: dict[str, Any]) -> tuple[Enterprise, ServiceProvider]:
        size = DemoSize(
            enterprises=options["enterprises"] or 300,
            providers=options["providers"] or 200,
            investors=options["investors"],
        )
        demo = self._step(
            f"Writing the demo set ({size.enterprises} enterprises, {size.providers} providers, "
            f"{size.investors} investors, {size.partner_bodies} partner bodies)",
            lambda: demo_set_create(seed=options["seed"], size=size),
        )
        return demo.enterprises[0], demo.providers[0]

    def _write_large(
        self, options: dict[str, Any]
    ) -> tuple[Enterprise | None, ServiceProvider | None]:
        enterprises = options["enterprises"] or 100_000
        providers = options["providers"] or 20_000

        def progress(kind: str, done: int) -> None:
            self.stdout.write(f"  {kind}: {done:,}")

        self._step(
            f"Writing the synthetic set ({enterprises:,} enterprises, {providers:,} providers)",
            lambda: synthetic_write(
                seed=options["seed"],
                enterprises=enterprises,
                providers=providers,
                batch_size=options["batch_size"],
                progress=progress,
            ),
        )
        return (
            Enterprise.objects.order_by("pk").first(),
            ServiceProvider.objects.order_by("pk").first(),
        )

    def _indicators(self) -> None:
        """World Bank indicators for the market profiles and the comparator, when a World Bank
        file is at hand (the product ships none)."""
        origin, files = world_bank_files()
        if not files:
            where = f"nothing at {origin}" if origin else f"no {SIBLING}/ folder beside the project"
            self.stdout.write(
                self.style.WARNING(
                    f"No World Bank indicator file found ({where}): market profiles and the "
                    f"route comparator show no indicators. Set {SETTING} to a World Bank CSV "
                    "file or folder, or load files later with `goglobal knowledge indicators`."
                )
            )
            return
        loaded = self._step(
            f"Loading World Bank indicators ({len(files)} files from {origin})",
            demo_indicators_load,
        )
        self.stdout.write(
            f"  {len(loaded.loaded)} indicators, {loaded.values:,} values for "
            f"{loaded.markets} markets (source: World Bank, World Development Indicators)"
        )
        for problem in loaded.refused:
            self.stdout.write(self.style.WARNING(f"  not loaded: {problem}"))

    def _step(self, title: str, action: Any) -> Any:
        self.stdout.write(f"{title} …")
        started = time.perf_counter()
        result = action()
        self.stdout.write(f"  done in {time.perf_counter() - started:.1f} s")
        return result

    def _print_accounts(self, accounts: list[CreatedAccount]) -> None:
        rows = [("Role", "Email", "Password", "Belongs to")]
        rows += [
            (str(Role(a.account.role).label), a.account.email, a.account.password, a.organisation)
            for a in accounts
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo accounts"))
        for number, row in enumerate(rows):
            line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            self.stdout.write(f"  {line}  {row[3]}".rstrip())
            if number == 0:
                self.stdout.write(
                    "  " + "  ".join("-" * width for width in widths) + "  " + "-" * 10
                )
        self.stdout.write("")

    def _enrol_staff(self, accounts: list[CreatedAccount]) -> None:
        """Staff must sign in with a second factor: each demo staff account gets an
        authenticator secret (add it to an app, or type a recovery code) printed here."""
        from goglobal.accounts import two_factor

        staff = [a.account for a in accounts if a.account.role in STAFF_ROLES]
        if not staff:
            return
        self.stdout.write(self.style.MIGRATE_HEADING("Two-factor sign-in for staff accounts"))
        self.stdout.write(
            "  Add the key to an authenticator app (TOTP, 6 digits, 30 s), or use a recovery "
            "code (each works once)."
        )
        for account in staff:
            user = User.objects.get(email=account.email)
            device = two_factor.pending_device(user)
            codes = two_factor.confirm_device(device)
            secret = two_factor.secret_base32(device)
            self.stdout.write(f"  {account.email}  key {secret}  recovery {' '.join(codes[:3])}")
        self.stdout.write("")

    def _serve(self, accounts: list[CreatedAccount]) -> None:
        if not settings.DEBUG:
            self.stdout.write(
                self.style.WARNING(
                    "DEBUG is off: run with DEBUG=true (as `make demo` does) so that the "
                    "development server serves static files over plain HTTP."
                )
            )
        officer = next((a.account for a in accounts if a.account.role == Role.OFFICER), None)
        sign_in = (
            f"sign in with {officer.email} / {officer.password} (or any account above)"
            if officer
            else "sign in with an account of your own"
        )
        self.stdout.write(
            self.style.SUCCESS(f"GoGlobal Connect is running at http://{ADDRESS} — {sign_in}")
        )
        call_command("runserver", ADDRESS, use_reloader=False)
