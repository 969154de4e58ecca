"""read_county: every path a county names must stay inside its folder, symbolic links followed."""

import shutil
from pathlib import Path

import pytest

from core_paths import SHANGLI
from county_data import AnnotationError, read_county


def shangli_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHANGLI, tmp_path / "shangli"))


def test_a_copy_of_shangli_reads_with_its_paths_inside_the_copy(tmp_path: Path) -> None:
    county = read_county(shangli_copy(tmp_path))
    assert county.annotations == tmp_path / "shangli" / "annotations.yaml"
    assert (county.code, county.slug, county.line("name_en")) == ("360322", "shangli", 9)


def test_an_annotations_path_climbing_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    root = shangli_copy(tmp_path)
    text = (root / "county.yaml").read_text(encoding="utf-8")
    (root / "county.yaml").write_text(text.replace("annotations: annotations.yaml", "annotations: ../x.yaml"), "utf-8")
    with pytest.raises(AnnotationError, match=r"resource path must stay inside .*shangli \(got .*/\.\./x\.yaml\)"):
        read_county(root)


def test_a_symbolic_link_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    root = shangli_copy(tmp_path)
    outside = tmp_path / "annotations.yaml"
    (root / "annotations.yaml").rename(outside)
    (root / "annotations.yaml").symlink_to(outside)
    with pytest.raises(AnnotationError, match="resource path must stay inside"):
        read_county(root)


def test_a_folder_reached_through_a_symbolic_link_reads(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(shangli_copy(tmp_path))
    assert read_county(tmp_path / "link").root == tmp_path / "link"
