import { useCallback, useEffect, useMemo, useRef, useState } from "react";
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
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import type { ZodError } from "zod";
import { EmailPreview, type EmailWidth } from "../components/EmailPreview";
import { SegmentCounter } from "../components/SegmentCounter";
import { SmsPreview } from "../components/SmsPreview";
import { useLeaveGuard } from "../components/useLeaveGuard";
import { holds, templateOf, useTemplateDrafts, type TemplateRef } from "../components/useTemplateDrafts";
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
import { adminErrorMessages } from "../i18n/admin-errors";
import { useLanguageNames } from "../i18n/languages";
import { useCommonLabels, useFormat, useT } from "../i18n/react";
import { useStepNames } from "../i18n/steps";
import { templateEditorMessages } from "../i18n/template-editor";
import { useIssueText } from "../i18n/template-issues";
import { MAX_SMS_CHARACTERS, partsOf, variableCatalog, type TemplatePart } from "../notifications/catalog";
import { textDirection } from "../notifications/locale";
import { parseSettings } from "../notifications/settings";
import type { MessageStep, Trigger } from "../notifications/types";
import type { TemplateDraft, TemplateIssue } from "../notifications/validate";
import { authenticate } from "../shopify.server";
import { AdminErrorBoundary, adminHeaders } from "../components/AdminErrorBoundary";

// The template editor: one trigger x step, one channel and language at a time (?channel=&language=;
// not ?locale=, which Shopify uses for the admin user's own language). Loader and action only connect
// the page to app/models/templates.server.ts.

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
  const askedLocale = localeSchema.safeParse(url.searchParams.get("language"));
  const locale = askedLocale.success ? askedLocale.data : defaultEditorLocale(shop?.primaryLocale, available);
  const key = { shop: session.shop, trigger, step, channel, locale };
  const [template, history, orders, languages] = await Promise.all([
    editableTemplate(key),
    templateHistory(key),
    recentOrders(session.shop),
    editorLocales(session.shop, { trigger, step, channel, current: locale, primaryLocale: shop?.primaryLocale }),
  ]);
  const preview = await previewTemplate({ ...key, draft: template.draft });
  const settings = stepSettings(parseSettings(shop?.settings), trigger, step);
  return {
    trigger,
    step,
    channel,
    locale,
    dir: textDirection(locale),
    locales: languages.tabs,
    addable: languages.others.map((l) => ({ value: l })),
    timezone: shop?.timezone ?? "UTC",
    template: { ...template, savedAt: template.savedAt?.toISOString() ?? null },
    history: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    catalog: variableCatalog(trigger),
    orders: orders.map((o) => ({ id: o.id, label: `${o.name}${o.customer ? ` · ${o.customer}` : ""}${o.locale ? ` (${o.locale})` : ""}` })),
    enabled: settings.enabled,
    sendsOnChannel: settings.channels.includes(channel),
    shopName: shop?.name ?? session.shop,
    testRecipient: channel === "email" ? (shop?.email ?? "") : "",
    provider: channel === "email" ? (env().RESEND_API_KEY ? "resend" : "outbox") : env().TWILIO_ACCOUNT_SID ? "twilio" : "outbox",
    preview: toPreviewPayload(preview),
  };
};

export const action = async ({ request, params: routeParams }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const { trigger, step } = params({ params: routeParams });
  const parsed = editorRequestSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json(refusal(parsed.error), { status: 400 });
  return handleEditorRequest(session.shop, trigger, step, parsed.data, sessionToken?.sub ?? null);
};

/** A request refused before it reached the template (not JSON, or a part longer than the editor allows). */
type Refusal = { error: string; part?: TemplatePart; max?: number };
/** What the editor's requests answer: the model's response, or a refusal (400) that names no intent. */
type EditorAnswer = EditorResponse | Refusal;

