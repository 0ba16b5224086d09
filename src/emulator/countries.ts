/**
 * Currency and time zone of each marketplace's profiles, as Amazon Ads reports them; used for
 * profiles the emulator creates itself (test accounts).
 */
const COUNTRY_SETTINGS: Readonly<Record<string, { currencyCode: string; timezone: string }>> = {
  US: { currencyCode: "USD", timezone: "America/Los_Angeles" },
  CA: { currencyCode: "CAD", timezone: "America/Los_Angeles" },
  MX: { currencyCode: "MXN", timezone: "America/Los_Angeles" },
  BR: { currencyCode: "BRL", timezone: "America/Sao_Paulo" },
  UK: { currencyCode: "GBP", timezone: "Europe/London" },
  DE: { currencyCode: "EUR", timezone: "Europe/Paris" },
  FR: { currencyCode: "EUR", timezone: "Europe/Paris" },
  IT: { currencyCode: "EUR", timezone: "Europe/Paris" },
  ES: { currencyCode: "EUR", timezone: "Europe/Paris" },
  NL: { currencyCode: "EUR", timezone: "Europe/Amsterdam" },
  SE: { currencyCode: "SEK", timezone: "Europe/Stockholm" },
  PL: { currencyCode: "PLN", timezone: "Europe/Warsaw" },
  BE: { currencyCode: "EUR", timezone: "Europe/Brussels" },
  IE: { currencyCode: "EUR", timezone: "Europe/Dublin" },
  TR: { currencyCode: "TRY", timezone: "Europe/Istanbul" },
  AE: { currencyCode: "AED", timezone: "Asia/Dubai" },
  SA: { currencyCode: "SAR", timezone: "Asia/Riyadh" },
  EG: { currencyCode: "EGP", timezone: "Africa/Cairo" },
  IN: { currencyCode: "INR", timezone: "Asia/Kolkata" },
  ZA: { currencyCode: "ZAR", timezone: "Africa/Johannesburg" },
  JP: { currencyCode: "JPY", timezone: "Asia/Tokyo" },
  AU: { currencyCode: "AUD", timezone: "Australia/Sydney" },
  SG: { currencyCode: "SGD", timezone: "Asia/Singapore" },
};

/** The currency and time zone of a country's profiles, or undefined for an unknown country. */
export function countrySettings(
  countryCode: string,
): { currencyCode: string; timezone: string } | undefined {
  return COUNTRY_SETTINGS[countryCode];
}
