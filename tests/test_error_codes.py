"""The error catalogue is complete and true: documented, raised, and asserted by a test."""

import re

import pytest

from core_paths import ROOT
from county_data.error_codes import CODES, render_markdown
from county_data.errors import Problem

SOURCE = {
    p: p.read_text(encoding="utf-8") for p in (ROOT / "src" / "county_data").rglob("*.py") if p.name != "error_codes.py"
}
TESTS = "\n".join(
    p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py") if p.name != "test_error_codes.py"
)
TESTS += "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "plugins").glob("*/tests/*.py"))


def test_docs_errors_md_is_the_rendered_catalogue() -> None:
    assert (ROOT / "docs" / "errors.md").read_text(encoding="utf-8") == render_markdown()


def test_an_undocumented_code_cannot_be_raised() -> None:
    with pytest.raises(ValueError, match="error_codes"):
        Problem("no-such-code", "x")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_documented_code_is_raised_somewhere(code: str) -> None:
    assert any(f'"{code}"' in text for text in SOURCE.values()), f"{code} is documented but never raised"


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_documented_code_is_asserted_by_a_test(code: str) -> None:
    assert re.search(rf"[\"'\[]{re.escape(code)}[\"'\]]", TESTS), f"no test asserts {code}"
