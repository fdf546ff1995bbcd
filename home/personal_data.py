"""The registry of personal data, so that privacy requests reach every app that holds some.

An app that stores personal data registers a handler with the `register_personal_data` hook
(the way WordPress registers personal-data exporters and erasers):

    @hooks.register("register_personal_data")
    def creators_personal_data():
        return PersonalDataHandler(
            name="creators",
            models=[Creator, Entry, Consent],
            export=export_for_email,   # email -> {"table name": [row dict, ...]}
            erase=erase_for_email,     # email -> number of records erased or anonymised
            suspend=suspend_for_email, # email -> number of records whose use was suspended
        )

Privacy requests (privacy_requests) call every registered handler and never import these apps.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail import hooks


@dataclass(frozen=True)
class PersonalDataHandler:
    name: str
    models: list = field(default_factory=list)
    export: Callable[[str], dict] = lambda email: {}
    erase: Callable[[str], int] = lambda email: 0
    suspend: Callable[[str], int] = lambda email: 0
    # Optional: email -> [(label, admin url)] where an officer corrects the data by hand.
    correction_links: Callable[[str], list] = lambda email: []


def personal_data_handlers():
    return [register() for register in hooks.get_hooks("register_personal_data")]


def covered_models():
    return {model for handler in personal_data_handlers() for model in handler.models}
