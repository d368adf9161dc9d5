"""Files as people save them: each of our own texts, saved in the encodings it is met in,
reads as its UTF-8 twin (title, body, slug, quotes); a guess is said, with how to state the
encoding; a guess that cannot be told is an error naming both readings."""
from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressroom.annotate import annotate
from pressroom.encoding import LEGACY, decode
from pressroom.errors import SourceError
from pressroom.read import parse_source
from pressroom.slugs import slug

from .conftest import ROOT, SAMPLE

# Our own texts (invented news, written for these tests).
EN = ("Mayor’s statement on the harbour café — “a good day”\n"
      "PORTVALE, March 3, 2024 – The town’s new ferry terminal opened on Sunday. “We waited ten years for this,” "
      "said Mayor Anna Berg. “The café by the pier will stay open until 10 p.m.… and the fares – €2 a trip – will "
      "not rise,” she added.\nHarbour master José Núñez said the work cost 1.2 million euros.\n")
FR = ("Le maire inaugure le marché d'été à Portvale\n"
      "Le maire, Anna Berg, a déclaré : « Nous avons attendu dix ans ce marché. » Les étals ouvriront à 8 h, "
      "même le dimanche.\n« Les prix resteront bas », a ajouté le régisseur, José Núñez, lors d'une réunion à la mairie.\n")
DE = ("Bürgermeisterin eröffnet neuen Fährhafen\n"
      "Am Sonntag wurde in Lübeck der neue Fährhafen eröffnet. „Wir haben zehn Jahre darauf gewartet“, sagte "
      "Bürgermeisterin Anna Berg.\nHafenmeister Jörg Weiß sagte, die Preise würden nicht steigen.\n")
PL = ("Burmistrz otwiera nowy terminal promowy\n"
      "W niedzielę w Łebie otwarto nowy terminal promowy. „Czekaliśmy na to dziesięć lat” – powiedziała "
      "burmistrz Anna Berg.\nKapitan portu Józef Żak dodał, że ceny biletów nie wzrosną.\n")
RU = ("Мэр открыл новый паромный терминал\n"
      "ПОРТВЕЙЛ, 3 марта 2024 года. В воскресенье в городе открылся новый паромный терминал. «Мы ждали этого "
      "десять лет», — сказала мэр Анна Берг.\nПо словам начальника порта Хосе Нуньеса, строительство обошлось "
      "в 1,2 миллиона евро. «Цены на билеты не вырастут», — добавил он.\n")
RU_KOI8 = RU.replace("«", '"').replace("»", '"').replace("—", "-")  # KOI8-R has neither « » nor —
ZH = ("市长宣布新渡轮码头正式启用\n"
      "波特韦尔，2024年3月3日——新渡轮码头于星期日正式启用。市长安娜·伯格说：“我们为此等了十年。”\n"
      "港务长何塞·努涅斯表示，工程耗资120万欧元。他补充说：“票价不会上涨。”\n")
ZH_HANT = ("市長宣布新渡輪碼頭正式啟用\n"
           "波特韋爾，2024年3月3日——新渡輪碼頭於星期日正式啟用。市長安娜·伯格說：「我們為此等了十年。」\n"
           "港務長何塞·努涅斯表示，工程耗資120萬歐元。他補充說：「票價不會上漲。」\n")
# an English text with two accented letters saved as GB18030 (as a Chinese system saves it)
EN_GB = "Café owners \"welcome\" the plan\nJosé Müller said the café's prices - in EUR - will not rise.\n"

GUESS = "a guess: it is not UTF-8; to be sure, add `encoding: {0}` to its header or save it as UTF-8"
UNSURE = "an UNCERTAIN guess"

CASES = [
    # name, text, how it is saved, what the user is told (None: nothing)
    ("utf-8", EN, lambda t: t.encode("utf-8"), None),
    ("utf-8 with BOM, CRLF", EN, lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
     "removed a UTF-8 byte-order mark"),
    ("windows-1252, CRLF (Word)", EN, lambda t: t.replace("\n", "\r\n").encode("cp1252"), GUESS.format("cp1252")),
    ("latin-1", FR, lambda t: t.encode("latin-1"), UNSURE),
    ("latin-1 german", DE.replace("„", '"').replace("“", '"'), lambda t: t.encode("latin-1"), GUESS.format("latin-1")),
    ("windows-1252 german", DE, lambda t: t.encode("cp1252"), GUESS.format("cp1252")),
    ("windows-1250 polish", PL, lambda t: t.encode("cp1250"), GUESS.format("cp1250")),
    ("utf-16 le BOM", EN, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "decoded as UTF-16 (byte-order mark)"),
    ("utf-16 be BOM", EN, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "decoded as UTF-16 (byte-order mark)"),
    ("utf-16 le BOM chinese", ZH, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "decoded as UTF-16"),
    ("utf-16 be BOM russian", RU, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "decoded as UTF-16"),
    ("utf-32 le BOM", EN, lambda t: t.encode("utf-32"), "decoded as UTF-32 (byte-order mark)"),
    ("utf-16 le, no BOM", EN, lambda t: t.encode("utf-16-le"), "no byte-order mark"),
    ("windows-1251", RU, lambda t: t.encode("cp1251"), GUESS.format("cp1251")),
    ("koi8-r", RU_KOI8, lambda t: t.encode("koi8-r"), GUESS.format("koi8-r")),
    ("gb18030", ZH, lambda t: t.encode("gb18030"), GUESS.format("gb18030")),
    ("gbk", ZH, lambda t: t.encode("gbk"), GUESS.format("gb18030")),  # GB18030 holds GBK
    ("big5", ZH_HANT, lambda t: t.encode("big5"), GUESS.format("big5")),
    ("gb18030, english", EN_GB, lambda t: t.encode("gb18030"), GUESS.format("gb18030")),
]


