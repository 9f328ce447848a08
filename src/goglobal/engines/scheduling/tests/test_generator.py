from __future__ import annotations

from collections import Counter

from goglobal.engines.scheduling.generator import Conference, generate


def test_the_same_seed_gives_the_same_conference():
    conference = Conference(participants=300, requests=2500, slots=16, seed=4)

    assert generate(conference) == generate(conference)
    assert generate(conference) != generate(Conference(300, 2500, 16, seed=5))


def test_a_conference_looks_like_the_issue_describes():
    instance = generate(Conference(participants=400, requests=4000, slots=16, seed=0))

    organisations = Counter(p.organisation for p in instance.participants)
    received = Counter(r.to_id for r in instance.requests)
    everything = {s.id for s in instance.slots}
    assert len(instance.participants) == 400
    assert len(instance.requests) == 4000
    assert set(organisations.values()) <= {1, 2, 3}
    assert max(received.values()) >= 5 * (4000 / len(received))  # a few very popular ones
    assert any(p.available != everything for p in instance.participants)
    assert any(p.max_meetings is not None for p in instance.participants)
    assert all(r.from_id != r.to_id for r in instance.requests)
