"""stored totals of counts by kön: a count may be given as its total alone (kön ej uppdelat)

Revision ID: 7a1e5d3c9b20
Revises: 3b9d2c7e4f10
Create Date: 2026-12-02 02:00:00

Every stored count by kön gets its total as a fact of its own (gender 'total'), so that a
count given without a split can be stored as that total and nothing else, and sums find every
insats's total in one place. Existing data keeps its meaning: each split count's total is the
sum of its women, men and unspecified.
"""

from collections.abc import Sequence

from alembic import op


revision: str = '7a1e5d3c9b20'
down_revision: str | None = '3b9d2c7e4f10'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        """
        INSERT INTO report_facts (report_id, measure, category, gender, value)
        SELECT report_id, measure, category, 'total', sum(value)
        FROM report_facts
        WHERE gender IN ('women', 'men', 'unspecified')
        GROUP BY report_id, measure, category
        ON CONFLICT DO NOTHING
        """
    )


def downgrade() -> None:
    # A total given alone had no place before: it becomes "kön ej angivet", its closest
    # earlier meaning; totals beside a split are dropped.
    op.execute(
        """
        INSERT INTO report_facts (report_id, measure, category, gender, value)
        SELECT t.report_id, t.measure, t.category, g.gender,
               CASE WHEN g.gender = 'unspecified' THEN t.value ELSE 0 END
        FROM report_facts t
        CROSS JOIN (VALUES ('women'), ('men'), ('unspecified')) AS g(gender)
        WHERE t.gender = 'total' AND NOT EXISTS (
            SELECT 1 FROM report_facts s
            WHERE s.report_id = t.report_id AND s.measure = t.measure
              AND s.category = t.category AND s.gender = 'women')
        """
    )
    op.execute("DELETE FROM report_facts WHERE gender = 'total'")
