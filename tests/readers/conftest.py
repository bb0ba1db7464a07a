"""Shared paths for the readers' tests; fixtures are small files written by us."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def write_warc(path: Path, records: list[tuple[str, str, bytes]], gzip: bool = True) -> Path:
    """A WARC of (url, content type, body) responses, each preceded by its request record."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, content_type, body in records:
            request = writer.create_warc_record(
                url,
                "request",
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True),
            )
            writer.write_record(request)
            status = "404 Not Found" if url.endswith("/missing") else "200 OK"
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            response = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2022-09-01T10:00:00Z"},
            )
            writer.write_record(response)
    return path
