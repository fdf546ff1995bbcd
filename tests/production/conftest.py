import shutil

import pytest

from home import ratelimit
from tests.creators.conftest import (  # noqa: F401  the creators' fixtures, reused here
    creators_index_ja,
    entry_page_ja,
    make_profile,
    policy_page_ja,
    policy_version_ja,
)

from .servers import RedisServer


@pytest.fixture
def own_redis(tmp_path, settings):
    """The site's cache on a redis-server of this test's own, which the test may stop."""
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server (Debian package redis-server)")
    server = RedisServer(tmp_path)
    server.start()
    backend = {"BACKEND": "home.resilient_cache.RedisCache", "LOCATION": server.url}
    settings.CACHES = {
        "default": {**backend, "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}},
        "renditions": {**backend, "KEY_PREFIX": "renditions"},
    }
    settings.CACHE_RETRY_SECONDS = 0  # try Redis again on every call: the tests wait for nothing
    ratelimit.process_counts.clear()
    yield server
    server.close()
