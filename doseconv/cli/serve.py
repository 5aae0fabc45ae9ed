"""``doseconv serve``: the local web page and JSON API (needs the ``web`` extra)."""

from __future__ import annotations

import contextlib
from typing import Any

import typer

from .app import EXIT_USAGE, command, fail

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Default: this machine only."),
    port: int = typer.Option(8000, "--port", help="Port to listen on (0 picks a free one)."),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
    workers: int = typer.Option(
        1,
        "--workers",
        help="Server processes (default 1, enough for one person; 2 on a shared machine with 2 cores or more).",
    ),
) -> None:
    """Serve the Story, Check, Convert and Sources pages and the JSON API on this machine.

    \b
    Examples:
      doseconv serve
      doseconv serve --port 8080 --open
      doseconv serve --workers 2
    """
    try:
        import uvicorn

        from ..web import create_app
        from ..web.protocol import TimedHttpToolsProtocol
    except ImportError as error:
        raise fail(
            f'doseconv serve needs the web extra ({error.name} is missing): pip install "doseconv[web]"'
        ) from None
    if not 0 <= port <= 65535:
        raise fail(f"port {port} is out of range; give 0 to 65535", EXIT_USAGE)
    if not 1 <= workers <= 16:
        raise fail(f"--workers {workers} is out of range; give 1 to 16 (one per core is plenty)", EXIT_USAGE)
    shown = f"[{host}]" if ":" in host else host
    names = _host_names(host)
    if host not in LOOPBACK:
        typer.echo(
            f"Warning: listening on {host}: anyone who can reach this address can use the page; it has no login. "
            f"It answers to: {', '.join(names)}.",
            err=True,
        )
    sock = _listen(host, port, 2048)
    options = _server_options(TimedHttpToolsProtocol)
    url = f"http://{shown}:{sock.getsockname()[1]}/"
    if workers > 1:
        _share_with_processes(names)
        config = uvicorn.Config("doseconv.web:create_app", factory=True, workers=workers, **options)
        _serve_processes(config, sock, url, workers, open_browser)
        return
    server = uvicorn.Server(uvicorn.Config(create_app(hosts=names), **options))
    _serve_one(server, sock, url, open_browser)


def _server_options(protocol: type) -> dict[str, Any]:
    """uvicorn's settings: the timed protocol (no slow or idle connection held), a cap on connections and requests
    at once (503 past it), warnings only in the log."""
    from ..web.protocol import IDLE_SECONDS

    return {
        "http": protocol, "log_level": "warning", "access_log": False, "timeout_keep_alive": IDLE_SECONDS,
        "limit_concurrency": 512, "backlog": 2048, "lifespan": "on",
    }  # fmt: skip


def _host_names(host: str) -> list[str]:
    """The names the server answers to besides the loopback ones: the address given, and for an address that
    listens on every interface (0.0.0.0, ::) the machine's own names and addresses."""
    import socket

    names = [host]
    if host in ("0.0.0.0", "::", ""):
        names = [socket.gethostname(), socket.getfqdn()]
        with contextlib.suppress(OSError):
            names += [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None)]
    return list(dict.fromkeys(n for n in names if n))


def _share_with_processes(names: list[str]) -> None:
    """Put the served names and one form token in the environment, for every process of this server."""
    import os

    from ..web.app import HOSTS_ENVIRONMENT
    from ..web.tokens import ENVIRONMENT, form_token

    os.environ[HOSTS_ENVIRONMENT] = ",".join(names)
    os.environ[ENVIRONMENT] = form_token()


def _serve_one(server, sock, url: str, open_browser: bool) -> None:
    """Run one server process on the socket already listening; its address is announced once it serves."""

    async def announce() -> None:
        import asyncio

        while not server.started:
            await asyncio.sleep(0.02)
        _announce(url, open_browser)

    async def run() -> None:
        import asyncio

        task = asyncio.create_task(announce())
        await server.serve(sockets=[sock])
        task.cancel()

    import asyncio

    asyncio.run(run())


def _announce(url: str, open_browser: bool, extra: str = "") -> None:
    typer.echo(f"doseconv is serving {url}{extra} (press Ctrl+C to stop)")
    if open_browser:
        import webbrowser

        webbrowser.open(url)


def _serve_processes(config, sock, url: str, workers: int, open_browser: bool) -> None:
    """Several server processes sharing one listening socket (uvicorn's supervisor), each building the app."""
    from uvicorn.supervisors import Multiprocess

    _announce(url, open_browser, f" with {workers} processes")
    Multiprocess(config, sockets=[sock]).run()


def _listen(host: str, port: int, backlog: int):
    """A listening TCP socket the worker processes share; requests wait in its queue until a process takes one.

    Made with its protocol named (IPPROTO_TCP), unlike uvicorn's own ``bind_socket``: asyncio turns Nagle's
    algorithm off (TCP_NODELAY) only on connections accepted from such a socket, and without that a small
    response waits about 40 ms for the client's delayed acknowledgement.
    """
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise fail(f"cannot listen on {host} port {port}: {error.strerror}") from None
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock
