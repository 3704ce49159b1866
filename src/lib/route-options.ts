/**
 * Route options shared by the public routes: a page (or calendar, or JSON
 * document) that a signed-out visitor may be answered with from memory, by
 * src/plugins/page-cache.ts, while the data it shows is unchanged.
 */
export const PUBLIC_PAGE = { config: { publicPage: true } };

/** The feed of a committee's publications, as a page's head offers it. */
export const committeeFeed = (committee: { slug: string; name: string }) => ({
  title: `${committee.name}: what is published`,
  href: `/committees/${committee.slug}/feed.atom`,
});
