// Previews are asked again as the user changes the mapping or a category; the server runs
// one preview per business at a time (409 for a second), and an older answer arriving
// after a newer one must never replace it. So: at most one request in flight; asked again
// meanwhile, only the newest wish is kept and sent when the running one ends, and the
// running one's answer is dropped (it answers a question no longer asked).
export function latestOnly<A, R>(run: (args: A) => Promise<R>, apply: (result: R, args: A) => void): (args: A) => void {
  let running = false;
  let pending: { args: A } | null = null;
  const start = (args: A) => {
    running = true;
    void run(args).then(
      (result) => finish(result, args),
      () => finish(undefined, args),
    );
  };
  const finish = (result: R | undefined, args: A) => {
    running = false;
    if (pending) {
      const next = pending.args;
      pending = null;
      start(next);
      return;
    }
    if (result !== undefined) apply(result, args);
  };
  return (args: A) => {
    if (running) pending = { args };
    else start(args);
  };
}
