import type { defineCollection } from 'astro:content';

/** Data collections of this area (schemas and loaders). Registered in ./collections.ts. */
export const collections: Record<string, ReturnType<typeof defineCollection>> = {};
