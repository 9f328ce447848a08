"""Delegation services: the only code that writes delegation rows."""

from goglobal.delegations.services.delegations import (
    delegation_create,
    delegation_update,
    travel_matrix_save,
)
from goglobal.delegations.services.outcomes import visit_outcome_record
from goglobal.delegations.services.scheduling import (
    delegation_instance_build,
    delegation_run_execute,
    delegation_run_publish,
    delegation_run_start,
    published_run,
)

__all__ = [
    "delegation_create",
    "delegation_instance_build",
    "delegation_run_execute",
    "delegation_run_publish",
    "delegation_run_start",
    "delegation_update",
    "published_run",
    "travel_matrix_save",
    "visit_outcome_record",
]
