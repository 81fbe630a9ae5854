"""Staff feedback handling under /<lang>/staff/<municipality>/<organisation>/feedback/."""

app_name = "feedback_staff"

urlpatterns: list = []
