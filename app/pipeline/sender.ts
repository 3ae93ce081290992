/**
 * The From header: the shop's name as display name, on Herald's verified sending address.
 * `formatFrom("Café Luna", "Herald <notify@herald.app>")` -> `"Café Luna" <notify@herald.app>`.
 */
export function formatFrom(displayName: string, emailFrom: string): string {
  const address = /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim();
  const name = displayName.replace(/["\\\r\n<>]/g, "").trim();
  return name ? `"${name}" <${address}>` : address;
}
