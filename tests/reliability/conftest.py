import pytest

from tests.app_server import running_app


@pytest.fixture(scope="session")
def app_url() -> str:
    return running_app()
