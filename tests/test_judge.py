import json
import math
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest
import torch

from caa_lens.cli import main
from caa_lens.core.chat import chat_prompt
from caa_lens.evaluation.judge import (
    ANSWER_PREFIX,
    JUDGE_SUMMARY_COLUMNS,
    JUDGE_SYSTEM,
    SCORED_COLUMNS,
    HTTPJudge,
    Judge,
    JudgeError,
    LocalJudge,
    is_loopback,
    judge_prompt,
    judge_summary,
    parse_score,
    score_generations,
)
from caa_lens.evaluation.openended import GENERATION_COLUMNS
from caa_lens.plotting import judge_figure

RUBRIC = {"behavior": "t", "matching": "The answer is cheerful.", "score_0": "Gloomy.", "score_10": "Cheerful."}


def generations(n_items: int = 3, multipliers=(-1.0, 0.0, 1.0)) -> pd.DataFrame:
    rows = [
        {"behavior": "t", "layer": 1, "multiplier": m, "scale": "raw", "item": i, "question": f"Question {i}?",
         "reply": f"reply {i} at {m:g}", "seed": 0, "temperature": 0.0, "max_new_tokens": 8, "model": "tiny"}
        for i in range(n_items) for m in multipliers
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=list(GENERATION_COLUMNS))


class LengthJudge:
    """A stand-in judge: the score is the reply's multiplier shifted to 0-10."""

    name = "length"

    def score(self, behavior_rubric, question, reply):
        return 5.0 + float(reply.split(" at ")[1])


# -- local judge ---------------------------------------------------------------------------


def test_local_judge_is_the_expected_digit(tiny):
    judge = LocalJudge(tiny, batch_size=2)
    assert isinstance(judge, Judge) and judge.name.startswith("local:")
    scores, ids = judge.score_tokens()
    assert scores == list(range(10)) and len(set(ids)) == 10  # "10" is two tokens here
    questions, replies = ["Do you like cats?", "Tell me about the sea.", "Hi"], ["Yes!", "It is big and blue.", "Hello"]
    ours = judge.score_batch(RUBRIC, questions, replies)
    for q, r, got in zip(questions, replies, ours, strict=True):  # oracle: one full forward, no padding
        prompt = chat_prompt(
            tiny.tokenizer, judge_prompt(RUBRIC, q, r), fmt="template", system=JUDGE_SYSTEM, answer=ANSWER_PREFIX
        )
        with torch.no_grad():
            probs = torch.softmax(tiny(torch.tensor([prompt.ids]))[0, -1].float(), dim=-1)
        digits = probs[[tiny.tokenizer(str(d), add_special_tokens=False)["input_ids"][-1] for d in range(10)]]
        expected = float((digits / digits.sum()) @ torch.arange(10.0))
        assert got == pytest.approx(expected, abs=1e-4) and 0 <= got <= 9
    assert judge.score(RUBRIC, questions[1], replies[1]) == pytest.approx(ours[1], abs=1e-4)


def test_rubric_must_have_its_texts(tiny):
    with pytest.raises(ValueError, match="rubric lacks \\['score_10'\\]"):
        LocalJudge(tiny).score({"matching": "x", "score_0": "y"}, "q", "r")


# -- HTTP judge ----------------------------------------------------------------------------


class ChatHandler(BaseHTTPRequestHandler):
    """Speaks /v1/chat/completions; answers from the server's queue of (status, content)."""

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        status, content = self.server.answers.pop(0) if self.server.answers else (200, "Score: 5")
        if status in (301, 302, 307, 308):  # content: where to
            self.send_response(status)
            self.send_header("Location", content)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        payload = (
            {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
            if status == 200
            else {"error": f"boom; you sent {self.headers.get('Authorization')}"}  # some servers echo the key
        )
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ChatHandler)
    httpd.requests, httpd.answers = [], []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def http_judge(server, **kwargs) -> HTTPJudge:
    return HTTPJudge(f"http://127.0.0.1:{server.server_port}/v1/", "judge-model", timeout=5, backoff=0.01, **kwargs)