function refusal(error: ZodError): Refusal {
  for (const issue of error.issues) {
    // draft.<part> (one template) or templates.<n>.draft.<part> (the save bar's save of them all)
    const part = issue.path[issue.path.indexOf("draft") + 1];
    if (issue.code === "too_big" && issue.path.includes("draft") && typeof part === "string") {
      const max = Number(issue.maximum);
      return { error: `The ${part} part is longer than ${max} characters.`, part: part as TemplatePart, max };
    }
  }
  return { error: "Invalid request" };
}

const isRefusal = (answer: EditorAnswer): answer is Refusal => !("intent" in answer);

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function TemplateEditorPage() {
  const data = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const shopify = useAppBridge();
  const t = useT(templateEditorMessages);
  const e = useT(adminErrorMessages);
  const names = useStepNames();
  const channelLabel = useCommonLabels();
  const languageName = useLanguageNames();
  const refusalText = useRefusalText();
  // Unsaved drafts of every channel and language survive switching tabs; one save bar holds them all
  // (its Save saves them all, its Discard discards them all), each tab and channel holding one is
  // marked, and leaving the page while any is unsaved is held (useLeaveGuard).
  const drafts = useTemplateDrafts({ channel: data.channel, locale: data.locale }, data.template.draft);
  useLeaveGuard(drafts.unsaved.length > 0);

  const saver = useFetcher<EditorAnswer>();
  const savingAll = saver.state !== "idle";
  const [sent, setSent] = useState(drafts.pending);
  const saveAll = () => {
    setSent(drafts.pending);
    const templates = [...drafts.pending].map(([key, draft]) => ({ ...templateOf(key), draft: jsonDraft(draft) }));
    saver.submit({ intent: "saveAll", templates } as never, { method: "post", encType: "application/json" });
  };
  // An answer is handled once, after the page's data was reloaded with it.
  const answer = saver.state === "idle" ? saver.data : undefined;
  const [handled, setHandled] = useState<EditorAnswer>();
  if (answer && answer !== handled) {
    setHandled(answer);
    if (!isRefusal(answer) && answer.intent === "saveAll" && answer.ok) drafts.settle(sent);
  }
  useEffect(() => {
    if (!handled || isRefusal(handled) || handled.intent !== "saveAll" || !handled.ok) return;
    const changed = handled.saved.filter((s) => !s.unchanged).length;
    shopify.toast.show(changed ? t("toast.savedAll", { count: changed }) : t("toast.unchanged"));
  }, [handled, shopify, t]);
  // Templates the save bar's Save could not save, while they still hold a draft: each opens its tab.
  const failed =
    answer && !isRefusal(answer) && answer.intent === "saveAll" && !answer.ok
      ? answer.failed.filter((f) => drafts.unsaved.some((u) => u.channel === f.channel && u.locale === f.locale))
      : [];
  const refused = answer && isRefusal(answer) ? refusalText(answer) : null;

  // Back is a link inside the app: the leave guard holds it while a draft is unsaved.
  const back = () => navigate("/app/notifications");
  const go = (channel: string, locale: string) => navigate(`?channel=${channel}&language=${encodeURIComponent(locale)}`, { preventScrollReset: true });

  // A language with a draft keeps its tab when it is not one of the page's (chosen under "Other languages").
  const locales = [
    ...data.locales,
    ...drafts.unsaved.filter((u) => u.channel === data.channel && !data.locales.some((l) => l.locale === u.locale)).map((u) => ({ locale: u.locale, customized: false })),
  ];
  const addable = data.addable
    .filter((l) => !locales.some((tab) => tab.locale === l.value))
    .map((l) => ({ value: l.value, label: languageName(l.value) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const templateName = (ref: TemplateRef) => t("templateName", { language: languageName(ref.locale), channel: channelLabel("channel", ref.channel) });
  const channelButton = (channel: TemplateRef["channel"]) => {
    const name = channelLabel("channel", channel);
    const unsaved = holds(drafts.unsaved, channel);
    return (
      <Button pressed={data.channel === channel} onClick={() => go(channel, data.locale)} accessibilityLabel={unsaved ? t("unsaved.label", { name }) : undefined}>
        {unsaved ? t("unsaved.channel", { channel: name }) : name}
      </Button>
    );
  };

  return (
    <Page
      backAction={{ content: t("back"), onAction: back }}
      title={names.step(data.step)}
      subtitle={`${names.trigger(data.trigger)} · ${names.description(data.step)}`}
      titleMetadata={<Badge tone={data.enabled ? "success" : undefined}>{data.enabled ? t("on") : t("off")}</Badge>}
    >
      <SaveBar id="template-save-bar" open={drafts.unsaved.length > 0}>
        <button variant="primary" onClick={saveAll} disabled={savingAll}>
          {e("saveBar.save")}
        </button>
        <button onClick={drafts.discardAll}>{e("saveBar.discard")}</button>
      </SaveBar>
      <Layout>
        {(refused || failed.length > 0) && (
          <Layout.Section>
            {refused ? (
              <Banner tone="critical">
                <p>{refused}</p>
              </Banner>
            ) : (
              <Banner tone="critical" title={t("notSavedAll")}>
                <List>
                  {failed.map((f) => (
                    <List.Item key={`${f.channel}|${f.locale}`}>
                      <Button variant="plain" onClick={() => go(f.channel, f.locale)}>
                        {t("problemsIn", { template: templateName(f), count: f.issues.length })}
                      </Button>
                    </List.Item>
                  ))}
                </List>
              </Banner>
            )}
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="200">
            <InlineStack gap="300" blockAlign="center" wrap>
              <Text as="span" variant="bodyMd" id="channel-label">
                {t("channel")}
              </Text>
              <div role="group" aria-labelledby="channel-label">
                <ButtonGroup variant="segmented">
                  {channelButton("email")}
                  {channelButton("sms")}
                </ButtonGroup>
              </div>
              {!data.sendsOnChannel && (
                <Text as="span" variant="bodySm" tone="subdued">
                  {t(`notSent.${data.channel}`, { trigger: names.trigger(data.trigger) })}
                </Text>
              )}
            </InlineStack>
            <Tabs
              disclosureText={t("moreLanguages")}
              tabs={locales.map((l) => {
                const unsaved = holds(drafts.unsaved, data.channel, l.locale);
                const label = t(l.customized ? "tab.editedLabel" : "tab.defaultLabel", { language: languageName(l.locale) });
                return {
                  id: `locale-${l.locale}`,
                  content: l.customized ? t("tab.edited", { language: languageName(l.locale) }) : languageName(l.locale),
                  badge: unsaved ? t("unsaved.badge") : undefined,
                  panelID: "template-panel",
                  accessibilityLabel: unsaved ? t("unsaved.label", { name: label }) : label,
                };
              })}
              selected={Math.max(0, locales.findIndex((l) => l.locale === data.locale))}
              onSelect={(index) => go(data.channel, locales[index].locale)}
            />
            {addable.length > 0 && (
              <Box maxWidth="320px">
                <Select
                  label={t("otherLanguages")}
                  labelInline
                  options={[{ label: t("choose"), value: "" }, ...addable]}
                  value=""
                  onChange={(value) => value && go(data.channel, value)}
                />
              </Box>
            )}
          </BlockStack>
        </Layout.Section>
        <Editor key={`${data.channel}|${data.locale}`} data={data} draft={drafts.draft} dirty={drafts.dirty} edit={drafts.edit} drop={drafts.drop} busy={savingAll} />
      </Layout>
    </Page>
  );
}

/** "Not saved: …" for a request the server refused outright (a part too long, or not understood). */
function useRefusalText(): (refused: Refusal) => string {
  const t = useT(templateEditorMessages);
  const e = useT(adminErrorMessages);
  const format = useFormat();
  return (refused) =>
    e("request.refused", { error: refused.part && refused.max ? e("request.tooLong", { part: t(`parts.${refused.part}`), max: format.number(refused.max) }) : e("request.invalid") });
}

interface EditorProps {
  data: Data;
  /** The draft on screen (unsaved, or what is saved) and whether it differs from what is saved. */
  draft: TemplateDraft;
  dirty: boolean;
  edit: (change: (draft: TemplateDraft) => TemplateDraft) => void;
  /** Forget the draft (a reset or a restore replaced it). */
  drop: () => void;
  /** The save bar's save of every draft is on its way. */
  busy: boolean;
}

function Editor({ data, draft, dirty, edit, drop, busy }: EditorProps) {
  // Per template (this component remounts per channel x language): a save's problems and a test's
  // result do not follow the merchant to another channel or language.
  const saver = useFetcher<EditorAnswer>();
  const tester = useFetcher<EditorAnswer>();
  const shopify = useAppBridge();
  const t = useT(templateEditorMessages);
  const e = useT(adminErrorMessages);
  const issueText = useIssueText();
  const format = useFormat(data.timezone);
  // "Plain-text body, line 2, column 4" (or "Line 2, column 4" beside the field itself).
  const where = useCallback(
    (issue: Pick<TemplateIssue, "part" | "line" | "column">) => {
      const text = [
        issue.part ? t(`partNames.${issue.part}`) : null,
        issue.line ? t("location.line", { line: issue.line }) : null,
        issue.column ? t("location.column", { column: issue.column }) : null,
      ]
        .filter(Boolean)
        .join(", ");
      return text.charAt(0).toUpperCase() + text.slice(1);
    },
    [t],
  );
  const providerName = (provider: string) => (provider === "outbox" ? t("outbox") : (PROVIDER_NAMES[provider] ?? provider));
  const parts = partsOf(data.channel);
  const [focused, setFocused] = useState<TemplatePart>(parts[0]);
  const [orderId, setOrderId] = useState("");
  const [width, setWidth] = useState<EmailWidth>("desktop");
  const [recipient, setRecipient] = useState(data.testRecipient);
  const saving = saver.state !== "idle" || busy;
  const post = (body: Record<string, unknown>) => saver.submit(body as never, { method: "post", encType: "application/json" });
  const save = () => post({ intent: "save", channel: data.channel, locale: data.locale, draft: jsonDraft(draft) });

  // An answer is handled once, after the page's data was reloaded with it. A save keeps the draft as it
  // is now (it may hold what was typed while saving); a reset or a restore replaces it with what it saved.
  const answer = saver.state === "idle" ? saver.data : undefined;
  const [handled, setHandled] = useState<EditorAnswer>();
  if (answer && answer !== handled) {
    setHandled(answer);
    if (!isRefusal(answer) && answer.ok && (answer.intent === "reset" || answer.intent === "restore")) drop();
  }
  useEffect(() => {
    if (!handled || isRefusal(handled) || !handled.ok) return;
    if (handled.intent === "save" || handled.intent === "restore") shopify.toast.show(handled.unchanged ? t("toast.unchanged") : t("toast.saved", { version: handled.version }));
    if (handled.intent === "reset") shopify.toast.show(handled.unchanged ? t("toast.alreadyDefault") : t("toast.reset"));
  }, [handled, shopify, t]);
  const saveIssues = answer && !isRefusal(answer) && (answer.intent === "save" || answer.intent === "restore") && !answer.ok ? answer.issues : null;
  const refusalText = useRefusalText();
  const refused = answer && isRefusal(answer) ? refusalText(answer) : null;

  // Live preview: post the draft 300 ms after the last keystroke; a newer post aborts an older one. Plain
  // fetch (App Bridge adds the session token), not a Remix fetcher: a preview must not make Remix
  // revalidate this page's data (or race a save's revalidation).
  const [previewed, setPreviewed] = useState<PreviewPayload>(data.preview);
  const [updating, setUpdating] = useState(false);
  // The last preview request failed (refused or unreachable): the preview shown is an older one.
  const [previewFailed, setPreviewFailed] = useState(false);
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
        setPreviewFailed(!response.ok);
        setUpdating(false);
      } catch {
        // Aborted by a newer draft (which shows "updating" itself), or offline for a moment: keep the
        // last preview, and say it is not the draft's.
        if (controller.signal.aborted) return;
        setPreviewFailed(true);
        setUpdating(false);
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
      const at = issue.line ? `${where({ ...issue, part: null })}: ` : "";
      byPart.set(issue.part, [...(byPart.get(issue.part) ?? []), `${at}${issueText(issue.message)}`]);
    }
    return byPart;
  }, [shown.issues, issueText, where]);

  // The fields hold the customer's language: they take its lang (the screen reader's voice) and direction
  // (Arabic right to left); labels, help and errors around them stay in the admin's language.
  useEffect(() => {
    for (const part of parts) {
      const field = document.getElementById(`template-${part}`);
      field?.setAttribute("lang", data.locale);
      field?.setAttribute("dir", data.dir);
    }
  }, [parts, data.dir, data.locale]);

  const insert = (snippet: string) => {
    const id = `template-${focused}`;
    const element = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
    const value = draft[focused] ?? "";
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    edit((d) => ({ ...d, [focused]: value.slice(0, start) + snippet + value.slice(end) }));
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

  const tested = tester.state === "idle" ? tester.data : undefined;
  const testResult = tested && !isRefusal(tested) && tested.intent === "test" ? tested : null;
  const testRefused = tested && isRefusal(tested) ? refusalText(tested) : null;

  return (
    <>
      <Layout.Section variant="oneHalf">
        <div id="template-panel" role="tabpanel" aria-labelledby={`locale-${data.locale}`}>
          <Card>
            <BlockStack gap="400">
              <InlineStack align="space-between" blockAlign="center" gap="200" wrap>
                <BlockStack gap="050">
                  <Text as="h2" variant="headingMd">
                    {t(`heading.${data.channel}`)}
                  </Text>
                  <Text as="p" variant="bodySm" tone="subdued">
                    {data.template.source === "custom"
                      ? t("source.custom", { version: data.template.version ?? 0, date: data.template.savedAt ? format.dateTime(data.template.savedAt) : "" })
                      : data.template.version
                        ? t("source.defaultAfterReset", { version: data.template.version })
                        : t("source.default")}
                    {dirty ? ` · ${t("source.unsaved")}` : ""}
                  </Text>
                </BlockStack>
                <VariablePicker groups={data.catalog} onInsert={insert} target={t(`partNames.${focused}`)} />
              </InlineStack>

              {refused && (
                <Banner tone="critical">
                  <p>{refused}</p>
                </Banner>
              )}
              {saveIssues && saveIssues.length > 0 && (
                <Banner tone="critical" title={t("notSaved", { count: saveIssues.length })}>
                  <List>
                    {saveIssues.map((issue, i) => (
                      <List.Item key={i}>
                        <Button variant="plain" onClick={() => focusIssue(issue)}>
                          {where(issue) ? `${where(issue)}: ${issueText(issue.message)}` : issueText(issue.message)}
                        </Button>
                      </List.Item>
                    ))}
                  </List>
                </Banner>
              )}

              <BlockStack gap="300">
                  {parts.map((part) => (
                    <TextField
                      key={part}
                      id={`template-${part}`}
                      label={t(`parts.${part}`)}
                      value={draft[part] ?? ""}
                      onChange={(value) => edit((d) => ({ ...d, [part]: value }))}
                      onFocus={() => setFocused(part)}
                      multiline={part === "html" ? 10 : part === "text" ? 8 : part === "body" ? 6 : false}
                      monospaced={part === "html" || part === "text" || part === "body"}
                      autoComplete="off"
                      spellCheck={false}
                      helpText={t(`help.${part}`)}
                      error={fieldErrors.get(part)?.join(" ")}
                    />
                  ))}
              </BlockStack>
              {data.channel === "sms" && <SegmentCounter count={shown.segments} max={MAX_SMS_CHARACTERS} />}
              {shown.issues.some((i) => !i.part) && (
                <Banner tone="critical">
                  <List>
                    {shown.issues
                      .filter((i) => !i.part)
                      .map((i, n) => (
                        <List.Item key={n}>{issueText(i.message)}</List.Item>
                      ))}
                  </List>
                </Banner>
              )}
              <InlineStack align="end" gap="200">
                <Button onClick={() => post({ intent: "reset", channel: data.channel, locale: data.locale })} disabled={data.template.source === "default" || saving}>
                  {t("resetToDefault")}
                </Button>
                <Button variant="primary" onClick={save} loading={saving}>
                  {t("save")}
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
                  {t("preview.heading")}
                </Text>
                <span aria-hidden={!updating} style={{ visibility: updating ? "visible" : "hidden" }}>
                  <InlineStack gap="100" blockAlign="center">
                    <Spinner size="small" accessibilityLabel={t("preview.updatingLabel")} />
                    <Text as="span" variant="bodySm" tone="subdued">
                      {t("preview.updating")}
                    </Text>
                  </InlineStack>
                </span>
              </InlineStack>
              {previewFailed && (
                <Banner tone="warning">
                  <p>{e("preview.failed")}</p>
                </Banner>
              )}
              <Select
                label={t("preview.with")}
                options={[{ label: t("preview.sample"), value: "" }, ...data.orders.map((o) => ({ label: t("preview.order", { order: o.label }), value: o.id }))]}
                value={orderId}
                onChange={setOrderId}
                helpText={data.orders.length ? t("preview.withOrders") : t("preview.withoutOrders")}
              />
              {data.channel === "email" ? (
                <EmailPreview
                  html={shown.html}
                  subject={shown.subject}
                  preheader={shown.preheader}
                  fromName={data.shopName}
                  locale={data.locale}
                  width={width}
                  onWidthChange={setWidth}
                  emptyText={t("preview.emailEmpty")}
                />
              ) : (
                <SmsPreview text={shown.text} sender={data.shopName} locale={data.locale} />
              )}
            </BlockStack>
          </Card>

          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("test.heading")}
              </Text>
              <Text as="p" variant="bodySm" tone="subdued">
                {t("test.intro", { provider: providerName(data.provider) })}
              </Text>
              <TextField
                label={data.channel === "email" ? t("test.email") : t("test.phone")}
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
                  {t("test.send")}
                </Button>
              </InlineStack>
              {testRefused && (
                <div role="status">
                  <Banner tone="critical" title={t("test.failed")}>
                    <p>{testRefused}</p>
                  </Banner>
                </div>
              )}
              {testResult && (
                <div role="status">
                  {testResult.ok ? (
                    <Banner tone="success">{t("test.sent", { recipient: testResult.recipient, provider: providerName(testResult.provider) })}</Banner>
                  ) : (
                    <Banner tone="critical" title={t("test.failed")}>
                      <p>{issueText(testResult.error)}</p>
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
              {t("history.heading")}
            </Text>
            {data.history.length === 0 ? (
              <Text as="p" tone="subdued">
                {t(`history.none.${data.channel}`)}
              </Text>
            ) : (
              <BlockStack gap="200">
                {data.history.map((h, i) => (
                  <InlineStack key={h.version} align="space-between" blockAlign="center" gap="200">
                    <Text as="p">
                      <Text as="span" fontWeight="semibold">
                        {t("history.version", { version: h.version })}
                      </Text>
                      {` · ${format.dateTime(h.createdAt)} · ${h.reset ? t("history.reset") : h.summary}`}
                      {i === 0 ? ` ${t("history.active")}` : ""}
                    </Text>
                    {i > 0 && (
                      <Button size="slim" onClick={() => post({ intent: "restore", channel: data.channel, locale: data.locale, version: h.version })} accessibilityLabel={t("history.restoreLabel", { version: h.version })} disabled={saving}>
                        {t("history.restore")}
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


const PROVIDER_NAMES: Record<string, string> = { resend: "Resend", twilio: "Twilio" };

/** A draft as JSON (no undefined values). */
function jsonDraft(draft: TemplateDraft): Record<string, string | null> {
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v ?? null]));
}

export const ErrorBoundary = AdminErrorBoundary;
export const headers = adminHeaders;
