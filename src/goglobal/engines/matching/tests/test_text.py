from goglobal.engines.text import concepts, tokens


def test_glossary_maps_three_languages_to_one_concept():
    for text in ("动力电池", "動力電池", "Power Batteries", "ＰＯＷＥＲ battery"):
        assert concepts(text) == ["sector.battery"]


def test_glossary_examples_from_the_issue():
    assert concepts("公司注册") == concepts("company incorporation") == ["need.company_setup"]
    assert concepts("跨境支付") == concepts("cross-border payments") == ["need.payments"]
    assert concepts("知識產權") == concepts("intellectual property") == ["need.ip"]
    assert concepts("上市") == concepts("IPO") == ["need.listing"]


def test_segmentation_keeps_domain_words_and_drops_stop_words():
    words = tokens("我们是深圳的动力电池制造商 and we sell batteries")

    assert "动力电池" in words
    assert "battery" in words
    assert "我们" not in words
    assert "and" not in words
