"""TimeML output: the text with inline <TIMEX3> tags and the article date as <DCT>.

The result is well-formed XML in the TempEval-3 layout, so TimeML tools can score or read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from eventwire.records import TimeRef


def _timex(tid: str, time: TimeRef, body: str) -> str:
    attrs = f"tid={quoteattr(tid)} type={quoteattr(time.type)} value={quoteattr(time.value)}"
    if time.mod:
        attrs += f" mod={quoteattr(time.mod)}"
    return f"<TIMEX3 {attrs}>{escape(body)}</TIMEX3>"


def to_timeml(text: str, dct: date, times: Sequence[TimeRef], doc_id: str = "doc") -> str:
    """`text` as a TimeML document; overlapping or out-of-range times are left out."""
    parts: list[str] = []
    cursor = 0
    number = 0
    for time in sorted(times, key=lambda t: (t.start, -t.end)):
        if time.start < cursor or time.end > len(text) or time.start >= time.end:
            continue
        number += 1
        parts.append(escape(text[cursor : time.start]))
        parts.append(_timex(f"t{number}", time, text[time.start : time.end]))
        cursor = time.end
    parts.append(escape(text[cursor:]))
    dct_timex = (
        f'<TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false"'
        f' functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3>'
    )
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n"
        f"<DCT>{dct_timex}</DCT>\n"
        f"<TEXT>{''.join(parts)}</TEXT>\n"
        "</TimeML>\n"
    )
