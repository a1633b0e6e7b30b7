"""A mail server on 127.0.0.1 for the tests (SMTP over a real socket, a thread per connection), as
a fixture: `mail_server` keeps each message it accepts, refuses the addresses it is told to, and
can be told to stop answering once it has accepted so many (`hold_after`), as a slow or stuck
server does, until the test lets it go."""

from __future__ import annotations

import email
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message

import pytest


@dataclass
class Accepted:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> Message:
        return email.message_from_bytes(self.data)


class Session(socketserver.StreamRequestHandler):
    """One client's SMTP conversation: HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def handle(self) -> None:
        self.reply("220 test ESMTP")
        sender, recipients = "", []
        while line := self.rfile.readline():
            self.server.state.wait_while_held()
            verb = line[:4].decode("ascii", "replace").upper()
            if verb in ("HELO", "EHLO"):
                self.reply("250 test")
            elif verb == "MAIL":
                sender, recipients = line.decode().split(":", 1)[1].strip(), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipient = line.decode().split(":", 1)[1].strip()
                if recipient.strip("<>") in self.server.state.refused:
                    self.reply("550 No such user here")
                    continue
                recipients.append(recipient)
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                self.server.state.accept(Accepted(sender, recipients, self.read_data()))
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            else:
                self.reply("502 Command not implemented")

    def read_data(self) -> bytes:
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)  # dot-stuffing undone
        return b"".join(lines)

    def reply(self, text: str) -> None:
        self.wfile.write(text.encode() + b"\r\n")


@dataclass
class MailServer:
    port: int
    accepted: list[Accepted] = field(default_factory=list)
    hold_after: int | None = None  # after this many messages, answer nothing until released
    refused: set[str] = field(default_factory=set)  # addresses it has no mailbox for
    held: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def accept(self, message: Accepted) -> None:
        with self.lock:
            self.accepted.append(message)

    def wait_while_held(self) -> None:
        """Called before each command is answered: once `hold_after` messages are in, the next
        command waits for `release` (the client is left waiting, as on a stuck server)."""
        full = self.hold_after is not None and len(self.accepted) >= self.hold_after
        if full and not self.released.is_set():
            self.held.set()
            self.released.wait(60)

    def release(self) -> None:
        self.released.set()

    def subjects(self) -> list[str]:
        return [accepted.message["Subject"] for accepted in self.accepted]


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    server = Server(("127.0.0.1", 0), Session)
    server.state = MailServer(port=server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.state
    finally:
        server.state.release()
        server.shutdown()
        server.server_close()
