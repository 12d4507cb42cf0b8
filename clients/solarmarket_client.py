#!/usr/bin/env python3
"""Example client of the solar energy trading platform's gateway, using only the standard library.

Import it (``from solarmarket_client import Client``) or run it:

    python3 clients/solarmarket_client.py --url http://127.0.0.1:8080 demo

The demo creates two wallets, places a crossing pair of orders and prints the WebSocket events
that follow (book updates, trades and the wallets' own fills).
"""

import argparse
import base64
import hashlib
import json
import os
import socket
import struct
import sys
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal


class ApiError(Exception):
    """An error response of the gateway. ``problem`` contains its application/problem+json body."""

    def __init__(self, status, problem):
        self.status = status
        self.problem = problem if isinstance(problem, dict) else {"detail": str(problem)}
        detail = self.problem.get("detail") or self.problem.get("title") or "HTTP %d" % status
        super().__init__("HTTP %d: %s" % (status, detail))

    @property
    def field(self):
        return self.problem.get("field")

    @property
    def retry_after(self):
        return self.problem.get("retry_after")


def _json_default(value):
    if isinstance(value, Decimal):
        # Amounts travel as decimal strings so that no binary floating point touches them.
        return str(value)
    raise TypeError("cannot encode %r as JSON" % (value,))


class Client:
    """REST client of the gateway. ``token`` is a wallet's api_token, sent as a bearer token."""

    def __init__(self, base_url="http://127.0.0.1:8080", token=None, timeout=15):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    # -- transport --------------------------------------------------------------------------
    def request(self, method, path, body=None, query=None, token=None):
        url = self.base_url + path
        if query:
            pairs = {k: v for k, v in query.items() if v is not None}
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        data = None
        headers = {"Accept": "application/json"}
        if body is not None:
            data = json.dumps(body, default=_json_default).encode("utf-8")
            headers["Content-Type"] = "application/json"
        bearer = token or self.token
        if bearer:
            headers["Authorization"] = "Bearer " + bearer
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
                return json.loads(raw, parse_float=Decimal) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                problem = json.loads(raw, parse_float=Decimal)
            except ValueError:
                problem = {"detail": raw.decode("utf-8", "replace")}
            if isinstance(problem, dict) and error.headers.get("Retry-After"):
                problem["retry_after"] = int(error.headers["Retry-After"])
            raise ApiError(error.code, problem) from None

    # -- wallets and orders -----------------------------------------------------------------
    def create_wallet(self, user_id):
        """Creates a wallet; the answer's api_token is shown only once."""
        return self.request("POST", "/wallet", {"user_id": user_id})

    def wallet(self, user_id, token=None):
        """Public keys; with the wallet's own token also balances and open orders."""
        return self.request("GET", "/wallet/" + urllib.parse.quote(user_id), token=token)

    def place_order(self, user_id, side, price, quantity, market=None, time_in_force=None,
                    client_order_id=None, token=None):
        body = {"user_id": user_id, "side": side, "price": str(price), "quantity": str(quantity)}
        for name, value in (("market", market), ("time_in_force", time_in_force),
                            ("client_order_id", client_order_id)):
            if value is not None:
                body[name] = value
        return self.request("POST", "/order", body, token=token)

    def order(self, order_id):
        return self.request("GET", "/order/" + urllib.parse.quote(order_id))

    def cancel_order(self, order_id, market=None, token=None):
        return self.request("DELETE", "/order/" + urllib.parse.quote(order_id), query={"market": market},
                            token=token)

    def admin_credit(self, operator_token, user_id, asset, amount):
        """Credits ``asset`` ("credits" or "energy_kwh") to an account with the operator token."""
        return self.request("POST", "/admin/credit", {"user_id": user_id, "asset": asset, "amount": str(amount)},
                            token=operator_token)

    # -- market data ------------------------------------------------------------------------
    def book(self, market=None):
        return self.request("GET", "/book", query={"market": market})

    def book_summary(self, market=None):
        return self.request("GET", "/book/summary", query={"market": market})

    def trades(self, market=None, limit=None):
        return self.request("GET", "/trades", query={"market": market, "limit": limit})

    def markets(self):
        return self.request("GET", "/markets")

    # -- ledger -----------------------------------------------------------------------------
    def chain(self):
        return self.request("GET", "/chain")

    def chain_full(self):
        return self.request("GET", "/chain/full")

    def proof(self, transaction_id):
        return self.request("GET", "/chain/tx/%s/proof" % urllib.parse.quote(transaction_id))

    def quantum_channel(self, participant_a, participant_b, **options):
        return self.request("POST", "/quantum/channel",
                            dict(participant_a=participant_a, participant_b=participant_b, **options))

    def quantum_participants(self):
        return self.request("GET", "/quantum/participants")

    # -- forecasting and platform -----------------------------------------------------------
    def forecast(self, hours=24, interval_minutes=15, start_time=None):
        body = {"hours": hours, "interval_minutes": interval_minutes}
        if start_time:
            body["start_time"] = start_time
        return self.request("POST", "/api/solar/forecast", body)

    def solar_position(self, latitude, longitude, time, altitude=None):
        return self.request("GET", "/api/solar/position", query={
            "latitude": latitude, "longitude": longitude, "time": time, "altitude": altitude})

    def clear_sky(self, latitude, longitude, time, altitude=None, linke_turbidity=None):
        return self.request("GET", "/api/solar/clearsky", query={
            "latitude": latitude, "longitude": longitude, "time": time, "altitude": altitude,
            "linke_turbidity": linke_turbidity})

    def building_potential(self, **roof):
        return self.request("POST", "/api/solar/building-potential", roof)

    def solar_dashboard(self):
        return self.request("GET", "/api/solar/dashboard")

    def plant_info(self):
        return self.request("GET", "/api/solar/plant-info")

    def stats(self):
        return self.request("GET", "/stats")

    def health(self):
        try:
            return self.request("GET", "/health")
        except ApiError as error:
            if error.status == 503:
                return error.problem
            raise

    def events(self):
        """Opens the WebSocket at /ws; iterate the returned object for {"event", "data"} messages."""
        return EventStream(self.base_url)


