"""Find, load and query plugins: entry points of the ``county_data`` group.

Entry points are loaded lazily (on first use, never at import), one by one,
each in its own try/except: a broken plugin is reported with its distribution
and version while everything else keeps working. Strict mode re-raises.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pluggy

from county_data.errors import PluginError, Problem
from county_data.plugins.types import PluginContext, PluginStatus

from . import hookspecs

ENTRY_POINT_GROUP = "county_data"
ALLOW_ENV = "COUNTY_DATA_LOAD_PLUGINS"
DENY_ENV = "COUNTY_DATA_DISABLE_PLUGINS"
STRICT_ENV = "COUNTY_DATA_STRICT_PLUGINS"
BUILTIN = "county_data"
HOOKS = {"counties": "county_data_counties", "metrics": "county_data_metrics", "exporters": "county_data_exporters"}
SINGULAR = {"counties": "county", "metrics": "metric", "exporters": "exporter"}


@dataclass
class Registry:
    """Everything the loaded plugins provide, keyed by code, id or format name."""

    manager: pluggy.PluginManager
    statuses: dict[str, PluginStatus]
    provided: dict[str, dict[str, Any]] = field(default_factory=dict)
    conflicts: dict[tuple[str, str], Problem] = field(default_factory=dict)
    providers: dict[tuple[str, str], str] = field(default_factory=dict)
    withheld: dict[tuple[str, str], Any] = field(default_factory=dict)

    def records(self, kind: str) -> dict[str, Any]:
        return self.provided.get(kind, {})

    def get(self, kind: str, key: str) -> Any:
        if (kind, key) in self.conflicts:
            raise PluginError(self.conflicts[(kind, key)])
        return self.records(kind).get(key)

    def report(self) -> list[dict[str, object]]:
        return [self.statuses[name].as_dict() for name in sorted(self.statuses)]


def _names(variable: str, env: Mapping[str, str]) -> set[str] | None:
    if variable not in env:
        return None
    return {name.strip() for name in env[variable].split(",") if name.strip()}


def strict_from(env: Mapping[str, str]) -> bool:
    return env.get(STRICT_ENV, "").lower() in ("1", "true", "yes")


def new_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return manager


def load_registry(
    *, entry_points: bool = True, env: Mapping[str, str] | None = None, extra: Iterable[tuple[str, object]] = ()
) -> Registry:
    """Load the built-in plugin, then every allowed entry point, then ``extra`` (name, module) pairs."""
    from . import builtin

    env = os.environ if env is None else env
    context = PluginContext(strict=strict_from(env))
    manager = new_manager()
    registry = Registry(manager, {})
    _register(registry, BUILTIN, builtin, "county-data", _version("county-data"), context)
    if entry_points:
        for entry_point in _entry_points():
            _load_entry_point(registry, entry_point, env, context)
    for name, module in extra:
        _register(registry, name, module, name, "", context)
    _collect(registry, context)
    return registry


def _entry_points() -> list[Any]:
    from importlib.metadata import entry_points

    return sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


def _load_entry_point(registry: Registry, entry_point: Any, env: Mapping[str, str], context: PluginContext) -> None:
    dist = getattr(entry_point, "dist", None)
    distribution = dist.name if dist is not None else entry_point.name
    version = dist.version if dist is not None else ""
    status = PluginStatus(entry_point.name, distribution, version)
    allow, deny = _names(ALLOW_ENV, env), _names(DENY_ENV, env) or set()
    names = {entry_point.name, distribution}
    if (allow is not None and not names & allow) or names & deny:
        status.status = "disabled"
        registry.statuses[entry_point.name] = status
        return
    try:
        module = entry_point.load()
    except Exception as error:  # any import-time failure of someone else's code
        _fail(registry, status, f"cannot import {entry_point.value}: {type(error).__name__}: {error}", context, error)
        return
    _register(registry, entry_point.name, module, distribution, version, context)


def _register(
    registry: Registry, name: str, module: object, distribution: str, version: str, context: PluginContext
) -> None:
    status = PluginStatus(name, distribution, version)
    try:
        registry.manager.register(module, name=name)
        registry.manager.check_pending()
    except Exception as error:
        if registry.manager.is_registered(module):
            registry.manager.unregister(module)
        _fail(registry, status, f"{type(error).__name__}: {error}", context, error)
        return
    registry.statuses[name] = status


def _fail(registry: Registry, status: PluginStatus, message: str, context: PluginContext, error: Exception) -> None:
    status.status, status.error = "failed", message
    registry.statuses[status.name] = status
    if context.strict:
        raise PluginError(
            Problem("plugin-failed", f"plugin {status.name!r} ({status.distribution} {status.version}): {message}")
        ) from error


def _collect(registry: Registry, context: PluginContext) -> None:
    providers: dict[tuple[str, str], list[str]] = {}
    for kind, hook_name in HOOKS.items():
        registry.provided[kind] = {}
        for impl in reversed(getattr(registry.manager.hook, hook_name).get_hookimpls()):
            for key, record in _call(registry, kind, impl, context):
                providers.setdefault((kind, key), []).append(impl.plugin_name)
                registry.provided[kind][key] = record
                registry.providers[(kind, key)] = impl.plugin_name
                registry.statuses[impl.plugin_name].provides.setdefault(kind, []).append(key)
    for (kind, key), names in sorted(providers.items()):
        if len(names) > 1:
            registry.conflicts[(kind, key)] = _conflict(kind, key, names, registry)
            registry.withheld[(kind, key)] = registry.provided[kind].pop(key)
    if context.strict and registry.conflicts:
        raise PluginError(list(registry.conflicts.values()))


def _call(registry: Registry, kind: str, impl: Any, context: PluginContext) -> list[tuple[str, Any]]:
    from county_data.catalogue.county import County
    from county_data.catalogue.metric import Metric
    from county_data.exporters.formats import Exporter

    expected = {"counties": County, "metrics": Metric, "exporters": Exporter}[kind]
    status = registry.statuses[impl.plugin_name]
    try:
        records = list(impl.function(context=context) or ())
        wrong = [r for r in records if not isinstance(r, expected)]
        if wrong:
            raise TypeError(f"{impl.function.__name__} must yield {expected.__name__} records (got {wrong[0]!r})")
    except Exception as error:
        _fail(registry, status, f"{impl.function.__name__}: {type(error).__name__}: {error}", context, error)
        return []
    return [(_key(kind, record), record) for record in records]


def _key(kind: str, record: Any) -> str:
    return record.code if kind == "counties" else record.id if kind == "metrics" else record.name


def _conflict(kind: str, key: str, names: list[str], registry: Registry) -> Problem:
    who = ", ".join(f"{n!r} ({registry.statuses[n].distribution})" for n in sorted(names))
    message = f"{SINGULAR[kind]} {key!r} is provided by {len(names)} plugins: {who}; disable all but one with {DENY_ENV}=<name>"
    return Problem("duplicate-provider", message, field=kind, found=sorted(names))


_registry: Registry | None = None


def get_registry() -> Registry:
    """The process-wide registry, loaded on first use."""
    global _registry
    if _registry is None:
        _registry = load_registry()
    return _registry


def set_registry(registry: Registry | None) -> Registry | None:
    """Replace the process-wide registry (None: load again on next use); returns the old one."""
    global _registry
    previous, _registry = _registry, registry
    return previous
