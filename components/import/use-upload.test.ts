import { describe, expect, it } from "vitest";
import { createUploader, type SendFile } from "@/components/import/use-upload";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A transport whose answers the test gives by hand, recording what was sent and aborted. */
function fakeTransport() {
  const sent: string[] = [];
  const aborted: string[] = [];
  const answer = new Map<string, (data: string) => void>();
  const send: SendFile<string> = (request, hooks) =>
    new Promise((resolve) => {
      const name = String(request.body);
      sent.push(name);
      hooks.onProgress({ phase: "uploading", done: 1, total: 2 });
      answer.set(name, (data) => resolve({ ok: true, data }));
      hooks.signal.addEventListener("abort", () => {
        aborted.push(name);
        resolve({ ok: false, error: { code: "ABORTED", message: "" } });
      });
    });
  return { sent, aborted, answer, send };
}

const request = (body: string) => ({ url: "/x", body, contentType: "text/csv" });

describe("createUploader (the import and bank uploads)", () => {
  it("has one upload in flight, sends only the newest wish after it, and answers the older ones as superseded", async () => {
    const transport = fakeTransport();
    const progress: unknown[] = [];
    const uploader = createUploader(transport.send, (value) => progress.push(value));
    const a = uploader.upload(request("a"));
    const b = uploader.upload(request("b"));
    const c = uploader.upload(request("c"));
    expect(transport.sent).toEqual(["a"]);
    expect(await b).toEqual({ ok: false, superseded: true });
    transport.answer.get("a")!("answer a");
    expect(await a).toEqual({ ok: false, superseded: true });
    await tick();
    expect(transport.sent).toEqual(["a", "c"]);
    transport.answer.get("c")!("answer c");
    expect(await c).toEqual({ ok: true, data: "answer c" });
    // Progress while each ran, and none once the last one ended.
    expect(progress.at(-1)).toBeNull();
    expect(progress).toContainEqual({ phase: "uploading", done: 1, total: 2 });
  });

  it("aborts the running upload and drops the waiting one", async () => {
    const transport = fakeTransport();
    const uploader = createUploader(transport.send, () => {});
    const a = uploader.upload(request("a"));
    const b = uploader.upload(request("b"));
    uploader.abort();
    expect(await a).toEqual({ ok: false, superseded: true });
    expect(await b).toEqual({ ok: false, superseded: true });
    expect(transport.aborted).toEqual(["a"]);
    await tick();
    expect(transport.sent).toEqual(["a"]);
    // It can be used again afterwards.
    const d = uploader.upload(request("d"));
    transport.answer.get("d")!("answer d");
    expect(await d).toEqual({ ok: true, data: "answer d" });
  });

  it("passes a refusal through as the transport gave it", async () => {
    const uploader = createUploader<string>(
      async () => ({ ok: false, error: { code: "NOT_FOUND", message: "Not found" } }),
      () => {},
    );
    expect(await uploader.upload(request("a"))).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Not found" } });
  });

  it("goes on with the next wish after a transport that failed, and answers a lone failure as a lost connection", async () => {
    let fail = true;
    const uploader = createUploader<string>(
      async (request) => {
        await tick();
        if (fail) throw new Error("x");
        return { ok: true, data: String(request.body) };
      },
      () => {},
    );
    const a = uploader.upload(request("a"));
    fail = false;
    const b = uploader.upload(request("b"));
    expect(await a).toEqual({ ok: false, superseded: true });
    expect(await b).toEqual({ ok: true, data: "b" });
    fail = true;
    expect(await uploader.upload(request("c"))).toEqual({ ok: false, error: { code: "CONNECTION_LOST", message: "" } });
  });
});
