"""Bytes to text, as the file was written: the reader's decoding stage (read.py calls ``decode``).

Rules tried in order, each sure of its answer or passing it on:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. an ``encoding:`` line in the file's YAML header (the author said so);
3. UTF-16 without a mark (every other byte NUL, as ASCII text is in UTF-16); other NUL
   bytes are an error (a binary file);
4. valid UTF-8;
5. a guess among the legacy encodings people save in (``LEGACY``): each decoding that
   succeeds is read back word by word, and the reading that looks like text written by a
   person wins: no control characters or symbols inside words, one script per word,
   ordinary capitals, accented letters of one language, common rather than rare
   ideographs. A guess is said as a warning naming the encoding and how to state it;
   when another reading that says something else comes close, the warning is UNCERTAIN
   and quotes it; two readings that tie are an error naming both, never a silent pick.

Then mojibake (UTF-8 that was once read as Latin-1 or Windows-1252 and saved again) is
repaired by ftfy, and reported.
"""
from __future__ import annotations

import codecs
import functools
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .errors import SourceError

_BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The encodings a press release is found in besides UTF-8, most common first within each
# script (the order settles nothing by itself: a tie between readings that differ is an error).
LEGACY = (
    # Latin script: Windows Western (Latin-1's superset, what Word and Outlook save),
    # Central European, Baltic, Turkish, and the ISO and Mac ones that differ from them
    "cp1252", "cp1250", "cp1257", "cp1254", "iso8859_2", "iso8859_15", "mac_roman",
    # Cyrillic
    "cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5",
    # Chinese (GB18030 holds GBK and GB2312), Japanese, Korean
    "gb18030", "big5", "cp932", "euc_jp", "cp949",
    # Greek, Hebrew, Arabic, Thai
    "cp1253", "iso8859_7", "cp1255", "cp1256", "cp874",
)

NAMES = {
    "cp1252": "Windows-1252, Western European", "latin-1": "ISO-8859-1, Western European",
    "cp1250": "Windows-1250, Central European", "cp1251": "Windows-1251, Cyrillic", "koi8-r": "KOI8-R, Russian",
    "koi8-u": "KOI8-U, Ukrainian", "gb18030": "GB18030, Chinese", "big5": "Big5, traditional Chinese",
    "cp932": "Shift JIS, Japanese", "euc_jp": "EUC-JP, Japanese", "cp949": "EUC-KR, Korean",
    "utf-16-le": "UTF-16 little-endian", "utf-16-be": "UTF-16 big-endian",
}


def label(encoding: str) -> str:
    """An encoding as a user writes it in ``encoding:`` (Python's name for it)."""
    name = codecs.lookup(encoding).name
    return "latin-1" if name == "iso8859-1" else name


def decode(data: bytes, shown: str) -> tuple[str, str, list[str]]:
    """Bytes to (text, encoding, what to tell the user); a SourceError when the text cannot
    be read as written."""
    repairs: list[str] = []
    encoding = _bom(data)
    if encoding:
        text = _strict(data, encoding, shown)
        repairs.append("removed a UTF-8 byte-order mark" if encoding == "utf-8-sig"
                       else f"decoded as {encoding.upper()} (byte-order mark)")
    elif (encoding := _declared(data, shown)) is not None:
        text = _strict(data, encoding, shown, declared=True)
    elif (encoding := _utf16_unmarked(data)) is not None:
        text = data.decode(encoding)
        repairs.append(f"decoded as {NAMES[encoding]} (no byte-order mark: every other byte is NUL); "
                       "to be sure, save it with a byte-order mark, or as UTF-8")
    elif _no_nul(data, shown) and _is_utf8(data):
        encoding, text = "utf-8", data.decode("utf-8")
    else:
        encoding, text, rival = guess(data, shown)
        repairs.append(_guessed(data, encoding, text, rival))
    fixed = fix_mojibake(text)
    if fixed != text:
        repairs.append(f"repaired mojibake (text decoded with the wrong encoding), about {_changed_places(text, fixed)} places")
        text = fixed
    return text, encoding, repairs


def _bom(data: bytes) -> str | None:
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _strict(data: bytes, encoding: str, shown: str, declared: bool = False) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        said = f"its header says `encoding: {encoding}`" if declared else f"it starts with a {encoding} byte-order mark"
        raise SourceError(shown, f"not valid {encoding}, though {said}; correct it, or save the file as UTF-8", line) from None


