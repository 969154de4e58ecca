"""Records passed to and reported about plugins."""

from __future__ import annotations

from dataclasses import dataclass, field

API_VERSION = 1


@dataclass(frozen=True, slots=True)
class PluginContext:
    """What every hook receives; new fields may be added, none removed."""

    api_version: int = API_VERSION
    strict: bool = False


@dataclass(slots=True)
class PluginStatus:
    """How one plugin fared: active, disabled or failed, and what it provides."""

    name: str
    distribution: str
    version: str
    status: str = "active"
    error: str = ""
    provides: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "status": self.status,
            "error": self.error or None,
            "provides": {kind: sorted(names) for kind, names in sorted(self.provides.items())},
        }
