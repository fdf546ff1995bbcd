"""A real SMTP server for tests (aiosmtpd, on a spare port) that refuses chosen recipients."""

import contextlib
import socket

from aiosmtpd.controller import Controller


class RefusingHandler:
    def __init__(self, refused):
        self.refused = {address.lower() for address in refused}
        self.delivered = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.delivered.append(envelope)
        return "250 Message accepted for delivery"


def spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def refusing_smtp_server(*refused):
    """Yields the port of a running server; stops it afterwards."""
    port = spare_port()
    controller = Controller(RefusingHandler(refused), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()
