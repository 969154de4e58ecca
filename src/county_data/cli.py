"""The ``county-data`` command. Errors become messages on stderr here, at the edge."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from county_data.errors import CountyDataError, Problem
from county_data.source.frozen import SOURCE_KINDS

#: the release baseline (county_data.diff.baseline.BASELINE), named here so the CLI imports nothing for it
DEFAULT_BASELINE = "releases/baseline"

if TYPE_CHECKING:
    from county_data.catalogue.county import County
    from county_data.diff.model import DiffReport
    from county_data.plugins.registry import Registry


class _State:
    def __init__(self, no_plugins: bool) -> None:
        self.no_plugins = no_plugins
        self._registry: Registry | None = None

    def registry(self, *, warn: bool = True) -> Registry:
        """The plugins, loaded once; failures and conflicts become warnings unless the caller reports them."""
        from county_data.plugins.registry import get_registry, load_registry

        if self._registry is None:
            self._registry = load_registry(entry_points=False) if self.no_plugins else get_registry()
            if warn:
                _warn_failed(self._registry)
        return self._registry


def _warn_failed(registry: Registry) -> None:
    tables = (registry.counties, registry.metrics, registry.exporters)
    for problem in [*registry.load_failures, *(p for t in tables for p in t.failures), *registry.conflicts()]:
        click.echo(f"warning: {problem.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--no-plugins", is_flag=True, help="Load only the built-in plugin (no entry points).")
@click.version_option(package_name="county-data")
@click.pass_context
def cli(context: click.Context, no_plugins: bool) -> None:
    """Chinese county development reports as validated, traceable data packages."""
    context.obj = _State(no_plugins)


@cli.command("list")
@click.pass_obj
def list_counties(state: _State) -> None:
    """List the counties the installed plugins provide."""
    from county_data.api import announced_counties

    registry = state.registry()
    for county in announced_counties(registry):
        plugin = registry.counties.providers[county.code]
        click.echo(f"{county.code}  {county.slug:<12} {county.name_zh} ({county.name_en})  [{plugin}]")


@cli.command()
@click.argument("counties", nargs=-1)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("datapackages"),
    show_default=True,
    help="Directory the packages are written into, one folder per county.",
)
@click.option(
    "--base-url",
    default="",
    metavar="URL",
    help="Folder URL the packages are published under, for the download URLs in dcat.ttl and dataset.jsonld.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes building side by side (default: the number of CPUs); the packages are the same bytes.",
)
@click.option(
    "--combined",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the panel of the counties built: one Data Package, observations as Parquet by province.",
)
@click.pass_obj
def build(
    state: _State, counties: tuple[str, ...], out: Path, base_url: str, jobs: int | None, combined: Path | None
) -> None:
    """Build and validate data packages (all counties when none is named).

    Builds every county it can, then exits 1 naming each county that could not be built
    (or, when none is named, each installed county that could not be read or is claimed twice).
    """
    from county_data.api import announced_counties
    from county_data.parallel import build_counties, default_jobs

    registry = state.registry(warn=bool(counties))
    failures: list[Problem] = [] if counties else registry.county_failures()
    names = counties or tuple(county.code for county in announced_counties(registry))
    outcomes = build_counties(names, out, registry, jobs=jobs or default_jobs(), base_url=base_url)
    for _, path, problems in outcomes:
        failures.extend(problems)
        if path is not None:
            click.echo(f"built and validated {path}")
    built = [path for _, path, _ in outcomes if path is not None]
    if combined is not None and built:
        from county_data.panel.combine import write_panel

        click.echo(f"wrote the panel {write_panel(built, combined)}")
    if failures:
        raise CountyDataError(failures)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Fetch remote paths, schemas, dialects and profiles the descriptor names (refused by default).",
)
@click.option(
    "--engine",
    type=click.Choice(["columnar", "frictionless"]),
    default="columnar",
    show_default=True,
    help="columnar: DuckDB, fast, bounded memory; frictionless: the reference check, then pandera. Same findings.",
)
def validate(path: Path, allow_remote: bool, engine: str) -> None:
    """Validate a data package (a datapackage.json or its folder) against its Table Schemas and our row rules.

    The columnar engine hands a package it does not read (remote files, another dialect,
    malformed rows) to frictionless.

    Reads only the descriptor and regular files inside the package folder: absolute paths,
    '..', symbolic links that leave the folder, FIFOs, devices and directories are refused
    before anything opens them, and nothing is fetched unless you pass --allow-remote.
    PATH must be a package: a bare CSV or other non-JSON file is refused with a message
    (describe it first: frictionless describe --type package --json data.csv).
    """
    from county_data.errors import PackageError
    from county_data.package.validate import validate as validate_package

    descriptor = path / "datapackage.json" if path.is_dir() else path
    problems = validate_package(descriptor, engine=engine, allow_remote=allow_remote)
    if problems:
        raise PackageError(problems)
    click.echo(f"valid: {descriptor}")


@cli.command()
@click.argument("county")
@click.pass_obj
def show(state: _State, county: str) -> None:
    """Print a county's figures with their quotes."""
    from county_data.api import load
    from county_data.show import render_figures

    click.echo(render_figures(load(county, registry=state.registry())))


