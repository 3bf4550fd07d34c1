"""The resilience tests' stack: a PostgreSQL cluster of their own, migrated once into a template
database each test copies, a Redis of their own where a test asks for it, and gunicorn.

They use no Django test database: what they test runs in other processes, exactly as in
production, and they observe it from outside (HTTP, the e-mail files, SQL).
"""

import itertools

import pytest

from tests.resilience.stack import Gunicorn, PostgresCluster, RedisServer, environment, manage

TEMPLATE = "esit_template"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    cluster = PostgresCluster()
    cluster.start()
    try:
        cluster.create_database(TEMPLATE)
        env = environment(cluster.url(TEMPLATE), tmp_path_factory.mktemp("template") / "mail")
        manage("migrate", "--no-input", "-v", "0", env=env)
        manage("createcachetable", "-v", "0", env=env)  # the cache of a production without Redis
        manage("collectstatic", "--no-input", "-v", "0", env=env)
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def database(cluster) -> str:
    """A fresh, migrated database in the test's own cluster."""
    return cluster.create_database(f"esit_test_{next(_numbers)}", template=TEMPLATE)


@pytest.fixture
def mail(tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def serve():
    """serve(env, workers=2): gunicorn started with that environment, stopped after the test."""
    started = []

    def start(env, *, workers=2):
        web = Gunicorn(env, workers=workers)
        started.append(web)
        web.start()
        return web

    yield start
    for web in started:
        web.stop()
