"""``python -m doseconv`` runs the command line."""

from .cli import main

main()
