"""The error catalogue: every problem code county_data reports, with its title and message.

Codes are stable (kebab-case, like frictionless's): scripts may match on them.
A :class:`~county_data.errors.Problem` refuses a code that is not listed here,
so an undocumented code cannot be raised; ``docs/errors.md`` is rendered from
this table and a test keeps the two equal. Problems frictionless finds in a
package keep frictionless's own codes under the prefix ``frictionless/``; the columnar
engine (``package/columnar.py``) reports the same codes, so both engines share one code set.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

FRICTIONLESS_PREFIX = "frictionless/"


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """One catalogue entry: the code, a short title, and what the message says."""

    code: str
    title: str
    message: str


def _section(*entries: tuple[str, str, str]) -> tuple[ErrorCode, ...]:
    return tuple(ErrorCode(*entry) for entry in entries)


#: section title -> codes, in the order docs/errors.md shows them
SECTIONS: dict[str, tuple[ErrorCode, ...]] = {
    "Source texts": _section(
        ("missing-source", "Source file missing", "cannot read source {id} ({reason})"),
        ("source-hash-mismatch", "Source changed", "source {id} changed: sha256 must be {expected} (got {found})"),
        (
            "source-not-utf8",
            "Frozen source not UTF-8",
            "frozen source {id} must be UTF-8 (invalid byte at offset {offset})",
        ),
        ("undecodable-source", "Report undecodable", "cannot decode the report; tried utf-8, utf-8-sig, gb18030"),
        ("unreadable-report", "Report unreadable", "cannot read the report ({reason})"),
    ),
    "YAML files": _section(
        ("unreadable-yaml", "YAML file unreadable", "cannot read YAML ({reason})"),
        ("malformed-yaml", "YAML malformed", "malformed YAML: {reason} (expected a valid YAML document)"),
        (
            "duplicate-yaml-key",
            "Key written twice",
            "key {key} must be written once per mapping (got it again; first on line {line}); remove one of them",
        ),
        ("unknown-key", "Key not known", "unknown key {key} (did you mean {nearest}?)"),
    ),
    "Catalogue: counties and metrics": _section(
        ("bad-county", "county.yaml invalid", "{field}: {reason}"),
        (
            "county-code-unknown",
            "County code not in GB/T 2260",
            "county code must be a county-level GB/T 2260 code in use in {year} (got {found}: its years)",
        ),
        (
            "county-code-mismatch",
            "County disagrees with GB/T 2260",
            "county {field} must be {expected}, as GB/T 2260 names code {code} in {year} (got {found})",
        ),
        ("bad-catalogue", "Metric file not a list", "catalogue must be a YAML list of metrics"),
        ("bad-metric", "Metric entry invalid", "{reason}"),
        (
            "unknown-topic",
            "Topic not in the list",
            "metric {id}: topic must be one of economy, population, … (got {found})",
        ),
        (
            "bad-relation",
            "Relation malformed",
            "relation {id}: holds must read 'expression = expression' over metrics"
            " (a relation with names: 'part + part + ... = 100')",
        ),
        (
            "metric-reuses-core-id",
            "Plugin declares a core metric",
            "plugin {plugin}: metric {id} is a core metric; use it by id and remove it from the plugin's metrics",
        ),
        (
            "metric-outside-namespace",
            "Plugin metric outside its namespace",
            "plugin {plugin}: metric id must start with '{slug}.' (got {id})",
        ),
    ),
    "Annotations: entries": _section(
        ("bad-annotations", "Annotation file not a mapping", "annotation file must be a mapping with 'observations'"),
        ("bad-entry", "Entry not a mapping", "entry must be a mapping (got {found})"),
        ("missing-field", "Required field missing", "{field} is required"),
        ("bad-type", "Field of the wrong type", "{field} must be {expected} (got {found})"),
        (
            "bad-offsets",
            "Offsets do not span the quote",
            "end - start must equal the quote length {length} (got {start}..{end})",
        ),
        ("bad-period", "Period malformed", "period must be YYYY, YYYY/YYYY, YYYY/.. or unknown (got {found})"),
        (
            "bad-period-rule",
            "Period override malformed",
            "period_rule must be 'override' with a note saying why (got {found})",
        ),
        ("bad-qualifier", "Qualifier unknown", "qualifier must be one of exact, more_than, … (got {found})"),
        ("bad-level", "Honour level unknown", "level must be one of national, provincial, prefectural (got {found})"),
    ),
    "Annotations: against catalogue and text": _section(
        (
            "unknown-metric",
            "Metric not in the catalogue",
            "observation {id}: metric must be in the catalogue (got {found})",
        ),
        (
            "unit-mismatch",
            "Unit not the metric's",
            "observation {id}: unit must be {expected}, the unit of metric {metric} (got {found})",
        ),
        (
            "bad-value",
            "Value and formula both or neither",
            "observation {id}: give a value for reported facts, a formula for derived ones",
        ),
        (
            "value-out-of-range",
            "Value implausible",
            "observation {id}: value must be within {min}..{max} for {metric} (got {found})",
        ),
        (
            "surface-not-in-quote",
            "Surface not in its quote",
            "observation {id}: surface must be part of the first quote (got {found})",
        ),
        (
            "bad-derivation",
            "derived_from disagrees with formula",
            "observation {id}: derived_from must list the ids the formula uses",
        ),
        ("duplicate-key", "Two rows with one key", "observation {id}: duplicate key (county, metric, period, source)"),
        ("duplicate-id", "Id used twice", "id {id} is used {n} times"),
        (
            "unknown-reference",
            "derived_from names no observation",
            "observation {id}: derived_from names unknown observation {found}",
        ),
        (
            "measure-word-mismatch",
            "Measure word not the metric's",
            "observation {id}: the measure word of {surface} must be {expected}, the one metric {metric} counts in "
            "(got {found})",
        ),
        (
            "quote-mismatch",
            "Quote not at its offsets",
            "quote must equal the text at {start}..{end} (expected {expected}, found {found})",
        ),
    ),
    "Annotations: derived values": _section(
        (
            "bad-formula",
            "Formula not arithmetic",
            "observation {id}: formula may only use + - * / ( ) numbers and {ids} (got {found})",
        ),
        (
            "formula-division-by-zero",
            "Formula divides by zero",
            "observation {id}: formula {formula} must not divide by zero (got a divisor of 0 from {ids})",
        ),
        (
            "derivation-cycle",
            "Derived values refer to each other",
            "observation {id}: derived_from must not lead back to itself (cycle: {ids})",
        ),
    ),
    "Annotations: against the quantity reader": _section(
        ("unreadable-surface", "Surface not one quantity", "observation {id}: surface {surface} must be one quantity"),
        (
            "surface-unit",
            "Unit disagrees with the words",
            "observation {id}: unit must be {expected} as written in {surface} (got {found})",
        ),
        (
            "surface-value",
            "Value disagrees with the words",
            "observation {id}: value must be {expected} as written in {surface} (got {found})",
        ),
        (
            "surface-qualifier",
            "Qualifier disagrees with the words",
            "observation {id}: qualifier must be {expected} as written in {surface} (got {found})",
        ),
        (
            "period-rule",
            "Period disagrees with the period rule",
            "observation {id}: period must be {expected} by the period rule (got {found}); "
            "or set period_rule: override with a note",
        ),
        (
            "anchor-not-found",
            "Figure not in the user's copy",
            "figure {quote} (prefix {prefix}, suffix {suffix}) is not in {copy}",
        ),
        (
            "anchor-ambiguous",
            "Figure found twice in the user's copy",
            "figure {quote} must occur once in {copy} (found {count} times, at {starts})",
        ),
        (
            "anchor-context-mismatch",
            "Prefix or suffix not the text around the quote",
            "observation {id}: {field} must be {expected}, the text beside the quote (got {found})",
        ),
        (
            "unaccounted-figure",
            "Figure left unaccounted",
            "figure {surface} is in no observation and not excluded (context: …)",
        ),
        (
            "stale-exclusion",
            "Exclusion covers no figure",
            "exclusion {quote} at {start} covers no figure the reader finds; remove it",
        ),
        (
            "source-conflict",
            "Sources disagree",
            "sources disagree on {metric} for {period}: {a} in {source_a} and {b} in {source_b} cannot both hold",
        ),
    ),
    "Relations between metrics": _section(
        (
            "relation-broken",
            "Declared relation broken",
            "relation {id} ({holds}) must hold for {period} within the rounding of its figures (got {left} = {right})",
        ),
        (
            "share-relation-broken",
            "Share is not part / whole",
            "relation {id}-share ({id}_share = 100 * {id} / {whole}) must hold for {period} (got {left} = {right})",
        ),
        (
            "growth-relation-broken",
            "Growth disagrees with the levels",
            "observation {id}: {metric} for {period} against {baseline} must agree with the levels of {base}",
        ),
        (
            "change-relation-broken",
            "Change disagrees with the levels",
            "observation {id}: {metric} for {period} against {baseline} must agree with the levels of {base}",
        ),
    ),
    "Tables": _section(
        (
            "schema-violation",
            "Table breaks its pandera model",
            "table {table}: {field} must satisfy {check} (got {found})",
        ),
    ),
    "Packages": _section(
        ("missing-descriptor", "No datapackage.json", "no datapackage.json here (expected a data package)"),
        (
            "bad-release-record",
            "Release record unreadable",
            "release.json: {field} must be {expected} (got {found})",
        ),
        (
            "version-behind-changes",
            "Package version below the bump its changes imply",
            "package {name}: version must be at least {expected}, the {bump} bump from {old} that the changes"
            " since the release baseline imply (got {found})",
        ),
        ("invalid-package", "Package unreadable", "cannot read the package ({reason})"),
        (
            "not-a-descriptor",
            "Not a package descriptor",
            "the file must be a data package descriptor, datapackage.json (got a {suffix} file that is not JSON)",
        ),
        ("invalid-json", "Descriptor not JSON", "the descriptor must be valid JSON (got {reason} at column {column})"),
        ("descriptor-not-object", "Descriptor not an object", "the descriptor must be a JSON object (got a {found})"),
        (
            "remote-refused",
            "Remote reference refused",
            "resource {name}: {url} must be a file inside the package folder (got a remote URL);"
            " pass --allow-remote (allow_remote=True) to fetch it",
        ),
        (
            "unsafe-path",
            "Path leaves the package",
            "resource {name}: the path must be relative, inside the package folder (got {path})",
        ),
        (
            "local-profile",
            "Local profile refused",
            "the profile must be one of data-package, tabular-data-package, … or a URL (got the local file {path})",
        ),
        (
            "link-outside",
            "Symbolic link leaves the package",
            "resource {name}: {path} must be inside the package folder (got a symbolic link to {target})",
        ),
        (
            "not-regular-file",
            "Not a regular file",
            "resource {name}: {path} must be a regular file (got a directory, FIFO, device or socket)",
        ),
    ),
    "Counties and plugins": _section(
        (
            "bad-county-name",
            "County name malformed",
            "county must be a slug or a 6-digit GB/T 2260 code (got {found})",
        ),
        ("unknown-county", "County not installed", "no county {name} (expected one of: {known})"),
        (
            "county-invalid",
            "County of a plugin invalid",
            "county {slug} ({code}) from plugin {plugin} ({distribution} {version}) is invalid",
        ),
        (
            "county-not-as-announced",
            "County differs from its announcement",
            "plugin {plugin} announced {field} {expected}; the full record must say the same (got {found})",
        ),
        (
            "plugin-failed",
            "Plugin failed to load or to provide",
            "plugin {name} ({distribution} {version}) failed: {reason}",
        ),
        (
            "duplicate-provider",
            "Two plugins provide one thing",
            "{kind} {key} is provided by {n} plugins: …; to keep one, set COUNTY_DATA_DISABLE_PLUGINS={others} keeps {one}",
        ),
    ),
    "Exports": _section(
        ("unknown-format", "Export format unknown", "no export format {name} (expected one of: {known})"),
        ("file-exists", "Output exists", "{path} exists; pass --force to replace it"),
        ("export-failed", "Exporter failed", "exporter {name} failed: {reason}"),
        (
            "missing-extra",
            "Optional dependency missing",
            'parquet export needs pyarrow: pip install "county-data[parquet]"',
        ),
    ),
    "Output files and folders": _section(
        (
            "protected-output",
            "Output is the current or home folder",
            "the output must not be the current folder, one above it or the home folder (got {path})",
        ),
        (
            "symlink-output",
            "Output is a symbolic link",
            "the output must not be a symbolic link (got a link to {target}); county-data neither replaces nor follows it",
        ),
        (
            "special-output",
            "Output is a device, FIFO or socket",
            "the output must be a regular file or a folder (got a {kind})",
        ),
        (
            "wrong-output-kind",
            "File where a folder is expected, or the reverse",
            "the output must be a {expected} here (got a {found})",
        ),
        (
            "foreign-folder",
            "Output folder not written by county-data",
            "the output folder must be empty or written by county-data (marked by .county-data) to be replaced",
        ),
        (
            "parent-not-folder",
            "Output under a file",
            "the path above the output must be a folder (got a {kind} at {path})",
        ),
        ("output-failed", "Output not written", "cannot write the output ({reason})"),
    ),
    "New counties (county-data new)": _section(
        (
            "unresolved-todo",
            "A TODO marker left",
            "{field} must be decided by a person (got the marker {found}; the scaffold suggests …): replace it",
        ),
        ("bad-slug", "Slug malformed", "slug must be lower-case ascii letters, digits and '-' (got {slug})"),
        ("missing-url", "Cited report without URL", "a cited (not shipped) report must have --url (got none)"),
        (
            "code-not-in-table",
            "Code not a county in GB/T 2260",
            "code must be a county-level GB/T 2260 code in {year} (got {code})",
        ),
    ),
    "Verification against your copies": _section(
        (
            "missing-directory",
            "Sources folder missing",
            "sources folder does not exist (expected a folder of source texts)",
        ),
        ("source-not-found", "No copy of a source", "no file with sha256 {sha256} for source {id} ({title}; {url})"),
    ),
    "Quantities": _section(
        ("quantity-parse-error", "Text not one quantity", "cannot read a quantity in {text}"),
        (
            "text-not-str",
            "Text not a str",
            "text must be str (got {type}); decode bytes first, e.g. data.decode('utf-8')",
        ),
    ),
}

CODES: MappingProxyType[str, ErrorCode] = MappingProxyType(
    {entry.code: entry for entries in SECTIONS.values() for entry in entries}
)


def is_known(code: str) -> bool:
    """Whether ``code`` is in the catalogue (or a frictionless code passed through)."""
    return code in CODES or code.startswith(FRICTIONLESS_PREFIX)


def render_markdown() -> str:
    """docs/errors.md: every code by section, with its title and message."""
    lines = [
        "# Errors",
        "",
        "Every problem county_data reports has a stable code, printed in brackets at the end of",
        "its line (`… [quote-mismatch]`) and kept in `Problem.code`. Each names where it is",
        "(file, line or row, field), what was found and what was expected. Problems that",
        "frictionless finds keep frictionless's own type under the prefix `frictionless/`",
        "(for example `frictionless/type-error`); `county-data validate`'s columnar engine reports",
        "the same codes for the same cells and rows: `type-error`, `constraint-error` (required,",
        "enum, pattern, minimum, maximum, minLength, maxLength), `unique-error`, `primary-key`,",
        "`foreign-key`, `byte-count`, `hash-count`, `scheme-error`; our row rules are",
        "`schema-violation` in both engines. This page is generated from",
        "`county_data/error_codes.py`; a test keeps it true.",
    ]
    for section, entries in SECTIONS.items():
        lines += ["", f"## {section}", "", "| code | title | message |", "|---|---|---|"]
        lines += [f"| `{e.code}` | {e.title} | {e.message.replace('|', '&#124;')} |" for e in entries]
    return "\n".join(lines) + "\n"
