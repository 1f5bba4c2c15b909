"""A webhook receiver for ActorSegments, standard library only: verifies the Standard Webhooks signature, then applies
each change once (changes carry stable ids; a message can arrive more than once).

Run: WEBHOOK_SECRET=whsec_... python3 webhook_receiver.py 8080
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE_SECONDS = 5 * 60


def verify(secret: str, headers, body: bytes) -> dict:
    """Returns the parsed body when the signature holds; raises ValueError otherwise."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    message_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        raise ValueError("timestamp outside the tolerance: a replayed or delayed message")
    signed = f"{message_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    # The header may carry several space-separated signatures (during a secret rotation); any one may match.
    offered = [s.split(",", 1)[1] for s in headers["webhook-signature"].split(" ") if s.startswith("v1,")]
    if not any(hmac.compare_digest(expected, candidate) for candidate in offered):
        raise ValueError("no valid signature")
    return json.loads(body)


applied = set()  # in production: a table with a unique key on the change id


def handle(payload: dict) -> None:
    if payload["type"] != "segment.changes":
        return  # e.g. "webhook.test"
    for change in payload["changes"]:
        if change["id"] in applied:
            continue  # delivered before; at least once means sometimes twice
        applied.add(change["id"])
        action = "add to" if change["change"] == "enter" else "remove from"
        print(f"{action} list {payload['segment_id']}: {change['customer_id']}")


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["content-length"]))
        try:
            payload = verify(os.environ["WEBHOOK_SECRET"], self.headers, body)
        except (ValueError, KeyError):
            self.send_response(401)
            self.end_headers()
            return
        handle(payload)
        self.send_response(204)  # any 2xx acknowledges the message; anything else is retried
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
