"""Every word the Python code shows a person is marked for translation.

The code is read as Python reads it (ast): a string literal or f-string holding a letter is
unmarked where it is a message (messages.*, message_user, a ValidationError, a refusal of the
workflow, intake, fetching or webhooks), a model's or a form's words (verbose_name, help_text,
label, a choice's label, a constraint's violation message) or an admin's (a column's or an
action's description, a filter's title, the site's header). Marked is a call of gettext and its
kin, with or without `%` after it, or format_lazy. What stays English is left out on purpose:
migrations (they copy the models' words), management commands (developer tools) and the API's
schema texts (help_text and description under claims/api/), as docs/languages.md says.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("claims", "webhooks", "factcheck")
NOT_READ = ("migrations", "management")
MARKERS = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
    "format_lazy",
}
# Calls whose first argument (or `message`) is said to a person.
MESSAGE_CALLS = {"success", "error", "warning", "info", "debug", "add_message", "message_user"}
REFUSALS = {
    "ValidationError",
    "WorkflowError",
    "NotAllowed",
    "InvalidTransition",
    "FourEyesViolation",
    "DeadlineBeforeArticle",
    "AlreadyImported",
    "IntakeError",
    "RefusedURL",
    "FetchFailed",
    "NotAnArticle",
    "TooLarge",
    "WebhookError",
    "ProtectedError",
    "PermissionDenied",
}
WORDS = {
    "verbose_name",
    "verbose_name_plural",
    "help_text",
    "label",
    "empty_label",
    "short_description",
    "description",
    "violation_error_message",
    "message",
    "default_detail",
    "title",
    "site_header",
    "site_title",
    "index_title",
}
# The API's schema is a document for developers, in English like the commands.
SCHEMA_WORDS = {"help_text", "description"}
CHOICES = {"TextChoices", "IntegerChoices", "Choices"}


def _has_letter(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(character.isalpha() for character in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_has_letter(part) for part in node.values)
    return False


def _called(node: ast.AST) -> str:
    func = node.func if isinstance(node, ast.Call) else None
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def unmarked_value(node: ast.AST | None) -> bool:
    """Whether `node` is text a person reads that no gettext call wraps."""
    if node is None:
        return False
    if isinstance(node, ast.BinOp):  # "…" % values, or a marked string % values
        return unmarked_value(node.left)
    if isinstance(node, ast.IfExp):
        return unmarked_value(node.body) or unmarked_value(node.orelse)
    if isinstance(node, ast.Dict):  # error_messages={...}, {"detail": ...}
        return any(unmarked_value(value) for value in node.values)
    return _has_letter(node)


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.schema = path.startswith("claims/api/")
        self.found: list[str] = []

    def _flag(self, node: ast.AST, what: str) -> None:
        self.found.append(f"{self.path}:{node.lineno} {what}")

    def _words(self, name: str) -> bool:
        return name in WORDS and not (self.schema and name in SCHEMA_WORDS)

    def visit_Call(self, node: ast.Call) -> None:
        called = _called(node)
        if called not in MARKERS:
            self._check_call(node, called)
        self.generic_visit(node)

    def _check_call(self, node: ast.Call, called: str) -> None:
        said = []
        if called in MESSAGE_CALLS and len(node.args) >= 2:
            said.append(node.args[1])
        if called in REFUSALS and node.args:
            said.append(node.args[0])
        if called.endswith("Field") and node.args:  # a model field's verbose name
            said.append(node.args[0])
        said += [
            keyword.value
            for keyword in node.keywords
            if keyword.arg and (self._words(keyword.arg) or keyword.arg == "error_messages")
        ]
        for value in said:
            if unmarked_value(value):
                self._flag(value, f"{called}(…) says unmarked text")

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if self._words(name) and unmarked_value(node.value):
                self._flag(node, f"{name} is unmarked text")
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        bases = {getattr(base, "attr", getattr(base, "id", "")) for base in node.bases}
        if bases & CHOICES:
            for item in node.body:
                value = item.value if isinstance(item, ast.Assign) else None
                labelled = isinstance(value, ast.Tuple) and len(value.elts) >= 2
                if labelled and unmarked_value(value.elts[-1]):
                    self._flag(item, f"{node.name}'s choice label is unmarked text")
        self.generic_visit(node)


def unmarked(source: str, path: str = "claims/example.py") -> list[str]:
    scanner = _Scanner(path)
    scanner.visit(ast.parse(source))
    return scanner.found


def modules() -> list[Path]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if not set(path.relative_to(ROOT).parts) & set(NOT_READ):
                found.append(path)
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_module_says_nothing_unmarked(path):
    relative = str(path.relative_to(ROOT))
    assert unmarked(path.read_text(), relative) == []


def test_the_scanner_finds_unmarked_words_and_passes_over_marked_ones():
    source = """
class Status(models.TextChoices):
    OPEN = "open", "open"
    SHUT = "shut", _("shut")

class Thing(models.Model):
    name = models.CharField("name", max_length=5)
    size = models.IntegerField(_("size"), help_text="How big.")

    class Meta:
        verbose_name = "thing"
        verbose_name_plural = _("things")

@admin.display(description="size")
def size(self, thing): ...

def act(self, request):
    messages.error(request, f"Refused: {error}")
    self.message_user(request, _("Done: %(thing)s") % {"thing": thing})
    raise WorkflowError(gettext("the claim is %(status)s") % {"status": status})
    raise WorkflowError("nobody may")
    raise WorkflowError(str(error))
    act.short_description = format_lazy("{}…", label)
    forms.CharField(error_messages={"required": "Say it."}, label=label)
    JsonResponse({"message": "—"})
"""
    assert [line.split(" ", 1)[0] for line in unmarked(source)] == [
        "claims/example.py:3",  # OPEN's label
        "claims/example.py:7",  # the field's verbose name
        "claims/example.py:8",  # its help text
        "claims/example.py:11",  # Meta.verbose_name
        "claims/example.py:14",  # the column's description
        "claims/example.py:18",  # messages.error's f-string
        "claims/example.py:21",  # a refusal's literal
        "claims/example.py:24",  # a form's error message
    ]


def test_the_apis_schema_texts_are_left_in_english_but_not_its_errors():
    source = """
detail = serializers.CharField(help_text="What went wrong.")
raise serializers.ValidationError({"deadline": "An overridden deadline needs a date."})
"""
    assert [line.split(" ", 1)[0] for line in unmarked(source, "claims/api/x.py")] == [
        "claims/api/x.py:3"
    ]
