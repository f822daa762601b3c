"""Summaries through HTTP: the Sundsvall example, period arithmetic, comparison and series."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.test_reports import SUNDSVALL_2022, unsplit
from tests.conftest import Api


def gender(women: int, men: int) -> dict[str, int]:
    return {"women": women, "men": men, "unspecified": 0}


def load_sundsvall_2022(api: Api) -> list[int]:
    api.forbund("sundsvall")
    ids = []
    for name, participants, volume, work, studies in SUNDSVALL_2022:
        # What Sundsvall's table calls "ej aktuellt" does not apply to the insats.
        not_applicable = [
            measure
            for measure, value in (("volume_contacts", volume), ("outcomes", work))
            if value is None
        ]
        insats = api.insats(name=name, not_applicable=not_applicable)
        ids.append(insats["id"])
        outcomes = (
            None if work is None else {"work": unsplit(work), "studies": unsplit(studies or 0)}
        )
        api.report(
            insats["id"],
            "2022",
            {
                "participants": unsplit(participants),
                "volume_contacts": volume,
                "outcomes": outcomes,
            },
        )
    return ids


def summary(client: TestClient, api: Api, period: str, **params: str) -> dict[str, Any]:
    response = client.get(
        "/api/v1/forbund/sundsvall/summary", params={"period": period, **params}, headers=api.admin
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_sundsvall_2022_gives_exactly_the_total_row(client: TestClient, api: Api) -> None:
    load_sundsvall_2022(api)
    result = summary(client, api, "2022")
    measures = result["measures"]
    assert (result["insatser"], result["reports"]) == (8, 8)
    assert (measures["participants"]["total"], measures["participants"]["reported_by"]) == (713, 8)
    # Volyminsats reported by 5 of the 5 insatser it applies to (the 8 of the domain brief's
    # worked example, less the 3 where Sundsvall's table says "ej aktuellt").
    assert measures["volume_contacts"] == {"total": 1134, "reported_by": 5, "applies_to": 5}
    assert measures["outcomes"]["work"]["total"] == 123
    assert measures["outcomes"]["studies"]["total"] == 14
    assert measures["outcomes"]["work"]["reported_by"] == 4
    assert measures["outcomes"]["benefit"] is None
    # No insats split by kön, so the summary gives no split, and says so.
    assert measures["participants"]["women"] is None
    assert measures["participants"]["not_split_by"] == 8
    assert measures["started"] is None  # nobody reported it: null, not 0
    assert result["shares"]["work_of_ended"] is None  # no avslutade reported, so no share


def test_a_year_is_added_up_from_halves_for_flows_only(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    insats = api.insats()
    api.report(
        insats["id"],
        "2023H1",
        {
            "participants": {"women": 10, "men": 10},
            "started": {"women": 4, "men": 3},
            "volume_contacts": 7,
        },
    )
    api.report(
        insats["id"],
        "2023H2",
        {
            "participants": {"women": 12, "men": 9},
            "started": {"women": 2, "men": 1},
            "volume_contacts": 5,
        },
    )
    result = summary(client, api, "2023")
    assert result["measures"]["started"]["total"] == 10
    assert result["measures"]["started"]["women"] == 6
    assert result["measures"]["volume_contacts"]["total"] == 12
    assert result["measures"]["participants"] is None  # a stock is never H1 + H2
    assert result["computed_from"] == ["2023H1", "2023H2"]
    assert result["complete"] is True


def test_a_year_from_tertials_and_a_missing_tertial_is_partial(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    insats = api.insats()
    for period, ended in (("2023T1", 2), ("2023T2", 3)):
        api.report(insats["id"], period, {"ended": {"women": ended, "men": 0}})
    result = summary(client, api, "2023")
    assert result["measures"]["ended"]["total"] == 5
    assert result["complete"] is False
    assert result["coverage"][0]["periods"] == ["2023T1", "2023T2"]
    assert result["coverage"][0]["complete"] is False


def test_yearly_and_half_year_reporters_are_combined(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    yearly, halves, silent = api.insats(name="A"), api.insats(name="B"), api.insats(name="C")
    api.report(
        yearly["id"],
        "2023",
        {"participants": {"women": 20, "men": 10}, "ended": {"women": 5, "men": 5}},
    )
    api.report(
        halves["id"],
        "2023H1",
        {"participants": {"women": 3, "men": 3}, "ended": {"women": 1, "men": 0}},
    )
    api.report(
        halves["id"],
        "2023H2",
        {"participants": {"women": 4, "men": 3}, "ended": {"women": 2, "men": 1}},
    )
    result = summary(client, api, "2023")
    assert result["measures"]["ended"] == {
        "women": 8,
        "men": 6,
        "unspecified": 0,
        "total": 14,
        "reported_by": 2,
        "applies_to": 3,
        "not_split_by": 0,
    }
    assert result["measures"]["participants"]["total"] == 30  # only the yearly report's stock
    assert result["measures"]["participants"]["reported_by"] == 1
    assert (result["insatser"], result["reports"], result["complete"]) == (3, 2, False)
    assert [c["periods"] for c in result["coverage"]] == [["2023"], ["2023H1", "2023H2"], []]
    del silent


def test_shares_count_only_insatser_that_reported_both_sides(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    both, outcome_only = api.insats(name="A"), api.insats(name="B")
    api.report(
        both["id"],
        "2023",
        {
            "participants": {"women": 20, "men": 20},
            "ended": {"women": 10, "men": 10},
            "outcomes": {"work": {"women": 4, "men": 2}, "studies": {"women": 1, "men": 1}},
        },
    )
    api.report(
        outcome_only["id"],
        "2023",
        {"participants": {"women": 9, "men": 9}, "outcomes": {"work": {"women": 5, "men": 5}}},
    )
    shares = summary(client, api, "2023")["shares"]
    assert shares["work_of_ended"]["women"] == 0.4
    assert shares["work_of_ended"]["total"] == 0.3
    assert shares["work_or_studies_of_ended"]["total"] == 0.4


def test_compare_adds_the_other_period_and_the_change(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    insats = api.insats()
    api.report(insats["id"], "2022", {"participants": {"women": 10, "men": 8}})
    api.report(insats["id"], "2023", {"participants": {"women": 12, "men": 5}})
    result = summary(client, api, "2023", compare="2022")
    comparison = result["comparison"]
    assert comparison["period"] == "2022"
    assert comparison["figures"]["measures"]["participants"]["total"] == 18
    assert comparison["change"]["measures"]["participants"] == {
        "women": 2,
        "men": -3,
        "unspecified": 0,
        "total": -1,
    }


def participants_series(
    client: TestClient, api: Api, first: str, last: str
) -> list[dict[str, Any]]:
    """Sundsvall's series of participants from `first` to `last`, its points."""
    response = client.get(
        "/api/v1/forbund/sundsvall/series",
        params={"measure": "participants", "from": first, "to": last},
        headers=api.admin,
    )
    assert response.status_code == 200, response.text
    points: list[dict[str, Any]] = response.json()["points"]
    return points


