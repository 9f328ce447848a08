"""Every write to cases, referrals, interactions and tasks; each one recorded."""

from goglobal.cases.services.cases import (
    CaseChanges,
    case_assign,
    case_delete,
    case_move,
    case_open,
    case_update,
    outcome_record,
    saved_filter_delete,
    saved_filter_save,
)
from goglobal.cases.services.confirmations import (
    Answer,
    OutcomeChanges,
    outcome_confirmation_answer,
    outcome_confirmation_request,
    outcome_confirmations_chase,
    outcome_update,
)
from goglobal.cases.services.interactions import (
    FollowUp,
    digest_send,
    interaction_log,
    task_add,
    task_complete,
)
from goglobal.cases.services.referrals import (
    referral_accept,
    referral_complete,
    referral_decline,
    referral_progress,
    referral_propose,
    referral_send,
    referral_withdraw,
    referrals_overdue,
)

__all__ = [
    "Answer",
    "CaseChanges",
    "FollowUp",
    "OutcomeChanges",
    "case_assign",
    "case_delete",
    "case_move",
    "case_open",
    "case_update",
    "digest_send",
    "interaction_log",
    "outcome_confirmation_answer",
    "outcome_confirmation_request",
    "outcome_confirmations_chase",
    "outcome_record",
    "outcome_update",
    "referral_accept",
    "referral_complete",
    "referral_decline",
    "referral_progress",
    "referral_propose",
    "referral_send",
    "referral_withdraw",
    "referrals_overdue",
    "saved_filter_delete",
    "saved_filter_save",
    "task_add",
    "task_complete",
]
