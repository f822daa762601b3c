from enum import StrEnum


class SeriesPointMissingType0(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    NOT_REPORTED = "not_reported"
    NOT_SUMMABLE = "not_summable"

    def __str__(self) -> str:
        return str(self.value)
