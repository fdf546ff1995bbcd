"""Renditions are made by a task when an image is uploaded or a page is published, with exactly
the specs the templates use, so that a visitor's request finds them made."""

import re
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from home.renditions import RENDITION_PATTERNS, RENDITION_SPECS, make_renditions
from tests.works.factories import ImageFactory, WorkPageFactory, WorksIndexPageFactory

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
TAG = re.compile(r"\{%\s*(?:picture|srcset_image|image)\s+\S+\s+(.*?)%\}", re.S)
SPEC = re.compile(r"^(?:fill|width|height|max|min|format|original|scale|fill)[-\w{},x]*$")


def template_patterns():
    patterns = set()
    for path in TEMPLATES.rglob("*.html"):
        for arguments in TAG.findall(path.read_text()):
            specs = [bit for bit in arguments.split() if SPEC.match(bit)]
            if specs:
                patterns.add("|".join(specs))
    return patterns


def renditions_of(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_every_spec_a_template_uses_is_made_in_advance():
    patterns = template_patterns()
    assert patterns, "no image tag found in templates/"
    missing = {spec for pattern in patterns for spec in Filter.expand_spec(pattern)} - set(
        RENDITION_SPECS
    )
    assert not missing, f"add these template specs to RENDITION_PATTERNS: {sorted(missing)}"
    assert len(RENDITION_PATTERNS) == len(set(RENDITION_PATTERNS))


@pytest.mark.django_db
def test_an_upload_gets_every_rendition_from_a_task_after_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = ImageFactory()
    assert renditions_of(image) == set()  # nothing made inside the upload's transaction
    for callback in callbacks:
        callback()
    assert renditions_of(image) == set(RENDITION_SPECS)


@pytest.mark.django_db
def test_a_published_page_gets_the_renditions_of_its_images_so_the_visit_makes_none(
    client, site, django_capture_on_commit_callbacks
):
    works_index = WorksIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)
    image = ImageFactory()  # stored earlier, without renditions
    with django_capture_on_commit_callbacks(execute=True):
        work = WorkPageFactory(parent=works_index, poster=image, live=False)
        work.save_revision().publish()
    assert renditions_of(image) == set(RENDITION_SPECS)
    count = get_image_model().get_rendition_model().objects.count()
    assert client.get(work.url).status_code == 200
    assert get_image_model().get_rendition_model().objects.count() == count  # none made now


@pytest.mark.django_db
def test_an_upload_and_a_publish_stand_when_the_queue_is_gone_after_their_commit(
    client, site, django_capture_on_commit_callbacks, caplog
):
    works_index = WorksIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)
    queue = type(make_renditions.get_backend())
    enqueue = queue.enqueue

    def gone_for_renditions(self, task, args, kwargs):  # after the commit, the queue is gone
        if task is make_renditions:
            raise OperationalError("the task queue's database went away")
        return enqueue(self, task, args, kwargs)

    with mock.patch.object(queue, "enqueue", gone_for_renditions):
        with django_capture_on_commit_callbacks(execute=True):
            image = ImageFactory()
        with django_capture_on_commit_callbacks(execute=True):
            work = WorkPageFactory(parent=works_index, poster=image, live=False)
            work.save_revision().publish()
    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert renditions_of(image) == set()  # the task never ran
    work.refresh_from_db()
    assert work.live
    assert "went away" in caplog.text  # logged, not raised
    assert client.get(work.url).status_code == 200  # the visit makes what the task could not
    assert "format-webp|fill-800x450" in renditions_of(image)  # the poster's, made by the visit
