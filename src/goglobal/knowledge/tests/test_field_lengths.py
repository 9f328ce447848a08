"""Every shipped reference row fits its column: SQLite does not enforce a CharField's length,
PostgreSQL refuses the whole load."""

import pytest
from django.apps import apps
from django.db import models

pytestmark = pytest.mark.django_db


def test_every_loaded_text_fits_its_column():
    too_long = []
    for model in apps.get_app_config("knowledge").get_models():
        fields = [
            f
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField) and f.max_length and not f.choices
        ]
        for row in model.objects.values("pk", *[f.name for f in fields]):
            for field in fields:
                value = row[field.name] or ""
                if len(value) > field.max_length:
                    too_long.append((model.__name__, row["pk"], field.name, len(value)))
    assert too_long == []
