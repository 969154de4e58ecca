from pathlib import Path

import pytest

from core_paths import REPORT_NAME, SHANGLI
from county_data import SourceError
from county_data.source.frozen import Section, Source, decode_report, read_frozen_text, sha256_of

TEXT = "上栗县烟花爆竹生产机械化应用率超80%"


def source_for(data: bytes) -> Source:
    return Source("s", "title", "news", sha256_of(data), len(data))


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_decode_report_reads_utf8_bom_and_gb18030(data: bytes, encoding: str) -> None:
    assert decode_report(data, "r.txt") == (TEXT, encoding)


def test_undecodable_report_names_file_and_encodings_tried() -> None:
    with pytest.raises(SourceError) as caught:
        decode_report(b"\xff\xfe\x00\x81\x30\xff" * 3, "junk.bin")
    message = str(caught.value)
    assert "junk.bin" in message and "utf-8" in message and "gb18030" in message


def test_frozen_report_matches_its_recorded_checksum() -> None:
    import county_data

    county = county_data.get_county("shangli")
    source = county.sources[0]
    text = read_frozen_text(source, source.path)
    assert source.path.name == REPORT_NAME
    assert sha256_of(source.path.read_bytes()) == source.sha256
    assert text.startswith("\n\n上栗县") and "花炮故里向新攀高" in text


def test_changed_source_is_reported_with_both_checksums(tmp_path: Path) -> None:
    original = (SHANGLI / REPORT_NAME).read_bytes()
    source = source_for(original)
    changed = tmp_path / "report.txt"
    changed.write_bytes(original.replace(b"80%", b"90%"))
    with pytest.raises(SourceError) as caught:
        read_frozen_text(source, changed)
    problem = caught.value.problems[0]
    assert problem.code == "source-hash-mismatch" and problem.field == "sha256"
    assert source.sha256 in str(caught.value) and str(changed) in str(caught.value)


def test_frozen_source_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    with pytest.raises(SourceError, match="must be UTF-8"):
        read_frozen_text(source_for(path.read_bytes()), path)


def test_missing_source_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read source"):
        read_frozen_text(source_for(b"x"), tmp_path / "absent.txt")


def test_section_at_offset_uses_the_last_heading_before_it() -> None:
    source = Source("s", "t", "news", "0" * 64, 0, sections=(Section("A\n\nB", 10), Section("C", 50)))
    assert [source.section_at(n) for n in (0, 10, 49, 50, 999)] == ["", "A / B", "A / B", "C", "C"]


def test_source_checks_itself() -> None:
    with pytest.raises(ValueError, match="source kind"):
        Source("s", "t", "blog", "0" * 64, 0)
    with pytest.raises(ValueError, match="sha256"):
        Source("s", "t", "news", "abc", 0)


def test_line_numbers_by_bisection_agree_with_counting_by_hand() -> None:
    from county_data.source.frozen import line_at, line_starts

    text = "a\nbc\n\nd"
    starts = line_starts(text)
    assert starts == [0, 2, 5, 6]
    assert [line_at(starts, offset) for offset in range(len(text) + 1)] == [1, 1, 2, 2, 2, 3, 4, 4]
