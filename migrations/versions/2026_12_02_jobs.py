"""jobs: work too long for a request, run after a 202

Revision ID: 5d2f8a1c6e93
Revises: 9e4b1c7a2d58
Create Date: 2026-12-02 05:10:00

Publishing a release becomes a job; nothing existing changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


revision: str = '5d2f8a1c6e93'
down_revision: str | None = '9e4b1c7a2d58'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'jobs',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('params', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('state', sa.String(length=16), server_default='queued', nullable=False),
        sa.Column('result', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('created_by', sa.Uuid(), nullable=True),
        sa.Column(
            'created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False
        ),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "state IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_jobs_state_known')
        ),
        sa.ForeignKeyConstraint(
            ['created_by'], ['api_keys.id'], name=op.f('fk_jobs_created_by_api_keys')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs')),
    )
    op.create_index(
        'ix_jobs_unfinished',
        'jobs',
        ['created_at'],
        unique=False,
        postgresql_where="state IN ('queued', 'running')",
    )


def downgrade() -> None:
    op.drop_index('ix_jobs_unfinished', table_name='jobs', postgresql_where="state IN ('queued', 'running')")
    op.drop_table('jobs')
