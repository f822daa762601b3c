from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    FORBUND = "forbund"
    NATIONAL = "national"
    REPORTER = "reporter"

    def __str__(self) -> str:
        return str(self.value)
