import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { listUnsubscribeHeaders, signUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken, type UnsubscribeClaims } from "../../../app/unsubscribe/token.server";

const SECRET = "unit-test-secret";
const claims: UnsubscribeClaims = {
  shop: "maison.myshopify.com",
  channel: "email",
  address: "ana.garcia@example.com",
  scope: "shipping",
  locale: "pt-BR",
  issuedAt: new Date("2026-11-21T14:00:00Z"),
};

function decode(token: string): unknown[] {
  return JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
}

function encode(payload: unknown[], mac: string): string {
  return `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
}

describe("unsubscribe tokens", () => {
  it("round-trips every claim through a URL-safe token", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(token, { secret: SECRET, shop: claims.shop })).toEqual({ ok: true, claims });
  });

  it("gives the same token for the same claims, so a retried send carries the same headers", () => {
    expect(signUnsubscribeToken(claims, SECRET)).toBe(signUnsubscribeToken({ ...claims }, SECRET));
  });

  it("refuses a token whose payload was changed (another address, or scope widened to all)", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    const mac = token.split(".")[1];
    const otherAddress = decode(token);
    otherAddress[3] = "someone.else@example.com";
    expect(verifyUnsubscribeToken(encode(otherAddress, mac), { secret: SECRET, shop: claims.shop })).toEqual({ ok: false, reason: "bad_signature" });
    const widened = decode(token);
    widened[4] = "all";
    expect(verifyUnsubscribeToken(encode(widened, mac), { secret: SECRET, shop: claims.shop })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a token signed with another secret, a cut token, and garbage", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    expect(verifyUnsubscribeToken(signUnsubscribeToken(claims, "other-secret"), { secret: SECRET, shop: claims.shop }).ok).toBe(false);
    expect(verifyUnsubscribeToken(token.slice(0, -5), { secret: SECRET, shop: claims.shop })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyUnsubscribeToken("not a token", { secret: SECRET, shop: claims.shop })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyUnsubscribeToken(null, { secret: SECRET, shop: claims.shop })).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses a correctly signed payload that does not have a token's shape", () => {
    // Only someone holding the secret can sign; this checks the shape check behind the signature.
    const payload = Buffer.from(JSON.stringify({ shop: claims.shop })).toString("base64url");
    const mac = crypto.createHmac("sha256", SECRET).update(`herald.unsubscribe.v1.${payload}`).digest("base64url");
    expect(verifyUnsubscribeToken(`${payload}.${mac}`, { secret: SECRET, shop: claims.shop })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses shop A's token when the request comes through shop B", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    expect(verifyUnsubscribeToken(token, { secret: SECRET, shop: "other-shop.myshopify.com" })).toEqual({ ok: false, reason: "wrong_shop" });
  });

  it("does not expire: a link from an email years old still verifies", () => {
    const old = signUnsubscribeToken({ ...claims, issuedAt: new Date("2019-01-01T00:00:00Z") }, SECRET);
    expect(verifyUnsubscribeToken(old, { secret: SECRET, shop: claims.shop }).ok).toBe(true);
  });
});

describe("the List-Unsubscribe headers", () => {
  it("point at the shop's own domain through the app proxy, with RFC 8058's one-click marker", () => {
    const url = unsubscribeUrl({ shop: "Maison.myshopify.com", address: claims.address, scope: "delay", locale: "en", issuedAt: claims.issuedAt }, SECRET);
    expect(url).toMatch(/^https:\/\/maison\.myshopify\.com\/apps\/herald\/unsubscribe\?t=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(listUnsubscribeHeaders(url)).toEqual({ "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });
});
