// A tiny interpolating formatter over the shared message tables, for code without React (CLI, rules).

export type Locale = 'zh-CN' | 'en';
export type Messages = Record<string, string>;
export type MessageTable = Record<Locale, Messages>;

/** Replaces `{{name}}` placeholders; an unknown key comes back as itself so a gap is visible. */
export function formatMessage(messages: Messages, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
