// The template a period's units fill, as the server says: the period names it (PUT /v1/admin/periods,
// `template`), and its latest version is fetched. One answer for the add-in and the CLI.
import type { ApiClient } from "./client.ts";

/** Undefined when the period names no template (it runs on the default one, and nothing is newer). */
export async function fetchPeriodTemplate(
  client: Pick<ApiClient, "period" | "template">,
  period: string,
): Promise<Awaited<ReturnType<ApiClient["template"]>> | undefined> {
  const id = (await client.period(period)).template;
  return id === undefined || id === null ? undefined : client.template(id);
}
