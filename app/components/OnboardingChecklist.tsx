import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, Divider, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { onboardingMessages } from "../i18n/onboarding";
import { useT } from "../i18n/react";
import { useStorefrontBlockUrl } from "./storefront-block-link";

interface Props {
  shop: string;
  checklist: { senderSet: boolean; triggerOn: boolean; testSent: boolean; storefrontBlockAdded: boolean };
}

/** Home's getting-started steps, each with what to do next. */
export function OnboardingChecklist({ shop, checklist }: Props) {
  const t = useT(onboardingMessages);
  const blockUrl = useStorefrontBlockUrl(shop);
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
          <Button url={blockUrl} target="_blank" external>
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
