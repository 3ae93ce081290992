import { useFetcher, useRouteLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, Divider, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { onboardingMessages } from "../i18n/onboarding";
import { useT } from "../i18n/react";

interface Props {
  shop: string;
  checklist: { senderSet: boolean; triggerOn: boolean; testSent: boolean; storefrontBlockAdded: boolean };
}

/** The app block's file in extensions/back-in-stock/blocks, without .liquid: its handle. */
export const STOREFRONT_BLOCK_HANDLE = "notify-me";

/**
 * The theme editor, on the product template, adding Herald's "Notify me" app block to the
 * template's main section (Shopify's deep link for app blocks: addAppBlockId={client id}/{block
 * handle}, target=mainSection). `?context=apps` opens App embeds, where an app block never shows.
 */
export function storefrontBlockUrl(shop: string, apiKey: string): string {
  // Written as Shopify documents it (a client id and a handle need no escaping).
  return `https://${shop}/admin/themes/current/editor?template=product&addAppBlockId=${apiKey}/${STOREFRONT_BLOCK_HANDLE}&target=mainSection`;
}

/** Home's getting-started steps, each with what to do next. */
export function OnboardingChecklist({ shop, checklist }: Props) {
  const t = useT(onboardingMessages);
  // The app's client id, from the admin layout's loader (app/routes/app.tsx).
  const apiKey = useRouteLoaderData<{ apiKey: string }>("routes/app")?.apiKey ?? "";
  const mark = useFetcher();
  // While the answer is on its way, show the step as the merchant just set it.
  const pendingBlock = mark.formData?.get("added");
  const blockAdded = pendingBlock === undefined || pendingBlock === null ? checklist.storefrontBlockAdded : pendingBlock === "true";
  const steps = [
    { key: "sender", done: checklist.senderSet, action: <Button url="/app/settings">{t("checklist.sender.action")}</Button> },
    { key: "trigger", done: checklist.triggerOn, action: <Button url="/app/settings">{t("checklist.trigger.action")}</Button> },
    { key: "test", done: checklist.testSent, action: <Button url="/app/notifications/shipping/shipped">{t("checklist.test.action")}</Button> },
    {
      key: "storefront",
      done: blockAdded,
      action: (
        <InlineStack gap="200">
          <Button url={storefrontBlockUrl(shop, apiKey)} target="_blank" external>
            {t("checklist.storefront.action")}
          </Button>
          <mark.Form method="post">
            <input type="hidden" name="intent" value="storefront-block" />
            <input type="hidden" name="added" value={String(!blockAdded)} />
            <Button submit variant={blockAdded ? "plain" : "secondary"}>
              {blockAdded ? t("checklist.storefront.markUndone") : t("checklist.storefront.markDone")}
            </Button>
          </mark.Form>
        </InlineStack>
      ),
    },
  ] as const;
  const done = steps.filter((s) => s.done).length;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("checklist.heading")}
          </Text>
          <Text as="p" tone="subdued">
            {t("checklist.progress", { done, total: steps.length })}
          </Text>
        </InlineStack>
        <ProgressBar progress={(done / steps.length) * 100} size="small" tone="success" />
        <BlockStack gap="300" as="ol">
          {steps.map((step, i) => (
            <Box key={step.key} as="li">
              <BlockStack gap="200">
                {i > 0 && <Divider />}
                <InlineStack align="space-between" blockAlign="center" gap="300">
                  <BlockStack gap="100">
                    {/* align is explicit: the surrounding stack's "space-between" would otherwise carry over. */}
                    <InlineStack gap="200" align="start" blockAlign="center" wrap={false}>
                      <Badge tone={step.done ? "success" : undefined}>{step.done ? t("checklist.done") : t("checklist.todo")}</Badge>
                      <Text as="h3" variant="headingSm">
                        {t(`checklist.${step.key}.title`)}
                      </Text>
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {t(`checklist.${step.key}.body`)}
                    </Text>
                  </BlockStack>
                  {(!step.done || step.key === "storefront") && step.action}
                </InlineStack>
              </BlockStack>
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
