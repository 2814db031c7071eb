"""S3-compatible object storage behind the service's :class:`~.storage.BlobStore` interface.

Chosen by ``OCOP_STORAGE_URL=s3://bucket/prefix?endpoint=https://…&region=…`` (MinIO,
Ceph, a cloud's S3); credentials come the usual boto3 way (``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, an instance role), never from the URL. Keys are
``prefix/ab/cd/<sha256>`` as in the local folder. A blob is written once under its digest,
so an upload that is retried or done twice by two workers writes the same bytes: objects
are never half-written (S3 makes an object visible only when its upload completed).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qs, urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from ocop_docs.service.storage import CHUNK, file_digest

_MISSING = ("404", "NoSuchKey", "NotFound")


def _check(digest: str) -> str:
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"not a SHA-256 digest: {digest!r}")
    return digest


class S3Store:
    """Bytes by their SHA-256 in one bucket (created when missing)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise ValueError(f"not an s3:// URL: {url!r}")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.bucket = parts.netloc
        self.prefix = parts.path.strip("/")
        self.client: Any = boto3.client(
            "s3",
            endpoint_url=query.get("endpoint"),
            region_name=query.get("region", "us-east-1"),
            config=Config(retries={"max_attempts": 5, "mode": "standard"}),
        )
        self._ensure_bucket()

    def _ensure_bucket(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as exc:
            if str(exc.response.get("Error", {}).get("Code")) not in _MISSING:
                raise
            self.client.create_bucket(Bucket=self.bucket)

    def _key(self, digest: str) -> str:
        d = _check(digest)
        rel = f"{d[:2]}/{d[2:4]}/{d}"
        return f"{self.prefix}/{rel}" if self.prefix else rel

    def exists(self, digest: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(digest))
        except ClientError as exc:
            if str(exc.response.get("Error", {}).get("Code")) in _MISSING:
                return False
            raise
        return True

    def put_file(self, path: Path) -> tuple[str, int]:
        digest, size = file_digest(path)
        if not self.exists(digest):
            self.client.upload_file(str(path), self.bucket, self._key(digest))
        return digest, size

    def put_bytes(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        if not self.exists(digest):
            self.client.put_object(Bucket=self.bucket, Key=self._key(digest), Body=data)
        return digest

    def open(self, digest: str) -> BinaryIO:
        body = self.client.get_object(Bucket=self.bucket, Key=self._key(digest))["Body"]
        buffer = io.BytesIO()
        while chunk := body.read(CHUNK):
            buffer.write(chunk)
        buffer.seek(0)
        return buffer

    def read(self, digest: str) -> bytes:
        with self.open(digest) as f:
            return f.read()

    def copy_to(self, digest: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.client.download_file(self.bucket, self._key(digest), str(target))

    def delete(self, digest: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(digest))

    def writable(self) -> bool:
        try:
            self.put_bytes(b"")
        except (BotoCoreError, ClientError):
            return False
        return True
