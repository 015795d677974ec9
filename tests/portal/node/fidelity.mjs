// Fidelity check: drives tests/portal/kintone_server.py with the official @kintone/rest-api-client
// (pinned to 6.2.1 in package.json) over mutual TLS, so the test server's wire format is what the
// official client expects. Started by tests/portal/run_fidelity.sh.
//
// Environment:
//   KINTONE_BASE_URL       https://127.0.0.1:PORT
//   KINTONE_PFX            client certificate (PKCS#12)
//   KINTONE_PFX_PASSWORD   its passphrase
//   KINTONE_USER / KINTONE_PASSWORD   a --user of the server
//   KINTONE_APP            app id served with tests/portal/fidelity-app.json
//   KINTONE_SEEDED         how many records the server seeded into KINTONE_APP
//   KINTONE_GUEST_APP / KINTONE_GUEST_SPACE   (optional) the same form in a guest space
//   NODE_EXTRA_CA_CERTS    the test CA (read by Node itself at start-up)
// Prints "ok - <step>" or "not ok - <step>" per step, then "N passed, N failed"; exits 1 on any failure.

import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import https from "node:https";
import { KintoneRestAPIClient, KintoneRestAPIError } from "@kintone/rest-api-client";

function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const baseUrl = env("KINTONE_BASE_URL");
const pfxFilePath = env("KINTONE_PFX");
const pfxPassword = env("KINTONE_PFX_PASSWORD");
const username = env("KINTONE_USER");
const password = env("KINTONE_PASSWORD");
const app = env("KINTONE_APP");
const seeded = Number(env("KINTONE_SEEDED", "0"));
const guestApp = process.env.KINTONE_GUEST_APP;
const guestSpace = process.env.KINTONE_GUEST_SPACE;

const makeClient = (overrides = {}) =>
  new KintoneRestAPIClient({
    baseUrl,
    auth: { username, password },
    clientCertAuth: { pfxFilePath, password: pfxPassword },
    ...overrides,
  });
const client = makeClient();

// The test server's control API (/__fs/...) over the same mutual TLS.
const agent = new https.Agent({ pfx: readFileSync(pfxFilePath), passphrase: pfxPassword, keepAlive: false });
function control(method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = https.request(
      new URL(`/__fs/${path}`, baseUrl),
      { method, agent, headers: data ? { "Content-Type": "application/json", "Content-Length": data.length } : {} },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode !== 200) {
            reject(new Error(`control ${path}: ${res.statusCode} ${text}`));
          } else {
            resolve(JSON.parse(text));
          }
        });
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function expectKintoneError(promise, { status, code }) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof KintoneRestAPIError, `expected KintoneRestAPIError, got ${e}`);
    assert.equal(e.status, status);
    assert.equal(e.code, code);
    return e;
  }
  assert.fail(`expected ${status} ${code}, but the call succeeded`);
}

let passed = 0;
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`not ok - ${name}`);
    for (const line of String(e?.stack ?? e).split("\n")) {
      console.log(`  # ${line}`);
    }
  }
}

const shared = {};