def _twin(text: str):
    source = parse_source(text.encode("utf-8"), "sources/x.txt", "x")
    return source, annotate(source, slug(source.title))


@pytest.mark.parametrize("name, text, save, told", CASES, ids=[c[0] for c in CASES])
def test_a_saved_text_reads_as_its_utf8_twin(name, text, save, told):
    twin, twin_art = _twin(text)
    source = parse_source(save(text), "sources/x.txt", "x")
    assert (source.title, source.body) == (twin.title, twin.body)
    art = annotate(source, slug(source.title))
    assert slug(source.title) == slug(twin.title)
    assert [(q.start, q.end, q.text, q.speaker, q.kind) for q in art.quotes] == \
           [(q.start, q.end, q.text, q.speaker, q.kind) for q in twin_art.quotes]
    if told is None:
        assert source.repairs == ()
    else:
        assert any(told in r for r in source.repairs), source.repairs


def _curled(text: str) -> str:
    """The sample as Word types it: curly double quotes, and ’ for the apostrophes typed as "."""
    text = re.sub(r'(\w)"(s)\b', "\\1’\\2", text)
    text = re.sub(r'(^|[\s(\[—–-])"', "\\1“", text, flags=re.M)
    return text.replace('"', "”")


def _annotate_cli(path) -> dict:
    out = subprocess.run([sys.executable, "-m", "pressroom.cli", "annotate", "--json", str(path)],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return json.loads(out)


def test_the_sample_saved_by_word_reads_as_written(tmp_path):
    """Acceptance: the sample saved as Windows-1252 with curly quotes (Word, Outlook): the same
    title and the 5 speech quotes by Tan Kefei, as its UTF-8 twin."""
    curly = _curled(SAMPLE.read_text(encoding="utf-8"))
    assert curly.count("“") == curly.count("”") == 6
    (tmp_path / "word.txt").write_bytes(curly.replace("\n", "\r\n").encode("cp1252"))
    (tmp_path / "twin.txt").write_bytes(curly.encode("utf-8"))
    word, twin = _annotate_cli(tmp_path / "word.txt"), _annotate_cli(tmp_path / "twin.txt")
    assert word["title"] == "China-Russia mutual trust improving"
    speech = [q for q in word["quotes"] if q["kind"] == "speech"]
    assert len(speech) == 5 and {q["speaker"] for q in speech} == {"Tan Kefei"}
    assert {k: v for k, v in word.items() if k != "source"} == {k: v for k, v in twin.items() if k != "source"}


@pytest.mark.parametrize("header, data, expected", [
    # the author states it: no guess, no warning, even where a guess would be uncertain
    ("encoding: cp1250", "Nota\nEl informe de Espańa.\n".encode("cp1250"), "Espańa"),
    ("encoding: cp1252", "Nota\nEl informe de España.\n".encode("cp1252"), "España"),
    ("encoding: koi8-r", RU_KOI8.encode("koi8-r"), RU_KOI8.split("\n", 1)[1].strip()),
    ("encoding: 'latin-1'", FR.encode("latin-1"), FR.split("\n", 1)[1].strip()),
])
def test_a_stated_encoding_is_used(header, data, expected):
    source = parse_source(f"---\n{header}\ndate: 2024-03-03\n---\n".encode("ascii") + data, "sources/x.txt", "x")
    assert expected in source.body and source.repairs == ()
    assert source.meta.date.isoformat() == "2024-03-03"


@pytest.mark.parametrize("data, message, line", [
    # nothing to choose between two readings that say different things: refused, both named
    ("Nota del Banco de España\nEl banco publicó hoy su informe.\n".encode("cp1252"),
     "not UTF-8, and its encoding is uncertain: as cp1252 it reads 'España', as cp1250 'Espańa'; "
     "add `encoding: cp1252` (or the right one) to its header, or save it as UTF-8", 1),
    (b"---\nencoding: cp1252x\n---\nT\nbody\n", "header names an unknown encoding 'cp1252x'", 2),
    (b"---\ndate: 2024-01-01\nencoding: utf-8\n---\nTitle\nLine\nCaf\xe9\n",
     "not valid utf-8, though its header says `encoding: utf-8`", 7),
    (b"---\nencoding: utf-16\n---\nT\nbody\n", "cannot be read from the header", 2),
    (b"T\n" + bytes(range(0xA1, 0xFF)) + b"\n", "cannot tell the file's text encoding", 2),
    (b"Title\nline two\nbad\x00byte\n", "file holds NUL bytes", 3),
])
def test_what_cannot_be_read_as_written_is_refused(data, message, line):
    with pytest.raises(SourceError) as err:
        parse_source(data, "sources/x.txt", "x")
    assert str(err.value).startswith(f"sources/x.txt:{line}: ") and message in str(err.value), str(err.value)


def test_an_uncertain_guess_is_a_loud_warning_naming_the_other_reading():
    source = parse_source(FR.encode("latin-1"), "sources/x.txt", "x")
    (said,) = source.repairs
    assert said.startswith("decoded as latin-1 (ISO-8859-1, Western European), an UNCERTAIN guess: line 1 reads 'à', "
                           "as iso8859-2 it would read 'ŕ'; if latin-1 is wrong, add `encoding: iso8859-2`")
    assert said.endswith("to be sure, add `encoding: latin-1` to its header or save it as UTF-8")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_read_or_refused_in_one_line(data):
    try:
        text, encoding, _ = decode(data, "sources/x.txt")
    except SourceError as err:
        assert "\n" not in str(err)
        return
    if encoding in (*LEGACY, "latin-1") and "mojibake" not in " ".join(_):
        assert data.decode(encoding) == text  # a guess is the bytes read in the encoding it names
