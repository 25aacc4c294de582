"""Storage: interview tables, the database engine, repository functions, migrations."""

# diary_models registers the diary's tables on Base.metadata wherever the models are used.
from nightlegs.store import diary_models
from nightlegs.store.engine import make_engine, make_session_factory
from nightlegs.store.models import Base, Interview

__all__ = ["Base", "Interview", "diary_models", "make_engine", "make_session_factory"]
