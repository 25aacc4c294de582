"""The interview's pages: start, questions, the emergency interruption."""
