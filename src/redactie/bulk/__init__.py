"""Changes across many documents (Qt-free): plan, confirm, apply, undo as a whole.

A plan lists every file and line that will change and writes nothing; applying it first checks that no file
has unsaved edits in the editor or changed on disk since the plan was made.
"""

from .apply import Journal, apply_plan, check, pending, undo
from .errors import BulkCancelled, BulkError, BulkRefused
from .plan import FileChange, LineChange, Plan
from .replace import Hit, find, plan_replace
from .values import field_def, holders, plan_label, plan_rename, plan_retire

__all__ = ["BulkCancelled", "BulkError", "BulkRefused", "FileChange", "Hit", "Journal", "LineChange", "Plan",
           "apply_plan", "check", "field_def", "find", "holders", "pending", "plan_label", "plan_rename",
           "plan_replace", "plan_retire", "undo"]
