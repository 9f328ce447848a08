"""Optimal one-to-one meeting scheduling with a proven upper bound (see docs/schedule-format.md).

Pure Python plus HiGHS (``highspy``) and NumPy; no Django. Public API::

    instance = load_instance("instance.json")      # or a dict; raises InstanceError
    result = schedule(instance, time_limit=60, previous=load_previous("old.json"))
    dump_result(result, "schedule.json")
"""

from goglobal.engines.scheduling.engine import DEFAULT_TIME_LIMIT, schedule
from goglobal.engines.scheduling.engine2 import breaks_of
from goglobal.engines.scheduling.errors import InstanceError
from goglobal.engines.scheduling.model import (
    Breaks,
    Changes,
    Instance,
    Meeting,
    Participant,
    Request,
    Result,
    Slot,
    Unscheduled,
)
from goglobal.engines.scheduling.output import dump_result, result_to_dict
from goglobal.engines.scheduling.parse import load_instance, load_previous

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "Breaks",
    "Changes",
    "Instance",
    "InstanceError",
    "Meeting",
    "Participant",
    "Request",
    "Result",
    "Slot",
    "Unscheduled",
    "breaks_of",
    "dump_result",
    "load_instance",
    "load_previous",
    "result_to_dict",
    "schedule",
]
