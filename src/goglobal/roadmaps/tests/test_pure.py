"""The roadmaps app's pure parts: timeline, overrides and change reports."""

from __future__ import annotations

from goglobal.roadmaps import changes, overrides, timeline

STEPS = [
    {"id": "a", "title": "Appoint a sponsor", "after": [], "weeks": [2, 4]},
    {"id": "b", "title": "File with the CSRC", "after": ["a"], "weeks": [8, 12]},
    {"id": "c", "title": "Open a bank account", "after": [], "weeks": [1, 3]},
    {"id": "d", "title": "Hearing", "after": ["b", "c"], "weeks": [4, 6]},
]


def test_a_step_starts_when_every_step_before_it_has_finished():
    spans = {s.step_id: s for s in timeline.spans(STEPS)}
    assert (spans["a"].start_fast, spans["a"].end_fast) == (0, 2)
    assert (spans["b"].start_fast, spans["b"].end_fast) == (2, 10)
    assert (spans["b"].start_slow, spans["b"].end_slow) == (4, 16)
    # d waits for the later of b and c on both courses.
    assert (spans["d"].start_fast, spans["d"].end_fast) == (10, 14)
    assert (spans["d"].start_slow, spans["d"].end_slow) == (16, 22)


def test_a_missing_predecessor_or_a_cycle_does_not_lose_a_step():
    steps = [
        {"id": "x", "after": ["y"], "weeks": [1, 1]},
        {"id": "y", "after": ["x"], "weeks": [2, 2]},
        {"id": "z", "after": ["nowhere"], "weeks": [3, 5]},
    ]
    spans = {s.step_id: s for s in timeline.spans(steps)}
    assert set(spans) == {"x", "y", "z"}
    assert spans["z"].start_fast == 0


def test_the_svg_escapes_titles_and_draws_one_row_per_step():
    steps = [*STEPS, {"id": "e", "title": "<script>alert(1)</script>", "weeks": [1, 1]}]
    svg = timeline.svg(timeline.spans(steps), weeks_label="weeks", title="Timeline")
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert svg.count('class="tl-row') == len(steps)


def test_a_decision_override_keeps_what_the_engine_computed():
    result = {"functions": [{"function": "treasury_centre", "recommended": False}]}
    mark = overrides.Override(
        id=7,
        kind="decision",
        note="Group treasury moves in 2027",
        by="Officer",
        on="2026-12-01",
        part="function",
        code="treasury_centre",
        value=True,
    )
    applied = overrides.apply(result, [mark])
    item = applied["functions"][0]
    assert item["recommended"] is True
    assert item["override"]["computed"] is False
    assert result["functions"][0]["recommended"] is False  # the input is left alone


def test_a_step_override_adds_a_step_after_an_existing_one():
    result = {"steps": [dict(STEPS[0])]}
    mark = overrides.Override(
        id=3,
        kind="step",
        note="Asked by the board",
        by="Officer",
        on="2026-12-01",
        title="Brief the board",
        weeks=2,
        after="a",
    )
    applied = overrides.apply(result, [mark])
    added = applied["steps"][-1]
    assert added["id"] == "officer-3"
    assert added["after"] == ["a"]
    assert added["weeks"] == [2, 2]


def test_changes_name_added_removed_and_decided_differently():
    before = {
        "functions": [{"function": "rnd_hub", "recommended": False}],
        "markets": [{"market": "SA", "rank": 1}, {"market": "AE", "rank": 2}],
    }
    after = {
        "functions": [{"function": "rnd_hub", "recommended": True}],
        "markets": [{"market": "SA", "rank": 1}, {"market": "TH", "rank": 2}],
    }
    found = changes.result_changes(before, after)
    assert {"part": "markets", "item": "TH", "what": "added"} in found
    assert {"part": "markets", "item": "AE", "what": "removed"} in found
    assert {
        "part": "functions",
        "item": "rnd_hub",
        "what": "recommended",
        "before": False,
        "after": True,
    } in found


def test_why_names_the_profile_fields_that_changed():
    old = {"as_of": "2026-01-01", "enterprise": {"sector": "27", "needs": ["fundraising.ipo"]}}
    new = {"as_of": "2026-01-01", "enterprise": {"sector": "27", "needs": ["rnd.hub"]}}
    causes = changes.why(
        before_profile=old,
        after_profile=new,
        before_knowledge="k1",
        after_knowledge="k2",
        overrides_changed=False,
    )
    assert {"cause": "profile", "fields": ["needs"]} in causes
    assert {"cause": "knowledge"} in causes
