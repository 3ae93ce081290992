import type { Random } from "./random";

/** Carriers the story uses, with Shopify's tracking_company names and real number formats. */
export type Carrier = "UPS" | "DHL Express" | "FedEx" | "Delhivery" | "India Post";

export interface Tracking {
  company: Carrier;
  number: string;
  url: string;
}

/** UPS 1Z numbers: 1Z + 6-char shipper + 2-digit service + 7-digit package + check digit. */
export function upsCheckDigit(body: string): number {
  // Letters count as (charCode - 63) mod 10; odd positions once, even positions twice.
  const values = [...body].map((c) => (/[0-9]/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10));
  const sum = values.reduce((acc, v, i) => acc + (i % 2 === 1 ? 2 * v : v), 0);
  return (10 - (sum % 10)) % 10;
}

/** UPU S10 (postal items, e.g. India Post Speed Post "EE123456785IN"): weights 8 6 4 2 3 5 9 7. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

const ALNUM = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const DIGITS = "0123456789";

export function tracking(carrier: Carrier, random: Random): Tracking {
  switch (carrier) {
    case "UPS": {
      const body = random.chars(6, ALNUM) + random.pick(["01", "02", "03", "12"]) + random.chars(7, DIGITS);
      const number = `1Z${body}${upsCheckDigit(body)}`;
      return { company: carrier, number, url: `https://www.ups.com/track?tracknum=${number}` };
    }
    case "DHL Express": {
      // 10-digit waybill; the last digit is the first nine mod 7.
      const first = String(random.int(100_000_000, 999_999_999));
      const number = `${first}${Number(first) % 7}`;
      return { company: carrier, number, url: `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${number}` };
    }
    case "FedEx": {
      const number = String(random.int(1, 9)) + random.chars(11, DIGITS);
      return { company: carrier, number, url: `https://www.fedex.com/fedextrack/?trknbr=${number}` };
    }
    case "Delhivery": {
      const number = `14${random.chars(11, DIGITS)}`;
      return { company: carrier, number, url: `https://www.delhivery.com/track-v2/package/${number}` };
    }
    case "India Post": {
      const serial = random.chars(8, DIGITS);
      const number = `EE${serial}${s10CheckDigit(serial)}IN`;
      return { company: carrier, number, url: "https://www.indiapost.gov.in/_layouts/15/dop.portal.tracking/trackconsignment.aspx" };
    }
  }
}
