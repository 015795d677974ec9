#!/usr/bin/env python3
"""kintone-compatible REST server for FieldSurvey's sync tests (Python standard library only).

Serves https://127.0.0.1:PORT with mutual TLS (the client must present a certificate issued by
--client-ca) and speaks the subset of the kintone REST API a survey sync client needs, with the
JSON shapes, error codes and transaction semantics described in shared/reference/kintone.md.

Implemented (under /k/v1/ and /k/guest/<space>/v1/):
  record.json              GET / POST / PUT (id or updateKey, revision check: 409 GAIA_CO02)
  records.json             GET (query, fields, totalCount) / POST / PUT (upsert) / DELETE
  records/cursor.json      POST / GET / DELETE (10 live cursors, 10 minute idle expiry)
  bulkRequest.json         POST: up to 20 record(s) sub-requests in ONE transaction
  file.json                POST multipart upload (streamed to disk) / GET download by download key
  record/comments.json     GET;  record/comment.json POST / DELETE
  app/form/fields.json     GET (also preview/app/form/fields.json);  app.json GET
  record(s)/status.json, record/assignees.json   always 400 GAIA_ST02 (no process management)
Authentication: X-Cybozu-Authorization (base64 login:password, --user) or X-Cybozu-API-Token
(--api-token, comma separated or repeated headers); password wins when both are sent.
Every response carries X-ConcurrencyLimit-Limit / X-ConcurrencyLimit-Running; more than
--max-concurrency requests in flight gives 429 GAIA_TO04 with X-Cybozu-Error: GAIA_TO04.
JSON responses over 1 KB are gzip-compressed when the request accepts gzip. HTTP/1.1 only (ALPN
"http/1.1"), keep-alive, Content-Length on every answer; request bodies may be chunked.
Messages are Japanese unless the request's Accept-Language starts with "en" (note: Qt sends
"Accept-Language: en,*" under the C locale). A 429 carries no Retry-After header.
--log writes one line per request: "<UTC time> <METHOD> <path> <status|DROP|ABORTED>".

Storage: one SQLite file (--db) plus a folder "<db>.files" with the uploaded bytes. All kintone API
requests run under one lock, each in one SQLite transaction, so every write API (and a whole
bulkRequest) is all-or-nothing. Record ids, subtable row ids and comment ids are never reused.

Deliberate deviations from real kintone (choices where the reference gives no answer are marked *):
  - `like` is a case-insensitive substring match, not kintone's word search, and sees new records at once.
  - Query functions: NOW, TODAY, YESTERDAY, TOMORROW, FROM_TODAY(n, DAYS|WEEKS|MONTHS|YEARS),
    THIS_MONTH, LAST_MONTH, THIS_YEAR, LOGINUSER only. The user time zone is UTC.
  - Subtable fields in a query match when ANY row matches (`not in` / `not like`: when no row matches
    the positive form). `order by` accepts only top-level single-valued fields and $id.
    Ties in `order by` fall back to `$id desc`.
  - No CALC evaluation (CALC values are ""), no lookups, no process management, no categories, no
    app code (record number = record id), no field-level permissions; every user may do everything.
  - USER_SELECT / ORGANIZATION_SELECT / GROUP_SELECT codes are not checked against a directory;
    name = code (or the --user login).
  - * Writing CREATOR/MODIFIER/CREATED_TIME/UPDATED_TIME: POST -> 400 GAIA_BF02 (no caller is an
    app administrator here), PUT -> 400 GAIA_UN10. CALC / RECORD_NUMBER / STATUS values are ignored.
  - * Attaching a fileKey that is not a live upload key (unknown, expired after --upload-ttl,
    already attached elsewhere, or a download key not currently in that same field of that record)
    -> 400 GAIA_BL01 "指定したファイル（id: <key>）が見つかりません。" (real kintone reports GAIA_BL01
    for stale keys; its HTTP status there is unverified). Sending an existing download key keeps the
    file and its key. Download keys are 14 digits (UTC time) + 35 upper-case hex = 49 characters.
    Downloads are never gzip-compressed; files stay downloadable after they are replaced.
  - * GAIA_RE20 (updateKey matched nothing) and GAIA_IQ27 (updateKey field not unique) are 400.
  - * Cursor limit: 11th live cursor -> 400 GAIA_CU01; unknown/expired cursor id -> 404 GAIA_CU02
    (invented code). Cursors snapshot the matching record ids at creation.
  - * Unknown API path -> 404 CB_NF01 (invented). Unknown API token -> 401 GAIA_IA02; a token valid
    only for other apps -> 403 GAIA_NO01. POST/PUT with a non-JSON Content-Type -> 400 CB_IJ01.
  - * Bodies: JSON over 16 MiB, or a file upload over --max-upload-bytes (1 GiB + 1 MiB), get
    413 with a text/html body (as a front-end proxy would) and the connection is closed.
  - * Some ja/en message wordings not captured from real kintone are approximations (CB_WA01 ja,
    GAIA_IL23, GAIA_IQ07, GAIA_TO04, GAIA_CU01/02, date-format and bulkRequest messages).
  - Comments: `text` is returned as sent (kintone prefixes mentioned names); only the poster may
    delete a comment (else 400 GAIA_RE03). Token-authenticated writes are by "Administrator".

Fault injection and test control (same TLS port, client certificate required, no kintone auth;
never subject to faults or to the concurrency limit):
  POST /__fs/faults  {"seed": int, "p429": f, "p503": f, "pDropBefore": f, "pDropAfterCommit": f,
                      "pSlow": f, "slowMs": int, "only": ["file.json", "records.json", ...],
                      "script": [{"at": n, "fault": "429|503|drop_before|drop_after_commit|slow"}]}
      Every key is optional (seed 0, probabilities 0, slowMs 1000); the probabilities add up to
      at most 1. Replaces the schedule. Requests are numbered from 0 since the schedule was set, counting only
      kintone API requests that pass `only` (API names as in the URL after v1/, ".json" optional).
      A scripted index uses its fault; any other index draws one random number r from
      Random(seed) and takes the first of 429, 503, drop_before, drop_after_commit, slow whose
      cumulative probability exceeds r.
        429               429 GAIA_TO04 JSON + X-Cybozu-Error and ConcurrencyLimit headers
        503               503 text/html "Service Unavailable", no JSON
        drop_before       close the connection without reading or processing the request
        drop_after_commit process and COMMIT the request, then close without sending a byte
        slow              process and commit, sleep slowMs, then respond
  POST /__fs/reset-faults     no faults from now on
  GET  /__fs/stats            {"requests": {"<effective method> <api>.json": n, ...},
                               "faults": {"429": n, "503": n, "drop_before": n, ...},
                               "throttled": n (real concurrency 429s), "methodOverrides": n,
                               "uploads": n, "liveUploads": n (unattached, unexpired), "attachedUploads": n,
                               "expiredUploads": n, "cursors": n (live), "running": n,
                               "concurrentMax": n, "faultIndex": n (next scheduled request index)}
  POST /__fs/reset-stats      zero the request/fault counters and concurrentMax
  POST /__fs/expire-uploads   expire every unattached upload now -> {"expired": n}
  GET  /__fs/dump?app=N       {"app": "N", "lastId": n, "records": [{"id": n, "revision": n,
                               "createdTime", "updatedTime", "creator", "modifier",
                               "fields": {code: value}, "comments": [{id, text, creator, ...}]}]}
                              sorted by id; values as the API returns them, FILE entries with an
                              extra "sha256" of the stored bytes, subtable rows {"id", "value"}.
  POST /__fs/touch-record     {"app", "id", "record", "user"?: "lead"} update as another user
                              (no revision check) -> {"revision": "n"}
"""

import argparse
import base64
import copy
import datetime
import gzip
import hashlib
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import ssl
import string
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import uuid
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_JSON_BODY = 16 * 1024 * 1024
DEFAULT_MAX_UPLOAD = 1024 * 1024 * 1024 + 1024 * 1024
HANDSHAKE_TIMEOUT = 10.0
IDLE_TIMEOUT = 120.0
CURSOR_TTL = 600.0
MAX_CURSORS = 10
GZIP_MIN = 1024

# --------------------------------------------------------------------------------------------
# Messages: (ja, en)
MESSAGES = {
    "CB_AU01": ("ログインしてください。", "Please login."),
    "CB_WA01": ("パスワード認証に失敗しました。X-Cybozu-Authorizationヘッダーの値が正しくありません。",
                "Password authentication failed. The value in http header of X-Cybozu-Authorization is not valid."),
    "GAIA_IA02": ("指定したAPIトークンが無効です。", "The specified API token is invalid."),
    "GAIA_NO01": ("このAPIトークンでは、指定したAPIを実行できません。",
                  "Using this API token, you cannot run the specified API."),
    "CB_NO02": ("権限がありません。", "No privilege to proceed."),
    "GAIA_IL23": ("ゲストスペース内のアプリを操作する場合は、ゲストスペースのURL（/k/guest/<スペースID>/v1/）を指定してください。",
                  "To access an app in a guest space, use the guest space URL (/k/guest/<space ID>/v1/)."),
    "CB_VA01": ("入力内容が正しくありません。", "Missing or invalid input."),
    "CB_IJ01": ("不正なJSON文字列です。", "Invalid JSON string."),
    "CB_NF01": ("指定したAPIが見つかりません。", "The specified API is not found."),
    "CB_UN01": ("予期しないエラーが発生しました。", "An unexpected error has occurred."),
    "GAIA_AP01": ("指定したアプリ（id: {app}）が見つかりません。削除されている可能性があります。",
                  "The app (ID: {app}) not found. The app may have been deleted."),
    "GAIA_RE01": ("指定したレコード（id: {id}）が見つかりません。", "The specified record (ID: {id}) is not found."),
    "GAIA_RE02": ("指定したコメントが存在しません。削除された可能性があります。",
                  "The specified comment does not exist. The comment may have been deleted."),
    "GAIA_RE03": ("コメント（id: {id}）は削除できません。ほかのユーザーが投稿したコメントです。",
                  "Cannot delete the comment (ID: {id}). The comment was posted by someone other than you."),
    "GAIA_RE20": ("「updateKey」に指定した条件に一致するレコードがありません。",
                  "No records match the conditions specified in the \"updateKey\" field."),
    "GAIA_IQ27": ("レコードの更新に失敗しました。「updateKey」に指定したフィールド（code: {field}）には「値の重複を禁止する」を設定する必要があります。",
                  "Failed to update record. The field (code: {field}) set as \"updateKey\" must be set to \"Prohibit duplicate values\"."),
    "GAIA_CO02": ("指定したrevisionは最新ではありません。ほかのユーザーがレコードを更新した可能性があります。",
                  "The revision is not the latest. Someone may update a record."),
    "GAIA_QU01": ("limit には 500 以下の値を指定してください。", "limit must be 500 or less."),
    "GAIA_QU02": ("offset には 10,000 以下の値を指定してください。", "offset must be 10,000 or less."),
    "GAIA_IQ11": ("指定されたフィールド（{field}）が見つかりません。", "Specified field ({field}) not found."),
    "GAIA_IQ03": ("{field}フィールドのフィールドタイプには演算子{op}を使用できません。",
                  "The operator {op} cannot be used for the field type of the {field} field."),
    "GAIA_IQ07": ("テーブル内のフィールド（{field}）には演算子{op}を使用できません。",
                  "The operator {op} cannot be used for the field ({field}) in a table."),
    "GAIA_BL01": ("指定したファイル（id: {key}）が見つかりません。", "The specified file (id: {key}) not found."),
    "GAIA_TO04": ("同時に処理できるAPIリクエスト数の上限を超えています。",
                  "The number of concurrent API requests exceeds the limit."),
    "GAIA_CU01": ("作成できるカーソルの上限（{n}件）に達しています。", "The maximum number of cursors ({n}) has been reached."),
    "GAIA_CU02": ("指定したカーソル（id: {id}）が見つかりません。有効期限が切れた可能性があります。",
                  "The specified cursor (id: {id}) is not found. It may have expired."),
    "GAIA_UN10": ("フィールドタイプが{type}のフィールドは更新できません。", "Cannot update field whose type is {type}."),
    "GAIA_BF02": ("「{field}」フィールドに値を指定してレコードを追加するには、アプリ管理権限が必要です。",
                  "App permissions are required to add records with specifying a value in the \"{field}\" field."),
    "GAIA_ST02": ("操作に失敗しました。プロセス管理機能が無効化されています。",
                  "Your request failed. The process management feature has been disabled."),
    # field / parameter messages
    "required": ("必須です。", "Required."),
    "param_required": ("必須です。", "Required field."),
    "unique": ("値がほかのレコードと重複しています。", "This value already exists in another record."),
    "option": ("\"{v}\"は選択肢にありません。", "The value, \"{v}\", is not in options."),
    "max_length": ("{n}文字より短くなければなりません。", "Enter less than {n} characters."),
    "min_length": ("{n}文字より長くなければなりません。", "Enter more than {n} characters."),
    "max_value": ("{n}以下である必要があります。", "The value must be {n} or less."),
    "min_value": ("{n}以上である必要があります。", "The value must be {n} or more."),
    "nan": ("数字でなければなりません。", "Only numbers are allowed."),
    "bad_date": ("日付の形式が不正です。", "Invalid date format."),
    "bad_time": ("時刻の形式が不正です。", "Invalid time format."),
    "bad_datetime": ("日時の形式が不正です。", "Invalid date and time format."),
    "bad_value": ("値が不正です。", "The value is invalid."),
    "query_syntax": ("クエリ記法が間違っています。", "Query syntax is invalid."),
    "query_no_limit": ("カーソルのクエリにlimit句とoffset句は指定できません。", "limit and offset cannot be used in a cursor query."),
    "integer": ("整数で入力してください。", "Enter an integer value."),
    "min1": ("最小でも1以上です。", "must be greater than or equal to 1"),
    "min0": ("最小でも0以上です。", "must be greater than or equal to 0"),
    "min_rev": ("最小でも-1以上です。", "must be greater than or equal to -1"),
    "max10": ("最大でも10以下です。", "must be less than or equal to 10"),
    "max500": ("最大でも500以下です。", "must be less than or equal to 500"),
    "enum": ("Enum値のいずれかでなければなりません。", "must be one of the enum value"),
    "boolean": ("真偽値でなければなりません。", "must be boolean."),
    "add_max": ("一度に100件までのレコードを追加できます。", "A maximum of 100 records can be added at one time."),
    "update_max": ("一度に100件までのレコードを更新できます。", "A maximum of 100 records can be updated at one time."),
    "delete_range": ("一度に1件から100件までのレコードを削除できます。", "Between 1 and 100 records can be deleted at one time."),
    "bulk_max": ("一度に実行できるリクエストは20件までです。", "A maximum of 20 requests can be sent at one time."),
    "bulk_api": ("bulkRequestでは実行できないAPIです。", "This API cannot be used in bulkRequest."),
    "id_and_key": ("idとupdateKeyは同時に指定できません。", "id and updateKey cannot be specified together."),
    "text_max": ("65535文字以下でなければなりません。", "must be 65535 characters or less."),
    "mentions_max": ("メンションは10件まで指定できます。", "size must be between 0 and 10"),
    "revisions_size": ("idsとrevisionsの件数が一致しません。", "revisions must have the same size as ids."),
}

