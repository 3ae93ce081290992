import { useMemo, useState } from "react";
import { ActionList, BlockStack, Box, Button, Popover, Text, TextField } from "@shopify/polaris";

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

/** The Liquid a variable is inserted as: dates through local_date, the item list as a loop. */
export function snippetFor(variable: PickerVariable): string {
  if (variable.path === "line_items") return "{% for item in line_items %}{{ item.quantity }} × {{ item.title }}\n{% endfor %}";
  if (variable.kind === "date") return `{{ ${variable.path} | local_date }}`;
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
  const sections = useMemo(() => {
    const q = query.trim().toLowerCase();
    return groups
      .map((group) => ({
        title: group.label,
        items: group.variables
          .filter((v) => !q || v.path.toLowerCase().includes(q) || v.description.toLowerCase().includes(q))
          .map((v) => ({
            content: v.path,
            helpText: `${v.description}. e.g. ${v.example}${v.optional ? " (may be empty)" : ""}`,
            accessibilityLabel: `Insert ${v.path}: ${v.description}`,
            onAction: () => {
              onInsert(snippetFor(v));
              setOpen(false);
              setQuery("");
            },
          })),
      }))
      .filter((s) => s.items.length > 0);
  }, [groups, query, onInsert]);

  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      preferredAlignment="left"
      autofocusTarget="first-node"
      activator={
        <Button disclosure onClick={() => setOpen((o) => !o)} accessibilityLabel={`Insert a variable into the ${target}`} ariaExpanded={open}>
          Insert variable
        </Button>
      }
    >
      <Box padding="300" minWidth="340px">
        <BlockStack gap="200">
          <TextField label="Search variables" value={query} onChange={setQuery} autoComplete="off" clearButton onClearButtonClick={() => setQuery("")} />
          {sections.length === 0 && (
            <Text as="p" tone="subdued">
              No variable matches “{query}”.
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
