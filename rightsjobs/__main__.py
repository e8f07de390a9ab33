"""`python -m rightsjobs` runs the command line."""

from rightsjobs.cli import main

main()
