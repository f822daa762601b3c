from enum import StrEnum


class ImportSummaryStatus(StrEnum):
    DRY_RUN = "dry_run"
    PARTIAL = "partial"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
