#!/usr/bin/env python3
"""Self-test of tests/portal/kintone_server.py (standard library unittest).

Makes a throwaway PKI with make_certs.sh, starts two servers over mutual TLS (the main one with a
survey form, a 10,600-record paging app and a guest-space app; an auxiliary one with a short upload
TTL and a concurrency limit of 2) and talks to them with http.client like a sync client would.

Run: /usr/bin/python3 tests/portal/test_kintone_server.py [-v]
"""

import base64
import gzip
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "kintone_server.py")
MAKE_CERTS = os.path.join(HERE, "make_certs.sh")

SURVEY_FORM = {"properties": {
    "title": {"type": "SINGLE_LINE_TEXT", "code": "title", "label": "Title", "required": True, "maxLength": "20"},
    "client_uuid": {"type": "SINGLE_LINE_TEXT", "code": "client_uuid", "label": "Client UUID", "unique": True},
    "note": {"type": "SINGLE_LINE_TEXT", "code": "note", "label": "Note"},
    "num": {"type": "NUMBER", "code": "num", "label": "Number"},
    "choice": {"type": "DROP_DOWN", "code": "choice", "label": "Choice",
               "options": {"A": {"label": "A", "index": "0"}, "B": {"label": "B", "index": "1"}}},
    "status_text": {"type": "SINGLE_LINE_TEXT", "code": "status_text", "label": "Status", "defaultValue": "draft"},
    "visited": {"type": "DATE", "code": "visited", "label": "Visited"},
    "memo": {"type": "MULTI_LINE_TEXT", "code": "memo", "label": "Memo"},
    "photos": {"type": "FILE", "code": "photos", "label": "Photos"},
    "rows": {"type": "SUBTABLE", "code": "rows", "fields": {
        "name": {"type": "SINGLE_LINE_TEXT", "code": "name", "label": "Name"},
        "qty": {"type": "NUMBER", "code": "qty", "label": "Qty"},
        "pic": {"type": "FILE", "code": "pic", "label": "Picture"}}},
}}
PAGING_FORM = {"properties": {"label": {"type": "SINGLE_LINE_TEXT", "code": "label", "label": "Label"}}}

SURVEY, PAGING, GUEST, GUEST_SPACE = 1, 2, 3, 7
SEEDED = 10600
CO02_JA = "指定したrevisionは最新ではありません。ほかのユーザーがレコードを更新した可能性があります。"
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$")

TMP = None
MAIN = None
AUX = None


