"""Request bodies of the HTTP API (pydantic models: they give the 422 messages and the OpenAPI schema)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from hadath.errors import HadathError
from hadath.inputs import MAX_FIELD_CHARS
from hadath.pipeline import parse_date

#: Most documents one POST /v1/documents may carry. The default body limit (``DEFAULT_MAX_BODY``, 10,000,000
#: bytes) admits this many documents of up to about 4,500 Arabic characters each sent as UTF-8 (1,600 if every
#: character is \u-escaped); larger batches need ``--max-body`` raised, or fewer documents per request.
MAX_DOCUMENTS = 1000


def _valid_unicode(value: str) -> str:
    """JSON may escape lone surrogates (``"\\ud800"``): no text can hold them, so they are refused here."""
    for i, ch in enumerate(value):
        if "\ud800" <= ch <= "\udfff":
            raise ValueError(f"contains a lone surrogate (\\u{ord(ch):04x}) at character {i}; send valid Unicode text")
    return value


def _iso_date(value: str) -> str:
    try:
        parse_date(value)
    except HadathError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    return value


Text = Annotated[str, AfterValidator(_valid_unicode)]
Name = Annotated[str, Field(min_length=1, max_length=MAX_FIELD_CHARS), AfterValidator(_valid_unicode)]
DateText = Annotated[str, Field(max_length=40), AfterValidator(_iso_date)]


class ExtractRequest(BaseModel):
    """A document to extract events from (nothing is stored)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"text": "بحث وزير الخارجية ...", "date": "2024-06-11", "id": "bna-2024-06-11-001"}]
        },
    )

    text: Text = Field(description="The document's Arabic text (at most 1,000,000 characters).")
    date: DateText | None = Field(None, description="Publication date (YYYY-MM-DD); titles are resolved on it.")
    id: Name | None = Field(None, description="Document id used in the event ids (default 'doc').")


class DocumentIn(BaseModel):
    """A document to store: its id and text, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    id: Name = Field(description="Document id; a stored document with this id is replaced when its text changed.")
    text: Text = Field(description="The document's Arabic text.")
    date: DateText | None = Field(None, description="Publication date (YYYY-MM-DD).")
    source: Name | None = Field(None, description="The outlet (counts toward an event's distinct sources).")
    url: Name | None = None
    title: Name | None = None


class DocumentsRequest(BaseModel):
    """Documents to extract and store (then deduplicate with the store's settings)."""

    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_DOCUMENTS)
