// The opening and closing balance of a CSV export that gives the balance after each
// booking ("Saldo na mutatie", "Saldo na trn"): the file's oldest and newest ends, whichever
// order the bank lists them in.
export type BalancedRow = { bookingDate: string; amountCents: number; balanceAfterCents: number | null };

export function balancesFromRunning(rows: BalancedRow[]): { opening: number | null; closing: number | null } {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || rows.some((row) => row.balanceAfterCents === null)) return { opening: null, closing: null };
  // Newest first unless the dates say the file runs forward (the banks' own default differs).
  const forward = first.bookingDate < last.bookingDate || (first.bookingDate === last.bookingDate && chainsForward(rows));
  const oldest = forward ? first : last;
  const newest = forward ? last : first;
  return { opening: oldest.balanceAfterCents! - oldest.amountCents, closing: newest.balanceAfterCents! };
}

/** For a file of one day: whether each balance follows from the one before it. */
function chainsForward(rows: BalancedRow[]): boolean {
  return rows.every((row, index) => {
    const previous = rows[index - 1];
    return !previous || previous.balanceAfterCents! + row.amountCents === row.balanceAfterCents;
  });
}