TYPE_NAMES_JA = {"DROP_DOWN": "ドロップダウン", "RADIO_BUTTON": "ラジオボタン", "CHECK_BOX": "チェックボックス",
                 "MULTI_SELECT": "複数選択", "MULTI_LINE_TEXT": "文字列（複数行）", "RICH_TEXT": "リッチエディター",
                 "SINGLE_LINE_TEXT": "文字列（1行）", "NUMBER": "数値", "DATE": "日付", "TIME": "時刻",
                 "DATETIME": "日時", "FILE": "添付ファイル", "USER_SELECT": "ユーザー選択", "LINK": "リンク"}


def msg(lang, name, /, **kw):
    pair = MESSAGES[name]
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**kw) if kw else text


def error_id():
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(20))


class ApiError(Exception):
    """A kintone error answer: HTTP status + {"code","id","message","errors"?}."""

    def __init__(self, status, code, message, errors=None, headers=None):
        super().__init__(code)
        self.status, self.code, self.message, self.errors = status, code, message, errors
        self.headers = headers or {}

    def body(self):
        out = {"code": self.code, "id": error_id(), "message": self.message}
        if self.errors is not None:
            out["errors"] = self.errors
        return out


def err(ctx, status, code, **kw):
    return ApiError(status, code, msg(ctx.lang, code, **kw))


def va01(ctx, errors):
    """400 CB_VA01 with errors {key: {"messages": [...]}} built from {key: [message, ...]}."""
    return ApiError(400, "CB_VA01", msg(ctx.lang, "CB_VA01"),
                    {k: {"messages": v} for k, v in errors.items()})


def query_error(ctx):
    return va01(ctx, {"query": [msg(ctx.lang, "query_syntax")]})


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc)


def minute_stamp(dt=None):
    return (dt or utc_now()).strftime("%Y-%m-%dT%H:%M:00Z")


# --------------------------------------------------------------------------------------------
# Apps and field definitions

SYSTEM_FIELDS = [("RECORD_NUMBER", "レコード番号", "レコード番号"), ("CREATOR", "作成者", "作成者"),
                 ("CREATED_TIME", "作成日時", "作成日時"), ("MODIFIER", "更新者", "更新者"),
                 ("UPDATED_TIME", "更新日時", "更新日時")]
NO_VALUE_TYPES = {"GROUP", "REFERENCE_TABLE", "LABEL", "SPACER", "HR", "STATUS", "STATUS_ASSIGNEE", "CATEGORY"}
TEXT_TYPES = {"SINGLE_LINE_TEXT", "MULTI_LINE_TEXT", "RICH_TEXT", "LINK"}
LIST_TYPES = {"CHECK_BOX", "MULTI_SELECT"}
ENTITY_TYPES = {"USER_SELECT", "ORGANIZATION_SELECT", "GROUP_SELECT"}
SYSTEM_WRITE_TYPES = {"CREATOR", "MODIFIER", "CREATED_TIME", "UPDATED_TIME"}
IGNORED_WRITE_TYPES = {"CALC", "RECORD_NUMBER"} | NO_VALUE_TYPES
UNIQUE_TYPES = {"SINGLE_LINE_TEXT", "NUMBER", "LINK", "DATE", "DATETIME"}


class App:
    def __init__(self, app_id, properties, space=None):
        self.id = app_id
        self.space = space
        self.tokens = set()
        self.props = {}
        for key, prop in properties.items():
            prop = dict(prop)
            prop.setdefault("code", key)
            if "type" not in prop:
                raise ValueError(f"app {app_id}: field {key} has no type")
            self.props[prop["code"]] = prop
        present = {p["type"] for p in self.props.values()}
        for ftype, code, label in SYSTEM_FIELDS:
            if ftype not in present and code not in self.props:
                self.props[code] = {"type": ftype, "code": code, "label": label, "noLabel": False}
        self.inner = {}  # inner code -> (subtable code, prop)
        for code, prop in self.props.items():
            if prop["type"] == "SUBTABLE":
                fields = {}
                for ikey, iprop in (prop.get("fields") or {}).items():
                    iprop = dict(iprop)
                    iprop.setdefault("code", ikey)
                    fields[iprop["code"]] = iprop
                    self.inner[iprop["code"]] = (code, iprop)
                prop["fields"] = fields
        self.record_number_code = next(c for c, p in self.props.items() if p["type"] == "RECORD_NUMBER")


# --------------------------------------------------------------------------------------------
# Value normalisation (write side)

def normalize_number(raw):
    """kintone stores String(Number(v)): "1.5e1" -> "15", " 42 " -> "42". None for not-a-number."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        raw = repr(raw)
    if not isinstance(raw, str):
        return None
    s = raw.strip()
    if s == "":
        return ""
    if "_" in s or not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", s):
        return None
    try:
        d = Decimal(s)
    except InvalidOperation:
        return None
    if d == 0:
        return "0"
    text = format(d.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def parse_date(s):
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", s.strip())
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return None


def parse_datetime(s):
    """ISO 8601 with Z or +-HH:MM (seconds ignored) -> aware UTC datetime at minute precision."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?",
                     s.strip())
    if not m:
        return None
    try:
        dt = datetime.datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)))
    except ValueError:
        return None
    tz = m.group(7) or "Z"
    if tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        digits = tz[1:].replace(":", "")
        offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        dt = dt - sign * offset
    return dt.replace(tzinfo=datetime.timezone.utc)


def empty_value(ftype):
    if ftype in LIST_TYPES or ftype in ENTITY_TYPES or ftype in ("FILE", "SUBTABLE"):
        return []
    if ftype in ("DATE", "TIME", "DROP_DOWN"):
        return None
    return ""


def is_empty(value):
    return value is None or value == "" or value == []


def default_value(prop):
    ftype = prop["type"]
    if ftype == "DATE" and prop.get("defaultNowValue"):
        return utc_now().date().isoformat()
    if ftype == "DATETIME" and prop.get("defaultNowValue"):
        return minute_stamp()
    if ftype == "TIME" and prop.get("defaultNowValue"):
        return utc_now().strftime("%H:%M")
    dv = prop.get("defaultValue")
    if dv is None or ftype in ("FILE", "SUBTABLE") or ftype in IGNORED_WRITE_TYPES:
        return copy.deepcopy(empty_value(ftype))
    if ftype == "NUMBER":
        return normalize_number(dv) or ""
    if ftype in ENTITY_TYPES:
        return [{"code": e.get("code", ""), "name": e.get("code", "")} for e in dv if isinstance(e, dict)]
    if ftype in ("DATE", "TIME", "DROP_DOWN") and dv == "":
        return None
    return copy.deepcopy(dv)


class WriteContext:
    """What one record write needs: the request context, the app, and where to report errors."""

    def __init__(self, ctx, app, prefix, errors):
        self.ctx, self.app, self.prefix, self.errors = ctx, app, prefix, errors

    def add(self, key, message):
        self.errors.setdefault(key, []).append(message)


def normalize_scalar(wc, prop, raw, key_base, in_table):
    """Normalise one written value. key_base is e.g. 'record.code' or 'record.sub.value[0].value.code'."""
    lang = wc.ctx.lang
    ftype = prop["type"]
    code = prop["code"]
    if ftype in TEXT_TYPES:
        if raw is None:
            return ""
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return str(raw)
        if not isinstance(raw, str):
            wc.add(key_base + ".value", msg(lang, "bad_value"))
            return ""
        return raw
    if ftype == "NUMBER":
        if raw is None:
            return ""
        n = normalize_number(raw)
        if n is None:
            if in_table:
                return ""
            wc.add(f"{wc.prefix}[{code}].value", msg(lang, "nan"))
            return ""
        return n
    if ftype in ("RADIO_BUTTON", "DROP_DOWN"):
        if raw is None or raw == "":
            return None if ftype == "DROP_DOWN" else ""
        if not isinstance(raw, str):
            wc.add(key_base + ".value", msg(lang, "bad_value"))
            return ""
        if raw not in (prop.get("options") or {}):
            wc.add(key_base + ".value", msg(lang, "option", v=raw))
        return raw
    if ftype in LIST_TYPES:
        if raw is None:
            return []
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            wc.add(key_base + ".values", msg(lang, "bad_value"))
            return []
        for i, v in enumerate(raw):
            if v not in (prop.get("options") or {}):
                wc.add(f"{key_base}.values[{i}].value", msg(lang, "option", v=v))
        return list(raw)
    if ftype in ENTITY_TYPES:
        if raw is None:
            return []
        if not isinstance(raw, list) or not all(isinstance(e, dict) and isinstance(e.get("code"), str) for e in raw):
            wc.add(key_base + ".values.value", msg(lang, "bad_value"))
            return []
        return [{"code": e["code"], "name": wc.ctx.server.user_name(e["code"])} for e in raw]
    if ftype == "DATE":
        if raw is None or raw == "":
            return None
        d = parse_date(raw) if isinstance(raw, str) else None
        if d is None:
            wc.add(key_base + ".value", msg(lang, "bad_date"))
            return None
        return d.isoformat()
    if ftype == "TIME":
        if raw is None or raw == "":
            return None
        m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", raw.strip()) if isinstance(raw, str) else None
        if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
            wc.add(key_base + ".value", msg(lang, "bad_time"))
            return None
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    if ftype == "DATETIME":
        if raw is None or raw == "":
            return ""
        dt = parse_datetime(raw) if isinstance(raw, str) else None
        if dt is None:
            wc.add(key_base + ".value", msg(lang, "bad_datetime"))
            return ""
        return minute_stamp(dt)
    return raw


def validate_value(wc, prop, value, key_base, self_id, check_unique=True):
    """required / length / range / unique checks on a merged value."""
    lang = wc.ctx.lang
    ftype = prop["type"]
    if ftype in IGNORED_WRITE_TYPES or ftype in SYSTEM_WRITE_TYPES or ftype == "SUBTABLE":
        return
    if prop.get("required") and ftype not in ("RADIO_BUTTON", "CALC") and is_empty(value):
        if ftype in LIST_TYPES or ftype == "FILE":
            wc.add(key_base + ".values", msg(lang, "required"))
        elif ftype in ENTITY_TYPES:
            wc.add(key_base + ".values.value", msg(lang, "required"))
        else:
            wc.add(key_base + ".value", msg(lang, "required"))
        return
    if is_empty(value):
        return
    if ftype in ("SINGLE_LINE_TEXT", "MULTI_LINE_TEXT", "LINK"):
        if prop.get("maxLength") not in (None, "") and len(value) > int(prop["maxLength"]):
            wc.add(key_base + ".value", msg(lang, "max_length", n=int(prop["maxLength"]) + 1))
        if prop.get("minLength") not in (None, "") and len(value) < int(prop["minLength"]):
            wc.add(key_base + ".value", msg(lang, "min_length", n=int(prop["minLength"]) - 1))
    if ftype == "NUMBER":
        if prop.get("maxValue") not in (None, "") and Decimal(value) > Decimal(str(prop["maxValue"])):
            wc.add(key_base + ".value", msg(lang, "max_value", n=prop["maxValue"]))
        if prop.get("minValue") not in (None, "") and Decimal(value) < Decimal(str(prop["minValue"])):
            wc.add(key_base + ".value", msg(lang, "min_value", n=prop["minValue"]))
    if check_unique and prop.get("unique") and ftype in UNIQUE_TYPES:
        for other in wc.ctx.store.records(wc.app.id).values():
            if other["id"] != self_id and other["f"].get(prop["code"]) == value:
                wc.add(key_base + ".value", msg(lang, "unique"))
                break


