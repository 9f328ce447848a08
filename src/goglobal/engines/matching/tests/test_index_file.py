"""A saved index reads back ranking exactly as the one that was saved, and nothing else reads."""

import random

import pytest

from goglobal.engines.matching import ProviderIndex, index_file, rank
from goglobal.engines.matching.generator import enterprise, providers, scenario
from goglobal.engines.matching.model import ProviderQuery

KEY = b"the platform's key"


@pytest.fixture
def index():
    return ProviderIndex([t.provider for t in providers(150, seed=7)])


def test_a_saved_index_ranks_as_the_one_it_was_saved_from(index, tmp_path):
    path = tmp_path / "index.bin"
    index_file.save(path, index, key=KEY, extra={"watermark": "2026-12-03T06:00:00"})

    loaded, extra = index_file.load(path, key=KEY)

    assert extra == {"watermark": "2026-12-03T06:00:00"}
    assert loaded.snapshot() == index.snapshot()
    rng = random.Random(5)
    for number in range(20):
        item = scenario(f"q{number}", rng)
        asked = ProviderQuery(enterprise(item, ("en", "zh-hans", "zh-hant")[number % 3]),
                              item.need, item.market)  # fmt: skip
        assert rank(loaded, asked, limit=20) == rank(index, asked, limit=20)
    some = next(iter(t.provider for t in providers(1, seed=99)))
    loaded.add(some)  # still a working index: changed in place after loading
    assert some.id in loaded


def test_another_key_an_altered_file_or_other_code_is_refused(index, tmp_path):
    path = tmp_path / "index.bin"
    index_file.save(path, index, key=KEY, extra={})

    with pytest.raises(index_file.IndexFileMismatch, match="signature"):
        index_file.load(path, key=b"another key")

    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    altered = tmp_path / "altered.bin"
    altered.write_bytes(bytes(data))
    with pytest.raises(index_file.IndexFileMismatch, match="signature"):
        index_file.load(altered, key=KEY)

    header, rest = path.read_bytes().split(b"\n", 1)
    other = tmp_path / "other.bin"
    other.write_bytes(header + b"\n" + b"0" * 64 + rest[64:])
    with pytest.raises(index_file.IndexFileMismatch, match="another version"):
        index_file.load(other, key=KEY)

    (tmp_path / "junk.bin").write_bytes(b"not an index")
    with pytest.raises(index_file.IndexFileMismatch):
        index_file.load(tmp_path / "junk.bin", key=KEY)
    with pytest.raises(FileNotFoundError):
        index_file.load(tmp_path / "absent.bin", key=KEY)


def test_saving_replaces_the_file_whole(index, tmp_path):
    path = tmp_path / "index.bin"
    index_file.save(path, index, key=KEY, extra={"n": 1})
    index_file.save(path, index, key=KEY, extra={"n": 2})

    assert index_file.load(path, key=KEY)[1] == {"n": 2}
    assert [p.name for p in tmp_path.iterdir()] == ["index.bin"]