class ServerProcess:
    def __init__(self, name, args):
        self.name = name
        self.dir = os.path.join(TMP, name)
        os.makedirs(self.dir)
        self.ready = os.path.join(self.dir, "ready")
        self.stderr_path = os.path.join(self.dir, "stderr.log")
        self.log = os.path.join(self.dir, "access.log")
        cmd = [sys.executable, SERVER, "--port", "0", "--ready-file", self.ready,
               "--cert", cert("server.pem"), "--key", cert("server.key"), "--client-ca", cert("ca.pem"),
               "--db", os.path.join(self.dir, "kintone.sqlite3"), "--log", self.log] + args
        with open(self.stderr_path, "wb") as err:
            self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=die_with_parent)
        self.port = None

    def wait_ready(self):
        deadline = time.time() + 20
        while time.time() < deadline:
            if os.path.exists(self.ready):
                with open(self.ready) as f:
                    self.port = int(f.read().strip())
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} server did not start:\n" + open(self.stderr_path).read())

    def server_log(self):
        with open(self.stderr_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return "killed"
        return self.proc.returncode


def die_with_parent():
    """In the child: get SIGTERM when this test process dies (Linux), so no server outlives a killed run."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def cert(name):
    return os.path.join(TMP, "certs", name)


def setUpModule():
    global TMP, MAIN, AUX
    TMP = tempfile.mkdtemp(prefix="kintone-selftest-")
    subprocess.run(["sh", MAKE_CERTS, os.path.join(TMP, "certs")], check=True)
    forms = {}
    for name, form in (("survey", SURVEY_FORM), ("paging", PAGING_FORM)):
        forms[name] = os.path.join(TMP, name + ".json")
        with open(forms[name], "w", encoding="utf-8") as f:
            json.dump(form, f, ensure_ascii=False)
    MAIN = ServerProcess("main", [
        "--app", f"{SURVEY}={forms['survey']}", "--app", f"{PAGING}={forms['paging']}",
        "--app", f"{GUEST}={forms['survey']}", "--guest-app", f"{GUEST}={GUEST_SPACE}",
        "--user", "alice:pw1", "--user", "lead:pw2",
        "--api-token", f"{SURVEY}=tok-survey", "--api-token", f"{PAGING}=tok-paging",
        "--seed-records", f"{PAGING}={SEEDED}"])
    AUX = ServerProcess("aux", ["--app", f"{SURVEY}={forms['survey']}", "--user", "alice:pw1",
                                "--upload-ttl", "1", "--max-concurrency", "2"])
    MAIN.wait_ready()
    AUX.wait_ready()


def tearDownModule():
    problems = []
    for srv in (MAIN, AUX):
        if srv is None:
            continue
        rc = srv.stop()
        if rc != 0:
            problems.append(f"{srv.name} server did not exit cleanly on SIGTERM (exit {rc}):\n{srv.server_log()}")
        if "Traceback" in srv.server_log():
            problems.append(f"{srv.name} server printed a traceback:\n{srv.server_log()}")
    if TMP:
        shutil.rmtree(TMP, ignore_errors=True)
    if problems:
        raise AssertionError("\n".join(problems))


def tls_context(client="client"):
    ctx = ssl.create_default_context(cafile=cert("ca.pem"))
    if client:
        ctx.load_cert_chain(cert(client + ".pem"), cert(client + ".key"))
    return ctx


def control_once(server, method, path, body=None):
    c = Client(server=server)
    try:
        return c.control(method, path, body)
    finally:
        c.close()


class Response:
    def __init__(self, status, headers, raw):
        self.status, self.headers, self.raw = status, headers, raw

    @property
    def json(self):
        return json.loads(self.raw.decode("utf-8"))

    def header(self, name):
        return self.headers.get(name.lower())


class Client:
    """One keep-alive HTTPS connection; never retries (a failed call drops the connection)."""

    def __init__(self, server=None, auth=("alice", "pw1"), token=None, lang=None, client="client"):
        self.server = server or MAIN
        self.auth, self.token, self.lang = auth, token, lang
        self.ctx = tls_context(client)
        self.conn = None

    def connect(self):
        if self.conn is None:
            self.conn = http.client.HTTPSConnection("127.0.0.1", self.server.port, context=self.ctx, timeout=30)
        return self.conn

    def headers(self, extra=None):
        h = {}
        if self.auth:
            h["X-Cybozu-Authorization"] = base64.b64encode(f"{self.auth[0]}:{self.auth[1]}".encode()).decode()
        if self.token:
            h["X-Cybozu-API-Token"] = self.token
        if self.lang:
            h["Accept-Language"] = self.lang
        h.update(extra or {})
        return h

    def raw(self, method, path, body=None, headers=None):
        conn = self.connect()
        try:
            conn.request(method, path, body=body, headers=self.headers(headers))
            resp = conn.getresponse()
            data = resp.read()
        except BaseException:
            conn.close()
            self.conn = None
            raise
        if resp.will_close:
            conn.close()
            self.conn = None
        return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)

    def call(self, method, api, params=None, headers=None, guest=None):
        prefix = f"/k/guest/{guest}/v1/" if guest else "/k/v1/"
        path = prefix + api + ".json"
        if method in ("GET", "DELETE") and params is not None and not (headers or {}).get("Content-Type"):
            return self.raw(method, path + "?" + qs(params), headers=headers)
        body = json.dumps(params if params is not None else {}, ensure_ascii=False).encode()
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        return self.raw(method, path, body, h)

    def control(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        r = self.raw(method, "/__fs/" + path, data, {"Content-Type": "application/json"} if data else None)
        if r.status != 200:
            raise AssertionError(f"control {path}: {r.status} {r.raw!r}")
        return r.json

    def upload(self, name, data, content_type="image/jpeg", guest=None):
        boundary = "----fs" + uuid.uuid4().hex
        head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                f"Content-Type: {content_type}\r\n\r\n").encode("utf-8")
        tail = f"\r\n--{boundary}--\r\n".encode()
        prefix = f"/k/guest/{guest}/v1/" if guest else "/k/v1/"
        return self.raw("POST", prefix + "file.json", head + data + tail,
                        {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None


def qs(params, prefix=None):
    """qs.stringify-like encoding (arrays as a[0]=x)."""
    from urllib.parse import quote
    parts = []
    items = params.items() if isinstance(params, dict) else enumerate(params)
    for k, v in items:
        key = f"{prefix}[{k}]" if prefix is not None else str(k)
        if isinstance(v, (dict, list)):
            parts.append(qs(v, key))
        else:
            parts.append(quote(key, safe="") + "=" + quote(str(v).lower() if isinstance(v, bool) else str(v), safe=""))
    return "&".join(p for p in parts if p)


class Base(unittest.TestCase):
    def setUp(self):
        self.c = Client()
        self.addCleanup(self.c.close)

    def ok(self, resp, status=200):
        self.assertEqual(resp.status, status, f"expected HTTP {status}, got {resp.status}: {resp.raw[:500]!r}")
        return resp.json

    def fails(self, resp, status, code):
        self.assertEqual(resp.status, status, f"expected HTTP {status} {code}, got {resp.status}: {resp.raw[:500]!r}")
        body = resp.json
        self.assertEqual(body["code"], code, body)
        self.assertTrue(isinstance(body.get("id"), str) and body["id"], body)
        self.assertIsInstance(body.get("message"), str)
        return body

    def add(self, record, app=SURVEY, client=None):
        return self.ok((client or self.c).call("POST", "record", {"app": app, "record": record}))

    def get(self, rid, app=SURVEY):
        return self.ok(self.c.call("GET", "record", {"app": app, "id": rid}))["record"]

    def find(self, query, app=SURVEY, fields=None):
        params = {"app": app, "query": query}
        if fields:
            params["fields"] = fields
        return self.ok(self.c.call("GET", "records", params))["records"]

    def dump(self, app=SURVEY):
        return self.c.control("GET", f"dump?app={app}")

    @staticmethod
    def tag():
        return "t-" + uuid.uuid4().hex[:12]


class RecordTests(Base):
    def test_add_get_update_keeps_unsent_fields(self):
        tag = self.tag()
        added = self.add({"title": {"value": "Ward 3"}, "note": {"value": tag}, "num": {"value": "1.5e1"},
                          "nonexistent_code": {"value": "ignored"}})
        self.assertEqual(added["revision"], "1")
        rec = self.get(added["id"])
        self.assertEqual(rec["$id"], {"type": "__ID__", "value": added["id"]})
        self.assertEqual(rec["$revision"], {"type": "__REVISION__", "value": "1"})
        self.assertEqual(rec["レコード番号"], {"type": "RECORD_NUMBER", "value": added["id"]})
        self.assertEqual(rec["num"], {"type": "NUMBER", "value": "15"})
        self.assertEqual(rec["status_text"]["value"], "draft", "omitted field gets its defaultValue")
        self.assertIsNone(rec["choice"]["value"])
        self.assertEqual(rec["作成者"]["value"], {"code": "alice", "name": "alice"})
        self.assertRegex(rec["作成日時"]["value"], STAMP)
        self.assertRegex(rec["更新日時"]["value"], STAMP)
        self.assertNotIn("nonexistent_code", rec)
        upd = self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": added["id"], "revision": "1",
                                                    "record": {"title": {"value": "Ward 4"}}}))
        self.assertEqual(upd, {"revision": "2"})
        rec = self.get(added["id"])
        self.assertEqual(rec["title"]["value"], "Ward 4")
        self.assertEqual(rec["num"]["value"], "15", "a field not sent is kept")
        self.assertEqual(rec["note"]["value"], tag)
        self.fails(self.c.call("GET", "record", {"app": SURVEY, "id": 99999999}), 404, "GAIA_RE01")
        self.fails(self.c.call("GET", "record", {"app": 404, "id": 1}), 404, "GAIA_AP01")

    def test_stale_revision_conflicts_and_minus_one_skips(self):
        rid = self.add({"title": {"value": "r"}})["id"]
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"note": {"value": "one"}}}))
        body = self.fails(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "revision": 1,
                                                        "record": {"note": {"value": "stale"}}}), 409, "GAIA_CO02")
        self.assertEqual(body["message"], CO02_JA)
        self.assertEqual(self.get(rid)["note"]["value"], "one", "a conflicting update must not be applied")
        self.assertEqual(self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "revision": -1,
                                                               "record": {"note": {"value": "forced"}}})),
                         {"revision": "3"})
        self.assertEqual(self.get(rid)["note"]["value"], "forced")

    def test_two_writers(self):
        rid = self.add({"title": {"value": "shared"}})["id"]
        lead = Client(auth=("lead", "pw2"))
        self.addCleanup(lead.close)
        self.ok(lead.call("PUT", "record", {"app": SURVEY, "id": rid, "revision": 1, "record": {"note": {"value": "lead"}}}))
        rec = self.get(rid)
        self.assertEqual(rec["更新者"]["value"]["code"], "lead")
        self.assertEqual(rec["作成者"]["value"]["code"], "alice")
        self.fails(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "revision": 1,
                                                 "record": {"note": {"value": "alice"}}}), 409, "GAIA_CO02")
        touched = self.c.control("POST", "touch-record", {"app": SURVEY, "id": int(rid), "record": {"note": {"value": "t"}}})
        self.assertEqual(touched, {"revision": "3"})
        self.fails(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "revision": 2,
                                                 "record": {"note": {"value": "alice"}}}), 409, "GAIA_CO02")

    def test_upsert_inserts_then_updates_the_same_record(self):
        key = str(uuid.uuid4())
        params = {"app": SURVEY, "upsert": True, "records": [
            {"updateKey": {"field": "client_uuid", "value": key}, "record": {"title": {"value": "first"}}}]}
        first = self.ok(self.c.call("PUT", "records", params))["records"]
        self.assertEqual(len(first), 1)
        self.assertEqual(first[0]["operation"], "INSERT")
        self.assertEqual(first[0]["revision"], "1")
        params["records"][0]["record"] = {"title": {"value": "second"}}
        second = self.ok(self.c.call("PUT", "records", params))["records"]
        self.assertEqual(second, [{"id": first[0]["id"], "revision": "2", "operation": "UPDATE"}])
        recs = self.find(f'client_uuid = "{key}"')
        self.assertEqual(len(recs), 1)
        self.assertEqual(recs[0]["title"]["value"], "second")
        # single-record update by updateKey
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "updateKey": {"field": "client_uuid", "value": key},
                                              "record": {"note": {"value": "by key"}}}))
        self.assertEqual(self.get(first[0]["id"])["note"]["value"], "by key")
        # errors
        self.fails(self.c.call("PUT", "record", {"app": SURVEY, "updateKey": {"field": "note", "value": "x"},
                                                 "record": {}}), 400, "GAIA_IQ27")
        self.fails(self.c.call("PUT", "record", {"app": SURVEY, "updateKey": {"field": "client_uuid", "value": "none"},
                                                 "record": {}}), 400, "GAIA_RE20")
        self.fails(self.c.call("PUT", "record", {"app": SURVEY, "updateKey": {"field": "nope", "value": "x"},
                                                 "record": {}}), 400, "GAIA_IQ11")
        self.fails(self.c.call("PUT", "records", {"app": SURVEY, "records": [{"id": 99999999, "record": {}}]}),
                   404, "GAIA_RE01")

    def test_field_validation(self):
        body = self.fails(self.c.call("POST", "record", {"app": SURVEY, "record": {"note": {"value": "x"}}}),
                          400, "CB_VA01")
        self.assertEqual(body["errors"], {"record.title.value": {"messages": ["必須です。"]}})
        key = str(uuid.uuid4())
        self.add({"title": {"value": "u"}, "client_uuid": {"value": key}})
        body = self.fails(self.c.call("POST", "record", {"app": SURVEY, "record": {
            "title": {"value": "u2"}, "client_uuid": {"value": key}}}), 400, "CB_VA01")
        self.assertEqual(body["errors"]["record.client_uuid.value"]["messages"], ["値がほかのレコードと重複しています。"])
        body = self.fails(self.c.call("POST", "record", {"app": SURVEY, "record": {
            "title": {"value": "x" * 21}, "num": {"value": "abc"}, "choice": {"value": "Z"},
            "visited": {"value": "2024-02-30"}}}), 400, "CB_VA01")
        self.assertEqual(body["errors"]["record.title.value"]["messages"], ["21文字より短くなければなりません。"])
        self.assertEqual(body["errors"]["record[num].value"]["messages"], ["数字でなければなりません。"])
        self.assertEqual(body["errors"]["record.choice.value"]["messages"], ['"Z"は選択肢にありません。'])
        self.assertIn("record.visited.value", body["errors"])
        en = Client(lang="en")
        self.addCleanup(en.close)
        body = self.fails(en.call("POST", "record", {"app": SURVEY, "record": {}}), 400, "CB_VA01")
        self.assertEqual(body["message"], "Missing or invalid input.")
        self.assertEqual(body["errors"]["record.title.value"]["messages"], ["Required."])
        # required runs on the merged record: an update that leaves title alone is fine
        rid = self.add({"title": {"value": "keep"}})["id"]
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"note": {"value": "n"}}}))
        self.fails(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"title": {"value": ""}}}),
                   400, "CB_VA01")
        self.fails(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"作成者": {"value": {"code": "x"}}}}),
                   400, "GAIA_UN10")

    def test_bulk_add_is_all_or_nothing(self):
        tag = self.tag()
        before = self.dump()["lastId"]
        records = [{"title": {"value": f"ok{i}"}, "note": {"value": tag}} for i in range(5)]
        records[3] = {"note": {"value": tag}}
        body = self.fails(self.c.call("POST", "records", {"app": SURVEY, "records": records}), 400, "CB_VA01")
        self.assertEqual(list(body["errors"]), ["records[3].title.value"])
        self.assertEqual(self.find(f'note = "{tag}"'), [], "no record of a failed bulk add may remain")
        records[3] = {"title": {"value": "fixed"}, "note": {"value": tag}}
        res = self.ok(self.c.call("POST", "records", {"app": SURVEY, "records": records}))
        self.assertEqual(len(res["ids"]), 5)
        self.assertEqual(res["revisions"], ["1"] * 5)
        self.assertEqual([int(i) for i in res["ids"]], sorted(int(i) for i in res["ids"]))
        self.assertGreater(int(res["ids"][0]), before)
        self.assertEqual(sorted(r["$id"]["value"] for r in self.find(f'note = "{tag}"')), sorted(res["ids"]))

    def test_limits(self):
        en = Client(lang="en")
        self.addCleanup(en.close)
        before = self.dump()["lastId"]
        many = [{"title": {"value": "x"}} for _ in range(101)]
        body = self.fails(en.call("POST", "records", {"app": SURVEY, "records": many}), 400, "CB_VA01")
        self.assertEqual(body["errors"]["records"]["messages"], ["A maximum of 100 records can be added at one time."])
        body = self.fails(self.c.call("POST", "records", {"app": SURVEY, "records": many}), 400, "CB_VA01")
        self.assertEqual(body["errors"]["records"]["messages"], ["一度に100件までのレコードを追加できます。"])
        self.assertEqual(self.dump()["lastId"], before)
        body = self.fails(en.call("PUT", "records", {"app": SURVEY, "records": [{"id": 1, "record": {}}] * 101}),
                          400, "CB_VA01")
        self.assertEqual(body["errors"]["records"]["messages"], ["A maximum of 100 records can be updated at one time."])
        body = self.fails(self.c.call("DELETE", "records", {"app": SURVEY, "ids": list(range(1, 102))}), 400, "CB_VA01")
        self.assertIn("ids", body["errors"])
        body = self.fails(self.c.call("DELETE", "records", {"app": SURVEY, "ids": []},
                                      headers={"Content-Type": "application/json"}), 400, "CB_VA01")
        self.assertEqual(body["errors"]["ids"]["messages"], ["必須です。", "一度に1件から100件までのレコードを削除できます。"])
        self.fails(self.c.call("GET", "records", {"app": PAGING, "query": "limit 501"}), 400, "GAIA_QU01")
        self.fails(self.c.call("GET", "records", {"app": PAGING, "query": "limit 10 offset 10001"}), 400, "GAIA_QU02")
        self.assertEqual(len(self.find("limit 500", app=PAGING)), 500)
        self.assertEqual(len(self.find("", app=PAGING)), 100, "default limit is 100")
        page = self.find("order by $id asc limit 500 offset 10000", app=PAGING)
        self.assertEqual([int(r["$id"]["value"]) for r in page], list(range(10001, 10501)))

    def test_delete_is_atomic_and_ids_are_never_reused(self):
        a = self.add({"title": {"value": "a"}})["id"]
        b = self.add({"title": {"value": "b"}})["id"]
        self.fails(self.c.call("DELETE", "records", {"app": SURVEY, "ids": [a, b], "revisions": [1, 7]}), 409, "GAIA_CO02")
        self.get(a)
        self.fails(self.c.call("DELETE", "records", {"app": SURVEY, "ids": [a, 99999999]}), 404, "GAIA_RE01")
        self.get(a)
        self.assertEqual(self.ok(self.c.call("DELETE", "records", {"app": SURVEY, "ids": [a, b], "revisions": [1, -1]})), {})
        self.fails(self.c.call("GET", "record", {"app": SURVEY, "id": b}), 404, "GAIA_RE01")
        c = self.add({"title": {"value": "c"}})["id"]
        self.assertGreater(int(c), int(b))

    def test_query_language(self):
        tag = self.tag()
        rows = [("alpha", "5", "A", "2024-01-10", 'He said "hi"'), ("Beta", "15", "B", "2024-03-01", "back\\slash"),
                ("gamma", "25", "A", "", "plain"), ("delta", "", "B", "2023-12-31", "")]
        ids = self.ok(self.c.call("POST", "records", {"app": SURVEY, "records": [
            {"title": {"value": t}, "num": {"value": n}, "choice": {"value": ch}, "visited": {"value": d},
             "note": {"value": tag}, "memo": {"value": m}} for t, n, ch, d, m in rows]}))["ids"]
        by = dict(zip([r[0] for r in rows], ids))

        def titles(cond, extra=""):
            recs = self.find(f'note = "{tag}" and ({cond}) {extra}', fields=["title"])
            return [r["title"]["value"] for r in recs]
        self.assertEqual(titles("num >= 10 and num < 20"), ["Beta"])
        self.assertEqual(titles('choice in ("A")', "order by $id asc"), ["alpha", "gamma"])
        self.assertEqual(titles('choice not in ("A")', "order by $id asc"), ["Beta", "delta"])
        self.assertEqual(titles('title like "TA"', "order by $id asc"), ["Beta", "delta"])
        self.assertEqual(titles('title = "alpha" or (num > 20 and choice in ("A"))', "order by $id asc"),
                         ["alpha", "gamma"])
        self.assertEqual(titles('title != "alpha"', "order by num desc"), ["gamma", "Beta", "delta"])
        self.assertEqual(titles('visited > "2024-01-01"', "order by visited asc"), ["alpha", "Beta"])
        self.assertEqual(titles('memo like "\\"hi\\""'), ["alpha"])
        self.assertEqual(titles('memo like "k\\\\s"'), ["Beta"])
        self.assertEqual(titles("memo is empty"), ["delta"])
        self.assertEqual(titles(f'$id = {by["gamma"]}'), ["gamma"])
        self.assertEqual(titles(f'$id in ("{by["alpha"]}", "{by["delta"]}")', "order by $id desc"), ["delta", "alpha"])
        self.assertEqual(titles('num = ""'), ["delta"])
        self.assertEqual(titles('title in ("alpha", "gamma")', "order by title desc limit 1"), ["gamma"])
        self.assertEqual(titles('title in ("alpha", "gamma")', "order by title desc limit 1 offset 1"), ["alpha"])
        res = self.ok(self.c.call("GET", "records", {"app": SURVEY, "query": f'note = "{tag}"', "totalCount": True}))
        self.assertEqual(res["totalCount"], "4")
        self.assertEqual([r["$id"]["value"] for r in res["records"]], sorted(ids, key=int, reverse=True),
                         "default order is $id desc")
        self.assertIsNone(self.ok(self.c.call("GET", "records", {"app": SURVEY, "query": "limit 1"}))["totalCount"])
        for bad in ('title = "x', "title ==", "(title = \"x\"", 'title = "x" order', "limit 5 order by $id",
                    'title = "a\tb"'):
            body = self.fails(self.c.call("GET", "records", {"app": SURVEY, "query": bad}), 400, "CB_VA01")
            self.assertEqual(body["errors"], {"query": {"messages": ["クエリ記法が間違っています。"]}}, bad)
        self.fails(self.c.call("GET", "records", {"app": SURVEY, "query": 'missing = "x"'}), 400, "GAIA_IQ11")
        self.fails(self.c.call("GET", "records", {"app": SURVEY, "query": 'choice = "A"'}), 400, "GAIA_IQ03")
        self.fails(self.c.call("GET", "records", {"app": SURVEY, "query": 'name = "x"'}), 400, "GAIA_IQ07")

    def test_form_fields_and_app(self):
        res = self.ok(self.c.call("GET", "app/form/fields", {"app": SURVEY}))
        self.assertEqual(res["revision"], "1")
        self.assertEqual(res["properties"]["title"]["type"], "SINGLE_LINE_TEXT")
        self.assertTrue(res["properties"]["client_uuid"]["unique"])
        self.assertEqual(set(res["properties"]["rows"]["fields"]), {"name", "qty", "pic"})
        types = {p["type"] for p in res["properties"].values()}
        self.assertTrue({"RECORD_NUMBER", "CREATOR", "MODIFIER", "CREATED_TIME", "UPDATED_TIME"} <= types)
        self.assertEqual(self.ok(self.c.call("GET", "app", {"id": SURVEY}))["appId"], str(SURVEY))


class PagingTests(Base):
    def test_seek_paging_returns_every_record_exactly_once(self):
        seen, last, pages = [], 0, 0
        while pages < 40:  # 22 full pages + 1 empty one expected; a bound so a broken seek fails, not hangs
            recs = self.find(f"$id > {last} order by $id asc limit 500", app=PAGING, fields=["$id", "label"])
            pages += 1
            if not recs:
                break
            for r in recs:
                self.assertEqual(set(r), {"$id", "label"})
                self.assertEqual(r["label"]["value"], f"label-{r['$id']['value']}")
            seen.extend(int(r["$id"]["value"]) for r in recs)
            last = seen[-1]
        self.assertEqual(len(seen), SEEDED)
        self.assertEqual(seen, list(range(1, SEEDED + 1)))
        self.assertEqual(pages, 23)
        res = self.ok(self.c.call("GET", "records", {"app": PAGING, "query": "limit 1", "totalCount": "true"}))
        self.assertEqual(res["totalCount"], str(SEEDED))
        self.assertEqual(res["records"][0]["$id"]["value"], str(SEEDED))

    def test_cursor(self):
        made = []
        try:
            res = self.ok(self.c.call("POST", "records/cursor", {"app": PAGING, "query": "$id <= 1200 order by $id asc",
                                                                 "fields": ["$id"], "size": 500}))
            self.assertEqual(res["totalCount"], "1200")
            cid = res["id"]
            got, flags = [], []
            while True:
                page = self.ok(self.c.call("GET", "records/cursor", {"id": cid}))
                got.extend(int(r["$id"]["value"]) for r in page["records"])
                flags.append(page["next"])
                if not page["next"]:
                    break
            self.assertEqual(got, list(range(1, 1201)))
            self.assertEqual(flags, [True, True, False])
            self.fails(self.c.call("GET", "records/cursor", {"id": cid}), 404, "GAIA_CU02")
            self.fails(self.c.call("POST", "records/cursor", {"app": PAGING, "query": "limit 5"}), 400, "CB_VA01")
            self.fails(self.c.call("POST", "records/cursor", {"app": PAGING, "size": 501}), 400, "CB_VA01")
            for _ in range(10):
                made.append(self.ok(self.c.call("POST", "records/cursor", {"app": PAGING}))["id"])
            self.fails(self.c.call("POST", "records/cursor", {"app": PAGING}), 400, "GAIA_CU01")
            self.ok(self.c.call("DELETE", "records/cursor", {"id": made.pop()}))
            made.append(self.ok(self.c.call("POST", "records/cursor", {"app": PAGING}))["id"])
        finally:
            for cid in made:
                self.c.call("DELETE", "records/cursor", {"id": cid})
        self.assertEqual(self.c.control("GET", "stats")["cursors"], 0)


class BulkRequestTests(Base):
    def test_failure_rolls_back_everything(self):
        tag = self.tag()
        target = self.add({"title": {"value": "target"}})["id"]
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": target, "record": {}}))
        before = self.dump()["lastId"]
        resp = self.c.call("POST", "bulkRequest", {"requests": [
            {"method": "POST", "api": "/k/v1/record.json", "payload": {"app": SURVEY, "record": {
                "title": {"value": "bulk"}, "note": {"value": tag}}}},
            {"method": "PUT", "api": "/k/v1/record.json", "payload": {"app": SURVEY, "id": target, "revision": 1,
                                                                       "record": {"note": {"value": tag}}}},
            {"method": "POST", "api": "/k/v1/records.json", "payload": {"app": SURVEY, "records": [
                {"title": {"value": "never"}, "note": {"value": tag}}]}}]})
        self.assertEqual(resp.status, 409, resp.raw)
        results = resp.json["results"]
        self.assertEqual(len(results), 3)
        self.assertEqual(results[0], {})
        self.assertEqual(results[1]["code"], "GAIA_CO02")
        self.assertEqual(results[2], {})
        self.assertEqual(self.find(f'note = "{tag}"'), [])
        self.assertEqual(self.get(target)["$revision"]["value"], "2")
        self.assertEqual(self.dump()["lastId"], before)

    def test_success_shapes_and_validation(self):
        tag = self.tag()
        target = self.add({"title": {"value": "t"}})["id"]
        res = self.ok(self.c.call("POST", "bulkRequest", {"requests": [
            {"method": "POST", "api": "/k/v1/record.json", "payload": {"app": SURVEY, "record": {
                "title": {"value": "b1"}, "note": {"value": tag}}}},
            {"method": "PUT", "api": "/k/v1/record.json", "payload": {"app": SURVEY, "id": target, "revision": "1",
                                                                       "record": {"note": {"value": tag}}}},
            {"method": "PUT", "api": "/k/v1/records.json", "payload": {"app": SURVEY, "upsert": True, "records": [
                {"updateKey": {"field": "client_uuid", "value": tag}, "record": {"title": {"value": "up"}}}]}},
            {"method": "POST", "api": f"/k/guest/{GUEST_SPACE}/v1/record.json",
             "payload": {"app": GUEST, "record": {"title": {"value": "guest"}}}},
            {"method": "DELETE", "api": "/k/v1/records.json", "payload": {"app": SURVEY, "ids": [target]}}]}))
        r = res["results"]
        self.assertEqual(len(r), 5)
        self.assertEqual(set(r[0]), {"id", "revision"})
        self.assertEqual(r[1], {"revision": "2"})
        self.assertEqual(r[2]["records"][0]["operation"], "INSERT")
        self.assertEqual(r[3]["revision"], "1")
        self.assertEqual(r[4], {})
        self.assertEqual(len(self.find(f'note = "{tag}"')), 1)
        self.fails(self.c.call("POST", "bulkRequest", {"requests": [
            {"method": "POST", "api": "/k/v1/record.json", "payload": {"app": SURVEY, "record": {}}}] * 21}),
            400, "CB_VA01")
        for bad in ({"method": "GET", "api": "/k/v1/record.json", "payload": {"app": SURVEY, "id": 1}},
                    {"method": "POST", "api": "/k/v1/file.json", "payload": {}},
                    {"method": "POST", "api": "/k/v1/record/comment.json", "payload": {}}):
            self.fails(self.c.call("POST", "bulkRequest", {"requests": [bad]}), 400, "CB_VA01")
        resp = self.c.call("POST", "bulkRequest", {"requests": [
            {"method": "POST", "api": "/k/v1/record.json", "payload": {"app": GUEST, "record": {"title": {"value": "x"}}}}]})
        self.assertEqual(resp.status, 400)
        self.assertEqual(resp.json["results"][0]["code"], "GAIA_IL23")


class SubtableTests(Base):
    def test_row_semantics(self):
        rid = self.add({"title": {"value": "sub"}, "rows": {"value": [
            {"value": {"name": {"value": "r1"}, "qty": {"value": "1"}}},
            {"value": {"name": {"value": "r2"}, "qty": {"value": "2"}}},
            {"value": {"name": {"value": "r3"}, "qty": {"value": "abc"}}}]}})["id"]
        rows = self.get(rid)["rows"]["value"]
        self.assertEqual(len(rows), 3)
        for row in rows:
            self.assertIsInstance(row["id"], str)
            self.assertEqual(row["value"]["name"]["type"], "SINGLE_LINE_TEXT")
            self.assertEqual(row["value"]["qty"]["type"], "NUMBER")
            self.assertEqual(row["value"]["pic"], {"type": "FILE", "value": []})
        self.assertEqual(rows[2]["value"]["qty"]["value"], "", "a non-number inside a table is stored as empty")
        r1, r2, r3 = (r["id"] for r in rows)
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"rows": {"value": [
            {"id": r1, "value": {"qty": {"value": "9"}}},
            {"value": {"name": {"value": "new"}}},
            {"id": "99999999", "value": {"name": {"value": "unknown id"}}}]}}}))
        rows = self.get(rid)["rows"]["value"]
        self.assertEqual([r["value"]["name"]["value"] for r in rows], ["r1", "new", "unknown id"])
        self.assertEqual(rows[0]["id"], r1)
        self.assertEqual(rows[0]["value"]["qty"]["value"], "9")
        self.assertNotIn(rows[1]["id"], (r1, r2, r3))
        self.assertNotEqual(rows[2]["id"], "99999999")
        self.assertGreater(int(rows[2]["id"]), int(rows[1]["id"]))
        self.assertGreater(int(rows[1]["id"]), int(r3))
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"title": {"value": "kept"}}}))
        self.assertEqual([r["id"] for r in self.get(rid)["rows"]["value"]], [r["id"] for r in rows])
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"rows": {"value": []}}}))
        self.assertEqual(self.get(rid)["rows"]["value"], [])


class FileTests(Base):
    def upload(self, name="写真.jpg", data=None, client=None):
        data = os.urandom(3000) if data is None else data
        res = self.ok((client or self.c).upload(name, data))
        self.assertRegex(res["fileKey"], r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        return res["fileKey"], data

    def download(self, key):
        return self.c.raw("GET", "/k/v1/file.json?fileKey=" + key)

    def test_attach_replace_keep(self):
        k1, d1 = self.upload()
        self.fails(self.download(k1), 404, "GAIA_BL01")
        rid = self.add({"title": {"value": "f"}, "photos": {"value": [{"fileKey": k1}]}})["id"]
        files = self.get(rid)["photos"]["value"]
        self.assertEqual(len(files), 1)
        f1 = files[0]
        self.assertEqual(f1["name"], "写真.jpg")
        self.assertEqual(f1["contentType"], "image/jpeg")
        self.assertEqual(f1["size"], "3000")
        self.assertNotEqual(f1["fileKey"], k1)
        self.assertRegex(f1["fileKey"], r"^\d{14}[0-9A-F]{35}$")
        got = self.download(f1["fileKey"])
        self.assertEqual(got.status, 200)
        self.assertEqual(got.raw, d1)
        self.assertEqual(got.header("Content-Type"), "image/jpeg")
        # an attached upload key cannot be attached again
        before = self.dump()["lastId"]
        body = self.fails(self.c.call("POST", "record", {"app": SURVEY, "record": {
            "title": {"value": "again"}, "photos": {"value": [{"fileKey": k1}]}}}), 400, "GAIA_BL01")
        self.assertIn(k1, body["message"])
        self.assertEqual(self.dump()["lastId"], before)
        # keep the first through its download key, add a second
        k2, d2 = self.upload("second.png")
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"photos": {"value": [
            {"fileKey": f1["fileKey"]}, {"fileKey": k2}]}}}))
        files = self.get(rid)["photos"]["value"]
        self.assertEqual([f["name"] for f in files], ["写真.jpg", "second.png"])
        self.assertEqual(files[0]["fileKey"], f1["fileKey"])
        self.assertEqual(self.download(files[1]["fileKey"]).raw, d2)
        # unrelated fields leave the files alone; a download key of another record is refused
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"note": {"value": "x"}}}))
        self.assertEqual(len(self.get(rid)["photos"]["value"]), 2)
        self.fails(self.c.call("POST", "record", {"app": SURVEY, "record": {
            "title": {"value": "steal"}, "photos": {"value": [{"fileKey": f1["fileKey"]}]}}}), 400, "GAIA_BL01")
        # the array replaces the whole field
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"photos": {"value": [
            {"fileKey": files[1]["fileKey"]}]}}}))
        self.assertEqual([f["name"] for f in self.get(rid)["photos"]["value"]], ["second.png"])
        dumped = next(r for r in self.dump()["records"] if r["id"] == int(rid))
        self.assertEqual(dumped["fields"]["photos"][0]["sha256"], hashlib.sha256(d2).hexdigest())
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"photos": {"value": []}}}))
        self.assertEqual(self.get(rid)["photos"]["value"], [])

    def test_files_in_subtable_rows(self):
        k, d = self.upload("row.jpg")
        rid = self.add({"title": {"value": "rowfile"}, "rows": {"value": [
            {"value": {"name": {"value": "a"}, "pic": {"value": [{"fileKey": k}]}}}]}})["id"]
        row = self.get(rid)["rows"]["value"][0]
        dk = row["value"]["pic"]["value"][0]["fileKey"]
        self.assertEqual(self.download(dk).raw, d)
        self.ok(self.c.call("PUT", "record", {"app": SURVEY, "id": rid, "record": {"rows": {"value": [
            {"id": row["id"], "value": {"name": {"value": "b"}}}]}}}))
        row = self.get(rid)["rows"]["value"][0]
        self.assertEqual(row["value"]["pic"]["value"][0]["fileKey"], dk, "inner fields not sent are kept")
        self.assertEqual(row["value"]["name"]["value"], "b")

    def test_upload_expiry(self):
        k, _ = self.upload()
        live = self.c.control("GET", "stats")["liveUploads"]
        self.assertGreaterEqual(live, 1)
        self.assertGreaterEqual(self.c.control("POST", "expire-uploads")["expired"], 1)
        self.assertEqual(self.c.control("GET", "stats")["liveUploads"], 0)
        self.fails(self.c.call("POST", "record", {"app": SURVEY, "record": {
            "title": {"value": "late"}, "photos": {"value": [{"fileKey": k}]}}}), 400, "GAIA_BL01")
        # --upload-ttl: the auxiliary server keeps unattached uploads for 1 s
        aux = Client(server=AUX)
        self.addCleanup(aux.close)
        key, _ = self.upload(client=aux)
        time.sleep(1.3)
        self.fails(aux.call("POST", "record", {"app": SURVEY, "record": {
            "title": {"value": "ttl"}, "photos": {"value": [{"fileKey": key}]}}}), 400, "GAIA_BL01")
        key, _ = self.upload(client=aux)
        self.ok(aux.call("POST", "record", {"app": SURVEY, "record": {
            "title": {"value": "ttl"}, "photos": {"value": [{"fileKey": key}]}}}))

    def test_large_upload_is_streamed(self):
        size = 64 * 1024 * 1024
        block = os.urandom(1024 * 1024)
        sha = hashlib.sha256()
        for _ in range(64):
            sha.update(block)

        def status(field):
            with open(f"/proc/{MAIN.proc.pid}/status") as f:
                return next(int(line.split()[1]) for line in f if line.startswith(field + ":")) * 1024
        try:  # reset the peak (VmHWM) to the current RSS, so only this upload's peak is measured
            with open(f"/proc/{MAIN.proc.pid}/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass
        rss_before = status("VmRSS")
        boundary = "fsbig" + uuid.uuid4().hex
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode()
        tail = f"\r\n--{boundary}--\r\n".encode()

        def body():
            yield head
            for _ in range(64):
                yield block
            yield tail
        resp = self.c.raw("POST", "/k/v1/file.json", body(), {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Content-Length": str(len(head) + size + len(tail))})
        key = self.ok(resp)["fileKey"]
        peak = status("VmHWM")
        self.assertLess(peak - rss_before, 40 * 1024 * 1024, "the server must not hold a 64 MB upload in memory")
        rid = self.add({"title": {"value": "big"}, "photos": {"value": [{"fileKey": key}]}})["id"]
        f = self.get(rid)["photos"]["value"][0]
        self.assertEqual(f["size"], str(size))
        got = self.download(f["fileKey"])
        self.assertEqual(hashlib.sha256(got.raw).hexdigest(), sha.hexdigest())

    def test_guest_upload_and_download(self):
        k, d = self.upload()
        rid = self.ok(self.c.call("POST", "record", {"app": GUEST, "record": {
            "title": {"value": "g"}, "photos": {"value": [{"fileKey": k}]}}}, guest=GUEST_SPACE))["id"]
        dk = self.ok(self.c.call("GET", "record", {"app": GUEST, "id": rid}, guest=GUEST_SPACE))["record"]["photos"]["value"][0]["fileKey"]
        self.assertEqual(self.c.raw("GET", f"/k/guest/{GUEST_SPACE}/v1/file.json?fileKey={dk}").raw, d)
        self.fails(self.download(dk), 400, "GAIA_IL23")


class CommentTests(Base):
    def test_paging_order_and_delete(self):
        rid = self.add({"title": {"value": "comments"}})["id"]
        for i in range(1, 13):
            res = self.ok(self.c.call("POST", "record/comment", {"app": SURVEY, "record": rid,
                                                                 "comment": {"text": f"c{i}"}}))
            self.assertEqual(res, {"id": str(i)})
        page = self.ok(self.c.call("GET", "record/comments", {"app": SURVEY, "record": rid}))
        self.assertEqual([c["text"] for c in page["comments"]], [f"c{i}" for i in range(12, 2, -1)])
        self.assertEqual((page["older"], page["newer"]), (True, False))
        c0 = page["comments"][0]
        self.assertEqual(set(c0), {"id", "text", "createdAt", "creator", "mentions"})
        self.assertEqual(c0["creator"], {"code": "alice", "name": "alice"})
        self.assertRegex(c0["createdAt"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        page = self.ok(self.c.call("GET", "record/comments", {"app": SURVEY, "record": rid, "offset": 10}))
        self.assertEqual([c["text"] for c in page["comments"]], ["c2", "c1"])
        self.assertEqual((page["older"], page["newer"]), (False, True))
        page = self.ok(self.c.call("GET", "record/comments", {"app": SURVEY, "record": rid, "order": "asc", "limit": 3}))
        self.assertEqual([c["text"] for c in page["comments"]], ["c1", "c2", "c3"])
        self.assertEqual((page["older"], page["newer"]), (False, True))
        self.fails(self.c.call("GET", "record/comments", {"app": SURVEY, "record": rid, "limit": 11}), 400, "CB_VA01")
        self.fails(self.c.call("GET", "record/comments", {"app": SURVEY, "record": rid, "order": "up"}), 400, "CB_VA01")
        lead = Client(auth=("lead", "pw2"))
        self.addCleanup(lead.close)
        self.fails(lead.call("DELETE", "record/comment", {"app": SURVEY, "record": rid, "comment": 5}), 400, "GAIA_RE03")
        self.ok(self.c.call("DELETE", "record/comment", {"app": SURVEY, "record": rid, "comment": 5}))
        self.fails(self.c.call("DELETE", "record/comment", {"app": SURVEY, "record": rid, "comment": 5}), 400, "GAIA_RE02")
        res = self.ok(self.c.call("POST", "record/comment", {"app": SURVEY, "record": rid, "comment": {
            "text": "mention", "mentions": [{"code": "lead", "type": "USER"}]}}))
        self.assertEqual(res["id"], "13", "comment ids are not reused")
        page = self.ok(self.c.call("GET", "record/comments", {"app": SURVEY, "record": rid, "limit": 1}))
        self.assertEqual(page["comments"][0]["mentions"], [{"code": "lead", "type": "USER"}])
        self.assertEqual(self.get(rid)["$revision"]["value"], "1", "comments do not change the revision")
        self.fails(self.c.call("GET", "record/comments", {"app": SURVEY, "record": 99999999}), 404, "GAIA_RE01")


class ProtocolTests(Base):
    def test_auth(self):
        anon = Client(auth=None)
        self.addCleanup(anon.close)
        body = self.fails(anon.call("GET", "records", {"app": SURVEY}), 401, "CB_AU01")
        self.assertEqual(body["message"], "ログインしてください。")
        wrong = Client(auth=("alice", "nope"))
        self.addCleanup(wrong.close)
        self.fails(wrong.call("GET", "records", {"app": SURVEY}), 401, "CB_WA01")
        token = Client(auth=None, token="tok-survey")
        self.addCleanup(token.close)
        rid = self.add({"title": {"value": "by token"}}, client=token)["id"]
        self.assertEqual(self.get(rid)["作成者"]["value"]["code"], "Administrator")
        other = Client(auth=None, token="tok-paging")
        self.addCleanup(other.close)
        self.fails(other.call("GET", "records", {"app": SURVEY}), 403, "GAIA_NO01")
        both = Client(auth=None, token="tok-paging,tok-survey")
        self.addCleanup(both.close)
        self.ok(both.call("GET", "records", {"app": SURVEY}))
        bogus = Client(auth=None, token="bogus")
        self.addCleanup(bogus.close)
        self.fails(bogus.call("GET", "records", {"app": SURVEY}), 401, "GAIA_IA02")
        pw_wins = Client(token="bogus")
        self.addCleanup(pw_wins.close)
        self.ok(pw_wins.call("GET", "records", {"app": SURVEY}))
        bad_pw = Client(auth=("alice", "nope"), token="tok-survey")
        self.addCleanup(bad_pw.close)
        self.fails(bad_pw.call("GET", "records", {"app": SURVEY}), 401, "CB_WA01")

    def test_guest_paths(self):
        rid = self.ok(self.c.call("POST", "record", {"app": GUEST, "record": {"title": {"value": "g"}}},
                                  guest=GUEST_SPACE))["id"]
        self.ok(self.c.call("GET", "record", {"app": GUEST, "id": rid}, guest=GUEST_SPACE))
        self.fails(self.c.call("GET", "record", {"app": GUEST, "id": rid}), 400, "GAIA_IL23")
        self.fails(self.c.call("GET", "record", {"app": SURVEY, "id": 1}, guest=GUEST_SPACE), 403, "CB_NO02")
        self.fails(self.c.call("GET", "record", {"app": GUEST, "id": rid}, guest=GUEST_SPACE + 1), 403, "CB_NO02")
        self.assertIn("title", self.ok(self.c.call("GET", "app/form/fields", {"app": GUEST}, guest=GUEST_SPACE))["properties"])

    def test_method_override_and_parameter_forms(self):
        tag = self.tag()
        ids = self.ok(self.c.call("POST", "records", {"app": SURVEY, "records": [
            {"title": {"value": "o1"}, "note": {"value": tag}}, {"title": {"value": "o2"}, "note": {"value": tag}}]}))["ids"]
        # a query long enough that a GET URL would pass 4096 characters (the SDK's override threshold)
        query = (f'note = "{tag}" and (title = "o1" or title = "o2" or '
                 + " or ".join(f'title = "{"x" * 10}{i}"' for i in range(300)) + ")")
        overrides = self.c.control("GET", "stats")["methodOverrides"]
        res = self.ok(self.c.call("POST", "records", {"app": SURVEY, "query": query, "fields": ["title", "$id"]},
                                  headers={"X-HTTP-Method-Override": "GET"}))
        self.assertEqual(self.c.control("GET", "stats")["methodOverrides"], overrides + 1)
        self.assertEqual(sorted(r["title"]["value"] for r in res["records"]), ["o1", "o2"])
        self.assertEqual(set(res["records"][0]), {"title", "$id"})
        # case-sensitive: "get" is not an override, so this is an add without records
        self.fails(self.c.call("POST", "records", {"app": SURVEY, "query": query},
                               headers={"X-HTTP-Method-Override": "get"}), 400, "CB_VA01")
        # qs array form, as @kintone/rest-api-client sends it
        path = f"/k/v1/records.json?app={SURVEY}&query=" + quote(f'note = "{tag}"') + "&fields%5B0%5D=title&fields%5B1%5D=%24id"
        res = self.ok(self.c.raw("GET", path))
        self.assertEqual(set(res["records"][0]), {"title", "$id"})
        # GET with a JSON body
        res = self.ok(self.c.call("GET", "records", {"app": SURVEY, "query": f'note = "{tag}"'},
                                  headers={"Content-Type": "application/json"}))
        self.assertEqual(len(res["records"]), 2)
        # DELETE through the override and ids[0]= in the query string
        self.ok(self.c.call("POST", "records", {"app": SURVEY, "ids": [ids[0]]}, headers={"X-HTTP-Method-Override": "DELETE"}))
        self.ok(self.c.raw("DELETE", f"/k/v1/records.json?app={SURVEY}&ids%5B0%5D={ids[1]}"))
        self.assertEqual(self.find(f'note = "{tag}"'), [])

    def test_malformed_requests(self):
        r = self.c.raw("POST", "/k/v1/record.json", b'{"app": 1, "record": {', {"Content-Type": "application/json"})
        self.fails(r, 400, "CB_IJ01")
        self.fails(self.c.raw("POST", "/k/v1/record.json", b'[1, 2]', {"Content-Type": "application/json"}), 400, "CB_IJ01")
        self.fails(self.c.raw("POST", "/k/v1/record.json", b'\xff\xfe', {"Content-Type": "application/json"}), 400, "CB_IJ01")
        self.fails(self.c.raw("POST", "/k/v1/record.json", b'{"app": 1}', {"Content-Type": "text/plain"}), 400, "CB_IJ01")
        self.fails(self.c.raw("GET", "/k/v1/nothing.json"), 404, "CB_NF01")
        self.fails(self.c.call("GET", "record", {"app": SURVEY}), 400, "CB_VA01")
        self.fails(self.c.call("GET", "record", {"app": "abc", "id": 1}), 400, "CB_VA01")
        # oversize bodies are refused from the headers alone
        for path, ctype, length in (("/k/v1/file.json", "multipart/form-data; boundary=x", 2 * 1024 ** 3),
                                    ("/k/v1/records.json", "application/json", 17 * 1024 ** 2)):
            conn = http.client.HTTPSConnection("127.0.0.1", MAIN.port, context=tls_context(), timeout=10)
            conn.putrequest("POST", path)
            for k, v in self.c.headers({"Content-Type": ctype, "Content-Length": str(length)}).items():
                conn.putheader(k, v)
            conn.endheaders()
            resp = conn.getresponse()
            self.assertEqual(resp.status, 413)
            self.assertNotIn("Traceback", resp.read().decode())
            conn.close()
        self.ok(self.c.call("GET", "records", {"app": SURVEY, "query": "limit 1"}))

    def test_keep_alive_gzip_and_headers(self):
        r1 = self.c.call("GET", "records", {"app": PAGING, "query": "limit 1"})
        sock = self.c.conn.sock
        r2 = self.c.call("GET", "records", {"app": PAGING, "query": "limit 200"},
                         headers={"Accept-Encoding": "gzip"})
        self.assertIs(self.c.conn.sock, sock, "the connection is kept alive")
        self.assertEqual(r1.status, 200)
        self.assertIsNone(r1.header("Content-Encoding"), "small bodies are not compressed")
        self.assertEqual(r2.header("Content-Encoding"), "gzip")
        self.assertEqual(int(r2.header("Content-Length")), len(r2.raw))
        self.assertEqual(len(json.loads(gzip.decompress(r2.raw))["records"]), 200)
        self.assertTrue(r1.header("Content-Type").startswith("application/json"))
        self.assertEqual(r1.header("X-ConcurrencyLimit-Limit"), "100")
        self.assertGreaterEqual(int(r1.header("X-ConcurrencyLimit-Running")), 1)

    def test_access_log_has_no_secrets(self):
        self.ok(self.c.call("GET", "records", {"app": SURVEY, "query": 'note = "secret-query"'}))
        with open(MAIN.log, encoding="utf-8") as f:
            log = f.read()
        self.assertIn(" GET /k/v1/records.json 200\n", log)
        for secret in ("pw1", base64.b64encode(b"alice:pw1").decode(), "tok-survey", "secret-query"):
            self.assertNotIn(secret, log)
        for line in log.splitlines():
            self.assertRegex(line, r"^\S+Z [A-Z]+ /\S* \S+$")


class TlsTests(Base):
    def expect_refused(self, context, expect_in_log):
        log_before = len(MAIN.server_log())
        conn = http.client.HTTPSConnection("127.0.0.1", MAIN.port, context=context, timeout=10)
        with self.assertRaises((ssl.SSLError, ConnectionError, http.client.RemoteDisconnected)):
            conn.request("GET", f"/k/v1/records.json?app={SURVEY}", headers=self.c.headers())
            conn.getresponse().read()
        conn.close()
        deadline = time.time() + 5
        while expect_in_log not in MAIN.server_log()[log_before:] and time.time() < deadline:
            time.sleep(0.05)
        self.assertIn(expect_in_log, MAIN.server_log()[log_before:])

    def test_client_without_certificate_is_refused(self):
        self.expect_refused(tls_context(None), "peer did not return a certificate")

    def test_expired_client_certificate_is_refused(self):
        self.expect_refused(tls_context("expired-client"), "certificate has expired")

    def test_client_certificate_from_another_ca_is_refused(self):
        self.expect_refused(tls_context("other-client"), "unable to get local issuer certificate")

    def test_stalled_handshake_does_not_block_the_server(self):
        idle = socket.create_connection(("127.0.0.1", MAIN.port))
        self.addCleanup(idle.close)
        idle.sendall(b"\x16\x03\x01")  # the start of a ClientHello, then nothing
        t0 = time.time()
        self.ok(self.c.call("GET", "records", {"app": SURVEY, "query": "limit 1"}))
        self.assertLess(time.time() - t0, 3)

    def test_control_api_needs_the_client_certificate(self):
        conn = http.client.HTTPSConnection("127.0.0.1", MAIN.port, context=tls_context(None), timeout=10)
        with self.assertRaises((ssl.SSLError, ConnectionError, http.client.RemoteDisconnected)):
            conn.request("GET", "/__fs/stats")
            conn.getresponse().read()
        conn.close()


class FaultTests(Base):
    def setUp(self):
        super().setUp()
        self.addCleanup(control_once, MAIN, "POST", "reset-faults")

    def faults(self, **cfg):
        self.c.control("POST", "faults", cfg)

    def test_429_and_503(self):
        self.faults(script=[{"at": 0, "fault": "429"}, {"at": 1, "fault": "503"}])
        r = self.c.call("GET", "records", {"app": SURVEY, "query": "limit 1"})
        self.fails(r, 429, "GAIA_TO04")
        self.assertEqual(r.header("X-Cybozu-Error"), "GAIA_TO04")
        self.assertIsNotNone(r.header("X-ConcurrencyLimit-Limit"))
        self.assertIsNotNone(r.header("X-ConcurrencyLimit-Running"))
        r = self.c.call("POST", "record", {"app": SURVEY, "record": {"title": {"value": "503"}}})
        self.assertEqual(r.status, 503)
        self.assertTrue(r.header("Content-Type").startswith("text/"))
        self.assertIn(b"Service Unavailable", r.raw)
        with self.assertRaises(ValueError):
            json.loads(r.raw)
        self.ok(self.c.call("GET", "records", {"app": SURVEY, "query": "limit 1"}))
        self.assertGreaterEqual(self.c.control("GET", "stats")["faults"].get("429", 0), 1)

    def test_drop_before_does_not_process(self):
        tag = self.tag()
        self.faults(script=[{"at": 0, "fault": "drop_before"}])
        with self.assertRaises((ConnectionError, http.client.RemoteDisconnected, ssl.SSLError)):
            self.c.call("POST", "record", {"app": SURVEY, "record": {"title": {"value": "d"}, "note": {"value": tag}}})
        self.assertEqual(self.find(f'note = "{tag}"'), [])

    def test_drop_after_commit_commits(self):
        key = str(uuid.uuid4())
        self.faults(script=[{"at": 0, "fault": "drop_after_commit"}])
        t0 = time.time()
        with self.assertRaises((ConnectionError, http.client.RemoteDisconnected, ssl.SSLError)):
            self.c.call("PUT", "records", {"app": SURVEY, "upsert": True, "records": [
                {"updateKey": {"field": "client_uuid", "value": key}, "record": {"title": {"value": "dac"}}}]})
        self.assertLess(time.time() - t0, 5)
        recs = self.find(f'client_uuid = "{key}"')
        self.assertEqual(len(recs), 1, "the dropped request was committed exactly once")
        # the client's retry of the same upsert is an UPDATE of that record, not a duplicate
        res = self.ok(self.c.call("PUT", "records", {"app": SURVEY, "upsert": True, "records": [
            {"updateKey": {"field": "client_uuid", "value": key}, "record": {"title": {"value": "dac"}}}]}))
        self.assertEqual(res["records"][0]["operation"], "UPDATE")
        self.assertEqual(len(self.find(f'client_uuid = "{key}"')), 1)

    def test_drop_after_commit_of_an_upload_leaves_a_live_upload(self):
        live = self.c.control("GET", "stats")["liveUploads"]
        self.faults(script=[{"at": 0, "fault": "drop_after_commit"}], only=["file.json"])
        with self.assertRaises((ConnectionError, http.client.RemoteDisconnected, ssl.SSLError)):
            self.c.upload("lost.jpg", b"x" * 100)
        self.assertEqual(self.c.control("GET", "stats")["liveUploads"], live + 1)

    def test_slow(self):
        tag = self.tag()
        self.faults(script=[{"at": 0, "fault": "slow"}], slowMs=400)
        t0 = time.time()
        self.add({"title": {"value": "slow"}, "note": {"value": tag}})
        self.assertGreaterEqual(time.time() - t0, 0.4)
        self.assertEqual(len(self.find(f'note = "{tag}"')), 1)

    def test_only_filter_and_control_api_immunity(self):
        self.faults(p503=1.0, only=["file"])
        self.ok(self.c.call("GET", "records", {"app": SURVEY, "query": "limit 1"}))
        self.assertEqual(self.c.upload("a.jpg", b"abc").status, 503)
        self.faults(p503=1.0)
        self.assertEqual(self.c.call("GET", "records", {"app": SURVEY}).status, 503)
        self.assertIn("requests", self.c.control("GET", "stats"))

    def test_seeded_schedule_is_reproducible(self):
        def run():
            self.faults(seed=42, p429=0.5)
            return [self.c.call("GET", "records", {"app": SURVEY, "query": "limit 1"}).status for _ in range(16)]
        first, second = run(), run()
        self.assertEqual(first, second)
        self.assertIn(429, first)
        self.assertIn(200, first)
        self.faults(seed=7, p429=0.5)
        third = [self.c.call("GET", "records", {"app": SURVEY, "query": "limit 1"}).status for _ in range(16)]
        self.assertNotEqual(first, third)

    def test_bad_fault_config_is_refused(self):
        r = self.c.raw("POST", "/__fs/faults", json.dumps({"p429": 2}).encode(), {"Content-Type": "application/json"})
        self.assertEqual(r.status, 400)
        r = self.c.raw("POST", "/__fs/faults", json.dumps({"script": [{"at": 0, "fault": "boom"}]}).encode(),
                       {"Content-Type": "application/json"})
        self.assertEqual(r.status, 400)

    def test_concurrency_limit(self):
        aux = Client(server=AUX)
        self.addCleanup(aux.close)
        aux.control("POST", "reset-stats")
        aux.control("POST", "faults", {"pSlow": 1.0, "slowMs": 800})
        self.addCleanup(control_once, AUX, "POST", "reset-faults")
        results = []

        def worker():
            c = Client(server=AUX)
            try:
                r = c.call("GET", "records", {"app": SURVEY, "query": "limit 1"})
                results.append((r.status, r.json.get("code"), r.header("X-Cybozu-Error"),
                                r.header("X-ConcurrencyLimit-Limit")))
            finally:
                c.close()
        threads = [threading.Thread(target=worker) for _ in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        self.assertEqual(len(results), 5)
        self.assertEqual(sum(1 for r in results if r[0] == 200), 2, results)
        for status, code, header, limit in results:
            self.assertEqual(limit, "2")
            if status != 200:
                self.assertEqual((status, code, header), (429, "GAIA_TO04", "GAIA_TO04"))
        stats = aux.control("GET", "stats")
        self.assertGreaterEqual(stats["concurrentMax"], 3)
        self.assertEqual(stats["throttled"], 3)


def quote(s):
    from urllib.parse import quote as q
    return q(s, safe="")


if __name__ == "__main__":
    unittest.main()