def test_a_series_gives_each_year_by_gender(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    insats = api.insats()
    api.report(insats["id"], "2021", {"participants": {"women": 3, "men": 4}})
    api.report(insats["id"], "2023", {"participants": {"women": 5, "men": 6}})
    points = participants_series(client, api, "2021", "2023")
    assert [(p["period"], p["women"], p["men"], p["total"]) for p in points] == [
        ("2021", 3, 4, 7),
        ("2022", None, None, None),
        ("2023", 5, 6, 11),
    ]


def test_a_series_point_of_a_year_reported_in_part_says_it_is_not_the_whole_year(
    client: TestClient, api: Api
) -> None:
    """2022H1 alone gives a 2022 point from half a year: it must not read as the year."""
    api.forbund("sundsvall")
    insats = api.insats()
    api.report(insats["id"], "2021", {"participants": {"women": 3, "men": 4}})
    api.report(insats["id"], "2022H1", {"participants": {"women": 5, "men": 6}})
    points = {p["period"]: p for p in participants_series(client, api, "2021", "2022")}
    assert (points["2021"]["complete"], points["2021"]["computed_from"]) == (True, ["2021"])
    assert (points["2022"]["complete"], points["2022"]["computed_from"]) == (False, ["2022H1"])
    year = summary(client, api, "2022")
    assert (year["complete"], year["computed_from"]) == (False, ["2022H1"])


def test_a_series_of_an_unknown_measure_is_a_422_naming_it(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    response = client.get(
        "/api/v1/forbund/sundsvall/series",
        params={"measure": "outcomes.holiday", "from": "2021", "to": "2023"},
        headers=api.admin,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "measure"]


def test_a_bad_period_in_the_query_is_a_422_naming_it(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    response = client.get(
        "/api/v1/forbund/sundsvall/summary", params={"period": "2023X"}, headers=api.admin
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "period"]


def test_the_national_summary_has_a_row_per_forbund_and_by_lan(
    client: TestClient, api: Api
) -> None:
    load_sundsvall_2022(api)
    api.forbund("jamtland", lan="Jämtlands län")
    insats = api.insats("jamtland")
    api.report(insats["id"], "2022", {"participants": {"women": 7, "men": 0}})
    response = client.get("/api/v1/national/summary", params={"period": "2022"}, headers=api.admin)
    assert response.status_code == 200, response.text
    national = response.json()
    assert national["measures"]["participants"]["total"] == 720
    assert [(r["key"], r["measures"]["participants"]["total"]) for r in national["forbund"]] == [
        ("jamtland", 7),
        ("sundsvall", 713),
    ]
    by_lan = client.get(
        "/api/v1/national/summary", params={"period": "2022", "group_by": "lan"}, headers=api.admin
    ).json()
    assert {r["key"] for r in by_lan["forbund"]} == {"Jämtlands län", "Västernorrlands län"}


def test_a_flow_one_part_did_not_report_is_unknown_for_the_whole_period(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    insats = api.insats()
    api.report(
        insats["id"],
        "2023H1",
        {
            "ended": {"women": 5, "men": 5},
            "volume_contacts": 100,
            "outcomes": {"work": {"women": 2, "men": 2}},
        },
    )
    api.report(insats["id"], "2023H2", {"outcomes": {"work": {"women": 4, "men": 4}}})
    result = summary(client, api, "2023")
    # H2 gave no avslutade and no volyminsatser: the year's are unknown, not H1's alone.
    assert result["measures"]["ended"] is None
    assert result["measures"]["volume_contacts"] is None
    assert result["measures"]["outcomes"]["work"]["total"] == 12
    assert result["shares"]["work_of_ended"] is None


def test_an_insats_that_started_mid_year_is_complete_with_the_halves_it_lived(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    insats = api.insats(start_date="2023-07-01")
    api.report(insats["id"], "2023H2", {"started": {"women": 3, "men": 4}})
    result = summary(client, api, "2023")
    assert result["complete"] is True
    assert result["measures"]["started"]["total"] == 7


def test_a_forbund_without_active_insatser_still_has_its_national_row(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    api.forbund("tomt")
    insats = api.insats("sundsvall")
    api.report(insats["id"], "2022", {"participants": {"women": 7, "men": 8}})
    national = client.get(
        "/api/v1/national/summary", params={"period": "2022"}, headers=api.admin
    ).json()
    rows = {r["key"]: r for r in national["forbund"]}
    assert set(rows) == {"sundsvall", "tomt"}
    assert (rows["tomt"]["insatser"], rows["tomt"]["measures"]["participants"]) == (0, None)


def test_rows_grouped_by_lan_are_under_lan_too(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    api.forbund("jamtland", lan="Jämtlands län")
    params = {"period": "2022"}
    by_forbund = client.get("/api/v1/national/summary", params=params, headers=api.admin).json()
    assert by_forbund["lan"] is None
    params["group_by"] = "lan"
    by_lan = client.get("/api/v1/national/summary", params=params, headers=api.admin).json()
    assert [r["key"] for r in by_lan["lan"]] == ["Jämtlands län", "Västernorrlands län"]
    assert by_lan["lan"] == by_lan["forbund"]


def test_a_series_of_a_category_path_carries_its_coverage_each_year(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    natverk = api.insats(name="Nätverk", kind="structural")["id"]
    api.insats(name="Forum", kind="structural")
    api.report(natverk, "2022", {"attendees": {"fk": 4, "other": 2}})
    response = client.get(
        "/api/v1/forbund/sundsvall/series",
        params={"measure": "attendees.fk", "from": "2021", "to": "2022"},
        headers=api.admin,
    )
    assert response.status_code == 200, response.text
    points = response.json()["points"]
    assert [(p["period"], p["total"], p["reported_by"], p["applies_to"]) for p in points] == [
        ("2021", None, 0, None),
        ("2022", 4, 1, 2),  # reported by 1 of the 2 structural insatser it applies to
    ]


def test_a_summary_splits_by_kon_only_when_every_insats_behind_it_did(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    split, total_only = api.insats(name="A"), api.insats(name="B")
    api.report(split["id"], "2023", {"participants": {"women": 3, "men": 4}})
    api.report(total_only["id"], "2023", {"participants": {"total": 10}})
    api.report(split["id"], "2024", {"participants": {"women": 5, "men": 1, "unspecified": 1}})

    both, one = summary(client, api, "2023"), summary(client, api, "2024")

    assert both["measures"]["participants"] == {
        "women": None,
        "men": None,
        "unspecified": None,
        "total": 17,
        "reported_by": 2,
        "applies_to": 2,
        "not_split_by": 1,
    }
    assert one["measures"]["participants"] == {
        "women": 5,
        "men": 1,
        "unspecified": 1,
        "total": 7,
        "reported_by": 1,
        "applies_to": 2,
        "not_split_by": 0,
    }
    response = client.get(
        "/api/v1/forbund/sundsvall/series",
        params={"measure": "participants", "from": "2023", "to": "2024"},
        headers=api.admin,
    )
    points = response.json()["points"]
    assert [(p["women"], p["total"], p["not_split_by"]) for p in points] == [
        (None, 17, 1),
        (5, 7, 0),
    ]


def test_a_year_from_a_split_half_and_an_unsplit_half_gives_the_total_alone(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    insats = api.insats()
    api.report(insats["id"], "2023H1", {"ended": {"women": 2, "men": 1}})
    api.report(insats["id"], "2023H2", {"ended": {"total": 4}})

    ended = summary(client, api, "2023")["measures"]["ended"]

    assert (ended["women"], ended["total"], ended["reported_by"]) == (None, 7, 1)
    assert ended["not_split_by"] == 1


def test_a_null_figure_says_why_in_summaries_and_series(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    individual = api.insats(name="A", not_applicable=["volume_contacts"])
    api.insats(name="B", kind="structural", not_applicable=["volume_contacts"])
    api.report(individual["id"], "2023H1", {"participants": gender(3, 4), "ended": gender(1, 1)})
    api.report(individual["id"], "2023H2", {"participants": gender(3, 4), "ended": gender(1, 2)})
    api.report(individual["id"], "2022", {"participants": gender(5, 5)})

    year = summary(client, api, "2023")
    whole = summary(client, api, "2022")

    assert year["measures"]["ended"]["total"] == 5
    assert year["missing"]["participants"] == "not_summable"  # a stock over halves
    assert year["missing"]["volume_contacts"] == "not_applicable"  # neither insats gives it
    assert year["missing"]["attendees"] == "not_reported"  # B could have, and did not
    assert "ended" not in year["missing"]
    assert whole["missing"]["ended"] == "not_reported"
    assert "participants" not in whole["missing"]
    response = client.get(
        "/api/v1/forbund/sundsvall/series",
        params={"measure": "participants", "from": "2021", "to": "2023"},
        headers=api.admin,
    )
    assert [p["missing"] for p in response.json()["points"]] == [
        "not_reported",
        None,
        "not_summable",
    ]
