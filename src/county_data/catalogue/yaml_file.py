"""Read YAML so that every mapping remembers the line it started on.

A key written twice is refused here, in the loader, so every file benefits; a
key a record does not know is refused by ``unknown_key_problems``, against the
one declaration of each record's fields.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from county_data.errors import AnnotationError, Problem

LINE_KEY = "__line__"
KEY_LINES = "__key_lines__"
SPECIAL_KEYS = (LINE_KEY, KEY_LINES)
STR, MERGE = (f"tag:yaml.org,2002:{name}" for name in ("str", "merge"))


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int, first: int) -> None:
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


@functools.cache
def _loader_class() -> type:
    import yaml

    # the C parser (libyaml) when PyYAML was built with it: 7x faster on our files, same nodes and marks
    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            key_lines = _key_lines(self, node)
            return _lined(super().construct_mapping(node, deep=deep), node, key_lines)

    return LineLoader


def _key_lines(loader: Any, node: Any) -> dict[object, int]:
    """The line of each key of a mapping node; a key seen twice raises ``_DuplicateKey``."""
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        if key_node.tag == MERGE:
            continue
        try:
            _note_key(seen, loader.construct_object(key_node, deep=True), key_node)
        except TypeError:  # an unhashable key: the SafeLoader itself refuses it
            continue
    return seen


def _note_key(seen: dict[object, int], key: object, key_node: Any) -> None:
    """Record the line ``key`` is written on; a key seen twice raises ``_DuplicateKey``, an unhashable one TypeError."""
    line = key_node.start_mark.line + 1
    if key in seen:
        raise _DuplicateKey(key, line, seen[key])
    seen[key] = line


def _lined(mapping: dict[Any, Any], node: Any, key_lines: dict[object, int]) -> dict[Any, Any]:
    """``mapping`` with the line it starts on and the line of each key."""
    mapping[LINE_KEY] = node.start_mark.line + 1
    mapping[KEY_LINES] = key_lines
    return mapping


def read_yaml(path: Path) -> Any:
    """Parse ``path``; malformed YAML and keys written twice become errors naming file and line."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AnnotationError(Problem("unreadable-yaml", f"cannot read YAML ({error})", path=str(path))) from None
    try:
        return _load(text)
    except _DuplicateKey as twice:
        message = (
            f"key {twice.key!r} must be written once per mapping (got it again; first on line {twice.first}); "
            "remove one of them"
        )
        raise AnnotationError(
            Problem("duplicate-yaml-key", message, path=str(path), line=twice.line, field=str(twice.key))
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error)
        raise AnnotationError(
            Problem(
                "malformed-yaml",
                f"malformed YAML: {reason} (expected a valid YAML document)",
                path=str(path),
                line=line,
            )
        ) from None


