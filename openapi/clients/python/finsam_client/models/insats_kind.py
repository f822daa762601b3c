from enum import StrEnum


class InsatsKind(StrEnum):
    INDIVIDUAL = "individual"
    STRUCTURAL = "structural"

    def __str__(self) -> str:
        return str(self.value)
