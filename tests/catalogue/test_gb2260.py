"""The GB/T 2260 code history, checked against facts read by hand from the table."""

import hashlib
from importlib.resources import files

from county_data.catalogue.gb2260 import HISTORY_FILE, record_in, records_of

#: sha256 of result.csv of yescallop/areacodes at eed219a, as carried in ../shared/reference
HISTORY_SHA256 = "e3b69e8e13fcb3151b5cd6a03674f89e043f301f308dcb67283533f1a8239794"


def name_in(code: str, year: int) -> str | None:
    record = record_in(code, year)
    return record.name if record is not None else None


def test_the_history_is_carried_unchanged() -> None:
    data = files("county_data.catalogue").joinpath("data", HISTORY_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == HISTORY_SHA256


def test_shangli_is_360322_from_1997() -> None:
    record = record_in("360322", 2024)
    assert record is not None
    assert (record.name, record.prefecture, record.province) == ("上栗县", "萍乡市", "江西省")
    assert record_in("360322", 1996) is None
    assert record_in("360311", 1996) is not None and name_in("360311", 1996) == "上栗区"
    assert records_of("360311")[0].replaced_by == ("360322",)


def test_liuyang_became_a_city_in_1993() -> None:
    assert name_in("430181", 1993) == "浏阳市"
    assert name_in("430123", 1992) == "浏阳县"
    assert record_in("430123", 1993) is None


def test_one_code_two_names_in_turn() -> None:
    assert name_in("120110", 1991) == "东郊区"
    assert name_in("120110", 1992) == "东丽区"


def test_unknown_code() -> None:
    assert records_of("999999") == ()
    assert record_in("999999", 2024) is None