def _load(text: str) -> Any:
    """The document in ``text``: built from the parser's events here (plain mappings, lists and
    scalars, which are all our files hold), else by PyYAML's composer and constructor, the same
    objects either way."""
    loader = _loader_class()(text)
    try:
        return _Built(loader).document()
    except _Unusual:
        pass
    finally:
        loader.dispose()
    loader = _loader_class()(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


class _Unusual(Exception):
    """What ``_Built`` leaves to PyYAML: anchors and aliases, explicit tags, merge keys, more documents."""


class _Built:
    """What PyYAML's safe constructor (with the line bookkeeping of ``LineLoader``) makes of a
    document, built straight from the parser's events: without composing nodes and resolving
    each, our files read in half the time."""

    def __init__(self, loader: Any) -> None:
        import yaml

        self.loader, self.next_event = loader, loader.get_event
        self.events = yaml.events
        self.scalar_node = yaml.ScalarNode
        resolvers = loader.yaml_implicit_resolvers
        # a plain scalar whose first character starts no implicit type is a string, as PyYAML resolves it
        self.typed_starts = None if None in resolvers else frozenset(resolvers)
        self.tags: dict[str, str] = {}
        self.duplicate: _DuplicateKey | None = None  # raised once the whole document has parsed, as PyYAML does

    def document(self) -> Any:
        events = self.events
        self.next_event()  # the stream's start
        if isinstance(self.next_event(), events.StreamEndEvent):
            return None
        value = self.value(self.next_event())
        self.next_event()  # the document's end
        if not isinstance(self.next_event(), events.StreamEndEvent):
            raise _Unusual  # a second document: PyYAML refuses it in its words
        if self.duplicate is not None:
            raise self.duplicate
        return value

    def value(self, event: Any) -> Any:
        kind, events = type(event), self.events
        if kind is events.AliasEvent or event.anchor is not None:
            raise _Unusual
        if kind is events.ScalarEvent:
            return self.scalar(event)
        if event.tag not in (None, "!"):
            raise _Unusual
        if kind is events.SequenceStartEvent:
            items = []
            while not isinstance(item := self.next_event(), events.SequenceEndEvent):
                items.append(self.value(item))
            return items
        return self.mapping(event)

    def mapping(self, start: Any) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        key_lines: dict[object, int] = {}
        while not isinstance(key_event := self.next_event(), self.events.MappingEndEvent):
            key = self.value(key_event)
            try:
                _note_key(key_lines, key, key_event)
            except _DuplicateKey as twice:
                self.duplicate = self.duplicate or twice
            except TypeError:  # unhashable: PyYAML's constructor refuses it in its words
                raise _Unusual from None
            mapping[key] = self.value(self.next_event())
        return _lined(mapping, start, key_lines)

    def scalar(self, event: Any) -> Any:
        if event.tag not in (None, "!"):
            raise _Unusual
        value: str = event.value
        if not event.implicit[0] or (self.typed_starts is not None and value[:1] not in self.typed_starts):
            return value
        tag = self.tags.get(value)
        if tag is None:
            tag = self.tags[value] = self.loader.resolve(self.scalar_node, value, event.implicit)
        if tag == STR:
            return value
        if tag == MERGE:
            raise _Unusual
        node = self.scalar_node(tag, value, event.start_mark, event.end_mark, event.style)
        return self.loader.construct_object(node, deep=True)


def line_of(mapping: Any, key: str = "") -> int | None:
    """The line ``mapping`` starts on, or the line of its ``key`` when given and present."""
    if not isinstance(mapping, dict):
        return None
    return mapping.get(KEY_LINES, {}).get(key) or mapping.get(LINE_KEY)


def plain(mapping: dict[Any, Any]) -> dict[Any, Any]:
    """``mapping`` without the line bookkeeping the loader adds."""
    return {key: value for key, value in mapping.items() if key not in SPECIAL_KEYS}


def unknown_keys(mapping: Any, known: Collection[str]) -> list[tuple[str, str]]:
    """Keys of ``mapping`` not in ``known``, each with a message naming the nearest known key."""
    if not isinstance(mapping, dict):
        return []
    return [(str(key), _unknown_message(str(key), known)) for key in plain(mapping) if key not in known]


def _unknown_message(key: str, known: Iterable[str]) -> str:
    import difflib

    choices = sorted(known)
    near = difflib.get_close_matches(key, choices, n=1)
    hint = f"did you mean {near[0]!r}?" if near else f"expected one of {', '.join(choices)}"
    return f"unknown key {key!r} ({hint})"


def unknown_key_problems(mapping: Any, known: Collection[str], path: Path | str, what: str = "") -> list[Problem]:
    """One ``unknown-key`` problem per key of ``mapping`` outside ``known``, at the mapping's line."""
    prefix = f"{what}: " if what else ""
    return [
        Problem("unknown-key", prefix + message, path=str(path), line=line_of(mapping, key), field=key, found=key)
        for key, message in unknown_keys(mapping, known)
    ]
