import { describe, expect, it } from "vitest";
import { takeLines } from "@/components/import/stream-import";

describe("takeLines", () => {
  it("takes only complete lines and remembers where the next one starts", () => {
    const text = '{"type":"progress","phase":"checking","total":3}\n{"type":"progress","phase":"sav';
    const first = takeLines(text, 0);
    expect(first.lines).toEqual([{ type: "progress", phase: "checking", total: 3 }]);
    const more = `${text}ing","done":0,"total":3}\n{"type":"result","data":{"created":3}}\n`;
    const second = takeLines(more, first.offset);
    expect(second.lines).toEqual([
      { type: "progress", phase: "saving", done: 0, total: 3 },
      { type: "result", data: { created: 3 } },
    ]);
    expect(second.offset).toBe(more.length);
  });
});
