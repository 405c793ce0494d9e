"""Results → CSV: RFC 4180 (comma, CRLF, UTF-8) or the Excel variant for Swedish settings
(UTF-8 with byte-order mark, semicolon). Text that a spreadsheet would run as a formula is
neutralised with a leading apostrophe."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any, Sequence

from svo_cli.safe import first_control, visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def neutralise(value: Any) -> str:
    """A cell's text; text from the data that starts like a formula gets a leading apostrophe
    (OWASP CSV injection). Numbers and dates svo computes are written as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raw = str(value)
    text = visible(raw)
    return "'" + text if raw.startswith(FORMULA_STARTS) or first_control(raw[:1]) is not None else text


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Any]], excel: bool = False,
           incomplete: Sequence[str] = ()) -> str:
    """The rows under the header. When data files were left out (`incomplete`: the banner), a last
    column says so: its header the banner's first line, its cells the files' names (every row carries
    the mark, and the header alone when there are no rows)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    mark = ("; ".join(line.strip() for line in incomplete[1:]),) if incomplete else ()
    writer.writerow([*header, *(neutralise(line) for line in incomplete[:1])])
    for row in rows:
        writer.writerow([neutralise(v) for v in (*row, *mark)])
    text = buffer.getvalue()
    return ("\ufeff" + text) if excel else text
