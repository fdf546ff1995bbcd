"""What the outage tests share: the production task backend (a task enqueued is a row in the
database) and a database that goes away the moment a given row's transaction commits."""

from django.db import transaction
from django.db.utils import OperationalError

PRODUCTION_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class DatabaseGoneAfterCommit:
    """Every query after the transaction that inserted into `table` committed fails, as when the
    database went away at that moment. Install with `connection.execute_wrapper(...)`."""

    def __init__(self, table):
        self.insert = f'INSERT INTO "{table}"'
        self.gone = False
        self.refused = []

    def __call__(self, execute, sql, params, many, context):
        if self.gone:
            self.refused.append(sql)
            raise OperationalError("server closed the connection unexpectedly")
        if sql.startswith(self.insert):
            transaction.on_commit(self.go_away)
        return execute(sql, params, many, context)

    def go_away(self):
        self.gone = True
