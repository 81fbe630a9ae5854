"""Offline multilingual retrieval over the assistant's paraphrases: no Django in here, so the
evaluation and the benchmark exercise exactly what the product runs."""

from lampio.assistant.retrieval.types import Candidate, Decision, KnowledgeDoc

__all__ = ["Candidate", "Decision", "KnowledgeDoc"]
