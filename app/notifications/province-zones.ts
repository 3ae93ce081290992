// The time zones of each province of the countries whose provinces Herald can tell apart, keyed
// "<country>-<province>" with Shopify's address codes (province_code). A province that spans zones
// lists all of them (Texas: Central, and Mountain around El Paso): quiet hours must hold in each.
// A country or province not here is read as the whole country (quiet-hours.ts).

const EASTERN = ["America/New_York"];
const CENTRAL = ["America/Chicago"];
const MOUNTAIN = ["America/Denver"];
const PACIFIC = ["America/Los_Angeles"];

/** IANA zones by "<country>-<province code>"; every one of them is known to Intl (checked by a test). */
export const PROVINCE_ZONES: Readonly<Record<string, readonly string[]>> = {
  // United States (and the territories Shopify lists as US provinces)
  "US-AL": CENTRAL,
  "US-AK": ["America/Anchorage", "America/Juneau", "America/Sitka", "America/Yakutat", "America/Nome", "America/Metlakatla", "America/Adak"],
  // Arizona keeps standard time all year; the Navajo Nation keeps Mountain daylight time.
  "US-AZ": ["America/Phoenix", "America/Denver"],
  "US-AR": CENTRAL,
  "US-CA": PACIFIC,
  "US-CO": MOUNTAIN,
  "US-CT": EASTERN,
  "US-DE": EASTERN,
  "US-DC": EASTERN,
  "US-FL": ["America/New_York", "America/Chicago"],
  "US-GA": EASTERN,
  "US-HI": ["Pacific/Honolulu"],
  "US-ID": ["America/Boise", "America/Los_Angeles"],
  "US-IL": CENTRAL,
  "US-IN": [
    "America/Indiana/Indianapolis", "America/Indiana/Marengo", "America/Indiana/Petersburg", "America/Indiana/Vevay",
    "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Indiana/Knox", "America/Indiana/Tell_City", "America/Chicago",
  ],
  "US-IA": CENTRAL,
  "US-KS": ["America/Chicago", "America/Denver"],
  "US-KY": ["America/Kentucky/Louisville", "America/Kentucky/Monticello", "America/New_York", "America/Chicago"],
  "US-LA": CENTRAL,
  "US-ME": EASTERN,
  "US-MD": EASTERN,
  "US-MA": EASTERN,
  "US-MI": ["America/Detroit", "America/Menominee"],
  "US-MN": CENTRAL,
  "US-MS": CENTRAL,
  "US-MO": CENTRAL,
  "US-MT": MOUNTAIN,
  "US-NE": ["America/Chicago", "America/Denver"],
  "US-NV": ["America/Los_Angeles", "America/Denver"],
  "US-NH": EASTERN,
  "US-NJ": EASTERN,
  "US-NM": MOUNTAIN,
  "US-NY": EASTERN,
  "US-NC": EASTERN,
  "US-ND": ["America/Chicago", "America/North_Dakota/Center", "America/North_Dakota/New_Salem", "America/North_Dakota/Beulah", "America/Denver"],
  "US-OH": EASTERN,
  "US-OK": CENTRAL,
  "US-OR": ["America/Los_Angeles", "America/Boise"],
  "US-PA": EASTERN,
  "US-RI": EASTERN,
  "US-SC": EASTERN,
  "US-SD": ["America/Chicago", "America/Denver"],
  "US-TN": ["America/Chicago", "America/New_York"],
  "US-TX": ["America/Chicago", "America/Denver"],
  "US-UT": MOUNTAIN,
  "US-VT": EASTERN,
  "US-VA": EASTERN,
  "US-WA": PACIFIC,
  "US-WV": EASTERN,
  "US-WI": CENTRAL,
  "US-WY": MOUNTAIN,
  "US-AS": ["Pacific/Pago_Pago"],
  "US-GU": ["Pacific/Guam"],
  "US-MP": ["Pacific/Saipan"],
  "US-PR": ["America/Puerto_Rico"],
  "US-VI": ["America/St_Thomas"],
  "US-FM": ["Pacific/Chuuk", "Pacific/Pohnpei", "Pacific/Kosrae"],
  "US-MH": ["Pacific/Majuro", "Pacific/Kwajalein"],
  "US-PW": ["Pacific/Palau"],
  "US-UM": ["Pacific/Midway", "Pacific/Wake"],

  // Canada
  "CA-AB": ["America/Edmonton"],
  "CA-BC": ["America/Vancouver", "America/Dawson_Creek", "America/Fort_Nelson", "America/Creston", "America/Edmonton"],
  "CA-MB": ["America/Winnipeg"],
  "CA-NB": ["America/Moncton"],
  "CA-NL": ["America/St_Johns", "America/Goose_Bay"],
  "CA-NS": ["America/Halifax"],
  "CA-NT": ["America/Yellowknife", "America/Inuvik"],
  "CA-NU": ["America/Iqaluit", "America/Rankin_Inlet", "America/Resolute", "America/Cambridge_Bay", "America/Atikokan"],
  "CA-ON": ["America/Toronto", "America/Winnipeg", "America/Atikokan"],
  "CA-PE": ["America/Halifax"],
  "CA-QC": ["America/Toronto", "America/Blanc-Sablon", "America/Halifax"],
  "CA-SK": ["America/Regina", "America/Swift_Current", "America/Edmonton"],
  "CA-YT": ["America/Whitehorse", "America/Dawson"],

  // Australia
  "AU-ACT": ["Australia/Sydney"],
  "AU-NSW": ["Australia/Sydney", "Australia/Broken_Hill", "Australia/Lord_Howe"],
  "AU-NT": ["Australia/Darwin"],
  "AU-QLD": ["Australia/Brisbane"],
  "AU-SA": ["Australia/Adelaide"],
  "AU-TAS": ["Australia/Hobart"],
  "AU-VIC": ["Australia/Melbourne"],
  "AU-WA": ["Australia/Perth", "Australia/Eucla"],
};
