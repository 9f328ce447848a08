from django import forms

from goglobal.core.forms import FastSelect


def test_fast_select_writes_the_options_a_select_writes_escaped_and_chosen():
    choices = [("", "---------"), ("SG", "Singapore"), ("X&Y", 'Trinidad <"&"> Tobago')]

    class Pick(forms.Form):
        market = forms.ChoiceField(choices=choices, widget=FastSelect)

    html = str(Pick(initial={"market": "X&Y"})["market"])

    assert html.startswith('<select id="id_market" name="market" required>')
    assert '<option value="">---------</option>' in html
    assert '<option value="SG">Singapore</option>' in html
    assert '<option value="X&amp;Y" selected>Trinidad &lt;&quot;&amp;&quot;&gt; Tobago' in html
    assert html.count(" selected") == 1
    assert html.endswith("</option></select>")


def test_fast_select_marks_a_posted_value_chosen():
    class Pick(forms.Form):
        market = forms.ChoiceField(
            choices=[("SG", "Singapore"), ("VN", "Viet Nam")], widget=FastSelect
        )

    html = str(Pick(data={"market": "VN"})["market"])

    assert '<option value="VN" selected>' in html
    assert '<option value="SG">' in html


def _sector_form():
    from goglobal.core.forms import SectorChoiceField
    from goglobal.knowledge.models import Sector

    class Pick(forms.Form):
        sector = SectorChoiceField(queryset=Sector.objects.filter(level=Sector.Level.DIVISION))

    return Pick


def test_sector_choices_read_as_names_under_their_section_never_led_by_a_code(db):
    import re

    from django.utils import translation

    from goglobal.knowledge.models import Sector

    with translation.override("zh-hans"):
        html = str(_sector_form()()["sector"])
    cars = Sector.objects.get(code="36")
    section = cars.section
    assert f'<optgroup label="{section.name_zh_hans}">' in html
    assert f">{cars.name_zh_hans}</option>" in html
    labels = re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", html)
    assert len(labels) == Sector.objects.filter(level=Sector.Level.DIVISION).count()
    assert not [text for text in labels if re.match(r"\s*([0-9]{1,2}|[A-T])\b", text)]
    assert "data-searchable" in html
    assert "qiche" in html


def test_sector_choice_posts_the_division_and_refuses_a_section(db):
    from goglobal.knowledge.models import Sector

    cars = Sector.objects.get(code="36")
    assert _sector_form()(data={"sector": cars.pk}).is_valid()
    assert not _sector_form()(data={"sector": cars.section_id}).is_valid()
