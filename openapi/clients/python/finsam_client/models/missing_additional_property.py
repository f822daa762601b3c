from enum import StrEnum


class MissingAdditionalProperty(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    NOT_REPORTED = "not_reported"

    def __str__(self) -> str:
        return str(self.value)