_DECLARED = re.compile(rb"^encoding:[ \t]*[\"']?([A-Za-z0-9_.:-]+)[\"']?[ \t]*\r?$", re.M)
_HEADER = re.compile(rb"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.M | re.S)


def _declared(data: bytes, shown: str) -> str | None:
    """The ``encoding:`` of the YAML header, read from the bytes (the header is ASCII)."""
    header = _HEADER.match(data[:20000])
    found = _DECLARED.search(header.group(1)) if header else None
    if not found:
        return None
    name = found.group(1).decode("ascii")
    line = data[: header.start(1) + found.start()].count(b"\n") + 1
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise SourceError(shown, f"header names an unknown encoding {name!r}; "
                                 "write one such as cp1252, latin-1, cp1251, koi8-r, gb18030 or big5", line) from None
    if "\x00" in "---".encode(info.name).decode("latin-1"):  # UTF-16/32 need a byte-order mark
        raise SourceError(shown, f"`encoding: {name}` cannot be read from the header; save the file with a byte-order mark or as UTF-8", line)
    return info.name


def _utf16_unmarked(data: bytes) -> str | None:
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _no_nul(data: bytes, shown: str) -> bool:
    """True, or an error: text has no NUL bytes (but UTF-16 and UTF-32, read above)."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(shown, "file holds NUL bytes: it looks binary, not text; save it as plain text (UTF-8)", line)
    return True


# -- the guess -------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One legacy decoding of a file, judged on a sample of its words (the whole text is
    not kept: a 5 MB file read two dozen ways would hold half a gigabyte)."""
    encoding: str
    digest: int  # hash of the whole decoded text: two readings that say the same thing agree
    odd: int  # words with non-ASCII characters that do not look written by a person
    words: int  # words with non-ASCII characters
    rare: float  # share of ideographs outside the encoding's common block
    misfit: float  # share of accented Latin letters that the closest one language lacks

    @property
    def score(self) -> tuple[float, float]:
        return (round(self.odd / max(self.words, 1) + self.rare, 3), round(self.misfit, 3))

    def rivals(self, other: Reading) -> bool:
        """Whether another reading, saying something else, looks nearly as much like text:
        no more odd words, and about as few rare ideographs and foreign letters."""
        return other.digest != self.digest and other.odd <= self.odd and other.rare <= self.rare + MARGIN[0] \
            and other.misfit <= self.misfit + MARGIN[1]


# How close another reading may come to the best before the guess is called uncertain: in
# the share of rare ideographs, and in the share of letters foreign to the language.
MARGIN = (0.05, 0.1)


# Words with non-ASCII characters read for a guess: enough to tell, at any file size.
SAMPLE = 400


def readings(data: bytes) -> list[Reading]:
    """Every legacy decoding of the bytes, best first (ties in LEGACY's order), each judged
    on its first SAMPLE words with non-ASCII characters."""
    found = []
    for encoding in LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        words = [m.group(0) for m in itertools.islice(_WORD.finditer(text), SAMPLE)]
        sample = " ".join(words)
        found.append(Reading(encoding, hash(text), *odd_words(words), rare_ideographs(sample, encoding), misfit(sample)))
    return sorted(found, key=lambda r: r.score)  # (stable: LEGACY's order among equals)


def guess(data: bytes, shown: str) -> tuple[str, str, str | None]:
    """(encoding, text) of the reading that looks most like text written by a person, and
    the name of the closest one that says something else when it comes near (then the
    guess is not certain). Two readings that look it exactly as much are an error."""
    found = readings(data)
    if not found or found[0].odd > found[0].words / 2:
        line = _first_non_ascii_line(data)
        raise SourceError(shown, "cannot tell the file's text encoding (no reading of it looks like text); "
                                 "save it as UTF-8, or add `encoding: NAME` to its header", line)
    best = found[0]
    rival = next((r for r in found[1:] if best.rivals(r)), None)
    text = data.decode(best.encoding)
    if rival is not None and rival.score == best.score:
        line, a, b = _first_difference(text, data.decode(rival.encoding))
        raise SourceError(shown, f"not UTF-8, and its encoding is uncertain: as {label(best.encoding)} it reads "
                                 f"{a!r}, as {label(rival.encoding)} {b!r}; add `encoding: {label(best.encoding)}` "
                                 "(or the right one) to its header, or save it as UTF-8", line)
    encoding = best.encoding
    if encoding == "cp1252" and text == data.decode("latin-1"):
        encoding = "latin-1"  # the same text: Latin-1 is what it is
    return encoding, text, rival and rival.encoding


def _guessed(data: bytes, encoding: str, text: str, rival: str | None) -> str:
    """What the user is told of a guess: the encoding chosen, how to state it, and the
    other reading when one came close."""
    chosen, other = label(encoding), rival and label(rival)
    name = f"{chosen} ({NAMES[chosen]})" if chosen in NAMES else chosen
    state = f"add `encoding: {chosen}` to its header or save it as UTF-8"
    if rival is None:
        return f"decoded as {name}, a guess: it is not UTF-8; to be sure, {state}"
    line, a, b = _first_difference(text, data.decode(rival))
    return (f"decoded as {name}, an UNCERTAIN guess: line {line} reads {a!r}, as {other} it would read "
            f"{b!r}; if {chosen} is wrong, add `encoding: {other}` (or the right one) to its "
            f"header; to be sure, {state}")


def _first_non_ascii_line(data: bytes) -> int:
    i = next((i for i, b in enumerate(data) if b > 127), 0)
    return data[:i].count(b"\n") + 1


def _first_difference(a: str, b: str) -> tuple[int, str, str]:
    """Line and the differing words of two readings of one file."""
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(a.rfind(" ", 0, i), a.rfind("\n", 0, i)) + 1
    end_a, end_b = (re.search(r"\s|$", s[i:]).start() + i for s in (a, b))
    return a[:i].count("\n") + 1, a[start:end_a], b[start:end_b]


# -- what text written by a person looks like -------------------------------------------

_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")
# punctuation a word may start or end with
_EDGE = "\"'()[]{}<>.,;:!?*“”‘’«»„‚‹›—–-…¡¿、，。：；！？（）「」『』《》〈〉・·"
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "THAI", "HANGUL", "HIRAGANA", "KATAKANA", "CJK")
_EAST_ASIAN = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"}
_JOINERS = "\u00ad\u200c\u200d"  # soft hyphen (Word's optional hyphen), zero-width (non-)joiner
_SIGNS = "€£¥¢©®°±×÷§¶™‰"  # symbols a word may hold


