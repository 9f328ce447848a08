from __future__ import annotations

import pytest

from goglobal.demo.catalog import Available
from goglobal.knowledge.services import reference_data_load


@pytest.fixture
def reference(db):
    reference_data_load()


@pytest.fixture
def available(reference) -> Available:
    return Available.from_database()
