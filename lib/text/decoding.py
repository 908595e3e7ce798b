"""Bytes → text for article files: UTF-8 (with or without BOM), UTF-16/32, Windows-1256, and what else
charset-normalizer can tell, with a clear error for empty and binary files.

Arabic archives are often Windows-1256 (older Arabic Windows) or UTF-16 (Windows "Unicode" saves); both
decode without error as something, so the choice is made by what the text looks like, not by whether the
bytes happen to decode. Mojibake is never returned: a UTF-8 file with a few damaged bytes stays UTF-8 (the
bytes replaced by U+FFFD and reported with their line), Windows-1256 is chosen only when it reads as Arabic
(not as the ظ…ط… of UTF-8 misread), and a guess whose letters are not Arabic is refused. The start of a
file decides whether it is text; past it, NUL padding is removed and reported and binary data refused. Text
fields and file names are made valid Unicode (`clean_text`, `file_name`) before they reach the store, which
cannot hold lone surrogates.
"""
from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16 (big-endian)",
           "utf-32-le": "UTF-32", "utf-32-be": "UTF-32 (big-endian)", "cp1256": "Windows-1256"}
_PRIVATE = re.compile("[\ue000-\uf8ff]")
SNIFF = 64 * 1024  # bytes looked at to decide; the whole input is decoded once decided


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we read; the message says why (without the file name)."""


@dataclass(frozen=True)
class Decoded:
    """Text and the encoding it was read from; `guessed` when no BOM or UTF-8 validity vouched for it;
    `repairs` says what was replaced or removed, and where (each one a warning for the user)."""

    text: str
    encoding: str
    guessed: bool = False
    repairs: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The encoding's common name (Windows-1256, UTF-16 …)."""
        return _LABELS.get(self.encoding, self.encoding)


_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff\u0750-\u077f\ufb50-\ufdff"
                            r"\ufe70-\ufefc]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
# Control characters of binary data (U+FFFD left out: it marks a byte replaced in damaged UTF-8).
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACED = re.compile("\ufffd")
_ASCII_RUNS = re.compile("[\x00-\x7f]+")
MAX_BAD_SHARE = 0.01  # stray control characters or invalid UTF-8 sequences past this share: not that text
MIN_ARABIC = 0.5  # share of letters that must be Arabic for a guessed encoding to be believed
# UTF-8 Arabic read as Windows-1256 turns every letter into ط or ظ (the lead bytes D8, D9) and a second
# character: ~85% of the Arabic letters of such mojibake are ط/ظ, against ~1% in Arabic text.
MOJIBAKE_SHARE = 0.35
MOJIBAKE_MIN_LETTERS = 20  # fewer Arabic letters than this are too few to judge (ظل is a word)
MAX_DAMAGED_UTF8 = 0.05  # share of the non-ASCII bytes that may be invalid in a file still read as UTF-8
WHERE_SHOWN = 3  # places named in a repair message


def arabic_share(text: str) -> float:
    """Share of Arabic letters among the letters of a text (0.0 when it has no letters)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def control_share(text: str) -> float:
    """Share of control characters (other than tabs and line breaks) and U+FFFD: high for binary data."""
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


def looks_mojibake(text: str) -> bool:
    """Does the text read as UTF-8 Arabic decoded as Windows-1256 (ظ‚ط§ظ„ for قال)? Judged on its start."""
    if len(text) < MOJIBAKE_MIN_LETTERS:
        return False
    head = text[:SNIFF]
    tah = head.count("ط") + head.count("ظ")
    if tah < MOJIBAKE_MIN_LETTERS or tah < 0.1 * len(head):  # cheap: Arabic text has ~1% of ط/ظ
        return False
    return tah / len(_ARABIC_LETTER.findall(head)) > MOJIBAKE_SHARE


def unmojibake(text: str) -> str | None:
    """The Arabic a mojibake text stands for (re-encoded as Windows-1256, read as UTF-8), or None when its
    bytes do not come back whole (the mojibake lost characters on the way)."""
    try:
        fixed = text.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return None
    return fixed if not looks_mojibake(fixed) and arabic_share(fixed[:SNIFF]) >= MIN_ARABIC else None


def reads_as_arabic(text: str) -> bool:
    """Mostly Arabic letters, and not mojibake: what a right guess of an Arabic file's encoding gives."""
    head = text[:SNIFF]
    return arabic_share(head) >= MIN_ARABIC and not looks_mojibake(head)