@cli.command()
@click.argument("county")
@click.option("--format", "format_", required=True, help="Export format (see `county-data plugins`).")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="File or folder to write.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace --out if it exists: only a file, an empty folder or a folder county-data wrote, never a link.",
)
@click.pass_obj
def export(state: _State, county: str, format_: str, out: Path, force: bool) -> None:
    """Export a county in another format."""
    from county_data.api import export as export_county

    path = export_county(county, format_, out, force=force, registry=state.registry())
    click.echo(f"wrote {path}")


@cli.command()
@click.argument("county")
@click.option("--sources", type=click.Path(path_type=Path), required=True, help="Folder holding the source texts.")
@click.pass_obj
def verify(state: _State, county: str, sources: Path) -> None:
    """Re-check every figure of a county against source texts you supply."""
    from county_data.api import verify as verify_county

    result = verify_county(county, sources, registry=state.registry())
    if result.problems:
        raise CountyDataError(list(result.problems))
    for source_id, path in result.copies:
        click.echo(f"{source_id}: your copy {path} (found by the quotes and their context, not by sha256)")
    click.echo(
        f"verified {result.figures_checked} quotes of {result.county.slug} against {len(result.sources_found)} source(s)"
    )


@cli.command()
@click.argument("report", type=click.Path(path_type=Path))
@click.option("--format", "format_", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option(
    "--as-annotations",
    is_flag=True,
    help="Print the entries of annotations.yaml (as `county-data new` writes them) instead of the draft.",
)
@click.option("--kind", type=click.Choice(SOURCE_KINDS), default="news", show_default=True, help="What REPORT is.")
@click.option("--title", default="", help="REPORT's title: a statistical bulletin's dates its figures.")
@click.pass_obj
def extract(state: _State, report: Path, format_: str, as_annotations: bool, kind: str, title: str) -> None:
    """Draft annotations: one entry per figure of REPORT, for you to edit."""
    from county_data.annotation.draft import draft_entries, render_annotations, render_draft
    from county_data.periods.rule import text_context
    from county_data.source.frozen import read_report

    text, encoding = read_report(report)
    click.echo(f"read {report} as {encoding}", err=True)
    dating = text_context(kind, title)
    metrics = list(state.registry().metrics.records.values())
    if as_annotations:  # core metrics only, as `new` suggests: another county's own metrics are never this one's
        from county_data.catalogue.core import core_metrics

        click.echo(render_annotations(draft_entries(text, core_metrics(), dating), text, report.stem), nl=False)
        return
    click.echo(render_draft(draft_entries(text, metrics, dating), str(report), encoding, format_))


@cli.command()
@click.pass_obj
def plugins(state: _State) -> None:
    """Print the plugins as JSON: name, version, status, error and what each provides."""
    import os

    from county_data.plugins.registry import STRICT_ENV, load_registry

    lenient = {key: value for key, value in os.environ.items() if key != STRICT_ENV}
    registry = load_registry(entry_points=not state.no_plugins, env=lenient)
    click.echo(json.dumps(registry.report(), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("counties", nargs=-1)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder the site is written into: new, empty, or a site written before (replaced whole).",
)
@click.option(
    "--packages",
    type=click.Path(path_type=Path),
    default=Path("datapackages"),
    show_default=True,
    help="Folder of the built packages, one folder per county.",
)
@click.option(
    "--diff",
    "diff_from",
    default="",
    metavar="OLD",
    help="Also write diff.html: the changes from OLD (a folder or git:<rev>[:<path>]) to these packages.",
)
def site(counties: tuple[str, ...], out: Path, packages: Path, diff_from: str) -> None:
    """Write a static review site: every figure marked in its source text (all counties when none is named)."""
    from county_data.site.build import build_site

    path = build_site(packages, out, counties, diff_from=diff_from)
    click.echo(f"wrote {path / 'index.html'}")


@cli.command()
@click.argument("old", required=False, default=DEFAULT_BASELINE)
@click.argument("new", required=False, default="datapackages")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["markdown", "json", "html", "changelog"]),
    default="markdown",
    show_default=True,
    help="changelog: the CHANGELOG's data section, a few lines per package.",
)
@click.option("--out", type=click.Path(path_type=Path), help="File to write (default: standard output).")
@click.option("--force", is_flag=True, help="Replace --out if it exists.")
@click.option(
    "--check",
    is_flag=True,
    help="Print no report: exit 1 naming each package whose version is below the bump its changes imply.",
)
def diff(old: str, new: str, format_: str, out: Path | None, force: bool, check: bool) -> None:
    """Compare two builds: OLD and NEW are package folders, folders of packages, or git:<rev>[:<path>].

    OLD defaults to the release baseline (releases/baseline), NEW to datapackages.
    """
    from county_data.diff.compare import diff_specs
    from county_data.diff.render import render_report, write_report
    from county_data.errors import PackageError

    if old == DEFAULT_BASELINE and not Path(old).is_dir():
        raise PackageError(
            Problem(
                "missing-descriptor",
                f"no release baseline in {old} (record one with python -m county_data.diff.baseline <tag or commit>,"
                " or name OLD)",
                path=old,
            )
        )
    report = diff_specs(old, new, Path.cwd())
    if check:
        _check_versions(report)
        return
    text = render_report(report, format_)
    if out is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {write_report(out, text, force)}")


