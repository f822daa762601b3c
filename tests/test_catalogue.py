"""The measure catalogue is the one source of what a measure is: every surface that carries
measures carries exactly the catalogue's, described as the catalogue describes them (issue 13).
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from app.domain.measures import CATEGORY_LABELS, MEASURES, Shape, Unit
from app.imports.formats import REPORT_COLUMNS
from app.main import app
from app.reports.schemas import ReportIn, ReportOut
from app.summaries.schemas import Measures

CATALOGUE = set(MEASURES)
REPORT_METADATA = {"insats_id", "period", "revision", "status", "updated_at", "note"}


def _model_of(model: type[BaseModel], field: str) -> type[BaseModel] | None:
    annotation: Any = model.model_fields[field].annotation
    for candidate in getattr(annotation, "__args__", (annotation,)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def test_every_measure_says_what_it_is() -> None:
    for measure in MEASURES.values():
        assert measure.swedish, measure.name
        assert measure.description.lower().startswith(measure.swedish.split()[0].lower()), measure
        assert measure.kinds, measure.name
        assert measure.split_by_kon == (
            measure.shape in (Shape.GENDER_COUNT, Shape.CATEGORY_GENDER_COUNTS)
        )
        assert bool(measure.categories) == (
            measure.shape in (Shape.CATEGORY_COUNTS, Shape.CATEGORY_GENDER_COUNTS)
        )


def test_only_counts_of_people_are_protected_by_disclosure_control() -> None:
    assert {m.name for m in MEASURES.values() if not m.protected} == {
        "volume_contacts",
        "anonymous_cases",
        "activities",
    }
    assert all(m.unit is Unit.PEOPLE for m in MEASURES.values() if m.protected)


def test_every_category_has_its_swedish_words() -> None:
    for measure in MEASURES.values():
        for category in measure.categories:
            assert CATEGORY_LABELS.get(category), (measure.name, category)


@pytest.mark.parametrize(
    ("surface", "names"),
    [
        ("the report body", set(ReportIn.model_fields) - REPORT_METADATA),
        ("the stored report", set(ReportOut.model_fields) - REPORT_METADATA),
        ("the summary's measures", set(Measures.model_fields)),
        ("the import's CSV columns", {c.path[1] for c in REPORT_COLUMNS if c.name != "note"}),
    ],
)
def test_a_surface_carries_exactly_the_catalogues_measures(surface: str, names: set[str]) -> None:
    assert names - CATALOGUE == set(), f"{surface} carries measures the catalogue lacks"
    assert CATALOGUE - names == set(), f"{surface} lacks measures of the catalogue"


@pytest.mark.parametrize("model", [ReportIn, ReportOut], ids=["body", "stored"])
def test_every_category_model_has_exactly_the_catalogues_categories(
    model: type[BaseModel],
) -> None:
    for measure in MEASURES.values():
        if not measure.categories:
            continue
        categories = _model_of(model, measure.name)
        assert categories is not None, measure.name
        given = {f.alias or name for name, f in categories.model_fields.items()}
        assert given == set(measure.categories), measure.name


def test_every_csv_column_of_a_category_is_one_of_its_categories() -> None:
    for column in REPORT_COLUMNS:
        if column.name == "note":
            continue
        measure = MEASURES[str(column.path[1])]
        if measure.categories:
            assert column.path[2] in measure.categories, column.name


def test_the_openapi_schema_describes_each_measure_as_the_catalogue_does() -> None:
    schemas = app.openapi()["components"]["schemas"]
    for model in ("ReportIn", "ReportOut"):
        properties = schemas[model]["properties"]
        for name, measure in MEASURES.items():
            assert properties[name]["description"].startswith(measure.description), (model, name)
    summary = schemas["Measures"]["properties"]
    for name, measure in MEASURES.items():
        assert summary[name]["description"].startswith(measure.description), name
