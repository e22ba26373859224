"""Date expressions of Arabic news, found by cheap patterns and resolved against the document's date.

Absolute dates: a day and a month name of any of the usages news writes (Egyptian/Gulf يناير ... ديسمبر,
Levantine كانون الثاني ... كانون الأول, Maghrebi جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت, Moroccan يوليوز،
غشت ...), combined ("11 حزيران/يونيو 2024", "5 يونيو (حزيران)"), with or without a year and the era mark
("2024م"); numeric dates (day/month/year, as Arabic datelines write them) and ISO dates; Hijri dates
("5 ذو القعدة 1445 هـ"), converted with hijridate. Relative dates: اليوم، أمس، أمس الأول (day offsets), weekdays
("الثلاثاء الماضي"، "يوم الخميس"), units ("الأسبوع الماضي"، "مطلع الشهر الجاري"), resolved against the document's
date, preferring the past as news does; "قبل يومين"، "منذ ثلاثة أيام" are counted from the number (or number
word) before the unit, and the counts this module cannot read ("قبل بضعة أيام") are handed to dateparser. Every
word list (months, relative words) comes from the lexicons (``months.tsv``, ``date_words.tsv``); this module only
knows the shapes of the expressions.

The patterns run over the normalized text (digits already ASCII, alef and ta marbuta folded), and only where a
date word stands (the lookup stage finds them with its automaton). dateparser (about a millisecond a call, a fifth
of a whole document's budget) is called only for what the tables cannot read, and its answers are cached.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from hadath.lang.ar.normalize import normalize

log = logging.getLogger(__name__)

#: Most answers of dateparser a reader keeps.
_CACHE_SIZE = 10_000
#: Years accepted in Gregorian and Hijri dates.
_GREGORIAN_YEAR = r"(?:19|20)\d\d"
_HIJRI_YEAR = r"1[34]\d\d"
#: A day number standing before a month's name.
_DAY_NUMBER = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
#: How many days around a day offset a weekday written beside it may move it ("اليوم الخميس" in a report dated
#: Friday is Thursday).
_WEEKDAY_SLACK = 3


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date expression in normalized offsets, with the date it names (``None`` when it cannot be resolved)."""

    start: int
    end: int
    value: date | None
    kind: str  # absolute | relative


