"""Turtle for graphs of IRIs and literals, laid out byte for byte as rdflib's serialiser lays them out.

rdflib builds and serialises a package's DCAT record (about 170 triples) in some 20 ms;
a national build writes thousands of records. This writer knows only what our records
use — IRIs and literals, no blank nodes, lists or numeric shorthands — and writes the
bytes rdflib writes, which a test holds it to on every record we ship.

The layout: the prefixes used, sorted; then each subject, the least referenced first (ties
by IRI), its ``rdf:type`` first and the other predicates sorted by IRI, objects sorted as
rdflib orders terms (IRIs before literals; literals by datatype, language, then text).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# the local parts written as rdflib writes them; others (with %, parentheses, colons …) are written
# as whole IRIs, which rdflib would shorten: the same graph, another layout
LOCAL_NAME = re.compile(r"(?:\w[\w.-]*)?")


@dataclass(frozen=True)
class Literal:
    """A literal: plain, with a language tag, or with a datatype IRI."""

    text: str
    lang: str = ""
    datatype: str = ""


Term = str | Literal  # a str is an IRI
Triple = tuple[str, str, Term]


def turtle(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """The graph of ``triples`` (duplicates count once) in Turtle, IRIs shortened by ``prefixes``."""
    graph: dict[str, dict[str, set[Term]]] = {}
    references: Counter[Term] = Counter()
    for subject, predicate, obj in set(triples):
        graph.setdefault(subject, {}).setdefault(predicate, set()).add(obj)
        references[obj] += 1
    names = _Names(prefixes)
    blocks = [_block(names, subject, graph[subject]) for subject in sorted(graph, key=lambda s: (references[s], s))]
    header = "".join(f"@prefix {prefix}: <{names.used[prefix]}> .\n" for prefix in sorted(names.used))
    return header + "".join(f"\n{block} .\n" for block in blocks)


class _Names:
    """Prefixed names where a prefix's namespace starts the IRI and a plain local name ends it."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self._prefixes = tuple(sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0])))
        self.used: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        prefix, namespace, written = _short_form(iri, self._prefixes)
        if prefix:
            self.used[prefix] = namespace
        return written

    def term(self, term: Term) -> str:
        if isinstance(term, str):
            return self.iri(term)
        text = _quoted(term.text)
        if term.lang:
            return f"{text}@{term.lang}"
        return f"{text}^^{self.iri(term.datatype)}" if term.datatype else text


@functools.lru_cache(maxsize=8192)  # records share their vocabulary: each IRI is looked at once
def _short_form(iri: str, prefixes: tuple[tuple[str, str], ...]) -> tuple[str, str, str]:
    """(prefix, namespace, the IRI as written): the longest namespace first; ("", "", <iri>) when none fits."""
    for prefix, namespace in prefixes:
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and LOCAL_NAME.fullmatch(local) and not local.endswith("."):
            return prefix, namespace, f"{prefix}:{local}"
    return "", "", f"<{iri}>"


def _block(names: _Names, subject: str, properties: dict[str, set[Term]]) -> str:
    first = [p for p in (RDF_TYPE, RDFS_LABEL) if p in properties]
    ordered = first + sorted(p for p in properties if p not in first)
    lines = []
    for predicate in ordered:
        verb = "a" if predicate == RDF_TYPE else names.iri(predicate)
        objects = ",\n        ".join(names.term(o) for o in sorted(properties[predicate], key=_term_order))
        lines.append(f"{verb} {objects}")
    return f"{names.iri(subject)} " + " ;\n    ".join(lines)


def _term_order(term: Term) -> tuple[int, str, bool, str, str]:
    if isinstance(term, str):
        return (0, "", False, "", term)
    return (1, term.datatype or XSD_STRING, bool(term.lang), term.lang, term.text)


def _quoted(text: str) -> str:
    """A string as rdflib quotes it: long quotes when it holds a line break."""
    if "\n" not in text:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
        return f'"{escaped}"'
    encoded = text.replace("\\", "\\\\")
    if '"""' in text:
        encoded = encoded.replace('"""', '\\"\\"\\"')
    if encoded[-1] == '"' and encoded[-2] != "\\":
        encoded = encoded[:-1] + '\\"'
    return '"""' + encoded.replace("\r", "\\r") + '"""'
