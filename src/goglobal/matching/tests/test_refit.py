import json
import random

import pytest
from django.core.management import CommandError, call_command

from goglobal.cases.tests.factories import CaseFactory, ReferralFactory
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.knowledge.models import NeedCode
from goglobal.matching import services
from goglobal.matching.models import MatchSuggestion
from goglobal.matching.weights import current_weights
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


def _outcomes(count):
    """Stored suggestions whose track-record part decides whether the referral went well."""
    rng = random.Random(3)
    need = NeedCode.objects.get(code="tax.planning")
    provider = ServiceProviderFactory()
    provider.needs.add(need)
    for _ in range(count):
        case = CaseFactory(enterprise=EnterpriseFactory())
        record = rng.random()
        MatchSuggestion.objects.create(
            enterprise=case.enterprise, need=need, provider=provider, rank=1, score=1.0,
            parts={"need_fit": 0.7, "market": rng.random(), "sector": rng.random(),
                   "language": rng.random(), "track_record": record, "text": rng.random()},
            engine_version="matching/1",
        )  # fmt: skip
        status = "completed" if record + rng.gauss(0, 0.1) > 0.5 else "declined"
        ReferralFactory(case=case, need=need, provider=provider, status=status)


def test_refit_prints_and_writes_weights_the_services_then_use(data_dir, capsys, officer):
    _outcomes(80)

    call_command("match_refit")

    printed = capsys.readouterr().out
    written = json.loads((data_dir / "match-weights.json").read_text())
    assert "track_record" in printed
    assert "80 samples" in printed
    assert written["weights"]["track_record"] > 0.8
    assert current_weights().track_record == written["weights"]["track_record"]
    enterprise = EnterpriseFactory()
    need = NeedCode.objects.get(code="tax.planning")
    stored = services.match_suggest(enterprise=enterprise, need=need, actor=officer)[0]
    assert stored.weights["track_record"] == written["weights"]["track_record"]


def test_refit_refuses_too_few_samples_and_dry_run_writes_nothing(data_dir):
    _outcomes(5)

    with pytest.raises(CommandError, match="at least 30"):
        call_command("match_refit")
    call_command("match_refit", "--min-samples", "3", "--dry-run")

    assert not (data_dir / "match-weights.json").exists()