def clean_text(text: str) -> tuple[str, int]:
    """Text made valid Unicode: lone surrogates (a JSON "\\ud83d" cut from its pair) become U+FFFD; with how
    many were replaced. The store writes UTF-8, which cannot hold them."""
    try:
        text.encode("utf-8")  # quicker than any search, on every article's text
    except UnicodeEncodeError:
        return _SURROGATE.subn("\ufffd", text)
    return text, 0


def file_name(name: str) -> tuple[str, str | None]:
    """A file name as valid text, and a note when it was not UTF-8: Python keeps such bytes as surrogates
    (os.fsdecode); a name whose bytes are all letters in Windows-1256 (an Arabic name from Windows) is read
    as Windows-1256, anything else has its bad bytes replaced."""
    if not _SURROGATE.search(name):
        return name, None
    raw = name.encode("utf-8", "surrogateescape") if _only_escapes(name) else None
    if raw is not None:
        as_cp1256 = raw.decode("cp1256")
        escaped = _ASCII_RUNS.sub("", as_cp1256)
        if len(_LETTER.findall(escaped)) == len(escaped):  # Arabic letters (or é, à … which it shares)
            return as_cp1256, "file name is not UTF-8: read as Windows-1256"
        return raw.decode("utf-8", "replace"), "file name is not UTF-8: its undecodable bytes are shown as \ufffd"
    return _SURROGATE.sub("\ufffd", name), "file name holds invalid characters: shown as \ufffd"


def _only_escapes(name: str) -> bool:
    """Are the surrogates in a name all byte escapes (U+DC80–U+DCFF, what surrogateescape makes)?"""
    return all("\udc80" <= c <= "\udcff" for c in _SURROGATE.findall(name))


def _looks_like_text(text: str) -> bool:
    """Judged on the start of the text: few control characters and little private-use noise."""
    head = text[:SNIFF]
    return control_share(head) < 0.01 and len(_PRIVATE.findall(head[:4096])) < 8


def _lines_of(text: str, positions: list[int]) -> str:
    """'line 3, line 40 …' for character positions in a text (the first few)."""
    shown = [f"line {text.count(chr(10), 0, p) + 1}" for p in positions[:WHERE_SHOWN]]
    return ", ".join(dict.fromkeys(shown)) + (" …" if len(positions) > WHERE_SHOWN else "")


def _checked_tail(text: str, nul_from: int = 0) -> tuple[str, tuple[str, ...]]:
    """The text with its NUL characters from `nul_from` on removed (the padding of a file cut short or
    preallocated), with a note saying where; DecodeError when what follows its first SNIFF characters is binary
    data. The start was judged already: a NUL in the first 64 KB of 8-bit bytes makes the file binary (so
    `nul_from` is 0 for them), a text that is not text from its start is binary."""
    notes: tuple[str, ...] = ()
    nul = text.find("\x00", nul_from)
    if nul != -1:
        notes = (f"{text.count(chr(0), nul)} NUL byte(s) after the first 64 KB removed (from "
                 f"{_lines_of(text, [nul])})",)
        text = text[:nul] + text[nul:].replace("\x00", "")
    if len(text) <= SNIFF:
        return text, notes
    tail = text[SNIFF:]
    for at in sorted({0, max(0, len(tail) - SNIFF)}):  # samples: binary data appended to text fills what follows
        sample = tail[at:at + SNIFF]
        if len(_BINARY.findall(sample)) > MAX_BAD_SHARE * len(sample):
            raise DecodeError(f"binary data after the first 64 KB (from "
                              f"{_lines_of(text, [SNIFF + at + _BINARY.search(sample).start()])})")
    return text, notes


