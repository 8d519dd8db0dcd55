"""Classroom games: a set played live or as homework, its questions, players and answers.

Read after autogeneration: every constraint is named by the naming convention; the join code is a nullable
unique column (cleared when a game ends, NULLs never collide, on SQLite and PostgreSQL alike); an answer's
(game_id, question_id) must be a question of that game, and a player answers a question once.

Revision ID: 99fe1eed754b
Revises: f62d25553044
Create Date: 2026-11-22 19:47:21.722166

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '99fe1eed754b'
down_revision = 'f62d25553044'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('games',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=True),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=6), nullable=True),
    sa.Column('deadline', sa.DateTime(), nullable=True),
    sa.Column('speed_bonus', sa.Boolean(), nullable=False),
    sa.Column('seconds_per_question', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('current_position', sa.Integer(), nullable=False),
    sa.Column('question_opened_at', sa.DateTime(), nullable=True),
    sa.Column('closes_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("mode IN ('live', 'homework')", name=op.f('ck_games_mode')),
    sa.CheckConstraint("state IN ('lobby', 'question', 'reveal', 'finished')", name=op.f('ck_games_state')),
    sa.CheckConstraint('seconds_per_question BETWEEN 5 AND 600', name=op.f('ck_games_seconds_per_question')),
    sa.ForeignKeyConstraint(['set_id'], ['question_sets.id'], name=op.f('fk_games_set_id_question_sets'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['teacher_id'], ['teachers.id'], name=op.f('fk_games_teacher_id_teachers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_games')),
    sa.UniqueConstraint('code', name=op.f('uq_games_code'))
    )
    with op.batch_alter_table('games', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_games_set_id'), ['set_id'], unique=False)
        batch_op.create_index('ix_games_teacher_id_created_at', ['teacher_id', 'created_at'], unique=False)

    op.create_table('game_players',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('game_id', sa.Integer(), nullable=False),
    sa.Column('nickname', sa.String(length=24), nullable=False),
    sa.Column('nickname_key', sa.String(length=48), nullable=False),
    sa.Column('token', sa.String(length=43), nullable=False),
    sa.Column('note', sa.String(length=200), server_default='', nullable=False),
    sa.Column('joined_at', sa.DateTime(), nullable=False),
    sa.Column('removed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['game_id'], ['games.id'], name=op.f('fk_game_players_game_id_games'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_game_players')),
    sa.UniqueConstraint('game_id', 'nickname_key', name=op.f('uq_game_players_game_id_nickname_key')),
    sa.UniqueConstraint('token', name=op.f('uq_game_players_token'))
    )
    op.create_table('game_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('game_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['game_id'], ['games.id'], name=op.f('fk_game_questions_game_id_games'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_game_questions_question_id_questions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_game_questions')),
    sa.UniqueConstraint('game_id', 'position', name=op.f('uq_game_questions_game_id_position')),
    sa.UniqueConstraint('game_id', 'question_id', name=op.f('uq_game_questions_game_id_question_id'))
    )
    op.create_table('game_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('game_id', sa.Integer(), nullable=False),
    sa.Column('player_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('choice_id', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('speed_bonus', sa.Integer(), server_default='0', nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['choice_id'], ['choices.id'], name=op.f('fk_game_answers_choice_id_choices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['game_id', 'question_id'], ['game_questions.game_id', 'game_questions.question_id'], name='fk_game_answers_game_question', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['game_id'], ['games.id'], name=op.f('fk_game_answers_game_id_games'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['player_id'], ['game_players.id'], name=op.f('fk_game_answers_player_id_game_players'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_game_answers_question_id_questions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_game_answers')),
    sa.UniqueConstraint('player_id', 'question_id', name=op.f('uq_game_answers_player_id_question_id'))
    )
    with op.batch_alter_table('game_answers', schema=None) as batch_op:
        batch_op.create_index('ix_game_answers_game_id_question_id', ['game_id', 'question_id'], unique=False)



def downgrade():
    with op.batch_alter_table('game_answers', schema=None) as batch_op:
        batch_op.drop_index('ix_game_answers_game_id_question_id')

    op.drop_table('game_answers')
    op.drop_table('game_questions')
    op.drop_table('game_players')
    with op.batch_alter_table('games', schema=None) as batch_op:
        batch_op.drop_index('ix_games_teacher_id_created_at')
        batch_op.drop_index(batch_op.f('ix_games_set_id'))

    op.drop_table('games')
