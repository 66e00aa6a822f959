const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe to place in XML content or attribute values. */
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
