"""Uploaded files go to S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set, so
every web server sees the same files; local disk otherwise. Tested against moto's S3 server
on loopback, started and stopped by the test."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest

from .processes import run_python, setting

KEYS = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench-secret"}  # moto's


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3_server():
    port = free_port()
    moto = Path(sys.executable).with_name("moto_server")
    server = subprocess.Popen(  # noqa: S603 (moto's own script, loopback only)
        [str(moto), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_files_are_on_local_disk_by_default():
    assert setting("STORAGES['default']['BACKEND']").endswith("FileSystemStorage")


def test_an_upload_is_read_back_from_object_storage(s3_server):
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
    )
    s3.create_bucket(Bucket="esit-uploads")
    script = """
import django
django.setup()
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
name = default_storage.save("deliveries/çeviri.txt", ContentFile("Eşit İzmir".encode()))
print(type(default_storage._wrapped).__name__)
print(name)
print(default_storage.open(name).read().decode())
"""
    result = run_python(
        "-c",
        script,
        AWS_STORAGE_BUCKET_NAME="esit-uploads",
        AWS_S3_ENDPOINT_URL=s3_server,
        AWS_S3_REGION_NAME="us-east-1",
        **KEYS,
    )
    assert result.returncode == 0, result.stderr
    backend, name, content = result.stdout.strip().splitlines()
    assert backend == "S3Storage"
    assert content == "Eşit İzmir"
    stored = s3.get_object(Bucket="esit-uploads", Key=name)["Body"].read()
    assert stored.decode() == "Eşit İzmir"  # in the bucket, not on this disk
