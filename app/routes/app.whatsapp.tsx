import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Box, Button, Card, Divider, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { adminErrorMessages } from "../i18n/admin-errors";
import { useAdminLocale, useT } from "../i18n/react";
import { useStepNames } from "../i18n/steps";
import { whatsappMessages } from "../i18n/whatsapp";
import { deleteWhatsAppTemplate, listWhatsAppTemplates, saveWhatsAppTemplate, type SaveResult } from "../models/whatsapp-templates.server";
import { STEPS_BY_TRIGGER } from "../notifications/templates";
import { TRIGGERS, type Trigger } from "../notifications/types";
import { parseVariableLines, variableLines, whatsappVariablePaths, type WhatsAppMappingError } from "../notifications/whatsapp";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

// WhatsApp templates: which approved template (Twilio Content SID) each trigger x step x locale uses,
// and which Herald value fills each placeholder. Loader and action only connect the page to
// app/models/whatsapp-templates.server.ts; every query is scoped to the session's shop.

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const templates = await listWhatsAppTemplates(session.shop);
  return {
    triggers: TRIGGERS.map((trigger) => ({
      trigger,
      paths: whatsappVariablePaths(trigger),
      steps: STEPS_BY_TRIGGER[trigger].map((step) => ({
        step,
        templates: templates
          .filter((t) => t.trigger === trigger && t.step === step)
          .map((t) => ({ locale: t.locale, contentSid: t.contentSid, variables: t.variables })),
      })),
    })),
  };
};

const requestSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), trigger: z.enum(TRIGGERS), step: z.string(), locale: z.string().trim(), contentSid: z.string(), variables: z.string().max(20_000) }),
  z.object({ intent: z.literal("delete"), trigger: z.enum(TRIGGERS), step: z.string(), locale: z.string() }),
]);

export type ScreenError = WhatsAppMappingError | { field: "key"; code: "unknown_step" | "bad_locale" };
export type WhatsAppActionResult = { ok: true; intent: "save" | "delete" } | { ok: false; errors: ScreenError[] };
/** A request refused before it reached the mapping (not JSON, or a field longer than allowed): a 400. */
type Refusal = { error: string; field?: "locale" | "contentSid" | "variables"; max?: number };

function refusal(error: z.ZodError): Refusal {
  const issue = error.issues.find((i) => i.code === "too_big");
  const field = issue?.path[0];
  if (issue && (field === "locale" || field === "contentSid" || field === "variables")) {
    return { error: `The ${field} field is longer than ${Number(issue.maximum)} characters.`, field, max: Number(issue.maximum) };
  }
  return { error: "Invalid request" };
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = requestSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json(refusal(parsed.error), { status: 400 });
  const r = parsed.data;
  const key = { trigger: r.trigger as Trigger, step: r.step, locale: r.locale };
  if (r.intent === "delete") {
    await deleteWhatsAppTemplate(session.shop, key);
    return Response.json({ ok: true, intent: "delete" } satisfies WhatsAppActionResult);
  }
  const lines = parseVariableLines(r.variables);
  const saved: SaveResult = lines.ok ? await saveWhatsAppTemplate(session.shop, key, { contentSid: r.contentSid, variables: lines.variables }) : lines;
  if (!saved.ok) return Response.json({ ok: false, errors: saved.errors } satisfies WhatsAppActionResult, { status: 422 });
  return Response.json({ ok: true, intent: "save" } satisfies WhatsAppActionResult);
};

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
/** The mapping being edited; `submitted` once saved, so a successful save closes the form. */
type Draft = { trigger: Trigger; step: string; locale: string; contentSid: string; variables: string; submitted?: boolean };