def test_http_judge_parses_the_score(server, monkeypatch):
    monkeypatch.setenv("TEST_JUDGE_KEY", "sekret")
    judge = http_judge(server, api_key_env="TEST_JUDGE_KEY")
    server.answers += [(200, "Score: 7"), (200, "Fine.\nScore: 10/10"), (200, " score: 0.")]
    assert [judge.score(RUBRIC, "q", "r") for _ in range(3)] == [7.0, 10.0, 0.0]
    request = server.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer sekret"
    assert request["body"]["model"] == "judge-model" and "Cheerful." in request["body"]["messages"][-1]["content"]
    assert isinstance(judge, Judge) and judge.name == "http:judge-model"


def test_http_judge_never_follows_a_redirect_with_the_key(server, monkeypatch):
    other = ThreadingHTTPServer(("127.0.0.1", 0), ChatHandler)
    other.requests, other.answers = [], []
    thread = threading.Thread(target=other.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("TEST_JUDGE_KEY", "sekret")
        server.answers.append((302, f"http://127.0.0.1:{other.server_port}/v1/chat/completions"))
        with pytest.raises(JudgeError, match="redirected \\(HTTP 302\\)"):
            http_judge(server, api_key_env="TEST_JUDGE_KEY").score(RUBRIC, "q", "r")
        assert other.requests == []  # neither the key nor the prompt reached the other host
    finally:
        other.shutdown()
        other.server_close()


def test_http_judge_refuses_plain_http_off_localhost_with_a_key(monkeypatch):
    monkeypatch.setenv("TEST_JUDGE_KEY", "sekret")
    with pytest.raises(ValueError, match="plain http to another machine"):
        HTTPJudge("http://judge.example.org/v1", "m", api_key_env="TEST_JUDGE_KEY")
    assert HTTPJudge("http://judge.example.org/v1", "m", api_key_env="TEST_JUDGE_KEY", allow_insecure=True)
    assert HTTPJudge("https://judge.example.org/v1", "m", api_key_env="TEST_JUDGE_KEY")
    monkeypatch.delenv("TEST_JUDGE_KEY")
    assert HTTPJudge("http://judge.example.org/v1", "m", api_key_env="TEST_JUDGE_KEY")  # no key, nothing to leak


def test_http_judge_retries_a_server_error(server):
    server.answers += [(500, ""), (200, "Score: 8")]
    assert http_judge(server, retries=2).score(RUBRIC, "q", "r") == 8.0
    assert len(server.requests) == 2


def test_http_judge_gives_up_and_does_not_retry_client_errors(server):
    server.answers += [(500, ""), (500, "")]
    with pytest.raises(JudgeError, match="after 2 attempts"):
        http_judge(server, retries=1).score(RUBRIC, "q", "r")
    server.answers += [(400, "")]
    with pytest.raises(JudgeError, match="HTTP 400"):
        http_judge(server, retries=3).score(RUBRIC, "q", "r")
    assert len(server.requests) == 3
    server.answers += [(200, "I would rather not say")]
    assert math.isnan(http_judge(server).score(RUBRIC, "q", "r"))  # unscored, not an error


def test_http_judge_unreachable_names_the_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again below: nothing listens there
    judge = HTTPJudge(f"http://127.0.0.1:{port}/v1", "m", timeout=2, retries=1, backoff=0.01)
    with pytest.raises(JudgeError, match=f"http://127.0.0.1:{port}/v1/chat/completions"):
        judge.score(RUBRIC, "q", "r")
    with pytest.raises(ValueError, match="http://"):
        HTTPJudge("localhost:8000", "m")


# -- scoring tables ------------------------------------------------------------------------


def test_score_generations_and_summary():
    frame = generations()
    scored = score_generations(LengthJudge(), frame, {"t": RUBRIC}, progress=False)
    assert list(scored.columns) == list(SCORED_COLUMNS) and (scored["judge"] == "length").all()
    assert scored["score"].tolist() == [5.0 + m for m in frame["multiplier"]]
    summary = judge_summary(scored)
    assert list(summary.columns) == list(JUDGE_SUMMARY_COLUMNS)
    assert summary["score"].tolist() == [4.0, 5.0, 6.0] and (summary["n_items"] == 3).all()
    assert (summary["score_sem"] == 0).all()
    with pytest.raises(ValueError, match="no rubric for behaviour 't'"):
        score_generations(LengthJudge(), frame, {"other": RUBRIC}, progress=False)
    fig = judge_figure(summary)
    assert len(fig.data) == 1 and list(fig.data[0].y) == [4.0, 5.0, 6.0]


def test_score_generations_with_batches_and_http(tiny, server):
    frame = generations(n_items=2, multipliers=(0.0, 1.0))
    local = score_generations(LocalJudge(tiny, batch_size=3), frame, RUBRIC, progress=False)
    single = [LocalJudge(tiny).score(RUBRIC, q, r) for q, r in zip(frame.question, frame.reply, strict=True)]
    assert local["score"].tolist() == pytest.approx(single, abs=1e-4)
    server.answers += [(200, f"Score: {i}") for i in range(4)]
    remote = score_generations(http_judge(server), frame, RUBRIC, progress=False)
    assert remote["score"].tolist() == [0.0, 1.0, 2.0, 3.0] and (remote["judge"] == "http:judge-model").all()


def test_cli_judge_local_and_unreachable(tiny_dir, tmp_path, capsys):
    gens, rubric, out = tmp_path / "gens.jsonl", tmp_path / "rubric.json", tmp_path / "scored.csv"
    frame = generations(n_items=2, multipliers=(0.0, 1.0))
    gens.write_text("".join(json.dumps(r) + "\n" for r in frame.to_dict("records")))
    rubric.write_text(json.dumps(RUBRIC))
    args = ["judge", "--generations", str(gens), "--rubric", str(rubric), "--out", str(out)]
    assert main([*args, "--model", str(tiny_dir)]) == 0
    scored = pd.read_csv(out)
    assert len(scored) == 4 and scored["score"].between(0, 10).all() and "wrote" in capsys.readouterr().out
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    assert main([*args, "--judge", "http", "--judge-model", "m", "--base-url", url, "--retries", "0"]) == 2
    assert f"{url}/chat/completions" in capsys.readouterr().err


def test_the_api_key_never_reaches_outputs_or_messages(server, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TEST_JUDGE_KEY", "sekret-key-123")
    gens, rubric, out = tmp_path / "gens.jsonl", tmp_path / "rubric.json", tmp_path / "scored.csv"
    gens.write_text("".join(json.dumps(r) + "\n" for r in generations(n_items=2).to_dict("records")))
    rubric.write_text(json.dumps(RUBRIC))
    url = f"http://127.0.0.1:{server.server_port}/v1"

    def args(target):
        return [str(a) for a in ["judge", "--generations", gens, "--rubric", rubric, "--out", target, "--judge", "http",
                "--judge-model", "m", "--base-url", url, "--api-key-env", "TEST_JUDGE_KEY", "--retries", "0"]]  # fmt: skip

    assert main(args(out)) == 0
    server.answers += [(400, "")]  # a refused request: its error message must not carry the key either
    assert main(args(tmp_path / "again.csv")) == 2
    captured = capsys.readouterr()
    assert server.requests[0]["auth"] == "Bearer sekret-key-123"  # it was sent, to the endpoint only
    for text in (out.read_text(), captured.out, captured.err):
        assert "sekret-key-123" not in text


# -- hostile input: scores, hosts, keys, slow servers ----------------------------------------

SCORE_REPLIES = {
    "Score: 7": 7.0,
    "The answer is upbeat.\nScore: 8": 8.0,
    "**Score:** 9": 9.0,
    "Score: 10/10": 10.0,
    "On a scale of 0 to 10, I'd give it 8.": None,  # prose, no score line
    "-3": None,
    "Score: -3": None,
    "7.9": None,
    "Score: 7.9": None,
    "Score: 11": None,
    "Score: 3\nScore: 4": None,  # ambiguous
    "Score: 6\nbut maybe less": None,  # the score is not the last line
    "7": None,  # a bare number is not the format asked for
    "": None,
}


@pytest.mark.parametrize("reply", sorted(SCORE_REPLIES))
def test_only_one_explicit_score_line_is_read(reply):
    expected = SCORE_REPLIES[reply]
    got = parse_score(reply)
    assert math.isnan(got) if expected is None else got == expected, (reply, got)


@pytest.mark.parametrize("content", [None, 7, 7.0, ["Score: 7"], {"score": 7}])
def test_non_text_content_is_unscored(server, content):
    server.answers.append((200, content))
    assert math.isnan(http_judge(server).score(RUBRIC, "q", "r"))


def test_unscored_replies_are_counted_in_the_summary(server):
    frame = generations(n_items=2, multipliers=(0.0, 1.0))
    server.answers += [(200, "Score: 4"), (200, "I'd give it 8."), (200, None), (200, "Score: 6")]
    scored = score_generations(http_judge(server), frame, RUBRIC, progress=False)
    assert scored["score"].isna().tolist() == [False, True, True, False]
    summary = judge_summary(scored)
    assert list(summary.columns) == list(JUDGE_SUMMARY_COLUMNS)
    assert summary["n_unscored"].tolist() == [1, 1] and summary["n_items"].tolist() == [1, 1]
    assert summary["score"].tolist() == [4.0, 6.0]


@pytest.mark.parametrize(
    "host, loopback",
    [("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("127.evil.example", False), ("127.0.0.1.nip.io", False), ("localhost.evil.example", False),
     ("example.org", False), ("10.0.0.1", False)],
)  # fmt: skip
def test_loopback_is_decided_from_the_parsed_address(host, loopback, monkeypatch):
    assert is_loopback(host) is loopback
    monkeypatch.setenv("TEST_JUDGE_KEY", "sekret")
    url = f"http://{'[' + host + ']' if ':' in host and not host.startswith('[') else host}:8000/v1"
    if loopback:
        assert HTTPJudge(url, "m", api_key_env="TEST_JUDGE_KEY")
    else:
        with pytest.raises(ValueError, match="plain http to another machine"):
            HTTPJudge(url, "m", api_key_env="TEST_JUDGE_KEY")


def test_credentials_in_the_url_are_refused_and_never_printed(server, tmp_path, capsys):
    gens, out = tmp_path / "gens.jsonl", tmp_path / "scored.csv"
    gens.write_text("".join(json.dumps(r) + "\n" for r in generations(n_items=1).to_dict("records")))
    url = f"http://user:SECRET-PASS@127.0.0.1:{server.server_port}/v1"
    with pytest.raises(ValueError, match="carries credentials") as caught:
        HTTPJudge(url, "m")
    assert "SECRET-PASS" not in str(caught.value)
    args = ["judge", "--generations", gens, "--rubric", tmp_path / "r.json", "--out", out, "--judge", "http"]
    (tmp_path / "r.json").write_text(json.dumps(RUBRIC))
    code = main([str(a) for a in [*args, "--judge-model", "m", "--base-url", url]])
    err = capsys.readouterr().err
    assert code == 2 and "carries credentials" in err and "SECRET-PASS" not in err
    assert server.requests == [] and not out.exists()


def test_the_key_is_stripped_checked_and_redacted(server, monkeypatch):
    monkeypatch.setenv("TEST_JUDGE_KEY", "sekret-key-123\n")
    judge = http_judge(server, api_key_env="TEST_JUDGE_KEY")
    server.answers.append((200, "Score: 5"))
    assert judge.score(RUBRIC, "q", "r") == 5.0
    assert server.requests[-1]["auth"] == "Bearer sekret-key-123"  # the newline is not part of the key
    server.answers.append((401, ""))  # the server echoes the key in its error body
    with pytest.raises(JudgeError, match="HTTP 401") as caught:
        judge.score(RUBRIC, "q", "r")
    assert "sekret-key-123" not in str(caught.value) and "[redacted]" in str(caught.value)
    monkeypatch.setenv("TEST_JUDGE_KEY", "sek\x1bret-key-123")
    with pytest.raises(ValueError, match="U\\+001B") as caught:
        http_judge(server, api_key_env="TEST_JUDGE_KEY")
    assert "sek" not in str(caught.value).replace("seconds", "")


def _drip_server(stop: threading.Event) -> socket.socket:
    """A server that answers headers at once, then one byte of the body every 0.2 s."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)

    def serve():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n")
                for _ in range(200):
                    if stop.wait(0.2):
                        break
                    try:
                        conn.sendall(b" ")
                    except OSError:
                        break

    threading.Thread(target=serve, daemon=True).start()
    return listener


def test_the_timeout_is_a_deadline_for_the_whole_request():
    stop = threading.Event()
    listener = _drip_server(stop)
    try:
        judge = HTTPJudge(f"http://127.0.0.1:{listener.getsockname()[1]}/v1", "m", timeout=1, retries=0)
        start = time.monotonic()
        with pytest.raises(JudgeError, match="within 1 s"):
            judge.score(RUBRIC, "q", "r")
        assert time.monotonic() - start < 3  # each byte comes within the timeout; the whole answer never does
    finally:
        stop.set()
        listener.close()
