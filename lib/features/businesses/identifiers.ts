// Dutch business identifiers: the KVK number (Chamber of Commerce, 8 digits, no check
// digit since 2016) and the btw-identificatienummer (VAT ID, NL + 9 digits + B + 2 digits).

export const KVK_PATTERN = /^\d{8}$/;
export const VAT_NUMBER_PATTERN = /^NL(\d{9})B(\d{2})$/;

export function normaliseKvkNumber(value: string): string {
  return value.replace(/[\s.]/g, "");
}

export function isValidKvkNumber(value: string): boolean {
  return KVK_PATTERN.test(value);
}

export function normaliseVatNumber(value: string): string {
  return value.replace(/[\s.]/g, "").toUpperCase();
}

/**
 * A VAT ID is accepted when its format is right and one of the Belastingdienst's two
 * checks passes: the mod-97 check of IDs issued since 2020 (letters as numbers, N=23,
 * L=21, B=11), or the older 11-check on the 9 digits derived from the RSIN.
 */
export function isValidVatNumber(value: string): boolean {
  const match = VAT_NUMBER_PATTERN.exec(value);
  if (!match) return false;
  const digits = match[1]!;
  const suffix = match[2]!;
  const mod97 = BigInt(`2321${digits}11${suffix}`) % 97n === 1n;
  const weighted = [...digits.slice(0, 8)].reduce((sum, digit, index) => sum + Number(digit) * (9 - index), 0);
  const elevenCheck = weighted % 11 === Number(digits[8]) && suffix !== "00";
  return mod97 || elevenCheck;
}