@functools.lru_cache(maxsize=4096)
def _script(c: str) -> str | None:
    name = unicodedata.name(c, "")
    return next((s for s in _SCRIPTS if name.startswith(s)), None)


def odd_words(words: list[str]) -> tuple[int, int]:
    """How many of these words (with non-ASCII characters) no person would have written (a
    control or symbol inside a word, two scripts in one word, a capital inside a lower-case
    word, a lone ideograph wedged in a Latin word, a letter glued to figures), of how many."""
    return sum(_odd(w.strip(_EDGE)) for w in words), len(words)


@functools.lru_cache(maxsize=1 << 16)
def _odd(word: str) -> bool:
    scripts = set()
    for i, c in enumerate(word):
        cat = unicodedata.category(c)
        if cat in ("Cc", "Cn", "Co", "Cs") or cat[0] == "Z" or cat == "Cf" and c not in _JOINERS:
            return True  # a control or format character, unassigned, private use: not typed
        if ord(c) > 127 and (cat[0] == "S" and not _sign_in_place(word, i) or cat == "Nl"
                             or cat == "No" and _between_letters(word, i)):
            return True  # a symbol inside a word ("Jos®¶"), or "wies³aw" (Polish ł read as cp1252)
        if ord(c) > 127 and _next_to_digit(word, i) and not _beside_figures(c):
            return True  # "Ł35", "｣35": a currency sign (£) read as a letter or a bracket
        if cat[0] == "L":
            scripts.add(_script(c) or "OTHER" if ord(c) > 127 else "LATIN")
        elif ord(c) > 127 and _script(c):  # a vowel sign, a Thai or Arabic mark: of its script
            scripts.add(_script(c))
    if scripts & _EAST_ASIAN and "LATIN" in scripts:
        return _lone_ideograph(word)
    if len(scripts - _EAST_ASIAN) > 1:
        return True  # e.g. "Nъсez" (Latin and Cyrillic), "cafי" (Latin and Hebrew) in one word
    return any(_odd_case(part) for part in re.split(r"[-'’.]", word))


def _sign_in_place(word: str, i: int) -> bool:
    """A sign where signs are written: one, at either end of a word ("£35", "Word®"), or
    a degree sign anywhere ("25°C")."""
    c = word[i]
    alone = not any(0 <= j < len(word) and unicodedata.category(word[j])[0] == "S" and ord(word[j]) > 127
                    for j in (i - 1, i + 1))
    return c in _SIGNS and alone and (i in (0, len(word) - 1) or c == "°")


def _beside_figures(c: str) -> bool:
    """What is written next to figures: currency and other signs, fractions and powers,
    dashes, quotes and East Asian counters (2024年3月)."""
    return c in _SIGNS or c in _EDGE or unicodedata.category(c) == "No" \
        or (_script(c) in _EAST_ASIAN and not unicodedata.name(c, "").startswith("HALFWIDTH"))


def _next_to_digit(word: str, i: int) -> bool:
    return any(0 <= j < len(word) and word[j] in "0123456789" for j in (i - 1, i + 1))