def _check_versions(report: DiffReport) -> None:
    from county_data.diff.versions import expected_version, version_problems

    problems = version_problems(report)
    if problems:
        raise CountyDataError(problems)
    for package in report.packages:
        least = expected_version(package)
        bound = f" (the {package.bump} bump asks at least {least})" if least else f" ({package.status})"
        click.echo(f"ok: {package.name} {package.new_version or package.old_version}{bound}")


@cli.command()
@click.argument("slug")
@click.option("--code", required=True, help="The county's GB/T 2260 code (six digits).")
@click.option("--report", type=click.Path(path_type=Path), required=True, help="The report the figures come from.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder the distribution county-data-SLUG is written into (it must not exist yet).",
)
@click.option(
    "--kind",
    type=click.Choice(SOURCE_KINDS),
    default="statistical_bulletin",
    show_default=True,
)
@click.option(
    "--ship/--cite",
    default=None,
    help="Ship the text with the plugin or cite it by --url. Default: ship official documents of "
    "state organs (statistical_bulletin, work_report), cite news.",
)
@click.option("--url", default="", help="Where the report is published (required with --cite).")
@click.option("--title", default="", help="The report's title (else a TODO marker).")
@click.option("--year", type=int, help="Year the code must be valid in (default: its latest county-level name).")
def new(
    slug: str, code: str, report: Path, out: Path, kind: str, ship: bool | None, url: str, title: str, year: int | None
) -> None:
    """Write a plugin distribution for a new county: its figures drafted as annotations with TODO markers."""
    from county_data.scaffold.new import Request, new_plugin

    request = Request(slug, code, report, out, kind=kind, ship=ship, year=year, title=title, url=url)
    click.echo(f"wrote {new_plugin(request)}: replace every TODO marker, then county-data build {slug}")


def _county(name: str, registry: Registry) -> County:
    from county_data.api import get_county

    return get_county(name, registry)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    try:
        cli.main(args=argv, prog_name="county-data", standalone_mode=False)
    except CountyDataError as error:
        click.echo(f"error: {error}", err=True)
        return 1
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Exit as error:
        return error.exit_code
    except click.Abort:
        click.echo("aborted", err=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
