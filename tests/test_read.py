"""Reading any input: encodings, BOMs, line endings, headers, and clear errors."""
from __future__ import annotations

import datetime as dt

import pytest

from pressroom.errors import SourceError
from pressroom.read import MAX_BYTES, parse_source
from pressroom.slugs import slug, unique_slugs

TEXT = "Café owners “welcome” the plan\nJosé Müller said the café’s prices — in € — will not rise.\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),  # CRLF
        (TEXT.replace("€", "EUR").encode("cp1252"), "cp1252"),  # legacy Windows text
        (TEXT.replace("€", "EUR").replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-").encode("gb18030"), "gb18030"),
    ],
)
def test_decoding_keeps_every_letter(data, encoding):
    src = parse_source(data, "sources/x.txt", "x")
    assert "José Müller" in src.body and "café" in src.body
    assert src.title.startswith("Café owners")
    assert "\r" not in src.body
    if encoding.startswith("utf"):
        assert src.encoding == encoding
    # anything but UTF-8 is said to the user (for legacy codecs, which one was guessed:
    # cp1250 and cp1252 read these letters alike, and the letters are what count)
    assert any("decoded as" in r for r in src.repairs) == (encoding not in ("utf-8", "utf-8-sig"))


def test_mojibake_is_repaired_and_reported():
    garbled = TEXT.encode("utf-8").decode("latin-1").encode("utf-8")  # UTF-8 read as Latin-1, saved again
    src = parse_source(garbled, "sources/x.txt", "x")
    assert "José Müller" in src.body and "“welcome”" in src.title
    assert any("mojibake" in r for r in src.repairs)


def test_a_no_break_space_cut_at_a_line_end_is_repaired_too():
    # "Office.\u00a0" saved as UTF-8, read as Latin-1 ("Office.Â\u00a0"), then trimmed at
    # the line's end: only "Â" is left, which nothing pairs with
    garbled = "Title\nThe Attorney General’s Office.\u00a0\nNext paragraph.\n".encode("utf-8").decode("latin-1")
    garbled = garbled.replace("\u00a0\n", "\n").encode("utf-8")
    src = parse_source(garbled, "sources/x.txt", "x")
    assert src.body == "The Attorney General’s Office.\u00a0\nNext paragraph."
    # negative: a text with no mojibake keeps an "Â" that ends a line
    assert parse_source("Title\nThe word is Â\nok\n".encode(), "sources/y.txt", "y").body == "The word is Â\nok"


@pytest.mark.parametrize(
    "data, message, line",
    [
        (b"", "file is empty", None),
        (b"\n\n  \n", "file is empty", None),
        (b"Only a title\n", "title but no text", 1),
        (b"Title\nline two\nbad\x00byte\n", "NUL bytes", 3),
        (b"---\ndate: 2020-01-01\nTitle\nBody\n", "never closed", 1),
        (b"---\ndate: [unclosed\n---\nTitle\nBody\n", "not valid YAML", 2),
        (b"---\nauthr: me\n---\nTitle\nBody\n", "unknown keys authr", 2),  # a typo is named, not ignored
        (b"---\ndate: next week\n---\nTitle\nBody\n", "not a date", 2),
    ],
)
def test_bad_input_gets_one_clear_line(data, message, line):
    with pytest.raises(SourceError) as err:
        parse_source(data, "sources/x.txt", "x")
    assert message in str(err.value)
    assert str(err.value).startswith("sources/x.txt" + (f":{line}:" if line else ":"))


