"""Contains all the data models used in inputs/outputs"""

from .age_bands import AgeBands
from .age_bands_in import AgeBandsIn
from .annual_table import AnnualTable
from .attendees import Attendees
from .attendees_in import AttendeesIn
from .audit_event_out import AuditEventOut
from .audit_event_out_detail_type_0 import AuditEventOutDetailType0
from .close_period_in import ClosePeriodIn
from .closed_period_out import ClosedPeriodOut
from .comparison import Comparison
from .comparison_change_type_0 import ComparisonChangeType0
from .count_figure import CountFigure
from .created_key import CreatedKey
from .event_out import EventOut
from .event_out_detail_type_0 import EventOutDetailType0
from .fact_change import FactChange
from .field_error import FieldError
from .figures import Figures
from .forbund_in import ForbundIn
from .forbund_out import ForbundOut
from .forbund_release import ForbundRelease
from .forbund_settings_in import ForbundSettingsIn
from .forbund_summary import ForbundSummary
from .gender_count import GenderCount
from .gender_count_in import GenderCountIn
from .gender_figure import GenderFigure
from .get_annual_report_table_format_type_0 import GetAnnualReportTableFormatType0
from .get_release_format_type_0 import GetReleaseFormatType0
from .group_by import GroupBy
from .group_row import GroupRow
from .health_status import HealthStatus
from .history_out import HistoryOut
from .import_in import ImportIn
from .import_problem import ImportProblem
from .import_row_error import ImportRowError
from .import_row_in import ImportRowIn
from .import_summary import ImportSummary
from .import_summary_status import ImportSummaryStatus
from .income_sources import IncomeSources
from .income_sources_in import IncomeSourcesIn
from .insats_coverage import InsatsCoverage
from .insats_in import InsatsIn
from .insats_in_not_applicable_item import InsatsInNotApplicableItem
from .insats_kind import InsatsKind
from .insats_out import InsatsOut
from .insats_patch import InsatsPatch
from .insats_patch_not_applicable_type_0_item import InsatsPatchNotApplicableType0Item
from .job_out import JobOut
from .job_out_state import JobOutState
from .key_in import KeyIn
from .key_ref import KeyRef
from .measures import Measures
from .measures_age_bands_type_0 import MeasuresAgeBandsType0
from .measures_attendees_type_0 import MeasuresAttendeesType0
from .measures_income_source_at_exit_type_0 import MeasuresIncomeSourceAtExitType0
from .measures_income_source_at_start_type_0 import MeasuresIncomeSourceAtStartType0
from .measures_outcomes_type_0 import MeasuresOutcomesType0
from .missing_in_compared_figures import MissingInComparedFigures
from .missing_in_row import MissingInRow
from .missing_measures import MissingMeasures
from .missing_measures_additional_property import MissingMeasuresAdditionalProperty
from .missing_reason import MissingReason
from .national_release import NationalRelease
from .national_summary import NationalSummary
from .outcomes import Outcomes
from .outcomes_in import OutcomesIn
from .problem import Problem
from .publish_result import PublishResult
from .release_change import ReleaseChange
from .release_in import ReleaseIn
from .release_info import ReleaseInfo
from .release_list import ReleaseList
from .report_in import ReportIn
from .report_out import ReportOut
from .report_status import ReportStatus
from .revision_out import RevisionOut
from .role import Role
from .series import Series
from .series_point import SeriesPoint
from .series_point_missing_type_0 import SeriesPointMissingType0
from .share_figure import ShareFigure
from .shares import Shares
from .step_in import StepIn
from .table_figures import TableFigures
from .table_row import TableRow

__all__ = (
    "AgeBands",
    "AgeBandsIn",
    "AnnualTable",
    "Attendees",
    "AttendeesIn",
    "AuditEventOut",
    "AuditEventOutDetailType0",
    "ClosedPeriodOut",
    "ClosePeriodIn",
    "Comparison",
    "ComparisonChangeType0",
    "CountFigure",
    "CreatedKey",
    "EventOut",
    "EventOutDetailType0",
    "FactChange",
    "FieldError",
    "Figures",
    "ForbundIn",
    "ForbundOut",
    "ForbundRelease",
    "ForbundSettingsIn",
    "ForbundSummary",
    "GenderCount",
    "GenderCountIn",
    "GenderFigure",
    "GetAnnualReportTableFormatType0",
    "GetReleaseFormatType0",
    "GroupBy",
    "GroupRow",
    "HealthStatus",
    "HistoryOut",
    "ImportIn",
    "ImportProblem",
    "ImportRowError",
    "ImportRowIn",
    "ImportSummary",
    "ImportSummaryStatus",
    "IncomeSources",
    "IncomeSourcesIn",
    "InsatsCoverage",
    "InsatsIn",
    "InsatsInNotApplicableItem",
    "InsatsKind",
    "InsatsOut",
    "InsatsPatch",
    "InsatsPatchNotApplicableType0Item",
    "JobOut",
    "JobOutState",
    "KeyIn",
    "KeyRef",
    "Measures",
    "MeasuresAgeBandsType0",
    "MeasuresAttendeesType0",
    "MeasuresIncomeSourceAtExitType0",
    "MeasuresIncomeSourceAtStartType0",
    "MeasuresOutcomesType0",
    "MissingInComparedFigures",
    "MissingInRow",
    "MissingMeasures",
    "MissingMeasuresAdditionalProperty",
    "MissingReason",
    "NationalRelease",
    "NationalSummary",
    "Outcomes",
    "OutcomesIn",
    "Problem",
    "PublishResult",
    "ReleaseChange",
    "ReleaseIn",
    "ReleaseInfo",
    "ReleaseList",
    "ReportIn",
    "ReportOut",
    "ReportStatus",
    "RevisionOut",
    "Role",
    "Series",
    "SeriesPoint",
    "SeriesPointMissingType0",
    "ShareFigure",
    "Shares",
    "StepIn",
    "TableFigures",
    "TableRow",
)
