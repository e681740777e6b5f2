"""Vietnamese text helpers: NFC, date formats, and folding for search and matching only.

Folding ("Đăng ký" → "dang ky") is for comparing what a reader types with what the site
shows; nothing folded is ever shown.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

# Old and new tone placement differ even after NFC ("hòa"/"hoà"); folding removes the
# tone marks, so both match. "đ" has no decomposition and must be mapped by hand.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lowercase ASCII-ish form for matching: "Bình Thạnh" → "binh thanh"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def format_date(day: dt.date) -> str:
    """The form the plan itself uses: 15/5/2022, 04/4/2022, 17/01/2022.

    As in Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP), a day below 10
    and the months 1 and 2 take a leading zero; every date in the plan follows this rule.
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def format_date_long(day: dt.date) -> str:
    """ "ngày 12 tháng 4 năm 2022", as in administrative documents."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


def slugify(text: str, separator: str = "-") -> str:
    """An ASCII address fragment for a heading: "Bắt đầu từ đâu" → "bat-dau-tu-dau".

    Python-Markdown's default drops "đ" (it has no decomposition) and gives "bat-au-tu-au".
    """
    folded = fold(text)
    return separator.join(
        "".join(c if c.isalnum() and c.isascii() else " " for c in folded).split()
    )


# Vietnamese alphabetical order: a ă â b c d đ e ê … o ô ơ … u ư, then the tones
# (none, huyền, hỏi, ngã, sắc, nặng) decide only between words equal without them.
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve, circumflex, horn
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def sort_key(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...], str]:
    """A key that sorts names in Vietnamese dictionary order: "Bình An" < "Bình Ân" < "Bình Đông".

    Python's default order puts every accented letter after "z"; this key follows the
    Vietnamese alphabet instead, then the tone marks, then the text itself as a tie-break.
    """
    letters: list[tuple[str, int]] = []
    tones: list[int] = []
    for char in " ".join(text.casefold().split()):
        if char == "đ":
            letters.append(("d", 1))
            tones.append(0)
            continue
        base, *marks = list(unicodedata.normalize("NFD", char))
        letters.append((base, sum(_LETTER_MARKS.get(m, 0) for m in marks)))
        tones.append(sum(_TONES.get(m, 0) for m in marks))
    return tuple(letters), tuple(tones), text
