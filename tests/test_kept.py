"""The data kept from the libraries (nlp/kept.py) is read once and cached: the cached copy
is the same as a fresh read, a cache made from other code or data is never read, and a
missing, broken or unwritable cache folder only means reading the libraries again."""
from __future__ import annotations

import marshal

import pytest

from pressroom.nlp import kept


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSROOM_CACHE", str(tmp_path))
    kept.data.cache_clear()
    yield tmp_path
    kept.data.cache_clear()


def _fresh() -> dict:
    kept.data.cache_clear()
    return kept.data()


def test_the_cached_copy_is_the_fresh_read(cache):
    first = _fresh()
    files = list(cache.glob("lexicon-*.marshal"))
    assert len(files) == 1
    again = _fresh()
    read = kept._read()
    for name in read:
        assert again[name] == read[name] == first[name], name
        if isinstance(read[name], dict):
            assert list(again[name]) == list(read[name]), name  # the same order too
    assert again["cities"]["Tokyo"] >= kept.CITY_POPULATION
    assert again["nam_dict"]["Mary"][1] >= 4


def test_a_cache_of_other_code_or_data_is_not_read(cache, monkeypatch):
    _fresh()
    (path,) = cache.glob("lexicon-*.marshal")
    # the file of another key, however it is named, is not taken for this one
    forged = {"key": path.stem, "cities": {"Nowhere": 1}}
    monkeypatch.setattr(kept, "_key", lambda: "other")
    (cache / "lexicon-other.marshal").write_bytes(marshal.dumps(forged))
    assert "Nowhere" not in _fresh()["cities"]
    monkeypatch.undo()
    monkeypatch.setenv("PRESSROOM_CACHE", str(cache))
    # a change of the libraries' files names another file
    before = kept._key()
    stat = type(path).stat
    monkeypatch.setattr(type(path), "stat", lambda self, **kw: stat(path) if self.name == "nam_dict.txt" else stat(self, **kw))
    assert kept._key() != before


def test_a_broken_or_unwritable_cache_reads_the_libraries(cache, monkeypatch):
    good = _fresh()
    (path,) = cache.glob("lexicon-*.marshal")
    path.write_bytes(b"\x00not marshal")
    assert _fresh()["cities"] == good["cities"]
    assert marshal.loads(path.read_bytes())["key"] == path.stem  # written again, whole
    blocked = cache / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("PRESSROOM_CACHE", str(blocked))
    assert _fresh()["nam_dict"] == good["nam_dict"]


def test_with_no_home_nothing_is_cached_and_the_libraries_are_read(cache, monkeypatch):
    good = _fresh()
    monkeypatch.delenv("PRESSROOM_CACHE")
    monkeypatch.setenv("HOME", "")  # (not "/.cache": a root process would write there)
    assert kept._cache_folder() is None
    assert _fresh()["cities"] == good["cities"]
    monkeypatch.delenv("HOME")
    monkeypatch.setattr(kept.Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    assert kept._cache_folder() is None and _fresh()["us_ap"] == good["us_ap"]


def test_a_failed_write_leaves_no_part_file_and_a_new_file_replaces_the_old(cache, monkeypatch):
    (cache / "lexicon-old.marshal").write_bytes(marshal.dumps({"key": "lexicon-old"}))
    _fresh()
    assert [p.name for p in cache.glob("lexicon-*.marshal")] == [f"lexicon-{kept._key()}.marshal"]

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kept.os, "replace", full)
    for p in cache.glob("lexicon-*.marshal"):
        p.unlink()
    assert _fresh()["nam_dict"]
    assert list(cache.iterdir()) == []
