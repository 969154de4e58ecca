"""Find, load and query plugins: the built-in ones, then entry points of the ``county_data`` group.

Entry points are loaded lazily (on first use, never at import), one by one,
each in its own try/except: a broken plugin is reported with its distribution
and version while everything else keeps working. Strict mode re-raises.
What the plugins provide lands in one typed table per kind (see ``table.py``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

import pluggy

from county_data.errors import PluginError, Problem
from county_data.plugins.table import Table
from county_data.plugins.types import Clash, PluginContext, PluginStatus

from . import hookspecs

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from county_data.catalogue.county import County
    from county_data.catalogue.metric import Metric
    from county_data.exporters.formats import Exporter
    from county_data.plugins.announced import CountyRef

ENTRY_POINT_GROUP = "county_data"
ALLOW_ENV = "COUNTY_DATA_LOAD_PLUGINS"
DENY_ENV = "COUNTY_DATA_DISABLE_PLUGINS"
STRICT_ENV = "COUNTY_DATA_STRICT_PLUGINS"
CORE = "county_data"  # the metric catalogue and exporters every county relies on: never disabled
BUILTIN_COUNTY = "county_data.shangli"
DISTRIBUTION = "county-data"

R = TypeVar("R")


@dataclass
class Registry:
    """Everything the loaded plugins provide: counties by code, metrics by id, exporters by name."""

    manager: pluggy.PluginManager
    context: PluginContext
    deny: frozenset[str]
    counties: Table[CountyRef]
    metrics: Table[Metric]
    exporters: Table[Exporter]
    statuses: dict[str, PluginStatus] = field(default_factory=dict)
    load_failures: list[Problem] = field(default_factory=list)
    #: the full records of the counties read so far, by code
    full: dict[str, County] = field(default_factory=dict)

    def county(self, ref: CountyRef) -> County:
        """The full record of an announced county, read on first use; errors name its plugin."""
        from county_data.plugins.announced import read_announced

        if ref.code not in self.full:
            self.full[ref.code] = read_announced(ref, self.origin(self.counties.providers.get(ref.code, "?")))
        return self.full[ref.code]

    def origin(self, plugin: str) -> str:
        status = self.statuses.get(plugin)
        return status.origin() if status is not None else repr(plugin)

    def conflicts(self) -> list[Problem]:
        return [*self.counties.conflicts.values(), *self.metrics.conflicts.values(), *self.exporters.conflicts.values()]

    def county_failures(self) -> list[Problem]:
        """Why installed counties are missing: plugins that did not load (their counties are
        unknown), county hooks that failed, and county codes or slugs claimed twice."""
        return [*self.load_failures, *self.counties.failures, *self.counties.conflicts.values()]

    def report(self) -> list[dict[str, object]]:
        return [self.statuses[name].as_dict() for name in sorted(self.statuses)]


def strict_from(env: Mapping[str, str]) -> bool:
    return env.get(STRICT_ENV, "").lower() in ("1", "true", "yes")


def _names(variable: str, env: Mapping[str, str]) -> frozenset[str] | None:
    if variable not in env:
        return None
    return frozenset(name.strip() for name in env[variable].split(",") if name.strip())


def new_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return manager


def _new_registry(env: Mapping[str, str]) -> Registry:
    from county_data.catalogue.county import County
    from county_data.catalogue.metric import Metric
    from county_data.exporters.formats import Exporter
    from county_data.plugins.announced import CountyRef

    return Registry(
        new_manager(),
        PluginContext(strict=strict_from(env)),
        _names(DENY_ENV, env) or frozenset(),
        Table("counties", "county", "county_data_counties", CountyRef, lambda ref: ref.code, {County: CountyRef.of}),
        Table("metrics", "metric", "county_data_metrics", Metric, lambda metric: metric.id),
        Table("exporters", "exporter", "county_data_exporters", Exporter, lambda exporter: exporter.name),
    )


def load_registry(
    *, entry_points: bool = True, env: Mapping[str, str] | None = None, extra: Iterable[tuple[str, object]] = ()
) -> Registry:
    """Load the built-in plugins, then every allowed entry point, then ``extra`` (name, plugin) pairs.

    The deny list (``COUNTY_DATA_DISABLE_PLUGINS``) applies to all but the core; the allow
    list (``COUNTY_DATA_LOAD_PLUGINS``) to entry points only.
    """
    from . import builtin

    env = os.environ if env is None else env
    registry = _new_registry(env)
    version = _version(DISTRIBUTION)
    _register(registry, PluginStatus(CORE, DISTRIBUTION, version), builtin)
    _register_unless_denied(registry, PluginStatus(BUILTIN_COUNTY, DISTRIBUTION, version), builtin.ShangliCounty())
    if entry_points:
        allow = _names(ALLOW_ENV, env)
        for entry_point in _entry_points():
            _load_entry_point(registry, entry_point, allow)
    for name, plugin in extra:
        _register_unless_denied(registry, PluginStatus(name, name, ""), plugin)
    _collect(registry, registry.counties)
    _collect(registry, registry.metrics, screen=_screen_namespaces)
    _collect(registry, registry.exporters)
    _settle_slugs(registry)
    if registry.context.strict and registry.conflicts():
        raise PluginError(registry.conflicts())
    return registry


def _entry_points() -> list[EntryPoint]:
    from importlib.metadata import entry_points

    return sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


def _load_entry_point(registry: Registry, entry_point: EntryPoint, allow: frozenset[str] | None) -> None:
    dist = entry_point.dist
    status = PluginStatus(
        entry_point.name, dist.name if dist is not None else entry_point.name, dist.version if dist is not None else ""
    )
    names = {status.name, status.distribution}
    if (allow is not None and not names & allow) or names & registry.deny:
        status.status = "disabled"
        registry.statuses[status.name] = status
        return
    try:
        module = entry_point.load()
    except Exception as error:  # any import-time failure of someone else's code
        _fail(registry, status, f"cannot import {entry_point.value}: {type(error).__name__}: {error}", error)
        return
    _register(registry, status, module)


def _register_unless_denied(registry: Registry, status: PluginStatus, plugin: object) -> None:
    if status.name in registry.deny:
        status.status = "disabled"
        registry.statuses[status.name] = status
    else:
        _register(registry, status, plugin)


def _register(registry: Registry, status: PluginStatus, plugin: object) -> None:
    try:
        registry.manager.register(plugin, name=status.name)
        registry.manager.check_pending()
    except Exception as error:
        if registry.manager.is_registered(plugin):
            registry.manager.unregister(plugin)
        _fail(registry, status, f"{type(error).__name__}: {error}", error)
        return
    registry.statuses[status.name] = status


def _fail(
    registry: Registry, status: PluginStatus, message: str, error: Exception, table: Table[R] | None = None
) -> None:
    status.status = "failed"
    status.error = f"{status.error}; {message}" if status.error else message
    registry.statuses[status.name] = status
    problem = Problem("plugin-failed", f"plugin {status.origin()} failed: {message}", field=table.kind if table else "")
    (table.failures if table is not None else registry.load_failures).append(problem)
    if registry.context.strict:
        raise PluginError(problem) from error


def _collect(registry: Registry, table: Table[R], screen: Callable[[Registry], None] | None = None) -> None:
    for impl in reversed(getattr(registry.manager.hook, table.hook).get_hookimpls()):
        for record in _call(registry, table, impl):
            table.claim(impl.plugin_name, record)
    if screen is not None:
        screen(registry)
    for key, claims in sorted(table.claims.items()):
        for name in {claim.plugin for claim in claims}:
            registry.statuses[name].provides.setdefault(table.kind, []).append(key)
        if len(claims) == 1:
            table.settle(key, claims)
        else:
            _withhold(registry, table, key, [claim.plugin for claim in claims], f"{table.noun} {key!r}")


def _call(registry: Registry, table: Table[R], impl: pluggy.HookImpl) -> list[R]:
    name = impl.function.__name__
    try:
        result = impl.function(**{argument: registry.context for argument in impl.argnames})
        if result is None:  # a hook that provides nothing this time
            return []
        if not isinstance(result, Iterable):
            raise TypeError(f"{name} must return or yield {table.accepted()} records (got {result!r})")
        typed = [_admitted(table, name, record) for record in result]
    except Exception as error:
        _fail(registry, registry.statuses[impl.plugin_name], f"{name}: {type(error).__name__}: {error}", error, table)
        return []
    return typed


def _admitted(table: Table[R], hook: str, record: object) -> R:
    kept = table.admit(record)
    if kept is None:
        raise TypeError(f"{hook} must yield {table.accepted()} records (got {record!r})")
    return kept


def _settle_slugs(registry: Registry) -> None:
    """Two counties under different codes but one slug: ``build <slug>`` could mean either."""
    table = registry.counties
    by_slug: dict[str, list[str]] = {}
    for code, county in sorted(table.records.items()):
        by_slug.setdefault(county.slug, []).append(code)
    for slug, codes in sorted(by_slug.items()):
        if len(codes) > 1:
            plugins = [table.providers[code] for code in codes]
            subject = f"county slug {slug!r} (codes {', '.join(codes)})"
            for code in codes:
                _withhold(registry, table, code, plugins, subject)


def _screen_namespaces(registry: Registry) -> None:
    """Before metrics settle: a plugin's own metrics must live under the slug of a county it
    provides and never reuse a core id; those that do not are dropped and the plugin is told."""
    from county_data.catalogue.core import core_ids
    from county_data.catalogue.namespaces import namespace_problems

    table, counties = registry.metrics, registry.counties.claims.values()
    for plugin in sorted({claim.plugin for claims in table.claims.values() for claim in claims} - {CORE}):
        slugs = {claim.record.slug for claims in counties for claim in claims if claim.plugin == plugin}
        own = [claim.record for claims in table.claims.values() for claim in claims if claim.plugin == plugin]
        problems = namespace_problems(core_ids(), plugin, slugs, own)
        refused = {str(problem.found) for problem in problems}
        for key in refused:
            table.claims[key] = [claim for claim in table.claims[key] if claim.plugin != plugin]
            if not table.claims[key]:
                del table.claims[key]
        if problems:
            _refuse(registry, plugin, problems)


def _refuse(registry: Registry, plugin: str, problems: list[Problem]) -> None:
    registry.metrics.failures.extend(problems)
    status = registry.statuses[plugin]
    status.status, status.error = "failed", "; ".join(problem.message for problem in problems)
    if registry.context.strict:
        raise PluginError(problems)


def _withhold(registry: Registry, table: Table[R], key: str, plugins: list[str], subject: str) -> None:
    names = sorted(set(plugins))
    who = ", ".join(registry.origin(name) for name in names)
    message = f"{subject} is provided by {len(plugins)} plugins: {who}; {_fix(registry, names)}"
    table.withhold(key, Problem("duplicate-provider", message, field=table.kind, found=names))
    for name in names:
        registry.statuses[name].clash(Clash(table.kind, key, tuple(n for n in names if n != name)))


def _fix(registry: Registry, names: list[str]) -> str:
    """The exact settings that resolve a conflict, one per plugin that could be the one kept."""
    if len(names) == 1:
        return f"the plugin must provide it once; until it does, disable it: {_deny_setting(registry, names)}"
    keepers = [CORE] if CORE in names else names  # the core cannot be disabled
    options = [
        f"{_deny_setting(registry, [name for name in names if name != keep])} keeps {keep!r}" for keep in keepers
    ]
    return "to keep one, set " + " or ".join(options)


def _deny_setting(registry: Registry, drop: list[str]) -> str:
    return f"{DENY_ENV}={','.join(sorted(registry.deny | set(drop)))}"


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
