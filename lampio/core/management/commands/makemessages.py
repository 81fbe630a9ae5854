from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """makemessages without msgmerge's fuzzy guesses.

    A fuzzy guess ("Created" → the translation of "created") reads as translated but is often
    wrong; every new string should arrive empty and be translated by a person.
    """

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
