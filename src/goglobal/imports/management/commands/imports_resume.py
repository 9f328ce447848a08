"""``goglobal imports_resume``: enqueue again the imports whose worker died, and delete the
import wizard's drafts untouched for a week (run every minute)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from goglobal.imports.drafts import import_drafts_expire
from goglobal.imports.services import import_jobs_resume


class Command(BaseCommand):
    help = (
        "Enqueue again every running import whose worker stopped renewing its lease; delete "
        "the import wizard's drafts untouched for a week."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ids = import_jobs_resume()
        if ids:
            self.stdout.write(
                _("Import jobs enqueued again: %(ids)s") % {"ids": ", ".join(map(str, ids))}
            )
        import_drafts_expire()
