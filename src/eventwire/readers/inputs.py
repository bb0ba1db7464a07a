"""Inputs as the user names them (files, directories, globs, "-", URLs) and how to open them.

Directories are walked recursively in sorted order, hidden files and folders ("."-names) left out,
so a batch reads the same files in the same order on every machine. Compressed files (gzip, bzip2,
xz) are recognised by their magic bytes, whatever their extension.
"""

from __future__ import annotations

import bz2
import glob
import gzip
import lzma
import os
import re
import shutil
import stat
import sys
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, cast

STDIN = "-"
STDIN_SPOOL_BYTES = 64 << 20
_GLOB_CHARS = frozenset("*?[")
# Magic numbers in full (gzip with its deflate method byte; bzip2 with its block or end-of-stream
# marker), so that a text that merely begins with "BZh" is not taken for a compressed file.
_GZIP = re.compile(rb"\x1f\x8b\x08")
_BZIP2 = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")
_XZ = re.compile(rb"\xfd7zXZ\x00")
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz")


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def iter_input_files(inputs: Sequence[str]) -> Iterator[str]:
    """Each input expanded to the files it names, in a stable order.

    An input that names nothing (a missing path, a glob without matches) is yielded as it is, so
    the reader can report it as a NOT_FOUND reject instead of dropping it silently.
    """
    for name in inputs:
        if name == STDIN or is_url(name):
            yield name
        elif os.path.isdir(name):
            yield from _walk(Path(name))
        elif os.path.exists(name):
            yield name
        elif _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield name
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(Path(match))
                else:
                    yield match
        else:
            yield name


def _walk(folder: Path) -> Iterator[str]:
    unreadable: list[str] = []  # yielded too, so that opening them reports the error
    for root, dirs, files in os.walk(folder, onerror=lambda e: unreadable.append(e.filename)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                yield os.path.join(root, file)
    yield from unreadable


class NotRegularFile(OSError):
    """The input is a named pipe, socket or device: reading it may block or never end."""

    def __init__(self, name: str, kind: str) -> None:
        super().__init__(f"{name} is a {kind}, not a regular file: skipped")
        self.kind = kind


def open_raw(name: str) -> BinaryIO:
    """The input's bytes as a seekable stream.

    Standard input is spooled first (in memory up to 64 MB, then to a temporary file), because
    telling the format and the compression needs to look at the start and then read it again.
    Anything else must be a regular file (NotRegularFile otherwise): it is opened without
    blocking and checked on the open descriptor, so a FIFO without a writer (or a symlink to
    /dev/zero) in an input folder cannot hang the batch.
    """
    if name == STDIN:
        spool = tempfile.SpooledTemporaryFile(max_size=STDIN_SPOOL_BYTES)  # noqa: SIM115
        shutil.copyfileobj(sys.stdin.buffer, spool)
        spool.seek(0)
        return cast(BinaryIO, spool)
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(name, _kind(mode))
        os.set_blocking(fd, True)
        return open(fd, "rb")  # noqa: SIM115 - the caller closes it
    except BaseException:
        os.close(fd)
        raise


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "directory" if stat.S_ISDIR(mode) else "special file"


def compression_of(stream: BinaryIO) -> str | None:
    """The compression ("gzip", "bz2", "xz" or None) told by the first bytes; rewinds the stream."""
    head = stream.read(10)
    stream.seek(0)
    for magic, kind in ((_GZIP, "gzip"), (_BZIP2, "bz2"), (_XZ, "xz")):
        if magic.match(head):
            return kind
    return None


def decompressed(stream: BinaryIO, kind: str | None) -> BinaryIO:
    """A stream of the uncompressed bytes; seekable, errors surface on read as OSError/EOFError."""
    if kind == "gzip":
        return cast(BinaryIO, gzip.GzipFile(fileobj=stream, mode="rb"))
    if kind == "bz2":
        return cast(BinaryIO, bz2.BZ2File(stream, mode="rb"))
    if kind == "xz":
        return cast(BinaryIO, lzma.LZMAFile(stream, mode="rb"))
    return stream


def plain_head(stream: BinaryIO, kind: str | None, size: int) -> bytes:
    """Up to `size` uncompressed bytes from the start, even of a truncated or corrupt file.

    Decompressing by hand, not through GzipFile, keeps what a broken stream yields before the
    break, so the format can still be told and the good records read. The stream is rewound.
    """
    raw = stream.read(size if kind is None else max(size, 1 << 16))
    stream.seek(0)
    if kind is None:
        return raw
    decompressor: Any
    if kind == "gzip":
        decompressor = zlib.decompressobj(wbits=31)
    elif kind == "bz2":
        decompressor = bz2.BZ2Decompressor()
    else:
        decompressor = lzma.LZMADecompressor()
    try:
        return decompressor.decompress(raw, size)
    except (OSError, EOFError, zlib.error, lzma.LZMAError):
        return b""


def plain_name(name: str) -> str:
    """The file name without a compression suffix: "a.warc.gz" -> "a.warc"."""
    lowered = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name
