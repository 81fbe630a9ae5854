"""Staff pages of the assistant's words (concepts and other services) under
/<lang>/staff/<municipality>/<organisation>/assistant/words/."""

from django.urls import path

from lampio.assistant import staff_views_lexicon as views

app_name = "assistant_lexicon"

WORDS = "<slug:municipality>/<slug:organisation>/assistant/words"
CONCEPT = f"{WORDS}/<slug:concept_key>"

urlpatterns = [
    path(f"{WORDS}/", views.concepts, name="concepts"),
    path(f"{WORDS}/new/", views.concept_new, name="concept_new"),
    path(f"{CONCEPT}/edit/", views.concept_edit, name="concept_edit"),
    path(f"{CONCEPT}/delete/", views.concept_delete, name="concept_delete"),
]
