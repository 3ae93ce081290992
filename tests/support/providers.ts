import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetChannels } from "../../app/channels/index.server";
import { resetEnv } from "../../app/env.server";
import { startProviderFakes, type ProviderFakes } from "../fakes/cli";
import { startFakeResend, svixHeaders, type FakeResend } from "../fakes/resend-fake";
import { startFakeTwilio, twilioSignature, type FakeTwilio } from "../fakes/twilio-fake";

type Action = (args: ActionFunctionArgs) => Promise<Response>;

async function call(load: () => Promise<{ action: Action }>, request: Request): Promise<Response> {
  const { action } = await load();
  return action({ request, params: {}, context: {} });
}

/** A Resend status webhook for one email, Svix-signed with `secret` at `at` (default now). */
export function resendEvent(emailId: string, type: string, opts: { secret: string; at?: Date; id?: string; bounceType?: string }): Request {
  const at = opts.at ?? new Date();
  const body = JSON.stringify({
    type,
    created_at: at.toISOString(),
    data: { email_id: emailId, created_at: at.toISOString(), ...(opts.bounceType ? { bounce: { type: opts.bounceType } } : {}) },
  });
  const headers = svixHeaders(body, opts.secret, Math.floor(at.getTime() / 1000), opts.id);
  return new Request(`${process.env.SHOPIFY_APP_URL}/providers/resend`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

/** A Twilio form POST to one of Herald's provider routes, signed with `authToken`. */
export function twilioRequest(path: string, params: Record<string, string>, authToken: string): Request {
  const url = `${process.env.SHOPIFY_APP_URL}${path}`;
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(authToken, url, params) },
    body: new URLSearchParams(params),
  });
}

export const postResendEvent = (r: Request) => call(() => import("../../app/routes/providers.resend"), r);
export const postTwilioStatus = (r: Request) => call(() => import("../../app/routes/providers.twilio.status"), r);
export const postTwilioInbound = (r: Request) => call(() => import("../../app/routes/providers.twilio.inbound"), r);

/**
 * A fake Resend for the enclosing test file (or describe block): started before its tests, Herald
 * pointed at it through RESEND_API_KEY / RESEND_BASE_URL (plus `env`), emptied before each test,
 * closed after. Read the running fake through the returned object's `resend`.
 */
export function withFakeResend(env: Record<string, string> = {}): { readonly resend: FakeResend } {
  const handle: { resend: FakeResend } = { resend: undefined as unknown as FakeResend };
  beforeAll(async () => {
    handle.resend = await startFakeResend();
    Object.assign(process.env, { RESEND_API_KEY: handle.resend.apiKey, RESEND_BASE_URL: handle.resend.url, ...env });
    resetEnv();
    resetChannels();
  });
  beforeEach(() => handle.resend.reset());
  afterAll(async () => {
    await handle.resend?.close();
    for (const key of ["RESEND_API_KEY", "RESEND_BASE_URL", ...Object.keys(env)]) delete process.env[key];
    resetEnv();
    resetChannels();
  });
  return handle;
}

/**
 * A fake Twilio for the enclosing test file (or describe block), as withFakeResend: Herald pointed at
 * it through TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN / TWILIO_FROM / TWILIO_BASE_URL (`env`, also for
 * a worker process), emptied before each test, closed after.
 */
export function withFakeTwilio(): { readonly twilio: FakeTwilio; readonly env: Record<string, string> } {
  const handle: { twilio: FakeTwilio; env: Record<string, string> } = { twilio: undefined as unknown as FakeTwilio, env: {} };
  beforeAll(async () => {
    handle.twilio = await startFakeTwilio();
    handle.env = { TWILIO_ACCOUNT_SID: handle.twilio.accountSid, TWILIO_AUTH_TOKEN: handle.twilio.authToken, TWILIO_FROM: "+15005550006", TWILIO_BASE_URL: handle.twilio.url };
    Object.assign(process.env, handle.env);
    resetEnv();
    resetChannels();
  });
  beforeEach(() => handle.twilio.reset());
  afterAll(async () => {
    await handle.twilio?.close();
    for (const key of Object.keys(handle.env)) delete process.env[key];
    resetEnv();
    resetChannels();
  });
  return handle;
}

/**
 * Fake Resend and Twilio (no inbox page) for the enclosing test file: Herald pointed at both through
 * their environment variables (restored afterwards), emptied before each test, closed after.
 */
export function withProviderFakes(): { readonly fakes: ProviderFakes } {
  const handle: { fakes: ProviderFakes } = { fakes: undefined as unknown as ProviderFakes };
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    handle.fakes = await startProviderFakes({ inbox: false });
    for (const [key, value] of Object.entries(handle.fakes.env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    resetEnv();
    resetChannels();
  });
  beforeEach(() => handle.fakes.reset());
  afterAll(async () => {
    await handle.fakes?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnv();
    resetChannels();
  });
  return handle;
}
