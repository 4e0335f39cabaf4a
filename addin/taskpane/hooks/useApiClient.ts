/** The API client for an address, with the pane's token source and fetch; one per address. */
import { useMemo } from "react";
import { createApiClient, type ApiClient } from "#addin/api/client.ts";
import { useServices } from "./contexts.ts";

export function useApiClient(apiUrl: string): ApiClient {
  const services = useServices();
  return useMemo(
    () =>
      createApiClient({
        baseUrl: apiUrl,
        tokens: services.auth,
        ...(services.fetch ? { fetch: services.fetch } : {}),
      }),
    [apiUrl, services],
  );
}
