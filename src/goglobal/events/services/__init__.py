"""Every write of the events app (one module per sub-domain, re-exported here)."""

from goglobal.events.services.agendas import (
    agenda_bundle_build,
    agenda_bundle_start,
    agendas_email_send,
    agendas_email_start,
)
from goglobal.events.services.encounters import meeting_encounters_record
from goglobal.events.services.events import SlotPattern, event_create, event_update, slot_times
from goglobal.events.services.moves import change_request_submit, meeting_move, move_problems
from goglobal.events.services.participants import (
    directory_links,
    meeting_outcome_record,
    meeting_request_create,
    participant_cancel,
    participant_check_in,
    participant_links_revoke,
    participant_mark_no_show,
    participant_register,
    participant_update,
    participants_add_from_directory,
)
from goglobal.events.services.registrations import (
    ImportCounts,
    ImportRowsError,
    registrations_import,
    requests_import,
)
from goglobal.events.services.requests import (
    meeting_request_make,
    meeting_request_withdraw,
    meeting_requests_closed,
)
from goglobal.events.services.scheduling import (
    published_run,
    schedule_instance_build,
    schedule_run_execute,
    schedule_run_publish,
    schedule_run_start,
)

__all__ = [
    "ImportCounts",
    "ImportRowsError",
    "SlotPattern",
    "agenda_bundle_build",
    "agenda_bundle_start",
    "agendas_email_send",
    "agendas_email_start",
    "change_request_submit",
    "directory_links",
    "event_create",
    "event_update",
    "meeting_encounters_record",
    "meeting_move",
    "meeting_outcome_record",
    "meeting_request_create",
    "meeting_request_make",
    "meeting_request_withdraw",
    "meeting_requests_closed",
    "move_problems",
    "participant_cancel",
    "participant_check_in",
    "participant_links_revoke",
    "participant_mark_no_show",
    "participant_register",
    "participant_update",
    "participants_add_from_directory",
    "published_run",
    "registrations_import",
    "requests_import",
    "schedule_instance_build",
    "schedule_run_execute",
    "schedule_run_publish",
    "schedule_run_start",
    "slot_times",
]
