import { useEffect, useMemo, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Spinner,
  Tabs,
  Text,
  TextField,
} from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { EmailPreview, type EmailWidth } from "../components/EmailPreview";
import { SegmentCounter } from "../components/SegmentCounter";
import { SmsPreview } from "../components/SmsPreview";
import { VariablePicker } from "../components/VariablePicker";
import { env } from "../env.server";
import {
  defaultEditorLocale,
  editableTemplate,
  editorRequestSchema,
  editorLocales,
  editorShop,
  handleEditorRequest,
  isStepOf,
  localeSchema,
  previewTemplate,
  recentOrders,
  stepSettings,
  templateHistory,
  templateLocales,
  toPreviewPayload,
  type EditorResponse,
  type PreviewPayload,
  type TemplateChannel,
} from "../models/templates.server";
import { MAX_SMS_CHARACTERS, PART_LABELS, partsOf, stepDescription, stepLabel, triggerLabel, variableCatalog, type TemplatePart } from "../notifications/catalog";
import { textDirection } from "../notifications/locale";
import { parseSettings } from "../notifications/settings";
import type { MessageStep, Trigger } from "../notifications/types";
import type { TemplateDraft, TemplateIssue } from "../notifications/validate";
import { authenticate } from "../shopify.server";

// The template editor: one trigger x step, one channel and locale at a time (?channel=&locale=).
// Loader and action only connect the page to app/models/templates.server.ts.

function params(args: { params: Record<string, string | undefined> }): { trigger: Trigger; step: MessageStep } {
  const { trigger = "", step = "" } = args.params;
  if (!isStepOf(trigger, step)) throw new Response("No such notification", { status: 404 });
  return { trigger, step: step as MessageStep };
}

export const loader = async ({ request, params: routeParams }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { trigger, step } = params({ params: routeParams });
  const url = new URL(request.url);
  const channel: TemplateChannel = url.searchParams.get("channel") === "sms" ? "sms" : "email";
  const shop = await editorShop(session.shop);
  const available = await templateLocales(session.shop, trigger, step, channel);
  const askedLocale = localeSchema.safeParse(url.searchParams.get("locale"));
  const locale = askedLocale.success ? askedLocale.data : defaultEditorLocale(shop?.primaryLocale, available);
  const key = { shop: session.shop, trigger, step, channel, locale };
  const [template, history, orders, languages] = await Promise.all([
    editableTemplate(key),
    templateHistory(key),
    recentOrders(session.shop),
    editorLocales(session.shop, { trigger, step, channel, current: locale, primaryLocale: shop?.primaryLocale }),
  ]);
  const preview = await previewTemplate({ ...key, draft: template.draft });
  const names = new Intl.DisplayNames(["en"], { type: "language" });
  const name = (l: string) => {
    try {
      return `${names.of(l) ?? l} (${l})`;
    } catch {
      return l;
    }
  };
  const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: shop?.timezone ?? "UTC" });
  const settings = stepSettings(parseSettings(shop?.settings), trigger, step);
  return {
    trigger,
    step,
    label: stepLabel(step),
    triggerLabel: triggerLabel(trigger),
    description: stepDescription(trigger, step),
    channel,
    locale,
    dir: textDirection(locale),
    locales: languages.tabs.map((l) => ({ ...l, label: name(l.locale) })),
    addable: languages.others.map((l) => ({ value: l, label: name(l) })).sort((a, b) => a.label.localeCompare(b.label)),
    template: { ...template, savedAt: template.savedAt ? when.format(template.savedAt) : null },
    history: history.map((h) => ({ ...h, createdAt: when.format(h.createdAt) })),
    catalog: variableCatalog(trigger),
    orders: orders.map((o) => ({ id: o.id, label: `${o.name}${o.customer ? ` · ${o.customer}` : ""}${o.locale ? ` (${o.locale})` : ""}` })),
    enabled: settings.enabled,
    sendsOnChannel: settings.channels.includes(channel) || (channel === "sms" && settings.channels.includes("whatsapp")),
    shopName: shop?.name ?? session.shop,
    testRecipient: channel === "email" ? (shop?.email ?? "") : "",
    provider: channel === "email" ? (env().RESEND_API_KEY ? "Resend" : "the local outbox") : env().TWILIO_ACCOUNT_SID ? "Twilio" : "the local outbox",
    preview: toPreviewPayload(preview),
  };
};

