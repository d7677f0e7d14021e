/*
 * JSON calls from a page (the menu builder's review, save and icon search): same-origin, with
 * the CSRF token Shield puts in the XSRF-TOKEN cookie.
 */
function xsrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)
  return match ? decodeURIComponent(match[1]) : ''
}

export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  body: unknown
): Promise<{ status: number; data: T }> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      'Accept': 'application/json',
      'X-XSRF-TOKEN': xsrfToken(),
    },
    body: JSON.stringify(body),
  })
  const data = (await response.json().catch(() => ({}))) as T
  return { status: response.status, data }
}

export async function getJson<T>(url: string): Promise<{ status: number; data: T }> {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
  const data = (await response.json().catch(() => ({}))) as T
  return { status: response.status, data }
}