class EventStream:
    """A minimal RFC 6455 client for the gateway's /ws: text frames, masked as a client must."""

    def __init__(self, base_url, timeout=30):
        parsed = urllib.parse.urlparse(base_url)
        if parsed.scheme != "http":
            raise ValueError("this example speaks plain ws:// only; got %s" % base_url)
        self.sock = socket.create_connection((parsed.hostname, parsed.port or 80), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        handshake = ("GET /ws HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
                     % (parsed.hostname, parsed.port or 80, key))
        self.sock.sendall(handshake.encode("ascii"))
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("the gateway closed the connection during the WebSocket handshake")
            response += chunk
        head, self._buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError("WebSocket upgrade rejected: %s" % head.split(b"\r\n", 1)[0].decode())
        accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                               .encode("ascii")).digest()).decode("ascii")
        if accept.encode("ascii") not in head:
            raise ConnectionError("the server's Sec-WebSocket-Accept does not match the key")

    def send(self, event, data):
        payload = json.dumps({"event": event, "data": data}, default=_json_default).encode("utf-8")
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", len(payload))
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        header += mask
        self.sock.sendall(bytes(header) + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def subscribe(self, user_id, api_token):
        """Asks for the wallet's own fills and order updates on this connection."""
        self.send("subscribe", {"user_id": user_id, "api_token": api_token})

    def request_forecast(self, hours=24, interval_minutes=15, request_id=None):
        self.send("request_forecast", {"hours": hours, "interval_minutes": interval_minutes,
                                       "request_id": request_id})

    def _read(self, count):
        while len(self._buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the gateway closed the WebSocket")
            self._buffer += chunk
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data

    def receive(self):
        """Returns the next message as a dict and replies to pings meanwhile."""
        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(length)
            opcode = first & 0x0F
            if opcode == 0x8:
                raise ConnectionError("the gateway closed the WebSocket")
            if opcode == 0x9:
                mask = os.urandom(4)
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask
                                  + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
                continue
            message += payload
            if first & 0x80:
                return json.loads(message.decode("utf-8"), parse_float=Decimal)

    def __iter__(self):
        while True:
            yield self.receive()

    def close(self):
        try:
            self.sock.sendall(bytes([0x88, 0x80]) + os.urandom(4))
        finally:
            self.sock.close()


def demo(client, prefix, operator_token=None):
    """Creates two wallets, funds them with the operator token, places a crossing pair of orders
    and prints the events that follow. Without the token the wallets hold nothing, so trading-service
    rejects both orders for insufficient balance."""
    events = client.events()
    print("connected:", events.receive()["event"])
    seller = client.create_wallet(prefix + "-seller")
    buyer = client.create_wallet(prefix + "-buyer")
    print("wallets:", seller["user_id"], buyer["user_id"])
    if operator_token:
        client.admin_credit(operator_token, seller["user_id"], "energy_kwh", Decimal("2"))
        client.admin_credit(operator_token, buyer["user_id"], "credits", Decimal("1.00"))
        print("funded: 2 kWh to the seller, 1.00 credits to the buyer")
    else:
        print("no operator token given (--operator-token, or bin/platform operator-token): the empty wallets'"
              " orders will be rejected for insufficient balance")
    events.subscribe(buyer["user_id"], buyer["api_token"])
    sell = client.place_order(seller["user_id"], "sell", Decimal("0.25"), Decimal("2"), token=seller["api_token"])
    buy = client.place_order(buyer["user_id"], "buy", Decimal("0.30"), Decimal("2"), market=sell["market"],
                             token=buyer["api_token"])
    print("orders:", sell["order_id"], buy["order_id"], "in", sell["market"])
    for _ in range(20):
        message = events.receive()
        print(message["event"], json.dumps(message["data"], default=_json_default)[:200])
        if message["event"] == "fill":
            break
    events.close()


def self_test(client, prefix):
    """Checks the client against a running gateway: wallets, an order, errors and the WebSocket."""
    wallet = client.create_wallet(prefix)
    token = wallet["api_token"]
    assert client.wallet(prefix)["user_id"] == prefix
    accepted = client.place_order(prefix, "sell", Decimal("0.25"), Decimal("1.5"), token=token)
    assert accepted["status"] == "pending", accepted
    try:
        client.place_order(prefix, "sell", Decimal("0.25"), Decimal("1.5"))
        raise AssertionError("an order without a token was accepted")
    except ApiError as error:
        assert error.status == 401, error
    try:
        client.place_order(prefix, "hold", Decimal("0.25"), Decimal("1.5"), token=token)
        raise AssertionError("an invalid side was accepted")
    except ApiError as error:
        assert error.status == 400, error.problem
        assert error.field == "side", error.problem
    events = client.events()
    assert events.receive()["event"] == "connect"
    assert events.receive()["event"] == "initial_state"
    events.request_forecast(hours=6, interval_minutes=60, request_id="py-1")
    while True:
        message = events.receive()
        if message["event"] == "forecast_update":
            assert message["data"]["request_id"] == "py-1"
            break
    events.close()
    print("self-test passed: order", accepted["order_id"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("SOLARMARKET_URL", "http://127.0.0.1:8080"),
                        help="base URL of the gateway")
    parser.add_argument("--prefix", default="py-" + os.urandom(3).hex(), help="prefix of the wallets created")
    parser.add_argument("--operator-token", default=os.environ.get("SOLARMARKET_OPERATOR_TOKEN"),
                        help="operator token that funds the demo's wallets (bin/platform operator-token prints it)")
    parser.add_argument("command", choices=["demo", "self-test", "stats", "health", "book"])
    args = parser.parse_args()
    client = Client(args.url)
    try:
        if args.command == "demo":
            demo(client, args.prefix, args.operator_token)
        elif args.command == "self-test":
            self_test(client, args.prefix)
        else:
            result = {"stats": client.stats, "health": client.health, "book": client.book}[args.command]()
            print(json.dumps(result, indent=2, default=_json_default))
    except ApiError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
