import type { defineCollection } from 'astro:content';

/** Data collections of the SoD guide pages (controls, best practice). Registered in ./collections.ts. */
export const collections: Record<string, ReturnType<typeof defineCollection>> = {};