export default function WhatsAppTemplatesPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT(whatsappMessages);
  const names = useStepNames();
  const shopify = useAppBridge();
  const fetcher = useFetcher<WhatsAppActionResult | Refusal>();
  const e = useT(adminErrorMessages);
  const locale = useAdminLocale();
  const [draft, setDraft] = useState<Draft | null>(null);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;

  useEffect(() => {
    if (!result || !("ok" in result) || !result.ok) return;
    shopify.toast.show(t(result.intent === "save" ? "saved" : "removed"));
  }, [result, shopify, t]);

  const submit = (body: Record<string, string>) => fetcher.submit(body, { method: "post", encType: "application/json" });
  const errors = draft?.submitted && result && "errors" in result ? result.errors : [];
  const refused = draft?.submitted && result && "error" in result ? result : null;
  const refusedText = refused ? e("request.refused", { error: refused.field && refused.max ? e("request.tooLong", { part: t(`form.${refused.field === "contentSid" ? "sid" : refused.field}`), max: refused.max.toLocaleString(locale) }) : e("request.invalid") }) : undefined;
  const editing = draft && !(draft.submitted && result && "ok" in result && result.ok && result.intent === "save") ? draft : null;
  const message = (e: ScreenError) => {
    switch (e.code) {
      case "too_many":
        return t("errors.too_many", { max: e.max });
      case "numbering":
        return t("errors.numbering", { expected: e.expected });
      case "unknown_variable":
        return t("errors.unknown_variable", { key: e.key, path: e.path });
      case "line_format":
        return t("errors.line_format", { line: e.line });
      default:
        return t(`errors.${e.code}`);
    }
  };
  const fieldError = (field: ScreenError["field"]) => errors.filter((e) => e.field === field).map(message).join(" ") || undefined;

  return (
    <Page title={t("title")}>
      <Layout>
        <Layout.Section>
          <Text as="p" tone="subdued">
            {t("intro")}
          </Text>
        </Layout.Section>
        {data.triggers.map((group) => (
          <Layout.Section key={group.trigger}>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {names.trigger(group.trigger)}
                </Text>
                {group.steps.map(({ step, templates }, index) => {
                  const label = names.step(step);
                  const open = editing?.trigger === group.trigger && editing.step === step;
                  return (
                    <BlockStack gap="200" key={step}>
                      {index > 0 && <Divider />}
                      <InlineStack align="space-between" blockAlign="center">
                        <Text as="h3" variant="headingSm">
                          {label}
                        </Text>
                        <Button
                          accessibilityLabel={t("addLabel", { step: label })}
                          onClick={() => setDraft({ trigger: group.trigger, step, locale: "", contentSid: "", variables: "" })}
                        >
                          {t("add")}
                        </Button>
                      </InlineStack>
                      {templates.length === 0 ? (
                        <Text as="p" tone="subdued">
                          {t("none")}
                        </Text>
                      ) : (
                        templates.map((m) => (
                          <InlineStack key={m.locale} gap="300" align="space-between" blockAlign="center" wrap={false}>
                            <InlineStack gap="200" blockAlign="center">
                              <Badge>{m.locale}</Badge>
                              <Text as="span" variant="bodySm" fontWeight="medium">
                                <code>{m.contentSid}</code>
                              </Text>
                              <Text as="span" variant="bodySm" tone="subdued">
                                {Object.entries(m.variables)
                                  .map(([k, v]) => `{{${k}}} ${v}`)
                                  .join(" · ")}
                              </Text>
                            </InlineStack>
                            <InlineStack gap="200">
                              <Button
                                variant="plain"
                                accessibilityLabel={t("editLabel", { step: label, locale: m.locale })}
                                onClick={() => setDraft({ trigger: group.trigger, step, locale: m.locale, contentSid: m.contentSid, variables: variableLines(m.variables) })}
                              >
                                {t("edit")}
                              </Button>
                              <Button
                                variant="plain"
                                tone="critical"
                                accessibilityLabel={t("removeLabel", { step: label, locale: m.locale })}
                                onClick={() => submit({ intent: "delete", trigger: group.trigger, step, locale: m.locale })}
                              >
                                {t("remove")}
                              </Button>
                            </InlineStack>
                          </InlineStack>
                        ))
                      )}
                      {open && editing && (
                        <MappingForm
                          draft={editing}
                          paths={group.paths}
                          heading={t("form.heading", { step: label })}
                          busy={fetcher.state !== "idle"}
                          errors={{ locale: fieldError("key"), contentSid: fieldError("contentSid"), variables: fieldError("variables"), form: refusedText }}
                          onChange={setDraft}
                          onCancel={() => setDraft(null)}
                          onSave={() => {
                            setDraft({ ...editing, submitted: true });
                            submit({ intent: "save", trigger: editing.trigger, step: editing.step, locale: editing.locale, contentSid: editing.contentSid, variables: editing.variables });
                          }}
                        />
                      )}
                    </BlockStack>
                  );
                })}
              </BlockStack>
            </Card>
          </Layout.Section>
        ))}
      </Layout>
    </Page>
  );
}

function MappingForm(props: {
  draft: Draft;
  paths: Data["triggers"][number]["paths"];
  heading: string;
  busy: boolean;
  errors: { locale?: string; contentSid?: string; variables?: string; form?: string };
  onChange: (draft: Draft) => void;
  onCancel: () => void;
  onSave: () => void;
}) {
  const t = useT(whatsappMessages);
  const { draft, onChange } = props;
  return (
    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
      <BlockStack gap="300">
        <Text as="h4" variant="headingSm">
          {props.heading}
        </Text>
        <TextField label={t("form.locale")} helpText={t("form.localeHelp")} value={draft.locale} onChange={(locale) => onChange({ ...draft, locale })} autoComplete="off" error={props.errors.locale} />
        <TextField
          label={t("form.sid")}
          helpText={t("form.sidHelp")}
          value={draft.contentSid}
          onChange={(contentSid) => onChange({ ...draft, contentSid })}
          autoComplete="off"
          monospaced
          error={props.errors.contentSid}
        />
        <TextField
          label={t("form.variables")}
          helpText={t("form.variablesHelp")}
          value={draft.variables}
          onChange={(variables) => onChange({ ...draft, variables })}
          autoComplete="off"
          multiline={4}
          monospaced
          error={props.errors.variables}
        />
        <Text as="p" variant="bodySm" tone="subdued">
          {t("form.available", { paths: props.paths.join(", ") })}
        </Text>
        {props.errors.form && (
          <Banner tone="critical">
            <p>{props.errors.form}</p>
          </Banner>
        )}
        <InlineStack gap="200" align="end">
          <Button onClick={props.onCancel}>{t("form.cancel")}</Button>
          <Button variant="primary" loading={props.busy} onClick={props.onSave}>
            {t("form.save")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Box>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
