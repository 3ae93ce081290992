import { useEffect } from "react";
import { useBlocker } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";

/**
 * Hold every way out of a screen while it has unsaved changes (its save bar shows):
 * - admin's own navigation (another admin page, another store) is held by App Bridge's save bar;
 * - the app's own navigation (a link or Back inside the app, its nav menu, the browser's back button)
 *   is a Remix navigation, which App Bridge does not promise to hold: a blocker stops it and asks App
 *   Bridge's leave confirmation (the admin's own "Leave page?" dialog), and goes on only on "Leave";
 * - reloading or closing the tab asks the browser's own question (beforeunload).
 * A change of search only (another tab of the same screen) is not leaving.
 */
export function useLeaveGuard(unsaved: boolean): void {
  const shopify = useAppBridge();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (!unsaved) {
      blocker.reset();
      return;
    }
    // "Stay" never settles App Bridge's promise: the blocker stays blocked until the next attempt.
    let current = true;
    void shopify.saveBar.leaveConfirmation().then(() => {
      if (current) blocker.proceed();
    });
    return () => {
      current = false;
    };
  }, [blocker, unsaved, shopify]);

  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chrome before 119 and Safari ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsaved]);
}
