import { useMemo, useState } from "react";
import { ActionList, BlockStack, Box, Button, Popover, Text, TextField } from "@shopify/polaris";
import { previewMessages } from "../i18n/previews";
import { useT } from "../i18n/react";

/** A documented variable, as the catalogue describes it (app/notifications/catalog.ts). */
export interface PickerVariable {
  path: string;
  kind: string;
  description: string;
  example: string;
  optional: boolean;
}

export interface PickerGroup {
  root: string;
  label: string;
  note: string | null;
  variables: PickerVariable[];
}

export interface VariablePickerProps {
  groups: PickerGroup[];
  /** Insert this Liquid where the merchant's cursor was. */
  onInsert(snippet: string): void;
  /** Which field receives the variable, for the button's accessible name. */
  target: string;
}

/** The Liquid a variable is inserted as: dates through local_date, amounts through money, the item list as a loop. */
export function snippetFor(variable: PickerVariable): string {
  if (variable.path === "line_items") return "{% for item in line_items %}{{ item.quantity }} × {{ item.title }}\n{% endfor %}";
  if (variable.kind === "date") return `{{ ${variable.path} | local_date }}`;
  // An amount's currency code is the `currency` beside it (order.total_price: order.currency).
  if (variable.kind === "money") return `{{ ${variable.path} | money: ${variable.path.replace(/[^.]+$/, "currency")} }}`;
  return `{{ ${variable.path} }}`;
}

/**
 * "Insert variable": a searchable list of the variables this trigger's templates may use, grouped by
 * object, each with its description and an example. Keyboard: the button opens it with focus in the
 * search field; Tab/arrow keys move through the list; Enter inserts; Escape closes.
 */
export function VariablePicker({ groups, onInsert, target }: VariablePickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const t = useT(previewMessages);
  const sections = useMemo(() => {
    const q = query.trim().toLowerCase();
    return groups
      .map((group) => ({
        title: Object.hasOwn(previewMessages.en.variables.groups, group.root) ? t(`variables.groups.${group.root as keyof typeof previewMessages.en.variables.groups}`) : group.label,
        items: group.variables
          .filter((v) => !q || v.path.toLowerCase().includes(q) || v.description.toLowerCase().includes(q))
          .map((v) => ({
            content: v.path,
            helpText: `${v.description}. ${t("variables.example", { example: v.example })}${v.optional ? ` ${t("variables.mayBeEmpty")}` : ""}`,
            accessibilityLabel: t("variables.insertOne", { path: v.path, description: v.description }),
            onAction: () => {
              onInsert(snippetFor(v));
              setOpen(false);
              setQuery("");
            },
          })),
      }))
      .filter((s) => s.items.length > 0);
  }, [groups, query, onInsert, t]);

  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      preferredAlignment="left"
      autofocusTarget="first-node"
      activator={
        <Button disclosure onClick={() => setOpen((o) => !o)} accessibilityLabel={t("variables.insertInto", { target })} ariaExpanded={open}>
          {t("variables.insert")}
        </Button>
      }
    >
      <Box padding="300" minWidth="340px">
        <BlockStack gap="200">
          <TextField label={t("variables.search")} value={query} onChange={setQuery} autoComplete="off" clearButton onClearButtonClick={() => setQuery("")} />
          {sections.length === 0 && (
            <Text as="p" tone="subdued">
              {t("variables.noMatch", { query })}
            </Text>
          )}
        </BlockStack>
      </Box>
      <div style={{ maxHeight: 360, overflowY: "auto" }}>
        <ActionList actionRole="menuitem" sections={sections} />
      </div>
    </Popover>
  );
}
