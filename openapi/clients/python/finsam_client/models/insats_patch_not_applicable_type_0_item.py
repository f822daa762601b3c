from enum import StrEnum


class InsatsPatchNotApplicableType0Item(StrEnum):
    ACTIVITIES = "activities"
    AGE_BANDS = "age_bands"
    ANONYMOUS_CASES = "anonymous_cases"
    ATTENDEES = "attendees"
    ENDED = "ended"
    INCOME_SOURCE_AT_EXIT = "income_source_at_exit"
    INCOME_SOURCE_AT_START = "income_source_at_start"
    OUTCOMES = "outcomes"
    PARTICIPANTS = "participants"
    STARTED = "started"
    VOLUME_CONTACTS = "volume_contacts"

    def __str__(self) -> str:
        return str(self.value)
