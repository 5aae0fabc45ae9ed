"""Inputs of a scan (doseconv.scan.sources): files, folders and standard input."""

from __future__ import annotations

import pytest

from doseconv.errors import InputError
from doseconv.scan import scan_paths


def test_scan_paths_reads_every_file_before_checking(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("44 million pills, equal to 44 million doses.", encoding="utf-8")
    with pytest.raises(InputError, match="no such file"):
        scan_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
