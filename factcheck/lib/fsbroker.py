"""The embedded run's Celery broker: kombu's filesystem transport, with each message written
whole before it can be read.

kombu writes a message by opening its file and then writing into it, and a reader moves a file
away without waiting for the writer's lock: a worker that lists the folder at that moment reads an
empty message and dies (`JSONDecodeError`). With beat and a worker in one process tree, both
sending every few seconds, that happened. Here a message is written under a name no reader takes
and then renamed (atomic on one filesystem), so a reader sees it whole or not at all.
"""

from __future__ import annotations

import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        """Put `payload` onto `queue`: written in full, then given its message name."""
        # kombu's own name (readers sort on it and match the queue after the first dot); the
        # partial file starts with a dot, so no reader's queue matches it.
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        partial = os.path.join(self.data_folder_out, f".{name}.part")
        try:
            with open(partial, "wb") as out:
                out.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel
