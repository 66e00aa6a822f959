import type { Urls } from './urls.ts';

export interface Section {
  id: string;
  name: string;
  parent?: string;
}

export interface Crumb {
  name: string;
  /** Absent on the last crumb: the page the reader is on. */
  href?: string;
}

/** The sections from the top down to `sectionId`, e.g. Politik, then International. */
export function sectionPath(sectionId: string, sections: readonly Section[]): Section[] {
  const path: Section[] = [];
  for (let id: string | undefined = sectionId; id; ) {
    const section = sections.find((candidate) => candidate.id === id);
    if (!section) throw new Error(`Unknown section "${id}"`);
    if (path.includes(section)) throw new Error(`Section "${id}" is its own ancestor`);
    path.unshift(section);
    id = section.parent;
  }
  return path;
}

/**
 * Startseite › Politik › International › <current page>. Without `current` the section
 * itself is the page the reader is on, so its crumb is not a link.
 */
export function breadcrumbTrail(sectionId: string, sections: readonly Section[], urls: Urls, current?: string): Crumb[] {
  const path = sectionPath(sectionId, sections);
  const linked = current === undefined ? path.slice(0, -1) : path;
  return [
    { name: 'Startseite', href: urls.home() },
    ...linked.map((section) => ({ name: section.name, href: urls.section(section.id) })),
    { name: current ?? path[path.length - 1].name },
  ];
}

/** The trail of a listing's archive page: the listing's own crumb becomes a link, the page follows. */
export function archiveTrail(trail: readonly Crumb[], listing: string, page: string): Crumb[] {
  const [last] = trail.slice(-1);
  return [...trail.slice(0, -1), { name: last.name, href: listing }, { name: page }];
}
