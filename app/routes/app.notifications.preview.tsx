import type { ActionFunctionArgs } from "@remix-run/node";
import { isStepOf, previewRequestSchema, previewTemplate, toPreviewPayload } from "../models/templates.server";
import type { MessageStep } from "../notifications/types";
import { authenticate } from "../shopify.server";

// The editor's live preview: the page posts the draft (debounced) and gets it back rendered the way a
// customer would get it, with the issues saving would report. Nothing is stored.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = previewRequestSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success || !isStepOf(parsed.data.trigger, parsed.data.step)) {
    return Response.json({ error: "Invalid preview request" }, { status: 400 });
  }
  const { trigger, step, ...rest } = parsed.data;
  return toPreviewPayload(await previewTemplate({ shop: session.shop, trigger, step: step as MessageStep, ...rest }));
};
