// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import csp from './src/integrations/csp.ts';

const port = Number(process.env.PORT || 4321);

export default defineConfig({
  // The public address, when deployed (canonical links, sitemap). Unset: relative links only.
  site: process.env.SITE_URL,
  server: { port, host: true },
  preview: { port },
  trailingSlash: 'ignore',
  integrations: [
    starlight({
      title: 'Vejviser',
      description:
        'Vejledninger, tjeklister og lokale kontroller for statslige institutioner. Dine filer forlader aldrig din computer.',
      defaultLocale: 'root',
      locales: { root: { label: 'Dansk', lang: 'da' } },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/vejviser.css'],
      pagefind: true,
      disable404Route: true,
      lastUpdated: false,
      // Groups generate from the folders of content/. Starlight matches `directory` against the
      // entry's file path with src/content/docs/ removed; our guides load from ./content, so the
      // path it sees starts with content/.
      sidebar: [
        { label: 'Forside', link: '/' },
        { label: 'Vejledninger', link: '/vejledninger/' },
        { label: 'Kundeportalen', collapsed: true, items: [{ autogenerate: { directory: 'content/kundeportalen' } }] },
        { label: 'Serviceportalen', collapsed: true, items: [{ autogenerate: { directory: 'content/serviceportalen' } }] },
        { label: 'Funktionsadskillelse', collapsed: true, items: [{ autogenerate: { directory: 'content/funktionsadskillelse' } }] },
        { label: 'NemKonto', collapsed: true, items: [{ autogenerate: { directory: 'content/nemkonto' } }] },
        { label: 'Digital Post', collapsed: true, items: [{ autogenerate: { directory: 'content/digital-post' } }] },
        { label: 'Tjeklister', collapsed: false, items: [{ autogenerate: { directory: 'content/tjeklister' } }] },
        { label: 'Kontroller', collapsed: false, items: [{ autogenerate: { directory: 'content/kontroller' } }] },
        { label: 'Om Vejviser', items: [
          { label: 'Om siden', link: '/om/' },
          { label: 'Tilgængelighed', link: '/tilgaengelighed/' },
        ] },
      ],
    }),
    preact(),
    csp(),
  ],
});
