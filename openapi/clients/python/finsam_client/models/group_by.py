from enum import StrEnum


class GroupBy(StrEnum):
    FORBUND = "forbund"
    LAN = "lan"

    def __str__(self) -> str:
        return str(self.value)
