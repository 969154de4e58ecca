"""Records passed to and reported about plugins."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

API_VERSION = 1

Status = Literal["active", "conflict", "disabled", "failed"]


@dataclass(frozen=True, slots=True)
class PluginContext:
    """What every hook receives; new fields may be added, none removed."""

    api_version: int = API_VERSION
    strict: bool = False


@dataclass(frozen=True, slots=True)
class Clash:
    """One key this plugin claims that other plugins claim too."""

    kind: str
    key: str
    others: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "key": self.key, "with": list(self.others)}


@dataclass(slots=True)
class PluginStatus:
    """How one plugin fared: active, in conflict, disabled or failed, and what it provides."""

    name: str
    distribution: str
    version: str
    status: Status = "active"
    error: str = ""
    provides: dict[str, list[str]] = field(default_factory=dict)
    clashes: list[Clash] = field(default_factory=list)

    def origin(self) -> str:
        """``'name' (distribution version)``: how messages name a plugin."""
        return f"{self.name!r} ({' '.join(part for part in (self.distribution, self.version) if part)})"

    def clash(self, clash: Clash) -> None:
        self.clashes.append(clash)
        if self.status == "active":
            self.status = "conflict"

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "status": self.status,
            "error": self.error or None,
            "provides": {kind: sorted(names) for kind, names in sorted(self.provides.items())},
            "conflicts": [clash.as_dict() for clash in sorted(self.clashes, key=lambda c: (c.kind, c.key))],
        }
