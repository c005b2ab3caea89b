"""Validation of documents against the schema, mirroring the content repository's own CI (Qt-free)."""

from .findings import ERROR, INFO, MESSAGES, WARNING, Finding
from .rules import check_document, check_parsed, validate_repository
from .suggest import suggest

__all__ = ["ERROR", "INFO", "MESSAGES", "WARNING", "Finding", "check_document", "check_parsed", "suggest",
           "validate_repository"]
