import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { NonceBody } from "./nonce-body";

const OLD = "b2xkLW5vbmNlLXZhbHVlPQ==";

describe("NonceBody", () => {
  it("puts the fresh nonce wherever the old one was, plain and gzipped, with multi-byte text, at both ends and side by side", () => {
    const page = `${OLD}<html lang="nl"><script nonce="${OLD}">€ 20.000 — ë</script>${OLD}${OLD}<p>Stand op 6 december</p>${OLD}`;
    const body = new NonceBody(page, OLD);
    const expected = page.replaceAll(OLD, "NIEUW+/==");
    expect(body.plain("NIEUW+/==").toString("utf8")).toBe(expected);
    const gzipped = body.gzip("NIEUW+/==");
    expect(gzipped.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(gunzipSync(gzipped).toString("utf8")).toBe(expected); // gunzip checks the CRC-32 and length
  });

  it("gives a valid gzip stream for a body without a nonce, an empty body, and random bodies of many pieces", () => {
    expect(gunzipSync(new NonceBody("geen nonce", OLD).gzip("x")).toString()).toBe("geen nonce");
    expect(gunzipSync(new NonceBody("", OLD).gzip("x")).toString()).toBe("");
    for (let round = 0; round < 20; round++) {
      const pieces = Array.from({ length: 1 + (round % 7) * 13 }, () => randomBytes(round * 50).toString("base64"));
      const page = pieces.join(OLD);
      const nonce = randomBytes(16).toString("base64");
      expect(gunzipSync(new NonceBody(page, OLD).gzip(nonce)).toString()).toBe(pieces.join(nonce));
    }
  });

  it("compresses a repetitive page well despite compressing its pieces apart", () => {
    const row = `<tr><td class="px-2 py-1 text-right">€ 1.234,56</td><td>Klant</td></tr>`;
    const page = Array.from({ length: 40 }, (_, i) => `<script nonce="${OLD}">${row.repeat(30 + i)}</script>`).join("");
    const gzipped = new NonceBody(page, OLD).gzip(OLD);
    expect(gzipped.length).toBeLessThan(page.length / 10);
  });
});
