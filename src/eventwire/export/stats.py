"""What an export left out, for the caller to say so (a writer fills it as it streams)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExportStats:
    """`left_out`: events the format cannot show (GeoJSON: those with no point location)."""

    left_out: int = 0