# --------------------------------------------------------------------------------------------
# Query language

KEYWORDS = {"and", "or", "order", "by", "asc", "desc", "limit", "offset", "in", "not", "like", "is", "empty"}
NUMERIC_Q = {"__ID__", "__REVISION__", "RECORD_NUMBER", "NUMBER", "CALC"}
OPS_BY_TYPE = {
    "numeric": {"=", "!=", ">", "<", ">=", "<=", "in", "not in"},
    "text": {"=", "!=", "in", "not in", "like", "not like"},
    "longtext": {"like", "not like", "is empty", "is not empty"},
    "select": {"in", "not in"},
    "entity": {"in", "not in"},
    "time": {"=", "!=", ">", "<", ">=", "<="},
    "file": {"like", "not like", "is empty", "is not empty"},
}


def type_class(ftype):
    if ftype in NUMERIC_Q:
        return "numeric"
    if ftype in ("SINGLE_LINE_TEXT", "LINK"):
        return "text"
    if ftype in ("MULTI_LINE_TEXT", "RICH_TEXT"):
        return "longtext"
    if ftype in ("RADIO_BUTTON", "DROP_DOWN", "CHECK_BOX", "MULTI_SELECT", "STATUS", "CATEGORY"):
        return "select"
    if ftype in ENTITY_TYPES or ftype in ("CREATOR", "MODIFIER", "STATUS_ASSIGNEE"):
        return "entity"
    if ftype in ("DATE", "TIME", "DATETIME", "CREATED_TIME", "UPDATED_TIME"):
        return "time"
    if ftype == "FILE":
        return "file"
    return None


class QuerySyntax(Exception):
    pass


def tokenize(q):
    tokens = []
    i, n = 0, len(q)
    ws = " \t\r\n\u3000"
    while i < n:
        c = q[i]
        if c in ws:
            i += 1
            continue
        if c == '"':
            i += 1
            buf = []
            while True:
                if i >= n:
                    raise QuerySyntax("unterminated string")
                c = q[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\":
                    if i + 1 >= n:
                        raise QuerySyntax("dangling escape")
                    e = q[i + 1]
                    buf.append({"t": "\t", "n": "\n", "r": "\r"}.get(e, e))
                    i += 2
                    continue
                if ord(c) < 0x20:
                    raise QuerySyntax("raw control character in a string")
                buf.append(c)
                i += 1
            tokens.append(("str", "".join(buf)))
            continue
        if c in "(),":
            tokens.append((c, c))
            i += 1
            continue
        if c in "=!<>":
            two = q[i:i + 2]
            if two in ("!=", ">=", "<="):
                tokens.append(("op", two))
                i += 2
            elif c == "!":
                raise QuerySyntax("lone !")
            else:
                tokens.append(("op", c))
                i += 1
            continue
        j = i
        while j < n and q[j] not in ws and q[j] not in '"(),=!<>':
            j += 1
        tokens.append(("word", q[i:j]))
        i = j
    return tokens


class QueryParser:
    """Recursive descent: expr := and-expr (or and-expr)*; and-expr := primary (and primary)*."""

    def __init__(self, text):
        self.toks = tokenize(text)
        self.pos = 0

    def peek(self, k=0):
        p = self.pos + k
        return self.toks[p] if p < len(self.toks) else (None, None)

    def is_kw(self, word, k=0):
        t = self.peek(k)
        return t[0] == "word" and t[1].lower() == word

    def take(self):
        t = self.peek()
        if t[0] is None:
            raise QuerySyntax("unexpected end")
        self.pos += 1
        return t

    def expect_kw(self, word):
        if not self.is_kw(word):
            raise QuerySyntax(f"expected {word}")
        self.pos += 1

    def parse(self):
        cond = None
        if self.peek()[0] is not None and not (self.is_kw("order") or self.is_kw("limit") or self.is_kw("offset")):
            cond = self.parse_or()
        order, limit, offset = [], None, None
        if self.is_kw("order"):
            self.pos += 1
            self.expect_kw("by")
            while True:
                t = self.take()
                if t[0] != "word":
                    raise QuerySyntax("order by field")
                direction = "asc"
                if self.is_kw("asc") or self.is_kw("desc"):
                    direction = self.take()[1].lower()
                order.append((t[1], direction))
                if self.peek()[0] == ",":
                    self.pos += 1
                    continue
                break
        if self.is_kw("limit"):
            self.pos += 1
            limit = self.parse_int()
        if self.is_kw("offset"):
            self.pos += 1
            offset = self.parse_int()
        if self.peek()[0] is not None:
            raise QuerySyntax(f"unexpected {self.peek()[1]}")
        return cond, order, limit, offset

    def parse_int(self):
        t = self.take()
        if t[0] != "word" or not re.fullmatch(r"-?\d+", t[1]):
            raise QuerySyntax("integer expected")
        return int(t[1])

    def parse_or(self):
        node = self.parse_and()
        while self.is_kw("or"):
            self.pos += 1
            node = ("or", node, self.parse_and())
        return node

    def parse_and(self):
        node = self.parse_primary()
        while self.is_kw("and"):
            self.pos += 1
            node = ("and", node, self.parse_primary())
        return node

    def parse_primary(self):
        if self.peek()[0] == "(":
            self.pos += 1
            node = self.parse_or()
            if self.take()[0] != ")":
                raise QuerySyntax("missing )")
            return node
        t = self.take()
        if t[0] != "word" or t[1].lower() in KEYWORDS:
            raise QuerySyntax("field expected")
        field = t[1]
        nt = self.peek()
        if nt[0] == "op":
            self.pos += 1
            return ("cmp", field, nt[1], self.parse_value())
        if self.is_kw("in"):
            self.pos += 1
            return ("cmp", field, "in", self.parse_list())
        if self.is_kw("not"):
            self.pos += 1
            if self.is_kw("in"):
                self.pos += 1
                return ("cmp", field, "not in", self.parse_list())
            if self.is_kw("like"):
                self.pos += 1
                return ("cmp", field, "not like", self.parse_value())
            raise QuerySyntax("in or like expected after not")
        if self.is_kw("like"):
            self.pos += 1
            return ("cmp", field, "like", self.parse_value())
        if self.is_kw("is"):
            self.pos += 1
            if self.is_kw("not"):
                self.pos += 1
                self.expect_kw("empty")
                return ("cmp", field, "is not empty", None)
            self.expect_kw("empty")
            return ("cmp", field, "is empty", None)
        raise QuerySyntax("operator expected")

    def parse_list(self):
        if self.take()[0] != "(":
            raise QuerySyntax("( expected")
        values = [self.parse_value()]
        while self.peek()[0] == ",":
            self.pos += 1
            values.append(self.parse_value())
        if self.take()[0] != ")":
            raise QuerySyntax(") expected")
        return values

    def parse_value(self):
        t = self.take()
        if t[0] == "str":
            return ("str", t[1])
        if t[0] == "word":
            if self.peek()[0] == "(":
                self.pos += 1
                args = []
                while self.peek()[0] != ")":
                    a = self.take()
                    if a[0] not in ("word", "str"):
                        raise QuerySyntax("bad function argument")
                    args.append(a[1])
                    if self.peek()[0] == ",":
                        self.pos += 1
                if self.take()[0] != ")":
                    raise QuerySyntax(") expected")
                return ("fn", t[1].upper(), args)
            if re.fullmatch(r"-?\d+(\.\d+)?", t[1]):
                return ("num", t[1])
        raise QuerySyntax("value expected")


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
                      31, 31, 30, 31, 30, 31][month - 1])
    return datetime.date(year, month, day)


