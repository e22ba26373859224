"""CoNLL files for NER: ``token TAG`` per line, a blank line between sentences, and the scored form
``token<TAB>gold<TAB>predicted`` that conlleval reads.

Reading is strict about what it cannot understand and tolerant of what it can: ``-DOCSTART-`` lines are
skipped, a line with no tag column (a token to be tagged) is read with no gold tag, invisible format characters
around a tag (a stray right-to-left mark) are ignored. A tag that is not ``O`` or ``B-``/``I-`` + a type, a line
with too many columns, or bytes that are not UTF-8 raise :class:`~hadath.errors.InputError` naming the file and
the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from hadath.errors import InputError
from hadath.lang.ar.chars import ZERO_WIDTH

OUTSIDE = "O"
DOCSTART = "-DOCSTART-"
_TAG = re.compile(r"^(?:O|[BI]-\S+)$")
_INVISIBLE = re.compile("[" + re.escape(ZERO_WIDTH) + "]")


@dataclass(frozen=True, slots=True)
class ConllToken:
    """One token line: the token as written, its gold tag (None when the line has none), its predicted tag
    (the third column of a scored file, else None) and its line number in the file."""

    text: str
    gold: str | None
    predicted: str | None
    line: int


@dataclass(frozen=True, slots=True)
class ConllSentence:
    tokens: tuple[ConllToken, ...]

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]

    @property
    def gold(self) -> list[str]:
        """Gold tags, ``O`` where the file gave none."""
        return [t.gold or OUTSIDE for t in self.tokens]

    @property
    def predicted(self) -> list[str]:
        return [t.predicted or OUTSIDE for t in self.tokens]

    @property
    def has_gold(self) -> bool:
        return any(t.gold is not None for t in self.tokens)


def read_conll(path: Path, scored: bool = False) -> list[ConllSentence]:
    """Read a CoNLL file: ``token [TAG]`` lines, or with ``scored`` ``token gold predicted`` lines.

    Raises :class:`InputError` (file and line) for a missing or unreadable file, bytes that are not UTF-8, a
    line with the wrong number of columns and a tag that is not IOB.
    """
    return list(iter_conll(path, scored))


def iter_conll(path: Path, scored: bool = False) -> Iterator[ConllSentence]:
    """Sentences of a CoNLL file, read as a stream (see :func:`read_conll`)."""
    with _open(path) as handle:
        yield from _sentences(_lines(handle, str(path)), str(path), scored)


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(str(path), "no such file; give the path of a CoNLL file (token TAG per line)") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder; give the path of a CoNLL file (token TAG per line)") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from None


def is_scored(path: Path) -> bool:
    """Whether a CoNLL file is in the scored form: its first token line has three columns."""
    with _open(path) as handle:
        for _, text in _lines(handle, str(path)):
            fields = text.split()
            if fields and fields[0] != DOCSTART:
                return len(fields) == 3
    return False


def _lines(handle: Iterable[bytes], source: str) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(handle, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"not UTF-8 (byte {exc.start + 1} of the line); convert the file to UTF-8", number
            ) from None
        if number == 1:
            text = text.removeprefix("\ufeff")
        yield number, text.rstrip("\r\n")


def _sentences(lines: Iterable[tuple[int, str]], source: str, scored: bool) -> Iterator[ConllSentence]:
    tokens: list[ConllToken] = []
    for number, text in lines:
        fields = text.split()
        if not fields or fields[0] == DOCSTART:
            if tokens:
                yield ConllSentence(tuple(tokens))
                tokens = []
            continue
        tokens.append(_token(fields, source, number, scored))
    if tokens:
        yield ConllSentence(tuple(tokens))


def _token(fields: list[str], source: str, number: int, scored: bool) -> ConllToken:
    expected = "'token gold predicted'" if scored else "'token TAG'"
    if scored and len(fields) != 3:
        raise InputError(source, f"{len(fields)} column(s), expected 3: {expected}", number)
    if not scored and len(fields) > 2:
        hint = " (a scored file: give it to 'hadath eval ner')" if len(fields) == 3 else ""
        raise InputError(source, f"{len(fields)} columns, expected {expected}{hint}", number)
    tags = [_tag(f, source, number) for f in fields[1:]]
    gold = tags[0] if tags else None
    predicted = tags[1] if len(tags) > 1 else None
    if scored and predicted is None:
        raise InputError(source, f"the predicted tag is empty, expected {expected}", number)
    return ConllToken(fields[0], gold, predicted, number)


def _tag(field: str, source: str, number: int) -> str | None:
    tag = _INVISIBLE.sub("", field)
    if not tag:
        return None  # only a stray direction mark where the tag should be: read as untagged
    if not _TAG.match(tag):
        raise InputError(source, f"tag {field!r} is not O, B-TYPE or I-TYPE (IOB)", number)
    return tag


def format_scored(sentences: Iterable[tuple[Sequence[str], Sequence[str], Sequence[str]]]) -> Iterator[str]:
    """Lines of the scored form, ``token<TAB>gold<TAB>predicted``, with an empty line after each sentence."""
    for words, gold, predicted in sentences:
        if not len(words) == len(gold) == len(predicted):
            raise ValueError("words, gold and predicted tags differ in length")
        for word, g, p in zip(words, gold, predicted, strict=True):
            yield f"{word}\t{g}\t{p}\n"
        yield "\n"


def write_scored(sentences: Iterable[tuple[Sequence[str], Sequence[str], Sequence[str]]], out: TextIO) -> int:
    """Write :func:`format_scored` lines to ``out``; return the number of sentences written."""
    count = 0
    for line in format_scored(sentences):
        out.write(line)
        count += line == "\n"
    return count
