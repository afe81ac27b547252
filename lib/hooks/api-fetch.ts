"use client";

// JSON requests to the app's own API, turning the error envelope into an Error users can read.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export async function apiFetch<T = unknown>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError("Could not reach the server. Check your connection and try again.", 0);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as {
    error?: { message?: string; code?: string; details?: unknown };
  } | null;
  if (!res.ok) {
    const details = Array.isArray(data?.error?.details)
      ? (data.error.details as { path: string; message: string }[])
      : undefined;
    throw new ApiError(
      data?.error?.message ?? `Request failed (${res.status}).`,
      res.status,
      data?.error?.code,
      details,
    );
  }
  return data as T;
}
