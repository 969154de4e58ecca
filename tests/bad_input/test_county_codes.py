"""County codes against GB/T 2260, through `county-data build`.

Each case edits the county of a Shangli copy (registered as 芦溪县, 360323), builds
it in-process and asserts the refusal names county.yaml, the line, the field, what
was found and what the code table expects; nothing on disk changes.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

import county_data
from county_data.cli import main

from .harness import build_refused

#: (case, [(old, new) in county.yaml of the copy named 芦溪县, 360323], code, places named)
CASES = [
    ("code-never-used", [('code: "360323"', 'code: "360399"')],
     "county-code-unknown", ["county.yaml", "line 6", "field 'code'", "'360399'", "never a GB/T 2260 code"]),
    # 360311 was 上栗区 from 1983 until 1997, when it became 上栗县 (360322); the report is of 2024
    ("code-retired-before-the-report", [('code: "360323"', 'code: "360311"'), ("name_zh: 芦溪县", "name_zh: 上栗区"),
                                        ('published: ""', 'published: "2024-12-01"')],
     "county-code-unknown", ["line 6", "field 'code'", "in use in 2024", "上栗区 (县级) from 1983, until 1997"]),
    ("name-of-another-county", [("name_zh: 芦溪县", "name_zh: 上栗县")],
     "county-code-mismatch", ["line 8", "field 'name_zh'", "'芦溪县'", "'上栗县'"]),
    ("prefecture-misspelt", [("prefecture_zh: 萍乡市", "prefecture_zh: 萍乡")],
     "county-code-mismatch", ["line 10", "field 'prefecture_zh'", "'萍乡市'"]),
    ("province-of-another-county", [("province_zh: 江西省", "province_zh: 湖南省")],
     "county-code-mismatch", ["line 12", "field 'province_zh'", "'江西省'", "'湖南省'"]),
]  # fmt: skip


def register_edited(
    edit: Callable[[str, str, str], Path], register_plugin: Callable[..., object], edits: list[tuple[str, str]]
) -> None:
    """The Shangli copy as 芦溪县 (360323, slug ``copied``), edited, registered for one test."""
    for old, new in [('code: "360322"', 'code: "360323"'), ("name_zh: 上栗县", "name_zh: 芦溪县"),
                     ("slug: shangli", "slug: copied"), *edits]:  # fmt: skip
        folder = edit("county.yaml", old, new)

    class CopiedCounty:
        @county_data.hookimpl
        def county_data_counties(self, context: object) -> list[county_data.County]:
            return [county_data.read_county(folder)]

    register_plugin(CopiedCounty(), "copied-county", entry_points=False)


@pytest.mark.parametrize(("edits", "code", "places"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_county_the_code_table_disagrees_with_is_refused(
    edits: list[tuple[str, str]],
    code: str,
    places: list[str],
    edit: Callable[[str, str, str], Path],
    register_plugin: Callable[..., object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    register_edited(edit, register_plugin, edits)
    build_refused(capsys, tmp_path / "out", "copied", code, *places)


def test_the_copy_as_the_code_table_names_it_builds(
    register_copy: Callable[[str], object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register_copy("copied")
    assert main(["build", "copied", "--out", str(tmp_path / "out")]) == 0, capsys.readouterr().err
