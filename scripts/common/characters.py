"""Characters that are not what they look like: invisible format characters, fillers, odd spaces.

A name pasted from Word, a web page or a chat can carry characters nobody sees: a zero-width
joiner (U+200D) inside "Bình Thạnh", a soft hyphen, a bidirectional mark, a Hangul filler
that looks like a space. Shown on the site they are invisible, but two names that look the
same then differ for every comparison (a school registered twice, a search that misses).
Every data file is refused with such a character in it, on its line and column.

The rule is data, not code, so the submission form on the site can check the same set
(`INVISIBLE_RANGES`, `ODD_SPACES`: code point ranges, usable in any language).

The set: every character of Unicode category Cf (format), plus the characters that are
letters or symbols to Unicode but show as nothing or as a blank (`FILLERS`: the Hangul
fillers, the braille blank, the combining grapheme joiner, the Khmer inherent vowels, the
variation selectors). Spaces other than the keyboard's (U+0020) are refused too, with their
own message: a non-breaking space (U+00A0, from Word) looks like a space but does not
compare equal to one. They are refused, not silently replaced, so that the file says exactly
what the site shows; the fix is to retype the space.
"""

from __future__ import annotations

import re
import unicodedata

FORMAT_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
"""Unicode category Cf (format characters), Unicode 14 (Python 3.11); a test compares this
list with the running Python's own table, so a newer Unicode is noticed."""

FILLERS: tuple[tuple[int, int], ...] = (
    (0x034F, 0x034F),  # COMBINING GRAPHEME JOINER
    (0x115F, 0x1160),  # HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # KHMER VOWEL INHERENT AQ, AA
    (0x2800, 0x2800),  # BRAILLE PATTERN BLANK
    (0x3164, 0x3164),  # HANGUL FILLER
    (0xFE00, 0xFE0F),  # VARIATION SELECTOR-1 to -16
    (0xFFA0, 0xFFA0),  # HALFWIDTH HANGUL FILLER
)
"""Letters and symbols to Unicode that show as nothing or as a blank."""

INVISIBLE_RANGES: tuple[tuple[int, int], ...] = tuple(sorted(FORMAT_RANGES + FILLERS))
"""Every character refused as invisible, as (first, last) code point ranges."""

ODD_SPACES: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x00A0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)
"""Unicode spaces (category Zs) other than the keyboard's space U+0020: refused."""


def character_class(ranges: tuple[tuple[int, int], ...]) -> str:
    """A regular expression character class for the ranges (Python's syntax)."""
    parts = (
        re.escape(chr(first))
        if first == last
        else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
        for first, last in ranges
    )
    return "[" + "".join(parts) + "]"


INVISIBLE = re.compile(character_class(INVISIBLE_RANGES))
ODD_SPACE = re.compile(character_class(ODD_SPACES))
REFUSED = re.compile(character_class(tuple(sorted(INVISIBLE_RANGES + ODD_SPACES))))
"""Any character of this module: one quick look before the details."""

_NAMES = {
    0x00A0: "dấu cách không ngắt",
    0x00AD: "dấu gạch nối mềm",
    0x061C: "dấu chỉ hướng chữ Ả Rập",
    0x200B: "dấu cách không độ rộng",
    0x200C: "ký tự không nối, không độ rộng",
    0x200D: "ký tự nối không độ rộng",
    0x200E: "dấu chỉ hướng trái sang phải",
    0x200F: "dấu chỉ hướng phải sang trái",
    0x2060: "ký tự nối từ không độ rộng",
    0x202F: "dấu cách hẹp không ngắt",
    0x3000: "dấu cách chữ Hán",
    0x3164: "ký tự đệm Hangul",
    0xFEFF: "dấu thứ tự byte (BOM)",
    0x2800: "ô chữ nổi trống",
}


def describe(char: str) -> str:
    """“ZERO WIDTH JOINER” (ký tự nối không độ rộng, U+200D): what a message calls it."""
    code = ord(char)
    english = unicodedata.name(char, "")
    vietnamese = _NAMES.get(code)
    if code in range(0x202A, 0x202F) or code in range(0x2066, 0x206A):
        vietnamese = "dấu điều khiển hướng chữ"
    if code in range(0xFE00, 0xFE10):
        vietnamese = "bộ chọn biến thể"
    inner = ", ".join(part for part in (vietnamese, f"U+{code:04X}") if part)
    return f"“{english}” ({inner})" if english else f"({inner})"


def refused_message(char: str, column: int) -> str:
    """Why `char` at `column` (from 1) is refused, and how to remove it."""
    if ODD_SPACE.match(char):
        return (
            f"Có dấu cách lạ {describe(char)} ở cột {column}, thường do dán từ Word hay trang "
            "web: trông như dấu cách nhưng máy so khớp khác. Xóa dấu cách này và gõ lại bằng "
            "phím cách (dữ liệu không tự đổi nó, để tệp ghi đúng điều trang hiển thị)."
        )
    return (
        f"Có ký tự ẩn {describe(char)} ở cột {column}, thường do dán từ nơi khác: không nhìn "
        "thấy nhưng làm hai chữ trông giống nhau thành khác nhau. Xóa ký tự này (nếu không "
        "thấy nó, xóa cả chữ quanh đó rồi gõ lại)."
    )


def canonical(text: str) -> str:
    """The form two values are compared in: NFC, invisible characters removed, every kind of
    space one space, case folded. "Trường  TH\\u200d A" and "trường th a" are the same."""
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", text)
    return " ".join(ODD_SPACE.sub(" ", text).casefold().split())


def as_typed(text: str) -> str:
    """What the site's form keeps of a value typed or pasted into it: NFC, the invisible
    characters dropped, every odd space a plain one, no space at either end. A file is never
    changed so (what it holds must be what the page shows): the form writes what it keeps,
    and shows it before anything is sent."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return ODD_SPACE.sub(" ", text).strip(_TRIMMED)


_TRIMMED = " \t\n\v\f\r\u2028\u2029"
"""What JavaScript's String.prototype.trim() takes off either end once odd spaces are plain
ones and invisible characters gone (Python's strip() would take more: U+001C–U+001F)."""
