import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  Divider,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useMemo, useState } from "react";
import { db } from "../db.server";
import { settingsMessages } from "../i18n/settings";
import { useCommonLabels, useT } from "../i18n/react";
import type { Translate } from "../i18n/translate";
import { channelStates, saveSettingsForm } from "../models/settings.server";
import { parseSettings } from "../notifications/settings";
import { formValues, type FieldError, type FormValue, type FormValues } from "../notifications/settings-form";
import { DELAY_STEPS, SHIPPING_STEPS } from "../notifications/types";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";
import { useLeaveGuard } from "../components/useLeaveGuard";

// The shop's settings: sender, channels' state, per-trigger options and conditions, quiet hours,
// consent policy and the staff digest. The form's fields are paths into the settings
// (app/notifications/settings-form.ts); the server validates them with the settings schema.

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [shop, channels] = await Promise.all([
    db.shop.findUnique({ where: { domain: session.shop }, select: { settings: true, currency: true } }),
    channelStates(session.shop),
  ]);
  return { values: formValues(parseSettings(shop?.settings)), channels, currency: shop?.currency ?? "USD" };
};

export type SettingsResponse = { ok: true; values: FormValues } | { ok: false; errors: Record<string, FieldError> };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const body = (await request.json().catch(() => null)) as { values?: unknown } | null;
  if (!body || typeof body.values !== "object" || body.values === null) {
    return Response.json({ ok: false, errors: { form: { code: "invalid" } } } satisfies SettingsResponse, { status: 400 });
  }
  const result = await saveSettingsForm(session.shop, body.values as Record<string, unknown>);
  if (!result.ok) return Response.json({ ok: false, errors: result.errors } satisfies SettingsResponse, { status: 422 });
  return Response.json({ ok: true, values: formValues(result.settings) } satisfies SettingsResponse);
};

type Messages = typeof settingsMessages.en;
type T = Translate<Messages>;

function errorText(t: T, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  return t(`errors.${error.code}`, { min: error.min ?? 0, max: error.max ?? 0 });
}

