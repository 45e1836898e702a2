import { describe, expect, it } from "vitest";
import { latestOnly } from "@/components/import/latest-only";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("latestOnly (import previews)", () => {
  it("never has two requests in flight, sends only the newest wish after the running one, and applies only its answer", async () => {
    const calls: string[] = [];
    const resolvers = new Map<string, (value: string) => void>();
    const applied: string[] = [];
    const ask = latestOnly(
      (args: string) => {
        calls.push(args);
        return new Promise<string>((resolve) => resolvers.set(args, resolve));
      },
      (result) => applied.push(result),
    );
    ask("a");
    ask("b");
    ask("c");
    expect(calls).toEqual(["a"]);
    resolvers.get("a")!("answer a");
    await tick();
    // "b" was overtaken by "c" before it was sent; "a"'s answer is stale.
    expect(calls).toEqual(["a", "c"]);
    expect(applied).toEqual([]);
    resolvers.get("c")!("answer c");
    await tick();
    expect(applied).toEqual(["answer c"]);
    ask("d");
    expect(calls).toEqual(["a", "c", "d"]);
  });

  it("goes on with the next wish after a failed request", async () => {
    const applied: string[] = [];
    let fail = true;
    const ask = latestOnly(
      async (args: string) => {
        await tick();
        if (fail) throw new Error("x");
        return args;
      },
      (result) => applied.push(result),
    );
    ask("a");
    fail = false;
    ask("b");
    await tick();
    await tick();
    await tick();
    expect(applied).toEqual(["b"]);
  });
});
