"""Frozen source texts: the bytes every figure is traced back to."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from county_data.errors import Problem, SourceError

SOURCE_KINDS = ("news", "work_report", "statistical_bulletin")
ENCODINGS_TRIED = ("utf-8", "utf-8-sig", "gb18030")


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the report exactly as written (lines and all) and its offset."""

    quote: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.quote)

    @property
    def title(self) -> str:
        return " / ".join(line.strip() for line in self.quote.splitlines() if line.strip())


@dataclass(frozen=True, slots=True)
class Source:
    """Citation and checksum of one source text.

    ``path`` is set only when the text ships with the package; other people's
    writing is cited by ``url`` and verified by ``sha256`` when a user supplies it.
    Unknown outlet or date stay empty: never guessed.
    """

    id: str
    title: str
    kind: str
    sha256: str
    bytes: int
    language: str = "zh-Hans"
    outlet: str = ""
    published: str = ""
    author: str = ""
    photographs: str = ""
    subject: str = ""
    url: str = ""
    licence: str = ""
    path: Path | None = None
    sections: tuple[Section, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise ValueError(f"source kind must be one of {SOURCE_KINDS} (got {self.kind!r})")
        if len(self.sha256) != 64:
            raise ValueError(f"source sha256 must be 64 hex digits (got {self.sha256!r})")

    def section_at(self, offset: int) -> str:
        """Title of the section that contains ``offset`` ('' before the first)."""
        title = ""
        for section in self.sections:
            if section.start > offset:
                break
            title = section.title
        return title


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line, for line numbers by bisection."""
    return [0, *(match.end() for match in re.finditer("\n", text))]


def line_at(starts: Sequence[int], offset: int) -> int:
    """The 1-based line of ``offset`` in a text whose ``line_starts`` are given."""
    return bisect_right(starts, offset)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_report(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode report bytes as UTF-8 (with or without BOM) or GB18030.

    Returns the text and the name of the encoding that worked.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise SourceError(
        Problem(
            "undecodable-source",
            f"cannot decode the report; tried {', '.join(ENCODINGS_TRIED)}",
            path=str(path),
            expected="text in UTF-8, UTF-8 with BOM or GB18030",
        )
    )


def read_report(path: Path) -> tuple[str, str]:
    """Text and encoding of a report file (UTF-8, UTF-8 with BOM or GB18030)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(
            Problem("unreadable-report", f"cannot read the report ({error.strerror})", path=str(path))
        ) from None
    return decode_report(data, path)


def read_frozen_bytes(source: Source, path: Path) -> bytes:
    """Read the frozen bytes of ``source`` from ``path``, checking size and sha256."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(
            Problem("missing-source", f"cannot read source {source.id!r} ({error.strerror})", path=str(path))
        ) from None
    digest = sha256_of(data)
    if digest != source.sha256 or len(data) != source.bytes:
        raise SourceError(
            Problem(
                "source-hash-mismatch",
                f"source {source.id!r} changed: sha256 must be {source.sha256} "
                f"({source.bytes} bytes) (got {digest}, {len(data)} bytes)",
                path=str(path),
                field="sha256",
                found=digest,
                expected=source.sha256,
            )
        )
    return data


def read_frozen_text(source: Source, path: Path) -> str:
    """The frozen text of ``source``: checked bytes, strictly UTF-8."""
    data = read_frozen_bytes(source, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(
            Problem(
                "source-not-utf8",
                f"frozen source {source.id!r} must be UTF-8 (invalid byte at offset {error.start})",
                path=str(path),
                expected="UTF-8",
            )
        ) from None
