"""Several uvicorn worker processes, for ``nightlegs serve --workers N``.

Each worker builds the app from the environment (``nightlegs.app:create_app`` as a
factory), on one listening socket bound here and shared by all.

uvicorn 0.54 binds that socket without naming its protocol (``proto`` 0); accepted
connections inherit it, and asyncio then leaves Nagle's algorithm on for them
(it sets ``TCP_NODELAY`` only for sockets that say ``IPPROTO_TCP``). Every keep-alive
request after the first then waits for the client's delayed ACK, about 40 ms on Linux:
measured here, 2 workers answered 170 requests/s where 1 answered 1,100 (uvicorn issue
3149). The socket is wrapped again as TCP before the workers get it.
"""

from __future__ import annotations

import socket
from typing import Any

__all__ = ["APP", "run", "tcp_listener"]

#: The app factory every worker imports.
APP = "nightlegs.app:create_app"


def tcp_listener(sock: socket.socket) -> socket.socket:
    """``sock`` (a bound TCP socket) as ``IPPROTO_TCP``: the same descriptor and address."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto == socket.IPPROTO_TCP:
        return sock
    return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())


def run(workers: int, **options: Any) -> None:
    """Serve with ``workers`` processes; ``options`` are :class:`uvicorn.Config`'s."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(APP, factory=True, workers=workers, **options)
    sock = tcp_listener(config.bind_socket())
    try:
        Multiprocess(config, sockets=[sock]).run()
    except KeyboardInterrupt:  # Ctrl-C stops the workers; nothing to report
        pass
    finally:
        sock.close()
