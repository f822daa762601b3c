from enum import StrEnum


class MissingReason(StrEnum):
    NONE_ENDED = "none_ended"
    NOT_ACTIVE = "not_active"
    NOT_APPLICABLE = "not_applicable"
    NOT_APPROVED = "not_approved"
    NOT_REPORTED = "not_reported"
    NOT_SPLIT = "not_split"
    NOT_SUMMABLE = "not_summable"
    PARTS_MISSING = "parts_missing"

    def __str__(self) -> str:
        return str(self.value)
