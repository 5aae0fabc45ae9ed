"""``doseconv serve``: the local web page and JSON API (needs the ``web`` extra)."""

from __future__ import annotations

import typer

from .app import EXIT_USAGE, app, fail

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Default: this machine only."),
    port: int = typer.Option(8000, "--port", help="Port to listen on (0 picks a free one)."),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
) -> None:
    """Serve the Story, Check, Convert and Sources pages and the JSON API on this machine.

    \b
    Examples:
      doseconv serve
      doseconv serve --port 8080 --open
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
    shown = f"[{host}]" if ":" in host else host
    if host not in LOOPBACK:
        typer.echo(
            f"Warning: listening on {host}: anyone who can reach this address can use the page; it has no login.",
            err=True,
        )
    config = uvicorn.Config(create_app(), host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)

    async def announce() -> None:
        import asyncio

        while not server.started:
            await asyncio.sleep(0.02)
        bound = port
        for s in server.servers:
            for sock in s.sockets:
                bound = sock.getsockname()[1]
        url = f"http://{shown}:{bound}/"
        typer.echo(f"doseconv is serving {url} (press Ctrl+C to stop)")
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    async def run() -> None:
        import asyncio

        task = asyncio.create_task(announce())
        await server.serve()
        task.cancel()

    import asyncio

    asyncio.run(run())
