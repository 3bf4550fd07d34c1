"""The production stack in processes of its own, on loopback, for the resilience tests.

A PostgreSQL cluster made for the test (initdb in a temporary folder, its own port: never the
shared server), a Redis server of its own, gunicorn with DJANGO_ENV=production and the task
worker, each stopped by the test's fixtures whatever happens.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path

import psycopg
import requests
from django.conf import settings

from tests.platform.processes import CONFIGURATION, ROOT


class StackError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, *, timeout: float, message: str, interval: float = 0.05):
    """Poll `condition` until it holds; no fixed sleeps, a busy machine is only slower."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise StackError(message)


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    initdb = Path(found[-1]) if found else shutil.which("initdb")
    if not initdb:
        raise StackError(
            "initdb is missing: install PostgreSQL's server (apt-get install postgresql)."
        )
    return Path(initdb).parent


def _version(path: str) -> int:
    return int(path.split("/")[4])


class PostgresCluster:
    """A cluster of our own. The server refuses to run as root, so as root it runs as the
    `postgres` system user, in a folder that user owns."""

    def __init__(self):
        self.bin = postgres_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="esit-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, *command: str, timeout: int = 120):
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        result = subprocess.run(  # noqa: S603 - PostgreSQL's own programs
            [*prefix, *command], capture_output=True, text=True, timeout=timeout, check=False
        )
        if result.returncode != 0:
            raise StackError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
        return result

    def start(self) -> None:
        if not self.data.exists():
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                      "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                  "-o", options, "-w", "-t", "120", "start")  # fmt: skip

    def stop(self) -> None:
        with suppress(StackError):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        """What a failover or an upgrade does: every connection is cut, the server comes back."""
        # -l again: a restarted server that was not told where to log writes to our pipe,
        # which would then never close.
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-m",
                  "fast", "-w", "-t", "120", "restart")  # fmt: skip

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(self.url(database), autocommit=True)

    def create_database(self, name: str, *, template: str | None = None) -> str:
        with self.connect() as connection:
            clause = f" TEMPLATE {template}" if template else ""
            connection.execute(f"CREATE DATABASE {name}{clause}")
        return name

    def count(self, database: str, query: str, *parameters) -> int:
        with self.connect(database) as connection:
            return connection.execute(query, parameters).fetchone()[0]

    def rows(self, database: str, query: str, *parameters) -> list[tuple]:
        with self.connect(database) as connection:
            return connection.execute(query, parameters).fetchall()


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        redis_server = shutil.which("redis-server")
        if not redis_server:
            raise StackError(
                "redis-server is missing: install Redis (apt-get install redis-server)."
            )
        self.process = subprocess.Popen(  # noqa: S603 - Redis itself
            [
                redis_server,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, timeout=30, message="Redis did not start.")

    def _answers(self) -> bool:
        return self.command("PING") == "+PONG"

    def command(self, name: str) -> str | None:
        """One inline command's one-line answer ("+PONG", ":3"), None when nobody answers."""
        with suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
            s.sendall(name.encode() + b"\r\n")
            return s.recv(64).decode().strip()
        return None

    def keys(self) -> int:
        answer = self.command("DBSIZE") or ":0"
        return int(answer.lstrip(":"))

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


def environment(database_url: str, mail: Path, **variables: str) -> dict[str, str]:
    """A production process's environment: DJANGO_ENV=production on loopback, e-mail to files."""
    values = {key: value for key, value in os.environ.items() if key not in CONFIGURATION}
    values.update(
        DJANGO_SETTINGS_MODULE="esit.settings",
        DJANGO_ENV="production",
        DEBUG="false",
        SECRET_KEY="a-long-random-secret-for-the-resilience-tests-only-0123456789abcdef",
        # The test process writes rows with its own settings' key: the same one.
        FIELD_ENCRYPTION_KEYS=",".join(settings.FIELD_ENCRYPTION_KEYS),
        LOOKUP_HASH_KEY=settings.LOOKUP_HASH_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="https://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        TRUSTED_PROXY_COUNT="1",
        DATABASE_URL=database_url,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail),
        MEDIA_ROOT=str(mail.parent / "media"),
    )
    values.update(variables)
    return values


def manage(*arguments: str, env: dict[str, str], timeout: int = 600) -> str:
    result = subprocess.run(  # noqa: S603 - this interpreter, our own manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise StackError(f"manage.py {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


class Gunicorn:
    """gunicorn serving the project on a port of its own."""

    def __init__(self, env: dict[str, str], *, workers: int = 2):
        self.port = free_port()
        self.env = env
        self.workers = workers
        self.log = Path(env["EMAIL_FILE_PATH"]).parent / f"gunicorn-{self.port}.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        # gunicorn's log and the application's (Django logs to stderr) in one file.
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "esit.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    str(self.workers),
                    "--error-logfile",
                    "-",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        wait_until(self._healthy, timeout=120, message=f"gunicorn did not start: {self.errors()}")

    def _healthy(self) -> bool:
        if self.process.poll() is not None:
            raise StackError(f"gunicorn stopped: {self.errors()}")
        with suppress(requests.RequestException):
            answer = requests.get(
                self.url + "/healthz", headers={"X-Forwarded-Proto": "https"}, timeout=5
            )
            return answer.status_code == 200
        return False

    def errors(self) -> str:
        return self.log.read_text() if self.log.exists() else "(no log)"

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
