import { useState } from "react";
import { Button } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { adminErrorMessages } from "../i18n/admin-errors";
import { useT } from "../i18n/react";

// A download inside Shopify admin. A link cannot do it: Polaris makes `url` a Remix <Link>, which
// navigates client-side and ignores `download`, and a plain document request carries no session token
// (embedded apps authenticate with the token App Bridge adds to fetch), so it would end at the login.
// So the file is fetched (App Bridge's fetch adds the token) and handed to the browser as a Blob.

/** A button that downloads `href` (a resource route answering with Content-Disposition) as a file. */
export function DownloadButton({ href, fallbackName, accessibilityLabel, children }: { href: string; fallbackName: string; accessibilityLabel?: string; children: string }) {
  const shopify = useAppBridge();
  const t = useT(adminErrorMessages);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(href, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`${href} answered ${response.status}`);
      saveBlob(await response.blob(), attachmentName(response.headers.get("Content-Disposition")) ?? fallbackName);
    } catch {
      shopify.toast.show(t("download.failed"), { isError: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={download} loading={busy} accessibilityLabel={accessibilityLabel}>
      {children}
    </Button>
  );
}

/** The file name of `Content-Disposition: attachment; filename="..."`, if there is one. */
export function attachmentName(header: string | null): string | null {
  const match = header ? /filename="([^"]+)"|filename=([^;\s]+)/i.exec(header) : null;
  return match ? (match[1] ?? match[2]) : null;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = "none";
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Freed once the browser has surely read it (revoking at once can cancel the download in some browsers).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
