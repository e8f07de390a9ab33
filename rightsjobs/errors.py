"""The one exception type for bad user input: printed as a single line, exit code 1."""


class InputError(Exception):
    """Bad input from a user file or option; the message names the file, line or field."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)
