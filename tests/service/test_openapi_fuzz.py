"""A bounded property-based run of the OpenAPI with schemathesis: no answer is a 500.

Bounded in examples (and by hypothesis's deadline-free settings, in time): each operation
gets a few dozen generated requests, uploads included, through the ASGI app in-process.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from ocop_docs.service.app import create_app
from ocop_docs.service.settings import Settings

DATA = Path(tempfile.mkdtemp(prefix="ocop-fuzz-"))
app = create_app(Settings(data_dir=DATA, workers=2, max_upload=2 * 1024 * 1024))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> Iterator[None]:
    yield None
    app.state.runtime.close()
    shutil.rmtree(DATA, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_500(case: schemathesis.Case) -> None:
    response = case.call_and_validate(checks=[not_a_server_error])
    assert "Traceback" not in response.text
