"""Codes whose two sides act alike: "A and B held talks" is the same event as "B and A"."""

from __future__ import annotations

# consults (04x), intent to meet (036), agreements (057), material cooperation (06x),
# ceasefires (0871), restored or upgraded ties (054) and clashes (190) are reciprocal.
SYMMETRIC_ROOTS = frozenset({"04", "06"})
SYMMETRIC_CODES = frozenset({"036", "054", "057", "0871", "190", "019"})


def is_symmetric(code: str) -> bool:
    return code[:2] in SYMMETRIC_ROOTS or code in SYMMETRIC_CODES
