"""`make run` as a newcomer or a process manager runs it: it serves, and it stops whole.

It runs in its own var/ directory (VAR_DIR), SQLite file and filesystem broker, on a free port.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Real processes, killed and restarted: started first, so that the rest runs beside them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def processes_with(marker: str) -> list[int]:
    """The processes whose environment holds `marker` (those this test started, and theirs)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def make_run(tmp_path: Path) -> Iterator[tuple[subprocess.Popen, str, Path, str]]:
    marker = f"MAKE_RUN_TEST={uuid.uuid4().hex}"
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "PORT": str(port),
        "VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
        "CELERY_BROKER_URL": "filesystem://",
        "CELERY_QUEUE": f"make-run-{port}",
        marker.split("=")[0]: marker.split("=")[1],
    }
    log = tmp_path / "make-run.log"

    def ignore_interrupts() -> None:
        # As for a job a script starts with `&`: SIGINT is ignored, so only SIGTERM stops it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    run = subprocess.Popen(
        ["make", "run"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=ignore_interrupts,
    )
    try:
        yield run, f"http://127.0.0.1:{port}", log, marker
    finally:
        for pid in processes_with(marker):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        run.wait(timeout=30)


def test_make_run_serves_and_stops_with_its_worker_on_sigterm(make_run):
    """A process manager's stop (SIGTERM to the process group) once left the Celery worker
    hanging in its shutdown once beat had started, and `make run` waiting for it forever."""
    run, url, log, marker = make_run
    deadline = time.monotonic() + 180
    while not (answers(f"{url}/claims/") and "Sending due task" in log.read_text()):
        assert run.poll() is None, log.read_text()[-3000:]
        assert time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(1)
    os.killpg(run.pid, signal.SIGTERM)
    try:
        run.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("make run did not stop within 60 s of SIGTERM:\n" + log.read_text()[-3000:])
    time.sleep(1)
    assert processes_with(marker) == [], "a process of make run is still running"
    assert "Warm shutdown" in log.read_text()
    # A stop is no failure: make printed "*** [Makefile:34: run] Error 143" when its recipe's
    # shell ended by the signal rather than by its own trap.
    assert "Error" not in log.read_text().split("Warm shutdown")[-1]
