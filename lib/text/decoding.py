"""Bytes → text for article files: UTF-8 (with or without BOM), UTF-16/32, Windows-1256, and what else
charset-normalizer can tell, with a clear error for empty and binary files.

Arabic archives are often Windows-1256 (older Arabic Windows) or UTF-16 (Windows "Unicode" saves); both
decode without error as something, so the choice is made by what the text looks like, not by whether the
bytes happen to decode.
"""
from __future__ import annotations

import codecs
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
    """Text and the encoding it was read from; `guessed` when no BOM or UTF-8 validity vouched for it."""

    text: str
    encoding: str
    guessed: bool = False

    @property
    def label(self) -> str:
        """The encoding's common name (Windows-1256, UTF-16 …)."""
        return _LABELS.get(self.encoding, self.encoding)


_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff\u0750-\u077f\ufb50-\ufdff"
                            r"\ufe70-\ufefc]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")


def arabic_share(text: str) -> float:
    """Share of Arabic letters among the letters of a text (0.0 when it has no letters)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def control_share(text: str) -> float:
    """Share of control characters (other than tabs and line breaks) and U+FFFD: high for binary data."""
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


def _looks_like_text(text: str) -> bool:
    """Judged on the start of the text: few control characters and little private-use noise."""
    head = text[:SNIFF]
    return control_share(head) < 0.01 and len(_PRIVATE.findall(head[:4096])) < 8


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
            try:
                text = raw[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {_LABELS[enc]} byte-order mark but is not valid {_LABELS[enc]} "
                                  f"(byte {exc.start + len(bom)})") from exc
            if not text.strip():
                raise DecodeError("file is empty")
            if not _looks_like_text(text):
                raise DecodeError(f"binary data after a {_LABELS[enc]} byte-order mark")
            return Decoded(text, "utf-8-sig" if enc == "utf-8" else enc)
    if b"\x00" in raw[:SNIFF]:
        enc = _utf16_without_bom(raw)
        if enc:
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                text = ""
            if text.strip() and _looks_like_text(text):
                return Decoded(text, enc, guessed=True)
        raise DecodeError("binary file, not text (it holds NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if not _looks_like_text(text):
            raise DecodeError("binary file, not text (control characters)")
        return Decoded(text, "utf-8")
    # Not UTF-8. Windows-1256 maps every byte, so it always "works": accept it only when it yields Arabic.
    text = raw.decode("cp1256")
    if arabic_share(text[:SNIFF]) >= 0.5 and _looks_like_text(text):
        return Decoded(text, "cp1256", guessed=True)
    from charset_normalizer import from_bytes  # only for the rare files that are neither

    best = from_bytes(raw[:SNIFF]).best()
    if best is not None and best.encoding:
        try:
            text = raw.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text.strip() and _looks_like_text(text):
            return Decoded(text, best.encoding, guessed=True)
    raise DecodeError(f"binary file or unknown text encoding (not UTF-8: byte {utf8_error.start} is invalid)")