def _utf8_with_damage(raw: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 whose few invalid bytes are replaced by U+FFFD, with a note saying where; None when so many
    non-ASCII bytes are invalid that this is another encoding (Windows-1256 Arabic is nearly all invalid)."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")  # U+FFFD written in the file are not damage
    non_ascii = len(raw) - len(raw.translate(None, bytes(range(128, 256))))
    if bad <= 0 or bad > MAX_DAMAGED_UTF8 * non_ascii:
        return None
    where = [m.start() for m in itertools.islice(_REPLACED.finditer(text), WHERE_SHOWN + 1)]
    note = f"{bad} invalid UTF-8 byte sequence(s) replaced by \ufffd ({_lines_of(text, where)})"
    return text, (note,)


def _utf16_without_bom(raw: bytes) -> str | None:
    """The byte order of BOM-less UTF-16 from where its zero (Latin) or 0x06 (Arabic) high bytes fall."""
    sample = raw[: SNIFF - SNIFF % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    high = (0, 6)  # high byte of ASCII and of the Arabic block
    even_high = sum(1 for b in even if b in high) / len(even)
    odd_high = sum(1 for b in odd if b in high) / len(odd)
    if odd_high > 0.6 and even_high < 0.3:
        return "utf-16-le"
    if even_high > 0.6 and odd_high < 0.3:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes) -> Decoded:
    """The text in raw bytes; DecodeError for empty, binary or undecodable input."""
    if not raw.strip(b" \t\r\n\x00\x0b\x0c"):
        raise DecodeError("file is empty")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom):]
            repairs: tuple[str, ...] = ()
            try:
                text = body.decode(enc)
            except UnicodeDecodeError as exc:
                damaged = _utf8_with_damage(body) if enc == "utf-8" else None
                if damaged is None:
                    raise DecodeError(f"starts with a {_LABELS[enc]} byte-order mark but is not valid "
                                      f"{_LABELS[enc]} (byte {exc.start + len(bom)})") from exc
                text, repairs = damaged
            if not text.strip():
                raise DecodeError("file is empty")
            if not _looks_like_text(text):
                raise DecodeError(f"binary data after a {_LABELS[enc]} byte-order mark")
            text, notes = _checked_tail(text, SNIFF)
            return Decoded(text, "utf-8-sig" if enc == "utf-8" else enc, repairs=repairs + notes)
    if b"\x00" in raw[:SNIFF]:
        enc = _utf16_without_bom(raw)
        if enc:
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                text = ""
            if text.strip() and _looks_like_text(text):
                text, notes = _checked_tail(text, SNIFF)
                return Decoded(text, enc, guessed=True, repairs=notes)
        raise DecodeError("binary file, not text (it holds NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if not _looks_like_text(text):
            raise DecodeError("binary file, not text (control characters)")
        text, notes = _checked_tail(text)
        return Decoded(text, "utf-8", repairs=notes)
    damaged = _utf8_with_damage(raw)
    if damaged is not None:
        text, repairs = damaged
        if _looks_like_text(text.replace("\ufffd", "")):
            text, notes = _checked_tail(text)
            return Decoded(text, "utf-8", repairs=repairs + notes)
    # Not UTF-8. Windows-1256 maps every byte, so it always "works": accept it only when it reads as Arabic.
    text = raw.decode("cp1256")
    if reads_as_arabic(text) and _looks_like_text(text):
        text, notes = _checked_tail(text)
        return Decoded(text, "cp1256", guessed=True, repairs=notes)
    from charset_normalizer import from_bytes  # only for the rare files that are neither

    best = from_bytes(raw[:SNIFF]).best()
    guess = ""
    if best is not None and best.encoding:
        try:
            text = raw.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text.strip() and _looks_like_text(text):
            if reads_as_arabic(text):
                text, notes = _checked_tail(text)
                return Decoded(text, best.encoding, guessed=True, repairs=notes)
            guess = (f"; read as {_LABELS.get(best.encoding, best.encoding)}, only "
                     f"{arabic_share(text[:SNIFF]):.0%} of its letters are Arabic")
    line = raw.count(b"\n", 0, utf8_error.start) + 1
    where = f"byte {utf8_error.start}, line {line}"
    if guess:
        raise DecodeError(f"unknown text encoding: not UTF-8 ({where} is invalid) nor Arabic in Windows-1256"
                          f"{guess}; not stored (save it as UTF-8)")
    raise DecodeError(f"binary file or unknown text encoding (not UTF-8: {where} is invalid)")
