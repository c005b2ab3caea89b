"""Content schema: document types, fields, vocabularies (Qt-free)."""

from .loader import SchemaError, load_schema, parse_schema
from .model import KINDS, SCHEMA_FILE, DocType, FieldDef, Schema, Text, Vocabulary

__all__ = ["KINDS", "SCHEMA_FILE", "DocType", "FieldDef", "Schema", "SchemaError", "Text", "Vocabulary",
           "load_schema", "parse_schema"]