export const action = async ({ request, params: routeParams }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const { trigger, step } = params({ params: routeParams });
  const parsed = editorRequestSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Invalid request" }, { status: 400 });
  return handleEditorRequest(session.shop, trigger, step, parsed.data, sessionToken?.sub ?? null);
};

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function TemplateEditorPage() {
  const data = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const shopify = useAppBridge();
  const mutate = useFetcher<EditorResponse>();
  // Unsaved drafts survive switching channel or language tabs (the editor below remounts per template).
  const [drafts] = useState(() => new Map<string, TemplateDraft>());
  const key = `${data.channel}|${data.locale}|${data.template.source}|${data.template.version ?? 0}`;

  const result = mutate.data;
  useEffect(() => {
    if (!result || mutate.state !== "idle") return;
    if (result.intent === "save" || result.intent === "restore") {
      if (result.ok) shopify.toast.show(result.unchanged ? "No changes to save" : `Template saved (version ${result.version})`);
    } else if (result.intent === "reset" && result.ok) {
      shopify.toast.show(result.unchanged ? "Already Herald's default" : "Reset to Herald's default");
    }
  }, [result, mutate.state, shopify]);

  const go = (channel: string, locale: string) => navigate(`?channel=${channel}&locale=${encodeURIComponent(locale)}`, { preventScrollReset: true });

  const saveIssues = result && (result.intent === "save" || result.intent === "restore") && !result.ok ? result.issues : null;

  return (
    <Page
      backAction={{ content: "Notifications", url: "/app/notifications" }}
      title={data.label}
      subtitle={`${data.triggerLabel} · ${data.description}`}
      titleMetadata={<Badge tone={data.enabled ? "success" : undefined}>{data.enabled ? "On" : "Off"}</Badge>}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="200">
            <InlineStack gap="300" blockAlign="center" wrap>
              <Text as="span" variant="bodyMd" id="channel-label">
                Channel
              </Text>
              <div role="group" aria-labelledby="channel-label">
                <ButtonGroup variant="segmented">
                  <Button pressed={data.channel === "email"} onClick={() => go("email", data.locale)}>
                    Email
                  </Button>
                  <Button pressed={data.channel === "sms"} onClick={() => go("sms", data.locale)}>
                    SMS
                  </Button>
                </ButtonGroup>
              </div>
              {!data.sendsOnChannel && (
                <Text as="span" variant="bodySm" tone="subdued">
                  {`${data.triggerLabel} do not go out by ${data.channel === "sms" ? "SMS" : "email"} with your current settings.`}
                </Text>
              )}
            </InlineStack>
            <Tabs
              disclosureText="More languages"
              tabs={data.locales.map((l) => ({
                id: `locale-${l.locale}`,
                content: l.customized ? `${l.label} · edited` : l.label,
                panelID: "template-panel",
                accessibilityLabel: `${l.label}${l.customized ? ", edited" : ", Herald's default"}`,
              }))}
              selected={Math.max(0, data.locales.findIndex((l) => l.locale === data.locale))}
              onSelect={(index) => go(data.channel, data.locales[index].locale)}
            />
            {data.addable.length > 0 && (
              <Box maxWidth="320px">
                <Select
                  label="Other languages"
                  labelInline
                  options={[{ label: "Choose…", value: "" }, ...data.addable]}
                  value=""
                  onChange={(value) => value && go(data.channel, value)}
                />
              </Box>
            )}
          </BlockStack>
        </Layout.Section>
        <Editor
          key={key}
          data={data}
          drafts={drafts}
          draftKey={key}
          saveIssues={saveIssues}
          saving={mutate.state !== "idle"}
          onSave={(draft) => mutate.submit({ intent: "save", channel: data.channel, locale: data.locale, draft: jsonDraft(draft) }, { method: "post", encType: "application/json" })}
          onReset={() => mutate.submit({ intent: "reset", channel: data.channel, locale: data.locale }, { method: "post", encType: "application/json" })}
          onRestore={(version) => mutate.submit({ intent: "restore", channel: data.channel, locale: data.locale, version }, { method: "post", encType: "application/json" })}
        />
      </Layout>
    </Page>
  );
}

