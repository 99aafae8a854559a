#!/usr/bin/env python3
"""End-to-end test through a real chat gateway: websocketd in front of `mus-coach serve`.

Starts websocketd on 127.0.0.1 twice - once with `serve --plain`, once with `serve` - and holds a
conversation over each with the `websockets` client, the way a web chat would. Exits 1 with the
reason on the first failure.

Usage: websocket_gateway.py PROGRAM DIALOGUES STORE
"""
import json
import os
import socket
import subprocess
import sys
import time

from websockets.sync.client import connect


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fail(reason):
    print(f"FAIL: {reason}")
    sys.exit(1)


class Gateway:
    """websocketd serving one mus-coach command line."""

    def __init__(self, command):
        self.port = free_port()
        self.process = subprocess.Popen(
            ["websocketd", "--address=127.0.0.1", f"--port={self.port}", "--loglevel=error", *command],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        fail("websocketd did not start listening")

    def connect(self):
        return connect(f"ws://127.0.0.1:{self.port}/", open_timeout=10)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def receive_until(ws, predicate, what):
    seen = []
    while True:
        try:
            message = ws.recv(timeout=10)
        except TimeoutError:
            fail(f"no {what} within 10 s; got {seen[-5:]}")
        seen.append(message)
        if predicate(message):
            return seen


def plain_conversation(program, dialogues, store):
    gateway = Gateway([program, "serve", "--plain", "--dialogues", dialogues, "--store", store])
    try:
        with gateway.connect() as ws:
            receive_until(ws, lambda m: m == "Hvornår skal du holde din MUS-samtale?", "first question")
            ws.send("Den 3. marts")
            receive_until(ws, lambda m: m == "Har du haft en MUS-samtale før?", "second question")
            ws.send("måske")
            receive_until(ws, lambda m: m == "! Svar ja eller nej.", "rejection")
            ws.send("/tilbage")
            receive_until(ws, lambda m: m == "Hvornår skal du holde din MUS-samtale?", "the question again after /tilbage")
        print("plain: a conversation over websocketd, one message per line: ok")
    finally:
        gateway.stop()


def rpc(ws, id, method, **params):
    ws.send(json.dumps({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
    reply = json.loads(ws.recv(timeout=10))
    if reply.get("id") != id:
        fail(f"reply for id {reply.get('id')} instead of {id}")
    return reply


def json_conversation(program, dialogues, store):
    gateway = Gateway([program, "serve", "--dialogues", dialogues, "--store", store])
    try:
        with gateway.connect() as ws:
            ready = json.loads(ws.recv(timeout=10))
            if ready.get("method") != "ready":
                fail(f"expected the ready notification, got {ready}")
            started = rpc(ws, 1, "session.start", session="web:anna", language="en")["result"]
            if started["step"] != "mus-dato" or started["messages"][-1]["kind"] != "question":
                fail(f"unexpected start: {started}")
            answered = rpc(ws, 2, "session.answer", session="web:anna", text="In March")["result"]
            if answered["step"] != "haft-mus-foer":
                fail(f"unexpected step after answering: {answered['step']}")
            buttons = [option["payload"] for option in answered["messages"][-1]["options"]]
            if buttons != ["yes", "no"]:
                fail(f"unexpected buttons: {buttons}")
            rpc(ws, 3, "session.answer", session="web:anna", payload="yes")
            error = rpc(ws, 4, "session.fly", session="web:anna")
            if error.get("error", {}).get("code") != -32601:
                fail(f"expected method not found, got {error}")
        # A new connection is a new server process; the conversation is where it was left.
        deadline = time.time() + 10
        while True:
            with gateway.connect() as ws:
                ws.recv(timeout=10)
                reply = rpc(ws, 1, "session.resume", session="web:anna")
            if "result" in reply:
                break
            if time.time() > deadline:
                fail(f"could not resume over a new connection: {reply}")
            time.sleep(0.1)
        if reply["result"]["step"] in ("mus-dato", "haft-mus-foer"):
            fail(f"the resumed session lost answers: {reply['result']['step']}")
        print("serve: JSON-RPC over websocketd, resumed over a new connection: ok")
    finally:
        gateway.stop()


def main():
    program, dialogues, store = sys.argv[1:4]
    plain_conversation(program, dialogues, os.path.join(store, "plain"))
    json_conversation(program, dialogues, os.path.join(store, "json"))


if __name__ == "__main__":
    main()
