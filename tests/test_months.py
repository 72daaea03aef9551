"""Tests for articlekit._months: one month-name table for both date readers."""

from __future__ import annotations

import pytest

from articlekit._months import MONTH_NAMES, month_numbers
from articlekit.html.metadata import normalize_date
from articlekit.text.frontmatter import parse_date


def test_every_name_names_one_month() -> None:
    table = month_numbers()
    assert len(MONTH_NAMES) == 12
    assert sum(len(names) for names in MONTH_NAMES) == len(table)  # no name twice
    assert table["febbraio"] == 2 and table["maerz"] == 3 and table["dicembre"] == 12
    assert month_numbers({"xmas": 12})["xmas"] == 12


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        # Italian and Portuguese names each reader once lacked
        ("12 dicembre 2020", "2020-12-12"),
        ("3 febbraio 2021", "2021-02-03"),
        ("3 fevereiro 2021", "2021-02-03"),
        ("5 maerz 2019", "2019-03-05"),
    ],
)
def test_both_readers_read_the_same_months(written: str, iso: str) -> None:
    assert (normalize_date(written) or "").startswith(iso)
    assert parse_date(written) == (iso, "published")