interface EditorProps {
  data: Data;
  drafts: Map<string, TemplateDraft>;
  draftKey: string;
  saveIssues: TemplateIssue[] | null;
  saving: boolean;
  onSave(draft: TemplateDraft): void;
  onReset(): void;
  onRestore(version: number): void;
}

const HELP: Partial<Record<TemplatePart, string>> = {
  subject: "One line. Variables are written as they are (no HTML).",
  preheader: "Shown after the subject in most inboxes. Optional.",
  html: "The message's body. Herald's layout around it adds your store's name, the tracking button, the items and the footer. Variables are HTML-escaped.",
  text: "For email apps that do not show HTML, and for accessibility tools.",
  body: "What the customer's phone shows. Keep it short: every segment is billed.",
};

function Editor({ data, drafts, draftKey, saveIssues, saving, onSave, onReset, onRestore }: EditorProps) {
  // Per template: a test result does not follow the merchant to another channel or language.
  const tester = useFetcher<EditorResponse>();
  const parts = partsOf(data.channel);
  const [draft, setDraft] = useState<TemplateDraft>(() => drafts.get(draftKey) ?? data.template.draft);
  const [focused, setFocused] = useState<TemplatePart>(parts[0]);
  const [orderId, setOrderId] = useState("");
  const [width, setWidth] = useState<EmailWidth>("desktop");
  const [recipient, setRecipient] = useState(data.testRecipient);
  const dirty = parts.some((p) => (draft[p] ?? "") !== (data.template.draft[p] ?? ""));

  useEffect(() => {
    if (dirty) drafts.set(draftKey, draft);
    else drafts.delete(draftKey);
  }, [draft, dirty, drafts, draftKey]);

  // Live preview: post the draft 300 ms after the last keystroke; a newer post aborts an older one. Plain
  // fetch (App Bridge adds the session token), not a Remix fetcher: a preview must not make Remix
  // revalidate this page's data (or race a save's revalidation).
  const [previewed, setPreviewed] = useState<PreviewPayload>(data.preview);
  const [updating, setUpdating] = useState(false);
  const first = useRef(true);
  useEffect(() => {
    if (first.current && !dirty && !orderId) {
      first.current = false;
      return;
    }
    first.current = false;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setUpdating(true);
      try {
        const response = await fetch("/app/notifications/preview", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ trigger: data.trigger, step: data.step, channel: data.channel, locale: data.locale, draft: jsonDraft(draft), orderId: orderId || null }),
          signal: controller.signal,
        });
        if (response.ok) setPreviewed((await response.json()) as PreviewPayload);
        setUpdating(false);
      } catch {
        // Aborted by a newer draft (which shows "updating" itself), or offline for a moment: keep the last preview.
        if (!controller.signal.aborted) setUpdating(false);
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft, orderId, data.trigger, data.step, data.channel, data.locale, dirty]);

  const shown = previewed;
  const fieldErrors = useMemo(() => {
    const byPart = new Map<TemplatePart, string[]>();
    for (const issue of shown.issues) {
      if (!issue.part) continue;
      const where = issue.line ? `Line ${issue.line}${issue.column ? `, column ${issue.column}` : ""}: ` : "";
      byPart.set(issue.part, [...(byPart.get(issue.part) ?? []), `${where}${issue.message}`]);
    }
    return byPart;
  }, [shown.issues]);

  // The fields take the language's direction (Arabic right to left); labels and help stay in the admin's.
  useEffect(() => {
    for (const part of parts) document.getElementById(`template-${part}`)?.setAttribute("dir", data.dir);
  }, [parts, data.dir]);

  const insert = (snippet: string) => {
    const id = `template-${focused}`;
    const element = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
    const value = draft[focused] ?? "";
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    setDraft((d) => ({ ...d, [focused]: value.slice(0, start) + snippet + value.slice(end) }));
    requestAnimationFrame(() => {
      const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
      el?.focus();
      el?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const focusIssue = (issue: TemplateIssue) => {
    if (!issue.part) return;
    const el = document.getElementById(`template-${issue.part}`) as HTMLInputElement | HTMLTextAreaElement | null;
    if (!el) return;
    el.focus();
    if (issue.line) {
      const lines = el.value.split("\n");
      const offset = lines.slice(0, issue.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, (issue.column ?? 1) - 1);
      el.setSelectionRange(offset, offset);
    }
  };

  const testResult = tester.data && tester.data.intent === "test" ? tester.data : null;

  return (
    <>
      <Layout.Section variant="oneHalf">
        <div id="template-panel" role="tabpanel" aria-labelledby={`locale-${data.locale}`}>
          <Card>
            <BlockStack gap="400">
              <InlineStack align="space-between" blockAlign="center" gap="200" wrap>
                <BlockStack gap="050">
                  <Text as="h2" variant="headingMd">
                    {`${data.channel === "email" ? "Email" : "SMS"} template`}
                  </Text>
                  <Text as="p" variant="bodySm" tone="subdued">
                    {data.template.source === "custom"
                      ? `Your version ${data.template.version}, saved ${data.template.savedAt}`
                      : "Herald's default" + (data.template.version ? ` (reset in version ${data.template.version})` : "")}
                    {dirty ? " · unsaved changes" : ""}
                  </Text>
                </BlockStack>
                <VariablePicker groups={data.catalog} onInsert={insert} target={PART_LABELS[focused]} />
              </InlineStack>

              {saveIssues && saveIssues.length > 0 && (
                <Banner tone="critical" title={`Not saved: ${saveIssues.length === 1 ? "1 problem" : `${saveIssues.length} problems`} to fix`}>
                  <List>
                    {saveIssues.map((issue, i) => (
                      <List.Item key={i}>
                        <Button variant="plain" onClick={() => focusIssue(issue)}>
                          {describe(issue)}
                        </Button>
                      </List.Item>
                    ))}
                  </List>
                </Banner>
              )}

              <div lang={data.locale}>
                <BlockStack gap="300">
                  {parts.map((part) => (
                    <TextField
                      key={part}
                      id={`template-${part}`}
                      label={PART_LABELS[part].charAt(0).toUpperCase() + PART_LABELS[part].slice(1)}
                      value={draft[part] ?? ""}
                      onChange={(value) => setDraft((d) => ({ ...d, [part]: value }))}
                      onFocus={() => setFocused(part)}
                      multiline={part === "html" ? 10 : part === "text" ? 8 : part === "body" ? 6 : false}
                      monospaced={part === "html" || part === "text" || part === "body"}
                      autoComplete="off"
                      spellCheck={false}
                      helpText={HELP[part]}
                      error={fieldErrors.get(part)?.join(" ")}
                    />
                  ))}
                </BlockStack>
              </div>
              {data.channel === "sms" && <SegmentCounter count={shown.segments} max={MAX_SMS_CHARACTERS} />}
              {shown.issues.some((i) => !i.part) && (
                <Banner tone="critical">
                  <List>
                    {shown.issues
                      .filter((i) => !i.part)
                      .map((i, n) => (
                        <List.Item key={n}>{i.message}</List.Item>
                      ))}
                  </List>
                </Banner>
              )}
              <InlineStack align="end" gap="200">
                <Button onClick={onReset} disabled={data.template.source === "default" || saving}>
                  Reset to default
                </Button>
                <Button variant="primary" onClick={() => onSave(draft)} loading={saving}>
                  Save
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </div>
      </Layout.Section>

      <Layout.Section variant="oneHalf">
        <BlockStack gap="400">
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Preview
                </Text>
                <span aria-hidden={!updating} style={{ visibility: updating ? "visible" : "hidden" }}>
                  <InlineStack gap="100" blockAlign="center">
                    <Spinner size="small" accessibilityLabel="Updating the preview" />
                    <Text as="span" variant="bodySm" tone="subdued">
                      Updating…
                    </Text>
                  </InlineStack>
                </span>
              </InlineStack>
              <Select
                label="Preview with"
                options={[{ label: "Sample data", value: "" }, ...data.orders.map((o) => ({ label: `Order ${o.label}`, value: o.id }))]}
                value={orderId}
                onChange={setOrderId}
                helpText={data.orders.length ? "A recent order of your store, as its customer would get this message." : "Your store's recent orders appear here once Herald has seen some."}
              />
              {data.channel === "email" ? (
                <EmailPreview
                  html={shown.html}
                  subject={shown.subject}
                  preheader={shown.preheader}
                  fromName={data.shopName}
                  width={width}
                  onWidthChange={setWidth}
                  emptyText="Fix the problems in the template to see the email."
                />
              ) : (
                <SmsPreview text={shown.text} sender={data.shopName} locale={data.locale} />
              )}
            </BlockStack>
          </Card>

          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Send a test
              </Text>
              <Text as="p" variant="bodySm" tone="subdued">
                {`Sends what the preview shows, marked [Test], through ${data.provider}. Unsaved changes are included.`}
              </Text>
              <TextField
                label={data.channel === "email" ? "Your email" : "Your mobile number (with country code)"}
                type={data.channel === "email" ? "email" : "tel"}
                value={recipient}
                onChange={setRecipient}
                autoComplete={data.channel === "email" ? "email" : "tel"}
                placeholder={data.channel === "email" ? "you@example.com" : "+14155550123"}
              />
              <InlineStack align="end">
                <Button
                  onClick={() =>
                    tester.submit(
                      { intent: "test", channel: data.channel, locale: data.locale, draft: jsonDraft(draft), recipient, orderId: orderId || null },
                      { method: "post", encType: "application/json" },
                    )
                  }
                  loading={tester.state !== "idle"}
                  disabled={!recipient.trim()}
                >
                  Send test
                </Button>
              </InlineStack>
              {testResult && tester.state === "idle" && (
                <div role="status">
                  {testResult.ok ? (
                    <Banner tone="success">{`Test sent to ${testResult.recipient} through ${PROVIDER_NAMES[testResult.provider] ?? testResult.provider}.`}</Banner>
                  ) : (
                    <Banner tone="critical" title="The test was not sent">
                      <p>{testResult.error}</p>
                    </Banner>
                  )}
                </div>
              )}
            </BlockStack>
          </Card>
        </BlockStack>
      </Layout.Section>

      <Layout.Section>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Version history
            </Text>
            {data.history.length === 0 ? (
              <Text as="p" tone="subdued">
                {`You have not edited this ${data.channel === "email" ? "email" : "text"} in this language yet: customers get Herald's default.`}
              </Text>
            ) : (
              <BlockStack gap="200">
                {data.history.map((h, i) => (
                  <InlineStack key={h.version} align="space-between" blockAlign="center" gap="200">
                    <Text as="p">
                      <Text as="span" fontWeight="semibold">{`Version ${h.version}`}</Text>
                      {` · ${h.createdAt} · ${h.summary}`}
                      {i === 0 ? " (active)" : ""}
                    </Text>
                    {i > 0 && (
                      <Button size="slim" onClick={() => onRestore(h.version)} accessibilityLabel={`Restore version ${h.version}`} disabled={saving}>
                        Restore
                      </Button>
                    )}
                  </InlineStack>
                ))}
              </BlockStack>
            )}
          </BlockStack>
        </Card>
      </Layout.Section>
    </>
  );
}

const PROVIDER_NAMES: Record<string, string> = { resend: "Resend", twilio: "Twilio", outbox: "the local outbox" };

function describe(issue: TemplateIssue): string {
  const where = [issue.part ? PART_LABELS[issue.part] : null, issue.line ? `line ${issue.line}` : null, issue.column ? `column ${issue.column}` : null].filter(Boolean).join(", ");
  return where ? `${where.charAt(0).toUpperCase() + where.slice(1)}: ${issue.message}` : issue.message;
}

/** A draft as JSON (no undefined values). */
function jsonDraft(draft: TemplateDraft): Record<string, string | null> {
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v ?? null]));
}