def test_size_limit():
    with pytest.raises(SourceError, match="over the .*-byte limit"):
        parse_source(b"T\n" + b"a " * (MAX_BYTES // 2 + 1), "sources/x.txt", "x")


def test_header_gives_metadata_and_line_numbers():
    src = parse_source(b"---\ndate: 2021-03-04\npublisher: Acme\ntags: a, b\n---\nTitle here\nFirst para.\n", "s/x.txt", "x")
    assert src.meta.date == dt.date(2021, 3, 4)
    assert src.meta.publisher == "Acme" and src.meta.tags == ("a", "b")
    assert src.title == "Title here" and src.body == "First para." and src.body_line == 7


@pytest.mark.parametrize(
    "title, expected",
    [
        ("China-Russia mutual trust improving", "china-russia-mutual-trust-improving"),
        ("中国国防部新闻发布会", "zhong-guo-guo-fang-bu-xin-wen-fa-bu-hui"),  # transliterated, readable
        ("Пресс-релиз Министерства обороны", "press-reliz-ministerstva-oborony"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("!!!", "untitled"),  # nothing readable: a fallback, never an empty URL
        # long titles are shortened from the end, whole words, none skipped in the middle
        ("Attorney General Ellison applauds passage of bipartisan bill cracking down on Medicaid fraud",
         "attorney-general-ellison-applauds-passage-of-bipartisan-bill-cracking-down-on"),
        ("Ellison joins coalition opposing executive orders that undermine the rule of law",
         "ellison-joins-coalition-opposing-executive-orders-that-undermine-the-rule-of-law"),
        ("Governor signs the omnibus agriculture bill into law with supplemental broadband grants",
         "governor-signs-the-omnibus-agriculture-bill-into-law-with-supplemental-broadband"),
    ],
)
def test_slugs_are_readable(title, expected):
    assert slug(title) == expected


def test_duplicate_titles_get_stable_distinct_slugs():
    a = unique_slugs([("sources/a.txt", "Press release"), ("sources/b.txt", "Press release")])
    b = unique_slugs([("sources/b.txt", "Press release"), ("sources/a.txt", "Press release"), ("sources/c.txt", "Other")])
    assert a["sources/a.txt"] != a["sources/b.txt"]
    assert a == {k: v for k, v in b.items() if k != "sources/c.txt"}  # order of files does not matter


def test_an_existing_url_survives_a_newcomer_with_the_same_title():
    first = unique_slugs([("sources/a.txt", "Press release")])
    assert first == {"sources/a.txt": "press-release"}
    later = unique_slugs([("sources/a.txt", "Press release"), ("sources/b.txt", "Press release")], previous=first)
    assert later["sources/a.txt"] == "press-release"  # the link people already have still works
    assert later["sources/b.txt"].startswith("press-release-")
    # and the newcomer keeps its own URL once the first one is gone
    after = unique_slugs([("sources/b.txt", "Press release")], previous=later)
    assert after["sources/b.txt"] == later["sources/b.txt"]


def test_a_url_published_by_an_older_slug_rule_is_kept():
    # the first versions skipped a word that did not fit and took a later, shorter one: an
    # archive published that way keeps its URLs; a new article gets whole words
    title = "Attorney General Ellison applauds passage of bipartisan bill cracking down on Medicaid fraud in"
    old = "attorney-general-ellison-applauds-passage-of-bipartisan-bill-cracking-down-on-in"
    kept = unique_slugs([("sources/a.txt", title), ("sources/b.txt", title + " brief")], previous={"sources/a.txt": old})
    assert kept["sources/a.txt"] == old
    assert kept["sources/b.txt"] == "attorney-general-ellison-applauds-passage-of-bipartisan-bill-cracking-down-on"
    # a changed title moves the URL, as before
    moved = unique_slugs([("sources/a.txt", "A new title")], previous={"sources/a.txt": old})
    assert moved["sources/a.txt"] == "a-new-title"


# -- what is read in sources/, and what is named as not read --------------------------

from pressroom.read import read_sources  # noqa: E402


@pytest.mark.parametrize("files, folders, read, unread", [
    # .txt in any case is an article; a notes sidecar goes with it whatever the case
    (["a.txt", "B.TXT", "c.Txt", "B.notes.yml"], [], ["B", "a", "c"], None),  # (in name order)
    # every other file, and every subfolder, is named in one warning; dot files are not
    (["a.txt", "notes.md", "Release.docx", "page.html", ".DS_Store", ".gitkeep"], ["old", "x.txt"], ["a"],
     "not read, as only its .txt files are articles (5): Release.docx, notes.md, old/, page.html, x.txt/; "
     "save a document as plain text (.txt, UTF-8) to make it an article; move the articles of a subfolder "
     "into sources/; put a Markdown page in docs/, where MkDocs shows it as it is"),
    (["a.txt", "a.txt~"], [], ["a"],
     "not read, as only its .txt files are articles (1): a.txt~; save a document as plain text (.txt, UTF-8) "
     "to make it an article"),
    ([], ["2023"], [],
     "not read, as only its .txt files are articles (1): 2023/; save a document as plain text (.txt, UTF-8) to "
     "make it an article; move the articles of a subfolder into sources/"),
])
def test_what_is_not_read_is_said_once(tmp_path, files, folders, read, unread):
    for name in files:
        text = "notes:\n  - phrase: Body\n    note: n\n" if name.endswith(".yml") else "Title\nBody text.\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in folders:
        (tmp_path / name).mkdir()
        (tmp_path / name / "inner.txt").write_text("Title\nBody text.\n", encoding="utf-8")
    sources, problems = read_sources(tmp_path)
    assert [s.name for s in sources] == read
    assert all(s.notes is not None for s in sources if s.name == "B")
    said = [str(p) for p in problems]
    assert said == ([f"sources: warning: {unread}"] if unread else []), said
