"""``doseconv serve``: the local web page and JSON API (needs the ``web`` extra)."""

from __future__ import annotations

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
    except ImportError as error:
        raise fail(
            f'doseconv serve needs the web extra ({error.name} is missing): pip install "doseconv[web]"'
        ) from None
    if not 0 <= port <= 65535:
        raise fail(f"port {port} is out of range; give 0 to 65535", EXIT_USAGE)
    if not 1 <= workers <= 16:
        raise fail(f"--workers {workers} is out of range; give 1 to 16 (one per core is plenty)", EXIT_USAGE)
    shown = f"[{host}]" if ":" in host else host
    if host not in LOOPBACK:
        typer.echo(
            f"Warning: listening on {host}: anyone who can reach this address can use the page; it has no login.",
            err=True,
        )
    if workers > 1:
        _serve_processes(host, shown, port, workers, open_browser)
        return
    config = uvicorn.Config(create_app(), host=host, port=port, log_level="warning", access_log=False)
    _serve_one(uvicorn.Server(config), shown, port, open_browser)


def _serve_one(server, shown: str, port: int, open_browser: bool) -> None:
    """Run one server process; its address is announced once it listens (port 0 picks a free one)."""

    async def announce() -> None:
        import asyncio

        while not server.started:
            await asyncio.sleep(0.02)
        bound = port
        for s in server.servers:
            for sock in s.sockets:
                bound = sock.getsockname()[1]
        _announce(f"http://{shown}:{bound}/", open_browser)

    async def run() -> None:
        import asyncio

        task = asyncio.create_task(announce())
        await server.serve()
        task.cancel()

    import asyncio

    asyncio.run(run())


def _announce(url: str, open_browser: bool, extra: str = "") -> None:
    typer.echo(f"doseconv is serving {url}{extra} (press Ctrl+C to stop)")
    if open_browser:
        import webbrowser

        webbrowser.open(url)


def _serve_processes(host: str, shown: str, port: int, workers: int, open_browser: bool) -> None:
    """Several server processes sharing one listening socket (uvicorn's supervisor), each building the app."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "doseconv.web:create_app", factory=True, host=host, port=port, workers=workers,
        log_level="warning", access_log=False,
    )  # fmt: skip
    sock = _listen(host, port, config.backlog)
    _announce(f"http://{shown}:{sock.getsockname()[1]}/", open_browser, f" with {workers} processes")
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
