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
