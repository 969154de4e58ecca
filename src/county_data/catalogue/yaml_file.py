"""Read YAML so that every mapping remembers the line it started on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from county_data.errors import AnnotationError, Problem

LINE_KEY = "__line__"


def _loader_class() -> type:
    import yaml

    class LineLoader(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> dict:
            mapping = super().construct_mapping(node, deep=deep)
            mapping[LINE_KEY] = node.start_mark.line + 1
            return mapping

    return LineLoader


def read_yaml(path: Path) -> Any:
    """Parse ``path``; malformed YAML becomes an error naming file and line."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AnnotationError(Problem("unreadable-yaml", f"cannot read YAML ({error})", path=str(path))) from None
    try:
        return yaml.load(text, Loader=_loader_class())
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


def line_of(mapping: Any) -> int | None:
    return mapping.get(LINE_KEY) if isinstance(mapping, dict) else None
