"""Teachers, question sets, article owners and analysis status; the set a round plays.

Read after autogeneration: timestamps default to now() on both databases (autogenerate wrote SQLite's
CURRENT_TIMESTAMP); shipped articles keep no owner and an analysis status "done"; deleting a teacher keeps
the questions they wrote (author set to NULL) but removes their sets.

Revision ID: f62d25553044
Revises: e01ad3f6bec4
Create Date: 2026-11-22 19:45:53.827982

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f62d25553044'
down_revision = 'e01ad3f6bec4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('teachers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teachers')),
    sa.UniqueConstraint('email', name=op.f('uq_teachers_email'))
    )
    op.create_table('question_sets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.String(length=16), server_default='draft', nullable=False),
    sa.Column('default_seconds', sa.Integer(), server_default='30', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'published')", name=op.f('ck_question_sets_status')),
    sa.CheckConstraint('default_seconds BETWEEN 5 AND 600', name=op.f('ck_question_sets_default_seconds')),
    sa.ForeignKeyConstraint(['owner_id'], ['teachers.id'], name=op.f('fk_question_sets_owner_id_teachers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_sets'))
    )
    with op.batch_alter_table('question_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_sets_owner_id'), ['owner_id'], unique=False)

    op.create_table('set_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_set_questions_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['set_id'], ['question_sets.id'], name=op.f('fk_set_questions_set_id_question_sets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_set_questions')),
    sa.UniqueConstraint('set_id', 'position', name=op.f('uq_set_questions_set_id_position')),
    sa.UniqueConstraint('set_id', 'question_id', name=op.f('uq_set_questions_set_id_question_id'))
    )
    with op.batch_alter_table('set_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_set_questions_question_id'), ['question_id'], unique=False)

    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('published_on', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('analysis_status', sa.String(length=16), server_default='done', nullable=False))
        batch_op.add_column(sa.Column('analysis_error', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('highlights', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_articles_owner_id'), ['owner_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_articles_owner_id_teachers'), 'teachers', ['owner_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('author_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_questions_author_id_teachers'), 'teachers', ['author_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('set_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_rounds_set_id'), ['set_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_rounds_set_id_question_sets'), 'question_sets', ['set_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_rounds_set_id_question_sets'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_rounds_set_id'))
        batch_op.drop_column('set_id')

    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_questions_author_id_teachers'), type_='foreignkey')
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('author_id')

    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_articles_owner_id_teachers'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_articles_owner_id'))
        batch_op.drop_column('highlights')
        batch_op.drop_column('analysis_error')
        batch_op.drop_column('analysis_status')
        batch_op.drop_column('published_on')
        batch_op.drop_column('owner_id')

    with op.batch_alter_table('set_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_set_questions_question_id'))

    op.drop_table('set_questions')
    with op.batch_alter_table('question_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_sets_owner_id'))

    op.drop_table('question_sets')
    op.drop_table('teachers')
