"""Reading CoNLL files (token TAG, blank line between sentences) and writing the scored form conlleval reads."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from hadath.errors import InputError
from hadath.ner.conll import is_scored, read_conll, write_scored

# Agency-style sentences written for these tests.
CONLL = """-DOCSTART- -X- -X- -X- O

استقبل O
الملك B-PERS
عبد I-PERS
الله I-PERS
الثاني I-PERS
في O
عمان B-LOC
. O

وبحث O
مع O
الأمين O
العام O
لجامعة B-ORG
الدول I-ORG
العربية I-ORG
"""


def write(tmp_path: Path, text: str, name: str = "in.conll") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sentences_tokens_and_tags_are_read_and_docstart_skipped(tmp_path: Path) -> None:
    sentences = read_conll(write(tmp_path, CONLL))
    assert [len(s.tokens) for s in sentences] == [8, 7]
    assert sentences[0].words[:3] == ["استقبل", "الملك", "عبد"]
    assert sentences[0].gold == ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "O"]
    assert sentences[1].tokens[4].line == 16
    assert not is_scored(write(tmp_path, CONLL))


def test_scored_file_round_trips(tmp_path: Path) -> None:
    sentences = read_conll(write(tmp_path, CONLL))
    predicted = [["O"] * len(s.tokens) for s in sentences]
    out = io.StringIO()
    assert write_scored(((s.words, s.gold, p) for s, p in zip(sentences, predicted, strict=True)), out) == 2
    text = out.getvalue()
    assert text.splitlines()[1] == "الملك\tB-PERS\tO"
    assert text.endswith("العربية\tI-ORG\tO\n\n")
    scored = write(tmp_path, text, "out.tsv")
    assert is_scored(scored)
    again = read_conll(scored, scored=True)
    assert [s.words for s in again] == [s.words for s in sentences]
    assert [s.gold for s in again] == [s.gold for s in sentences]
    assert [s.predicted for s in again] == predicted


def test_missing_tag_column_and_stray_direction_marks_are_tolerated(tmp_path: Path) -> None:
    path = write(tmp_path, "قال\nالرئيس O\nالأمن\u200f1706 \u200f\n\n\n\nشكرا O\n")
    sentences = read_conll(path)
    assert len(sentences) == 2
    tokens = sentences[0].tokens
    assert [t.gold for t in tokens] == [None, "O", None]
    assert sentences[0].gold == ["O", "O", "O"]  # read as O where no gold tag is given
    assert tokens[2].text == "الأمن\u200f1706"
    assert not sentences[0].has_gold or sentences[1].has_gold


def test_crlf_and_byte_order_mark_are_read(tmp_path: Path) -> None:
    path = tmp_path / "win.conll"
    path.write_bytes("\ufeffالقاهرة B-LOC\r\n\r\nمصر B-LOC\r\n".encode())
    assert [s.gold for s in read_conll(path)] == [["B-LOC"], ["B-LOC"]]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("الملك B-PERS\nعبد X-PERS\n", 2, "tag 'X-PERS' is not O, B-TYPE or I-TYPE"),
        ("الملك B-PERS\nعبد I-PERS extra more\n", 2, "4 columns, expected 'token TAG'"),
        ("الملك B-PERS O\n", 1, "a scored file"),
    ],
)
def test_malformed_lines_are_reported_with_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        read_conll(path)
    assert caught.value.line == line
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)


def test_scored_reading_wants_three_columns(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r":2: 2 column\(s\), expected 3"):
        read_conll(write(tmp_path, "الملك B-PERS B-PERS\nعبد I-PERS\n"), scored=True)


def test_non_utf8_bytes_are_reported_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.conll"
    path.write_bytes("القاهرة B-LOC\n\n".encode() + "مصر B-LOC\n".encode("cp1256"))
    with pytest.raises(InputError, match=r"cp1256.conll:3: not UTF-8"):
        read_conll(path)


def test_missing_file_and_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_conll(tmp_path / "absent.conll")
    with pytest.raises(InputError, match="is a folder"):
        read_conll(tmp_path)