const CHANNELS = ["email", "sms", "whatsapp"] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, "0")}:00` }));

interface Form {
  values: FormValues;
  set: (path: string, value: FormValue) => void;
  error: (path: string) => string | undefined;
}

/** The form's values, what was last saved, and the server's refusals (applied once per answer). */
function useForm(initial: FormValues, answer: SettingsResponse | undefined, t: T) {
  const [values, setValues] = useState(initial);
  const [baseline, setBaseline] = useState(initial);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [handled, setHandled] = useState<SettingsResponse | undefined>(undefined);
  if (answer && answer !== handled) {
    setHandled(answer);
    if (answer.ok) {
      setValues(answer.values);
      setBaseline(answer.values);
      setErrors({});
    } else {
      setErrors(answer.errors);
    }
  }
  const form: Form = {
    values,
    set: (path, value) => {
      setValues((v) => ({ ...v, [path]: value }));
      setErrors((e) => {
        if (!e[path]) return e;
        const rest = { ...e };
        delete rest[path];
        return rest;
      });
    },
    error: (path) => errorText(t, errors[path]),
  };
  // What a save sends: the fields as shown, hidden ones as last saved.
  const submitted = useMemo(() => withHiddenAsSaved(values, baseline), [values, baseline]);
  const dirty = useMemo(() => JSON.stringify(submitted) !== JSON.stringify(baseline), [submitted, baseline]);
  const discard = () => {
    setValues(baseline);
    setErrors({});
  };
  return { form, submitted, dirty, errors, discard, saved: handled?.ok ? handled : null };
}

/**
 * A delay kind's thresholds show only while the kind is on. While it is off they are sent as last
 * saved: a value typed before switching the kind off neither blocks the save with an error the
 * merchant cannot see nor is stored.
 */
function withHiddenAsSaved(values: FormValues, saved: FormValues): FormValues {
  const out = { ...values };
  for (const path of hiddenPaths(values)) out[path] = saved[path];
  return out;
}

/** The threshold fields of the delay kinds that are off (not on the screen). */
function hiddenPaths(values: FormValues): string[] {
  return Object.entries(DELAY_THRESHOLDS).flatMap(([kind, fields]) => (values[`delay.${kind}.enabled`] === true ? [] : (fields ?? []).map(([path]) => path)));
}

function Field({ form, path, label, help, type = "text", prefix }: { form: Form; path: string; label: string; help?: string; type?: "text" | "email" | "number"; prefix?: string }) {
  return (
    <TextField
      label={label}
      helpText={help}
      type={type}
      prefix={prefix}
      autoComplete="off"
      value={String(form.values[path] ?? "")}
      onChange={(value) => form.set(path, value)}
      error={form.error(path)}
    />
  );
}

function Check({ form, path, label, help }: { form: Form; path: string; label: string; help?: string }) {
  return <Checkbox label={label} helpText={help} checked={form.values[path] === true} onChange={(checked) => form.set(path, checked)} error={form.error(path)} />;
}

/** Which channels a trigger uses, in order of preference: a checkbox each, and buttons to reorder the chosen ones. */
function ChannelPicker({ form, trigger, t }: { form: Form; trigger: "shipping" | "delay"; t: T }) {
  const label = useCommonLabels();
  const path = `${trigger}.channels`;
  const chosen = form.values[path] as string[];
  const ordered = [...chosen, ...CHANNELS.filter((c) => !chosen.includes(c))];
  const move = (channel: string, by: number) => {
    const next = [...chosen];
    const at = next.indexOf(channel);
    next.splice(at, 1);
    next.splice(at + by, 0, channel);
    form.set(path, next);
  };
  const error = form.error(path);
  return (
    <BlockStack gap="200">
      <Text as="h4" variant="headingSm">
        {t("trigger.channels")}
      </Text>
      <Text as="p" variant="bodySm" tone="subdued">
        {t("trigger.channelsHelp")}
      </Text>
      {ordered.map((channel) => {
        const at = chosen.indexOf(channel);
        const name = label("channel", channel);
        return (
          <InlineStack key={channel} gap="200" blockAlign="center" wrap={false}>
            <Box minWidth="160px">
              <Checkbox
                label={at >= 0 ? `${at + 1}. ${name}` : name}
                checked={at >= 0}
                onChange={(checked) => form.set(path, checked ? [...chosen, channel] : chosen.filter((c) => c !== channel))}
              />
            </Box>
            {at >= 0 && chosen.length > 1 && (
              <InlineStack gap="100">
                <Button size="slim" disabled={at === 0} onClick={() => move(channel, -1)} accessibilityLabel={t("trigger.moveUp", { channel: name })}>
                  ↑
                </Button>
                <Button size="slim" disabled={at === chosen.length - 1} onClick={() => move(channel, 1)} accessibilityLabel={t("trigger.moveDown", { channel: name })}>
                  ↓
                </Button>
              </InlineStack>
            )}
          </InlineStack>
        );
      })}
      {error && (
        <Text as="p" tone="critical">
          {error}
        </Text>
      )}
      <Select
        label={t("trigger.mode")}
        options={[
          { value: "all", label: t("trigger.modeAll") },
          { value: "first_available", label: t("trigger.modeFirst") },
        ]}
        value={String(form.values[`${trigger}.channelMode`])}
        onChange={(value) => form.set(`${trigger}.channelMode`, value)}
      />
    </BlockStack>
  );
}

function Conditions({ form, trigger, t, currency }: { form: Form; trigger: "shipping" | "delay"; t: T; currency: string }) {
  const p = (key: string) => `${trigger}.conditions.${key}`;
  return (
    <BlockStack gap="200">
      <Text as="h4" variant="headingSm">
        {t("conditions.title")}
      </Text>
      <Text as="p" variant="bodySm" tone="subdued">
        {t("conditions.help")}
      </Text>
      <FormLayout>
        <FormLayout.Group>
          <Field form={form} path={p("tagsInclude")} label={t("conditions.tagsInclude")} help={t("conditions.tagsHelp")} />
          <Field form={form} path={p("tagsExclude")} label={t("conditions.tagsExclude")} help={t("conditions.tagsHelp")} />
        </FormLayout.Group>
        <FormLayout.Group>
          <Field form={form} path={p("minOrderValue")} label={t("conditions.minOrderValue")} type="number" prefix={currency} />
          <Field form={form} path={p("shippingMethodContains")} label={t("conditions.shippingMethod")} help={t("conditions.shippingMethodHelp")} />
        </FormLayout.Group>
        <Field form={form} path={p("countries")} label={t("conditions.countries")} help={t("conditions.countriesHelp")} />
      </FormLayout>
    </BlockStack>
  );
}

const DELAY_THRESHOLDS: Partial<Record<(typeof DELAY_STEPS)[number], Array<[string, keyof Messages["thresholds"]]>>> = {
  unfulfilled: [["delay.unfulfilled.businessHours", "businessHours"]],
  stalled: [
    ["delay.stalled.businessDaysDomestic", "businessDaysDomestic"],
    ["delay.stalled.businessDaysInternational", "businessDaysInternational"],
  ],
  not_picked_up: [["delay.not_picked_up.businessDays", "businessDays"]],
  eta_passed: [["delay.eta_passed.graceHours", "graceHours"]],
};

export default function Settings() {
  const { values: initial, channels, currency } = useLoaderData<typeof loader>();
  const t = useT(settingsMessages);
  const shopify = useAppBridge();
  const fetcher = useFetcher<SettingsResponse>();
  const saving = fetcher.state !== "idle";
  const { form, submitted, dirty, errors, discard, saved } = useForm(initial, saving ? undefined : fetcher.data, t);
  useLeaveGuard(dirty);

  useEffect(() => {
    if (saved) shopify.toast.show(t("saved"));
  }, [saved, shopify, t]);

  const save = () => fetcher.submit(JSON.stringify({ values: submitted }), { method: "post", encType: "application/json" });
  // An error of a field switched out of sight since is no longer the merchant's to fix.
  const hidden = hiddenPaths(form.values);
  const hasErrors = Object.keys(errors).some((path) => !hidden.includes(path));

  const channelStatus = {
    email: channels.email === "provider" ? ["success", t("channels.connected"), t("channels.emailProvider")] : ["attention", t("channels.outbox"), t("channels.emailOutbox")],
    sms: channels.sms === "provider" ? ["success", t("channels.connected"), t("channels.smsProvider")] : ["attention", t("channels.outbox"), t("channels.smsOutbox")],
    whatsapp: channels.whatsapp === "provider" ? ["success", t("channels.connected"), t("channels.whatsappProvider")] : [undefined, t("channels.off"), t("channels.whatsappOff")],
  } satisfies Record<string, readonly ["success" | "attention" | undefined, string, string]>;
  const label = useCommonLabels();

  return (
    <Page title={t("title")} primaryAction={{ content: t("save"), onAction: save, loading: saving, disabled: !dirty }}>
      <SaveBar id="settings-save-bar" open={dirty}>
        <button variant="primary" onClick={save} disabled={saving}>
          {t("save")}
        </button>
        <button onClick={discard}>{t("discard")}</button>
      </SaveBar>
      <Layout>
        {hasErrors && (
          <Layout.Section>
            <Banner tone="critical">
              <p>{t("notSaved")}</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.AnnotatedSection id="sender" title={t("sender.title")} description={t("sender.description")}>
          <Card>
            <FormLayout>
              <Field form={form} path="sender.fromName" label={t("sender.fromName")} help={t("sender.fromNameHelp")} />
              <Field form={form} path="sender.replyTo" label={t("sender.replyTo")} help={t("sender.replyToHelp")} type="email" />
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="channels" title={t("channels.title")} description={t("channels.description")}>
          <Card>
            <BlockStack gap="300">
              {CHANNELS.map((channel, i) => {
                const [tone, state, detail] = channelStatus[channel];
                return (
                  <BlockStack key={channel} gap="100">
                    {i > 0 && <Divider />}
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h3" variant="headingSm">
                        {label("channel", channel)}
                      </Text>
                      <Badge tone={tone}>{state}</Badge>
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {detail}
                    </Text>
                  </BlockStack>
                );
              })}
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="shipping" title={t("trigger.shippingTitle")} description={t("trigger.shippingDescription")}>
          <Card>
            <BlockStack gap="400">
              <Check form={form} path="shipping.enabled" label={t("trigger.enabled")} />
              <ChannelPicker form={form} trigger="shipping" t={t} />
              <Divider />
              <BlockStack gap="100">
                <Text as="h4" variant="headingSm">
                  {t("trigger.steps")}
                </Text>
                {SHIPPING_STEPS.map((step) => (
                  <Check key={step} form={form} path={`shipping.steps.${step}`} label={t(`steps.${step}`)} />
                ))}
              </BlockStack>
              <Divider />
              <Conditions form={form} trigger="shipping" t={t} currency={currency} />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="delay" title={t("trigger.delayTitle")} description={t("trigger.delayDescription")}>
          <Card>
            <BlockStack gap="400">
              <Check form={form} path="delay.enabled" label={t("trigger.enabled")} />
              <ChannelPicker form={form} trigger="delay" t={t} />
              <Divider />
              <BlockStack gap="200">
                <Text as="h4" variant="headingSm">
                  {t("trigger.kinds")}
                </Text>
                {DELAY_STEPS.map((kind) => (
                  <BlockStack key={kind} gap="100">
                    <Check form={form} path={`delay.${kind}.enabled`} label={t(`kinds.${kind}`)} />
                    {DELAY_THRESHOLDS[kind] && form.values[`delay.${kind}.enabled`] === true && (
                      <Box paddingInlineStart="600">
                        <FormLayout>
                          <FormLayout.Group condensed>
                            {DELAY_THRESHOLDS[kind].map(([path, key]) => (
                              <Field key={path} form={form} path={path} label={t(`thresholds.${key}`)} type="number" />
                            ))}
                          </FormLayout.Group>
                        </FormLayout>
                      </Box>
                    )}
                  </BlockStack>
                ))}
              </BlockStack>
              <FormLayout>
                <FormLayout.Group>
                  <Field form={form} path="delay.maxNoticesPerOrder" label={t("thresholds.maxNotices")} type="number" />
                  <Field form={form} path="delay.minHoursBetweenNotices" label={t("thresholds.minHours")} type="number" />
                </FormLayout.Group>
              </FormLayout>
              <Divider />
              <Conditions form={form} trigger="delay" t={t} currency={currency} />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="quiet-hours" title={t("quiet.title")} description={t("quiet.description")}>
          <Card>
            <FormLayout>
              <Check form={form} path="quietHours.enabled" label={t("quiet.enabled")} />
              <FormLayout.Group condensed>
                <Select label={t("quiet.start")} options={HOURS} value={String(form.values["quietHours.start"])} onChange={(v) => form.set("quietHours.start", v)} error={form.error("quietHours.start")} />
                <Select label={t("quiet.end")} options={HOURS} value={String(form.values["quietHours.end"])} onChange={(v) => form.set("quietHours.end", v)} error={form.error("quietHours.end")} />
              </FormLayout.Group>
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="consent" title={t("consent.title")} description={t("consent.description")}>
          <Card>
            <Check form={form} path="consent.smsRequiresConsent" label={t("consent.smsRequiresConsent")} help={t("consent.smsRequiresConsentHelp")} />
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="digest" title={t("digest.title")} description={t("digest.description")}>
          <Card>
            <FormLayout>
              <Check form={form} path="digest.enabled" label={t("digest.enabled")} />
              <FormLayout.Group>
                <Field form={form} path="digest.email" label={t("digest.email")} help={t("digest.emailHelp")} type="email" />
                <Select label={t("digest.hour")} options={HOURS} value={String(form.values["digest.hour"])} onChange={(v) => form.set("digest.hour", v)} error={form.error("digest.hour")} />
              </FormLayout.Group>
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
