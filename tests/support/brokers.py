"""Brokers for the fault tests: a Redis server of the test's own (no disk, on a free port) that
can be stopped and started again, and this process's Celery app sending to another broker for a
while."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import kombu.pools

from factcheck.celery import app
from tests.support.workers import wait_until

REDIS_SERVER = shutil.which("redis-server")


@contextmanager
def broker(url: str) -> Iterator[None]:
    """This process's Celery app sends to `url` for the block (its pools dropped both ways)."""

    def drop_pools() -> None:
        # kombu keeps pools in a registry of its own: empty it, or a pool closed here would be
        # handed back to the next test that sends a task.
        kombu.pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    # Celery reads CELERY_BROKER_URL from the environment before its own setting: both change.
    before, before_env = app.conf.broker_url, os.environ.get("CELERY_BROKER_URL")
    app.conf.broker_url = os.environ["CELERY_BROKER_URL"] = url
    drop_pools()
    try:
        yield
    finally:
        app.conf.broker_url = before
        if before_env is None:
            del os.environ["CELERY_BROKER_URL"]
        else:
            os.environ["CELERY_BROKER_URL"] = before_env
        drop_pools()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def redis_server(port: int) -> Iterator[subprocess.Popen]:
    """A Redis of the test's own (no disk), so that it can be stopped and started again."""
    process = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: answers(port), timeout=10, what="redis-server to start")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False