def time_range(v, ftype):
    """Query value -> (lo, hi) half-open range of comparable strings for DATE / DATETIME / TIME."""
    today = utc_now().date()
    if v[0] == "fn":
        name, args = v[1], v[2]
        if name == "NOW" and not args:
            dt = utc_now()
            if ftype == "DATE":
                d = dt.date()
                return d.isoformat(), (d + datetime.timedelta(days=1)).isoformat()
            if ftype == "TIME":
                t = dt.strftime("%H:%M")
                return t, t + "~"
            return dt.strftime("%Y-%m-%dT%H:%M"), (dt + datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M")
        days = {"TODAY": 0, "YESTERDAY": -1, "TOMORROW": 1}
        if name in days and not args:
            lo = today + datetime.timedelta(days=days[name])
            hi = lo + datetime.timedelta(days=1)
        elif name == "FROM_TODAY" and len(args) == 2 and re.fullmatch(r"-?\d+", args[0]):
            k = int(args[0])
            unit = args[1].upper()
            if unit == "DAYS":
                lo = today + datetime.timedelta(days=k)
            elif unit == "WEEKS":
                lo = today + datetime.timedelta(weeks=k)
            elif unit == "MONTHS":
                lo = add_months(today, k)
            elif unit == "YEARS":
                lo = add_months(today, 12 * k)
            else:
                raise QuerySyntax("unit")
            hi = lo + datetime.timedelta(days=1)
        elif name in ("THIS_MONTH", "LAST_MONTH") and not args:
            lo = add_months(today.replace(day=1), 0 if name == "THIS_MONTH" else -1)
            hi = add_months(lo, 1)
        elif name == "THIS_YEAR" and not args:
            lo = today.replace(month=1, day=1)
            hi = lo.replace(year=lo.year + 1)
        else:
            raise QuerySyntax("unsupported function")
        if ftype == "DATE":
            return lo.isoformat(), hi.isoformat()
        if ftype == "TIME":
            raise QuerySyntax("date function on TIME")
        return lo.isoformat() + "T00:00", hi.isoformat() + "T00:00"
    s = v[1]
    if ftype == "TIME":
        m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", s)
        if not m:
            raise QuerySyntax("time")
        t = f"{int(m.group(1)):02d}:{m.group(2)}"
        return t, t + "~"
    dt = parse_datetime(s) if "T" in s or " " in s.strip() else None
    if dt is not None:
        if ftype == "DATE":
            d = dt.date()
            return d.isoformat(), (d + datetime.timedelta(days=1)).isoformat()
        return dt.strftime("%Y-%m-%dT%H:%M"), (dt + datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M")
    d = parse_date(s)
    if d is None:
        raise QuerySyntax("date")
    hi = d + datetime.timedelta(days=1)
    if ftype == "DATE":
        return d.isoformat(), hi.isoformat()
    return d.isoformat() + "T00:00", hi.isoformat() + "T00:00"


def comparable_time(value, ftype):
    if is_empty(value):
        return None
    if ftype in ("DATETIME", "CREATED_TIME", "UPDATED_TIME"):
        return value[:16]
    return value


class Query:
    """A compiled query over one app: predicate, ordering, limit, offset."""

    def __init__(self, ctx, app, text, login):
        self.ctx, self.app, self.login = ctx, app, login
        try:
            cond, order, limit, offset = QueryParser(text or "").parse()
            self.pred = self.compile(cond) if cond else (lambda rec: True)
        except QuerySyntax:
            raise query_error(ctx)
        self.order = [self.order_key(f, d) for f, d in order]
        self.limit, self.offset = limit, offset
        self.has_limit_or_offset = limit is not None or offset is not None

    def field(self, code):
        if code == "$id":
            return None, {"type": "__ID__", "code": "$id"}
        if code == "$revision":
            return None, {"type": "__REVISION__", "code": "$revision"}
        if code in self.app.props and self.app.props[code]["type"] not in NO_VALUE_TYPES | {"SUBTABLE"}:
            return None, self.app.props[code]
        if code in self.app.inner:
            return self.app.inner[code]
        raise err(self.ctx, 400, "GAIA_IQ11", field=code)

    def getter(self, sub, prop):
        ftype, code = prop["type"], prop["code"]
        if ftype in ("__ID__", "RECORD_NUMBER"):
            return lambda rec: [str(rec["id"])]
        if ftype == "__REVISION__":
            return lambda rec: [str(rec["revision"])]
        if ftype == "CREATED_TIME":
            return lambda rec: [rec["created"]]
        if ftype == "UPDATED_TIME":
            return lambda rec: [rec["updated"]]
        if ftype == "CREATOR":
            return lambda rec: [[rec["creator"]]]
        if ftype == "MODIFIER":
            return lambda rec: [[rec["modifier"]]]
        if sub is None:
            return lambda rec: [rec["f"].get(code, empty_value(ftype))]
        return lambda rec: [row["value"].get(code, empty_value(ftype)) for row in rec["f"].get(sub, [])]

    def compile(self, node):
        if node[0] == "and":
            a, b = self.compile(node[1]), self.compile(node[2])
            return lambda rec: a(rec) and b(rec)
        if node[0] == "or":
            a, b = self.compile(node[1]), self.compile(node[2])
            return lambda rec: a(rec) or b(rec)
        _, code, op, val = node
        sub, prop = self.field(code)
        ftype = prop["type"]
        cls = type_class(ftype)
        if cls is None or op not in OPS_BY_TYPE[cls]:
            raise err(self.ctx, 400, "GAIA_IQ03", field=TYPE_NAMES_JA.get(ftype, ftype) if self.ctx.lang != "en"
                      else ftype, op=op)
        if sub is not None and op in ("=", "!="):
            raise err(self.ctx, 400, "GAIA_IQ07", field=code, op=op)
        get = self.getter(sub, prop)
        if op in ("!=", "not in", "not like"):
            positive = self.value_test(ftype, cls, {"!=": "=", "not in": "in", "not like": "like"}[op], val)
            return lambda rec: not any(positive(v) for v in get(rec))
        if op == "is not empty":
            return lambda rec: any(not is_empty(v) for v in get(rec))
        if sub is not None and op == "is empty":
            return lambda rec: all(is_empty(v) for v in get(rec))
        test = self.value_test(ftype, cls, op, val)
        return lambda rec: any(test(v) for v in get(rec))

    def text_of(self, v):
        if v[0] in ("str", "num"):
            return v[1]
        if v[0] == "fn" and v[1] == "LOGINUSER" and not v[2]:
            return self.login
        raise QuerySyntax("value")

    def value_test(self, ftype, cls, op, val):
        if op == "is empty":
            return is_empty
        if cls == "numeric":
            values = val if op == "in" else [val]
            nums = []
            for v in values:
                t = self.text_of(v)
                if t == "":
                    nums.append(None)
                    continue
                n = normalize_number(t)
                if n is None or n == "":
                    raise QuerySyntax("number")
                nums.append(Decimal(n))

            def num(x):
                return None if is_empty(x) else Decimal(x)
            if op == "in":
                return lambda x: num(x) in nums
            q = nums[0]
            if q is None:
                return (lambda x: is_empty(x)) if op == "=" else (lambda x: False)
            return {"=": lambda x: num(x) is not None and num(x) == q,
                    ">": lambda x: num(x) is not None and num(x) > q,
                    "<": lambda x: num(x) is not None and num(x) < q,
                    ">=": lambda x: num(x) is not None and num(x) >= q,
                    "<=": lambda x: num(x) is not None and num(x) <= q}[op]
        if cls in ("text", "longtext", "file"):
            if op == "in":
                wanted = {self.text_of(v) for v in val}
                return lambda x: (x or "") in wanted
            q = self.text_of(val)
            if op == "=":
                return lambda x: (x or "") == q
            if op == "like":
                ql = q.lower()
                if cls == "file":
                    return lambda x: any(ql in f["name"].lower() for f in (x or []))
                return lambda x: ql in (x or "").lower()
        if cls == "select":
            wanted = {self.text_of(v) for v in val}

            def sel(x):
                items = x if isinstance(x, list) else ([] if is_empty(x) else [x])
                if not items:
                    return "" in wanted
                return any(i in wanted for i in items)
            return sel
        if cls == "entity":
            wanted = {self.text_of(v) for v in val}

            def ent(x):
                codes = [e.get("code") for e in (x or [])]
                if not codes:
                    return "" in wanted
                return any(c in wanted for c in codes)
            return ent
        if cls == "time":
            if val[0] == "str" and val[1] == "":
                return (lambda x: is_empty(x)) if op == "=" else (lambda x: False)
            lo, hi = time_range(val, ftype)

            def cmp(x, f):
                c = comparable_time(x, ftype)
                return c is not None and f(c)
            return {"=": lambda x: cmp(x, lambda c: lo <= c < hi),
                    ">": lambda x: cmp(x, lambda c: c >= hi),
                    ">=": lambda x: cmp(x, lambda c: c >= lo),
                    "<": lambda x: cmp(x, lambda c: c < lo),
                    "<=": lambda x: cmp(x, lambda c: c < hi)}[op]
        raise QuerySyntax("operator")

    def order_key(self, code, direction):
        sub, prop = self.field(code)
        ftype = prop["type"]
        if sub is not None or ftype in LIST_TYPES or ftype in ENTITY_TYPES or ftype in ("FILE",):
            raise query_error(self.ctx)
        get = self.getter(None, prop)
        if ftype in NUMERIC_Q:
            def key(rec):
                v = get(rec)[0]
                return (0, Decimal(0)) if is_empty(v) else (1, Decimal(v))
        elif ftype in ("CREATOR", "MODIFIER"):
            def key(rec):
                return get(rec)[0][0]["code"]
        else:
            def key(rec):
                v = get(rec)[0]
                return "" if v is None else v
        return key, direction == "desc"

    def run(self, records):
        """All matching records in query order (limit/offset not applied)."""
        matched = [r for r in records if self.pred(r)]
        matched.sort(key=lambda r: r["id"], reverse=True)
        for key, reverse in reversed(self.order):
            matched.sort(key=key, reverse=reverse)
        return matched


# --------------------------------------------------------------------------------------------
# Storage

SCHEMA = """
CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records(app INTEGER NOT NULL, id INTEGER NOT NULL, revision INTEGER NOT NULL,
                                   body TEXT NOT NULL, PRIMARY KEY(app, id));
CREATE TABLE IF NOT EXISTS uploads(upload_key TEXT PRIMARY KEY, path TEXT NOT NULL, name TEXT NOT NULL,
                                   content_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
                                   created REAL NOT NULL, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(file_key TEXT PRIMARY KEY, path TEXT NOT NULL, name TEXT NOT NULL,
                                 content_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
                                 app INTEGER NOT NULL, record INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS comments(app INTEGER NOT NULL, record INTEGER NOT NULL, id INTEGER NOT NULL,
                                    body TEXT NOT NULL, PRIMARY KEY(app, record, id));
"""


class Store:
    """SQLite plus a parsed-record cache. Use only inside transaction(), which holds the global lock."""

    def __init__(self, path, files_dir):
        self.path = path
        self.files_dir = files_dir
        os.makedirs(files_dir, exist_ok=True)
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.lock = threading.RLock()
        self.cache = {}
        self.depth = 0

    def transaction(self):
        store = self

        class Tx:
            def __enter__(self):
                store.lock.acquire()
                store.depth += 1
                if store.depth == 1:
                    store.db.execute("BEGIN IMMEDIATE")
                return store

            def __exit__(self, exc_type, exc, tb):
                try:
                    if store.depth == 1:
                        if exc_type is None:
                            store.db.execute("COMMIT")
                        else:
                            store.db.execute("ROLLBACK")
                            store.cache.clear()
                finally:
                    store.depth -= 1
                    store.lock.release()
                return False
        return Tx()

    def next_counter(self, name):
        row = self.db.execute("SELECT value FROM counters WHERE name=?", (name,)).fetchone()
        value = (row[0] if row else 0) + 1
        self.db.execute("INSERT OR REPLACE INTO counters(name, value) VALUES(?, ?)", (name, value))
        return value

    def counter(self, name):
        row = self.db.execute("SELECT value FROM counters WHERE name=?", (name,)).fetchone()
        return row[0] if row else 0

    def records(self, app_id):
        recs = self.cache.get(app_id)
        if recs is None:
            recs = {}
            for rid, rev, body in self.db.execute("SELECT id, revision, body FROM records WHERE app=? ORDER BY id",
                                                  (app_id,)):
                rec = json.loads(body)
                rec["id"], rec["revision"] = rid, rev
                recs[rid] = rec
            self.cache[app_id] = recs
        return recs

    def save(self, app_id, rec):
        body = {k: v for k, v in rec.items() if k not in ("id", "revision")}
        self.db.execute("INSERT OR REPLACE INTO records(app, id, revision, body) VALUES(?, ?, ?, ?)",
                        (app_id, rec["id"], rec["revision"], json.dumps(body, ensure_ascii=False)))
        self.records(app_id)[rec["id"]] = rec

    def delete(self, app_id, rid):
        self.db.execute("DELETE FROM records WHERE app=? AND id=?", (app_id, rid))
        self.db.execute("DELETE FROM comments WHERE app=? AND record=?", (app_id, rid))
        self.db.execute("DELETE FROM files WHERE app=? AND record=?", (app_id, rid))
        self.records(app_id).pop(rid, None)


# --------------------------------------------------------------------------------------------
# Request context and parameters

class Ctx:
    def __init__(self, server, lang, space, user, tokens):
        self.server = server
        self.store = server.store
        self.lang = lang
        self.space = space          # guest space of the URL, or None
        self.user = user            # {"code","name"} for password auth, None for token auth
        self.tokens = tokens        # API tokens sent (token auth)

    @property
    def actor(self):
        return self.user or {"code": "Administrator", "name": "Administrator"}


def param_int(ctx, params, name, required=True, minimum=1, default=None):
    v = params.get(name)
    if v is None or v == "":
        if required:
            raise va01(ctx, {name: [msg(ctx.lang, "param_required")]})
        return default
    if isinstance(v, bool) or not re.fullmatch(r"-?\d+", str(v).strip()):
        raise va01(ctx, {name: [msg(ctx.lang, "integer")]})
    n = int(str(v).strip())
    if minimum is not None and n < minimum:
        key = {1: "min1", 0: "min0", -1: "min_rev"}.get(minimum, "min1")
        raise va01(ctx, {name: [msg(ctx.lang, key)]})
    return n


def param_list(ctx, params, name):
    v = params.get(name)
    if v is None:
        return None
    if isinstance(v, dict):
        v = [v[k] for k in sorted(v, key=lambda s: int(s) if str(s).isdigit() else 0)]
    if not isinstance(v, list):
        v = [v]
    return v


def param_bool(ctx, params, name):
    v = params.get(name)
    if v is None or v == "":
        return False
    if v in (True, "true", "True"):
        return True
    if v in (False, "false", "False"):
        return False
    raise va01(ctx, {name: [msg(ctx.lang, "boolean")]})


def parse_qs_nested(query):
    """qs-style parsing: a=1&fields[0]=x&fields[1]=y&ids[]=3&x[k]=v -> nested dicts/lists."""
    root = {}
    for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
        m = re.fullmatch(r"([^\[\]]+)((?:\[[^\[\]]*\])*)", key)
        if not m:
            root[key] = value
            continue
        path = [m.group(1)] + re.findall(r"\[([^\[\]]*)\]", m.group(2))
        node = root
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if part == "":
                part = str(len(node))
            if last:
                if part in node and not isinstance(node[part], dict):
                    prev = node[part]
                    node[part] = (prev if isinstance(prev, list) else [prev]) + [value]
                else:
                    node[part] = value
            else:
                nxt = node.get(part)
                if not isinstance(nxt, dict):
                    nxt = {}
                    node[part] = nxt
                node = nxt

    def listify(n):
        if isinstance(n, dict):
            n = {k: listify(v) for k, v in n.items()}
            if n and all(k.isdigit() for k in n):
                return [n[k] for k in sorted(n, key=int)]
        return n
    return listify(root)


# --------------------------------------------------------------------------------------------
# The kintone API

class Kintone:
    """All API logic. Every public method runs inside a store transaction."""

    def __init__(self, server):
        self.server = server
        self.cursors = {}

    # ---- apps, auth -------------------------------------------------------------------------
    def app(self, ctx, params, name="app", space=None):
        app_id = param_int(ctx, params, name)
        app = self.server.apps.get(app_id)
        if app is None:
            raise err(ctx, 404, "GAIA_AP01", app=app_id)
        url_space = ctx.space if space is None else space
        if app.space is not None and url_space is None:
            raise err(ctx, 400, "GAIA_IL23")
        if url_space is not None and app.space != url_space:
            raise err(ctx, 403, "CB_NO02")
        if ctx.user is None and not (ctx.tokens & app.tokens):
            raise err(ctx, 403, "GAIA_NO01")
        return app

    # ---- record rendering -------------------------------------------------------------------
    def render_value(self, prop, value, with_hash=False):
        ftype = prop["type"]
        if ftype == "FILE":
            out = []
            for f in value or []:
                item = {"contentType": f["contentType"], "fileKey": f["fileKey"], "name": f["name"],
                        "size": str(f["size"])}
                if with_hash:
                    item["sha256"] = f["sha256"]
                out.append(item)
            return out
        if ftype == "SUBTABLE":
            rows = []
            for row in value or []:
                cells = {}
                for code, iprop in prop["fields"].items():
                    if iprop["type"] in NO_VALUE_TYPES:
                        continue
                    cells[code] = {"type": iprop["type"],
                                   "value": self.render_value(iprop, row["value"].get(code, empty_value(iprop["type"])),
                                                              with_hash)}
                rows.append({"id": str(row["id"]), "value": cells})
            return rows
        if ftype == "DROP_DOWN" and value == "":
            return None
        return copy.deepcopy(value)

    def render(self, app, rec, fields=None, with_hash=False):
        out = {}
        for code, prop in app.props.items():
            ftype = prop["type"]
            if ftype in NO_VALUE_TYPES or (fields is not None and code not in fields):
                continue
            if ftype == "RECORD_NUMBER":
                value = str(rec["id"])
            elif ftype == "CREATOR":
                value = dict(rec["creator"])
            elif ftype == "MODIFIER":
                value = dict(rec["modifier"])
            elif ftype == "CREATED_TIME":
                value = rec["created"]
            elif ftype == "UPDATED_TIME":
                value = rec["updated"]
            elif ftype == "CALC":
                value = ""
            else:
                value = self.render_value(prop, rec["f"].get(code, empty_value(ftype)), with_hash)
            out[code] = {"type": ftype, "value": value}
        if fields is None or "$id" in fields:
            out["$id"] = {"type": "__ID__", "value": str(rec["id"])}
        if fields is None or "$revision" in fields:
            out["$revision"] = {"type": "__REVISION__", "value": str(rec["revision"])}
        return out

    # ---- record writing ---------------------------------------------------------------------
    def resolve_files(self, wc, raw, key, allowed, rec_id):
        """FILE write value [{fileKey}] -> stored file list. allowed: download key -> file info."""
        if raw is None:
            return []
        if not isinstance(raw, list) or not all(isinstance(i, dict) for i in raw):
            wc.add(key + ".value", msg(wc.ctx.lang, "bad_value"))
            return []
        out = []
        store = wc.ctx.store
        for item in raw:
            fk = item.get("fileKey")
            if not isinstance(fk, str) or not fk:
                wc.add(key + ".value", msg(wc.ctx.lang, "bad_value"))
                continue
            if fk in allowed:
                out.append(allowed[fk])
                continue
            row = store.db.execute("SELECT path, name, content_type, size, sha256, created, state FROM uploads "
                                   "WHERE upload_key=?", (fk,)).fetchone()
            if row is None or row[6] != "live" or time.time() > row[5] + self.server.upload_ttl:
                raise err(wc.ctx, 400, "GAIA_BL01", key=fk)
            path, name, ctype, size, sha, _, _ = row
            store.db.execute("UPDATE uploads SET state='attached' WHERE upload_key=?", (fk,))
            dkey = utc_now().strftime("%Y%m%d%H%M%S") + secrets.token_hex(18).upper()[:35]
            store.db.execute("INSERT INTO files(file_key, path, name, content_type, size, sha256, app, record) "
                             "VALUES(?,?,?,?,?,?,?,?)", (dkey, path, name, ctype, size, sha, wc.app.id, rec_id))
            out.append({"fileKey": dkey, "name": name, "contentType": ctype, "size": size, "sha256": sha})
        return out

    def write_record(self, ctx, app, raw, prefix, errors, existing=None, new_id=None):
        """Merge a written record into existing (or a new record). Returns the new field dict."""
        wc = WriteContext(ctx, app, prefix, errors)
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise va01(ctx, {prefix: [msg(ctx.lang, "bad_value")]})
        rec_id = existing["id"] if existing else new_id
        fields = copy.deepcopy(existing["f"]) if existing else {}
        if existing is None:
            for code, prop in app.props.items():
                if prop["type"] not in IGNORED_WRITE_TYPES | SYSTEM_WRITE_TYPES and code not in raw:
                    if prop["type"] == "SUBTABLE":
                        fields[code] = []
                    else:
                        fields[code] = default_value(prop)
        for code, cell in raw.items():
            prop = app.props.get(code)
            if prop is None or prop["type"] in IGNORED_WRITE_TYPES:
                continue
            if prop["type"] in SYSTEM_WRITE_TYPES:
                if existing is None:
                    raise err(ctx, 400, "GAIA_BF02", field=code)
                raise err(ctx, 400, "GAIA_UN10", type={"CREATED_TIME": "CREATED_AT",
                                                       "UPDATED_TIME": "MODIFIED_AT"}.get(prop["type"], prop["type"]))
            value = cell.get("value") if isinstance(cell, dict) else None
            key = f"{prefix}.{code}"
            if prop["type"] == "FILE":
                allowed = {f["fileKey"]: f for f in (existing["f"].get(code) or [])} if existing else {}
                fields[code] = self.resolve_files(wc, value, key, allowed, rec_id)
            elif prop["type"] == "SUBTABLE":
                old_rows = existing["f"].get(code) or [] if existing else []
                fields[code] = self.write_rows(wc, prop, old_rows, value, key, rec_id)
            else:
                fields[code] = normalize_scalar(wc, prop, value, key, False)
        # validation on the merged record
        for code, prop in app.props.items():
            ftype = prop["type"]
            if ftype == "SUBTABLE":
                for i, row in enumerate(fields.get(code) or []):
                    for icode, iprop in prop["fields"].items():
                        validate_value(wc, iprop, row["value"].get(icode, empty_value(iprop["type"])),
                                       f"{prefix}.{code}.value[{i}].value.{icode}", rec_id, check_unique=False)
            elif code in fields:
                validate_value(wc, prop, fields[code], f"{prefix}.{code}", rec_id)
        return fields

    def write_rows(self, wc, prop, old_rows, raw, key, rec_id):
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            wc.add(key + ".value", msg(wc.ctx.lang, "bad_value"))
            return old_rows
        by_id = {str(r["id"]): r for r in old_rows}
        allowed_files = {}
        for r in old_rows:
            for icode, iprop in prop["fields"].items():
                if iprop["type"] == "FILE":
                    for f in r["value"].get(icode) or []:
                        allowed_files.setdefault(icode, {})[f["fileKey"]] = f
        rows = []
        for i, raw_row in enumerate(raw):
            if not isinstance(raw_row, dict):
                wc.add(f"{key}.value[{i}]", msg(wc.ctx.lang, "bad_value"))
                continue
            rid = raw_row.get("id")
            base = by_id.pop(str(rid), None) if rid not in (None, "") else None
            if base is not None:
                row_id, cells = base["id"], copy.deepcopy(base["value"])
            else:
                row_id = wc.ctx.store.next_counter("row")
                cells = {c: default_value(p) for c, p in prop["fields"].items() if p["type"] not in NO_VALUE_TYPES}
            values = raw_row.get("value") or {}
            if not isinstance(values, dict):
                wc.add(f"{key}.value[{i}].value", msg(wc.ctx.lang, "bad_value"))
                values = {}
            for icode, cell in values.items():
                iprop = prop["fields"].get(icode)
                if iprop is None or iprop["type"] in IGNORED_WRITE_TYPES:
                    continue
                ival = cell.get("value") if isinstance(cell, dict) else None
                ikey = f"{key}.value[{i}].value.{icode}"
                if iprop["type"] == "FILE":
                    cells[icode] = self.resolve_files(wc, ival, ikey, allowed_files.get(icode, {}), rec_id)
                else:
                    cells[icode] = normalize_scalar(wc, iprop, ival, ikey, True)
            rows.append({"id": row_id, "value": cells})
        return rows

    def add_one(self, ctx, app, raw, prefix, errors):
        rid = ctx.store.counter(f"app{app.id}.id") + 1
        fields = self.write_record(ctx, app, raw, prefix, errors, new_id=rid)
        if errors:
            return None
        ctx.store.next_counter(f"app{app.id}.id")
        now = minute_stamp()
        rec = {"id": rid, "revision": 1, "f": fields, "created": now, "updated": now,
               "creator": dict(ctx.actor), "modifier": dict(ctx.actor)}
        ctx.store.save(app.id, rec)
        return rec

    def check_revision(self, ctx, rec, revision):
        if revision is None or revision == "":
            return
        rev = param_int(ctx, {"revision": revision}, "revision", minimum=-1)
        if rev != -1 and rev != rec["revision"]:
            raise err(ctx, 409, "GAIA_CO02")

    def find_by_key(self, ctx, app, update_key):
        if not isinstance(update_key, dict) or not update_key.get("field"):
            raise va01(ctx, {"updateKey.field": [msg(ctx.lang, "param_required")]})
        code = update_key["field"]
        prop = app.props.get(code)
        if prop is None:
            raise err(ctx, 400, "GAIA_IQ11", field=code)
        if prop["type"] not in ("SINGLE_LINE_TEXT", "NUMBER") or not prop.get("unique"):
            raise err(ctx, 400, "GAIA_IQ27", field=code)
        value = update_key.get("value")
        value = normalize_number(value) if prop["type"] == "NUMBER" else (str(value) if value is not None else "")
        if value in (None, ""):
            return code, value, None
        for rec in ctx.store.records(app.id).values():
            if rec["f"].get(code) == value:
                return code, value, rec
        return code, value, None

    def update_one(self, ctx, app, item, prefix, errors, upsert=False, index=None):
        """item: {id|updateKey, record, revision}. Returns (record, operation)."""
        rid, update_key = item.get("id"), item.get("updateKey")
        if rid not in (None, "") and update_key is not None:
            raise va01(ctx, {"id" if index is None else f"records[{index}].id": [msg(ctx.lang, "id_and_key")]})
        raw = item.get("record")
        if update_key is not None:
            code, value, rec = self.find_by_key(ctx, app, update_key)
            if rec is None:
                if not upsert:
                    raise err(ctx, 400, "GAIA_RE20")
                raw = dict(raw or {})
                raw[code] = {"value": value}
                return self.add_one(ctx, app, raw, prefix, errors), "INSERT"
        else:
            key = "id" if index is None else f"records[{index}].id"
            try:
                rid = param_int(ctx, {key: rid}, key)
            except ApiError:
                if upsert:
                    rid = None
                else:
                    raise
            rec = ctx.store.records(app.id).get(rid) if rid is not None else None
            if rec is None:
                if upsert:
                    return self.add_one(ctx, app, raw, prefix, errors), "INSERT"
                raise err(ctx, 404, "GAIA_RE01", id=rid)
        self.check_revision(ctx, rec, item.get("revision"))
        fields = self.write_record(ctx, app, raw, prefix, errors, existing=rec)
        if errors:
            return None, None
        new = dict(rec, f=fields, revision=rec["revision"] + 1, updated=minute_stamp(), modifier=dict(ctx.actor))
        ctx.store.save(app.id, new)
        return new, "UPDATE"

    # ---- endpoints --------------------------------------------------------------------------
    def get_record(self, ctx, p):
        app = self.app(ctx, p)
        rid = param_int(ctx, p, "id")
        rec = ctx.store.records(app.id).get(rid)
        if rec is None:
            raise err(ctx, 404, "GAIA_RE01", id=rid)
        return 200, {"record": self.render(app, rec)}

    def post_record(self, ctx, p):
        app = self.app(ctx, p)
        errors = {}
        rec = self.add_one(ctx, app, p.get("record"), "record", errors)
        if errors:
            raise va01(ctx, errors)
        return 200, {"id": str(rec["id"]), "revision": str(rec["revision"])}

    def put_record(self, ctx, p):
        app = self.app(ctx, p)
        errors = {}
        if p.get("id") in (None, "") and p.get("updateKey") is None:
            raise va01(ctx, {"id": [msg(ctx.lang, "param_required")]})
        rec, _ = self.update_one(ctx, app, p, "record", errors)
        if errors:
            raise va01(ctx, errors)
        return 200, {"revision": str(rec["revision"])}

    def get_records(self, ctx, p):
        app = self.app(ctx, p)
        fields = param_list(ctx, p, "fields")
        q = Query(ctx, app, p.get("query") or "", ctx.actor["code"])
        limit = 100 if q.limit is None else q.limit
        offset = 0 if q.offset is None else q.offset
        if limit < 0 or offset < 0:
            raise va01(ctx, {"query": [msg(ctx.lang, "query_syntax")]})
        if limit > 500:
            raise err(ctx, 400, "GAIA_QU01")
        if offset > 10000:
            raise err(ctx, 400, "GAIA_QU02")
        total = param_bool(ctx, p, "totalCount")
        matched = q.run(ctx.store.records(app.id).values())
        page = matched[offset:offset + limit]
        return 200, {"records": [self.render(app, r, fields) for r in page],
                     "totalCount": str(len(matched)) if total else None}

    def post_records(self, ctx, p):
        app = self.app(ctx, p)
        records = p.get("records")
        if records is None:
            raise va01(ctx, {"records": [msg(ctx.lang, "param_required")]})
        if not isinstance(records, list):
            raise va01(ctx, {"records": [msg(ctx.lang, "bad_value")]})
        if len(records) > 100:
            raise va01(ctx, {"records": [msg(ctx.lang, "add_max")]})
        errors, ids, revs = {}, [], []
        for i, raw in enumerate(records):
            rec = self.add_one(ctx, app, raw, f"records[{i}]", errors)
            if rec is not None:
                ids.append(str(rec["id"]))
                revs.append(str(rec["revision"]))
        if errors:
            raise va01(ctx, errors)
        return 200, {"ids": ids, "revisions": revs}

    def put_records(self, ctx, p):
        app = self.app(ctx, p)
        records = p.get("records")
        if records is None:
            raise va01(ctx, {"records": [msg(ctx.lang, "param_required")]})
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise va01(ctx, {"records": [msg(ctx.lang, "bad_value")]})
        if len(records) > 100:
            raise va01(ctx, {"records": [msg(ctx.lang, "update_max")]})
        upsert = param_bool(ctx, p, "upsert")
        errors, out = {}, []
        for i, item in enumerate(records):
            if item.get("id") in (None, "") and item.get("updateKey") is None and not upsert:
                errors.setdefault(f"records[{i}].id", []).append(msg(ctx.lang, "param_required"))
                continue
            rec, op = self.update_one(ctx, app, item, f"records[{i}]", errors, upsert=upsert, index=i)
            if rec is not None:
                entry = {"id": str(rec["id"]), "revision": str(rec["revision"])}
                if upsert:
                    entry["operation"] = op
                out.append(entry)
        if errors:
            raise va01(ctx, errors)
        return 200, {"records": out}

    def delete_records(self, ctx, p):
        app = self.app(ctx, p)
        ids = param_list(ctx, p, "ids")
        if not ids:
            raise va01(ctx, {"ids": [msg(ctx.lang, "param_required"), msg(ctx.lang, "delete_range")]})
        if len(ids) > 100:
            raise va01(ctx, {"ids": [msg(ctx.lang, "delete_range")]})
        revisions = param_list(ctx, p, "revisions")
        if revisions is not None and len(revisions) != len(ids):
            raise va01(ctx, {"revisions": [msg(ctx.lang, "revisions_size")]})
        recs = ctx.store.records(app.id)
        for i, raw_id in enumerate(ids):
            rid = param_int(ctx, {f"ids[{i}]": raw_id}, f"ids[{i}]")
            rec = recs.get(rid)
            if rec is None:
                raise err(ctx, 404, "GAIA_RE01", id=rid)
            if revisions is not None:
                self.check_revision(ctx, rec, revisions[i])
            ctx.store.delete(app.id, rid)
        return 200, {}

    # cursors
    def live_cursors(self):
        now = time.time()
        for cid in [c for c, cur in self.cursors.items() if cur["expires"] < now]:
            del self.cursors[cid]
        return self.cursors

    def post_cursor(self, ctx, p):
        app = self.app(ctx, p)
        fields = param_list(ctx, p, "fields")
        size = param_int(ctx, p, "size", required=False, default=100)
        if size > 500:
            raise va01(ctx, {"size": [msg(ctx.lang, "max500")]})
        q = Query(ctx, app, p.get("query") or "", ctx.actor["code"])
        if q.has_limit_or_offset:
            raise va01(ctx, {"query": [msg(ctx.lang, "query_no_limit")]})
        if len(self.live_cursors()) >= MAX_CURSORS:
            raise err(ctx, 400, "GAIA_CU01", n=MAX_CURSORS)
        ids = [r["id"] for r in q.run(ctx.store.records(app.id).values())]
        cid = str(uuid.uuid4())
        self.cursors[cid] = {"app": app.id, "space": ctx.space, "fields": fields, "ids": ids, "pos": 0,
                             "size": size, "expires": time.time() + CURSOR_TTL}
        return 200, {"id": cid, "totalCount": str(len(ids))}

    def cursor(self, ctx, p):
        cid = p.get("id")
        if cid in (None, ""):
            raise va01(ctx, {"id": [msg(ctx.lang, "param_required")]})
        cur = self.live_cursors().get(str(cid))
        if cur is None or cur["space"] != ctx.space:
            raise err(ctx, 404, "GAIA_CU02", id=cid)
        return str(cid), cur

    def get_cursor(self, ctx, p):
        cid, cur = self.cursor(ctx, p)
        app = self.app(ctx, {"app": cur["app"]})
        recs = ctx.store.records(app.id)
        chunk = cur["ids"][cur["pos"]:cur["pos"] + cur["size"]]
        cur["pos"] += len(chunk)
        cur["expires"] = time.time() + CURSOR_TTL
        more = cur["pos"] < len(cur["ids"])
        if not more:
            del self.cursors[cid]
        return 200, {"records": [self.render(app, recs[i], cur["fields"]) for i in chunk if i in recs], "next": more}

    def delete_cursor(self, ctx, p):
        cid, cur = self.cursor(ctx, p)
        self.app(ctx, {"app": cur["app"]})
        del self.cursors[cid]
        return 200, {}

    # comments
    def comment_record(self, ctx, p):
        app = self.app(ctx, p)
        rid = param_int(ctx, p, "record")
        if rid not in ctx.store.records(app.id):
            raise err(ctx, 404, "GAIA_RE01", id=rid)
        return app, rid

    def get_comments(self, ctx, p):
        app, rid = self.comment_record(ctx, p)
        order = p.get("order") or "desc"
        if order not in ("asc", "desc"):
            raise va01(ctx, {"order": [msg(ctx.lang, "enum")]})
        offset = param_int(ctx, p, "offset", required=False, minimum=0, default=0)
        limit = param_int(ctx, p, "limit", required=False, minimum=0, default=10)
        if limit > 10:
            raise va01(ctx, {"limit": [msg(ctx.lang, "max10")]})
        rows = ctx.store.db.execute("SELECT id, body FROM comments WHERE app=? AND record=? ORDER BY id " + order,
                                    (app.id, rid)).fetchall()
        page = rows[offset:offset + limit]
        comments = []
        for cid, body in page:
            c = json.loads(body)
            comments.append({"id": str(cid), "text": c["text"], "createdAt": c["createdAt"],
                             "creator": c["creator"], "mentions": c["mentions"]})
        beyond = offset + limit < len(rows)
        before = offset > 0
        older, newer = (beyond, before) if order == "desc" else (before, beyond)
        return 200, {"comments": comments, "older": older, "newer": newer}

    def post_comment(self, ctx, p):
        app, rid = self.comment_record(ctx, p)
        comment = p.get("comment")
        if not isinstance(comment, dict):
            raise va01(ctx, {"comment": [msg(ctx.lang, "param_required")]})
        text = comment.get("text")
        if not isinstance(text, str) or text == "":
            raise va01(ctx, {"comment.text": [msg(ctx.lang, "param_required")]})
        if len(text) > 65535:
            raise va01(ctx, {"comment.text": [msg(ctx.lang, "text_max")]})
        mentions = comment.get("mentions") or []
        if not isinstance(mentions, list) or len(mentions) > 10:
            raise va01(ctx, {"comment.mentions": [msg(ctx.lang, "mentions_max")]})
        clean = []
        for i, m in enumerate(mentions):
            if not isinstance(m, dict) or not m.get("code"):
                raise va01(ctx, {f"comment.mentions[{i}].code": [msg(ctx.lang, "param_required")]})
            if m.get("type") not in ("USER", "GROUP", "ORGANIZATION"):
                raise va01(ctx, {f"comment.mentions[{i}].type": [msg(ctx.lang, "enum")]})
            clean.append({"code": m["code"], "type": m["type"]})
        cid = ctx.store.next_counter(f"app{app.id}.rec{rid}.comment")
        body = {"text": text, "createdAt": utc_now().strftime("%Y-%m-%dT%H:%M:%SZ"), "creator": dict(ctx.actor),
                "mentions": clean}
        ctx.store.db.execute("INSERT INTO comments(app, record, id, body) VALUES(?,?,?,?)",
                             (app.id, rid, cid, json.dumps(body, ensure_ascii=False)))
        return 200, {"id": str(cid)}

    def delete_comment(self, ctx, p):
        app, rid = self.comment_record(ctx, p)
        cid = param_int(ctx, p, "comment")
        row = ctx.store.db.execute("SELECT body FROM comments WHERE app=? AND record=? AND id=?",
                                   (app.id, rid, cid)).fetchone()
        if row is None:
            raise err(ctx, 400, "GAIA_RE02")
        if json.loads(row[0])["creator"]["code"] != ctx.actor["code"]:
            raise err(ctx, 400, "GAIA_RE03", id=cid)
        ctx.store.db.execute("DELETE FROM comments WHERE app=? AND record=? AND id=?", (app.id, rid, cid))
        return 200, {}

    # app info
    def get_fields(self, ctx, p):
        app = self.app(ctx, p)
        return 200, {"properties": copy.deepcopy(app.props), "revision": "1"}

    def get_app(self, ctx, p):
        app = self.app(ctx, p, name="id")
        return 200, {"appId": str(app.id), "code": "", "name": f"App {app.id}", "description": "",
                     "spaceId": str(app.space) if app.space is not None else None, "threadId": None,
                     "createdAt": "2024-01-01T00:00:00.000Z", "creator": {"code": "admin", "name": "admin"},
                     "modifiedAt": "2024-01-01T00:00:00.000Z", "modifier": {"code": "admin", "name": "admin"}}

    def status_api(self, ctx, p):
        self.app(ctx, p)
        raise err(ctx, 400, "GAIA_ST02")

    # file download lookup (streamed by the HTTP layer outside the lock)
    def file_for_download(self, ctx, p):
        fk = p.get("fileKey")
        if fk in (None, ""):
            raise va01(ctx, {"fileKey": [msg(ctx.lang, "param_required")]})
        row = ctx.store.db.execute("SELECT path, name, content_type, size, app FROM files WHERE file_key=?",
                                   (str(fk),)).fetchone()
        if row is None:
            raise err(ctx, 404, "GAIA_BL01", key=fk)
        app = self.server.apps.get(row[4])
        if app is not None:
            self.app(ctx, {"app": app.id})
        return {"path": row[0], "name": row[1], "contentType": row[2], "size": row[3]}

    def register_upload(self, ctx, upload):
        key = str(uuid.uuid4())
        ctx.store.db.execute("INSERT INTO uploads(upload_key, path, name, content_type, size, sha256, created, state) "
                             "VALUES(?,?,?,?,?,?,?, 'live')",
                             (key, upload["path"], upload["name"], upload["contentType"], upload["size"],
                              upload["sha256"], time.time()))
        return 200, {"fileKey": key}

    # bulkRequest
    BULK_APIS = {("POST", "record"): "post_record", ("PUT", "record"): "put_record",
                 ("POST", "records"): "post_records", ("PUT", "records"): "put_records",
                 ("DELETE", "records"): "delete_records", ("PUT", "record/status"): "status_api",
                 ("PUT", "records/status"): "status_api", ("PUT", "record/assignees"): "status_api"}

    def bulk(self, ctx, p):
        requests = p.get("requests")
        if requests is None:
            raise va01(ctx, {"requests": [msg(ctx.lang, "param_required")]})
        if not isinstance(requests, list) or not all(isinstance(r, dict) for r in requests):
            raise va01(ctx, {"requests": [msg(ctx.lang, "bad_value")]})
        if len(requests) > 20:
            raise va01(ctx, {"requests": [msg(ctx.lang, "bulk_max")]})
        plan = []
        for i, r in enumerate(requests):
            m = re.fullmatch(r"/k/(?:guest/(\d+)/)?v1/(.+)\.json", str(r.get("api", "")))
            method = r.get("method")
            name = self.BULK_APIS.get((method, m.group(2))) if m else None
            if name is None:
                raise va01(ctx, {f"requests[{i}].api": [msg(ctx.lang, "bulk_api")]})
            payload = r.get("payload")
            if not isinstance(payload, dict):
                raise va01(ctx, {f"requests[{i}].payload": [msg(ctx.lang, "param_required")]})
            plan.append((name, int(m.group(1)) if m.group(1) else None, payload))
        results = []
        for i, (name, space, payload) in enumerate(plan):
            sub = Ctx(ctx.server, ctx.lang, space, ctx.user, ctx.tokens)
            try:
                _, body = getattr(self, name)(sub, payload)
            except ApiError as e:
                e.bulk_results = [{}] * i + [e.body()] + [{}] * (len(plan) - i - 1)
                raise
            results.append(body)
        return 200, {"results": results}

    ROUTES = {("GET", "record"): "get_record", ("POST", "record"): "post_record", ("PUT", "record"): "put_record",
              ("GET", "records"): "get_records", ("POST", "records"): "post_records",
              ("PUT", "records"): "put_records", ("DELETE", "records"): "delete_records",
              ("POST", "records/cursor"): "post_cursor", ("GET", "records/cursor"): "get_cursor",
              ("DELETE", "records/cursor"): "delete_cursor",
              ("GET", "record/comments"): "get_comments", ("POST", "record/comment"): "post_comment",
              ("DELETE", "record/comment"): "delete_comment",
              ("GET", "app/form/fields"): "get_fields", ("GET", "preview/app/form/fields"): "get_fields",
              ("GET", "app"): "get_app", ("POST", "bulkRequest"): "bulk",
              ("PUT", "record/status"): "status_api", ("PUT", "records/status"): "status_api",
              ("PUT", "record/assignees"): "status_api"}


# --------------------------------------------------------------------------------------------
# Faults and statistics

FAULTS = ("429", "503", "drop_before", "drop_after_commit", "slow")


class Faults:
    def __init__(self):
        self.lock = threading.Lock()
        self.config = None
        self.rng = random.Random(0)
        self.index = 0

    def set(self, cfg):
        if not isinstance(cfg, dict):
            raise ValueError("a JSON object is expected")
        clean = {"p429": 0.0, "p503": 0.0, "pDropBefore": 0.0, "pDropAfterCommit": 0.0, "pSlow": 0.0}
        for k in clean:
            v = cfg.get(k, 0.0)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0.0 <= v <= 1.0:
                raise ValueError(f"{k} must be a number in [0, 1]")
            clean[k] = float(v)
        if sum(clean.values()) > 1.0 + 1e-9:
            raise ValueError("the probabilities add up to more than 1")
        slow = cfg.get("slowMs", 1000)
        if isinstance(slow, bool) or not isinstance(slow, int) or not 0 <= slow <= 600000:
            raise ValueError("slowMs must be an integer in [0, 600000]")
        only = cfg.get("only")
        if only is not None:
            if not isinstance(only, list) or not all(isinstance(o, str) for o in only):
                raise ValueError("only must be a list of API names")
            only = {o if o.endswith(".json") else o + ".json" for o in only}
        script = {}
        for s in cfg.get("script") or []:
            if not isinstance(s, dict) or not isinstance(s.get("at"), int) or s.get("fault") not in FAULTS:
                raise ValueError("script entries are {\"at\": int, \"fault\": " + "|".join(FAULTS) + "}")
            script[s["at"]] = s["fault"]
        seed = cfg.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise ValueError("seed must be an integer")
        with self.lock:
            self.config = dict(clean, slowMs=slow, only=only, script=script)
            self.rng = random.Random(seed)
            self.index = 0

    def reset(self):
        with self.lock:
            self.config = None
            self.index = 0

    def decide(self, api):
        with self.lock:
            cfg = self.config
            if cfg is None or (cfg["only"] is not None and api not in cfg["only"]):
                return None, 0
            i = self.index
            self.index += 1
            if i in cfg["script"]:
                return cfg["script"][i], cfg["slowMs"]
            r = self.rng.random()
            acc = 0.0
            for name, key in zip(FAULTS, ("p429", "p503", "pDropBefore", "pDropAfterCommit", "pSlow")):
                acc += cfg[key]
                if r < acc:
                    return name, cfg["slowMs"]
            return None, 0


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()
        self.running = 0

    def reset(self):
        with getattr(self, "lock", threading.Lock()):
            self.requests = {}
            self.faults = {}
            self.throttled = 0
            self.overrides = 0
            self.concurrent_max = 0

    def enter(self):
        with self.lock:
            self.running += 1
            self.concurrent_max = max(self.concurrent_max, self.running)
            return self.running

    def leave(self):
        with self.lock:
            self.running -= 1

    def count(self, table, key):
        with self.lock:
            table[key] = table.get(key, 0) + 1


# --------------------------------------------------------------------------------------------
# HTTP layer

class BodyTooLarge(Exception):
    pass


class DropConnection(Exception):
    """Close the connection without sending anything."""


class BodyReader:
    """Reads a request body from Content-Length or chunked transfer encoding, with a size limit."""

    def __init__(self, rfile, headers, limit):
        self.rfile = rfile
        self.limit = limit
        self.read_total = 0
        self.chunked = "chunked" in (headers.get("Transfer-Encoding") or "").lower()
        self.remaining = 0 if self.chunked else int(headers.get("Content-Length") or 0)
        self.chunk_left = 0
        self.done = not self.chunked and self.remaining == 0
        if not self.chunked and self.remaining > limit:
            raise BodyTooLarge()

    def read(self, n=65536):
        if self.done:
            return b""
        if not self.chunked:
            data = self.rfile.read(min(n, self.remaining))
            if not data:
                raise ConnectionError("client closed the connection mid-body")
            self.remaining -= len(data)
            self.done = self.remaining == 0
            return data
        if self.chunk_left == 0:
            line = self.rfile.readline(1024)
            if not line:
                raise ConnectionError("client closed the connection mid-body")
            size = int(line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass
                self.done = True
                return b""
            self.chunk_left = size
        data = self.rfile.read(min(n, self.chunk_left))
        if not data:
            raise ConnectionError("client closed the connection mid-body")
        self.chunk_left -= len(data)
        self.read_total += len(data)
        if self.read_total > self.limit:
            raise BodyTooLarge()
        if self.chunk_left == 0:
            self.rfile.readline(1024)
        return data

    def read_all(self):
        parts = []
        while True:
            d = self.read()
            if not d:
                return b"".join(parts)
            parts.append(d)

    def drain(self):
        while self.read():
            pass


def stream_multipart(reader, boundary, files_dir):
    """Streams a multipart/form-data body; the part named "file" goes to disk. Returns upload info."""
    delim = b"\r\n--" + boundary
    buf = b"\r\n"
    result = None

    def fill():
        nonlocal buf
        chunk = reader.read()
        if not chunk:
            return False
        buf += chunk
        return True

    # preamble up to the first delimiter
    while True:
        idx = buf.find(delim)
        if idx >= 0:
            buf = buf[idx + len(delim):]
            break
        if len(buf) > 65536 or not fill():
            raise ValueError("no multipart boundary")
    while True:
        while len(buf) < 2:
            if not fill():
                raise ValueError("truncated multipart body")
        if buf.startswith(b"--"):
            reader.drain()
            return result
        while b"\r\n\r\n" not in buf:
            if len(buf) > 16384 or not fill():
                raise ValueError("bad part headers")
        head, buf = buf.split(b"\r\n\r\n", 1)
        headers = {}
        for line in head.split(b"\r\n"):
            if b":" in line:
                k, v = line.split(b":", 1)
                headers[k.strip().lower().decode("latin-1")] = v.strip()
        disp = headers.get("content-disposition", b"").decode("utf-8", "replace")
        name_m = re.search(r'(?:^|;)\s*name="([^"]*)"', disp)
        name = name_m.group(1) if name_m else ""
        out, hasher, size, path = None, None, 0, None
        if name == "file" and result is None:
            fname = None
            star = re.search(r"filename\*\s*=\s*([^;]+)", disp)
            if star:
                enc, _, rest = star.group(1).strip().partition("''")
                fname = urllib.parse.unquote(rest, encoding=enc or "utf-8", errors="replace")
            if fname is None:
                plain = re.search(r'filename="((?:[^"\\]|\\.)*)"', disp)
                fname = re.sub(r"\\(.)", r"\1", plain.group(1)) if plain else "file"
            ctype = headers.get("content-type", b"application/octet-stream").decode("latin-1") or \
                "application/octet-stream"
            path = os.path.join(files_dir, uuid.uuid4().hex)
            out = open(path + ".part", "wb")
            hasher = hashlib.sha256()
        small = []
        try:
            while True:
                idx = buf.find(delim)
                if idx >= 0:
                    data, buf = buf[:idx], buf[idx + len(delim):]
                else:
                    cut = max(len(buf) - (len(delim) - 1), 0)   # a delimiter may start in the tail
                    data, buf = buf[:cut], buf[cut:]
                if data:
                    if out is not None:
                        out.write(data)
                        hasher.update(data)
                        size += len(data)
                    elif sum(len(s) for s in small) < 65536:
                        small.append(data)
                if idx >= 0:
                    break
                if not fill():
                    raise ValueError("truncated multipart body")
        except BaseException:
            if out is not None:
                out.close()
                os.unlink(path + ".part")
            raise
        if out is not None:
            out.close()
            os.replace(path + ".part", path)
            result = {"path": path, "name": fname, "contentType": ctype, "size": size, "sha256": hasher.hexdigest()}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "kintone-test-server"
    sys_version = ""
    timeout = IDLE_TIMEOUT

    def log_message(self, fmt, *args):
        pass

    def version_string(self):
        return self.server_version

    def do_GET(self):
        self.dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    # ---- responses ------------------------------------------------------------------------
    def common_headers(self):
        self.send_header("X-ConcurrencyLimit-Limit", str(self.server.max_concurrency))
        self.send_header("X-ConcurrencyLimit-Running", str(max(self.server.stats.running, 0)))

    def send_bytes(self, status, body, ctype, extra=None, compress=True):
        gz = False
        if compress and len(body) > GZIP_MIN and "gzip" in (self.headers.get("Accept-Encoding") or "").lower():
            body = gzip.compress(body, compresslevel=5)
            gz = True
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if gz:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.common_headers()
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.status = status

    def send_json(self, status, obj, extra=None):
        self.send_bytes(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"),
                        "application/json; charset=utf-8", extra)

    def send_api_error(self, e):
        body = {"results": e.bulk_results} if getattr(e, "bulk_results", None) else e.body()
        self.send_json(e.status, body, e.headers)

    def access(self, status):
        self.server.access_log(self.command, urllib.parse.urlsplit(self.path).path, status)

    # ---- main dispatch --------------------------------------------------------------------
    def dispatch(self):
        self.status = None
        self.body_reader = None
        path = urllib.parse.urlsplit(self.path).path
        try:
            if path.startswith("/__fs/"):
                self.control(path)
            else:
                self.kintone(path)
        except DropConnection:
            self.close_connection = True
            self.status = "DROP"
        except (ConnectionError, socket.timeout, ssl.SSLError, BrokenPipeError):
            self.close_connection = True
            self.status = self.status or "ABORTED"
        except BodyTooLarge:
            self.close_connection = True
            try:
                self.send_bytes(413, b"<html><body><h1>413 Request Entity Too Large</h1></body></html>",
                                "text/html", compress=False)
            except OSError:
                pass
        except Exception:
            traceback.print_exc(file=sys.stderr)
            self.close_connection = True
            try:
                lang = "en" if (self.headers.get("Accept-Language") or "").lower().startswith("en") else "ja"
                self.send_json(500, {"code": "CB_UN01", "id": error_id(), "message": msg(lang, "CB_UN01")})
            except OSError:
                pass
        self.access(self.status)

    def reader(self, limit):
        if self.body_reader is None:
            self.body_reader = BodyReader(self.rfile, self.headers, limit)
        return self.body_reader

    def discard_body(self):
        """Before an early answer: drain a small body to keep the connection, else close it."""
        if self.close_connection:
            return
        try:
            r = self.reader(MAX_JSON_BODY)
            r.drain()
        except BodyTooLarge:
            self.close_connection = True

    def read_json_body(self, required_json):
        raw = self.reader(MAX_JSON_BODY).read_all()
        if not raw.strip():
            return {}
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            if required_json:
                raise ApiError(400, "CB_IJ01", msg(self.lang, "CB_IJ01"))
            return {}
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise ApiError(400, "CB_IJ01", msg(self.lang, "CB_IJ01"))
        if not isinstance(obj, dict):
            raise ApiError(400, "CB_IJ01", msg(self.lang, "CB_IJ01"))
        return obj

    def authenticate(self):
        """-> (user, tokens). Password wins over token."""
        srv = self.server
        auth = self.headers.get("X-Cybozu-Authorization")
        if auth is not None:
            try:
                login, _, password = base64.b64decode(auth.strip(), validate=True).decode("utf-8").partition(":")
            except (ValueError, UnicodeDecodeError):
                login, password = None, None
            if login is None or srv.users.get(login) != password:
                raise ApiError(401, "CB_WA01", msg(self.lang, "CB_WA01"))
            return {"code": login, "name": login}, set()
        token_headers = self.headers.get_all("X-Cybozu-API-Token") or []
        tokens = {t.strip() for h in token_headers for t in h.split(",") if t.strip()}
        if tokens:
            if not any(tokens & app.tokens for app in srv.apps.values()):
                raise ApiError(401, "GAIA_IA02", msg(self.lang, "GAIA_IA02"))
            return None, tokens
        raise ApiError(401, "CB_AU01", msg(self.lang, "CB_AU01"))

    def kintone(self, path):
        srv = self.server
        self.lang = "en" if (self.headers.get("Accept-Language") or "").lower().startswith("en") else "ja"
        m = re.fullmatch(r"/k/(?:guest/(\d+)/)?v1/(.+)\.json", path)
        method = self.command
        override = self.headers.get("X-HTTP-Method-Override")
        if method == "POST" and override in ("GET", "POST", "PUT", "DELETE"):
            method = override
            with srv.stats.lock:
                srv.stats.overrides += 1
        api = m.group(2) if m else path
        srv.stats.count(srv.stats.requests, f"{method} {api}.json" if m else f"{method} {path}")
        running = srv.stats.enter()
        try:
            fault, slow_ms = srv.faults.decide(api + ".json") if m else (None, 0)
            if fault:
                srv.stats.count(srv.stats.faults, fault)
            if fault == "drop_before":
                raise DropConnection()
            if fault == "503":
                self.discard_body()
                self.send_bytes(503, b"<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html",
                                compress=False)
                return
            if fault == "429" or running > srv.max_concurrency:
                if fault != "429":
                    with srv.stats.lock:
                        srv.stats.throttled += 1
                self.discard_body()
                e = ApiError(429, "GAIA_TO04", msg(self.lang, "GAIA_TO04"),
                             headers={"X-Cybozu-Error": "GAIA_TO04"})
                self.send_api_error(e)
                return
            try:
                status, body, download = self.kintone_call(m, method, api)
            except ApiError as e:
                if fault == "drop_after_commit":
                    raise DropConnection()
                if fault == "slow":
                    time.sleep(slow_ms / 1000.0)
                self.discard_body()
                self.send_api_error(e)
                return
            if fault == "drop_after_commit":
                raise DropConnection()
            if fault == "slow":
                time.sleep(slow_ms / 1000.0)
            if download is not None:
                self.send_file(download)
            else:
                self.send_json(status, body)
        finally:
            srv.stats.leave()

    def kintone_call(self, m, method, api):
        srv = self.server
        if m is None:
            raise ApiError(404, "CB_NF01", msg(self.lang, "CB_NF01"))
        space = int(m.group(1)) if m.group(1) else None
        user, tokens = self.authenticate()
        ctx = Ctx(srv, self.lang, space, user, tokens)
        query = urllib.parse.urlsplit(self.path).query
        if api == "file" and method == "POST":
            return self.upload(ctx) + (None,)
        if method in ("GET", "DELETE") and self.command != "POST":
            params = parse_qs_nested(query)
            params.update(self.read_json_body(False))
        else:
            params = self.read_json_body(True)
        if api == "file" and method == "GET":
            with srv.store.transaction():
                info = srv.kintone.file_for_download(ctx, params)
            return 200, None, info
        name = Kintone.ROUTES.get((method, api))
        if name is None:
            raise ApiError(404, "CB_NF01", msg(self.lang, "CB_NF01"))
        with srv.store.transaction():
            status, body = getattr(srv.kintone, name)(ctx, params)
        return status, body, None

    def upload(self, ctx):
        srv = self.server
        if ctx.space is not None and not any(a.space == ctx.space for a in srv.apps.values()):
            raise ApiError(403, "CB_NO02", msg(self.lang, "CB_NO02"))
        ctype = self.headers.get("Content-Type") or ""
        bm = re.search(r'boundary="?([^";]+)"?', ctype)
        if not ctype.lower().startswith("multipart/form-data") or not bm:
            self.discard_body()
            raise va01(ctx, {"file": [msg(self.lang, "param_required")]})
        reader = self.reader(srv.max_upload)
        try:
            info = stream_multipart(reader, bm.group(1).encode("latin-1"), srv.store.files_dir)
        except ValueError:
            self.close_connection = True
            raise va01(ctx, {"file": [msg(self.lang, "bad_value")]})
        if info is None:
            raise va01(ctx, {"file": [msg(self.lang, "param_required")]})
        try:
            with srv.store.transaction():
                srv.sweep_uploads()
                return srv.kintone.register_upload(ctx, info)
        except BaseException:
            os.unlink(info["path"])
            raise

    def send_file(self, info):
        self.send_response(200)
        self.send_header("Content-Type", info["contentType"])
        self.send_header("Content-Length", str(info["size"]))
        self.send_header("Content-Disposition",
                         "attachment; filename*=UTF-8''" + urllib.parse.quote(info["name"], safe=""))
        self.common_headers()
        self.end_headers()
        self.status = 200
        with open(info["path"], "rb") as f:
            shutil.copyfileobj(f, self.wfile, 1024 * 1024)

    # ---- control API ------------------------------------------------------------------------
    def control(self, path):
        srv = self.server
        self.lang = "ja"
        params = parse_qs_nested(urllib.parse.urlsplit(self.path).query)
        try:
            body = self.read_json_body(False) if self.command in ("POST", "PUT") else {}
        except ApiError:
            self.send_json(400, {"error": "malformed JSON"})
            return
        route = (self.command, path)
        try:
            if route == ("POST", "/__fs/faults"):
                srv.faults.set(body)
                self.send_json(200, {})
            elif route == ("POST", "/__fs/reset-faults"):
                srv.faults.reset()
                self.send_json(200, {})
            elif route == ("GET", "/__fs/stats"):
                self.send_json(200, srv.stats_json())
            elif route == ("POST", "/__fs/reset-stats"):
                srv.stats.reset()
                self.send_json(200, {})
            elif route == ("POST", "/__fs/expire-uploads"):
                self.send_json(200, {"expired": srv.expire_uploads()})
            elif route == ("GET", "/__fs/dump"):
                self.send_json(200, srv.dump(int(params.get("app", "0"))))
            elif route == ("POST", "/__fs/touch-record"):
                self.send_json(200, srv.touch(body))
            else:
                self.send_json(404, {"error": f"no control endpoint {self.command} {path}"})
        except ApiError as e:
            self.send_json(e.status, e.body())
        except (ValueError, KeyError, TypeError) as e:
            self.send_json(400, {"error": str(e)})


class KintoneServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, args, ssl_context):
        self.ssl_context = ssl_context
        self.max_concurrency = args.max_concurrency
        self.upload_ttl = args.upload_ttl
        self.max_upload = args.max_upload_bytes
        self.users = dict(u.split(":", 1) for u in args.user)
        self.apps = {}
        guest = {}
        for g in args.guest_app:
            a, s = g.split("=", 1)
            guest[int(a)] = int(s)
        for spec in args.app:
            app_id, path = spec.split("=", 1)
            with open(path, encoding="utf-8") as f:
                form = json.load(f)
            props = form.get("properties", form)
            self.apps[int(app_id)] = App(int(app_id), props, guest.get(int(app_id)))
        for spec in args.api_token:
            app_id, toks = spec.split("=", 1)
            self.apps[int(app_id)].tokens.update(t.strip() for t in toks.split(",") if t.strip())
        self.tmpdir = None
        db = args.db
        if not db:
            self.tmpdir = tempfile.mkdtemp(prefix="kintone-test-")
            db = os.path.join(self.tmpdir, "kintone.sqlite3")
        self.store = Store(db, db + ".files")
        self.kintone = Kintone(self)
        self.faults = Faults()
        self.stats = Stats()
        self.log_lock = threading.Lock()
        self.log_file = open(args.log, "a", encoding="utf-8") if args.log else None
        for spec in args.seed_records:
            app_id, n = spec.split("=", 1)
            self.seed(int(app_id), int(n))
        super().__init__(("127.0.0.1", args.port), Handler)

    def user_name(self, code):
        return code

    # TLS handshake in the worker thread
    def process_request_thread(self, request, client_address):
        conn = None
        try:
            request.settimeout(HANDSHAKE_TIMEOUT)
            request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn = self.ssl_context.wrap_socket(request, server_side=True, do_handshake_on_connect=False)
            try:
                conn.do_handshake()
            except (ssl.SSLError, OSError) as e:
                print(f"kintone_server: TLS handshake with {client_address[0]}:{client_address[1]} failed: {e}",
                      file=sys.stderr, flush=True)
                return
            conn.settimeout(IDLE_TIMEOUT)
            self.RequestHandlerClass(conn, client_address, self)
        except (ConnectionError, socket.timeout, ssl.SSLError, OSError):
            pass
        except Exception:
            traceback.print_exc(file=sys.stderr)
        finally:
            try:
                (conn or request).close()
            except OSError:
                pass

    def handle_error(self, request, client_address):
        traceback.print_exc(file=sys.stderr)

    def access_log(self, method, path, status):
        if self.log_file:
            line = f"{utc_now().strftime('%Y-%m-%dT%H:%M:%S.%fZ')} {method} {path} {status}\n"
            with self.log_lock:
                self.log_file.write(line)
                self.log_file.flush()

    def seed(self, app_id, n):
        app = self.apps[app_id]
        with self.store.transaction() as st:
            if st.counter(f"app{app_id}.id") > 0:
                return
            now = minute_stamp()
            actor = {"code": "seed", "name": "seed"}
            rows = []
            for i in range(1, n + 1):
                f = {}
                for code, prop in app.props.items():
                    t = prop["type"]
                    if t in IGNORED_WRITE_TYPES or t in SYSTEM_WRITE_TYPES:
                        continue
                    if t == "SINGLE_LINE_TEXT":
                        f[code] = f"{code}-{i}"
                    elif t == "NUMBER":
                        f[code] = str(i)
                    elif t == "SUBTABLE":
                        f[code] = []
                    else:
                        f[code] = default_value(prop)
                body = {"f": f, "created": now, "updated": now, "creator": actor, "modifier": actor}
                rows.append((app_id, i, 1, json.dumps(body, ensure_ascii=False)))
            st.db.executemany("INSERT INTO records(app, id, revision, body) VALUES(?,?,?,?)", rows)
            st.db.execute("INSERT OR REPLACE INTO counters(name, value) VALUES(?, ?)", (f"app{app_id}.id", n))
            st.cache.pop(app_id, None)

    def sweep_uploads(self):
        """Inside a transaction: expire unattached uploads older than the TTL and delete their bytes."""
        limit = time.time() - self.upload_ttl
        rows = self.store.db.execute("SELECT upload_key, path FROM uploads WHERE state='live' AND created < ?",
                                     (limit,)).fetchall()
        for key, path in rows:
            self.store.db.execute("UPDATE uploads SET state='expired' WHERE upload_key=?", (key,))
            try:
                os.unlink(path)
            except OSError:
                pass
        return len(rows)

    def expire_uploads(self):
        with self.store.transaction() as st:
            rows = st.db.execute("SELECT upload_key, path FROM uploads WHERE state='live'").fetchall()
            st.db.execute("UPDATE uploads SET state='expired' WHERE state='live'")
        for _, path in rows:
            try:
                os.unlink(path)
            except OSError:
                pass
        return len(rows)

    def stats_json(self):
        with self.store.transaction() as st:
            now = time.time()
            counts = dict(st.db.execute("SELECT state, COUNT(*) FROM uploads GROUP BY state").fetchall())
            live = st.db.execute("SELECT COUNT(*) FROM uploads WHERE state='live' AND created >= ?",
                                 (now - self.upload_ttl,)).fetchone()[0]
            cursors = len(self.kintone.live_cursors())
        with self.stats.lock:
            return {"requests": dict(self.stats.requests), "faults": dict(self.stats.faults),
                    "throttled": self.stats.throttled, "methodOverrides": self.stats.overrides, "uploads": sum(counts.values()), "liveUploads": live,
                    "attachedUploads": counts.get("attached", 0),
                    "expiredUploads": counts.get("expired", 0) + counts.get("live", 0) - live,
                    "cursors": cursors, "running": self.stats.running, "concurrentMax": self.stats.concurrent_max,
                    "faultIndex": self.faults.index}

    def dump(self, app_id):
        app = self.apps.get(app_id)
        if app is None:
            raise ValueError(f"unknown app {app_id}")
        with self.store.transaction() as st:
            out = []
            for rid in sorted(st.records(app_id)):
                rec = st.records(app_id)[rid]
                rendered = self.kintone.render(app, rec, with_hash=True)
                fields = {c: v["value"] for c, v in rendered.items() if not c.startswith("$")}
                comments = []
                for cid, body in st.db.execute("SELECT id, body FROM comments WHERE app=? AND record=? ORDER BY id",
                                               (app_id, rid)):
                    comments.append(dict(json.loads(body), id=str(cid)))
                out.append({"id": rid, "revision": rec["revision"], "createdTime": rec["created"],
                            "updatedTime": rec["updated"], "creator": rec["creator"], "modifier": rec["modifier"],
                            "fields": fields, "comments": comments})
            return {"app": str(app_id), "lastId": st.counter(f"app{app_id}.id"), "records": out}

    def touch(self, body):
        user = str(body.get("user") or "lead")
        ctx = Ctx(self, "ja", None, {"code": user, "name": user}, set())
        app = self.apps.get(int(body.get("app", 0)))
        if app is None:
            raise ValueError("unknown app")
        with self.store.transaction():
            errors = {}
            rec, _ = self.kintone.update_one(ctx, app, {"id": body.get("id"), "record": body.get("record") or {}},
                                             "record", errors)
            if errors:
                raise va01(ctx, errors)
        return {"revision": str(rec["revision"])}

    def close_all(self):
        self.server_close()
        self.store.db.close()
        if self.log_file:
            self.log_file.close()
        if self.tmpdir:
            shutil.rmtree(self.tmpdir, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description="kintone-compatible REST test server (mutual TLS)")
    ap.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 = a free port)")
    ap.add_argument("--ready-file", help="write the bound port number here (atomically) once listening")
    ap.add_argument("--cert", required=True, help="server certificate (PEM)")
    ap.add_argument("--key", required=True, help="server private key (PEM)")
    ap.add_argument("--client-ca", required=True, help="CA certificate(s) that client certificates must chain to")
    ap.add_argument("--db", help="SQLite file (default: a temporary one, removed at exit)")
    ap.add_argument("--app", action="append", default=[], metavar="ID=FORM.json",
                    help='app ID with fields from FORM.json ({"properties": {...}} as app/form/fields.json)')
    ap.add_argument("--guest-app", action="append", default=[], metavar="ID=SPACE",
                    help="serve app ID only under /k/guest/SPACE/v1/")
    ap.add_argument("--user", action="append", default=[], metavar="LOGIN:PASSWORD",
                    help="a login for X-Cybozu-Authorization (repeatable)")
    ap.add_argument("--api-token", action="append", default=[], metavar="APP=TOKEN[,TOKEN]",
                    help="API token(s) valid for APP (repeatable)")
    ap.add_argument("--upload-ttl", type=float, default=259200.0,
                    help="seconds an unattached upload stays attachable (default 3 days)")
    ap.add_argument("--max-concurrency", type=int, default=100,
                    help="requests in flight before 429 GAIA_TO04 (default 100)")
    ap.add_argument("--max-upload-bytes", type=int, default=DEFAULT_MAX_UPLOAD,
                    help="largest file.json request body (default 1 GiB + 1 MiB)")
    ap.add_argument("--seed-records", action="append", default=[], metavar="APP=N",
                    help="create N simple records in APP at startup if it has none")
    ap.add_argument("--log", help="access log: time, method, path, status (never headers or bodies)")
    args = ap.parse_args(argv)
    for spec in args.user:
        if ":" not in spec:
            ap.error("--user takes LOGIN:PASSWORD")
    for g in args.guest_app:
        a, _, s = g.partition("=")
        if not (a.isdigit() and s.isdigit()) or not any(x.split("=", 1)[0] == a for x in args.app):
            ap.error(f"--guest-app {g}: expected ID=SPACE for an app given with --app")
    for spec in args.api_token:
        a = spec.split("=", 1)[0]
        if "=" not in spec or not any(x.split("=", 1)[0] == a for x in args.app):
            ap.error(f"--api-token {spec}: expected APP=TOKEN for an app given with --app")

    try:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(args.cert, args.key)
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(cafile=args.client_ca)
        ctx.set_alpn_protocols(["http/1.1"])  # Qt 6 offers h2 by default; kintone clients get HTTP/1.1 here
        server = KintoneServer(args, ctx)
    except (OSError, ValueError, KeyError, ssl.SSLError) as e:
        print(f"kintone_server: cannot start: {e}", file=sys.stderr)
        return 2
    port = server.server_address[1]

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    if args.ready_file:
        tmp = args.ready_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, args.ready_file)
    print(f"kintone_server: listening on https://127.0.0.1:{port}", file=sys.stderr, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
