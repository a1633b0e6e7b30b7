"""factcheck/lib/fsbroker.py: the embedded broker never hands a reader a message half written."""

from __future__ import annotations

import os
from queue import Empty

import pytest
from kombu import Connection

from factcheck.lib import fsbroker


@pytest.fixture
def connection(tmp_path):
    options = {"data_folder_in": str(tmp_path), "data_folder_out": str(tmp_path)}
    with Connection(
        "filesystem://", transport="factcheck.lib.fsbroker:Transport", transport_options=options
    ) as conn:
        yield conn


def test_a_message_goes_through(connection):
    queue = connection.SimpleQueue("jobs")
    queue.put({"task": "sweep"})
    message = queue.get(timeout=1)
    message.ack()
    assert message.payload == {"task": "sweep"}


def test_a_reader_sees_nothing_while_the_message_is_being_written(connection, monkeypatch):
    """kombu's own transport creates the message file empty, then writes it: a reader in
    between took an empty message. Here the file has no message name until it is whole."""
    queue = connection.SimpleQueue("jobs")
    channel = queue.channel
    seen_while_writing = []
    rename = os.replace

    def replace(partial: str, final: str) -> None:
        try:
            seen_while_writing.append(channel._get("jobs"))
        except Empty:
            seen_while_writing.append(None)
        rename(partial, final)

    monkeypatch.setattr(fsbroker.os, "replace", replace)
    queue.put({"task": "sweep"})
    assert seen_while_writing == [None]
    message = queue.get(timeout=1)
    message.ack()
    assert message.payload == {"task": "sweep"}


def test_the_filesystem_scheme_names_it_and_another_scheme_its_own():
    """The transport follows the broker URL's scheme: a process (or a test) that sends to a Redis
    URL gets Redis's transport, whatever the embedded default was (it once kept this one)."""
    from factcheck.celery import app

    assert app.connection_for_write("filesystem://").get_transport_cls() is fsbroker.Transport
    redis = app.connection_for_write("redis://127.0.0.1:1/0").get_transport_cls()
    assert redis.__module__ == "kombu.transport.redis"
