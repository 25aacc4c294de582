"""Storage: interview tables, the database engine, repository functions, migrations."""

from nightlegs.store.engine import make_engine, make_session_factory
from nightlegs.store.models import Base, Interview

__all__ = ["Base", "Interview", "make_engine", "make_session_factory"]