def _alternation(forms: Iterable[str]) -> str:
    keys = sorted({" ".join(normalize(f).split()) for f in forms}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


class DateReader:
    """Finds and resolves date expressions. Build it once (it compiles its patterns from the word lists)."""

    def __init__(self, months: Iterable[Any], words: Iterable[Any]) -> None:
        self.gregorian: dict[str, int] = {}
        self.hijri: dict[str, int] = {}
        for m in months:
            key = " ".join(normalize(m.form).split())
            (self.gregorian if m.calendar == "gregorian" else self.hijri)[key] = m.month
        by_kind: dict[str, dict[str, str]] = {}
        for w in words:
            by_kind.setdefault(w.kind, {})[" ".join(normalize(w.form).split())] = w.value
        self.words = by_kind

        def alt(kind: str) -> str:
            return _alternation(by_kind.get(kind, {})) or r"(?!)"

        gm, hm = _alternation(self.gregorian), _alternation(self.hijri)
        day_noun = alt("day_noun")
        qualifier = f"{alt('past')}|{alt('next')}|{alt('current')}"
        lead = r"(?<!\w)[وف]?"
        patterns = [
            # 11 حزيران/يونيو 2024 م ; 5 من شهر يونيو الماضي ; الأحد 5 مايو
            rf"(?P<gday>[0-3]?\d)\s*(?:من\s+)?(?:شهر\s+)?(?P<gm1>{gm})(?:\s*[/(-]\s*(?P<gm2>{gm})\s*\)?)?"
            rf"(?:\s*,?\s*(?:من\s+)?(?:عام\s+|سنه\s+)?(?P<gyear>{_GREGORIAN_YEAR}))?(?:\s*(?:{alt('era')}))?(?!\w)",
            # 5 ذو القعدة 1445 هـ
            rf"(?P<hday>[0-3]?\d)\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{hm})"
            rf"(?:\s*(?:من\s+)?(?:عام\s+|سنه\s+)?(?P<hyear>{_HIJRI_YEAR}))?(?:\s*(?:{alt('era')}))?(?!\w)",
            # قبل يومين ; منذ ثلاثة أيام ; قبل 3 أسابيع
            rf"{lead}(?P<ago>(?:{alt('ago')})\s+(?:(?:(?P<agon>\w+)\s+)?(?P<agou>{alt('ago_unit')})"
            rf"|(?P<agod>{alt('dual_unit')})))(?!\w)",
            # مطلع الشهر الجاري ; الأسبوع الماضي ; نهاية العام
            rf"{lead}(?:(?P<part>{alt('part')})\s+)?(?P<unit>{alt('unit')})(?:\s+(?P<uq>{qualifier}))?(?!\w)",
            # أمس الأول ; يوم أمس ; اليوم الخميس
            rf"{lead}(?:{day_noun}\s+)?(?P<off>{alt('day_offset')})(?:\s+(?P<owd>{alt('weekday')}))?(?!\w)",
            # الثلاثاء الماضي ; يوم الخميس
            rf"{lead}(?:{day_noun}\s+)?(?P<wd>{alt('weekday')})(?:\s+(?P<wq>{qualifier}))?(?!\w)(?!\s*\d)",
        ]
        # 11/6/2024, 11-6-2024, 11.6.2024 (day first) ; 2024-06-11: scanned over the whole text
        self.numeric = re.compile(
            rf"(?<![\w/.-])(?P<nday>[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<nmon>[01]?\d)\s*(?P=sep)\s*(?P<nyear>{_GREGORIAN_YEAR})"
            rf"(?![\w/])|(?<![\w/.-])(?P<iyear>{_GREGORIAN_YEAR})-(?P<imon>[01]\d)-(?P<iday>[0-3]\d)(?![\w/])"
        )
        # the others: tried where a date word stands (or at the day number before a month's name)
        self.worded = re.compile("|".join(f"(?:{p})" for p in patterns))
        self.pattern = re.compile(f"{self.worded.pattern}|{self.numeric.pattern}")
        # one pattern per shape, tried where a word of its kind stands (far cheaper than the whole alternation)
        gregorian, hijri, ago, unit, offset, weekday = (re.compile(p) for p in patterns)
        self.by_anchor: dict[str, tuple[re.Pattern[str], ...]] = {
            "gregorian": (gregorian,), "hijri": (hijri,), "ago": (ago,), "unit": (unit,), "part": (unit,),
            "day_offset": (offset,), "weekday": (weekday,), "day_noun": (offset, weekday),
        }  # fmt: skip
        self._groups: dict[str, str | None] = dict.fromkeys(self.pattern.groupindex)
        self._cache: dict[tuple[str, date], date | None] = {}

    # --------------------------------------------------------------- finding
    def find(self, text: str, base: date | None, anchors: Iterable[tuple[int, str]] | None = None) -> list[FoundDate]:
        """Date expressions of normalized ``text``, resolved against ``base`` (the document's date). With
        ``anchors`` (``(start, kind)`` of the words that anchor an expression: month names, of kind ``gregorian`` or
        ``hijri``, and the relative words of ``date_words``, of their kind), only the pattern of each anchor's kind
        is tried, there (or at the day number before a month's name), which is much faster than a scan; without,
        the whole text is scanned."""
        if anchors is None:
            matches = list(self.pattern.finditer(text))
        else:
            matches = []
            for sep in "/-":  # numeric dates are rare: look only where a slash or a dash stands between digits
                i = text.find(sep)
                while i != -1:
                    if 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                        start = i - 1
                        while start > 0 and text[start - 1].isdigit():
                            start -= 1
                        found = self.numeric.match(text, start)
                        if found is not None:
                            matches.append(found)
                    i = text.find(sep, i + 1)
            for pos, kind in set(anchors):
                for pattern in self.by_anchor.get(kind, ()):
                    if kind in ("gregorian", "hijri"):
                        # "17 يوليو"، "5 من شهر يونيو": a month's name is read from the day number before it
                        starts = [d.start() for d in _DAY_NUMBER.finditer(text, max(0, pos - 16), pos)]
                    else:
                        starts = [pos]
                    found = next((f for f in (pattern.match(text, a) for a in starts) if f and f.end() > pos), None)
                    if found is not None:
                        matches.append(found)
                        break
            matches.sort(key=lambda m: (m.start(), -m.end()))
        out: list[FoundDate] = []
        taken_until = -1
        for m in matches:
            if m.start() < taken_until:
                continue
            taken_until = m.end()
            g = {**self._groups, **m.groupdict()}
            if g["unit"] is not None and g["part"] is None and g["uq"] is None:
                continue  # "العام" alone is mostly "general" (الأمين العام), "الشهر" alone a month's name
            kind = "absolute" if any(g[k] for k in ("gday", "hday", "nday", "iyear")) else "relative"
            try:
                value = self._resolve(g, base)
            except ValueError:  # 31 فبراير, a Hijri date out of range
                value = None
            start = m.start() + (1 if text[m.start()] in "وف" and m.group(0)[1:2].strip() else 0)
            out.append(FoundDate(start, m.end(), value, kind))
        return out

    # -------------------------------------------------------------- resolving
    def _resolve(self, g: dict[str, str | None], base: date | None) -> date | None:
        if g["gday"] is not None:
            month = self.gregorian[_key(g["gm1"])]
            return _day_month(int(g["gday"]), month, g["gyear"], base)
        if g["hday"] is not None:
            return self._hijri(int(g["hday"]), self.hijri[_key(g["hm"])], g["hyear"], base)
        if g["nday"] is not None:
            return date(int(str(g["nyear"])), int(str(g["nmon"])), int(g["nday"]))
        if g["iyear"] is not None:
            return date(int(g["iyear"]), int(str(g["imon"])), int(str(g["iday"])))
        if base is None:
            return None
        if g["off"] is not None:
            day = base + timedelta(days=int(self.words["day_offset"][_key(g["off"])]))
            if g["owd"] is not None:
                return _nearest_weekday(day, int(self.words["weekday"][_key(g["owd"])]))
            return day
        if g["wd"] is not None:
            return self._weekday(int(self.words["weekday"][_key(g["wd"])]), g["wq"], base)
        if g["unit"] is not None:
            return self._unit(g, base)
        if g["ago"] is not None:
            return self._ago(g, base)
        return None

    def _ago(self, g: dict[str, str | None], base: date) -> date | None:
        """ "قبل يومين"، "قبل ثلاثة أيام"، "منذ 3 أسابيع"، "قبل شهر": counted here when the count is a number, a
        number word of date_words or none; any other count ("قبل بضعة أيام") is handed to dateparser."""
        if g["agod"] is not None:
            unit, count = self.words["dual_unit"][_key(g["agod"])], 2
        else:
            unit = self.words["ago_unit"][_key(g["agou"])]
            n = g["agon"]
            if n is not None and not n.isdigit() and _key(n) not in self.words.get("number", {}):
                return self._dateparser(str(g["ago"]), base)
            count = 1 if n is None else int(n) if n.isdigit() else int(self.words["number"][_key(n)])
        if unit == "month":
            year, month = divmod(base.year * 12 + base.month - 1 - count, 12)
            return date(year, month + 1, min(base.day, calendar.monthrange(year, month + 1)[1]))
        return base - timedelta(days=count * (7 if unit == "week" else 1))

    def _qualifier(self, word: str | None) -> str:
        if word is None:
            return "current"
        key = _key(word)
        return next((k for k in ("past", "next", "current") if key in self.words.get(k, {})), "current")

    def _weekday(self, weekday: int, qualifier: str | None, base: date) -> date:
        """The weekday named: the last one before the document's date ("الثلاثاء الماضي"), the next one after it
        ("المقبل"), or the last one on or before it (news reports the past)."""
        which = self._qualifier(qualifier) if qualifier is not None else "recent"
        back = (base.weekday() - weekday) % 7
        if which == "past":
            return base - timedelta(days=back or 7)
        if which == "next":
            return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
        return base - timedelta(days=back)

    def _unit(self, g: dict[str, str | None], base: date) -> date:
        unit = self.words["unit"][_key(g["unit"])]
        shift = {"past": -1, "next": 1, "current": 0}[self._qualifier(g["uq"])]
        part = self.words["part"][_key(g["part"])] if g["part"] is not None else None
        if unit == "week":
            day = base + timedelta(weeks=shift)
            if part is None:
                return day
            monday = day - timedelta(days=day.weekday())
            return monday + timedelta(days={"start": 0, "middle": 3, "end": 6}[part])
        if unit == "month":
            year, month = divmod(base.year * 12 + base.month - 1 + shift, 12)
            month += 1
            last = calendar.monthrange(year, month)[1]
            if part is None:
                return date(year, month, min(base.day, last))
            return date(year, month, {"start": 1, "middle": 15, "end": last}[part])
        year = base.year + shift
        if part is None:
            return date(year, base.month, min(base.day, calendar.monthrange(year, base.month)[1]))
        return {"start": date(year, 1, 1), "middle": date(year, 7, 1), "end": date(year, 12, 31)}[part]

    def _hijri(self, day: int, month: int, year: str | None, base: date | None) -> date | None:
        from hijridate import Gregorian, Hijri

        if year is not None:
            return _to_date(Hijri(int(year), month, day))
        if base is None:
            return None
        hyear = Gregorian(base.year, base.month, base.day).to_hijri().year
        found = _to_date(Hijri(hyear, month, day))
        return found if found <= base else _to_date(Hijri(hyear - 1, month, day))

    def _dateparser(self, matched: str, base: date) -> date | None:
        key = (matched, base)
        if key not in self._cache:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            import dateparser  # type: ignore[import-untyped]

            settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past"}
            parsed = dateparser.parse(matched, languages=["ar"], settings=settings)
            self._cache[key] = parsed.date() if parsed is not None else None
            if parsed is None:
                log.debug("dateparser could not read %r", matched)
        return self._cache[key]


def _key(word: str | None) -> str:
    return " ".join(str(word).split())


def _to_date(h: Any) -> date:
    y, m, d = h.to_gregorian().datetuple()
    return date(y, m, d)


def _day_month(day: int, month: int, year: str | None, base: date | None) -> date | None:
    """A day of a month: in the year written, else the latest such day on or before the document's date."""
    if year is not None:
        return date(int(year), month, day)
    if base is None:
        return None
    found = date(base.year, month, day)
    return found if found <= base else date(base.year - 1, month, day)


def _nearest_weekday(day: date, weekday: int) -> date:
    """The date with ``weekday`` nearest to ``day`` (a few days either way), the earlier one on a tie."""
    back = (day.weekday() - weekday) % 7
    forward = (weekday - day.weekday()) % 7
    if back <= forward and back <= _WEEKDAY_SLACK:
        return day - timedelta(days=back)
    if forward <= _WEEKDAY_SLACK:
        return day + timedelta(days=forward)
    return day
