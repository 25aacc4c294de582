"""The clinical knowledge base: versioned YAML with sources, compiled for the engine."""

from nightlegs.knowledge.compiled import KnowledgeBase
from nightlegs.knowledge.loader import default_kb_dir, load_kb
from nightlegs.knowledge.yaml_source import Issue, KnowledgeBaseError

__all__ = ["Issue", "KnowledgeBase", "KnowledgeBaseError", "default_kb_dir", "load_kb"]
