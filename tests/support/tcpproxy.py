"""A TCP proxy on 127.0.0.1 (threads), put between a process and its database so that a test can
take the database away and bring it back without touching the server others use: `drop()` cuts
every connection through it, as a restart does (new ones get through at once); `refuse()` cuts
them and lets no new one through, as a server that is down; `accept()` lets them through again."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TcpProxy:
    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.refusing = False
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept_loop, daemon=True).start()

    def drop(self) -> None:
        """Cut every connection now (both ends see it closed, as in a restart)."""
        with self.lock:
            sockets, self.open = self.open, []
        for sock in sockets:
            _close(sock)

    def refuse(self) -> None:
        self.refusing = True
        self.drop()

    def accept(self) -> None:
        self.refusing = False

    def close(self) -> None:
        self.listener.close()
        self.drop()

    def _accept_loop(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:  # the listener was closed
                return
            if self.refusing:
                _close(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self.lock:
                self.open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        _close(source)
        _close(sink)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in recv on it
    sock.close()


@contextmanager
def tcp_proxy(host: str, port: int) -> Iterator[TcpProxy]:
    proxy = TcpProxy(host, port)
    try:
        yield proxy
    finally:
        proxy.close()
