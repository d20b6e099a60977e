/** Listings that continue over several pages. */

/**
 * Every page of a listing that continues with `next_page_token`, fetched one after another. A token
 * seen before would loop for ever: the server would be wrong, but the listing must end.
 */
export async function* followPages<P extends { next_page_token?: string }>(
  fetchPage: (token: string | undefined) => Promise<P>,
): AsyncGenerator<P> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield page;
    token = page.next_page_token || undefined;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
}
