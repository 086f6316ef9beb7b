"""The running app as other systems see it: every capability is a named gradio_client endpoint, and the pre-filled
examples give a result with one call. Also the --host/--auth options of app.py."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from app import parse_args
from tests.app_server import start_app, stop

# Every capability endpoint the issues ask for; the ones a colleague has not shipped yet are skipped.
ENDPOINTS = ["score", "analyze", "rewrite", "outcomes", "outcomes_check", "match", "credential_check",
             "credential_export"]


@pytest.fixture(scope="module")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


@pytest.fixture(scope="module")
def named(client) -> dict:
    return client.view_api(return_format="dict", print_info=False)["named_endpoints"]


@pytest.mark.slow
def test_port_follows_gradio_server_port(app_url):
    from tests.app_server import _app

    assert _app["proc"].args[-1] == "app.py"  # no --port given: the port came from GRADIO_SERVER_PORT
    assert app_url.startswith("http://127.0.0.1:")


@pytest.mark.slow
def test_score_endpoint_returns_highlight_and_summary(client):
    marked, summary, findings, sentences, download = client.predict(
        "Kurssin laajuus on 5 op, ja opiskelija kykenee implementoimaan uusia malleja.", api_name="/score")
    labelled = [seg["token"] for seg in marked if seg["class_or_confidence"]]
    assert "implementoimaan" in labelled and "op" in labelled
    assert "Selkeys" in summary
    assert findings["data"] and download.endswith(".json")
    report = json.load(open(download, encoding="utf-8"))
    assert 0 <= report["score"] <= 100 and "lix" in report["metrics"]


@pytest.mark.slow
def test_score_endpoint_bad_input_is_a_finnish_error(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="tyhjä"):
        client.predict("   ", api_name="/score")


@pytest.mark.slow
@pytest.mark.parametrize("name", ENDPOINTS)
def test_endpoint_works_with_the_prefilled_example(client, named, name):
    # Endpoint names are a contract (issue 7): other systems call them by name.
    assert f"/{name}" in named, f"/{name} is missing from the app's API"
    # The examples on the page, exactly as a first-time user sends them: fields left empty go as empty.
    args = [p.get("parameter_default") if p.get("parameter_has_default") else None
            for p in named[f"/{name}"]["parameters"]]
    result = client.predict(*args, api_name=f"/{name}")
    assert result is not None and result != "" and result != ()


def test_host_defaults_to_localhost_and_auth_is_repeatable():
    args = parse_args([])
    assert args.host == "127.0.0.1" and args.auth == []
    args = parse_args(["--host", "0.0.0.0", "--auth", "opettaja:salasana", "--auth", "arvioija:toinen"])
    assert args.host == "0.0.0.0" and args.auth == ["opettaja:salasana", "arvioija:toinen"]


@pytest.mark.slow
def test_auth_refuses_unauthenticated_requests():
    from gradio_client import Client

    proc, url = start_app("--auth", "opettaja:salainen-sana", log_name="auth")
    try:
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(url + "gradio_api/info", timeout=10)
        assert err.value.code in (401, 403)
        with pytest.raises(Exception):
            Client(url, verbose=False)
        with pytest.raises(Exception):
            Client(url, auth=("opettaja", "väärä"), verbose=False)
        info = Client(url, auth=("opettaja", "salainen-sana"), verbose=False).view_api(
            return_format="dict", print_info=False)
        assert "/score" in info["named_endpoints"]
    finally:
        stop(proc)


@pytest.mark.slow
def test_apply_edits_endpoint_returns_the_text_with_the_chosen_edits(client):
    text = "Opintojaksolla perehdytään ensiapuun. Laajuus on 3 op."
    outputs = client.predict(text, api_name="/rewrite")
    report = json.load(open(outputs[-1], encoding="utf-8"))
    edits = report["edits"]
    assert len(edits) >= 2
    every = client.predict(text, json.dumps(report, ensure_ascii=False),
                           ",".join(str(i) for i in range(len(edits))), api_name="/apply_edits")
    assert every == report["rewrite"]
    assert client.predict(text, json.dumps(edits, ensure_ascii=False), "", api_name="/apply_edits") == text
    first = client.predict(text, json.dumps(edits, ensure_ascii=False), "[0]", api_name="/apply_edits")
    assert first not in (text, report["rewrite"])
