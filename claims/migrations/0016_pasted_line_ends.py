"""Pasted articles are kept and compared with plain line ends (claims.intake.pasted_text): the
imports pasted in a browser (CRLF) get the hash that the same text from a file or the API gets."""

import hashlib

from django.db import migrations


def _pasted_text(content: str) -> str:
    return "\n".join(line.rstrip() for line in content.splitlines()).strip()


def rehash(apps, schema_editor) -> None:
    ArticleImport = apps.get_model("claims", "ArticleImport")
    for row in ArticleImport.objects.exclude(pasted="").only("pk", "pasted").iterator():
        text = _pasted_text(row.pasted)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        ArticleImport.objects.filter(pk=row.pk).update(pasted=text, content_hash=digest)


class Migration(migrations.Migration):
    dependencies = [("claims", "0015_link_checks")]

    operations = [migrations.RunPython(rehash, migrations.RunPython.noop)]
