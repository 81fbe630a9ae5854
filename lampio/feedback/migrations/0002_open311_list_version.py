# The Open311 list cache's version is MAX(updated_at) per municipality: one index probe.
# The table is new in this release, so building the index takes no noticeable lock.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="feedback",
            index=models.Index(fields=["municipality", "updated_at"], name="feedback_updated"),
        ),
    ]