await step("addRecord and getRecord", async () => {
  const uuid = randomUUID();
  const added = await client.record.addRecord({
    app,
    record: { title: { value: "病棟3 調査" }, client_uuid: { value: uuid }, num: { value: "1.5e1" },
              rows: { value: [{ value: { item: { value: "ONU" }, qty: { value: "2" } } }] } },
  });
  assert.equal(added.revision, "1");
  assert.match(added.id, /^\d+$/);
  const { record } = await client.record.getRecord({ app, id: added.id });
  assert.deepEqual(record.$id, { type: "__ID__", value: added.id });
  assert.deepEqual(record.$revision, { type: "__REVISION__", value: "1" });
  assert.equal(record.title.value, "病棟3 調査");
  assert.equal(record.num.value, "15");
  assert.equal(record.rows.value.length, 1);
  assert.match(record.rows.value[0].id, /^\d+$/);
  assert.equal(record.rows.value[0].value.qty.type, "NUMBER");
  assert.match(record["作成日時"].value, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
  assert.equal(record["作成者"].value.code, username);
  shared.first = added.id;
});

await step("getRecords with query, fields and totalCount", async () => {
  const res = await client.record.getRecords({
    app, fields: ["$id", "title"], query: `$id <= 10 order by $id desc limit 3`, totalCount: true,
  });
  assert.equal(res.totalCount, "10");
  assert.deepEqual(res.records.map((r) => r.$id.value), ["10", "9", "8"]);
  assert.deepEqual(Object.keys(res.records[0]).sort(), ["$id", "title"]);
  assert.equal(res.records[0].title.value, "title-10");
});

await step("getAllRecords pages by $id (500 at a time)", async () => {
  const all = await client.record.getAllRecords({ app, fields: ["title"] });
  const ids = all.map((r) => Number(r.$id.value));
  assert.ok(ids.length >= seeded + 1, `got ${ids.length} records, expected at least ${seeded + 1}`);
  assert.equal(new Set(ids).size, ids.length, "no record twice");
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  assert.equal(all[0].title.value, "title-1");
});

await step("getAllRecords with orderBy and withCursor:false pages by offset", async () => {
  const all = await client.record.getAllRecords({ app, condition: "$id <= 1100", orderBy: "$id desc", withCursor: false });
  assert.equal(all.length, 1100);
  assert.equal(all[0].$id.value, "1100");
  assert.equal(all[1099].$id.value, "1");
});

await step("getRecords with a long query (the client switches to X-HTTP-Method-Override)", async () => {
  const before = (await control("GET", "stats")).methodOverrides;
  const ors = Array.from({ length: 400 }, (_, i) => `title = "no-such-title-${i}"`).join(" or ");
  const res = await client.record.getRecords({ app, query: `(${ors}) or $id = 7` });
  assert.deepEqual(res.records.map((r) => r.$id.value), ["7"]);
  assert.equal((await control("GET", "stats")).methodOverrides, before + 1);
});

await step("updateRecords with upsert: INSERT then UPDATE of the same record", async () => {
  const key = randomUUID();
  const updateKey = { field: "client_uuid", value: key };
  const first = await client.record.updateRecords({
    app, upsert: true, records: [{ updateKey, record: { title: { value: "upsert 1" } } }],
  });
  assert.equal(first.records.length, 1);
  assert.equal(first.records[0].operation, "INSERT");
  const second = await client.record.updateRecords({
    app, upsert: true, records: [{ updateKey, record: { title: { value: "upsert 2" } } }],
  });
  assert.deepEqual(second.records, [{ id: first.records[0].id, revision: "2", operation: "UPDATE" }]);
  const res = await client.record.getRecords({ app, query: `client_uuid = "${key}"` });
  assert.equal(res.records.length, 1);
  assert.equal(res.records[0].title.value, "upsert 2");
  const byKey = await client.record.updateRecord({ app, updateKey, record: { note: { value: "by key" } } });
  assert.equal(byKey.revision, "3");
});

await step("updateRecord with a stale revision fails with 409 GAIA_CO02", async () => {
  const id = shared.first;
  const upd = await client.record.updateRecord({ app, id, revision: "1", record: { note: { value: "v2" } } });
  assert.equal(upd.revision, "2");
  const e = await expectKintoneError(
    client.record.updateRecord({ app, id, revision: "1", record: { note: { value: "stale" } } }),
    { status: 409, code: "GAIA_CO02" },
  );
  assert.match(e.message, /^\[409\] \[GAIA_CO02\] /);
  const { record } = await client.record.getRecord({ app, id });
  assert.equal(record.note.value, "v2");
  assert.equal(record.$revision.value, "2");
  const forced = await client.record.updateRecord({ app, id, revision: -1, record: { note: { value: "v3" } } });
  assert.equal(forced.revision, "3");
});

await step("bulkRequest: the 2nd request fails, bulkRequestIndex is 1 and the 1st is rolled back", async () => {
  const a = await client.record.addRecord({ app, record: { title: { value: "bulk A" }, note: { value: "before" } } });
  const b = await client.record.addRecord({ app, record: { title: { value: "bulk B" } } });
  await client.record.updateRecord({ app, id: b.id, record: { note: { value: "moved on" } } });
  const e = await expectKintoneError(
    client.bulkRequest({
      requests: [
        { method: "PUT", api: "/k/v1/record.json", payload: { app, id: a.id, record: { note: { value: "after" } } } },
        { method: "PUT", api: "/k/v1/record.json", payload: { app, id: b.id, revision: "1", record: {} } },
      ],
    }),
    { status: 409, code: "GAIA_CO02" },
  );
  assert.equal(e.bulkRequestIndex, 1);
  const { record } = await client.record.getRecord({ app, id: a.id });
  assert.equal(record.note.value, "before");
  assert.equal(record.$revision.value, "1");
  const ok = await client.bulkRequest({
    requests: [
      { method: "PUT", api: "/k/v1/record.json", payload: { app, id: a.id, revision: "1", record: { note: { value: "after" } } } },
      { method: "POST", api: "/k/v1/records.json", payload: { app, records: [{ title: { value: "bulk C" } }] } },
    ],
  });
  assert.equal(ok.results.length, 2);
  assert.deepEqual(ok.results[0], { revision: "2" });
  assert.equal(ok.results[1].ids.length, 1);
});

await step("uploadFile, attach to a FILE field, downloadFile returns the same bytes", async () => {
  const data = randomBytes(200 * 1024);
  const { fileKey } = await client.file.uploadFile({ file: { name: "写真.jpg", data } });
  assert.match(fileKey, /^[0-9a-f-]{36}$/);
  const id = shared.first;
  await client.record.updateRecord({ app, id, record: { photos: { value: [{ fileKey }] } } });
  const { record } = await client.record.getRecord({ app, id });
  assert.equal(record.photos.value.length, 1);
  const file = record.photos.value[0];
  assert.equal(file.name, "写真.jpg");
  assert.equal(file.contentType, "image/jpeg");
  assert.equal(file.size, String(data.length));
  assert.notEqual(file.fileKey, fileKey, "the download key differs from the upload key");
  const downloaded = Buffer.from(await client.file.downloadFile({ fileKey: file.fileKey }));
  assert.ok(downloaded.equals(data), "downloaded bytes differ");
  // An upload key is not a download key. (downloadFile asks axios for an ArrayBuffer, so 6.2.1 cannot read
  // the JSON error body: only the status is visible to it; the Python self-test checks the GAIA_BL01 body.)
  await assert.rejects(client.file.downloadFile({ fileKey }), (e) => e instanceof KintoneRestAPIError && e.status === 404);
  // the upload key was consumed: attaching it again fails
  await expectKintoneError(
    client.record.addRecord({ app, record: { title: { value: "reuse" }, photos: { value: [{ fileKey }] } } }),
    { status: 400, code: "GAIA_BL01" },
  );
  // keep the file through its download key
  await client.record.updateRecord({ app, id, record: { photos: { value: [{ fileKey: file.fileKey }] } } });
  const again = await client.record.getRecord({ app, id });
  assert.equal(again.record.photos.value[0].fileKey, file.fileKey);
});

await step("addRecordComment and getRecordComments", async () => {
  const record = shared.first;
  const first = await client.record.addRecordComment({
    app, record, comment: { text: "確認しました", mentions: [{ code: username, type: "USER" }] },
  });
  assert.equal(first.id, "1");
  await client.record.addRecordComment({ app, record, comment: { text: "second" } });
  const res = await client.record.getRecordComments({ app, record, order: "asc" });
  assert.deepEqual(res.comments.map((c) => c.text), ["確認しました", "second"]);
  assert.deepEqual(res.comments[0].mentions, [{ code: username, type: "USER" }]);
  assert.equal(res.comments[0].creator.code, username);
  assert.equal(res.older, false);
  assert.equal(res.newer, false);
  const page = await client.record.getRecordComments({ app, record, order: "desc", limit: 1 });
  assert.deepEqual(page.comments.map((c) => c.id), ["2"]);
  assert.equal(page.older, true);
  await client.record.deleteRecordComment({ app, record, comment: "2" });
  await expectKintoneError(client.record.deleteRecordComment({ app, record, comment: "2" }),
    { status: 400, code: "GAIA_RE02" });
});

await step("getAllRecordsWithCursor reads every record once and releases the cursor", async () => {
  const all = await client.record.getAllRecordsWithCursor({ app, query: "$id <= 1200 order by $id asc", fields: ["$id"] });
  assert.deepEqual(all.map((r) => Number(r.$id.value)), Array.from({ length: 1200 }, (_, i) => i + 1));
  const stats = await control("GET", "stats");
  assert.equal(stats.cursors, 0);
});

await step("deleteRecords", async () => {
  const a = await client.record.addRecord({ app, record: { title: { value: "gone" } } });
  await client.record.deleteRecords({ app, ids: [a.id], revisions: [a.revision] });
  await expectKintoneError(client.record.getRecord({ app, id: a.id }), { status: 404, code: "GAIA_RE01" });
});

await step("429 GAIA_TO04 is a KintoneRestAPIError; a text 503 is a plain Error", async () => {
  await control("POST", "faults", { script: [{ at: 0, fault: "429" }, { at: 1, fault: "503" }] });
  try {
    const e = await expectKintoneError(client.record.getRecord({ app, id: shared.first }), { status: 429, code: "GAIA_TO04" });
    assert.equal(e.headers["x-cybozu-error"], "GAIA_TO04");
    try {
      await client.record.getRecord({ app, id: shared.first });
      assert.fail("expected the 503");
    } catch (err) {
      assert.ok(!(err instanceof KintoneRestAPIError), `a 503 with a text body must not parse as JSON: ${err}`);
      assert.match(String(err.message), /^503: /);
    }
    await client.record.getRecord({ app, id: shared.first });
  } finally {
    await control("POST", "reset-faults");
  }
});

await step("authentication errors", async () => {
  const wrong = makeClient({ auth: { username, password: `${password}-wrong` } });
  await expectKintoneError(wrong.record.getRecord({ app, id: shared.first }), { status: 401, code: "CB_WA01" });
});

if (guestApp && guestSpace) {
  await step("guest space client (/k/guest/<space>/v1/)", async () => {
    const guest = makeClient({ guestSpaceId: guestSpace });
    const added = await guest.record.addRecord({ app: guestApp, record: { title: { value: "guest" } } });
    const { record } = await guest.record.getRecord({ app: guestApp, id: added.id });
    assert.equal(record.title.value, "guest");
    const fields = await guest.app.getFormFields({ app: guestApp });
    assert.equal(fields.properties.title.type, "SINGLE_LINE_TEXT");
    await expectKintoneError(client.record.getRecord({ app: guestApp, id: added.id }), { status: 400, code: "GAIA_IL23" });
  });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