def _between_letters(word: str, i: int) -> bool:
    return 0 < i < len(word) - 1 and word[i - 1].isalpha() and word[i + 1].isalpha()


def _odd_case(part: str) -> bool:
    """A capital after a small letter ("kAFE"), or a small one after two capitals ("KAfe")."""
    letters = [c for c in part if c.isalpha()]
    return any(c.isupper() for c in letters[1:]) and any(c.islower() for c in letters)


def _lone_ideograph(word: str) -> bool:
    """An East Asian character alone between Latin letters ("Jos字") is a misread letter;
    runs of them next to Latin words ("iPhone手机") are how such text is written."""
    runs = re.findall(r"[^\x00-\x7f]+", word)
    return any(len(run) == 1 and _script(run) in _EAST_ASIAN for run in runs)


# Accented Latin letters of each language (lower case), to tell e.g. "Núñez" (cp1252) from
# "Núńez" (the same bytes as cp1250): the letters of a text belong to one language, mostly.
ALPHABETS = {
    "french": "àâæçéèêëîïôœùûüÿ", "spanish": "áéíñóúü", "portuguese": "áâãàçéêíóôõú",
    "italian": "àèéìíîòóùú", "german": "äöüß", "dutch": "éëïóöü", "catalan": "àçèéíïòóúü",
    "nordic": "åäæöøéüáðíóúýþ", "polish": "ąćęłńóśźż", "czech": "áčďéěíňóřšťúůýž",
    "slovak": "áäčďéíĺľňóôŕšťúýž", "hungarian": "áéíóöőúüű", "romanian": "ăâîșțşţ",
    "croatian": "čćđšž", "slovene": "čšž", "turkish": "çğıöşüâî", "lithuanian": "ąčęėįšųūž",
    "latvian": "āčēģīķļņšūž", "estonian": "äõöüšž",
}


def misfit(text: str) -> float:
    """Share of the text's accented Latin letters (each time it occurs) that the closest
    single language lacks: 0 for "José Núñez" (Spanish), 0.6 for the same bytes read as
    cp1250, "José Núńez" (Polish has ń, not é or ú)."""
    letters = Counter(c.lower() for c in text if ord(c) > 127 and c.isalpha() and _script(c) == "LATIN")
    total = sum(letters.values())
    if not total:
        return 0.0
    return min(sum(n for c, n in letters.items() if c not in alphabet) for alphabet in ALPHABETS.values()) / total


# Where the common ideographs of each East Asian encoding are (their lead bytes): GB2312's
# first level, Big5's frequent characters, JIS level 1, KS X 1001's Hanja; a reading of
# the wrong encoding lands mostly outside.
_COMMON_LEAD = {
    "gb18030": range(0xB0, 0xD8), "big5": range(0xA4, 0xC7), "cp932": range(0x88, 0x99),
    "euc_jp": range(0xB0, 0xD0), "cp949": range(0xCA, 0xFE),
}


def rare_ideographs(text: str, encoding: str) -> float:
    common = _COMMON_LEAD.get(encoding)
    ideographs = [c for c in text if _script(c) == "CJK" and unicodedata.category(c) == "Lo"]
    if common is None or not ideographs:
        return 0.0
    rare = sum(c.encode(encoding)[0] not in common for c in ideographs)
    return rare / len(ideographs)


# -- mojibake -----------------------------------------------------------------------------

def _changed_places(before: str, after: str) -> int:
    import difflib

    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return sum(op != "equal" for op, *_ in ops)


_MOJIBAKE_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
    # a no-break space read as Latin-1 is "Â" and U+00A0, often flattened to a plain space
    "|\u00c2[ \u00a0]"
)


def fix_mojibake(text: str) -> str:
    """Repair text that was decoded with the wrong codec, and nothing else.

    ftfy's other fixes (uncurling quotes, width, ligatures, HTML entities) would change
    what the author typed, so they are off: a source is kept as written.
    """
    # UTF-8 read as Latin-1 or Windows-1252 turns every non-ASCII character into a lead
    # character (Â-ô) followed by a continuation one (U+0080-U+00BF, or the cp1252 letters
    # those bytes stand for). Text without such a pair is left alone without asking ftfy,
    # whose full check costs about half a millisecond per article.
    if not _MOJIBAKE_PAIR.search(text):
        return text
    import ftfy

    fixed = ftfy.fix_text(
        text,
        unescape_html=False,
        remove_terminal_escapes=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    # a no-break space at the end of a line, read as Latin-1, is "Â" and a byte the line's
    # end trimmed: nothing is left for ftfy to pair it with. In a text it found in need of
    # repair, such an "Â" is that no-break space.
    return re.sub("\u00c2(?=\n|$)", "\u00a0", fixed) if fixed != text else fixed
