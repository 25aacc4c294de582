"""nightlegs: an explainable assessment service for night leg discomfort."""

__version__ = "0.1.0"
