"""Needs read by the sentence encoder from services named in words the glossary does not hold."""

import pytest

from goglobal.engines.matching import ProviderIndex, embed, rank
from goglobal.engines.matching.derive import derive
from goglobal.engines.matching.evalset import load_judged_set
from goglobal.engines.matching.evaluate import read_set
from goglobal.engines.matching.reading import clauses, read_needs
from goglobal.engines.matching.tests.factories import provider, query

pytestmark = pytest.mark.skipif(not embed.available(), reason="the encoder is a dependency")

CASH_POOL = "我們為集團旗下公司搭建現金池並統一調撥資金。"  # Traditional; no glossary term


def test_a_service_the_glossary_misses_is_read_with_its_clause():
    assert not derive([CASH_POOL]).needs

    (read,) = read_needs([CASH_POOL])

    assert [need for need, _ in read] == ["treasury.centre"]
    assert "现金池" in read[0][1]  # the clause, folded to Simplified, is the evidence


def test_each_item_of_an_english_list_is_read_on_its_own():
    text = "We introduce newcomers to wholesalers and retail chains in the Gulf."
    assert "market_entry.partners" not in derive([text]).needs

    (read,) = read_needs([text])

    assert "market_entry.partners" in {need for need, _ in read}


@pytest.mark.parametrize(
    "text",
    [
        "Ardent Partners is headquartered in Central, Hong Kong.",
        "Our clients include battery makers and food brands.",
        "Founded in 1998, we serve mainland clients from our office in Wan Chai.",
        "客戶包括新能源車企及電池製造商。我們在雅加達設有辦事處。",
        "",
    ],
)
def test_who_where_and_for_whom_are_not_services(text):
    assert read_needs([text]) == [()]


def test_clauses_keep_sentences_and_their_listed_parts():
    found = clauses("專注於成立公司、稅務申報。Clients include A and B.")

    assert ("专注于成立公司、税务申报", 0) in found
    assert ("专注于成立公司", 0) in found
    assert ("税务申报", 0) not in found  # four characters: too short to be read alone
    assert ("clients include a and b", 1) in found


def test_an_uncoded_provider_is_suggested_for_a_need_it_names_in_its_own_words():
    (read,) = read_needs([CASH_POOL])
    uncoded = provider("p1", needs=frozenset(), description=CASH_POOL, read_needs=read)
    coded = provider("p2", needs=frozenset({"legal.setup"}), description=CASH_POOL,
                     read_needs=read)  # fmt: skip
    index = ProviderIndex([uncoded, coded])

    matches = rank(index, query(need="treasury.centre", market=None))

    assert [m.id for m in matches] == ["p1"]  # coded needs are trusted over the reading
    assert ("need.text", {"need": "treasury.centre", "phrase": read[0][1]}) in matches[0].reasons


def test_the_text_sets_reading_is_precise():
    """Of the needs read in the second judged set's descriptions, most are needs its text states
    (measured 0.95 precision; the set's uncoded providers are where it matters)."""
    from pathlib import Path

    judged = load_judged_set(Path(__file__).parent / "data" / "text_set.json")
    coded = [p for p in read_set(judged) if p.needs]
    read = [(p, need) for p in coded for need, _ in p.read_needs]

    right = sum(need in p.needs for p, need in read)
    assert len(read) > 200
    assert right / len(read) >= 0.85
