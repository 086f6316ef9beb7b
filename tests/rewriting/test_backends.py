"""Neural backends run behind the same guard: a tiny random model and a stub HTTP server produce garbage, and the
guard must reject it (the rule-based text is used, with the reason reported)."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from poiju_nlp.rewriting import rewrite

TEXT = ("Opintojaksolla perehdytään lääkehoidon perusteisiin. Laajuus on 3 op. "
        "Kurssi järjestetään Kuopiossa 12.3.2027, ja se maksaa 150 euroa.")


def _tiny_tokenizer(folder):
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    trainer = trainers.WordLevelTrainer(special_tokens=["[UNK]", "[PAD]", "[EOS]"])
    tok.train_from_iterator([TEXT, "Kirjoita kurssikuvaus selkeällä yleiskielellä ja lyhyillä virkkeillä."],
                            trainer=trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", eos_token="[EOS]")
    fast.save_pretrained(folder)
    return fast


@pytest.mark.parametrize("kind", ["causal", "seq2seq"])
def test_tiny_random_hf_model_is_rejected_by_the_guard(tmp_path, kind):
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel, T5Config, T5ForConditionalGeneration

    torch.manual_seed(0)
    tok = _tiny_tokenizer(tmp_path)
    if kind == "causal":
        config = GPT2Config(vocab_size=len(tok), n_positions=512, n_embd=16, n_layer=1, n_head=2,
                            bos_token_id=2, eos_token_id=2, pad_token_id=1)
        model = GPT2LMHeadModel(config)
    else:
        config = T5Config(vocab_size=len(tok), d_model=16, d_ff=32, d_kv=8, num_layers=1, num_heads=2,
                          decoder_start_token_id=1, pad_token_id=1, eos_token_id=2)
        model = T5ForConditionalGeneration(config)
    model.save_pretrained(tmp_path)
    result = rewrite(TEXT, backend="hf", model_path=str(tmp_path), max_new_tokens=12)
    assert result.backend == "rules"
    assert any("hylättiin" in n for n in result.notes)
    assert result.rejected[-1]["rule"] == "neural:hf"
    assert "3 op" in result.rewrite or "3 opintopistettä" in result.rewrite
    assert result.checks["facts_preserved"]


class _Stub(BaseHTTPRequestHandler):
    answer = "Kurssi on kiva."

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        body = json.loads(self.rfile.read(length))
        assert body["messages"][0]["content"].count("Kurssikuvaus") == 1
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": self.answer}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def stub_server():
    server = HTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


def test_http_endpoint_garbage_is_rejected(stub_server):
    result = rewrite(TEXT, backend="http", url=stub_server)
    assert result.backend == "rules"
    note = next(n for n in result.notes if "hylättiin" in n)
    assert "tosiasioita" in note and "merkitys" in note
    assert "12.3.2027" in result.rewrite


def test_http_endpoint_good_answer_is_accepted(stub_server):
    _Stub.answer = TEXT.replace("Opintojaksolla perehdytään", "Kurssilla tutustut")
    try:
        result = rewrite(TEXT, backend="http", url=stub_server)
    finally:
        _Stub.answer = "Kurssi on kiva."
    assert result.backend == "http", result.notes
    assert result.rewrite.startswith("Kurssilla tutustut")


def test_unreachable_endpoint_falls_back_to_rules():
    result = rewrite(TEXT, backend="http", url="http://127.0.0.1:9/v1", timeout=2)
    assert result.backend == "rules"
    assert any("ei vastannut" in n for n in result.notes)
