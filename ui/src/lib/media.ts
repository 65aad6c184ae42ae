// Images a post refers to (`/blog/2026/a.jpg`), as URLs the webview can show.
// Rust knows where the site keeps them; answers are cached because the form's
// thumbnail and the preview's cover ask on every keystroke.

import { mediaUrl } from "./ipc";

const cache = new Map<string, Promise<string | null>>();

export function resolveMedia(url: string): Promise<string | null> {
  const key = url.trim();
  if (!key) return Promise.resolve(null);
  let answer = cache.get(key);
  if (!answer) {
    answer = mediaUrl(key).catch(() => {
      // Not cached, so that a later attempt (say, once a site is open) may succeed.
      cache.delete(key);
      return null;
    });
    cache.set(key, answer);
  }
  return answer;
}

/** Another site may keep its images elsewhere. */
export function forgetMedia(): void {
  cache.clear();
}
