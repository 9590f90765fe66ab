"""One window per library: a second start hands its files to the running window and quits.

The running window holds a lock file (``QLockFile``, stale locks of dead processes are taken
over) and listens on a ``QLocalServer`` named after the library. A new start first tries
to connect and send its file paths; if nobody answers but the lock is held, the library is
open in a window that does not respond (or on another computer).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MAX_MESSAGE_BYTES = 1024 * 1024
ACK = b"ok\n"


class SingleInstance(QObject):
    """Client and server side of the single-instance handshake for one library."""

    message_received = Signal(list)  # absolute file paths (may be empty: just raise the window)

    def __init__(self, key: str, parent: QObject | None = None, *, lock_path: Path | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None
        self._lock = QLockFile(str(lock_path)) if lock_path is not None else None
        self._buffers: dict[QLocalSocket, bytes] = {}

    # ------------------------------------------------------------------ client side

    def send(self, paths: list[str], timeout_ms: int = 2000) -> bool:
        """Give ``paths`` to a running instance; False when none answers (absent or not responding).

        Blocking (call before the event loop runs, or from another thread): the running
        instance acknowledges from its event loop, so a hung window counts as absent.
        """
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(timeout_ms):
            return False
        payload = json.dumps({"paths": [str(Path(p).absolute()) for p in paths]}).encode() + b"\n"
        socket.write(QByteArray(payload))
        socket.flush()
        reply = b""
        while b"\n" not in reply and socket.waitForReadyRead(timeout_ms):
            reply += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return reply.startswith(ACK)

    # ------------------------------------------------------------------ server side

    def try_lock(self) -> bool:
        """Take the library's lock file; False when another live process holds it."""
        if self._lock is None:
            return True
        self._lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        if self._lock.tryLock(0):
            return True
        # LockFailedError: a live process holds it. Other errors (read-only folder) must not block the start.
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def listen(self) -> bool:
        """Start accepting messages from later starts."""
        if self._server is not None:
            return True
        QLocalServer.removeServer(self.key)  # a socket left behind by a crashed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            server.deleteLater()
            return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening and release the lock."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        for socket in list(self._buffers):
            socket.blockSignals(True)  # no late readyRead/disconnected on a closing server
            socket.abort()
            socket.deleteLater()
        self._buffers.clear()
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(lambda s=socket: self._on_disconnected(s))
            if socket.bytesAvailable():
                self._on_ready(socket)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        fresh = bytes(socket.readAll().data()) if socket.isOpen() and socket.bytesAvailable() else b""
        data = self._buffers[socket] + fresh
        if len(data) > MAX_MESSAGE_BYTES:
            self._drop(socket)
            return
        while b"\n" in data:
            line, data = data.split(b"\n", 1)
            if self._deliver(line) and socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                socket.write(QByteArray(ACK))
                socket.flush()
        self._buffers[socket] = data

    def _on_disconnected(self, socket: QLocalSocket) -> None:
        if socket in self._buffers:
            self._on_ready(socket)
            rest = self._buffers.get(socket, b"")
            if rest.strip():
                self._deliver(rest)
        self._drop(socket)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _deliver(self, line: bytes) -> bool:
        try:
            message = json.loads(line.decode("utf-8"))
            paths = [str(p) for p in message.get("paths", []) if isinstance(p, str)]
        except (ValueError, AttributeError):
            return False  # not one of ours: ignore
        self.message_received.emit(paths)
        return True
